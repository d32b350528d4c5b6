use super::*;
use crate::game::{Actual, GameAction, Phase, Range};
use crate::storage::MemoryStore;

const V1: &str = include_str!("../../../tests/fixtures/storage/game-v1.json");

/// A game in its second round, with a revenue range.
fn game_in_play() -> Game {
    let mut game = Game::new(77);
    for team in [1, 2, 3] {
        game.apply(GameAction::EnterRange {
            team,
            range: Range {
                low: 10.0 * f64::from(team),
                high: 0.1 + 20.0 * f64::from(team),
                revenue: (team == 2).then_some((1.5e5, 2.25e5)),
            },
        })
        .expect("enters");
        game.apply(GameAction::Lock(team)).expect("locks");
    }
    game.apply(GameAction::Reveal(Actual {
        won: 21.0,
        revenue: Some(180_000.5),
    }))
    .expect("reveals");
    game.apply(GameAction::NextRound).expect("next");
    game.apply(GameAction::RenameTeam {
        team: 3,
        name: "Owls “3”".to_owned(),
    })
    .expect("renames");
    game
}

#[test]
fn the_game_round_trips_through_storage() {
    let store = MemoryStore::new();
    assert_eq!(load_game(&store, 0.0), GameLoad::Empty);
    let game = game_in_play();
    save_game(&store, &game).expect("saves");
    assert_eq!(load_game(&store, 0.0), GameLoad::Loaded(game.clone()));
    let raw = store.get(GAME_KEY).expect("reads").expect("stored");
    assert!(
        raw.starts_with(r#"{"app":"funnelcast","version":1,"game":"#),
        "{raw}"
    );
    clear_game(&store).expect("clears");
    assert_eq!(load_game(&store, 0.0), GameLoad::Empty);
}

#[test]
fn version_1_fixture_loads() {
    let game = decode_game(V1).expect("v1 fixture decodes");
    assert_eq!(game.seed, 2024);
    assert_eq!(game.teams[1].name, "Sharks");
    assert_eq!(game.phase(), Phase::Entering(1));
    let board = game.scoreboard();
    assert_eq!((board[0].hits, board[1].hits), (1, 0));
    assert_eq!((board[1].revenue_rounds, board[1].revenue_hits), (1, 1));
}

#[test]
fn damaged_values_are_reported_not_guessed() {
    assert!(matches!(
        decode_game("{\"app\":"),
        Err(DecodeError::NotJson(_))
    ));
    assert_eq!(decode_game("[1]"), Err(DecodeError::NotOurs));
    assert_eq!(
        decode_game(r#"{"app":"other","version":1}"#),
        Err(DecodeError::NotOurs)
    );
    let newer = V1.replace("\"version\": 1,", "\"version\": 3,");
    assert_eq!(decode_game(&newer), Err(DecodeError::NewerVersion(3)));
    let bad = V1.replace("\"seed\": 2024", "\"seed\": \"x\"");
    assert!(matches!(decode_game(&bad), Err(DecodeError::BadGame(_))));
    // Reads as JSON but breaks the rules: low above high.
    let broken = V1.replace("\"low\": 5, \"high\": 9", "\"low\": 9, \"high\": 5");
    let err = decode_game(&broken).expect_err("refused");
    assert!(
        err.to_string()
            .starts_with("its game is damaged (round 2: Deals won"),
        "{err}"
    );
}

#[test]
fn a_damaged_stored_game_is_reported_and_kept_aside() {
    let store = MemoryStore::new();
    store
        .set(GAME_KEY, "{\"app\":\"funnelcast\",\"ver")
        .expect("writes");
    let GameLoad::Unreadable { kept_as, raw, .. } = load_game(&store, 42.0) else {
        panic!("reported as unreadable");
    };
    assert_eq!(kept_as.as_deref(), Some("funnelcast.unreadable.game.42"));
    assert_eq!(store.get("funnelcast.unreadable.game.42"), Ok(Some(raw)));
    assert_eq!(load_game(&store, 43.0), GameLoad::Empty);
}

#[test]
fn a_full_storage_or_a_newer_game_leaves_the_stored_game_in_place() {
    let store = MemoryStore::new();
    store.set(GAME_KEY, "garbage").expect("writes");
    store.set_quota(Some(20));
    let before = store.snapshot();
    let GameLoad::Unreadable { kept_as, .. } = load_game(&store, 1.0) else {
        panic!("reported as unreadable");
    };
    assert_eq!(kept_as, None, "saving must pause");
    assert_eq!(store.snapshot(), before);

    let store = MemoryStore::new();
    let newer = V1.replace("\"version\": 1,", "\"version\": 2,");
    store.set(GAME_KEY, &newer).expect("writes");
    assert!(matches!(
        load_game(&store, 1.0),
        GameLoad::Unreadable {
            reason: DecodeError::NewerVersion(2),
            kept_as: None,
            ..
        }
    ));
    assert_eq!(store.get(GAME_KEY), Ok(Some(newer)));
}

#[test]
fn a_broken_storage_is_reported() {
    let store = MemoryStore::new();
    store.set_broken(Some(StorageError::Unavailable));
    assert_eq!(
        load_game(&store, 0.0),
        GameLoad::Unavailable(StorageError::Unavailable)
    );
    assert_eq!(
        save_game(&store, &Game::new(1)),
        Err(StorageError::Unavailable)
    );
}

#[test]
fn the_game_round_trips_through_a_file() {
    let game = game_in_play();
    let text = export_game(&game).expect("exports");
    assert!(text.contains("\"format\": \"funnelcast-game\""), "{text}");
    assert_eq!(import_game(&text), Ok(game));
}

#[test]
fn bad_game_files_are_refused_with_a_reason() {
    let big = " ".repeat(MAX_GAME_FILE_BYTES + 1);
    assert_eq!(
        import_game(&big),
        Err(GameFileError::TooLarge {
            limit: MAX_GAME_FILE_BYTES
        })
    );
    assert!(matches!(import_game("{"), Err(GameFileError::NotJson(_))));
    assert_eq!(
        import_game(V1),
        Err(GameFileError::NotAGame),
        "storage, not a file"
    );
    assert_eq!(
        import_game(r#"{"format":"funnelcast-library","version":1}"#),
        Err(GameFileError::NotAGame)
    );
    let text = export_game(&game_in_play()).expect("exports");
    let newer = text.replace("\"version\": 1", "\"version\": 5");
    assert_eq!(import_game(&newer), Err(GameFileError::NewerVersion(5)));
    let shape = text.replace("\"rounds\": 8", "\"rounds\": \"eight\"");
    assert!(matches!(
        import_game(&shape),
        Err(GameFileError::Invalid(_))
    ));
    let rules = text.replace("\"rounds\": 8", "\"rounds\": 99");
    let err = import_game(&rules).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "its game is damaged: 99 rounds with 2 played is not possible"
    );
}

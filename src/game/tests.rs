use super::*;

fn range(low: f64, high: f64) -> Range {
    Range {
        low,
        high,
        revenue: None,
    }
}

/// Enters and locks one range per team, then reveals `won`.
fn play(game: &mut Game, ranges: &[(f64, f64)], won: f64) {
    let ids: Vec<u32> = game.teams.iter().map(|t| t.id).collect();
    for (&team, &(lo, hi)) in ids.iter().zip(ranges) {
        game.apply(GameAction::EnterRange {
            team,
            range: range(lo, hi),
        })
        .expect("enters");
        game.apply(GameAction::Lock(team)).expect("locks");
    }
    game.apply(GameAction::Reveal(Actual { won, revenue: None }))
        .expect("reveals");
}

#[test]
fn a_new_game_has_three_teams_and_eight_rounds() {
    let game = Game::new(5);
    let names: Vec<&str> = game.teams.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Team 1", "Team 2", "Team 3"]);
    assert_eq!(game.rounds, 8);
    assert_eq!(game.phase(), Phase::Setup);
    assert!(game.problems().is_empty());
}

#[test]
fn teams_are_added_renamed_and_removed_in_set_up() {
    let mut game = Game::new(1);
    game.apply(GameAction::RemoveTeam(2)).expect("removes");
    game.apply(GameAction::AddTeam(None)).expect("adds");
    assert_eq!(game.teams[2].name, "Team 2", "the first free default name");
    assert_eq!(game.teams[2].id, 4, "ids are never reused");
    game.apply(GameAction::RenameTeam {
        team: 4,
        name: "  Sharks ".to_owned(),
    })
    .expect("renames");
    assert_eq!(game.teams[2].name, "Sharks");
    for _ in 3..MAX_TEAMS {
        game.apply(GameAction::AddTeam(Some("More".to_owned())))
            .expect("adds");
    }
    let before = game.clone();
    assert_eq!(
        game.apply(GameAction::AddTeam(None)),
        Err(GameError::TooManyTeams)
    );
    let rename = |name: &str| GameAction::RenameTeam {
        team: 1,
        name: name.to_owned(),
    };
    assert_eq!(game.apply(rename("  ")), Err(GameError::BadName));
    assert_eq!(game.apply(rename(&"x".repeat(41))), Err(GameError::BadName));
    assert_eq!(
        game.apply(GameAction::RemoveTeam(99)),
        Err(GameError::NoSuchTeam(99))
    );
    assert_eq!(game, before, "a refused action changes nothing");
    let mut one = Game::new(1);
    one.apply(GameAction::RemoveTeam(1)).expect("removes");
    one.apply(GameAction::RemoveTeam(2)).expect("removes");
    assert_eq!(
        one.apply(GameAction::RemoveTeam(3)),
        Err(GameError::LastTeam)
    );
}

#[test]
fn a_round_is_entered_locked_revealed_and_followed() {
    let mut game = Game::new(1);
    game.apply(GameAction::SetRounds(2)).expect("sets");
    let enter = |team, lo, hi| GameAction::EnterRange {
        team,
        range: range(lo, hi),
    };
    game.apply(enter(1, 10.0, 20.0)).expect("enters");
    assert_eq!(game.phase(), Phase::Entering(0));
    assert_eq!(
        game.apply(GameAction::AddTeam(None)),
        Err(GameError::AlreadyStarted)
    );
    assert_eq!(game.apply(GameAction::Lock(2)), Err(GameError::NoRange(2)));
    assert!(matches!(
        game.apply(enter(2, 30.0, 20.0)),
        Err(GameError::BadRange(_))
    ));
    assert!(matches!(
        game.apply(enter(2, f64::NAN, 20.0)),
        Err(GameError::BadRange(_))
    ));
    game.apply(GameAction::Lock(1)).expect("locks");
    assert_eq!(game.apply(enter(1, 0.0, 1.0)), Err(GameError::Locked(1)));
    game.apply(GameAction::Unlock(1)).expect("unlocks");
    game.apply(enter(1, 12.0, 18.0)).expect("re-enters");
    game.apply(GameAction::Lock(1)).expect("locks");
    let reveal = GameAction::Reveal(Actual {
        won: 15.0,
        revenue: None,
    });
    assert_eq!(game.apply(reveal.clone()), Err(GameError::NotAllLocked));
    for team in [2, 3] {
        game.apply(enter(team, 1.0, 5.0)).expect("enters");
        game.apply(GameAction::Lock(team)).expect("locks");
    }
    assert_eq!(
        game.apply(GameAction::NextRound),
        Err(GameError::WrongPhase)
    );
    game.apply(reveal.clone()).expect("reveals");
    assert_eq!(game.phase(), Phase::Revealed(0));
    assert_eq!(game.apply(reveal), Err(GameError::WrongPhase));
    assert_eq!(game.apply(enter(1, 0.0, 1.0)), Err(GameError::WrongPhase));
    assert_eq!(
        game.apply(GameAction::SetRounds(0)),
        Err(GameError::BadRounds(0))
    );
    game.apply(GameAction::NextRound).expect("next");
    assert_eq!(game.phase(), Phase::Entering(1));
    play(&mut game, &[(0.0, 9.0), (0.0, 9.0), (0.0, 9.0)], 9.0);
    assert_eq!(game.phase(), Phase::Finished);
    assert_eq!(
        game.apply(GameAction::NextRound),
        Err(GameError::WrongPhase)
    );
    assert!(game.problems().is_empty());
    let teams = game.teams.clone();
    game.apply(GameAction::Reset(None)).expect("resets");
    assert_eq!(
        (game.phase(), game.seed, &game.teams),
        (Phase::Setup, 1, &teams)
    );
    game.apply(GameAction::Reset(Some(9))).expect("resets");
    assert_eq!(game.seed, 9);
}

#[test]
fn the_scoreboard_equals_what_the_ranges_and_actuals_imply() {
    let mut game = Game::new(3);
    game.apply(GameAction::SetRounds(3)).expect("sets");
    // Team 1 narrow, Team 2 wide, Team 3 off-centre.
    play(&mut game, &[(18.0, 22.0), (5.0, 40.0), (30.0, 35.0)], 20.0);
    game.apply(GameAction::NextRound).expect("next");
    play(&mut game, &[(18.0, 22.0), (5.0, 40.0), (30.0, 35.0)], 25.0);
    game.apply(GameAction::NextRound).expect("next");
    play(&mut game, &[(18.0, 22.0), (5.0, 40.0), (30.0, 35.0)], 10.0);
    let board = game.scoreboard();
    // Team 1: hit (4), miss by 3 above (4 + 30), miss by 8 below (4 + 80).
    assert_eq!((board[0].hits, board[0].rounds), (1, 3));
    assert!((board[0].winkler_total - 122.0).abs() < 1e-9);
    // Team 2: three hits, width 35 each.
    assert_eq!(board[1].hits, 3);
    assert_eq!(board[1].winkler_mean(), Some(35.0));
    // Team 3: 5 + 100, 5 + 50, 5 + 200.
    assert_eq!(board[2].hits, 0);
    assert!((board[2].winkler_total - 365.0).abs() < 1e-9);
    // Band for 3 rounds: 1 to 3 hits.
    assert_eq!(board[0].line(), "Team 1: 1 of 3 — overconfident");
    assert_eq!(board[2].line(), "Team 3: 0 of 3 — overconfident");
}

#[test]
fn revenue_ranges_are_scored_when_given() {
    let mut game = Game::new(3);
    game.apply(GameAction::RemoveTeam(2)).expect("removes");
    game.apply(GameAction::RemoveTeam(3)).expect("removes");
    game.apply(GameAction::EnterRange {
        team: 1,
        range: Range {
            low: 1.0,
            high: 2.0,
            revenue: Some((1_000.0, 2_000.0)),
        },
    })
    .expect("enters");
    assert!(matches!(
        game.apply(GameAction::EnterRange {
            team: 1,
            range: Range {
                low: 1.0,
                high: 2.0,
                revenue: Some((3_000.0, 2_000.0)),
            },
        }),
        Err(GameError::BadRange(_))
    ));
    game.apply(GameAction::Lock(1)).expect("locks");
    game.apply(GameAction::Reveal(Actual {
        won: 2.0,
        revenue: Some(2_100.0),
    }))
    .expect("reveals");
    let row = &game.scoreboard()[0];
    assert_eq!((row.revenue_rounds, row.revenue_hits), (1, 0));
    assert!((row.revenue_winkler_total - 2_000.0).abs() < 1e-9);
}

#[test]
fn damaged_games_are_described() {
    let mut game = Game::new(1);
    play(&mut game, &[(1.0, 2.0), (1.0, 2.0), (1.0, 2.0)], 1.0);
    assert!(game.problems().is_empty());
    let mut bad = game.clone();
    bad.played[0].entries.pop();
    bad.teams[0].name = String::new();
    bad.rounds = 0;
    let problems = bad.problems();
    assert_eq!(problems.len(), 3, "{problems:?}");
}

#[test]
fn start_begins_round_one_only_from_set_up() {
    let mut game = Game::new(3);
    game.apply(GameAction::Start).expect("starts");
    assert_eq!(game.phase(), Phase::Entering(0));
    assert_eq!(game.current().map(|r| r.entries.len()), Some(3));
    assert!(game.problems().is_empty());
    let before = game.clone();
    assert_eq!(
        game.apply(GameAction::Start),
        Err(GameError::AlreadyStarted)
    );
    assert_eq!(game, before, "a refused start changes nothing");
}

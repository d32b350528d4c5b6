//! Round trips, hostile inputs and messages of scenario files and share links.
use super::*;
use engine::{DealValueInput, FollowUpInput, LeadsInput, TargetInput};
use rand::{RngExt, SeedableRng};

/// Random valid scenarios, for round-trip properties.
fn random_scenario(rng: &mut rand_xoshiro::Xoshiro256PlusPlus) -> ScenarioInput {
    let mut s = ScenarioInput::default();
    s.name = format!("Scenario {} “ünïcode” <b>", rng.random::<u32>());
    if rng.random::<bool>() {
        s.leads = LeadsInput::PerWeek((rng.random::<f64>() * 500.0 * 100.0).round() / 100.0);
        s.horizon_weeks = Some(f64::from(rng.random_range(1..60u32)));
    } else {
        s.leads = LeadsInput::Count(f64::from(rng.random_range(0..100_000u32)));
    }
    for stage in &mut s.stages {
        stage.rate = rng.random::<f64>();
        stage.days = rng
            .random::<bool>()
            .then(|| (rng.random::<f64>() * 60.0 * 10.0).round() / 10.0);
        stage.evidence = rng
            .random::<bool>()
            .then(|| f64::from(rng.random_range(1..1000u32)));
    }
    if rng.random::<bool>() {
        s.pipeline = Some(
            (0..6)
                .map(|_| f64::from(rng.random_range(0..500u32)))
                .collect(),
        );
        s.deal_value = Some(DealValueInput {
            median: 1000.0,
            p90: 1000.0 + rng.random::<f64>() * 1e5,
        });
        s.follow_up = Some(FollowUpInput {
            repeat_value: rng.random::<f64>(),
            referrals: rng.random::<f64>() * 0.5,
        });
        s.target = Some(TargetInput {
            revenue: Some(1e5),
            won: Some(10.0),
        });
        s.horizon_weeks = Some(13.0);
    }
    s.trials = f64::from(rng.random_range(1..100_000u32));
    s.seed = rng.random::<u64>();
    s
}

#[test]
fn export_then_import_round_trips_exactly() {
    let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(5);
    for _ in 0..200 {
        let s = random_scenario(&mut rng);
        let one =
            import_file(&export_scenario(&s).expect("exports"), "file.json").expect("imports");
        assert_eq!(
            one,
            vec![Imported {
                name: clean_name(&s.name),
                scenario: s.clone()
            }]
        );
        let lib = export_library(vec![LibraryItem {
            name: "A".into(),
            modified: 1.0,
            scenario: s.clone(),
        }])
        .expect("exports");
        assert_eq!(
            import_file(&lib, "lib.json").expect("imports")[0].scenario,
            s
        );
    }
}

#[test]
fn share_links_round_trip_exactly_and_stay_short() {
    let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(6);
    for _ in 0..200 {
        let s = random_scenario(&mut rng);
        let link = encode_link(&s).expect("encodes");
        assert!(
            link.starts_with("s1.") && link.len() < 2000,
            "{}",
            link.len()
        );
        assert_eq!(decode_link(&format!("#{link}")), Ok(s));
    }
}

#[test]
fn malformed_inputs_get_their_message() {
    let example = include_str!("../../../docs/example-scenario.json");
    let cases: Vec<(String, &str)> = vec![
        ("{".into(), "not valid JSON"),
        ("[]".into(), "neither a Funnelcast scenario"),
        ("{\"hello\": 1}".into(), "neither a Funnelcast scenario"),
        (
            example.replace("\"version\": 2", "\"version\": 3"),
            "newer version",
        ),
        (
            example.replace(
                "\"rate\": 0.60, \"days\": 7 }",
                "\"rate\": 6.0, \"days\": 7 }",
            ),
            "stages[1].rate",
        ),
        (
            example.replace("\"seed\": 42", "\"seed\": 42, \"extra\": true"),
            "unknown field `extra`",
        ),
        (
            format!("{{\"format\":\"{LIBRARY_FORMAT}\",\"version\":9,\"scenarios\":[]}}"),
            "newer version",
        ),
        (" ".repeat(MAX_FILE_BYTES + 1), "larger than"),
    ];
    for (text, needle) in cases {
        let err = import_file(&text, "f.json").expect_err("refused");
        assert!(err.to_string().contains(needle), "{needle}: {err}");
    }
    let many = export_library(
        (0..MAX_SCENARIOS + 1)
            .map(|i| LibraryItem {
                name: i.to_string(),
                modified: 0.0,
                scenario: ScenarioInput::default(),
            })
            .collect(),
    )
    .expect("exports");
    assert!(import_file(&many, "f")
        .expect_err("too many")
        .to_string()
        .contains("at most 500"));
}

#[test]
fn mangled_files_never_panic() {
    let good = include_str!("../../../docs/example-scenario.json");
    let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(8);
    for _ in 0..2000 {
        let mut bytes = good.as_bytes().to_vec();
        for _ in 0..rng.random_range(1..8) {
            let i = rng.random_range(0..bytes.len());
            let alphabet = b"{}[]\",:0123456789.eE-+ naxt";
            bytes[i] = alphabet[rng.random_range(0..alphabet.len())];
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let _ = import_file(&text, "mangled.json"); // must return, Ok or Err
    }
}

#[test]
fn damaged_links_are_refused_quickly_and_never_panic() {
    let good = encode_link(&ScenarioInput::default()).expect("encodes");
    let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(7);
    for _ in 0..2000 {
        let mut bytes = good.clone().into_bytes();
        for _ in 0..rng.random_range(1..6) {
            let i = rng.random_range(0..bytes.len());
            bytes[i] = b"ABCxyz019-_.s#%"[rng.random_range(0..15)];
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let _ = decode_link(&text); // must return, Ok or Err
    }
    for text in [
        "",
        "#",
        "s1.",
        "s9.AAAA",
        "x1.abc",
        "s1.!!!!",
        &"A".repeat(MAX_LINK_CHARS + 1),
    ] {
        assert!(decode_link(text).is_err(), "{text:.20}");
    }
    // A zip bomb: a tiny link that would inflate past the cap.
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; MAX_LINK_BYTES * 4], 9);
    let link = format!(
        "s1.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bomb)
    );
    assert!(link.len() < MAX_LINK_CHARS);
    assert!(decode_link(&link)
        .expect_err("capped")
        .to_string()
        .contains("too large"));
}

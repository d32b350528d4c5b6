use super::*;
use crate::lessons::LESSONS;
use crate::storage::files::encode_link;

const LINK: &str = "https://trainer.example/funnelcast/#s1.bZBBbsMgEEX3OQXKOlYxGAPdRVUXlXqCqBfAMLZRMUEmVtrbd3BSR4mykBD89-f_";

/// The picture's cells (quiet zone included) read back from its path, as a
/// reader of the SVG would see them: true where a run covers the cell.
fn painted(picture: &QrPicture) -> Vec<Vec<bool>> {
    let side = picture.side();
    let mut cells = vec![vec![false; side]; side];
    for command in picture.path().split('M').filter(|c| !c.is_empty()) {
        let (x, rest) = command.split_once(' ').expect("x then y");
        let (y, rest) = rest.split_once('h').expect("y then h");
        let (len, rest) = rest.split_once('v').expect("len then v");
        assert_eq!(
            rest,
            format!("1h-{len}z"),
            "a run is one module high and closed"
        );
        let (x, y, len): (usize, usize, usize) = (
            x.parse().expect("x"),
            y.parse().expect("y"),
            len.parse().expect("len"),
        );
        for cell in &mut cells[y][x..x + len] {
            assert!(!*cell, "runs never overlap");
            *cell = true;
        }
    }
    cells
}

#[test]
fn the_path_paints_exactly_the_crates_dark_modules_inside_a_quiet_zone() {
    let picture = QrPicture::encode(LINK).expect("fits");
    let code = QrCode::with_error_correction_level(LINK, EcLevel::M).expect("fits at M");
    assert_eq!(picture.width(), code.width());
    assert_eq!((picture.width() - 17) % 4, 0, "21, 25, … modules");
    assert_eq!(picture.side(), picture.width() + 8);
    assert_eq!(
        picture.view_box(),
        format!("0 0 {0} {0}", picture.width() + 8)
    );

    let cells = painted(&picture);
    let colors = code.to_colors();
    let mut dark = 0;
    for (y, row) in cells.iter().enumerate() {
        for (x, &cell) in row.iter().enumerate() {
            let inside = (QUIET_ZONE..QUIET_ZONE + picture.width()).contains(&x)
                && (QUIET_ZONE..QUIET_ZONE + picture.width()).contains(&y);
            let expected = inside
                && colors[(y - QUIET_ZONE) * picture.width() + x - QUIET_ZONE] == Color::Dark;
            assert_eq!(cell, expected, "module ({x}, {y})");
            assert_eq!(cell, inside && picture.is_dark(x - 4, y - 4));
            dark += usize::from(cell);
        }
    }
    let crate_dark = colors.iter().filter(|&&c| c == Color::Dark).count();
    assert_eq!(dark, crate_dark);
    assert!(
        dark > picture.width() * picture.width() / 3,
        "a real code is about half dark"
    );
    // The three finder patterns sit just inside the quiet zone: a dark ring,
    // a light ring, a dark 3×3 centre.
    let far = QUIET_ZONE + picture.width() - 7;
    for (left, top) in [
        (QUIET_ZONE, QUIET_ZONE),
        (far, QUIET_ZONE),
        (QUIET_ZONE, far),
    ] {
        for dy in 0..7_usize {
            for dx in 0..7_usize {
                let ring = dx.abs_diff(3).max(dy.abs_diff(3));
                assert_eq!(
                    cells[top + dy][left + dx],
                    ring != 2,
                    "finder at ({left}, {top})"
                );
            }
        }
    }
    let runs: usize = picture.runs().iter().map(|r| r.len).sum();
    assert_eq!(runs, dark);
}

#[test]
fn the_drawn_picture_decodes_to_the_text() {
    // Drawn as a camera would see the SVG (4 pixels a module, quiet zone
    // white), then found and read by an independent decoder.
    let picture = QrPicture::encode(LINK).expect("fits");
    let cells = painted(&picture);
    let scale = 4;
    let pixels = picture.side() * scale;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(pixels, pixels, |x, y| {
        if cells[y / scale][x / scale] {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code found");
    let (_, text) = grids[0].decode().expect("decodes");
    assert_eq!(text, LINK);
}

#[test]
fn a_picture_with_a_finder_pattern_wiped_does_not_decode() {
    // The check above can fail: the same modules with one finder pattern
    // broken do not decode to the text.
    let picture = QrPicture::encode(LINK).expect("fits");
    let mut cells = painted(&picture);
    for row in &mut cells[4..11] {
        for cell in &mut row[4..11] {
            *cell = false;
        }
    }
    let pixels = picture.side() * 4;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(pixels, pixels, |x, y| {
        if cells[y / 4][x / 4] {
            0
        } else {
            255
        }
    });
    let read: Vec<_> = image
        .detect_grids()
        .iter()
        .filter_map(|g| g.decode().ok())
        .collect();
    assert!(read.iter().all(|(_, text)| text != LINK), "{read:?}");
}

#[test]
fn the_longest_text_fits_and_one_byte_more_is_too_long() {
    let longest = "a".repeat(MAX_BYTES);
    let picture = QrPicture::encode(&longest).expect("version 40 at L holds it");
    assert_eq!(picture.width(), 177);
    let over = "a".repeat(MAX_BYTES + 1);
    assert_eq!(
        QrPicture::encode(&over),
        Err(QrProblem::TooLong {
            bytes: MAX_BYTES + 1
        })
    );
}

#[test]
fn every_lessons_link_fits_a_code_a_room_can_scan() {
    // The lessons' links (before and after their change) on a long sub-path:
    // small enough codes to read off a projector from the back of a room.
    let base = "https://training.example.org/funnelcast/";
    for lesson in LESSONS {
        for scenario in [(lesson.scenario)(), (lesson.changed)()] {
            let link = format!("{base}#{}", encode_link(&scenario).expect("encodes"));
            let picture = QrPicture::encode(&link).expect("fits");
            assert!(
                picture.width() <= 81,
                "{}: {} characters, {} modules",
                lesson.id,
                link.len(),
                picture.width()
            );
        }
    }
}

#[test]
fn a_valid_scenario_with_the_longest_names_outgrows_any_code() {
    // Names as long as allowed (200 and 60 characters) of random characters
    // that deflate worst (4 bytes each in UTF-8, from 42,720 CJK ideographs),
    // every number at full precision and every option set: a valid scenario
    // whose link no QR code holds, so the dialog's "too long" is a real case.
    use engine::{DealValueInput, FollowUpInput, MarketInput, Scenario, TargetInput};
    use rand::{RngExt, SeedableRng};
    let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(16);
    let mut text = |n: usize| -> String {
        (0..n)
            .map(|_| char::from_u32(rng.random_range(0x20000..0x2A6E0)).expect("a char"))
            .collect()
    };
    let mut s = (LESSONS[0].scenario)();
    s.name = text(200);
    let names: Vec<String> = (0..s.stages.len()).map(|_| text(60)).collect();
    for (stage, name) in s.stages.iter_mut().zip(names) {
        stage.name = name;
        stage.rate = rng.random::<f64>();
        stage.days = Some(1.0 + rng.random::<f64>() * 50.0);
        stage.evidence = Some(f64::from(rng.random_range(1..100_000u32)));
    }
    s.pipeline = Some(
        (0..6)
            .map(|_| f64::from(rng.random_range(0..5000u32)))
            .collect(),
    );
    s.lead_dispersion = Some(1.0 + rng.random::<f64>());
    s.deal_value = Some(DealValueInput {
        median: 1000.0 + rng.random::<f64>(),
        p90: 5000.0 + rng.random::<f64>() * 1e5,
    });
    s.follow_up = Some(FollowUpInput {
        repeat_value: rng.random::<f64>(),
        referrals: rng.random::<f64>() * 0.5,
    });
    s.target = Some(TargetInput {
        revenue: Some(1e5 + rng.random::<f64>()),
        won: Some(f64::from(rng.random_range(1..500u32))),
    });
    s.market = Some(MarketInput {
        sd: rng.random::<f64>() * 0.5,
    });
    s.seed = rng.random::<u64>();
    assert!(Scenario::new(&s).is_ok(), "{:?}", Scenario::new(&s).err());
    let link = format!(
        "http://127.0.0.1:4173/#{}",
        encode_link(&s).expect("encodes")
    );
    assert!(link.len() > MAX_BYTES, "{} characters", link.len());
    assert_eq!(
        QrPicture::encode(&link),
        Err(QrProblem::TooLong { bytes: link.len() })
    );
    // The same scenario with its names shortened to a tenth fits again.
    s.name = s.name.chars().take(20).collect();
    for stage in &mut s.stages {
        stage.name = stage.name.chars().take(6).collect();
    }
    let link = format!(
        "http://127.0.0.1:4173/#{}",
        encode_link(&s).expect("encodes")
    );
    assert!(
        QrPicture::encode(&link).is_ok(),
        "{} characters",
        link.len()
    );
}

//! 2,000 mangled exports through the reader: nothing panics, and every data
//! row ends as exactly one record or one row left out.

use super::*;
use rand::{RngExt, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// A few valid exports of both shapes, separators and date forms.
fn seeds() -> Vec<Vec<u8>> {
    let mut hubspot = String::from(
        "Record ID,Deal Name,Deal Stage,Amount,Create Date,Close Date,\
         \"Date entered \"\"Qualification (Sales Pipeline)\"\"\",\
         \"Date entered \"\"Closed won (Sales Pipeline)\"\"\",Currency\n",
    );
    let mut semicolon = String::from(
        "\u{feff}sep=;\r\nDeal ID;Amount in company currency;Created Date;Date entered Demo;Date entered Lost;Stage\r\n",
    );
    let mut salesforce = String::from("OpportunityId,StageName,CreatedDate,Amount\n");
    let mut log = String::from("deal_id\tstage\tentered_at\tvalue\n");
    for i in 0..20 {
        let d = 1 + i % 28;
        hubspot.push_str(&format!(
            "{i},\"Deal, {i}\",Closed won,\"$1,{i:03}.50\",2025-03-{d:02} 09:00,2025-04-{d:02},\
             2025-03-{d:02}T10:00:00Z,1741098125000,USD\n"
        ));
        semicolon.push_str(&format!(
            "{i};1.{i:03},50 €;{d:02}/03/2025;{d:02}.04.2025 10:30;;Demo\r\n"
        ));
        salesforce.push_str(&format!(
            "006{i},Prospecting,2025-03-{d:02}T14:22:05.000+0000,{i}000\n\
             006{i},Closed Won,04/{d:02}/2025 2:30 PM,\"{i},500\"\n"
        ));
        log.push_str(&format!(
            "{i}\tDemo\t{}\t\n",
            1_741_098_125_000_i64 + i * 86_400_000
        ));
    }
    vec![
        hubspot.into_bytes(),
        semicolon.into_bytes(),
        salesforce.into_bytes(),
        log.into_bytes(),
    ]
}

fn random_date(rng: &mut Xoshiro256PlusPlus) -> String {
    let n = |rng: &mut Xoshiro256PlusPlus, hi: u32| rng.random_range(0..hi);
    match n(rng, 5) {
        0 => format!("{:02}/{:02}/{:04}", n(rng, 40), n(rng, 40), n(rng, 3000)),
        1 => format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            n(rng, 10_000),
            n(rng, 15),
            n(rng, 35),
            n(rng, 30),
            n(rng, 70)
        ),
        2 => format!("{}", rng.random::<u64>() % 100_000_000_000_000),
        3 => format!(
            "{}.{}.{} {}:{} PM",
            n(rng, 40),
            n(rng, 40),
            n(rng, 10_000),
            n(rng, 30),
            n(rng, 99)
        ),
        _ => format!(
            "{:04}-{:02}-{:02}{}",
            n(rng, 3000),
            n(rng, 13),
            n(rng, 32),
            ["Z", "+01:00", "-0800", ""][n(rng, 4) as usize]
        ),
    }
}

fn line_starts(bytes: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .collect()
}

fn mangle(mut bytes: Vec<u8>, rng: &mut Xoshiro256PlusPlus) -> Vec<u8> {
    for _ in 0..rng.random_range(1..8) {
        let len = bytes.len();
        let at = rng.random_range(0..=len);
        let span = rng.random_range(1..6).min(len - at.min(len));
        match rng.random_range(0..10) {
            0 => {
                bytes.drain(at..at + span);
            }
            1 => {
                let noise: Vec<u8> = (0..span.max(1)).map(|_| rng.random::<u8>()).collect();
                bytes.splice(at..at, noise);
            }
            2 => {
                let copy = bytes[at..at + span].to_vec();
                bytes.splice(at..at, copy);
            }
            3 => {
                let starts = line_starts(&bytes);
                let a = starts[rng.random_range(0..starts.len())];
                let b = starts[rng.random_range(0..starts.len())];
                let (a, b) = (a.min(b), a.max(b));
                let first_end = bytes[a..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(bytes.len(), |p| a + p);
                if first_end < b {
                    let second_end = bytes[b..]
                        .iter()
                        .position(|&c| c == b'\n')
                        .map_or(bytes.len(), |p| b + p);
                    let first = bytes[a..first_end].to_vec();
                    let second = bytes[b..second_end].to_vec();
                    bytes.splice(b..second_end, first);
                    bytes.splice(a..first_end, second);
                }
            }
            4 => bytes.truncate(at),
            5 => bytes.insert(at, b'"'),
            6 => bytes.insert(
                at,
                [b',', b';', b'\t', b'\n', b'\r'][rng.random_range(0..5)],
            ),
            7 => {
                let date = random_date(rng).into_bytes();
                bytes.splice(at..at + span, date);
            }
            8 => bytes.insert(at, rng.random_range(0x80..=0xFF)),
            _ => {
                let line = ["sep=,\n", "sep=;\r\n", "\u{feff}", "sep=\t\n", "sep=\"\n"]
                    [rng.random_range(0..5)];
                bytes.splice(0..0, line.bytes());
            }
        }
    }
    bytes
}

#[test]
fn two_thousand_mangled_files_never_panic() {
    let seeds = seeds();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(14);
    let mut outcomes = [0usize; 3];
    for file in 0..2_000 {
        let bytes = mangle(seeds[file % seeds.len()].clone(), &mut rng);
        // Physical lines end with `\n` or a lone `\r`; the last may be empty.
        let lone_returns = bytes
            .windows(2)
            .filter(|w| w[0] == b'\r' && w[1] != b'\n')
            .count();
        let lines = line_starts(&bytes).len() + lone_returns + 2;
        let copy = bytes.clone();
        let order = [None, Some(DateOrder::Dmy), Some(DateOrder::Mdy)][rng.random_range(0..3)];
        let Ok(mut reader) = Reader::new(bytes) else {
            outcomes[0] += 1;
            continue;
        };
        for _ in 0..rng.random_range(0..4) {
            let read = reader.step(rng.random_range(0..8));
            assert!((0.0..=1.0).contains(&reader.progress()));
            if read != Ok(false) {
                break;
            }
        }
        let Ok(parsed) = reader.finish(order) else {
            outcomes[1] += 1;
            continue;
        };
        outcomes[2] += 1;
        assert_eq!(
            parsed.records.len() + parsed.dropped.len(),
            parsed.rows,
            "file {file}"
        );
        let mut seen: Vec<usize> = parsed.records.iter().map(|r| r.line).collect();
        seen.extend(parsed.dropped.iter().map(|n| n.row));
        seen.sort_unstable();
        assert!(
            seen.windows(2).all(|w| w[0] < w[1]),
            "one outcome per line, file {file}"
        );
        assert!(
            seen.iter().all(|&line| (2..=lines).contains(&line)),
            "file {file}: {seen:?} {:?}",
            String::from_utf8_lossy(&copy)
        );
    }
    // The mangling leaves most files readable, so the rows' paths are fuzzed too.
    assert!(outcomes[2] > 1_000, "{outcomes:?}");
}

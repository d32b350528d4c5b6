//! Seeded, portable randomness.
//!
//! Every trial gets its own generators derived from the scenario's seed and
//! the trial's index. Results therefore do not depend on how trials are
//! chunked or split between workers, and two scenarios run with the same seed
//! share their random streams trial by trial (common random numbers).
//!
//! A trial uses separate streams for separate purposes ([`Stream`]), so that
//! switching on one part of the model (say, deal values) does not change the
//! draws of another (the funnel counts).

use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

/// The engine's generator: Xoshiro256++, whose output is specified bit for bit
/// and is the same on every platform (unlike `StdRng`/`SmallRng`).
pub type TrialRng = Xoshiro256PlusPlus;

/// What a stream is used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// Rates, arrivals, stage-to-stage moves, referrals.
    Funnel = 0,
    /// When deals cross stages: weekly splits, follow-up timing, repeats.
    Timing = 1,
    /// Deal values.
    Values = 2,
    /// The per-deal view of a trial ([`crate::deals`]): never used by a
    /// forecast, so showing a quarter deal by deal changes no result.
    Deals = 3,
    /// The market shock shared by every stage: its own stream, so the same
    /// trial of every variant of a scenario (a comparison, a lever) meets the
    /// same market, and switching the shock on changes no other draw.
    Market = 4,
    /// The classroom game's mystery scenarios ([`crate::mystery`]): the
    /// "trial" is the round, so each round's scenario is its own draw.
    Mystery = 5,
}

/// SplitMix64 finaliser: a bijective mix so that neighbouring (seed, trial)
/// pairs give unrelated generator seeds.
fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The funnel generator for trial number `trial` of a run seeded with `seed`.
pub fn trial_rng(seed: u64, trial: u64) -> TrialRng {
    stream_rng(seed, trial, Stream::Funnel)
}

/// The generator of one stream of one trial.
pub fn stream_rng(seed: u64, trial: u64, stream: Stream) -> TrialRng {
    let base = splitmix64(splitmix64(seed) ^ trial);
    let mixed = match stream {
        Stream::Funnel => base,
        other => splitmix64(base ^ splitmix64(other as u64)),
    };
    TrialRng::seed_from_u64(mixed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    #[test]
    fn same_seed_and_trial_give_the_same_stream() {
        let mut a = trial_rng(42, 7);
        let mut b = trial_rng(42, 7);
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
    }

    #[test]
    fn different_trials_seeds_and_streams_differ() {
        let first = |seed, trial| trial_rng(seed, trial).next_u64();
        assert_ne!(first(42, 0), first(42, 1));
        assert_ne!(first(42, 0), first(43, 0));
        assert_ne!(first(0, 1), first(1, 0));
        let s = |stream| stream_rng(42, 0, stream).next_u64();
        assert_ne!(s(Stream::Funnel), s(Stream::Timing));
        assert_ne!(s(Stream::Timing), s(Stream::Values));
        assert_ne!(s(Stream::Values), s(Stream::Market));
    }

    /// Golden value: pins the generator so a dependency bump that changes the
    /// stream is noticed (saved seeds must keep giving the same results).
    #[test]
    fn stream_is_stable() {
        let mut rng = trial_rng(42, 0);
        let got: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        assert_eq!(got, GOLDEN_STREAM.to_vec());
    }

    const GOLDEN_STREAM: [u64; 3] = [
        16_952_325_622_244_263_635,
        13_403_855_731_906_573_151,
        8_355_527_981_390_463_759,
    ];
}

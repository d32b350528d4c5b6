//! Seeded, portable randomness.
//!
//! Every trial gets its own generator derived from the scenario's seed and the
//! trial's index. Results therefore do not depend on how trials are chunked or
//! split between workers, and two scenarios run with the same seed share their
//! random streams trial by trial (common random numbers).

use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

/// The engine's generator: Xoshiro256++, whose output is specified bit for bit
/// and is the same on every platform (unlike `StdRng`/`SmallRng`).
pub type TrialRng = Xoshiro256PlusPlus;

/// SplitMix64 finaliser: a bijective mix so that neighbouring (seed, trial)
/// pairs give unrelated generator seeds.
fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The generator for trial number `trial` of a run seeded with `seed`.
pub fn trial_rng(seed: u64, trial: u64) -> TrialRng {
    TrialRng::seed_from_u64(splitmix64(splitmix64(seed) ^ trial))
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
    fn different_trials_and_seeds_differ() {
        let first = |seed, trial| trial_rng(seed, trial).next_u64();
        assert_ne!(first(42, 0), first(42, 1));
        assert_ne!(first(42, 0), first(43, 0));
        assert_ne!(first(0, 1), first(1, 0));
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

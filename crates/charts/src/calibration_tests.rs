use super::*;

const F: Frame = Frame {
    width: 240.0,
    height: 125.0,
    left: 40.0,
    right: 0.0,
    top: 20.0,
    bottom: 0.0,
};

#[test]
fn bands_are_evenly_spaced_columns_from_zero() {
    let origins = [
        Origin {
            p10: 0.0,
            p50: 50.0,
            p90: 100.0,
            actual: 40.0,
        },
        Origin {
            p10: 20.0,
            p50: 20.0,
            p90: 20.0,
            actual: 30.0,
        },
    ];
    // Top 100 · 1.05 = 105 maps to y 20, 0 to 125: one unit per value.
    let bands = Bands::new(F, &origins);
    let marks = bands.marks(&origins);
    assert_eq!((marks[0].x, marks[1].x), (90.0, 190.0));
    assert_eq!(
        marks[0].band,
        Rect {
            x: 70.0,
            y: 25.0,
            width: 40.0,
            height: 100.0
        }
    );
    assert_eq!((marks[0].p50_y, marks[0].actual_y), (75.0, 85.0));
    assert!(marks[0].inside && !marks[1].inside);
    // A band of one value still shows.
    assert_eq!(marks[1].band.height, 1.5);
    assert_eq!(bands.y_ticks(), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
}

#[test]
fn labels_thin_out_past_the_most() {
    assert_eq!(label_every(8, 8), 1);
    assert_eq!(label_every(9, 8), 2);
    assert_eq!(label_every(40, 8), 5);
    assert_eq!(label_every(0, 8), 1);
}

#[test]
fn the_binomial_range_matches_exact_tail_sums() {
    // Binomial(8, 0.8): P(K ≤ 3) = 0.0104, P(K ≤ 4) = 0.0563, P(K ≤ 7) = 0.832:
    // 5 % falls at k = 4, 95 % at k = 8.
    assert_eq!(binomial_range(8, 0.8, 0.9), (0.5, 1.0));
    // Binomial(100, ½): P(K ≤ 41) = 0.0443, P(K ≤ 42) = 0.0666,
    // P(K ≤ 57) = 0.9334, P(K ≤ 58) = 0.9557.
    assert_eq!(binomial_range(100, 0.5, 0.9), (0.42, 0.58));
    // Certain promises and no origins.
    assert_eq!(binomial_range(5, 1.0, 0.9), (1.0, 1.0));
    assert_eq!(binomial_range(5, 0.0, 0.9), (0.0, 0.0));
    assert_eq!(binomial_range(0, 0.8, 0.9), (0.0, 1.0));
}

#[test]
fn the_binomial_range_survives_many_origins() {
    // 0.1^400 underflows from either end; the normal approximation gives
    // 0.9 ± 1.645 · √(0.9 · 0.1 / 400) = 0.875 … 0.925.
    let (lo, hi) = binomial_range(400, 0.9, 0.9);
    assert!(
        (0.87..=0.88).contains(&lo) && (0.92..=0.93).contains(&hi),
        "{lo} {hi}"
    );
}

#[test]
fn pits_fall_in_their_bins() {
    assert_eq!(
        pit_counts(&[0.0, 0.19, 0.2, 0.5, 0.99, 1.0], 5),
        vec![2, 1, 1, 0, 2]
    );
    assert_eq!(pit_bins(8), 5);
    assert_eq!(pit_bins(30), 7);
    assert_eq!(pit_bins(400), 10);
}

#[test]
fn pit_bars_stand_on_the_baseline_with_the_even_level() {
    // 4 PITs in 2 bins: even level 2; top 3 · 1.1 = 3.3 over 105 units.
    let (bars, even) = pit_bars(F, &[3, 1]);
    assert_eq!(bars.len(), 2);
    assert_eq!((bars[0].x, bars[0].width), (41.0, 98.0));
    assert!((bars[0].height - 3.0 / 3.3 * 105.0).abs() < 1e-9);
    assert!((bars[1].y + bars[1].height - 125.0).abs() < 1e-9);
    assert!((even - (125.0 - 2.0 / 3.3 * 105.0)).abs() < 1e-9);
}

#[test]
fn coverage_rows_map_shares_across_the_plot() {
    let row = coverage_row(F, 0.8, 0.875, (0.5, 1.0));
    assert_eq!((row.promise_x, row.observed_x), (200.0, 215.0));
    assert_eq!(row.range, (140.0, 240.0));
}

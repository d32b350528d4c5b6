use super::*;

const F: Frame = Frame {
    width: 640.0,
    height: 270.0,
    left: 40.0,
    right: 0.0,
    top: 30.0,
    bottom: 40.0,
};

fn unit_bins() -> Vec<Bin> {
    // Deals won 0..=5, one bar each: [v, v + 1).
    [0.1, 0.2, 0.4, 0.2, 0.05, 0.05]
        .iter()
        .enumerate()
        .map(|(i, &share)| Bin {
            low: i as f64,
            high: i as f64 + 1.0,
            share,
        })
        .collect()
}

#[test]
fn no_bins_no_layout() {
    assert!(Histogram::new(F, &[], true).is_none());
}

#[test]
fn whole_number_bars_mark_values_at_their_middle() {
    let h = Histogram::new(F, &unit_bins(), true).expect("bins");
    assert_eq!(h.span(), (0.0, 6.0));
    // 600 units over 6 bars: 100 each.
    assert_eq!(h.centre(0.0), 90.0);
    assert_eq!(h.centre(2.0), 290.0);
    assert_eq!(h.value_at(290.0), 2.0);
    // Ticks stop at the last value, not at the last bar's edge.
    assert_eq!(h.x_ticks(), vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
}

#[test]
fn money_bins_mark_values_at_their_position() {
    let bins = [
        Bin {
            low: 0.0,
            high: 50.0,
            share: 0.5,
        },
        Bin {
            low: 50.0,
            high: 100.0,
            share: 0.5,
        },
    ];
    let h = Histogram::new(F, &bins, false).expect("bins");
    assert_eq!(h.centre(50.0), 340.0);
    assert_eq!(h.value_at(340.0), 50.0);
    // Counts over a wide range are not unit bars either.
    let wide = Histogram::new(F, &bins, true).expect("bins");
    assert_eq!(wide.centre(50.0), 340.0);
    assert_eq!(wide.x_ticks(), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
}

#[test]
fn pointers_outside_the_plot_read_its_edges() {
    let h = Histogram::new(F, &unit_bins(), true).expect("bins");
    assert_eq!(h.value_at(0.0), -0.5);
    assert_eq!(h.value_at(9_999.0), 5.5);
}

#[test]
fn bars_stand_on_the_baseline_up_to_their_share() {
    let h = Histogram::new(F, &unit_bins(), true).expect("bins");
    // The tallest bar (0.4) reaches 1 / 1.1 of the plot height (200).
    let tall = h.bar(&unit_bins()[2]);
    assert_eq!(tall.x, 240.5);
    assert_eq!(tall.width, 99.0);
    assert!((tall.y - (230.0 - 200.0 / 1.1)).abs() < 1e-9);
    assert!((tall.y + tall.height - 230.0).abs() < 1e-9);
    // Empty bars are flat, and a hairline bar keeps a visible width.
    let empty = h.bar(&Bin {
        low: 0.0,
        high: 0.001,
        share: 0.0,
    });
    assert_eq!((empty.height, empty.width), (0.0, 0.5));
    assert_eq!(h.y(0.0), 230.0);
    assert_eq!(h.y_ticks(), vec![0.0, 0.1, 0.2, 0.3, 0.4]);
}

#[test]
fn dragged_targets_round_to_typed_values() {
    assert_eq!(round_target(24.6, true), 25.0);
    assert_eq!(round_target(-3.0, true), 0.0);
    assert_eq!(round_target(251_234.0, false), 250_000.0);
    assert_eq!(round_target(12_345.0, false), 12_000.0);
}

#[test]
fn arrow_keys_move_by_a_deal_or_a_fiftieth_of_the_range() {
    assert_eq!(key_step(0.0, 40.0, true), 1.0);
    assert_eq!(key_step(0.0, 1_000_000.0, false), 20_000.0);
    assert_eq!(key_step(0.0, 10.0, false), 1.0);
}

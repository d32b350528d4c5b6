use super::*;

const F: Frame = Frame {
    width: 900.0,
    height: 300.0,
    left: 64.0,
    right: 24.0,
    top: 84.0,
    bottom: 56.0,
};

#[test]
fn small_ranges_get_one_bin_per_whole_number() {
    let b = bins(&[(3.0, 1), (4.0, 2), (6.0, 1)], 3.0, 6.0);
    let edges: Vec<(f64, f64)> = b.iter().map(|b| (b.low, b.high)).collect();
    assert_eq!(edges, vec![(2.5, 3.5), (3.5, 4.5), (4.5, 5.5), (5.5, 6.5)]);
    let shares: Vec<f64> = b.iter().map(|b| b.share).collect();
    assert_eq!(shares, vec![0.25, 0.5, 0.0, 0.25]);
}

#[test]
fn wide_ranges_get_forty_equal_bins() {
    let b = bins(&[(0.0, 1), (100.0, 1), (400.0, 2)], 0.0, 400.0);
    assert_eq!(b.len(), 40);
    assert_eq!((b[0].low, b[0].high), (0.0, 10.0));
    // The top value falls in the last bin, not past it.
    assert_eq!(b[39].share, 0.5);
    assert_eq!(b[10].share, 0.25);
    let total: f64 = b.iter().map(|b| b.share).sum();
    assert!((total - 1.0).abs() < 1e-12);
}

#[test]
fn nothing_counted_no_bins() {
    assert!(bins(&[], 0.0, 5.0).is_empty());
    assert!(bins(&[(2.0, 0)], 0.0, 5.0).is_empty());
}

#[test]
fn no_values_and_no_marks_no_layout() {
    assert!(OutcomeLayout::new(F, &[], &[]).is_none());
    // A mark alone still gets an axis.
    let only_mark = OutcomeLayout::new(F, &[], &[12.0]).expect("a mark");
    assert!(only_mark.bars().is_empty());
    assert!(!only_mark.ticks().is_empty());
}

#[test]
fn the_range_holds_the_marks() {
    let layout = OutcomeLayout::new(F, &[(10.0, 3), (11.0, 1)], &[10.5, 20.0]).expect("values");
    // Bins from 9.5 to 20.5: the spreadsheet's 20 sits on the axis.
    let (px, _) = layout.mark(20.0);
    assert!(px > F.left && px < F.plot_right());
    assert_eq!(layout.bars().len(), 2);
    let ticks: Vec<f64> = layout.ticks().iter().map(|t| t.0).collect();
    let want: Vec<f64> = (10..=20).map(f64::from).collect();
    assert_eq!(ticks, want);
}

#[test]
fn bars_stand_on_the_baseline_with_gaps() {
    let layout = OutcomeLayout::new(F, &[(1.0, 1), (2.0, 3)], &[]).expect("values");
    let bars = layout.bars();
    // Bins 0.5..1.5 and 1.5..2.5 across the plot (812 wide): 406 each.
    assert!((bars[0].x - 65.0).abs() < 1e-9);
    assert!((bars[0].width - 404.0).abs() < 1e-9);
    for bar in &bars {
        assert!((bar.y + bar.height - F.baseline()).abs() < 1e-9);
    }
    // The taller bar (0.75 of quarters) reaches 1 / 1.1 of the plot height.
    assert!((bars[1].y - (F.baseline() - 160.0 / 1.1)).abs() < 1e-9);
}

#[test]
fn labels_near_an_edge_grow_inwards() {
    let layout = OutcomeLayout::new(F, &[(0.0, 1), (100.0, 1)], &[]).expect("values");
    assert_eq!(layout.mark(0.0).1, Anchor::Start);
    assert_eq!(layout.mark(50.0).1, Anchor::Middle);
    assert_eq!(layout.mark(100.0).1, Anchor::End);
    assert_eq!(Anchor::End.as_str(), "end");
}

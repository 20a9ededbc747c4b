//! The uncertainty, sensitivity and regret-map analyses against the model they are built on:
//! percentile bands in order, a seed that reproduces exactly, tornado swings equal to
//! one-at-a-time runs, and a map cell at the current scenario equal to a single run.

use layoff_whatif::analysis::{map, sensitivity, uncertainty};
use layoff_whatif::model;
use layoff_whatif::params::{spec, Role};
use layoff_whatif::presets;

fn typical() -> layoff_whatif::params::Params {
    presets::preset("typical").unwrap().params()
}

#[test]
fn percentile_bands_are_ordered_every_month() {
    let u = uncertainty::run(&typical(), 400, 7);
    assert_eq!(u.cumulative_delta_usd.len(), 48);
    for (m, q) in u.cumulative_delta_usd.iter().enumerate() {
        assert!(q.windows(2).all(|w| w[0] <= w[1]), "month {}: {q:?}", m + 1);
    }
    assert!(u.npv_usd.windows(2).all(|w| w[0] <= w[1]));
    assert!((0.0..=1.0).contains(&u.chance_npv_negative));
    if let Some(r) = u.regret_month {
        assert!(r.windows(2).all(|w| w[0] <= w[1]) && r[0] >= 1.0 && r[4] <= 48.0);
    }
}

#[test]
fn a_seed_reproduces_exactly_and_another_seed_differs() {
    let a = uncertainty::run(&typical(), 200, 42);
    let b = uncertainty::run(&typical(), 200, 42);
    let c = uncertainty::run(&typical(), 200, 43);
    assert_eq!(a, b);
    assert_ne!(a.npv_usd, c.npv_usd);
}

#[test]
fn draws_vary_estimates_and_keep_decisions() {
    let base = typical();
    let mut rng = layoff_whatif::analysis::rng::Rng::new(3);
    let drawn = uncertainty::draw(
        &base,
        &layoff_whatif::analysis::Ranges::of_default(&base),
        &mut rng,
    );
    for s in layoff_whatif::params::PARAMS {
        let (b, d) = (s.get(&base), s.get(&drawn));
        assert!(s.accepts(d), "{} drawn {d} outside its range", s.key);
        if s.role == Role::Decision {
            assert_eq!(b, d, "{} is a decision and must not vary", s.key);
        }
    }
    assert_ne!(drawn.ai_resolution_rate, base.ai_resolution_rate);
}

#[test]
fn the_status_quo_has_no_uncertainty_about_zero() {
    let params = presets::preset("status-quo").unwrap().params();
    let u = uncertainty::run(&params, 100, 1);
    assert!(u.cumulative_delta_usd.iter().flatten().all(|&v| v == 0.0));
    assert_eq!(u.chance_npv_negative, 0.0);
}

#[test]
fn tornado_swings_match_one_at_a_time_runs() {
    let base = typical();
    let bars = sensitivity::tornado(&base);
    assert!(bars.len() > 10);
    assert!(bars
        .windows(2)
        .all(|w| w[0].swing_usd() >= w[1].swing_usd()));
    for bar in &bars {
        assert_eq!(bar.spec.role, Role::Estimate);
        let mut low = base.clone();
        bar.spec.set(&mut low, bar.low_value);
        let mut high = base.clone();
        bar.spec.set(&mut high, bar.high_value);
        assert_eq!(
            bar.npv_at_low_usd,
            model::run(&low).summary.npv_usd,
            "{}",
            bar.spec.key
        );
        assert_eq!(
            bar.npv_at_high_usd,
            model::run(&high).summary.npv_usd,
            "{}",
            bar.spec.key
        );
    }
}

#[test]
fn a_switching_value_is_where_npv_changes_sign() {
    let base = typical();
    let bars = sensitivity::tornado(&base);
    let with_switch: Vec<_> = bars
        .iter()
        .filter(|b| b.switching_value.is_some())
        .collect();
    assert!(
        !with_switch.is_empty(),
        "the typical scenario has at least one switching value"
    );
    for bar in with_switch {
        let v = bar.switching_value.unwrap();
        let tolerance = if bar.spec.unit.is_whole() {
            1.0
        } else {
            bar.spec.step
        };
        let below = sensitivity::npv_with(&base, bar.spec, (v - tolerance).max(bar.spec.min));
        let above = sensitivity::npv_with(&base, bar.spec, (v + tolerance).min(bar.spec.max));
        assert!(
            (below < 0.0) != (above < 0.0),
            "{} at {v}: {below} vs {above}",
            bar.spec.key
        );
    }
}

#[test]
fn the_map_cell_at_the_current_scenario_equals_a_single_run() {
    // 0.45 of the 0..0.9 layoff range and 0.6 of 0.2..0.95 fall on the 41-point grid.
    let mut base = typical();
    base.layoff_share = 0.45;
    base.ai_resolution_rate = 0.2 + 0.75 * 16.0 / 40.0;
    let m = map::regret_map(&base, "layoffShare", "aiResolutionRate", 41).unwrap();
    assert_eq!((m.xs.len(), m.ys.len()), (41, 41));
    let column =
        m.xs.iter()
            .position(|&x| x == base.layoff_share)
            .expect("x on grid");
    let row =
        m.ys.iter()
            .position(|&y| y == base.ai_resolution_rate)
            .expect("y on grid");
    let single = model::run(&base).summary;
    assert_eq!(m.npv_usd[row * 41 + column], single.npv_usd);
    assert_eq!(m.regret_month[row * 41 + column], single.regret_month);
}

#[test]
fn map_axes_are_checked() {
    let base = typical();
    assert!(matches!(
        map::regret_map(&base, "nope", "aiShare", 41),
        Err(map::MapError::UnknownKey(_))
    ));
    assert!(matches!(
        map::regret_map(&base, "aiShare", "aiShare", 41),
        Err(map::MapError::SameAxes)
    ));
    assert!(matches!(
        map::regret_map(&base, "modelDepth", "aiShare", 41),
        Err(map::MapError::NotAnAxis(_))
    ));
    assert!(matches!(
        map::regret_map(&base, "aiShare", "layoffShare", 4),
        Err(map::MapError::Cells(4))
    ));
    // A whole-number axis takes each whole value once.
    let m = map::regret_map(&base, "recognitionDelayMonths", "layoffShare", 41).unwrap();
    assert_eq!(m.xs.len(), 25);
    assert!(spec("recognitionDelayMonths").unwrap().unit.is_whole());
}

#[test]
fn identical_draws_give_ordered_percentiles() {
    // Regression: with aiShare 0 at depth 1 every draw is the same run, and interpolating
    // between equal neighbours came out one ulp out of order (month 41 of this scenario).
    let mut params = typical();
    params.ai_share = 0.0;
    params.model_depth = 1.0;
    let u = uncertainty::run(&params, 1000, 1);
    for q in &u.cumulative_delta_usd {
        assert!(q.windows(2).all(|w| w[0] <= w[1]), "{q:?}");
        assert!(
            q.iter().all(|&v| v == q[0]),
            "identical draws give one value: {q:?}"
        );
    }
}

/// Regression (issue 13, problem 4): a preset's value carries its own evidence, so the
/// uncertainty ranges come from it, never from the default it replaced; an assumption spans
/// its whole valid range unless a range is documented.
#[test]
fn uncertainty_ranges_follow_each_values_own_evidence() {
    use layoff_whatif::analysis::Ranges;
    use layoff_whatif::params::{spec, PARAMS};
    use layoff_whatif::presets::preset;
    let index = |key: &str| PARAMS.iter().position(|s| s.key == key).unwrap();
    let klarna = preset("klarna-like").unwrap();
    let params = klarna.params();
    let ranges = Ranges::new(klarna, &params);
    // An assumption with no documented range: the whole valid range.
    let fixed = spec("aiFixedCostPerMonth").unwrap();
    assert_eq!(
        ranges.get(index("aiFixedCostPerMonth")),
        Some((fixed.min, fixed.max))
    );
    // A documented range on the preset's own entry.
    assert_eq!(
        ranges.get(index("aiSetupCost")),
        Some((2_000_000.0, 3_000_000.0))
    );
    // A decision is held fixed.
    assert_eq!(ranges.get(index("layoffShare")), None);
    // Changed by the reader: the documented range no longer applies.
    let mut changed = params.clone();
    changed.ai_setup_cost = 4_000_000.0;
    let (low, high) = Ranges::new(klarna, &changed)
        .get(index("aiSetupCost"))
        .unwrap();
    assert!(low <= 4_000_000.0 && high >= 4_000_000.0 && (low, high) != (2_000_000.0, 3_000_000.0));
    // The company presets no longer look near-certain winners.
    let u = uncertainty::run_with(&params, &ranges, 400, 1);
    assert!(
        u.chance_npv_negative > 0.05,
        "chance of a loss {}",
        u.chance_npv_negative
    );
}

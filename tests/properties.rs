//! Property tests for the economics: what must hold anywhere in the valid parameter box.
//! Each case draws every parameter uniformly inside its range (whole where the unit needs
//! it), so the corners a slider can reach are covered, not just the presets.

use layoff_whatif::model::{self, Outcome, WAGE_TO_LOADED_COST, WEEKS_PER_MONTH};
use layoff_whatif::params::{Params, PARAMS};
use layoff_whatif::plausibility::{self, Warning};
use layoff_whatif::wire::{ResultWire, SeriesWire, SERIES_COLUMNS};
use layoff_whatif::{presets, validate};
use proptest::prelude::*;

/// Any valid parameter set: every key inside its range, the cut before the horizon's end.
fn any_params() -> impl Strategy<Value = Params> {
    let per_key: Vec<_> = PARAMS
        .iter()
        .map(|spec| {
            let whole = spec.unit.is_whole();
            (spec.min..=spec.max).prop_map(move |v| if whole { v.round() } else { v })
        })
        .collect();
    per_key.prop_map(|values| {
        let mut params = Params::default();
        for (spec, v) in PARAMS.iter().zip(values) {
            spec.set(&mut params, v);
        }
        if params.layoff_month >= params.horizon_months {
            params.layoff_month = params.horizon_months - 1.0;
        }
        params
    })
}

fn assert_all_finite(outcome: &Outcome) -> Result<(), TestCaseError> {
    let series = SeriesWire::from_outcome(outcome);
    for (c, name) in SERIES_COLUMNS.iter().enumerate() {
        for (i, v) in series.column(c).iter().enumerate() {
            prop_assert!(v.is_finite(), "{name}[{i}] = {v}");
        }
    }
    let s = &outcome.summary;
    for (name, v) in [
        ("npv", s.npv_usd),
        ("npvVsAugment", s.npv_vs_augment_usd),
        ("breakEven", s.break_even_extra_churn_per_year),
        ("aiAgentEquivalent", s.ai_agent_equivalent),
        ("costPerContactChange", s.cost_per_contact_change),
        ("supportCostSaved", s.support_cost_saved_per_year_usd),
        ("rehireCost", s.rehire_cost_usd),
        ("customersLost", s.customers_lost),
    ] {
        prop_assert!(v.is_finite(), "summary {name} = {v}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn every_output_is_finite(params in any_params()) {
        assert_all_finite(&model::run(&params))?;
    }

    #[test]
    fn stocks_and_costs_are_never_negative(params in any_params()) {
        let outcome = model::run(&params);
        // Stocks are computed by subtraction in places; allow rounding noise only.
        let eps = 1e-9 * params.headcount_before.max(params.customers_before);
        for path in [&outcome.scenario, &outcome.baseline, &outcome.augment] {
            for (i, m) in path.iter().enumerate() {
                for (name, v) in [
                    ("experienced", m.experienced),
                    ("rookies", m.rookies),
                    ("trainees", m.trainees),
                    ("vacancies", m.vacancies),
                    ("headcount", m.headcount),
                    ("customers", m.customers),
                    ("contacts", m.contacts),
                    ("wages", m.wages_usd),
                    ("severance", m.severance_usd),
                    ("ai", m.ai_usd),
                    ("hiring", m.hiring_usd),
                    ("badShare", m.bad_contact_share),
                    ("unservedShare", m.unserved_share),
                ] {
                    prop_assert!(v >= -eps, "{name}[{i}] = {v}");
                }
                prop_assert!(m.bad_contact_share <= 1.0 + 1e-12);
                prop_assert!(m.unserved_share <= 1.0 + 1e-12);
            }
        }
    }

    #[test]
    fn nothing_cut_and_no_ai_gives_exactly_zero_difference(mut params in any_params()) {
        params.layoff_share = 0.0;
        params.ai_share = 0.0;
        let outcome = model::run(&params);
        for (i, c) in outcome.cumulative_delta_usd.iter().enumerate() {
            prop_assert_eq!(*c, 0.0, "month {}", i + 1);
            prop_assert_eq!(outcome.monthly_delta_usd(i), 0.0);
        }
        prop_assert_eq!(outcome.summary.npv_usd, 0.0);
        prop_assert_eq!(outcome.summary.payback_month, None);
        prop_assert_eq!(outcome.summary.regret_month, None);
    }

    #[test]
    fn a_higher_ai_price_never_raises_npv(params in any_params(), raise in 0.0f64..=1.0) {
        let mut dearer = params.clone();
        dearer.ai_price_per_conversation += raise * (5.0 - params.ai_price_per_conversation);
        let cheap = model::run(&params).summary.npv_usd;
        let dear = model::run(&dearer).summary.npv_usd;
        prop_assert!(dear <= cheap, "price {} -> {}: npv {} -> {}",
            params.ai_price_per_conversation, dearer.ai_price_per_conversation, cheap, dear);
    }

    #[test]
    fn depth_one_is_the_hand_computed_ledger(mut params in any_params()) {
        params.model_depth = 1.0;
        let outcome = model::run(&params);
        let p = &params;
        let cut = p.layoff_month as usize;
        let contacts = p.customers_before * p.contacts_per_customer_per_month;
        let laid_off = p.layoff_share * p.headcount_before;
        let mut ledger = 0.0;
        for t in 0..p.horizon_months as usize {
            // Saved wages from the cut month on.
            if t >= cut {
                ledger += laid_off * p.loaded_cost_per_agent_per_month;
            }
            // Severance in the cut month: weeks of wage (loaded cost without benefits).
            if t == cut {
                ledger -= laid_off * p.severance_share * p.severance_weeks * p.loaded_cost_per_agent_per_month
                    / WAGE_TO_LOADED_COST / WEEKS_PER_MONTH;
            }
            // The AI bill from launch (month 0): build cost, fixed cost, price x conversations.
            if p.ai_share > 0.0 {
                let ramp = if p.ai_ramp_months == 0.0 { 1.0 } else { ((t + 1) as f64 / p.ai_ramp_months).min(1.0) };
                let price = p.ai_price_per_conversation * (1.0 + p.ai_price_growth_per_year).powf(t as f64 / 12.0);
                ledger -= p.ai_fixed_cost_per_month + price * p.ai_share * ramp * contacts;
                if t == 0 {
                    ledger -= p.ai_setup_cost;
                }
            }
            let model_value = outcome.cumulative_delta_usd[t];
            // The model grows the AI price by a monthly factor, the ledger by a power: they part
            // by rounding that grows with the months summed.
            let tolerance = 1e-9 * (t + 1) as f64 * (ledger.abs() + p.headcount_before * p.loaded_cost_per_agent_per_month);
            prop_assert!((model_value - ledger).abs() <= tolerance,
                "month {}: model {} vs ledger {}", t + 1, model_value, ledger);
        }
    }

    #[test]
    fn payback_peak_and_regret_come_in_order(params in any_params()) {
        let s = model::run(&params).summary;
        if let (Some(payback), Some(peak)) = (s.payback_month, s.peak_month) {
            prop_assert!(payback <= peak);
        }
        if let Some(regret) = s.regret_month {
            prop_assert!(s.peak_month.is_some_and(|peak| peak < regret));
        }
    }
}

#[test]
fn the_cost_layers_add_up_to_the_months_support_cost_and_lost_margin() {
    // The costs chart stacks `Month::cost_layers_usd`: the layers split the month's support
    // cost (payroll into working staff and trainees) and add the margin lost, nothing else.
    for name in ["typical", "klarna-like", "salesforce-like"] {
        let outcome = model::run(&presets::preset(name).unwrap().params());
        for (i, (s, b)) in outcome.scenario.iter().zip(&outcome.baseline).enumerate() {
            let layers = outcome.cost_layers_usd(i);
            let expected = s.support_cost_usd() + s.lost_margin_usd(b).max(0.0);
            let error = (layers.total_usd() - expected).abs();
            assert!(
                error <= 1e-9 * expected.max(1.0),
                "{name} month {i}: {error}"
            );
        }
    }
}

#[test]
fn the_status_quo_preset_equals_the_baseline_every_month() {
    let params = presets::preset("status-quo").unwrap().params();
    let outcome = model::run(&params);
    assert_eq!(outcome.scenario, outcome.baseline);
    assert!(outcome.cumulative_delta_usd.iter().all(|&c| c == 0.0));
}

#[test]
fn results_serialize_with_the_documented_names() {
    let scenario = validate::validate(&Default::default()).unwrap();
    let outcome = model::run(&scenario.params);
    let json = serde_json::to_value(ResultWire::new(&scenario, &outcome)).unwrap();
    for key in [
        "npv",
        "paybackMonth",
        "peakMonth",
        "regretMonth",
        "breakEvenExtraChurn",
        "rehireStartMonth",
    ] {
        assert!(json["summary"].get(key).is_some(), "summary.{key}");
    }
    for key in [
        "month",
        "cumulativeDelta",
        "headcount",
        "customers",
        "badContactShare",
        "wages",
        "severance",
        "aiCost",
        "hiringAndTraining",
        "lostMargin",
    ] {
        let series = json["series"][key]
            .as_array()
            .unwrap_or_else(|| panic!("series.{key}"));
        assert_eq!(series.len(), 48, "series.{key}");
    }
}

/// How much a month's shift of the hiring pipeline may move NPV against the rule "sooner is
/// never worse": people arrive in whole months and trainees, rookies and boomerangs land in
/// different months, so two corrections a month apart can differ by a hair the other way
/// (docs/MODEL.md, "Properties", gives the largest seen).
const TIMING_TOLERANCE: f64 = 0.01;

/// Months for a correction's hiring, training and ramp to be mostly done: three time
/// constants of each stage (95% of a first-order delay).
fn correction_settles_in(p: &Params) -> f64 {
    3.0 * (p.time_to_fill_months + p.training_months + p.ramp_months)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    /// "A small cut with slack never triggers a rehire": with at most 5% cut and people never
    /// pressed beyond their capacity, quality is what the AI mix was expected to give, so
    /// managers see nothing to correct.
    #[test]
    fn a_small_cut_with_slack_never_triggers_a_rehire(mut params in any_params(), cut in 0.0f64..=0.05) {
        params.layoff_share = cut;
        let outcome = model::run(&params);
        let slack = outcome.scenario.iter().all(|m| m.work_pressure <= 1.0);
        if slack {
            prop_assert_eq!(outcome.summary.rehire_start_month, None,
                "rehire with slack: cut {}, pressure max {}", cut,
                outcome.scenario.iter().map(|m| m.work_pressure).fold(0.0, f64::max));
        }
    }

    /// "Rehiring more of the cut never makes service worse": other things equal, a larger
    /// rehire share gives a mean bad-contact share over the horizon no higher, where the
    /// people hired back relieve the team and take no work back from the AI. (Month by month
    /// it can rise by a hair late on: the better service keeps more customers, whose contacts
    /// press the team again; docs/MODEL.md, "Properties", says so with numbers.)
    #[test]
    fn rehiring_more_never_makes_service_worse(mut params in any_params(), more in 0.0f64..=1.0) {
        // Where the people hired back also take work back from the AI, this does not hold
        // over the whole box: see the test below and docs/MODEL.md, "Properties".
        params.correction_hand_back_share = 0.0;
        let mut larger = params.clone();
        larger.rehire_share = params.rehire_share + more * (1.0 - params.rehire_share);
        let mean_bad = |o: &Outcome| {
            o.scenario.iter().map(|m| m.bad_contact_share).sum::<f64>() / o.scenario.len() as f64
        };
        let a = mean_bad(&model::run(&params));
        let b = mean_bad(&model::run(&larger));
        prop_assert!(b <= a + 1e-12,
            "rehire {} -> {} made the mean bad-contact share {} -> {}",
            params.rehire_share, larger.rehire_share, a, b);
    }
}

/// "Correcting sooner is never worse", where a correction is worth making. Over the whole
/// valid box this does not hold: a correction's cost comes at once and the customers it keeps
/// come back slowly, so where it does not pay back inside the horizon later looks cheaper,
/// and even where it pays, a month sooner can cost a fraction of a percent more when the
/// hiring pipeline's timing lands badly (docs/MODEL.md, "Properties", with numbers). It is
/// held here for the typical preset, whose correction pays over ten years, delay by delay.
#[test]
fn correcting_sooner_is_never_worse_for_the_typical_cut_over_ten_years() {
    for (name, overrides) in [("typical", &[][..])] {
        let mut params = presets::preset(name).unwrap().params();
        params.horizon_months = 120.0;
        for &(key, value) in overrides {
            layoff_whatif::params::spec(key)
                .unwrap()
                .set(&mut params, value);
        }
        let mut never = params.clone();
        never.rehire_share = 0.0;
        let npv_never = model::run(&never).summary.npv_usd;
        let mut previous = f64::INFINITY;
        for delay in 0..=24 {
            params.recognition_delay_months = f64::from(delay);
            let npv = model::run(&params).summary.npv_usd;
            assert!(
                npv > npv_never,
                "{name} {overrides:?}: correcting after {delay} months does not pay"
            );
            assert!(
                npv <= previous + TIMING_TOLERANCE * npv.abs(),
                "{name} {overrides:?}: delay {delay} gives {npv}, more than {previous}"
            );
            previous = npv;
        }
    }
}

/// Regression (issue 13, problem 2): a 1% cut with slack once "rehired", because the trigger
/// watched the whole bad-contact share, which the AI mix alone raises.
#[test]
fn a_one_percent_cut_with_slack_does_not_rehire() {
    let mut params = presets::preset("typical").unwrap().params();
    params.layoff_share = 0.01;
    let outcome = model::run(&params);
    assert!(
        outcome.scenario.iter().all(|m| m.work_pressure <= 1.0),
        "no slack"
    );
    assert_eq!(outcome.summary.rehire_start_month, None);
}

/// Regression (issue 13, problem 1): a correction that cannot correct. It now hands contacts
/// back and lets standards recover, so quality after a full reversal comes back near the
/// start.
#[test]
fn a_full_reversal_restores_quality() {
    let mut params = presets::preset("typical").unwrap().params();
    params.rehire_share = 1.0;
    params.correction_hand_back_share = 1.0;
    let o = model::run(&params);
    let worst = o.summary.peak_bad_contact_share;
    let last = o.scenario.last().unwrap();
    assert!(worst > 0.3, "quality collapses first: {worst}");
    assert!(
        last.bad_contact_share < 0.14,
        "and recovers: {}",
        last.bad_contact_share
    );
    assert!(
        last.quality_standard > 0.95,
        "standards recover: {}",
        last.quality_standard
    );
    assert!(
        last.ai_share < 0.01,
        "contacts handed back: {}",
        last.ai_share
    );
}

proptest! {
    // A fixed seed: the tolerance below is set from a search of the box (docs/MODEL.md), so
    // the same cases run everywhere and a failure is reproducible.
    #![proptest_config(ProptestConfig {
        cases: 20_000,
        rng_seed: proptest::test_runner::RngSeed::Fixed(13),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// "Correcting sooner is never worse" over the valid box, where a correction is worth
    /// making: when quality collapses and correcting at once beats never correcting by more
    /// than a tenth, a correction that comes earlier is worth no less than one that comes
    /// later (NPV at the horizon, within the pipeline's timing tolerance), comparing
    /// corrections whose hiring and ramp finish inside the horizon, in scenarios that describe
    /// a real team (no contacts-per-agent warning). docs/MODEL.md, "Properties", gives the
    /// exceptions with numbers.
    #[test]
    fn correcting_sooner_is_never_worse_where_correcting_pays(
        mut params in any_params(), first in 0u32..=24, later in 1u32..=24,
    ) {
        params.model_depth = params.model_depth.max(3.0);
        if params.rehire_share == 0.0 {
            params.rehire_share = 0.5;
        }
        let plausible = plausibility::warnings(&params, &model::run(&params)).iter().all(|w| {
            !matches!(w, Warning::ContactsPerAgentHigh(_) | Warning::ContactsPerAgentLow(_))
        });
        if !plausible {
            return Ok(());
        }
        let run_with_delay = |delay: f64| {
            let mut p = params.clone();
            p.recognition_delay_months = delay;
            model::run(&p)
        };
        let (early_delay, late_delay) = (f64::from(first), f64::from(first + later).min(24.0));
        let o_late = run_with_delay(late_delay);
        let Some(late_start) = o_late.summary.rehire_start_month else { return Ok(()) };
        if f64::from(late_start) + correction_settles_in(&params) > params.horizon_months {
            return Ok(());
        }
        let mut never = params.clone();
        never.rehire_share = 0.0;
        let npv_never = model::run(&never).summary.npv_usd;
        if run_with_delay(0.0).summary.npv_usd - npv_never <= 0.1 * npv_never.abs() {
            return Ok(());
        }
        let (a, b) = (run_with_delay(early_delay).summary.npv_usd, o_late.summary.npv_usd);
        prop_assert!(a >= b - TIMING_TOLERANCE * 0.5 * (a.abs() + b.abs()),
            "delay {} -> npv {}, delay {} -> npv {} ({:.4}% worse)", early_delay, a,
            late_delay, b, 100.0 * (b - a) / a.abs());
    }
}

/// The known limit of "rehiring more never makes service worse" (docs/MODEL.md,
/// "Properties"): people hired back take work back from the AI in step with their hiring,
/// even while the team is still overloaded, and work handed to an overloaded team goes
/// unserved more often than the AI gets it wrong. Here a cut of 30% overloads the team
/// (pressure 1.17 after the correction); hiring back 7.8% of the cut instead of 3.8% hands
/// back more contacts and raises the mean bad-contact share from 0.1709 to 0.1715. When the
/// model learns to hand work back only into room, this fails: then restore the property
/// above to every hand-back share and update docs/MODEL.md.
#[test]
fn handing_ai_work_back_to_an_overloaded_team_can_make_service_worse() {
    let mut p = presets::preset("typical").unwrap().params();
    // Every field set: the case proptest shrank to, so no preset value leaks in.
    (
        p.horizon_months,
        p.headcount_before,
        p.layoff_share,
        p.layoff_month,
    ) = (111.0, 10.0, 0.2994, 0.0);
    (
        p.loaded_cost_per_agent_per_month,
        p.severance_weeks,
        p.severance_share,
    ) = (1000.0, 0.0, 0.0);
    (
        p.ai_share,
        p.ai_ramp_months,
        p.ai_resolution_rate,
        p.ai_silent_failure_share,
    ) = (0.2046, 0.0, 0.8811, 0.0329);
    (
        p.escalation_handle_factor,
        p.ai_price_per_conversation,
        p.ai_price_growth_per_year,
    ) = (1.0, 0.05, 0.0);
    (p.ai_fixed_cost_per_month, p.ai_setup_cost) = (0.0, 0.0);
    (p.customers_before, p.contacts_per_customer_per_month) = (1000.0, 0.005);
    (
        p.revenue_per_customer_per_month,
        p.contribution_margin,
        p.baseline_churn_per_month,
    ) = (0.1, 0.1, 0.001);
    (
        p.bad_contact_chance_human,
        p.bad_contact_chance_ai,
        p.bad_contact_chance_escalated,
    ) = (0.05, 0.02, 0.2);
    (p.defection_per_bad_contact, p.perception_delay_months) = (0.02, 1.0);
    (p.attrition_per_year, p.time_to_fill_months, p.cost_per_hire) = (0.4066, 0.5, 0.0);
    (
        p.training_months,
        p.ramp_months,
        p.rehire_trigger_rise,
        p.recognition_delay_months,
    ) = (0.25, 1.0, 0.05, 0.0);
    (
        p.rehire_share,
        p.correction_hand_back_share,
        p.rehire_pay_factor,
    ) = (0.0378, 0.9957, 0.5);
    (
        p.boomerang_share,
        p.survivor_quit_boost,
        p.corner_cutting_elasticity,
    ) = (0.0, 0.0, 0.0);
    (
        p.standard_erosion_months,
        p.standard_recovery_months,
        p.knowledge_loss_share,
    ) = (1.0, 1.0, 0.0);
    (
        p.augment_productivity_gain,
        p.augment_cost_per_agent_per_month,
    ) = (0.0, 0.0);
    (p.discount_rate_per_year, p.model_depth) = (0.0, 4.0);
    for spec in PARAMS {
        let value = spec.get(&p);
        assert!(
            (spec.min..=spec.max).contains(&value),
            "{} = {value} is in range",
            spec.key
        );
    }
    let mean_bad = |o: &Outcome| {
        o.scenario.iter().map(|m| m.bad_contact_share).sum::<f64>() / o.scenario.len() as f64
    };
    let fewer = model::run(&p);
    let mut more = p.clone();
    more.rehire_share = 0.0782;
    let more = model::run(&more);
    assert_eq!(fewer.summary.rehire_start_month, Some(2));
    assert!(
        fewer.scenario[12].work_pressure > 1.1,
        "the team is still overloaded after the correction"
    );
    let (a, b) = (mean_bad(&fewer), mean_bad(&more));
    assert!(
        b > a + 0.0003,
        "the known limit: mean bad-contact share {a} -> {b}"
    );
    // With nothing handed back the same larger rehire helps, as the property above says.
    p.correction_hand_back_share = 0.0;
    let mut more_kept = p.clone();
    more_kept.rehire_share = 0.0782;
    assert!(mean_bad(&model::run(&more_kept)) <= mean_bad(&model::run(&p)));
}

//! Property tests for the economics: what must hold anywhere in the valid parameter box.
//! Each case draws every parameter uniformly inside its range (whole where the unit needs
//! it), so the corners a slider can reach are covered, not just the presets.

use layoff_whatif::model::{self, Outcome, WAGE_TO_LOADED_COST, WEEKS_PER_MONTH};
use layoff_whatif::params::{Params, PARAMS};
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
                ledger -= laid_off * p.severance_weeks * p.loaded_cost_per_agent_per_month
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
            let tolerance = 1e-9 * (ledger.abs() + p.headcount_before * p.loaded_cost_per_agent_per_month);
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

//! Fidelity: each company-like preset against the figures it is calibrated to. A figure the
//! model reproduces is checked within 10%; a figure the reports themselves contradict is
//! pinned to what the preset does instead, with the arithmetic in docs/MODEL.md
//! ("Calibration"), so that a change to either is a deliberate one.

use layoff_whatif::model::{self, Outcome};
use layoff_whatif::presets;

fn run(name: &str) -> Outcome {
    model::run(&presets::preset(name).unwrap().params())
}

fn within(actual: f64, reported: f64, tolerance: f64) -> bool {
    (actual - reported).abs() <= tolerance * reported.abs()
}

#[test]
fn klarna_ai_handles_two_thirds_of_chats_from_the_first_month() {
    // K1: 2.3M conversations in the first month, two thirds of service chats.
    let o = run("klarna-like");
    let first = o.scenario[0].ai_share;
    assert!(
        within(first, 2.0 / 3.0, 0.10),
        "AI share in month 1: {first}"
    );
    // 2.3M conversations: 84M customers x 0.04 contacts x 0.67 is about 2.25M.
    assert!(
        within(o.scenario[0].ai_contacts, 2.3e6, 0.10),
        "{}",
        o.scenario[0].ai_contacts
    );
}

#[test]
fn klarna_ai_does_the_work_of_700_to_853_agents() {
    // K1 (700 in Feb 2024) and K16 (853 in Nov 2025): net of escalations, once ramped.
    let equivalent = run("klarna-like").summary.ai_agent_equivalent;
    assert!(
        (700.0 * 0.9..=853.0 * 1.1).contains(&equivalent),
        "AI agent equivalent {equivalent}"
    );
}

#[test]
fn klarna_cost_per_contact_falls_less_than_the_reported_40_percent() {
    // K12/K13 report cost per transaction down ~40% ($0.32 -> $0.19) while transaction
    // volume grew; the model holds demand constant, so it reproduces only the cost side:
    // 33% fewer agents plus the AI bill gives about -29% per contact. docs/MODEL.md shows
    // that ~20% volume growth on top gives the reported ~40%. Pinned here.
    let change = run("klarna-like").summary.cost_per_contact_change;
    assert!(
        (-0.31..=-0.27).contains(&change),
        "cost per contact change {change}"
    );
    let with_growth = (1.0 + change) / 1.2 - 1.0;
    assert!(
        within(with_growth, -0.40, 0.10),
        "with 20% growth: {with_growth}"
    );
}

#[test]
fn salesforce_support_goes_from_9000_to_about_5000_heads() {
    // S1: "reduced it from 9,000 heads to about 5,000".
    let o = run("salesforce-like");
    let cut = presets::preset("salesforce-like")
        .unwrap()
        .params()
        .layoff_month as usize;
    assert_eq!(o.scenario[0].headcount, 9000.0);
    let after = o.scenario[cut].headcount;
    assert!(
        within(after, 5000.0, 0.10),
        "headcount after the cut {after}"
    );
}

#[test]
fn salesforce_ai_takes_about_half_the_interactions() {
    // S1/S2: about 50% of interactions by AI, once ramped.
    let o = run("salesforce-like");
    let last = o.scenario.last().unwrap().ai_share;
    assert!(within(last, 0.5, 0.10), "AI share {last}");
}

#[test]
fn salesforce_savings_follow_the_headcount_not_the_100m_claim() {
    // S8 says about $100M a year came out of support. 4,000 fewer heads at ~$8,000 a month
    // is ~$384M a year before the AI bill, so the reports contradict each other
    // (docs/MODEL.md, "Calibration"). The preset follows the headcount: pinned at ~$367M.
    let saved = run("salesforce-like")
        .summary
        .support_cost_saved_per_year_usd;
    assert!(
        within(saved, 367e6, 0.05),
        "support cost saved per year {saved}"
    );
    assert!(
        saved > 3.0 * 100e6,
        "the contradiction with the $100M claim is documented"
    );
}

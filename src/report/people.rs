//! The command line's text for people: the headline numbers and a yearly table of a run, and
//! the analyses' tables, in English and US dollars written by [`crate::present`].

use std::fmt::Write;

use crate::model::Outcome;
use crate::present::words::{en, fill};
use crate::present::{fixed, NumberStyle};
use crate::validate::Scenario;
use crate::wire::{RegretMapWire, SensitivityWire, UncertaintyWire};

/// The CLI writes English and US dollars, in the page's one style.
const EN: NumberStyle = NumberStyle::english();

/// "month 5", or "never": the page's words for an event month.
fn month_text(month: Option<u32>) -> String {
    month.map_or_else(
        || en("numbers.never").to_owned(),
        |m| {
            fill(
                en("numbers.eventMonth"),
                &[("m", EN.number(f64::from(m), 0))],
            )
        },
    )
}

/// A readable report for people: the headline numbers and a yearly table. Every label is the
/// page's (the key numbers, the no-JavaScript summary, or the `summary` section of the
/// language file), so the command line and the page say each thing one way.
pub fn table(scenario: &Scenario, outcome: &Outcome) -> String {
    let s = &outcome.summary;
    let p = &scenario.params;
    let changed = scenario.changed_keys();
    let mut out = String::new();
    let _ = write!(
        out,
        "{}",
        fill(
            en("summary.scenario"),
            &[
                ("title", scenario.preset.title().to_owned()),
                ("name", scenario.preset.name.to_owned()),
            ],
        )
    );
    if !changed.is_empty() {
        let _ = write!(
            out,
            "{}",
            fill(en("summary.changed"), &[("keys", changed.join(", "))])
        );
    }
    let _ = writeln!(
        out,
        "\n{}\n",
        fill(
            en("summary.depth"),
            &[
                ("depth", EN.number(p.model_depth, 0)),
                ("horizon", EN.number(p.horizon_months, 0)),
            ],
        )
    );
    let break_even = s.break_even_extra_churn_per_year;
    let rows: Vec<(&str, String)> = vec![
        (
            en("fallback.people"),
            fill(
                en("numbers.peopleValue"),
                &[
                    ("laidOff", EN.count(s.laid_off)),
                    ("rehired", EN.count(s.rehired_hires)),
                ],
            ),
        ),
        (en("fallback.firstYear"), EN.money(s.first_year_delta_usd)),
        (en("fallback.payback"), month_text(s.payback_month)),
        (
            en("fallback.peak"),
            fill(
                en("fallback.atMonth"),
                &[
                    ("amount", EN.money(s.peak_savings_usd)),
                    ("m", month_text(s.peak_month)),
                ],
            ),
        ),
        (en("fallback.regret"), month_text(s.regret_month)),
        (en("fallback.rehire"), month_text(s.rehire_start_month)),
        (en("fallback.final"), EN.money(s.final_cumulative_delta_usd)),
        (en("numbers.npv"), EN.money(s.npv_usd)),
        (en("numbers.npvAugment"), EN.money(s.npv_vs_augment_usd)),
        (en("fallback.customersLost"), EN.count(s.customers_lost)),
        (
            en("summary.worstBadShare"),
            EN.percent(s.peak_bad_contact_share, 1),
        ),
        (
            en("numbers.breakEven"),
            // Beyond all customers, or with no ledger saving, a percentage is not a fact.
            if break_even > 1.0 {
                en("numbers.breakEvenAll").to_owned()
            } else if break_even <= 0.0 {
                en("numbers.breakEvenNone").to_owned()
            } else {
                fill(
                    en("numbers.breakEvenValue"),
                    &[("v", EN.percent(break_even, 2))],
                )
            },
        ),
        (
            en("summary.aiWork"),
            if s.ai_agent_equivalent < 0.0 {
                fill(
                    en("summary.aiAddsWork"),
                    &[("n", EN.count(-s.ai_agent_equivalent))],
                )
            } else {
                EN.count(s.ai_agent_equivalent)
            },
        ),
    ];
    // "Running total after {horizon} months" names its horizon.
    let rows: Vec<(String, String)> = rows
        .into_iter()
        .map(|(label, value)| {
            (
                fill(label, &[("horizon", EN.number(p.horizon_months, 0))]),
                value,
            )
        })
        .collect();
    let width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    for (k, v) in rows {
        let _ = writeln!(out, "  {k:<width$}  {v}");
    }
    let _ = writeln!(
        out,
        "\n{:>6} {:>14} {:>10} {:>12} {:>9} {:>12} {:>12}",
        "month", "cumulative", "headcount", "customers", "bad", "AI cost", "lost margin"
    );
    for (i, m) in outcome.scenario.iter().enumerate() {
        let month = i + 1;
        if month % 6 != 0 && month != 1 && month != outcome.scenario.len() {
            continue;
        }
        let _ = writeln!(
            out,
            "{:>6} {:>14} {:>10} {:>12} {:>9} {:>12} {:>12}",
            month,
            EN.money(outcome.cumulative_delta_usd[i]),
            EN.count(m.headcount),
            EN.count(m.customers),
            EN.percent(m.bad_contact_share, 1),
            EN.money(m.ai_usd),
            EN.money(outcome.lost_margin_usd(i)),
        );
    }
    let rows = crate::record::compare(
        crate::record::for_preset(scenario.preset.name),
        &scenario.params,
        outcome,
    );
    if !rows.is_empty() {
        let _ = writeln!(
            out,
            "\nThe record against the model (month 1 = {}):",
            scenario.preset.month_one.unwrap_or("-")
        );
        for c in rows {
            let model = c.model.map_or("-".to_owned(), fixed);
            let verdict = match (c.met, c.row.check) {
                (true, _) => "meets",
                (false, crate::record::Check::NotComparable) => "not comparable",
                (false, crate::record::Check::Explained) => "differs, explained",
                (false, _) => "DIFFERS",
            };
            let _ = writeln!(
                out,
                "  {} {} ({}): reported {}, model {}: {}",
                c.row.date,
                crate::present::words::en(&format!("record.rows.{}.metric", c.row.key)),
                c.row.source,
                crate::present::words::en(&format!("record.rows.{}.reported", c.row.key)),
                model,
                verdict
            );
        }
    }
    out
}

/// The Monte Carlo result for people: the NPV range, the chances and a yearly band table.
pub fn uncertainty_table(u: &UncertaintyWire) -> String {
    let mut out = format!("Monte Carlo: {} draws, seed {}\n", u.draws, u.seed);
    let _ = writeln!(
        out,
        "  NPV vs keeping everyone: P10 {}  P50 {}  P90 {}",
        EN.money(u.npv[0]),
        EN.money(u.npv[2]),
        EN.money(u.npv[4])
    );
    let _ = writeln!(
        out,
        "  Chance the cut loses money (NPV < 0): {}",
        EN.percent(u.chance_npv_negative, 1)
    );
    let _ = writeln!(
        out,
        "  Chance of a regret month: {}",
        EN.percent(u.chance_regret, 1)
    );
    if let Some(r) = u.regret_month {
        let _ = writeln!(
            out,
            "  Regret month, P10 to P90: {} to {}",
            EN.number(r[0], 0),
            EN.number(r[4], 0)
        );
    }
    let _ = writeln!(
        out,
        "  Chance rehiring starts: {}\n",
        EN.percent(u.chance_rehire, 1)
    );
    let _ = writeln!(
        out,
        "{:>6} {:>12} {:>12} {:>12} {:>12} {:>12}",
        "month", "P10", "P25", "P50", "P75", "P90"
    );
    for (m, q) in u.month.iter().zip(&u.cumulative_delta) {
        if m % 6 == 0 || *m == 1 {
            let _ = writeln!(
                out,
                "{:>6} {:>12} {:>12} {:>12} {:>12} {:>12}",
                m,
                EN.money(q[0]),
                EN.money(q[1]),
                EN.money(q[2]),
                EN.money(q[3]),
                EN.money(q[4])
            );
        }
    }
    out
}

/// The tornado for people: each estimate's low and high and the NPV swing, largest first.
pub fn sensitivity_table(s: &SensitivityWire) -> String {
    let mut out = format!(
        "Sensitivity of NPV ({}) to each estimate, largest swing first\n\n",
        EN.money(s.npv)
    );
    let _ = writeln!(
        out,
        "{:<28} {:>10} {:>10} {:>12} {:>12} {:>12}  switching value",
        "parameter", "low", "high", "NPV at low", "NPV at high", "swing"
    );
    for b in &s.bars {
        let _ = writeln!(
            out,
            "{:<28} {:>10} {:>10} {:>12} {:>12} {:>12}  {}",
            b.key,
            EN.number(b.low, 4),
            EN.number(b.high, 4),
            EN.money(b.npv_at_low),
            EN.money(b.npv_at_high),
            EN.money(b.swing),
            b.switching_value
                .map_or_else(|| "-".to_owned(), |v| EN.number(v, 4))
        );
    }
    out
}

/// The regret map for people: NPV in millions, rows from the top of the y range down.
pub fn map_table(m: &RegretMapWire) -> String {
    let mut out = format!(
        "NPV (USD millions) by {} (columns) and {} (rows); current scenario at {} = {}, {} = {}\n",
        m.x_key,
        m.y_key,
        m.x_key,
        EN.number(m.current[0], 4),
        m.y_key,
        EN.number(m.current[1], 4)
    );
    // A readable subset: every fourth column and row of a large grid.
    let step = if m.x.len() > 21 { 4 } else { 1 };
    let _ = write!(out, "{:>10}", "");
    for x in m.x.iter().step_by(step) {
        let _ = write!(out, " {:>8}", EN.number(*x, 3));
    }
    out.push('\n');
    for r in (0..m.y.len()).rev().step_by(step) {
        let _ = write!(out, "{:>10}", EN.number(m.y[r], 3));
        for c in (0..m.x.len()).step_by(step) {
            let _ = write!(out, " {:>8}", EN.number(m.npv[r][c] / 1e6, 1));
        }
        out.push('\n');
    }
    out
}

//! Plain-text renderings of a result: the CLI's table, CSV of every monthly series, and the
//! fixed-precision golden text that tests compare, so that output never depends on how a
//! float happens to print.

use std::fmt::Write;

use crate::format::{count_short, fixed, money_short, percent};
use crate::model::Outcome;
use crate::params::PARAMS;
use crate::validate::Scenario;
use crate::wire::{SeriesWire, SummaryWire, SERIES_COLUMNS};

fn month_text(month: Option<u32>) -> String {
    month.map_or_else(|| "none".to_owned(), |m| format!("month {m}"))
}

/// The summary as `key = value` lines in fixed precision (null for events that do not happen).
pub fn summary_fixed(summary: &SummaryWire) -> String {
    // Serializing through serde_json keeps the field list in one place (the wire struct).
    let value = serde_json::to_value(summary).unwrap_or_default();
    let mut out = String::new();
    if let Some(map) = value.as_object() {
        for (key, v) in map {
            let text = match v.as_f64() {
                Some(n) if v.is_f64() => fixed(n),
                Some(_) => v.to_string(),
                None => "null".to_owned(),
            };
            let _ = writeln!(out, "{key} = {text}");
        }
    }
    out
}

/// Every monthly series as CSV with a header row, in fixed precision.
pub fn series_csv(series: &SeriesWire) -> String {
    let mut out = String::from("month");
    for name in SERIES_COLUMNS {
        out.push(',');
        out.push_str(name);
    }
    out.push('\n');
    for (i, month) in series.month.iter().enumerate() {
        let _ = write!(out, "{month}");
        for c in 0..SERIES_COLUMNS.len() {
            out.push(',');
            out.push_str(&fixed(series.column(c)[i]));
        }
        out.push('\n');
    }
    out
}

/// The golden text of a scenario: its parameters, summary and series, all fixed precision.
pub fn golden(scenario: &Scenario, outcome: &Outcome) -> String {
    let mut out = format!("# preset = {}\n", scenario.preset.name);
    for spec in PARAMS {
        let _ = writeln!(
            out,
            "# {} = {}",
            spec.key,
            fixed(spec.get(&scenario.params))
        );
    }
    out.push_str("\n[summary]\n");
    out.push_str(&summary_fixed(&SummaryWire::from(&outcome.summary)));
    out.push_str("\n[series]\n");
    out.push_str(&series_csv(&SeriesWire::from_outcome(outcome)));
    out
}

/// A readable report for people: the headline numbers and a yearly table.
pub fn table(scenario: &Scenario, outcome: &Outcome) -> String {
    let s = &outcome.summary;
    let changed = scenario.changed_keys();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Scenario: {} ({}){}",
        scenario.preset.title,
        scenario.preset.name,
        if changed.is_empty() {
            String::new()
        } else {
            format!(", changed: {}", changed.join(", "))
        }
    );
    let _ = writeln!(
        out,
        "Model depth {}, horizon {} months\n",
        scenario.params.model_depth, scenario.params.horizon_months
    );
    let rows: Vec<(&str, String)> = vec![
        ("People laid off", count_short(s.laid_off)),
        (
            "First-year difference vs keeping everyone",
            money_short(s.first_year_delta_usd),
        ),
        ("Payback", month_text(s.payback_month)),
        (
            "Peak savings",
            format!(
                "{} at {}",
                money_short(s.peak_savings_usd),
                month_text(s.peak_month)
            ),
        ),
        (
            "Regret (savings turn into losses)",
            month_text(s.regret_month),
        ),
        ("Rehiring starts", month_text(s.rehire_start_month)),
        ("People hired back", count_short(s.rehired_hires)),
        (
            "Cumulative difference at the end",
            money_short(s.final_cumulative_delta_usd),
        ),
        ("NPV vs keeping everyone", money_short(s.npv_usd)),
        (
            "NPV vs augmenting instead",
            money_short(s.npv_vs_augment_usd),
        ),
        ("Customers lost by the end", count_short(s.customers_lost)),
        (
            "Worst bad-contact share",
            percent(s.peak_bad_contact_share, 1),
        ),
        (
            "Break-even extra churn per year",
            percent(s.break_even_extra_churn_per_year, 2),
        ),
        (
            "Agents' work the AI took over",
            count_short(s.ai_agent_equivalent),
        ),
    ];
    let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
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
            money_short(outcome.cumulative_delta_usd[i]),
            count_short(m.headcount),
            count_short(m.customers),
            percent(m.bad_contact_share, 1),
            money_short(m.ai_usd),
            money_short(outcome.lost_margin_usd(i)),
        );
    }
    out
}

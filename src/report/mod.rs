//! Plain-text renderings of a result for machines: CSV of every monthly series and the
//! fixed-precision golden text that tests compare, so that output never depends on how a
//! float happens to print. The CLI's text for people is [`people`] (native builds only).

use std::fmt::Write;

#[cfg(not(target_arch = "wasm32"))]
pub mod people;

use crate::model::Outcome;
use crate::params::PARAMS;
use crate::present::fixed;
use crate::validate::Scenario;
use crate::wire::{SeriesWire, SummaryEntry, SummaryWire, SERIES_COLUMNS};

/// The summary as `key = value` lines in fixed precision (null for events that do not happen).
pub fn summary_fixed(summary: &SummaryWire) -> String {
    let mut out = String::new();
    for (key, entry) in summary.entries() {
        let text = match entry {
            SummaryEntry::Float(n) => fixed(n),
            SummaryEntry::Whole(n) => n.to_string(),
            SummaryEntry::Null => "null".to_owned(),
        };
        let _ = writeln!(out, "{key} = {text}");
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

/// Every monthly series as CSV, and for a company-like preset three more columns with what the
/// company reported (`reportedHeadcount`, `reportedAiAgentEquivalent`, `reportedAiContacts`, a
/// weekly figure as a monthly one), empty in the months it reported nothing, so a spreadsheet
/// shows the model and the record side by side.
pub fn series_csv_with_record(scenario: &Scenario, outcome: &Outcome) -> String {
    let table = series_csv(&SeriesWire::from_outcome(outcome));
    let (points, _) = crate::wire::record_wire(scenario, outcome);
    if points.is_empty() {
        return table;
    }
    let cell = |series: &str, month: usize| {
        points
            .iter()
            .find(|p| p.series == series && p.month as usize == month)
            .map_or(String::new(), |p| fixed(p.value))
    };
    let mut out = String::new();
    for (i, line) in table.lines().enumerate() {
        if i == 0 {
            let _ = writeln!(
                out,
                "{line},reportedHeadcount,reportedAiAgentEquivalent,reportedAiContacts"
            );
        } else {
            let _ = writeln!(
                out,
                "{line},{},{},{}",
                cell("headcount", i),
                cell("aiAgentEquivalent", i),
                cell("aiContacts", i)
            );
        }
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

//! Plausibility warnings: combinations of inputs that are each valid but together describe no
//! real support team, and derived figures that would mislead if printed as facts. A warning
//! is not an error: the model still runs, and the page, the CLI (on stderr) and the JSON
//! (`warnings`) show it beside the result. Pure: reads parameters and a model run.

use crate::model::{Outcome, ROOKIE_PRODUCTIVITY};
use crate::params::Params;

/// More contacts than this per full-speed agent a month is beyond what any team handles:
/// about 19 contacts an hour for every hour of a 160-hour month, with no breaks or training
/// (Klarna-like: 1,229; typical: 900; Salesforce-like support engineers: 48).
pub const MAX_CONTACTS_PER_AGENT_PER_MONTH: f64 = 3000.0;
/// Fewer than this per agent a month describes a team with almost nothing to do.
pub const MIN_CONTACTS_PER_AGENT_PER_MONTH: f64 = 5.0;

/// One warning, with the figure that raised it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Warning {
    /// Contacts per full-speed agent a month above what any team handles.
    ContactsPerAgentHigh(f64),
    /// Contacts per full-speed agent a month so low the team has nothing to do.
    ContactsPerAgentLow(f64),
    /// The ledger saving would need more than all customers to leave within a year to be
    /// wiped out: the break-even churn (a share per year, above 1) means "more than all".
    BreakEvenBeyondAllCustomers(f64),
    /// The ledger shows no saving at all (the AI bill is at least the wages saved), so there is
    /// no break-even churn: "never".
    NoLedgerSaving(f64),
    /// Escalations take more human work than the AI takes off people: the AI adds the work of
    /// this many agents.
    AiAddsWork(f64),
}

impl Warning {
    /// The stable wire code the page translates.
    pub fn code(self) -> &'static str {
        match self {
            Warning::ContactsPerAgentHigh(_) => "contactsPerAgentHigh",
            Warning::ContactsPerAgentLow(_) => "contactsPerAgentLow",
            Warning::BreakEvenBeyondAllCustomers(_) => "breakEvenBeyondAllCustomers",
            Warning::NoLedgerSaving(_) => "noLedgerSaving",
            Warning::AiAddsWork(_) => "aiAddsWork",
        }
    }

    /// The figure behind the warning, in the unit its code implies.
    pub fn value(self) -> f64 {
        match self {
            Warning::ContactsPerAgentHigh(v)
            | Warning::ContactsPerAgentLow(v)
            | Warning::BreakEvenBeyondAllCustomers(v)
            | Warning::NoLedgerSaving(v)
            | Warning::AiAddsWork(v) => v,
        }
    }

    /// The warning in English, for the CLI: the page's sentence (`warnings.CODE` in the
    /// language file), so both say it one way. Not in the browser build, which reads its
    /// own language file.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn english(self) -> String {
        use crate::present::{words, NumberStyle};
        let en = NumberStyle::english();
        let (value, limit) = match self {
            Warning::ContactsPerAgentHigh(v) => (
                en.number(v, 0),
                en.number(MAX_CONTACTS_PER_AGENT_PER_MONTH, 0),
            ),
            Warning::ContactsPerAgentLow(v) => (
                en.number(v, 1),
                en.number(MIN_CONTACTS_PER_AGENT_PER_MONTH, 0),
            ),
            Warning::AiAddsWork(v) => (en.count(-v), String::new()),
            Warning::BreakEvenBeyondAllCustomers(_) | Warning::NoLedgerSaving(_) => {
                (String::new(), String::new())
            }
        };
        words::fill(
            words::en(&format!("warnings.{}", self.code())),
            &[("value", value), ("limit", limit)],
        )
    }
}

/// Every warning for a run.
pub fn warnings(params: &Params, outcome: &Outcome) -> Vec<Warning> {
    let mut found = Vec::new();
    let start = &outcome.baseline[0];
    let effective = start.experienced + ROOKIE_PRODUCTIVITY * start.rookies;
    if effective > 0.0 {
        let per_agent = start.contacts / effective;
        if per_agent > MAX_CONTACTS_PER_AGENT_PER_MONTH {
            found.push(Warning::ContactsPerAgentHigh(per_agent));
        } else if per_agent < MIN_CONTACTS_PER_AGENT_PER_MONTH {
            found.push(Warning::ContactsPerAgentLow(per_agent));
        }
    }
    let s = &outcome.summary;
    let something_changed = params.layoff_share > 0.0 || params.ai_share > 0.0;
    if something_changed {
        if s.break_even_extra_churn_per_year > 1.0 {
            found.push(Warning::BreakEvenBeyondAllCustomers(
                s.break_even_extra_churn_per_year,
            ));
        } else if s.break_even_extra_churn_per_year <= 0.0 {
            found.push(Warning::NoLedgerSaving(s.break_even_extra_churn_per_year));
        }
    }
    if params.ai_share > 0.0 && s.ai_agent_equivalent < 0.0 {
        found.push(Warning::AiAddsWork(s.ai_agent_equivalent));
    }
    found
}

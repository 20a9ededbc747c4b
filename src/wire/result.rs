//! Results out: a scenario's summary, its monthly series, the plausibility warnings and, for
//! a company-like preset, the reported record held against the model.

use serde::Serialize;

use super::{params_map, WireObject};
use crate::model::{Outcome, Summary};
use crate::params::Params;
use crate::validate::Scenario;

/// The headline numbers, camelCase. `null` marks an event that does not happen.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct SummaryWire {
    pub npv: f64,
    pub npv_vs_augment: f64,
    pub augment_npv: f64,
    pub payback_month: Option<u32>,
    pub peak_month: Option<u32>,
    pub peak_savings: f64,
    pub regret_month: Option<u32>,
    pub rehire_start_month: Option<u32>,
    pub break_even_extra_churn: f64,
    pub first_year_delta: f64,
    pub final_cumulative_delta: f64,
    pub final_cumulative_delta_vs_augment: f64,
    pub laid_off: f64,
    pub rehired_hires: f64,
    pub rehire_cost: f64,
    pub customers_lost: f64,
    pub peak_bad_contact_share: f64,
    pub ai_agent_equivalent: f64,
    pub cost_per_contact_change: f64,
    pub support_cost_saved_per_year: f64,
    pub final_headcount: f64,
}

/// One field of the summary, for the golden text (`report::summary_fixed`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SummaryEntry {
    /// A figure in fractional units.
    Float(f64),
    /// A whole number (a month, a count of draws).
    Whole(i64),
    /// An event that does not happen.
    Null,
}

impl SummaryWire {
    /// Every field by its wire name, in alphabetical order (the golden files' order): going
    /// through the serializer keeps the field list in one place (the struct).
    pub fn entries(&self) -> Vec<(String, SummaryEntry)> {
        let value = serde_json::to_value(self).unwrap_or_default();
        let Some(map) = value.as_object() else {
            return Vec::new();
        };
        map.iter()
            .map(|(key, v)| {
                let entry = match (v.as_f64(), v.as_i64()) {
                    (Some(n), _) if v.is_f64() => SummaryEntry::Float(n),
                    (_, Some(n)) => SummaryEntry::Whole(n),
                    _ => SummaryEntry::Null,
                };
                (key.clone(), entry)
            })
            .collect()
    }
}

impl From<&Summary> for SummaryWire {
    fn from(s: &Summary) -> Self {
        SummaryWire {
            npv: s.npv_usd,
            npv_vs_augment: s.npv_vs_augment_usd,
            augment_npv: s.augment_npv_usd,
            payback_month: s.payback_month,
            peak_month: s.peak_month,
            peak_savings: s.peak_savings_usd,
            regret_month: s.regret_month,
            rehire_start_month: s.rehire_start_month,
            break_even_extra_churn: s.break_even_extra_churn_per_year,
            first_year_delta: s.first_year_delta_usd,
            final_cumulative_delta: s.final_cumulative_delta_usd,
            final_cumulative_delta_vs_augment: s.final_cumulative_delta_vs_augment_usd,
            laid_off: s.laid_off,
            rehired_hires: s.rehired_hires,
            rehire_cost: s.rehire_cost_usd,
            customers_lost: s.customers_lost,
            peak_bad_contact_share: s.peak_bad_contact_share,
            ai_agent_equivalent: s.ai_agent_equivalent,
            cost_per_contact_change: s.cost_per_contact_change,
            support_cost_saved_per_year: s.support_cost_saved_per_year_usd,
            final_headcount: s.final_headcount,
        }
    }
}

macro_rules! series {
    ($( $field:ident : $name:literal => $value:expr ; )*) => {
        /// Per-month series, one entry per month, camelCase. Money is USD per month unless
        /// the name says cumulative; shares are fractions 0..1.
        #[derive(Debug, Serialize, Default)]
        #[serde(rename_all = "camelCase")]
        #[allow(missing_docs)]
        pub struct SeriesWire {
            pub month: Vec<u32>,
            $( pub $field: Vec<f64>, )*
        }

        /// The series' wire names in column order (after `month`), for CSV headers.
        pub const SERIES_COLUMNS: &[&str] = &[$( $name, )*];

        impl SeriesWire {
            /// Builds every series from a model outcome.
            pub fn from_outcome(outcome: &Outcome) -> Self {
                let months = outcome.scenario.len();
                let mut s = SeriesWire {
                    month: (1..=months as u32).collect(),
                    ..SeriesWire::default()
                };
                for i in 0..months {
                    $( s.$field.push(column_fn($value)(outcome, i)); )*
                }
                s
            }

            /// The value of column `c` (an index into `SERIES_COLUMNS`) in month index `i`.
            pub fn column(&self, c: usize) -> &[f64] {
                let columns: [&Vec<f64>; SERIES_COLUMNS.len()] = [$( &self.$field, )*];
                columns[c]
            }
        }
    };
}

/// Gives a series' closure its signature, so the table below can stay one line a series.
fn column_fn(f: fn(&Outcome, usize) -> f64) -> fn(&Outcome, usize) -> f64 {
    f
}

series! {
    cumulative_delta: "cumulativeDelta" => |o, i| o.cumulative_delta_usd[i];
    cumulative_delta_vs_augment: "cumulativeDeltaVsAugment" => |o, i| o.cumulative_delta_vs_augment_usd[i];
    augment_cumulative_delta: "augmentCumulativeDelta" => |o, i| o.cumulative_delta_usd[i] - o.cumulative_delta_vs_augment_usd[i];
    monthly_delta: "monthlyDelta" => |o, i| o.monthly_delta_usd(i);
    headcount: "headcount" => |o, i| o.scenario[i].headcount;
    experienced: "experienced" => |o, i| o.scenario[i].experienced;
    rookies: "rookies" => |o, i| o.scenario[i].rookies;
    trainees: "trainees" => |o, i| o.scenario[i].trainees;
    vacancies: "vacancies" => |o, i| o.scenario[i].vacancies;
    rehired: "rehired" => |o, i| o.scenario[i].rehired;
    baseline_headcount: "baselineHeadcount" => |o, i| o.baseline[i].headcount;
    augment_headcount: "augmentHeadcount" => |o, i| o.augment[i].headcount;
    customers: "customers" => |o, i| o.scenario[i].customers;
    baseline_customers: "baselineCustomers" => |o, i| o.baseline[i].customers;
    augment_customers: "augmentCustomers" => |o, i| o.augment[i].customers;
    contacts: "contacts" => |o, i| o.scenario[i].contacts;
    ai_share: "aiShare" => |o, i| o.scenario[i].ai_share;
    bad_contact_share: "badContactShare" => |o, i| o.scenario[i].bad_contact_share;
    perceived_bad_contact_share: "perceivedBadContactShare" => |o, i| o.scenario[i].perceived_bad_contact_share;
    baseline_bad_contact_share: "baselineBadContactShare" => |o, i| o.baseline[i].bad_contact_share;
    augment_bad_contact_share: "augmentBadContactShare" => |o, i| o.augment[i].bad_contact_share;
    work_pressure: "workPressure" => |o, i| o.scenario[i].work_pressure;
    unserved_share: "unservedShare" => |o, i| o.scenario[i].unserved_share;
    quality_standard: "qualityStandard" => |o, i| o.scenario[i].quality_standard;
    wages: "wages" => |o, i| o.scenario[i].working_wages_usd();
    severance: "severance" => |o, i| o.scenario[i].severance_usd;
    ai_cost: "aiCost" => |o, i| o.scenario[i].ai_usd;
    hiring_and_training: "hiringAndTraining" => |o, i| o.scenario[i].hiring_training_usd();
    lost_margin: "lostMargin" => |o, i| o.lost_margin_usd(i);
    ai_contacts: "aiContacts" => |o, i| o.scenario[i].ai_contacts;
    ai_agent_equivalent: "aiAgentEquivalent" => |o, i| o.scenario[i].ai_agent_equivalent;
    support_cost: "supportCost" => |o, i| o.scenario[i].support_cost_usd();
    baseline_support_cost: "baselineSupportCost" => |o, i| o.baseline[i].support_cost_usd();
    augment_support_cost: "augmentSupportCost" => |o, i| o.augment[i].support_cost_usd();
}

/// A whole result: the parameters used, the summary and the series.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultWire {
    /// The preset the scenario started from.
    pub preset: String,
    /// Keys that differ from the preset.
    pub changed: Vec<&'static str>,
    /// Every parameter, by wire key.
    pub params: WireObject<&'static str, f64>,
    /// The headline numbers.
    pub summary: SummaryWire,
    /// Per-month series.
    pub series: SeriesWire,
    /// Plausibility warnings: valid inputs that together describe no real team, or derived
    /// figures that must not be read as facts.
    pub warnings: Vec<WarningWire>,
    /// For a company-like preset, the reported figures drawn on a chart, at model months.
    pub record: Vec<RecordPointWire>,
    /// For a company-like preset, every reported figure held against the model.
    pub calibration: Vec<CalibrationRowWire>,
    /// Whether the page tells the "AI helps agents" story for this scenario
    /// (`crate::present::policy::tells_augment_story`), as the savings chart draws it.
    pub augment_story: bool,
}

/// What `render` returns: the result, and each drawn chart's text alternative by kind (the
/// page's `aria-describedby` text, in the reader's language).
#[derive(Debug, Serialize)]
#[allow(missing_docs)]
pub struct RenderWire {
    pub result: ResultWire,
    pub descriptions: WireObject<&'static str, String>,
}

/// One plausibility warning: a stable code the page translates and the figure behind it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WarningWire {
    /// `contactsPerAgentHigh`, `contactsPerAgentLow`, `breakEvenBeyondAllCustomers`,
    /// `noLedgerSaving` or `aiAddsWork`.
    pub code: &'static str,
    /// The figure, in the unit the code implies (contacts per agent a month, a share per
    /// year, agents).
    pub value: f64,
    /// The warning in English (the CLI prints it; the page translates the code).
    #[cfg(not(target_arch = "wasm32"))]
    pub message: String,
}

/// One reported figure drawn on a chart: `{month, series, value, source}`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordPointWire {
    /// The model month (1-based) the figure's date falls in.
    pub month: u32,
    /// The series it is drawn beside: `headcount`, `aiAgentEquivalent` or `aiContacts`.
    pub series: &'static str,
    /// The reported value, in the series' unit (a weekly count of contacts times 52/12).
    pub value: f64,
    /// The record's source key.
    pub source: &'static str,
}

/// One row of a preset's calibration table. Its words are `record.rows.KEY` in the language
/// files; the command line adds them in English (`text`).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CalibrationRowWire {
    /// The row's stable key.
    pub key: &'static str,
    /// The reference date as reported.
    pub date: &'static str,
    /// The reported value as a number, where there is one.
    pub reported_value: Option<f64>,
    /// The record's source key.
    pub source: &'static str,
    /// Who said it (an evidence key: `claim`, `press`, `derived`).
    pub evidence: &'static str,
    /// The model's value, where a quantity of the model measures the same thing.
    pub model: Option<f64>,
    /// What the model's value is (a measure key such as `aiContacts`), or null.
    pub measure: Option<&'static str>,
    /// Model minus reported, relative to the reported value; in months for a month.
    pub difference: Option<f64>,
    /// `within15`, `atLeast`, `withinMonths`, `explained` or `notComparable`.
    pub check: &'static str,
    /// True where the check holds.
    pub met: bool,
    /// True where the figure is drawn on a chart.
    pub plotted: bool,
    /// The row's words in English (command line only; the page reads its language file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<RecordTextWire>,
}

/// A record row's words.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct RecordTextWire {
    pub reported: &'static str,
    pub metric: &'static str,
    pub note: &'static str,
}

/// The English words of a record row, where this build has them.
fn record_text(key: &str) -> Option<RecordTextWire> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let word = |part: &str| crate::present::words::en(&format!("record.rows.{key}.{part}"));
        Some(RecordTextWire {
            reported: word("reported"),
            metric: word("metric"),
            note: word("note"),
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        let _ = key;
        None
    }
}

/// The stable key of a record measure, which also says its unit.
fn measure_key(m: crate::record::Measure) -> &'static str {
    use crate::record::Measure::*;
    match m {
        AiContacts(_) => "aiContacts",
        AiContactsPerWeek(_) => "aiContactsPerWeek",
        CumulativeAiContacts(_) => "cumulativeAiContacts",
        AiShare(_) => "aiShare",
        AiAgentEquivalent(_) => "aiAgentEquivalent",
        SupportHeadcount(_) => "supportHeadcount",
        PeopleCut => "peopleCut",
        PeopleLaidOff => "peopleLaidOff",
        AiBadVsHumans(_) => "aiBadVsHumans",
        BadShareVsBefore(_) => "badShareVsBefore",
        HumanCaseVolumeChange(_) => "humanCaseVolumeChange",
        CostPerContactChange => "costPerContactChange",
        SupportCostSavedOverYear(_) => "supportCostSavedOverYear",
        RehiredBy(_) => "rehiredBy",
        RehirePayPerHour => "rehirePayPerHour",
        CorrectionMonth => "correctionMonth",
        WorkPressure(_) => "workPressure",
        CustomersBefore => "customersBefore",
        AiResolutionRate => "aiResolutionRate",
        AiPricePerConversation => "aiPricePerConversation",
    }
}

fn check_key(c: crate::record::Check) -> &'static str {
    use crate::record::Check::*;
    match c {
        Within => "within15",
        AtLeast => "atLeast",
        WithinMonths(_) => "withinMonths",
        Explained => "explained",
        NotComparable => "notComparable",
    }
}

/// The warnings of a run on the wire.
pub fn warnings_wire(params: &Params, outcome: &Outcome) -> Vec<WarningWire> {
    crate::plausibility::warnings(params, outcome)
        .into_iter()
        .map(|w| WarningWire {
            code: w.code(),
            value: w.value(),
            #[cfg(not(target_arch = "wasm32"))]
            message: w.english(),
        })
        .collect()
}

/// A preset's record points and calibration table for a run.
pub fn record_wire(
    scenario: &Scenario,
    outcome: &Outcome,
) -> (Vec<RecordPointWire>, Vec<CalibrationRowWire>) {
    let rows = crate::record::for_preset(scenario.preset.name);
    let points = rows
        .iter()
        .filter_map(|row| {
            let (plot, month) = row.plot?;
            let value = row.value?;
            Some(RecordPointWire {
                month,
                series: plot.key(),
                value: plot.on_line(value),
                source: row.source,
            })
        })
        .filter(|p| (p.month as usize) <= outcome.scenario.len())
        .collect();
    let table = crate::record::compare(rows, &scenario.params, outcome)
        .into_iter()
        .map(|c| CalibrationRowWire {
            key: c.row.key,
            date: c.row.date,
            reported_value: c.row.value,
            source: c.row.source,
            evidence: c.row.evidence.key(),
            model: c.model,
            measure: c.row.measure.map(measure_key),
            difference: c.difference,
            check: check_key(c.row.check),
            met: c.met,
            plotted: c.row.plot.is_some(),
            text: record_text(c.row.key),
        })
        .collect();
    (points, table)
}

impl ResultWire {
    /// Builds the wire result of a scenario and its outcome.
    pub fn new(scenario: &Scenario, outcome: &Outcome) -> Self {
        let (record, calibration) = record_wire(scenario, outcome);
        ResultWire {
            preset: scenario.preset.name.to_owned(),
            changed: scenario.changed_keys(),
            params: params_map(&scenario.params),
            summary: SummaryWire::from(&outcome.summary),
            series: SeriesWire::from_outcome(outcome),
            warnings: warnings_wire(&scenario.params, outcome),
            record,
            calibration,
            augment_story: crate::present::policy::tells_augment_story(
                scenario.preset.name,
                &scenario.params,
            ),
        }
    }
}

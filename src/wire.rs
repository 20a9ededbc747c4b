//! The wire format: the only module that knows serde. It turns scenario files and JavaScript
//! objects into a [`RawScenario`] for `validate`, and model results into camelCase records
//! for JSON, JavaScript and CSV. Field names here are an interface the page, the CLI, the
//! tests and readers' saved files rely on: add fields, never rename them.

use std::collections::BTreeMap;

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

use crate::model::{Month, Outcome, Summary};
use crate::params::{Params, PARAMS};
use crate::validate::{RawScenario, RawValue, Scenario};

/// The scenario file format version this build reads and writes.
pub const SCENARIO_VERSION: u32 = 1;

/// A scenario as stored in a file or passed from JavaScript:
/// `{"version": 1, "preset": "klarna-like", "params": {"aiShare": 0.5}}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioInput {
    /// Format version; absent means the current one.
    #[serde(default)]
    pub version: Option<u32>,
    /// The preset to start from.
    #[serde(default)]
    pub preset: Option<String>,
    /// Parameter overrides by wire key, in the order given; a repeated key is an error.
    #[serde(default)]
    pub params: WireParams,
}

/// The `params` object of a scenario: key/value pairs in arrival order. Unlike a map it
/// refuses a key given twice (`{"aiShare": 0.5, "aiShare": 0.6}`) instead of silently
/// keeping the last value.
#[derive(Debug, Default)]
pub struct WireParams(pub Vec<(String, WireValue)>);

impl<'de> Deserialize<'de> for WireParams {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Pairs;
        impl<'de> serde::de::Visitor<'de> for Pairs {
            type Value = WireParams;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object of parameter keys and numbers")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<WireParams, A::Error> {
                let mut pairs: Vec<(String, WireValue)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if pairs.iter().any(|(k, _)| *k == key) {
                        return Err(serde::de::Error::custom(format!(
                            "params gives '{}' more than once: each key may appear once",
                            crate::validate::quote(&key)
                        )));
                    }
                    let value = map.next_value::<WireValue>()?;
                    pairs.push((key, value));
                }
                Ok(WireParams(pairs))
            }
        }
        deserializer.deserialize_map(Pairs)
    }
}

/// Any JSON value, kept only as precisely as validation needs.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum WireValue {
    /// A number.
    Number(f64),
    /// A string, which may hold a number.
    Text(String),
    /// true or false.
    Bool(bool),
    /// A list.
    List(Vec<IgnoredAny>),
    /// An object.
    Object(BTreeMap<String, IgnoredAny>),
    /// null.
    Null,
}

impl ScenarioInput {
    /// Converts to the raw form `validate` reads. A wrong version is an error here, since a
    /// file from a newer build may mean something else by the same keys.
    pub fn into_raw(self) -> Result<RawScenario, String> {
        if let Some(v) = self.version {
            if v != SCENARIO_VERSION {
                return Err(format!(
                    "scenario version {v} is not supported: this build reads version {SCENARIO_VERSION}"
                ));
            }
        }
        let values = self
            .params
            .0
            .into_iter()
            .map(|(k, v)| {
                let raw = match v {
                    WireValue::Number(n) => RawValue::Number(n),
                    WireValue::Text(t) => RawValue::Text(t),
                    WireValue::Bool(_) => RawValue::WrongType("a boolean"),
                    WireValue::List(_) => RawValue::WrongType("a list"),
                    WireValue::Object(_) => RawValue::WrongType("an object"),
                    WireValue::Null => RawValue::WrongType("null"),
                };
                (k, raw)
            })
            .collect();
        Ok(RawScenario {
            preset: self.preset,
            values,
        })
    }
}

/// Parses a scenario file's JSON text into the raw form, with a message that says where and
/// what is wrong when it cannot.
pub fn parse_scenario_json(text: &str) -> Result<RawScenario, String> {
    const MAX_FILE_BYTES: usize = 64 * 1024;
    if text.len() > MAX_FILE_BYTES {
        return Err(format!(
            "the scenario file is {} bytes: at most {MAX_FILE_BYTES} are read",
            text.len()
        ));
    }
    // Some editors start UTF-8 files with a byte-order mark; it carries no meaning here.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let input: ScenarioInput = serde_json::from_str(text).map_err(|e| {
        format!(
            "the scenario file is not valid: {e} (expected {{\"version\": 1, \"preset\": \"NAME\", \"params\": {{\"key\": number}}}})"
        )
    })?;
    input.into_raw()
}

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

fn pay_multiplier(m: &Month) -> f64 {
    if m.headcount > 0.0 {
        m.wages_usd / m.headcount
    } else {
        0.0
    }
}

/// Pay of the people working contacts (experienced and rookies), USD.
fn working_wages(m: &Month) -> f64 {
    pay_multiplier(m) * (m.experienced + m.rookies)
}

/// Recruiting plus the pay of trainees, who handle no contacts yet, USD.
fn hiring_and_training(m: &Month) -> f64 {
    m.hiring_usd + pay_multiplier(m) * m.trainees
}

/// Every support cost of a month, USD.
fn support_cost(m: &Month) -> f64 {
    m.wages_usd + m.severance_usd + m.ai_usd + m.hiring_usd
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
    wages: "wages" => |o, i| working_wages(&o.scenario[i]);
    severance: "severance" => |o, i| o.scenario[i].severance_usd;
    ai_cost: "aiCost" => |o, i| o.scenario[i].ai_usd;
    hiring_and_training: "hiringAndTraining" => |o, i| hiring_and_training(&o.scenario[i]);
    lost_margin: "lostMargin" => |o, i| o.lost_margin_usd(i);
    ai_contacts: "aiContacts" => |o, i| o.scenario[i].ai_contacts;
    ai_agent_equivalent: "aiAgentEquivalent" => |o, i| o.scenario[i].ai_agent_equivalent;
    support_cost: "supportCost" => |o, i| support_cost(&o.scenario[i]);
    baseline_support_cost: "baselineSupportCost" => |o, i| support_cost(&o.baseline[i]);
    augment_support_cost: "augmentSupportCost" => |o, i| support_cost(&o.augment[i]);
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
    pub params: BTreeMap<&'static str, f64>,
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

/// Every parameter by wire key.
pub fn params_map(params: &Params) -> BTreeMap<&'static str, f64> {
    PARAMS.iter().map(|s| (s.key, s.get(params))).collect()
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
        }
    }
}

/// One row of the parameter table on the wire (CLI `params --format json`, the page).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct ParamSpecWire {
    pub key: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub default: f64,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub explanation: &'static str,
    pub source: &'static str,
    pub evidence: &'static str,
    pub group: &'static str,
    pub depth: u8,
    pub role: &'static str,
}

/// The whole parameter table on the wire.
pub fn param_table() -> Vec<ParamSpecWire> {
    PARAMS
        .iter()
        .map(|s| ParamSpecWire {
            key: s.key,
            label: s.label,
            unit: s.unit.key(),
            default: s.default,
            min: s.min,
            max: s.max,
            step: s.step,
            explanation: s.explanation,
            source: s.source,
            evidence: s.evidence.key(),
            group: s.group.key(),
            depth: s.depth,
            role: s.role.key(),
        })
        .collect()
}

/// One preset on the wire: its texts and its full parameter set.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct PresetWire {
    pub name: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub caveat: &'static str,
    pub sources: &'static str,
    pub params: BTreeMap<&'static str, f64>,
    /// For a company-like preset, the calendar month of model month 1 (`2024-02`).
    pub month_one: Option<&'static str>,
    /// What stands behind each value the preset sets: `{key: {source, evidence, range}}`.
    pub evidence: BTreeMap<&'static str, PresetValueWire>,
}

/// The evidence of one value a preset sets.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct PresetValueWire {
    pub source: &'static str,
    pub evidence: &'static str,
    pub range: Option<[f64; 2]>,
}

/// Every preset on the wire.
pub fn preset_table() -> Vec<PresetWire> {
    crate::presets::PRESETS
        .iter()
        .map(|p| PresetWire {
            name: p.name,
            title: p.title,
            summary: p.summary,
            caveat: p.caveat,
            sources: p.sources,
            params: params_map(&p.params()),
            month_one: p.month_one,
            evidence: p
                .values
                .iter()
                .map(|v| {
                    (
                        v.key,
                        PresetValueWire {
                            source: v.source,
                            evidence: v.evidence.key(),
                            range: v.range.map(|(low, high)| [low, high]),
                        },
                    )
                })
                .collect(),
        })
        .collect()
}

/// Chart options as the page sends them: `{scale, theme, text, money}`, every field optional.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct ChartOptionsWire {
    /// Size factor (device pixel ratio times presentation size), 0.25 to 8.
    pub scale: Option<f64>,
    /// "light", "dark" or "projector".
    pub theme: Option<String>,
    /// Translated chart words by key.
    pub text: BTreeMap<String, String>,
    /// How numbers are written: language, currency and its rate.
    pub numbers: Option<NumberStyleWire>,
}

/// How numbers are written, as the page sends it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct NumberStyleWire {
    /// The language code ("en", "id").
    pub locale: String,
    /// The display currency ("USD", "IDR", "EUR").
    pub currency: String,
    /// Display units per US dollar.
    pub rate_per_usd: f64,
}

impl NumberStyleWire {
    /// Checks the style; the message says which field is wrong.
    pub fn into_style(self) -> Result<crate::present::NumberStyle, String> {
        use crate::present::{Currency, Locale, NumberStyle};
        let locale = Locale::from_code(&self.locale).ok_or_else(|| {
            format!(
                "unknown language '{}' (allowed: en, id)",
                crate::validate::quote(&self.locale)
            )
        })?;
        let currency = Currency::from_code(&self.currency).ok_or_else(|| {
            format!(
                "unknown currency '{}' (allowed: USD, IDR, EUR)",
                crate::validate::quote(&self.currency)
            )
        })?;
        let rate = self.rate_per_usd;
        if !(rate.is_finite() && rate > 0.0 && rate <= 1e6) {
            return Err(format!(
                "exchange rate {rate} is out of range: allowed above 0 up to 1000000 per USD"
            ));
        }
        Ok(NumberStyle {
            locale,
            currency,
            rate_per_usd: rate,
        })
    }
}

impl ChartOptionsWire {
    /// Checks the options and converts them; the message says which field is wrong.
    pub fn into_options(self) -> Result<crate::chart::ChartOptions, String> {
        use crate::chart::{ChartOptions, ChartText, Theme};
        let scale = self.scale.unwrap_or(1.0);
        if !(scale.is_finite() && (0.25..=8.0).contains(&scale)) {
            return Err(format!(
                "chart scale {scale} is out of range: allowed 0.25 to 8"
            ));
        }
        let theme = match self.theme.as_deref() {
            None | Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            Some("projector") => Theme::Projector,
            Some(other) => {
                return Err(format!(
                    "unknown chart theme '{}' (allowed: light, dark, projector)",
                    crate::validate::quote(other)
                ))
            }
        };
        let money = match self.numbers {
            None => crate::present::NumberStyle::english(),
            Some(style) => style.into_style()?,
        };
        Ok(ChartOptions {
            scale,
            theme,
            text: ChartText::new(self.text),
            money,
        })
    }
}

/// One input error on the wire, for the page to show next to its field.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputErrorWire {
    /// The parameter key, where the error is about one.
    pub key: Option<String>,
    /// A stable machine name of the kind of error (the page translates by it).
    pub code: &'static str,
    /// The English message.
    pub message: String,
}

impl From<&crate::validate::InputError> for InputErrorWire {
    fn from(e: &crate::validate::InputError) -> Self {
        InputErrorWire {
            key: e.key().map(str::to_owned),
            code: e.code(),
            message: e.to_string(),
        }
    }
}

/// The answer to "is this scenario valid?": the nearest valid scenario and what was ignored.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckedScenarioWire {
    /// The preset used.
    pub preset: &'static str,
    /// Every parameter of the nearest valid scenario.
    pub params: BTreeMap<&'static str, f64>,
    /// Keys that differ from the preset.
    pub changed: Vec<&'static str>,
    /// What was wrong and therefore ignored; empty when the input was valid.
    pub errors: Vec<InputErrorWire>,
}

/// One source on the wire.
#[derive(Debug, Serialize)]
#[allow(missing_docs)]
pub struct SourceWire {
    pub id: &'static str,
    pub citation: &'static str,
    pub evidence: &'static str,
}

/// Every source on the wire.
pub fn source_table() -> Vec<SourceWire> {
    crate::sources::SOURCES
        .iter()
        .map(|s| SourceWire {
            id: s.id,
            citation: s.citation,
            evidence: s.evidence.key(),
        })
        .collect()
}

/// Monte Carlo results on the wire. Bands are per month: `[p10, p25, p50, p75, p90]`.
/// Read back (from the page's worker) to draw the savings chart's fan: see [`BandWire`].
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct UncertaintyWire {
    pub draws: usize,
    pub seed: u64,
    pub percentiles: [f64; 5],
    pub month: Vec<u32>,
    pub cumulative_delta: Vec<[f64; 5]>,
    pub npv: [f64; 5],
    pub chance_npv_negative: f64,
    pub chance_regret: f64,
    pub regret_month: Option<[f64; 5]>,
    pub chance_rehire: f64,
}

impl From<&crate::analysis::uncertainty::Uncertainty> for UncertaintyWire {
    fn from(u: &crate::analysis::uncertainty::Uncertainty) -> Self {
        UncertaintyWire {
            draws: u.draws,
            seed: u.seed,
            percentiles: crate::analysis::uncertainty::PERCENTILES,
            month: (1..=u.cumulative_delta_usd.len() as u32).collect(),
            cumulative_delta: u.cumulative_delta_usd.clone(),
            npv: u.npv_usd,
            chance_npv_negative: u.chance_npv_negative,
            chance_regret: u.chance_regret,
            regret_month: u.regret_month,
            chance_rehire: u.chance_rehire,
        }
    }
}

impl UncertaintyWire {
    /// Checks the shape a fan needs (the reported percentiles, one row per month, months
    /// 1..n in order, finite values in order, a draw count the analysis could have made)
    /// and converts it; `faded` marks a band kept from an earlier state.
    pub fn to_band(&self, faded: bool) -> Result<crate::chart::Band, String> {
        use crate::analysis::uncertainty::{MAX_DRAWS, PERCENTILES};
        if self.percentiles != PERCENTILES {
            return Err(format!(
                "the uncertainty band must give the percentiles {PERCENTILES:?}, not {:?}",
                self.percentiles
            ));
        }
        if !(1..=MAX_DRAWS).contains(&self.draws) {
            return Err(format!(
                "the uncertainty band has {} draws: allowed 1 to {MAX_DRAWS}",
                self.draws
            ));
        }
        let months = self.cumulative_delta.len();
        if months == 0 || months > 1200 {
            return Err(format!(
                "the uncertainty band has {months} months: allowed 1 to 1200"
            ));
        }
        if self.month.len() != months || self.month.iter().zip(1..).any(|(&m, k)| m != k) {
            return Err(format!(
                "the uncertainty band's months must be 1 to {months}, one per row"
            ));
        }
        for (row, m) in self.cumulative_delta.iter().zip(1..) {
            if !row.iter().all(|v| v.is_finite()) {
                return Err(format!(
                    "the uncertainty band has a value that is not finite in month {m}"
                ));
            }
            if row.windows(2).any(|w| w[0] > w[1]) {
                return Err(format!(
                    "the uncertainty band's percentiles are out of order in month {m}"
                ));
            }
        }
        let shares = [
            self.chance_npv_negative,
            self.chance_regret,
            self.chance_rehire,
        ];
        if !shares
            .iter()
            .all(|v| v.is_finite() && (0.0..=1.0).contains(v))
        {
            return Err("the uncertainty band's chances must be from 0 to 1".to_owned());
        }
        Ok(crate::chart::Band {
            cumulative_delta_usd: self.cumulative_delta.clone(),
            draws: self.draws,
            faded,
        })
    }
}

/// The fan the page hands to `render`: the worker's Monte Carlo result for this scenario,
/// or (`faded: true`) the last one while the current state's is being worked out.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandWire {
    /// The Monte Carlo result, as `uncertainty()` returned it.
    pub uncertainty: UncertaintyWire,
    /// Draw it fainter: it belongs to an earlier state.
    #[serde(default)]
    pub faded: bool,
}

/// One tornado bar on the wire.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct TornadoBarWire {
    pub key: &'static str,
    pub low: f64,
    pub high: f64,
    pub npv_at_low: f64,
    pub npv_at_high: f64,
    pub swing: f64,
    pub switching_value: Option<f64>,
}

/// The tornado on the wire, largest swing first, with the scenario's own NPV.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct SensitivityWire {
    pub npv: f64,
    pub bars: Vec<TornadoBarWire>,
}

impl SensitivityWire {
    /// Builds the wire form from the tornado and the scenario's NPV.
    pub fn new(npv: f64, bars: &[crate::analysis::sensitivity::Bar]) -> Self {
        SensitivityWire {
            npv,
            bars: bars
                .iter()
                .map(|b| TornadoBarWire {
                    key: b.spec.key,
                    low: b.low_value,
                    high: b.high_value,
                    npv_at_low: b.npv_at_low_usd,
                    npv_at_high: b.npv_at_high_usd,
                    swing: b.swing_usd(),
                    switching_value: b.switching_value,
                })
                .collect(),
        }
    }
}

/// The regret map on the wire: `npv[row][column]` for `y[row]`, `x[column]`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct RegretMapWire {
    pub x_key: &'static str,
    pub y_key: &'static str,
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub npv: Vec<Vec<f64>>,
    pub regret_month: Vec<Vec<Option<u32>>>,
    pub current: [f64; 2],
}

/// One tornado bar as the page hands it back for drawing (the shape of [`TornadoBarWire`]).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct TornadoBarInput {
    pub key: String,
    pub low: f64,
    pub high: f64,
    pub npv_at_low: f64,
    pub npv_at_high: f64,
    #[serde(default)]
    pub swing: Option<f64>,
    #[serde(default)]
    pub switching_value: Option<f64>,
}

/// The tornado as the page hands it back for drawing (the shape of [`SensitivityWire`]).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct SensitivityInput {
    pub npv: f64,
    pub bars: Vec<TornadoBarInput>,
}

fn finite(what: &str, value: f64) -> Result<f64, String> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(format!("{what} is not finite"))
    }
}

impl SensitivityInput {
    /// Checks every bar (a known parameter at most once, finite values, the low value not
    /// above the high one, values inside the parameter's range) and converts to the
    /// analysis's bars with the scenario's NPV.
    pub fn into_bars(self) -> Result<(f64, Vec<crate::analysis::sensitivity::Bar>), String> {
        let npv = finite("the tornado's npv", self.npv)?;
        if self.bars.len() > PARAMS.len() {
            return Err(format!(
                "the tornado has {} bars: there are only {} parameters",
                self.bars.len(),
                PARAMS.len()
            ));
        }
        let mut bars = Vec::with_capacity(self.bars.len());
        for b in self.bars {
            let spec = crate::params::spec(&b.key)
                .ok_or_else(|| format!("unknown tornado parameter '{}'", b.key))?;
            if bars
                .iter()
                .any(|x: &crate::analysis::sensitivity::Bar| x.spec.key == spec.key)
            {
                return Err(format!("the tornado has {} twice", spec.key));
            }
            let what = |field: &str| format!("the tornado's {field} for {}", spec.key);
            let low = finite(&what("low"), b.low)?;
            let high = finite(&what("high"), b.high)?;
            let in_range = |v: f64| v >= spec.min && v <= spec.max;
            if low > high || !in_range(low) || !in_range(high) {
                return Err(format!(
                    "the tornado's range for {} ({low} to {high}) must be ascending inside {} to {}",
                    spec.key, spec.min, spec.max
                ));
            }
            let switching_value = match b.switching_value {
                Some(v) if !(v.is_finite() && in_range(v)) => {
                    return Err(format!(
                        "the tornado's switching value for {} ({v}) is outside {} to {}",
                        spec.key, spec.min, spec.max
                    ))
                }
                other => other,
            };
            bars.push(crate::analysis::sensitivity::Bar {
                spec,
                low_value: low,
                high_value: high,
                npv_at_low_usd: finite(&what("npvAtLow"), b.npv_at_low)?,
                npv_at_high_usd: finite(&what("npvAtHigh"), b.npv_at_high)?,
                switching_value,
            });
        }
        Ok((npv, bars))
    }
}

/// The regret map as the page hands it back for drawing (the shape of [`RegretMapWire`]).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RegretMapInput {
    pub x_key: String,
    pub y_key: String,
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub npv: Vec<Vec<f64>>,
    pub regret_month: Vec<Vec<Option<u32>>>,
    pub current: [f64; 2],
}

impl RegretMapInput {
    /// Checks the map (two different parameters that can be axes, ascending values inside
    /// their ranges, 2 to 101 per axis, one finite NPV and one regret month of 1 to 1200 per
    /// cell, a finite current position) and converts it.
    pub fn into_map(self) -> Result<crate::analysis::map::RegretMap, String> {
        use crate::analysis::map::CELL_RANGE;
        let axis = |key: &str| -> Result<&'static crate::params::ParamSpec, String> {
            let spec =
                crate::params::spec(key).ok_or_else(|| format!("unknown map axis '{key}'"))?;
            match spec.key {
                "horizonMonths" | "layoffMonth" | "modelDepth" => {
                    Err(format!("{key} cannot be a map axis"))
                }
                _ => Ok(spec),
            }
        };
        let (x, y) = (axis(&self.x_key)?, axis(&self.y_key)?);
        if x.key == y.key {
            return Err("the map needs two different parameters".to_owned());
        }
        for (spec, values) in [(x, &self.x), (y, &self.y)] {
            if values.len() < 2 || values.len() > *CELL_RANGE.end() {
                return Err(format!(
                    "the map's {} axis has {} values: allowed 2 to {}",
                    spec.key,
                    values.len(),
                    CELL_RANGE.end()
                ));
            }
            let ok = values
                .iter()
                .all(|v| v.is_finite() && *v >= spec.min && *v <= spec.max)
                && values.windows(2).all(|w| w[0] < w[1]);
            if !ok {
                return Err(format!(
                    "the map's {} values must ascend inside {} to {}",
                    spec.key, spec.min, spec.max
                ));
            }
        }
        let (nx, ny) = (self.x.len(), self.y.len());
        let npv_shaped = self.npv.len() == ny && self.npv.iter().all(|r| r.len() == nx);
        let regret_shaped =
            self.regret_month.len() == ny && self.regret_month.iter().all(|r| r.len() == nx);
        if !(npv_shaped && regret_shaped) {
            return Err(format!(
                "the map must have {ny} rows of {nx} values for npv and regretMonth"
            ));
        }
        let npv_usd: Vec<f64> = self.npv.into_iter().flatten().collect();
        if !npv_usd.iter().all(|v| v.is_finite()) {
            return Err("the map has an npv that is not finite".to_owned());
        }
        let regret_month: Vec<Option<u32>> = self.regret_month.into_iter().flatten().collect();
        if regret_month
            .iter()
            .flatten()
            .any(|m| !(1..=1200).contains(m))
        {
            return Err("the map has a regret month outside 1 to 1200".to_owned());
        }
        let current = (
            finite("the map's current x", self.current[0])?,
            finite("the map's current y", self.current[1])?,
        );
        Ok(crate::analysis::map::RegretMap {
            x,
            y,
            xs: self.x,
            ys: self.y,
            npv_usd,
            regret_month,
            current,
        })
    }
}

impl From<&crate::analysis::map::RegretMap> for RegretMapWire {
    fn from(m: &crate::analysis::map::RegretMap) -> Self {
        let width = m.xs.len();
        RegretMapWire {
            x_key: m.x.key,
            y_key: m.y.key,
            x: m.xs.clone(),
            y: m.ys.clone(),
            npv: m.npv_usd.chunks(width).map(<[f64]>::to_vec).collect(),
            regret_month: m
                .regret_month
                .chunks(width)
                .map(<[Option<u32>]>::to_vec)
                .collect(),
            current: [m.current.0, m.current.1],
        }
    }
}

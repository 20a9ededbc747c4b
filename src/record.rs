//! The public record against the model: every dated figure Klarna, Salesforce and
//! Commonwealth Bank reported (shared research, record.md), each paired with the quantity of
//! the model it speaks to, so that a company-like preset can be checked against what the
//! company said, and the page, the CLI and docs/MODEL.md can show where they agree and where
//! they do not. Pure data plus arithmetic on a model run: no serde, no formatting. The words
//! of each row (what was reported, in a few words, and why it does or does not match) live
//! in the language files under `record.rows.KEY`, once per language, so the page, the CLI
//! and the docs say them one way.

use crate::model::Outcome;
use crate::params::{Evidence, Params};

/// A quantity of the model a reported figure can be compared with. Months are 1-based, as
/// everywhere readers see them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Measure {
    /// Contacts the AI took first in a month.
    AiContacts(u32),
    /// The same per week (a month is 52/12 weeks).
    AiContactsPerWeek(u32),
    /// Contacts the AI took first from month 1 through this month.
    CumulativeAiContacts(u32),
    /// The AI's share of all contacts in a month.
    AiShare(u32),
    /// The human work the AI took over in a month, in full-speed agents, net of escalations.
    AiAgentEquivalent(u32),
    /// People on the support payroll at the start of a month.
    SupportHeadcount(u32),
    /// People cut.
    PeopleCut,
    /// People cut who were the company's own staff, laid off with severance.
    PeopleLaidOff,
    /// Bad-contact share of the contacts the AI took in a month, over the share of people's
    /// contacts before launch (1 = on par with human agents at their normal pace).
    AiBadVsHumans(u32),
    /// Bad-contact share in a month over the share before launch (1 = unchanged).
    BadShareVsBefore(u32),
    /// Contacts people handle in a month, compared with before launch (-0.05 = 5% fewer).
    HumanCaseVolumeChange(u32),
    /// Change in support cost per contact once the AI is ramped (`Summary`).
    CostPerContactChange,
    /// Support cost (wages and AI, no one-off costs) saved over the twelve months from this
    /// month, against keeping everyone, USD.
    SupportCostSavedOverYear(u32),
    /// People hired back under the course correction by the end of a month.
    RehiredBy(u32),
    /// Pay of a rehired person per working hour (173.3 hours a month), USD.
    RehirePayPerHour,
    /// The month the course correction takes effect.
    CorrectionMonth,
    /// Work pressure in a month (1 = exactly busy).
    WorkPressure(u32),
    /// Paying customers (accounts) at the start.
    CustomersBefore,
    /// The AI's resolution rate (a parameter).
    AiResolutionRate,
    /// The AI's price per conversation (a parameter), USD.
    AiPricePerConversation,
}

/// How a reported figure is held against the model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Check {
    /// Within 15% of the reported value.
    Within,
    /// At least the reported value ("more than 1 million").
    AtLeast,
    /// Within this many months of the reported month.
    WithinMonths(u32),
    /// The model does not meet it; the reason, with its arithmetic, is in the note and in
    /// docs/MODEL.md ("Calibration").
    Explained,
    /// No quantity of the model measures the same thing; the note says why.
    NotComparable,
}

/// Which chart a reported figure is drawn on, as a marked point. Only like-for-like figures
/// are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plot {
    /// The headcount chart: support staff.
    Headcount,
    /// The headcount chart's "AI's work, in agents" line.
    AiAgents,
    /// The quality chart's "contacts the AI takes, a month" line.
    AiContacts,
    /// The same line, for a figure reported per week (drawn at 52/12 times the weekly value).
    AiContactsWeekly,
}

impl Plot {
    /// The stable wire name of the series the point belongs to.
    pub fn key(self) -> &'static str {
        match self {
            Plot::Headcount => "headcount",
            Plot::AiAgents => "aiAgentEquivalent",
            Plot::AiContacts | Plot::AiContactsWeekly => "aiContacts",
        }
    }

    /// The reported value in the unit of the line it is drawn on: a weekly figure becomes a
    /// monthly one (52/12 weeks a month), every other figure is drawn as reported.
    pub fn on_line(self, reported: f64) -> f64 {
        match self {
            Plot::AiContactsWeekly => reported * 52.0 / 12.0,
            _ => reported,
        }
    }
}

/// One dated reported figure and how it meets the model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RecordRow {
    /// The reference date as reported ("2024-02", "Q1'23→Q1'25").
    pub date: &'static str,
    /// The row's stable key: its words are `record.rows.KEY` in the language files.
    pub key: &'static str,
    /// The reported value as a number, where there is one.
    pub value: Option<f64>,
    /// The record's source key (RK1, RS5, RB4).
    pub source: &'static str,
    /// Who said it.
    pub evidence: Evidence,
    /// The model's quantity, where one measures the same thing.
    pub measure: Option<Measure>,
    /// How the two are held together.
    pub check: Check,
    /// Where the figure is drawn, and at which month.
    pub plot: Option<(Plot, u32)>,
}

#[allow(clippy::too_many_arguments)]
const fn row(
    date: &'static str,
    key: &'static str,
    value: Option<f64>,
    source: &'static str,
    evidence: Evidence,
    measure: Option<Measure>,
    check: Check,
    plot: Option<(Plot, u32)>,
) -> RecordRow {
    RecordRow {
        date,
        key,
        value,
        source,
        evidence,
        measure,
        check,
        plot,
    }
}

use Check::{AtLeast, Explained, NotComparable, Within, WithinMonths};
use Evidence::{CompanyClaim as C, Derived as D, Press as P};
use Measure::*;

/// Klarna, month 1 = February 2024 (shared research, record.md section 1).
pub const KLARNA: &[RecordRow] = &[
    row(
        "2024-02",
        "rk1-1",
        Some(2.3e6),
        "RK1",
        C,
        Some(AiContacts(1)),
        Within,
        Some((Plot::AiContacts, 1)),
    ),
    row(
        "2024-02",
        "rk1-2",
        Some(2.0 / 3.0),
        "RK1",
        C,
        Some(AiShare(1)),
        Within,
        None,
    ),
    row(
        "2024-02",
        "rk1-3",
        Some(700.0),
        "RK1",
        C,
        Some(AiAgentEquivalent(1)),
        Within,
        Some((Plot::AiAgents, 1)),
    ),
    row(
        "2024-02",
        "rk1-4",
        Some(1.0),
        "RK1",
        C,
        Some(AiBadVsHumans(1)),
        Explained,
        None,
    ),
    row(
        "2024-02",
        "rk1-5",
        Some(-0.25),
        "RK1",
        C,
        None,
        NotComparable,
        None,
    ),
    row(
        "2024-02",
        "rk2-1",
        None,
        "RK2",
        C,
        None,
        NotComparable,
        None,
    ),
    row(
        "2024",
        "rk3-1",
        Some(40e6),
        "RK3",
        C,
        Some(SupportCostSavedOverYear(1)),
        Explained,
        None,
    ),
    row(
        "2024-02/03",
        "rk4-1",
        Some(2000.0),
        "RK4",
        C,
        Some(SupportHeadcount(2)),
        AtLeast,
        Some((Plot::Headcount, 2)),
    ),
    row(
        "2022/23/24-12",
        "rk5-1",
        None,
        "RK5",
        C,
        None,
        NotComparable,
        None,
    ),
    row(
        "2024-08",
        "rk6-1",
        None,
        "RK6",
        P,
        None,
        NotComparable,
        None,
    ),
    row(
        "2024-12",
        "rk7-1",
        None,
        "RK7",
        C,
        None,
        NotComparable,
        None,
    ),
    row(
        "2025-05",
        "rk8-1",
        None,
        "RK8",
        C,
        None,
        NotComparable,
        None,
    ),
    row(
        "Q1'23→Q1'25",
        "rk1-6",
        Some(-0.40),
        "RK1",
        C,
        Some(CostPerContactChange),
        Explained,
        None,
    ),
    row(
        "Q1'23→Q1'25",
        "rk9-1",
        Some(-0.406),
        "RK9",
        P,
        Some(CostPerContactChange),
        Explained,
        None,
    ),
    row(
        "2025-05",
        "rk10-1",
        Some(1.0),
        "RK10",
        C,
        Some(BadShareVsBefore(16)),
        AtLeast,
        None,
    ),
    row(
        "2025-05",
        "rk11-1",
        Some(2.0),
        "RK11",
        C,
        Some(RehiredBy(16)),
        Explained,
        None,
    ),
    row(
        "2025-05",
        "rk12-1",
        Some(41.0),
        "RK12",
        P,
        Some(RehirePayPerHour),
        Within,
        None,
    ),
    row(
        "2025-05",
        "rk13-1",
        Some(800.0),
        "RK13",
        C,
        Some(AiAgentEquivalent(16)),
        Within,
        Some((Plot::AiAgents, 16)),
    ),
    row(
        "2025-09",
        "rk14-1",
        Some(14.0),
        "RK14",
        C,
        Some(CorrectionMonth),
        WithinMonths(3),
        None,
    ),
    row(
        "2025-11 (Q3)",
        "rk15-1",
        Some(853.0),
        "RK15",
        C,
        Some(AiAgentEquivalent(20)),
        Within,
        Some((Plot::AiAgents, 20)),
    ),
    row(
        "2025-11 (Q3)",
        "rk15-2",
        None,
        "RK15",
        C,
        None,
        NotComparable,
        None,
    ),
    row(
        "2025",
        "rk16-1",
        Some(60e6),
        "RK16",
        P,
        Some(SupportCostSavedOverYear(12)),
        Explained,
        None,
    ),
];

/// Salesforce, month 1 = October 2024 (shared research, record.md section 2).
pub const SALESFORCE: &[RecordRow] = &[
    row(
        "2025-08/09",
        "rs1-1",
        Some(5000.0),
        "RS1",
        C,
        Some(SupportHeadcount(12)),
        Within,
        Some((Plot::Headcount, 12)),
    ),
    row(
        "2025-08/09",
        "rs2-1",
        Some(0.5),
        "RS2",
        C,
        Some(AiShare(12)),
        Within,
        None,
    ),
    row(
        "2025-09",
        "rs1-2",
        None,
        "RS1",
        C,
        None,
        NotComparable,
        None,
    ),
    row(
        "2025-09",
        "rs3-1",
        Some(262.0),
        "RS3",
        P,
        Some(PeopleLaidOff),
        Within,
        None,
    ),
    row(
        "2025-07",
        "rs5-1",
        Some(45000.0),
        "RS5",
        C,
        Some(AiContactsPerWeek(10)),
        Within,
        Some((Plot::AiContactsWeekly, 10)),
    ),
    row(
        "2025-07",
        "rs5-2",
        Some(1e6),
        "RS5",
        C,
        Some(CumulativeAiContacts(9)),
        AtLeast,
        None,
    ),
    row(
        "2025-07",
        "rs5-3",
        Some(0.85),
        "RS5",
        C,
        Some(AiResolutionRate),
        Within,
        None,
    ),
    row(
        "2025-07",
        "rs6-1",
        Some(-0.05),
        "RS6",
        C,
        Some(HumanCaseVolumeChange(10)),
        Explained,
        None,
    ),
    row(
        "2025-07",
        "rs6-2",
        Some(500.0),
        "RS6",
        C,
        None,
        NotComparable,
        None,
    ),
    row(
        "2025-10",
        "rs8-1",
        Some(1.4e6),
        "RS8",
        C,
        Some(CumulativeAiContacts(13)),
        AtLeast,
        None,
    ),
    row(
        "2025-10",
        "rs8-2",
        Some(100e6),
        "RS8",
        C,
        Some(SupportCostSavedOverYear(9)),
        Explained,
        None,
    ),
    row(
        "2025-10",
        "rs8-3",
        Some(1.0),
        "RS8",
        C,
        Some(AiBadVsHumans(13)),
        Explained,
        None,
    ),
    row(
        "n.d.",
        "rs9-1",
        Some(150000.0),
        "RS9",
        P,
        Some(CustomersBefore),
        AtLeast,
        None,
    ),
    row(
        "2024-10→",
        "rs10-1",
        Some(2.0),
        "RS10",
        P,
        Some(AiPricePerConversation),
        Within,
        None,
    ),
    row(
        "2025-05→",
        "rs11-1",
        Some(0.10),
        "RS11",
        P,
        None,
        NotComparable,
        None,
    ),
];

/// Commonwealth Bank of Australia, month 1 = June 2025 (shared research, record.md section 3).
pub const CBA: &[RecordRow] = &[
    row(
        "2025-06",
        "rb1-1",
        Some(1.0),
        "RB1",
        P,
        None,
        NotComparable,
        None,
    ),
    row(
        "2025-07-29",
        "rb1-2",
        Some(45.0),
        "RB1",
        C,
        Some(PeopleCut),
        Within,
        None,
    ),
    row(
        "2025-07",
        "rb1-3",
        Some(90.0),
        "RB1",
        P,
        Some(PeopleCut),
        Explained,
        None,
    ),
    row(
        "2025-07",
        "rb3-1",
        Some(2000.0),
        "RB3",
        C,
        Some(AiContactsPerWeek(2)),
        Within,
        Some((Plot::AiContactsWeekly, 2)),
    ),
    row(
        "2025-07/08",
        "rb4-1",
        Some(1.0),
        "RB4",
        P,
        Some(WorkPressure(2)),
        AtLeast,
        None,
    ),
    row(
        "2025-08-21",
        "rb4-2",
        Some(3.0),
        "RB4",
        C,
        Some(CorrectionMonth),
        WithinMonths(0),
        None,
    ),
    row(
        "2025-08",
        "rb5-1",
        None,
        "RB5",
        D,
        None,
        NotComparable,
        None,
    ),
];

/// The record for a company-like preset, by preset name.
pub fn for_preset(name: &str) -> &'static [RecordRow] {
    match name {
        "klarna-like" => KLARNA,
        "salesforce-like" => SALESFORCE,
        "cba-like" => CBA,
        _ => &[],
    }
}

/// The model's value of a measure, or `None` where the run is too short to have that month
/// or the quantity does not exist in it (no correction, no AI contacts).
pub fn model_value(measure: Measure, params: &Params, outcome: &Outcome) -> Option<f64> {
    let months = outcome.scenario.len();
    let at = |m: u32| -> Option<usize> {
        let i = m.checked_sub(1)? as usize;
        (i < months).then_some(i)
    };
    let s = &outcome.scenario;
    Some(match measure {
        AiContacts(m) => s[at(m)?].ai_contacts,
        AiContactsPerWeek(m) => s[at(m)?].ai_contacts * 12.0 / 52.0,
        CumulativeAiContacts(m) => s[..=at(m)?].iter().map(|x| x.ai_contacts).sum(),
        AiShare(m) => s[at(m)?].ai_share,
        AiAgentEquivalent(m) => s[at(m)?].ai_agent_equivalent,
        SupportHeadcount(m) => s[at(m)?].headcount,
        PeopleCut => outcome.summary.laid_off,
        PeopleLaidOff => outcome.summary.laid_off * params.severance_share,
        AiBadVsHumans(m) => {
            let x = &s[at(m)?];
            if x.ai_contacts <= 0.0 {
                return None;
            }
            x.ai_bad_share / outcome.baseline[0].bad_contact_share
        }
        BadShareVsBefore(m) => s[at(m)?].bad_contact_share / outcome.baseline[0].bad_contact_share,
        HumanCaseVolumeChange(m) => s[at(m)?].human_contacts / outcome.baseline[0].contacts - 1.0,
        CostPerContactChange => outcome.summary.cost_per_contact_change,
        SupportCostSavedOverYear(m) => {
            let from = at(m)?;
            let to = (from + 12).min(months);
            let cost = |x: &crate::model::Month| x.wages_usd + x.ai_usd - x.ai_setup_usd;
            (from..to)
                .map(|i| cost(&outcome.baseline[i]) - cost(&s[i]))
                .sum::<f64>()
                * 12.0
                / (to - from) as f64
        }
        RehiredBy(m) => {
            let i = at(m)?;
            if i + 1 < months {
                s[i + 1].rehired
            } else {
                outcome.summary.rehired_hires
            }
        }
        RehirePayPerHour => {
            params.rehire_pay_factor * params.loaded_cost_per_agent_per_month / (52.0 * 40.0 / 12.0)
        }
        CorrectionMonth => f64::from(outcome.summary.rehire_start_month?),
        WorkPressure(m) => s[at(m)?].work_pressure,
        CustomersBefore => params.customers_before,
        AiResolutionRate => params.ai_resolution_rate,
        AiPricePerConversation => params.ai_price_per_conversation,
    })
}

/// A record row held against one run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    /// The row.
    pub row: &'static RecordRow,
    /// The model's value, where the row has a measure and the run has it.
    pub model: Option<f64>,
    /// Model minus reported, relative to the reported value (or in months, for a month).
    pub difference: Option<f64>,
    /// True where the check holds (an explained or incomparable row is not "met").
    pub met: bool,
}

/// Holds every row of a preset's record against a run of that preset (or of the reader's
/// changes to it).
pub fn compare(rows: &'static [RecordRow], params: &Params, outcome: &Outcome) -> Vec<Comparison> {
    rows.iter()
        .map(|row| {
            let model = row.measure.and_then(|m| model_value(m, params, outcome));
            let difference = match (model, row.value, row.check) {
                (Some(m), Some(r), WithinMonths(_)) => Some(m - r),
                (Some(m), Some(r), _) if r != 0.0 => Some((m - r) / r.abs()),
                _ => None,
            };
            let met = match (model, row.value, row.check, difference) {
                (Some(_), Some(_), Within, Some(d)) => d.abs() <= 0.15,
                (Some(m), Some(r), AtLeast, _) => m >= r,
                (Some(_), Some(_), WithinMonths(k), Some(d)) => d.abs() <= f64::from(k),
                _ => false,
            };
            Comparison {
                row,
                model,
                difference,
                met,
            }
        })
        .collect()
}

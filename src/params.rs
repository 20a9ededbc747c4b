//! The parameter table: the single source of truth for every input of the model.
//!
//! Each row gives the wire key (camelCase, used by the page, the URL, scenario files and the
//! CLI), an English label, the unit, the default, the allowed range and step, a one-line
//! explanation, the sources and the kind of evidence behind the default. The `Params` struct
//! that the model reads is generated from the same rows, so a key cannot exist in one place
//! and not the other. Nothing here knows about serde, the DOM or a clock.

/// What kind of evidence stands behind a default value. Shown next to every slider so that a
/// company's claim never looks like a measured fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// A company's own statement about itself (press release, earnings call, CEO interview).
    CompanyClaim,
    /// A vendor or trade survey, or vendor marketing.
    Vendor,
    /// An analyst firm's survey or prediction.
    Analyst,
    /// Peer-reviewed research.
    Research,
    /// Official statistics (BLS, Eurofound).
    Official,
    /// A press report.
    Press,
    /// Arithmetic on sourced numbers.
    Derived,
    /// No source found: a placeholder the reader should question.
    Assumption,
}

impl Evidence {
    /// The stable wire name of the evidence kind.
    pub fn key(self) -> &'static str {
        match self {
            Evidence::CompanyClaim => "claim",
            Evidence::Vendor => "vendor",
            Evidence::Analyst => "analyst",
            Evidence::Research => "research",
            Evidence::Official => "official",
            Evidence::Press => "press",
            Evidence::Derived => "derived",
            Evidence::Assumption => "assumption",
        }
    }

    /// A short English label for tables and the CLI.
    pub fn label(self) -> &'static str {
        match self {
            Evidence::CompanyClaim => "company claim",
            Evidence::Vendor => "vendor survey",
            Evidence::Analyst => "analyst",
            Evidence::Research => "research",
            Evidence::Official => "official statistic",
            Evidence::Press => "press report",
            Evidence::Derived => "derived",
            Evidence::Assumption => "assumption",
        }
    }
}

/// The unit a parameter is measured in; it decides how a value is shown and read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Whole months: a count or a calendar position.
    WholeMonths,
    /// A duration in months, fractions allowed.
    Months,
    /// Full-time equivalents (people).
    Fte,
    /// A fraction 0..1, shown as a percentage.
    Share,
    /// A fraction per year, shown as a percentage per year (may be negative).
    SharePerYear,
    /// A fraction per month, shown as a percentage per month.
    SharePerMonth,
    /// US dollars once.
    Usd,
    /// US dollars every month.
    UsdPerMonth,
    /// US dollars for each AI conversation.
    UsdPerConversation,
    /// Weeks of pay.
    Weeks,
    /// A count of customers.
    Customers,
    /// Contacts per customer per month.
    ContactsPerCustomerMonth,
    /// A multiplier (1 = unchanged).
    Factor,
    /// A dimensionless exponent.
    Elasticity,
    /// The model depth level 1-4.
    Level,
}

impl Unit {
    /// The stable wire name of the unit.
    pub fn key(self) -> &'static str {
        match self {
            Unit::WholeMonths => "wholeMonths",
            Unit::Months => "months",
            Unit::Fte => "fte",
            Unit::Share => "share",
            Unit::SharePerYear => "sharePerYear",
            Unit::SharePerMonth => "sharePerMonth",
            Unit::Usd => "usd",
            Unit::UsdPerMonth => "usdPerMonth",
            Unit::UsdPerConversation => "usdPerConversation",
            Unit::Weeks => "weeks",
            Unit::Customers => "customers",
            Unit::ContactsPerCustomerMonth => "contactsPerCustomerMonth",
            Unit::Factor => "factor",
            Unit::Elasticity => "elasticity",
            Unit::Level => "level",
        }
    }

    /// A short English unit label for tables and the CLI.
    pub fn label(self) -> &'static str {
        match self {
            Unit::WholeMonths | Unit::Months => "months",
            Unit::Fte => "FTE",
            Unit::Share => "share 0-1",
            Unit::SharePerYear => "share per year",
            Unit::SharePerMonth => "share per month",
            Unit::Usd => "USD",
            Unit::UsdPerMonth => "USD per month",
            Unit::UsdPerConversation => "USD per conversation",
            Unit::Weeks => "weeks of pay",
            Unit::Customers => "customers",
            Unit::ContactsPerCustomerMonth => "contacts per customer per month",
            Unit::Factor => "times",
            Unit::Elasticity => "exponent",
            Unit::Level => "level 1-4",
        }
    }

    /// True where only whole numbers make sense (months counted by the step, the depth level).
    pub fn is_whole(self) -> bool {
        matches!(self, Unit::WholeMonths | Unit::Level)
    }
}

/// How a reader thinks about the inputs; the page groups its sliders by this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// The layoff itself.
    Cut,
    /// The AI that takes over contacts.
    Ai,
    /// Customers, service quality and revenue.
    Customers,
    /// The workforce pipeline and the decision to hire back.
    Rehiring,
    /// Corner cutting, eroding standards, survivor quits, knowledge loss.
    Erosion,
    /// The "augment" counterfactual: AI helps agents, nobody is cut.
    Augment,
    /// Horizon, discounting and model depth.
    Money,
}

impl Group {
    /// The stable wire name of the group.
    pub fn key(self) -> &'static str {
        match self {
            Group::Cut => "cut",
            Group::Ai => "ai",
            Group::Customers => "customers",
            Group::Rehiring => "rehiring",
            Group::Erosion => "erosion",
            Group::Augment => "augment",
            Group::Money => "money",
        }
    }

    /// All groups in the order the page shows them.
    pub const ALL: [Group; 7] = [
        Group::Cut,
        Group::Ai,
        Group::Customers,
        Group::Rehiring,
        Group::Erosion,
        Group::Augment,
        Group::Money,
    ];
}

/// Whether a parameter is the company's choice or an estimate of how the world works. The
/// uncertainty analysis varies estimates only: a reader asks "what if we are wrong about
/// customers' patience?", not "what if the company cut a different share by accident?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Chosen or known by the company (how many to cut, its own wages, the horizon).
    Decision,
    /// Uncertain: a claim, a survey figure, a research estimate or an assumption.
    Estimate,
}

impl Role {
    /// The stable wire name.
    pub fn key(self) -> &'static str {
        match self {
            Role::Decision => "decision",
            Role::Estimate => "estimate",
        }
    }
}

/// One row of the parameter table.
#[derive(Debug, Clone, Copy)]
pub struct ParamSpec {
    /// The wire key, camelCase; stable across versions.
    pub key: &'static str,
    /// A short English label (the page's language files hold every language's, so the
    /// browser build carries none).
    #[cfg(not(target_arch = "wasm32"))]
    pub label: &'static str,
    /// The unit the value is in.
    pub unit: Unit,
    /// The default value (the "generic company" of the model).
    pub default: f64,
    /// The smallest allowed value.
    pub min: f64,
    /// The largest allowed value.
    pub max: f64,
    /// The slider step.
    pub step: f64,
    /// One sentence on what the parameter means and does (not in the browser build).
    #[cfg(not(target_arch = "wasm32"))]
    pub explanation: &'static str,
    /// Source tags (see docs/MODEL.md and `sources::SOURCES`), or a design note.
    pub source: &'static str,
    /// The kind of evidence behind the default.
    pub evidence: Evidence,
    /// Where the page shows it.
    pub group: Group,
    /// The lowest model depth at which the parameter changes anything.
    pub depth: u8,
    /// Whether the company chooses the value or it is an uncertain estimate.
    pub role: Role,
    get: fn(&Params) -> f64,
    set: fn(&mut Params, f64),
}

/// Two rows are the same row when their keys are: keys are unique (a test holds it).
impl PartialEq for ParamSpec {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl ParamSpec {
    /// Reads this parameter's value from a parameter set.
    pub fn get(&self, params: &Params) -> f64 {
        (self.get)(params)
    }

    /// Writes this parameter's value into a parameter set. Only `validate` and tests call
    /// this: the model never receives a value that was not checked against the range.
    pub fn set(&self, params: &mut Params, value: f64) {
        (self.set)(params, value)
    }

    /// True where `value` is finite, within `[min, max]` and whole if the unit needs it.
    pub fn accepts(&self, value: f64) -> bool {
        value.is_finite()
            && value >= self.min
            && value <= self.max
            && (!self.unit.is_whole() || value.fract() == 0.0)
    }
}

macro_rules! param_table {
    ($( $field:ident : $key:literal {
        label: $label:literal, unit: $unit:ident, default: $default:expr,
        min: $min:expr, max: $max:expr, step: $step:expr,
        explanation: $explanation:literal, source: $source:literal,
        evidence: $evidence:ident, group: $group:ident, depth: $depth:literal, role: $role:ident $(,)?
    } )*) => {
        /// Every input of the model, in the units its name says. Build one with
        /// [`Params::default`] and change it through [`crate::validate`]; the model trusts
        /// that every field is finite and inside its range.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Params {
            $(
                #[doc = $explanation]
                pub $field: f64,
            )*
        }

        impl Default for Params {
            fn default() -> Self {
                Params { $( $field: $default, )* }
            }
        }

        /// The parameter table, in the order the page and the CLI show it.
        pub const PARAMS: &[ParamSpec] = &[
            $(
                ParamSpec {
                    key: $key,
                    #[cfg(not(target_arch = "wasm32"))]
                    label: $label,
                    unit: Unit::$unit,
                    default: $default,
                    min: $min,
                    max: $max,
                    step: $step,
                    #[cfg(not(target_arch = "wasm32"))]
                    explanation: $explanation,
                    source: $source,
                    evidence: Evidence::$evidence,
                    group: Group::$group,
                    depth: $depth,
                    role: Role::$role,
                    get: |p: &Params| p.$field,
                    set: |p: &mut Params, v: f64| p.$field = v,
                },
            )*
        ];
    };
}

param_table! {
    // The cut.
    horizon_months: "horizonMonths" {
        label: "How long to follow the company", unit: WholeMonths, default: 48.0, min: 12.0, max: 120.0, step: 1.0,
        explanation: "How many months the simulation runs.",
        source: "design choice", evidence: Assumption, group: Money, depth: 1, role: Decision,
    }
    headcount_before: "headcountBefore" {
        label: "Support staff before the cut", unit: Fte, default: 1000.0, min: 10.0, max: 20000.0, step: 10.0,
        explanation: "People in customer support before any cut, employed or outsourced.",
        source: "design choice", evidence: Assumption, group: Cut, depth: 1, role: Decision,
    }
    layoff_share: "layoffShare" {
        label: "Share of staff cut", unit: Share, default: 0.40, min: 0.0, max: 0.9, step: 0.01,
        explanation: "The share of the support team cut in the month of the cut.",
        source: "design choice", evidence: Assumption, group: Cut, depth: 1, role: Decision,
    }
    layoff_month: "layoffMonth" {
        label: "Month of the cut", unit: WholeMonths, default: 3.0, min: 0.0, max: 24.0, step: 1.0,
        explanation: "Months after the AI launches (month 0) when the staff are cut; 0 cuts at launch.",
        source: "design choice", evidence: Assumption, group: Cut, depth: 1, role: Decision,
    }
    loaded_cost_per_agent_per_month: "loadedCostPerAgentPerMonth" {
        label: "Cost of one agent", unit: UsdPerMonth, default: 5080.0, min: 1000.0, max: 15000.0, step: 10.0,
        explanation: "Wage plus benefits and payroll taxes of one support agent, each month.",
        source: "C7 C8", evidence: Official, group: Cut, depth: 1, role: Decision,
    }
    severance_weeks: "severanceWeeks" {
        label: "Severance", unit: Weeks, default: 4.0, min: 0.0, max: 52.0, step: 1.0,
        explanation: "Weeks of pay given to each person laid off.",
        source: "C5 S12 C24", evidence: Vendor, group: Cut, depth: 1, role: Decision,
    }
    severance_share: "severanceShare" {
        label: "Share of the cut that is a layoff", unit: Share, default: 1.0, min: 0.0, max: 1.0, step: 0.01,
        explanation: "Share of the reduction that is a layoff of the company’s own staff, paid severance and followed by survivors’ extra quits; the rest leaves through attrition, a hiring freeze or the end of an outsourcing contract.",
        source: "design choice", evidence: Assumption, group: Cut, depth: 1, role: Decision,
    }
    // The AI.
    ai_share: "aiShare" {
        label: "Contacts the AI takes", unit: Share, default: 0.50, min: 0.0, max: 0.95, step: 0.01,
        explanation: "The target share of all customer contacts that the AI handles first.",
        source: "S2", evidence: CompanyClaim, group: Ai, depth: 1, role: Decision,
    }
    ai_ramp_months: "aiRampMonths" {
        label: "AI ramp-up", unit: WholeMonths, default: 3.0, min: 0.0, max: 12.0, step: 1.0,
        explanation: "Months for the AI to reach its target share, rising in equal steps.",
        source: "K1 S5", evidence: Assumption, group: Ai, depth: 1, role: Decision,
    }
    ai_resolution_rate: "aiResolutionRate" {
        label: "AI resolution rate", unit: Share, default: 0.60, min: 0.20, max: 0.95, step: 0.01,
        explanation: "Share of the contacts the AI takes that it closes; the rest go to a human.",
        source: "C17 C18 S6", evidence: Vendor, group: Ai, depth: 2, role: Estimate,
    }
    ai_silent_failure_share: "aiSilentFailureShare" {
        label: "Silent AI failures", unit: Share, default: 0.05, min: 0.0, max: 0.30, step: 0.01,
        explanation: "Share of contacts the AI marks “resolved” that were not really solved and come back the next month.",
        source: "K1 (repeat inquiries)", evidence: Assumption, group: Ai, depth: 2, role: Estimate,
    }
    escalation_handle_factor: "escalationHandleFactor" {
        label: "Effort of an escalated contact", unit: Factor, default: 1.5, min: 1.0, max: 3.0, step: 0.05,
        explanation: "Human time a contact passed on by the AI takes, compared with an ordinary one.",
        source: "C12 C26", evidence: Assumption, group: Ai, depth: 2, role: Estimate,
    }
    ai_price_per_conversation: "aiPricePerConversation" {
        label: "AI price per conversation", unit: UsdPerConversation, default: 1.00, min: 0.05, max: 5.0, step: 0.01,
        explanation: "What the AI vendor charges for each conversation the AI takes.",
        source: "C15 C16 S10 K13", evidence: CompanyClaim, group: Ai, depth: 1, role: Estimate,
    }
    ai_price_growth_per_year: "aiPriceGrowthPerYear" {
        label: "AI price change per year", unit: SharePerYear, default: 0.05, min: -0.30, max: 0.30, step: 0.01,
        explanation: "How fast the AI price per conversation changes each year.",
        source: "C19", evidence: Analyst, group: Ai, depth: 1, role: Estimate,
    }
    ai_fixed_cost_per_month: "aiFixedCostPerMonth" {
        label: "AI fixed cost", unit: UsdPerMonth, default: 50000.0, min: 0.0, max: 5_000_000.0, step: 1000.0,
        explanation: "Platform fees, engineers and monitoring to run the AI, each month.",
        source: "no public source", evidence: Assumption, group: Ai, depth: 1, role: Estimate,
    }
    ai_setup_cost: "aiSetupCost" {
        label: "AI build cost", unit: Usd, default: 500_000.0, min: 0.0, max: 20_000_000.0, step: 10000.0,
        explanation: "One-off cost to build and launch the AI assistant.",
        source: "K3", evidence: Assumption, group: Ai, depth: 1, role: Estimate,
    }
    // Customers and quality.
    customers_before: "customersBefore" {
        label: "Customers", unit: Customers, default: 20_000_000.0, min: 1000.0, max: 200_000_000.0, step: 1000.0,
        explanation: "Paying customers (or customer accounts) at the start; the support team is sized to serve them.",
        source: "design choice", evidence: Assumption, group: Customers, depth: 1, role: Decision,
    }
    contacts_per_customer_per_month: "contactsPerCustomerPerMonth" {
        label: "Contacts per customer", unit: ContactsPerCustomerMonth, default: 0.04, min: 0.005, max: 5.0, step: 0.005,
        explanation: "How often a customer contacts support each month.",
        source: "K1", evidence: Derived, group: Customers, depth: 1, role: Estimate,
    }
    revenue_per_customer_per_month: "revenuePerCustomerPerMonth" {
        label: "Revenue per customer", unit: UsdPerMonth, default: 10.0, min: 0.1, max: 50000.0, step: 0.1,
        explanation: "Revenue one customer brings in each month.",
        source: "design choice", evidence: Assumption, group: Customers, depth: 2, role: Decision,
    }
    contribution_margin: "contributionMargin" {
        label: "Contribution margin", unit: Share, default: 0.50, min: 0.10, max: 0.90, step: 0.01,
        explanation: "Share of revenue left after the direct costs of serving a customer: what a lost customer takes away.",
        source: "K21 S17", evidence: Assumption, group: Customers, depth: 2, role: Decision,
    }
    baseline_churn_per_month: "baselineChurnPerMonth" {
        label: "Normal customer churn", unit: SharePerMonth, default: 0.01, min: 0.001, max: 0.05, step: 0.001,
        explanation: "Share of customers who leave each month anyway; new customers replace them.",
        source: "no public source", evidence: Assumption, group: Customers, depth: 2, role: Estimate,
    }
    bad_contact_chance_human: "badContactChanceHuman" {
        label: "Bad contacts with a human", unit: Share, default: 0.12, min: 0.05, max: 0.20, step: 0.01,
        explanation: "Chance that a contact with a human agent working at a normal pace goes badly.",
        source: "Q3", evidence: Vendor, group: Customers, depth: 2, role: Estimate,
    }
    bad_contact_chance_ai: "badContactChanceAi" {
        label: "Bad contacts with the AI", unit: Share, default: 0.08, min: 0.02, max: 0.30, step: 0.01,
        explanation: "Chance that a contact the AI resolves still leaves the customer unhappy.",
        source: "no public source", evidence: Assumption, group: Customers, depth: 2, role: Estimate,
    }
    bad_contact_chance_escalated: "badContactChanceEscalated" {
        label: "Bad escalated contacts", unit: Share, default: 0.50, min: 0.20, max: 0.90, step: 0.01,
        explanation: "Chance that a contact the AI failed and passed to a human goes badly.",
        source: "C26 Q6", evidence: Analyst, group: Customers, depth: 2, role: Estimate,
    }
    defection_per_bad_contact: "defectionPerBadContact" {
        label: "Customers lost per bad contact", unit: Share, default: 0.10, min: 0.02, max: 0.50, step: 0.01,
        explanation: "Share of customers who leave after a bad contact, on top of normal churn.",
        source: "Q4 Q3", evidence: Assumption, group: Customers, depth: 2, role: Estimate,
    }
    perception_delay_months: "perceptionDelayMonths" {
        label: "Delay before people notice", unit: Months, default: 3.0, min: 1.0, max: 12.0, step: 1.0,
        explanation: "Months customers and managers take to notice a change in service quality.",
        source: "Q7", evidence: Research, group: Customers, depth: 2, role: Estimate,
    }
    // Workforce and rehiring.
    attrition_per_year: "attritionPerYear" {
        label: "Staff who quit each year", unit: SharePerYear, default: 0.35, min: 0.05, max: 0.80, step: 0.01,
        explanation: "Share of support staff who quit each year in normal times; they are replaced.",
        source: "C11 K7", evidence: Vendor, group: Rehiring, depth: 3, role: Estimate,
    }
    time_to_fill_months: "timeToFillMonths" {
        label: "Time to fill a vacancy", unit: Months, default: 1.4, min: 0.5, max: 6.0, step: 0.1,
        explanation: "Average months from opening a position to the new hire starting.",
        source: "C1", evidence: Analyst, group: Rehiring, depth: 3, role: Estimate,
    }
    cost_per_hire: "costPerHire" {
        label: "Cost per hire", unit: Usd, default: 4700.0, min: 0.0, max: 20000.0, step: 100.0,
        explanation: "Recruiting cost of one hire: ads, recruiters, interviews.",
        source: "C2", evidence: Analyst, group: Rehiring, depth: 3, role: Estimate,
    }
    training_months: "trainingMonths" {
        label: "Training time", unit: Months, default: 1.5, min: 0.25, max: 4.0, step: 0.25,
        explanation: "Months a new hire trains, paid, before taking contacts.",
        source: "C14", evidence: Vendor, group: Rehiring, depth: 3, role: Estimate,
    }
    ramp_months: "rampMonths" {
        label: "Ramp to full speed", unit: Months, default: 6.0, min: 1.0, max: 18.0, step: 1.0,
        explanation: "Average months a trained newcomer needs to work at full speed.",
        source: "C12 C13", evidence: Vendor, group: Rehiring, depth: 3, role: Estimate,
    }
    rehire_trigger_rise: "rehireTriggerRise" {
        label: "Quality drop that worries managers", unit: Share, default: 0.25, min: 0.05, max: 2.0, step: 0.05,
        explanation: "How far perceived bad contacts must rise above what managers expected of the AI launch (or the level before it, if higher) before they start to worry.",
        source: "no public source", evidence: Assumption, group: Rehiring, depth: 3, role: Estimate,
    }
    recognition_delay_months: "recognitionDelayMonths" {
        label: "Delay before rehiring", unit: WholeMonths, default: 9.0, min: 0.0, max: 24.0, step: 1.0,
        explanation: "Months between managers noticing the drop in quality and deciding to hire back.",
        source: "O8 K15 O5", evidence: Assumption, group: Rehiring, depth: 3, role: Estimate,
    }
    rehire_share: "rehireShare" {
        label: "Share of the cut hired back", unit: Share, default: 0.35, min: 0.0, max: 1.0, step: 0.01,
        explanation: "Share of the cut positions opened again when the company corrects course; 0 means it never corrects.",
        source: "O8 O2", evidence: Vendor, group: Rehiring, depth: 3, role: Decision,
    }
    correction_hand_back_share: "correctionHandBackShare" {
        label: "Contacts handed back to people", unit: Share, default: 0.5, min: 0.0, max: 1.0, step: 0.01,
        explanation: "When the company corrects course, the share of the AI’s contacts it hands back to people, step by step as the rehired staff arrive.",
        source: "no public source", evidence: Assumption, group: Rehiring, depth: 3, role: Decision,
    }
    rehire_pay_factor: "rehirePayFactor" {
        label: "Pay of rehires compared with before", unit: Factor, default: 1.0, min: 0.5, max: 2.0, step: 0.05,
        explanation: "What a rehired agent costs compared with the agents who were cut: a gig premium or an offshore discount.",
        source: "K10 O2 O9", evidence: Vendor, group: Rehiring, depth: 3, role: Estimate,
    }
    boomerang_share: "boomerangShare" {
        label: "Rehires who are former staff", unit: Share, default: 0.33, min: 0.0, max: 1.0, step: 0.01,
        explanation: "Share of rehires who worked there before and need no training or ramp-up.",
        source: "O9", evidence: Vendor, group: Rehiring, depth: 3, role: Estimate,
    }
    // Erosion.
    survivor_quit_boost: "survivorQuitBoost" {
        label: "Extra quits after a layoff", unit: Share, default: 0.25, min: 0.0, max: 1.0, step: 0.01,
        explanation: "How much more often the remaining staff quit after a layoff, fading over a year.",
        source: "D4", evidence: Derived, group: Erosion, depth: 4, role: Estimate,
    }
    corner_cutting_elasticity: "cornerCuttingElasticity" {
        label: "Corner cutting under pressure", unit: Elasticity, default: -0.64, min: -1.0, max: 0.0, step: 0.01,
        explanation: "How much agents shorten each contact when overloaded: time = standard × pressure to this power.",
        source: "OS01", evidence: Research, group: Erosion, depth: 4, role: Estimate,
    }
    standard_erosion_months: "standardErosionMonths" {
        label: "Standards slide over", unit: Months, default: 4.3, min: 1.0, max: 24.0, step: 0.1,
        explanation: "Months for the team’s idea of a proper contact to slide toward the rushed one; it recovers only when the company corrects course.",
        source: "OS01", evidence: Research, group: Erosion, depth: 4, role: Estimate,
    }
    standard_recovery_months: "standardRecoveryMonths" {
        label: "Standards recover over", unit: Months, default: 6.0, min: 1.0, max: 24.0, step: 0.5,
        explanation: "Once the company corrects course, months for the team’s standard to climb back to the old one, while agents are not rushed.",
        source: "OS01", evidence: Assumption, group: Erosion, depth: 4, role: Estimate,
    }
    knowledge_loss_share: "knowledgeLossShare" {
        label: "Know-how that leaves with people", unit: Share, default: 0.10, min: 0.0, max: 0.42, step: 0.01,
        explanation: "Share of a laid-off agent’s know-how that nobody else has; the team relearns it over a year.",
        source: "C23 D8", evidence: Assumption, group: Erosion, depth: 4, role: Estimate,
    }
    // The augment counterfactual.
    augment_productivity_gain: "augmentProductivityGain" {
        label: "Productivity gain from AI help", unit: Share, default: 0.14, min: 0.0, max: 0.50, step: 0.01,
        explanation: "On the alternative path, how much more an agent handles with an AI assistant.",
        source: "Q11", evidence: Research, group: Augment, depth: 1, role: Estimate,
    }
    augment_cost_per_agent_per_month: "augmentCostPerAgentPerMonth" {
        label: "AI assistant cost per agent", unit: UsdPerMonth, default: 50.0, min: 0.0, max: 1000.0, step: 5.0,
        explanation: "On the alternative path, what the AI assistant costs for each agent each month.",
        source: "no public source", evidence: Assumption, group: Augment, depth: 1, role: Estimate,
    }
    // Money.
    discount_rate_per_year: "discountRatePerYear" {
        label: "Discount rate", unit: SharePerYear, default: 0.10, min: 0.0, max: 0.20, step: 0.005,
        explanation: "Yearly rate used to discount future money in the net present value.",
        source: "no public source", evidence: Assumption, group: Money, depth: 1, role: Decision,
    }
    model_depth: "modelDepth" {
        label: "Model level", unit: Level, default: 4.0, min: 1.0, max: 4.0, step: 1.0,
        explanation: "How many mechanisms the model includes: 1 the cost ledger; 2 adds service quality and customers; 3 adds the workforce and rehiring; 4 adds corner cutting, sliding standards, survivor quits and lost know-how.",
        source: "design choice", evidence: Assumption, group: Money, depth: 1, role: Decision,
    }
}

/// Looks a parameter up by its wire key.
pub fn spec(key: &str) -> Option<&'static ParamSpec> {
    PARAMS.iter().find(|p| p.key == key)
}

/// The model depth as a level 1-4. Validation guarantees a whole number in range.
pub fn depth(params: &Params) -> u8 {
    params.model_depth as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_is_inside_its_range_and_whole_where_needed() {
        for p in PARAMS {
            assert!(
                p.accepts(p.default),
                "{} default {} not accepted",
                p.key,
                p.default
            );
            assert!(p.min < p.max, "{}: empty range", p.key);
            assert!(p.step > 0.0, "{}: step", p.key);
            assert!((1..=4).contains(&p.depth), "{}: depth", p.key);
        }
    }

    #[test]
    fn keys_are_unique_and_camel_case() {
        for (i, p) in PARAMS.iter().enumerate() {
            assert!(p.key.chars().next().unwrap().is_ascii_lowercase());
            assert!(
                p.key.chars().all(|c| c.is_ascii_alphanumeric()),
                "{}",
                p.key
            );
            assert!(
                PARAMS[i + 1..].iter().all(|q| q.key != p.key),
                "duplicate {}",
                p.key
            );
        }
    }

    #[test]
    fn getters_and_setters_address_the_same_field() {
        let mut params = Params::default();
        for (i, p) in PARAMS.iter().enumerate() {
            let marker = 1000.0 + i as f64;
            p.set(&mut params, marker);
            assert_eq!(p.get(&params), marker, "{}", p.key);
        }
        for (i, p) in PARAMS.iter().enumerate() {
            assert_eq!(
                p.get(&params),
                1000.0 + i as f64,
                "{} was overwritten",
                p.key
            );
        }
    }

    #[test]
    fn the_issue_keys_exist() {
        for key in [
            "horizonMonths",
            "headcountBefore",
            "layoffShare",
            "aiShare",
            "aiResolutionRate",
            "aiPricePerConversation",
            "defectionPerBadContact",
            "rehireShare",
            "recognitionDelayMonths",
            "discountRatePerYear",
            "modelDepth",
        ] {
            assert!(spec(key).is_some(), "{key} missing");
        }
    }
}

//! Named starting points: a plain data table of parameter overrides with their sources and
//! honest caveats. A preset is only data; `validate` applies it, and a test checks that every
//! key exists and every value is inside its range.

use crate::params::{spec, Params};

/// One named preset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Preset {
    /// The stable name used in the URL, scenario files and the CLI.
    pub name: &'static str,
    /// A short English title.
    pub title: &'static str,
    /// One sentence on what the preset is based on.
    pub summary: &'static str,
    /// What the reader should not read into it.
    pub caveat: &'static str,
    /// Source tags behind the values (see docs/MODEL.md).
    pub sources: &'static str,
    /// Parameter keys and values that differ from the table's defaults.
    pub values: &'static [(&'static str, f64)],
}

impl Preset {
    /// The parameters of this preset: the table defaults with the preset's values applied.
    pub fn params(&self) -> Params {
        let mut params = Params::default();
        for &(key, value) in self.values {
            // Every key names a row of the table: `tests::every_preset_value_is_valid` holds it.
            if let Some(spec) = spec(key) {
                spec.set(&mut params, value);
            }
        }
        params
    }
}

/// The preset a scenario starts from when it names none.
pub const DEFAULT_PRESET: &str = "typical";

/// All presets, in the order the page shows them.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "typical",
        title: "A typical cut",
        summary: "A mid-sized company with 1,000 support agents cuts 40% and lets an AI take half of all contacts; every value is the model’s default.",
        caveat: "A composite of survey and research figures, not any one company.",
        sources: "C7 C8 C17 C15 Q3 Q4 O8",
        values: &[],
    },
    Preset {
        name: "status-quo",
        title: "Status quo",
        summary: "Nothing is cut and no AI is used: the scenario is the baseline, so every difference is zero.",
        caveat: "A check of the model, and a starting point for your own what-if.",
        sources: "design",
        values: &[("layoffShare", 0.0), ("aiShare", 0.0)],
    },
    Preset {
        name: "klarna-like",
        title: "Klarna-like",
        summary: "About 3,000 mostly outsourced agents, an AI assistant taking two thirds of chats from its first month at about 20 cents a conversation, and about a third of agent capacity cut.",
        caveat: "Klarna publishes no quality series: the slide in quality and the rehiring rest on the CEO’s own words (“we over-indexed”), and the remote gig agents are paid about 35% more.",
        sources: "K1 K3 K4 K9 K10 K12 K13 K15 K16 K17 K21",
        values: &[
            ("headcountBefore", 3000.0),
            ("layoffShare", 0.33),
            ("layoffMonth", 0.0),
            ("loadedCostPerAgentPerMonth", 4760.0),
            ("severanceWeeks", 0.0),
            ("aiShare", 0.67),
            ("aiRampMonths", 1.0),
            ("aiResolutionRate", 0.70),
            ("aiSilentFailureShare", 0.0),
            ("escalationHandleFactor", 2.0),
            ("aiPricePerConversation", 0.20),
            ("aiFixedCostPerMonth", 100_000.0),
            ("aiSetupCost", 2_500_000.0),
            ("customersBefore", 84_000_000.0),
            ("contactsPerCustomerPerMonth", 0.04),
            ("revenuePerCustomerPerMonth", 2.64),
            ("contributionMargin", 0.37),
            ("baselineChurnPerMonth", 0.015),
            ("recognitionDelayMonths", 12.0),
            ("rehireShare", 0.30),
            ("timeToFillMonths", 1.0),
            ("costPerHire", 2000.0),
            ("rampMonths", 3.0),
            ("rehirePayFactor", 1.35),
        ],
    },
    Preset {
        name: "salesforce-like",
        title: "Salesforce-like",
        summary: "Support cut from about 9,000 to about 5,000 people, with AI agents taking about half of the interactions at $2 a conversation.",
        caveat: "No public source shows Salesforce rehiring support staff: the rehiring here is a what-if, not a fact. Salesforce says about $100M a year came out of its support costs, far less than 4,000 people cost.",
        sources: "S1 S2 S5 S6 S8 S10 S12 S16 S17",
        values: &[
            ("headcountBefore", 9000.0),
            ("layoffShare", 0.44),
            ("layoffMonth", 8.0),
            ("loadedCostPerAgentPerMonth", 8000.0),
            ("severanceWeeks", 22.0),
            ("aiShare", 0.50),
            ("aiRampMonths", 8.0),
            ("aiResolutionRate", 0.85),
            ("aiPricePerConversation", 2.00),
            ("aiFixedCostPerMonth", 1_000_000.0),
            ("aiSetupCost", 5_000_000.0),
            ("customersBefore", 3_000_000.0),
            ("contactsPerCustomerPerMonth", 0.13),
            ("revenuePerCustomerPerMonth", 1050.0),
            ("contributionMargin", 0.78),
            ("baselineChurnPerMonth", 0.007),
            ("badContactChanceEscalated", 0.40),
            ("defectionPerBadContact", 0.02),
            ("perceptionDelayMonths", 6.0),
            ("recognitionDelayMonths", 12.0),
            ("rehireShare", 0.35),
            ("timeToFillMonths", 1.5),
            ("rampMonths", 9.0),
            ("rehirePayFactor", 0.8),
        ],
    },
    Preset {
        name: "augment",
        title: "Augment, don’t replace",
        summary: "Nobody is cut and no contacts are handed to an AI; AI assistance makes agents 14% more productive and the team shrinks only as people leave.",
        caveat: "The scenario equals the baseline here; the dashed “AI helps agents” line shows the alternative. The 14% comes from one large study of one company’s agents.",
        sources: "Q11",
        values: &[("layoffShare", 0.0), ("aiShare", 0.0)],
    },
];

/// Looks a preset up by name.
pub fn preset(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.name == name)
}

/// The names of all presets, for error messages and help.
pub fn names() -> Vec<&'static str> {
    PRESETS.iter().map(|p| p.name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_value_is_valid() {
        for preset in PRESETS {
            for &(key, value) in preset.values {
                let spec =
                    spec(key).unwrap_or_else(|| panic!("{}: unknown key {key}", preset.name));
                assert!(spec.accepts(value), "{}: {key} = {value}", preset.name);
            }
        }
    }

    #[test]
    fn the_issue_presets_exist() {
        for name in [
            "status-quo",
            "klarna-like",
            "salesforce-like",
            "augment",
            DEFAULT_PRESET,
        ] {
            assert!(preset(name).is_some(), "{name}");
        }
    }
}

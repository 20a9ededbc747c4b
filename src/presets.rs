//! Named starting points: a plain data table of parameter overrides, each value with its own
//! source, evidence kind and (where documented) plausible range, and honest caveats. A preset
//! is only data; `validate` applies it, and tests check that every key exists, every value is
//! inside its range and every value carries its evidence.

use crate::params::{spec, Evidence, ParamSpec, Params};

/// One value a preset sets, with what stands behind it. A preset's value never inherits the
/// default's evidence: the override says for itself where it comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PresetValue {
    /// The parameter's wire key.
    pub key: &'static str,
    /// The value the preset sets.
    pub value: f64,
    /// Source tags (see `sources::SOURCES`), space-separated; empty where no source exists.
    /// How the value follows from them, in words, is `preset_notes::note`.
    pub source: &'static str,
    /// The kind of evidence behind this value.
    pub evidence: Evidence,
    /// A documented plausible low and high for the uncertainty analyses, where the sources
    /// give one; `None` uses the rule for the evidence kind (docs/MODEL.md, "Uncertainty").
    pub range: Option<(f64, f64)>,
}

/// A value with its source and evidence, and no documented range.
const fn v(key: &'static str, value: f64, source: &'static str, evidence: Evidence) -> PresetValue {
    PresetValue {
        key,
        value,
        source,
        evidence,
        range: None,
    }
}

/// A value with its source, evidence and a documented plausible range.
const fn vr(
    key: &'static str,
    value: f64,
    source: &'static str,
    evidence: Evidence,
    low: f64,
    high: f64,
) -> PresetValue {
    PresetValue {
        key,
        value,
        source,
        evidence,
        range: Some((low, high)),
    }
}

use Evidence::{Assumption, CompanyClaim, Derived, Press};

/// One named preset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Preset {
    /// The stable name used in the URL, scenario files and the CLI.
    pub name: &'static str,
    /// Source tags behind the values (see docs/MODEL.md).
    pub sources: &'static str,
    /// For a company-like preset, the calendar month of the model's month 1 ("2024-02"), so
    /// that reported figures can be placed on the model's time axis.
    pub month_one: Option<&'static str>,
    /// Parameter values that differ from the table's defaults, each with its evidence.
    pub values: &'static [PresetValue],
}

/// What stands behind one parameter's value in a preset: the preset's own entry where it sets
/// the value, else the parameter table's row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValueEvidence {
    /// Source tags and notes.
    pub source: &'static str,
    /// The kind of evidence.
    pub evidence: Evidence,
    /// A documented plausible range, if any.
    pub range: Option<(f64, f64)>,
    /// True where the preset sets the value itself.
    pub from_preset: bool,
}

impl Preset {
    /// The English title, from the language file (`presets.NAME.title`) the page reads too.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn title(&self) -> &'static str {
        self.english("title")
    }

    /// The English one-paragraph summary of what the preset stands for.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn summary(&self) -> &'static str {
        self.english("summary")
    }

    /// The English caveat: what the preset does not show, or where it leans on assumptions.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn caveat(&self) -> &'static str {
        self.english("caveat")
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn english(&self, part: &str) -> &'static str {
        crate::present::words::en(&format!("presets.{}.{part}", self.name))
    }

    /// The parameters of this preset: the table defaults with the preset's values applied.
    pub fn params(&self) -> Params {
        let mut params = Params::default();
        for entry in self.values {
            // Every key names a row of the table: `tests::every_preset_value_is_valid` holds it.
            if let Some(spec) = spec(entry.key) {
                spec.set(&mut params, entry.value);
            }
        }
        params
    }

    /// The evidence behind this preset's value of `spec`.
    pub fn evidence(&self, spec: &ParamSpec) -> ValueEvidence {
        match self.values.iter().find(|e| e.key == spec.key) {
            Some(entry) => ValueEvidence {
                source: entry.source,
                evidence: entry.evidence,
                range: entry.range,
                from_preset: true,
            },
            None => ValueEvidence {
                source: spec.source,
                evidence: spec.evidence,
                range: None,
                from_preset: false,
            },
        }
    }
}

/// The preset a scenario starts from when it names none.
pub const DEFAULT_PRESET: &str = "typical";

/// All presets, in the order the page shows them.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "typical",
        sources: "C7 C8 C17 C15 Q3 Q4 O8",
        month_one: None,
        values: &[],
    },
    Preset {
        name: "status-quo",
        sources: "design",
        month_one: None,
        values: &[
            v("layoffShare", 0.0, "", Assumption),
            v("aiShare", 0.0, "", Assumption),
        ],
    },
    Preset {
        name: "klarna-like",
        sources: "RK1 RK3 RK4 RK9 RK10 RK11 RK12 RK13 RK14 RK15 RK16 K17 K21",
        month_one: Some("2024-02"),
        values: &[
            v("headcountBefore", 3000.0, "RK4", CompanyClaim),
            v("layoffShare", 0.33, "RK4", CompanyClaim),
            v("layoffMonth", 0.0, "RK4", Assumption),
            v("severanceShare", 0.0, "RK4", CompanyClaim),
            vr(
                "loadedCostPerAgentPerMonth",
                4760.0,
                "RK1 RK3",
                Derived,
                4000.0,
                5500.0,
            ),
            v("aiShare", 0.67, "RK1", CompanyClaim),
            v("aiRampMonths", 1.0, "RK1", CompanyClaim),
            vr("aiResolutionRate", 0.70, "RK1", Assumption, 0.5, 0.9),
            v("aiSilentFailureShare", 0.0, "RK1", Assumption),
            vr("escalationHandleFactor", 2.0, "RK1", Assumption, 1.5, 3.0),
            vr("badContactChanceEscalated", 0.20, "RK1", Derived, 0.2, 0.5),
            vr("aiPricePerConversation", 0.20, "RK9", Assumption, 0.05, 1.0),
            v("aiFixedCostPerMonth", 100_000.0, "", Assumption),
            vr(
                "aiSetupCost",
                2_500_000.0,
                "K3",
                Press,
                2_000_000.0,
                3_000_000.0,
            ),
            v("customersBefore", 84_000_000.0, "K17", CompanyClaim),
            vr(
                "contactsPerCustomerPerMonth",
                0.04,
                "RK1",
                Derived,
                0.035,
                0.045,
            ),
            v("revenuePerCustomerPerMonth", 2.64, "K17", Derived),
            v("contributionMargin", 0.37, "K21", CompanyClaim),
            v("baselineChurnPerMonth", 0.015, "", Assumption),
            vr("recognitionDelayMonths", 12.0, "RK14", Derived, 9.0, 15.0),
            v("rehireShare", 0.10, "RK11 RK13", Assumption),
            v("correctionHandBackShare", 0.0, "RK15", CompanyClaim),
            v("timeToFillMonths", 1.0, "", Assumption),
            v("costPerHire", 2000.0, "", Assumption),
            v("rampMonths", 3.0, "", Assumption),
            vr("rehirePayFactor", 1.35, "RK12", Derived, 1.2, 1.5),
        ],
    },
    Preset {
        name: "salesforce-like",
        sources: "RS1 RS2 RS3 RS5 RS6 RS8 RS9 RS10 S12 S16 S17",
        month_one: Some("2024-10"),
        values: &[
            v("headcountBefore", 9000.0, "RS1", CompanyClaim),
            v("layoffShare", 0.44, "RS1", CompanyClaim),
            v("layoffMonth", 8.0, "RS1 RS5", Assumption),
            vr(
                "loadedCostPerAgentPerMonth",
                8000.0,
                "C7 C8",
                Assumption,
                5080.0,
                12000.0,
            ),
            v("severanceWeeks", 22.0, "S12", Press),
            v("severanceShare", 0.066, "RS3 RS1 RS6", Derived),
            v("aiShare", 0.50, "RS2", CompanyClaim),
            v("aiRampMonths", 8.0, "RS5", Derived),
            vr("aiResolutionRate", 0.85, "RS5 RS6", CompanyClaim, 0.7, 0.9),
            v("aiPricePerConversation", 2.00, "RS10", Press),
            v("aiFixedCostPerMonth", 1_000_000.0, "", Assumption),
            v("aiSetupCost", 5_000_000.0, "", Assumption),
            v("customersBefore", 150_000.0, "RS9", Press),
            vr(
                "contactsPerCustomerPerMonth",
                2.6,
                "RS5 RS9",
                Derived,
                2.0,
                3.2,
            ),
            vr(
                "revenuePerCustomerPerMonth",
                21_000.0,
                "S16 RS9",
                Derived,
                17_000.0,
                25_000.0,
            ),
            v("contributionMargin", 0.78, "S17", CompanyClaim),
            v("baselineChurnPerMonth", 0.007, "", Assumption),
            vr("badContactChanceEscalated", 0.40, "RS8", Derived, 0.2, 0.6),
            vr("defectionPerBadContact", 0.02, "Q4", Assumption, 0.02, 0.10),
            v("perceptionDelayMonths", 6.0, "", Assumption),
            v("rehireShare", 0.0, "", Assumption),
            v("timeToFillMonths", 1.5, "", Assumption),
            v("rampMonths", 9.0, "C12 C13", Assumption),
        ],
    },
    Preset {
        name: "cba-like",
        sources: "RB1 RB3 RB4 RB5",
        month_one: Some("2025-06"),
        values: &[
            v("headcountBefore", 450.0, "", Assumption),
            v("layoffShare", 0.10, "RB1", Derived),
            v("layoffMonth", 1.0, "RB1", CompanyClaim),
            v("loadedCostPerAgentPerMonth", 5080.0, "C7 C8", Assumption),
            v("severanceShare", 0.0, "RB4", CompanyClaim),
            vr("aiShare", 0.025, "RB3", Derived, 0.01, 0.05),
            v("aiRampMonths", 1.0, "RB1", Assumption),
            vr("aiResolutionRate", 0.5, "C18", Assumption, 0.3, 0.7),
            v("aiPricePerConversation", 0.50, "", Assumption),
            v("aiFixedCostPerMonth", 50_000.0, "", Assumption),
            v("aiSetupCost", 500_000.0, "", Assumption),
            v("customersBefore", 10_000_000.0, "", Assumption),
            vr(
                "contactsPerCustomerPerMonth",
                0.035,
                "",
                Assumption,
                0.02,
                0.05,
            ),
            v("perceptionDelayMonths", 1.0, "RB4", Derived),
            v("recognitionDelayMonths", 0.0, "RB4", CompanyClaim),
            v("rehireShare", 1.0, "RB4", CompanyClaim),
            v("correctionHandBackShare", 0.0, "RB4", CompanyClaim),
            v("boomerangShare", 1.0, "RB4", CompanyClaim),
            v("timeToFillMonths", 0.5, "RB4", Derived),
            v("costPerHire", 0.0, "RB4", Derived),
        ],
    },
    Preset {
        name: "augment",
        sources: "Q11",
        month_one: None,
        values: &[
            v("layoffShare", 0.0, "", Assumption),
            v("aiShare", 0.0, "", Assumption),
        ],
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
            for (i, entry) in preset.values.iter().enumerate() {
                let spec = spec(entry.key)
                    .unwrap_or_else(|| panic!("{}: unknown key {}", preset.name, entry.key));
                assert!(
                    spec.accepts(entry.value),
                    "{}: {} = {}",
                    preset.name,
                    entry.key,
                    entry.value
                );
                assert!(
                    preset.values[i + 1..].iter().all(|e| e.key != entry.key),
                    "{}: {} set twice",
                    preset.name,
                    entry.key
                );
            }
        }
    }

    #[test]
    fn every_preset_value_carries_its_own_evidence() {
        for preset in PRESETS {
            for entry in preset.values {
                let note = crate::preset_notes::note(preset.name, entry.key);
                assert!(
                    note.len() >= 10,
                    "{}: {} has no note saying where it comes from",
                    preset.name,
                    entry.key
                );
                for tag in entry.source.split_whitespace() {
                    assert!(
                        crate::sources::source(tag).is_some(),
                        "{}: {} names an unknown source {tag}",
                        preset.name,
                        entry.key
                    );
                }
                if let Some((low, high)) = entry.range {
                    let spec = spec(entry.key).unwrap();
                    assert!(
                        spec.min <= low && low <= entry.value && entry.value <= high && high <= spec.max,
                        "{}: {} range {low}..{high} must hold the value inside the parameter's range",
                        preset.name,
                        entry.key
                    );
                }
                let seen = preset.evidence(spec(entry.key).unwrap());
                assert!(seen.from_preset && seen.evidence == entry.evidence);
            }
        }
    }

    #[test]
    fn the_issue_presets_exist() {
        for name in [
            "status-quo",
            "klarna-like",
            "salesforce-like",
            "cba-like",
            "augment",
            DEFAULT_PRESET,
        ] {
            assert!(preset(name).is_some(), "{name}");
        }
    }
}

//! What we don't know: Monte Carlo uncertainty bands, a ranked one-at-a-time sensitivity
//! (the tornado), and the regret map over two parameters. All of it is built on
//! `model::run` with a seeded generator passed in, so every result is reproducible.

pub mod map;
pub mod rng;
pub mod sensitivity;
pub mod uncertainty;

use crate::params::{Evidence, ParamSpec, Params, Role, PARAMS};
use crate::presets::{preset, Preset, DEFAULT_PRESET};

/// How far, relative to the current value, an estimate plausibly strays, by the kind of
/// evidence behind it: official statistics least, assumptions most. Documented in
/// docs/MODEL.md ("Uncertainty").
pub fn relative_spread(evidence: Evidence) -> f64 {
    match evidence {
        Evidence::Official => 0.10,
        Evidence::Derived => 0.20,
        Evidence::Research => 0.25,
        Evidence::CompanyClaim | Evidence::Vendor | Evidence::Analyst | Evidence::Press => 0.30,
        Evidence::Assumption => 0.50,
    }
}

/// Narrower plausible ranges for table defaults that are assumptions, where the full valid
/// range would describe a different company (docs/MODEL.md, "Uncertainty", argues each).
pub const DEFAULT_ASSUMPTION_RANGES: &[(&str, f64, f64)] = &[
    // Up to 5% of the typical team's payroll of $5.08M a month.
    ("aiFixedCostPerMonth", 0.0, 250_000.0),
    // Up to five times the typical default; Klarna's reported build cost was $2-3M (K3).
    ("aiSetupCost", 0.0, 2_500_000.0),
    // AI assistant seats are sold for tens of dollars a month; ten times the default at most.
    ("augmentCostPerAgentPerMonth", 0.0, 500.0),
];

/// The plausible low and high of an estimate around `value` by the rule for its evidence
/// kind, inside the parameter's range; `None` for the company's own decisions, which the
/// analysis holds fixed. An assumption spans the parameter's whole valid range; other kinds
/// stray by a share of the value (`relative_spread`). A value of zero varies by the same
/// share of a tenth of the range, so it is not held fixed by accident.
pub fn plausible_range(spec: &ParamSpec, value: f64) -> Option<(f64, f64)> {
    plausible_range_for(spec, value, spec.evidence)
}

fn plausible_range_for(spec: &ParamSpec, value: f64, evidence: Evidence) -> Option<(f64, f64)> {
    if spec.role == Role::Decision {
        return None;
    }
    if evidence == Evidence::Assumption {
        return Some((spec.min, spec.max));
    }
    let scale = if value == 0.0 {
        0.1 * (spec.max - spec.min)
    } else {
        value.abs()
    };
    let half = relative_spread(evidence) * scale;
    let mut low = (value - half).max(spec.min);
    let mut high = (value + half).min(spec.max);
    if spec.unit.is_whole() {
        low = low.ceil();
        high = high.floor();
    }
    Some((low.min(value), high.max(value)))
}

/// The plausible range of every parameter of a scenario, in table order, for the uncertainty
/// analyses: each value's range comes from what stands behind that value in its preset (the
/// preset's own entry, else the table's row), never from a default it replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranges(Vec<Option<(f64, f64)>>);

impl Ranges {
    /// The ranges for `params` started from `preset`. A documented range applies while the
    /// value is the one it documents; a value the reader changed falls back on the rule for
    /// its evidence kind.
    pub fn new(preset: &Preset, params: &Params) -> Self {
        let preset_params = preset.params();
        let ranges = PARAMS
            .iter()
            .map(|spec| {
                let value = spec.get(params);
                if spec.role == Role::Decision {
                    return None;
                }
                let behind = preset.evidence(spec);
                let unchanged = value == spec.get(&preset_params);
                let documented = if behind.from_preset {
                    behind.range
                } else {
                    DEFAULT_ASSUMPTION_RANGES
                        .iter()
                        .find(|(key, _, _)| *key == spec.key)
                        .map(|&(_, low, high)| (low, high))
                        .filter(|_| behind.evidence == Evidence::Assumption)
                };
                match documented {
                    Some((low, high)) if unchanged => {
                        let (mut low, mut high) = (low.min(value), high.max(value));
                        if spec.unit.is_whole() {
                            low = low.ceil();
                            high = high.floor();
                        }
                        Some((low.min(value), high.max(value)))
                    }
                    _ => plausible_range_for(spec, value, behind.evidence),
                }
            })
            .collect();
        Ranges(ranges)
    }

    /// The ranges of `params` read as changes to the default preset.
    pub fn of_default(params: &Params) -> Self {
        // The default preset exists: `presets::tests::the_issue_presets_exist` holds it.
        let typical = preset(DEFAULT_PRESET).expect("the default preset exists");
        Ranges::new(typical, params)
    }

    /// The plausible range of the parameter at `index` in `PARAMS`; `None` holds it fixed.
    pub fn get(&self, index: usize) -> Option<(f64, f64)> {
        self.0.get(index).copied().flatten()
    }
}

/// Percentile `p` (0..1) of sorted values, interpolating linearly between ranks.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let position = p * (sorted.len() - 1) as f64;
    let below = position.floor() as usize;
    let above = position.ceil() as usize;
    let weight = position - below as f64;
    // Written as a step up from the lower rank so that equal neighbours give exactly their
    // value (the weighted-sum form can come out one ulp off and so out of order).
    sorted[below] + (sorted[above] - sorted[below]) * weight
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::spec;

    #[test]
    fn decisions_do_not_vary_and_estimates_stay_in_range() {
        assert!(plausible_range(spec("layoffShare").unwrap(), 0.4).is_none());
        let s = spec("aiResolutionRate").unwrap();
        let (low, high) = plausible_range(s, 0.9).unwrap();
        assert!(low >= s.min && high <= s.max && low < 0.9 && high == 0.95);
        let zero = spec("aiSilentFailureShare").unwrap();
        let (low, high) = plausible_range(zero, 0.0).unwrap();
        assert!(low == 0.0 && high > 0.0);
        let whole = spec("recognitionDelayMonths").unwrap();
        let (low, high) = plausible_range(whole, 9.0).unwrap();
        assert!(low.fract() == 0.0 && high.fract() == 0.0);
    }

    #[test]
    fn percentiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&v, 0.0), 1.0);
        assert_eq!(percentile(&v, 0.5), 3.0);
        assert_eq!(percentile(&v, 0.1), 1.4);
        assert_eq!(percentile(&v, 1.0), 5.0);
    }
}

//! The tables the page builds its controls and source lists from: parameters, presets with
//! the evidence behind each value, and sources.

use serde::Serialize;

use super::{params_map, WireObject};
use crate::params::PARAMS;

/// Everything the page builds its controls from, in one answer: `{params, presets, policy}`.
/// The sources are not here: the page reads them from `sources.json`, which the build writes
/// with `layoff-whatif sources --format json`, so their citations stay out of the wasm.
#[derive(Debug, Serialize)]
#[allow(missing_docs)]
pub struct TablesWire {
    pub params: Vec<ParamSpecWire>,
    pub presets: Vec<PresetWire>,
    pub policy: PolicyWire,
}

/// The presentation's policies as data (`crate::present::policy`).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct PolicyWire {
    /// The sliders the first screen and a compact embed show first.
    pub first_sliders: [&'static str; 2],
    /// The regret map's defaults and what it accepts.
    pub map: MapPolicyWire,
    /// Every key the charts' words use (the `chartText` section of a language file).
    pub chart_text_keys: &'static [&'static str],
}

/// The regret map's defaults and allowed values.
#[derive(Debug, Serialize)]
#[allow(missing_docs)]
pub struct MapPolicyWire {
    pub x: &'static str,
    pub y: &'static str,
    pub metric: &'static str,
    pub metrics: [&'static str; 2],
    pub axes: Vec<&'static str>,
    pub cells: usize,
}

/// The page's tables and policies.
pub fn tables() -> TablesWire {
    use crate::analysis::map;
    use crate::present::policy;
    TablesWire {
        params: param_table(),
        presets: preset_table(),
        policy: PolicyWire {
            first_sliders: policy::FIRST_SLIDERS,
            map: MapPolicyWire {
                x: map::DEFAULT_X,
                y: map::DEFAULT_Y,
                metric: policy::MAP_METRICS[0],
                metrics: policy::MAP_METRICS,
                axes: policy::map_axes(),
                cells: map::DEFAULT_CELLS,
            },
            chart_text_keys: crate::chart::TEXT_KEYS,
        },
    }
}

/// One row of the parameter table on the wire (CLI `params --format json`, the page).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct ParamSpecWire {
    pub key: &'static str,
    /// English, for the CLI; the page reads its language file.
    #[cfg(not(target_arch = "wasm32"))]
    pub label: &'static str,
    pub unit: &'static str,
    pub default: f64,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// English, for the CLI; the page reads its language file.
    #[cfg(not(target_arch = "wasm32"))]
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
            #[cfg(not(target_arch = "wasm32"))]
            label: s.label,
            unit: s.unit.key(),
            default: s.default,
            min: s.min,
            max: s.max,
            step: s.step,
            #[cfg(not(target_arch = "wasm32"))]
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
    /// English, for the CLI; the page reads its language file.
    #[cfg(not(target_arch = "wasm32"))]
    pub title: &'static str,
    /// English, for the CLI.
    #[cfg(not(target_arch = "wasm32"))]
    pub summary: &'static str,
    /// English, for the CLI.
    #[cfg(not(target_arch = "wasm32"))]
    pub caveat: &'static str,
    pub sources: &'static str,
    pub params: WireObject<&'static str, f64>,
    /// For a company-like preset, the calendar month of model month 1 (`2024-02`).
    pub month_one: Option<&'static str>,
    /// What stands behind each value the preset sets: `{key: {source, evidence, range}}`.
    pub evidence: WireObject<&'static str, PresetValueWire>,
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
            #[cfg(not(target_arch = "wasm32"))]
            title: p.title(),
            #[cfg(not(target_arch = "wasm32"))]
            summary: p.summary(),
            #[cfg(not(target_arch = "wasm32"))]
            caveat: p.caveat(),
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

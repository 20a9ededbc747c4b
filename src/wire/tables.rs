//! The tables the page builds its controls and source lists from: parameters, presets with
//! the evidence behind each value, and sources.

use serde::Serialize;

use super::{params_map, WireObject};
use crate::params::PARAMS;

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

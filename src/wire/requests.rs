//! The checks and defaults of the wasm calls' request objects, written once: how many Monte
//! Carlo draws, map cells, tornado bars and SVG pixels a request may ask for, and the names a
//! chart kind or a map colouring may take. The browser layer (`src/wasm`) reads each request
//! object's fields and hands them here; nothing else decides these limits.

/// The keys each call's request object may have; any other key is a misspelling the call
/// refuses by name.
pub mod fields {
    /// `render`.
    pub const RENDER: &[&str] = &["scenario", "charts", "options", "compare", "band"];
    /// `chartSvg`.
    pub const CHART_SVG: &[&str] = &[
        "scenario", "kind", "options", "width", "height", "compare", "band",
    ];
    /// `checkValue`.
    pub const CHECK_VALUE: &[&str] = &["key", "value"];
    /// `readNumber`.
    pub const READ_NUMBER: &[&str] = &["text"];
    /// `uncertainty`.
    pub const UNCERTAINTY: &[&str] = &["scenario", "draws", "seed"];
    /// `sensitivity`.
    pub const SENSITIVITY: &[&str] = &["scenario"];
    /// `regretMap`.
    pub const REGRET_MAP: &[&str] = &["scenario", "x", "y", "cells"];
    /// `renderTornado` and `tornadoSvg`.
    pub const TORNADO: &[&str] = &[
        "sensitivity",
        "options",
        "count",
        "canvas",
        "width",
        "height",
    ];
    /// `tornadoHeight`.
    pub const TORNADO_HEIGHT: &[&str] = &["bars", "options", "width"];
    /// `renderRegretMap` and `regretMapSvg`.
    pub const MAP_DRAW: &[&str] = &["map", "options", "metric", "canvas", "width", "height"];
    /// `new NumberFormatter`.
    pub const NUMBER_STYLE: &[&str] = &["locale", "currency", "ratePerUsd"];
}

/// The number of Monte Carlo draws (1 to `MAX_DRAWS`, default 1,000) and the seed (a whole
/// number up to 2^53, default 1).
pub fn draws_and_seed(draws: Option<f64>, seed: Option<f64>) -> Result<(usize, u64), String> {
    use crate::analysis::uncertainty::MAX_DRAWS;
    let draws = whole("draws", draws, 1000, 1..=MAX_DRAWS as u64)?;
    let seed = whole("seed", seed, 1, 0..=(1u64 << 53))?;
    Ok((draws as usize, seed))
}

/// The regret map's grid: the cells along each axis, `DEFAULT_CELLS` when absent.
pub fn map_cells(cells: Option<f64>) -> Result<usize, String> {
    use crate::analysis::map::{CELL_RANGE, DEFAULT_CELLS};
    let cells = whole(
        "cells",
        cells,
        DEFAULT_CELLS as u64,
        *CELL_RANGE.start() as u64..=*CELL_RANGE.end() as u64,
    )?;
    Ok(cells as usize)
}

/// The tornado's bars to keep: all when `count` is absent or 0.
pub fn tornado_count(count: Option<f64>) -> Result<Option<usize>, String> {
    let n = whole("count", count, 0, 0..=1000)?;
    Ok((n > 0).then_some(n as usize))
}

/// The bars of a tornado and the width in CSS pixels it is laid out at (640 when absent).
pub fn tornado_layout(bars: Option<f64>, width: Option<f64>) -> Result<(usize, f64), String> {
    let bars = whole("bars", Some(bars.unwrap_or(f64::NAN)), 0, 0..=1000)?;
    let width = whole("width", width, 640, 100..=4000)?;
    Ok((bars as usize, width as f64))
}

/// The map's colouring by its key, npv when absent.
pub fn map_metric(key: Option<&str>) -> Result<crate::chart::MapMetric, String> {
    match key {
        None => Ok(crate::chart::MapMetric::Npv),
        Some(key) => crate::chart::MapMetric::from_key(key).ok_or_else(|| {
            format!(
                "unknown map metric '{}' (allowed: npv, regret)",
                crate::validate::quote(key)
            )
        }),
    }
}

/// The chart kind by its key.
pub fn chart_kind(key: &str) -> Result<crate::chart::ChartKind, String> {
    crate::chart::ChartKind::from_key(key).ok_or_else(|| {
        format!(
            "unknown chart '{}' (allowed: savings, headcount, costs, quality)",
            crate::validate::quote(key)
        )
    })
}

/// An SVG's size in pixels: whole numbers from 100 to 4000 each way.
pub fn svg_size(width: Option<f64>, height: Option<f64>) -> Result<(u32, u32), String> {
    let side = |name: &str, v: Option<f64>| {
        whole(
            &format!("chart {name}"),
            Some(v.unwrap_or(f64::NAN)),
            0,
            100..=4000,
        )
        .map(|n| n as u32)
    };
    Ok((side("width", width)?, side("height", height)?))
}

/// A whole-number option with a default and a range; the message names it.
fn whole(
    name: &str,
    value: Option<f64>,
    default: u64,
    range: std::ops::RangeInclusive<u64>,
) -> Result<u64, String> {
    match value {
        None => Ok(default),
        Some(n) if n.fract() == 0.0 && n >= *range.start() as f64 && n <= *range.end() as f64 => {
            Ok(n as u64)
        }
        Some(_) => Err(format!(
            "{name} must be a whole number from {} to {}",
            range.start(),
            range.end()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_name_what_is_wrong() {
        assert_eq!(draws_and_seed(None, None), Ok((1000, 1)));
        assert!(draws_and_seed(Some(0.0), None)
            .unwrap_err()
            .contains("draws"));
        assert!(draws_and_seed(Some(1.5), None).is_err());
        assert_eq!(map_cells(None), Ok(41));
        assert!(map_cells(Some(4.0)).unwrap_err().contains("cells"));
        assert_eq!(tornado_count(Some(0.0)), Ok(None));
        assert_eq!(tornado_count(Some(3.0)), Ok(Some(3)));
        assert_eq!(svg_size(Some(800.0), Some(500.0)), Ok((800, 500)));
        assert!(svg_size(Some(800.0), None)
            .unwrap_err()
            .contains("chart height"));
        assert!(svg_size(Some(99.0), Some(500.0))
            .unwrap_err()
            .contains("chart width"));
        assert!(chart_kind("pie").unwrap_err().contains("'pie'"));
        assert!(map_metric(Some("colour")).is_err());
    }
}

//! The regret map: NPV and the regret month over a grid of two parameters the reader picks
//! (default: layoff share x AI resolution rate), with the current scenario's position, so a
//! chart can shade where cutting pays and draw the line where it stops paying.

use std::fmt;

use crate::model;
use crate::params::{spec, ParamSpec, Params};

/// Default axes of the map.
pub const DEFAULT_X: &str = "layoffShare";
/// See `DEFAULT_X`.
pub const DEFAULT_Y: &str = "aiResolutionRate";
/// Default cells along each axis.
pub const DEFAULT_CELLS: usize = 41;
/// Allowed cells along each axis.
pub const CELL_RANGE: std::ops::RangeInclusive<usize> = 5..=101;

/// Why a map cannot be drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum MapError {
    /// The key is not a parameter.
    UnknownKey(String),
    /// The key cannot be an axis (it changes the map's own shape or the model's depth).
    NotAnAxis(&'static str),
    /// Both axes are the same parameter.
    SameAxes,
    /// The cell count is outside `CELL_RANGE`.
    Cells(usize),
}

impl fmt::Display for MapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MapError::UnknownKey(k) => write!(f, "unknown map axis '{k}' (run 'layoff-whatif params' for the keys)"),
            MapError::NotAnAxis(k) => write!(f, "{k} cannot be a map axis (it changes the horizon, the cut timing or the model itself)"),
            MapError::SameAxes => write!(f, "the map needs two different parameters"),
            MapError::Cells(n) => write!(f, "{n} cells per axis is out of range: allowed {} to {}", CELL_RANGE.start(), CELL_RANGE.end()),
        }
    }
}

impl std::error::Error for MapError {}

/// NPV and regret month over a grid.
#[derive(Debug, Clone, PartialEq)]
pub struct RegretMap {
    /// The horizontal axis.
    pub x: &'static ParamSpec,
    /// The vertical axis.
    pub y: &'static ParamSpec,
    /// Grid values along x, ascending.
    pub xs: Vec<f64>,
    /// Grid values along y, ascending.
    pub ys: Vec<f64>,
    /// NPV in USD, row by row: `npv_usd[row * xs.len() + column]` for `ys[row]`, `xs[column]`.
    pub npv_usd: Vec<f64>,
    /// Regret month per cell, same order; `None` where regret does not come.
    pub regret_month: Vec<Option<u32>>,
    /// The current scenario's position.
    pub current: (f64, f64),
}

/// Parameters a map cannot take as an axis: they change the map's own time axis, the cut's
/// timing or the model itself, so a cell would not compare like with like.
const NOT_AXES: [&str; 3] = ["horizonMonths", "layoffMonth", "modelDepth"];

/// Whether a parameter can be a map axis. The one place the rule is written: the page reads
/// the list from the tables (`policy.map.axes`).
pub fn is_axis(spec: &ParamSpec) -> bool {
    !NOT_AXES.contains(&spec.key)
}

fn axis(key: &str) -> Result<&'static ParamSpec, MapError> {
    let s = spec(key).ok_or_else(|| MapError::UnknownKey(key.to_owned()))?;
    if is_axis(s) {
        Ok(s)
    } else {
        Err(MapError::NotAnAxis(s.key))
    }
}

/// Grid values: `cells` evenly spaced points over the full range; whole-number parameters
/// take each whole value at most once.
fn grid(spec: &ParamSpec, cells: usize) -> Vec<f64> {
    let mut values: Vec<f64> = (0..cells)
        .map(|i| spec.min + (spec.max - spec.min) * i as f64 / (cells - 1) as f64)
        .map(|v| if spec.unit.is_whole() { v.round() } else { v })
        .collect();
    values.dedup();
    values
}

/// Computes the map for a scenario over two parameters.
pub fn regret_map(
    base: &Params,
    x_key: &str,
    y_key: &str,
    cells: usize,
) -> Result<RegretMap, MapError> {
    let x = axis(x_key)?;
    let y = axis(y_key)?;
    if x.key == y.key {
        return Err(MapError::SameAxes);
    }
    if !CELL_RANGE.contains(&cells) {
        return Err(MapError::Cells(cells));
    }
    let xs = grid(x, cells);
    let ys = grid(y, cells);
    let mut npv_usd = Vec::with_capacity(xs.len() * ys.len());
    let mut regret_month = Vec::with_capacity(xs.len() * ys.len());
    let mut params = base.clone();
    for &yv in &ys {
        y.set(&mut params, yv);
        for &xv in &xs {
            x.set(&mut params, xv);
            let summary = model::run(&params).summary;
            npv_usd.push(summary.npv_usd);
            regret_month.push(summary.regret_month);
        }
    }
    Ok(RegretMap {
        x,
        y,
        xs,
        ys,
        npv_usd,
        regret_month,
        current: (x.get(base), y.get(base)),
    })
}

//! One-at-a-time sensitivity (the tornado): each estimate moved to its plausible low and
//! high with everything else held, ranked by the swing in NPV, with the switching value —
//! where NPV crosses zero inside the parameter's full range — when there is one.

use super::Ranges;
use crate::model;
use crate::params::{depth, ParamSpec, Params, PARAMS};

/// One bar of the tornado.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The parameter.
    pub spec: &'static ParamSpec,
    /// Its plausible low and high values.
    pub low_value: f64,
    /// See `low_value`.
    pub high_value: f64,
    /// NPV with the parameter at its low value (USD).
    pub npv_at_low_usd: f64,
    /// NPV with the parameter at its high value (USD).
    pub npv_at_high_usd: f64,
    /// The value inside the full range where NPV crosses zero, if NPV changes sign there.
    pub switching_value: Option<f64>,
}

impl Bar {
    /// The size of the swing, USD.
    pub fn swing_usd(&self) -> f64 {
        (self.npv_at_high_usd - self.npv_at_low_usd).abs()
    }
}

/// The NPV with one parameter changed.
pub fn npv_with(base: &Params, spec: &ParamSpec, value: f64) -> f64 {
    let mut params = base.clone();
    spec.set(&mut params, value);
    model::run(&params).summary.npv_usd
}

/// Bisection for the zero of NPV between the range's ends, when the ends differ in sign.
fn switching_value(base: &Params, spec: &ParamSpec) -> Option<f64> {
    let at = |v: f64| npv_with(base, spec, v);
    let (mut lo, mut hi) = (spec.min, spec.max);
    let (mut f_lo, f_hi) = (at(lo), at(hi));
    if f_lo == 0.0 || f_hi == 0.0 || (f_lo < 0.0) == (f_hi < 0.0) {
        return None;
    }
    // Precise to a quarter of a slider step; whole-number parameters stop at one month.
    let tolerance = if spec.unit.is_whole() {
        1.0
    } else {
        spec.step / 4.0
    };
    while hi - lo > tolerance {
        let mid = 0.5 * (lo + hi);
        let mid = if spec.unit.is_whole() {
            mid.round()
        } else {
            mid
        };
        if mid <= lo || mid >= hi {
            break;
        }
        let f_mid = at(mid);
        if (f_mid < 0.0) == (f_lo < 0.0) {
            lo = mid;
            f_lo = f_mid;
        } else {
            hi = mid;
        }
    }
    Some(if spec.unit.is_whole() {
        hi
    } else {
        0.5 * (lo + hi)
    })
}

/// The tornado for parameters read as changes to the default preset.
pub fn tornado(base: &Params) -> Vec<Bar> {
    tornado_with(base, &Ranges::of_default(base))
}

/// The tornado over the given ranges: estimates that matter at the scenario's depth, largest
/// swing first.
pub fn tornado_with(base: &Params, ranges: &Ranges) -> Vec<Bar> {
    let level = depth(base);
    let mut bars: Vec<Bar> = PARAMS
        .iter()
        .enumerate()
        .filter(|(_, spec)| spec.depth <= level)
        .filter_map(|(index, spec)| {
            let (low, high) = ranges.get(index)?;
            Some(Bar {
                spec,
                low_value: low,
                high_value: high,
                npv_at_low_usd: npv_with(base, spec, low),
                npv_at_high_usd: npv_with(base, spec, high),
                switching_value: switching_value(base, spec),
            })
        })
        .collect();
    crate::sort::sort_short_by(&mut bars, |a, b| {
        a.swing_usd().total_cmp(&b.swing_usd()) == std::cmp::Ordering::Greater
    });
    bars
}

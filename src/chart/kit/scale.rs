//! Scales: the pane that maps months (or any x value) and values to device pixels, nice ticks
//! for a value axis and how many of them fit.

use super::canvas::Point;
use super::theme::Look;
use crate::chart::ChartError;

/// The plot rectangle of one panel (device pixels) and the data ranges it shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pane {
    /// Left edge, device pixels.
    pub left: f64,
    /// Top edge, device pixels.
    pub top: f64,
    /// Right edge, device pixels.
    pub right: f64,
    /// Bottom edge, device pixels.
    pub bottom: f64,
    /// Months at the left edge.
    pub x_min: f64,
    /// Months at the right edge.
    pub x_max: f64,
    /// Value at the bottom edge.
    pub y_min: f64,
    /// Value at the top edge.
    pub y_max: f64,
}

impl Pane {
    /// The pixel column of month `x`.
    pub fn x(&self, x: f64) -> f64 {
        self.left + (x - self.x_min) / (self.x_max - self.x_min) * (self.right - self.left)
    }

    /// The pixel row of value `y`, clamped to the pane.
    pub fn y(&self, y: f64) -> f64 {
        let y = y.clamp(self.y_min, self.y_max);
        self.bottom - (y - self.y_min) / (self.y_max - self.y_min) * (self.bottom - self.top)
    }

    /// The points of a monthly series: value `i` at month `i + 1`.
    pub fn series(&self, values: impl IntoIterator<Item = f64>) -> Vec<Point> {
        values
            .into_iter()
            .enumerate()
            .map(|(i, v)| (self.x((i + 1) as f64), self.y(v)))
            .collect()
    }

    /// The points of a series whose value `j` is at month `j` (stocks including the start).
    pub fn stock(&self, values: impl IntoIterator<Item = f64>) -> Vec<Point> {
        values
            .into_iter()
            .enumerate()
            .map(|(j, v)| (self.x(j as f64), self.y(v)))
            .collect()
    }

    /// The points of a monthly series that also has a known value at month 0 (a stock before
    /// anything happens, or a running total that starts at zero).
    pub fn series_from(&self, start: f64, values: impl IntoIterator<Item = f64>) -> Vec<Point> {
        let mut points = vec![(self.x(0.0), self.y(start))];
        points.extend(self.series(values));
        points
    }

    /// A stepped line: value `i` flat across month `i`'s column, from `i` to `i + 1`.
    pub fn steps(&self, values: &[f64]) -> Vec<Point> {
        let mut points = Vec::with_capacity(values.len() * 2);
        for (i, &v) in values.iter().enumerate() {
            let y = self.y(v);
            points.push((self.x(i as f64), y));
            points.push((self.x((i + 1) as f64), y));
        }
        points
    }

    /// Whether the pane is large enough to draw into.
    pub fn is_drawable(&self) -> bool {
        self.right - self.left >= 8.0 && self.bottom - self.top >= 8.0
    }
}

/// Ticks of a value axis: a nice step, the range the axis shows and the tick values.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    /// Distance between ticks.
    pub step: f64,
    /// Bottom of the range the axis shows.
    pub min: f64,
    /// Top of the range.
    pub max: f64,
    /// The tick values from bottom to top.
    pub values: Vec<f64>,
}

/// The nice step (1, 2, 2.5 or 5 times a power of ten) that cuts `span` into at most about
/// `max_count` intervals.
fn nice_step(span: f64, max_count: usize) -> f64 {
    let raw = span / max_count.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|&s| s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * power)
}

/// The next smaller nice step.
fn smaller_step(step: f64) -> f64 {
    let power = 10f64.powf(step.log10().floor());
    let mantissa = step / power;
    if mantissa > 5.0 + 1e-9 {
        5.0 * power
    } else if mantissa > 2.5 + 1e-9 {
        2.5 * power
    } else if mantissa > 2.0 + 1e-9 {
        2.0 * power
    } else if mantissa > 1.0 + 1e-9 {
        power
    } else {
        0.5 * power
    }
}

/// Ticks for a value axis showing exactly `lo..hi` (a zero span becomes a small range around
/// the value): every multiple of a nice step inside the range, at most about `max_count`
/// intervals and at least two ticks.
pub fn nice_ticks(lo: f64, hi: f64, max_count: usize) -> Result<Ticks, ChartError> {
    if !(lo.is_finite() && hi.is_finite()) {
        return Err(ChartError(format!(
            "a value to plot is not finite ({lo} to {hi})"
        )));
    }
    let (mut lo, mut hi) = (lo.min(hi), lo.max(hi));
    let magnitude = lo.abs().max(hi.abs());
    if hi - lo <= magnitude * 1e-9 {
        if magnitude == 0.0 {
            lo = -1.0;
            hi = 1.0;
        } else {
            lo -= magnitude * 0.05;
            hi += magnitude * 0.05;
        }
    }
    let mut step = nice_step(hi - lo, max_count);
    let inside = |step: f64| {
        let first = (lo / step - 1e-9).ceil() as i64;
        let last = (hi / step + 1e-9).floor() as i64;
        (first, last)
    };
    let (mut first, mut last) = inside(step);
    for _ in 0..8 {
        if last - first >= 1 {
            break;
        }
        step = smaller_step(step);
        (first, last) = inside(step);
    }
    let values: Vec<f64> = (first..=last.min(first + 200))
        .map(|k| {
            let v = k as f64 * step;
            if v.abs() < step * 1e-6 {
                0.0
            } else {
                v
            }
        })
        .collect();
    Ok(Ticks {
        step,
        min: lo,
        max: hi,
        values,
    })
}

/// `ticks` with at least one tick below zero when the lowest value drawn, `lowest`, is below
/// zero: a curve that dips under a bottom tick of zero reads as never negative. The range is
/// widened to one step below zero and its ticks taken afresh (the step may grow); if they
/// still have none below zero, the tick one step below is added.
pub fn with_tick_below_zero(
    ticks: Ticks,
    lowest: f64,
    max_count: usize,
) -> Result<Ticks, ChartError> {
    let has_negative = |t: &Ticks| t.values.first().is_some_and(|&v| v < 0.0);
    if lowest >= 0.0 || has_negative(&ticks) {
        return Ok(ticks);
    }
    let wider = nice_ticks(ticks.min.min(-ticks.step), ticks.max, max_count)?;
    if has_negative(&wider) {
        return Ok(wider);
    }
    let mut values = vec![-ticks.step];
    values.extend(&ticks.values);
    Ok(Ticks {
        min: ticks.min.min(-ticks.step),
        values,
        ..ticks
    })
}

/// How many value ticks fit a pane `height_px` tall.
pub fn tick_budget(look: &Look, height_px: f64) -> usize {
    ((height_px / look.px(46.0)).floor() as usize).clamp(2, 7)
}

/// The largest value of a series (0 for an empty one).
pub fn max_of(values: impl IntoIterator<Item = f64>) -> f64 {
    values.into_iter().fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_nice_and_inside_the_range() {
        let t = nice_ticks(-19.9e6, 12.4e6, 5).unwrap();
        assert_eq!(t.step, 1e7);
        assert_eq!(t.values, vec![-1e7, 0.0, 1e7]);
        assert_eq!((t.min, t.max), (-19.9e6, 12.4e6));
        let t = nice_ticks(0.0, 0.0, 5).unwrap();
        assert!(t.max > t.min && t.values.len() >= 2);
        let t = nice_ticks(20e6, 20e6, 4).unwrap();
        assert!(t.min < 20e6 && t.max > 20e6 && t.values.len() >= 2);
        assert!(nice_ticks(f64::NAN, 1.0, 4).is_err());
        let t = nice_ticks(1.0, 1e11, 6).unwrap();
        assert!(t.values.len() <= 8);
        // A narrow range still gets two ticks.
        let t = nice_ticks(0.101, 0.109, 2).unwrap();
        assert!(t.values.len() >= 2, "{t:?}");
    }

    #[test]
    fn a_range_below_zero_gets_a_tick_below_zero() {
        // A dip of 0.3 under a step of 10 has no tick of its own.
        let t = nice_ticks(-0.3, 42.0, 5).unwrap();
        assert_eq!(t.values.first(), Some(&0.0));
        let t = with_tick_below_zero(t, -0.3, 5).unwrap();
        assert!(t.values[0] < 0.0 && t.min <= t.values[0], "{t:?}");
        assert!(t.values.contains(&0.0), "{t:?}");
        // Nothing below zero, nothing added.
        let t = nice_ticks(-0.3, 42.0, 5).unwrap();
        assert_eq!(with_tick_below_zero(t.clone(), 0.0, 5).unwrap(), t);
    }
}

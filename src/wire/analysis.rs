//! The analyses on the wire: Monte Carlo bands, the tornado and the regret map going out, and
//! the same shapes coming back from the page to be drawn, checked before any chart sees them.

use serde::{Deserialize, Serialize};

use crate::params::PARAMS;

/// Monte Carlo results on the wire. Bands are per month: `[p10, p25, p50, p75, p90]`.
/// Read back (from the page's worker) to draw the savings chart's fan: see [`BandWire`].
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct UncertaintyWire {
    pub draws: usize,
    pub seed: u64,
    pub percentiles: [f64; 5],
    pub month: Vec<u32>,
    pub cumulative_delta: Vec<[f64; 5]>,
    pub npv: [f64; 5],
    pub chance_npv_negative: f64,
    pub chance_regret: f64,
    pub regret_month: Option<[f64; 5]>,
    pub chance_rehire: f64,
}

impl From<&crate::analysis::uncertainty::Uncertainty> for UncertaintyWire {
    fn from(u: &crate::analysis::uncertainty::Uncertainty) -> Self {
        UncertaintyWire {
            draws: u.draws,
            seed: u.seed,
            percentiles: crate::analysis::uncertainty::PERCENTILES,
            month: (1..=u.cumulative_delta_usd.len() as u32).collect(),
            cumulative_delta: u.cumulative_delta_usd.clone(),
            npv: u.npv_usd,
            chance_npv_negative: u.chance_npv_negative,
            chance_regret: u.chance_regret,
            regret_month: u.regret_month,
            chance_rehire: u.chance_rehire,
        }
    }
}

impl UncertaintyWire {
    /// Checks the shape a fan needs (the reported percentiles, one row per month, months
    /// 1..n in order, finite values in order, a draw count the analysis could have made)
    /// and converts it; `faded` marks a band kept from an earlier state.
    pub fn to_band(&self, faded: bool) -> Result<crate::chart::Band, String> {
        use crate::analysis::uncertainty::{MAX_DRAWS, PERCENTILES};
        if self.percentiles != PERCENTILES {
            // Written without Debug formatting, which would cost the browser build its
            // escaping tables for one message.
            let list = |values: &[f64]| {
                let texts: Vec<String> = values.iter().map(f64::to_string).collect();
                format!("[{}]", texts.join(", "))
            };
            return Err(format!(
                "the uncertainty band must give the percentiles {}, not {}",
                list(&PERCENTILES),
                list(&self.percentiles)
            ));
        }
        if !(1..=MAX_DRAWS).contains(&self.draws) {
            return Err(format!(
                "the uncertainty band has {} draws: allowed 1 to {MAX_DRAWS}",
                self.draws
            ));
        }
        let months = self.cumulative_delta.len();
        if months == 0 || months > 1200 {
            return Err(format!(
                "the uncertainty band has {months} months: allowed 1 to 1200"
            ));
        }
        if self.month.len() != months || self.month.iter().zip(1..).any(|(&m, k)| m != k) {
            return Err(format!(
                "the uncertainty band's months must be 1 to {months}, one per row"
            ));
        }
        for (row, m) in self.cumulative_delta.iter().zip(1..) {
            if !row.iter().all(|v| v.is_finite()) {
                return Err(format!(
                    "the uncertainty band has a value that is not finite in month {m}"
                ));
            }
            if row.windows(2).any(|w| w[0] > w[1]) {
                return Err(format!(
                    "the uncertainty band's percentiles are out of order in month {m}"
                ));
            }
        }
        let shares = [
            self.chance_npv_negative,
            self.chance_regret,
            self.chance_rehire,
        ];
        if !shares
            .iter()
            .all(|v| v.is_finite() && (0.0..=1.0).contains(v))
        {
            return Err("the uncertainty band's chances must be from 0 to 1".to_owned());
        }
        Ok(crate::chart::Band {
            cumulative_delta_usd: self.cumulative_delta.clone(),
            draws: self.draws,
            faded,
        })
    }
}

/// The fan the page hands to `render`: the worker's Monte Carlo result for this scenario,
/// or (`faded: true`) the last one while the current state's is being worked out.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandWire {
    /// The Monte Carlo result, as `uncertainty()` returned it.
    pub uncertainty: UncertaintyWire,
    /// Draw it fainter: it belongs to an earlier state.
    #[serde(default)]
    pub faded: bool,
}

/// One tornado bar on the wire.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct TornadoBarWire {
    pub key: &'static str,
    pub low: f64,
    pub high: f64,
    pub npv_at_low: f64,
    pub npv_at_high: f64,
    pub swing: f64,
    pub switching_value: Option<f64>,
}

/// The tornado on the wire, largest swing first, with the scenario's own NPV.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct SensitivityWire {
    pub npv: f64,
    pub bars: Vec<TornadoBarWire>,
}

impl SensitivityWire {
    /// Builds the wire form from the tornado and the scenario's NPV.
    pub fn new(npv: f64, bars: &[crate::analysis::sensitivity::Bar]) -> Self {
        SensitivityWire {
            npv,
            bars: bars
                .iter()
                .map(|b| TornadoBarWire {
                    key: b.spec.key,
                    low: b.low_value,
                    high: b.high_value,
                    npv_at_low: b.npv_at_low_usd,
                    npv_at_high: b.npv_at_high_usd,
                    swing: b.swing_usd(),
                    switching_value: b.switching_value,
                })
                .collect(),
        }
    }
}

/// The regret map on the wire: `npv[row][column]` for `y[row]`, `x[column]`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct RegretMapWire {
    pub x_key: &'static str,
    pub y_key: &'static str,
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub npv: Vec<Vec<f64>>,
    pub regret_month: Vec<Vec<Option<u32>>>,
    pub current: [f64; 2],
}

/// One tornado bar as the page hands it back for drawing (the shape of [`TornadoBarWire`]).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct TornadoBarInput {
    pub key: String,
    pub low: f64,
    pub high: f64,
    pub npv_at_low: f64,
    pub npv_at_high: f64,
    #[serde(default)]
    pub swing: Option<f64>,
    #[serde(default)]
    pub switching_value: Option<f64>,
}

/// The tornado as the page hands it back for drawing (the shape of [`SensitivityWire`]).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct SensitivityInput {
    pub npv: f64,
    pub bars: Vec<TornadoBarInput>,
}

fn finite(what: &str, value: f64) -> Result<f64, String> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(format!("{what} is not finite"))
    }
}

impl SensitivityInput {
    /// Checks every bar (a known parameter at most once, finite values, the low value not
    /// above the high one, values inside the parameter's range) and converts to the
    /// analysis's bars with the scenario's NPV.
    pub fn into_bars(self) -> Result<(f64, Vec<crate::analysis::sensitivity::Bar>), String> {
        let npv = finite("the tornado's npv", self.npv)?;
        if self.bars.len() > PARAMS.len() {
            return Err(format!(
                "the tornado has {} bars: there are only {} parameters",
                self.bars.len(),
                PARAMS.len()
            ));
        }
        let mut bars = Vec::with_capacity(self.bars.len());
        for b in self.bars {
            let spec = crate::params::spec(&b.key)
                .ok_or_else(|| format!("unknown tornado parameter '{}'", b.key))?;
            if bars
                .iter()
                .any(|x: &crate::analysis::sensitivity::Bar| x.spec.key == spec.key)
            {
                return Err(format!("the tornado has {} twice", spec.key));
            }
            let what = |field: &str| format!("the tornado's {field} for {}", spec.key);
            let low = finite(&what("low"), b.low)?;
            let high = finite(&what("high"), b.high)?;
            let in_range = |v: f64| v >= spec.min && v <= spec.max;
            if low > high || !in_range(low) || !in_range(high) {
                return Err(format!(
                    "the tornado's range for {} ({low} to {high}) must be ascending inside {} to {}",
                    spec.key, spec.min, spec.max
                ));
            }
            let switching_value = match b.switching_value {
                Some(v) if !(v.is_finite() && in_range(v)) => {
                    return Err(format!(
                        "the tornado's switching value for {} ({v}) is outside {} to {}",
                        spec.key, spec.min, spec.max
                    ))
                }
                other => other,
            };
            bars.push(crate::analysis::sensitivity::Bar {
                spec,
                low_value: low,
                high_value: high,
                npv_at_low_usd: finite(&what("npvAtLow"), b.npv_at_low)?,
                npv_at_high_usd: finite(&what("npvAtHigh"), b.npv_at_high)?,
                switching_value,
            });
        }
        Ok((npv, bars))
    }
}

/// The regret map as the page hands it back for drawing (the shape of [`RegretMapWire`]).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RegretMapInput {
    pub x_key: String,
    pub y_key: String,
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub npv: Vec<Vec<f64>>,
    pub regret_month: Vec<Vec<Option<u32>>>,
    pub current: [f64; 2],
}

impl RegretMapInput {
    /// Checks the map (two different parameters that can be axes, ascending values inside
    /// their ranges, 2 to 101 per axis, one finite NPV and one regret month of 1 to 1200 per
    /// cell, a finite current position) and converts it.
    pub fn into_map(self) -> Result<crate::analysis::map::RegretMap, String> {
        use crate::analysis::map::CELL_RANGE;
        let axis = |key: &str| -> Result<&'static crate::params::ParamSpec, String> {
            let spec =
                crate::params::spec(key).ok_or_else(|| format!("unknown map axis '{key}'"))?;
            match spec.key {
                "horizonMonths" | "layoffMonth" | "modelDepth" => {
                    Err(format!("{key} cannot be a map axis"))
                }
                _ => Ok(spec),
            }
        };
        let (x, y) = (axis(&self.x_key)?, axis(&self.y_key)?);
        if x.key == y.key {
            return Err("the map needs two different parameters".to_owned());
        }
        for (spec, values) in [(x, &self.x), (y, &self.y)] {
            if values.len() < 2 || values.len() > *CELL_RANGE.end() {
                return Err(format!(
                    "the map's {} axis has {} values: allowed 2 to {}",
                    spec.key,
                    values.len(),
                    CELL_RANGE.end()
                ));
            }
            let ok = values
                .iter()
                .all(|v| v.is_finite() && *v >= spec.min && *v <= spec.max)
                && values.windows(2).all(|w| w[0] < w[1]);
            if !ok {
                return Err(format!(
                    "the map's {} values must ascend inside {} to {}",
                    spec.key, spec.min, spec.max
                ));
            }
        }
        let (nx, ny) = (self.x.len(), self.y.len());
        let npv_shaped = self.npv.len() == ny && self.npv.iter().all(|r| r.len() == nx);
        let regret_shaped =
            self.regret_month.len() == ny && self.regret_month.iter().all(|r| r.len() == nx);
        if !(npv_shaped && regret_shaped) {
            return Err(format!(
                "the map must have {ny} rows of {nx} values for npv and regretMonth"
            ));
        }
        let npv_usd: Vec<f64> = self.npv.into_iter().flatten().collect();
        if !npv_usd.iter().all(|v| v.is_finite()) {
            return Err("the map has an npv that is not finite".to_owned());
        }
        let regret_month: Vec<Option<u32>> = self.regret_month.into_iter().flatten().collect();
        if regret_month
            .iter()
            .flatten()
            .any(|m| !(1..=1200).contains(m))
        {
            return Err("the map has a regret month outside 1 to 1200".to_owned());
        }
        let current = (
            finite("the map's current x", self.current[0])?,
            finite("the map's current y", self.current[1])?,
        );
        Ok(crate::analysis::map::RegretMap {
            x,
            y,
            xs: self.x,
            ys: self.y,
            npv_usd,
            regret_month,
            current,
        })
    }
}

impl From<&crate::analysis::map::RegretMap> for RegretMapWire {
    fn from(m: &crate::analysis::map::RegretMap) -> Self {
        let width = m.xs.len();
        RegretMapWire {
            x_key: m.x.key,
            y_key: m.y.key,
            x: m.xs.clone(),
            y: m.ys.clone(),
            npv: m.npv_usd.chunks(width).map(<[f64]>::to_vec).collect(),
            regret_month: m
                .regret_month
                .chunks(width)
                .map(<[Option<u32>]>::to_vec)
                .collect(),
            current: [m.current.0, m.current.1],
        }
    }
}

//! Monte Carlo uncertainty: every estimate is drawn from a triangular distribution around
//! its current value (see `plausible_range`), the model runs once per draw, and the result
//! gives percentile bands of the cumulative difference, the NPV distribution, the chance the
//! cut loses money, and when regret tends to come.

use super::rng::Rng;
use super::{percentile, Ranges};
use crate::model;
use crate::params::{Params, PARAMS};

/// The largest number of draws one call may ask for.
pub const MAX_DRAWS: usize = 20_000;

/// Percentiles reported for every band, in order.
pub const PERCENTILES: [f64; 5] = [0.10, 0.25, 0.50, 0.75, 0.90];

/// P10, P25, P50, P75 and P90 of one quantity.
pub type Quantiles = [f64; 5];

/// The result of a Monte Carlo run.
#[derive(Debug, Clone, PartialEq)]
pub struct Uncertainty {
    /// How many draws were made.
    pub draws: usize,
    /// The seed that reproduces them.
    pub seed: u64,
    /// For each month, the percentiles of the cumulative difference (USD).
    pub cumulative_delta_usd: Vec<Quantiles>,
    /// Percentiles of the NPV against the baseline (USD).
    pub npv_usd: Quantiles,
    /// Share of draws whose NPV is below zero.
    pub chance_npv_negative: f64,
    /// Share of draws in which a regret month occurs.
    pub chance_regret: f64,
    /// Percentiles of the regret month among the draws that have one.
    pub regret_month: Option<Quantiles>,
    /// Share of draws in which rehiring starts.
    pub chance_rehire: f64,
}

/// Draws one parameter set: decisions kept, each estimate triangular around its value over
/// its plausible range.
pub fn draw(base: &Params, ranges: &Ranges, rng: &mut Rng) -> Params {
    let mut params = base.clone();
    for (index, spec) in PARAMS.iter().enumerate() {
        let value = spec.get(base);
        if let Some((low, high)) = ranges.get(index) {
            let mut x = rng.triangular(low, value, high);
            if spec.unit.is_whole() {
                x = x.round();
            }
            spec.set(&mut params, x.clamp(spec.min, spec.max));
        }
    }
    params
}

/// Runs `draws` simulations (1 to `MAX_DRAWS`) with the given seed, reading the parameters
/// as changes to the default preset.
pub fn run(base: &Params, draws: usize, seed: u64) -> Uncertainty {
    run_with(base, &Ranges::of_default(base), draws, seed)
}

/// Runs `draws` simulations (1 to `MAX_DRAWS`) with the given seed over the given ranges.
pub fn run_with(base: &Params, ranges: &Ranges, draws: usize, seed: u64) -> Uncertainty {
    let draws = draws.clamp(1, MAX_DRAWS);
    let months = base.horizon_months as usize;
    let mut rng = Rng::new(seed);
    // Column-major: all draws of month 0, then month 1, so each month sorts in place.
    let mut cumulative = vec![0.0; draws * months];
    let mut npvs = Vec::with_capacity(draws);
    let mut regrets = Vec::new();
    let mut rehires = 0usize;
    for d in 0..draws {
        let params = draw(base, ranges, &mut rng);
        let outcome = model::run(&params);
        for (m, c) in outcome.cumulative_delta_usd.iter().enumerate() {
            cumulative[m * draws + d] = *c;
        }
        npvs.push(outcome.summary.npv_usd);
        if let Some(r) = outcome.summary.regret_month {
            regrets.push(r as f64);
        }
        if outcome.summary.rehire_start_month.is_some() {
            rehires += 1;
        }
    }
    let quantiles = |values: &mut [f64]| -> Quantiles {
        crate::sort::sort_numbers(values);
        let mut q = PERCENTILES.map(|p| percentile(values, p));
        // Rounding must never put a higher percentile below a lower one.
        for i in 1..q.len() {
            q[i] = q[i].max(q[i - 1]);
        }
        q
    };
    let cumulative_delta_usd = cumulative.chunks_mut(draws).map(&quantiles).collect();
    let negative = npvs.iter().filter(|&&v| v < 0.0).count();
    Uncertainty {
        draws,
        seed,
        cumulative_delta_usd,
        npv_usd: quantiles(&mut npvs),
        chance_npv_negative: negative as f64 / draws as f64,
        chance_regret: regrets.len() as f64 / draws as f64,
        regret_month: (!regrets.is_empty()).then(|| quantiles(&mut regrets)),
        chance_rehire: rehires as f64 / draws as f64,
    }
}

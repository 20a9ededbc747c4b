//! The analyses' bindings: Monte Carlo bands, the tornado and the regret map. None needs the
//! DOM: the page's Web Worker runs them in its own instance of the module.

use wasm_bindgen::prelude::*;

use super::{plain_error, scenario_of, to_js, Request};
use crate::wire::{self, fields};
use crate::{analysis, model};

/// Monte Carlo bands: `{scenario, draws, seed}` (draws 1-20000, default 1000; seed a whole
/// number up to 2^53, default 1).
#[wasm_bindgen]
pub fn uncertainty(request_object: JsValue) -> Result<JsValue, JsValue> {
    let req = Request::new(request_object, "uncertainty", fields::UNCERTAINTY)?;
    let (draws, seed) =
        wire::draws_and_seed(req.number("draws")?, req.number("seed")?).map_err(plain_error)?;
    let scenario = scenario_of(req.scenario()?)?;
    let ranges = analysis::Ranges::new(scenario.preset, &scenario.params);
    let result = analysis::uncertainty::run_with(&scenario.params, &ranges, draws, seed);
    to_js(&wire::UncertaintyWire::from(&result))
}

/// The tornado, `{scenario}`: each estimate at its plausible low and high, largest NPV swing
/// first.
#[wasm_bindgen]
pub fn sensitivity(request_object: JsValue) -> Result<JsValue, JsValue> {
    let req = Request::new(request_object, "sensitivity", fields::SENSITIVITY)?;
    let scenario = scenario_of(req.scenario()?)?;
    let npv = model::run(&scenario.params).summary.npv_usd;
    let ranges = analysis::Ranges::new(scenario.preset, &scenario.params);
    let bars = analysis::sensitivity::tornado_with(&scenario.params, &ranges);
    to_js(&wire::SensitivityWire::new(npv, &bars))
}

/// The regret map: `{scenario, x, y, cells}` (defaults in the tables' `policy.map`).
#[wasm_bindgen(js_name = regretMap)]
pub fn regret_map(request_object: JsValue) -> Result<JsValue, JsValue> {
    let req = Request::new(request_object, "regretMap", fields::REGRET_MAP)?;
    let cells = wire::map_cells(req.number("cells")?).map_err(plain_error)?;
    let x = req.text("x")?;
    let y = req.text("y")?;
    let scenario = scenario_of(req.scenario()?)?;
    let result = analysis::map::regret_map(
        &scenario.params,
        x.as_deref().unwrap_or(analysis::map::DEFAULT_X),
        y.as_deref().unwrap_or(analysis::map::DEFAULT_Y),
        cells,
    )
    .map_err(|e| plain_error(e.to_string()))?;
    to_js(&wire::RegretMapWire::from(&result))
}

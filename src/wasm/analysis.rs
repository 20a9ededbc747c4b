//! The analyses' bindings: Monte Carlo bands, the tornado and the regret map.
//! None needs the DOM: the page's Web Worker runs them in its own instance of the page module.

use wasm_bindgen::prelude::*;

use super::{js_error, scenario_of, to_js};
use crate::{model, wire};

/// Monte Carlo bands: `options = {draws, seed}` (draws 1-20000, default 1000; seed a whole
/// number up to 2^53, default 1). Needs no DOM: the page runs it in a Web Worker.
#[wasm_bindgen]
pub fn uncertainty(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    use crate::analysis::uncertainty::{self, MAX_DRAWS};
    let draws = whole_option(&options, "draws", 1000, 1..=MAX_DRAWS as u64)?;
    let seed = whole_option(&options, "seed", 1, 0..=(1u64 << 53))?;
    let scenario = scenario_of(input)?;
    let result = uncertainty::run_with(
        &scenario.params,
        &crate::analysis::Ranges::new(scenario.preset, &scenario.params),
        draws as usize,
        seed,
    );
    to_js(&wire::UncertaintyWire::from(&result))
}

/// The tornado: each estimate at its plausible low and high, largest NPV swing first.
#[wasm_bindgen]
pub fn sensitivity(input: JsValue) -> Result<JsValue, JsValue> {
    let scenario = scenario_of(input)?;
    let npv = model::run(&scenario.params).summary.npv_usd;
    let bars = crate::analysis::sensitivity::tornado_with(
        &scenario.params,
        &crate::analysis::Ranges::new(scenario.preset, &scenario.params),
    );
    to_js(&wire::SensitivityWire::new(npv, &bars))
}

/// The regret map: `options = {x, y, cells}` (defaults layoffShare, aiResolutionRate, 41).
#[wasm_bindgen(js_name = regretMap)]
pub fn regret_map(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    use crate::analysis::map;
    let text = |name: &str, default: &str| -> String {
        if options.is_undefined() || options.is_null() {
            return default.to_owned();
        }
        js_sys::Reflect::get(&options, &name.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| default.to_owned())
    };
    let cells = whole_option(
        &options,
        "cells",
        map::DEFAULT_CELLS as u64,
        *map::CELL_RANGE.start() as u64..=*map::CELL_RANGE.end() as u64,
    )?;
    let scenario = scenario_of(input)?;
    let result = map::regret_map(
        &scenario.params,
        &text("x", map::DEFAULT_X),
        &text("y", map::DEFAULT_Y),
        cells as usize,
    )
    .map_err(|e| js_error(&e.to_string(), &[]))?;
    to_js(&wire::RegretMapWire::from(&result))
}

/// Reads a whole-number option from an options object, with a default and a range.
fn whole_option(
    options: &JsValue,
    name: &str,
    default: u64,
    range: std::ops::RangeInclusive<u64>,
) -> Result<u64, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(default);
    }
    let value = js_sys::Reflect::get(options, &name.into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(default);
    }
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && n >= *range.start() as f64 && n <= *range.end() as f64 => {
            Ok(n as u64)
        }
        _ => Err(js_error(
            &format!(
                "{name} must be a whole number from {} to {}",
                range.start(),
                range.end()
            ),
            &[],
        )),
    }
}

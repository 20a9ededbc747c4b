//! The JavaScript surface, compiled for wasm32 only: thin, stateless functions that take the
//! whole scenario, validate it through the same path as the CLI, and return the whole answer.
//! They never panic on input: every error becomes a JavaScript `Error` whose message is the
//! validation text and whose `errors` property lists `{key, code, message}` per problem.
//! `compute` and friends need no DOM, so the same module also runs in a Web Worker; charts
//! need the page (plotters measures text with the document's layout).

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::chart::{self, ChartData, ChartKind, ChartOptions};
use crate::validate::{self, RawScenario, RawValue, Scenario};
use crate::wire::{
    self, ChartOptionsWire, CheckedScenarioWire, InputErrorWire, ResultWire, ScenarioInput,
};
use crate::{model, report};

#[wasm_bindgen(start)]
fn start() {
    // A panic is a bug; the hook at least puts its message on the console.
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_missing_as_null(true)
        .serialize_maps_as_objects(true);
    value
        .serialize(&serializer)
        .map_err(|e| js_error(&format!("cannot pass the result to JavaScript: {e}"), &[]))
}

fn js_error(message: &str, errors: &[InputErrorWire]) -> JsValue {
    let error = js_sys::Error::new(message);
    if let Ok(list) = to_js_plain(errors) {
        let _ = js_sys::Reflect::set(&error, &"errors".into(), &list);
    }
    error.into()
}

fn to_js_plain<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, serde_wasm_bindgen::Error> {
    value.serialize(&serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true))
}

fn raw_of(input: JsValue) -> Result<RawScenario, JsValue> {
    if input.is_undefined() || input.is_null() {
        return Ok(RawScenario::default());
    }
    let parsed: ScenarioInput = serde_wasm_bindgen::from_value(input).map_err(|e| {
        js_error(
            &format!("the scenario is not valid: {e} (expected {{preset, params}})"),
            &[],
        )
    })?;
    parsed.into_raw().map_err(|e| js_error(&e, &[]))
}

fn scenario_of(input: JsValue) -> Result<Scenario, JsValue> {
    validate::validate(&raw_of(input)?).map_err(|e| {
        let list: Vec<InputErrorWire> = e.0.iter().map(InputErrorWire::from).collect();
        js_error(&e.to_string(), &list)
    })
}

fn options_of(options: JsValue) -> Result<ChartOptions, JsValue> {
    let wire: ChartOptionsWire = if options.is_undefined() || options.is_null() {
        ChartOptionsWire::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| js_error(&format!("the chart options are not valid: {e}"), &[]))?
    };
    wire.into_options().map_err(|e| js_error(&e, &[]))
}

/// The parameter table: key, label, unit, default, range, step, explanation, source, evidence.
#[wasm_bindgen(js_name = paramTable)]
pub fn param_table() -> Result<JsValue, JsValue> {
    to_js(&wire::param_table())
}

/// Every preset with its texts and full parameter set.
#[wasm_bindgen(js_name = presetTable)]
pub fn preset_table() -> Result<JsValue, JsValue> {
    to_js(&wire::preset_table())
}

/// Every source: `{id, citation, evidence}`.
#[wasm_bindgen(js_name = sourceTable)]
pub fn source_table() -> Result<JsValue, JsValue> {
    to_js(&wire::source_table())
}

/// Checks a scenario leniently: returns the nearest valid scenario and a list of what was
/// ignored, so a hand-edited link still opens. Throws only when the input is not an object.
#[wasm_bindgen(js_name = checkScenario)]
pub fn check_scenario(input: JsValue) -> Result<JsValue, JsValue> {
    let (scenario, errors) = validate::validate_lenient(&raw_of(input)?);
    to_js(&CheckedScenarioWire {
        preset: scenario.preset.name,
        params: wire::params_map(&scenario.params),
        changed: scenario.changed_keys(),
        errors: errors.iter().map(InputErrorWire::from).collect(),
    })
}

/// Checks one typed value for one key; returns the number or throws with the message.
#[wasm_bindgen(js_name = checkValue)]
pub fn check_value(key: &str, value: JsValue) -> Result<f64, JsValue> {
    let raw = if let Some(n) = value.as_f64() {
        RawValue::Number(n)
    } else if let Some(s) = value.as_string() {
        RawValue::Text(s)
    } else {
        RawValue::WrongType("not a number or text")
    };
    validate::check_value(key, &raw)
        .map(|(_, v)| v)
        .map_err(|e| {
            let wire = InputErrorWire::from(&e);
            js_error(&wire.message.clone(), &[wire])
        })
}

/// Runs the model for a scenario and returns `{preset, changed, params, summary, series}`.
#[wasm_bindgen]
pub fn compute(input: JsValue) -> Result<JsValue, JsValue> {
    let scenario = scenario_of(input)?;
    let outcome = model::run(&scenario.params);
    to_js(&ResultWire::new(&scenario, &outcome))
}

/// Runs the model once and draws the requested charts onto their canvases. `targets` is an
/// array of `{kind, canvas}`; `compare` is an optional pinned scenario drawn behind. Returns
/// the same result as `compute`.
#[wasm_bindgen]
pub fn render(
    input: JsValue,
    targets: js_sys::Array,
    options: JsValue,
    compare: JsValue,
) -> Result<JsValue, JsValue> {
    let scenario = scenario_of(input)?;
    let options = options_of(options)?;
    let outcome = model::run(&scenario.params);
    let compare_outcome = if compare.is_undefined() || compare.is_null() {
        None
    } else {
        Some(model::run(&scenario_of(compare)?.params))
    };
    let data = ChartData {
        outcome: &outcome,
        params: &scenario.params,
        compare: compare_outcome.as_ref(),
    };
    for target in targets.iter() {
        let kind_text = js_sys::Reflect::get(&target, &"kind".into())
            .ok()
            .and_then(|k| k.as_string())
            .unwrap_or_default();
        let kind = ChartKind::from_key(&kind_text).ok_or_else(|| {
            js_error(
                &format!(
                    "unknown chart '{kind_text}' (allowed: savings, headcount, costs, quality)"
                ),
                &[],
            )
        })?;
        let canvas = js_sys::Reflect::get(&target, &"canvas".into())
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .ok_or_else(|| js_error(&format!("chart '{kind_text}' has no canvas"), &[]))?;
        let backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas)
            .ok_or_else(|| js_error("the canvas has no 2D context", &[]))?;
        let root = plotters::prelude::IntoDrawingArea::into_drawing_area(backend);
        chart::draw(&root, kind, &data, &options).map_err(|e| js_error(&e.to_string(), &[]))?;
    }
    to_js(&ResultWire::new(&scenario, &outcome))
}

/// One chart as an SVG document (for downloads and print).
#[wasm_bindgen(js_name = chartSvg)]
pub fn chart_svg(
    input: JsValue,
    kind: &str,
    options: JsValue,
    width: u32,
    height: u32,
    compare: JsValue,
) -> Result<String, JsValue> {
    let scenario = scenario_of(input)?;
    let options = options_of(options)?;
    let kind = ChartKind::from_key(kind).ok_or_else(|| {
        js_error(
            &format!("unknown chart '{kind}' (allowed: savings, headcount, costs, quality)"),
            &[],
        )
    })?;
    if !(100..=4000).contains(&width) || !(100..=4000).contains(&height) {
        return Err(js_error(
            "chart size must be 100 to 4000 pixels each way",
            &[],
        ));
    }
    let outcome = model::run(&scenario.params);
    let compare_outcome = if compare.is_undefined() || compare.is_null() {
        None
    } else {
        Some(model::run(&scenario_of(compare)?.params))
    };
    let data = ChartData {
        outcome: &outcome,
        params: &scenario.params,
        compare: compare_outcome.as_ref(),
    };
    chart::svg(kind, &data, &options, width, height).map_err(|e| js_error(&e.to_string(), &[]))
}

/// Every monthly series as CSV.
#[wasm_bindgen(js_name = seriesCsv)]
pub fn series_csv(input: JsValue) -> Result<String, JsValue> {
    let scenario = scenario_of(input)?;
    let outcome = model::run(&scenario.params);
    Ok(report::series_csv(&wire::SeriesWire::from_outcome(
        &outcome,
    )))
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

/// Monte Carlo bands: `options = {draws, seed}` (draws 1-20000, default 1000; seed a whole
/// number up to 2^53, default 1). Needs no DOM: the page runs it in a Web Worker.
#[wasm_bindgen]
pub fn uncertainty(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    use crate::analysis::uncertainty::{self, MAX_DRAWS};
    let draws = whole_option(&options, "draws", 1000, 1..=MAX_DRAWS as u64)?;
    let seed = whole_option(&options, "seed", 1, 0..=(1u64 << 53))?;
    let scenario = scenario_of(input)?;
    let result = uncertainty::run(&scenario.params, draws as usize, seed);
    to_js(&wire::UncertaintyWire::from(&result))
}

/// The tornado: each estimate at its plausible low and high, largest NPV swing first.
#[wasm_bindgen]
pub fn sensitivity(input: JsValue) -> Result<JsValue, JsValue> {
    let scenario = scenario_of(input)?;
    let npv = model::run(&scenario.params).summary.npv_usd;
    let bars = crate::analysis::sensitivity::tornado(&scenario.params);
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

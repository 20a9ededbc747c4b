//! The page's bindings: the tables the controls are built from, the
//! checks behind typed values and links, the model run, and the four main charts.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{
    canvas_backend, chart_kind, js_error, options_of, raw_of, scenario_of, to_js, ChartInputs,
};
use crate::chart;
use crate::model;
use crate::report;
use crate::validate::{self, RawValue};
use crate::wire::{self, CheckedScenarioWire, InputErrorWire, ResultWire};

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

/// Reads text in the one number grammar of every input (`validate::parse_number`), for the
/// page's options that are not parameters (the exchange rate): the number, or an error whose
/// `errors[0].code` is "tooLong", "notANumber" or "notFinite".
#[wasm_bindgen(js_name = readNumber)]
pub fn read_number(text: &str) -> Result<f64, JsValue> {
    let chars = text.chars().count();
    let code = if chars > validate::MAX_VALUE_CHARS {
        "tooLong"
    } else {
        match validate::parse_number(text) {
            Ok(v) => return Ok(if v == 0.0 { 0.0 } else { v }),
            Err(validate::NumberError::Malformed) => "notANumber",
            Err(validate::NumberError::HugeExponent) => "notFinite",
        }
    };
    let wire = InputErrorWire {
        key: None,
        code,
        message: format!(
            "'{}' is not a plain decimal number of sensible size (like 16500 or 0.88)",
            validate::quote(text)
        ),
    };
    Err(js_error(&wire.message.clone(), &[wire]))
}

/// Runs the model for a scenario and returns `{preset, changed, params, summary, series}`.
#[wasm_bindgen]
pub fn compute(input: JsValue) -> Result<JsValue, JsValue> {
    let scenario = scenario_of(input)?;
    let outcome = model::run(&scenario.params);
    to_js(&ResultWire::new(&scenario, &outcome))
}

/// Runs the model once and draws the requested charts onto their canvases. `targets` is an
/// array of `{kind, canvas}`; `compare` is an optional pinned scenario drawn behind; `band`
/// an optional `{uncertainty, faded}` drawn as the savings chart's fan. Returns the same
/// result as `compute`.
#[wasm_bindgen]
pub fn render(
    input: JsValue,
    targets: js_sys::Array,
    options: JsValue,
    compare: JsValue,
    band: JsValue,
) -> Result<JsValue, JsValue> {
    let options = options_of(options)?;
    let inputs = ChartInputs::read(input, compare, band)?;
    let data = inputs.data();
    data.check().map_err(|e| js_error(&e.to_string(), &[]))?;
    for target in targets.iter() {
        let kind_text = js_sys::Reflect::get(&target, &"kind".into())
            .ok()
            .and_then(|k| k.as_string())
            .unwrap_or_default();
        let kind = chart_kind(&kind_text)?;
        let canvas = js_sys::Reflect::get(&target, &"canvas".into())
            .ok()
            .filter(|c| c.is_instance_of::<web_sys::HtmlCanvasElement>())
            .ok_or_else(|| js_error(&format!("chart '{kind_text}' has no canvas"), &[]))?;
        let root = plotters::prelude::IntoDrawingArea::into_drawing_area(canvas_backend(canvas)?);
        chart::draw(&root, kind, &data, &options).map_err(|e| js_error(&e.to_string(), &[]))?;
    }
    to_js(&ResultWire::new(&inputs.scenario, &inputs.outcome))
}

/// Every monthly series as CSV.
#[wasm_bindgen(js_name = seriesCsv)]
pub fn series_csv(input: JsValue) -> Result<String, JsValue> {
    let scenario = scenario_of(input)?;
    let outcome = model::run(&scenario.params);
    Ok(report::series_csv_with_record(&scenario, &outcome))
}

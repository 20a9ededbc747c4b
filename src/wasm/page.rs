//! The page's bindings: the tables the controls are built from, the checks behind typed
//! values and links, the model run, and the four main charts.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{
    canvas_backend, chart_error, js_error, plain_error, raw_of, scenario_of, scenario_request,
    to_js, ChartInputs, Request,
};
use crate::chart;
use crate::model;
use crate::report;
use crate::validate::{self, RawValue};
use crate::wire::{
    self, fields, CheckedScenarioWire, InputErrorWire, RenderWire, ResultWire, ScenarioInput,
};

/// Everything the controls are built from: `{params, presets, sources, policy}`.
#[wasm_bindgen]
pub fn tables() -> Result<JsValue, JsValue> {
    to_js(&wire::tables())
}

/// Checks a scenario leniently: returns the nearest valid scenario and a list of what was
/// ignored, so a hand-edited link still opens. Throws only when the input is not an object.
#[wasm_bindgen(js_name = checkScenario)]
pub fn check_scenario(scenario: JsValue) -> Result<JsValue, JsValue> {
    let input: ScenarioInput = scenario_request(scenario, "checkScenario")?;
    let (scenario, errors) = validate::validate_lenient(&raw_of(input)?);
    to_js(&CheckedScenarioWire {
        preset: scenario.preset.name,
        params: wire::params_map(&scenario.params),
        changed: scenario.changed_keys(),
        errors: errors.iter().map(InputErrorWire::from).collect(),
    })
}

/// Checks one typed value, `{key, value}` (a number or text); returns the number or throws
/// with the message.
#[wasm_bindgen(js_name = checkValue)]
pub fn check_value(request_object: JsValue) -> Result<f64, JsValue> {
    let req = Request::new(request_object, "checkValue", fields::CHECK_VALUE)?;
    let key = req.text("key")?.unwrap_or_default();
    let value = req.raw("value");
    let raw = if let Some(n) = value.as_f64() {
        RawValue::Number(n)
    } else if let Some(s) = value.as_string() {
        RawValue::Text(s)
    } else {
        RawValue::WrongType("not a number or text")
    };
    validate::check_value(&key, &raw)
        .map(|(_, v)| v)
        .map_err(|e| {
            let wire = InputErrorWire::from(&e);
            js_error(&wire.message.clone(), &[wire])
        })
}

/// Reads `{text}` in the one number grammar of every input (`validate::parse_number`), for
/// the page's options that are not parameters (the exchange rate): the number, or an error
/// whose `errors[0].code` is "tooLong", "notANumber" or "notFinite".
#[wasm_bindgen(js_name = readNumber)]
pub fn read_number(request_object: JsValue) -> Result<f64, JsValue> {
    let req = Request::new(request_object, "readNumber", fields::READ_NUMBER)?;
    let text = req.text("text")?.unwrap_or_default();
    let text = text.as_str();
    let code = if text.chars().count() > validate::MAX_VALUE_CHARS {
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

/// Runs the model for a scenario (`{preset, params}`) and returns `{preset, changed, params,
/// summary, series, warnings, record, calibration}`.
#[wasm_bindgen]
pub fn compute(scenario: JsValue) -> Result<JsValue, JsValue> {
    let scenario = scenario_of(scenario_request(scenario, "compute")?)?;
    let outcome = model::run(&scenario.params);
    to_js(&ResultWire::new(&scenario, &outcome))
}

/// Runs the model once and draws the requested charts onto their canvases:
/// `{scenario, charts: [{kind, canvas}], options, compare, band}` where `compare` is an
/// optional pinned scenario drawn behind and `band` an optional `{uncertainty, faded}` drawn
/// as the savings chart's fan. Returns `{result, descriptions}`: the result as `compute`
/// gives it, and each drawn chart's text alternative by kind.
#[wasm_bindgen]
pub fn render(request_object: JsValue) -> Result<JsValue, JsValue> {
    let req = Request::new(request_object, "render", fields::RENDER)?;
    let options = req.options()?;
    let inputs = ChartInputs::read(&req)?;
    let data = inputs.data();
    data.check().map_err(chart_error)?;
    let targets = req.raw("charts");
    let targets: js_sys::Array = if js_sys::Array::is_array(&targets) {
        targets.unchecked_into()
    } else {
        return Err(plain_error(
            "render: charts must be a list of {kind, canvas}".to_owned(),
        ));
    };
    let mut descriptions = Vec::with_capacity(targets.length() as usize);
    for target in targets.iter() {
        let kind_text = js_sys::Reflect::get(&target, &"kind".into())
            .ok()
            .and_then(|k| k.as_string())
            .unwrap_or_default();
        let kind = wire::chart_kind(&kind_text).map_err(plain_error)?;
        let canvas = js_sys::Reflect::get(&target, &"canvas".into()).unwrap_or(JsValue::UNDEFINED);
        let root = plotters::prelude::IntoDrawingArea::into_drawing_area(canvas_backend(canvas)?);
        chart::draw(&root, kind, &data, &options).map_err(chart_error)?;
        descriptions.push((kind.key(), chart::describe(kind, &data, &options)));
    }
    to_js(&RenderWire {
        result: ResultWire::new(&inputs.scenario, &inputs.outcome),
        descriptions: wire::WireObject(descriptions),
    })
}

/// Every monthly series of a scenario (`{preset, params}`) as CSV.
#[wasm_bindgen(js_name = seriesCsv)]
pub fn series_csv(scenario: JsValue) -> Result<String, JsValue> {
    let scenario = scenario_of(scenario_request(scenario, "seriesCsv")?)?;
    let outcome = model::run(&scenario.params);
    Ok(report::series_csv_with_record(&scenario, &outcome))
}

//! The JavaScript surface, compiled for wasm32 only: thin, stateless functions that each take
//! one request object (`crate::wire::requests`), validate it through the same path as the
//! CLI, and return the whole answer. They never panic on input: every error becomes a
//! JavaScript `Error` whose message is the validation text and whose `errors` property lists
//! `{key, code, message}` per problem.
//!
//! The browser gets one module (scripts/build.sh): [`page`] holds the tables, the checks, the
//! model and the four main charts; [`analysis`] the Monte Carlo, tornado and regret-map
//! computations, which the page's Web Worker runs in its own instance of the same compiled
//! module; [`charts`] the tornado and regret-map charts and every chart as an SVG document;
//! [`present`] the number formatter the page writes its prose with. [`canvas`] is the canvas
//! backend they draw on. One module costs less to download than two near-identical ones
//! (docs/PERFORMANCE.md, "One wasm module").

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::chart::{self, ChartData, ChartOptions};
use crate::model::{self, Outcome};
use crate::validate::{self, RawScenario, Scenario};
use crate::wire::{ChartOptionsWire, InputErrorWire, ScenarioInput};

mod analysis;
mod canvas;
mod charts;
mod page;
mod present;
mod read;

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

/// An error with a message only (a request that is not even the right shape).
fn plain_error(message: String) -> JsValue {
    js_error(&message, &[])
}

fn to_js_plain<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, serde_wasm_bindgen::Error> {
    value.serialize(&serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true))
}

/// One request object as a call receives it: an object whose keys are all known to the call
/// (`wire::requests::fields`), read field by field. A misspelt key is refused by name rather
/// than ignored, so an option that does nothing never looks as if it worked.
struct Request {
    object: JsValue,
    call: &'static str,
}

impl Request {
    fn new(value: JsValue, call: &'static str, allowed: &[&str]) -> Result<Self, JsValue> {
        let expected = allowed.join(", ");
        if !value.is_object() || js_sys::Array::is_array(&value) {
            return Err(plain_error(format!(
                "{call}: the request must be an object with {expected}"
            )));
        }
        for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            if !allowed.contains(&key.as_str()) {
                return Err(plain_error(format!(
                    "{call}: unknown field '{}' (expected {expected})",
                    validate::quote(&key)
                )));
            }
        }
        Ok(Request {
            object: value,
            call,
        })
    }

    /// A field as given; `undefined` and `null` both mean absent.
    fn raw(&self, name: &str) -> JsValue {
        let value = js_sys::Reflect::get(&self.object, &name.into()).unwrap_or(JsValue::UNDEFINED);
        if value.is_null() {
            JsValue::UNDEFINED
        } else {
            value
        }
    }

    /// A field read by one of `read`'s readers, if present.
    fn read<T>(
        &self,
        name: &str,
        expected: &str,
        reader: fn(&JsValue) -> Result<T, String>,
    ) -> Result<Option<T>, JsValue> {
        let value = self.raw(name);
        if value.is_undefined() {
            return Ok(None);
        }
        reader(&value).map(Some).map_err(|e| {
            plain_error(format!(
                "{}: {name} is not valid: {e} (expected {expected})",
                self.call
            ))
        })
    }

    /// A field read by one of `read`'s readers, which must be present.
    fn read_needed<T>(
        &self,
        name: &str,
        expected: &str,
        reader: fn(&JsValue) -> Result<T, String>,
    ) -> Result<T, JsValue> {
        self.read(name, expected, reader)?.ok_or_else(|| {
            plain_error(format!(
                "{}: {name} is missing (expected {expected})",
                self.call
            ))
        })
    }

    /// A number field, if present.
    fn number(&self, name: &str) -> Result<Option<f64>, JsValue> {
        let value = self.raw(name);
        if value.is_undefined() {
            return Ok(None);
        }
        value
            .as_f64()
            .map(Some)
            .ok_or_else(|| plain_error(format!("{}: {name} must be a number", self.call)))
    }

    /// A text field, if present.
    fn text(&self, name: &str) -> Result<Option<String>, JsValue> {
        let value = self.raw(name);
        if value.is_undefined() {
            return Ok(None);
        }
        value
            .as_string()
            .map(Some)
            .ok_or_else(|| plain_error(format!("{}: {name} must be text", self.call)))
    }

    /// The chart options, if given.
    fn options(&self) -> Result<ChartOptions, JsValue> {
        options_of(self.read(
            "options",
            "{scale, theme, text, numbers}",
            read::chart_options,
        )?)
    }

    /// The scenario to run (required).
    fn scenario(&self) -> Result<ScenarioInput, JsValue> {
        self.read_needed("scenario", "{preset, params}", read::scenario)
    }
}

fn raw_of(input: ScenarioInput) -> Result<RawScenario, JsValue> {
    input.into_raw().map_err(plain_error)
}

/// A scenario from its wire form, validated strictly.
fn scenario_of(input: ScenarioInput) -> Result<Scenario, JsValue> {
    validate::validate(&raw_of(input)?).map_err(|e| {
        let list: Vec<InputErrorWire> = e.0.iter().map(InputErrorWire::from).collect();
        js_error(&e.to_string(), &list)
    })
}

/// A bare scenario object (`{preset, params}`) as the request, as `compute` and `seriesCsv`
/// take it.
fn scenario_request(value: JsValue, call: &str) -> Result<ScenarioInput, JsValue> {
    read::scenario(&value).map_err(|e| {
        plain_error(format!(
            "{call}: the request is not valid: {e} (expected {{preset, params}})"
        ))
    })
}

fn options_of(options: Option<ChartOptionsWire>) -> Result<ChartOptions, JsValue> {
    options
        .unwrap_or_default()
        .into_options()
        .map_err(plain_error)
}

/// The canvas a chart is drawn on, as a plotters backend (polylines batched: see `canvas`).
fn canvas_backend(canvas: JsValue) -> Result<canvas::BatchedCanvas, JsValue> {
    let canvas = canvas
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .map_err(|_| js_error("the target is not a canvas", &[]))?;
    canvas::BatchedCanvas::new(canvas).ok_or_else(|| js_error("the canvas has no 2D context", &[]))
}

/// What every chart of one scenario is drawn from: the scenario's run, the pinned scenario's
/// run when there is one, and the fan when the worker has sent it.
struct ChartInputs {
    scenario: Scenario,
    outcome: Outcome,
    compare: Option<Outcome>,
    band: Option<chart::Band>,
}

impl ChartInputs {
    /// Reads `scenario`, `compare` and `band` from a request.
    fn read(req: &Request) -> Result<Self, JsValue> {
        let scenario = scenario_of(req.scenario()?)?;
        let band = match req.read("band", "{uncertainty, faded}", read::band)? {
            None => None,
            Some(b) => Some(b.uncertainty.to_band(b.faded).map_err(plain_error)?),
        };
        let compare = match req.read("compare", "{preset, params}", read::scenario)? {
            None => None,
            Some(c) => Some(model::run(&scenario_of(c)?.params)),
        };
        let outcome = model::run(&scenario.params);
        Ok(Self {
            scenario,
            outcome,
            compare,
            band,
        })
    }

    fn data(&self) -> ChartData<'_> {
        ChartData {
            outcome: &self.outcome,
            params: &self.scenario.params,
            compare: self.compare.as_ref(),
            band: self.band.as_ref(),
            record: crate::record::for_preset(self.scenario.preset.name),
            augment_story: crate::present::policy::tells_augment_story(
                self.scenario.preset.name,
                &self.scenario.params,
            ),
        }
    }
}

/// The thrown error of a chart that cannot be drawn.
fn chart_error(e: chart::ChartError) -> JsValue {
    plain_error(e.to_string())
}

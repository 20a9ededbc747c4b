//! The JavaScript surface, compiled for wasm32 only: thin, stateless functions that take the
//! whole scenario, validate it through the same path as the CLI, and return the whole answer.
//! They never panic on input: every error becomes a JavaScript `Error` whose message is the
//! validation text and whose `errors` property lists `{key, code, message}` per problem.
//!
//! The browser gets one module (scripts/build.sh): `page` holds the tables, the checks, the
//! model and the four main charts; `analysis` the Monte Carlo, tornado and regret-map
//! computations, which the page's Web Worker runs in its own instance of the same compiled
//! module; `charts` the tornado and regret-map charts and every chart as an SVG document.
//! `canvas` is the canvas backend they draw on. One module costs less to download than two
//! near-identical ones (docs/PERFORMANCE.md, "One wasm module").

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::chart::{self, ChartData, ChartKind, ChartOptions};
use crate::model::{self, Outcome};
use crate::validate::{self, RawScenario, Scenario};
use crate::wire::{self, ChartOptionsWire, InputErrorWire, ScenarioInput};

mod analysis;
mod canvas;
mod charts;
mod page;

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

/// The canvas a chart is drawn on, as a plotters backend (polylines batched: see `canvas`).
fn canvas_backend(canvas: JsValue) -> Result<canvas::BatchedCanvas, JsValue> {
    let canvas = canvas
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .map_err(|_| js_error("the target is not a canvas", &[]))?;
    canvas::BatchedCanvas::new(canvas).ok_or_else(|| js_error("the canvas has no 2D context", &[]))
}

/// Reads the optional fan of the savings chart: `{uncertainty, faded}` where `uncertainty` is
/// what `uncertainty()` returned for this scenario.
fn band_of(band: JsValue) -> Result<Option<chart::Band>, JsValue> {
    if band.is_undefined() || band.is_null() {
        return Ok(None);
    }
    let wire: wire::BandWire = serde_wasm_bindgen::from_value(band).map_err(|e| {
        js_error(
            &format!("the uncertainty band is not valid: {e} (expected {{uncertainty, faded}})"),
            &[],
        )
    })?;
    wire.uncertainty
        .to_band(wire.faded)
        .map(Some)
        .map_err(|e| js_error(&e, &[]))
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
    fn read(input: JsValue, compare: JsValue, band: JsValue) -> Result<Self, JsValue> {
        let scenario = scenario_of(input)?;
        let band = band_of(band)?;
        let compare = if compare.is_undefined() || compare.is_null() {
            None
        } else {
            Some(model::run(&scenario_of(compare)?.params))
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
        }
    }
}

fn chart_kind(key: &str) -> Result<ChartKind, JsValue> {
    ChartKind::from_key(key).ok_or_else(|| {
        js_error(
            &format!("unknown chart '{key}' (allowed: savings, headcount, costs, quality)"),
            &[],
        )
    })
}

//! The analysis charts' and downloads' bindings: the tornado and the regret map, drawn from
//! what the worker's `sensitivity()` and `regretMap()` returned, and any chart as an SVG
//! document.

use wasm_bindgen::prelude::*;

use super::{canvas_backend, chart_error, plain_error, ChartInputs, Request};
use crate::analysis::map::RegretMap;
use crate::analysis::sensitivity::Bar;
use crate::chart;
use crate::wire::{self, fields};

const TORNADO: &str = "what sensitivity() returned, {npv, bars}";
const MAP: &str = "what regretMap() returned";

/// The tornado's net present value and bars from a request, the first `count` kept.
fn tornado_of(req: &Request) -> Result<(f64, Vec<Bar>), JsValue> {
    let count = wire::tornado_count(req.number("count")?).map_err(plain_error)?;
    let input = req.read_needed("sensitivity", TORNADO, super::read::sensitivity)?;
    let (npv, mut bars) = input.into_bars().map_err(plain_error)?;
    if let Some(n) = count {
        bars.truncate(n);
    }
    Ok((npv, bars))
}

/// Draws the tornado onto `canvas` and returns its text alternative in the options'
/// language: `{sensitivity, canvas, options, count}`.
#[wasm_bindgen(js_name = renderTornado)]
pub fn render_tornado(request_object: JsValue) -> Result<String, JsValue> {
    let req = Request::new(request_object, "renderTornado", fields::TORNADO)?;
    let options = req.options()?;
    let (npv_usd, bars) = tornado_of(&req)?;
    let data = chart::TornadoData {
        npv_usd,
        bars: &bars,
    };
    let root =
        plotters::prelude::IntoDrawingArea::into_drawing_area(canvas_backend(req.raw("canvas"))?);
    chart::draw_tornado(&root, &data, &options).map_err(chart_error)?;
    Ok(chart::describe_tornado(&data, &options))
}

/// The tornado as an SVG document: `{sensitivity, options, width, height, count}`.
#[wasm_bindgen(js_name = tornadoSvg)]
pub fn tornado_svg(request_object: JsValue) -> Result<String, JsValue> {
    let req = Request::new(request_object, "tornadoSvg", fields::TORNADO)?;
    let (width, height) =
        wire::svg_size(req.number("width")?, req.number("height")?).map_err(plain_error)?;
    let options = req.options()?;
    let (npv_usd, bars) = tornado_of(&req)?;
    let data = chart::TornadoData {
        npv_usd,
        bars: &bars,
    };
    chart::tornado_svg(&data, &options, width, height).map_err(chart_error)
}

/// The height in CSS pixels at which a tornado of `bars` bars, `width` CSS pixels wide (640
/// when absent), reads well: `{bars, options, width}`.
#[wasm_bindgen(js_name = tornadoHeight)]
pub fn tornado_height(request_object: JsValue) -> Result<u32, JsValue> {
    let req = Request::new(request_object, "tornadoHeight", fields::TORNADO_HEIGHT)?;
    let (bars, width) =
        wire::tornado_layout(req.number("bars")?, req.number("width")?).map_err(plain_error)?;
    Ok(chart::tornado_height(bars, width, &req.options()?))
}

/// The regret map and its colouring from a draw request.
fn map_of(req: &Request) -> Result<(RegretMap, chart::MapMetric), JsValue> {
    let metric = wire::map_metric(req.text("metric")?.as_deref()).map_err(plain_error)?;
    let input = req.read_needed("map", MAP, super::read::regret_map)?;
    Ok((input.into_map().map_err(plain_error)?, metric))
}

/// Draws the regret map onto `canvas`, coloured by `metric` ("npv", the default, or
/// "regret"), and returns its text alternative: `{map, canvas, options, metric}`.
#[wasm_bindgen(js_name = renderRegretMap)]
pub fn render_regret_map(request_object: JsValue) -> Result<String, JsValue> {
    let req = Request::new(request_object, "renderRegretMap", fields::MAP_DRAW)?;
    let options = req.options()?;
    let (map, metric) = map_of(&req)?;
    let root =
        plotters::prelude::IntoDrawingArea::into_drawing_area(canvas_backend(req.raw("canvas"))?);
    chart::draw_regret_map(&root, &map, metric, &options).map_err(chart_error)?;
    Ok(chart::describe_regret_map(&map, metric, &options))
}

/// The regret map as an SVG document: `{map, options, width, height, metric}`.
#[wasm_bindgen(js_name = regretMapSvg)]
pub fn regret_map_svg(request_object: JsValue) -> Result<String, JsValue> {
    let req = Request::new(request_object, "regretMapSvg", fields::MAP_DRAW)?;
    let (width, height) =
        wire::svg_size(req.number("width")?, req.number("height")?).map_err(plain_error)?;
    let options = req.options()?;
    let (map, metric) = map_of(&req)?;
    chart::regret_map_svg(&map, metric, &options, width, height).map_err(chart_error)
}

/// One chart as an SVG document (downloads and print):
/// `{scenario, kind, options, width, height, compare, band}`, `compare` and `band` as for
/// `render`.
#[wasm_bindgen(js_name = chartSvg)]
pub fn chart_svg(request_object: JsValue) -> Result<String, JsValue> {
    let req = Request::new(request_object, "chartSvg", fields::CHART_SVG)?;
    let kind = wire::chart_kind(&req.text("kind")?.unwrap_or_default()).map_err(plain_error)?;
    let (width, height) =
        wire::svg_size(req.number("width")?, req.number("height")?).map_err(plain_error)?;
    let options = req.options()?;
    let inputs = ChartInputs::read(&req)?;
    chart::svg(kind, &inputs.data(), &options, width, height).map_err(chart_error)
}

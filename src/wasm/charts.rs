//! The analysis charts' and downloads' bindings: the tornado and the regret map, drawn from
//! what the worker's `sensitivity()` and `regretMap()` returned, and any chart as an SVG
//! document for downloads.

use wasm_bindgen::prelude::*;

use super::{canvas_backend, chart_kind, js_error, options_of, ChartInputs};
use crate::{chart, wire};

/// Reads a tornado handed back by the page (what `sensitivity()` returned), keeping the first
/// `count` bars (all when `count` is absent or 0).
fn tornado_of(
    sensitivity: JsValue,
    count: Option<u32>,
) -> Result<(f64, Vec<crate::analysis::sensitivity::Bar>), JsValue> {
    let input: wire::SensitivityInput =
        serde_wasm_bindgen::from_value(sensitivity).map_err(|e| {
            js_error(
                &format!("the tornado is not valid: {e} (expected {{npv, bars}})"),
                &[],
            )
        })?;
    let (npv, mut bars) = input.into_bars().map_err(|e| js_error(&e, &[]))?;
    if let Some(n) = count.filter(|&n| n > 0) {
        bars.truncate(n as usize);
    }
    Ok((npv, bars))
}

/// Draws the tornado (what `sensitivity()` returned, first `count` bars) onto a canvas and
/// returns its text alternative in the options' language.
#[wasm_bindgen(js_name = renderTornado)]
pub fn render_tornado(
    sensitivity: JsValue,
    canvas: JsValue,
    options: JsValue,
    count: Option<u32>,
) -> Result<String, JsValue> {
    let options = options_of(options)?;
    let (npv_usd, bars) = tornado_of(sensitivity, count)?;
    let data = chart::TornadoData {
        npv_usd,
        bars: &bars,
    };
    let root = plotters::prelude::IntoDrawingArea::into_drawing_area(canvas_backend(canvas)?);
    chart::draw_tornado(&root, &data, &options).map_err(|e| js_error(&e.to_string(), &[]))?;
    Ok(chart::describe_tornado(&data, &options))
}

/// The tornado as an SVG document.
#[wasm_bindgen(js_name = tornadoSvg)]
pub fn tornado_svg(
    sensitivity: JsValue,
    options: JsValue,
    width: u32,
    height: u32,
    count: Option<u32>,
) -> Result<String, JsValue> {
    svg_size(width, height)?;
    let options = options_of(options)?;
    let (npv_usd, bars) = tornado_of(sensitivity, count)?;
    let data = chart::TornadoData {
        npv_usd,
        bars: &bars,
    };
    chart::tornado_svg(&data, &options, width, height).map_err(|e| js_error(&e.to_string(), &[]))
}

/// The height in CSS pixels at which a tornado of `bars` bars, `width` CSS pixels wide (640
/// when absent), reads well.
#[wasm_bindgen(js_name = tornadoHeight)]
pub fn tornado_height(bars: u32, options: JsValue, width: Option<u32>) -> Result<u32, JsValue> {
    let options = options_of(options)?;
    let width = f64::from(width.unwrap_or(640).clamp(100, 4000));
    Ok(chart::tornado_height(bars as usize, width, &options))
}

fn map_of(
    map: JsValue,
    metric: Option<String>,
) -> Result<(crate::analysis::map::RegretMap, chart::MapMetric), JsValue> {
    let metric = match metric.as_deref() {
        None => chart::MapMetric::Npv,
        Some(key) => chart::MapMetric::from_key(key).ok_or_else(|| {
            js_error(
                &format!("unknown map metric '{key}' (allowed: npv, regret)"),
                &[],
            )
        })?,
    };
    let input: wire::RegretMapInput = serde_wasm_bindgen::from_value(map).map_err(|e| {
        js_error(
            &format!("the regret map is not valid: {e} (expected what regretMap() returns)"),
            &[],
        )
    })?;
    let map = input.into_map().map_err(|e| js_error(&e, &[]))?;
    Ok((map, metric))
}

/// Draws the regret map (what `regretMap()` returned) onto a canvas, coloured by `metric`
/// ("npv", the default, or "regret"); returns its text alternative.
#[wasm_bindgen(js_name = renderRegretMap)]
pub fn render_regret_map(
    map: JsValue,
    canvas: JsValue,
    options: JsValue,
    metric: Option<String>,
) -> Result<String, JsValue> {
    let options = options_of(options)?;
    let (map, metric) = map_of(map, metric)?;
    let root = plotters::prelude::IntoDrawingArea::into_drawing_area(canvas_backend(canvas)?);
    chart::draw_regret_map(&root, &map, metric, &options)
        .map_err(|e| js_error(&e.to_string(), &[]))?;
    Ok(chart::describe_regret_map(&map, metric, &options))
}

/// The regret map as an SVG document.
#[wasm_bindgen(js_name = regretMapSvg)]
pub fn regret_map_svg(
    map: JsValue,
    options: JsValue,
    width: u32,
    height: u32,
    metric: Option<String>,
) -> Result<String, JsValue> {
    svg_size(width, height)?;
    let options = options_of(options)?;
    let (map, metric) = map_of(map, metric)?;
    chart::regret_map_svg(&map, metric, &options, width, height)
        .map_err(|e| js_error(&e.to_string(), &[]))
}

/// One chart as an SVG document (for downloads and print); `compare` and `band` as for
/// `render`.
#[wasm_bindgen(js_name = chartSvg)]
pub fn chart_svg(
    input: JsValue,
    kind: &str,
    options: JsValue,
    width: u32,
    height: u32,
    compare: JsValue,
    band: JsValue,
) -> Result<String, JsValue> {
    let kind = chart_kind(kind)?;
    svg_size(width, height)?;
    let options = options_of(options)?;
    let inputs = ChartInputs::read(input, compare, band)?;
    chart::svg(kind, &inputs.data(), &options, width, height)
        .map_err(|e| js_error(&e.to_string(), &[]))
}

/// Refuses an SVG size outside 100-4000 pixels each way.
fn svg_size(width: u32, height: u32) -> Result<(), JsValue> {
    if (100..=4000).contains(&width) && (100..=4000).contains(&height) {
        Ok(())
    } else {
        Err(js_error(
            "chart size must be 100 to 4000 pixels each way",
            &[],
        ))
    }
}

//! Charts drawn with plotters, each a function generic over the drawing backend, so the same
//! chart renders to an SVG string natively (golden tests, the CLI, downloads) and to a canvas
//! in the browser. Charts read model types only: they never see serde or the DOM.
//!
//! Publication style: currency ticks ("$1.2M"), months shown as years, a light grid, direct
//! labels instead of legends, the Okabe-Ito palette with dashes so that colour is never the
//! only cue, and sizes that scale for a phone, a retina screen or a classroom projector.

use plotters::prelude::*;

use crate::analysis::map::RegretMap;
use crate::analysis::sensitivity::Bar;
use crate::model::Outcome;
use crate::params::Params;

mod costs;
mod headcount;
mod kit;
mod quality;
mod regret_map;
mod savings;
mod text;
mod tornado;

pub use kit::{contrast_ratio, Hue, Palette};
pub use regret_map::{zero_contour, MapMetric};
pub use text::{english, TEXT_KEYS};

/// The four charts of the explainer. Wire names: "savings", "headcount", "costs", "quality".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Cumulative net savings against the baseline and against augment, with payback, peak
    /// and regret marked.
    Savings,
    /// Headcount: experienced, rookies, trainees, vacancies; the baseline team as reference.
    Headcount,
    /// Monthly costs stacked by category, with the baseline's cost as a reference line.
    Costs,
    /// Service quality (actual and perceived bad-contact share) and customers.
    Quality,
}

impl ChartKind {
    /// All charts in page order.
    pub const ALL: [ChartKind; 4] = [
        ChartKind::Savings,
        ChartKind::Headcount,
        ChartKind::Costs,
        ChartKind::Quality,
    ];

    /// The stable wire name.
    pub fn key(self) -> &'static str {
        match self {
            ChartKind::Savings => "savings",
            ChartKind::Headcount => "headcount",
            ChartKind::Costs => "costs",
            ChartKind::Quality => "quality",
        }
    }

    /// Looks a chart up by its wire name.
    pub fn from_key(key: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// Colour scheme of a chart; the page picks it from the reader's theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Dark text on white.
    #[default]
    Light,
    /// Light text on a dark background (prefers-color-scheme: dark).
    Dark,
    /// High contrast and thick lines for a classroom projector.
    Projector,
}

/// How numbers are shown: the reader's language and currency (the model computes in USD; the
/// page may show IDR or EUR at a rate the reader can see and edit). Every chart number is
/// written by [`crate::present::NumberStyle`].
pub type MoneyFormat = crate::present::NumberStyle;

/// Every word a chart shows, by key, with English defaults; the page passes translations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartText {
    overrides: Vec<(String, String)>,
}

impl ChartText {
    /// Text with the given translations; missing keys fall back to English.
    pub fn new(overrides: Vec<(String, String)>) -> Self {
        ChartText { overrides }
    }

    /// The text for `key`, translated where a translation was given.
    pub fn get<'a>(&'a self, key: &str, english: &'a str) -> &'a str {
        // A linear search: a chart looks up a few dozen of about two hundred keys, and a
        // tree or hash map would cost the browser build more bytes than it saves time.
        self.overrides
            .iter()
            .find(|(k, _)| k == key)
            .map_or(english, |(_, v)| v.as_str())
    }
}

/// Everything about how a chart looks, apart from its data.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOptions {
    /// Multiplies every font size and line width: the device pixel ratio times a size factor
    /// (larger for presentation mode).
    pub scale: f64,
    /// Colour scheme.
    pub theme: Theme,
    /// Translated words.
    pub text: ChartText,
    /// How numbers are written (language, currency, rate).
    pub money: MoneyFormat,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            scale: 1.0,
            theme: Theme::Light,
            text: ChartText::default(),
            money: crate::present::NumberStyle::english(),
        }
    }
}

/// What a chart draws: the current run and, optionally, a pinned run to compare against.
#[derive(Debug, Clone, Copy)]
pub struct ChartData<'a> {
    /// The current scenario's outcome.
    pub outcome: &'a Outcome,
    /// The parameters it ran with.
    pub params: &'a Params,
    /// A pinned scenario (A) drawn faintly behind the current one (B).
    pub compare: Option<&'a Outcome>,
    /// Monte Carlo percentiles of the current scenario, drawn as a fan behind the savings
    /// lines (the other charts ignore it).
    pub band: Option<&'a Band>,
    /// The dated record of the scenario's preset (`record::for_preset`): its like-for-like
    /// figures are drawn on the headcount chart as marked points (empty for other presets).
    pub record: &'a [crate::record::RecordRow],
    /// Whether the savings chart tells the "AI helps agents" path against keeping everyone
    /// (`crate::present::policy::tells_augment_story`), as the page's prose does.
    pub augment_story: bool,
}

/// The spread of plausible outcomes for the savings chart's fan: per month, P10, P25, P50,
/// P75 and P90 of the cumulative difference against keeping everyone.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// One row per month (month 1 first), each `[p10, p25, p50, p75, p90]` in USD.
    pub cumulative_delta_usd: Vec<[f64; 5]>,
    /// How many draws the percentiles come from.
    pub draws: usize,
    /// True while the band belongs to an earlier state and the current one is being worked
    /// out: it is drawn fainter and its label says so.
    pub faded: bool,
}

/// A chart that could not be drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "chart: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

/// plotters' SVG backend writes `font-size` as the size divided by 1.24 and the canvas does
/// not; SVG output multiplies sizes by this so that both show text at the same size.
const SVG_TEXT_FACTOR: f64 = 1.24;

/// Draws one chart onto any plotters drawing area.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    kind: ChartKind,
    data: &ChartData<'_>,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    draw_with_text_factor(root, kind, data, options, 1.0)
}

fn draw_with_text_factor<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    kind: ChartKind,
    data: &ChartData<'_>,
    options: &ChartOptions,
    text_factor: f64,
) -> Result<(), ChartError> {
    let shapes = display_list(kind, data, options, root.dim_in_pixel(), text_factor)?;
    kit::replay(root, &shapes)
}

/// Records one chart as a display list; the only chart code, compiled once for every backend.
fn display_list(
    kind: ChartKind,
    data: &ChartData<'_>,
    options: &ChartOptions,
    size_px: (u32, u32),
    text_factor: f64,
) -> Result<Vec<kit::Shape>, ChartError> {
    check(data)?;
    let canvas = kit::Canvas::new(size_px, options, text_factor)?;
    match kind {
        ChartKind::Savings => savings::draw(&canvas, data, options)?,
        ChartKind::Headcount => headcount::draw(&canvas, data, options)?,
        ChartKind::Costs => costs::draw(&canvas, data, options)?,
        ChartKind::Quality => quality::draw(&canvas, data, options)?,
    }
    Ok(canvas.into_shapes())
}

/// A short text alternative of a chart for screen readers: one or two sentences with the key
/// numbers, in the reader's language (templates from [`TEXT_KEYS`]). Empty for an outcome
/// that [`draw`] would refuse.
pub fn describe(kind: ChartKind, data: &ChartData<'_>, options: &ChartOptions) -> String {
    if check(data).is_err() {
        return String::new();
    }
    match kind {
        ChartKind::Savings => savings::describe(data, options),
        ChartKind::Headcount => headcount::describe(data, options),
        ChartKind::Costs => costs::describe(data, options),
        ChartKind::Quality => quality::describe(data, options),
    }
}

impl ChartData<'_> {
    /// Checks what every chart reads (see [`draw`]'s refusals) without drawing: the page's
    /// bindings refuse a bad band even when no chart that shows it is asked for.
    pub fn check(&self) -> Result<(), ChartError> {
        check(self)
    }
}

/// Checks that the outcomes a chart reads (the current one and any pinned one) have every
/// series one entry per month and finite running totals.
fn check(data: &ChartData<'_>) -> Result<(), ChartError> {
    check_outcome(data.outcome)?;
    if let Some(pinned) = data.compare {
        check_outcome(pinned).map_err(|e| ChartError(format!("the pinned scenario: {}", e.0)))?;
    }
    if let Some(band) = data.band {
        check_band(band, data.outcome.cumulative_delta_usd.len())?;
    }
    Ok(())
}

/// A band must have one row per month of the outcome, finite values and percentiles in
/// order; anything else would draw a fan that belongs to another scenario.
fn check_band(band: &Band, months: usize) -> Result<(), ChartError> {
    let rows = band.cumulative_delta_usd.len();
    if rows != months {
        return Err(ChartError(format!(
            "the uncertainty band has {rows} months but the outcome has {months}"
        )));
    }
    for (i, row) in band.cumulative_delta_usd.iter().enumerate() {
        if !row.iter().all(|v| v.is_finite()) {
            return Err(ChartError(format!(
                "the uncertainty band has a value that is not finite in month {}",
                i + 1
            )));
        }
        if row.windows(2).any(|w| w[0] > w[1]) {
            return Err(ChartError(format!(
                "the uncertainty band's percentiles are out of order in month {}",
                i + 1
            )));
        }
    }
    Ok(())
}

fn check_outcome(outcome: &Outcome) -> Result<(), ChartError> {
    let months = outcome.scenario.len();
    if months == 0 {
        return Err(ChartError("the outcome has no months".to_owned()));
    }
    let lengths = [
        outcome.baseline.len(),
        outcome.augment.len(),
        outcome.cumulative_delta_usd.len(),
        outcome.cumulative_delta_vs_augment_usd.len(),
    ];
    if lengths.iter().any(|&n| n != months) {
        return Err(ChartError(format!(
            "the outcome's series differ in length (expected {months} months each)"
        )));
    }
    let finite = outcome
        .cumulative_delta_usd
        .iter()
        .chain(&outcome.cumulative_delta_vs_augment_usd)
        .all(|v| v.is_finite());
    if !finite {
        return Err(ChartError(
            "the outcome has a value that is not finite".to_owned(),
        ));
    }
    Ok(())
}

/// The tornado: what the NPV becomes with each estimate at its plausible low and high end,
/// the others held, for the scenario whose own NPV is `npv_usd`. Bars are drawn in the order
/// given (the analysis ranks them by swing); pass the first few to show only those.
#[derive(Debug, Clone, Copy)]
pub struct TornadoData<'a> {
    /// The scenario's own NPV (USD): the centre line.
    pub npv_usd: f64,
    /// The bars, top first.
    pub bars: &'a [Bar],
}

/// Draws the tornado onto any plotters drawing area.
pub fn draw_tornado<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    data: &TornadoData<'_>,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let shapes = tornado_list(data, options, root.dim_in_pixel(), 1.0)?;
    kit::replay(root, &shapes)
}

fn tornado_list(
    data: &TornadoData<'_>,
    options: &ChartOptions,
    size_px: (u32, u32),
    text_factor: f64,
) -> Result<Vec<kit::Shape>, ChartError> {
    tornado::check(data)?;
    let canvas = kit::Canvas::new(size_px, options, text_factor)?;
    tornado::draw(&canvas, data, options)?;
    Ok(canvas.into_shapes())
}

/// The tornado as an SVG document.
pub fn tornado_svg(
    data: &TornadoData<'_>,
    options: &ChartOptions,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let shapes = tornado_list(data, options, (width, height), SVG_TEXT_FACTOR)?;
    svg_of(&shapes, width, height)
}

/// The tornado's text alternative.
pub fn describe_tornado(data: &TornadoData<'_>, options: &ChartOptions) -> String {
    if tornado::check(data).is_err() {
        return String::new();
    }
    tornado::describe(data, options)
}

/// The height in logical pixels at which a tornado of `bars` bars, `width` logical pixels
/// wide, reads well; the page sizes its canvas with it.
pub fn tornado_height(bars: usize, width: f64, options: &ChartOptions) -> u32 {
    tornado::natural_height(bars, width, options)
}

/// Draws the regret map (NPV or regret month over two parameters) onto any drawing area.
pub fn draw_regret_map<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    map: &RegretMap,
    metric: MapMetric,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let shapes = regret_map_list(map, metric, options, root.dim_in_pixel(), 1.0)?;
    kit::replay(root, &shapes)
}

fn regret_map_list(
    map: &RegretMap,
    metric: MapMetric,
    options: &ChartOptions,
    size_px: (u32, u32),
    text_factor: f64,
) -> Result<Vec<kit::Shape>, ChartError> {
    regret_map::check(map)?;
    let canvas = kit::Canvas::new(size_px, options, text_factor)?;
    regret_map::draw(&canvas, map, metric, options)?;
    Ok(canvas.into_shapes())
}

/// The regret map as an SVG document.
pub fn regret_map_svg(
    map: &RegretMap,
    metric: MapMetric,
    options: &ChartOptions,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let shapes = regret_map_list(map, metric, options, (width, height), SVG_TEXT_FACTOR)?;
    svg_of(&shapes, width, height)
}

/// The regret map's text alternative.
pub fn describe_regret_map(map: &RegretMap, metric: MapMetric, options: &ChartOptions) -> String {
    if regret_map::check(map).is_err() {
        return String::new();
    }
    regret_map::describe(map, metric, options)
}

fn svg_of(shapes: &[kit::Shape], width: u32, height: u32) -> Result<String, ChartError> {
    Ok(kit::svg_document(shapes, width, height))
}

/// Renders one chart to an SVG document of the given size in pixels.
pub fn svg(
    kind: ChartKind,
    data: &ChartData<'_>,
    options: &ChartOptions,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let shapes = display_list(kind, data, options, (width, height), SVG_TEXT_FACTOR)?;
    svg_of(&shapes, width, height)
}

#[cfg(test)]
mod svg_tests {
    use super::*;

    /// The kit's own SVG writer says exactly what plotters' SVG backend says for the same
    /// display list, so the browser can drop the backend without any download changing.
    #[test]
    fn the_svg_writer_matches_plotters_svg_backend_byte_for_byte() {
        for name in ["typical", "klarna-like", "augment", "status-quo"] {
            let params = crate::presets::preset(name).unwrap().params();
            let outcome = crate::model::run(&params);
            let data = ChartData {
                outcome: &outcome,
                params: &params,
                compare: Some(&outcome),
                band: None,
                record: crate::record::for_preset(name),
                augment_story: name == "augment",
            };
            for theme in [Theme::Light, Theme::Dark] {
                let options = ChartOptions {
                    theme,
                    ..ChartOptions::default()
                };
                for kind in [
                    ChartKind::Savings,
                    ChartKind::Headcount,
                    ChartKind::Costs,
                    ChartKind::Quality,
                ] {
                    let (width, height) = (800, 420);
                    let shapes =
                        display_list(kind, &data, &options, (width, height), SVG_TEXT_FACTOR)
                            .unwrap();
                    let mut expected = String::new();
                    {
                        let root = SVGBackend::with_string(&mut expected, (width, height))
                            .into_drawing_area();
                        kit::replay(&root, &shapes).unwrap();
                    }
                    assert_eq!(
                        kit::svg_document(&shapes, width, height),
                        expected,
                        "{name} {kind:?}"
                    );
                }
            }
        }
    }
}

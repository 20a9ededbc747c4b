//! Charts drawn with plotters, each a function generic over the drawing backend, so the same
//! chart renders to an SVG string natively (golden tests, the CLI, downloads) and to a canvas
//! in the browser. Charts read model types only: they never see serde or the DOM.
//!
//! Publication style: currency ticks ("$1.2M"), months shown as years, a light grid, direct
//! labels instead of legends, the Okabe-Ito palette with dashes so that colour is never the
//! only cue, and sizes that scale for a phone, a retina screen or a classroom projector.

use plotters::prelude::*;

use crate::model::Outcome;
use crate::params::Params;

mod costs;
mod frame;
mod headcount;
mod quality;
mod savings;
mod style;
mod text;

pub use style::{contrast_ratio, Hue, Palette};
pub use text::TEXT_KEYS;

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

/// How money is shown: the model computes in USD; the page may show IDR or EUR at a rate the
/// reader can see and edit, with the language's separators and magnitude words.
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyFormat {
    /// Display units per US dollar (1 for USD).
    pub rate_per_usd: f64,
    /// Text before the number ("$", "Rp", "€").
    pub prefix: String,
    /// Text after the number (e.g. " €" in some locales); usually empty.
    pub suffix: String,
    /// Decimal separator ("." in English, "," in Indonesian).
    pub decimal: char,
    /// Magnitude words for thousand, million, billion ("k", "M", "B"; "rb", "jt", "M").
    pub magnitudes: [String; 3],
}

impl Default for MoneyFormat {
    fn default() -> Self {
        MoneyFormat {
            rate_per_usd: 1.0,
            prefix: "$".to_owned(),
            suffix: String::new(),
            decimal: '.',
            magnitudes: ["k".to_owned(), "M".to_owned(), "B".to_owned()],
        }
    }
}

/// Every word a chart shows, by key, with English defaults; the page passes translations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartText {
    overrides: std::collections::BTreeMap<String, String>,
}

impl ChartText {
    /// Text with the given translations; missing keys fall back to English.
    pub fn new(overrides: std::collections::BTreeMap<String, String>) -> Self {
        ChartText { overrides }
    }

    /// The text for `key`, translated where a translation was given.
    pub fn get<'a>(&'a self, key: &str, english: &'a str) -> &'a str {
        self.overrides.get(key).map_or(english, String::as_str)
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
    /// Money display.
    pub money: MoneyFormat,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            scale: 1.0,
            theme: Theme::Light,
            text: ChartText::default(),
            money: MoneyFormat::default(),
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
    frame::replay(root, &shapes)
}

/// Records one chart as a display list; the only chart code, compiled once for every backend.
fn display_list(
    kind: ChartKind,
    data: &ChartData<'_>,
    options: &ChartOptions,
    size_px: (u32, u32),
    text_factor: f64,
) -> Result<Vec<frame::Shape>, ChartError> {
    check(data)?;
    let canvas = frame::Canvas::new(size_px, options, text_factor)?;
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

/// Checks that the outcomes a chart reads (the current one and any pinned one) have every
/// series one entry per month and finite running totals.
fn check(data: &ChartData<'_>) -> Result<(), ChartError> {
    check_outcome(data.outcome)?;
    if let Some(pinned) = data.compare {
        check_outcome(pinned).map_err(|e| ChartError(format!("the pinned scenario: {}", e.0)))?;
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

/// Renders one chart to an SVG document of the given size in pixels.
pub fn svg(
    kind: ChartKind,
    data: &ChartData<'_>,
    options: &ChartOptions,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw_with_text_factor(&root, kind, data, options, SVG_TEXT_FACTOR)?;
    }
    Ok(out)
}

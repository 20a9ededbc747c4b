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

fn backend_error<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError(format!("{e:?}"))
}

/// Draws one chart onto any plotters drawing area.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    kind: ChartKind,
    data: &ChartData<'_>,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    // Interim single-line drawing while the full charts are written.
    let _ = (kind, options);
    root.fill(&WHITE).map_err(backend_error)?;
    let ys = &data.outcome.cumulative_delta_usd;
    let (lo, hi) = ys
        .iter()
        .fold((0.0f64, 0.0f64), |(lo, hi), &y| (lo.min(y), hi.max(y)));
    let mut chart = ChartBuilder::on(root)
        .margin(10)
        .x_label_area_size(30)
        .y_label_area_size(60)
        .build_cartesian_2d(1f64..ys.len() as f64, lo..hi.max(lo + 1.0))
        .map_err(backend_error)?;
    chart.configure_mesh().draw().map_err(backend_error)?;
    chart
        .draw_series(LineSeries::new(
            ys.iter().enumerate().map(|(i, &y)| ((i + 1) as f64, y)),
            &BLUE,
        ))
        .map_err(backend_error)?;
    root.present().map_err(backend_error)?;
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
        draw(&root, kind, data, options)?;
    }
    Ok(out)
}

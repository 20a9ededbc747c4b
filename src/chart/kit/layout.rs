//! Layout of a chart over months: the rows (title, plot, month axis), the value axis's width
//! at the left, the gutter for direct labels at the right, and the panes between them.

use plotters::style::RGBColor;

use super::axis::month_axis_height;
use super::canvas::Canvas;
use super::label::{draw_end_labels, widest, wrap, EndLabel};
use super::scale::{Pane, Ticks};
use super::theme::{text_width_px, Look};
use crate::chart::text;
use crate::chart::{ChartError, ChartOptions};

/// Width of the right-hand gutter for direct labels: the widest label wrapped to at most
/// `max_px`, plus the gap from the plot.
pub fn gutter_width(look: &Look, labels: &[&str], max_px: f64) -> f64 {
    let gap = look.px(8.0);
    let text = labels
        .iter()
        .flat_map(|w| wrap(w, look.label_font_px, max_px - gap))
        .map(|line| text_width_px(&line, look.label_font_px))
        .fold(0.0, f64::max);
    if text == 0.0 {
        look.px(8.0)
    } else {
        text + gap + look.px(2.0)
    }
}

/// The rows of a chart over months, device pixels: the title's centre line, and the top and
/// bottom of the plot (the month axis's labels go under the bottom).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rows {
    /// Centre line of the axis title.
    pub title_y: f64,
    /// Top of the plot.
    pub top: f64,
    /// Bottom of the plot.
    pub bottom: f64,
}

impl Rows {
    /// Rows with `title_lines` lines of title (and key) above the plot.
    pub fn over_months(canvas: &Canvas, title_lines: f64) -> Rows {
        let look = canvas.look;
        Rows {
            title_y: look.px(4.0) + look.label_line_px() / 2.0,
            top: look.px(8.0) + look.label_line_px() * title_lines,
            bottom: canvas.height_px - month_axis_height(&look),
        }
    }
}

/// A value axis: its ticks and the words under them.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueAxis {
    /// The ticks and the range they show.
    pub ticks: Ticks,
    /// One label per tick.
    pub labels: Vec<String>,
}

impl ValueAxis {
    /// Money ticks in display units (USD times the reader's rate), labelled in the reader's
    /// currency.
    pub fn money(ticks: Ticks, options: &ChartOptions) -> ValueAxis {
        let rate = options.money.rate_per_usd;
        let labels = ticks
            .values
            .iter()
            .map(|&v| text::money(v / rate, Some(ticks.step / rate), &options.money))
            .collect();
        ValueAxis { ticks, labels }
    }

    /// Ticks of people or contacts.
    pub fn count(ticks: Ticks, options: &ChartOptions) -> ValueAxis {
        let labels = text::count_ticks(&ticks.values, ticks.step, &options.money);
        ValueAxis { ticks, labels }
    }

    /// Room the tick labels take left of the plot, device pixels.
    pub fn width(&self, look: &Look) -> f64 {
        widest(&self.labels, look.tick_font_px) + look.px(10.0)
    }
}

/// The right-hand gutter where lines are labelled directly, at most about a quarter of the
/// chart's width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gutter {
    /// The widest the gutter may be, device pixels.
    pub max_px: f64,
    /// Its width for the labels it holds, device pixels.
    pub width_px: f64,
}

impl Gutter {
    /// A gutter wide enough for `words`, each wrapped to at most two lines.
    pub fn new(canvas: &Canvas, words: &[&str]) -> Gutter {
        let max_px = canvas.width_px * 0.26;
        Gutter {
            max_px,
            width_px: gutter_width(&canvas.look, words, max_px),
        }
    }

    /// How wide one label may be, device pixels.
    pub fn label_width(&self, look: &Look) -> f64 {
        self.max_px - look.px(8.0)
    }
}

/// A pane over months `0..months` between the given edges, showing the ticks' range.
pub fn month_pane(edges: (f64, f64, f64, f64), months: usize, ticks: &Ticks) -> Pane {
    let (left, top, right, bottom) = edges;
    Pane {
        left,
        top,
        right,
        bottom,
        x_min: 0.0,
        x_max: months as f64,
        y_min: ticks.min,
        y_max: ticks.max,
    }
}

/// The pane over months `0..months` between the value axis at the left and the gutter at the
/// right, in the plot's rows.
pub fn plot_pane(
    canvas: &Canvas,
    rows: &Rows,
    (axis, gutter): (&ValueAxis, &Gutter),
    months: usize,
) -> Pane {
    let left = axis.width(&canvas.look);
    let right = canvas.width_px - gutter.width_px;
    month_pane((left, rows.top, right, rows.bottom), months, &axis.ticks)
}

/// The direct labels of one pane, gathered while its lines are drawn and set in the gutter
/// together, so that they give way to each other.
pub struct EndLabels<'a> {
    canvas: &'a Canvas,
    pane: Pane,
    width_px: f64,
    labels: Vec<EndLabel>,
}

impl<'a> EndLabels<'a> {
    /// No labels yet for `pane`, with the gutter's label width.
    pub fn new(canvas: &'a Canvas, pane: &Pane, gutter: &Gutter) -> EndLabels<'a> {
        EndLabels {
            canvas,
            pane: *pane,
            width_px: gutter.label_width(&canvas.look),
            labels: Vec::new(),
        }
    }

    /// A label for `words` that would like to sit at row `y`.
    pub fn add(&mut self, words: &str, y: f64, color: RGBColor) {
        let label = EndLabel::new(&self.canvas.look, words, y, self.width_px, color);
        self.labels.push(label);
    }

    /// The label of a line that ends at `(month, value)`: in the gutter when the line reaches
    /// the pane's right edge, otherwise (a pinned run with a shorter horizon) at once, right of
    /// where the line stops.
    pub fn add_line_end(
        &mut self,
        words: &str,
        (month, value): (f64, f64),
        color: RGBColor,
    ) -> Result<(), ChartError> {
        let pane = self.pane;
        if month >= pane.x_max {
            self.add(words, pane.y(value), color);
            return Ok(());
        }
        let look = &self.canvas.look;
        let at = (pane.x(month) + look.px(4.0), pane.y(value));
        let font = look.label_font_px;
        self.canvas.label(
            words,
            at,
            font,
            color,
            plotters::style::text_anchor::HPos::Left,
            &pane,
        )
    }

    /// Draws the labels in the gutter, moved apart so that none overlap.
    pub fn draw(mut self) -> Result<(), ChartError> {
        let x = self.pane.right + self.canvas.look.px(8.0);
        let (top, bottom) = (self.pane.top, self.pane.bottom);
        draw_end_labels(self.canvas, &mut self.labels, x, top, bottom)
    }
}

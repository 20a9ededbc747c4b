//! Marks several charts share: the cut and the rehire as thin vertical markers with labels
//! that give way to the data, reported figures as diamonds with their key, the pinned run's
//! dotted line, and stacked areas with their outlines and separators.

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, RGBColor};

use super::canvas::{Canvas, Point, Stroke};
use super::scale::Pane;
use super::theme::text_width_px;
use crate::chart::text;
use crate::chart::{ChartData, ChartError, ChartOptions};

/// The months of the cut and of the rehire (when they happen inside the horizon), with
/// their labels: thin vertical markers on the charts with a timeline.
pub fn event_markers<'a>(
    data: &ChartData<'_>,
    options: &'a ChartOptions,
    months: usize,
) -> Vec<(f64, &'a str)> {
    let summary = &data.outcome.summary;
    let horizon = months as f64;
    let mut markers = Vec::new();
    let cut_month = data.params.layoff_month + 1.0;
    if summary.laid_off > 0.0 && cut_month <= horizon {
        markers.push((cut_month, text::word(&options.text, "chart.cut")));
    }
    if let Some(m) = summary.rehire_start_month.map(f64::from) {
        if m <= horizon {
            markers.push((m, text::word(&options.text, "chart.rehire")));
        }
    }
    markers
}

/// The vertical lines of the markers, drawn behind the data.
pub fn draw_marker_lines(
    canvas: &Canvas,
    pane: &Pane,
    markers: &[(f64, &str)],
) -> Result<(), ChartError> {
    for &(month, _) in markers {
        canvas.vrule(
            pane.x(month),
            pane.top,
            pane.bottom,
            canvas.look.hairline_px,
            canvas.look.palette.axis,
        )?;
    }
    Ok(())
}

/// The short labels of the markers near the top of the pane, drawn after the data labels so
/// that they give way: right of the line, else left, else a line lower, else at the bottom.
pub fn draw_marker_labels(
    canvas: &Canvas,
    pane: &Pane,
    markers: &[(f64, &str)],
    avoid: &[&[Point]],
) -> Result<(), ChartError> {
    let look = &canvas.look;
    let font = look.tick_font_px;
    for &(month, words) in markers {
        let x = pane.x(month);
        let row = |k: f64| pane.top + font * (0.7 + 1.3 * k);
        let (right, left) = (x + look.px(4.0), x - look.px(4.0));
        let floor = pane.bottom - font * 0.7;
        let candidates = [
            ((right, row(0.0)), HPos::Left),
            ((left, row(0.0)), HPos::Right),
            ((right, row(1.0)), HPos::Left),
            ((left, row(1.0)), HPos::Right),
            ((right, floor), HPos::Left),
            ((left, floor), HPos::Right),
            ((right, row(2.0)), HPos::Left),
        ];
        canvas.label_somewhere(words, &candidates, font, look.palette.muted, pane, avoid)?;
    }
    Ok(())
}

/// Reported figures as diamonds (`(month, value, colour)`), a shape no line uses, outlined in
/// the background colour so they stand off bands and lines, and a key naming them ("reported")
/// at the top right of the pane. Nothing is drawn for no points.
pub fn draw_reported(
    canvas: &Canvas,
    pane: &Pane,
    points: &[(u32, f64, RGBColor)],
    words: &str,
) -> Result<(), ChartError> {
    if points.is_empty() {
        return Ok(());
    }
    let look = canvas.look;
    let palette = look.palette;
    let radius = look.px(5.0);
    let diamond = |(x, y): Point, r: f64| vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)];
    for &(month, value, ink) in points {
        let at = (pane.x(f64::from(month)), pane.y(value));
        canvas.polygon(
            &diamond(at, radius + look.px(1.5)),
            palette.background.to_rgba(),
        )?;
        canvas.polygon(&diamond(at, radius), ink.to_rgba())?;
    }
    // The key sits on the pane's title line, at the right, clear of the data.
    let key_y = super::axis::pane_title_y(&look, pane);
    let text_x = pane.right - look.px(4.0);
    let width = text_width_px(words, look.label_font_px);
    canvas.polygon(
        &diamond((text_x - width - look.px(8.0), key_y), radius * 0.8),
        palette.text.to_rgba(),
    )?;
    canvas.text(
        words,
        (text_x, key_y),
        look.label_font_px,
        palette.text,
        (HPos::Right, VPos::Center),
    )
}

/// The pinned scenario "A": a dotted line behind the current one, as wide as the main line
/// and in the strong grey of its words, so that A reads as well as the current run (the dots
/// and the grey, not faintness, tell the two apart).
pub fn draw_compare_line(canvas: &Canvas, points: &[Point]) -> Result<(), ChartError> {
    let look = &canvas.look;
    let color = look.palette.pinned().line.to_rgba();
    canvas.line(points, color, look.main_line_px, Stroke::Dotted)
}

/// The outline of the area between two lines: along `upper`, then back along `lower`.
pub fn area_between(upper: Vec<Point>, lower: Vec<Point>) -> Vec<Point> {
    let mut points = upper;
    points.extend(lower.into_iter().rev());
    points
}

/// Layers stacked from zero, each on top of the ones below: per layer its lower and upper
/// edge, one value per column.
pub fn stack(layers: impl IntoIterator<Item = Vec<f64>>, columns: usize) -> Vec<[Vec<f64>; 2]> {
    let mut lower = vec![0.0; columns];
    let mut out = Vec::new();
    for values in layers {
        let upper: Vec<f64> = lower.iter().zip(&values).map(|(l, v)| l + v).collect();
        out.push([std::mem::replace(&mut lower, upper.clone()), upper]);
    }
    out
}

/// Stacked layers as filled areas in `fills`, then thin separators in the background colour
/// along the top of every layer but the highest, so that neighbours stay apart. `points` turns
/// a value series into a line on the pane (stepped or not). An empty layer draws nothing.
pub fn draw_stack(
    canvas: &Canvas,
    layers: &[[Vec<f64>; 2]],
    fills: &[RGBColor],
    points: impl Fn(&[f64]) -> Vec<Point>,
) -> Result<(), ChartError> {
    for ([lower, upper], fill) in layers.iter().zip(fills) {
        if upper.iter().zip(lower).any(|(u, l)| u > l) {
            let outline = area_between(points(upper), points(lower));
            canvas.polygon(&outline, fill.to_rgba())?;
        }
    }
    let look = &canvas.look;
    let separator = look.palette.background.to_rgba();
    for [_, upper] in &layers[..layers.len().saturating_sub(1)] {
        canvas.line(&points(upper), separator, look.hairline_px, Stroke::Solid)?;
    }
    Ok(())
}

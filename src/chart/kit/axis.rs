//! Axes: gridlines and tick labels of a value axis, the zero line, the month axis counted in
//! months as the prose counts them, and axis titles.

use plotters::style::text_anchor::{HPos, VPos};

use super::canvas::Canvas;
use super::scale::{Pane, Ticks};
use super::theme::{text_width_px, Look};
use crate::chart::text;
use crate::chart::{ChartError, ChartOptions, ChartText};

/// Gridlines and right-aligned tick labels of a value axis, drawn left of the pane.
pub fn draw_value_axis(
    canvas: &Canvas,
    pane: &Pane,
    ticks: &Ticks,
    labels: &[String],
) -> Result<(), ChartError> {
    let look = &canvas.look;
    for (value, label) in ticks.values.iter().zip(labels) {
        let y = pane.y(*value);
        canvas.hrule(
            pane.left,
            pane.right,
            y,
            look.hairline_px,
            look.palette.grid,
        )?;
        canvas.text(
            label,
            (pane.left - look.px(6.0), y),
            look.tick_font_px,
            look.palette.muted,
            (HPos::Right, VPos::Center),
        )?;
    }
    Ok(())
}

/// A strong horizontal line at zero, when zero is inside the pane.
pub fn draw_zero_line(canvas: &Canvas, pane: &Pane) -> Result<(), ChartError> {
    if pane.y_min <= 0.0 && pane.y_max >= 0.0 {
        canvas.hrule(
            pane.left,
            pane.right,
            pane.y(0.0),
            canvas.look.hairline_px.max(canvas.look.px(1.25)),
            canvas.look.palette.axis,
        )?;
    }
    Ok(())
}

/// The month ticks of the x axis, counted in months as the prose counts them: a tick every 6
/// months over two years or less, every 12 beyond, each labelled "month 12" where the labels
/// fit, else every second, third... tick (an unlabelled tick has empty words). Month 0 has no
/// label: the prose's first month is month 1, and the axis starts at the pane's edge anyway.
pub fn month_ticks(
    look: &Look,
    pane: &Pane,
    text: &ChartText,
    style: &crate::present::NumberStyle,
) -> Vec<(f64, String)> {
    let horizon = (pane.x_max - pane.x_min).max(1.0);
    let width = pane.right - pane.left;
    let step = if horizon <= 24.0 { 6.0 } else { 12.0 };
    let widest_label = text_width_px(
        &text::month_tick(pane.x_max.floor(), text, style),
        look.tick_font_px,
    );
    let spacing = widest_label + look.px(10.0);
    let every = (1..=20)
        .find(|&k| f64::from(k) * step / horizon * width >= spacing)
        .unwrap_or(20);
    let mut ticks = Vec::new();
    let mut n = 0;
    while f64::from(n) * step <= pane.x_max + 1e-9 {
        let month = f64::from(n) * step;
        let labelled = n > 0 && n % every == 0;
        let words = if labelled {
            text::month_tick(month, text, style)
        } else {
            String::new()
        };
        ticks.push((month, words));
        n += 1;
    }
    ticks
}

/// The x axis under a pane: a baseline rule, tick marks and month labels.
pub fn draw_month_axis(
    canvas: &Canvas,
    pane: &Pane,
    ticks: &[(f64, String)],
) -> Result<(), ChartError> {
    let look = &canvas.look;
    canvas.hrule(
        pane.left,
        pane.right,
        pane.bottom,
        look.hairline_px,
        look.palette.axis,
    )?;
    draw_x_ticks(canvas, pane, ticks)
}

/// Tick marks under a pane, each with its label (if any) centred below it.
pub fn draw_x_ticks(
    canvas: &Canvas,
    pane: &Pane,
    ticks: &[(f64, String)],
) -> Result<(), ChartError> {
    let look = &canvas.look;
    for (value, label) in ticks {
        let x = pane.x(*value);
        canvas.vrule(
            x,
            pane.bottom,
            pane.bottom + look.px(4.0),
            look.hairline_px,
            look.palette.axis,
        )?;
        if label.is_empty() {
            continue;
        }
        canvas.text(
            label,
            (x, pane.bottom + look.px(6.0)),
            look.tick_font_px,
            look.palette.muted,
            (HPos::Center, VPos::Top),
        )?;
    }
    Ok(())
}

/// Space under a pane for the month labels, device pixels.
pub fn month_axis_height(look: &Look) -> f64 {
    look.px(8.0) + look.tick_font_px * 1.2
}

/// The axis title above a pane, left-aligned with the tick labels.
pub fn draw_axis_title(canvas: &Canvas, words: &str, x: f64, y: f64) -> Result<(), ChartError> {
    canvas.text(
        words,
        (x, y),
        canvas.look.label_font_px,
        canvas.look.palette.muted,
        (HPos::Left, VPos::Center),
    )
}

/// The month axis under `pane`, labelled in months in the reader's language.
pub fn draw_months(canvas: &Canvas, pane: &Pane, options: &ChartOptions) -> Result<(), ChartError> {
    let ticks = month_ticks(&canvas.look, pane, &options.text, &options.money);
    draw_month_axis(canvas, pane, &ticks)
}

/// The axis title at the top left and the value axis of a one-pane chart.
pub fn draw_value_frame(
    canvas: &Canvas,
    pane: &Pane,
    axis: &super::layout::ValueAxis,
    (title, title_y): (&str, f64),
) -> Result<(), ChartError> {
    draw_axis_title(canvas, title, canvas.look.px(2.0), title_y)?;
    draw_value_axis(canvas, pane, &axis.ticks, &axis.labels)
}

/// The title of a pane below the first, on the row above it (where the reported figures'
/// key also sits).
pub fn draw_pane_title(canvas: &Canvas, pane: &Pane, words: &str) -> Result<(), ChartError> {
    let look = &canvas.look;
    draw_axis_title(canvas, words, look.px(2.0), pane_title_y(look, pane))
}

/// The centre line of the row above a pane, for its title and keys.
pub fn pane_title_y(look: &Look, pane: &Pane) -> f64 {
    pane.top - look.px(6.0) - look.label_line_px() / 2.0
}

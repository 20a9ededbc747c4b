//! The tornado chart: one row per estimate, a bar from the NPV with the estimate at its
//! plausible low end to the NPV at its high end (the others held), ranked by swing as the
//! analysis gives them, the scenario's own NPV as a centre line, the estimate's low and high
//! values at the bar ends, and, in a column on the right, the value at which the cut breaks
//! even (the switching value) where one exists inside the parameter's range.
//!
//! A bar is coloured as the regret map colours the same money: where the NPV is below zero
//! in the loss hue, above it in the gain hue (`Palette::loss`, `Palette::gain`), with the
//! map's words in the legend; every bar end carries its estimate's value in words, so colour
//! is never the only cue and the low and high ends stay readable.

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, RGBColor};

use super::kit::{self, Canvas, Pane, Ticks};
use super::kit::{text_width_px, Look};
use super::text::{self, word};
use super::{ChartError, ChartOptions, TornadoData};
use crate::analysis::sensitivity::Bar;

/// Height of one bar's row, logical pixels: two lines of label and a little air.
const ROW_PX: f64 = 36.0;

/// Below this width (logical pixels) each label sits on its own line above its bar, so that
/// the bars get the whole width of a phone.
const STACKED_BELOW_PX: f64 = 480.0;

/// Height of one row when labels sit above the bars, logical pixels.
const STACKED_ROW_PX: f64 = 40.0;

/// Checks that every number the tornado draws is finite.
pub fn check(data: &TornadoData<'_>) -> Result<(), ChartError> {
    if !data.npv_usd.is_finite() {
        return Err(ChartError(
            "the tornado's net present value is not finite".to_owned(),
        ));
    }
    for bar in data.bars {
        let values = [
            bar.low_value,
            bar.high_value,
            bar.npv_at_low_usd,
            bar.npv_at_high_usd,
        ];
        if !values.iter().all(|v| v.is_finite())
            || bar.switching_value.is_some_and(|v| !v.is_finite())
        {
            return Err(ChartError(format!(
                "the tornado bar for {} has a value that is not finite",
                bar.spec.key
            )));
        }
    }
    Ok(())
}

/// The layout of the rows above the bars: the title lines and the legend rows, with the
/// switching column's header.
struct Header {
    title_lines: Vec<String>,
    /// Legend items: swatch kind and words, with their row and left edge.
    items: Vec<(Swatch, String, usize, f64)>,
    rows: usize,
}

#[derive(Clone, Copy)]
enum Swatch {
    Loss,
    Gain,
    Centre,
}

fn header(
    look: &Look,
    options: &ChartOptions,
    width_px: f64,
    switch_width: f64,
    has_bars: bool,
) -> Header {
    let title = word(&options.text, "chart.tornado.axis");
    let title_lines = kit::wrap(title, look.label_font_px, width_px - look.px(4.0));
    let mut items = Vec::new();
    let mut rows = 0;
    if has_bars {
        let entries = [
            (Swatch::Loss, word(&options.text, "chart.map.loses")),
            (Swatch::Gain, word(&options.text, "chart.map.pays")),
            (Swatch::Centre, word(&options.text, "chart.tornado.current")),
        ];
        let limit = width_px - switch_width - look.px(4.0);
        let mut x = look.px(2.0);
        rows = 1;
        for (swatch, words) in entries {
            let width = look.px(16.0) + text_width_px(words, look.tick_font_px);
            if x > look.px(2.0) && x + width > limit {
                rows += 1;
                x = look.px(2.0);
            }
            items.push((swatch, words.to_owned(), rows - 1, x));
            x += width + look.px(14.0);
        }
    }
    Header {
        title_lines,
        items,
        rows,
    }
}

/// The logical height at which `bars` rows read well on a chart `width` logical pixels wide
/// (for the page to size its canvas).
pub fn natural_height(bars: usize, width: f64, options: &ChartOptions) -> u32 {
    let look = Look::new(options, (width * options.scale).round() as u32, 1.0);
    let unit = look.label_line_px() / look.scale;
    let rows = bars.max(1) as f64;
    let font = look.label_font_px / look.scale / 12.0;
    let row = if width < STACKED_BELOW_PX {
        STACKED_ROW_PX
    } else {
        ROW_PX
    };
    // Title (up to two lines) and legend (up to two rows), the rows, the axis.
    (unit * 4.0 + 16.0 + rows * row * font + 30.0).ceil() as u32
}

/// `words` cut to fit `width_px`, with an ellipsis when anything was cut.
fn fit(words: &str, font_px: f64, width_px: f64) -> String {
    if text_width_px(words, font_px) <= width_px {
        return words.to_owned();
    }
    let mut out = String::new();
    for c in words.chars() {
        let next = format!("{out}{c}…");
        if text_width_px(&next, font_px) > width_px {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

/// How an estimate reads at a value ("12 mo", "35%", "$4.2k").
fn value_text(bar: &Bar, v: f64, options: &ChartOptions) -> String {
    text::param_value(bar.spec.unit, v, &options.text, &options.money)
}

/// The switching column, right-aligned at the right edge: each bar's break-even value, the
/// header, and the column's width (0 where no bar breaks even).
struct Switching<'a> {
    values: Vec<Option<String>>,
    header: &'a str,
    width: f64,
}

impl<'a> Switching<'a> {
    fn of(look: &Look, data: &TornadoData<'_>, options: &'a ChartOptions) -> Switching<'a> {
        let values: Vec<Option<String>> = data
            .bars
            .iter()
            .map(|b| b.switching_value.map(|v| value_text(b, v, options)))
            .collect();
        let header = word(&options.text, "chart.tornado.switching");
        let width = if values.iter().any(Option::is_some) {
            let texts = values.iter().flatten().cloned().collect::<Vec<_>>();
            kit::widest(&texts, look.tick_font_px).max(text_width_px(header, look.tick_font_px))
                + look.px(12.0)
        } else {
            0.0
        };
        Switching {
            values,
            header,
            width,
        }
    }
}

/// The bars' labels. Wide: a label column of at most two lines per row. Narrow ("stacked"):
/// each label on one line above its bar with the switching value at its right.
struct RowLabels {
    stacked: bool,
    lines: Vec<Vec<String>>,
    /// Width of the label column (0 when stacked), device pixels.
    width: f64,
}

impl RowLabels {
    fn of(
        canvas: &Canvas,
        data: &TornadoData<'_>,
        options: &ChartOptions,
        switching: &Switching<'_>,
    ) -> RowLabels {
        let look = canvas.look;
        let stacked = canvas.width_px / look.scale < STACKED_BELOW_PX;
        let label_max = (canvas.width_px * 0.34).max(look.px(60.0));
        let lines: Vec<Vec<String>> = data
            .bars
            .iter()
            .zip(&switching.values)
            .map(|(b, switch)| {
                let words = text::param_label(&options.text, b.spec);
                if stacked {
                    let room = canvas.width_px
                        - look.px(16.0)
                        - switch
                            .as_ref()
                            .map_or(0.0, |w| text_width_px(w, look.tick_font_px) + look.px(8.0));
                    vec![fit(words, look.label_font_px, room)]
                } else {
                    kit::wrap(words, look.label_font_px, label_max)
                }
            })
            .collect();
        let width = if stacked {
            0.0
        } else {
            lines
                .iter()
                .flatten()
                .map(|l| text_width_px(l, look.label_font_px))
                .fold(0.0, f64::max)
                .min(label_max)
                + look.px(10.0)
        };
        RowLabels {
            stacked,
            lines,
            width,
        }
    }
}

/// The bar area between `top` and `bottom`, with room at both ends for the value words, and
/// its money scale; `None` where it is too small to draw.
fn bar_pane(
    canvas: &Canvas,
    data: &TornadoData<'_>,
    options: &ChartOptions,
    (labels, switching): (&RowLabels, &Switching<'_>),
    (top, bottom): (f64, f64),
) -> Result<Option<(Pane, Ticks)>, ChartError> {
    let look = canvas.look;
    let area_left = look.px(2.0) + labels.width;
    let area_right = if labels.stacked {
        canvas.width_px - look.px(2.0)
    } else {
        canvas.width_px - switching.width - look.px(6.0)
    };
    let end_words: Vec<String> = data
        .bars
        .iter()
        .flat_map(|b| {
            [
                value_text(b, b.low_value, options),
                value_text(b, b.high_value, options),
            ]
        })
        .collect();
    let pad = kit::widest(&end_words, look.tick_font_px) + look.px(8.0);
    let inner = area_right - area_left - 2.0 * pad;
    if inner < look.px(24.0) || bottom - top < look.px(12.0) {
        return Ok(None);
    }
    let (lo, hi) = data
        .bars
        .iter()
        .flat_map(|b| [b.npv_at_low_usd, b.npv_at_high_usd])
        .fold((data.npv_usd, data.npv_usd), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    let span = (hi - lo).max(hi.abs().max(lo.abs()) * 1e-6).max(1.0);
    let margin = span * pad / inner;
    let budget = ((area_right - area_left) / look.px(80.0)).floor() as usize;
    let ticks = kit::nice_ticks(lo - margin, hi + margin, budget.clamp(2, 6))?;
    let pane = Pane {
        left: area_left,
        top,
        right: area_right,
        bottom,
        x_min: ticks.min,
        x_max: ticks.max,
        y_min: 0.0,
        y_max: 1.0,
    };
    Ok(Some((pane, ticks)))
}

/// Draws the tornado.
pub fn draw(
    canvas: &Canvas,
    data: &TornadoData<'_>,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let look = canvas.look;
    let moves = data
        .bars
        .iter()
        .any(|b| b.npv_at_low_usd != data.npv_usd || b.npv_at_high_usd != data.npv_usd);
    let switching = Switching::of(&look, data, options);
    let head = header(&look, options, canvas.width_px, switching.width, moves);
    let line = look.label_line_px();
    let mut y = look.px(4.0) + line / 2.0;
    for words in &head.title_lines {
        kit::draw_axis_title(canvas, words, look.px(2.0), y)?;
        y += line;
    }
    let legend_top = y;
    let top = legend_top + head.rows as f64 * line + look.px(6.0);
    let bottom = canvas.height_px - kit::month_axis_height(&look);
    if !moves || data.bars.is_empty() {
        return canvas.text(
            word(&options.text, "chart.tornado.none"),
            (canvas.width_px / 2.0, (top + bottom) / 2.0),
            look.label_font_px,
            look.palette.muted,
            (HPos::Center, VPos::Center),
        );
    }
    let labels = RowLabels::of(canvas, data, options, &switching);
    let Some((pane, ticks)) =
        bar_pane(canvas, data, options, (&labels, &switching), (top, bottom))?
    else {
        return Ok(());
    };
    draw_money_axis(canvas, &pane, &ticks, options)?;
    draw_legend(canvas, &head, legend_top, &switching)?;
    let rows = BarRows::new(&look, &pane, data.bars.len(), labels.stacked);
    for (i, bar) in data.bars.iter().enumerate() {
        draw_bar(
            canvas,
            &pane,
            bar,
            (data.npv_usd, rows.bar_y(i)),
            (rows.thickness, options),
        )?;
    }
    // The centre line on top of the bars.
    let centre = pane.x(data.npv_usd);
    centre_line(
        canvas,
        centre,
        top - look.px(2.0),
        bottom,
        look.palette.text,
    )?;
    draw_row_labels(canvas, &pane, &rows, &labels, &switching)
}

/// Vertical gridlines with money ticks underneath, the axis, and the zero line.
fn draw_money_axis(
    canvas: &Canvas,
    pane: &Pane,
    ticks: &Ticks,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let look = canvas.look;
    let palette = look.palette;
    let (top, bottom) = (pane.top, pane.bottom);
    for &value in &ticks.values {
        let x = pane.x(value);
        canvas.vrule(x, top, bottom, look.hairline_px, palette.grid)?;
        let words = text::money(value, Some(ticks.step), &options.money);
        let half = text_width_px(&words, look.tick_font_px) / 2.0;
        if x - half < 0.0 || x + half > canvas.width_px {
            continue; // a tick label that would be cut off at the edge
        }
        canvas.text(
            &words,
            (x, bottom + look.px(6.0)),
            look.tick_font_px,
            palette.muted,
            (HPos::Center, VPos::Top),
        )?;
    }
    canvas.hrule(
        pane.left,
        pane.right,
        bottom,
        look.hairline_px,
        palette.axis,
    )?;
    if ticks.min <= 0.0 && ticks.max >= 0.0 {
        let width = look.hairline_px.max(look.px(1.25));
        canvas.vrule(pane.x(0.0), top, bottom, width, palette.axis)?;
    }
    Ok(())
}

/// The legend, and the switching column's header on the last legend row.
fn draw_legend(
    canvas: &Canvas,
    head: &Header,
    legend_top: f64,
    switching: &Switching<'_>,
) -> Result<(), ChartError> {
    let look = canvas.look;
    let palette = look.palette;
    let line = look.label_line_px();
    let swatch = look.px(11.0);
    for (kind, words, row, x) in &head.items {
        let cy = legend_top + *row as f64 * line;
        match kind {
            Swatch::Loss | Swatch::Gain => {
                let color = if matches!(kind, Swatch::Loss) {
                    palette.loss().line
                } else {
                    palette.gain().line
                };
                canvas.rect(
                    (*x, cy - swatch / 2.0),
                    (x + swatch, cy + swatch / 2.0),
                    color.to_rgba(),
                )?;
            }
            Swatch::Centre => {
                canvas.vrule(
                    x + swatch / 2.0,
                    cy - swatch / 2.0 - look.px(1.0),
                    cy + swatch / 2.0 + look.px(1.0),
                    look.px(2.0),
                    palette.text,
                )?;
            }
        }
        let at = (x + look.px(16.0), cy);
        canvas.text(
            words,
            at,
            look.tick_font_px,
            palette.text,
            (HPos::Left, VPos::Center),
        )?;
    }
    if switching.width > 0.0 {
        let at = (
            canvas.width_px - look.px(2.0),
            legend_top + (head.rows as f64 - 1.0) * line,
        );
        let anchor = (HPos::Right, VPos::Center);
        canvas.text(
            switching.header,
            at,
            look.tick_font_px,
            palette.muted,
            anchor,
        )?;
    }
    Ok(())
}

/// Where the rows go: each row's height, and the bar's thickness and centre.
struct BarRows {
    top: f64,
    row_height: f64,
    /// Room above each bar for its label when labels are stacked.
    label_space: f64,
    thickness: f64,
    stacked: bool,
}

impl BarRows {
    fn new(look: &Look, pane: &Pane, bars: usize, stacked: bool) -> BarRows {
        let natural = look.px(if stacked { STACKED_ROW_PX } else { ROW_PX });
        let row_height = ((pane.bottom - pane.top) / bars as f64).min(natural * 1.6);
        let label_space = if stacked { look.label_line_px() } else { 0.0 };
        let thickness = ((row_height - label_space) * 0.5)
            .min(look.px(16.0))
            .max(look.px(3.0));
        BarRows {
            top: pane.top,
            row_height,
            label_space,
            thickness,
            stacked,
        }
    }

    /// The centre line of row `i`'s bar.
    fn bar_y(&self, i: usize) -> f64 {
        let row_top = self.top + self.row_height * i as f64;
        if self.stacked {
            row_top + self.label_space + (self.row_height - self.label_space) * 0.45
        } else {
            row_top + self.row_height / 2.0
        }
    }
}

/// One bar from the centre to each end, and the estimate's value beyond each end.
fn draw_bar(
    canvas: &Canvas,
    pane: &Pane,
    bar: &Bar,
    (npv_usd, cy): (f64, f64),
    (thickness, options): (f64, &ChartOptions),
) -> Result<(), ChartError> {
    let look = canvas.look;
    let palette = look.palette;
    let hue_of = |npv: f64| {
        if npv < 0.0 {
            palette.loss()
        } else {
            palette.gain()
        }
    };
    let ends = [
        (
            bar.npv_at_low_usd,
            bar.low_value,
            hue_of(bar.npv_at_low_usd),
        ),
        (
            bar.npv_at_high_usd,
            bar.high_value,
            hue_of(bar.npv_at_high_usd),
        ),
    ];
    for &(npv, _, _) in &ends {
        // Each half from the centre to its end, cut at zero where it crosses it, so that
        // every stretch below zero is in the loss hue.
        let (from, to) = (npv_usd.min(npv), npv_usd.max(npv));
        for (lo, hi) in [(from, to.min(0.0)), (from.max(0.0), to)] {
            if hi > lo {
                let y = (cy - thickness / 2.0, cy + thickness / 2.0);
                let hue = hue_of((lo + hi) / 2.0);
                canvas.rect((pane.x(lo), y.0), (pane.x(hi), y.1), hue.line.to_rgba())?;
            }
        }
    }
    // Value words beyond each end; when both ends lie on the same side of the centre,
    // only the farther one has room.
    let same_side = (bar.npv_at_low_usd - npv_usd) * (bar.npv_at_high_usd - npv_usd) > 0.0;
    let gap = look.px(4.0);
    for (k, &(npv, value, hue)) in ends.iter().enumerate() {
        let other = ends[1 - k].0;
        if same_side && (npv - npv_usd).abs() < (other - npv_usd).abs() {
            continue;
        }
        let x = pane.x(npv);
        let on_left = npv < npv_usd || (npv == npv_usd && k == 0);
        let (at, h) = if on_left {
            (x - gap, HPos::Right)
        } else {
            (x + gap, HPos::Left)
        };
        // On a box of background colour, so gridlines and the zero line do not cross it.
        let words = value_text(bar, value, options);
        canvas.label(&words, (at, cy), look.tick_font_px, hue.ink, h, pane)?;
    }
    Ok(())
}

/// Labels and switching values last: above the bars (on a box of background colour, as
/// lines pass under them) or in their own columns.
fn draw_row_labels(
    canvas: &Canvas,
    pane: &Pane,
    rows: &BarRows,
    labels: &RowLabels,
    switching: &Switching<'_>,
) -> Result<(), ChartError> {
    let look = canvas.look;
    let palette = look.palette;
    let line = look.label_line_px();
    let whole = Pane {
        left: look.px(2.0),
        right: canvas.width_px - look.px(2.0),
        ..*pane
    };
    let left = look.px(2.0);
    for (i, lines) in labels.lines.iter().enumerate() {
        let cy = if rows.stacked {
            rows.top + rows.row_height * i as f64 + line * 0.55
        } else {
            rows.bar_y(i)
        };
        if rows.stacked {
            let font = look.label_font_px;
            canvas.label(
                &lines[0],
                (left, cy),
                font,
                palette.text,
                HPos::Left,
                &whole,
            )?;
        } else {
            let mut ly = cy - (lines.len() as f64 - 1.0) * line / 2.0;
            for words in lines {
                let anchor = (HPos::Left, VPos::Center);
                canvas.text(words, (left, ly), look.label_font_px, palette.text, anchor)?;
                ly += line;
            }
        }
        if let Some(words) = &switching.values[i] {
            let at = (canvas.width_px - look.px(2.0), cy);
            let font = look.tick_font_px;
            if rows.stacked {
                canvas.label(words, at, font, palette.text, HPos::Right, &whole)?;
            } else {
                canvas.text(words, at, font, palette.text, (HPos::Right, VPos::Center))?;
            }
        }
    }
    Ok(())
}

fn centre_line(
    canvas: &Canvas,
    x: f64,
    top: f64,
    bottom: f64,
    color: RGBColor,
) -> Result<(), ChartError> {
    let look = canvas.look;
    // A thin halo in the background colour keeps the line readable over both bar colours.
    canvas.vrule(x, top, bottom, look.px(4.0), look.palette.background)?;
    canvas.vrule(x, top, bottom, look.px(2.0), color)
}

/// The tornado's text alternative: the estimate that matters most and what it does.
pub fn describe(data: &TornadoData<'_>, options: &ChartOptions) -> String {
    let money = |usd: f64| text::money(usd, None, &options.money);
    let first = data
        .bars
        .iter()
        .find(|b| b.npv_at_low_usd != data.npv_usd || b.npv_at_high_usd != data.npv_usd);
    match first {
        Some(bar) => text::fill(
            word(&options.text, "chart.describe.tornado"),
            &[
                (
                    "first",
                    text::param_label(&options.text, bar.spec).to_owned(),
                ),
                ("low", money(bar.npv_at_low_usd)),
                ("high", money(bar.npv_at_high_usd)),
                ("npv", money(data.npv_usd)),
            ],
        ),
        None => text::fill(
            word(&options.text, "chart.describe.tornado.none"),
            &[("npv", money(data.npv_usd))],
        ),
    }
}

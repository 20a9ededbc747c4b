//! The drawing kit every chart shares: a thin wrapper over a plotters drawing area that draws
//! in device pixels (solid, dashed and dotted polylines, areas, text with a background),
//! panes that map months and values to pixels, nice ticks, the year axis, gridlines, and
//! direct labels stacked in a right-hand gutter without overlapping.
//!
//! Charts draw with primitives instead of plotters' mesh so that they control every label
//! (the mesh would measure each tick label, which on wasm32 costs a browser layout apiece).
//! The canvas records those primitives in a display list, and [`replay`] hands the list to
//! any plotters backend: the chart code is compiled once, not once per backend, which keeps
//! the browser's download small.

use std::cell::RefCell;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBAColor};

use super::style::{text_width_px, Look};
use super::text;
use super::{ChartData, ChartError, ChartOptions};

/// A point in device pixels.
pub type Point = (f64, f64);

/// How a line is stroked, so that colour is never the only cue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stroke {
    /// A continuous line.
    Solid,
    /// Dashes of 7 logical pixels.
    Dashed,
    /// Long dashes (14 logical pixels) with short gaps.
    LongDashed,
    /// Dots as long as the line is wide (at least 2 logical pixels).
    Dotted,
}

/// One drawing primitive in device pixels, recorded by [`Canvas`] and drawn by [`replay`].
#[derive(Clone)]
pub enum Shape {
    /// Fill the whole drawing.
    Fill(RGBColor),
    /// A filled rectangle from its upper left to its lower right corner.
    Rect((i32, i32), (i32, i32), RGBAColor),
    /// An open polyline.
    Path(Vec<(i32, i32)>, ShapeStyle),
    /// A filled polygon.
    Polygon(Vec<(i32, i32)>, RGBAColor),
    /// A circle around a centre.
    Circle((i32, i32), u32, ShapeStyle),
    /// Text: the words, the anchor point, the font size in pixels, the colour, the alignment.
    Text(String, (i32, i32), f64, RGBColor, (HPos, VPos)),
}

/// Draws a recorded display list onto any plotters drawing area.
pub fn replay<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    shapes: &[Shape],
) -> Result<(), ChartError> {
    for shape in shapes {
        match shape {
            Shape::Fill(color) => area.fill(color).map_err(draw_error)?,
            Shape::Rect(a, b, color) => area
                .draw(&Rectangle::new([*a, *b], color.filled()))
                .map_err(draw_error)?,
            Shape::Path(points, style) => area
                .draw(&PathElement::new(points.clone(), *style))
                .map_err(draw_error)?,
            Shape::Polygon(points, color) => area
                .draw(&Polygon::new(points.clone(), color.filled()))
                .map_err(draw_error)?,
            Shape::Circle(c, r, style) => area
                .draw(&Circle::new(*c, *r, *style))
                .map_err(draw_error)?,
            Shape::Text(words, at, font_px, color, (h, v)) => {
                let style = TextStyle::from(FontDesc::new(
                    FontFamily::SansSerif,
                    *font_px,
                    FontStyle::Normal,
                ))
                .color(color)
                .pos(Pos::new(*h, *v));
                area.draw_text(words, &style, *at).map_err(draw_error)?
            }
        }
    }
    area.present().map_err(draw_error)
}

/// The drawing surface plus the look: every method records a shape in device pixels.
pub struct Canvas {
    shapes: RefCell<Vec<Shape>>,
    /// Boxes of the labels drawn so far inside panes (left, top, right, bottom), so that
    /// later labels can avoid them.
    placed: RefCell<Vec<[f64; 4]>>,
    /// Sizes and colours.
    pub look: Look,
    /// Width of the drawing, device pixels.
    pub width_px: f64,
    /// Height of the drawing, device pixels.
    pub height_px: f64,
}

fn draw_error<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError(format!("cannot draw: {e:?}"))
}

fn to_px(p: Point) -> (i32, i32) {
    (p.0.round() as i32, p.1.round() as i32)
}

impl Canvas {
    /// A canvas of `width` x `height` device pixels, filled with the theme's background.
    pub fn new(
        (width, height): (u32, u32),
        options: &ChartOptions,
        text_factor: f64,
    ) -> Result<Self, ChartError> {
        let look = Look::new(options, width, text_factor);
        Ok(Canvas {
            shapes: RefCell::new(vec![Shape::Fill(look.palette.background)]),
            placed: RefCell::new(Vec::new()),
            look,
            width_px: f64::from(width),
            height_px: f64::from(height),
        })
    }

    /// The recorded display list, for [`replay`].
    pub fn into_shapes(self) -> Vec<Shape> {
        self.shapes.into_inner()
    }

    fn push(&self, shape: Shape) -> Result<(), ChartError> {
        self.shapes.borrow_mut().push(shape);
        Ok(())
    }

    /// A filled rectangle between two corners; crisp, so also used for gridlines.
    pub fn rect(&self, a: Point, b: Point, color: RGBAColor) -> Result<(), ChartError> {
        let (a, b) = (to_px(a), to_px(b));
        if a.0 == b.0 || a.1 == b.1 {
            return Ok(());
        }
        // Backends expect the upper left corner first (SVG writes the difference as width).
        let upper_left = (a.0.min(b.0), a.1.min(b.1));
        let lower_right = (a.0.max(b.0), a.1.max(b.1));
        self.push(Shape::Rect(upper_left, lower_right, color))
    }

    /// A horizontal rule of `width_px` from `x0` to `x1` centred on `y`.
    pub fn hrule(
        &self,
        x0: f64,
        x1: f64,
        y: f64,
        width_px: f64,
        color: RGBColor,
    ) -> Result<(), ChartError> {
        let w = width_px.round().max(1.0);
        let top = (y - w / 2.0).round();
        self.rect((x0, top), (x1, top + w), color.to_rgba())
    }

    /// A vertical rule of `width_px` from `y0` to `y1` centred on `x`.
    pub fn vrule(
        &self,
        x: f64,
        y0: f64,
        y1: f64,
        width_px: f64,
        color: RGBColor,
    ) -> Result<(), ChartError> {
        let w = width_px.round().max(1.0);
        let left = (x - w / 2.0).round();
        self.rect((left, y0), (left + w, y1), color.to_rgba())
    }

    /// A polyline of `width_px`, drawn with `stroke`.
    pub fn line(
        &self,
        points: &[Point],
        color: RGBAColor,
        width_px: f64,
        stroke: Stroke,
    ) -> Result<(), ChartError> {
        let style = ShapeStyle {
            color,
            filled: false,
            stroke_width: width_px.round().max(1.0) as u32,
        };
        let pattern = match stroke {
            Stroke::Solid => None,
            Stroke::Dashed => Some((self.look.px(7.0), self.look.px(4.5))),
            Stroke::LongDashed => Some((self.look.px(14.0), self.look.px(5.0))),
            Stroke::Dotted => Some((width_px.max(self.look.px(2.0)), self.look.px(4.5))),
        };
        match pattern {
            None => self.path(points, style),
            Some((on, off)) => {
                for piece in dash_pieces(points, on, off) {
                    self.path(&piece, style)?;
                }
                Ok(())
            }
        }
    }

    fn path(&self, points: &[Point], style: ShapeStyle) -> Result<(), ChartError> {
        if points.len() < 2 {
            return Ok(());
        }
        let pixels: Vec<(i32, i32)> = points.iter().map(|&p| to_px(p)).collect();
        self.push(Shape::Path(pixels, style))
    }

    /// A filled polygon.
    pub fn polygon(&self, points: &[Point], color: RGBAColor) -> Result<(), ChartError> {
        if points.len() < 3 {
            return Ok(());
        }
        let pixels: Vec<(i32, i32)> = points.iter().map(|&p| to_px(p)).collect();
        self.push(Shape::Polygon(pixels, color))
    }

    /// A filled dot with a ring in the background colour, so it stands out on a line.
    pub fn dot(&self, center: Point, radius_px: f64, color: RGBColor) -> Result<(), ChartError> {
        let c = to_px(center);
        let ring = (radius_px + self.look.px(1.5)).round().max(2.0) as u32;
        self.push(Shape::Circle(
            c,
            ring,
            self.look.palette.background.filled(),
        ))?;
        self.push(Shape::Circle(
            c,
            radius_px.round().max(1.0) as u32,
            color.filled(),
        ))
    }

    /// A ring: an unfilled circle of `radius_px` stroked `width_px` wide.
    pub fn ring(
        &self,
        center: Point,
        radius_px: f64,
        width_px: f64,
        color: RGBColor,
    ) -> Result<(), ChartError> {
        self.push(Shape::Circle(
            to_px(center),
            radius_px.round().max(1.0) as u32,
            ShapeStyle {
                color: color.to_rgba(),
                filled: false,
                stroke_width: width_px.round().max(1.0) as u32,
            },
        ))
    }

    /// Text with its anchor at `at`; `font_px` is the visual size.
    pub fn text(
        &self,
        words: &str,
        at: Point,
        font_px: f64,
        color: RGBColor,
        anchor: (HPos, VPos),
    ) -> Result<(), ChartError> {
        if words.is_empty() {
            return Ok(());
        }
        self.push(Shape::Text(
            words.to_owned(),
            to_px(at),
            font_px * self.look.text_factor,
            color,
            anchor,
        ))
    }

    /// The box a label would take, kept inside the pane sideways.
    fn label_box(&self, words: &str, at: Point, font_px: f64, h: HPos, pane: &Pane) -> [f64; 4] {
        let width = text_width_px(words, font_px);
        let left = match h {
            HPos::Left => at.0,
            HPos::Center => at.0 - width / 2.0,
            HPos::Right => at.0 - width,
        };
        let left = left.min(pane.right - width).max(pane.left);
        let half = font_px * 0.62;
        let pad = self.look.px(2.0);
        [left - pad, at.1 - half, left + width + pad, at.1 + half]
    }

    /// Text with a box of background colour behind it, so it reads over lines and gridlines.
    /// The anchor is the vertical centre; the text is kept inside the pane sideways.
    pub fn label(
        &self,
        words: &str,
        at: Point,
        font_px: f64,
        color: RGBColor,
        h: HPos,
        pane: &Pane,
    ) -> Result<(), ChartError> {
        let b = self.label_box(words, at, font_px, h, pane);
        self.placed.borrow_mut().push(b);
        self.rect(
            (b[0], b[1]),
            (b[2], b[3]),
            self.look.palette.background.mix(0.85),
        )?;
        self.text(
            words,
            (b[0] + self.look.px(2.0), at.1),
            font_px,
            color,
            (HPos::Left, VPos::Center),
        )
    }

    /// A label at the first of `candidates` (anchor point and alignment) that stays inside
    /// the pane, overlaps no label drawn before and covers none of the `avoid` polylines;
    /// the first candidate if none is free.
    pub fn label_somewhere(
        &self,
        words: &str,
        candidates: &[(Point, HPos)],
        font_px: f64,
        color: RGBColor,
        pane: &Pane,
        avoid: &[&[Point]],
    ) -> Result<(), ChartError> {
        // Rank: free of everything, then inside and clear of labels, then just inside.
        let checks: Vec<(bool, bool, bool)> = candidates
            .iter()
            .map(|(at, h)| {
                let b = self.label_box(words, *at, font_px, *h, pane);
                let inside = b[1] >= pane.top && b[3] <= pane.bottom;
                let clear = self
                    .placed
                    .borrow()
                    .iter()
                    .all(|p| b[2] <= p[0] || b[0] >= p[2] || b[3] <= p[1] || b[1] >= p[3]);
                (inside, clear, !avoid.iter().any(|line| crosses(line, &b)))
            })
            .collect();
        let pick = |ok: &dyn Fn(&(bool, bool, bool)) -> bool| {
            checks.iter().position(ok).map(|i| &candidates[i])
        };
        let free = pick(&|c| c.0 && c.1 && c.2)
            .or_else(|| pick(&|c| c.0 && c.1))
            .or_else(|| pick(&|c| c.0));
        match free.or(candidates.first()) {
            Some(&(at, h)) => self.label(words, at, font_px, color, h, pane),
            None => Ok(()),
        }
    }
}

/// Whether a polyline passes through a box (left, top, right, bottom), checked every few
/// pixels along each segment.
fn crosses(line: &[Point], b: &[f64; 4]) -> bool {
    let inside = |p: Point| p.0 >= b[0] && p.0 <= b[2] && p.1 >= b[1] && p.1 <= b[3];
    line.windows(2).any(|pair| {
        let (a, c) = (pair[0], pair[1]);
        if a.0.max(c.0) < b[0] || a.0.min(c.0) > b[2] || a.1.max(c.1) < b[1] || a.1.min(c.1) > b[3]
        {
            return false;
        }
        let length = ((c.0 - a.0).powi(2) + (c.1 - a.1).powi(2)).sqrt();
        let steps = (length / 2.0).ceil().max(1.0) as usize;
        (0..=steps).any(|k| {
            let t = k as f64 / steps as f64;
            inside((a.0 + (c.0 - a.0) * t, a.1 + (c.1 - a.1) * t))
        })
    })
}

/// Splits a polyline into the "on" pieces of a dash pattern, measured along its length.
pub fn dash_pieces(points: &[Point], on: f64, off: f64) -> Vec<Vec<Point>> {
    let mut pieces = Vec::new();
    if points.len() < 2 || on <= 0.0 {
        return pieces;
    }
    let off = off.max(0.5);
    let mut drawing = true;
    let mut left_in_phase = on;
    let mut current = vec![points[0]];
    for pair in points.windows(2) {
        let (mut from, to) = (pair[0], pair[1]);
        let mut length = ((to.0 - from.0).powi(2) + (to.1 - from.1).powi(2)).sqrt();
        while length > 1e-9 {
            let step = length.min(left_in_phase);
            let t = step / length;
            let next = (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
            if drawing {
                current.push(next);
            }
            left_in_phase -= step;
            length -= step;
            from = next;
            if left_in_phase <= 1e-9 {
                if drawing {
                    pieces.push(std::mem::take(&mut current));
                    left_in_phase = off;
                } else {
                    current = vec![from];
                    left_in_phase = on;
                }
                drawing = !drawing;
            }
        }
    }
    if drawing && current.len() > 1 {
        pieces.push(current);
    }
    pieces
}

/// The plot rectangle of one panel (device pixels) and the data ranges it shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pane {
    /// Left edge, device pixels.
    pub left: f64,
    /// Top edge, device pixels.
    pub top: f64,
    /// Right edge, device pixels.
    pub right: f64,
    /// Bottom edge, device pixels.
    pub bottom: f64,
    /// Months at the left edge.
    pub x_min: f64,
    /// Months at the right edge.
    pub x_max: f64,
    /// Value at the bottom edge.
    pub y_min: f64,
    /// Value at the top edge.
    pub y_max: f64,
}

impl Pane {
    /// The pixel column of month `x`.
    pub fn x(&self, x: f64) -> f64 {
        self.left + (x - self.x_min) / (self.x_max - self.x_min) * (self.right - self.left)
    }

    /// The pixel row of value `y`, clamped to the pane.
    pub fn y(&self, y: f64) -> f64 {
        let y = y.clamp(self.y_min, self.y_max);
        self.bottom - (y - self.y_min) / (self.y_max - self.y_min) * (self.bottom - self.top)
    }

    /// The points of a monthly series: value `i` at month `i + 1`.
    pub fn series(&self, values: impl IntoIterator<Item = f64>) -> Vec<Point> {
        values
            .into_iter()
            .enumerate()
            .map(|(i, v)| (self.x((i + 1) as f64), self.y(v)))
            .collect()
    }

    /// The points of a series whose value `j` is at month `j` (stocks including the start).
    pub fn stock(&self, values: impl IntoIterator<Item = f64>) -> Vec<Point> {
        values
            .into_iter()
            .enumerate()
            .map(|(j, v)| (self.x(j as f64), self.y(v)))
            .collect()
    }

    /// The points of a monthly series that also has a known value at month 0 (a stock before
    /// anything happens, or a running total that starts at zero).
    pub fn series_from(&self, start: f64, values: impl IntoIterator<Item = f64>) -> Vec<Point> {
        let mut points = vec![(self.x(0.0), self.y(start))];
        points.extend(self.series(values));
        points
    }

    /// Whether the pane is large enough to draw into.
    pub fn is_drawable(&self) -> bool {
        self.right - self.left >= 8.0 && self.bottom - self.top >= 8.0
    }
}

/// Ticks of a value axis: a nice step, the range the axis shows and the tick values.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    /// Distance between ticks.
    pub step: f64,
    /// Bottom of the range the axis shows.
    pub min: f64,
    /// Top of the range.
    pub max: f64,
    /// The tick values from bottom to top.
    pub values: Vec<f64>,
}

/// The nice step (1, 2, 2.5 or 5 times a power of ten) that cuts `span` into at most about
/// `max_count` intervals.
fn nice_step(span: f64, max_count: usize) -> f64 {
    let raw = span / max_count.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|&s| s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * power)
}

/// The next smaller nice step.
fn smaller_step(step: f64) -> f64 {
    let power = 10f64.powf(step.log10().floor());
    let mantissa = step / power;
    if mantissa > 5.0 + 1e-9 {
        5.0 * power
    } else if mantissa > 2.5 + 1e-9 {
        2.5 * power
    } else if mantissa > 2.0 + 1e-9 {
        2.0 * power
    } else if mantissa > 1.0 + 1e-9 {
        power
    } else {
        0.5 * power
    }
}

/// Ticks for a value axis showing exactly `lo..hi` (a zero span becomes a small range around
/// the value): every multiple of a nice step inside the range, at most about `max_count`
/// intervals and at least two ticks.
pub fn nice_ticks(lo: f64, hi: f64, max_count: usize) -> Result<Ticks, ChartError> {
    if !(lo.is_finite() && hi.is_finite()) {
        return Err(ChartError(format!(
            "a value to plot is not finite ({lo} to {hi})"
        )));
    }
    let (mut lo, mut hi) = (lo.min(hi), lo.max(hi));
    let magnitude = lo.abs().max(hi.abs());
    if hi - lo <= magnitude * 1e-9 {
        if magnitude == 0.0 {
            lo = -1.0;
            hi = 1.0;
        } else {
            lo -= magnitude * 0.05;
            hi += magnitude * 0.05;
        }
    }
    let mut step = nice_step(hi - lo, max_count);
    let inside = |step: f64| {
        let first = (lo / step - 1e-9).ceil() as i64;
        let last = (hi / step + 1e-9).floor() as i64;
        (first, last)
    };
    let (mut first, mut last) = inside(step);
    for _ in 0..8 {
        if last - first >= 1 {
            break;
        }
        step = smaller_step(step);
        (first, last) = inside(step);
    }
    let values: Vec<f64> = (first..=last.min(first + 200))
        .map(|k| {
            let v = k as f64 * step;
            if v.abs() < step * 1e-6 {
                0.0
            } else {
                v
            }
        })
        .collect();
    Ok(Ticks {
        step,
        min: lo,
        max: hi,
        values,
    })
}

/// How many value ticks fit a pane `height_px` tall.
pub fn tick_budget(look: &Look, height_px: f64) -> usize {
    ((height_px / look.px(46.0)).floor() as usize).clamp(2, 7)
}

/// The widest of some texts at a font size, device pixels.
pub fn widest(texts: &[String], font_px: f64) -> f64 {
    texts
        .iter()
        .map(|t| text_width_px(t, font_px))
        .fold(0.0, f64::max)
}

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

/// The month ticks of the x axis, as years: a step of 6, 12, 24, 36, 60 or 120 months, the
/// smallest whose labels fit the width, with at most seven ticks.
pub fn month_ticks(
    look: &Look,
    pane: &Pane,
    year_word: &str,
    style: &super::MoneyFormat,
) -> Vec<(f64, String)> {
    let horizon = pane.x_max - pane.x_min;
    let width = pane.right - pane.left;
    let widest_label = text_width_px(
        &text::month_tick(120.0, year_word, style),
        look.tick_font_px,
    );
    let spacing = (widest_label + look.px(18.0)).max(look.px(40.0));
    let step = [6.0, 12.0, 24.0, 36.0, 60.0, 120.0]
        .into_iter()
        .find(|s| {
            s / horizon * width >= spacing
                && (*s >= 12.0 || horizon <= 24.0)
                && horizon / s <= 6.0 + 1e-9
        })
        .unwrap_or(120.0);
    let mut ticks = Vec::new();
    let mut month = 0.0;
    while month <= pane.x_max + 1e-9 {
        ticks.push((month, text::month_tick(month, year_word, style)));
        month += step;
    }
    ticks
}

/// The x axis under a pane: a baseline rule, tick marks and, when `labelled`, year labels.
pub fn draw_month_axis(
    canvas: &Canvas,
    pane: &Pane,
    ticks: &[(f64, String)],
    labelled: bool,
) -> Result<(), ChartError> {
    let look = &canvas.look;
    canvas.hrule(
        pane.left,
        pane.right,
        pane.bottom,
        look.hairline_px,
        look.palette.axis,
    )?;
    for (month, label) in ticks {
        let x = pane.x(*month);
        canvas.vrule(
            x,
            pane.bottom,
            pane.bottom + look.px(4.0),
            look.hairline_px,
            look.palette.axis,
        )?;
        if labelled {
            canvas.text(
                label,
                (x, pane.bottom + look.px(6.0)),
                look.tick_font_px,
                look.palette.muted,
                (HPos::Center, VPos::Top),
            )?;
        }
    }
    Ok(())
}

/// Space under a pane for the year labels, device pixels.
pub fn month_axis_height(look: &Look) -> f64 {
    look.px(8.0) + look.tick_font_px * 1.2
}

/// A direct label in the right-hand gutter: where it wants to sit and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct EndLabel {
    /// The row the label would like to be centred on, device pixels.
    pub y: f64,
    /// The words, one entry per line.
    pub lines: Vec<String>,
    /// Ink colour.
    pub color: RGBColor,
}

impl EndLabel {
    /// A label for `words` at row `y`, wrapped to `width_px`.
    pub fn new(look: &Look, words: &str, y: f64, width_px: f64, color: RGBColor) -> EndLabel {
        EndLabel {
            y,
            lines: wrap(words, look.label_font_px, width_px),
            color,
        }
    }
}

/// Breaks `words` into at most two lines no wider than `width_px` where it can.
pub fn wrap(words: &str, font_px: f64, width_px: f64) -> Vec<String> {
    if text_width_px(words, font_px) <= width_px || !words.contains(' ') {
        return vec![words.to_owned()];
    }
    let mut first = String::new();
    let mut rest = words;
    for (i, _) in words.match_indices(' ') {
        if text_width_px(&words[..i], font_px) <= width_px {
            first = words[..i].to_owned();
            rest = &words[i + 1..];
        } else {
            break;
        }
    }
    if first.is_empty() {
        // The first word alone is too wide: break after it anyway.
        let i = words.find(' ').unwrap_or(words.len());
        first = words[..i].to_owned();
        rest = words[i..].trim_start();
    }
    vec![first, rest.to_owned()]
}

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

/// Moves labels apart vertically so none overlap, keeping them between `top` and `bottom`,
/// then draws them left-aligned at `x`.
pub fn draw_end_labels(
    canvas: &Canvas,
    labels: &mut [EndLabel],
    x: f64,
    top: f64,
    bottom: f64,
) -> Result<(), ChartError> {
    let line = canvas.look.label_line_px();
    crate::sort::sort_short_by(labels, |a, b| {
        a.y.total_cmp(&b.y) == std::cmp::Ordering::Less
    });
    let heights: Vec<f64> = labels.iter().map(|l| l.lines.len() as f64 * line).collect();
    let mut centres: Vec<f64> = labels.iter().map(|l| l.y).collect();
    // Push down from the top, then back up from the bottom.
    for i in 0..centres.len() {
        let min = if i == 0 {
            top + heights[0] / 2.0
        } else {
            centres[i - 1] + (heights[i - 1] + heights[i]) / 2.0
        };
        centres[i] = centres[i].max(min);
    }
    for i in (0..centres.len()).rev() {
        let max = if i + 1 == centres.len() {
            bottom - heights[i] / 2.0
        } else {
            centres[i + 1] - (heights[i] + heights[i + 1]) / 2.0
        };
        centres[i] = centres[i].min(max);
    }
    for ((label, centre), height) in labels.iter().zip(centres).zip(heights) {
        let mut y = centre - height / 2.0 + line / 2.0;
        for words in &label.lines {
            canvas.text(
                words,
                (x, y),
                canvas.look.label_font_px,
                label.color,
                (HPos::Left, VPos::Center),
            )?;
            y += line;
        }
    }
    Ok(())
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

/// The largest value of a series (0 for an empty one).
pub fn max_of(values: impl IntoIterator<Item = f64>) -> f64 {
    values.into_iter().fold(0.0, f64::max)
}

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
    let key_y = pane.top - look.px(6.0) - look.label_line_px() / 2.0;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_nice_and_inside_the_range() {
        let t = nice_ticks(-19.9e6, 12.4e6, 5).unwrap();
        assert_eq!(t.step, 1e7);
        assert_eq!(t.values, vec![-1e7, 0.0, 1e7]);
        assert_eq!((t.min, t.max), (-19.9e6, 12.4e6));
        let t = nice_ticks(0.0, 0.0, 5).unwrap();
        assert!(t.max > t.min && t.values.len() >= 2);
        let t = nice_ticks(20e6, 20e6, 4).unwrap();
        assert!(t.min < 20e6 && t.max > 20e6 && t.values.len() >= 2);
        assert!(nice_ticks(f64::NAN, 1.0, 4).is_err());
        let t = nice_ticks(1.0, 1e11, 6).unwrap();
        assert!(t.values.len() <= 8);
        // A narrow range still gets two ticks.
        let t = nice_ticks(0.101, 0.109, 2).unwrap();
        assert!(t.values.len() >= 2, "{t:?}");
    }

    #[test]
    fn dashes_cover_about_the_on_share_of_a_line() {
        let pieces = dash_pieces(&[(0.0, 0.0), (50.0, 0.0), (100.0, 0.0)], 6.0, 4.0);
        assert_eq!(pieces.len(), 10);
        let drawn: f64 = pieces.iter().map(|p| p[p.len() - 1].0 - p[0].0).sum();
        assert!((drawn - 60.0).abs() < 1e-6, "{drawn}");
        assert!(dash_pieces(&[(0.0, 0.0)], 6.0, 4.0).is_empty());
    }

    #[test]
    fn wrap_breaks_long_labels_in_two() {
        assert_eq!(wrap("Hiring & training", 12.0, 1000.0).len(), 1);
        let lines = wrap("Hiring & training", 12.0, 60.0);
        assert_eq!(lines, vec!["Hiring &".to_owned(), "training".to_owned()]);
        assert_eq!(wrap("Severance", 12.0, 10.0), vec!["Severance".to_owned()]);
    }
}

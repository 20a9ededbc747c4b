//! The display list every chart draws on: [`Canvas`] records primitives in device pixels
//! (solid, dashed and dotted polylines, areas, rings, text) as [`Shape`]s, and [`replay`] hands
//! the list to any plotters backend.
//!
//! Charts draw with primitives instead of plotters' mesh so that they control every label
//! (the mesh would measure each tick label, which on wasm32 costs a browser layout apiece).
//! Recording a display list compiles the chart code once, not once per backend, which keeps
//! the browser's download small.

use std::cell::RefCell;

use plotters::coord::Shift;
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBAColor};
use plotters_backend::DrawingErrorKind;

use super::theme::Look;
use crate::chart::{ChartError, ChartOptions};

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
    area.draw(&DisplayList(shapes)).map_err(draw_error)?;
    area.present().map_err(draw_error)
}

/// A whole display list as one plotters element. Handing the backend each shape directly
/// (what plotters' own rectangle, path, polygon, circle and text elements would call, with the
/// same arguments, so the SVG is byte for byte the same) instead of one element per shape
/// keeps the browser's download smaller: the element and drawing-area code is compiled once
/// per backend, not once per shape kind and backend.
struct DisplayList<'a>(&'a [Shape]);

/// The drawing area's origin: the one point plotters maps, so that a list drawn into a part of
/// a larger picture (the link preview) lands where that part is.
const ORIGIN: (i32, i32) = (0, 0);

impl<'a> PointCollection<'a, (i32, i32)> for &'a DisplayList<'a> {
    type Point = &'a (i32, i32);
    type IntoIter = std::iter::Once<&'a (i32, i32)>;

    fn point_iter(self) -> Self::IntoIter {
        std::iter::once(&ORIGIN)
    }
}

impl<DB: DrawingBackend> Drawable<DB> for DisplayList<'_> {
    fn draw<I: Iterator<Item = (i32, i32)>>(
        &self,
        mut origin: I,
        backend: &mut DB,
        (width, height): (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let (dx, dy) = origin.next().unwrap_or(ORIGIN);
        let at = |(x, y): (i32, i32)| (x + dx, y + dy);
        for shape in self.0 {
            match shape {
                Shape::Fill(color) => backend.draw_rect(
                    (dx, dy),
                    (dx + width as i32, dy + height as i32),
                    &color.to_backend_color(),
                    true,
                )?,
                Shape::Rect(a, b, color) => {
                    backend.draw_rect(at(*a), at(*b), &color.filled(), true)?
                }
                Shape::Path(points, style) => {
                    backend.draw_path(points.iter().map(|&p| at(p)), style)?
                }
                Shape::Polygon(points, color) => backend
                    .fill_polygon(points.iter().map(|&p| at(p)), &color.to_backend_color())?,
                Shape::Circle(c, r, style) => {
                    backend.draw_circle(at(*c), *r, style, style.filled)?
                }
                Shape::Text(words, anchor, font_px, color, (h, v)) => {
                    let style = TextStyle::from(FontDesc::new(
                        FontFamily::SansSerif,
                        *font_px,
                        FontStyle::Normal,
                    ))
                    .color(color)
                    .pos(Pos::new(*h, *v));
                    backend.draw_text(words, &style, at(*anchor))?
                }
            }
        }
        Ok(())
    }
}

/// The drawing surface plus the look: every method records a shape in device pixels.
pub struct Canvas {
    shapes: RefCell<Vec<Shape>>,
    /// Boxes of the labels drawn so far inside panes (left, top, right, bottom), so that
    /// later labels can avoid them.
    pub(super) placed: RefCell<Vec<[f64; 4]>>,
    /// Boxes of areas of data (the fan) that labels placed later keep clear of where they
    /// can, so that a label's box never hides the data it sits on.
    pub(super) kept_clear: RefCell<Vec<[f64; 4]>>,
    /// Sizes and colours.
    pub look: Look,
    /// Width of the drawing, device pixels.
    pub width_px: f64,
    /// Height of the drawing, device pixels.
    pub height_px: f64,
}

fn draw_error<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError(format!("cannot draw: {e}"))
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
            kept_clear: RefCell::new(Vec::new()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_cover_about_the_on_share_of_a_line() {
        let pieces = dash_pieces(&[(0.0, 0.0), (50.0, 0.0), (100.0, 0.0)], 6.0, 4.0);
        assert_eq!(pieces.len(), 10);
        let drawn: f64 = pieces.iter().map(|p| p[p.len() - 1].0 - p[0].0).sum();
        assert!((drawn - 60.0).abs() < 1e-6, "{drawn}");
        assert!(dash_pieces(&[(0.0, 0.0)], 6.0, 4.0).is_empty());
    }
}

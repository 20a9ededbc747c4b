//! A display list written as an SVG document, without a drawing backend: the same elements,
//! attributes and number forms plotters' SVG backend writes for the calls `replay` makes (a
//! native test holds the two byte for byte equal), in a fraction of the browser's download.

use std::fmt::Write as _;

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{RGBAColor, RGBColor, ShapeStyle};

use super::canvas::Shape;

/// The SVG document of `shapes` on a `width` x `height` pixel drawing.
pub fn svg_document(shapes: &[Shape], width: u32, height: u32) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    for shape in shapes {
        match shape {
            Shape::Fill(color) => rect(
                &mut out,
                (0, 0),
                (width as i32, height as i32),
                opaque(*color),
            ),
            Shape::Rect(a, b, color) => rect(&mut out, *a, *b, *color),
            Shape::Path(points, style) => path(&mut out, points, style),
            Shape::Polygon(points, color) => polygon(&mut out, points, *color),
            Shape::Circle(centre, radius, style) => circle(&mut out, *centre, *radius, style),
            Shape::Text(words, at, font_px, color, anchor) => {
                text(&mut out, words, *at, *font_px, *color, *anchor)
            }
        }
    }
    out.push_str("</svg>\n");
    out
}

fn opaque(color: RGBColor) -> RGBAColor {
    RGBAColor(color.0, color.1, color.2, 1.0)
}

/// `opacity="…" ` and the colour as `#RRGGBB`; None for a colour that is not drawn at all.
fn paint(color: RGBAColor) -> Option<(String, String)> {
    if color.3 == 0.0 {
        return None;
    }
    Some((
        format!("{}", color.3),
        format!("#{:02X}{:02X}{:02X}", color.0, color.1, color.2),
    ))
}

fn points_text(points: &[(i32, i32)]) -> String {
    let mut text = String::new();
    for (x, y) in points {
        let _ = write!(text, "{x},{y} ");
    }
    text
}

fn rect(out: &mut String, a: (i32, i32), b: (i32, i32), color: RGBAColor) {
    if let Some((opacity, fill)) = paint(color) {
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" opacity=\"{opacity}\" fill=\"{fill}\" stroke=\"none\"/>",
            a.0,
            a.1,
            b.0 - a.0,
            b.1 - a.1
        );
    }
}

fn path(out: &mut String, points: &[(i32, i32)], style: &ShapeStyle) {
    if let Some((opacity, stroke)) = paint(style.color) {
        let _ = writeln!(
            out,
            "<polyline fill=\"none\" opacity=\"{opacity}\" stroke=\"{stroke}\" stroke-width=\"{}\" points=\"{}\"/>",
            style.stroke_width,
            points_text(points)
        );
    }
}

fn polygon(out: &mut String, points: &[(i32, i32)], color: RGBAColor) {
    if let Some((opacity, fill)) = paint(color) {
        let _ = writeln!(
            out,
            "<polygon opacity=\"{opacity}\" fill=\"{fill}\" points=\"{}\"/>",
            points_text(points)
        );
    }
}

fn circle(out: &mut String, (cx, cy): (i32, i32), radius: u32, style: &ShapeStyle) {
    if let Some((opacity, colour)) = paint(style.color) {
        let (fill, stroke) = if style.filled {
            (colour.as_str(), "none")
        } else {
            ("none", colour.as_str())
        };
        let _ = writeln!(
            out,
            "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{radius}\" opacity=\"{opacity}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{}\"/>",
            style.stroke_width
        );
    }
}

fn text(
    out: &mut String,
    words: &str,
    (x, y): (i32, i32),
    font_px: f64,
    color: RGBColor,
    (h, v): (HPos, VPos),
) {
    let Some((opacity, fill)) = paint(opaque(color)) else {
        return;
    };
    let anchor = match h {
        HPos::Left => "start",
        HPos::Right => "end",
        HPos::Center => "middle",
    };
    let dy = match v {
        VPos::Top => "0.76em",
        VPos::Center => "0.5ex",
        VPos::Bottom => "-0.5ex",
    };
    // plotters writes a font's size as its pixel height over 1.24 (its em to line ratio).
    let _ = writeln!(
        out,
        "<text x=\"{x}\" y=\"{y}\" dy=\"{dy}\" text-anchor=\"{anchor}\" font-family=\"sans-serif\" font-size=\"{}\" opacity=\"{opacity}\" fill=\"{fill}\">",
        font_px / 1.24
    );
    escape_into(out, words);
    out.push_str("\n</text>\n");
}

/// Text as SVG character data: the five XML special characters as entities.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
}

//! Words placed on a chart: labels on a box of background colour that give way to each other
//! and to the lines they name (collision avoidance), two-line wrapping, and the direct labels
//! stacked without overlap in the right-hand gutter.

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, RGBColor};

use super::canvas::{Canvas, Point};
use super::scale::Pane;
use super::theme::{text_width_px, Look};
use crate::chart::ChartError;

impl Canvas {
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

    /// Records an area of data (left, top, right, bottom) that later labels keep clear of.
    pub fn keep_clear(&self, area: [f64; 4]) {
        self.kept_clear.borrow_mut().push(area);
    }

    /// A label at the first of `candidates` (anchor point and alignment) that stays inside
    /// the pane, overlaps no label drawn before, covers none of the `avoid` polylines and
    /// none of the areas kept clear; failing that, the first that gives up the areas, then
    /// the lines. A label never covers another (issue 15): where every place inside the
    /// pane is taken, as on a small chart in a narrow column, it is left out, and the chart's
    /// text alternative, its data table and the prose still say what it would have.
    pub fn label_somewhere(
        &self,
        words: &str,
        candidates: &[(Point, HPos)],
        font_px: f64,
        color: RGBColor,
        pane: &Pane,
        avoid: &[&[Point]],
    ) -> Result<(), ChartError> {
        // Rank: free of everything, then off the lines, then inside and clear of labels.
        let apart = |b: &[f64; 4], p: &[f64; 4]| {
            b[2] <= p[0] || b[0] >= p[2] || b[3] <= p[1] || b[1] >= p[3]
        };
        let checks: Vec<[bool; 4]> = candidates
            .iter()
            .map(|(at, h)| {
                let b = self.label_box(words, *at, font_px, *h, pane);
                let inside = b[1] >= pane.top && b[3] <= pane.bottom;
                let clear = self.placed.borrow().iter().all(|p| apart(&b, p));
                let off_lines = !avoid.iter().any(|line| crosses(line, &b));
                let off_areas = self.kept_clear.borrow().iter().all(|p| apart(&b, p));
                [inside, clear, off_lines, off_areas]
            })
            .collect();
        let pick =
            |ok: &dyn Fn(&[bool; 4]) -> bool| checks.iter().position(ok).map(|i| &candidates[i]);
        let free = pick(&|c| c.iter().all(|&ok| ok))
            .or_else(|| pick(&|c| c[0] && c[1] && c[2]))
            .or_else(|| pick(&|c| c[0] && c[1]));
        match free {
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

/// The widest of some texts at a font size, device pixels.
pub fn widest(texts: &[String], font_px: f64) -> f64 {
    texts
        .iter()
        .map(|t| text_width_px(t, font_px))
        .fold(0.0, f64::max)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_long_labels_in_two() {
        assert_eq!(wrap("Hiring & training", 12.0, 1000.0).len(), 1);
        let lines = wrap("Hiring & training", 12.0, 60.0);
        assert_eq!(lines, vec!["Hiring &".to_owned(), "training".to_owned()]);
        assert_eq!(wrap("Severance", 12.0, 10.0), vec!["Severance".to_owned()]);
    }
}

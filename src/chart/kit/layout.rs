//! Layout: how wide the right-hand gutter for direct labels must be.

use super::label::wrap;
use super::theme::{text_width_px, Look};

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

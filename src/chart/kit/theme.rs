//! The look of every chart: the Okabe-Ito palette adjusted per theme so that every line reaches
//! 3:1 and every word 4.5:1 against the background, font sizes and line widths scaled for the
//! screen, and a text-width estimate that needs no font (so the browser is never asked to lay
//! text out while a chart is drawn).

use plotters::style::RGBColor;

use crate::chart::{ChartOptions, Theme};

/// One series colour in two strengths: `line` for marks (at least 3:1 against the background)
/// and `ink` for words written in that colour (at least 4.5:1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hue {
    /// Colour of lines, areas and points.
    pub line: RGBColor,
    /// Colour of text in the series' colour.
    pub ink: RGBColor,
}

const fn hex(rgb: u32) -> RGBColor {
    RGBColor((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8)
}

const fn hue(line: u32, ink: u32) -> Hue {
    Hue {
        line: hex(line),
        ink: hex(ink),
    }
}

/// The colours of one theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Background.
    pub background: RGBColor,
    /// Main text: direct labels of reference lines and marker labels.
    pub text: RGBColor,
    /// Secondary text: tick labels and axis titles.
    pub muted: RGBColor,
    /// Gridlines, deliberately faint: they are reading aids, not marks.
    pub grid: RGBColor,
    /// The zero line and the x axis.
    pub axis: RGBColor,
    /// Okabe-Ito blue.
    pub blue: Hue,
    /// Okabe-Ito vermillion.
    pub vermillion: Hue,
    /// Okabe-Ito orange.
    pub orange: Hue,
    /// Okabe-Ito sky blue.
    pub sky: Hue,
    /// Okabe-Ito bluish green.
    pub green: Hue,
    /// Okabe-Ito reddish purple.
    pub purple: Hue,
    /// Reference lines (the no-cut baseline): Okabe-Ito black, or near-white on dark.
    pub reference: Hue,
    /// The pinned scenario "A", drawn faintly behind.
    pub compare: Hue,
}

impl Palette {
    /// The palette of a theme.
    pub fn of(theme: Theme) -> Palette {
        match theme {
            Theme::Light => LIGHT,
            Theme::Dark => DARK,
            Theme::Projector => PROJECTOR,
        }
    }

    /// The pinned scenario "A" as it is drawn: its line in its words' colour (4.5:1 against
    /// the background, not the 3:1 of a mark), so that A reads as well as the current run.
    pub fn pinned(&self) -> Hue {
        Hue {
            line: self.compare.ink,
            ink: self.compare.ink,
        }
    }

    /// The hue of money lost (a cut that loses money, a lost margin) on every chart: the
    /// tornado's bars, the costs chart's lost margin, the regret map's words and the loss end
    /// of its colour ramp say loss with it, and no chart uses it for anything else.
    pub fn loss(&self) -> Hue {
        self.vermillion
    }

    /// The hue of money gained (a cut that pays) on every chart.
    pub fn gain(&self) -> Hue {
        self.blue
    }

    /// Every series colour with its name, for contrast checks.
    pub fn hues(&self) -> [(&'static str, Hue); 8] {
        [
            ("blue", self.blue),
            ("vermillion", self.vermillion),
            ("orange", self.orange),
            ("sky", self.sky),
            ("green", self.green),
            ("purple", self.purple),
            ("reference", self.reference),
            ("compare", self.compare),
        ]
    }
}

/// White background: the Okabe-Ito colours, darkened just enough where they are too light
/// (orange, sky blue and purple lines; most inks).
const LIGHT: Palette = Palette {
    background: hex(0xFFFFFF),
    text: hex(0x222222),
    muted: hex(0x5F6368),
    grid: hex(0xE3E5E8),
    axis: hex(0x6B7178),
    blue: hue(0x0072B2, 0x0072B2),
    vermillion: hue(0xD55E00, 0xB84F00),
    orange: hue(0xB97F00, 0x8F6300),
    sky: hue(0x4692BE, 0x36759A),
    green: hue(0x009E73, 0x00805D),
    purple: hue(0xBF6F9B, 0x9A5A7E),
    reference: hue(0x222222, 0x222222),
    compare: hue(0x8A8F96, 0x6B7178),
};

/// Dark background: the Okabe-Ito colours as they are, with inks lightened where needed; the
/// blue stays deep enough to tell apart from sky blue in stacked areas.
const DARK: Palette = Palette {
    background: hex(0x121417),
    text: hex(0xE6E8EB),
    muted: hex(0xA0A6AD),
    grid: hex(0x2A2E34),
    axis: hex(0x7D848C),
    blue: hue(0x2680C2, 0x4FA6DC),
    vermillion: hue(0xE0691A, 0xE37428),
    orange: hue(0xE69F00, 0xE69F00),
    sky: hue(0x56B4E9, 0x56B4E9),
    green: hue(0x00A87B, 0x1DB98E),
    purple: hue(0xCC79A7, 0xD38AB2),
    reference: hue(0xE6E8EB, 0xE6E8EB),
    compare: hue(0x7D848C, 0x9AA0A6),
};

/// Projector: white, pure black text, stronger gridlines and inks for washed-out screens.
const PROJECTOR: Palette = Palette {
    background: hex(0xFFFFFF),
    text: hex(0x000000),
    muted: hex(0x333333),
    grid: hex(0xD0D3D6),
    axis: hex(0x333333),
    blue: hue(0x0072B2, 0x005A8C),
    vermillion: hue(0xD55E00, 0xA54800),
    orange: hue(0xA87300, 0x805800),
    sky: hue(0x3D85B0, 0x2F6A8C),
    green: hue(0x008F68, 0x006E50),
    purple: hue(0xB2638E, 0x8C4D70),
    reference: hue(0x000000, 0x000000),
    compare: hue(0x767676, 0x5F6368),
};

/// WCAG 2 relative luminance of an sRGB colour.
pub fn relative_luminance(color: RGBColor) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(color.0) + 0.7152 * channel(color.1) + 0.0722 * channel(color.2)
}

/// WCAG 2 contrast ratio of two colours, from 1 to 21.
pub fn contrast_ratio(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (hi, lo) = if la >= lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// Sizes in device pixels, from the options and the theme. Layout uses the visual font sizes;
/// `text_factor` only corrects what is handed to the backend (plotters' SVG backend writes
/// `font-size` as the size divided by 1.24, the canvas does not).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// Colours.
    pub palette: Palette,
    /// Device pixels per logical (CSS) pixel.
    pub scale: f64,
    /// Font size of tick labels, device pixels.
    pub tick_font_px: f64,
    /// Font size of direct labels and axis titles, device pixels.
    pub label_font_px: f64,
    /// Width of the main series lines, device pixels.
    pub main_line_px: f64,
    /// Width of reference and secondary lines, device pixels.
    pub thin_line_px: f64,
    /// Width of gridlines and markers, device pixels.
    pub hairline_px: f64,
    /// Multiplier applied to font sizes when handing text to the backend.
    pub text_factor: f64,
}

impl Look {
    /// The look for the given options on a drawing `width_px` device pixels wide.
    pub fn new(options: &ChartOptions, width_px: u32, text_factor: f64) -> Look {
        let scale = if options.scale.is_finite() {
            options.scale.clamp(0.25, 8.0)
        } else {
            1.0
        };
        let (font_factor, line_factor) = match options.theme {
            Theme::Projector => (1.3, 1.6),
            Theme::Light | Theme::Dark => (1.0, 1.0),
        };
        // On a phone (a chart under 480 logical pixels wide) every word is at least 12 px,
        // the smallest that reads at arm's length: ticks grow to the labels' size. Wider
        // charts keep 11 px ticks under 12 px labels.
        let logical_width = f64::from(width_px) / scale;
        let tick_logical = if logical_width < 480.0 { 12.0 } else { 11.0 };
        let font = scale * font_factor;
        Look {
            palette: Palette::of(options.theme),
            scale,
            tick_font_px: tick_logical * font,
            label_font_px: 12.0 * font,
            main_line_px: 2.5 * scale * line_factor,
            thin_line_px: 1.5 * scale * line_factor,
            hairline_px: 1.0 * scale,
            text_factor,
        }
    }

    /// A length given in logical pixels, in device pixels.
    pub fn px(&self, logical: f64) -> f64 {
        logical * self.scale
    }

    /// Height of one line of label text, device pixels.
    pub fn label_line_px(&self) -> f64 {
        self.label_font_px * 1.25
    }
}

/// Estimated advance width of one character in ems, from DejaVu Sans (the widest of the
/// common sans-serif fonts; Arial and Helvetica run about 10% narrower): close enough to
/// reserve room for labels without asking the browser, which on wasm32 would force a layout
/// for every string.
fn char_width_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '\'' | '|' | '!' | ':' | ';' | 'I' => 0.28,
        '.' | ',' | ' ' | '(' | ')' | '[' | ']' | '/' => 0.32,
        'f' | 't' | '-' | '"' => 0.38,
        'r' => 0.41,
        's' | 'z' | 'c' => 0.55,
        '0'..='9' | '$' | '_' | '?' | '+' | '\u{2212}' | '=' | '<' | '>' | '~' | '#' => 0.64,
        'm' | 'w' => 0.92,
        'M' | 'W' => 0.92,
        '%' => 0.95,
        '€' | '&' => 0.78,
        c if c.is_ascii_lowercase() => 0.62,
        c if c.is_ascii_uppercase() => 0.72,
        _ => 0.7,
    }
}

/// Estimated width of `text` at `font_px`, device pixels.
pub fn text_width_px(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_width_em).sum::<f64>() * font_px
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_colour_reaches_its_contrast_in_every_theme() {
        for theme in [Theme::Light, Theme::Dark, Theme::Projector] {
            let p = Palette::of(theme);
            let bg = p.background;
            assert!(contrast_ratio(p.text, bg) >= 4.5, "{theme:?} text");
            assert!(contrast_ratio(p.muted, bg) >= 4.5, "{theme:?} muted text");
            assert!(contrast_ratio(p.axis, bg) >= 3.0, "{theme:?} axis");
            for (name, h) in p.hues() {
                let line = contrast_ratio(h.line, bg);
                let ink = contrast_ratio(h.ink, bg);
                assert!(line >= 3.0, "{theme:?} {name} line {line:.2}");
                assert!(ink >= 4.5, "{theme:?} {name} ink {ink:.2}");
            }
        }
    }

    #[test]
    fn contrast_matches_known_values() {
        let white = hex(0xFFFFFF);
        assert!((contrast_ratio(hex(0x000000), white) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(hex(0x767676), white) - 4.54).abs() < 0.01);
        // Okabe-Ito yellow is far too light for white, which is why the palette avoids it.
        assert!(contrast_ratio(hex(0xF0E442), white) < 1.5);
    }

    #[test]
    fn text_width_grows_with_length_and_size() {
        assert!(text_width_px("-$15.3M", 11.0) > text_width_px("$0", 11.0));
        assert!(text_width_px("Peak", 22.0) > 1.9 * text_width_px("Peak", 11.0));
        assert!(text_width_px("", 12.0) == 0.0);
    }
}

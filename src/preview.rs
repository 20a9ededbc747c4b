//! Social preview images (Open Graph / Twitter cards): one 1200x630 PNG per preset, made at
//! build time by the same chart code the page draws with (`chart::draw` on plotters' bitmap
//! backend), with the question, the preset, the headline figure and a source line. A link
//! pasted into a chat or a CMS shows this picture; no headless browser is involved.
//!
//! Native only: the bitmap backend, the bundled font and the PNG writer would only add to the
//! wasm modules, which never draw previews. The PNG is written here (chunks, CRC, zlib through
//! miniz_oxide) because plotters' own encoder pulls in the whole `image` crate.

use std::sync::Once;

use plotters::prelude::*;
use plotters::style::{register_font, FontStyle};

use crate::chart::{self, ChartData, ChartKind, ChartOptions};
use crate::model;
use crate::present::words::en;
use crate::presets::Preset;
use crate::validate::{validate, RawScenario};

/// The preview's size in pixels: the 1.91:1 card every major site shows uncropped.
pub const WIDTH: u32 = 1200;
/// See [`WIDTH`].
pub const HEIGHT: u32 = 630;

/// Where the words sit, in pixels (left, top, right, bottom): a test decodes the PNG and looks
/// for ink in these boxes, and the layout below draws into them.
pub mod layout {
    /// The question, up to four lines.
    pub const TITLE: [u32; 4] = [56, 66, 560, 270];
    /// The preset's name and the headline figure.
    pub const FIGURE: [u32; 4] = [56, 300, 560, 500];
    /// The source line with the link (or the licence when the build has no base URL).
    pub const SOURCE: [u32; 4] = [56, 574, 1160, 616];
    /// The savings chart.
    pub const CHART: [u32; 4] = [580, 40, 1176, 552];
}

/// The words of one preview, in the page's language (English at build time).
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewText {
    /// The question the page asks.
    pub title: String,
    /// The preset's name ("A typical cut").
    pub preset: String,
    /// What the figure is ("Net present value vs keeping everyone").
    pub figure_label: String,
    /// The figure ("-$3.1M").
    pub figure: String,
    /// "Source: Layoff What-If model, <link>" or, without a link, the licence line.
    pub source: String,
}

/// A preview that could not be made.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewError(pub String);

impl std::fmt::Display for PreviewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "preview: {}", self.0)
    }
}

impl std::error::Error for PreviewError {}

const SANS: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
const SANS_BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

/// Registers the bundled DejaVu Sans as plotters' "sans-serif" (what the charts ask for), once.
fn fonts() -> Result<(), PreviewError> {
    static ONCE: Once = Once::new();
    let mut result = Ok(());
    ONCE.call_once(|| {
        let family = FontFamily::SansSerif.as_str();
        result = register_font(family, FontStyle::Normal, SANS)
            .and_then(|()| register_font(family, FontStyle::Bold, SANS_BOLD))
            .map_err(|_| PreviewError("the bundled DejaVu Sans font could not be read".into()));
    });
    result
}

/// The preview's words for a preset; `link` is the absolute address of the preset's page
/// (`https://host/path/?preset=NAME`) when the build knows its base URL.
pub fn text_for(preset: &Preset, link: Option<&str>) -> Result<PreviewText, PreviewError> {
    let scenario = validate(&RawScenario {
        preset: Some(preset.name.to_owned()),
        ..RawScenario::default()
    })
    .map_err(|e| PreviewError(format!("preset '{}' does not validate: {e}", preset.name)))?;
    let outcome = model::run(&scenario.params);
    let word = |path: &str| -> Result<String, PreviewError> {
        let text = en(path);
        if text.is_empty() {
            Err(PreviewError(format!("en.json has no text for '{path}'")))
        } else {
            Ok(text.to_owned())
        }
    };
    let source = match link {
        Some(url) => word("preview.sourceLink")?.replace("{link}", url),
        None => word("preview.sourceNoLink")?,
    };
    Ok(PreviewText {
        title: word("preview.question")?,
        preset: word(&format!("presets.{}.title", preset.name))?,
        figure_label: word("numbers.npv")?,
        figure: crate::present::NumberStyle::english()
            .money(outcome.summary.npv_usd)
            .replace('-', "\u{2212}"),
        source,
    })
}

/// Greedy word wrap by the font's own measure; at most `max_lines`, the last one ending in an
/// ellipsis when the text does not fit (the question is short, so this only guards).
fn wrap<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    text: &str,
    style: &TextStyle<'_>,
    width: u32,
    max_lines: usize,
) -> Vec<String> {
    let fits = |line: &str| {
        area.estimate_text_size(line, style)
            .map(|(w, _)| w <= width)
            .unwrap_or(false)
    };
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if fits(&candidate) || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            last.push('\u{2026}');
        }
    }
    lines
}

fn draw_error<E: std::fmt::Debug>(e: E) -> PreviewError {
    PreviewError(format!("drawing failed: {e:?}"))
}

/// Draws the preview of `preset` into an RGB buffer of [`WIDTH`] x [`HEIGHT`].
pub fn render_rgb(preset: &Preset, text: &PreviewText) -> Result<Vec<u8>, PreviewError> {
    fonts()?;
    let scenario = validate(&RawScenario {
        preset: Some(preset.name.to_owned()),
        ..RawScenario::default()
    })
    .map_err(|e| PreviewError(format!("preset '{}' does not validate: {e}", preset.name)))?;
    let outcome = model::run(&scenario.params);
    let mut buffer = vec![0u8; (WIDTH * HEIGHT * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buffer, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_error)?;
        let ink = RGBColor(0x1a, 0x1a, 0x1a);
        let muted = RGBColor(0x55, 0x55, 0x55);
        let accent = RGBColor(0xd5, 0x5e, 0x00); // the charts' vermilion (Okabe-Ito)
        root.draw(&Rectangle::new(
            [(0, 0), (12, HEIGHT as i32)],
            accent.filled(),
        ))
        .map_err(draw_error)?;

        let kicker =
            TextStyle::from(("sans-serif", 22).into_font().style(FontStyle::Bold)).color(&accent);
        root.draw_text("LAYOFF WHAT-IF", &kicker, (56, 36))
            .map_err(draw_error)?;

        let [left, top, right, bottom] = layout::TITLE;
        let title =
            TextStyle::from(("sans-serif", 36).into_font().style(FontStyle::Bold)).color(&ink);
        let mut y = top as i32;
        for line in wrap(&root, &text.title, &title, right - left, 4) {
            if y + 44 > bottom as i32 {
                break;
            }
            root.draw_text(&line, &title, (left as i32, y))
                .map_err(draw_error)?;
            y += 48;
        }

        let [left, top, right, _] = layout::FIGURE;
        let preset_style = TextStyle::from(("sans-serif", 26).into_font()).color(&muted);
        root.draw_text(&text.preset, &preset_style, (left as i32, top as i32))
            .map_err(draw_error)?;
        let label = TextStyle::from(("sans-serif", 24).into_font()).color(&ink);
        let mut y = top as i32 + 44;
        for line in wrap(&root, &text.figure_label, &label, right - left, 2) {
            root.draw_text(&line, &label, (left as i32, y))
                .map_err(draw_error)?;
            y += 32;
        }
        let figure =
            TextStyle::from(("sans-serif", 64).into_font().style(FontStyle::Bold)).color(&ink);
        root.draw_text(&text.figure, &figure, (left as i32, y + 6))
            .map_err(draw_error)?;

        let [left, top, right, _] = layout::SOURCE;
        root.draw(&Rectangle::new(
            [
                (left as i32, top as i32 - 14),
                (right as i32, top as i32 - 13),
            ],
            RGBColor(0xcc, 0xcc, 0xcc).filled(),
        ))
        .map_err(draw_error)?;
        let source = TextStyle::from(("sans-serif", 22).into_font()).color(&muted);
        let line = wrap(&root, &text.source, &source, right - left, 1).join(" ");
        root.draw_text(&line, &source, (left as i32, top as i32 + 4))
            .map_err(draw_error)?;

        let [left, top, right, bottom] = layout::CHART;
        let area = root
            .clone()
            .shrink((left, top), (right - left, bottom - top));
        let data = ChartData {
            outcome: &outcome,
            params: &scenario.params,
            compare: None,
            band: None,
            record: crate::record::for_preset(preset.name),
            augment_story: crate::present::policy::tells_augment_story(
                preset.name,
                &scenario.params,
            ),
        };
        let options = ChartOptions {
            scale: 1.5,
            ..ChartOptions::default()
        };
        chart::draw(&area, ChartKind::Savings, &data, &options)
            .map_err(|e| PreviewError(e.to_string()))?;
        root.present().map_err(draw_error)?;
    }
    Ok(buffer)
}

/// The preview of `preset` as PNG bytes.
pub fn png(preset: &Preset, text: &PreviewText) -> Result<Vec<u8>, PreviewError> {
    Ok(encode_png(&render_rgb(preset, text)?, WIDTH, HEIGHT))
}

/// A PNG file of an 8-bit RGB image (no filter: flat chart colours compress well without one).
pub fn encode_png(rgb: &[u8], width: u32, height: u32) -> Vec<u8> {
    let row = width as usize * 3;
    let mut raw = Vec::with_capacity((row + 1) * height as usize);
    for line in rgb.chunks(row) {
        raw.push(0); // filter type "none"
        raw.extend_from_slice(line);
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]); // 8 bits, RGB, deflate, no filter set, no interlace
    chunk(&mut out, b"IHDR", &header);
    chunk(
        &mut out,
        b"IDAT",
        &miniz_oxide::deflate::compress_to_vec_zlib(&raw, 9),
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc = Crc::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(&crc.finish().to_be_bytes());
}

/// CRC-32 (IEEE, as PNG chunks use), bit by bit: a 2.7 MB image is checked in milliseconds,
/// so a table would only add code.
struct Crc(u32);

impl Crc {
    fn new() -> Self {
        Crc(0xffff_ffff)
    }
    fn update(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u32::from(b);
            for _ in 0..8 {
                let mask = (self.0 & 1).wrapping_neg();
                self.0 = (self.0 >> 1) ^ (0xedb8_8320 & mask);
            }
        }
    }
    fn finish(self) -> u32 {
        !self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::PRESETS;

    /// Reads back a PNG written by [`encode_png`]: checks every chunk's CRC and inflates the
    /// pixels, so the test sees what a decoder sees.
    fn decode(png: &[u8]) -> (u32, u32, Vec<u8>) {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let (mut at, mut idat, mut size) = (8, Vec::new(), (0, 0));
        while at < png.len() {
            let len = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
            let kind = &png[at + 4..at + 8];
            let data = &png[at + 8..at + 8 + len];
            let crc = u32::from_be_bytes(png[at + 8 + len..at + 12 + len].try_into().unwrap());
            let mut check = Crc::new();
            check.update(kind);
            check.update(data);
            assert_eq!(
                check.finish(),
                crc,
                "bad CRC in {:?}",
                std::str::from_utf8(kind)
            );
            match kind {
                b"IHDR" => {
                    size = (
                        u32::from_be_bytes(data[0..4].try_into().unwrap()),
                        u32::from_be_bytes(data[4..8].try_into().unwrap()),
                    )
                }
                b"IDAT" => idat.extend_from_slice(data),
                _ => {}
            }
            at += 12 + len;
        }
        let raw = miniz_oxide::inflate::decompress_to_vec_zlib(&idat).unwrap();
        let row = size.0 as usize * 3;
        let pixels = raw.chunks(row + 1).flat_map(|r| r[1..].to_vec()).collect();
        (size.0, size.1, pixels)
    }

    fn dark_pixels(rgb: &[u8], [l, t, r, b]: [u32; 4]) -> usize {
        (t..b)
            .flat_map(|y| (l..r).map(move |x| ((y * WIDTH + x) * 3) as usize))
            .filter(|&i| rgb[i..i + 3].iter().all(|&c| c < 160))
            .count()
    }

    #[test]
    fn the_crc_matches_the_png_specification_example() {
        // The CRC of "IEND" with no data is the well-known AE 42 60 82.
        let mut crc = Crc::new();
        crc.update(b"IEND");
        assert_eq!(crc.finish(), 0xae42_6082);
    }

    #[test]
    fn every_preset_has_a_preview_with_words_where_the_layout_puts_them() {
        for preset in PRESETS {
            let text =
                text_for(preset, Some("https://example.org/whatif/?preset=typical")).unwrap();
            assert!(text
                .source
                .contains("https://example.org/whatif/?preset=typical"));
            let png = png(preset, &text).unwrap();
            let (w, h, rgb) = decode(&png);
            assert_eq!((w, h), (WIDTH, HEIGHT));
            assert!(
                dark_pixels(&rgb, layout::TITLE) > 2000,
                "{}: no title",
                preset.name
            );
            assert!(
                dark_pixels(&rgb, layout::FIGURE) > 1000,
                "{}: no figure",
                preset.name
            );
            // The source line is grey (0x55): dark enough for the count.
            assert!(
                dark_pixels(&rgb, layout::SOURCE) > 500,
                "{}: no source line",
                preset.name
            );
            // Nothing is drawn in the gap between the text column and the chart.
            assert_eq!(dark_pixels(&rgb, [562, 70, 578, 540]), 0, "{}", preset.name);
        }
    }

    #[test]
    fn without_a_link_the_source_line_names_the_licence() {
        let text = text_for(&PRESETS[0], None).unwrap();
        assert!(text.source.contains("CC BY 4.0"), "{}", text.source);
        assert!(!text.source.contains("http"));
    }
}

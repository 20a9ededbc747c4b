//! The regret map: a heatmap of the net present value (or the month regret comes) over two
//! parameters, with the break-even line (the zero contour of NPV, traced by marching squares
//! over the grid), the current scenario marked, and a legend.
//!
//! The NPV scale diverges around zero from the loss hue (the cut loses money) through a
//! neutral middle to blue (the cut pays), symmetric so that zero is always the middle. Its
//! loss end is `Palette::loss`, the colour the tornado and the costs chart say loss with, so
//! a loss looks the same on every chart. Vermillion against blue is the Okabe-Ito pair that
//! readers with any common colour vision deficiency tell apart, and each half steps evenly in
//! lightness from its end to the middle, so the size of a result reads without hue at all.
//! The dark theme runs from a dark neutral to bright ends, so the strongest results stand
//! out on either background. The break-even line and the legend's words mean colour is
//! never the only cue.

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, RGBColor};

use super::kit::{self, Canvas, Pane, Point};
use super::kit::{text_width_px, Look, Palette};
use super::text::{self, word};
use super::{ChartError, ChartOptions, Theme};
use crate::analysis::map::RegretMap;
use crate::params::ParamSpec;

/// What the map's colours show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MapMetric {
    /// Net present value against keeping everyone (diverging around zero).
    #[default]
    Npv,
    /// The month regret comes (sequential; "no regret" has its own colour).
    RegretMonth,
}

impl MapMetric {
    /// The stable wire name: "npv" or "regret".
    pub fn key(self) -> &'static str {
        match self {
            MapMetric::Npv => "npv",
            MapMetric::RegretMonth => "regret",
        }
    }

    /// Looks a metric up by its wire name.
    pub fn from_key(key: &str) -> Option<MapMetric> {
        match key {
            "npv" => Some(MapMetric::Npv),
            "regret" => Some(MapMetric::RegretMonth),
            _ => None,
        }
    }
}

const fn hex(rgb: u32) -> RGBColor {
    RGBColor((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8)
}

/// The NPV ramp after its loss end, towards the most positive NPV: three tints of the loss
/// hue, then the neutral middle, then RdBu's blues. The end itself is `Palette::loss().line`
/// (see `colours`), written once in the theme. The tints keep the vermillion's hue (CIE
/// L*C*h about 55-63 degrees) and step evenly in lightness from the end (L* 54) to the middle
/// (L* 97), about 11 L* a stop, as the blues do: PuOr's oranges, which the map used before,
/// sat at another hue and would leave the darkest loss only 9 L* from its neighbour.
const NPV_LIGHT_AFTER_LOSS: [RGBColor; 8] = [
    hex(0xEA8546),
    hex(0xF5AF80),
    hex(0xFAD8C0),
    hex(0xF7F7F7),
    hex(0xD1E5F0),
    hex(0x92C5DE),
    hex(0x4393C3),
    hex(0x2166AC),
];

/// On a dark page the middle is a dark neutral and the ends are bright: the loss tints step
/// down evenly from the dark theme's vermillion (L* 58) to the neutral (L* 19). With the
/// old oranges the end and its neighbour had the same lightness, and under protanopia or
/// deuteranopia the strongest loss looked the same as a moderate one.
const NPV_DARK_AFTER_LOSS: [RGBColor; 8] = [
    hex(0xB7591D),
    hex(0x874B24),
    hex(0x583E2C),
    hex(0x2A2E34),
    hex(0x26405A),
    hex(0x2C6FA3),
    hex(0x4393C3),
    hex(0x92C5DE),
];

/// "No regret" on the regret-month map: a blue, the side of the ramp where the cut pays.
const NO_REGRET_LIGHT: RGBColor = hex(0x92C5DE);
const NO_REGRET_DARK: RGBColor = hex(0x2C6FA3);

fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let channel = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    RGBColor(channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
}

/// The colour at `t` in 0..1 along a ramp of stops.
fn ramp(stops: &[RGBColor], t: f64) -> RGBColor {
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.5
    };
    let position = t * (stops.len() - 1) as f64;
    let i = (position.floor() as usize).min(stops.len() - 2);
    mix(stops[i], stops[i + 1], position - i as f64)
}

/// The map's colours in one theme.
struct Colours {
    /// Nine stops from the most negative NPV (the loss hue) to the most positive.
    npv: [RGBColor; 9],
    no_regret: RGBColor,
}

impl Colours {
    /// The regret month, earliest (worst) first: the NPV ramp's loss half without its neutral
    /// middle, so an early regret is in the loss hue as a large loss is.
    fn regret(&self) -> &[RGBColor] {
        &self.npv[..4]
    }
}

/// The colours of `theme`, whose palette is `palette`: the NPV ramp starts at the palette's
/// loss colour, the very colour of the tornado's loss bars.
fn colours(theme: Theme, palette: &Palette) -> Colours {
    let (after_loss, no_regret) = match theme {
        Theme::Dark => (&NPV_DARK_AFTER_LOSS, NO_REGRET_DARK),
        Theme::Light | Theme::Projector => (&NPV_LIGHT_AFTER_LOSS, NO_REGRET_LIGHT),
    };
    let mut npv = [palette.loss().line; 9];
    npv[1..].copy_from_slice(after_loss);
    Colours { npv, no_regret }
}

/// Checks the map's shape: ascending finite axes of at least two values, one NPV and one
/// regret entry per cell, every value finite.
pub fn check(map: &RegretMap) -> Result<(), ChartError> {
    for (name, values) in [("x", &map.xs), ("y", &map.ys)] {
        if values.len() < 2 {
            return Err(ChartError(format!(
                "the map's {name} axis needs at least two values"
            )));
        }
        if !values.iter().all(|v| v.is_finite()) || values.windows(2).any(|w| w[0] >= w[1]) {
            return Err(ChartError(format!(
                "the map's {name} axis must be finite and ascending"
            )));
        }
    }
    let cells = map.xs.len() * map.ys.len();
    if map.npv_usd.len() != cells || map.regret_month.len() != cells {
        return Err(ChartError(format!(
            "the map has {} values for {cells} cells",
            map.npv_usd.len()
        )));
    }
    if !map.npv_usd.iter().all(|v| v.is_finite()) {
        return Err(ChartError(
            "the map has a value that is not finite".to_owned(),
        ));
    }
    if !(map.current.0.is_finite() && map.current.1.is_finite()) {
        return Err(ChartError(
            "the map's current scenario is not finite".to_owned(),
        ));
    }
    Ok(())
}

/// Cell edges along an axis: halfway between neighbouring grid values, and half a step
/// beyond the first and the last.
fn edges(values: &[f64]) -> Vec<f64> {
    let n = values.len();
    let mut out = Vec::with_capacity(n + 1);
    out.push(values[0] - (values[1] - values[0]) / 2.0);
    for pair in values.windows(2) {
        out.push((pair[0] + pair[1]) / 2.0);
    }
    out.push(values[n - 1] + (values[n - 1] - values[n - 2]) / 2.0);
    out
}

/// The break-even line: where NPV crosses zero, by marching squares over the grid with
/// linear interpolation along cell edges. Each segment joins two points in parameter values
/// `(x, y)`. Empty when NPV does not change sign on the map.
pub fn zero_contour(map: &RegretMap) -> Vec<[(f64, f64); 2]> {
    let (nx, ny) = (map.xs.len(), map.ys.len());
    if nx < 2 || ny < 2 || map.npv_usd.len() != nx * ny {
        return Vec::new();
    }
    let value = |column: usize, row: usize| map.npv_usd[row * nx + column];
    // The point on the edge between two grid nodes where the value is zero.
    let cross = |a: (usize, usize), b: (usize, usize)| -> (f64, f64) {
        let (va, vb) = (value(a.0, a.1), value(b.0, b.1));
        let t = if va == vb { 0.5 } else { va / (va - vb) };
        let t = t.clamp(0.0, 1.0);
        let (xa, ya) = (map.xs[a.0], map.ys[a.1]);
        let (xb, yb) = (map.xs[b.0], map.ys[b.1]);
        (xa + (xb - xa) * t, ya + (yb - ya) * t)
    };
    let mut segments = Vec::new();
    for row in 0..ny - 1 {
        for column in 0..nx - 1 {
            // Corners counter-clockwise from the lower left; "above" means NPV > 0.
            let corners = [
                (column, row),
                (column + 1, row),
                (column + 1, row + 1),
                (column, row + 1),
            ];
            let above: Vec<bool> = corners.iter().map(|&(c, r)| value(c, r) > 0.0).collect();
            // The cell's edges that the zero line crosses, in order around the cell.
            let crossed: Vec<usize> = (0..4).filter(|&e| above[e] != above[(e + 1) % 4]).collect();
            let point = |e: usize| cross(corners[e], corners[(e + 1) % 4]);
            match crossed.len() {
                2 => segments.push([point(crossed[0]), point(crossed[1])]),
                4 => {
                    // A saddle: the mean of the corners decides which pairs join.
                    let mean = corners.iter().map(|&(c, r)| value(c, r)).sum::<f64>() / 4.0;
                    if (mean > 0.0) == above[0] {
                        segments.push([point(0), point(1)]);
                        segments.push([point(2), point(3)]);
                    } else {
                        segments.push([point(3), point(0)]);
                        segments.push([point(1), point(2)]);
                    }
                }
                _ => {}
            }
        }
    }
    segments
}

fn axis_ticks(
    spec: &ParamSpec,
    budget: usize,
    options: &ChartOptions,
) -> Result<Vec<(f64, String)>, ChartError> {
    let ticks = kit::nice_ticks(spec.min, spec.max, budget)?;
    Ok(ticks
        .values
        .iter()
        .map(|&v| {
            (
                v,
                text::param_value(spec.unit, v, &options.text, &options.money),
            )
        })
        .collect())
}

/// The largest absolute NPV on the map: the ends of the symmetric colour scale.
fn npv_scale(map: &RegretMap) -> f64 {
    map.npv_usd.iter().fold(0.0f64, |m, v| m.max(v.abs()))
}

fn regret_range(map: &RegretMap) -> Option<(u32, u32)> {
    let months = map.regret_month.iter().flatten();
    let lo = months.clone().min()?;
    let hi = months.max()?;
    Some((*lo, *hi))
}

/// Where the map goes: its pane (in parameter values), the ticks of both axes, the cells'
/// edges and the row of the x axis's title.
struct Layout {
    pane: Pane,
    x_ticks: Vec<(f64, String)>,
    y_ticks: Vec<(f64, String)>,
    x_edges: Vec<f64>,
    y_edges: Vec<f64>,
}

/// Rows from the top: the y axis title; the map; x tick labels; the x axis title; the
/// legend (title, colour bar, end values, end words).
fn layout(canvas: &Canvas, map: &RegretMap, options: &ChartOptions) -> Result<Layout, ChartError> {
    let look = canvas.look;
    let line = look.label_line_px();
    let font = look.tick_font_px;
    let top = look.px(10.0) + line;
    let legend_height = line * 3.0 + look.px(12.0) + look.px(6.0);
    let bottom = canvas.height_px - (font * 1.2 + look.px(8.0)) - line - legend_height;
    let y_budget = ((bottom - top) / look.px(44.0)).floor().max(2.0) as usize;
    let y_ticks = axis_ticks(map.y, y_budget.min(6), options)?;
    let y_labels: Vec<String> = y_ticks.iter().map(|(_, l)| l.clone()).collect();
    let left = look.px(2.0) + kit::widest(&y_labels, font) + look.px(8.0);
    let right = canvas.width_px - look.px(12.0);
    let x_budget = ((right - left) / look.px(70.0)).floor().max(2.0) as usize;
    let x_ticks = axis_ticks(map.x, x_budget.min(6), options)?;
    let x_edges = edges(&map.xs);
    let y_edges = edges(&map.ys);
    let pane = Pane {
        left,
        top,
        right,
        bottom,
        x_min: x_edges[0],
        x_max: x_edges[x_edges.len() - 1],
        y_min: y_edges[0],
        y_max: y_edges[y_edges.len() - 1],
    };
    Ok(Layout {
        pane,
        x_ticks,
        y_ticks,
        x_edges,
        y_edges,
    })
}

/// Draws the map.
pub fn draw(
    canvas: &Canvas,
    map: &RegretMap,
    metric: MapMetric,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let look = canvas.look;
    let scheme = colours(options.theme, &look.palette);
    let line = look.label_line_px();
    let layout = layout(canvas, map, options)?;
    let pane = &layout.pane;
    if !pane.is_drawable() {
        return Ok(());
    }
    kit::draw_axis_title(
        canvas,
        &format!("↑ {}", text::param_label(&options.text, map.y)),
        look.px(2.0),
        look.px(4.0) + line / 2.0,
    )?;
    draw_cells(canvas, map, metric, &scheme, &layout)?;
    let x_title_y = draw_axes(canvas, map, options, &layout)?;
    let contour = draw_contour(canvas, map, pane)?;
    // The current scenario: a ring with a halo.
    let here = (pane.x(map.current.0), pane.y(map.current.1));
    let radius = look.px(6.0);
    canvas.ring(here, radius, look.px(4.0), look.palette.background)?;
    canvas.ring(here, radius, look.px(2.0), look.palette.text)?;
    draw_map_labels(canvas, pane, options, &contour, (here, radius))?;
    let legend_top = x_title_y + line / 2.0 + look.px(6.0);
    legend(canvas, map, metric, options, &scheme, legend_top)
}

/// The colour of every cell.
fn draw_cells(
    canvas: &Canvas,
    map: &RegretMap,
    metric: MapMetric,
    scheme: &Colours,
    layout: &Layout,
) -> Result<(), ChartError> {
    let (pane, x_edges, y_edges) = (&layout.pane, &layout.x_edges, &layout.y_edges);
    let nx = map.xs.len();
    let scale = npv_scale(map);
    let regrets = regret_range(map);
    let cell_colour = |index: usize| -> RGBColor {
        match metric {
            MapMetric::Npv => {
                let v = map.npv_usd[index];
                let t = if scale > 0.0 {
                    0.5 + 0.5 * v / scale
                } else {
                    0.5
                };
                ramp(&scheme.npv, t)
            }
            MapMetric::RegretMonth => match (map.regret_month[index], regrets) {
                (Some(m), Some((lo, hi))) => {
                    let t = if hi > lo {
                        f64::from(m - lo) / f64::from(hi - lo)
                    } else {
                        0.0
                    };
                    ramp(scheme.regret(), t)
                }
                _ => scheme.no_regret,
            },
        }
    };
    // Each cell but the last in its row and column reaches one pixel into its neighbour, so
    // that no hairline of background shows between cells when a viewer scales the drawing.
    let (last_column, last_row) = (x_edges.len() - 2, y_edges.len() - 2);
    for (row, pair_y) in y_edges.windows(2).enumerate() {
        let overlap_y = if row < last_row { 1.0 } else { 0.0 };
        for (column, pair_x) in x_edges.windows(2).enumerate() {
            let overlap_x = if column < last_column { 1.0 } else { 0.0 };
            let color = cell_colour(row * nx + column);
            canvas.rect(
                (pane.x(pair_x[0]), pane.y(pair_y[1]) - overlap_y),
                (pane.x(pair_x[1]) + overlap_x, pane.y(pair_y[0])),
                color.to_rgba(),
            )?;
        }
    }
    Ok(())
}

/// Axes: tick marks and labels outside the map, and the x axis's title; returns that
/// title's row.
fn draw_axes(
    canvas: &Canvas,
    map: &RegretMap,
    options: &ChartOptions,
    layout: &Layout,
) -> Result<f64, ChartError> {
    let look = canvas.look;
    let palette = look.palette;
    let pane = &layout.pane;
    let (left, font) = (pane.left, look.tick_font_px);
    for (value, label) in &layout.y_ticks {
        let y = pane.y(*value);
        canvas.hrule(left - look.px(4.0), left, y, look.hairline_px, palette.axis)?;
        let anchor = (HPos::Right, VPos::Center);
        canvas.text(label, (left - look.px(6.0), y), font, palette.muted, anchor)?;
    }
    kit::draw_x_ticks(canvas, pane, &layout.x_ticks)?;
    let x_title_y = pane.bottom + look.px(8.0) + font * 1.2 + look.label_line_px() / 2.0;
    canvas.text(
        &format!("{} →", text::param_label(&options.text, map.x)),
        (pane.right, x_title_y),
        look.label_font_px,
        palette.muted,
        (HPos::Right, VPos::Center),
    )?;
    Ok(x_title_y)
}

/// The break-even line, with a halo so it reads over every colour; returns its segments in
/// device pixels.
fn draw_contour(
    canvas: &Canvas,
    map: &RegretMap,
    pane: &Pane,
) -> Result<Vec<[Point; 2]>, ChartError> {
    let look = canvas.look;
    let palette = look.palette;
    let to_px = |p: (f64, f64)| -> Point { (pane.x(p.0), pane.y(p.1)) };
    let contour: Vec<[Point; 2]> = zero_contour(map)
        .iter()
        .map(|s| [to_px(s[0]), to_px(s[1])])
        .collect();
    let contour_width = look.main_line_px.max(look.px(2.0));
    for width_px in [contour_width + look.px(2.0), contour_width] {
        let color = if width_px > contour_width {
            palette.background.to_rgba()
        } else {
            palette.text.to_rgba()
        };
        for s in &contour {
            canvas.line(&s[..], color, width_px, kit::Stroke::Solid)?;
        }
    }
    Ok(contour)
}

/// Labels, kept off each other: the current scenario (a ring of `radius` at `here`) first,
/// then the break-even line.
fn draw_map_labels(
    canvas: &Canvas,
    pane: &Pane,
    options: &ChartOptions,
    contour: &[[Point; 2]],
    (here, radius): (Point, f64),
) -> Result<(), ChartError> {
    let look = canvas.look;
    let (font, ink) = (look.label_font_px, look.palette.text);
    let tick_font = look.tick_font_px;
    let gap = radius + look.px(5.0);
    let current_words = word(&options.text, "chart.map.current");
    let candidates = [
        ((here.0 + gap, here.1), HPos::Left),
        ((here.0 - gap, here.1), HPos::Right),
        ((here.0, here.1 - gap - tick_font * 0.4), HPos::Center),
        ((here.0, here.1 + gap + tick_font * 0.4), HPos::Center),
    ];
    let avoid: Vec<&[Point]> = contour.iter().map(|s| &s[..]).collect();
    canvas.label_somewhere(current_words, &candidates, font, ink, pane, &avoid)?;
    if let Some(anchor) = contour_label_point(contour, pane, here) {
        let zero_words = word(&options.text, "chart.map.zero");
        let line = look.label_line_px();
        let candidates = [
            ((anchor.0 + look.px(6.0), anchor.1), HPos::Left),
            ((anchor.0 - look.px(6.0), anchor.1), HPos::Right),
            ((anchor.0, anchor.1 - line * 0.8), HPos::Center),
            ((anchor.0, anchor.1 + line * 0.8), HPos::Center),
        ];
        canvas.label_somewhere(zero_words, &candidates, font, ink, pane, &[])?;
    }
    Ok(())
}

/// Where to label the break-even line: the middle of the segment nearest the middle of the
/// map, preferring segments away from the current scenario's marker.
fn contour_label_point(contour: &[[Point; 2]], pane: &Pane, here: Point) -> Option<Point> {
    let middle = (
        (pane.left + pane.right) / 2.0,
        (pane.top + pane.bottom) / 2.0,
    );
    let distance = |a: Point, b: Point| ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
    let near_limit = (pane.right - pane.left).min(pane.bottom - pane.top) * 0.15;
    contour
        .iter()
        .map(|s| ((s[0].0 + s[1].0) / 2.0, (s[0].1 + s[1].1) / 2.0))
        .min_by(|&a, &b| {
            let score = |p: Point| {
                distance(p, middle)
                    + if distance(p, here) < near_limit {
                        1e6
                    } else {
                        0.0
                    }
            };
            score(a).total_cmp(&score(b))
        })
}

/// The legend under the map: the metric's name, a colour bar with its end values, and what
/// the ends mean.
fn legend(
    canvas: &Canvas,
    map: &RegretMap,
    metric: MapMetric,
    options: &ChartOptions,
    scheme: &Colours,
    top: f64,
) -> Result<(), ChartError> {
    let look: Look = canvas.look;
    let line = look.label_line_px();
    let title_key = match metric {
        MapMetric::Npv => "chart.map.npv",
        MapMetric::RegretMonth => "chart.map.regret",
    };
    let title = word(&options.text, title_key);
    kit::draw_axis_title(canvas, title, look.px(2.0), top + line / 2.0)?;
    let bar = ColourBar {
        left: look.px(2.0),
        width: (canvas.width_px - look.px(4.0)).min(look.px(320.0)),
        top: top + line + look.px(2.0),
        height: look.px(10.0),
    };
    let legend = Legend {
        canvas,
        map,
        options,
        scheme,
        bar,
    };
    match metric {
        MapMetric::Npv => legend.npv(),
        MapMetric::RegretMonth => legend.regret(),
    }
}

/// What a legend draws on and from, and where its colour bar goes.
struct Legend<'a> {
    canvas: &'a Canvas,
    map: &'a RegretMap,
    options: &'a ChartOptions,
    scheme: &'a Colours,
    bar: ColourBar,
}

/// Where the legend's colour bar goes, device pixels.
struct ColourBar {
    left: f64,
    width: f64,
    top: f64,
    height: f64,
}

impl ColourBar {
    /// The row under the bar where its end values hang.
    fn below(&self, look: &Look) -> f64 {
        self.top + self.height + look.px(4.0)
    }

    /// A ramp of `stops` drawn in 48 steps from `x0` to `x1`.
    fn strip(
        &self,
        canvas: &Canvas,
        x0: f64,
        x1: f64,
        stops: &[RGBColor],
    ) -> Result<(), ChartError> {
        let steps = 48;
        for k in 0..steps {
            let a = x0 + (x1 - x0) * k as f64 / steps as f64;
            let b = x0 + (x1 - x0) * (k + 1) as f64 / steps as f64;
            let color = ramp(stops, (k as f64 + 0.5) / steps as f64);
            canvas.rect((a, self.top), (b, self.top + self.height), color.to_rgba())?;
        }
        Ok(())
    }
}

impl Legend<'_> {
    /// The NPV legend: the diverging ramp, its ends and middle in money, and what each end
    /// means.
    fn npv(&self) -> Result<(), ChartError> {
        let (canvas, map, options, scheme, bar) =
            (self.canvas, self.map, self.options, self.scheme, &self.bar);
        let (look, font) = (canvas.look, canvas.look.tick_font_px);
        let (palette, below) = (look.palette, bar.below(&look));
        let (left, width) = (bar.left, bar.width);
        bar.strip(canvas, left, left + width, &scheme.npv)?;
        let scale = npv_scale(map);
        let ends = [
            (left, -scale, HPos::Left),
            (left + width / 2.0, 0.0, HPos::Center),
            (left + width, scale, HPos::Right),
        ];
        for (x, value, h) in ends {
            let words = text::money(value, None, &options.money);
            canvas.text(&words, (x, below), font, palette.muted, (h, VPos::Top))?;
        }
        let words_row = below + font * 1.2 + look.label_line_px() / 2.0;
        canvas.text(
            &format!("← {}", word(&options.text, "chart.map.loses")),
            (left, words_row),
            font,
            palette.loss().ink,
            (HPos::Left, VPos::Center),
        )?;
        canvas.text(
            &format!("{} →", word(&options.text, "chart.map.pays")),
            (left + width, words_row),
            font,
            palette.gain().ink,
            (HPos::Right, VPos::Center),
        )
    }

    /// The regret legend: the sequential ramp from the earliest to the latest regret month,
    /// and a swatch for "no regret".
    fn regret(&self) -> Result<(), ChartError> {
        let (canvas, map, options, scheme, bar) =
            (self.canvas, self.map, self.options, self.scheme, &self.bar);
        let (look, font) = (canvas.look, canvas.look.tick_font_px);
        let (palette, below) = (look.palette, bar.below(&look));
        let (left, width) = (bar.left, bar.width);
        let no_regret = word(&options.text, "chart.map.noRegret");
        let swatch_words = text_width_px(no_regret, font);
        let swatch = look.px(14.0);
        let ramp_right = left + width - swatch - swatch_words - look.px(16.0);
        if let Some((lo, hi)) = regret_range(map) {
            bar.strip(canvas, left, ramp_right, scheme.regret())?;
            let month = |m: u32| {
                let unit = word(&options.text, "chart.unit.months");
                text::fill(unit, &[("n", m.to_string())])
            };
            let muted = palette.muted;
            canvas.text(
                &month(lo),
                (left, below),
                font,
                muted,
                (HPos::Left, VPos::Top),
            )?;
            if hi > lo {
                let at = (ramp_right, below);
                canvas.text(&month(hi), at, font, muted, (HPos::Right, VPos::Top))?;
            }
        }
        let swatch_left = left + width - swatch - swatch_words - look.px(6.0);
        canvas.rect(
            (swatch_left, bar.top),
            (swatch_left + swatch, bar.top + bar.height),
            scheme.no_regret.to_rgba(),
        )?;
        canvas.text(
            no_regret,
            (
                swatch_left + swatch + look.px(4.0),
                bar.top + bar.height / 2.0,
            ),
            font,
            palette.text,
            (HPos::Left, VPos::Center),
        )
    }
}

/// The map's text alternative.
pub fn describe(map: &RegretMap, metric: MapMetric, options: &ChartOptions) -> String {
    let x = text::param_label(&options.text, map.x).to_owned();
    let y = text::param_label(&options.text, map.y).to_owned();
    let cells = map.npv_usd.len().max(1) as f64;
    match metric {
        MapMetric::Npv => {
            let (min, max) = map
                .npv_usd
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                    (lo.min(v), hi.max(v))
                });
            let pays = map.npv_usd.iter().filter(|&&v| v > 0.0).count() as f64 / cells;
            let current = format!(
                "{} {}, {} {}",
                x,
                text::param_value(map.x.unit, map.current.0, &options.text, &options.money),
                y,
                text::param_value(map.y.unit, map.current.1, &options.text, &options.money)
            );
            text::fill(
                word(&options.text, "chart.describe.map.npv"),
                &[
                    ("x", x.clone()),
                    ("y", y.clone()),
                    ("min", text::money(min, None, &options.money)),
                    ("max", text::money(max, None, &options.money)),
                    ("share", text::percent(pays, None, &options.money)),
                    ("current", current),
                ],
            )
        }
        MapMetric::RegretMonth => match regret_range(map) {
            Some((earliest, _)) => {
                let share = map.regret_month.iter().flatten().count() as f64 / cells;
                text::fill(
                    word(&options.text, "chart.describe.map.regret"),
                    &[
                        ("x", x),
                        ("y", y),
                        ("share", text::percent(share, None, &options.money)),
                        ("earliest", earliest.to_string()),
                    ],
                )
            }
            None => text::fill(
                word(&options.text, "chart.describe.map.noRegret"),
                &[("x", x), ("y", y)],
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::spec;

    fn map_of(values: Vec<f64>, nx: usize, ny: usize) -> RegretMap {
        RegretMap {
            x: spec("layoffShare").unwrap(),
            y: spec("aiResolutionRate").unwrap(),
            xs: (0..nx).map(|i| i as f64).collect(),
            ys: (0..ny).map(|i| i as f64).collect(),
            regret_month: vec![None; values.len()],
            npv_usd: values,
            current: (0.0, 0.0),
        }
    }

    #[test]
    fn the_contour_crosses_where_the_sign_changes() {
        // NPV = x - 1.5 on a 4 x 3 grid: the zero line is the vertical x = 1.5.
        let values: Vec<f64> = (0..3)
            .flat_map(|_| (0..4).map(|c| c as f64 - 1.5))
            .collect();
        let segments = zero_contour(&map_of(values, 4, 3));
        assert_eq!(segments.len(), 2);
        for s in &segments {
            for p in s {
                assert!((p.0 - 1.5).abs() < 1e-12, "{p:?}");
            }
        }
    }

    #[test]
    fn no_contour_without_a_sign_change() {
        let segments = zero_contour(&map_of(vec![1.0; 9], 3, 3));
        assert!(segments.is_empty());
        let segments = zero_contour(&map_of(vec![-1.0; 9], 3, 3));
        assert!(segments.is_empty());
    }

    #[test]
    fn a_saddle_gives_two_segments() {
        let segments = zero_contour(&map_of(vec![1.0, -1.0, -1.0, 1.0], 2, 2));
        assert_eq!(segments.len(), 2);
    }

    const THEMES: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Projector];

    #[test]
    fn ramps_reach_their_ends() {
        let npv = colours(Theme::Light, &Palette::of(Theme::Light)).npv;
        assert_eq!(ramp(&npv, 0.0), npv[0]);
        assert_eq!(ramp(&npv, 1.0), npv[8]);
        assert_eq!(ramp(&npv, 0.5), npv[4]);
        assert_eq!(ramp(&npv, f64::NAN), npv[4]);
    }

    /// The strongest loss on the map, and the earliest regret, are the loss colour of the
    /// tornado and the costs chart in every theme.
    #[test]
    fn the_loss_end_is_the_palettes_loss_colour() {
        for theme in THEMES {
            let palette = Palette::of(theme);
            let scheme = colours(theme, &palette);
            assert_eq!(ramp(&scheme.npv, 0.0), palette.loss().line, "{theme:?}");
            assert_eq!(ramp(scheme.regret(), 0.0), palette.loss().line, "{theme:?}");
        }
    }

    /// Each half of the NPV ramp moves away from the middle in luminance at every stop, by
    /// at least 1.2:1, so that a reader who cannot tell the hues apart still reads how large
    /// a loss or a gain is (the same measure the theme holds its colours to).
    #[test]
    fn each_half_of_the_ramp_steps_in_lightness_from_the_middle() {
        for theme in THEMES {
            let npv = colours(theme, &Palette::of(theme)).npv;
            let middle = kit::relative_luminance(npv[4]);
            for half in [[0, 1, 2, 3, 4], [8, 7, 6, 5, 4]] {
                for pair in half.windows(2) {
                    let (outer, inner) = (npv[pair[0]], npv[pair[1]]);
                    let (lo, li) = (
                        kit::relative_luminance(outer),
                        kit::relative_luminance(inner),
                    );
                    assert!(
                        (lo - middle).abs() > (li - middle).abs(),
                        "{theme:?}: stop {} is no further from the middle than stop {}",
                        pair[0],
                        pair[1]
                    );
                    let step = kit::contrast_ratio(outer, inner);
                    assert!(
                        step >= 1.2,
                        "{theme:?}: stops {pair:?} differ by {step:.2}:1"
                    );
                }
            }
        }
    }
}

//! The savings chart: cumulative net savings of the cut against keeping everyone (solid) and
//! against AI assistance for the whole team (dashed), the zero line, the payback, peak and
//! regret months as labelled points, and the cut and the rehire as thin vertical markers.
//! With a Monte Carlo band, a subtle fan behind the lines: P10-P90 ("80% of plausible
//! outcomes") and, darker, P25-P75 ("middle 50%"), both named in the key on the title row.

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::Color;

use super::kit::text_width_px;
use super::kit::{self, Canvas, EndLabels, Gutter, Pane, Point, Rows, Stroke, ValueAxis};
use super::text::{self, word};
use super::{ChartData, ChartError, ChartOptions};

/// The savings chart's lines in display units (USD times the reader's exchange rate).
struct Lines {
    /// The cut against keeping everyone, cumulative.
    savings: Vec<f64>,
    /// The cut against the augment path, or the augment path itself (see `augment_story`).
    vs_augment: Vec<f64>,
    /// The fan: per month [p10, p25, p50, p75, p90].
    band: Option<Vec<[f64; 5]>>,
    /// The pinned scenario's savings.
    compare: Option<Vec<f64>>,
    /// Where the scenario changes nothing, the story is the augment path itself, measured
    /// against keeping everyone as the main line is; otherwise the dashed line is the
    /// scenario against the augment path.
    augment_story: bool,
}

impl Lines {
    fn of(data: &ChartData<'_>, options: &ChartOptions) -> Lines {
        let outcome = data.outcome;
        let months = outcome.cumulative_delta_usd.len();
        let rate = options.money.rate_per_usd;
        let augment_story = tells_augment_story(data);
        let in_display = |usd: &[f64]| usd.iter().map(|v| v * rate).collect::<Vec<f64>>();
        let vs_augment = outcome
            .cumulative_delta_usd
            .iter()
            .zip(&outcome.cumulative_delta_vs_augment_usd)
            .map(|(vs_baseline, vs_augment)| {
                if augment_story {
                    (vs_baseline - vs_augment) * rate
                } else {
                    vs_augment * rate
                }
            })
            .collect();
        Lines {
            savings: in_display(&outcome.cumulative_delta_usd),
            vs_augment,
            band: data.band.map(|b| {
                let rows = b.cumulative_delta_usd.iter();
                rows.map(|row| row.map(|v| v * rate)).collect()
            }),
            compare: data.compare.map(|a| {
                in_display(&a.cumulative_delta_usd[..a.cumulative_delta_usd.len().min(months)])
            }),
            augment_story,
        }
    }

    /// The lowest and highest value drawn, zero included.
    fn range(&self) -> (f64, f64) {
        let all = self
            .savings
            .iter()
            .chain(&self.vs_augment)
            .chain(self.compare.iter().flatten())
            .copied()
            .chain(self.band.iter().flatten().flat_map(|row| [row[0], row[4]]));
        all.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)))
    }
}

/// The savings chart's words.
struct Words<'a> {
    axis: &'a str,
    /// The fan's key: the outer band's words and the inner band's.
    fan: Option<(&'a str, &'a str)>,
    vs_baseline: &'a str,
    vs_augment: &'a str,
    compare: &'a str,
}

impl<'a> Words<'a> {
    fn of(data: &ChartData<'_>, options: &'a ChartOptions, augment_story: bool) -> Words<'a> {
        let t = &options.text;
        let fan_key = |faded: bool| {
            if faded {
                "chart.fan.updating"
            } else {
                "chart.fan"
            }
        };
        let augment_key = if augment_story {
            "chart.savings.augmentPath"
        } else {
            "chart.savings.vsAugment"
        };
        Words {
            axis: word(t, "chart.savings.axis"),
            fan: data
                .band
                .map(|b| (word(t, fan_key(b.faded)), word(t, "chart.fan.inner"))),
            vs_baseline: word(t, "chart.savings.vsBaseline"),
            vs_augment: word(t, augment_key),
            compare: word(t, "chart.compare"),
        }
    }
}

/// Where everything goes.
struct Layout {
    rows: Rows,
    /// The fan's key: its row and its width.
    key: (f64, f64),
    axis: ValueAxis,
    gutter: Gutter,
    pane: Pane,
}

/// Vertical layout first (the tick count depends on the pane's height), then the widths.
fn layout(
    canvas: &Canvas,
    data: &ChartData<'_>,
    options: &ChartOptions,
    lines: &Lines,
    words: &Words<'_>,
) -> Result<Layout, ChartError> {
    let look = canvas.look;
    // The fan's key sits right of the axis title, or on a row of its own when both do not fit.
    let key_width = words.fan.map_or(0.0, |(outer, inner)| {
        look.px(16.0 + 8.0 + 16.0)
            + text_width_px(outer, look.tick_font_px)
            + text_width_px(inner, look.tick_font_px)
    });
    let title_width = look.px(2.0) + text_width_px(words.axis, look.label_font_px);
    let key_row = words.fan.is_some() && title_width + look.px(16.0) + key_width > canvas.width_px;
    let rows = Rows::over_months(canvas, if key_row { 2.0 } else { 1.0 });
    let key_y = rows.title_y + if key_row { look.label_line_px() } else { 0.0 };
    let (lo, hi) = lines.range();
    // Room above the peak for its label (about two lines), and a little below the lowest point.
    let span = hi - lo;
    let headroom_px = if data.outcome.summary.peak_month.is_some() {
        look.label_line_px() * 1.6 + look.px(8.0)
    } else {
        look.px(4.0)
    };
    let plot_px = (rows.bottom - rows.top).max(1.0);
    let budget = kit::tick_budget(&look, plot_px);
    let ticks = kit::nice_ticks(
        lo - span * 0.03,
        hi + span * (headroom_px / plot_px).min(0.5),
        budget,
    )?;
    let ticks = kit::with_tick_below_zero(ticks, lo, budget)?;
    let axis = ValueAxis::money(ticks, options);
    let mut end_words = vec![words.vs_baseline, words.vs_augment];
    if lines.compare.is_some() {
        end_words.push(words.compare);
    }
    let gutter = Gutter::new(canvas, &end_words);
    let pane = kit::plot_pane(canvas, &rows, (&axis, &gutter), lines.savings.len());
    Ok(Layout {
        rows,
        key: (key_y, key_width),
        axis,
        gutter,
        pane,
    })
}

/// Draws the savings chart.
pub fn draw(
    canvas: &Canvas,
    data: &ChartData<'_>,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let lines = Lines::of(data, options);
    let words = Words::of(data, options, lines.augment_story);
    let layout = layout(canvas, data, options, &lines, &words)?;
    let pane = &layout.pane;
    if !pane.is_drawable() {
        return Ok(());
    }
    kit::draw_value_frame(
        canvas,
        pane,
        &layout.axis,
        (words.axis, layout.rows.title_y),
    )?;
    if let (Some(rows), Some(band), Some(key)) = (&lines.band, data.band, words.fan) {
        draw_fan(canvas, pane, rows, band.faded, (key, layout.key))?;
    }
    kit::draw_months(canvas, pane, options)?;
    let markers = kit::event_markers(data, options, lines.savings.len());
    kit::draw_marker_lines(canvas, pane, &markers)?;
    kit::draw_zero_line(canvas, pane)?;
    let [main, augment] = draw_lines(canvas, pane, &lines)?;
    let avoid = [main.as_slice(), augment.as_slice()];
    draw_events(canvas, pane, data, options, &lines.savings, &avoid)?;
    kit::draw_marker_labels(canvas, pane, &markers, &avoid)?;
    let mut labels = EndLabels::new(canvas, pane, &layout.gutter);
    let palette = canvas.look.palette;
    let last = |values: &[f64]| pane.y(values[values.len() - 1]);
    labels.add(words.vs_baseline, last(&lines.savings), palette.blue.ink);
    labels.add(
        words.vs_augment,
        last(&lines.vs_augment),
        palette.purple.ink,
    );
    if let Some(&v) = lines.compare.as_ref().and_then(|values| values.last()) {
        let end = lines.compare.as_ref().map_or(0, Vec::len) as f64;
        labels.add_line_end(words.compare, (end, v), palette.pinned().ink)?;
    }
    labels.draw()
}

/// The fan: P10-P90 and, darker, P25-P75, with its key at `(row, width)`.
/// A fan narrower than this everywhere (CSS pixels) is not drawn: it would hide under the line.
const MIN_FAN_WIDTH_PX: f64 = 1.0;

fn draw_fan(
    canvas: &Canvas,
    pane: &Pane,
    rows: &[[f64; 5]],
    faded: bool,
    (key, at): ((&str, &str), (f64, f64)),
) -> Result<(), ChartError> {
    let look = canvas.look;
    let palette = look.palette;
    // Subtle: the outer band barely tints the background, the inner one a little more;
    // an earlier state's band (while the current one is worked out) is fainter still.
    // A tint shows less on a dark background than on a light one, so dark themes
    // take a stronger one.
    let on_dark = kit::relative_luminance(palette.background) < 0.2;
    let strength = if faded { 0.5 } else { 1.0 } * if on_dark { 1.8 } else { 1.0 };
    let outer = palette.blue.line.mix(0.12 * strength);
    let inner = palette.blue.line.mix(0.16 * strength);
    let edge = |column: usize| pane.series_from(0.0, rows.iter().map(move |r| r[column]));
    let (top, bottom) = (edge(4), edge(0));
    // A fan no wider than a line anywhere (nothing uncertain moves the result: nobody is
    // cut, say) is not drawn, and neither is its key, which would name bands nobody can see.
    let widest_px = top
        .iter()
        .zip(&bottom)
        .map(|(t, b)| (t.1 - b.1).abs())
        .fold(0.0, f64::max);
    if widest_px < look.px(MIN_FAN_WIDTH_PX) {
        return Ok(());
    }
    for (low, high, color) in [(0, 4, outer), (1, 3, inner)] {
        canvas.polygon(&kit::area_between(edge(high), edge(low)), color)?;
    }
    // Labels keep clear of the fan where they can: each month's slice of the outer band.
    for (t, b) in top.windows(2).zip(bottom.windows(2)) {
        canvas.keep_clear([t[0].0, t[0].1.min(t[1].1), t[1].0, b[0].1.max(b[1].1)]);
    }
    // The inner band is drawn over the outer one, so its swatch shows both tints.
    let inner_on_outer = palette
        .blue
        .line
        .mix(0.12 * strength + 0.16 * strength * (1.0 - 0.12 * strength));
    draw_fan_key(canvas, [(key.0, outer), (key.1, inner_on_outer)], at)
}

/// The fan's key at `(row, width)`: a swatch and the words of each band, outer first, so
/// that a reader can tell which tint is which.
fn draw_fan_key(
    canvas: &Canvas,
    bands: [(&str, plotters::style::RGBAColor); 2],
    (key_y, key_width): (f64, f64),
) -> Result<(), ChartError> {
    let look = canvas.look;
    let swatch = look.px(12.0);
    // Text widths are estimated on the wide side, so the key starts where the estimate
    // says and its words end at or before the right edge.
    let mut left = canvas.width_px - look.px(2.0) - key_width + look.px(2.0);
    for (words, color) in bands {
        let half = swatch / 2.0;
        canvas.rect((left, key_y - half), (left + swatch, key_y + half), color)?;
        let text_left = left + swatch + look.px(4.0);
        canvas.text(
            words,
            (text_left, key_y),
            look.tick_font_px,
            look.palette.muted,
            (HPos::Left, VPos::Center),
        )?;
        left = text_left + text_width_px(words, look.tick_font_px) + look.px(8.0);
    }
    Ok(())
}

/// The lines, faintest first; returns the points of the two main lines.
fn draw_lines(canvas: &Canvas, pane: &Pane, lines: &Lines) -> Result<[Vec<Point>; 2], ChartError> {
    let look = canvas.look;
    let palette = look.palette;
    let main = pane.series_from(0.0, lines.savings.iter().copied());
    let augment = pane.series_from(0.0, lines.vs_augment.iter().copied());
    if let Some(values) = &lines.compare {
        kit::draw_compare_line(canvas, &pane.series_from(0.0, values.iter().copied()))?;
    }
    // The AI path in the AI's colour (as on the headcount and quality charts), never in the
    // loss hue: this line is a comparison, and it is not always a loss.
    canvas.line(
        &augment,
        palette.purple.line.to_rgba(),
        look.thin_line_px.max(look.main_line_px * 0.8),
        Stroke::Dashed,
    )?;
    canvas.line(
        &main,
        palette.blue.line.to_rgba(),
        look.main_line_px,
        Stroke::Solid,
    )?;
    Ok([main, augment])
}

/// Payback, peak and regret on the main line: dots, and labels placed where they cover
/// neither line nor each other.
fn draw_events(
    canvas: &Canvas,
    pane: &Pane,
    data: &ChartData<'_>,
    options: &ChartOptions,
    savings: &[f64],
    avoid: &[&[Point]],
) -> Result<(), ChartError> {
    let look = canvas.look;
    let summary = &data.outcome.summary;
    let months = savings.len();
    let gap = look.px(5.0) + look.main_line_px;
    let event = |month: Option<u32>| {
        month
            .map(|m| m as usize)
            .filter(|&m| (1..=months).contains(&m))
            .map(|m| (pane.x(m as f64), pane.y(savings[m - 1])))
    };
    let lift = gap + look.label_line_px() * 0.3;
    let (left, right) = (HPos::Right, HPos::Left);
    let [peak, payback, regret] = [
        summary.peak_month,
        summary.payback_month,
        summary.regret_month,
    ]
    .map(event);
    let peak_words = peak_words(data, options);
    let events = [
        (
            peak,
            peak_words.as_str(),
            vec![
                (0.0, -lift, HPos::Center),
                (gap, -lift, right),
                (-gap, -lift, left),
                (0.0, lift, HPos::Center),
                (-gap, 0.0, left),
                (gap, 0.0, right),
            ],
        ),
        (
            payback,
            word(&options.text, "chart.payback"),
            vec![
                (-gap, -lift, left),
                (gap, lift, right),
                (-gap, lift, left),
                (gap, -lift, right),
            ],
        ),
        (
            regret,
            word(&options.text, "chart.regret"),
            vec![
                (gap, -lift, right),
                (-gap, lift, left),
                (gap, lift, right),
                (-gap, -lift, left),
            ],
        ),
    ];
    for (at, words, offsets) in events {
        if let Some((x, y)) = at {
            let candidates = near_then_far((x, y), &offsets);
            let font = look.label_font_px;
            canvas.label_somewhere(words, &candidates, font, look.palette.text, pane, avoid)?;
        }
    }
    for (x, y) in [peak, payback, regret].into_iter().flatten() {
        canvas.dot((x, y), look.px(3.5), look.palette.blue.line)?;
    }
    Ok(())
}

/// A label's places around its point `(x, y)`, each offset `(dx, dy, alignment)` as given,
/// then the same places again two and a half times as far out, for when the near ones sit
/// on the fan.
fn near_then_far((x, y): Point, offsets: &[(f64, f64, HPos)]) -> Vec<(Point, HPos)> {
    [1.0, 2.5]
        .iter()
        .flat_map(|k| {
            offsets
                .iter()
                .map(move |&(dx, dy, h)| ((x + dx * k, y + dy * k), h))
        })
        .collect()
}

/// The peak's label: "Peak $13.4M", or "Still rising: $172M" where the highest month is the
/// last (see [`still_rising`]).
fn peak_words(data: &ChartData<'_>, options: &ChartOptions) -> String {
    let summary = &data.outcome.summary;
    let amount = text::money(summary.peak_savings_usd, None, &options.money);
    if still_rising(data) {
        text::fill(
            word(&options.text, "chart.stillRising"),
            &[("amount", amount)],
        )
    } else {
        format!("{} {amount}", word(&options.text, "chart.peak"))
    }
}

/// Whether the savings are highest in the horizon's last month: the model's peak there is
/// only where the curve was cut off (its peak is the first highest month, so the last month is
/// above every earlier one), and "Peak" would tell the reader it turns down next.
pub fn still_rising(data: &ChartData<'_>) -> bool {
    let months = data.outcome.cumulative_delta_usd.len();
    months >= 2 && data.outcome.summary.peak_month == Some(months as u32)
}

/// True where the presentation policy (`crate::present::policy::tells_augment_story`) says the
/// savings chart tells the "AI helps agents" path against keeping everyone.
pub fn tells_augment_story(data: &ChartData<'_>) -> bool {
    data.augment_story
}

/// The text alternative of the savings chart.
pub fn describe(data: &ChartData<'_>, options: &ChartOptions) -> String {
    let outcome = data.outcome;
    let summary = &outcome.summary;
    let money = |usd: f64| text::money(usd, None, &options.money);
    let months = outcome.cumulative_delta_usd.len().to_string();
    let all_zero = outcome.cumulative_delta_usd.iter().all(|v| v.abs() < 0.5);
    let final_text = money(summary.final_cumulative_delta_usd);
    let first = match (summary.peak_month, summary.regret_month) {
        _ if all_zero => text::fill(
            word(&options.text, "chart.describe.savings.zero"),
            &[("months", months)],
        ),
        (Some(_), None) if still_rising(data) => text::fill(
            word(&options.text, "chart.describe.savings.rising"),
            &[("final", final_text), ("months", months)],
        ),
        (Some(peak), Some(regret)) => text::fill(
            word(&options.text, "chart.describe.savings.regret"),
            &[
                ("peak", money(summary.peak_savings_usd)),
                ("peakMonth", peak.to_string()),
                ("regretMonth", regret.to_string()),
                ("final", final_text),
                ("months", months),
            ],
        ),
        (Some(peak), None) => text::fill(
            word(&options.text, "chart.describe.savings.peak"),
            &[
                ("peak", money(summary.peak_savings_usd)),
                ("peakMonth", peak.to_string()),
                ("final", final_text),
                ("months", months),
            ],
        ),
        _ => text::fill(
            word(&options.text, "chart.describe.savings.never"),
            &[("final", final_text), ("months", months)],
        ),
    };
    let second = if tells_augment_story(data) {
        text::fill(
            word(&options.text, "chart.describe.savings.augmentPath"),
            &[(
                "final",
                money(
                    summary.final_cumulative_delta_usd
                        - summary.final_cumulative_delta_vs_augment_usd,
                ),
            )],
        )
    } else {
        text::fill(
            word(&options.text, "chart.describe.savings.augment"),
            &[(
                "final",
                money(summary.final_cumulative_delta_vs_augment_usd),
            )],
        )
    };
    match data
        .band
        .and_then(|b| b.cumulative_delta_usd.last().map(|r| (b, r)))
    {
        Some((band, last)) if !band.faded => {
            let third = text::fill(
                word(&options.text, "chart.describe.savings.fan"),
                &[
                    ("draws", band.draws.to_string()),
                    ("months", outcome.cumulative_delta_usd.len().to_string()),
                    ("low", money(last[0])),
                    ("high", money(last[4])),
                ],
            );
            format!("{first} {second} {third}")
        }
        _ => format!("{first} {second}"),
    }
}

//! The savings chart: cumulative net savings of the cut against keeping everyone (solid) and
//! against AI assistance for the whole team (dashed), the zero line, the payback, peak and
//! regret months as labelled points, and the cut and the rehire as thin vertical markers.
//! With a Monte Carlo band, a subtle fan behind the lines: P10-P90 ("80% of plausible
//! outcomes", labelled in the title row) and, darker, P25-P75.

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::Color;

use super::kit::text_width_px;
use super::kit::{self, Canvas, EndLabel, Pane, Stroke};
use super::text::{self, word};
use super::{ChartData, ChartError, ChartOptions};

/// Draws the savings chart.
pub fn draw(
    canvas: &Canvas,
    data: &ChartData<'_>,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let look = canvas.look;
    let palette = look.palette;
    let outcome = data.outcome;
    let months = outcome.cumulative_delta_usd.len();
    // Money is drawn in display units: USD times the reader's exchange rate.
    let rate = options.money.rate_per_usd;
    let savings_display: Vec<f64> = outcome
        .cumulative_delta_usd
        .iter()
        .map(|v| v * rate)
        .collect();
    // Where the scenario changes nothing, the story is the augment path itself, measured
    // against keeping everyone as the main line is; otherwise the dashed line is the scenario
    // against the augment path.
    let augment_story = tells_augment_story(data);
    let vs_augment_display: Vec<f64> = outcome
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
    // The fan, in display units: per month [p10, p25, p50, p75, p90].
    let band_display: Option<Vec<[f64; 5]>> = data.band.map(|b| {
        b.cumulative_delta_usd
            .iter()
            .map(|row| row.map(|v| v * rate))
            .collect()
    });
    let compare_display: Option<Vec<f64>> = data.compare.map(|a| {
        a.cumulative_delta_usd
            .iter()
            .take(months)
            .map(|v| v * rate)
            .collect()
    });

    // Vertical layout first: the tick count depends on the pane's height.
    let title_y = look.px(4.0) + look.label_line_px() / 2.0;
    let axis_word = word(&options.text, "chart.savings.axis");
    let fan_word = data.band.map(|b| {
        word(
            &options.text,
            if b.faded {
                "chart.fan.updating"
            } else {
                "chart.fan"
            },
        )
    });
    // The fan's key sits right of the axis title, or on a row of its own when both do not fit.
    let key_width = fan_word.map_or(0.0, |w| look.px(16.0) + text_width_px(w, look.tick_font_px));
    let title_width = look.px(2.0) + text_width_px(axis_word, look.label_font_px);
    let key_row = fan_word.is_some() && title_width + look.px(16.0) + key_width > canvas.width_px;
    let key_y = if key_row {
        title_y + look.label_line_px()
    } else {
        title_y
    };
    let top = look.px(8.0) + look.label_line_px() * if key_row { 2.0 } else { 1.0 };
    let bottom = canvas.height_px - kit::month_axis_height(&look);
    let all = savings_display
        .iter()
        .chain(&vs_augment_display)
        .chain(compare_display.iter().flatten())
        .copied()
        .chain(
            band_display
                .iter()
                .flatten()
                .flat_map(|row| [row[0], row[4]]),
        );
    let (lo, hi) = all.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    // Room above the peak for its label (about two lines), and a little below the lowest point.
    let span = hi - lo;
    let headroom_px = if outcome.summary.peak_month.is_some() {
        look.label_line_px() * 1.6 + look.px(8.0)
    } else {
        look.px(4.0)
    };
    let plot_px = (bottom - top).max(1.0);
    let ticks = kit::nice_ticks(
        lo - span * 0.03,
        hi + span * (headroom_px / plot_px).min(0.5),
        kit::tick_budget(&look, plot_px),
    )?;
    let tick_labels: Vec<String> = ticks
        .values
        .iter()
        .map(|&v| text::money(v / rate, Some(ticks.step / rate), &options.money))
        .collect();
    let left = kit::widest(&tick_labels, look.tick_font_px) + look.px(10.0);

    let vs_baseline = word(&options.text, "chart.savings.vsBaseline");
    let vs_augment = word(
        &options.text,
        if augment_story {
            "chart.savings.augmentPath"
        } else {
            "chart.savings.vsAugment"
        },
    );
    let compare_word = word(&options.text, "chart.compare");
    let mut end_words = vec![vs_baseline, vs_augment];
    if compare_display.is_some() {
        end_words.push(compare_word);
    }
    let max_gutter = canvas.width_px * 0.26;
    let gutter = kit::gutter_width(&look, &end_words, max_gutter);
    let pane = Pane {
        left,
        top,
        right: canvas.width_px - gutter,
        bottom,
        x_min: 0.0,
        x_max: months as f64,
        y_min: ticks.min,
        y_max: ticks.max,
    };
    if !pane.is_drawable() {
        return Ok(());
    }

    kit::draw_axis_title(canvas, axis_word, look.px(2.0), title_y)?;
    kit::draw_value_axis(canvas, &pane, &ticks, &tick_labels)?;
    if let (Some(rows), Some(band), Some(key)) = (&band_display, data.band, fan_word) {
        // Subtle: the outer band barely tints the background, the inner one a little more;
        // an earlier state's band (while the current one is worked out) is fainter still.
        // A tint shows less on a dark background than on a light one, so dark themes
        // take a stronger one.
        let on_dark = kit::relative_luminance(palette.background) < 0.2;
        let strength = if band.faded { 0.5 } else { 1.0 } * if on_dark { 1.8 } else { 1.0 };
        let outer = palette.blue.line.mix(0.12 * strength);
        let inner = palette.blue.line.mix(0.16 * strength);
        let edge = |column: usize| pane.series_from(0.0, rows.iter().map(move |r| r[column]));
        for (low, high, color) in [(0, 4, outer), (1, 3, inner)] {
            let mut points = edge(high);
            points.extend(edge(low).into_iter().rev());
            canvas.polygon(&points, color)?;
        }
        let right = canvas.width_px - look.px(2.0);
        let swatch = look.px(12.0);
        // Text widths are estimated on the wide side, so the key starts where the estimate
        // says and its words end at or before the right edge.
        let swatch_left = right - key_width + look.px(2.0);
        canvas.rect(
            (swatch_left, key_y - swatch / 2.0),
            (swatch_left + swatch, key_y + swatch / 2.0),
            outer,
        )?;
        canvas.rect(
            (swatch_left, key_y - swatch / 4.0),
            (swatch_left + swatch, key_y + swatch / 4.0),
            inner,
        )?;
        canvas.text(
            key,
            (swatch_left + swatch + look.px(4.0), key_y),
            look.tick_font_px,
            palette.muted,
            (HPos::Left, VPos::Center),
        )?;
    }
    let month_ticks = kit::month_ticks(
        &look,
        &pane,
        word(&options.text, "chart.year"),
        options.money.decimal,
    );
    kit::draw_month_axis(canvas, &pane, &month_ticks, true)?;
    let markers = kit::event_markers(data, options, months);
    kit::draw_marker_lines(canvas, &pane, &markers)?;
    kit::draw_zero_line(canvas, &pane)?;

    // Lines, faintest first.
    let main_points = pane.series_from(0.0, savings_display.iter().copied());
    let augment_points = pane.series_from(0.0, vs_augment_display.iter().copied());
    if let Some(values) = &compare_display {
        canvas.line(
            &pane.series_from(0.0, values.iter().copied()),
            palette.compare.line.to_rgba(),
            look.thin_line_px,
            Stroke::Dotted,
        )?;
    }
    canvas.line(
        &augment_points,
        palette.vermillion.line.to_rgba(),
        look.thin_line_px.max(look.main_line_px * 0.8),
        Stroke::Dashed,
    )?;
    canvas.line(
        &main_points,
        palette.blue.line.to_rgba(),
        look.main_line_px,
        Stroke::Solid,
    )?;

    // Payback, peak and regret on the main line: dots, and labels placed where they cover
    // neither line nor each other.
    let summary = &outcome.summary;
    let gap = look.px(5.0) + look.main_line_px;
    let event = |month: Option<u32>| {
        month
            .map(|m| m as usize)
            .filter(|&m| (1..=months).contains(&m))
            .map(|m| (pane.x(m as f64), pane.y(savings_display[m - 1])))
    };
    let font = look.label_font_px;
    let lift = gap + look.label_line_px() * 0.3;
    let avoid = [main_points.as_slice(), augment_points.as_slice()];
    let peak = event(summary.peak_month);
    let payback = event(summary.payback_month);
    let regret = event(summary.regret_month);
    if let Some((x, y)) = peak {
        let words = format!(
            "{} {}",
            word(&options.text, "chart.peak"),
            text::money(summary.peak_savings_usd, None, &options.money)
        );
        let candidates = [
            ((x, y - lift), HPos::Center),
            ((x + gap, y - lift), HPos::Left),
            ((x - gap, y - lift), HPos::Right),
            ((x, y + lift), HPos::Center),
            ((x - gap, y), HPos::Right),
            ((x + gap, y), HPos::Left),
        ];
        canvas.label_somewhere(&words, &candidates, font, palette.text, &pane, &avoid)?;
    }
    if let Some((x, y)) = payback {
        let candidates = [
            ((x - gap, y - lift), HPos::Right),
            ((x + gap, y + lift), HPos::Left),
            ((x - gap, y + lift), HPos::Right),
            ((x + gap, y - lift), HPos::Left),
        ];
        let words = word(&options.text, "chart.payback");
        canvas.label_somewhere(words, &candidates, font, palette.text, &pane, &avoid)?;
    }
    if let Some((x, y)) = regret {
        let candidates = [
            ((x + gap, y - lift), HPos::Left),
            ((x - gap, y + lift), HPos::Right),
            ((x + gap, y + lift), HPos::Left),
            ((x - gap, y - lift), HPos::Right),
        ];
        let words = word(&options.text, "chart.regret");
        canvas.label_somewhere(words, &candidates, font, palette.text, &pane, &avoid)?;
    }
    for (x, y) in [peak, payback, regret].into_iter().flatten() {
        canvas.dot((x, y), look.px(3.5), palette.blue.line)?;
    }
    kit::draw_marker_labels(canvas, &pane, &markers, &avoid)?;

    // Direct labels at the line ends.
    let label_width = max_gutter - look.px(8.0);
    let last = months - 1;
    let mut labels = vec![
        EndLabel::new(
            &look,
            vs_baseline,
            pane.y(savings_display[last]),
            label_width,
            palette.blue.ink,
        ),
        EndLabel::new(
            &look,
            vs_augment,
            pane.y(vs_augment_display[last]),
            label_width,
            palette.vermillion.ink,
        ),
    ];
    if let Some(values) = &compare_display {
        if let Some(&v) = values.last() {
            let x_end = values.len();
            if x_end == months {
                labels.push(EndLabel::new(
                    &look,
                    compare_word,
                    pane.y(v),
                    label_width,
                    palette.compare.ink,
                ));
            } else {
                canvas.label(
                    compare_word,
                    (pane.x(x_end as f64) + look.px(4.0), pane.y(v)),
                    font,
                    palette.compare.ink,
                    HPos::Left,
                    &pane,
                )?;
            }
        }
    }
    kit::draw_end_labels(
        canvas,
        &mut labels,
        pane.right + look.px(8.0),
        pane.top,
        pane.bottom,
    )
}

/// True where the scenario cuts nobody and hands nothing to an AI: then the savings chart tells
/// the augment path's story against keeping everyone (the augment and status-quo presets).
pub fn tells_augment_story(data: &ChartData<'_>) -> bool {
    data.params.layoff_share == 0.0 && data.params.ai_share == 0.0
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

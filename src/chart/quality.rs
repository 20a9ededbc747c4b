//! The quality chart, panels over one time axis: above, the share of contacts that go badly
//! (actual, as customers and managers perceive it, and without the cut); below, the customers
//! the company keeps with and without the cut; and, where an AI takes contacts, the contacts
//! it takes each month, with what the company reported as diamonds.

use plotters::style::text_anchor::HPos;
use plotters::style::{Color, RGBColor};

use super::kit::{self, Canvas, EndLabel, Pane, Stroke, Ticks};
use super::text::{self, word};
use super::{ChartData, ChartError, ChartOptions};
use crate::record::Plot;

/// A line of one panel: values, colour, stroke and label.
struct Series<'a> {
    values: Vec<f64>,
    line: RGBColor,
    ink: RGBColor,
    width_px: f64,
    stroke: Stroke,
    words: &'a str,
}

/// Draws the quality chart.
pub fn draw(
    canvas: &Canvas,
    data: &ChartData<'_>,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let look = canvas.look;
    let palette = look.palette;
    let outcome = data.outcome;
    let months = outcome.scenario.len();
    let t = &options.text;
    let compare_word = word(t, "chart.compare");
    let thin = look.thin_line_px;
    let main = look.main_line_px;

    // Lines are listed faintest first: they are drawn in this order.
    let mut upper: Vec<Series> = Vec::new();
    let mut lower: Vec<Series> = Vec::new();
    if let Some(a) = data.compare {
        upper.push(Series {
            values: a
                .scenario
                .iter()
                .take(months)
                .map(|m| m.bad_contact_share)
                .collect(),
            line: palette.compare.line,
            ink: palette.compare.ink,
            width_px: thin,
            stroke: Stroke::Dotted,
            words: compare_word,
        });
        lower.push(Series {
            values: a
                .scenario
                .iter()
                .take(months)
                .map(|m| m.customers)
                .collect(),
            line: palette.compare.line,
            ink: palette.compare.ink,
            width_px: thin,
            stroke: Stroke::Dotted,
            words: compare_word,
        });
    }
    upper.push(Series {
        values: outcome
            .baseline
            .iter()
            .map(|m| m.bad_contact_share)
            .collect(),
        line: palette.reference.line,
        ink: palette.reference.ink,
        width_px: thin,
        stroke: Stroke::Dashed,
        words: word(t, "chart.baseline"),
    });
    upper.push(Series {
        values: outcome
            .scenario
            .iter()
            .map(|m| m.perceived_bad_contact_share)
            .collect(),
        line: palette.purple.line,
        ink: palette.purple.ink,
        width_px: thin.max(main * 0.8),
        stroke: Stroke::LongDashed,
        words: word(t, "chart.quality.perceived"),
    });
    upper.push(Series {
        values: outcome
            .scenario
            .iter()
            .map(|m| m.bad_contact_share)
            .collect(),
        line: palette.vermillion.line,
        ink: palette.vermillion.ink,
        width_px: main,
        stroke: Stroke::Solid,
        words: word(t, "chart.quality.actual"),
    });
    lower.push(Series {
        values: outcome.baseline.iter().map(|m| m.customers).collect(),
        line: palette.reference.line,
        ink: palette.reference.ink,
        width_px: thin,
        stroke: Stroke::Dashed,
        words: word(t, "chart.baseline"),
    });
    lower.push(Series {
        values: outcome.scenario.iter().map(|m| m.customers).collect(),
        line: palette.blue.line,
        ink: palette.blue.ink,
        width_px: main,
        stroke: Stroke::Solid,
        words: word(t, "chart.quality.scenario"),
    });

    // The contacts the AI takes, where it takes any, and what the company reported of them.
    let ai_contacts: Option<Vec<f64>> = (data.params.ai_share > 0.0)
        .then(|| outcome.scenario.iter().map(|m| m.ai_contacts).collect());
    let reported: Vec<(u32, f64, RGBColor)> = data
        .record
        .iter()
        .filter_map(|row| {
            let (plot, month) = row.plot?;
            let on_this_chart = matches!(plot, Plot::AiContacts | Plot::AiContactsWeekly);
            (on_this_chart && (month as usize) <= months && ai_contacts.is_some()).then_some((
                month,
                plot.on_line(row.value?),
                palette.text,
            ))
        })
        .collect();

    // Vertical layout: title, upper pane (60%, or 50% with the contacts pane), title of the
    // lower pane, lower pane, and the contacts pane with its title, then the axis.
    let line_px = look.label_line_px();
    let top = look.px(8.0) + line_px;
    let bottom = canvas.height_px - kit::month_axis_height(&look);
    let second_title = line_px + look.px(14.0);
    let panes = if ai_contacts.is_some() { 2.0 } else { 1.0 };
    let available = (bottom - top - second_title * panes).max(0.0);
    let (upper_share, lower_share) = if ai_contacts.is_some() {
        (0.5, 0.25)
    } else {
        (0.6, 0.4)
    };
    let upper_bottom = top + available * upper_share;
    let lower_top = upper_bottom + second_title;
    let lower_bottom = lower_top + available * lower_share;
    let third_top = lower_bottom + second_title;

    let upper_hi = kit::max_of(upper.iter().flat_map(|s| s.values.iter().copied()));
    let upper_ticks = kit::nice_ticks(
        0.0,
        (upper_hi * 1.08).max(0.01),
        kit::tick_budget(&look, upper_bottom - top).min(4),
    )?;
    let (lower_lo, lower_hi) = lower
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    let lower_span = lower_hi - lower_lo;
    let lower_ticks = kit::nice_ticks(
        lower_lo - lower_span * 0.08,
        lower_hi + lower_span * 0.08,
        kit::tick_budget(&look, lower_bottom - lower_top).min(2),
    )?;
    let third_ticks = match &ai_contacts {
        Some(values) => {
            let hi = kit::max_of(values.iter().copied().chain(reported.iter().map(|p| p.1)));
            Some(kit::nice_ticks(
                0.0,
                (hi * 1.08).max(1.0),
                kit::tick_budget(&look, bottom - third_top).min(2),
            )?)
        }
        None => None,
    };
    let third_labels: Vec<String> = third_ticks
        .as_ref()
        .map(|ticks| text::count_ticks(&ticks.values, ticks.step, &options.money))
        .unwrap_or_default();
    let decimal = options.money.decimal;
    let upper_labels: Vec<String> = upper_ticks
        .values
        .iter()
        .map(|&v| text::percent(v, Some(upper_ticks.step), decimal))
        .collect();
    let lower_labels = text::count_ticks(&lower_ticks.values, lower_ticks.step, &options.money);
    let left = kit::widest(&upper_labels, look.tick_font_px)
        .max(kit::widest(&lower_labels, look.tick_font_px))
        .max(kit::widest(&third_labels, look.tick_font_px))
        + look.px(10.0);

    let ai_word = word(t, "chart.quality.aiTakes");
    let mut end_words: Vec<&str> = upper.iter().chain(&lower).map(|s| s.words).collect();
    if ai_contacts.is_some() {
        end_words.push(ai_word);
    }
    end_words.dedup();
    let max_gutter = canvas.width_px * 0.26;
    let gutter = kit::gutter_width(&look, &end_words, max_gutter);
    let right = canvas.width_px - gutter;
    let pane_of = |top: f64, bottom: f64, ticks: &Ticks| Pane {
        left,
        top,
        right,
        bottom,
        x_min: 0.0,
        x_max: months as f64,
        y_min: ticks.min,
        y_max: ticks.max,
    };
    let upper_pane = pane_of(top, upper_bottom, &upper_ticks);
    let lower_pane = pane_of(lower_top, lower_bottom, &lower_ticks);
    let third_pane = third_ticks
        .as_ref()
        .map(|ticks| pane_of(third_top, bottom, ticks));
    if !(upper_pane.is_drawable()
        && lower_pane.is_drawable()
        && third_pane.as_ref().is_none_or(Pane::is_drawable))
    {
        return Ok(());
    }

    kit::draw_axis_title(
        canvas,
        word(t, "chart.quality.axis"),
        look.px(2.0),
        look.px(4.0) + line_px / 2.0,
    )?;
    kit::draw_axis_title(
        canvas,
        word(t, "chart.quality.customers"),
        look.px(2.0),
        lower_top - look.px(6.0) - line_px / 2.0,
    )?;
    kit::draw_value_axis(canvas, &upper_pane, &upper_ticks, &upper_labels)?;
    kit::draw_value_axis(canvas, &lower_pane, &lower_ticks, &lower_labels)?;
    if let (Some(pane), Some(ticks)) = (&third_pane, &third_ticks) {
        kit::draw_axis_title(
            canvas,
            word(t, "chart.quality.aiContacts"),
            look.px(2.0),
            third_top - look.px(6.0) - line_px / 2.0,
        )?;
        kit::draw_value_axis(canvas, pane, ticks, &third_labels)?;
    }
    let bottom_pane = third_pane.as_ref().unwrap_or(&lower_pane);
    let month_ticks = kit::month_ticks(&look, bottom_pane, word(t, "chart.year"), decimal);
    kit::draw_month_axis(canvas, bottom_pane, &month_ticks, true)?;
    kit::draw_zero_line(canvas, &upper_pane)?;
    let markers = kit::event_markers(data, options, months);
    kit::draw_marker_lines(canvas, &upper_pane, &markers)?;
    kit::draw_marker_lines(canvas, &lower_pane, &markers)?;
    if let (Some(pane), Some(values)) = (&third_pane, &ai_contacts) {
        kit::draw_marker_lines(canvas, pane, &markers)?;
        canvas.line(
            &pane.series(values.iter().copied()),
            palette.purple.line.to_rgba(),
            main,
            Stroke::Solid,
        )?;
        kit::draw_reported(canvas, pane, &reported, word(t, "chart.reported"))?;
        let label_width = max_gutter - look.px(8.0);
        let mut labels = vec![EndLabel::new(
            &look,
            ai_word,
            pane.y(values[months - 1]),
            label_width,
            palette.purple.ink,
        )];
        kit::draw_end_labels(
            canvas,
            &mut labels,
            right + look.px(8.0),
            pane.top,
            pane.bottom,
        )?;
    }

    let label_width = max_gutter - look.px(8.0);
    let label_x = right + look.px(8.0);
    let mut upper_points = Vec::new();
    for (panel, (pane, series)) in [(&upper_pane, &upper), (&lower_pane, &lower)]
        .into_iter()
        .enumerate()
    {
        let mut labels = Vec::new();
        for s in series.iter() {
            let points = pane.series(s.values.iter().copied());
            canvas.line(&points, s.line.to_rgba(), s.width_px, s.stroke)?;
            if panel == 0 {
                upper_points.push(points);
            }
            let Some(&last) = s.values.last() else {
                continue;
            };
            if s.values.len() == months {
                labels.push(EndLabel::new(
                    &look,
                    s.words,
                    pane.y(last),
                    label_width,
                    s.ink,
                ));
            } else {
                canvas.label(
                    s.words,
                    (pane.x(s.values.len() as f64) + look.px(4.0), pane.y(last)),
                    look.label_font_px,
                    s.ink,
                    HPos::Left,
                    pane,
                )?;
            }
        }
        kit::draw_end_labels(canvas, &mut labels, label_x, pane.top, pane.bottom)?;
    }
    let avoid: Vec<&[kit::Point]> = upper_points.iter().map(Vec::as_slice).collect();
    kit::draw_marker_labels(canvas, &upper_pane, &markers, &avoid)
}

/// The text alternative of the quality chart.
pub fn describe(data: &ChartData<'_>, options: &ChartOptions) -> String {
    let outcome = data.outcome;
    let months = outcome.scenario.len();
    let decimal = options.money.decimal;
    let share = |v: f64| text::percent(v, None, decimal);
    let before = outcome.baseline[0].bad_contact_share;
    let baseline = outcome.baseline[months - 1].bad_contact_share;
    let (peak_index, peak) = outcome
        .scenario
        .iter()
        .map(|m| m.bad_contact_share)
        .enumerate()
        .fold((0, f64::NEG_INFINITY), |best, (i, v)| {
            if v > best.1 {
                (i, v)
            } else {
                best
            }
        });
    let mut out = if (peak - before).abs() < 0.0005 && (peak - baseline).abs() < 0.0005 {
        text::fill(
            word(&options.text, "chart.describe.quality.flat"),
            &[("baseline", share(baseline))],
        )
    } else {
        text::fill(
            word(&options.text, "chart.describe.quality"),
            &[
                ("before", share(before)),
                ("peak", share(peak)),
                ("peakMonth", (peak_index + 1).to_string()),
                ("baseline", share(baseline)),
            ],
        )
    };
    let lost = outcome.summary.customers_lost;
    let key = if lost >= 0.5 {
        Some("chart.describe.quality.lost")
    } else if lost <= -0.5 {
        Some("chart.describe.quality.gained")
    } else {
        None
    };
    if let Some(key) = key {
        out.push(' ');
        out.push_str(&text::fill(
            word(&options.text, key),
            &[
                ("months", months.to_string()),
                ("customers", text::count(lost.abs(), None, &options.money)),
            ],
        ));
    }
    let reported: Vec<String> = data
        .record
        .iter()
        .filter_map(|row| {
            let (plot, month) = row.plot?;
            matches!(plot, Plot::AiContacts | Plot::AiContactsWeekly).then(|| {
                let value = text::count(plot.on_line(row.value?), None, &options.money);
                let at = text::fill(
                    word(&options.text, "chart.describe.month"),
                    &[("m", month.to_string())],
                );
                Some(format!("{value} ({at}, {})", row.source))
            })?
        })
        .collect();
    if !reported.is_empty() && data.params.ai_share > 0.0 {
        out.push(' ');
        out.push_str(&text::fill(
            word(&options.text, "chart.describe.quality.reported"),
            &[("points", reported.join("; "))],
        ));
    }
    out
}

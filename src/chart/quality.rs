//! The quality chart, panels over one time axis: above, the share of contacts that go badly
//! (actual, as customers and managers perceive it, and without the cut); below, the customers
//! the company keeps with and without the cut; and, where an AI takes contacts, the contacts
//! it takes each month, with what the company reported as diamonds.

use plotters::style::{Color, RGBColor};

use super::kit::{
    self, Canvas, EndLabels, Gutter, Hue, Look, Pane, Point, Rows, Stroke, ValueAxis,
};
use super::text::{self, word};
use super::{ChartData, ChartError, ChartOptions};
use crate::model::Month;
use crate::record::Plot;

/// A line of one panel: values, colour, stroke and label.
struct Series<'a> {
    values: Vec<f64>,
    hue: Hue,
    width_px: f64,
    stroke: Stroke,
    words: &'a str,
}

/// Which run a line follows.
#[derive(Clone, Copy)]
enum Run {
    Pinned,
    Baseline,
    Scenario,
}

/// A line declared: its run, the value it shows, colour, width, stroke and words.
type LineSpec = (Run, fn(&Month) -> f64, Hue, f64, Stroke, &'static str);

/// The lines of the two main panels, each listed faintest first (they are drawn in this
/// order): the share of contacts that go badly above, customers below.
fn panels<'a>(
    data: &ChartData<'_>,
    options: &'a ChartOptions,
    look: &Look,
) -> [Vec<Series<'a>>; 2] {
    let p = look.palette;
    let (thin, main) = (look.thin_line_px, look.main_line_px);
    let bad: fn(&Month) -> f64 = |m| m.bad_contact_share;
    let perceived: fn(&Month) -> f64 = |m| m.perceived_bad_contact_share;
    let customers: fn(&Month) -> f64 = |m| m.customers;
    let (dotted, dashed, solid) = (Stroke::Dotted, Stroke::Dashed, Stroke::Solid);
    // One line a row, like a table: rustfmt would spread each over six lines.
    #[rustfmt::skip]
    let upper: [LineSpec; 4] = [
        (Run::Pinned, bad, p.pinned(), main, dotted, "chart.compare"),
        (Run::Baseline, bad, p.reference, thin, dashed, "chart.baseline"),
        (Run::Scenario, perceived, p.purple, thin.max(main * 0.8), Stroke::LongDashed, "chart.quality.perceived"),
        (Run::Scenario, bad, p.vermillion, main, solid, "chart.quality.actual"),
    ];
    #[rustfmt::skip]
    let lower: [LineSpec; 3] = [
        (Run::Pinned, customers, p.pinned(), main, dotted, "chart.compare"),
        (Run::Baseline, customers, p.reference, thin, dashed, "chart.baseline"),
        (Run::Scenario, customers, p.blue, main, solid, "chart.quality.scenario"),
    ];
    let outcome = data.outcome;
    let months = outcome.scenario.len();
    let lines = |specs: &[LineSpec]| -> Vec<Series<'a>> {
        let series = |&(run, value, hue, width_px, stroke, key): &LineSpec| {
            let path = match run {
                Run::Pinned => &data.compare?.scenario,
                Run::Baseline => &outcome.baseline,
                Run::Scenario => &outcome.scenario,
            };
            let values = path.iter().take(months).map(value).collect();
            let words = word(&options.text, key);
            Some(Series {
                values,
                hue,
                width_px,
                stroke,
                words,
            })
        };
        specs.iter().filter_map(series).collect()
    };
    [lines(&upper), lines(&lower)]
}

/// The contacts the AI takes, where it takes any, and what the company reported of them.
struct AiContacts {
    values: Vec<f64>,
    reported: Vec<(u32, f64, RGBColor)>,
}

impl AiContacts {
    fn of(data: &ChartData<'_>, look: &Look) -> Option<AiContacts> {
        if data.params.ai_share <= 0.0 {
            return None;
        }
        let months = data.outcome.scenario.len();
        let reported = data
            .record
            .iter()
            .filter_map(|row| {
                let (plot, month) = row.plot?;
                let on_this_chart = matches!(plot, Plot::AiContacts | Plot::AiContactsWeekly);
                (on_this_chart && (month as usize) <= months).then_some((
                    month,
                    plot.on_line(row.value?),
                    look.palette.text,
                ))
            })
            .collect();
        let values = data
            .outcome
            .scenario
            .iter()
            .map(|m| m.ai_contacts)
            .collect();
        Some(AiContacts { values, reported })
    }
}

/// The panes (bad contacts, customers and, where the AI takes contacts, its contacts), their
/// value axes and the gutter.
struct Layout {
    panes: Vec<Pane>,
    axes: Vec<ValueAxis>,
    gutter: Gutter,
}

/// Vertical layout: title, upper pane (60%, or 50% with the contacts pane), title of the
/// lower pane, lower pane, and the contacts pane with its title, then the axis. Returns each
/// pane's top and bottom.
fn pane_rows(canvas: &Canvas, with_contacts: bool) -> Vec<(f64, f64)> {
    let look = canvas.look;
    let rows = Rows::over_months(canvas, 1.0);
    let (top, bottom) = (rows.top, rows.bottom);
    let second_title = look.label_line_px() + look.px(14.0);
    let panes = if with_contacts { 2.0 } else { 1.0 };
    let available = (bottom - top - second_title * panes).max(0.0);
    let (upper_share, lower_share) = if with_contacts {
        (0.5, 0.25)
    } else {
        (0.6, 0.4)
    };
    let upper_bottom = top + available * upper_share;
    let lower_top = upper_bottom + second_title;
    let lower_bottom = lower_top + available * lower_share;
    let mut out = vec![(top, upper_bottom), (lower_top, lower_bottom)];
    if with_contacts {
        out.push((lower_bottom + second_title, bottom));
    }
    out
}

/// The value axes of the panes: shares above, customers below, contacts in the third.
fn value_axes(
    canvas: &Canvas,
    options: &ChartOptions,
    [upper, lower]: &[Vec<Series<'_>>; 2],
    ai: Option<&AiContacts>,
    rows: &[(f64, f64)],
) -> Result<Vec<ValueAxis>, ChartError> {
    let look = canvas.look;
    let budget =
        |(top, bottom): (f64, f64), most: usize| kit::tick_budget(&look, bottom - top).min(most);
    let upper_hi = kit::max_of(upper.iter().flat_map(|s| s.values.iter().copied()));
    let ticks = kit::nice_ticks(0.0, (upper_hi * 1.08).max(0.01), budget(rows[0], 4))?;
    let labels = ticks
        .values
        .iter()
        .map(|&v| text::percent(v, Some(ticks.step), &options.money))
        .collect();
    let mut axes = vec![ValueAxis { ticks, labels }];
    let (lo, hi) = lower
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    let span = hi - lo;
    // Zoomed in to the customers' change (a fall of a few percent is the story), never
    // below zero; the pane's title says when the axis does not start at zero.
    let ticks = kit::nice_ticks(
        (lo - span * 0.08).max(0.0),
        hi + span * 0.08,
        budget(rows[1], 2),
    )?;
    axes.push(ValueAxis::count(ticks, options));
    if let Some(ai) = ai {
        let hi = kit::max_of(
            ai.values
                .iter()
                .copied()
                .chain(ai.reported.iter().map(|p| p.1)),
        );
        let ticks = kit::nice_ticks(0.0, (hi * 1.08).max(1.0), budget(rows[2], 2))?;
        axes.push(ValueAxis::count(ticks, options));
    }
    Ok(axes)
}

fn layout(
    canvas: &Canvas,
    options: &ChartOptions,
    series: &[Vec<Series<'_>>; 2],
    ai: Option<&AiContacts>,
) -> Result<Layout, ChartError> {
    let look = canvas.look;
    let rows = pane_rows(canvas, ai.is_some());
    let axes = value_axes(canvas, options, series, ai, &rows)?;
    let left = axes.iter().map(|a| a.width(&look)).fold(0.0, f64::max);
    let mut end_words: Vec<&str> = series.iter().flatten().map(|s| s.words).collect();
    if ai.is_some() {
        end_words.push(word(&options.text, "chart.quality.aiTakes"));
    }
    end_words.dedup();
    let gutter = Gutter::new(canvas, &end_words);
    let right = canvas.width_px - gutter.width_px;
    // The horizon: the scenario's own lines (listed last) run the whole of it.
    let months = series[1].last().map_or(0, |s| s.values.len());
    let panes = rows
        .iter()
        .zip(&axes)
        .map(|(&(top, bottom), axis)| {
            kit::month_pane((left, top, right, bottom), months, &axis.ticks)
        })
        .collect();
    Ok(Layout {
        panes,
        axes,
        gutter,
    })
}

/// Draws the quality chart.
pub fn draw(
    canvas: &Canvas,
    data: &ChartData<'_>,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let look = canvas.look;
    let t = &options.text;
    let series = panels(data, options, &look);
    let ai = AiContacts::of(data, &look);
    let layout = layout(canvas, options, &series, ai.as_ref())?;
    let panes = &layout.panes;
    if !panes.iter().all(Pane::is_drawable) {
        return Ok(());
    }
    let title_y = Rows::over_months(canvas, 1.0).title_y;
    kit::draw_axis_title(canvas, word(t, "chart.quality.axis"), look.px(2.0), title_y)?;
    let customers_title = if layout.axes[1].ticks.min > 0.0 {
        "chart.quality.customersNotZero"
    } else {
        "chart.quality.customers"
    };
    kit::draw_pane_title(canvas, &panes[1], word(t, customers_title))?;
    for (pane, axis) in panes.iter().zip(&layout.axes).take(2) {
        kit::draw_value_axis(canvas, pane, &axis.ticks, &axis.labels)?;
    }
    if let (Some(pane), Some(axis)) = (panes.get(2), layout.axes.get(2)) {
        kit::draw_pane_title(canvas, pane, word(t, "chart.quality.aiContacts"))?;
        kit::draw_value_axis(canvas, pane, &axis.ticks, &axis.labels)?;
    }
    kit::draw_months(canvas, &panes[panes.len() - 1], options)?;
    kit::draw_zero_line(canvas, &panes[0])?;
    let markers = kit::event_markers(data, options, data.outcome.scenario.len());
    kit::draw_marker_lines(canvas, &panes[0], &markers)?;
    kit::draw_marker_lines(canvas, &panes[1], &markers)?;
    if let (Some(pane), Some(ai)) = (panes.get(2), &ai) {
        kit::draw_marker_lines(canvas, pane, &markers)?;
        draw_ai_contacts(canvas, pane, &layout.gutter, ai, options)?;
    }
    let upper = draw_panel(canvas, &panes[0], &layout.gutter, &series[0])?;
    draw_panel(canvas, &panes[1], &layout.gutter, &series[1])?;
    let avoid: Vec<&[Point]> = upper.iter().map(Vec::as_slice).collect();
    kit::draw_marker_labels(canvas, &panes[0], &markers, &avoid)
}

/// The third panel: the contacts the AI takes, the reported figures and the line's label.
fn draw_ai_contacts(
    canvas: &Canvas,
    pane: &Pane,
    gutter: &Gutter,
    ai: &AiContacts,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let look = canvas.look;
    let ink = look.palette.purple;
    let points = pane.series(ai.values.iter().copied());
    canvas.line(
        &points,
        ink.line.to_rgba(),
        look.main_line_px,
        Stroke::Solid,
    )?;
    kit::draw_reported(
        canvas,
        pane,
        &ai.reported,
        word(&options.text, "chart.reported"),
    )?;
    let mut labels = EndLabels::new(canvas, pane, gutter);
    let last = ai.values[ai.values.len() - 1];
    labels.add(
        word(&options.text, "chart.quality.aiTakes"),
        pane.y(last),
        ink.ink,
    );
    labels.draw()
}

/// One panel's lines and their direct labels; returns the lines' points.
fn draw_panel(
    canvas: &Canvas,
    pane: &Pane,
    gutter: &Gutter,
    series: &[Series<'_>],
) -> Result<Vec<Vec<Point>>, ChartError> {
    let mut labels = EndLabels::new(canvas, pane, gutter);
    let mut lines = Vec::new();
    for s in series {
        let points = pane.series(s.values.iter().copied());
        canvas.line(&points, s.hue.line.to_rgba(), s.width_px, s.stroke)?;
        lines.push(points);
        if let Some(&last) = s.values.last() {
            labels.add_line_end(s.words, (s.values.len() as f64, last), s.hue.ink)?;
        }
    }
    labels.draw()?;
    Ok(lines)
}

/// The text alternative of the quality chart.
pub fn describe(data: &ChartData<'_>, options: &ChartOptions) -> String {
    let outcome = data.outcome;
    let months = outcome.scenario.len();
    let style = &options.money;
    let share = |v: f64| text::percent(v, None, style);
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

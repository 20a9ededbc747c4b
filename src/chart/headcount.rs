//! The headcount chart: the scenario's support team stacked as experienced agents, rookies
//! and trainees, open jobs as a light band on top, the no-cut team and the AI-assisted team as
//! dashed reference lines, the AI's work in agents as a thin line, and, for a company-like
//! preset, what the company reported as diamonds (a shape no line uses) with a "reported" key.

use plotters::style::text_anchor::HPos;
use plotters::style::{Color, RGBColor};

use super::kit::{self, Canvas, EndLabel, Pane, Point, Stroke};
use super::text::{self, word};
use super::{ChartData, ChartError, ChartOptions};
use crate::model::Month;

/// One stacked band: its top and bottom per month, colour and label.
struct Band<'a> {
    lower: Vec<f64>,
    upper: Vec<f64>,
    fill: RGBColor,
    ink: RGBColor,
    words: &'a str,
}

/// The outline of a band between two stock series: along the top, then back along the
/// bottom.
fn band_outline(pane: &Pane, lower: &[f64], upper: &[f64]) -> Vec<Point> {
    let mut points = pane.stock(upper.iter().copied());
    let mut bottom = pane.stock(lower.iter().copied());
    bottom.reverse();
    points.extend(bottom);
    points
}

/// One reported figure placed on the chart: month, value and which series it belongs to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReportedPoint {
    /// The model month the figure's date falls in (x = month).
    pub month: u32,
    /// The reported value, people or agents' work.
    pub value: f64,
    /// True for the AI's work in agents, false for support staff.
    pub ai_work: bool,
    /// The record's source key.
    pub source: &'static str,
}

/// The record's like-for-like figures that fall inside the horizon.
pub fn reported_points(data: &ChartData<'_>, months: usize) -> Vec<ReportedPoint> {
    use crate::record::Plot;
    data.record
        .iter()
        .filter_map(|row| {
            let (plot, month) = row.plot?;
            let value = row.value?;
            let on_this_chart = matches!(plot, Plot::Headcount | Plot::AiAgents);
            (on_this_chart && (month as usize) <= months).then_some(ReportedPoint {
                month,
                value,
                ai_work: plot == Plot::AiAgents,
                source: row.source,
            })
        })
        .collect()
}

/// Draws the headcount chart.
pub fn draw(
    canvas: &Canvas,
    data: &ChartData<'_>,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let look = canvas.look;
    let palette = look.palette;
    let outcome = data.outcome;
    let months = outcome.scenario.len();
    // Stocks at the start of each month, led by the team before anything happened (every
    // path starts in the same steady state), so that value `j` sits at month `j`.
    let start = outcome.baseline[0];
    let s: Vec<Month> = std::iter::once(start)
        .chain(outcome.scenario.iter().copied())
        .collect();
    let experienced: Vec<f64> = s.iter().map(|m| m.experienced.max(0.0)).collect();
    let ramping: Vec<f64> = s
        .iter()
        .map(|m| m.experienced.max(0.0) + m.rookies.max(0.0))
        .collect();
    let people: Vec<f64> = ramping
        .iter()
        .zip(&s)
        .map(|(r, m)| r + m.trainees.max(0.0))
        .collect();
    let positions: Vec<f64> = people
        .iter()
        .zip(&s)
        .map(|(p, m)| p + m.vacancies.max(0.0))
        .collect();
    let with_start = |path: &[Month]| -> Vec<f64> {
        std::iter::once(start.headcount)
            .chain(path.iter().map(|m| m.headcount))
            .collect()
    };
    let baseline = with_start(&outcome.baseline);
    let augment = with_start(&outcome.augment);
    let compare: Option<Vec<f64>> = data
        .compare
        .map(|a| with_start(&a.scenario[..a.scenario.len().min(months)]));
    // The AI's work in agents, a flow for each month (value i at month i + 1).
    let ai_work: Option<Vec<f64>> = (data.params.ai_share > 0.0).then(|| {
        outcome
            .scenario
            .iter()
            .map(|m| m.ai_agent_equivalent.max(0.0))
            .collect()
    });
    let reported = reported_points(data, months);

    let title_y = look.px(4.0) + look.label_line_px() / 2.0;
    let top = look.px(8.0) + look.label_line_px();
    let bottom = canvas.height_px - kit::month_axis_height(&look);
    let hi = kit::max_of(
        positions
            .iter()
            .chain(&baseline)
            .chain(&augment)
            .chain(compare.iter().flatten())
            .chain(ai_work.iter().flatten())
            .chain(reported.iter().map(|p| &p.value))
            .copied(),
    );
    let ticks = kit::nice_ticks(0.0, hi * 1.08, kit::tick_budget(&look, bottom - top))?;
    let tick_labels = text::count_ticks(&ticks.values, ticks.step, &options.money);
    let left = kit::widest(&tick_labels, look.tick_font_px) + look.px(10.0);

    let t = &options.text;
    let bands = [
        Band {
            lower: vec![0.0; months + 1],
            upper: experienced,
            fill: palette.blue.line,
            ink: palette.blue.ink,
            words: word(t, "chart.headcount.experienced"),
        },
        Band {
            lower: Vec::new(),
            upper: ramping,
            fill: palette.sky.line,
            ink: palette.sky.ink,
            words: word(t, "chart.headcount.rookies"),
        },
        Band {
            lower: Vec::new(),
            upper: people,
            fill: palette.green.line,
            ink: palette.green.ink,
            words: word(t, "chart.headcount.trainees"),
        },
    ];
    // Each band starts where the one below ends.
    let mut bands = bands;
    for i in 1..bands.len() {
        bands[i].lower = bands[i - 1].upper.clone();
    }
    let vacancies_word = word(t, "chart.headcount.vacancies");
    let baseline_word = word(t, "chart.baseline");
    let augment_word = word(t, "chart.augment");
    let compare_word = word(t, "chart.compare");
    let ai_work_word = word(t, "chart.headcount.aiWork");
    let mut end_words: Vec<&str> = bands.iter().map(|b| b.words).collect();
    end_words.extend([vacancies_word, baseline_word, augment_word]);
    if ai_work.is_some() {
        end_words.push(ai_work_word);
    }
    if compare.is_some() {
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

    kit::draw_axis_title(
        canvas,
        word(t, "chart.headcount.axis"),
        look.px(2.0),
        title_y,
    )?;
    kit::draw_value_axis(canvas, &pane, &ticks, &tick_labels)?;

    // Open jobs: a light band above the team, outlined with a dashed line.
    let people_now = &bands[2].upper;
    canvas.polygon(
        &band_outline(&pane, people_now, &positions),
        palette.compare.line.mix(0.22),
    )?;
    canvas.line(
        &pane.stock(positions.iter().copied()),
        palette.compare.line.to_rgba(),
        look.hairline_px,
        Stroke::Dashed,
    )?;
    for band in &bands {
        canvas.polygon(
            &band_outline(&pane, &band.lower, &band.upper),
            band.fill.to_rgba(),
        )?;
    }
    // Thin separators in the background colour keep neighbouring bands apart.
    for band in &bands[..2] {
        canvas.line(
            &pane.stock(band.upper.iter().copied()),
            palette.background.to_rgba(),
            look.hairline_px,
            Stroke::Solid,
        )?;
    }

    let month_ticks = kit::month_ticks(&look, &pane, word(t, "chart.year"), options.money.decimal);
    kit::draw_month_axis(canvas, &pane, &month_ticks, true)?;
    let markers = kit::event_markers(data, options, months);
    kit::draw_marker_lines(canvas, &pane, &markers)?;

    if let Some(values) = &compare {
        canvas.line(
            &pane.stock(values.iter().copied()),
            palette.compare.line.to_rgba(),
            look.thin_line_px,
            Stroke::Dotted,
        )?;
    }
    let augment_points = pane.stock(augment.iter().copied());
    let baseline_points = pane.stock(baseline.iter().copied());
    canvas.line(
        &augment_points,
        palette.orange.line.to_rgba(),
        look.thin_line_px,
        Stroke::LongDashed,
    )?;
    canvas.line(
        &baseline_points,
        palette.reference.line.to_rgba(),
        look.thin_line_px,
        Stroke::Dashed,
    )?;

    let ai_points = ai_work.as_ref().map(|v| pane.series(v.iter().copied()));
    if let Some(points) = &ai_points {
        canvas.line(
            points,
            palette.purple.line.to_rgba(),
            look.thin_line_px,
            Stroke::Solid,
        )?;
    }
    let diamonds: Vec<(u32, f64, RGBColor)> = reported
        .iter()
        .map(|p| {
            let ink = if p.ai_work {
                palette.purple.ink
            } else {
                palette.text
            };
            (p.month, p.value, ink)
        })
        .collect();
    kit::draw_reported(canvas, &pane, &diamonds, word(t, "chart.reported"))?;

    kit::draw_marker_labels(
        canvas,
        &pane,
        &markers,
        &[baseline_points.as_slice(), augment_points.as_slice()],
    )?;

    let label_width = max_gutter - look.px(8.0);
    let last = months;
    let middle = |lower: f64, upper: f64| pane.y((lower + upper) / 2.0);
    let mut labels: Vec<EndLabel> = bands
        .iter()
        .map(|b| {
            EndLabel::new(
                &look,
                b.words,
                middle(b.lower[last], b.upper[last]),
                label_width,
                b.ink,
            )
        })
        .collect();
    labels.push(EndLabel::new(
        &look,
        vacancies_word,
        middle(people_now[last], positions[last]),
        label_width,
        palette.muted,
    ));
    labels.push(EndLabel::new(
        &look,
        baseline_word,
        pane.y(baseline[last]),
        label_width,
        palette.reference.ink,
    ));
    labels.push(EndLabel::new(
        &look,
        augment_word,
        pane.y(augment[last]),
        label_width,
        palette.orange.ink,
    ));
    if let Some(values) = &ai_work {
        labels.push(EndLabel::new(
            &look,
            ai_work_word,
            pane.y(values[months - 1]),
            label_width,
            palette.purple.ink,
        ));
    }
    if let Some(values) = &compare {
        if let Some(&v) = values.last() {
            if values.len() == months + 1 {
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
                    (pane.x((values.len() - 1) as f64) + look.px(4.0), pane.y(v)),
                    look.label_font_px,
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

/// The text alternative of the headcount chart.
pub fn describe(data: &ChartData<'_>, options: &ChartOptions) -> String {
    let outcome = data.outcome;
    let s = &outcome.scenario;
    let months = s.len();
    let people = |n: f64| text::count(n, None, &options.money);
    let before = outcome.baseline[0].headcount;
    let last = &s[months - 1];
    if outcome.summary.laid_off <= 0.0 {
        return text::fill(
            word(&options.text, "chart.describe.headcount.flat"),
            &[
                ("final", people(last.headcount)),
                ("months", months.to_string()),
            ],
        );
    }
    let cut_index = (data.params.layoff_month.max(0.0) as usize).min(months - 1);
    let main = text::fill(
        word(&options.text, "chart.describe.headcount.cut"),
        &[
            ("before", people(before)),
            ("after", people(s[cut_index].headcount)),
            ("cutMonth", (cut_index + 1).to_string()),
            ("final", people(last.headcount)),
            ("months", months.to_string()),
            ("baseline", people(outcome.baseline[months - 1].headcount)),
        ],
    );
    let reported = reported_points(data, months);
    if reported.is_empty() {
        return main;
    }
    let points: Vec<String> = reported
        .iter()
        .map(|p| {
            format!(
                "{} ({}, {})",
                people(p.value),
                month_word(options, p.month),
                p.source
            )
        })
        .collect();
    let extra = text::fill(
        word(&options.text, "chart.describe.headcount.reported"),
        &[("points", points.join("; "))],
    );
    format!("{main} {extra}")
}

/// "month 12" in the chart's words.
fn month_word(options: &ChartOptions, month: u32) -> String {
    text::fill(
        word(&options.text, "chart.describe.month"),
        &[("m", month.to_string())],
    )
}

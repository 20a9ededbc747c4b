//! The headcount chart: the scenario's support team stacked as experienced agents, rookies
//! and trainees, open jobs as a light band on top, the no-cut team and the AI-assisted team as
//! dashed reference lines, the AI's work in agents as a thin line, and, for a company-like
//! preset, what the company reported as diamonds (a shape no line uses) with a "reported" key.

use plotters::style::{Color, RGBColor};

use super::kit::{self, Canvas, EndLabels, Gutter, Pane, Point, Rows, Stroke, ValueAxis};
use super::text::{self, word};
use super::{ChartData, ChartError, ChartOptions};
use crate::model::Month;

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

/// The team month by month: stocks at the start of each month, led by the team before
/// anything happened (every path starts in the same steady state), so that value `j` sits
/// at month `j`.
struct Team {
    /// Experienced agents, rookies and trainees, stacked in that order.
    layers: Vec<[Vec<f64>; 2]>,
    /// People plus open jobs.
    positions: Vec<f64>,
    /// The no-cut team.
    baseline: Vec<f64>,
    /// The AI-assisted team.
    augment: Vec<f64>,
    /// The pinned scenario's team.
    compare: Option<Vec<f64>>,
    /// The AI's work in agents, a flow for each month (value i at month i + 1).
    ai_work: Option<Vec<f64>>,
}

impl Team {
    fn of(data: &ChartData<'_>) -> Team {
        let outcome = data.outcome;
        let months = outcome.scenario.len();
        let start = outcome.baseline[0];
        let s: Vec<Month> = std::iter::once(start)
            .chain(outcome.scenario.iter().copied())
            .collect();
        let stock = |of: fn(&Month) -> f64| s.iter().map(|m| of(m).max(0.0)).collect::<Vec<_>>();
        let layers = kit::stack(
            [
                stock(|m| m.experienced),
                stock(|m| m.rookies),
                stock(|m| m.trainees),
            ],
            months + 1,
        );
        let positions = layers[2][1]
            .iter()
            .zip(&s)
            .map(|(p, m)| p + m.vacancies.max(0.0))
            .collect();
        let with_start = |path: &[Month]| -> Vec<f64> {
            std::iter::once(start.headcount)
                .chain(path.iter().map(|m| m.headcount))
                .collect()
        };
        Team {
            layers,
            positions,
            baseline: with_start(&outcome.baseline),
            augment: with_start(&outcome.augment),
            compare: data
                .compare
                .map(|a| with_start(&a.scenario[..a.scenario.len().min(months)])),
            ai_work: (data.params.ai_share > 0.0).then(|| {
                let work = outcome.scenario.iter();
                work.map(|m| m.ai_agent_equivalent.max(0.0)).collect()
            }),
        }
    }

    /// The largest value drawn.
    fn max(&self, reported: &[ReportedPoint]) -> f64 {
        kit::max_of(
            self.positions
                .iter()
                .chain(&self.baseline)
                .chain(&self.augment)
                .chain(self.compare.iter().flatten())
                .chain(self.ai_work.iter().flatten())
                .chain(reported.iter().map(|p| &p.value))
                .copied(),
        )
    }
}

/// The headcount chart's words: the layers', then the lines'.
struct Words<'a> {
    layers: [&'a str; 3],
    vacancies: &'a str,
    baseline: &'a str,
    augment: &'a str,
    compare: &'a str,
    ai_work: &'a str,
}

impl<'a> Words<'a> {
    fn of(options: &'a ChartOptions) -> Words<'a> {
        let t = &options.text;
        Words {
            layers: [
                word(t, "chart.headcount.experienced"),
                word(t, "chart.headcount.rookies"),
                word(t, "chart.headcount.trainees"),
            ],
            vacancies: word(t, "chart.headcount.vacancies"),
            baseline: word(t, "chart.baseline"),
            augment: word(t, "chart.augment"),
            compare: word(t, "chart.compare"),
            ai_work: word(t, "chart.headcount.aiWork"),
        }
    }

    /// The words in the gutter.
    fn in_gutter(&self, team: &Team) -> Vec<&'a str> {
        let mut words = self.layers.to_vec();
        words.extend([self.vacancies, self.baseline, self.augment]);
        if team.ai_work.is_some() {
            words.push(self.ai_work);
        }
        if team.compare.is_some() {
            words.push(self.compare);
        }
        words
    }
}

/// Draws the headcount chart.
pub fn draw(
    canvas: &Canvas,
    data: &ChartData<'_>,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let look = canvas.look;
    let palette = look.palette;
    let months = data.outcome.scenario.len();
    let team = Team::of(data);
    let words = Words::of(options);
    let reported = reported_points(data, months);

    let rows = Rows::over_months(canvas, 1.0);
    let budget = kit::tick_budget(&look, rows.bottom - rows.top);
    let axis = ValueAxis::count(
        kit::nice_ticks(0.0, team.max(&reported) * 1.08, budget)?,
        options,
    );
    let gutter = Gutter::new(canvas, &words.in_gutter(&team));
    let pane = kit::plot_pane(canvas, &rows, (&axis, &gutter), months);
    if !pane.is_drawable() {
        return Ok(());
    }
    let title = word(&options.text, "chart.headcount.axis");
    kit::draw_value_frame(canvas, &pane, &axis, (title, rows.title_y))?;
    draw_team(canvas, &pane, &team)?;
    kit::draw_months(canvas, &pane, options)?;
    let markers = kit::event_markers(data, options, months);
    kit::draw_marker_lines(canvas, &pane, &markers)?;
    let [baseline, augment] = draw_references(canvas, &pane, &team)?;
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
    kit::draw_reported(
        canvas,
        &pane,
        &diamonds,
        word(&options.text, "chart.reported"),
    )?;
    kit::draw_marker_labels(canvas, &pane, &markers, &[&baseline, &augment])?;
    draw_labels(canvas, &pane, &gutter, &team, &words)
}

/// Open jobs as a light band above the team, outlined with a dashed line; then the team's
/// layers.
fn draw_team(canvas: &Canvas, pane: &Pane, team: &Team) -> Result<(), ChartError> {
    let look = canvas.look;
    let palette = look.palette;
    let people = &team.layers[2][1];
    let stock = |values: &[f64]| pane.stock(values.iter().copied());
    let open_jobs = kit::area_between(stock(&team.positions), stock(people));
    canvas.polygon(&open_jobs, palette.compare.line.mix(0.22))?;
    canvas.line(
        &stock(&team.positions),
        palette.compare.line.to_rgba(),
        look.hairline_px,
        Stroke::Dashed,
    )?;
    let fills = [palette.blue.line, palette.sky.line, palette.green.line];
    kit::draw_stack(canvas, &team.layers, &fills, stock)
}

/// The pinned team, the no-cut and AI-assisted teams as reference lines and the AI's work;
/// returns the points of the two reference lines.
fn draw_references(
    canvas: &Canvas,
    pane: &Pane,
    team: &Team,
) -> Result<[Vec<Point>; 2], ChartError> {
    let look = canvas.look;
    let palette = look.palette;
    if let Some(values) = &team.compare {
        kit::draw_compare_line(canvas, &pane.stock(values.iter().copied()))?;
    }
    let augment = pane.stock(team.augment.iter().copied());
    let baseline = pane.stock(team.baseline.iter().copied());
    let thin = look.thin_line_px;
    canvas.line(
        &augment,
        palette.orange.line.to_rgba(),
        thin,
        Stroke::LongDashed,
    )?;
    canvas.line(
        &baseline,
        palette.reference.line.to_rgba(),
        thin,
        Stroke::Dashed,
    )?;
    if let Some(values) = &team.ai_work {
        let points = pane.series(values.iter().copied());
        canvas.line(&points, palette.purple.line.to_rgba(), thin, Stroke::Solid)?;
    }
    Ok([baseline, augment])
}

/// Direct labels: each layer and open jobs at their middle, the lines at their ends.
fn draw_labels(
    canvas: &Canvas,
    pane: &Pane,
    gutter: &Gutter,
    team: &Team,
    words: &Words<'_>,
) -> Result<(), ChartError> {
    let palette = canvas.look.palette;
    let last = team.positions.len() - 1;
    let middle = |lower: f64, upper: f64| pane.y((lower + upper) / 2.0);
    let inks = [palette.blue.ink, palette.sky.ink, palette.green.ink];
    let mut labels = EndLabels::new(canvas, pane, gutter);
    for (([lower, upper], words), ink) in team.layers.iter().zip(words.layers).zip(inks) {
        labels.add(words, middle(lower[last], upper[last]), ink);
    }
    let people = &team.layers[2][1];
    labels.add(
        words.vacancies,
        middle(people[last], team.positions[last]),
        palette.muted,
    );
    labels.add(
        words.baseline,
        pane.y(team.baseline[last]),
        palette.reference.ink,
    );
    labels.add(
        words.augment,
        pane.y(team.augment[last]),
        palette.orange.ink,
    );
    if let Some(values) = &team.ai_work {
        labels.add(words.ai_work, pane.y(values[last - 1]), palette.purple.ink);
    }
    if let Some(values) = &team.compare {
        if let Some(&v) = values.last() {
            let end = (values.len() - 1) as f64;
            labels.add_line_end(words.compare, (end, v), palette.pinned().ink)?;
        }
    }
    labels.draw()
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

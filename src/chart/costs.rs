//! The costs chart: the scenario's monthly costs as stacked columns by category (wages,
//! hiring and training, AI, margin lost with departed customers, severance) against the
//! no-cut team's support cost as a dashed line. One-off spikes (severance, the AI build) are
//! cut off at a scale that keeps the ordinary months readable, marked with a break and
//! labelled with their full value.

use plotters::style::text_anchor::HPos;
use plotters::style::{Color, RGBColor};

use super::kit::{self, Canvas, EndLabels, Gutter, Hue, Palette, Pane, Rows, Stroke, ValueAxis};
use super::text::{self, word};
use super::{ChartData, ChartError, ChartOptions};
use crate::model::CostLayers;

/// The axis top: the largest value, unless one or two months tower over the rest, in which
/// case a little above the largest ordinary month. Returns the top and whether it cuts.
fn axis_top(totals: &[f64], others: &[f64]) -> (f64, bool) {
    let mut sorted: Vec<f64> = totals.to_vec();
    crate::sort::sort_numbers(&mut sorted);
    sorted.reverse();
    let highest = sorted.first().copied().unwrap_or(0.0);
    let ordinary = sorted
        .iter()
        .skip(2)
        .chain(others)
        .copied()
        .fold(0.0, f64::max);
    let all = highest.max(ordinary);
    if ordinary > 0.0 && highest > 1.6 * ordinary && sorted.len() > 6 {
        (ordinary * 1.15, true)
    } else {
        (all * 1.06, false)
    }
}

/// The costs chart's columns in display units (USD times the reader's exchange rate).
struct Columns {
    /// The categories stacked in the model's order (`CostLayers::layers`).
    layers: Vec<[Vec<f64>; 2]>,
    /// The height of each column.
    totals: Vec<f64>,
    /// The no-cut team's support cost.
    baseline: Vec<f64>,
    /// The pinned scenario's column heights.
    compare: Option<Vec<f64>>,
}

impl Columns {
    fn of(data: &ChartData<'_>, options: &ChartOptions) -> Columns {
        let outcome = data.outcome;
        let months = outcome.scenario.len();
        let rate = options.money.rate_per_usd;
        let costs: Vec<CostLayers> = (0..months).map(|i| outcome.cost_layers_usd(i)).collect();
        let layer = |k: usize| {
            costs
                .iter()
                .map(|c| c.layers()[k].max(0.0) * rate)
                .collect()
        };
        Columns {
            layers: kit::stack((0..5).map(layer), months),
            totals: costs.iter().map(|c| c.total_usd() * rate).collect(),
            baseline: outcome
                .baseline
                .iter()
                .map(|m| m.support_cost_usd() * rate)
                .collect(),
            compare: data.compare.map(|a| {
                (0..a.scenario.len().min(months))
                    .map(|i| a.cost_layers_usd(i).total_usd() * rate)
                    .collect()
            }),
        }
    }
}

/// The costs chart's words: the layers', then the lines'.
struct Words<'a> {
    layers: [&'a str; 5],
    baseline: &'a str,
    compare: &'a str,
}

impl<'a> Words<'a> {
    fn of(options: &'a ChartOptions) -> Words<'a> {
        let t = &options.text;
        Words {
            layers: [
                word(t, "chart.costs.wages"),
                word(t, "chart.costs.hiring"),
                word(t, "chart.costs.ai"),
                word(t, "chart.costs.lostMargin"),
                word(t, "chart.costs.severance"),
            ],
            baseline: word(t, "chart.baseline"),
            compare: word(t, "chart.compare"),
        }
    }
}

/// The colours of the layers, bottom first.
fn layer_hues(palette: &Palette) -> [Hue; 5] {
    [
        palette.blue,
        palette.green,
        palette.purple,
        palette.orange,
        // The margin lost with departed customers is a loss, in the loss hue of every chart.
        palette.loss(),
    ]
}

/// Draws the costs chart.
pub fn draw(
    canvas: &Canvas,
    data: &ChartData<'_>,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let look = canvas.look;
    let palette = look.palette;
    let columns = Columns::of(data, options);
    let words = Words::of(options);
    let months = columns.totals.len();

    let rows = Rows::over_months(canvas, 1.0);
    let others: Vec<f64> = columns
        .baseline
        .iter()
        .chain(columns.compare.iter().flatten())
        .copied()
        .collect();
    let (axis_max, cuts) = axis_top(&columns.totals, &others);
    let budget = kit::tick_budget(&look, rows.bottom - rows.top);
    let axis = ValueAxis::money(kit::nice_ticks(0.0, axis_max.max(1.0), budget)?, options);
    let mut end_words: Vec<&str> = words.layers.to_vec();
    end_words.push(words.baseline);
    if columns.compare.is_some() {
        end_words.push(words.compare);
    }
    let gutter = Gutter::new(canvas, &end_words);
    let pane = kit::plot_pane(canvas, &rows, (&axis, &gutter), months);
    if !pane.is_drawable() {
        return Ok(());
    }

    let title = word(&options.text, "chart.costs.axis");
    kit::draw_value_frame(canvas, &pane, &axis, (title, rows.title_y))?;
    let fills = layer_hues(&palette).map(|hue| hue.line);
    kit::draw_stack(canvas, &columns.layers, &fills, |v| pane.steps(v))?;
    kit::draw_months(canvas, &pane, options)?;
    if let Some(values) = &columns.compare {
        kit::draw_compare_line(canvas, &pane.steps(values))?;
    }
    canvas.line(
        &pane.steps(&columns.baseline),
        palette.reference.line.to_rgba(),
        look.thin_line_px,
        Stroke::Dashed,
    )?;
    if cuts {
        draw_cut_columns(canvas, &pane, &columns.totals, options)?;
    }
    draw_labels(canvas, &pane, &gutter, &columns, &words)
}

/// Columns cut off by the scale: a break mark and the full value.
fn draw_cut_columns(
    canvas: &Canvas,
    pane: &Pane,
    totals: &[f64],
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let look = canvas.look;
    let gap = look.px(4.0);
    let rate = options.money.rate_per_usd;
    for (i, &total) in totals.iter().enumerate() {
        if total <= pane.y_max {
            continue;
        }
        let (x0, x1) = (pane.x(i as f64), pane.x((i + 1) as f64));
        draw_break(canvas, pane, x0, x1)?;
        let y = pane.top + look.label_line_px() * 0.5;
        let words = text::money(total / rate, None, &options.money);
        let candidates = [
            ((x1 + gap, y), HPos::Left),
            ((x0 - gap, y), HPos::Right),
            ((x1 + gap, y + look.label_line_px()), HPos::Left),
        ];
        let (font, ink) = (look.label_font_px, look.palette.text);
        canvas.label_somewhere(&words, &candidates, font, ink, pane, &[])?;
    }
    Ok(())
}

/// Direct labels: in the gutter for layers still present at the end, otherwise beside the
/// column where the layer is thickest; then the lines'.
fn draw_labels(
    canvas: &Canvas,
    pane: &Pane,
    gutter: &Gutter,
    columns: &Columns,
    words: &Words<'_>,
) -> Result<(), ChartError> {
    let look = canvas.look;
    let palette = look.palette;
    let months = columns.totals.len();
    let last = months - 1;
    let gap = look.px(4.0);
    let mut labels = EndLabels::new(canvas, pane, gutter);
    let layers = columns.layers.iter().zip(words.layers);
    for (([lower, upper], words), hue) in layers.zip(layer_hues(&palette)) {
        let thickness = |i: usize| pane.y(lower[i]) - pane.y(upper[i]);
        if thickness(last) >= look.px(2.0) {
            labels.add(words, pane.y((lower[last] + upper[last]) / 2.0), hue.ink);
            continue;
        }
        let thickest = (0..months).max_by(|&a, &b| thickness(a).total_cmp(&thickness(b)));
        if let Some(i) = thickest.filter(|&i| thickness(i) >= look.px(3.0)) {
            let (x0, x1) = (pane.x(i as f64), pane.x((i + 1) as f64));
            let y = (pane.y(lower[i]) + pane.y(upper[i])) / 2.0;
            let line = look.label_line_px();
            let candidates = [
                ((x1 + gap, y), HPos::Left),
                ((x0 - gap, y), HPos::Right),
                ((x1 + gap, y + line), HPos::Left),
                ((x1 + gap, y - line), HPos::Left),
                ((x0 - gap, y + line), HPos::Right),
            ];
            let font = look.label_font_px;
            canvas.label_somewhere(words, &candidates, font, hue.ink, pane, &[])?;
        }
    }
    labels.add(
        words.baseline,
        pane.y(columns.baseline[last]),
        palette.reference.ink,
    );
    // A pinned run with a shorter horizon is left unlabelled: its line stops inside the
    // columns, where a label would cover them.
    if let Some(values) = &columns.compare {
        if let (Some(&v), true) = (values.last(), values.len() == months) {
            labels.add(words.compare, pane.y(v), palette.pinned().ink);
        }
    }
    labels.draw()
}

/// Two slanted cuts across the top of a column that runs off the scale.
fn draw_break(canvas: &Canvas, pane: &Pane, x0: f64, x1: f64) -> Result<(), ChartError> {
    let look = &canvas.look;
    let reach = look.px(4.0);
    let slope = look.px(3.0);
    let background: RGBColor = look.palette.background;
    for offset in [look.px(8.0), look.px(13.0)] {
        let y = pane.top + offset;
        canvas.line(
            &[(x0 - reach, y + slope), (x1 + reach, y - slope)],
            background.to_rgba(),
            look.px(2.0),
            Stroke::Solid,
        )?;
    }
    Ok(())
}

/// The text alternative of the costs chart.
pub fn describe(data: &ChartData<'_>, options: &ChartOptions) -> String {
    let outcome = data.outcome;
    let months = outcome.scenario.len();
    let money = |usd: f64| text::money(usd, None, &options.money);
    // Support costs only (lost margin has its own sentence), from what the team cost before
    // anything changed (every path starts in the same state).
    let before = outcome.baseline[0].support_cost_usd();
    let last = outcome.scenario[months - 1].support_cost_usd();
    let mut out = text::fill(
        word(&options.text, "chart.describe.costs"),
        &[
            ("before", money(before)),
            ("final", money(last)),
            ("months", months.to_string()),
            (
                "baseline",
                money(outcome.baseline[months - 1].support_cost_usd()),
            ),
        ],
    );
    let severance = outcome
        .scenario
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.severance_usd.total_cmp(&b.1.severance_usd))
        .filter(|(_, m)| m.severance_usd > 0.5);
    if let Some((i, m)) = severance {
        out.push(' ');
        out.push_str(&text::fill(
            word(&options.text, "chart.describe.costs.severance"),
            &[
                ("severance", money(m.severance_usd)),
                ("cutMonth", (i + 1).to_string()),
            ],
        ));
    }
    let lost = (0..months)
        .map(|i| outcome.lost_margin_usd(i))
        .fold(0.0, f64::max);
    if lost > 0.5 {
        out.push(' ');
        out.push_str(&text::fill(
            word(&options.text, "chart.describe.costs.lostMargin"),
            &[("lostMargin", money(lost))],
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_towering_month_is_cut_off_and_ordinary_months_are_not() {
        let mut totals = vec![5.0; 24];
        totals[3] = 40.0;
        let (top, cuts) = axis_top(&totals, &[5.2]);
        assert!(cuts && top < 10.0, "{top}");
        let (top, cuts) = axis_top(&[5.0; 24], &[5.2]);
        assert!(!cuts && top >= 5.2, "{top}");
        let (top, cuts) = axis_top(&[0.0; 24], &[0.0]);
        assert!(!cuts && top == 0.0);
    }
}

//! The costs chart: the scenario's monthly costs as stacked columns by category (wages,
//! hiring and training, AI, margin lost with departed customers, severance) against the
//! no-cut team's support cost as a dashed line. One-off spikes (severance, the AI build) are
//! cut off at a scale that keeps the ordinary months readable, marked with a break and
//! labelled with their full value.

use plotters::style::text_anchor::HPos;
use plotters::style::{Color, RGBColor};

use super::kit::{self, Canvas, EndLabel, Pane, Point, Stroke};
use super::text::{self, word};
use super::{ChartData, ChartError, ChartOptions};
use crate::model::CostLayers;

/// The outline of a stepped band: month `i` spans `i..i + 1` on the x axis.
fn step_outline(pane: &Pane, lower: &[f64], upper: &[f64]) -> Vec<Point> {
    let mut points = step_line(pane, upper);
    let mut bottom = step_line(pane, lower);
    bottom.reverse();
    points.extend(bottom);
    points
}

/// A stepped line: each month flat across its own column.
fn step_line(pane: &Pane, values: &[f64]) -> Vec<Point> {
    let mut points = Vec::with_capacity(values.len() * 2);
    for (i, &v) in values.iter().enumerate() {
        let y = pane.y(v);
        points.push((pane.x(i as f64), y));
        points.push((pane.x((i + 1) as f64), y));
    }
    points
}

/// The axis top: the largest value, unless one or two months tower over the rest, in which
/// case a little above the largest ordinary month. Returns the top and whether it cuts.
fn axis_top(totals: &[f64], others: &[f64]) -> (f64, bool) {
    let mut sorted: Vec<f64> = totals.to_vec();
    sorted.sort_by(|a, b| b.total_cmp(a));
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

/// Draws the costs chart.
pub fn draw(
    canvas: &Canvas,
    data: &ChartData<'_>,
    options: &ChartOptions,
) -> Result<(), ChartError> {
    let look = canvas.look;
    let palette = look.palette;
    let outcome = data.outcome;
    let months = outcome.scenario.len();
    // Money is drawn in display units: USD times the reader's exchange rate.
    let rate = options.money.rate_per_usd;
    let costs: Vec<CostLayers> = (0..months).map(|i| outcome.cost_layers_usd(i)).collect();
    let totals_display: Vec<f64> = costs.iter().map(|c| c.total_usd() * rate).collect();
    let baseline_display: Vec<f64> = outcome
        .baseline
        .iter()
        .map(|m| m.support_cost_usd() * rate)
        .collect();
    let compare_display: Option<Vec<f64>> = data.compare.map(|a| {
        (0..a.scenario.len().min(months))
            .map(|i| a.cost_layers_usd(i).total_usd() * rate)
            .collect()
    });

    let title_y = look.px(4.0) + look.label_line_px() / 2.0;
    let top = look.px(8.0) + look.label_line_px();
    let bottom = canvas.height_px - kit::month_axis_height(&look);
    let others: Vec<f64> = baseline_display
        .iter()
        .chain(compare_display.iter().flatten())
        .copied()
        .collect();
    let (axis_max, cuts) = axis_top(&totals_display, &others);
    let ticks = kit::nice_ticks(
        0.0,
        axis_max.max(1.0),
        kit::tick_budget(&look, bottom - top),
    )?;
    let tick_labels: Vec<String> = ticks
        .values
        .iter()
        .map(|&v| text::money(v / rate, Some(ticks.step / rate), &options.money))
        .collect();
    let left = kit::widest(&tick_labels, look.tick_font_px) + look.px(10.0);

    let t = &options.text;
    let layer_words = [
        word(t, "chart.costs.wages"),
        word(t, "chart.costs.hiring"),
        word(t, "chart.costs.ai"),
        word(t, "chart.costs.lostMargin"),
        word(t, "chart.costs.severance"),
    ];
    let layer_hues = [
        palette.blue,
        palette.green,
        palette.purple,
        palette.orange,
        palette.vermillion,
    ];
    let baseline_word = word(t, "chart.baseline");
    let compare_word = word(t, "chart.compare");
    let mut end_words: Vec<&str> = layer_words.to_vec();
    end_words.push(baseline_word);
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

    kit::draw_axis_title(canvas, word(t, "chart.costs.axis"), look.px(2.0), title_y)?;
    kit::draw_value_axis(canvas, &pane, &ticks, &tick_labels)?;

    // Stacked layers, in display currency, each on top of the ones below.
    let mut lower = vec![0.0; months];
    let mut layers: Vec<(Vec<f64>, Vec<f64>)> = Vec::with_capacity(5);
    for k in 0..5 {
        let upper: Vec<f64> = lower
            .iter()
            .zip(&costs)
            .map(|(l, c)| l + c.layers()[k].max(0.0) * rate)
            .collect();
        layers.push((lower, upper.clone()));
        lower = upper;
    }
    for ((lower, upper), hue) in layers.iter().zip(layer_hues) {
        if upper.iter().zip(lower).any(|(u, l)| u > l) {
            canvas.polygon(&step_outline(&pane, lower, upper), hue.line.to_rgba())?;
        }
    }
    for (_, upper) in &layers[..4] {
        canvas.line(
            &step_line(&pane, upper),
            palette.background.to_rgba(),
            look.hairline_px,
            Stroke::Solid,
        )?;
    }

    let month_ticks = kit::month_ticks(&look, &pane, word(t, "chart.year"), options.money.decimal);
    kit::draw_month_axis(canvas, &pane, &month_ticks, true)?;

    if let Some(values) = &compare_display {
        canvas.line(
            &step_line(&pane, values),
            palette.compare.line.to_rgba(),
            look.thin_line_px,
            Stroke::Dotted,
        )?;
    }
    canvas.line(
        &step_line(&pane, &baseline_display),
        palette.reference.line.to_rgba(),
        look.thin_line_px,
        Stroke::Dashed,
    )?;

    // Columns cut off by the scale: a break mark and the full value.
    let font = look.label_font_px;
    let gap = look.px(4.0);
    if cuts {
        for (i, &total) in totals_display.iter().enumerate() {
            if total <= ticks.max {
                continue;
            }
            let (x0, x1) = (pane.x(i as f64), pane.x((i + 1) as f64));
            draw_break(canvas, &pane, x0, x1)?;
            let y = pane.top + look.label_line_px() * 0.5;
            let words = text::money(total / rate, None, &options.money);
            let candidates = [
                ((x1 + gap, y), HPos::Left),
                ((x0 - gap, y), HPos::Right),
                ((x1 + gap, y + look.label_line_px()), HPos::Left),
            ];
            canvas.label_somewhere(&words, &candidates, font, palette.text, &pane, &[])?;
        }
    }

    // Direct labels: in the gutter for layers still present at the end, otherwise beside
    // the column where the layer is thickest.
    let label_width = max_gutter - look.px(8.0);
    let last = months - 1;
    let mut labels = Vec::new();
    for (k, (lower, upper)) in layers.iter().enumerate() {
        let thickness = |i: usize| pane.y(lower[i]) - pane.y(upper[i]);
        let hue = layer_hues[k];
        if thickness(last) >= look.px(2.0) {
            labels.push(EndLabel::new(
                &look,
                layer_words[k],
                pane.y((lower[last] + upper[last]) / 2.0),
                label_width,
                hue.ink,
            ));
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
            canvas.label_somewhere(layer_words[k], &candidates, font, hue.ink, &pane, &[])?;
        }
    }
    labels.push(EndLabel::new(
        &look,
        baseline_word,
        pane.y(baseline_display[last]),
        label_width,
        palette.reference.ink,
    ));
    if let Some(values) = &compare_display {
        if let Some(&v) = values.last() {
            if values.len() == months {
                labels.push(EndLabel::new(
                    &look,
                    compare_word,
                    pane.y(v),
                    label_width,
                    palette.compare.ink,
                ));
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

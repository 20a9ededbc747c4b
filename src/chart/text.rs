//! Every word the charts draw or say, by key with its English text, and the number formats of
//! chart labels: money through the page's [`MoneyFormat`], counts, percentages and months as
//! years. The page's translation files provide the same keys; a test checks that they do.

use super::{ChartText, MoneyFormat};
use crate::params::{ParamSpec, Unit};

/// The minus sign of chart text: U+2212, as the page's prose writes it. A hyphen is shorter
/// and sits lower than a plus sign, and a newsroom chart does not use it for negatives.
const MINUS: &str = "\u{2212}";

/// Every text key the charts use, with its English text. Templates name their values in
/// braces ("{month}"); a translation must keep the same placeholders.
pub const TEXT_KEYS: &[(&str, &str)] = &[
    // Shared axis and marker words.
    ("chart.year", "y"),
    ("chart.cut", "Cut"),
    ("chart.rehire", "Rehire"),
    ("chart.payback", "Payback"),
    ("chart.peak", "Peak"),
    ("chart.regret", "Regret"),
    ("chart.compare", "A"),
    ("chart.baseline", "No cut"),
    ("chart.augment", "AI assist"),
    // Savings.
    ("chart.savings.axis", "Cumulative net savings"),
    ("chart.savings.vsBaseline", "vs. no cut"),
    ("chart.savings.vsAugment", "vs. AI assist"),
    ("chart.savings.augmentPath", "AI helps agents"),
    // Headcount.
    ("chart.headcount.axis", "Support staff, people"),
    ("chart.headcount.experienced", "Experienced"),
    ("chart.headcount.rookies", "Rookies"),
    ("chart.headcount.trainees", "Trainees"),
    ("chart.headcount.vacancies", "Open jobs"),
    ("chart.headcount.aiWork", "AI’s work, in agents"),
    ("chart.reported", "reported"),
    ("chart.quality.aiContacts", "Contacts the AI takes, a month"),
    ("chart.quality.aiTakes", "AI takes"),
    (
        "chart.describe.quality.reported",
        "Diamonds mark the AI contacts a month the company reported: {points}.",
    ),
    ("chart.describe.month", "month {m}"),
    // Costs.
    ("chart.costs.axis", "Monthly cost"),
    ("chart.costs.wages", "Wages"),
    ("chart.costs.severance", "Severance"),
    ("chart.costs.ai", "AI"),
    ("chart.costs.hiring", "Hiring & training"),
    ("chart.costs.lostMargin", "Lost margin"),
    // Quality.
    ("chart.quality.axis", "Share of contacts that go badly"),
    ("chart.quality.actual", "Actual"),
    ("chart.quality.perceived", "Perceived"),
    ("chart.quality.customers", "Customers"),
    ("chart.quality.scenario", "With cut"),
    // The savings chart's fan (Monte Carlo percentiles).
    ("chart.fan", "80% of plausible outcomes"),
    ("chart.fan.updating", "80% of plausible outcomes (updating)"),
    // Parameter values in the tornado and the regret map.
    ("chart.unit.months", "{n} mo"),
    ("chart.unit.weeks", "{n} wk"),
    ("chart.unit.factor", "{n}×"),
    // Tornado.
    (
        "chart.tornado.axis",
        "Net present value with one estimate at its low or high end",
    ),
    ("chart.tornado.low", "Low estimate"),
    ("chart.tornado.high", "High estimate"),
    ("chart.tornado.current", "This scenario"),
    ("chart.tornado.switching", "Breaks even at"),
    ("chart.tornado.none", "No estimate changes the result"),
    // Regret map.
    ("chart.map.npv", "Net present value"),
    ("chart.map.regret", "Month when regret comes"),
    ("chart.map.zero", "Break-even"),
    ("chart.map.current", "This scenario"),
    ("chart.map.loses", "Cut loses money"),
    ("chart.map.pays", "Cut pays"),
    ("chart.map.noRegret", "No regret"),
    // Text alternatives for screen readers.
    (
        "chart.describe.savings.regret",
        "Cumulative savings peak at {peak} in month {peakMonth}, then turn negative in month {regretMonth}, ending at {final} after {months} months.",
    ),
    (
        "chart.describe.savings.peak",
        "Cumulative savings peak at {peak} in month {peakMonth} and stand at {final} after {months} months.",
    ),
    (
        "chart.describe.savings.never",
        "Cumulative savings never turn positive: after {months} months the cut has cost {final}.",
    ),
    (
        "chart.describe.savings.zero",
        "Nothing changes: no savings and no losses against keeping everyone over {months} months.",
    ),
    (
        "chart.describe.savings.augment",
        "Against AI assistance for the whole team the result is {final}.",
    ),
    (
        "chart.describe.savings.augmentPath",
        "With AI helping every agent and nobody cut, the company ends {final} against keeping everyone without AI.",
    ),
    (
        "chart.describe.savings.fan",
        "In 80% of {draws} plausible outcomes the result after {months} months lies between {low} and {high}.",
    ),
    (
        "chart.describe.tornado",
        "With one estimate at a time at its low or high end, {first} moves the net present value most: from {low} to {high}, against {npv} for this scenario.",
    ),
    (
        "chart.describe.tornado.none",
        "No single estimate changes the net present value of {npv}.",
    ),
    (
        "chart.describe.map.npv",
        "Net present value over {x} and {y}: from {min} to {max}. The cut pays in {share} of the map; this scenario is at {current}.",
    ),
    (
        "chart.describe.map.regret",
        "Month when regret comes over {x} and {y}: regret comes in {share} of the map, as early as month {earliest}.",
    ),
    (
        "chart.describe.map.noRegret",
        "Month when regret comes over {x} and {y}: regret comes nowhere on the map.",
    ),
    (
        "chart.describe.headcount.cut",
        "The support team falls from {before} to {after} people in month {cutMonth} and ends at {final} after {months} months; without the cut it stays at {baseline}.",
    ),
    (
        "chart.describe.headcount.reported",
        "Diamonds mark what the company reported: {points}.",
    ),
    (
        "chart.describe.headcount.flat",
        "The support team stays at about {final} people over {months} months.",
    ),
    (
        "chart.describe.costs",
        "Monthly support costs go from {before} to {final} by month {months}, against {baseline} without the cut.",
    ),
    (
        "chart.describe.costs.severance",
        "Severance of {severance} is paid in month {cutMonth}.",
    ),
    (
        "chart.describe.costs.lostMargin",
        "Margin lost with departed customers reaches {lostMargin} a month.",
    ),
    (
        "chart.describe.quality",
        "The share of contacts that go badly goes from {before} to a peak of {peak} in month {peakMonth}; without the cut it stays at {baseline}.",
    ),
    (
        "chart.describe.quality.flat",
        "The share of contacts that go badly stays at {baseline}.",
    ),
    (
        "chart.describe.quality.lost",
        "After {months} months the company has {customers} fewer customers than without the cut.",
    ),
    (
        "chart.describe.quality.gained",
        "After {months} months the company has {customers} more customers than without the cut.",
    ),
];

/// The English text of a key, or the key itself if it is not in [`TEXT_KEYS`] (a bug that
/// debug builds, and so the tests, catch).
pub fn english(key: &str) -> &'static str {
    match TEXT_KEYS.iter().find(|(k, _)| *k == key) {
        Some((_, text)) => text,
        None => {
            debug_assert!(false, "chart text key {key} is missing from TEXT_KEYS");
            ""
        }
    }
}

/// The text for `key` in the reader's language.
pub fn word<'a>(text: &'a ChartText, key: &str) -> &'a str {
    text.get(key, english(key))
}

/// Fills `{name}` placeholders of a template; unknown placeholders stay as they are.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Decimals needed to write multiples of `step` exactly (0 to 3).
fn decimals_for_step(step: f64) -> usize {
    if !(step.is_finite() && step > 0.0) {
        return 0;
    }
    (0..=3)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.max(1.0)
        })
        .unwrap_or(3)
}

/// Writes `value` with `decimals` decimals and the given separator, dropping trailing zeros.
fn decimal_text(value: f64, decimals: usize, separator: char) -> String {
    let text = format!("{:.decimals$}", value.abs());
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    let text = if separator == '.' {
        text
    } else {
        text.replace('.', &separator.to_string())
    };
    // A value that rounds to zero is "0", never "−0".
    if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("{MINUS}{text}")
    } else {
        text
    }
}

/// The thousands separator that goes with a decimal separator.
fn group_separator(decimal: char) -> char {
    if decimal == ',' {
        '.'
    } else {
        ','
    }
}

fn grouped(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A magnitude: divisor and index into the magnitude words (None below a thousand).
fn magnitude(abs: f64) -> (f64, Option<usize>) {
    if abs >= 1e9 {
        (1e9, Some(2))
    } else if abs >= 1e6 {
        (1e6, Some(1))
    } else if abs >= 1e3 {
        (1e3, Some(0))
    } else {
        (1.0, None)
    }
}

/// A number with a magnitude word ("1.2M", "950", "12rb"). With `step`, as an axis tick: as
/// many decimals as the step needs; without, three significant digits.
fn short_number(
    value: f64,
    step: Option<f64>,
    decimal: char,
    words: &[String; 3],
    precision: Precision,
) -> String {
    let abs = value.abs();
    let (mut divisor, mut index) = magnitude(abs);
    let sig_decimals = |v: f64| match precision {
        // As the page's prose writes money ("$117.9M", "$1.2M"), so a label matches the text.
        Precision::OneDecimal => 1,
        Precision::ThreeDigits if v >= 100.0 => 0,
        Precision::ThreeDigits if v >= 10.0 => 1,
        Precision::ThreeDigits => 2,
    };
    let mut decimals = match step {
        Some(step) => decimals_for_step(step / divisor),
        None if index.is_none() => 0,
        None => sig_decimals(abs / divisor),
    };
    // "999.96k" rounds to "1000k": write it as the next magnitude instead.
    let rounded =
        (abs / divisor * 10f64.powi(decimals as i32)).round() / 10f64.powi(decimals as i32);
    if rounded >= 1000.0 && index.is_none_or(|i| i < 2) {
        divisor *= 1000.0;
        index = Some(index.map_or(0, |i| i + 1));
        decimals = match step {
            Some(step) => decimals_for_step(step / divisor),
            None => sig_decimals(abs / divisor),
        };
    }
    let scaled = abs / divisor;
    let mut out = if scaled >= 1000.0 {
        // Only reached for a thousand billion and more: "2,000B".
        grouped(scaled.round() as u64, group_separator(decimal))
    } else {
        decimal_text(scaled, decimals, decimal)
    };
    if let Some(i) = index {
        out.push_str(&words[i]);
    }
    out
}

/// How a number without an axis step is rounded once scaled to its magnitude word.
#[derive(Clone, Copy)]
enum Precision {
    /// Three significant digits: "19.6M", "250k", "1.25M" (counts of people and customers).
    ThreeDigits,
    /// At most one decimal: "117.9M", "1.2M" (money, as the prose writes it).
    OneDecimal,
}

/// Money in the reader's currency, from USD: "$1.2M", "−$15.3M", "Rp1,2M". With `step_usd`,
/// formatted as an axis tick whose neighbours are `step_usd` apart.
pub fn money(usd: f64, step_usd: Option<f64>, format: &MoneyFormat) -> String {
    let value = usd * format.rate_per_usd;
    let step = step_usd.map(|s| s * format.rate_per_usd);
    if value.abs() < 1e-9 * step.unwrap_or(1.0).max(1.0) {
        return format!("{}0{}", format.prefix, format.suffix);
    }
    let sign = if value < 0.0 { MINUS } else { "" };
    let number = short_number(
        value,
        step,
        format.decimal,
        &format.magnitudes,
        Precision::OneDecimal,
    );
    format!("{sign}{}{number}{}", format.prefix, format.suffix)
}

/// A count of people or customers: "1,000" below ten thousand, then "12.5k", "19.6M" with the
/// page's magnitude words. With `step`, as an axis tick.
pub fn count(n: f64, step: Option<f64>, format: &MoneyFormat) -> String {
    let abs = n.abs();
    let sign = if n < 0.0 && abs >= 0.5 { MINUS } else { "" };
    let body = if abs < 10_000.0 {
        match step {
            Some(step) if step < 1.0 => decimal_text(abs, decimals_for_step(step), format.decimal),
            _ => grouped(abs.round() as u64, group_separator(format.decimal)),
        }
    } else {
        short_number(
            abs,
            step,
            format.decimal,
            &format.magnitudes,
            Precision::ThreeDigits,
        )
    };
    format!("{sign}{body}")
}

/// Tick labels of a count axis, in one style for the whole axis: grouped digits ("7,500",
/// "10,000") when every tick is a whole number below a hundred thousand, magnitude words
/// ("250k", "19.6M") otherwise.
pub fn count_ticks(values: &[f64], step: f64, format: &MoneyFormat) -> Vec<String> {
    let largest = values.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    if largest < 100_000.0 && step >= 1.0 {
        let separator = group_separator(format.decimal);
        values
            .iter()
            .map(|&v| {
                let sign = if v < -0.5 { MINUS } else { "" };
                format!("{sign}{}", grouped(v.abs().round() as u64, separator))
            })
            .collect()
    } else {
        values
            .iter()
            .map(|&v| count(v, Some(step), format))
            .collect()
    }
}

/// A share as a percentage: 0.125 -> "12.5%". With `step`, as an axis tick; without, with
/// one decimal below 10% and none above.
pub fn percent(share: f64, step: Option<f64>, decimal: char) -> String {
    let value = share * 100.0;
    let decimals = match step {
        Some(step) => decimals_for_step(step * 100.0),
        None if value.abs() < 10.0 => 1,
        None => 0,
    };
    format!("{}%", decimal_text(value, decimals, decimal))
}

/// A parameter's label in the reader's language: the page passes `param.<key>` in the chart
/// text; the English label of the parameter table is the fallback.
pub fn param_label<'a>(text: &'a ChartText, spec: &'a ParamSpec) -> &'a str {
    text.get(&format!("param.{}", spec.key), spec.label)
}

/// A plain number with up to `decimals` decimals (trailing zeros dropped).
pub fn plain_number(value: f64, decimals: usize, decimal: char) -> String {
    decimal_text(value, decimals, decimal)
}

/// A parameter value in its unit, short enough for a chart: "36%", "$0.20", "$5.1k",
/// "9 mo", "1,000", "1.2×".
pub fn param_value(unit: Unit, value: f64, text: &ChartText, money_format: &MoneyFormat) -> String {
    let decimal = money_format.decimal;
    let trimmed = |v: f64| {
        let digits = if v.abs() >= 100.0 {
            0
        } else if v.abs() >= 10.0 {
            1
        } else {
            2
        };
        plain_number(v, digits, decimal)
    };
    match unit {
        Unit::Share | Unit::SharePerYear | Unit::SharePerMonth => percent(value, None, decimal),
        Unit::Usd | Unit::UsdPerMonth | Unit::UsdPerConversation => {
            let shown = value * money_format.rate_per_usd;
            if shown.abs() < 10.0 && shown != 0.0 {
                let sign = if shown < 0.0 { MINUS } else { "" };
                let body = format!("{:.2}", shown.abs());
                let body = if decimal == '.' {
                    body
                } else {
                    body.replace('.', &decimal.to_string())
                };
                format!("{sign}{}{body}{}", money_format.prefix, money_format.suffix)
            } else {
                money(value, None, money_format)
            }
        }
        Unit::WholeMonths | Unit::Months => fill(
            word(text, "chart.unit.months"),
            &[("n", plain_number(value, 1, decimal))],
        ),
        Unit::Weeks => fill(
            word(text, "chart.unit.weeks"),
            &[("n", plain_number(value, 1, decimal))],
        ),
        Unit::Fte | Unit::Customers => count(value, None, money_format),
        Unit::Factor => fill(word(text, "chart.unit.factor"), &[("n", trimmed(value))]),
        Unit::Elasticity | Unit::ContactsPerCustomerMonth | Unit::Level => trimmed(value),
    }
}

/// A month on the x axis as years: 0 -> "0", 12 -> "1y", 6 -> "0.5y".
pub fn month_tick(month: f64, year_word: &str, decimal: char) -> String {
    if month.abs() < 1e-9 {
        return "0".to_owned();
    }
    let years = month / 12.0;
    let decimals = if (years - years.round()).abs() < 1e-9 {
        0
    } else {
        1
    };
    format!("{}{year_word}", decimal_text(years, decimals, decimal))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idr() -> MoneyFormat {
        MoneyFormat {
            rate_per_usd: 16_000.0,
            prefix: "Rp".to_owned(),
            suffix: String::new(),
            decimal: ',',
            magnitudes: ["rb".to_owned(), "jt".to_owned(), "M".to_owned()],
        }
    }

    #[test]
    fn money_reads_like_a_newsroom_chart() {
        let usd = MoneyFormat::default();
        assert_eq!(money(0.0, None, &usd), "$0");
        assert_eq!(money(950.0, None, &usd), "$950");
        assert_eq!(money(12_345.0, None, &usd), "$12.3k");
        assert_eq!(money(1_200_000.0, None, &usd), "$1.2M");
        // One decimal at most, as the prose writes it (format.js moneyCompact).
        assert_eq!(money(117_940_000.0, None, &usd), "$117.9M");
        assert_eq!(money(5_083.0, None, &usd), "$5.1k");
        assert_eq!(money(-15_261_127.0, None, &usd), "\u{2212}$15.3M");
        assert_eq!(money(999_960.0, None, &usd), "$1M");
        assert_eq!(money(1.0, None, &usd), "$1");
        assert_eq!(money(1e11, None, &usd), "$100B");
        assert_eq!(money(2e12, None, &usd), "$2,000B");
        assert_eq!(money(1_250_000.0, Some(250_000.0), &usd), "$1.25M");
        assert_eq!(money(750_000.0, Some(250_000.0), &usd), "$750k");
        assert_eq!(money(-5_000_000.0, Some(5_000_000.0), &usd), "\u{2212}$5M");
        assert_eq!(money(1e-12, Some(5_000_000.0), &usd), "$0");
        assert_eq!(money(1_200_000.0, None, &idr()), "Rp19,2M");
        assert_eq!(money(1_000.0, Some(500.0), &idr()), "Rp16jt");
    }

    #[test]
    fn negatives_take_a_true_minus_and_zero_takes_none() {
        let usd = MoneyFormat::default();
        assert_eq!(percent(-0.05, None, '.'), "\u{2212}5%");
        assert_eq!(plain_number(-2.5, 1, ','), "\u{2212}2,5");
        assert_eq!(plain_number(-0.001, 1, '.'), "0");
        assert_eq!(count(-1500.0, None, &usd), "\u{2212}1,500");
        assert_eq!(
            count_ticks(&[-5000.0, 0.0], 5000.0, &usd),
            vec!["\u{2212}5,000", "0"]
        );
    }

    #[test]
    fn counts_percentages_and_years() {
        let usd = MoneyFormat::default();
        assert_eq!(count(1000.0, Some(200.0), &usd), "1,000");
        assert_eq!(count(19_600_000.0, Some(100_000.0), &usd), "19.6M");
        assert_eq!(count(1000.0, None, &idr()), "1.000");
        assert_eq!(count(2.5, Some(0.5), &usd), "2.5");
        assert_eq!(
            count_ticks(&[0.0, 5000.0, 10_000.0], 5000.0, &usd),
            vec!["0", "5,000", "10,000"]
        );
        assert_eq!(
            count_ticks(&[19.5e6, 20e6], 0.5e6, &usd),
            vec!["19.5M", "20M"]
        );
        assert_eq!(percent(0.125, Some(0.025), '.'), "12.5%");
        assert_eq!(percent(0.1, Some(0.05), ','), "10%");
        assert_eq!(percent(0.356, None, '.'), "36%");
        assert_eq!(month_tick(0.0, "y", '.'), "0");
        assert_eq!(month_tick(24.0, "y", '.'), "2y");
        assert_eq!(month_tick(6.0, "th", ','), "0,5th");
    }

    #[test]
    fn templates_fill_their_placeholders() {
        let text = fill(
            english("chart.describe.savings.peak"),
            &[
                ("peak", "$1M".to_owned()),
                ("peakMonth", "3".to_owned()),
                ("final", "$2M".to_owned()),
                ("months", "48".to_owned()),
            ],
        );
        assert!(!text.contains('{'), "{text}");
        assert!(text.contains("month 3"), "{text}");
    }

    #[test]
    fn keys_are_unique_and_texts_are_not_empty() {
        for (i, (key, text)) in TEXT_KEYS.iter().enumerate() {
            assert!(key.starts_with("chart."), "{key}");
            assert!(!text.is_empty(), "{key}");
            assert!(
                TEXT_KEYS[i + 1..].iter().all(|(k, _)| k != key),
                "duplicate {key}"
            );
        }
    }
}

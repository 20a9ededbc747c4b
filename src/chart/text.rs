//! Every word the charts draw or say, by key with its English text, and the chart's short
//! forms of numbers (axis ticks, parameter values), which [`crate::present`] writes. The
//! page's translation files provide the same keys; a test checks that they do.

use super::{ChartText, MoneyFormat};
use crate::params::{ParamSpec, Unit};

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

pub use crate::present::words::fill;

/// Money in the reader's currency, from USD: "$1.2M", "−$15.3M", "US$1,2 jt". With
/// `step_usd`, formatted as an axis tick whose neighbours are `step_usd` apart.
pub fn money(usd: f64, step_usd: Option<f64>, format: &MoneyFormat) -> String {
    match step_usd {
        Some(step) => format.money_tick(usd, step),
        None => format.money(usd),
    }
}

/// A count of people or customers: "1,000" below ten thousand, then "12.5k", "19.6M". With
/// `step`, as an axis tick.
pub fn count(n: f64, step: Option<f64>, format: &MoneyFormat) -> String {
    match step {
        Some(step) => format.count_ticks(&[n], step).remove(0),
        None => format.count(n),
    }
}

/// Tick labels of a count axis, in one style for the whole axis.
pub fn count_ticks(values: &[f64], step: f64, format: &MoneyFormat) -> Vec<String> {
    format.count_ticks(values, step)
}

/// A share as a percentage: 0.125 -> "12.5%". With `step`, as an axis tick; without, with
/// one decimal below 10% and none above.
pub fn percent(share: f64, step: Option<f64>, format: &MoneyFormat) -> String {
    match step {
        Some(step) => format.percent_tick(share, step),
        None => format.percent_short(share),
    }
}

/// A parameter's label in the reader's language: the page passes `param.<key>` in the chart
/// text; the English label of the parameter table is the fallback.
pub fn param_label<'a>(text: &'a ChartText, spec: &'a ParamSpec) -> &'a str {
    text.get(&format!("param.{}", spec.key), spec.label)
}

/// A parameter value in its unit, short enough for a chart: "36%", "$0.20", "$5.1k",
/// "9 mo", "1,000", "1.2×".
pub fn param_value(unit: Unit, value: f64, text: &ChartText, format: &MoneyFormat) -> String {
    match unit {
        Unit::Share | Unit::SharePerYear | Unit::SharePerMonth => format.percent_short(value),
        Unit::Usd | Unit::UsdPerMonth | Unit::UsdPerConversation => {
            let shown = value * format.rate_per_usd;
            if shown.abs() < 10.0 && shown != 0.0 {
                // Prices per conversation read as cents: "$0.20".
                format.money_full(value, 2, 2)
            } else {
                format.money(value)
            }
        }
        Unit::WholeMonths | Unit::Months => fill(
            word(text, "chart.unit.months"),
            &[("n", format.number(value, 1))],
        ),
        Unit::Weeks => fill(
            word(text, "chart.unit.weeks"),
            &[("n", format.number(value, 1))],
        ),
        Unit::Fte | Unit::Customers => format.count(value),
        Unit::Factor => fill(
            word(text, "chart.unit.factor"),
            &[("n", format.number_short(value))],
        ),
        Unit::Elasticity | Unit::ContactsPerCustomerMonth | Unit::Level => {
            format.number_short(value)
        }
    }
}

/// A month on the x axis as years: 0 -> "0", 12 -> "1y", 6 -> "0.5y".
pub fn month_tick(month: f64, year_word: &str, format: &MoneyFormat) -> String {
    format.years_tick(month, year_word)
}

#[cfg(test)]
mod tests {
    use super::*;

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

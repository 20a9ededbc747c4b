//! Every word the charts draw or say, by key with its English text, and the chart's short
//! forms of numbers (axis ticks, parameter values), which [`crate::present`] writes. The
//! page's translation files provide the same keys; a test checks that they do.

use super::{ChartText, MoneyFormat};
use crate::params::{ParamSpec, Unit};

/// Every text key the charts use. The words are in the language files' `chartText` section
/// (`www/i18n/en.json`, `id.json`): the page passes its language's, the CLI and the golden
/// tests read the English file. Templates name their values in braces ("{month}"); a
/// translation must keep the same placeholders.
pub const TEXT_KEYS: &[&str] = &[
    "chart.month",
    "chart.cut",
    "chart.rehire",
    "chart.payback",
    "chart.peak",
    "chart.stillRising",
    "chart.regret",
    "chart.compare",
    "chart.baseline",
    "chart.augment",
    "chart.savings.axis",
    "chart.savings.vsBaseline",
    "chart.savings.vsAugment",
    "chart.savings.augmentPath",
    "chart.headcount.axis",
    "chart.headcount.experienced",
    "chart.headcount.rookies",
    "chart.headcount.trainees",
    "chart.headcount.vacancies",
    "chart.headcount.aiWork",
    "chart.reported",
    "chart.quality.aiContacts",
    "chart.quality.aiTakes",
    "chart.describe.quality.reported",
    "chart.describe.month",
    "chart.costs.axis",
    "chart.costs.wages",
    "chart.costs.severance",
    "chart.costs.ai",
    "chart.costs.hiring",
    "chart.costs.lostMargin",
    "chart.quality.axis",
    "chart.quality.actual",
    "chart.quality.perceived",
    "chart.quality.customers",
    "chart.quality.customersNotZero",
    "chart.quality.scenario",
    "chart.fan",
    "chart.fan.updating",
    "chart.fan.inner",
    "chart.unit.months",
    "chart.unit.weeks",
    "chart.unit.factor",
    "chart.tornado.axis",
    "chart.tornado.current",
    "chart.tornado.switching",
    "chart.tornado.none",
    "chart.map.npv",
    "chart.map.regret",
    "chart.map.zero",
    "chart.map.current",
    "chart.map.loses",
    "chart.map.pays",
    "chart.map.noRegret",
    "chart.describe.savings.regret",
    "chart.describe.savings.peak",
    "chart.describe.savings.rising",
    "chart.describe.savings.never",
    "chart.describe.savings.zero",
    "chart.describe.savings.augment",
    "chart.describe.savings.augmentPath",
    "chart.describe.savings.fan",
    "chart.describe.tornado",
    "chart.describe.tornado.none",
    "chart.describe.map.npv",
    "chart.describe.map.regret",
    "chart.describe.map.noRegret",
    "chart.describe.headcount.cut",
    "chart.describe.headcount.reported",
    "chart.describe.headcount.flat",
    "chart.describe.costs",
    "chart.describe.costs.severance",
    "chart.describe.costs.lostMargin",
    "chart.describe.quality",
    "chart.describe.quality.flat",
    "chart.describe.quality.lost",
    "chart.describe.quality.gained",
];

/// The English text of a key. The browser build carries no English of its own (the page
/// always passes its language's words), so there it is empty; natively it is the English
/// language file's, and a missing key is a bug that debug builds, and so the tests, catch.
pub fn english(key: &str) -> &'static str {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let text = crate::present::words::en_entry("chartText", key);
        debug_assert!(
            !text.is_empty(),
            "chart text key {key} is missing from en.json"
        );
        text
    }
    #[cfg(target_arch = "wasm32")]
    {
        let _ = key;
        ""
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
    #[cfg(not(target_arch = "wasm32"))]
    let english = spec.label;
    #[cfg(target_arch = "wasm32")]
    let english = spec.key;
    text.get(&format!("param.{}", spec.key), english)
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

/// A month on the x axis as the prose counts it: 12 -> "month 12" ("bulan 12").
pub fn month_tick(month: f64, text: &ChartText, format: &MoneyFormat) -> String {
    fill(word(text, "chart.month"), &[("n", format.number(month, 0))])
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
        for (i, key) in TEXT_KEYS.iter().enumerate() {
            let text = english(key);
            assert!(key.starts_with("chart."), "{key}");
            assert!(!text.is_empty(), "{key}");
            assert!(
                TEXT_KEYS[i + 1..].iter().all(|k| k != key),
                "duplicate {key}"
            );
        }
    }
}

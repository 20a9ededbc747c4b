//! Chart tests, run natively: golden SVG files for every chart of four presets at a desktop
//! and a phone size, plus checks of what a reader must see (currency ticks, the payback, peak
//! and regret labels, translated words) and that no valid input makes a chart fail.
//!
//! Natively, with plotters' default features off, text is measured by a fixed estimate, so
//! the SVG output is deterministic. After an intended change, look at the new charts and
//! re-bless the golden files with `BLESS=1 cargo test --test charts`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use layoff_whatif::chart::{
    self, ChartData, ChartKind, ChartOptions, ChartText, MoneyFormat, Theme, TEXT_KEYS,
};
use layoff_whatif::model::{self, Outcome};
use layoff_whatif::params::{Params, PARAMS};
use layoff_whatif::presets;

const GOLDEN_PRESETS: [&str; 4] = ["typical", "klarna-like", "salesforce-like", "status-quo"];
const GOLDEN_SIZES: [(u32, u32); 2] = [(640, 400), (360, 260)];

fn run(preset: &str) -> (Params, Outcome) {
    let params = presets::preset(preset)
        .unwrap_or_else(|| panic!("unknown preset {preset}"))
        .params();
    let outcome = model::run(&params);
    (params, outcome)
}

fn render(
    params: &Params,
    outcome: &Outcome,
    compare: Option<&Outcome>,
    kind: ChartKind,
    options: &ChartOptions,
    size: (u32, u32),
) -> String {
    let data = ChartData {
        outcome,
        params,
        compare,
    };
    chart::svg(kind, &data, options, size.0, size.1)
        .unwrap_or_else(|e| panic!("{} at {size:?}: {e}", kind.key()))
}

/// The words of every text element of an SVG document, in drawing order.
fn texts(svg: &str) -> Vec<&str> {
    svg.split("<text")
        .skip(1)
        .filter_map(|element| {
            let start = element.find('>')? + 1;
            let end = element.find("</text>")?;
            Some(element[start..end].trim())
        })
        .collect()
}

fn has_text(svg: &str, words: &str) -> bool {
    texts(svg).contains(&words)
}

/// Whether a text reads like "$0", "-$15.3M", "$750k" or "$1.25B": a sign, the dollar, a
/// number with no trailing zero after its decimal point, and a magnitude word.
fn is_short_money(words: &str) -> bool {
    let body = words.trim_start_matches('-').trim_start_matches('$');
    let number = body.trim_end_matches(['k', 'M', 'B']);
    let tidy = !number.contains('.') || !number.ends_with('0');
    !number.is_empty() && number.len() <= 5 && number.parse::<f64>().is_ok() && tidy
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/charts")
}

#[test]
fn charts_match_their_golden_svg_files() {
    let bless = std::env::var("BLESS").is_ok_and(|v| v == "1");
    let actual_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("charts-actual");
    let mut mismatches = Vec::new();
    for preset in GOLDEN_PRESETS {
        let (params, outcome) = run(preset);
        for kind in ChartKind::ALL {
            for size in GOLDEN_SIZES {
                let svg = render(
                    &params,
                    &outcome,
                    None,
                    kind,
                    &ChartOptions::default(),
                    size,
                );
                let name = format!("{preset}-{}-{}x{}.svg", kind.key(), size.0, size.1);
                let path = golden_dir().join(&name);
                if bless {
                    std::fs::create_dir_all(golden_dir()).expect("create tests/charts");
                    std::fs::write(&path, &svg).expect("write a golden file");
                    continue;
                }
                let expected = std::fs::read_to_string(&path).unwrap_or_default();
                if expected != svg {
                    std::fs::create_dir_all(&actual_dir).expect("create the output directory");
                    std::fs::write(actual_dir.join(&name), &svg).expect("write the output");
                    mismatches.push(name);
                }
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} chart(s) differ from tests/charts (new output in {}): {}\n\
         look at them, then re-bless with BLESS=1 cargo test --test charts",
        mismatches.len(),
        actual_dir.display(),
        mismatches.join(", ")
    );
}

#[test]
fn money_axes_show_currency_ticks_not_raw_numbers() {
    for preset in GOLDEN_PRESETS {
        let (params, outcome) = run(preset);
        for kind in [ChartKind::Savings, ChartKind::Costs] {
            for size in GOLDEN_SIZES {
                let svg = render(
                    &params,
                    &outcome,
                    None,
                    kind,
                    &ChartOptions::default(),
                    size,
                );
                let words = texts(&svg);
                assert!(words.contains(&"$0"), "{preset} {}: no $0 tick", kind.key());
                assert!(
                    words
                        .iter()
                        .any(|w| w.trim_start_matches('-').starts_with('$')
                            && w.ends_with(['k', 'M'])),
                    "{preset} {}: no tick with a magnitude word: {words:?}",
                    kind.key()
                );
                for word in words
                    .iter()
                    .filter(|w| w.starts_with('$') || w.starts_with("-$"))
                {
                    assert!(
                        is_short_money(word),
                        "{preset} {}: {word:?} is not short money text",
                        kind.key()
                    );
                }
                assert!(!svg.contains("000000"), "{preset} {}", kind.key());
            }
        }
    }
}

#[test]
fn money_follows_the_readers_currency() {
    let (params, outcome) = run("typical");
    let options = ChartOptions {
        money: MoneyFormat {
            rate_per_usd: 16_000.0,
            prefix: "Rp".to_owned(),
            suffix: String::new(),
            decimal: ',',
            magnitudes: ["rb".to_owned(), "jt".to_owned(), "M".to_owned()],
        },
        ..ChartOptions::default()
    };
    let svg = render(
        &params,
        &outcome,
        None,
        ChartKind::Savings,
        &options,
        (640, 400),
    );
    let words = texts(&svg);
    assert!(words.contains(&"Rp0"), "no Rp0 tick: {words:?}");
    assert!(
        words.iter().any(|w| w.starts_with("-Rp")),
        "no negative rupiah tick"
    );
    assert!(!svg.contains('$'), "a dollar sign in a rupiah chart");
    // The typical peak, $12.4M, is Rp197.8 billion: "Rp198M" with Indonesian words.
    assert!(
        words.contains(&"Peak Rp198M"),
        "peak label not in rupiah: {words:?}"
    );
}

#[test]
fn typical_savings_marks_payback_peak_and_regret() {
    let (params, outcome) = run("typical");
    let summary = &outcome.summary;
    assert!(
        summary.payback_month.is_some()
            && summary.peak_month.is_some()
            && summary.regret_month.is_some()
            && summary.rehire_start_month.is_some(),
        "the typical preset should have all events: {summary:?}"
    );
    for size in GOLDEN_SIZES {
        let svg = render(
            &params,
            &outcome,
            None,
            ChartKind::Savings,
            &ChartOptions::default(),
            size,
        );
        for label in ["Payback", "Peak $12.4M", "Regret", "Rehire", "Cut"] {
            assert!(has_text(&svg, label), "{size:?}: no {label}");
        }
        // The event dots: three filled circles on the line.
        assert!(
            svg.matches("<circle").count() >= 3,
            "{size:?}: no event dots"
        );
    }
}

#[test]
fn status_quo_draws_no_events() {
    let (params, outcome) = run("status-quo");
    let svg = render(
        &params,
        &outcome,
        None,
        ChartKind::Savings,
        &ChartOptions::default(),
        (640, 400),
    );
    for words in texts(&svg) {
        for label in ["Payback", "Peak", "Regret", "Rehire", "Cut"] {
            assert!(!words.contains(label), "status quo shows {words}");
        }
    }
}

#[test]
fn every_preset_theme_and_scale_renders() {
    let (_, pinned) = run("typical");
    for preset in presets::PRESETS {
        let params = preset.params();
        let outcome = model::run(&params);
        for theme in [Theme::Light, Theme::Dark, Theme::Projector] {
            for scale in [1.0, 2.0, 3.0] {
                let options = ChartOptions {
                    scale,
                    theme,
                    ..ChartOptions::default()
                };
                let size = ((640.0 * scale) as u32, (400.0 * scale) as u32);
                for kind in ChartKind::ALL {
                    for compare in [None, Some(&pinned)] {
                        let svg = render(&params, &outcome, compare, kind, &options, size);
                        assert!(svg.contains("<text"), "{} {}", preset.name, kind.key());
                    }
                    // A small drawing at a large scale still renders (with little in it).
                    render(&params, &outcome, None, kind, &options, (640, 400));
                }
            }
        }
    }
}

#[test]
fn the_pinned_scenario_is_drawn_and_labelled_a() {
    let (params, outcome) = run("salesforce-like");
    let (_, pinned) = run("typical");
    for kind in ChartKind::ALL {
        let without = render(
            &params,
            &outcome,
            None,
            kind,
            &ChartOptions::default(),
            (640, 400),
        );
        let with = render(
            &params,
            &outcome,
            Some(&pinned),
            kind,
            &ChartOptions::default(),
            (640, 400),
        );
        assert!(!has_text(&without, "A"), "{}", kind.key());
        assert!(has_text(&with, "A"), "{}: no A label", kind.key());
        assert!(with.len() > without.len(), "{}: A not drawn", kind.key());
    }
}

#[test]
fn short_and_long_horizons_render() {
    for horizon in [12.0, 120.0] {
        for preset in GOLDEN_PRESETS {
            let mut params = presets::preset(preset).expect("preset").params();
            params.horizon_months = horizon;
            params.layoff_month = params.layoff_month.min(horizon - 1.0);
            let outcome = model::run(&params);
            for kind in ChartKind::ALL {
                for size in GOLDEN_SIZES {
                    let svg = render(
                        &params,
                        &outcome,
                        None,
                        kind,
                        &ChartOptions::default(),
                        size,
                    );
                    let words = texts(&svg);
                    let last_tick = if horizon == 12.0 { "1y" } else { "10y" };
                    assert!(
                        words.contains(&last_tick) || words.contains(&"8y"),
                        "{preset} {} horizon {horizon}: no year ticks: {words:?}",
                        kind.key()
                    );
                }
            }
        }
    }
}

#[test]
fn extreme_magnitudes_render() {
    let set = |params: &mut Params, key: &str, value: f64| {
        let spec = PARAMS.iter().find(|p| p.key == key).expect("known key");
        spec.set(params, value);
    };
    let mut huge = Params::default();
    set(&mut huge, "customersBefore", 200_000_000.0);
    set(&mut huge, "revenuePerCustomerPerMonth", 50_000.0);
    set(&mut huge, "headcountBefore", 20_000.0);
    set(&mut huge, "horizonMonths", 120.0);
    let mut tiny = Params::default();
    set(&mut tiny, "customersBefore", 1000.0);
    set(&mut tiny, "revenuePerCustomerPerMonth", 0.1);
    set(&mut tiny, "headcountBefore", 10.0);
    set(&mut tiny, "loadedCostPerAgentPerMonth", 1000.0);
    set(&mut tiny, "aiFixedCostPerMonth", 0.0);
    set(&mut tiny, "aiSetupCost", 0.0);
    for params in [huge, tiny] {
        let outcome = model::run(&params);
        for kind in ChartKind::ALL {
            for size in GOLDEN_SIZES {
                let svg = render(
                    &params,
                    &outcome,
                    None,
                    kind,
                    &ChartOptions::default(),
                    size,
                );
                assert!(!svg.contains("NaN") && !svg.contains("inf"));
            }
        }
    }
}

#[test]
fn every_word_comes_from_the_text_table() {
    let (params, outcome) = run("typical");
    let (_, pinned) = run("klarna-like");
    let translated: BTreeMap<String, String> = TEXT_KEYS
        .iter()
        .enumerate()
        .map(|(i, (key, _))| (key.to_string(), format!("Q{i}Q")))
        .collect();
    let options = ChartOptions {
        text: ChartText::new(translated),
        ..ChartOptions::default()
    };
    for kind in ChartKind::ALL {
        let svg = render(&params, &outcome, Some(&pinned), kind, &options, (640, 400));
        for words in texts(&svg) {
            for (key, english) in TEXT_KEYS {
                if !key.starts_with("chart.describe") && english.len() > 2 {
                    assert!(
                        !words.contains(english),
                        "{}: English {english:?} drawn despite a translation",
                        kind.key()
                    );
                }
            }
        }
        let data = ChartData {
            outcome: &outcome,
            params: &params,
            compare: None,
        };
        let text = chart::describe(kind, &data, &options);
        assert!(
            text.starts_with('Q') && !text.contains("month"),
            "{}: {text}",
            kind.key()
        );
    }
}

#[test]
fn text_keys_are_complete_and_unique() {
    for key in [
        "chart.year",
        "chart.savings.vsBaseline",
        "chart.savings.vsAugment",
        "chart.payback",
        "chart.peak",
        "chart.regret",
        "chart.rehire",
        "chart.headcount.experienced",
    ] {
        assert!(TEXT_KEYS.iter().any(|(k, _)| *k == key), "{key}");
    }
    let mut keys: Vec<&str> = TEXT_KEYS.iter().map(|(k, _)| *k).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), TEXT_KEYS.len(), "duplicate keys");
}

#[test]
fn describe_gives_the_key_numbers() {
    let (params, outcome) = run("typical");
    let data = ChartData {
        outcome: &outcome,
        params: &params,
        compare: None,
    };
    let options = ChartOptions::default();
    let savings = chart::describe(ChartKind::Savings, &data, &options);
    let regret = outcome
        .summary
        .regret_month
        .expect("typical has a regret month");
    assert!(
        savings.contains(&format!("month {regret}")),
        "no regret month: {savings}"
    );
    assert!(savings.contains("$12.4M"), "no peak: {savings}");
    assert!(savings.contains("-$19.9M"), "no final result: {savings}");
    for kind in ChartKind::ALL {
        let text = chart::describe(kind, &data, &options);
        assert!(
            text.len() > 40 && !text.contains('{'),
            "{}: {text}",
            kind.key()
        );
    }
    let (params, outcome) = run("status-quo");
    let data = ChartData {
        outcome: &outcome,
        params: &params,
        compare: None,
    };
    let text = chart::describe(ChartKind::Savings, &data, &options);
    assert!(text.contains("Nothing changes"), "{text}");
}

#[test]
fn charts_draw_few_text_strings() {
    // On wasm32 every distinct text costs a browser layout; keep each chart under budget.
    let (params, outcome) = run("typical");
    let (_, pinned) = run("klarna-like");
    for kind in ChartKind::ALL {
        for size in [(360, 260), (1280, 720)] {
            let svg = render(
                &params,
                &outcome,
                Some(&pinned),
                kind,
                &ChartOptions::default(),
                size,
            );
            let count = texts(&svg).len();
            assert!(count <= 25, "{} at {size:?}: {count} texts", kind.key());
        }
    }
}

#[test]
fn svg_text_is_as_large_as_canvas_text() {
    // plotters' SVG backend divides font sizes by 1.24; the SVG path makes up for it, so an
    // 11 px tick label is written as font-size 11 (up to rounding).
    let (params, outcome) = run("typical");
    let svg = render(
        &params,
        &outcome,
        None,
        ChartKind::Savings,
        &ChartOptions::default(),
        (640, 400),
    );
    assert!(svg.contains("font-size=\"11"), "tick labels are not 11 px");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Parameters anywhere in the valid box: each value at its minimum, its maximum, its
    /// default or a point in between, whole where the unit is whole.
    fn any_params() -> impl Strategy<Value = Params> {
        let choices: Vec<_> = PARAMS
            .iter()
            .map(|spec| {
                prop_oneof![
                    Just(spec.min),
                    Just(spec.max),
                    Just(spec.default),
                    (spec.min..=spec.max),
                ]
                .prop_map(move |v| if spec.unit.is_whole() { v.round() } else { v })
            })
            .collect();
        choices.prop_map(|values| {
            let mut params = Params::default();
            for (spec, value) in PARAMS.iter().zip(values) {
                spec.set(&mut params, value);
            }
            params.layoff_month = params.layoff_month.min(params.horizon_months - 1.0);
            params
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn no_valid_scenario_breaks_a_chart(params in any_params()) {
            let outcome = model::run(&params);
            for kind in ChartKind::ALL {
                let data = ChartData { outcome: &outcome, params: &params, compare: None };
                let svg = chart::svg(kind, &data, &ChartOptions::default(), 360, 260);
                prop_assert!(svg.is_ok(), "{}: {:?}", kind.key(), svg.err());
                let svg = svg.unwrap_or_default();
                prop_assert!(!svg.contains("NaN") && !svg.contains("inf"));
                prop_assert!(svg.matches("<text").count() <= 25);
                prop_assert!(!chart::describe(kind, &data, &ChartOptions::default()).is_empty());
            }
        }
    }
}

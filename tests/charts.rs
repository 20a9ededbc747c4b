//! Chart tests, run natively: golden SVG files for every chart of four presets at a desktop
//! and a phone size, plus checks of what a reader must see (currency ticks, the payback, peak
//! and regret labels, translated words) and that no valid input makes a chart fail.
//!
//! Natively, with plotters' default features off, text is measured by a fixed estimate, so
//! the SVG output is deterministic. After an intended change, look at the new charts and
//! re-bless the golden files with `BLESS=1 WHY="what changed and why" cargo test --test charts`.
//! As the scenario goldens' `# why:` lines do, a golden SVG opens with a `<!-- why: ... -->`
//! comment saying why it last changed: BLESS writes WHY there when it changes a file (and
//! keeps the old note when it does not), and the comparison skips it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use layoff_whatif::chart::{
    self, ChartData, ChartKind, ChartOptions, ChartText, MoneyFormat, Palette, Theme, TEXT_KEYS,
};
use layoff_whatif::model::{self, Outcome};
use layoff_whatif::params::{Params, PARAMS};
use layoff_whatif::present::{Currency, Locale};
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
        band: None,
        record: &[],
        augment_story: false,
    };
    chart::svg(kind, &data, options, size.0, size.1)
        .unwrap_or_else(|e| panic!("{} at {size:?}: {e}", kind.key()))
}

/// The savings chart of a run with the default options, as SVG.
fn savings_svg(params: &Params, outcome: &Outcome, size: (u32, u32)) -> String {
    render(
        params,
        outcome,
        None,
        ChartKind::Savings,
        &ChartOptions::default(),
        size,
    )
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

/// Whether a text reads like "$0", "−$15.3M", "$750k" or "$1.25B": a minus sign, the dollar, a
/// number with no trailing zero after its decimal point, and a magnitude word.
fn is_short_money(words: &str) -> bool {
    let body = words.trim_start_matches('\u{2212}').trim_start_matches('$');
    let number = body.trim_end_matches(['k', 'M', 'B']);
    let tidy = !number.contains('.') || !number.ends_with('0');
    !number.is_empty() && number.len() <= 5 && number.parse::<f64>().is_ok() && tidy
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/charts")
}

/// A golden file's `<!-- why: ... -->` note (with its newline) and the SVG after it.
fn split_why(text: &str) -> (&str, &str) {
    let end = if text.starts_with("<!-- why:") {
        text.find("-->\n").map_or(0, |i| i + 4)
    } else {
        0
    };
    text.split_at(end)
}

/// Compares `svg` with the golden file `name`, or with BLESS=1 writes it there (with WHY as
/// its note when it changed); false when they differ, and the new output is then written to
/// `actual_dir` for a person to look at.
fn check_golden(name: &str, svg: &str, actual_dir: &std::path::Path) -> bool {
    let path = golden_dir().join(name);
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    let (why, expected) = split_why(&old);
    if std::env::var("BLESS").is_ok_and(|v| v == "1") {
        let why = if expected == svg {
            why.to_owned()
        } else {
            let note = std::env::var("WHY").expect("BLESS needs WHY=\"why the golden changed\"");
            format!("<!-- why: {} -->\n", note.replace("--", "\u{2013}"))
        };
        std::fs::create_dir_all(golden_dir()).expect("create tests/charts");
        std::fs::write(&path, format!("{why}{svg}")).expect("write a golden file");
        return true;
    }
    if expected == svg {
        return true;
    }
    std::fs::create_dir_all(actual_dir).expect("create the output directory");
    std::fs::write(actual_dir.join(name), svg).expect("write the output");
    false
}

#[test]
fn charts_match_their_golden_svg_files() {
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
                if !check_golden(&name, &svg, &actual_dir) {
                    mismatches.push(name);
                }
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} chart(s) differ from tests/charts (new output in {}): {}\n\
         look at them, then re-bless with BLESS=1 WHY=\"...\" cargo test --test charts",
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
                        .any(|w| w.trim_start_matches('\u{2212}').starts_with('$')
                            && w.ends_with(['k', 'M', 'B'])),
                    "{preset} {}: no tick with a magnitude word: {words:?}",
                    kind.key()
                );
                for word in words
                    .iter()
                    .filter(|w| w.starts_with('$') || w.starts_with("\u{2212}$"))
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
            locale: Locale::Id,
            currency: Currency::Idr,
            rate_per_usd: 16_000.0,
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
    assert!(words.contains(&"Rp\u{a0}0"), "no Rp 0 tick: {words:?}");
    assert!(
        words.iter().any(|w| w.starts_with("\u{2212}Rp")),
        "no negative rupiah tick"
    );
    assert!(!svg.contains('$'), "a dollar sign in a rupiah chart");
    // The typical peak, $13.4M, is Rp213.7 billion: "Rp 214 M" with Indonesian words, three
    // significant digits as the prose writes it.
    assert!(
        words.contains(&"Peak Rp\u{a0}214\u{a0}M"),
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
        let svg = savings_svg(&params, &outcome, size);
        for label in ["Payback", "Peak $13.4M", "Regret", "Rehire", "Cut"] {
            assert!(has_text(&svg, label), "{size:?}: no {label}");
        }
        // The event dots: three filled circles on the line.
        assert!(
            svg.matches("<circle").count() >= 3,
            "{size:?}: no event dots"
        );
    }
}

/// The scenarios (preset, horizon) whose savings are highest in their last month.
fn still_rising_scenarios() -> Vec<(Params, Outcome)> {
    let mut found = Vec::new();
    for preset in presets::names() {
        for horizon in [12.0, 18.0, 24.0, 36.0, 48.0] {
            let mut params = presets::preset(preset).expect("preset").params();
            params.horizon_months = horizon;
            params.layoff_month = params.layoff_month.min(horizon - 1.0);
            let outcome = model::run(&params);
            if outcome.summary.peak_month == Some(horizon as u32) {
                found.push((params, outcome));
            }
        }
    }
    found
}

/// Issue 15: "Peak" never labels the last month while the curve still rises; the label says
/// the savings are still rising, and so does the text alternative.
#[test]
fn savings_that_rise_to_the_last_month_have_no_peak_label() {
    let scenarios = still_rising_scenarios();
    assert!(
        !scenarios.is_empty(),
        "no preset's savings rise to the end of a short horizon"
    );
    for (params, outcome) in &scenarios {
        for size in GOLDEN_SIZES {
            let svg = savings_svg(params, outcome, size);
            let words = texts(&svg);
            assert!(
                !words.iter().any(|w| w.starts_with("Peak")),
                "horizon {}: a Peak label at the last month: {words:?}",
                params.horizon_months
            );
            assert!(
                words.iter().any(|w| w.starts_with("Still rising: $")),
                "horizon {}: no still-rising label: {words:?}",
                params.horizon_months
            );
        }
        let data = ChartData {
            outcome,
            params,
            compare: None,
            band: None,
            record: &[],
            augment_story: false,
        };
        let described = chart::describe(ChartKind::Savings, &data, &ChartOptions::default());
        assert!(described.contains("still rising"), "{described}");
        assert!(!described.contains("peak"), "{described}");
    }
}

/// Issue 15: the savings chart always shows a tick below zero when the curve goes negative,
/// however shallow the dip (a dip under a bottom tick of $0 reads as never negative; the
/// typical preset over 12 months on a phone was one).
#[test]
fn a_negative_savings_curve_has_a_tick_below_zero() {
    let mut dips = 0;
    for preset in presets::names() {
        for horizon in [12.0, 24.0, 48.0, 120.0] {
            let mut params = presets::preset(preset).expect("preset").params();
            params.horizon_months = horizon;
            params.layoff_month = params.layoff_month.min(horizon - 1.0);
            let outcome = model::run(&params);
            let lowest = outcome
                .cumulative_delta_usd
                .iter()
                .chain(&outcome.cumulative_delta_vs_augment_usd)
                .fold(0.0f64, |lo, &v| lo.min(v));
            for size in GOLDEN_SIZES {
                let svg = savings_svg(&params, &outcome, size);
                let negative_tick = texts(&svg).iter().any(|w| w.starts_with("\u{2212}$"));
                assert_eq!(
                    negative_tick,
                    lowest < 0.0,
                    "{preset} horizon {horizon} at {size:?}: lowest {lowest}"
                );
            }
            dips += usize::from(lowest < 0.0);
        }
    }
    assert!(dips > 0, "no scenario goes below zero");
}

/// Issue 15: the customers axis starts at zero, or its title says that it does not. It is
/// zoomed in to the customers' change for every preset (a fall of a few percent is the
/// story), so every preset's title says so, once.
#[test]
fn the_customers_axis_says_when_it_does_not_start_at_zero() {
    for preset in GOLDEN_PRESETS {
        let (params, outcome) = run(preset);
        for size in GOLDEN_SIZES {
            let options = ChartOptions::default();
            let svg = render(&params, &outcome, None, ChartKind::Quality, &options, size);
            let words = texts(&svg);
            let titles: Vec<&&str> = words
                .iter()
                .filter(|w| w.starts_with("Customers"))
                .collect();
            assert_eq!(
                titles,
                [&"Customers (axis not from zero)"],
                "{preset} at {size:?}: {words:?}"
            );
        }
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

/// The stroke widths of the lines drawn in `color` ("#6B7178").
fn stroke_widths(svg: &str, color: &str) -> Vec<u32> {
    svg.split("<polyline")
        .skip(1)
        .filter(|e| e.contains(&format!("stroke=\"{color}\"")))
        .filter_map(|e| {
            let start = e.find("stroke-width=\"")? + 14;
            e[start..].split('"').next()?.parse().ok()
        })
        .collect()
}

/// Issue 15: the pinned line A is as readable as the current run: as wide as the main line,
/// in a grey with the contrast of text (4.5:1) in every theme.
#[test]
fn the_pinned_line_reads_as_well_as_the_current_one() {
    for theme in [Theme::Light, Theme::Dark, Theme::Projector] {
        let p = Palette::of(theme);
        let contrast = chart::contrast_ratio(p.pinned().line, p.background);
        assert!(contrast >= 4.5, "{theme:?}: A at {contrast:.2}:1");
    }
    let (params, outcome) = run("salesforce-like");
    let (_, pinned) = run("typical");
    let c = Palette::of(Theme::Light).pinned().line;
    let grey = format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
    for kind in ChartKind::ALL {
        for size in GOLDEN_SIZES {
            let options = ChartOptions::default();
            let svg = render(&params, &outcome, Some(&pinned), kind, &options, size);
            let widths = stroke_widths(&svg, &grey);
            assert!(!widths.is_empty(), "{} {size:?}: no line A", kind.key());
            let widest = svg
                .split("stroke-width=\"")
                .skip(1)
                .filter_map(|s| s.split('"').next()?.parse::<u32>().ok())
                .max()
                .unwrap_or(0);
            assert!(
                widths.iter().all(|&w| w == widest),
                "{} {size:?}: A is {widths:?} wide, the main line {widest}",
                kind.key()
            );
        }
    }
}

/// The months the x axis labels ("month 12" -> 12), in drawing order.
fn month_labels(svg: &str) -> Vec<u32> {
    texts(svg)
        .iter()
        .filter_map(|w| w.strip_prefix("month "))
        .map(|n| n.parse().unwrap_or_else(|_| panic!("month label {n:?}")))
        .collect()
}

/// Issue 15: the time axis counts months as the prose does: ticks every 6 months (two years
/// or less) or 12, every label "month N" at one of them, at least two labels, left to right.
#[test]
fn the_time_axis_counts_months_as_the_prose_does() {
    for horizon in [12.0, 18.0, 24.0, 30.0, 48.0, 61.0, 120.0] {
        let mut params = presets::preset("typical").expect("preset").params();
        params.horizon_months = horizon;
        params.layoff_month = params.layoff_month.min(horizon - 1.0);
        let outcome = model::run(&params);
        let step = if horizon <= 24.0 { 6 } else { 12 };
        for kind in ChartKind::ALL {
            for size in GOLDEN_SIZES {
                let options = ChartOptions::default();
                let svg = render(&params, &outcome, None, kind, &options, size);
                let months = month_labels(&svg);
                let at = format!("{} horizon {horizon} at {size:?}: {months:?}", kind.key());
                assert!(months.len() >= 2, "{at}");
                assert!(months.windows(2).all(|w| w[0] < w[1]), "{at}");
                assert!(months.iter().all(|m| m % step == 0), "{at}");
                assert!(f64::from(*months.last().unwrap()) <= horizon, "{at}");
                // No years anywhere: the old axis said "1y", "0.5y".
                let is_years = |w: &&str| {
                    w.strip_suffix('y')
                        .is_some_and(|n| n.parse::<f64>().is_ok())
                };
                assert!(!texts(&svg).iter().any(is_years), "{at}");
            }
        }
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
                    let months = month_labels(&svg);
                    assert!(
                        !months.is_empty(),
                        "{preset} {} horizon {horizon}: no month ticks",
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
        .map(|(i, key)| (key.to_string(), format!("Q{i}Q")))
        .collect();
    let options = ChartOptions {
        text: ChartText::new(translated.into_iter().collect()),
        ..ChartOptions::default()
    };
    for kind in ChartKind::ALL {
        let svg = render(&params, &outcome, Some(&pinned), kind, &options, (640, 400));
        for words in texts(&svg) {
            for key in TEXT_KEYS {
                let english = chart::english(key);
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
            band: None,
            record: &[],
            augment_story: false,
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
        "chart.month",
        "chart.savings.vsBaseline",
        "chart.savings.vsAugment",
        "chart.payback",
        "chart.peak",
        "chart.regret",
        "chart.rehire",
        "chart.headcount.experienced",
    ] {
        assert!(TEXT_KEYS.contains(&key), "{key}");
    }
    let mut keys: Vec<&str> = TEXT_KEYS.to_vec();
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
        band: None,
        record: &[],
        augment_story: false,
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
    assert!(savings.contains("$13.4M"), "no peak: {savings}");
    assert!(
        savings.contains("\u{2212}$9.91M"),
        "no final result: {savings}"
    );
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
        band: None,
        record: &[],
        augment_story: false,
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
            // The quality chart's third panel (contacts the AI takes) adds a title, two
            // ticks and a label.
            let limit = if kind == ChartKind::Quality { 30 } else { 25 };
            assert!(count <= limit, "{} at {size:?}: {count} texts", kind.key());
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
                let data = ChartData { outcome: &outcome, params: &params, compare: None, band: None, record: &[], augment_story: false };
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

// ---- The analyses' charts: the savings fan, the tornado and the regret map (issue 5) ------

mod analyses {
    use super::*;
    use layoff_whatif::analysis::{map, sensitivity, uncertainty};
    use layoff_whatif::chart::{zero_contour, Band, MapMetric, TornadoData};
    use layoff_whatif::wire::{
        RegretMapInput, RegretMapWire, SensitivityInput, SensitivityWire, UncertaintyWire,
    };

    fn band_of(params: &Params, draws: usize) -> Band {
        let u = uncertainty::run(params, draws, 1);
        UncertaintyWire::from(&u)
            .to_band(false)
            .expect("a fresh Monte Carlo result is a valid band")
    }

    /// The savings chart with a fan in the given options, or the chart's refusal of that fan.
    fn try_savings_drawn(
        params: &Params,
        outcome: &Outcome,
        band: &Band,
        options: &ChartOptions,
        size: (u32, u32),
    ) -> Result<String, chart::ChartError> {
        let data = ChartData {
            outcome,
            params,
            compare: None,
            band: Some(band),
            record: &[],
            augment_story: false,
        };
        chart::svg(ChartKind::Savings, &data, options, size.0, size.1)
    }

    /// The savings chart with a fan and the default options, or the chart's refusal.
    fn try_savings_with(
        params: &Params,
        outcome: &Outcome,
        band: &Band,
        size: (u32, u32),
    ) -> Result<String, chart::ChartError> {
        try_savings_drawn(params, outcome, band, &ChartOptions::default(), size)
    }

    fn savings_with(params: &Params, outcome: &Outcome, band: &Band, size: (u32, u32)) -> String {
        try_savings_with(params, outcome, band, size).expect("savings with a fan")
    }

    fn tornado_svg(
        params: &Params,
        count: usize,
        options: &ChartOptions,
        size: (u32, u32),
    ) -> String {
        let npv = model::run(params).summary.npv_usd;
        let bars = sensitivity::tornado(params);
        let data = TornadoData {
            npv_usd: npv,
            bars: &bars[..count.min(bars.len())],
        };
        chart::tornado_svg(&data, options, size.0, size.1).expect("a tornado")
    }

    fn map_svg(
        m: &map::RegretMap,
        metric: MapMetric,
        options: &ChartOptions,
        size: (u32, u32),
    ) -> String {
        chart::regret_map_svg(m, metric, options, size.0, size.1).expect("a regret map")
    }

    /// Golden files of the analyses' charts for the typical preset (the map at 21 cells a
    /// side to keep the files small; the page draws 41).
    #[test]
    fn analysis_charts_match_their_golden_svg_files() {
        let actual_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("charts-actual");
        let (params, outcome) = run("typical");
        let band = band_of(&params, 1000);
        let m = map::regret_map(&params, map::DEFAULT_X, map::DEFAULT_Y, 21).expect("map");
        let options = ChartOptions::default();
        let mut outputs = Vec::new();
        for size in GOLDEN_SIZES {
            outputs.push((
                format!("typical-savings-fan-{}x{}.svg", size.0, size.1),
                savings_with(&params, &outcome, &band, size),
            ));
        }
        for width in [640, 360] {
            let height = chart::tornado_height(10, f64::from(width), &options);
            outputs.push((
                format!("typical-tornado-{width}x{height}.svg"),
                tornado_svg(&params, 10, &options, (width, height)),
            ));
        }
        for (metric, size) in [
            (MapMetric::Npv, (640, 520)),
            (MapMetric::Npv, (360, 440)),
            (MapMetric::RegretMonth, (640, 520)),
        ] {
            outputs.push((
                format!("typical-map-{}-{}x{}.svg", metric.key(), size.0, size.1),
                map_svg(&m, metric, &options, size),
            ));
        }
        let mut mismatches = Vec::new();
        for (name, svg) in outputs {
            if !check_golden(&name, &svg, &actual_dir) {
                mismatches.push(name);
            }
        }
        assert!(
            mismatches.is_empty(),
            "{} analysis chart(s) differ from tests/charts (new output in {}): {}\n\
             look at them, then re-bless with BLESS=1 WHY=\"...\" cargo test --test charts",
            mismatches.len(),
            actual_dir.display(),
            mismatches.join(", ")
        );
    }

    /// The savings chart at 640 x 400 without a fan, then with `band`.
    fn savings_without_and_with(
        params: &Params,
        outcome: &Outcome,
        band: &Band,
    ) -> (String, String) {
        let without = render(
            params,
            outcome,
            None,
            ChartKind::Savings,
            &ChartOptions::default(),
            (640, 400),
        );
        (without, savings_with(params, outcome, band, (640, 400)))
    }

    #[test]
    fn a_fan_nobody_could_see_is_not_drawn_nor_named_in_the_key() {
        // Nobody cut and no AI: nothing uncertain moves the savings, so the band is a line.
        let (params, outcome) = run("status-quo");
        let band = band_of(&params, 200);
        let (without, with) = savings_without_and_with(&params, &outcome, &band);
        assert!(
            !has_text(&with, "80% of plausible outcomes"),
            "a key for an invisible fan"
        );
        assert!(!has_text(&with, "middle 50%"));
        assert_eq!(
            with.matches("<polygon").count(),
            without.matches("<polygon").count()
        );
    }

    #[test]
    fn the_fan_is_drawn_behind_the_lines_and_labelled() {
        let (params, outcome) = run("typical");
        let band = band_of(&params, 200);
        let (without, with) = savings_without_and_with(&params, &outcome, &band);
        assert!(has_text(&with, "80% of plausible outcomes"), "no fan label");
        assert!(!has_text(&without, "80% of plausible outcomes"));
        assert_eq!(
            with.matches("<polygon").count(),
            without.matches("<polygon").count() + 2,
            "two fan areas (P10-P90, P25-P75)"
        );
        // The fan is drawn before the main line, so the lines stay on top.
        let first_polygon = with.find("<polygon").expect("a polygon");
        let last_path = with.rfind("<polyline").expect("a line");
        assert!(first_polygon < last_path);
        let faded = Band {
            faded: true,
            ..band.clone()
        };
        let data = ChartData {
            outcome: &outcome,
            params: &params,
            compare: None,
            band: Some(&faded),
            record: &[],
            augment_story: false,
        };
        let svg = chart::svg(
            ChartKind::Savings,
            &data,
            &ChartOptions::default(),
            640,
            400,
        )
        .expect("a faded fan");
        assert!(has_text(&svg, "80% of plausible outcomes (updating)"));
        // The text alternative gives the range, but not for a band of an earlier state.
        let fresh = ChartData {
            band: Some(&band),
            record: &[],
            augment_story: false,
            ..data
        };
        let described = chart::describe(ChartKind::Savings, &fresh, &ChartOptions::default());
        assert!(
            described.contains("In 80% of 200 plausible outcomes"),
            "{described}"
        );
        assert!(
            !chart::describe(ChartKind::Savings, &data, &ChartOptions::default())
                .contains("plausible")
        );
        // Every other chart ignores the band.
        for kind in ChartKind::ALL {
            assert!(chart::svg(kind, &fresh, &ChartOptions::default(), 360, 260).is_ok());
        }
    }

    /// Issue 15: the key names the fan's outer band and its inner band, each by its swatch,
    /// at both sizes and while it updates.
    #[test]
    fn the_key_names_both_fan_bands() {
        let (params, outcome) = run("typical");
        let band = band_of(&params, 200);
        let faded = Band {
            faded: true,
            ..band.clone()
        };
        for band in [&band, &faded] {
            for size in GOLDEN_SIZES {
                let svg = savings_with(&params, &outcome, band, size);
                let words = texts(&svg);
                let outer = words
                    .iter()
                    .position(|w| w.starts_with("80% of plausible outcomes"));
                let inner = words.iter().position(|w| *w == "middle 50%");
                assert!(
                    outer.is_some() && inner.is_some(),
                    "{size:?}: the key does not name both bands: {words:?}"
                );
                assert!(outer < inner, "{size:?}: the outer band is named first");
            }
        }
    }

    /// Issue 15: loss is the same hue on every chart. The tornado's stretches below zero, the
    /// regret map's "Cut loses money" and the costs chart's lost margin are in the loss hue;
    /// the savings chart, which shows no loss by colour, does not use it at all.
    #[test]
    fn loss_is_the_same_hue_on_every_chart() {
        let palette = Palette::of(Theme::Light);
        let hex = |c: plotters::style::RGBColor| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
        let (loss, gain) = (palette.loss(), palette.gain());
        let fill = |c| format!("fill=\"{}\"", hex(c));
        let options = ChartOptions::default();
        // A cut that loses money at one end of a bar and pays at the other.
        let (params, outcome) = run("typical");
        let bars = sensitivity::tornado(&params);
        let straddles = |b: &&layoff_whatif::analysis::sensitivity::Bar| {
            b.npv_at_low_usd.min(b.npv_at_high_usd) < 0.0
                && b.npv_at_low_usd.max(b.npv_at_high_usd) > 0.0
        };
        assert!(bars.iter().any(|b| straddles(&b)), "no bar crosses zero");
        let tornado = tornado_svg(&params, bars.len(), &options, (640, 600));
        assert!(tornado.contains(&fill(loss.line)), "no loss-hue bar");
        assert!(tornado.contains(&fill(gain.line)), "no gain-hue bar");
        assert!(!tornado.contains(&fill(palette.orange.line)), "orange bars");
        assert!(has_text(&tornado, "Cut loses money"));
        let m = map::regret_map(&params, map::DEFAULT_X, map::DEFAULT_Y, 11).expect("map");
        let npv = map_svg(&m, MapMetric::Npv, &options, (640, 520));
        let loses = npv
            .find(">\n\u{2190} Cut loses money")
            .expect("the map's loss words");
        let element = &npv[npv[..loses].rfind("<text").expect("a text element")..loses];
        assert!(element.contains(&fill(loss.ink)), "{element}");
        let costs = render(
            &params,
            &outcome,
            None,
            ChartKind::Costs,
            &options,
            (640, 400),
        );
        assert!(
            costs.contains(&fill(loss.line)),
            "lost margin not in the loss hue"
        );
        for kind in [ChartKind::Savings] {
            let svg = render(&params, &outcome, None, kind, &options, (640, 400));
            for c in [loss.line, loss.ink] {
                assert!(!svg.contains(&hex(c)), "{} uses the loss hue", kind.key());
            }
        }
    }

    /// The fill of every `<rect>` of an SVG document, in drawing order.
    fn rect_fills(svg: &str) -> Vec<&str> {
        svg.split("<rect")
            .skip(1)
            .filter_map(|element| {
                let element = &element[..element.find("/>")?];
                let start = element.find("fill=\"")? + "fill=\"".len();
                Some(&element[start..start + element[start..].find('"')?])
            })
            .collect()
    }

    /// The regret map's loss end is the tornado's loss colour, read from both drawings in
    /// every theme: the tornado's "Cut loses money" swatch against the map's most negative
    /// cell (which the symmetric scale puts at the ramp's very end).
    #[test]
    fn the_maps_loss_end_is_the_tornados_loss_colour() {
        let (params, _) = run("typical");
        let m = map::regret_map(&params, map::DEFAULT_X, map::DEFAULT_Y, 11).expect("map");
        let (worst, most_negative) = m
            .npv_usd
            .iter()
            .copied()
            .enumerate()
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .expect("cells");
        let largest = m.npv_usd.iter().fold(0.0f64, |a, v| a.max(v.abs()));
        assert!(
            most_negative < 0.0 && -most_negative == largest,
            "the typical map's largest result is no loss, so no cell sits at the loss end"
        );
        for theme in [Theme::Light, Theme::Dark, Theme::Projector] {
            let options = ChartOptions {
                theme,
                ..ChartOptions::default()
            };
            let tornado = tornado_svg(&params, 10, &options, (640, 466));
            let words = tornado
                .find("\nCut loses money\n")
                .expect("the tornado's key");
            let swatch = rect_fills(&tornado[..words])
                .pop()
                .expect("the loss swatch");
            let npv = map_svg(&m, MapMetric::Npv, &options, (640, 520));
            // The first rect is the background; the cells follow, row by row.
            let cells = &rect_fills(&npv)[1..=m.npv_usd.len()];
            assert_eq!(
                cells[worst], swatch,
                "{theme:?}: the map's loss end is not the tornado's loss colour"
            );
            let palette = Palette::of(theme);
            let loss = palette.loss().line;
            assert_eq!(
                swatch,
                format!("#{:02X}{:02X}{:02X}", loss.0, loss.1, loss.2)
            );
        }
    }

    /// Issue 15: chart text is at least 12 px on a phone, on every chart, the analyses' too.
    #[test]
    fn chart_text_is_at_least_12_px_on_a_phone() {
        let (params, outcome) = run("typical");
        let (_, pinned) = run("klarna-like");
        let options = ChartOptions::default();
        let band = band_of(&params, 100);
        let m = map::regret_map(&params, map::DEFAULT_X, map::DEFAULT_Y, 11).expect("map");
        let height = chart::tornado_height(10, 360.0, &options);
        let mut svgs = vec![
            (
                "fan".to_owned(),
                savings_with(&params, &outcome, &band, (360, 260)),
            ),
            (
                "tornado".to_owned(),
                tornado_svg(&params, 10, &options, (360, height)),
            ),
            (
                "npv map".to_owned(),
                map_svg(&m, MapMetric::Npv, &options, (360, 440)),
            ),
            (
                "regret map".to_owned(),
                map_svg(&m, MapMetric::RegretMonth, &options, (360, 440)),
            ),
        ];
        for kind in ChartKind::ALL {
            let svg = render(&params, &outcome, Some(&pinned), kind, &options, (360, 260));
            svgs.push((kind.key().to_owned(), svg));
        }
        for (name, svg) in svgs {
            let sizes: Vec<f64> = svg
                .split("font-size=\"")
                .skip(1)
                .map(|s| {
                    s.split('"')
                        .next()
                        .and_then(|n| n.parse().ok())
                        .expect("a size")
                })
                .collect();
            assert!(!sizes.is_empty(), "{name}: no text");
            assert!(sizes.iter().all(|&s| s >= 12.0), "{name}: {sizes:?}");
        }
    }

    /// The numbers of an SVG attribute list such as `points="1,2 3,4"`, from `at` on.
    fn numbers_after(element: &str, attribute: &str) -> Vec<f64> {
        let start = element.find(attribute).expect("the attribute") + attribute.len();
        element[start..]
            .split('"')
            .next()
            .unwrap_or_default()
            .split([' ', ','])
            .filter_map(|n| n.parse().ok())
            .collect()
    }

    /// The background boxes of a chart's labels (left, top, right, bottom), from its SVG.
    fn label_boxes(svg: &str) -> Vec<[f64; 4]> {
        svg.split("<rect")
            .filter(|e| e.contains("opacity=\"0.85\""))
            .map(|e| {
                let n = |a: &str| numbers_after(e, a)[0];
                let (x, y) = (n(" x=\""), n(" y=\""));
                [x, y, x + n("width=\""), y + n("height=\"")]
            })
            .collect()
    }

    /// Issue 15: label boxes never cover the fan where a place off it exists: the payback,
    /// peak and regret labels and the markers' words sit beside the outer band, not on it.
    #[test]
    fn label_boxes_keep_off_the_fan() {
        for preset in ["typical", "klarna-like", "salesforce-like"] {
            let (params, outcome) = run(preset);
            let band = band_of(&params, 200);
            for size in GOLDEN_SIZES {
                let svg = savings_with(&params, &outcome, &band, size);
                let outer = svg.split("<polygon").nth(1).expect("the fan");
                let points: Vec<(f64, f64)> = numbers_after(outer, "points=\"")
                    .chunks(2)
                    .map(|p| (p[0], p[1]))
                    .collect();
                let half = points.len() / 2;
                let (top, bottom) = (&points[..half], &points[half..]);
                let bottom: Vec<_> = bottom.iter().rev().collect();
                let boxes = label_boxes(&svg);
                assert!(!boxes.is_empty(), "{preset} {size:?}: no labels");
                for b in &boxes {
                    for i in 0..half - 1 {
                        let slice = [
                            top[i].0,
                            top[i].1.min(top[i + 1].1),
                            top[i + 1].0,
                            bottom[i].1.max(bottom[i + 1].1),
                        ];
                        // A pixel of rounding either way.
                        let overlap = b[2] > slice[0] + 1.0
                            && b[0] < slice[2] - 1.0
                            && b[3] > slice[1] + 1.0
                            && b[1] < slice[3] - 1.0;
                        assert!(
                            !overlap,
                            "{preset} {size:?}: label {b:?} on the fan {slice:?}"
                        );
                    }
                }
            }
        }
    }

    /// The chart words of a language file (`www/i18n/LANG.json`, its `chartText`), as the
    /// page passes them.
    fn chart_words(lang: &str) -> ChartText {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("www/i18n/{lang}.json"));
        let file: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("the language file"))
                .expect("JSON");
        let table = file["chartText"].as_object().expect("chartText");
        ChartText::new(
            table
                .iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
                .collect(),
        )
    }

    /// Issue 15: a label never covers another label. Where no place is free on a small chart
    /// (an embed in a narrow column, a phone), the label that finds none is left out: the
    /// text alternative, the data table and the prose still say it.
    #[test]
    fn no_label_covers_another() {
        let id = MoneyFormat {
            locale: Locale::Id,
            currency: Currency::Usd,
            rate_per_usd: 1.0,
        };
        for (lang, money) in [("en", ChartOptions::default().money), ("id", id)] {
            let options = ChartOptions {
                text: chart_words(lang),
                money,
                ..ChartOptions::default()
            };
            for preset in presets::names() {
                let (params, outcome) = run(preset);
                let band = band_of(&params, 200);
                for size in [(640, 400), (360, 260), (360, 190), (300, 190)] {
                    let svg = try_savings_drawn(&params, &outcome, &band, &options, size)
                        .expect("a savings chart");
                    let boxes = label_boxes(&svg);
                    for (i, a) in boxes.iter().enumerate() {
                        for b in &boxes[i + 1..] {
                            // A pixel of rounding either way.
                            let overlap = a[2] > b[0] + 1.0
                                && a[0] < b[2] - 1.0
                                && a[3] > b[1] + 1.0
                                && a[1] < b[3] - 1.0;
                            assert!(
                                !overlap,
                                "{lang} {preset} {size:?}: label {a:?} covers {b:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_band_that_does_not_fit_is_refused() {
        let (params, outcome) = run("typical");
        let good = band_of(&params, 50);
        let draw = |band: &Band| try_savings_with(&params, &outcome, band, (640, 400));
        let mut short = good.clone();
        short.cumulative_delta_usd.pop();
        let err = draw(&short).expect_err("a band of another horizon");
        assert!(err.0.contains("47 months"), "{err}");
        let mut nan = good.clone();
        nan.cumulative_delta_usd[3][2] = f64::NAN;
        assert!(draw(&nan).expect_err("NaN").0.contains("not finite"));
        let mut unordered = good.clone();
        unordered.cumulative_delta_usd[5].swap(0, 4);
        assert!(draw(&unordered)
            .expect_err("order")
            .0
            .contains("out of order"));

        // The wire form is checked on the way in, with messages naming what is wrong.
        let u = uncertainty::run(&params, 50, 1);
        let wire = UncertaintyWire::from(&u);
        let json = serde_json::to_string(&wire).expect("json");
        let back: UncertaintyWire = serde_json::from_str(&json).expect("read back");
        let back = back.to_band(false).expect("valid");
        assert_eq!(back.draws, good.draws);
        for (a, b) in back
            .cumulative_delta_usd
            .iter()
            .zip(&good.cumulative_delta_usd)
        {
            for (x, y) in a.iter().zip(b) {
                assert!((x - y).abs() <= 1e-9 * y.abs().max(1.0), "{x} vs {y}");
            }
        }
        let mut bad = serde_json::from_str::<UncertaintyWire>(&json).expect("read back");
        bad.cumulative_delta[0][0] = f64::INFINITY;
        assert!(bad.to_band(false).expect_err("inf").contains("not finite"));
        let mut bad = serde_json::from_str::<UncertaintyWire>(&json).expect("read back");
        bad.month.pop();
        assert!(bad.to_band(false).expect_err("months").contains("months"));
        let mut bad = serde_json::from_str::<UncertaintyWire>(&json).expect("read back");
        bad.percentiles = [0.05, 0.25, 0.5, 0.75, 0.95];
        assert!(bad
            .to_band(false)
            .expect_err("percentiles")
            .contains("percentiles"));
        assert!(
            serde_json::from_str::<UncertaintyWire>(&json.replace("\"draws\"", "\"drawz\""))
                .is_err()
        );
    }

    #[test]
    fn the_tornado_shows_the_largest_swing_first_with_values_and_switching_points() {
        let (params, _) = run("typical");
        let bars = sensitivity::tornado(&params);
        let first = text_of_label(bars[0].spec);
        let svg = tornado_svg(&params, 10, &ChartOptions::default(), (640, 420));
        let words = texts(&svg);
        let at = |w: &str| words.iter().position(|x| *x == w);
        assert!(
            at(&first).is_some(),
            "first bar {first} not labelled: {words:?}"
        );
        let second = text_of_label(bars[1].spec);
        assert!(at(&first) < at(&second), "bars out of order");
        for label in ["Cut loses money", "Cut pays", "This scenario"] {
            assert!(has_text(&svg, label), "no {label}");
        }
        if bars[..10].iter().any(|b| b.switching_value.is_some()) {
            assert!(
                has_text(&svg, "Breaks even at"),
                "switching values not shown"
            );
        }
        // Parameter labels come from the page's language when it passes them.
        let mut text = BTreeMap::new();
        text.insert(
            format!("param.{}", bars[0].spec.key),
            "Q-label-Q".to_owned(),
        );
        let options = ChartOptions {
            text: ChartText::new(text.into_iter().collect()),
            ..ChartOptions::default()
        };
        let svg = tornado_svg(&params, 10, &options, (640, 420));
        assert!(has_text(&svg, "Q-label-Q"));
        // Showing all bars draws more rows.
        let all = tornado_svg(&params, 100, &ChartOptions::default(), (640, 1400));
        assert!(texts(&all).len() > words.len());
        // Nothing cut: no estimate moves anything, and the chart says so.
        let (quo, _) = run("status-quo");
        let svg = tornado_svg(&quo, 10, &ChartOptions::default(), (640, 420));
        let npv = model::run(&quo).summary.npv_usd;
        let data = TornadoData {
            npv_usd: npv,
            bars: &sensitivity::tornado(&quo),
        };
        if data
            .bars
            .iter()
            .all(|b| b.npv_at_low_usd == npv && b.npv_at_high_usd == npv)
        {
            assert!(has_text(&svg, "No estimate changes the result"));
        }
        assert!(!chart::describe_tornado(&data, &ChartOptions::default()).is_empty());
    }

    fn text_of_label(spec: &layoff_whatif::params::ParamSpec) -> String {
        // Labels wrap to two lines; the first line is what the SVG holds first.
        let svg_words = spec.label;
        svg_words.split(' ').fold(String::new(), |acc, w| {
            if acc.len() + w.len() < 200 {
                if acc.is_empty() {
                    w.to_owned()
                } else {
                    format!("{acc} {w}")
                }
            } else {
                acc
            }
        })
    }

    #[test]
    fn the_tornado_wire_round_trip_is_checked() {
        let (params, _) = run("klarna-like");
        let npv = model::run(&params).summary.npv_usd;
        let bars = sensitivity::tornado(&params);
        let json = serde_json::to_string(&SensitivityWire::new(npv, &bars)).expect("json");
        let input: SensitivityInput = serde_json::from_str(&json).expect("read back");
        let (back_npv, back) = input.into_bars().expect("valid");
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
        assert!(close(back_npv, npv));
        assert_eq!(back.len(), bars.len());
        for (a, b) in back.iter().zip(&bars) {
            assert_eq!(a.spec.key, b.spec.key);
            assert!(
                close(a.npv_at_low_usd, b.npv_at_low_usd)
                    && close(a.npv_at_high_usd, b.npv_at_high_usd)
            );
            assert!(close(a.low_value, b.low_value) && close(a.high_value, b.high_value));
            assert_eq!(a.switching_value.is_some(), b.switching_value.is_some());
        }
        for (from, to, message) in [
            ("\"key\":\"", "\"key\":\"nope", "unknown tornado parameter"),
            ("\"npv\":", "\"npv\":1e999,\"x\":", ""),
        ] {
            let broken = json.replacen(from, to, 1);
            match serde_json::from_str::<SensitivityInput>(&broken) {
                Ok(input) => {
                    let err = input.into_bars().expect_err("refused");
                    assert!(err.contains(message), "{err}");
                }
                Err(_) => assert!(message.is_empty()),
            }
        }
    }

    #[test]
    fn the_map_wire_round_trip_is_checked() {
        let (params, _) = run("typical");
        let m = map::regret_map(&params, "aiShare", "aiPricePerConversation", 9).expect("map");
        let json = serde_json::to_string(&RegretMapWire::from(&m)).expect("json");
        let input: RegretMapInput = serde_json::from_str(&json).expect("read back");
        let back = input.into_map().expect("valid");
        assert_eq!((back.x.key, back.y.key), (m.x.key, m.y.key));
        assert_eq!(back.regret_month, m.regret_month);
        for (a, b) in back.npv_usd.iter().zip(&m.npv_usd) {
            assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0));
        }
        let mut input: RegretMapInput = serde_json::from_str(&json).expect("read back");
        input.npv[2].pop();
        assert!(input.into_map().expect_err("ragged").contains("rows of"));
        let mut input: RegretMapInput = serde_json::from_str(&json).expect("read back");
        input.x_key = "horizonMonths".to_owned();
        assert!(input
            .into_map()
            .expect_err("axis")
            .contains("cannot be a map axis"));
        let mut input: RegretMapInput = serde_json::from_str(&json).expect("read back");
        input.npv[0][0] = f64::NAN;
        assert!(input.into_map().expect_err("nan").contains("not finite"));
        let mut input: RegretMapInput = serde_json::from_str(&json).expect("read back");
        input.x.swap(0, 1);
        assert!(input.into_map().expect_err("order").contains("ascend"));
    }

    #[test]
    fn the_zero_contour_is_drawn_where_npv_changes_sign() {
        let (params, _) = run("typical");
        let m = map::regret_map(&params, map::DEFAULT_X, map::DEFAULT_Y, 41).expect("map");
        let positive = m.npv_usd.iter().any(|&v| v > 0.0);
        let negative = m.npv_usd.iter().any(|&v| v <= 0.0);
        assert!(positive && negative, "the typical map should change sign");
        let segments = zero_contour(&m);
        assert!(!segments.is_empty(), "no zero contour");
        // Every end point lies on a grid edge whose two nodes have opposite signs.
        let nx = m.xs.len();
        let at = |c: usize, r: usize| m.npv_usd[r * nx + c];
        let index = |values: &[f64], v: f64| values.iter().position(|&g| (g - v).abs() < 1e-12);
        for s in &segments {
            for &(x, y) in s {
                let ok = match (index(&m.xs, x), index(&m.ys, y)) {
                    (Some(c), Some(r)) => at(c, r).abs() < 1e-6,
                    (Some(c), None) => {
                        let r = m.ys.iter().rposition(|&g| g < y).expect("inside");
                        (at(c, r) > 0.0) != (at(c, r + 1) > 0.0)
                    }
                    (None, Some(r)) => {
                        let c = m.xs.iter().rposition(|&g| g < x).expect("inside");
                        (at(c, r) > 0.0) != (at(c + 1, r) > 0.0)
                    }
                    (None, None) => false,
                };
                assert!(ok, "({x}, {y}) is not on a sign change");
            }
        }
        let svg = map_svg(&m, MapMetric::Npv, &ChartOptions::default(), (640, 520));
        assert!(has_text(&svg, "Break-even"), "the contour is not labelled");
        assert!(
            has_text(&svg, "This scenario"),
            "the current scenario is not marked"
        );
        // A map where the cut always pays has no break-even line.
        let mut always = m.clone();
        for v in &mut always.npv_usd {
            *v = v.abs() + 1.0;
        }
        assert!(zero_contour(&always).is_empty());
        let svg = map_svg(
            &always,
            MapMetric::Npv,
            &ChartOptions::default(),
            (640, 520),
        );
        assert!(!has_text(&svg, "Break-even"));
    }

    #[test]
    fn analysis_charts_render_for_every_preset_theme_and_scale() {
        for preset in presets::PRESETS {
            let params = preset.params();
            let outcome = model::run(&params);
            let band = band_of(&params, 40);
            let m = map::regret_map(&params, map::DEFAULT_X, map::DEFAULT_Y, 11).expect("map");
            for theme in [Theme::Light, Theme::Dark, Theme::Projector] {
                for scale in [1.0, 2.0, 3.0] {
                    let options = ChartOptions {
                        scale,
                        theme,
                        ..ChartOptions::default()
                    };
                    for size in [(360.0, 260.0), (640.0, 400.0)] {
                        let size = ((size.0 * scale) as u32, (size.1 * scale) as u32);
                        let svg = try_savings_drawn(&params, &outcome, &band, &options, size)
                            .expect("savings with a fan");
                        let height = (chart::tornado_height(10, size.0 as f64 / scale, &options)
                            as f64
                            * scale) as u32;
                        let tornado = tornado_svg(&params, 10, &options, (size.0, height));
                        let npv = map_svg(&m, MapMetric::Npv, &options, (size.0, size.0));
                        let regret =
                            map_svg(&m, MapMetric::RegretMonth, &options, (size.0, size.0));
                        for out in [svg, tornado, npv, regret] {
                            assert!(
                                !out.contains("NaN") && !out.contains("inf"),
                                "{} {theme:?} {scale}",
                                preset.name
                            );
                        }
                    }
                    // A tiny drawing does not fail.
                    tornado_svg(&params, 40, &options, (120, 100));
                    map_svg(&m, MapMetric::Npv, &options, (120, 100));
                }
            }
            let described =
                chart::describe_regret_map(&m, MapMetric::Npv, &ChartOptions::default());
            assert!(described.contains("Net present value over"), "{described}");
        }
    }

    #[test]
    fn every_analysis_word_comes_from_the_text_table() {
        let (params, _) = run("typical");
        let translated: BTreeMap<String, String> = TEXT_KEYS
            .iter()
            .enumerate()
            .map(|(i, key)| (key.to_string(), format!("Q{i}Q")))
            .chain(
                PARAMS
                    .iter()
                    .map(|p| (format!("param.{}", p.key), "Qparam".to_owned())),
            )
            .collect();
        let options = ChartOptions {
            text: ChartText::new(translated.into_iter().collect()),
            ..ChartOptions::default()
        };
        let m = map::regret_map(&params, map::DEFAULT_X, map::DEFAULT_Y, 11).expect("map");
        let svgs = [
            tornado_svg(&params, 10, &options, (640, 420)),
            map_svg(&m, MapMetric::Npv, &options, (640, 520)),
            map_svg(&m, MapMetric::RegretMonth, &options, (640, 520)),
        ];
        for svg in &svgs {
            for words in texts(svg) {
                for english in [
                    "estimate",
                    "scenario",
                    "Break-even",
                    "regret",
                    "Cut ",
                    "money",
                ] {
                    assert!(
                        !words.contains(english),
                        "English {words:?} despite a translation"
                    );
                }
                for p in PARAMS {
                    assert!(!words.contains(p.label), "English label {words:?}");
                }
            }
        }
    }
}

/// Issue 13: a company-like preset's reported figures are drawn on the headcount chart as
/// marked points with a "reported" key, beside the AI's work in agents, and named in the text
/// alternative with their sources; other presets draw none.
#[test]
fn the_headcount_chart_marks_what_the_company_reported() {
    use layoff_whatif::record;
    let (params, outcome) = run("klarna-like");
    let svg_of = |rows: &[record::RecordRow]| {
        let data = ChartData {
            outcome: &outcome,
            params: &params,
            compare: None,
            band: None,
            record: rows,
            augment_story: false,
        };
        let svg = chart::svg(
            ChartKind::Headcount,
            &data,
            &ChartOptions::default(),
            640,
            400,
        )
        .unwrap();
        (
            svg,
            chart::describe(ChartKind::Headcount, &data, &ChartOptions::default()),
        )
    };
    let (with, described) = svg_of(record::for_preset("klarna-like"));
    let (without, _) = svg_of(&[]);
    assert!(
        has_text(&with, "reported"),
        "the key names the marked points"
    );
    assert!(!has_text(&without, "reported"));
    assert!(has_text(&with, "AI’s work, in agents"));
    // One diamond (two polygons: halo and fill) per plotted figure, plus the key's diamond.
    let plotted = record::for_preset("klarna-like")
        .iter()
        .filter(|r| {
            matches!(
                r.plot,
                Some((record::Plot::Headcount | record::Plot::AiAgents, _))
            )
        })
        .count();
    assert_eq!(
        with.matches("<polygon").count() - without.matches("<polygon").count(),
        2 * plotted + 1
    );
    assert!(
        described.contains("Diamonds mark what the company reported") && described.contains("RK1"),
        "{described}"
    );
}

/// Issue 13: the AI contacts a company reported (a weekly figure drawn as a monthly one) are
/// marked on the quality chart's contacts panel and named in its text alternative.
#[test]
fn the_quality_chart_marks_the_ai_contacts_reported() {
    use layoff_whatif::record;
    let (params, outcome) = run("salesforce-like");
    let data = ChartData {
        outcome: &outcome,
        params: &params,
        compare: None,
        band: None,
        record: record::for_preset("salesforce-like"),
        augment_story: false,
    };
    let svg = chart::svg(
        ChartKind::Quality,
        &data,
        &ChartOptions::default(),
        640,
        400,
    )
    .unwrap();
    assert!(has_text(&svg, "Contacts the AI takes, a month") && has_text(&svg, "reported"));
    let described = chart::describe(ChartKind::Quality, &data, &ChartOptions::default());
    // 45,000 a week is 195,000 a month.
    assert!(
        described.contains("195") && described.contains("RS5"),
        "{described}"
    );
}

#[test]
fn only_the_augment_preset_tells_the_ai_helps_agents_story() {
    // status-quo and augment set the same values; the story is the preset's (one policy,
    // present::policy::tells_augment_story, shared with the page's prose).
    for (name, expected) in [("augment", true), ("status-quo", false)] {
        let (params, outcome) = run(name);
        let data = ChartData {
            outcome: &outcome,
            params: &params,
            compare: None,
            band: None,
            record: &[],
            augment_story: layoff_whatif::present::policy::tells_augment_story(name, &params),
        };
        let svg = chart::svg(
            ChartKind::Savings,
            &data,
            &ChartOptions::default(),
            640,
            400,
        )
        .expect("svg");
        assert_eq!(
            texts(&svg).iter().any(|w| w.contains("AI helps agents")),
            expected,
            "{name}"
        );
    }
}

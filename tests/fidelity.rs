//! Fidelity: each company-like preset against every dated figure its company reported
//! (shared research, record.md; the rows live in `src/record.rs`). A row the model can
//! measure must meet its check (within 15%, at least the reported value, or within a few
//! months), unless the row says why not, with the arithmetic in docs/MODEL.md
//! ("Calibration"). Rows that cannot be compared say why. So a change to the model or a
//! preset that breaks agreement with the record fails here, and a preset cannot be tuned to
//! a number without the record showing it.

use layoff_whatif::model::{self, Outcome};
use layoff_whatif::present::words;
use layoff_whatif::presets;
use layoff_whatif::record::{self, Check};

fn words_of(key: &str, part: &str) -> &'static str {
    words::en(&format!("record.rows.{key}.{part}"))
}

fn run(name: &str) -> (layoff_whatif::params::Params, Outcome) {
    let params = presets::preset(name).unwrap().params();
    let outcome = model::run(&params);
    (params, outcome)
}

/// How many rows record.md has for each company: every one must be in `src/record.rs`.
const RECORD_ROWS: [(&str, usize); 3] = [
    ("klarna-like", 22),
    ("salesforce-like", 15),
    ("cba-like", 7),
];

#[test]
fn every_record_row_is_held_against_the_model() {
    for (name, rows) in RECORD_ROWS {
        let table = record::for_preset(name);
        assert_eq!(table.len(), rows, "{name}: record rows");
        let preset = presets::preset(name).unwrap();
        assert!(
            preset.month_one.is_some(),
            "{name} has no calendar month for month 1"
        );
        let (params, outcome) = run(name);
        for c in record::compare(table, &params, &outcome) {
            let what = format!(
                "{name} {} {} ({})",
                c.row.date,
                words_of(c.row.key, "metric"),
                c.row.source
            );
            match c.row.check {
                Check::Within | Check::AtLeast | Check::WithinMonths(_) => assert!(
                    c.met,
                    "{what}: reported {}, model {:?} ({:?})",
                    words_of(c.row.key, "reported"),
                    c.model,
                    c.row.check
                ),
                Check::Explained => {
                    assert!(
                        c.model.is_some(),
                        "{what}: an explained row needs a model value"
                    );
                    assert!(!c.met, "{what}: now met; make it a checked row");
                    assert!(
                        words_of(c.row.key, "note").len() > 40,
                        "{what}: the explanation is missing"
                    );
                }
                Check::NotComparable => {
                    assert!(
                        c.row.measure.is_none() && words_of(c.row.key, "note").len() > 20,
                        "{what}"
                    )
                }
            }
        }
    }
}

#[test]
fn only_like_for_like_figures_are_plotted() {
    for (name, _) in RECORD_ROWS {
        for row in record::for_preset(name) {
            if row.plot.is_some() {
                assert!(
                    row.value.is_some() && row.check != Check::NotComparable,
                    "{name} {}",
                    row.key
                );
            }
        }
    }
}

#[test]
fn klarna_like_never_regrets_and_corrects_late_and_small() {
    // Klarna's cut matched its AI's work and cost no severance (RK4); it course corrected a
    // year on (RK14), on a small scale (RK11). The page must not call it a regret story.
    let (params, o) = run("klarna-like");
    assert_eq!(o.summary.regret_month, None);
    let correction = o.summary.rehire_start_month.expect("klarna-like corrects");
    assert!(
        (12..=18).contains(&correction),
        "correction in month {correction}"
    );
    assert!(o.summary.rehired_hires < 0.15 * o.summary.laid_off);
    assert_eq!(o.scenario[0].severance_usd, 0.0);
    // The AI keeps its share after the correction: Klarna's AI did more work, not less (RK15).
    let last = o.scenario.last().unwrap();
    assert_eq!(last.ai_share, params.ai_share);
}

#[test]
fn cba_like_reverses_within_weeks() {
    // Cut in July 2025 (month 2), reversed on 21 August (month 3), the roles kept (RB4).
    let (_, o) = run("cba-like");
    assert_eq!(o.summary.rehire_start_month, Some(3));
    assert!((o.summary.laid_off - 45.0).abs() < 0.5);
    assert!(o.summary.npv_usd < 0.0, "a reversed cut costs money");
    let rehired = o.summary.rehired_hires;
    assert!((rehired - 45.0).abs() < 1.0, "rehired {rehired}");
}

#[test]
fn salesforce_like_models_accounts_and_pays_severance_only_to_the_warn_filing() {
    let (params, o) = run("salesforce-like");
    assert_eq!(params.customers_before, 150_000.0);
    let laid_off_with_severance = o.summary.laid_off * params.severance_share;
    assert!((laid_off_with_severance - 262.0).abs() < 262.0 * 0.15);
    assert_eq!(
        o.summary.rehire_start_month, None,
        "no rehiring is on record"
    );
}

//! Golden scenario tests: every `tests/scenarios/NAME.json` is run through the same path as
//! the CLI (parse, validate, model) and its fixed-precision report is compared with
//! `NAME.golden`. To accept new output after a deliberate model change, run
//! `BLESS=1 WHY="what changed and why" cargo test --test scenarios` and review the diff of the
//! .golden files. A golden's header keeps `# why:` lines that say why it last changed: BLESS
//! writes WHY there when it changes a file (and keeps the old note when it does not), and the
//! comparison skips them.

use std::fs;
use std::path::Path;

use layoff_whatif::{model, report, validate, wire};

fn golden_of(json: &str) -> String {
    let raw = wire::parse_scenario_json(json).expect("scenario file parses");
    let scenario = validate::validate(&raw).expect("scenario file is valid");
    let outcome = model::run(&scenario.params);
    report::golden(&scenario, &outcome)
}

#[test]
fn every_scenario_matches_its_golden_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let bless = std::env::var_os("BLESS").is_some();
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let actual = golden_of(&fs::read_to_string(&path).unwrap());
        let golden = path.with_extension("golden");
        let old = fs::read_to_string(&golden).unwrap_or_default();
        let (why, old_body) = split_why(&old);
        if bless {
            if old_body != actual {
                let note =
                    std::env::var("WHY").expect("BLESS needs WHY=\"why the golden changed\"");
                fs::write(&golden, format!("# why: {note}\n{actual}")).unwrap();
            } else {
                fs::write(&golden, format!("{why}{actual}")).unwrap();
            }
        } else {
            assert!(
                !why.is_empty() || old.is_empty(),
                "{} has no `# why:` line saying why it last changed",
                golden.display()
            );
            match fs::read_to_string(&golden).map(|t| split_why(&t).1.to_owned()) {
                Ok(expected) if expected == actual => {}
                Ok(expected) => {
                    let line = expected
                        .lines()
                        .zip(actual.lines())
                        .position(|(a, b)| a != b)
                        .map_or(0, |i| i + 1);
                    failures.push(format!("{} differs first at line {line}", golden.display()));
                }
                Err(_) => failures.push(format!(
                    "{} is missing (run with BLESS=1)",
                    golden.display()
                )),
            }
        }
        checked += 1;
    }
    assert!(
        checked >= 10,
        "only {checked} scenario files found in {}",
        dir.display()
    );
    assert!(
        failures.is_empty(),
        "golden mismatches:\n{}",
        failures.join("\n")
    );
}

/// Splits a golden file into its leading `# why:` lines and the rest.
fn split_why(text: &str) -> (&str, &str) {
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        if !line.starts_with("# why:") {
            break;
        }
        end += line.len();
    }
    text.split_at(end)
}

#[test]
fn the_status_quo_golden_shows_zero_difference_everywhere() {
    let text = golden_of(r#"{"preset": "status-quo"}"#);
    assert!(text.contains("npv = 0.0000"));
    assert!(text.contains("paybackMonth = null"));
    assert!(text.contains("regretMonth = null"));
}

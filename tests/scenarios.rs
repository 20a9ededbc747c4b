//! Golden scenario tests: every `tests/scenarios/NAME.json` is run through the same path as
//! the CLI (parse, validate, model) and its fixed-precision report is compared with
//! `NAME.golden`. To accept new output after a deliberate model change, run
//! `BLESS=1 cargo test --test scenarios` and review the diff of the .golden files.

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
        if bless {
            fs::write(&golden, &actual).unwrap();
        } else {
            match fs::read_to_string(&golden) {
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

#[test]
fn the_status_quo_golden_shows_zero_difference_everywhere() {
    let text = golden_of(r#"{"preset": "status-quo"}"#);
    assert!(text.contains("npv = 0.0000"));
    assert!(text.contains("paybackMonth = null"));
    assert!(text.contains("regretMonth = null"));
}

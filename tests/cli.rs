//! The command line as an author uses it: every command's output, and every kind of bad
//! input ending with status 2 and a message that says what is wrong and what is allowed.

use std::process::Command;

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_layoff-whatif"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("layoff-whatif-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn params_lists_every_key_in_every_format() {
    let (code, table, _) = cli(&["params"]);
    assert_eq!(code, 0);
    for spec in layoff_whatif::params::PARAMS {
        assert!(table.contains(spec.key), "{}", spec.key);
    }
    let (code, json, _) = cli(&["params", "--format", "json"]);
    assert_eq!(code, 0);
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        rows.as_array().unwrap().len(),
        layoff_whatif::params::PARAMS.len()
    );
    assert_eq!(rows[0]["evidence"], "assumption");
    let (code, csv, _) = cli(&["params", "--format=csv"]);
    assert_eq!(code, 0);
    assert_eq!(csv.lines().count(), layoff_whatif::params::PARAMS.len() + 1);
}

#[test]
fn presets_lists_every_preset_with_its_caveat() {
    let (code, out, _) = cli(&["presets"]);
    assert_eq!(code, 0);
    for name in [
        "typical",
        "status-quo",
        "klarna-like",
        "salesforce-like",
        "cba-like",
        "augment",
    ] {
        assert!(out.contains(name), "{name}");
    }
    assert!(out.contains("No source shows Salesforce rehiring support staff"));
    // Every value a preset sets is listed with its own evidence.
    assert!(out.contains("severanceShare = 0  [company claim: RK4"));
    let (code, json, _) = cli(&["presets", "--format", "json"]);
    assert_eq!(code, 0);
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows[2]["params"]["aiShare"], 0.67);
}

#[test]
fn run_gives_table_json_and_csv() {
    let (code, table, _) = cli(&["run", "--preset", "klarna-like"]);
    assert_eq!(code, 0);
    assert!(table.contains("Klarna-like") && table.contains("NPV vs keeping everyone"));
    let (code, json, _) = cli(&[
        "run",
        "--preset",
        "typical",
        "--set",
        "aiShare=0.3",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let result: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(result["params"]["aiShare"], 0.3);
    assert_eq!(result["changed"], serde_json::json!(["aiShare"]));
    assert!(result["summary"]["npv"].is_f64());
    let (code, csv, _) = cli(&["run", "--format", "csv", "--set", "horizonMonths=24"]);
    assert_eq!(code, 0);
    assert_eq!(csv.lines().count(), 25);
    assert!(csv.starts_with("month,cumulativeDelta,"));
}

#[test]
fn a_scenario_file_runs_and_set_overrides_it() {
    let file = temp_file(
        "ok.json",
        r#"{"version": 1, "preset": "salesforce-like", "params": {"aiShare": 0.4}}"#,
    );
    let (code, json, err) = cli(&[
        "run",
        "--scenario",
        file.to_str().unwrap(),
        "--set",
        "aiShare=0.45",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let result: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(result["preset"], "salesforce-like");
    assert_eq!(result["params"]["aiShare"], 0.45);
}

#[test]
fn bad_input_exits_2_and_says_what_is_allowed() {
    let bad_file = temp_file(
        "bad.json",
        r#"{"preset": "typical", "params": {"aiShare": "lots"}"#,
    );
    let wrong_type = temp_file("type.json", r#"{"params": {"aiShare": true, "nope": 1}}"#);
    let future = temp_file("future.json", r#"{"version": 9}"#);
    let cases: &[(&[&str], &str)] = &[
        (&["run", "--set", "bogus=1"], "unknown parameter 'bogus'"),
        (
            &["run", "--set", "layofShare=0.2"],
            "did you mean 'layoffShare'?",
        ),
        (
            &["run", "--set", "layoffShare=1.5"],
            "layoffShare = 1.5 is out of range: allowed 0 to 0.9",
        ),
        (
            &["run", "--set", "aiShare=abc"],
            "aiShare = 'abc' is not a number",
        ),
        (&["run", "--set", "aiShare=NaN"], "is not a number"),
        (&["run", "--set", "aiShare=1e999"], "not a finite number"),
        (
            &["run", "--set", "modelDepth=2.5"],
            "must be a whole number",
        ),
        (&["run", "--set", "aiShare"], "must look like key=value"),
        (&["run", "--set"], "--set needs a value"),
        (
            &["run", "--preset", "klarna"],
            "unknown preset 'klarna' (allowed: typical, status-quo",
        ),
        (
            &["run", "--format", "xml"],
            "unknown format 'xml' (allowed: table, json, csv, golden)",
        ),
        (
            &["run", "--scenario", "/nonexistent/file.json"],
            "cannot read scenario file",
        ),
        (
            &["run", "--scenario", bad_file.to_str().unwrap()],
            "is not valid",
        ),
        (
            &["run", "--scenario", wrong_type.to_str().unwrap()],
            "aiShare is a boolean, not a number",
        ),
        (
            &["run", "--scenario", future.to_str().unwrap()],
            "scenario version 9 is not supported",
        ),
        (&["run", "--bogus"], "unknown option '--bogus'"),
        (&["frobnicate"], "unknown command 'frobnicate'"),
        (
            &["params", "--set", "aiShare=1"],
            "'params' does not take --set",
        ),
        (
            &[
                "run",
                "--set",
                "horizonMonths=12",
                "--set",
                "layoffMonth=20",
            ],
            "must be before the end of the horizon",
        ),
    ];
    for (args, expected) in cases {
        let (code, out, err) = cli(args);
        assert_eq!(code, 2, "{args:?} exited {code}");
        assert!(out.is_empty(), "{args:?} printed to stdout");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert!(
            err.contains(expected),
            "{args:?}: expected '{expected}' in: {err}"
        );
    }
    // Every problem in one input is reported, not just the first.
    let (_, _, err) = cli(&["run", "--set", "aiShare=2", "--set", "rehireShare=-1"]);
    assert!(
        err.contains("aiShare") && err.contains("rehireShare"),
        "{err}"
    );
}

#[test]
fn help_explains_the_commands() {
    for args in [&["help"][..], &["--help"], &[]] {
        let (code, out, _) = cli(args);
        assert_eq!(code, 0);
        assert!(out.contains("layoff-whatif run"));
    }
}

#[test]
fn the_analysis_commands_give_json_and_csv_and_check_their_flags() {
    let (code, json, err) = cli(&[
        "uncertainty",
        "--draws",
        "200",
        "--seed",
        "5",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let u: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(u["draws"], 200);
    assert_eq!(u["cumulativeDelta"].as_array().unwrap().len(), 48);
    let (_, again, _) = cli(&[
        "uncertainty",
        "--draws",
        "200",
        "--seed",
        "5",
        "--format",
        "json",
    ]);
    assert_eq!(json, again, "a seed reproduces exactly");
    let (code, csv, _) = cli(&["uncertainty", "--draws", "50", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(csv.starts_with("month,p10,p25,p50,p75,p90\n"));

    let (code, json, _) = cli(&["sensitivity", "--preset", "klarna-like", "--format", "json"]);
    assert_eq!(code, 0);
    let s: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(s["bars"].as_array().unwrap().len() > 10);

    let (code, json, _) = cli(&[
        "map",
        "--x",
        "aiShare",
        "--y",
        "defectionPerBadContact",
        "--cells",
        "11",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let m: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(m["npv"].as_array().unwrap().len(), 11);
    let (code, csv, _) = cli(&["map", "--cells", "5", "--format", "csv"]);
    assert_eq!(code, 0);
    assert_eq!(csv.lines().count(), 26);

    for (args, expected) in [
        (
            &["uncertainty", "--draws", "0"][..],
            "--draws '0' must be a whole number from 1 to 20000",
        ),
        (
            &["uncertainty", "--draws", "many"],
            "must be a whole number",
        ),
        (
            &["uncertainty", "--seed", "-1"],
            "--seed '-1' must be a whole number",
        ),
        (&["map", "--x", "bogus"], "unknown map axis 'bogus'"),
        (
            &["map", "--x", "aiShare", "--y", "aiShare"],
            "two different parameters",
        ),
        (
            &["map", "--cells", "500"],
            "--cells '500' must be a whole number from 5 to 101",
        ),
        (
            &["sensitivity", "--draws", "5"],
            "'sensitivity' does not take --draws",
        ),
        (&["run", "--cells", "5"], "'run' does not take --cells"),
    ] {
        let (code, _, err) = cli(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains(expected), "{args:?}: {err}");
    }
}

#[test]
fn chart_writes_an_svg_for_print() {
    let (code, svg, err) = cli(&[
        "chart",
        "--kind",
        "savings",
        "--preset",
        "klarna-like",
        "--width",
        "900",
        "--height",
        "500",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("width=\"900\""));
    for (args, expected) in [
        (&["chart"][..], "chart needs --kind"),
        (&["chart", "--kind", "pie"], "unknown chart 'pie'"),
        (
            &["chart", "--kind", "costs", "--width", "10"],
            "--width '10' must be a whole number from 200 to 4000",
        ),
        (
            &["chart", "--kind", "costs", "--theme", "neon"],
            "unknown chart theme 'neon'",
        ),
        (
            &["chart", "--kind", "costs", "--format", "png"],
            "takes no --format",
        ),
    ] {
        let (code, _, err) = cli(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains(expected), "{args:?}: {err}");
    }
}

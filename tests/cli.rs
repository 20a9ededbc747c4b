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
    assert!(
        table.contains("Klarna-like") && table.contains("Net present value vs keeping everyone")
    );
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

// ---- Issue 17: every door checked --------------------------------------------------------

use std::io::Write as _;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Runs the binary with `input` on stdin (None: stdin stays open and silent).
fn cli_stdin(args: &[&str], input: Option<&[u8]>) -> (i32, String, String, Duration) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_layoff-whatif"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let stdin = child.stdin.take().unwrap();
    let held = match input {
        Some(bytes) => {
            let mut stdin = stdin;
            // A refusal may close the pipe before everything is written.
            let _ = stdin.write_all(bytes);
            None
        }
        None => Some(stdin),
    };
    let out = child.wait_with_output().unwrap();
    drop(held);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        started.elapsed(),
    )
}

/// Problem 1: `--scenario /dev/zero` read until memory ran out; a FIFO with no writer hung.
#[test]
fn issue17_reads_are_bounded_and_never_hang() {
    let started = Instant::now();
    let (code, _, err) = cli(&["run", "--scenario", "/dev/zero"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("'/dev/zero' is a device, not a regular file"),
        "{err}"
    );
    assert!(started.elapsed() < Duration::from_secs(3));

    let fifo = std::env::temp_dir().join(format!("layoff-whatif-{}-fifo", std::process::id()));
    let _ = std::fs::remove_file(&fifo);
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success());
    if matches!(made, Ok(true)) {
        let started = Instant::now();
        let (code, _, err) = cli(&["run", "--scenario", fifo.to_str().unwrap()]);
        assert_eq!(code, 2);
        assert!(err.contains("is a named pipe, not a regular file"), "{err}");
        assert!(started.elapsed() < Duration::from_secs(3));
        let _ = std::fs::remove_file(&fifo);
    }
    let (code, _, err) = cli(&["run", "--scenario", "/tmp"]);
    assert_eq!(code, 2);
    assert!(err.contains("is a directory, not a regular file"), "{err}");

    // 64 KiB is the cap, in a file and on stdin alike: one byte more is refused.
    let limit = layoff_whatif::cli::MAX_INPUT_BYTES as usize;
    let body = r#"{"params": {"aiShare": 0.3}}"#;
    let exact = format!("{body}{}", " ".repeat(limit - body.len()));
    let over = format!("{exact} ");
    let file = temp_file("exact.json", &exact);
    assert_eq!(cli(&["run", "--scenario", file.to_str().unwrap()]).0, 0);
    let file = temp_file("over.json", &over);
    let (code, _, err) = cli(&["run", "--scenario", file.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("holds more than 65536 bytes"), "{err}");
    let (code, out, err, _) = cli_stdin(
        &["run", "--scenario", "-", "--format", "json"],
        Some(exact.as_bytes()),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"aiShare\": 0.3"));
    let (code, _, err, _) = cli_stdin(&["run", "--scenario", "-"], Some(over.as_bytes()));
    assert_eq!(code, 2);
    assert!(err.contains("stdin holds more than 65536 bytes"), "{err}");
    let huge = vec![b' '; 4 * limit];
    let (code, _, err, _) = cli_stdin(&["run", "--scenario", "-"], Some(&huge));
    assert_eq!(code, 2, "{err}");

    // A stdin that never ends is reported after a few seconds, not waited on forever.
    let (code, _, err, took) = cli_stdin(&["run", "--scenario", "-"], None);
    assert_eq!(code, 2);
    assert!(err.contains("did not finish within 5 seconds"), "{err}");
    assert!(took < Duration::from_secs(9), "{took:?}");
}

/// Every character a terminal or a reader could be fooled by.
fn hostile_chars() -> Vec<char> {
    let mut chars: Vec<char> = (1u8..0x20).map(char::from).collect();
    chars.push('\u{7f}');
    chars.extend(['\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}']);
    chars.extend([
        '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200e}', '\u{200f}',
    ]);
    chars.extend(['\u{85}', '\u{9b}', '\u{2028}', '\u{2029}', '\u{feff}']);
    chars
}

fn assert_clean(context: &str, err: &str) {
    for line in err.lines() {
        assert!(
            !line.chars().any(layoff_whatif::validate::must_escape),
            "{context}: raw control character in {line:?}"
        );
        assert!(
            line.chars().count() <= 400,
            "{context}: line of {} chars",
            line.chars().count()
        );
    }
}

/// Problem 2: a crafted argument or file name wrote a raw escape sequence into the message.
#[test]
fn issue17_every_echo_is_clipped_and_escaped() {
    let overlong = "x".repeat(100_000);
    let mut values: Vec<String> = hostile_chars()
        .iter()
        .map(|c| format!("a{c}[31mb"))
        .collect();
    values.push(overlong.clone());
    for v in &values {
        let set_key = format!("--set={v}Share=1");
        let set_value = format!("--set=aiShare={v}");
        let set_bare = format!("--set={v}");
        let file = temp_file(
            "echo.json",
            &format!(
                "{{\"params\": {{{}: 1}}}}",
                serde_json::to_string(v).unwrap()
            ),
        );
        let file_value = temp_file(
            "echo-v.json",
            &format!(
                "{{\"params\": {{\"aiShare\": {}}}}}",
                serde_json::to_string(v).unwrap()
            ),
        );
        let dup = temp_file(
            "echo-d.json",
            &format!(
                "{{\"params\": {{{0}: 1, {0}: 2}}}}",
                serde_json::to_string(v).unwrap()
            ),
        );
        let preset_file = temp_file(
            "echo-p.json",
            &format!("{{\"preset\": {}}}", serde_json::to_string(v).unwrap()),
        );
        let option = format!("--{v}");
        let cases: Vec<Vec<&str>> = vec![
            vec!["run", &set_key],
            vec!["run", &set_value],
            vec!["run", &set_bare],
            vec!["run", "--preset", v],
            vec!["run", "--format", v],
            vec!["run", "--scenario", v],
            vec!["run", "--scenario", file.to_str().unwrap()],
            vec!["run", "--scenario", file_value.to_str().unwrap()],
            vec!["run", "--scenario", dup.to_str().unwrap()],
            vec!["run", "--scenario", preset_file.to_str().unwrap()],
            vec!["run", &option],
            vec![v],
            vec!["uncertainty", "--draws", v],
            vec!["chart", "--kind", v],
            vec!["chart", "--kind", "savings", "--theme", v],
            vec!["map", "--x", v],
        ];
        for args in cases {
            let (code, out, err) = cli(&args);
            assert_eq!(code, 2, "{args:?}");
            assert!(out.is_empty());
            assert_clean(&format!("{:?}", &args[..1]), &err);
        }
    }
    // NUL cannot be an argument, but it can be in a file.
    let file = temp_file("nul.json", "{\"params\": {\"ai\\u0000Share\": 1}}");
    let (code, _, err) = cli(&["run", "--scenario", file.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("ai\\u0000Share"), "{err}");
    let (_, _, err) = cli(&["run", "--set", "ai\u{1b}[31mShare=1"]);
    assert!(
        err.contains("unknown parameter 'ai\\u001b[31mShare'"),
        "{err}"
    );
}

/// Problem 2: a non-UTF-8 argument panicked (exit 101); `--version` did not exist.
#[test]
fn issue17_non_utf8_arguments_are_refused_and_version_answers() {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bad = std::ffi::OsStr::from_bytes(b"aiShare=\xff\xfe");
        let out = Command::new(env!("CARGO_BIN_EXE_layoff-whatif"))
            .args(["run".as_ref(), "--set".as_ref(), bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("argument 3") && err.contains("is not valid UTF-8"),
            "{err}"
        );
    }
    for flag in ["--version", "-V"] {
        let (code, out, _) = cli(&[flag]);
        assert_eq!(code, 0);
        assert_eq!(
            out,
            format!("layoff-whatif {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
    let (code, _, err) = cli(&["--version", "--set", "aiShare=1"]);
    assert_eq!(code, 2, "{err}");
}

/// Problem 3: a repeated key in `params` silently took the last value.
#[test]
fn issue17_duplicate_json_keys_are_an_error_naming_the_key() {
    let file = temp_file(
        "dup.json",
        r#"{"version":1,"params":{"aiShare":0.5,"aiShare":0.6}}"#,
    );
    let (code, out, err) = cli(&["run", "--scenario", file.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("params gives 'aiShare' more than once"),
        "{err}"
    );
    // Different keys that name different parameters are fine, as is the same key in two files' worth of --set.
    let file = temp_file(
        "nodup.json",
        r#"{"params":{"aiShare":0.5,"layoffShare":0.2}}"#,
    );
    assert_eq!(
        cli(&[
            "run",
            "--scenario",
            file.to_str().unwrap(),
            "--set",
            "aiShare=0.6"
        ])
        .0,
        0
    );
}

/// The outcome a row of tests/grammar/numbers.json expects: a number or a refusal code.
fn expected(row: &serde_json::Value, column: &str) -> Result<f64, String> {
    match &row[column] {
        serde_json::Value::Number(n) => Ok(n.as_f64().unwrap()),
        serde_json::Value::String(code) => Err(code.clone()),
        other => panic!("bad table entry {other}"),
    }
}

fn outcome_of_message(err: &str) -> String {
    for (needle, code) in [
        ("is not a number", "notANumber"),
        ("not a finite number", "notFinite"),
        ("is out of range", "outOfRange"),
    ] {
        if err.contains(needle) {
            return code.to_owned();
        }
    }
    panic!("unexpected message {err}");
}

/// Problem 5 and "one input grammar": the same table on the CLI's --set and in scenario files
/// (the links and the typed boxes read it in tests/browser/grammar.test.mjs).
#[test]
fn issue17_one_number_grammar_on_the_cli_and_in_files() {
    let table: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/grammar/numbers.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let key = table["key"].as_str().unwrap();
    for row in table["rows"].as_array().unwrap() {
        let text = row["text"].as_str().unwrap();
        let want = expected(row, "plain");
        // The CLI, in-process (the binary only adds args_os).
        let mut out = Vec::new();
        let mut err = Vec::new();
        let args = [
            "run".to_owned(),
            "--set".to_owned(),
            format!("{key}={text}"),
            "--format".to_owned(),
            "json".to_owned(),
        ];
        let code = layoff_whatif::cli::run_cli(&args, &mut out, &mut err);
        let got = if code == 0 {
            let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
            Ok(v["params"][key].as_f64().unwrap())
        } else {
            Err(outcome_of_message(&String::from_utf8_lossy(&err)))
        };
        assert_eq!(got, want, "--set {key}={text:?}");
        // A scenario file with the number as a string.
        let json = format!(
            "{{\"params\": {{\"{key}\": {}}}}}",
            serde_json::to_string(text).unwrap()
        );
        let got = layoff_whatif::wire::parse_scenario_json(&json)
            .and_then(|raw| layoff_whatif::validate::validate(&raw).map_err(|e| e.to_string()))
            .map(|s| layoff_whatif::params::spec(key).unwrap().get(&s.params))
            .map_err(|e| outcome_of_message(&e));
        assert_eq!(got, want, "file {text:?}");
    }
}

/// Regression (issue 13, problem 8): implausible inputs run, with a warning on stderr and in
/// the JSON, and figures that are not facts are not printed as facts.
#[test]
fn implausible_inputs_warn_on_stderr_and_in_the_json() {
    let (code, out, err) = cli(&[
        "run",
        "--set",
        "contactsPerCustomerPerMonth=4",
        "--set",
        "escalationHandleFactor=3",
        "--set",
        "aiResolutionRate=0.2",
    ]);
    assert_eq!(code, 0);
    assert!(
        err.contains("warning: ") && err.contains("contacts per agent a month"),
        "{err}"
    );
    assert!(err.contains("adds the work of"), "{err}");
    assert!(out.contains("none: it adds"), "{out}");
    let (code, json, _) = cli(&[
        "run",
        "--set",
        "contactsPerCustomerPerMonth=4",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["warnings"][0]["code"], "contactsPerAgentHigh");
    let (_, quiet, err) = cli(&["run", "--preset", "typical"]);
    assert!(
        err.is_empty(),
        "a plausible scenario gives no warning: {err}"
    );
    assert!(quiet.contains("Break-even extra churn"));
}

/// The record travels in the JSON: points to draw and the calibration table, with words.
#[test]
fn company_presets_carry_their_record_in_the_json() {
    let (code, json, _) = cli(&["run", "--preset", "klarna-like", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let points = v["record"].as_array().unwrap();
    assert!(points.iter().any(|p| p["series"] == "aiAgentEquivalent"
        && p["value"] == 700.0
        && p["month"] == 1
        && p["source"] == "RK1"));
    let table = v["calibration"].as_array().unwrap();
    assert_eq!(table.len(), 22);
    assert!(table
        .iter()
        .all(|r| r["text"]["metric"].as_str().is_some_and(|m| !m.is_empty())));
    let (_, typical, _) = cli(&["run", "--format", "json"]);
    let t: serde_json::Value = serde_json::from_str(&typical).unwrap();
    assert!(
        t["record"].as_array().unwrap().is_empty()
            && t["calibration"].as_array().unwrap().is_empty()
    );
}

//! Fuzzing the way in: random bytes, random JSON-like text and random key/value pairs go
//! through the scenario parser, validation and the model. Nothing may panic, every accepted
//! scenario must give finite output, and every refusal must say something. The inputs in
//! `tests/fuzz-corpus/` are the tricky cases found along the way, kept as regression tests.

use layoff_whatif::model;
use layoff_whatif::params::PARAMS;
use layoff_whatif::validate::{self, RawScenario, RawValue};
use layoff_whatif::wire::{self, SeriesWire, SERIES_COLUMNS};
use proptest::prelude::*;

/// Parses, validates and runs one scenario file; returns the message when refused.
fn drive(text: &str) -> Result<(), String> {
    let raw = wire::parse_scenario_json(text)?;
    drive_raw(&raw)
}

fn drive_raw(raw: &RawScenario) -> Result<(), String> {
    let scenario = validate::validate(raw).map_err(|e| e.to_string())?;
    let outcome = model::run(&scenario.params);
    let series = SeriesWire::from_outcome(&outcome);
    for (c, name) in SERIES_COLUMNS.iter().enumerate() {
        assert!(series.column(c).iter().all(|v| v.is_finite()), "{name}");
    }
    assert!(outcome.summary.npv_usd.is_finite());
    Ok(())
}

#[test]
fn the_corpus_never_panics_and_every_refusal_says_why() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        if let Err(message) = drive(&text) {
            assert!(
                message.len() > 10,
                "{:?}: terse message {message:?}",
                entry.path()
            );
            assert!(!message.contains('\n') || message.lines().all(|l| !l.is_empty()));
        }
        count += 1;
    }
    assert!(count >= 15);
}

#[test]
fn corpus_verdicts_are_the_expected_ones() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus");
    let verdict = |name: &str| drive(&std::fs::read_to_string(dir.join(name)).unwrap_or_default());
    assert!(verdict("extreme-valid.json").is_ok());
    assert!(verdict("negative-zero.json").is_ok());
    assert!(verdict("byte-order-mark.json").is_ok());
    for refused in [
        "nan-literal.json",
        "duplicate-key.json",
        "control-characters.json",
        "hex-text.json",
        "huge-exponent-then-junk.json",
        "infinity-text.json",
        // Issue 17: one grammar everywhere, and it has no white space ("  0.5  " is refused).
        "padded-text.json",
        "huge-exponent.json",
        "hex-float-text.json",
        "arabic-digits.json",
        "script-payload.json",
        "nested-object.json",
        "deep-array.json",
        "many-keys.json",
        "unknown-field.json",
        "negative-version.json",
        "cross-field.json",
        "empty.json",
        "null.json",
    ] {
        assert!(verdict(refused).is_err(), "{refused} should be refused");
    }
    // Found by parse_number_accepts_exactly_the_grammar: junk after a huge exponent is "not a
    // number", not "far too large".
    let message = verdict("huge-exponent-then-junk.json").unwrap_err();
    assert!(message.contains("is not a number"), "{message}");
    let message = verdict("duplicate-key.json").unwrap_err();
    assert!(
        message.contains("params gives 'aiShare' more than once"),
        "{message}"
    );
    let message = verdict("control-characters.json").unwrap_err();
    assert!(
        message
            .lines()
            .all(|l| !l.chars().any(validate::must_escape)),
        "{message:?}"
    );
    assert!(message.contains("ai\\u001b[31mShare"), "{message}");
    // Text from the input is quoted back, never interpreted: the message is plain text.
    let message = verdict("script-payload.json").unwrap_err();
    assert!(
        message.contains("unknown preset '<script>alert(1)</script>'"),
        "{message}"
    );
}

fn any_key() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(PARAMS.iter().map(|p| p.key.to_owned()).collect::<Vec<_>>()),
        "[a-zA-Z<>\"'&;]{0,12}",
    ]
}

fn any_value() -> impl Strategy<Value = RawValue> {
    prop_oneof![
        any::<f64>().prop_map(RawValue::Number),
        (-1e6f64..1e6).prop_map(RawValue::Number),
        "[-+0-9eE.,x ]{0,12}".prop_map(RawValue::Text),
        ".{0,50}".prop_map(RawValue::Text),
        Just(RawValue::WrongType("a boolean")),
    ]
}

/// Cases per property: `FUZZ_CASES` (CI keeps the default, about ten seconds in all on two
/// cores); a longer run is `FUZZ_CASES=200000 cargo test --release --test fuzz`.
fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000)
}

/// The grammar of docs/SECURITY.md written a second way, as the oracle for `parse_number`:
/// sign? (digits ("." digits?)? | "." digits) (("e" | "E") sign? digits)?, nothing else.
fn grammar_accepts(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let whole = digits(&mut i);
    let mut fraction = 0;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        fraction = digits(&mut i);
    }
    if whole + fraction == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// The typed-number parser of every plain path (CLI, files, links) accepts exactly the
    /// grammar, never a JavaScript-only form (hex, binary, Infinity, white space, "_").
    #[test]
    fn parse_number_accepts_exactly_the_grammar(
        text in "[-+0-9eE.,xXbBo_ \\t\\nInfinityNa\u{a0}\u{2212}]{0,14}",
    ) {
        match validate::parse_number(&text) {
            Ok(v) => {
                prop_assert!(grammar_accepts(&text), "{text:?} accepted");
                prop_assert!(v.is_finite());
                prop_assert_eq!(v, text.parse::<f64>().unwrap());
            }
            Err(validate::NumberError::Malformed) => prop_assert!(!grammar_accepts(&text), "{text:?} refused"),
            Err(validate::NumberError::HugeExponent) => prop_assert!(grammar_accepts(&text)),
        }
    }

    #[test]
    fn random_text_never_panics_the_parser(text in ".{0,200}") {
        let _ = drive(&text);
    }

    #[test]
    fn random_json_shapes_never_panic(
        preset in proptest::option::of("[a-z-]{0,16}"),
        pairs in proptest::collection::vec((any_key(), any_value()), 0..12),
    ) {
        let raw = RawScenario { preset, values: pairs };
        if let Err(message) = drive_raw(&raw) {
            prop_assert!(!message.is_empty());
        }
        let (scenario, _) = validate::validate_lenient(&raw);
        // The lenient path always yields a scenario the model can run.
        let outcome = model::run(&scenario.params);
        prop_assert!(outcome.summary.npv_usd.is_finite());
    }

    #[test]
    fn numbers_in_json_files_never_panic(value in any::<f64>(), key_index in 0..PARAMS.len()) {
        let text = format!("{{\"params\": {{\"{}\": {}}}}}", PARAMS[key_index].key, value);
        let _ = drive(&text);
    }
}

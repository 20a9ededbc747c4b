//! The one gate every input passes: raw key/value pairs from sliders, typed fields, the URL,
//! scenario files, CLI flags or postMessage become checked [`Params`], or a list of errors
//! that each name the key, the value and what is allowed.
//!
//! Nothing is clamped or rounded here: a value is accepted as it is or refused with a reason.
//! The model never sees a parameter that did not pass through this module.

use std::fmt;

use crate::params::{spec, ParamSpec, Params, Unit, PARAMS};
use crate::presets::{self, Preset, DEFAULT_PRESET};

/// The most entries one scenario may carry; anything longer is refused before parsing.
pub const MAX_ENTRIES: usize = 200;
/// The longest text accepted for one value.
pub const MAX_VALUE_CHARS: usize = 40;
/// The largest decimal exponent accepted in a typed number; no parameter needs more.
pub const MAX_EXPONENT: i32 = 30;

/// A value as it arrived, before it is known to be a number.
#[derive(Debug, Clone, PartialEq)]
pub enum RawValue {
    /// A number (JSON, JavaScript).
    Number(f64),
    /// Text that should hold a number (CLI, URL, a typed field).
    Text(String),
    /// Something else entirely (true, null, a list); the name says what.
    WrongType(&'static str),
}

/// A scenario as it arrived: an optional preset name and key/value pairs in arrival order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawScenario {
    /// The preset to start from; the default preset when absent.
    pub preset: Option<String>,
    /// Parameter values that replace the preset's.
    pub values: Vec<(String, RawValue)>,
}

impl RawScenario {
    /// A raw scenario of text values, as the CLI and the URL give them.
    pub fn from_text_pairs<'a>(
        preset: Option<&str>,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Self {
        RawScenario {
            preset: preset.map(str::to_owned),
            values: pairs
                .into_iter()
                .map(|(k, v)| (k.to_owned(), RawValue::Text(v.to_owned())))
                .collect(),
        }
    }
}

/// A checked scenario: the preset it started from, the parameters, and which keys differ
/// from the preset.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// The preset the scenario starts from.
    pub preset: &'static Preset,
    /// The validated parameters.
    pub params: Params,
}

impl Scenario {
    /// Keys whose value differs from the preset's, in table order.
    pub fn changed_keys(&self) -> Vec<&'static str> {
        let base = self.preset.params();
        PARAMS
            .iter()
            .filter(|s| s.get(&self.params) != s.get(&base))
            .map(|s| s.key)
            .collect()
    }
}

/// One thing wrong with an input.
#[derive(Debug, Clone, PartialEq)]
pub enum InputError {
    /// The key is not a parameter; `suggestion` is the nearest key, if one is close.
    UnknownKey {
        /// The key as given.
        key: String,
        /// A key that is spelled almost the same.
        suggestion: Option<&'static str>,
    },
    /// The preset name is not one of ours.
    UnknownPreset {
        /// The name as given.
        name: String,
    },
    /// The text is not a plain decimal number.
    NotANumber {
        /// The parameter.
        key: &'static str,
        /// The text as given.
        text: String,
    },
    /// The value is a boolean, null, a list or an object.
    WrongType {
        /// The parameter.
        key: &'static str,
        /// What was found instead of a number.
        found: &'static str,
    },
    /// The number is infinite, not a number, or has an exponent too large to mean anything.
    NotFinite {
        /// The parameter.
        key: &'static str,
        /// The value as given.
        text: String,
    },
    /// The number is outside the allowed range.
    OutOfRange {
        /// The parameter.
        key: &'static str,
        /// The value as given.
        value: f64,
    },
    /// The number must be whole (months counted by step, the depth level).
    NotWhole {
        /// The parameter.
        key: &'static str,
        /// The value as given.
        value: f64,
    },
    /// The same key appears twice.
    Duplicate {
        /// The parameter.
        key: &'static str,
    },
    /// The text of one value is longer than any number needs.
    TooLong {
        /// The key as given.
        key: String,
        /// Its length in characters.
        chars: usize,
    },
    /// More entries than there are parameters, many times over.
    TooManyEntries {
        /// How many entries came.
        count: usize,
    },
    /// The cut is scheduled at or after the end of the horizon, so it would never happen.
    CutAfterHorizon {
        /// The cut month.
        layoff_month: f64,
        /// The horizon.
        horizon_months: f64,
    },
}

fn range_text(spec: &ParamSpec) -> String {
    format!(
        "{} to {} ({})",
        number_text(spec.min),
        number_text(spec.max),
        spec.unit.label()
    )
}

/// A number written the shortest way that reads back the same ("0.4", "5080", "1e-7").
pub fn number_text(value: f64) -> String {
    format!("{value}")
}

impl InputError {
    /// The parameter key the error is about, where there is one.
    pub fn key(&self) -> Option<&str> {
        match self {
            InputError::UnknownKey { key, .. } | InputError::TooLong { key, .. } => Some(key),
            InputError::NotANumber { key, .. }
            | InputError::WrongType { key, .. }
            | InputError::NotFinite { key, .. }
            | InputError::OutOfRange { key, .. }
            | InputError::NotWhole { key, .. }
            | InputError::Duplicate { key } => Some(key),
            InputError::CutAfterHorizon { .. } => Some("layoffMonth"),
            InputError::UnknownPreset { .. } | InputError::TooManyEntries { .. } => None,
        }
    }

    /// A stable machine name for the kind of error; the page translates by it.
    pub fn code(&self) -> &'static str {
        match self {
            InputError::UnknownKey { .. } => "unknownKey",
            InputError::UnknownPreset { .. } => "unknownPreset",
            InputError::NotANumber { .. } => "notANumber",
            InputError::WrongType { .. } => "wrongType",
            InputError::NotFinite { .. } => "notFinite",
            InputError::OutOfRange { .. } => "outOfRange",
            InputError::NotWhole { .. } => "notWhole",
            InputError::Duplicate { .. } => "duplicate",
            InputError::TooLong { .. } => "tooLong",
            InputError::TooManyEntries { .. } => "tooManyEntries",
            InputError::CutAfterHorizon { .. } => "cutAfterHorizon",
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let allowed = |key: &str| spec(key).map(range_text).unwrap_or_default();
        match self {
            InputError::UnknownKey { key, suggestion } => {
                write!(f, "unknown parameter '{}'", clip(key))?;
                match suggestion {
                    Some(s) => write!(f, " (did you mean '{s}'?)"),
                    None => write!(f, " (run 'layoff-whatif params' for the list)"),
                }
            }
            InputError::UnknownPreset { name } => write!(
                f,
                "unknown preset '{}' (allowed: {})",
                clip(name),
                presets::names().join(", ")
            ),
            InputError::NotANumber { key, text } => write!(
                f,
                "{key} = '{}' is not a number: allowed {}",
                clip(text),
                allowed(key)
            ),
            InputError::WrongType { key, found } => {
                write!(f, "{key} is {found}, not a number: allowed {}", allowed(key))
            }
            InputError::NotFinite { key, text } => write!(
                f,
                "{key} = '{}' is not a finite number of sensible size: allowed {}",
                clip(text),
                allowed(key)
            ),
            InputError::OutOfRange { key, value } => write!(
                f,
                "{key} = {} is out of range: allowed {}",
                number_text(*value),
                allowed(key)
            ),
            InputError::NotWhole { key, value } => write!(
                f,
                "{key} = {} must be a whole number: allowed {}",
                number_text(*value),
                allowed(key)
            ),
            InputError::Duplicate { key } => write!(f, "{key} is given more than once"),
            InputError::TooLong { key, chars } => write!(
                f,
                "the value of '{}' is {chars} characters long: a number needs at most {MAX_VALUE_CHARS}",
                clip(key)
            ),
            InputError::TooManyEntries { count } => write!(
                f,
                "{count} entries is too many: a scenario has at most {} parameters",
                PARAMS.len()
            ),
            InputError::CutAfterHorizon {
                layoff_month,
                horizon_months,
            } => write!(
                f,
                "layoffMonth = {} must be before the end of the horizon (horizonMonths = {})",
                number_text(*layoff_month),
                number_text(*horizon_months)
            ),
        }
    }
}

/// The most characters of an input quoted back in any message; the rest becomes "...".
pub const MAX_ECHO_CHARS: usize = 40;

/// Makes text from outside safe to quote back in a message: at most [`MAX_ECHO_CHARS`]
/// characters (then "..."), and every control character (C0, DEL, C1), bidirectional
/// override or isolate, line or paragraph separator and byte-order mark shown as `\u001b`
/// (four hex digits, as in JSON), so a crafted value can neither flood a terminal nor
/// rewrite or reorder what it shows.
pub fn quote(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    for c in chars.by_ref().take(MAX_ECHO_CHARS) {
        if must_escape(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    if chars.next().is_some() {
        out.push_str("...");
    }
    out
}

/// True for characters that must never reach a terminal or a message as themselves.
pub fn must_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{feff}'
        )
}

fn clip(text: &str) -> String {
    quote(text)
}

/// Every error found in one input, in the order the entries came.
#[derive(Debug, Clone, PartialEq)]
pub struct InputErrors(pub Vec<InputError>);

impl fmt::Display for InputErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputErrors {}

/// Reads text as a plain decimal number, the one grammar of every way in (docs/SECURITY.md):
/// an optional sign, digits with at most one point, an optional exponent of at most
/// [`MAX_EXPONENT`]. Refuses everything else, including what JavaScript's `Number()` would
/// take: "1,5", "0x10", "0b1", "inf", "Infinity", "", " 7 " (no white space anywhere), "12abc".
pub fn parse_number(text: &str) -> Result<f64, NumberError> {
    let t = text;
    let bytes = t.as_bytes();
    let mut i = 0;
    if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
        i += 1;
    }
    let mut digits = 0;
    let mut points = 0;
    while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
        if bytes[i] == b'.' {
            points += 1;
        } else {
            digits += 1;
        }
        i += 1;
    }
    if digits == 0 || points > 1 {
        return Err(NumberError::Malformed);
    }
    let mut exponent: i64 = 0;
    if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
        i += 1;
        let exp_start = i;
        if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
            i += 1;
        }
        let exp_digits_start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_digits_start {
            return Err(NumberError::Malformed);
        }
        exponent = t[exp_start..i]
            .trim_start_matches('+')
            .parse()
            .unwrap_or(i64::MAX);
    }
    // The form first, then the size: "0e40x" is not a number at all (found by tests/fuzz.rs).
    if i != bytes.len() {
        return Err(NumberError::Malformed);
    }
    if exponent.unsigned_abs() > MAX_EXPONENT as u64 {
        return Err(NumberError::HugeExponent);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err(NumberError::HugeExponent),
        Err(_) => Err(NumberError::Malformed),
    }
}

/// Why text is not a usable number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Not a plain decimal number at all.
    Malformed,
    /// Written with an exponent far beyond any parameter's range.
    HugeExponent,
}

/// Checks one value for one parameter key.
pub fn check_value(key: &str, raw: &RawValue) -> Result<(&'static ParamSpec, f64), InputError> {
    let spec = spec(key).ok_or_else(|| InputError::UnknownKey {
        key: key.to_owned(),
        suggestion: suggest(key),
    })?;
    let value = match raw {
        RawValue::Number(v) if v.is_finite() => *v,
        RawValue::Number(v) => {
            return Err(InputError::NotFinite {
                key: spec.key,
                text: number_text(*v),
            })
        }
        RawValue::WrongType(found) => {
            return Err(InputError::WrongType {
                key: spec.key,
                found,
            })
        }
        RawValue::Text(text) => {
            let chars = text.chars().count();
            if chars > MAX_VALUE_CHARS {
                return Err(InputError::TooLong {
                    key: spec.key.to_owned(),
                    chars,
                });
            }
            match parse_number(text) {
                Ok(v) => v,
                Err(NumberError::Malformed) => {
                    return Err(InputError::NotANumber {
                        key: spec.key,
                        text: text.clone(),
                    })
                }
                Err(NumberError::HugeExponent) => {
                    return Err(InputError::NotFinite {
                        key: spec.key,
                        text: text.clone(),
                    })
                }
            }
        }
    };
    if value < spec.min || value > spec.max {
        return Err(InputError::OutOfRange {
            key: spec.key,
            value,
        });
    }
    if spec.unit.is_whole() && value.fract() != 0.0 {
        return Err(InputError::NotWhole {
            key: spec.key,
            value,
        });
    }
    // Negative zero reads back as "-0" and would make "nothing changed" look changed.
    Ok((spec, if value == 0.0 { 0.0 } else { value }))
}

/// The nearest parameter key to a mistyped one, if any is close enough to be a typo.
fn suggest(key: &str) -> Option<&'static str> {
    let lower = key.to_ascii_lowercase();
    PARAMS
        .iter()
        .map(|s| (edit_distance(&lower, &s.key.to_ascii_lowercase()), s.key))
        .filter(|&(d, _)| d <= 3)
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

fn resolve_preset(name: Option<&str>) -> Result<&'static Preset, InputError> {
    let name = name.unwrap_or(DEFAULT_PRESET);
    presets::preset(name).ok_or_else(|| InputError::UnknownPreset {
        name: name.to_owned(),
    })
}

fn cross_check(params: &Params) -> Option<InputError> {
    (params.layoff_month >= params.horizon_months).then_some(InputError::CutAfterHorizon {
        layoff_month: params.layoff_month,
        horizon_months: params.horizon_months,
    })
}

/// Checks a whole scenario strictly: any error refuses it, and every error is reported.
pub fn validate(raw: &RawScenario) -> Result<Scenario, InputErrors> {
    let (scenario, errors) = validate_lenient(raw);
    if errors.is_empty() {
        Ok(scenario)
    } else {
        Err(InputErrors(errors))
    }
}

/// Checks a whole scenario and keeps what is valid: an unknown preset falls back to the
/// default preset and each bad entry is left out, so an old or hand-edited link still opens
/// the nearest valid scenario. The errors say exactly what was ignored.
pub fn validate_lenient(raw: &RawScenario) -> (Scenario, Vec<InputError>) {
    let mut errors = Vec::new();
    let preset = resolve_preset(raw.preset.as_deref()).unwrap_or_else(|e| {
        errors.push(e);
        // The default preset is in the table: `presets::tests::the_issue_presets_exist`.
        presets::preset(DEFAULT_PRESET).unwrap_or(&presets::PRESETS[0])
    });
    let mut params = preset.params();
    if raw.values.len() > MAX_ENTRIES {
        errors.push(InputError::TooManyEntries {
            count: raw.values.len(),
        });
        return (Scenario { preset, params }, errors);
    }
    let mut seen: Vec<&'static str> = Vec::new();
    for (key, value) in &raw.values {
        match check_value(key, value) {
            Ok((spec, v)) => {
                if seen.contains(&spec.key) {
                    errors.push(InputError::Duplicate { key: spec.key });
                } else {
                    seen.push(spec.key);
                    spec.set(&mut params, v);
                }
            }
            Err(e) => errors.push(e),
        }
    }
    if let Some(e) = cross_check(&params) {
        errors.push(e);
        params.layoff_month = 0.0;
    }
    (Scenario { preset, params }, errors)
}

/// The unit of a key, for callers that format values (the CLI's table).
pub fn unit_of(key: &str) -> Option<Unit> {
    spec(key).map(|s| s.unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(preset: Option<&str>, pairs: &[(&str, &str)]) -> RawScenario {
        RawScenario::from_text_pairs(preset, pairs.iter().copied())
    }

    #[test]
    fn plain_numbers_parse_and_everything_else_is_refused() {
        for ok in ["0", "0.4", "-0.3", "+2", ".5", "5.", "1e3", "2.5E-2"] {
            assert!(parse_number(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            " ",
            "-",
            ".",
            "1,5",
            "0x10",
            "inf",
            "NaN",
            "1e",
            "12abc",
            "1..2",
            "1e+",
            " 7 ",
            "7\n",
            "\u{a0}7",
            "0e40\u{2212}",
            "1e99x",
        ] {
            assert_eq!(parse_number(bad), Err(NumberError::Malformed), "{bad}");
        }
        for huge in ["1e400", "1e-400", "1e31", "9e99"] {
            assert_eq!(parse_number(huge), Err(NumberError::HugeExponent), "{huge}");
        }
    }

    #[test]
    fn an_error_names_the_key_the_value_and_the_range() {
        let err = validate(&text(None, &[("layoffShare", "1.5")])).unwrap_err();
        assert_eq!(
            err.to_string(),
            "layoffShare = 1.5 is out of range: allowed 0 to 0.9 (share 0-1)"
        );
    }

    #[test]
    fn every_bad_entry_is_reported_not_just_the_first() {
        let err = validate(&text(
            Some("nope"),
            &[
                ("layofShare", "0.2"),
                ("aiShare", "abc"),
                ("modelDepth", "2.5"),
            ],
        ))
        .unwrap_err();
        let codes: Vec<_> = err.0.iter().map(InputError::code).collect();
        assert_eq!(
            codes,
            ["unknownPreset", "unknownKey", "notANumber", "notWhole"]
        );
        assert!(err.to_string().contains("did you mean 'layoffShare'?"));
    }

    #[test]
    fn lenient_validation_keeps_the_good_entries() {
        let (scenario, errors) = validate_lenient(&text(
            Some("klarna-like"),
            &[("aiShare", "0.4"), ("bogus", "1"), ("layoffShare", "7")],
        ));
        assert_eq!(errors.len(), 2);
        assert_eq!(scenario.preset.name, "klarna-like");
        assert_eq!(scenario.params.ai_share, 0.4);
        assert_eq!(scenario.params.layoff_share, 0.33);
        assert_eq!(scenario.changed_keys(), ["aiShare"]);
    }

    #[test]
    fn a_cut_after_the_horizon_is_refused() {
        let err = validate(&text(
            None,
            &[("horizonMonths", "12"), ("layoffMonth", "12")],
        ))
        .unwrap_err();
        assert_eq!(err.0[0].code(), "cutAfterHorizon");
    }

    #[test]
    fn wrong_types_duplicates_and_floods_are_refused() {
        let raw = RawScenario {
            preset: None,
            values: vec![
                ("aiShare".into(), RawValue::WrongType("a boolean")),
                ("layoffShare".into(), RawValue::Number(0.2)),
                ("layoffShare".into(), RawValue::Number(0.3)),
                ("rehireShare".into(), RawValue::Number(f64::NAN)),
                ("aiShare".into(), RawValue::Text("1".repeat(41))),
            ],
        };
        let codes: Vec<_> = validate(&raw)
            .unwrap_err()
            .0
            .iter()
            .map(InputError::code)
            .collect();
        assert_eq!(codes, ["wrongType", "duplicate", "notFinite", "tooLong"]);
        let flood = RawScenario {
            preset: None,
            values: vec![("aiShare".into(), RawValue::Number(0.1)); MAX_ENTRIES + 1],
        };
        assert_eq!(validate(&flood).unwrap_err().0[0].code(), "tooManyEntries");
    }

    #[test]
    fn negative_zero_is_stored_as_zero() {
        let s = validate(&text(Some("status-quo"), &[("layoffShare", "-0")])).unwrap();
        assert!(s.params.layoff_share.is_sign_positive());
        assert!(s.changed_keys().is_empty());
    }
}

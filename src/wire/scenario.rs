//! Scenarios in: scenario files and JavaScript objects become a [`RawScenario`] for
//! `validate`, and the answer to "is this valid?" goes back out with each problem's code.

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

use super::{WireObject, SCENARIO_VERSION};
use crate::validate::{RawScenario, RawValue};

/// A scenario as stored in a file or passed from JavaScript:
/// `{"version": 1, "preset": "klarna-like", "params": {"aiShare": 0.5}}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioInput {
    /// Format version; absent means the current one.
    #[serde(default)]
    pub version: Option<u32>,
    /// The preset to start from.
    #[serde(default)]
    pub preset: Option<String>,
    /// Parameter overrides by wire key, in the order given; a repeated key is an error.
    #[serde(default)]
    pub params: WireParams,
}

/// The `params` object of a scenario: key/value pairs in arrival order. Unlike a map it
/// refuses a key given twice (`{"aiShare": 0.5, "aiShare": 0.6}`) instead of silently
/// keeping the last value.
#[derive(Debug, Default)]
pub struct WireParams(pub Vec<(String, WireValue)>);

impl<'de> Deserialize<'de> for WireParams {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Pairs;
        impl<'de> serde::de::Visitor<'de> for Pairs {
            type Value = WireParams;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object of parameter keys and numbers")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<WireParams, A::Error> {
                let mut pairs: Vec<(String, WireValue)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if pairs.iter().any(|(k, _)| *k == key) {
                        return Err(serde::de::Error::custom(format!(
                            "params gives '{}' more than once: each key may appear once",
                            crate::validate::quote(&key)
                        )));
                    }
                    let value = map.next_value::<WireValue>()?;
                    pairs.push((key, value));
                }
                Ok(WireParams(pairs))
            }
        }
        deserializer.deserialize_map(Pairs)
    }
}

/// Any JSON value, kept only as precisely as validation needs.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum WireValue {
    /// A number.
    Number(f64),
    /// A string, which may hold a number.
    Text(String),
    /// true or false.
    Bool(bool),
    /// A list.
    List(Vec<IgnoredAny>),
    /// An object.
    Object(WireObject<String, IgnoredAny>),
    /// null.
    Null,
}

impl ScenarioInput {
    /// Converts to the raw form `validate` reads. A wrong version is an error here, since a
    /// file from a newer build may mean something else by the same keys.
    pub fn into_raw(self) -> Result<RawScenario, String> {
        if let Some(v) = self.version {
            if v != SCENARIO_VERSION {
                return Err(format!(
                    "scenario version {v} is not supported: this build reads version {SCENARIO_VERSION}"
                ));
            }
        }
        let values = self
            .params
            .0
            .into_iter()
            .map(|(k, v)| {
                let raw = match v {
                    WireValue::Number(n) => RawValue::Number(n),
                    WireValue::Text(t) => RawValue::Text(t),
                    WireValue::Bool(_) => RawValue::WrongType("a boolean"),
                    WireValue::List(_) => RawValue::WrongType("a list"),
                    WireValue::Object(_) => RawValue::WrongType("an object"),
                    WireValue::Null => RawValue::WrongType("null"),
                };
                (k, raw)
            })
            .collect();
        Ok(RawScenario {
            preset: self.preset,
            values,
        })
    }
}

/// Parses a scenario file's JSON text into the raw form, with a message that says where and
/// what is wrong when it cannot.
pub fn parse_scenario_json(text: &str) -> Result<RawScenario, String> {
    const MAX_FILE_BYTES: usize = 64 * 1024;
    if text.len() > MAX_FILE_BYTES {
        return Err(format!(
            "the scenario file is {} bytes: at most {MAX_FILE_BYTES} are read",
            text.len()
        ));
    }
    // Some editors start UTF-8 files with a byte-order mark; it carries no meaning here.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let input: ScenarioInput = serde_json::from_str(text).map_err(|e| {
        format!(
            "the scenario file is not valid: {e} (expected {{\"version\": 1, \"preset\": \"NAME\", \"params\": {{\"key\": number}}}})"
        )
    })?;
    input.into_raw()
}

/// One input error on the wire, for the page to show next to its field.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputErrorWire {
    /// The parameter key, where the error is about one.
    pub key: Option<String>,
    /// A stable machine name of the kind of error (the page translates by it).
    pub code: &'static str,
    /// The English message.
    pub message: String,
}

impl From<&crate::validate::InputError> for InputErrorWire {
    fn from(e: &crate::validate::InputError) -> Self {
        InputErrorWire {
            key: e.key().map(str::to_owned),
            code: e.code(),
            message: e.to_string(),
        }
    }
}

/// The answer to "is this scenario valid?": the nearest valid scenario and what was ignored.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckedScenarioWire {
    /// The preset used.
    pub preset: &'static str,
    /// Every parameter of the nearest valid scenario.
    pub params: WireObject<&'static str, f64>,
    /// Keys that differ from the preset.
    pub changed: Vec<&'static str>,
    /// What was wrong and therefore ignored; empty when the input was valid.
    pub errors: Vec<InputErrorWire>,
}

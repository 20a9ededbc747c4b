//! The wire format: the only module that knows serde. It turns scenario files and JavaScript
//! objects into a [`crate::validate::RawScenario`] for `validate`, and model results into
//! camelCase records for JSON, JavaScript and CSV, one file per concern: [`scenario`] (in),
//! [`result`] (out), [`mod@tables`] (what the controls are built from), [`options`] (how a chart
//! looks), [`analysis`] (bands, tornado, map), [`requests`] (the wasm calls' limits) and
//! `language` (a language file, read natively). Field names here are an interface the page,
//! the CLI, the tests and readers' saved files rely on: add fields, never rename them.

use serde::{Deserialize, Serialize};

use crate::params::{Params, PARAMS};

pub mod analysis;
#[cfg(not(target_arch = "wasm32"))]
pub mod language;
pub mod options;
pub mod requests;
pub mod result;
pub mod scenario;
pub mod tables;

pub use analysis::*;
pub use options::*;
pub use requests::*;
pub use result::*;
pub use scenario::*;
pub use tables::*;

/// The scenario file format version this build reads and writes.
pub const SCENARIO_VERSION: u32 = 1;

/// Key/value pairs written as a JSON object in the order they are given, and read from one in
/// the order it arrives. Lighter than a `BTreeMap` in the browser build (no tree, no sort),
/// and it keeps the parameter table's order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WireObject<K, V>(pub Vec<(K, V)>);

impl<K, V> WireObject<K, V> {
    /// The value at `key`, if given.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
        Q: PartialEq + ?Sized,
    {
        self.0
            .iter()
            .find(|(k, _)| k.borrow() == key)
            .map(|(_, v)| v)
    }
}

impl<K, V> FromIterator<(K, V)> for WireObject<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        WireObject(pairs.into_iter().collect())
    }
}

impl<K: Serialize, V: Serialize> Serialize for WireObject<K, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for WireObject<String, V> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Pairs<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Pairs<V> {
            type Value = WireObject<String, V>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut pairs = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    pairs.push((key, map.next_value::<V>()?));
                }
                Ok(WireObject(pairs))
            }
        }
        deserializer.deserialize_map(Pairs(std::marker::PhantomData))
    }
}

/// A wire value written as pretty JSON (the CLI's `--format json`), so that code outside this
/// module never names serde.
pub trait ToJson {
    /// The value as pretty JSON.
    fn to_json(&self) -> Result<String, String>;
}

impl<T: Serialize> ToJson for T {
    fn to_json(&self) -> Result<String, String> {
        serde_json::to_string_pretty(self).map_err(|e| format!("cannot write JSON: {e}"))
    }
}

/// Every parameter by wire key, in the parameter table's order.
pub fn params_map(params: &Params) -> WireObject<&'static str, f64> {
    WireObject(PARAMS.iter().map(|s| (s.key, s.get(params))).collect())
}

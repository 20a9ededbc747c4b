//! Reading what the page hands back for drawing (the fan, the tornado, the regret map), the
//! scenario and the chart options straight from JavaScript values into their wire types, field by field.
//!
//! Why not serde here, as everywhere else on the wire: serde-wasm-bindgen's derived readers
//! for these nested lists cost the browser's download about as much as the rest of the wire
//! together (docs/PERFORMANCE.md, "One wasm module"), and these few shapes are plain. The
//! rules are serde's: every listed field, no other field (a misspelt one is refused by name),
//! numbers as numbers, whole numbers where the type is whole. The wire types' own checks
//! (`into_map`, `into_bars`, `to_band`, validation) then run unchanged.

use wasm_bindgen::{JsCast, JsValue};

use crate::wire::{
    BandWire, ChartOptionsWire, NumberStyleWire, RegretMapInput, ScenarioInput, SensitivityInput,
    TornadoBarInput, UncertaintyWire, WireObject, WireParams, WireValue,
};

/// What went wrong, with the path to it ("uncertainty.npv[2]").
type Read<T> = Result<T, String>;

/// One JavaScript object, its path for messages, after a check that it has no field beyond
/// `allowed`.
struct Object<'a> {
    value: &'a JsValue,
    path: String,
}

impl<'a> Object<'a> {
    fn new(value: &'a JsValue, path: &str, allowed: &[&str]) -> Read<Self> {
        let name = if path.is_empty() { "it" } else { path };
        if !value.is_object() || js_sys::Array::is_array(value) {
            return Err(format!("{name} must be an object"));
        }
        for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            if !allowed.contains(&key.as_str()) {
                return Err(format!(
                    "unknown field '{}' in {name} (expected {})",
                    crate::validate::quote(&key),
                    allowed.join(", ")
                ));
            }
        }
        Ok(Object {
            value,
            path: path.to_owned(),
        })
    }

    fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// A field; `undefined` and `null` both mean absent.
    fn get(&self, key: &str) -> Option<JsValue> {
        let value = js_sys::Reflect::get(self.value, &key.into()).unwrap_or(JsValue::UNDEFINED);
        (!value.is_undefined() && !value.is_null()).then_some(value)
    }

    fn need(&self, key: &str) -> Read<JsValue> {
        self.get(key)
            .ok_or_else(|| format!("{} is missing", self.path_of(key)))
    }

    fn number(&self, key: &str) -> Read<f64> {
        number(&self.need(key)?, &self.path_of(key))
    }

    fn maybe_number(&self, key: &str) -> Read<Option<f64>> {
        self.get(key)
            .map(|v| number(&v, &self.path_of(key)))
            .transpose()
    }

    fn whole(&self, key: &str) -> Read<u64> {
        whole(&self.need(key)?, &self.path_of(key))
    }

    fn text(&self, key: &str) -> Read<String> {
        let path = self.path_of(key);
        self.need(key)?
            .as_string()
            .ok_or_else(|| format!("{path} must be text"))
    }

    fn list(&self, key: &str) -> Read<Vec<JsValue>> {
        list(&self.need(key)?, &self.path_of(key))
    }

    fn numbers(&self, key: &str) -> Read<Vec<f64>> {
        numbers(&self.need(key)?, &self.path_of(key))
    }

    fn five(&self, key: &str) -> Read<[f64; 5]> {
        five(&self.need(key)?, &self.path_of(key))
    }
}

fn number(value: &JsValue, path: &str) -> Read<f64> {
    value
        .as_f64()
        .ok_or_else(|| format!("{path} must be a number"))
}

/// A whole number from 0 to 2^53 (every whole number a JavaScript number holds exactly).
fn whole(value: &JsValue, path: &str) -> Read<u64> {
    let n = number(value, path)?;
    if n.fract() == 0.0 && (0.0..=9_007_199_254_740_992.0).contains(&n) {
        Ok(n as u64)
    } else {
        Err(format!("{path} must be a whole number of at least 0"))
    }
}

fn list(value: &JsValue, path: &str) -> Read<Vec<JsValue>> {
    if js_sys::Array::is_array(value) {
        Ok(value.unchecked_ref::<js_sys::Array>().to_vec())
    } else {
        Err(format!("{path} must be a list"))
    }
}

fn numbers(value: &JsValue, path: &str) -> Read<Vec<f64>> {
    list(value, path)?
        .iter()
        .enumerate()
        .map(|(i, v)| number(v, &format!("{path}[{i}]")))
        .collect()
}

fn five(value: &JsValue, path: &str) -> Read<[f64; 5]> {
    let values = numbers(value, path)?;
    <[f64; 5]>::try_from(values.as_slice())
        .map_err(|_| format!("{path} must hold 5 numbers, not {}", values.len()))
}

/// The Monte Carlo result as `uncertainty()` returned it.
fn uncertainty(value: &JsValue, path: &str) -> Read<UncertaintyWire> {
    let o = Object::new(
        value,
        path,
        &[
            "draws",
            "seed",
            "percentiles",
            "month",
            "cumulativeDelta",
            "npv",
            "chanceNpvNegative",
            "chanceRegret",
            "regretMonth",
            "chanceRehire",
        ],
    )?;
    let month = o
        .list("month")?
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let path = format!("{}[{i}]", o.path_of("month"));
            u32::try_from(whole(v, &path)?).map_err(|_| format!("{path} is too large"))
        })
        .collect::<Read<Vec<u32>>>()?;
    let rows = o.list("cumulativeDelta")?;
    let cumulative_delta = rows
        .iter()
        .enumerate()
        .map(|(i, row)| five(row, &format!("{}[{i}]", o.path_of("cumulativeDelta"))))
        .collect::<Read<Vec<[f64; 5]>>>()?;
    let regret_month = o
        .get("regretMonth")
        .map(|v| five(&v, &o.path_of("regretMonth")))
        .transpose()?;
    Ok(UncertaintyWire {
        draws: usize::try_from(o.whole("draws")?).unwrap_or(usize::MAX),
        seed: o.whole("seed")?,
        percentiles: o.five("percentiles")?,
        month,
        cumulative_delta,
        npv: o.five("npv")?,
        chance_npv_negative: o.number("chanceNpvNegative")?,
        chance_regret: o.number("chanceRegret")?,
        regret_month,
        chance_rehire: o.number("chanceRehire")?,
    })
}

/// The fan the page hands to `render`: `{uncertainty, faded}`.
pub(super) fn band(value: &JsValue) -> Read<BandWire> {
    let o = Object::new(value, "", &["uncertainty", "faded"])?;
    let faded = match o.get("faded") {
        None => false,
        Some(v) => v.as_bool().ok_or("faded must be true or false")?,
    };
    Ok(BandWire {
        uncertainty: uncertainty(&o.need("uncertainty")?, "uncertainty")?,
        faded,
    })
}

/// The tornado as `sensitivity()` returned it: `{npv, bars}`.
pub(super) fn sensitivity(value: &JsValue) -> Read<SensitivityInput> {
    let o = Object::new(value, "", &["npv", "bars"])?;
    let bars = o
        .list("bars")?
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let b = Object::new(
                bar,
                &format!("bars[{i}]"),
                &[
                    "key",
                    "low",
                    "high",
                    "npvAtLow",
                    "npvAtHigh",
                    "swing",
                    "switchingValue",
                ],
            )?;
            Ok(TornadoBarInput {
                key: b.text("key")?,
                low: b.number("low")?,
                high: b.number("high")?,
                npv_at_low: b.number("npvAtLow")?,
                npv_at_high: b.number("npvAtHigh")?,
                swing: b.maybe_number("swing")?,
                switching_value: b.maybe_number("switchingValue")?,
            })
        })
        .collect::<Read<Vec<TornadoBarInput>>>()?;
    Ok(SensitivityInput {
        npv: o.number("npv")?,
        bars,
    })
}

/// The regret map as `regretMap()` returned it.
pub(super) fn regret_map(value: &JsValue) -> Read<RegretMapInput> {
    let o = Object::new(
        value,
        "",
        &["xKey", "yKey", "x", "y", "npv", "regretMonth", "current"],
    )?;
    let npv = o
        .list("npv")?
        .iter()
        .enumerate()
        .map(|(i, row)| numbers(row, &format!("npv[{i}]")))
        .collect::<Read<Vec<Vec<f64>>>>()?;
    let regret_month = o
        .list("regretMonth")?
        .iter()
        .enumerate()
        .map(|(i, row)| {
            list(row, &format!("regretMonth[{i}]"))?
                .iter()
                .enumerate()
                .map(|(j, cell)| {
                    if cell.is_null() {
                        return Ok(None);
                    }
                    let path = format!("regretMonth[{i}][{j}]");
                    u32::try_from(whole(cell, &path)?)
                        .map(Some)
                        .map_err(|_| format!("{path} is too large"))
                })
                .collect::<Read<Vec<Option<u32>>>>()
        })
        .collect::<Read<Vec<Vec<Option<u32>>>>>()?;
    let current = o.numbers("current")?;
    let current = <[f64; 2]>::try_from(current.as_slice())
        .map_err(|_| format!("current must hold 2 numbers, not {}", current.len()))?;
    Ok(RegretMapInput {
        x_key: o.text("xKey")?,
        y_key: o.text("yKey")?,
        x: o.numbers("x")?,
        y: o.numbers("y")?,
        npv,
        regret_month,
        current,
    })
}

/// A scenario, `{version, preset, params}`: each parameter's value kept as the page sent it
/// (a number, or text that may hold one); anything else is kept as its kind, for validation
/// to name.
pub(super) fn scenario(value: &JsValue) -> Read<ScenarioInput> {
    let o = Object::new(value, "", &["version", "preset", "params"])?;
    let version = o
        .get("version")
        .map(|v| {
            u32::try_from(whole(&v, "version")?).map_err(|_| "version is too large".to_owned())
        })
        .transpose()?;
    let preset = o
        .get("preset")
        .map(|v| v.as_string().ok_or("preset must be text"))
        .transpose()?;
    let mut params = Vec::new();
    if let Some(object) = o.get("params") {
        if !object.is_object() || js_sys::Array::is_array(&object) {
            return Err("params must be an object".to_owned());
        }
        for entry in js_sys::Object::entries(object.unchecked_ref::<js_sys::Object>()).iter() {
            let pair = entry.unchecked_into::<js_sys::Array>();
            let key = pair.get(0).as_string().unwrap_or_default();
            let v = pair.get(1);
            let value = if let Some(n) = v.as_f64() {
                WireValue::Number(n)
            } else if let Some(t) = v.as_string() {
                WireValue::Text(t)
            } else if let Some(b) = v.as_bool() {
                WireValue::Bool(b)
            } else if js_sys::Array::is_array(&v) {
                WireValue::List(Vec::new())
            } else if v.is_object() {
                WireValue::Object(Default::default())
            } else {
                WireValue::Null
            };
            params.push((key, value));
        }
    }
    Ok(ScenarioInput {
        version,
        preset,
        params: WireParams(params),
    })
}

/// How numbers are written: `{locale, currency, ratePerUsd}`.
pub(super) fn number_style(value: &JsValue) -> Read<NumberStyleWire> {
    let o = Object::new(value, "", &["locale", "currency", "ratePerUsd"])?;
    Ok(NumberStyleWire {
        locale: o.text("locale")?,
        currency: o.text("currency")?,
        rate_per_usd: o.number("ratePerUsd")?,
    })
}

/// Chart options: `{scale, theme, text, numbers}`, every field optional.
pub(super) fn chart_options(value: &JsValue) -> Read<ChartOptionsWire> {
    let o = Object::new(value, "", &["scale", "theme", "text", "numbers"])?;
    let mut text = Vec::new();
    if let Some(words) = o.get("text") {
        if !words.is_object() || js_sys::Array::is_array(&words) {
            return Err("text must be an object of words by key".to_owned());
        }
        for entry in js_sys::Object::entries(words.unchecked_ref::<js_sys::Object>()).iter() {
            let pair = entry.unchecked_into::<js_sys::Array>();
            let key = pair.get(0).as_string().unwrap_or_default();
            let word = pair
                .get(1)
                .as_string()
                .ok_or_else(|| format!("text.{} must be text", crate::validate::quote(&key)))?;
            text.push((key, word));
        }
    }
    Ok(ChartOptionsWire {
        scale: o.maybe_number("scale")?,
        theme: o
            .get("theme")
            .map(|v| v.as_string().ok_or("theme must be text"))
            .transpose()?,
        text: WireObject(text),
        numbers: o
            .get("numbers")
            .map(|v| number_style(&v).map_err(|e| format!("numbers: {e}")))
            .transpose()?,
    })
}

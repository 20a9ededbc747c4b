//! The number formatter the page writes every number with: the same `present` module as the
//! CLI and the charts, so the prose, the key numbers and the chart labels agree digit for
//! digit. Built from one request object; its methods take the number.

use wasm_bindgen::prelude::*;

use super::{plain_error, Request};
use crate::present::NumberStyle;
use crate::wire::fields;

/// Writes numbers for one reader: `new NumberFormatter({locale, currency, ratePerUsd})`.
#[wasm_bindgen]
pub struct NumberFormatter {
    style: NumberStyle,
}

#[wasm_bindgen]
impl NumberFormatter {
    /// A formatter for a language ("en", "id"), a currency ("USD", "IDR", "EUR") and its rate
    /// per US dollar.
    #[wasm_bindgen(constructor)]
    pub fn new(request_object: JsValue) -> Result<NumberFormatter, JsValue> {
        // Checked for unknown keys first (the message names the field), then read.
        let object = Request::new(request_object, "NumberFormatter", fields::NUMBER_STYLE)?.object;
        let wire = super::read::number_style(&object).map_err(|e| {
            plain_error(format!(
                "NumberFormatter: the request is not valid: {e} (expected {{locale, currency, ratePerUsd}})"
            ))
        })?;
        Ok(NumberFormatter {
            style: wire.into_style().map_err(plain_error)?,
        })
    }

    /// Money from US dollars, three significant digits in compact form ("$2.02M").
    pub fn money(&self, usd: f64) -> String {
        self.style.money(usd)
    }

    /// Money with all its digits and `min`..`max` decimals ("$5,080", "$0.20").
    #[wasm_bindgen(js_name = moneyFull)]
    pub fn money_full(&self, usd: f64, min_decimals: u32, max_decimals: u32) -> String {
        self.style.money_full(
            usd,
            min_decimals.min(6) as usize,
            max_decimals.min(6) as usize,
        )
    }

    /// A count of people or customers ("3,000", "559k").
    pub fn count(&self, n: f64) -> String {
        self.style.count(n)
    }

    /// A share as a percentage with at most `decimals` decimals ("36.5%").
    pub fn percent(&self, share: f64, decimals: u32) -> String {
        self.style.percent(share, decimals.min(6) as usize)
    }

    /// A plain number, grouped, with at most `decimals` decimals ("1,234.5").
    pub fn number(&self, value: f64, decimals: u32) -> String {
        self.style.number(value, decimals.min(6) as usize)
    }

    /// A plain number with exactly `decimals` decimals ("0.20").
    #[wasm_bindgen(js_name = numberFixed)]
    pub fn number_fixed(&self, value: f64, decimals: u32) -> String {
        self.style.number_fixed(value, decimals.min(6) as usize)
    }

    /// The decimal separator.
    #[wasm_bindgen(getter)]
    pub fn decimal(&self) -> String {
        self.style.decimal().to_string()
    }

    /// The digit-group separator.
    #[wasm_bindgen(getter)]
    pub fn group(&self) -> String {
        self.style.group().to_string()
    }

    /// The currency symbol as the language writes it ("$", "US$", "Rp").
    #[wasm_bindgen(getter, js_name = currencySymbol)]
    pub fn currency_symbol(&self) -> String {
        self.style.currency_symbol().to_owned()
    }
}

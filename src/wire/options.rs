//! How the page asks for a chart to look: scale, theme, translated words and number style.

use serde::Deserialize;

use super::WireObject;

/// Chart options as the page sends them: `{scale, theme, text, money}`, every field optional.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct ChartOptionsWire {
    /// Size factor (device pixel ratio times presentation size), 0.25 to 8.
    pub scale: Option<f64>,
    /// "light", "dark" or "projector".
    pub theme: Option<String>,
    /// Translated chart words by key.
    pub text: WireObject<String, String>,
    /// How numbers are written: language, currency and its rate.
    pub numbers: Option<NumberStyleWire>,
}

/// How numbers are written, as the page sends it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct NumberStyleWire {
    /// The language code ("en", "id").
    pub locale: String,
    /// The display currency ("USD", "IDR", "EUR").
    pub currency: String,
    /// Display units per US dollar.
    pub rate_per_usd: f64,
}

impl NumberStyleWire {
    /// Checks the style; the message says which field is wrong.
    pub fn into_style(self) -> Result<crate::present::NumberStyle, String> {
        use crate::present::{Currency, Locale, NumberStyle};
        let locale = Locale::from_code(&self.locale).ok_or_else(|| {
            format!(
                "unknown language '{}' (allowed: en, id)",
                crate::validate::quote(&self.locale)
            )
        })?;
        let currency = Currency::from_code(&self.currency).ok_or_else(|| {
            format!(
                "unknown currency '{}' (allowed: USD, IDR, EUR)",
                crate::validate::quote(&self.currency)
            )
        })?;
        let rate = self.rate_per_usd;
        if !(rate.is_finite() && rate > 0.0 && rate <= 1e6) {
            return Err(format!(
                "exchange rate {rate} is out of range: allowed above 0 up to 1000000 per USD"
            ));
        }
        Ok(NumberStyle {
            locale,
            currency,
            rate_per_usd: rate,
        })
    }
}

impl ChartOptionsWire {
    /// Checks the options and converts them; the message says which field is wrong.
    pub fn into_options(self) -> Result<crate::chart::ChartOptions, String> {
        use crate::chart::{ChartOptions, ChartText, Theme};
        let scale = self.scale.unwrap_or(1.0);
        if !(scale.is_finite() && (0.25..=8.0).contains(&scale)) {
            return Err(format!(
                "chart scale {scale} is out of range: allowed 0.25 to 8"
            ));
        }
        let theme = match self.theme.as_deref() {
            None | Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            Some("projector") => Theme::Projector,
            Some(other) => {
                return Err(format!(
                    "unknown chart theme '{}' (allowed: light, dark, projector)",
                    crate::validate::quote(other)
                ))
            }
        };
        let money = match self.numbers {
            None => crate::present::NumberStyle::english(),
            Some(style) => style.into_style()?,
        };
        Ok(ChartOptions {
            scale,
            theme,
            text: ChartText::new(self.text.0),
            money,
        })
    }
}

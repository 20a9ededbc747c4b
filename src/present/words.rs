//! Where the words come from: one language file per language (`www/i18n/en.json`,
//! `id.json`), read by the page in the browser and, in English, by the command line and the
//! golden tests through [`en`] here, so a sentence is written once per language. The browser
//! build carries no language file: [`en`] and [`en_entry`] exist only in native builds, so
//! a browser binding that reached for English would not compile.

#[cfg(not(target_arch = "wasm32"))]
use std::sync::OnceLock;

#[cfg(not(target_arch = "wasm32"))]
use crate::wire::language::LanguageFile;

/// The English language file, parsed once. It is part of the crate's sources and a test
/// checks that it parses, so a failure here is a build that was never tested: it reads as
/// an empty file rather than stopping the command line.
#[cfg(not(target_arch = "wasm32"))]
fn english() -> Option<&'static LanguageFile> {
    static ENGLISH: OnceLock<Option<LanguageFile>> = OnceLock::new();
    ENGLISH
        .get_or_init(|| LanguageFile::parse(include_str!("../../www/i18n/en.json")).ok())
        .as_ref()
}

/// The English text at a dotted path ("record.rows.rk1-1.metric"), or "" where there is none.
#[cfg(not(target_arch = "wasm32"))]
pub fn en(path: &str) -> &'static str {
    let parts: Vec<&str> = path.split('.').collect();
    english().and_then(|f| f.text(&parts)).unwrap_or("")
}

/// The English text of `key` in a section whose keys hold dots themselves ("chartText",
/// "chart.describe.month"), or "" where there is none.
#[cfg(not(target_arch = "wasm32"))]
pub fn en_entry(section: &str, key: &str) -> &'static str {
    english()
        .and_then(|f| f.text(&[section, key]))
        .unwrap_or("")
}

/// Fills `{name}` placeholders of a template; unknown placeholders stay as they are.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_file_says_what_the_parameter_table_says() {
        // The parameter table documents each input in English (rustdoc, the CLI); the page
        // reads the language file. They must say the same.
        for spec in crate::params::PARAMS {
            assert_eq!(
                en(&format!("params.{}.label", spec.key)),
                spec.label,
                "{}",
                spec.key
            );
            assert_eq!(
                en(&format!("params.{}.help", spec.key)),
                spec.explanation,
                "{}",
                spec.key
            );
        }
        for preset in crate::presets::PRESETS {
            for part in ["title", "summary", "caveat"] {
                assert!(!en(&format!("presets.{}.{part}", preset.name)).is_empty());
            }
        }
    }

    #[test]
    fn the_english_file_parses_and_has_every_record_row() {
        assert!(english().is_some_and(LanguageFile::is_object));
        for rows in [
            crate::record::KLARNA,
            crate::record::SALESFORCE,
            crate::record::CBA,
        ] {
            for row in rows {
                for part in ["reported", "metric"] {
                    let path = format!("record.rows.{}.{part}", row.key);
                    assert!(!en(&path).is_empty(), "{path} missing");
                }
            }
        }
    }
}

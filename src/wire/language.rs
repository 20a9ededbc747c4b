//! A language file (`www/i18n/*.json`) as the command line reads it: a tree of texts found by
//! their dotted keys. Native builds only; the page reads its language file itself.

/// A parsed language file.
#[derive(Debug)]
pub struct LanguageFile {
    root: serde_json::Value,
}

impl LanguageFile {
    /// Parses the JSON text of a language file.
    pub fn parse(text: &str) -> Result<LanguageFile, String> {
        serde_json::from_str(text)
            .map(|root| LanguageFile { root })
            .map_err(|e| format!("the language file is not valid JSON: {e}"))
    }

    /// The text at a path of keys (`["record", "rows", "rk1-1", "metric"]`), if there is one.
    pub fn text(&self, path: &[&str]) -> Option<&str> {
        path.iter()
            .try_fold(&self.root, |node, part| node.get(part))
            .and_then(serde_json::Value::as_str)
    }

    /// Whether the file has a top-level object (a sanity check for tests).
    pub fn is_object(&self) -> bool {
        self.root.is_object()
    }
}

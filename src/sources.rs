//! The sources behind every default, preset and claim, by the tags the parameter table and
//! the presets use ("K1", "C7", "OS01"). The page's sources list, the CLI and docs/MODEL.md
//! read this table.

use crate::params::Evidence;

/// One source.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Source {
    /// The tag used in the parameter table and presets.
    pub id: &'static str,
    /// A full citation a reader can look up.
    pub citation: &'static str,
    /// The kind of evidence it is.
    pub evidence: Evidence,
}

/// Every source, in the order the page lists them.
pub const SOURCES: &[Source] = &[];

/// Looks a source up by tag.
pub fn source(id: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.id == id)
}

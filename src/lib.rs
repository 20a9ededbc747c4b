//! Layoff What-If: what happens when a company cuts support staff, hands contacts to an AI,
//! and may have to hire people back.
//!
//! The crate is layered so that each layer knows only what it must (see ARCHITECTURE.md):
//! [`params`] is the table of inputs, [`presets`] names sets of them, [`validate`] turns raw
//! input from any source into checked [`params::Params`], [`model`] simulates, [`wire`] is the
//! only module that speaks serde, [`present`] writes every number and finds every word, [`report`] writes the CLI's text, [`cli`] is the command
//! line, and `wasm` (browser builds only) is the thin JavaScript surface.
#![warn(missing_docs)]

pub mod analysis;
pub mod chart;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod model;
pub mod params;
pub mod plausibility;
pub mod present;
pub mod preset_notes;
pub mod presets;
#[cfg(not(target_arch = "wasm32"))]
pub mod preview;
pub mod record;
pub mod report;
pub mod sort;
pub mod sources;
pub mod validate;
pub mod wire;

#[cfg(target_arch = "wasm32")]
mod wasm;

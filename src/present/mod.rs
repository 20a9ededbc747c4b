//! The presentation layer's one voice: how numbers are written ([`numbers`]), where the
//! words come from ([`words`]) and what the page shows first ([`policy`]). Nothing outside this module formats a number for a person
//! (ARCHITECTURE.md, invariants; tests/invariants.rs checks it).

pub mod numbers;
pub mod policy;
pub mod words;

pub use numbers::{fixed, Currency, Locale, NumberStyle, MINUS};

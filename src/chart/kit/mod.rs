//! The chart kit: everything the charts share, so that each chart file states only what it
//! draws. The theme (palettes, sizes, text metrics), the display list and its replay onto any
//! plotters backend, scales and ticks, axes, labels with their collision avoidance, layout,
//! and the marks several charts use (event markers, reported diamonds, stepped and stacked
//! bands).

mod axis;
mod canvas;
mod label;
mod layout;
mod marks;
mod scale;
mod svg;
mod theme;

pub use axis::*;
pub use canvas::*;
pub use label::*;
pub use layout::*;
pub use marks::*;
pub use scale::*;
pub use svg::svg_document;
pub use theme::*;

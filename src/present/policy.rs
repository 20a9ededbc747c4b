//! The presentation's policies, written once and published to the page as data (the tables'
//! `policy`): which sliders tell the story first, and the regret map's defaults and axes.

use crate::analysis::map;
use crate::params::PARAMS;

/// The sliders that change the story most: the first screen and a compact embed show these
/// two before any other (the cut, and how much of the work the AI takes).
pub const FIRST_SLIDERS: [&str; 2] = ["layoffShare", "aiShare"];

/// The regret map's colourings, the default first.
pub const MAP_METRICS: [&str; 2] = ["npv", "regret"];

/// Whether a scenario tells the "AI helps agents" story: the reader chose the augment preset
/// and has neither cut anyone nor handed contacts to an AI, so the headline, the key numbers,
/// the savings chart and its text all follow the augment path against keeping everyone. The
/// status-quo preset has the same values but tells the baseline's story (every difference is
/// zero), so the choice is the preset's, not the values'.
pub fn tells_augment_story(preset: &str, params: &crate::params::Params) -> bool {
    preset == "augment" && params.layoff_share == 0.0 && params.ai_share == 0.0
}

/// The keys a regret map can take as an axis, in the parameter table's order.
pub fn map_axes() -> Vec<&'static str> {
    PARAMS
        .iter()
        .filter(|s| map::is_axis(s))
        .map(|s| s.key)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_allowed() {
        let axes = map_axes();
        assert!(axes.contains(&map::DEFAULT_X) && axes.contains(&map::DEFAULT_Y));
        assert!(!axes.contains(&"modelDepth"));
        for key in FIRST_SLIDERS {
            assert!(crate::params::spec(key).is_some(), "{key}");
        }
    }
}

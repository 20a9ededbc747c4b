//! Native timings of the three analyses the page runs in its Web Worker, measured the way
//! `scripts/bench-analysis.mjs` measures them in the browser (two warm-up runs, then N timed
//! runs, a fresh seed each time), printed as one JSON line of milliseconds for the script to
//! read: `cargo run --release --example analysis_timings -- 9`.

use std::time::Instant;

use layoff_whatif::analysis::{map, sensitivity, uncertainty};
use layoff_whatif::presets;

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(9);
    let params = presets::preset("typical")
        .expect("the typical preset exists")
        .params();
    let time = |f: &mut dyn FnMut(u64)| -> Vec<f64> {
        let mut out = Vec::new();
        for i in 0..runs + 2 {
            let start = Instant::now();
            f(i as u64 + 1);
            let ms = start.elapsed().as_secs_f64() * 1e3;
            if i >= 2 {
                out.push(ms);
            }
        }
        out
    };
    let mc = time(&mut |seed| {
        std::hint::black_box(uncertainty::run(&params, 1000, seed));
    });
    let regret = time(&mut |_| {
        std::hint::black_box(
            map::regret_map(&params, map::DEFAULT_X, map::DEFAULT_Y, 41).expect("default axes"),
        );
    });
    let tornado = time(&mut |_| {
        std::hint::black_box(sensitivity::tornado(&params));
    });
    let list = |v: &[f64]| {
        v.iter()
            .map(|x| format!("{x:.4}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    println!(
        "{{\"uncertainty\":[{}],\"map\":[{}],\"sensitivity\":[{}]}}",
        list(&mc),
        list(&regret),
        list(&tornado)
    );
}

//! Benchmark of the model natively: one 48-month run (scenario, baseline and augment), a
//! batch of 10,000 runs with varied parameters, and the three analyses (Monte Carlo, regret
//! map, tornado). Prints the figures recorded in
//! docs/PERFORMANCE.md; run with `cargo bench --bench model`. No assertion: machines are
//! shared and noisy, so the figures are read, not enforced.

use std::hint::black_box;
use std::time::Instant;

use layoff_whatif::analysis::{map, sensitivity, uncertainty};
use layoff_whatif::model;
use layoff_whatif::presets;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let params = presets::preset("typical").unwrap().params();
    // Warm up caches and the allocator.
    for _ in 0..1000 {
        black_box(model::run(black_box(&params)));
    }

    // One run, timed in batches of 100 to see past the timer's resolution.
    let mut per_run_us = Vec::new();
    for _ in 0..200 {
        let start = Instant::now();
        for _ in 0..100 {
            black_box(model::run(black_box(&params)));
        }
        per_run_us.push(start.elapsed().as_secs_f64() * 1e6 / 100.0);
    }
    let one = median(per_run_us.clone());
    let best = per_run_us.iter().copied().fold(f64::INFINITY, f64::min);

    // 10,000 runs with the layoff share and AI share varied, as a Monte Carlo batch would.
    let mut batch_ms = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let mut npv_sum = 0.0;
        for i in 0..10_000 {
            let mut p = params.clone();
            p.layoff_share = 0.9 * (i % 100) as f64 / 100.0;
            p.ai_share = 0.95 * (i / 100) as f64 / 100.0;
            npv_sum += model::run(black_box(&p)).summary.npv_usd;
        }
        black_box(npv_sum);
        batch_ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    let batch = median(batch_ms);

    // The analyses the page runs in its worker.
    let time_ms = |f: &dyn Fn()| {
        let mut runs = Vec::new();
        for _ in 0..5 {
            let start = Instant::now();
            f();
            runs.push(start.elapsed().as_secs_f64() * 1e3);
        }
        median(runs)
    };
    let monte_carlo = time_ms(&|| {
        black_box(uncertainty::run(&params, 1000, 1));
    });
    let regret_map = time_ms(&|| {
        black_box(map::regret_map(&params, map::DEFAULT_X, map::DEFAULT_Y, 41).unwrap());
    });
    let tornado = time_ms(&|| {
        black_box(sensitivity::tornado(&params));
    });

    println!("model benchmark (48 months; scenario + baseline + augment per run)");
    println!("  one run:       median {one:.2} us, best {best:.2} us (target < 20 us)");
    println!(
        "  10,000 runs:   {batch:.1} ms, {:.2} us per run",
        batch * 1e3 / 10_000.0
    );
    println!("  Monte Carlo 1,000 draws: {monte_carlo:.1} ms");
    println!("  regret map 41 x 41:      {regret_map:.1} ms");
    println!("  tornado:                 {tornado:.1} ms");
}

//! The `layoff-whatif` command: a thin shell around `cli::run_cli`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let status = layoff_whatif::cli::run_cli(&args, &mut stdout.lock(), &mut stderr.lock());
    std::process::exit(status);
}

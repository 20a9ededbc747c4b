//! The `layoff-whatif` command: a thin shell around `cli::run_cli_os`.

fn main() {
    // `args_os`: an argument that is not UTF-8 gets a message and status 2, not a panic.
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let status = layoff_whatif::cli::run_cli_os(&args, &mut stdout.lock(), &mut stderr.lock());
    std::process::exit(status);
}

//! The command line for article authors and tests: `params`, `presets`, `run` (and the chart
//! and analysis commands). Arguments are parsed by hand (a few flags do not justify a parser
//! crate); every bad input ends with exit status 2 and a message saying what is wrong and
//! what is allowed. `run_cli` writes to the given streams, so tests call it in-process.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::time::Duration;

use crate::params::PARAMS;
use crate::present::fixed;
use crate::presets::PRESETS;
use crate::validate::{quote, validate, RawScenario, RawValue, Scenario};
use crate::wire::{self, ResultWire};
use crate::{model, report};

/// Exit status for bad input.
pub const EXIT_USAGE: i32 = 2;

/// The most bytes a scenario is read from a file or stdin; one more byte is read to tell a
/// file of exactly this size from a longer one, which is refused.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024;

/// How long a read may wait for its first bytes to the end before the CLI gives up and says
/// so (a pipe or terminal that never ends, a stalled network file).
pub const READ_TIMEOUT: Duration = Duration::from_secs(5);

const HELP: &str = "\
layoff-whatif: what happens when a company cuts support staff for AI, and may hire them back

USAGE:
  layoff-whatif params  [--format table|json|csv]
  layoff-whatif presets [--format table|json]
  layoff-whatif sources [--format table|json]   (every source tag with its citation)
  layoff-whatif run     [SCENARIO] [--format table|json|csv|golden]
  layoff-whatif uncertainty [SCENARIO] [--draws N] [--seed N] [--format table|json|csv]
  layoff-whatif sensitivity [SCENARIO] [--format table|json|csv]
  layoff-whatif map     [SCENARIO] [--x KEY] [--y KEY] [--cells N] [--format table|json|csv]
  layoff-whatif chart   [SCENARIO] --kind savings|headcount|costs|quality
                        [--width PX] [--height PX] [--theme light|dark|projector]   (SVG on stdout)
  layoff-whatif help | --version

SCENARIO is any of: --preset NAME, --scenario FILE.json (or - for stdin), --set key=value
(repeatable). Numbers are plain decimals: 0.5, -2, 1e3 (no spaces, commas, hex or Infinity).
A scenario file is a regular file of at most 64 KiB.

A scenario starts from a preset (default 'typical'), then applies the file's params, then
each --set in order. --preset overrides the file's preset. Keys and ranges: 'params'.
Scenario files look like {\"version\": 1, \"preset\": \"klarna-like\", \"params\": {\"aiShare\": 0.5}}.
Bad input exits with status 2 and says what is wrong.
";

/// A usage or input error: the message to print.
#[derive(Debug)]
pub struct CliError(pub String);

/// What one invocation asks for.
#[derive(Debug, Default)]
struct Args {
    command: String,
    /// Every flag given, to check it against what the command takes.
    used: Vec<&'static str>,
    format: Option<String>,
    preset: Option<String>,
    scenario_file: Option<String>,
    sets: Vec<(String, String)>,
    draws: Option<String>,
    seed: Option<String>,
    x: Option<String>,
    y: Option<String>,
    cells: Option<String>,
    kind: Option<String>,
    width: Option<String>,
    height: Option<String>,
    theme: Option<String>,
}

const SCENARIO_FLAGS: [&str; 3] = ["--preset", "--scenario", "--set"];

const KNOWN_FLAGS: [&str; 13] = [
    "--format",
    "--preset",
    "--scenario",
    "--set",
    "--draws",
    "--seed",
    "--x",
    "--y",
    "--cells",
    "--kind",
    "--width",
    "--height",
    "--theme",
];

fn parse_args(args: &[String]) -> Result<Args, CliError> {
    let mut it = args.iter();
    let command = match it.next().map(String::as_str) {
        None | Some("-h" | "--help") => "help".to_owned(),
        Some("-V" | "--version") => "version".to_owned(),
        Some(c) => c.to_owned(),
    };
    let mut parsed = Args {
        command,
        ..Args::default()
    };
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, CliError> {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| CliError(format!("{name} needs a value")))
        };
        if let Some(name) = KNOWN_FLAGS.iter().find(|k| **k == flag) {
            parsed.used.push(name);
        }
        match flag.as_str() {
            "--format" => parsed.format = Some(value("--format")?),
            "--preset" => parsed.preset = Some(value("--preset")?),
            "--scenario" => parsed.scenario_file = Some(value("--scenario")?),
            "--draws" => parsed.draws = Some(value("--draws")?),
            "--seed" => parsed.seed = Some(value("--seed")?),
            "--x" => parsed.x = Some(value("--x")?),
            "--y" => parsed.y = Some(value("--y")?),
            "--cells" => parsed.cells = Some(value("--cells")?),
            "--kind" => parsed.kind = Some(value("--kind")?),
            "--width" => parsed.width = Some(value("--width")?),
            "--height" => parsed.height = Some(value("--height")?),
            "--theme" => parsed.theme = Some(value("--theme")?),
            "--set" => {
                let pair = value("--set")?;
                let (k, v) = pair.split_once('=').ok_or_else(|| {
                    CliError(format!(
                        "--set '{}' must look like key=value, e.g. --set aiShare=0.5",
                        quote(&pair)
                    ))
                })?;
                parsed.sets.push((k.trim().to_owned(), v.to_owned()));
            }
            "-h" | "--help" => parsed.command = "help".to_owned(),
            other => {
                return Err(CliError(format!(
                    "unknown option '{}' (allowed: {}; see 'layoff-whatif help')",
                    quote(other),
                    KNOWN_FLAGS.join(", ")
                )))
            }
        }
    }
    Ok(parsed)
}

fn check_format(format: Option<&str>, allowed: &[&'static str]) -> Result<&'static str, CliError> {
    match format {
        None => Ok(allowed[0]),
        Some(f) => allowed.iter().copied().find(|a| *a == f).ok_or_else(|| {
            CliError(format!(
                "unknown format '{}' (allowed: {})",
                quote(f),
                allowed.join(", ")
            ))
        }),
    }
}

/// Reads a scenario from a regular file or, for "-", from stdin: at most [`MAX_INPUT_BYTES`],
/// and within [`READ_TIMEOUT`]. The read runs on its own thread so that a pipe which never
/// ends cannot hang the command; when the time is up the thread is left behind (the process
/// is about to exit with the message).
fn read_input(path: &str) -> Result<String, CliError> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let owned = path.to_owned();
    std::thread::spawn(move || {
        // The receiver may be gone after a timeout; there is nobody left to tell.
        let _ = sender.send(read_bounded(&owned));
    });
    let bytes = receiver.recv_timeout(READ_TIMEOUT).unwrap_or_else(|_| {
        Err(CliError(format!(
            "reading '{}' did not finish within {} seconds: give a scenario file, or end stdin (Ctrl+D)",
            quote(path),
            READ_TIMEOUT.as_secs()
        )))
    })?;
    String::from_utf8(bytes).map_err(|e| {
        CliError(format!(
            "'{}' is not UTF-8 text (bad byte at offset {}): a scenario file is JSON in UTF-8",
            quote(path),
            e.utf8_error().valid_up_to()
        ))
    })
}

fn read_bounded(path: &str) -> Result<Vec<u8>, CliError> {
    let shown = quote(path);
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| CliError(format!("cannot read stdin: {e}")))?;
    } else {
        // The type is read without opening: opening a FIFO with no writer would block.
        let meta = std::fs::metadata(path)
            .map_err(|e| CliError(format!("cannot read scenario file '{shown}': {e}")))?;
        if !meta.is_file() {
            return Err(CliError(format!(
                "'{shown}' is {}, not a regular file: give a scenario file, or - for stdin",
                file_kind(&meta)
            )));
        }
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| CliError(format!("cannot read scenario file '{shown}': {e}")))?;
    }
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        let name = if path == "-" {
            "stdin".to_owned()
        } else {
            format!("'{shown}'")
        };
        return Err(CliError(format!(
            "{name} holds more than {MAX_INPUT_BYTES} bytes: a scenario is at most 64 KiB"
        )));
    }
    Ok(bytes)
}

/// What kind of non-regular file a path names, for the message.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    if meta.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "a special file"
}

/// Builds the checked scenario an invocation describes: preset, file, then --set flags.
fn scenario_of(args: &Args) -> Result<Scenario, CliError> {
    let mut raw = match &args.scenario_file {
        Some(path) => {
            let text = read_input(path)?;
            let name = if path == "-" {
                "stdin".to_owned()
            } else {
                quote(path)
            };
            wire::parse_scenario_json(&text).map_err(|e| CliError(format!("{name}: {e}")))?
        }
        None => RawScenario::default(),
    };
    if args.preset.is_some() {
        raw.preset = args.preset.clone();
    }
    // A --set replaces the file's value for the same key rather than counting as a duplicate.
    for (k, v) in &args.sets {
        raw.values.retain(|(key, _)| key != k);
        raw.values.push((k.clone(), RawValue::Text(v.clone())));
    }
    validate(&raw).map_err(|e| CliError(e.to_string()))
}

fn json(value: &impl wire::ToJson) -> Result<String, CliError> {
    value.to_json().map(|s| s + "\n").map_err(CliError)
}

fn params_output(format: &str) -> Result<String, CliError> {
    Ok(match format {
        "json" => json(&wire::param_table())?,
        "csv" => {
            let mut out =
                String::from("key,label,unit,default,min,max,step,evidence,source,group,depth\n");
            for p in PARAMS {
                out.push_str(&format!(
                    "{},\"{}\",{},{},{},{},{},{},\"{}\",{},{}\n",
                    p.key,
                    p.label,
                    p.unit.key(),
                    p.default,
                    p.min,
                    p.max,
                    p.step,
                    p.evidence.key(),
                    p.source,
                    p.group.key(),
                    p.depth
                ));
            }
            out
        }
        _ => {
            let mut out = format!(
                "{:<28} {:>12} {:>22}  {:<18} {}\n",
                "key", "default", "range", "evidence", "unit and meaning"
            );
            for p in PARAMS {
                out.push_str(&format!(
                    "{:<28} {:>12} {:>22}  {:<18} {}: {} [{}]\n",
                    p.key,
                    p.default,
                    format!("{} to {}", p.min, p.max),
                    p.evidence.label(),
                    p.unit.label(),
                    p.explanation,
                    p.source
                ));
            }
            out
        }
    })
}

/// The sources: the page's source list reads the JSON (scripts/build.sh writes it next to the
/// wasm), so the citations live in one place (src/sources.rs) and not in the wasm.
fn sources_output(format: &str) -> Result<String, CliError> {
    Ok(match format {
        "json" => json(&wire::source_table())?,
        _ => wire::source_table()
            .iter()
            .map(|s| format!("{}  [{}]  {}\n", s.id, s.evidence, s.citation))
            .collect(),
    })
}

fn presets_output(format: &str) -> Result<String, CliError> {
    Ok(match format {
        "json" => json(&wire::preset_table())?,
        _ => {
            let mut out = String::new();
            for p in PRESETS {
                out.push_str(&format!(
                    "{}\n  {}\n  {}\n  Caveat: {}\n  Sources: {}\n",
                    p.name,
                    p.title(),
                    p.summary(),
                    p.caveat(),
                    p.sources
                ));
                for v in p.values {
                    out.push_str(&format!(
                        "    {} = {}  [{}: {}]\n",
                        v.key,
                        v.value,
                        v.evidence.label(),
                        crate::preset_notes::note(p.name, v.key)
                    ));
                }
            }
            out
        }
    })
}

fn run_output(args: &Args) -> Result<String, CliError> {
    let format = check_format(args.format.as_deref(), &["table", "json", "csv", "golden"])?;
    let scenario = scenario_of(args)?;
    let outcome = model::run(&scenario.params);
    Ok(match format {
        "json" => json(&ResultWire::new(&scenario, &outcome))?,
        "csv" => report::series_csv_with_record(&scenario, &outcome),
        "golden" => report::golden(&scenario, &outcome),
        _ => report::people::table(&scenario, &outcome),
    })
}

/// The plausibility warnings of a `run`, in English, for stderr (the JSON carries them too).
fn warnings_of(args: &Args) -> Vec<String> {
    if args.command != "run" {
        return Vec::new();
    }
    match scenario_of(args) {
        Ok(scenario) => {
            let outcome = model::run(&scenario.params);
            crate::plausibility::warnings(&scenario.params, &outcome)
                .into_iter()
                .map(|w| w.english())
                .collect()
        }
        Err(_) => Vec::new(),
    }
}

/// Reads a whole number flag inside a range.
fn whole_flag(
    name: &str,
    text: Option<&str>,
    default: u64,
    range: std::ops::RangeInclusive<u64>,
) -> Result<u64, CliError> {
    let Some(text) = text else {
        return Ok(default);
    };
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    match text.parse::<u64>() {
        Ok(n) if digits && range.contains(&n) => Ok(n),
        _ => Err(CliError(format!(
            "{name} '{}' must be a whole number from {} to {}",
            quote(text),
            range.start(),
            range.end()
        ))),
    }
}

fn uncertainty_output(args: &Args) -> Result<String, CliError> {
    use crate::analysis::uncertainty::{self, MAX_DRAWS};
    let format = check_format(args.format.as_deref(), &["table", "json", "csv"])?;
    let draws = whole_flag("--draws", args.draws.as_deref(), 1000, 1..=MAX_DRAWS as u64)?;
    let seed = whole_flag("--seed", args.seed.as_deref(), 1, 0..=u64::MAX)?;
    let scenario = scenario_of(args)?;
    let result = uncertainty::run_with(
        &scenario.params,
        &crate::analysis::Ranges::new(scenario.preset, &scenario.params),
        draws as usize,
        seed,
    );
    let wire = wire::UncertaintyWire::from(&result);
    Ok(match format {
        "json" => json(&wire)?,
        "csv" => {
            let mut out = String::from("month,p10,p25,p50,p75,p90\n");
            for (m, q) in wire.month.iter().zip(&wire.cumulative_delta) {
                out.push_str(&format!("{m},{}\n", q.map(fixed).join(",")));
            }
            out
        }
        _ => report::people::uncertainty_table(&wire),
    })
}

fn sensitivity_output(args: &Args) -> Result<String, CliError> {
    let format = check_format(args.format.as_deref(), &["table", "json", "csv"])?;
    let scenario = scenario_of(args)?;
    let npv = model::run(&scenario.params).summary.npv_usd;
    let bars = crate::analysis::sensitivity::tornado_with(
        &scenario.params,
        &crate::analysis::Ranges::new(scenario.preset, &scenario.params),
    );
    let wire = wire::SensitivityWire::new(npv, &bars);
    Ok(match format {
        "json" => json(&wire)?,
        "csv" => {
            let mut out = String::from("key,low,high,npvAtLow,npvAtHigh,swing,switchingValue\n");
            for b in &wire.bars {
                out.push_str(&format!(
                    "{},{},{},{},{},{},{}\n",
                    b.key,
                    b.low,
                    b.high,
                    fixed(b.npv_at_low),
                    fixed(b.npv_at_high),
                    fixed(b.swing),
                    b.switching_value
                        .map_or_else(String::new, |v| v.to_string())
                ));
            }
            out
        }
        _ => report::people::sensitivity_table(&wire),
    })
}

fn map_output(args: &Args) -> Result<String, CliError> {
    use crate::analysis::map;
    let format = check_format(args.format.as_deref(), &["table", "json", "csv"])?;
    let cells = whole_flag(
        "--cells",
        args.cells.as_deref(),
        map::DEFAULT_CELLS as u64,
        *map::CELL_RANGE.start() as u64..=*map::CELL_RANGE.end() as u64,
    )?;
    let scenario = scenario_of(args)?;
    let x = args.x.as_deref().unwrap_or(map::DEFAULT_X);
    let y = args.y.as_deref().unwrap_or(map::DEFAULT_Y);
    for axis in [x, y] {
        if crate::params::spec(axis).is_none() {
            return Err(CliError(format!(
                "unknown map axis '{}' (run 'layoff-whatif params' for the keys)",
                quote(axis)
            )));
        }
    }
    let result = map::regret_map(&scenario.params, x, y, cells as usize)
        .map_err(|e| CliError(e.to_string()))?;
    let wire = wire::RegretMapWire::from(&result);
    Ok(match format {
        "json" => json(&wire)?,
        "csv" => {
            let mut out = format!("{},{},npv,regretMonth\n", wire.x_key, wire.y_key);
            for (r, yv) in wire.y.iter().enumerate() {
                for (c, xv) in wire.x.iter().enumerate() {
                    out.push_str(&format!(
                        "{xv},{yv},{},{}\n",
                        fixed(wire.npv[r][c]),
                        wire.regret_month[r][c].map_or_else(String::new, |m| m.to_string())
                    ));
                }
            }
            out
        }
        _ => report::people::map_table(&wire),
    })
}

fn chart_output(args: &Args) -> Result<String, CliError> {
    use crate::chart::{self, ChartData, ChartKind};
    let kind_text = args.kind.as_deref().ok_or_else(|| {
        CliError("chart needs --kind (allowed: savings, headcount, costs, quality)".to_owned())
    })?;
    let kind = ChartKind::from_key(kind_text).ok_or_else(|| {
        CliError(format!(
            "unknown chart '{}' (allowed: savings, headcount, costs, quality)",
            quote(kind_text)
        ))
    })?;
    let width = whole_flag("--width", args.width.as_deref(), 800, 200..=4000)?;
    let height = whole_flag("--height", args.height.as_deref(), 500, 150..=4000)?;
    let options = wire::ChartOptionsWire {
        theme: args.theme.clone(),
        ..wire::ChartOptionsWire::default()
    }
    .into_options()
    .map_err(CliError)?;
    let scenario = scenario_of(args)?;
    let outcome = model::run(&scenario.params);
    let data = ChartData {
        outcome: &outcome,
        params: &scenario.params,
        compare: None,
        band: None,
        record: crate::record::for_preset(scenario.preset.name),
        augment_story: crate::present::policy::tells_augment_story(
            scenario.preset.name,
            &scenario.params,
        ),
    };
    chart::svg(kind, &data, &options, width as u32, height as u32)
        .map_err(|e| CliError(e.to_string()))
}

fn dispatch(args: &Args) -> Result<String, CliError> {
    let only = |allowed: &[&str]| -> Result<(), CliError> {
        match args.used.iter().find(|f| !allowed.contains(f)) {
            Some(flag) => Err(CliError(format!(
                "'{}' does not take {flag}: it takes only {}",
                quote(&args.command),
                allowed.join(", ")
            ))),
            None => Ok(()),
        }
    };
    let with_scenario = |extra: &[&'static str]| -> Vec<&'static str> {
        let mut all = vec!["--format"];
        all.extend(SCENARIO_FLAGS);
        all.extend(extra);
        all
    };
    match args.command.as_str() {
        "help" => Ok(HELP.to_owned()),
        "version" => {
            only(&[])?;
            Ok(format!("layoff-whatif {}\n", env!("CARGO_PKG_VERSION")))
        }
        "params" => {
            only(&["--format"])?;
            params_output(check_format(args.format.as_deref(), &["table", "json", "csv"])?)
        }
        "presets" => {
            only(&["--format"])?;
            presets_output(check_format(args.format.as_deref(), &["table", "json"])?)
        }
        "sources" => {
            only(&["--format"])?;
            sources_output(check_format(args.format.as_deref(), &["table", "json"])?)
        }
        "run" => {
            only(&with_scenario(&[]))?;
            run_output(args)
        }
        "uncertainty" => {
            only(&with_scenario(&["--draws", "--seed"]))?;
            uncertainty_output(args)
        }
        "sensitivity" => {
            only(&with_scenario(&[]))?;
            sensitivity_output(args)
        }
        "map" => {
            only(&with_scenario(&["--x", "--y", "--cells"]))?;
            map_output(args)
        }
        "chart" => {
            only(&with_scenario(&["--kind", "--width", "--height", "--theme"]))?;
            if args.format.is_some() {
                return Err(CliError("chart writes SVG; it takes no --format".to_owned()));
            }
            chart_output(args)
        }
        other => Err(CliError(format!(
            "unknown command '{}' (allowed: params, presets, sources, run, uncertainty, sensitivity, map, chart, help, --version)",
            quote(other)
        ))),
    }
}

/// Runs one invocation as the operating system gives it (`args` without the program name):
/// an argument that is not UTF-8 is refused with exit status 2, never a panic.
pub fn run_cli_os(args: &[OsString], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut texts = Vec::with_capacity(args.len());
    for (i, arg) in args.iter().enumerate() {
        match arg.to_str() {
            Some(text) => texts.push(text.to_owned()),
            None => {
                let _ = writeln!(
                    err,
                    "error: argument {} ('{}') is not valid UTF-8: keys, values and file names must be UTF-8 text",
                    i + 1,
                    quote(&arg.to_string_lossy())
                );
                return EXIT_USAGE;
            }
        }
    }
    run_cli(&texts, out, err)
}

/// Runs one invocation (`args` without the program name) and returns the exit status.
pub fn run_cli(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match parse_args(args).and_then(|a| Ok((dispatch(&a)?, warnings_of(&a)))) {
        Ok((text, warnings)) => {
            for warning in warnings {
                let _ = writeln!(err, "warning: {warning}");
            }
            match out.write_all(text.as_bytes()) {
                Ok(()) => 0,
                // A closed pipe (| head) is not an error worth a message.
                Err(_) => 0,
            }
        }
        Err(CliError(message)) => {
            // Each echo is quoted where it is made; this is the last line of defence for a
            // message built from a value that was not (no raw control character ever leaves).
            let safe: String = message
                .split('\n')
                .map(|line| {
                    line.chars()
                        .map(|c| {
                            if crate::validate::must_escape(c) {
                                format!("\\u{:04x}", c as u32)
                            } else {
                                c.to_string()
                            }
                        })
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join("\nerror: ");
            let _ = writeln!(err, "error: {safe}");
            EXIT_USAGE
        }
    }
}

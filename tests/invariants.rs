//! The architecture's invariants (ARCHITECTURE.md, "Invariants"), each stated as an absence
//! and checked here by reading the sources, as a lint would: a change that breaks one fails
//! `cargo test` with the file and line that broke it.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` (relative to the crate root) with the extension `ext`.
fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, ext, out);
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join(dir), ext, &mut out);
    out.sort();
    out
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The lines of a file that are code, not comments and not the file's unit tests (from a
/// top-level `#[cfg(test)]` on), with their numbers.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let text = fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .take_while(|line| *line != "#[cfg(test)]")
        .enumerate()
        .filter(|(_, line)| {
            let t = line.trim_start();
            !(t.starts_with("//") || t.starts_with("*") || t.starts_with("/*"))
        })
        .map(|(i, line)| (i + 1, line.to_owned()))
        .collect()
}

/// Where a forbidden word appears outside the allowed places: "file:line: text".
fn offences(dir: &str, ext: &str, allowed: &[&str], found: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    for path in files(dir, ext) {
        let name = relative(&path);
        if allowed.iter().any(|a| name.starts_with(a)) {
            continue;
        }
        for (n, line) in code_lines(&path) {
            if found(&line) {
                out.push(format!("{name}:{n}: {}", line.trim()));
            }
        }
    }
    out
}

#[test]
fn nothing_outside_the_wire_layer_knows_serde() {
    // src/wire turns everything into and out of JSON and JavaScript shapes; src/wasm is the
    // JavaScript surface, which hands JS values to serde-wasm-bindgen and the wire types.
    let found = offences("src", "rs", &["src/wire/", "src/wasm/"], |line| {
        line.contains("serde")
    });
    assert!(
        found.is_empty(),
        "serde outside src/wire:\n{}",
        found.join("\n")
    );
}

/// Whether a line writes a float with a precision ("{:.2}", "{x:>8.1}") or an exponent
/// ("{:e}"): how Rust formats a float, which only src/present may do.
fn formats_a_float(line: &str) -> bool {
    let argument = |name: &str| name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let mut rest = line;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let spec = &after[..close];
        if let Some((_, format)) = spec.split_once(':').filter(|(name, _)| argument(name)) {
            let digits_after_dot = format
                .split_once('.')
                .is_some_and(|(_, d)| d.chars().next().is_some_and(|c| c.is_ascii_digit()));
            if digits_after_dot || format.ends_with('e') || format.ends_with('E') {
                return true;
            }
        }
        rest = &after[close..];
    }
    false
}

#[test]
fn the_float_format_lint_sees_what_it_should() {
    assert!(formats_a_float(r#"format!("{:.2}", x)"#));
    assert!(formats_a_float(r#"write!(out, " {x:>8.1}")"#));
    assert!(formats_a_float(r#"format!("{:e}", x)"#));
    assert!(!formats_a_float(r#"format!("{:>10}", text)"#));
    assert!(!formats_a_float(
        r#"Scenario files look like {\"preset\": \"typical\", \"aiShare\": 0.5}"#
    ));
}

#[test]
fn nothing_outside_present_formats_a_number_for_a_person() {
    let found = offences("src", "rs", &["src/present/"], formats_a_float);
    assert!(
        found.is_empty(),
        "numbers formatted outside src/present:\n{}",
        found.join("\n")
    );
    // The page writes its numbers through the model's formatter (www/js/format.js).
    let found = offences("www/js", "js", &["www/js/format.js"], |line| {
        line.contains("Intl.NumberFormat")
            || line.contains("toLocaleString(")
            || line.contains(".toFixed(")
    });
    assert!(
        found.is_empty(),
        "numbers formatted outside format.js:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_model_sees_no_dom_clock_or_unseeded_randomness() {
    let forbidden = [
        "web_sys",
        "js_sys",
        "wasm_bindgen",
        "std::time",
        "Instant::",
        "SystemTime",
        "thread_rng",
        "rand::",
    ];
    let mut found = Vec::new();
    for dir in [
        "src/model.rs",
        "src/params.rs",
        "src/validate.rs",
        "src/presets.rs",
        "src/record.rs",
        "src/analysis/",
    ] {
        for path in files("src", "rs") {
            let name = relative(&path);
            if !name.starts_with(dir) {
                continue;
            }
            for (n, line) in code_lines(&path) {
                if forbidden.iter().any(|f| line.contains(f)) {
                    found.push(format!("{name}:{n}: {}", line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the model reaches outside itself:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_wasm_binding_takes_one_request_object() {
    // Adding an option touches one request, never a list of positional arguments. Methods of
    // the number formatter take `&self` and the number they write.
    let mut found = Vec::new();
    for path in files("src/wasm", "rs") {
        let text = fs::read_to_string(&path).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if !line.trim_start().starts_with("#[wasm_bindgen") || line.contains("start") {
                continue;
            }
            let Some(signature) = lines[i + 1..].iter().find(|l| l.contains("fn ")) else {
                continue;
            };
            if signature.contains("&self") || line.contains("getter") {
                continue;
            }
            let args = signature.split_once('(').map_or("", |(_, a)| a);
            let args = args.split_once(')').map_or(args, |(a, _)| a);
            let count = args.split(',').filter(|a| !a.trim().is_empty()).count();
            if count > 1 {
                found.push(format!(
                    "{}:{}: {}",
                    relative(&path),
                    i + 2,
                    signature.trim()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "bindings with more than one argument:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_source_file_says_what_it_is_for() {
    let mut found = Vec::new();
    for (dir, ext, opening) in [
        ("src", "rs", "//!"),
        ("tests", "rs", "//!"),
        ("www/js", "js", "//"),
    ] {
        for path in files(dir, ext) {
            let text = fs::read_to_string(&path).unwrap_or_default();
            if !text.trim_start().starts_with(opening) {
                found.push(relative(&path));
            }
        }
    }
    assert!(
        found.is_empty(),
        "files without an opening line on their purpose:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_browser_build_carries_no_language_file() {
    // The English words are read from the language file natively only; a browser binding that
    // reached for them would put the whole file in the wasm (ARCHITECTURE.md, "One source of
    // words").
    let words = fs::read_to_string(root().join("src/present/words.rs")).unwrap_or_default();
    for name in ["fn english()", "pub fn en(", "pub fn en_entry("] {
        let at = words.find(name).unwrap_or_else(|| panic!("{name} is gone"));
        let before = &words[..at];
        let attribute = before.rfind("#[cfg(not(target_arch = \"wasm32\"))]");
        let last_item = before.rfind("\n}\n").unwrap_or(0);
        assert!(
            attribute.is_some_and(|a| a > last_item),
            "{name} must be native-only"
        );
    }
}

/// The chart functions whose name starts with `draw` and how long each is: "file:line: name
/// (n lines)", from its `fn` line to the closing brace at the same indentation.
fn long_draw_functions(limit: usize) -> Vec<String> {
    let mut out = Vec::new();
    for path in files("src/chart", "rs") {
        let text = fs::read_to_string(&path).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let body = line.trim_start();
            let indent = &line[..line.len() - body.len()];
            let signature = body.strip_prefix("pub ").unwrap_or(body);
            let Some(name) = signature.strip_prefix("fn draw") else {
                continue;
            };
            let close = format!("{indent}}}");
            let Some(end) = lines[i..].iter().position(|l| *l == close) else {
                continue;
            };
            if end + 1 > limit {
                let name: String = name
                    .chars()
                    .take_while(|c| *c != '(' && *c != '<')
                    .collect();
                let at = relative(&path);
                out.push(format!("{at}:{}: draw{name} ({} lines)", i + 1, end + 1));
            }
        }
    }
    out
}

#[test]
fn no_draw_function_is_over_80_lines() {
    // A chart reads in one screen: each draw function is a short list of named steps, and
    // the kit owns the rest (ARCHITECTURE.md, src/chart).
    let found = long_draw_functions(80);
    assert!(
        found.is_empty(),
        "draw functions over 80 lines:\n{}",
        found.join("\n")
    );
    // The lint sees what it should: at a limit of 20 lines some draw functions are longer.
    assert!(!long_draw_functions(20).is_empty());
}

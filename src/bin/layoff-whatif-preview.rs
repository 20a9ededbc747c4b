//! Writes the social preview images (src/preview.rs) for scripts/dist.mjs: one 1200x630 PNG
//! per preset. A separate binary because the main CLI writes text to stdout and a PNG is bytes.
//!
//!   layoff-whatif-preview --out-dir DIR [--base-url URL]     every preset: DIR/preview-NAME.png
//!   layoff-whatif-preview --preset NAME --out FILE [--base-url URL]
//!
//! With --base-url (an absolute http(s) address of the published folder) the image's source
//! line carries the preset's link, URL?preset=NAME; without it, the licence line. Bad input
//! exits with status 2 and a message saying what is allowed.

use std::path::PathBuf;
use std::process::ExitCode;

use layoff_whatif::presets::PRESETS;
use layoff_whatif::preview;
use layoff_whatif::validate::quote;

const USAGE: &str = "usage: layoff-whatif-preview (--out-dir DIR | --preset NAME --out FILE) [--base-url https://host/path/]";

/// The published folder's address with a trailing slash, or why it cannot be one.
fn check_base_url(text: &str) -> Result<String, String> {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .ok_or_else(|| {
            format!(
                "--base-url '{}' must start with https:// or http://",
                quote(text)
            )
        })?;
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() {
        return Err(format!("--base-url '{}' has no host name", quote(text)));
    }
    if text.contains(['?', '#'])
        || text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
    {
        return Err(format!(
            "--base-url '{}' must be a plain address of a folder: no query (?), fragment (#), spaces, quotes or angle brackets",
            quote(text)
        ));
    }
    Ok(if text.ends_with('/') {
        text.to_owned()
    } else {
        format!("{text}/")
    })
}

fn run(args: &[String]) -> Result<(), String> {
    let (mut out_dir, mut out, mut preset, mut base) = (None, None, None, None);
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
        };
        match flag.as_str() {
            "--out-dir" => out_dir = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--preset" => preset = Some(value()?),
            "--base-url" => base = Some(check_base_url(&value()?)?),
            other => return Err(format!("unknown option '{}'\n{USAGE}", quote(other))),
        }
    }
    let jobs: Vec<_> = match (out_dir, preset, out) {
        (Some(dir), None, None) => PRESETS
            .iter()
            .map(|p| (p, dir.join(format!("preview-{}.png", p.name))))
            .collect(),
        (None, Some(name), Some(file)) => {
            let p = PRESETS.iter().find(|p| p.name == name).ok_or_else(|| {
                let names: Vec<_> = PRESETS.iter().map(|p| p.name).collect();
                format!(
                    "unknown preset '{}' (allowed: {})",
                    quote(&name),
                    names.join(", ")
                )
            })?;
            vec![(p, file)]
        }
        _ => return Err(USAGE.to_owned()),
    };
    for (preset, file) in jobs {
        let link = base.as_ref().map(|b| format!("{b}?preset={}", preset.name));
        let text = preview::text_for(preset, link.as_deref()).map_err(|e| e.to_string())?;
        let png = preview::png(preset, &text).map_err(|e| e.to_string())?;
        if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::write(&file, png).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = match std::env::args_os()
        .skip(1)
        .map(|a| a.into_string())
        .collect()
    {
        Ok(args) => args,
        Err(_) => {
            eprintln!("error: arguments must be UTF-8 text");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check_base_url;

    #[test]
    fn a_base_url_is_an_absolute_folder_address() {
        assert_eq!(
            check_base_url("https://example.org/whatif").unwrap(),
            "https://example.org/whatif/"
        );
        assert_eq!(check_base_url("http://a.b/").unwrap(), "http://a.b/");
        for bad in [
            "example.org",
            "https://",
            "https://a.b/?x=1",
            "https://a.b/#x",
            "https://a b/",
            "ftp://a.b/",
            "https://a.b/\"x",
        ] {
            assert!(check_base_url(bad).is_err(), "{bad}");
        }
    }
}

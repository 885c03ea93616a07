//! Writes the group's sources into the page's Content Security Policy (`publish::csp`), so the
//! app may read a sheet published on another site and nothing else. Every build runs it on
//! `index.html` (`scripts/post-build.sh`), before 404.html is copied from it.
//!
//! Usage: cargo run --example site_policy -- CONFIG.json PAGE.html

use circle::model::GroupConfig;
use circle::publish::csp;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [config_path, page_path] = args.as_slice() else {
        eprintln!("usage: site_policy CONFIG.json PAGE.html");
        return ExitCode::from(2);
    };
    let run = || -> Result<(), Box<dyn std::error::Error>> {
        // No config.json: the app runs on its defaults, with no sources.
        let config = match std::fs::read_to_string(config_path) {
            Ok(text) => GroupConfig::read(&text).map(|(config, _)| config)?,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => GroupConfig::default(),
            Err(error) => return Err(error.into()),
        };
        let page = std::fs::read_to_string(page_path)?;
        std::fs::write(page_path, csp::with_sources(&page, &config)?)?;
        Ok(())
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("site_policy: {error}");
            ExitCode::FAILURE
        }
    }
}

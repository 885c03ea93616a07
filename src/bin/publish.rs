//! `publish`: a group's static JSON API and plain HTML board from its snapshots and published
//! sheets. The work is in `circle::publish`; `--help` lists the flags, `docs/api.md` the files.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use circle::publish::{self, args};
    use std::process::ExitCode;
    let options = match args::Options::parse(std::env::args().skip(1), |name| {
        std::env::var(name).ok()
    }) {
        Ok(options) if options.help => {
            println!("{}", args::USAGE);
            return ExitCode::SUCCESS;
        }
        Ok(options) if options.public_key => {
            return match options.signer() {
                Ok(Some(signer)) => {
                    println!("{}", signer.key());
                    ExitCode::SUCCESS
                }
                Ok(None) => {
                    eprintln!("publish: --public-key needs --key-file FILE or CIRCLE_PUBLISH_SEED");
                    ExitCode::from(2)
                }
                Err(message) => {
                    eprintln!("publish: {message}");
                    ExitCode::FAILURE
                }
            };
        }
        Ok(options) => options,
        Err(args::ArgError(message)) => {
            eprintln!("publish: {message}\n\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    let clock_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| {
            u64::try_from(since.as_millis()).unwrap_or(u64::MAX)
        });
    let inputs = match options.inputs(clock_ms) {
        Ok(inputs) => inputs,
        Err(message) => {
            eprintln!("publish: {message}");
            return ExitCode::FAILURE;
        }
    };
    let published = publish::publish(&inputs);
    eprint!("{}", publish::report::text(&published));
    if published.failed() {
        eprintln!("publish: nothing written, since a source could not be read");
        return ExitCode::FAILURE;
    }
    if let Err(error) = publish::write(&published, &options.out) {
        eprintln!("publish: {}: {error}", options.out.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "publish: wrote {} files under {}",
        published.files.len(),
        options.out.display()
    );
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}

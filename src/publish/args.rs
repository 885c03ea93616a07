//! The command line of `publish` (see [`USAGE`]), read without a parsing library: a handful of
//! flags do not need one, and the native build stays quick.

use super::{Holds, Inputs, Source};
use crate::i18n::Lang;
use crate::model::trust::vouch;
use crate::model::{GroupConfig, Signer};
use crate::sources::encrypted_board;
use crate::sources::sheet::dates::{self, DateOrder};
use std::path::PathBuf;

pub const USAGE: &str = "\
publish: writes a group's static JSON API and plain HTML board from its snapshots and sheets.

usage: publish --out DIR [--config FILE] [SOURCES…] [OPTIONS]

sources, merged in this order (each flag may be given more than once):
  --snapshot FILE        a board snapshot (JSON), as Circle exports or publishes it; one
                         this group published, with the FILE.sig its sheet key wrote beside
                         it, is not checked post by post again
  --posts-csv FILE       a published sheet of asks (a request form's responses)
  --offers-csv FILE      a published sheet of offers
  --resources-csv FILE   a published directory of places

options:
  --out DIR              the site's folder: writes DIR/api/v1/{index,board,posts,resources}.json,
                         DIR/api/schemas/v1/*.schema.json and DIR/board.html; when DIR holds
                         the app's index.html, writes the open posts into its first view
  --config FILE          the group's config.json (default: public/config.json)
  --key-file FILE        the group's sheet key, 64 hex digits: signs the posts sheets give,
                         and the whole board.json in board.json.sig, which phones check once
                         when config.json names the key's public half as publish_key
                         (or set CIRCLE_PUBLISH_SEED); without one they are published unsigned
  --now TIME             the publishing time, RFC 3339 or seconds since 1970 (or set
                         SOURCE_DATE_EPOCH); default: the newest date in the sources
  --site-url URL         the app's public address, for links in chat previews
  --lang CODE            the language of the HTML board and of this report (default: the
                         group's first language)
  --public-key           print the sheet key's public half, for publish_key in config.json,
                         and write nothing

With CIRCLE_GROUP_PASSPHRASE set, it also writes DIR/api/v1/board.enc.json: the board as the
group's members see it (group contacts too, no private notes), encrypted with that passphrase.

Rows a sheet cannot use and records the trust gate refuses are listed on standard error; the
exit status is 1 only when a source or the config cannot be read or the files cannot be written.";

/// The flags as given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub out: PathBuf,
    pub config: PathBuf,
    /// In the order given, snapshots first, then sheets.
    pub sources: Vec<(PathBuf, Option<Holds>)>,
    pub key_file: Option<PathBuf>,
    /// The key itself, from `CIRCLE_PUBLISH_SEED`.
    pub seed: Option<String>,
    /// The group's passphrase, from `CIRCLE_GROUP_PASSPHRASE`: encrypts the members' board.
    pub passphrase: Option<String>,
    pub now_ms: Option<u64>,
    pub site_url: Option<String>,
    pub lang: Option<Lang>,
    pub help: bool,
    /// Print the sheet key's public half (for `publish_key` in `config.json`) and stop.
    pub public_key: bool,
}

/// A command line that cannot be used, said plainly (the command's own words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArgError(pub String);

impl Options {
    /// Reads the flags; `env` looks up `CIRCLE_PUBLISH_SEED` and `SOURCE_DATE_EPOCH`.
    pub fn parse(
        args: impl IntoIterator<Item = String>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ArgError> {
        let mut options = Options {
            config: PathBuf::from("public/config.json"),
            seed: env("CIRCLE_PUBLISH_SEED").filter(|seed| !seed.trim().is_empty()),
            passphrase: env("CIRCLE_GROUP_PASSPHRASE").filter(|phrase| !phrase.is_empty()),
            ..Options::default()
        };
        let mut out = None;
        let mut now = env("SOURCE_DATE_EPOCH").filter(|now| !now.trim().is_empty());
        let (mut snapshots, mut sheets) = (Vec::new(), Vec::new());
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let (flag, inline) = match flag.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => {
                    (flag.to_string(), Some(value.to_string()))
                }
                _ => (flag, None),
            };
            if flag == "--help" || flag == "-h" {
                options.help = true;
                continue;
            }
            if flag == "--public-key" {
                options.public_key = true;
                continue;
            }
            let value = inline
                .or_else(|| args.next())
                .ok_or_else(|| ArgError(format!("{flag} needs a value")))?;
            match flag.as_str() {
                "--out" => out = Some(PathBuf::from(value)),
                "--config" => options.config = PathBuf::from(value),
                "--snapshot" => snapshots.push((PathBuf::from(value), None)),
                "--posts-csv" => sheets.push((PathBuf::from(value), Some(Holds::Asks))),
                "--offers-csv" => sheets.push((PathBuf::from(value), Some(Holds::Offers))),
                "--resources-csv" => sheets.push((PathBuf::from(value), Some(Holds::Resources))),
                "--key-file" => options.key_file = Some(PathBuf::from(value)),
                "--now" => now = Some(value),
                "--site-url" => {
                    let url = if value.ends_with('/') {
                        value
                    } else {
                        format!("{value}/")
                    };
                    options.site_url = Some(url);
                }
                "--lang" => {
                    options.lang = Some(Lang::from_tag(&value).ok_or_else(|| {
                        ArgError(format!("--lang {value}: Circle speaks en and es"))
                    })?)
                }
                _ => return Err(ArgError(format!("unknown flag {flag}"))),
            }
        }
        if options.help || options.public_key {
            return Ok(options);
        }
        options.out = out.ok_or_else(|| ArgError("--out DIR is required".into()))?;
        options.sources = snapshots.into_iter().chain(sheets).collect();
        options.now_ms = now.map(|now| parse_now(&now)).transpose()?;
        Ok(options)
    }

    /// The group's sheet key, from `--key-file` or `CIRCLE_PUBLISH_SEED`, if either is given.
    pub fn signer(&self) -> Result<Option<Signer>, String> {
        let seed = match &self.key_file {
            Some(path) => Some(
                std::fs::read(path)
                    .ok()
                    .and_then(|bytes| String::from_utf8(bytes).ok())
                    .ok_or_else(|| format!("{}: not a key", path.display()))?,
            ),
            None => self.seed.clone(),
        };
        seed.map(|seed| {
            Signer::from_seed_hex(seed.trim())
                .map_err(|_| "the sheet key is not 64 hex digits".to_string())
        })
        .transpose()
    }

    /// Reads the config, the key and every source named. `clock_ms` is this machine's clock.
    pub fn inputs(&self, clock_ms: u64) -> Result<Inputs, String> {
        let read = |path: &PathBuf| {
            std::fs::read(path).map_err(|error| format!("{}: {error}", path.display()))
        };
        let text = String::from_utf8(read(&self.config)?)
            .map_err(|_| format!("{}: not UTF-8 text", self.config.display()))?;
        let config = GroupConfig::from_json(&text)
            .map_err(|error| format!("{}: {error}", self.config.display()))?;
        let signer = self.signer()?;
        let sources = self
            .sources
            .iter()
            .map(|(path, sheet)| {
                let mut sig_path = path.clone().into_os_string();
                sig_path.push(vouch::SUFFIX);
                Ok(Source {
                    name: path.display().to_string(),
                    bytes: read(path)?,
                    sheet: *sheet,
                    // Only a snapshot can be one this group published; none is no error.
                    sig: sheet
                        .is_none()
                        .then(|| std::fs::read(sig_path).ok())
                        .flatten(),
                })
            })
            .collect::<Result<_, String>>()?;
        let group_key = self
            .passphrase
            .as_deref()
            .map(|phrase| {
                let kdf = encrypted_board::Kdf::new(encrypted_board::group_salt(&config.name));
                encrypted_board::GroupKey::derive(phrase, &kdf).map_err(|error| error.to_string())
            })
            .transpose()?;
        // The app's page, when the output folder is a built site: a missing one is no error
        // (publishing beside no app), and a page without slots is left as it is.
        let page = std::fs::read_to_string(self.out.join(super::first_view::FILE)).ok();
        Ok(Inputs {
            page,
            config,
            sources,
            signer,
            group_key,
            now_ms: self.now_ms,
            clock_ms,
            site_url: self.site_url.clone(),
            lang: self.lang,
        })
    }
}

/// A publishing time: seconds since 1970 (as `SOURCE_DATE_EPOCH` is), or an RFC 3339 moment.
fn parse_now(text: &str) -> Result<u64, ArgError> {
    let text = text.trim();
    if let Ok(seconds) = text.parse::<u64>() {
        return seconds
            .checked_mul(1000)
            .ok_or_else(|| ArgError(format!("--now {text}: too far ahead")));
    }
    dates::moment(text, DateOrder::MonthFirst)
        .filter(|_| text.as_bytes().get(4) == Some(&b'-'))
        .ok_or_else(|| {
            ArgError(format!(
                "--now {text}: not a time such as 2026-12-01T09:00:00Z"
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, ArgError> {
        Options::parse(args.iter().map(|a| a.to_string()), |_| None)
    }

    #[test]
    fn snapshots_merge_before_sheets_in_the_order_given() {
        let options = parse(&[
            "--posts-csv",
            "asks.csv",
            "--out=dist",
            "--snapshot",
            "a.json",
            "--resources-csv",
            "places.csv",
            "--snapshot",
            "b.json",
            "--now",
            "2026-12-01T00:00:00Z",
            "--site-url",
            "https://example.org/circle",
        ])
        .unwrap();
        let names: Vec<_> = options
            .sources
            .iter()
            .map(|(path, holds)| (path.to_str().unwrap(), *holds))
            .collect();
        assert_eq!(
            names,
            [
                ("a.json", None),
                ("b.json", None),
                ("asks.csv", Some(Holds::Asks)),
                ("places.csv", Some(Holds::Resources)),
            ]
        );
        assert_eq!(options.out, PathBuf::from("dist"));
        assert_eq!(options.now_ms, Some(1_796_083_200_000));
        assert_eq!(
            options.site_url.as_deref(),
            Some("https://example.org/circle/")
        );
    }

    #[test]
    fn the_time_comes_from_the_flag_or_source_date_epoch() {
        let env = |name: &str| (name == "SOURCE_DATE_EPOCH").then(|| "1764547200".to_string());
        let options = Options::parse(["--out".to_string(), "d".to_string()], env).unwrap();
        assert_eq!(options.now_ms, Some(1_764_547_200_000));
        assert!(parse(&["--out", "d", "--now", "tomorrow"]).is_err());
        assert!(parse(&["--out", "d", "--now", "12/01/2026"]).is_err());
    }

    #[test]
    fn mistakes_are_named() {
        assert_eq!(
            parse(&["--snapshot", "a.json"]),
            Err(ArgError("--out DIR is required".into()))
        );
        assert_eq!(
            parse(&["--out"]),
            Err(ArgError("--out needs a value".into()))
        );
        assert_eq!(
            parse(&["--out", "d", "--colour", "red"]),
            Err(ArgError("unknown flag --colour".into()))
        );
        assert!(parse(&["--out", "d", "--lang", "fr"]).is_err());
        assert!(parse(&["--help"]).unwrap().help);
        assert!(
            parse(&["--public-key", "--key-file", "k"])
                .unwrap()
                .public_key
        );
    }
}

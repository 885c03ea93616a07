//! The page's Content Security Policy, made at build time from the group's settings: the app
//! may fetch from its own origin and from exactly the origins of the sources `config.json`
//! names (a sheet published on another site) and of its write-back endpoint, and from nowhere
//! else. `index.html` holds the policy with `connect-src 'self'`; the build writes those
//! origins in after it.

use crate::model::GroupConfig;
use std::fmt;

/// The directive the build extends; `index.html` must hold it exactly once.
const CONNECT: &str = "connect-src 'self'";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyError {
    /// The page has no `connect-src 'self'` to extend, or more than one.
    NoConnectDirective,
    /// A source's or the write-back endpoint's URL names a scheme the app cannot fetch, or an
    /// origin that would let a quote or a semicolon into the policy.
    BadSource(String),
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoConnectDirective => write!(f, "the page has no single \"{CONNECT}\" to extend"),
            Self::BadSource(url) => write!(
                f,
                "the address \"{url}\" in config.json (a source or write_back) is neither on this site nor an https:// address"
            ),
        }
    }
}

impl std::error::Error for PolicyError {}

/// Where a Google Apps Script web app sends its answer: `script.google.com` answers a request
/// with a redirect to this origin, which the page must be allowed to follow.
const APPS_SCRIPT: (&str, &str) = (
    "https://script.google.com",
    "https://script.googleusercontent.com",
);

/// The origins the app may fetch from on other sites, each once: the group's sources in the
/// settings' order, then its write-back endpoint. A relative URL is on the app's own origin,
/// which `'self'` already allows.
pub fn connect_origins(config: &GroupConfig) -> Result<Vec<String>, PolicyError> {
    let urls = config.sources.iter().map(|source| source.url.as_str());
    let write_back = config
        .write_back
        .iter()
        .map(|endpoint| endpoint.url.as_str());
    let mut origins: Vec<String> = Vec::new();
    for url in urls.chain(write_back) {
        let Some(origin) = origin_of(url)? else {
            continue;
        };
        let answer = (origin == APPS_SCRIPT.0).then(|| APPS_SCRIPT.1.to_string());
        for origin in std::iter::once(origin).chain(answer) {
            if !origins.contains(&origin) {
                origins.push(origin);
            }
        }
    }
    Ok(origins)
}

/// `None` for a URL on the app's own site; the `https://host[:port]` of any other.
fn origin_of(url: &str) -> Result<Option<String>, PolicyError> {
    let bad = || PolicyError::BadSource(url.to_string());
    let Some((scheme, rest)) = url.split_once("://") else {
        // No scheme: a path on this site, unless it names another host (`//host/…`) or a
        // scheme without slashes (`data:`, `javascript:`).
        if url.starts_with("//")
            || url
                .split('/')
                .next()
                .is_some_and(|first| first.contains(':'))
        {
            return Err(bad());
        }
        return Ok(None);
    };
    if !scheme.eq_ignore_ascii_case("https") {
        return Err(bad());
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']');
    if host.is_empty() || !host.chars().all(allowed) {
        return Err(bad());
    }
    Ok(Some(format!("https://{host}")))
}

/// `page` with the origins of the sources and the write-back endpoint added to its
/// `connect-src`.
pub fn with_sources(page: &str, config: &GroupConfig) -> Result<String, PolicyError> {
    if page.matches(CONNECT).count() != 1 {
        return Err(PolicyError::NoConnectDirective);
    }
    let origins = connect_origins(config)?;
    let directive = std::iter::once(CONNECT.to_string())
        .chain(origins)
        .collect::<Vec<_>>()
        .join(" ");
    Ok(page.replacen(CONNECT, &directive, 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::WriteBack;

    const PAGE: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; connect-src 'self'; object-src 'none'\">";

    fn config(urls: &[&str]) -> GroupConfig {
        let sources: Vec<String> = urls
            .iter()
            .map(|url| format!("{{\"kind\": \"csv\", \"url\": \"{url}\"}}"))
            .collect();
        GroupConfig::from_json(&format!("{{\"sources\": [{}]}}", sources.join(","))).unwrap()
    }

    #[test]
    fn sources_on_the_site_add_nothing() {
        let page = with_sources(PAGE, &config(&["board.json", "sheets/asks.csv"])).unwrap();
        assert_eq!(page, PAGE);
    }

    #[test]
    fn exactly_the_other_sites_origins_are_allowed_once_each() {
        let config = config(&[
            "board.json",
            "https://docs.google.com/spreadsheets/d/e/2PACX/pub?output=csv",
            "https://DOCS.google.com/spreadsheets/d/e/other/pub?output=csv",
            "https://example.org:8443/places.csv#sheet",
        ]);
        let page = with_sources(PAGE, &config).unwrap();
        assert!(page.contains(
            "connect-src 'self' https://docs.google.com https://example.org:8443; object-src"
        ));
    }

    #[test]
    fn the_write_back_endpoint_is_allowed_and_a_script_may_answer_from_where_google_sends_it() {
        let mut config = config(&["https://docs.google.com/spreadsheets/d/e/2PACX/pub?output=csv"]);
        config.write_back = Some(WriteBack {
            url: "https://script.google.com/macros/s/AKfy/exec".to_string(),
        });
        let page = with_sources(PAGE, &config).unwrap();
        assert!(page.contains(
            "connect-src 'self' https://docs.google.com https://script.google.com https://script.googleusercontent.com; object-src"
        ));
        config.write_back = Some(WriteBack {
            url: "http://sheet.example/exec".to_string(),
        });
        assert_eq!(
            with_sources(PAGE, &config),
            Err(PolicyError::BadSource(
                "http://sheet.example/exec".to_string()
            ))
        );
    }

    #[test]
    fn a_source_that_could_widen_the_policy_is_refused() {
        for url in [
            "http://sheets.example.org/a.csv",
            "//evil.example/board.json",
            "javascript:alert(1)",
            "https://a.example; script-src *",
            "https://a.example'/x",
            "https:///nohost",
        ] {
            assert_eq!(
                with_sources(PAGE, &config(&[url])),
                Err(PolicyError::BadSource(url.to_string())),
                "{url}"
            );
        }
    }

    #[test]
    fn a_page_without_the_directive_is_an_error_not_a_silent_pass() {
        assert_eq!(
            with_sources("<p>no policy</p>", &config(&[])),
            Err(PolicyError::NoConnectDirective)
        );
    }
}

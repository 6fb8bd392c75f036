//! Where each setting comes from: flags > environment > profile > default.
//!
//! Pure functions over the parsed options, the environment (a map, never
//! `std::env`) and the parsed config files, so every precedence rule of AWS
//! CLI v2 can be table-tested.

use std::collections::HashMap;

use crate::cli::Opts;
use crate::config_file::{ConfigFiles, Section};
use crate::error::Error;
use crate::transport::Trust;

/// The process environment, as a map.
pub type Env = HashMap<String, String>;

/// The profile the call uses, and whether `--profile` named it (which
/// makes botocore skip the environment-variable credentials).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileChoice {
    /// The profile's name.
    pub name: String,
    /// `--profile` was given.
    pub explicit: bool,
}

/// `--profile` > `AWS_PROFILE` > `AWS_DEFAULT_PROFILE` > `default`.
pub fn resolve_profile(opts: &Opts, env: &Env) -> ProfileChoice {
    if let Some(name) = opts.profile.as_deref().filter(|p| !p.is_empty()) {
        return ProfileChoice {
            name: name.to_owned(),
            explicit: true,
        };
    }
    let name = env
        .get("AWS_PROFILE")
        .or_else(|| env.get("AWS_DEFAULT_PROFILE"))
        .cloned()
        .unwrap_or_else(|| "default".to_owned());
    ProfileChoice {
        name,
        explicit: false,
    }
}

/// The profile's section; a named profile that does not exist is the CLI's
/// `ProfileNotFound` (255). A missing `default` is just empty.
pub fn scoped_config<'a>(
    files: &'a ConfigFiles,
    profile: &ProfileChoice,
) -> Result<Option<&'a Section>, Error> {
    match files.profile(&profile.name) {
        Some(section) => Ok(Some(section)),
        None if profile.name == "default" => Ok(None),
        None => Err(profile_not_found(&profile.name)),
    }
}

/// The CLI's text for a profile that does not exist.
pub fn profile_not_found(name: &str) -> Error {
    Error::General(format!("The config profile ({name}) could not be found"))
}

fn from_profile(section: Option<&Section>, key: &str) -> Option<String> {
    section.and_then(|s| s.get(key)).map(str::to_owned)
}

/// The region given by `--region`, if any (an empty value counts as none,
/// as in the CLI).
pub fn region_flag(opts: &Opts) -> Option<&str> {
    opts.region.as_deref().filter(|r| !r.is_empty())
}

/// `--region` > `AWS_REGION` > `AWS_DEFAULT_REGION` > profile `region`.
pub fn resolve_region(opts: &Opts, env: &Env, section: Option<&Section>) -> Option<String> {
    region_flag(opts)
        .map(str::to_owned)
        .or_else(|| env.get("AWS_REGION").cloned())
        .or_else(|| env.get("AWS_DEFAULT_REGION").cloned())
        .or_else(|| from_profile(section, "region"))
        .filter(|r| !r.is_empty())
}

/// botocore's `validate_region_name`: a DNS label.
pub fn validate_region_name(region: &str) -> Result<(), Error> {
    let bytes = region.as_bytes();
    let ok = !bytes.is_empty()
        && bytes.len() <= 63
        && bytes[0].is_ascii_alphanumeric()
        && bytes[bytes.len() - 1].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-');
    if ok {
        Ok(())
    } else {
        Err(Error::General(format!(
            "Provided region_name '{region}' doesn't match a supported format."
        )))
    }
}

/// `--output` > `AWS_DEFAULT_OUTPUT` > profile `output` > `json`.
pub fn resolve_output(opts: &Opts, env: &Env, section: Option<&Section>) -> String {
    opts.output
        .clone()
        .or_else(|| env.get("AWS_DEFAULT_OUTPUT").cloned())
        .or_else(|| from_profile(section, "output"))
        .unwrap_or_else(|| "json".to_owned())
}

/// `--cli-error-format` > `AWS_CLI_ERROR_FORMAT` > profile > `enhanced`,
/// lower-cased.
pub fn resolve_error_format(opts: Option<&Opts>, env: &Env, section: Option<&Section>) -> String {
    opts.and_then(|o| o.cli_error_format.clone())
        .filter(|f| !f.is_empty())
        .or_else(|| env.get("AWS_CLI_ERROR_FORMAT").cloned())
        .or_else(|| from_profile(section, "cli_error_format"))
        .filter(|f| !f.is_empty())
        .unwrap_or_else(|| "enhanced".to_owned())
        .to_lowercase()
}

/// The endpoint: `--endpoint-url` > `AWS_ENDPOINT_URL_SECRETS_MANAGER` >
/// `AWS_ENDPOINT_URL` > `[services X] secrets_manager.endpoint_url` >
/// profile `endpoint_url`. Configured (non-flag) endpoints are skipped when
/// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` / `ignore_configured_endpoint_urls`
/// is true.
pub fn resolve_endpoint(
    opts: &Opts,
    env: &Env,
    files: &ConfigFiles,
    section: Option<&Section>,
) -> Option<String> {
    if let Some(url) = &opts.endpoint_url {
        return Some(url.clone());
    }
    let ignore = env
        .get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
        .cloned()
        .or_else(|| from_profile(section, "ignore_configured_endpoint_urls"))
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
    if ignore {
        return None;
    }
    env.get("AWS_ENDPOINT_URL_SECRETS_MANAGER")
        .or_else(|| env.get("AWS_ENDPOINT_URL"))
        .cloned()
        .or_else(|| {
            let services = section?.get("services")?;
            files
                .services
                .get(services)?
                .nested
                .get("secrets_manager")?
                .get("endpoint_url")
                .cloned()
        })
        .or_else(|| from_profile(section, "endpoint_url"))
}

/// The output pager: `AWS_PAGER` > profile `cli_pager` > `PAGER` > `less -R`.
/// An empty value means no pager.
pub fn resolve_pager(env: &Env, section: Option<&Section>) -> String {
    env.get("AWS_PAGER")
        .cloned()
        .or_else(|| from_profile(section, "cli_pager"))
        .or_else(|| env.get("PAGER").cloned())
        .unwrap_or_else(|| "less -R".to_owned())
}

/// The certificate check botocore makes, first found wins:
/// `--no-verify-ssl`, `--ca-bundle`, `AWS_CA_BUNDLE`, profile `ca_bundle`,
/// `REQUESTS_CA_BUNDLE`, the default roots. A bundle that is empty or only whitespace is botocore's
/// `InvalidConfigError`, whether the endpoint is HTTPS or not.
pub fn resolve_trust(opts: &Opts, env: &Env, section: Option<&Section>) -> Result<Trust, Error> {
    if opts.no_verify_ssl {
        return Ok(Trust::Unverified);
    }
    let bundle = opts
        .ca_bundle
        .clone()
        .or_else(|| env.get("AWS_CA_BUNDLE").cloned())
        .or_else(|| from_profile(section, "ca_bundle"))
        .or_else(|| env.get("REQUESTS_CA_BUNDLE").cloned());
    match bundle {
        None => Ok(Trust::SystemRoots),
        Some(path) if path.trim().is_empty() => Err(Error::General(
            "Invalid CA bundle: the configured value (ca_bundle, AWS_CA_BUNDLE, REQUESTS_CA_BUNDLE, or verify) resolved to an empty or whitespace-only string. Provide a valid path to a CA bundle file.".to_owned(),
        )),
        Some(path) => Ok(Trust::Bundle(path)),
    }
}

/// One of Python's `getproxies_environment()` entries (`scheme` is `http`,
/// `https` or `no`): the lowercase variable wins, and an empty lowercase
/// one removes the entry; `HTTP_PROXY` is ignored under CGI.
fn environment_proxy(env: &Env, scheme: &str) -> Option<String> {
    let lower = format!("{scheme}_proxy");
    if scheme == "http" && env.contains_key("REQUEST_METHOD") && !env.contains_key(&lower) {
        return None;
    }
    if let Some(value) = env.get(&lower) {
        return (!value.is_empty()).then(|| value.clone());
    }
    env.iter()
        .find(|(k, v)| k.eq_ignore_ascii_case(&lower) && !v.is_empty())
        .map(|(_, v)| v.clone())
}

/// The proxy botocore uses for `url`: `HTTPS_PROXY`/`HTTP_PROXY` by the
/// URL's scheme unless `NO_PROXY` (urllib's DNS-suffix match) bypasses the
/// host; a proxy without a scheme gets `http://`.
pub fn resolve_proxy(env: &Env, url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_lowercase();
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or(rest)
        .to_lowercase();
    if let Some(no_proxy) = environment_proxy(env, "no") {
        if no_proxy == "*" {
            return None;
        }
        let host_only = match host.rsplit_once(':') {
            Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
            _ => host.as_str(),
        };
        for name in no_proxy.split(',') {
            let name = name.trim().trim_start_matches('.').to_lowercase();
            if name.is_empty() {
                continue;
            }
            let suffix = format!(".{name}");
            if host_only == name
                || host == name
                || host_only.ends_with(&suffix)
                || host.ends_with(&suffix)
            {
                return None;
            }
        }
    }
    let proxy = environment_proxy(env, &scheme)?;
    Some(
        if proxy.starts_with("http:") || proxy.starts_with("https:") {
            proxy
        } else if proxy.starts_with("//") {
            format!("http:{proxy}")
        } else {
            format!("http://{proxy}")
        },
    )
}

/// The retry mode the CLI would use. AWS CLI v2's botocore accepts only
/// these two; `legacy` (botocore v1's mode) is rejected when the client is
/// created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryMode {
    /// Standard mode (3 attempts by default).
    Standard,
    /// Adaptive mode (standard plus client-side rate limiting).
    Adaptive,
}

/// Retry settings: the mode and the total number of attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetrySettings {
    /// The mode.
    pub mode: RetryMode,
    /// Total attempts, first one included (at least 1).
    pub max_attempts: u32,
}

/// `AWS_MAX_ATTEMPTS` > profile `max_attempts` > 3; `AWS_RETRY_MODE` >
/// profile `retry_mode` > standard. Checked in botocore's order: the
/// attempts are converted with `int()` first, then the `Config` checks
/// `max_attempts` before `mode`.
pub fn resolve_retry(env: &Env, section: Option<&Section>) -> Result<RetrySettings, Error> {
    let attempts = env
        .get("AWS_MAX_ATTEMPTS")
        .cloned()
        .or_else(|| from_profile(section, "max_attempts"));
    let max_attempts = match attempts {
        Some(text) => python_int(&text)?,
        None => 3,
    };
    let mode_text = env
        .get("AWS_RETRY_MODE")
        .cloned()
        .or_else(|| from_profile(section, "retry_mode"))
        .unwrap_or_else(|| "standard".to_owned());
    if max_attempts < 1 {
        return Err(Error::General(format!(
            "Value provided to \"max_attempts\": {max_attempts} must be an integer greater than or equal to one."
        )));
    }
    let mode = match mode_text.as_str() {
        "standard" => RetryMode::Standard,
        "adaptive" => RetryMode::Adaptive,
        other => {
            return Err(Error::General(format!(
                "Invalid value provided to \"mode\": \"{other}\" must be one of: \"standard\" or \"adaptive\""
            )));
        }
    };
    Ok(RetrySettings {
        mode,
        max_attempts: u32::try_from(max_attempts).unwrap_or(u32::MAX),
    })
}

/// Python's `int(text)` for base 10, with its error message.
pub fn python_int(text: &str) -> Result<i64, Error> {
    let trimmed = text.trim();
    let digits = trimmed.strip_prefix(['+', '-']).unwrap_or(trimmed);
    let valid = !digits.is_empty()
        && !digits.starts_with('_')
        && !digits.ends_with('_')
        && !digits.contains("__")
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'_');
    let parsed = if valid {
        trimmed.replace('_', "").parse::<i64>().ok()
    } else {
        None
    };
    parsed.ok_or_else(|| {
        Error::General(format!(
            "invalid literal for int() with base 10: {}",
            python_repr_str(text)
        ))
    })
}

/// Python's `repr()` of a `str`.
pub fn python_repr_str(s: &str) -> String {
    crate::help::py_repr(s)
}

/// A timeout flag (`--cli-read-timeout`, `--cli-connect-timeout`): the
/// CLI's default 60 s, Python `int()` conversion, `0` meaning none.
pub fn resolve_timeout(value: Option<&str>) -> Result<Option<i64>, Error> {
    match value {
        None => Ok(Some(60)),
        Some(text) => match python_int(text)? {
            0 => Ok(None),
            n => Ok(Some(n)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Env {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn opts() -> Opts {
        Opts::default()
    }

    const CONFIG: &str = "[default]\noutput = yaml\n[profile dev]\nregion = us-east-1\noutput = text\nendpoint_url = http://profile\nservices = svc\n[services svc]\nsecrets_manager =\n  endpoint_url = http://services\n";

    #[test]
    fn profile_precedence() {
        let mut o = opts();
        let e = env(&[("AWS_PROFILE", "a"), ("AWS_DEFAULT_PROFILE", "b")]);
        assert_eq!(resolve_profile(&o, &e).name, "a");
        assert!(!resolve_profile(&o, &e).explicit);
        assert_eq!(
            resolve_profile(&o, &env(&[("AWS_DEFAULT_PROFILE", "b")])).name,
            "b"
        );
        assert_eq!(resolve_profile(&o, &env(&[])).name, "default");
        o.profile = Some("c".into());
        assert_eq!(
            resolve_profile(&o, &e),
            ProfileChoice {
                name: "c".into(),
                explicit: true
            }
        );
    }

    #[test]
    fn missing_profile_is_an_error_but_default_is_not() {
        let files = ConfigFiles::parse("", "");
        let p = ProfileChoice {
            name: "nosuch".into(),
            explicit: true,
        };
        assert_eq!(
            scoped_config(&files, &p).unwrap_err().to_string(),
            "The config profile (nosuch) could not be found"
        );
        let d = ProfileChoice {
            name: "default".into(),
            explicit: false,
        };
        assert_eq!(scoped_config(&files, &d), Ok(None));
    }

    #[test]
    fn region_precedence() {
        let files = ConfigFiles::parse(CONFIG, "");
        let dev = files.profile("dev");
        let mut o = opts();
        let all = env(&[("AWS_REGION", "r1"), ("AWS_DEFAULT_REGION", "r2")]);
        assert_eq!(resolve_region(&o, &all, dev).as_deref(), Some("r1"));
        assert_eq!(
            resolve_region(&o, &env(&[("AWS_DEFAULT_REGION", "r2")]), dev).as_deref(),
            Some("r2")
        );
        assert_eq!(
            resolve_region(&o, &env(&[]), dev).as_deref(),
            Some("us-east-1")
        );
        assert_eq!(resolve_region(&o, &env(&[]), None), None);
        o.region = Some("r0".into());
        assert_eq!(resolve_region(&o, &all, dev).as_deref(), Some("r0"));
    }

    #[test]
    fn region_format() {
        assert!(validate_region_name("us-east-1").is_ok());
        assert_eq!(
            validate_region_name("bad_region!").unwrap_err().to_string(),
            "Provided region_name 'bad_region!' doesn't match a supported format."
        );
        assert!(validate_region_name("-x").is_err());
    }

    #[test]
    fn output_precedence() {
        let files = ConfigFiles::parse(CONFIG, "");
        let dev = files.profile("dev");
        let mut o = opts();
        assert_eq!(resolve_output(&o, &env(&[]), None), "json");
        assert_eq!(resolve_output(&o, &env(&[]), dev), "text");
        assert_eq!(
            resolve_output(&o, &env(&[("AWS_DEFAULT_OUTPUT", "table")]), dev),
            "table"
        );
        o.output = Some("yaml".into());
        assert_eq!(
            resolve_output(&o, &env(&[("AWS_DEFAULT_OUTPUT", "table")]), dev),
            "yaml"
        );
    }

    #[test]
    fn endpoint_precedence() {
        let files = ConfigFiles::parse(CONFIG, "");
        let dev = files.profile("dev");
        let mut o = opts();
        let both = env(&[
            ("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://svc-env"),
            ("AWS_ENDPOINT_URL", "http://env"),
        ]);
        assert_eq!(
            resolve_endpoint(&o, &both, &files, dev).as_deref(),
            Some("http://svc-env")
        );
        assert_eq!(
            resolve_endpoint(&o, &env(&[("AWS_ENDPOINT_URL", "http://env")]), &files, dev)
                .as_deref(),
            Some("http://env")
        );
        assert_eq!(
            resolve_endpoint(&o, &env(&[]), &files, dev).as_deref(),
            Some("http://services")
        );
        let ignore = env(&[
            ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"),
            ("AWS_ENDPOINT_URL", "http://env"),
        ]);
        assert_eq!(resolve_endpoint(&o, &ignore, &files, dev), None);
        o.endpoint_url = Some("http://flag".into());
        assert_eq!(
            resolve_endpoint(&o, &ignore, &files, dev).as_deref(),
            Some("http://flag")
        );
    }

    #[test]
    fn pager_and_error_format_precedence() {
        let files = ConfigFiles::parse("[default]\ncli_pager = cfg\ncli_error_format = YAML\n", "");
        let d = files.profile("default");
        assert_eq!(
            resolve_pager(&env(&[("AWS_PAGER", ""), ("PAGER", "p")]), d),
            ""
        );
        assert_eq!(resolve_pager(&env(&[("PAGER", "p")]), d), "cfg");
        assert_eq!(resolve_pager(&env(&[("PAGER", "p")]), None), "p");
        assert_eq!(resolve_pager(&env(&[]), None), "less -R");
        assert_eq!(resolve_error_format(None, &env(&[]), d), "yaml");
        assert_eq!(
            resolve_error_format(None, &env(&[("AWS_CLI_ERROR_FORMAT", "json")]), d),
            "json"
        );
        assert_eq!(resolve_error_format(None, &env(&[]), None), "enhanced");
    }

    #[test]
    fn retry_settings() {
        let files = ConfigFiles::parse("[default]\nmax_attempts = 7\nretry_mode = adaptive\n", "");
        let d = files.profile("default");
        let message =
            |pairs: &[(&str, &str)]| resolve_retry(&env(pairs), None).unwrap_err().to_string();
        assert_eq!(
            resolve_retry(&env(&[]), None),
            Ok(RetrySettings {
                mode: RetryMode::Standard,
                max_attempts: 3
            })
        );
        assert_eq!(
            resolve_retry(&env(&[]), d),
            Ok(RetrySettings {
                mode: RetryMode::Adaptive,
                max_attempts: 7
            })
        );
        assert_eq!(
            resolve_retry(
                &env(&[("AWS_MAX_ATTEMPTS", "2"), ("AWS_RETRY_MODE", "standard")]),
                d
            ),
            Ok(RetrySettings {
                mode: RetryMode::Standard,
                max_attempts: 2
            })
        );
        assert_eq!(
            message(&[("AWS_RETRY_MODE", "legacy")]),
            r#"Invalid value provided to "mode": "legacy" must be one of: "standard" or "adaptive""#
        );
        assert_eq!(
            message(&[("AWS_MAX_ATTEMPTS", "0"), ("AWS_RETRY_MODE", "legacy")]),
            r#"Value provided to "max_attempts": 0 must be an integer greater than or equal to one."#
        );
        assert_eq!(
            message(&[("AWS_MAX_ATTEMPTS", "x"), ("AWS_RETRY_MODE", "legacy")]),
            "invalid literal for int() with base 10: 'x'"
        );
    }

    #[test]
    fn trust_precedence() {
        let files = ConfigFiles::parse("[default]\nca_bundle = /profile.pem\n", "");
        let d = files.profile("default");
        let mut o = opts();
        let all = env(&[
            ("AWS_CA_BUNDLE", "/env.pem"),
            ("REQUESTS_CA_BUNDLE", "/requests.pem"),
        ]);
        let bundle = |p: &str| Ok(Trust::Bundle(p.to_owned()));
        assert_eq!(resolve_trust(&o, &env(&[]), None), Ok(Trust::SystemRoots));
        assert_eq!(
            resolve_trust(&o, &env(&[("REQUESTS_CA_BUNDLE", "/requests.pem")]), None),
            bundle("/requests.pem")
        );
        assert_eq!(
            resolve_trust(&o, &env(&[("REQUESTS_CA_BUNDLE", "/requests.pem")]), d),
            bundle("/profile.pem")
        );
        assert_eq!(resolve_trust(&o, &all, d), bundle("/env.pem"));
        assert!(resolve_trust(&o, &env(&[("AWS_CA_BUNDLE", " ")]), d).is_err());
        o.ca_bundle = Some("/flag.pem".into());
        assert_eq!(resolve_trust(&o, &all, d), bundle("/flag.pem"));
        o.ca_bundle = Some(String::new());
        assert!(resolve_trust(&o, &all, d).is_err());
        o.no_verify_ssl = true;
        assert_eq!(resolve_trust(&o, &all, d), Ok(Trust::Unverified));
    }

    #[test]
    fn proxy_from_the_environment() {
        let e = env(&[
            ("HTTPS_PROXY", "proxy:3128"),
            ("http_proxy", "http://lower:1"),
            ("HTTP_PROXY", "http://upper:1"),
            ("NO_PROXY", ".internal.example, localhost"),
        ]);
        assert_eq!(
            resolve_proxy(&e, "https://secretsmanager.us-east-1.amazonaws.com/").as_deref(),
            Some("http://proxy:3128")
        );
        assert_eq!(
            resolve_proxy(&e, "http://127.0.0.1:5000/").as_deref(),
            Some("http://lower:1")
        );
        assert_eq!(resolve_proxy(&e, "http://localhost:5000/"), None);
        assert_eq!(resolve_proxy(&e, "https://sm.internal.example/"), None);
        assert_eq!(
            resolve_proxy(
                &env(&[("https_proxy", ""), ("HTTPS_PROXY", "p")]),
                "https://h/"
            ),
            None
        );
        assert_eq!(
            resolve_proxy(
                &env(&[("HTTPS_PROXY", "p"), ("no_proxy", "*")]),
                "https://h/"
            ),
            None
        );
        assert_eq!(
            resolve_proxy(
                &env(&[("HTTP_PROXY", "p"), ("REQUEST_METHOD", "GET")]),
                "http://h/"
            ),
            None
        );
    }

    #[test]
    fn python_int_and_repr() {
        assert_eq!(python_int(" 12 "), Ok(12));
        assert_eq!(python_int("1_000"), Ok(1000));
        assert_eq!(python_int("-1"), Ok(-1));
        assert_eq!(
            python_int("abc").unwrap_err().to_string(),
            "invalid literal for int() with base 10: 'abc'"
        );
        assert_eq!(python_repr_str("it's"), "\"it's\"");
        assert_eq!(python_repr_str("a\nb"), "'a\\nb'");
        assert_eq!(resolve_timeout(Some("0")), Ok(None));
        assert_eq!(resolve_timeout(None), Ok(Some(60)));
    }
}

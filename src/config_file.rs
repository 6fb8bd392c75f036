//! The shared AWS config and credentials files, read the way botocore reads
//! them.
//!
//! The CLI takes region, output, pager, error format, retry and endpoint
//! settings from `~/.aws/config` and keys from `~/.aws/credentials`; the
//! Rust SDK reads them differently in small ways (it silently ignores a
//! missing profile, reads the `services` key under another name), so the
//! tool parses them itself. Parsing is pure: it takes the files' text.

use std::collections::BTreeMap;

/// One INI section: lower-cased keys to values. A key whose value is an
/// indented block (`s3 =\n  max_concurrent_requests = 2`) keeps the nested
/// pairs in `nested`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Section {
    /// `key = value` pairs.
    pub values: BTreeMap<String, String>,
    /// `key =` followed by indented `sub = value` lines.
    pub nested: BTreeMap<String, BTreeMap<String, String>>,
}

impl Section {
    /// A plain value, if present.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.values.get(key).map(String::as_str)
    }
}

/// Both files, merged as botocore merges them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ConfigFiles {
    /// Profiles by name; credentials-file values override config-file ones.
    pub profiles: BTreeMap<String, Section>,
    /// `[services NAME]` sections.
    pub services: BTreeMap<String, Section>,
    /// `[sso-session NAME]` sections.
    pub sso_sessions: BTreeMap<String, Section>,
    /// The credentials file's own profiles (botocore's shared-credentials
    /// provider reads only these, and before `credential_process`).
    pub credentials: BTreeMap<String, Section>,
}

impl ConfigFiles {
    /// Merge the text of the config file and of the credentials file.
    pub fn parse(config: &str, credentials: &str) -> ConfigFiles {
        let mut files = ConfigFiles::default();
        for (name, section) in parse_ini(config) {
            if name == "default" {
                merge(files.profiles.entry(name).or_default(), section);
            } else if let Some(profile) = name.strip_prefix("profile ") {
                merge(
                    files.profiles.entry(profile.trim().to_owned()).or_default(),
                    section,
                );
            } else if let Some(service) = name.strip_prefix("services ") {
                merge(
                    files.services.entry(service.trim().to_owned()).or_default(),
                    section,
                );
            } else if let Some(session) = name.strip_prefix("sso-session ") {
                merge(
                    files
                        .sso_sessions
                        .entry(session.trim().to_owned())
                        .or_default(),
                    section,
                );
            }
        }
        for (name, section) in parse_ini(credentials) {
            merge(
                files.profiles.entry(name.clone()).or_default(),
                section.clone(),
            );
            merge(files.credentials.entry(name).or_default(), section);
        }
        files
    }

    /// The named profile's section, if it exists.
    pub fn profile(&self, name: &str) -> Option<&Section> {
        self.profiles.get(name)
    }
}

/// The profile names in botocore's `available_profiles` order: the config
/// file's profiles as they first appear (`[default]`, `[profile NAME]`),
/// then the credentials file's sections that are not among them. This is
/// what `aws_completer` offers after `--profile`.
pub fn profile_names(config: &str, credentials: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let from_config = parse_ini(config).into_iter().filter_map(|(name, _)| {
        if name == "default" {
            Some(name)
        } else {
            name.strip_prefix("profile ").map(|p| p.trim().to_owned())
        }
    });
    let from_credentials = parse_ini(credentials).into_iter().map(|(name, _)| name);
    for name in from_config.chain(from_credentials) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

fn merge(into: &mut Section, from: Section) {
    into.values.extend(from.values);
    into.nested.extend(from.nested);
}

/// Python configparser's reading of an INI text: `[section]` headers,
/// `key = value` or `key: value`, full-line `#`/`;` comments, indented
/// continuation lines. Keys are lower-cased. Lines outside any section are
/// ignored (configparser would refuse the whole file; botocore then reports
/// a parse error, which we do not reproduce).
fn parse_ini(text: &str) -> Vec<(String, Section)> {
    let mut sections: Vec<(String, Section)> = Vec::new();
    // The key whose value continues on indented lines.
    let mut open_key: Option<String> = None;
    for raw in text.lines() {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            continue;
        }
        let indented = line.len() != trimmed.len();
        if indented && let (Some(key), Some((_, section))) = (&open_key, sections.last_mut()) {
            let value = section.values.entry(key.clone()).or_default();
            value.push('\n');
            value.push_str(trimmed);
            if let Some((k, v)) = split_pair(trimmed) {
                section
                    .nested
                    .entry(key.clone())
                    .or_default()
                    .insert(k.to_lowercase(), v.to_owned());
            }
            continue;
        }
        if let Some(header) = trimmed.strip_prefix('[')
            && let Some(name) = header.strip_suffix(']')
        {
            sections.push((name.trim().to_owned(), Section::default()));
            open_key = None;
            continue;
        }
        let Some((_, section)) = sections.last_mut() else {
            continue;
        };
        if let Some((key, value)) = split_pair(trimmed) {
            let key = key.to_lowercase();
            section.values.insert(key.clone(), value.to_owned());
            section.nested.remove(&key);
            open_key = Some(key);
        } else {
            open_key = None;
        }
    }
    sections
}

fn split_pair(line: &str) -> Option<(&str, &str)> {
    let at = line.find(['=', ':'])?;
    let key = line[..at].trim();
    if key.is_empty() {
        return None;
    }
    Some((key, line[at + 1..].trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = "\
[default]
output = yaml
region=us-west-2

# a comment
[profile dev]
region = us-east-1
Output = text
s3 =
  max_concurrent_requests = 2
services = local

[services local]
secrets_manager =
  endpoint_url = http://localhost:4566

[sso-session corp]
sso_region = eu-west-1
";

    const CREDENTIALS: &str = "\
[dev]
aws_access_key_id = AKID
aws_secret_access_key = secret
[other]
aws_access_key_id: AK2
";

    #[test]
    fn profiles_merge_config_and_credentials() {
        let files = ConfigFiles::parse(CONFIG, CREDENTIALS);
        let dev = files.profile("dev").unwrap();
        assert_eq!(dev.get("region"), Some("us-east-1"));
        assert_eq!(dev.get("output"), Some("text"));
        assert_eq!(dev.get("aws_access_key_id"), Some("AKID"));
        assert_eq!(dev.get("services"), Some("local"));
        assert_eq!(
            dev.nested["s3"]
                .get("max_concurrent_requests")
                .map(String::as_str),
            Some("2")
        );
        assert_eq!(
            files.profile("default").unwrap().get("region"),
            Some("us-west-2")
        );
        assert_eq!(
            files.profile("other").unwrap().get("aws_access_key_id"),
            Some("AK2")
        );
        assert!(files.profile("nosuch").is_none());
    }

    #[test]
    fn profile_names_in_botocore_order() {
        assert_eq!(
            profile_names(CONFIG, "[zeta]\n[dev]\n[default]\n"),
            ["default", "dev", "zeta"]
        );
        assert_eq!(profile_names("", CREDENTIALS), ["dev", "other"]);
    }

    #[test]
    fn services_and_sso_sessions() {
        let files = ConfigFiles::parse(CONFIG, "");
        assert_eq!(
            files.services["local"].nested["secrets_manager"]
                .get("endpoint_url")
                .map(String::as_str),
            Some("http://localhost:4566")
        );
        assert_eq!(
            files.sso_sessions["corp"].get("sso_region"),
            Some("eu-west-1")
        );
    }

    #[test]
    fn garbage_does_not_panic() {
        let files = ConfigFiles::parse("x = 1\n  y\n[\n]\n[a\n= b\n", "\u{feff}[x]\n");
        assert!(files.profiles.is_empty() || files.profiles.contains_key("x"));
    }
}

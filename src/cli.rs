//! The command line: one clap definition per flag, parsed the way AWS CLI v2
//! parses it.
//!
//! The CLI parses in argparse's stages: the global options first (their
//! errors win wherever they stand), then the command's own arguments
//! (missing values, choices, required arguments), then it reports every word
//! nobody consumed. clap's derive struct [`Opts`] is the single definition
//! of every option (name, value or flag, choices, help text); [`parse`]
//! walks the words in argparse's order using that definition, produces
//! the CLI's exact usage errors, and then lets clap build the typed
//! [`Opts`] from the accepted words. No clap error text ever reaches the
//! user, and no clap type leaves this module except [`Opts`] itself.

use clap::{Arg, ArgAction, CommandFactory, Parser};

use crate::error::Error;

const GLOBAL: &str = "Global Options";

/// `aws secretsmanager update-secret-version-stage` — its options and the
/// AWS CLI v2 global options.
#[derive(Parser, Debug, Default, Clone, PartialEq, Eq)]
#[command(
    name = "update-secret-version-stage",
    no_binary_name = true,
    disable_help_flag = true,
    disable_version_flag = true,
    args_override_self = true
)]
pub struct Opts {
    /// The ARN or the name of the secret with the version and staging labels to modify.
    #[arg(long, value_name = "value")]
    pub secret_id: Option<String>,
    /// The staging label to add to this version.
    #[arg(long, value_name = "value")]
    pub version_stage: Option<String>,
    /// The ID of the version that the staging label is to be removed from.
    #[arg(long, value_name = "value")]
    pub remove_from_version_id: Option<String>,
    /// The ID of the version to add the staging label to.
    #[arg(long, value_name = "value")]
    pub move_to_version_id: Option<String>,
    /// Reads arguments from the JSON string provided.
    #[arg(long, value_name = "string")]
    pub cli_input_json: Option<String>,
    /// Reads arguments from the YAML string provided.
    #[arg(long, value_name = "string")]
    pub cli_input_yaml: Option<String>,
    /// Prints a JSON skeleton to standard output without sending an API request.
    #[arg(long, value_name = "string", num_args = 0..=1, default_missing_value = "input",
          value_parser = ["input", "yaml-input", "output"])]
    pub generate_cli_skeleton: Option<String>,

    /// Turn on debug logging.
    #[arg(long, help_heading = GLOBAL)]
    pub debug: bool,
    /// Override command's default URL with the given URL.
    #[arg(long, value_name = "string", help_heading = GLOBAL)]
    pub endpoint_url: Option<String>,
    /// By default, the AWS CLI uses SSL when communicating with AWS services.
    #[arg(long, help_heading = GLOBAL)]
    pub no_verify_ssl: bool,
    /// Disable automatic pagination.
    #[arg(long, help_heading = GLOBAL)]
    pub no_paginate: bool,
    /// The formatting style for command output.
    #[arg(long, value_name = "string", help_heading = GLOBAL,
          value_parser = ["json", "text", "table", "yaml", "yaml-stream", "off"])]
    pub output: Option<String>,
    /// A JMESPath query to use in filtering the response data.
    #[arg(long, value_name = "string", help_heading = GLOBAL)]
    pub query: Option<String>,
    /// Use a specific profile from your credential file.
    #[arg(long, value_name = "string", help_heading = GLOBAL)]
    pub profile: Option<String>,
    /// The region to use.
    #[arg(long, value_name = "string", help_heading = GLOBAL)]
    pub region: Option<String>,
    /// Display the version of this tool.
    #[arg(long, help_heading = GLOBAL)]
    pub version: bool,
    /// Turn on/off color output.
    #[arg(long, value_name = "string", help_heading = GLOBAL,
          value_parser = ["on", "off", "auto"])]
    pub color: Option<String>,
    /// Do not sign requests.
    #[arg(long, help_heading = GLOBAL)]
    pub no_sign_request: bool,
    /// The CA certificate bundle to use when verifying SSL certificates.
    #[arg(long, value_name = "string", help_heading = GLOBAL)]
    pub ca_bundle: Option<String>,
    /// The maximum socket read time in seconds (0: blocking).
    #[arg(long, value_name = "int", help_heading = GLOBAL)]
    pub cli_read_timeout: Option<String>,
    /// The maximum socket connect time in seconds (0: blocking).
    #[arg(long, value_name = "int", help_heading = GLOBAL)]
    pub cli_connect_timeout: Option<String>,
    /// The formatting style to be used for binary blobs.
    #[arg(long, value_name = "string", help_heading = GLOBAL,
          value_parser = ["base64", "raw-in-base64-out"])]
    pub cli_binary_format: Option<String>,
    /// Disable cli pager for output.
    #[arg(long, help_heading = GLOBAL)]
    pub no_cli_pager: bool,
    /// Automatically prompt for CLI input parameters.
    #[arg(long, help_heading = GLOBAL)]
    pub cli_auto_prompt: bool,
    /// Disable automatically prompt for CLI input parameters.
    #[arg(long, help_heading = GLOBAL)]
    pub no_cli_auto_prompt: bool,
    /// The formatting style for error output.
    #[arg(long, value_name = "string", help_heading = GLOBAL,
          value_parser = ["legacy", "json", "yaml", "text", "table", "enhanced"])]
    pub cli_error_format: Option<String>,
}

/// The command's required arguments, in the order argparse names them.
const REQUIRED: [&str; 2] = ["secret-id", "version-stage"];

/// What the words on the command line ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invocation {
    /// `--version`.
    Version,
    /// The word `help`.
    Help,
    /// Run the command (or a skeleton, decided later from `opts`).
    Run(Box<Opts>),
}

/// How an option consumes words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arity {
    /// A flag: no value.
    Flag,
    /// Exactly one value.
    One,
    /// An optional value (`--generate-cli-skeleton [value]`).
    Optional,
}

/// One option, as clap defines it, in plain types for the rest of the tool
/// (completion and auto-prompt read it; no clap type leaves this module).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionSpec {
    /// The name without its dashes: `secret-id`.
    pub long: String,
    /// How it consumes words.
    pub arity: Arity,
    /// The values it accepts, when it has a fixed set.
    pub choices: Vec<String>,
    /// An AWS CLI global option (as opposed to one of the command's own).
    pub global: bool,
    /// Required unless `--cli-input-*` or a skeleton stands in.
    pub required: bool,
    /// Its one-line description (the doc comment).
    pub help: String,
}

/// Every option: the command's own first, then the global ones, each group
/// in the CLI's order.
pub fn options() -> Vec<OptionSpec> {
    specs().to_vec()
}

/// The option table, built from the clap definition once per process (both
/// parsing stages and the auto-prompt read it).
fn specs() -> &'static [OptionSpec] {
    static SPECS: std::sync::OnceLock<Vec<OptionSpec>> = std::sync::OnceLock::new();
    SPECS.get_or_init(build_specs)
}

fn build_specs() -> Vec<OptionSpec> {
    Opts::command()
        .get_arguments()
        .filter_map(|arg: &Arg| {
            let long = arg.get_long()?.to_owned();
            let arity = match arg.get_action() {
                ArgAction::SetTrue => Arity::Flag,
                _ if arg.get_num_args().is_some_and(|n| n.min_values() == 0) => Arity::Optional,
                _ => Arity::One,
            };
            // A flag's "possible values" are clap's true/false: not choices.
            let choices = match arity {
                Arity::Flag => Vec::new(),
                _ => arg
                    .get_possible_values()
                    .iter()
                    .map(|v| v.get_name().to_owned())
                    .collect(),
            };
            let global = arg.get_help_heading() == Some(GLOBAL);
            let required = REQUIRED.contains(&long.as_str());
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            Some(OptionSpec {
                long,
                arity,
                choices,
                global,
                required,
                help,
            })
        })
        .collect()
}

/// argparse's notion of a negative number (`-1`, `-.5`): such words are
/// values, not options, because no option looks like one.
fn looks_like_negative_number(word: &str) -> bool {
    let Some(rest) = word.strip_prefix('-') else {
        return false;
    };
    if rest.is_empty() {
        return false;
    }
    if rest.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    match rest.split_once('.') {
        Some((int, frac)) => {
            int.bytes().all(|b| b.is_ascii_digit())
                && !frac.is_empty()
                && frac.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// Whether argparse sees `word` as an option string ('O') rather than an
/// argument ('A').
fn is_option_like(word: &str) -> bool {
    if !word.starts_with('-') || word == "-" {
        return false;
    }
    if looks_like_negative_number(word) {
        return false;
    }
    // A word with a space is a value unless it names an option exactly
    // (checked by the caller before this).
    if word.contains(' ') && !word.starts_with("--") {
        return false;
    }
    true
}

/// The result of matching one option-like word against a parser's options.
enum OptionMatch<'a> {
    Known(&'a OptionSpec, Option<String>),
    Ambiguous(String),
    Unknown,
}

fn match_option<'a>(word: &str, specs: &[&'a OptionSpec]) -> OptionMatch<'a> {
    let find = |name: &str| specs.iter().copied().find(|s| s.long == name);
    if let Some(name) = word.strip_prefix("--") {
        if let Some(spec) = find(name) {
            return OptionMatch::Known(spec, None);
        }
        if let Some((name, value)) = name.split_once('=')
            && let Some(spec) = find(name)
        {
            return OptionMatch::Known(spec, Some(value.to_owned()));
        }
        // argparse's unique-prefix abbreviations.
        let (prefix, value) = match name.split_once('=') {
            Some((p, v)) => (p, Some(v.to_owned())),
            None => (name, None),
        };
        if word.contains(' ') && value.is_none() {
            return OptionMatch::Unknown;
        }
        let matches: Vec<&OptionSpec> = specs
            .iter()
            .copied()
            .filter(|s| s.long.starts_with(prefix))
            .collect();
        match matches.len() {
            0 => OptionMatch::Unknown,
            1 => OptionMatch::Known(matches[0], value),
            _ => OptionMatch::Ambiguous(format!(
                "ambiguous option: {word} could match {}",
                matches
                    .iter()
                    .map(|s| format!("--{}", s.long))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    } else {
        OptionMatch::Unknown
    }
}

/// One accepted option occurrence.
#[derive(Debug)]
struct Occurrence {
    long: String,
    value: Option<String>,
}

/// One argparse stage over `words`: consumes the options in `specs`, checks
/// their values, and returns the accepted occurrences plus the words left
/// over (in order), or the first error.
fn parse_stage(
    words: &[String],
    specs: &[&OptionSpec],
    mut on_version: impl FnMut() -> bool,
) -> Result<(Vec<Occurrence>, Vec<String>), Error> {
    let mut accepted = Vec::new();
    let mut rest = Vec::new();
    let mut i = 0;
    let mut only_positionals = false;
    while i < words.len() {
        let word = &words[i];
        i += 1;
        if only_positionals || !is_option_like(word) {
            if word == "--" && !only_positionals {
                only_positionals = true;
            }
            rest.push(word.clone());
            continue;
        }
        let (spec, inline) = match match_option(word, specs) {
            OptionMatch::Known(spec, inline) => (spec, inline),
            OptionMatch::Ambiguous(message) => return Err(Error::Usage { message }),
            OptionMatch::Unknown => {
                rest.push(word.clone());
                continue;
            }
        };
        let value = match (spec.arity, inline) {
            (Arity::Flag, Some(v)) => {
                return Err(Error::Usage {
                    message: format!("argument --{}: ignored explicit argument '{v}'", spec.long),
                });
            }
            (Arity::Flag, None) => None,
            (_, Some(v)) => Some(v),
            (arity, None) => match words.get(i) {
                Some(next) if !is_option_like(next) && next != "--" => {
                    i += 1;
                    Some(next.clone())
                }
                _ if arity == Arity::Optional => None,
                _ => {
                    return Err(Error::Usage {
                        message: format!("argument --{}: expected one argument", spec.long),
                    });
                }
            },
        };
        if let Some(v) = &value
            && !spec.choices.is_empty()
            && !spec.choices.iter().any(|c| c == v)
        {
            let choices: Vec<&str> = spec.choices.iter().map(String::as_str).collect();
            return Err(Error::invalid_choice(
                &format!("--{}", spec.long),
                v,
                &choices,
            ));
        }
        if spec.long == "version" && on_version() {
            return Ok((Vec::new(), Vec::new()));
        }
        accepted.push(Occurrence {
            long: spec.long.clone(),
            value,
        });
    }
    Ok((accepted, rest))
}

/// The main parser's result: the global options, and the words left for
/// the command's own parser.
#[derive(Debug)]
pub struct GlobalArgs {
    /// The global options (command fields unset).
    pub opts: Opts,
    /// `--version` was seen.
    pub version: bool,
    remaining: Vec<String>,
    occurrences: Vec<Occurrence>,
}

/// Build [`Opts`] from accepted occurrences through clap.
fn build_opts<'a>(occurrences: impl Iterator<Item = &'a Occurrence>) -> Result<Opts, Error> {
    let words: Vec<String> = occurrences
        .map(|o| match &o.value {
            Some(v) => format!("--{}={v}", o.long),
            None => format!("--{}", o.long),
        })
        .collect();
    Opts::try_parse_from(words)
        .map_err(|e| Error::General(format!("internal argument error: {}", e.kind())))
}

/// Stage 1, the main parser: the global options, wherever they stand.
pub fn parse_globals(args: &[String]) -> Result<GlobalArgs, Error> {
    let all = specs();
    let globals: Vec<&OptionSpec> = all.iter().filter(|s| s.global).collect();
    let mut version = false;
    let (occurrences, remaining) = parse_stage(args, &globals, || {
        version = true;
        true
    })?;
    if version {
        return Ok(GlobalArgs {
            opts: Opts::default(),
            version,
            remaining,
            occurrences,
        });
    }
    Ok(GlobalArgs {
        opts: build_opts(occurrences.iter())?,
        version,
        remaining,
        occurrences,
    })
}

/// Stage 2, the operation parser: the command's own arguments, `help`,
/// required arguments, and the words nobody consumed.
pub fn parse_command(globals: &GlobalArgs) -> Result<Invocation, Error> {
    let all = specs();
    let commands: Vec<&OptionSpec> = all.iter().filter(|s| !s.global).collect();
    let remaining = &globals.remaining;
    if remaining.len() == 1 && remaining[0] == "help" {
        return Ok(Invocation::Help);
    }
    let (command_occurrences, mut leftovers) = parse_stage(remaining, &commands, || false)?;

    // The operation parser's optional `help` positional takes the first
    // positional word; any other word there is reported last.
    let help_word = leftovers
        .iter()
        .position(|w| !is_option_like(w))
        .map(|at| leftovers.remove(at));

    // Required arguments, unless --cli-input-json/yaml or a non-output
    // skeleton is on the command line (checked on the raw words, as the CLI does).
    let relaxed = remaining
        .iter()
        .any(|w| w == "--cli-input-json" || w == "--cli-input-yaml")
        || remaining
            .iter()
            .position(|w| w == "--generate-cli-skeleton")
            .is_some_and(|at| remaining.get(at + 1).map(String::as_str) != Some("output"));
    if !relaxed {
        let missing: Vec<String> = REQUIRED
            .iter()
            .filter(|name| !command_occurrences.iter().any(|o| o.long == **name))
            .map(|name| format!("--{name}"))
            .collect();
        if !missing.is_empty() {
            return Err(Error::Usage {
                message: format!(
                    "the following arguments are required: {}",
                    missing.join(", ")
                ),
            });
        }
    }

    match help_word {
        Some(word) if word == "help" => return Ok(Invocation::Help),
        Some(word) => leftovers.push(word),
        None => {}
    }
    if !leftovers.is_empty() {
        return Err(Error::UnknownOptions(leftovers));
    }
    build_opts(globals.occurrences.iter().chain(&command_occurrences))
        .map(|opts| Invocation::Run(Box::new(opts)))
}

/// Parse the words that follow `aws secretsmanager update-secret-version-stage`
/// (both stages, without the checks the CLI runs between them).
pub fn parse(args: &[String]) -> Result<Invocation, Error> {
    let globals = parse_globals(args)?;
    if globals.version {
        return Ok(Invocation::Version);
    }
    parse_command(&globals)
}

/// The options a command line sets (their long names, in order of first
/// appearance), read leniently: abbreviations and `--opt=value` count, a
/// word that matches no option is skipped, and nothing is an error. The
/// auto-prompt uses it to ask only for what is missing.
pub fn options_present(args: &[String]) -> Vec<String> {
    let all = specs();
    let refs: Vec<&OptionSpec> = all.iter().collect();
    let mut present: Vec<String> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let word = &args[i];
        i += 1;
        if word == "--" {
            break;
        }
        if !is_option_like(word) {
            continue;
        }
        if let OptionMatch::Known(spec, inline) = match_option(word, &refs) {
            if inline.is_none()
                && spec.arity != Arity::Flag
                && args.get(i).is_some_and(|next| !is_option_like(next))
            {
                i += 1;
            }
            if !present.contains(&spec.long) {
                present.push(spec.long.clone());
            }
        }
    }
    present
}

/// The shells [`write_completion_script`] writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionShell {
    /// bash.
    Bash,
    /// zsh.
    Zsh,
    /// fish.
    Fish,
}

impl CompletionShell {
    /// The shell named `name` (`bash`, `zsh`, `fish`).
    pub fn from_name(name: &str) -> Option<CompletionShell> {
        match name {
            "bash" => Some(CompletionShell::Bash),
            "zsh" => Some(CompletionShell::Zsh),
            "fish" => Some(CompletionShell::Fish),
            _ => None,
        }
    }
}

/// Write the native completion script for `shell`, generated by
/// clap_complete from [`Opts`]: the same names, value choices and
/// descriptions the parser uses.
pub fn write_completion_script(
    shell: CompletionShell,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use clap_complete::Shell;
    let shell = match shell {
        CompletionShell::Bash => Shell::Bash,
        CompletionShell::Zsh => Shell::Zsh,
        CompletionShell::Fish => Shell::Fish,
    };
    let mut buffer = Vec::new();
    let mut command = Opts::command();
    clap_complete::generate(
        shell,
        &mut command,
        "update-secret-version-stage",
        &mut buffer,
    );
    out.write_all(&buffer)
}

/// difflib's `get_close_matches(word, choices, n=3, cutoff=0.8)`.
pub fn close_matches<'a>(word: &str, choices: &[&'a str]) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &str)> = choices
        .iter()
        .map(|c| (sequence_ratio(c, word), *c))
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| b.1.cmp(a.1))
    });
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// difflib's `SequenceMatcher(None, a, b).ratio()` (no junk heuristics:
/// they only apply to sequences of 200 or more items).
fn sequence_ratio(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    2.0 * matching_chars(&a, &b) as f64 / total as f64
}

fn matching_chars(a: &[char], b: &[char]) -> usize {
    let (mut best_i, mut best_j, mut best_len) = (0, 0, 0);
    for i in 0..a.len() {
        for j in 0..b.len() {
            let mut k = 0;
            while i + k < a.len() && j + k < b.len() && a[i + k] == b[j + k] {
                k += 1;
            }
            if k > best_len {
                (best_i, best_j, best_len) = (i, j, k);
            }
        }
    }
    if best_len == 0 {
        return 0;
    }
    best_len
        + matching_chars(&a[..best_i], &b[..best_j])
        + matching_chars(&a[best_i + best_len..], &b[best_j + best_len..])
}

/// The `--version` line: this tool's identity in the CLI's four-token shape.
pub fn version_string() -> String {
    format!(
        "update-secret-version-stage/{} Rust/{} Linux/{} source/{}",
        env!("CARGO_PKG_VERSION"),
        env!("USVS_RUSTC_VERSION"),
        kernel_release(),
        std::env::consts::ARCH
    )
}

fn kernel_release() -> String {
    std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.trim().to_owned())
        .ok()
        .filter(|s| !s.is_empty() && !s.contains(char::is_whitespace))
        .unwrap_or_else(|| "unknown".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::USAGE;

    fn words(s: &[&str]) -> Vec<String> {
        s.iter().map(|w| w.to_string()).collect()
    }

    fn run(s: &[&str]) -> Opts {
        match parse(&words(s)) {
            Ok(Invocation::Run(opts)) => *opts,
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn clap_definition_is_consistent() {
        Opts::command().debug_assert();
    }

    #[test]
    fn parses_all_forms() {
        let o = run(&[
            "--secret-id",
            "a",
            "--version-stage=b",
            "--output",
            "text",
            "--secret-id",
            "c",
            "--debug",
            "--cli-connect-timeout",
            "-1",
        ]);
        assert_eq!(o.secret_id.as_deref(), Some("c"));
        assert_eq!(o.version_stage.as_deref(), Some("b"));
        assert_eq!(o.output.as_deref(), Some("text"));
        assert_eq!(o.cli_connect_timeout.as_deref(), Some("-1"));
        assert!(o.debug);
    }

    #[test]
    fn unique_prefixes_are_accepted() {
        let o = run(&["--secret", "a", "--version-st", "b", "--outp", "json"]);
        assert_eq!(o.secret_id.as_deref(), Some("a"));
        assert_eq!(o.output.as_deref(), Some("json"));
    }

    #[test]
    fn errors_come_in_argparse_order() {
        let e = parse(&words(&["--bogus", "1"])).unwrap_err();
        assert_eq!(
            e,
            Error::Usage {
                message: "the following arguments are required: --secret-id, --version-stage"
                    .into()
            }
        );
        let e = parse(&words(&["--output", "bogus"])).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("argument --output: Found invalid choice 'bogus'\n\n\n{USAGE}")
        );
        let e = parse(&words(&[
            "--secret-id",
            "a",
            "--version-stage",
            "b",
            "--x",
            "1",
        ]))
        .unwrap_err();
        assert_eq!(e, Error::UnknownOptions(words(&["--x", "1"])));
        let e = parse(&words(&["--version-stage", "X", "--secret-id"])).unwrap_err();
        assert_eq!(
            e,
            Error::Usage {
                message: "argument --secret-id: expected one argument".into()
            }
        );
    }

    #[test]
    fn version_and_help() {
        assert_eq!(
            parse(&words(&["--version", "--bogus"])),
            Ok(Invocation::Version)
        );
        assert_eq!(parse(&words(&["help"])), Ok(Invocation::Help));
        assert_eq!(
            parse(&words(&["help", "--output", "json"])),
            Ok(Invocation::Help)
        );
        assert_eq!(
            parse(&words(&[
                "--secret-id",
                "a",
                "--version-stage",
                "b",
                "help"
            ])),
            Ok(Invocation::Help)
        );
    }

    #[test]
    fn leading_positional_is_listed_last() {
        let e = parse(&words(&[
            "foo",
            "--secret-id",
            "a",
            "--version-stage",
            "b",
            "--x",
        ]))
        .unwrap_err();
        assert_eq!(e, Error::UnknownOptions(words(&["--x", "foo"])));
    }

    #[test]
    fn skeleton_and_cli_input_relax_required() {
        let o = run(&["--generate-cli-skeleton"]);
        assert_eq!(o.generate_cli_skeleton.as_deref(), Some("input"));
        let o = run(&["--cli-input-json", "{}"]);
        assert_eq!(o.cli_input_json.as_deref(), Some("{}"));
        assert!(parse(&words(&["--generate-cli-skeleton", "output"])).is_err());
    }

    #[test]
    fn close_matches_like_difflib() {
        assert_eq!(
            close_matches("jsno", &["json", "text", "table"]),
            Vec::<&str>::new()
        );
        assert_eq!(close_matches("jsonn", &["json", "text"]), vec!["json"]);
        assert_eq!(
            close_matches("yaml-strem", &["yaml", "yaml-stream"]),
            vec!["yaml-stream"]
        );
    }
}

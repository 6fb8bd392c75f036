//! `update-secret-version-stage`: AWS CLI v2's
//! `aws secretsmanager update-secret-version-stage`, as a native binary.
//!
//! [`run`] is the whole program: parse → resolve settings → build the
//! request → call → query → render, in the order AWS CLI v2 does each step,
//! so that when several things are wrong the same error wins. Before that
//! it answers a shell's completion request ([`completion`]), and with the
//! auto-prompt on it first asks for missing parameters on the terminal
//! ([`prompt`]). `main.rs` only gathers the process's arguments,
//! environment and terminals and calls it.

pub mod cli;
pub mod client;
pub mod completion;
pub mod config_file;
pub mod debug;
pub mod error;
pub mod help;
pub mod input;
pub mod operation;
pub mod output;
pub mod pager;
pub mod prompt;
pub mod query;
pub mod settings;
pub mod transport;

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use crate::cli::{GlobalArgs, Invocation, Opts};
use crate::config_file::{ConfigFiles, Section};
use crate::debug::DebugLog;
use crate::error::{Error, exit_code};
use crate::output::{Format, TableStyle, Terminal};
use crate::query::Query;
use crate::settings::{Env, ProfileChoice};

/// The process's side of a run: where output goes and what the terminals are.
pub struct Io<'a> {
    /// Standard input (read only by the auto-prompt, on a terminal).
    pub stdin: &'a mut dyn BufRead,
    /// Standard output.
    pub stdout: &'a mut dyn Write,
    /// Standard error.
    pub stderr: &'a mut dyn Write,
    /// Whether stdout is a terminal.
    pub stdout_is_tty: bool,
    /// Whether stdin is a terminal.
    pub stdin_is_tty: bool,
    /// The width of stdout when it is a terminal.
    pub terminal_width: Option<usize>,
}

/// Everything one run knows about its environment.
pub struct Context {
    /// The words after `aws secretsmanager update-secret-version-stage`.
    pub args: Vec<String>,
    /// The process environment.
    pub env: Env,
    /// The working directory (for relative `file://` paths).
    pub cwd: PathBuf,
}

/// Run the command; returns the process exit code.
pub fn run(context: &Context, io: &mut Io<'_>) -> i32 {
    if let Some(request) = completion::request(&context.args, &context.env) {
        return complete(&request, context, io);
    }
    let mut files = LazyFiles::default();
    match auto_prompt_mode(&context.args, &context.env, &mut files) {
        Ok(AutoPrompt::On) if !io.stdin_is_tty => {
            report(&Error::AutoPromptNoTty, None, context, &mut files, io)
        }
        Ok(AutoPrompt::On) => prompt_then_execute(context, io, &mut files),
        Ok(AutoPrompt::Partial) => {
            // The CLI runs first with its parameter-validation messages
            // silenced, and prompts when that run ends with rc 252.
            let mut state = RunState::default();
            match execute(context, io, &mut files, &mut state) {
                Ok(code) => code,
                Err(e) if e.exit_code() == exit_code::PARAM_VALIDATION => {
                    if !matches!(e, Error::Usage { .. } | Error::ParamValidation(_)) {
                        report(&e, state.globals.as_ref(), context, &mut files, io);
                    }
                    if io.stdin_is_tty {
                        prompt_then_execute(context, io, &mut files)
                    } else {
                        report(&Error::AutoPromptNoTty, None, context, &mut files, io)
                    }
                }
                Err(e) => report(&e, state.globals.as_ref(), context, &mut files, io),
            }
        }
        Ok(AutoPrompt::Off) => {
            let mut state = RunState::default();
            match execute(context, io, &mut files, &mut state) {
                Ok(code) => code,
                Err(e) => report(&e, state.globals.as_ref(), context, &mut files, io),
            }
        }
        Err(e) => report(&e, None, context, &mut files, io),
    }
}

/// Answer a completion request (see [`completion`]).
fn complete(request: &completion::Request, context: &Context, io: &mut Io<'_>) -> i32 {
    match request {
        completion::Request::Candidates { line, point } => {
            let (config, credentials) = config_file_texts(&context.env);
            let profiles = config_file::profile_names(&config, &credentials);
            let home = context.env.get("HOME").map(PathBuf::from);
            let sources = completion::Sources {
                profiles: &profiles,
                cwd: &context.cwd,
                home: home.as_deref(),
            };
            let found = completion::candidates(line, *point, &sources);
            let _ = completion::write_candidates(&found, io.stdout);
            exit_code::SUCCESS
        }
        completion::Request::Script(shell) => {
            let _ = cli::write_completion_script(*shell, io.stdout);
            exit_code::SUCCESS
        }
        completion::Request::UnknownShell(name) => {
            let _ = writeln!(
                io.stderr,
                "update-secret-version-stage: {}={name}: no such shell; use bash, zsh or fish",
                completion::SCRIPT_VARIABLE
            );
            exit_code::PARAM_VALIDATION
        }
    }
}

/// Ask for the missing parameters on the terminal, echo the command line,
/// then run it (see [`prompt`]).
fn prompt_then_execute(context: &Context, io: &mut Io<'_>, files: &mut LazyFiles) -> i32 {
    let answered = prompt::ask(&context.args, io.stdin, io.stderr);
    let words = match answered {
        Ok(prompt::Answered::Run(words)) => words,
        Ok(prompt::Answered::Cancelled(words)) => {
            // The cursor is still on the question's line.
            let _ = writeln!(io.stderr, "\n{}", prompt::command_line(&words));
            return exit_code::INTERRUPTED;
        }
        Err(e) => return report(&Error::General(e.to_string()), None, context, files, io),
    };
    if words != context.args {
        let _ = writeln!(io.stdout, "{}", prompt::command_line(&words));
        let _ = io.stdout.flush();
    }
    let prompted = Context {
        args: words,
        env: context.env.clone(),
        cwd: context.cwd.clone(),
    };
    let mut state = RunState::default();
    match execute(&prompted, io, files, &mut state) {
        Ok(code) => code,
        Err(e) => report(&e, state.globals.as_ref(), &prompted, files, io),
    }
}

/// The config files, read once, when first needed.
#[derive(Default)]
struct LazyFiles(Option<ConfigFiles>);

impl LazyFiles {
    fn get(&mut self, env: &Env) -> &ConfigFiles {
        self.0.get_or_insert_with(|| read_config_files(env))
    }
}

fn home_path(env: &Env, default: &str) -> PathBuf {
    match env.get("HOME") {
        Some(home) => Path::new(home).join(default),
        None => PathBuf::from(default),
    }
}

fn expand(env: &Env, path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), env.get("HOME")) {
        (Some(rest), Some(home)) => Path::new(home).join(rest),
        _ => PathBuf::from(path),
    }
}

/// The text of the config file and of the credentials file (empty when
/// missing), from `AWS_CONFIG_FILE`/`AWS_SHARED_CREDENTIALS_FILE` or `~/.aws`.
fn config_file_texts(env: &Env) -> (String, String) {
    let config = env
        .get("AWS_CONFIG_FILE")
        .map(|p| expand(env, p))
        .unwrap_or_else(|| home_path(env, ".aws/config"));
    let credentials = env
        .get("AWS_SHARED_CREDENTIALS_FILE")
        .map(|p| expand(env, p))
        .unwrap_or_else(|| home_path(env, ".aws/credentials"));
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    (read(&config), read(&credentials))
}

fn read_config_files(env: &Env) -> ConfigFiles {
    let (config, credentials) = config_file_texts(env);
    ConfigFiles::parse(&config, &credentials)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AutoPrompt {
    Off,
    On,
    Partial,
}

/// The CLI's `resolve_auto_prompt_mode`, run before anything else.
fn auto_prompt_mode(
    args: &[String],
    env: &Env,
    files: &mut LazyFiles,
) -> Result<AutoPrompt, Error> {
    let has = |w: &str| args.iter().any(|a| a == w);
    if has("--cli-auto-prompt") && has("--no-cli-auto-prompt") {
        return Err(Error::ParamValidation(
            "Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time."
                .to_owned(),
        ));
    }
    if has("help") || has("--version") || has("--no-cli-auto-prompt") {
        return Ok(AutoPrompt::Off);
    }
    if has("--cli-auto-prompt") {
        return Ok(AutoPrompt::On);
    }
    let value = match env.get("AWS_CLI_AUTO_PROMPT") {
        Some(v) => Some(v.clone()),
        None => {
            let profile = env
                .get("AWS_PROFILE")
                .or_else(|| env.get("AWS_DEFAULT_PROFILE"))
                .cloned()
                .unwrap_or_else(|| "default".to_owned());
            files
                .get(env)
                .profile(&profile)
                .and_then(|s| s.get("cli_auto_prompt"))
                .map(str::to_owned)
        }
    };
    Ok(match value.map(|v| v.to_lowercase()).as_deref() {
        Some("on") => AutoPrompt::On,
        Some("on-partial") => AutoPrompt::Partial,
        _ => AutoPrompt::Off,
    })
}

/// What [`execute`] learned that error reporting needs.
#[derive(Default)]
struct RunState {
    globals: Option<Opts>,
}

/// Resolve the error format for reporting: `None` when the lookup itself
/// fails (a profile that does not exist), which prints the bare message.
fn error_format(globals: Option<&Opts>, env: &Env, files: &mut LazyFiles) -> Option<String> {
    if let Some(flag) = globals.and_then(|g| g.cli_error_format.as_deref()) {
        return Some(flag.to_lowercase());
    }
    let profile = match globals {
        Some(g) => settings::resolve_profile(g, env),
        None => settings::resolve_profile(&Opts::default(), env),
    };
    let files = files.get(env);
    let section = settings::scoped_config(files, &profile).ok()?;
    Some(settings::resolve_error_format(None, env, section))
}

fn terminal(globals: Option<&Opts>, io: &Io<'_>, paged: bool) -> Terminal {
    let color = match globals.and_then(|g| g.color.as_deref()) {
        Some("on") => true,
        Some("off") => false,
        _ => io.stdout_is_tty,
    };
    Terminal {
        width: if io.stdout_is_tty {
            io.terminal_width.unwrap_or(80)
        } else {
            80
        },
        style: TableStyle {
            color,
            stdout_is_tty: io.stdout_is_tty,
            paged,
        },
    }
}

fn report(
    error: &Error,
    globals: Option<&Opts>,
    context: &Context,
    files: &mut LazyFiles,
    io: &mut Io<'_>,
) -> i32 {
    if *error == Error::Interrupted {
        let _ = io.stdout.write_all(b"\n");
        return error.exit_code();
    }
    let format = error_format(globals, &context.env, files);
    let terminal = terminal(globals, io, false);
    let _ = output::render_error(error, format.as_deref(), terminal, io.stderr);
    let _ = io.stderr.flush();
    // colorama's exit-time reset of a terminal stdout, after a coloured error table.
    if format.as_deref() == Some("table") && terminal.style.color && io.stdout_is_tty {
        let _ = io.stdout.write_all(b"\x1b[0m");
        let _ = io.stdout.flush();
    }
    error.exit_code()
}

/// The steps of one run, in the CLI's order.
fn execute(
    context: &Context,
    io: &mut Io<'_>,
    files: &mut LazyFiles,
    state: &mut RunState,
) -> Result<i32, Error> {
    let env = &context.env;
    // Stage 1: global options.
    let globals: GlobalArgs = cli::parse_globals(&context.args)?;
    if globals.version {
        let _ = writeln!(io.stdout, "{}", cli::version_string());
        return Ok(exit_code::SUCCESS);
    }
    state.globals = Some(globals.opts.clone());
    let log = DebugLog::new(globals.opts.debug);
    if log.enabled() {
        let mut words = vec![
            "secretsmanager".to_owned(),
            "update-secret-version-stage".to_owned(),
        ];
        words.extend(context.args.iter().cloned());
        let argv = words
            .iter()
            .map(|w| settings::python_repr_str(w))
            .collect::<Vec<_>>()
            .join(", ");
        for _ in 0..2 {
            log.log(
                io.stderr,
                "awscli.clidriver",
                &format!("CLI version: {}", cli::version_string()),
            );
            log.log(
                io.stderr,
                "awscli.clidriver",
                &format!("Arguments entered to CLI: [{argv}]"),
            );
        }
    }

    // The checks the CLI runs on the global options once they are parsed.
    let query = match &globals.opts.query {
        Some(expression) => Some(Query::compile(expression).map_err(|e| {
            Error::ParamValidation(format!("Bad value for --query {expression}: {e}"))
        })?),
        None => None,
    };
    if let Some(url) = &globals.opts.endpoint_url {
        check_endpoint_url(url)?;
    }
    let read_timeout = settings::resolve_timeout(globals.opts.cli_read_timeout.as_deref())?;
    let connect_timeout = settings::resolve_timeout(globals.opts.cli_connect_timeout.as_deref())?;

    // Stage 2: the command's arguments.
    let opts = match cli::parse_command(&globals)? {
        Invocation::Version => {
            let _ = writeln!(io.stdout, "{}", cli::version_string());
            return Ok(exit_code::SUCCESS);
        }
        Invocation::Help => {
            return help::show_help(env).map_err(|e| Error::General(e.to_string()));
        }
        Invocation::Run(opts) => *opts,
    };

    // Parameter values, then --cli-input-*, then skeletons.
    let loaded = input::load_args(&opts, &context.cwd)?;
    let params = input::merge_cli_input(loaded)?;
    match opts.generate_cli_skeleton.as_deref() {
        Some("input") => {
            let _ = io.stdout.write_all(input::input_skeleton_json().as_bytes());
            return Ok(exit_code::SUCCESS);
        }
        Some("yaml-input") => {
            let _ = io.stdout.write_all(input::input_skeleton_yaml().as_bytes());
            return Ok(exit_code::SUCCESS);
        }
        _ => {}
    }

    // Client creation: region format, profile, region.
    if let Some(region) = settings::region_flag(&opts) {
        settings::validate_region_name(region)?;
    }
    let profile: ProfileChoice = settings::resolve_profile(&opts, env);
    let files = files.get(env);
    let section: Option<&Section> = settings::scoped_config(files, &profile)?;
    let region = settings::resolve_region(&opts, env, section).ok_or(Error::NoRegion)?;
    settings::validate_region_name(&region)?;
    let retry = settings::resolve_retry(env, section)?;
    let trust = settings::resolve_trust(&opts, env, section)?;
    // urllib3's Timeout, built with the endpoint's HTTP session.
    for (name, value) in [("connect", connect_timeout), ("read", read_timeout)] {
        if let Some(v) = value.filter(|v| *v < 0) {
            return Err(Error::General(format!(
                "Attempted to set {name} timeout to {v}, but the timeout cannot be set to a value less than or equal to 0."
            )));
        }
    }
    let endpoint_url = settings::resolve_endpoint(&opts, env, files, section);
    if opts.generate_cli_skeleton.as_deref() == Some("output") {
        return Err(input::output_skeleton_error());
    }

    // Client-side validation, then credentials (needed only for signing).
    let request = input::validate(&params)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::General(e.to_string()))?;
    let credentials = if opts.no_sign_request {
        None
    } else {
        let found = block_on_interruptible(
            &runtime,
            client::resolve_credentials(
                env,
                &profile,
                section,
                files.credentials.get(&profile.name),
                &region,
            ),
        )?;
        Some(found.ok_or(Error::NoCredentials)?)
    };

    let url = request_url(endpoint_url.as_deref(), &region);
    let client_settings = client::ClientSettings {
        region: region.clone(),
        endpoint_url: endpoint_url.clone(),
        retry,
        connect_timeout,
        read_timeout,
        unsigned: opts.no_sign_request,
        trust,
        url: url.clone(),
        debug: log.enabled(),
        proxy: settings::resolve_proxy(env, &url),
    };
    let counter = client::AttemptCounter::default();
    let sdk = client::build_client(&client_settings, credentials, &counter);
    let call = block_on_interruptible(
        &runtime,
        operation::update_secret_version_stage(&sdk, &request, &counter, retry.max_attempts, &url),
    )?;

    // Display.
    let output_name = settings::resolve_output(&opts, env, section);
    let format = Format::from_name(&output_name)
        .ok_or_else(|| Error::General(format!("Unknown output type: {output_name}")))?;
    if format != Format::Off
        && let Some(id) = &call.request_id
    {
        log.log(io.stderr, "awscli.formatter", &format!("RequestId: {id}"));
    }
    let value = match &query {
        Some(q) if format != Format::Off => q
            .search(&call.response)
            .map_err(|e| Error::General(e.to_string()))?,
        _ => call.response,
    };
    let pager_command = if opts.no_cli_pager {
        String::new()
    } else {
        settings::resolve_pager(env, section)
    };
    let paged = io.stdout_is_tty && !pager_command.is_empty();
    let terminal = terminal(Some(&opts), io, paged);
    let mut buffer = Vec::new();
    let rendered = output::render(format, &value, terminal, &mut buffer);
    pager::write_output(&buffer, &pager_command, io.stdout_is_tty, env, io.stdout)?;
    // A value the CLI's formatter itself cannot print fails like the CLI,
    // after whatever it wrote; a closed stdout is not an error.
    if let Err(e) = rendered
        && e.kind() == std::io::ErrorKind::InvalidData
    {
        return Err(Error::General(e.to_string()));
    }
    Ok(exit_code::SUCCESS)
}

/// Run `work` to completion unless Ctrl-C comes first, which is the CLI's
/// `KeyboardInterrupt` ([`Error::Interrupted`]: a newline on stdout, 130).
fn block_on_interruptible<T>(
    runtime: &tokio::runtime::Runtime,
    work: impl std::future::Future<Output = Result<T, Error>>,
) -> Result<T, Error> {
    use std::task::Poll;
    runtime.block_on(async {
        let mut work = std::pin::pin!(work);
        let mut ctrl_c = std::pin::pin!(tokio::signal::ctrl_c());
        // Without a SIGINT handler (it could not be installed) only the
        // work is awaited.
        let mut listening = true;
        std::future::poll_fn(|cx| {
            if let Poll::Ready(result) = work.as_mut().poll(cx) {
                return Poll::Ready(result);
            }
            if listening {
                match ctrl_c.as_mut().poll(cx) {
                    Poll::Ready(Ok(())) => return Poll::Ready(Err(Error::Interrupted)),
                    Poll::Ready(Err(_)) => listening = false,
                    Poll::Pending => {}
                }
            }
            Poll::Pending
        })
        .await
    })
}

/// The CLI's check of `--endpoint-url`: it must have a scheme.
fn check_endpoint_url(url: &str) -> Result<(), Error> {
    let scheme_ok = url.split_once(':').is_some_and(|(scheme, _)| {
        let mut chars = scheme.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    if scheme_ok {
        Ok(())
    } else {
        Err(Error::ParamValidation(format!(
            "Bad value for --endpoint-url \"{url}\": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/"
        )))
    }
}

/// The URL botocore names in connection errors.
fn request_url(endpoint: Option<&str>, region: &str) -> String {
    match endpoint {
        Some(url) => {
            let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
            if after_scheme.contains('/') {
                url.to_owned()
            } else {
                format!("{url}/")
            }
        }
        None => format!("https://secretsmanager.{region}.amazonaws.com/"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_url_needs_a_scheme() {
        assert!(check_endpoint_url("http://127.0.0.1:1").is_ok());
        assert_eq!(
            check_endpoint_url("not-a-url").unwrap_err().to_string(),
            "Bad value for --endpoint-url \"not-a-url\": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/"
        );
    }

    #[test]
    fn request_urls() {
        assert_eq!(request_url(Some("http://h:1"), "r"), "http://h:1/");
        assert_eq!(request_url(Some("http://h:1/p"), "r"), "http://h:1/p");
        assert_eq!(
            request_url(None, "eu-west-1"),
            "https://secretsmanager.eu-west-1.amazonaws.com/"
        );
    }
}

//! The `help` word: print the command's manual page through a pager, as
//! `aws secretsmanager update-secret-version-stage help` does.
//!
//! The AWS CLI renders its reST docs to a man page and runs
//! `groff -m man -T ascii` on it every time. We ship the result instead:
//! `doc/update-secret-version-stage.1` is the page in man macros,
//! `scripts/render-help` renders it into `doc/help.txt` (78 columns,
//! overstrike bold `X\bX` and underline `_\bX`), and [`MANUAL`] embeds that
//! text, so no groff or mandoc is needed at run time.
//!
//! What the CLI does with the rendered page (`awscli/help.py`,
//! `PosixPagingHelpRenderer`), reproduced here:
//!
//! * The pager is `MANPAGER`, else `PAGER`, else `less -R` (`AWS_PAGER` and
//!   `cli_pager` are for command output, not for help). A variable that is
//!   set counts even when empty.
//! * The value is split with Python's `shlex.split` (no shell): an empty
//!   result fails with `list index out of range`, an open quote with
//!   `No closing quotation`, a trailing backslash with `No escaped character`.
//! * If no `PATH` entry joined with the program name exists, the manual is
//!   written straight to stdout followed by one extra `\n`, exit 0.
//! * Otherwise the program is executed (searched on `PATH` like Python's
//!   `subprocess`, `/bin:/usr/bin` when `PATH` is unset) with the manual on
//!   its stdin, its stdout and stderr inherited and SIGINT ignored while it
//!   runs. A broken pipe is ignored, the pager's exit status too: exit 0.
//! * A pager that cannot be executed fails like any other exception:
//!   `\naws: [ERROR]: [Errno 13] Permission denied: 'NAME'\n` on stderr,
//!   exit 255.

use std::collections::HashMap;
use std::io::{self, Write};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};

/// The manual as `groff -m man -T ascii` renders it, byte for byte what the
/// CLI pipes to the pager. Regenerate with `scripts/render-help`.
pub const MANUAL: &str = include_str!("../doc/help.txt");

/// The pager used when neither `MANPAGER` nor `PAGER` is set.
pub const DEFAULT_PAGER: &str = "less -R";

/// Exit code of the CLI's general exception handler.
const GENERAL_ERROR_RC: i32 = 255;

/// Python's `os.defpath`, what `subprocess` searches when `PATH` is unset.
const DEFAULT_EXEC_PATH: &str = "/bin:/usr/bin";

/// Print the manual through the help pager, as `aws ... help` does. Returns the process exit code (0).
/// `env` is the process environment as a map (MANPAGER, PAGER, LESS... are read from it, never from std::env).
///
/// The pager runs with exactly `env` as its environment. Errors are written
/// to stderr in the CLI's format and reported through the exit code (255);
/// the `Err` case is not used at present but kept for callers.
pub fn show_help(env: &HashMap<String, String>) -> io::Result<i32> {
    let stdout = io::stdout();
    let stderr = io::stderr();
    show_help_with(env, &mut stdout.lock(), &mut stderr.lock())
}

/// [`show_help`] with explicit writers for the manual when no pager is found
/// (`out`) and for error messages (`err`). A pager that does start writes to
/// the process's real stdout, which it inherits; `out` is flushed first.
pub fn show_help_with(
    env: &HashMap<String, String>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let argv = match pager_argv(env) {
        Ok(argv) => argv,
        Err(message) => return Ok(fail(err, &message)),
    };
    let Some((program, args)) = argv.split_first() else {
        return Ok(fail(err, INDEX_ERROR));
    };

    if !exists_on_path(program, env.get("PATH").map_or("", String::as_str)) {
        // Python ignores SIGPIPE: a closed stdout is an error, not a signal.
        let _signals = IgnoredSignals::new(&[libc::SIGPIPE]);
        let written = out
            .write_all(MANUAL.as_bytes())
            .and_then(|()| out.write_all(b"\n"))
            .and_then(|()| out.flush());
        return Ok(match written {
            Ok(()) => 0,
            Err(e) => fail(err, &os_error_text(&e, None)),
        });
    }

    // Nothing should be pending, but the pager shares our stdout.
    let _ = out.flush();
    // `ignore_ctrl_c()` around the pager; SIGPIPE as in any Python process.
    // Both stay ignored in the pager too, as with Python's Popen (SIGPIPE is
    // reset to the default in the child by std).
    let _signals = IgnoredSignals::new(&[libc::SIGINT, libc::SIGPIPE]);
    let path_var = env.get("PATH").map(String::as_str);
    let mut child = match spawn_pager(program, args, env, path_var) {
        Ok(child) => child,
        Err(e) => return Ok(fail(err, &os_error_text(&e, Some(program)))),
    };
    // `Popen.communicate(input=...)`: write everything, ignore a broken pipe
    // (and EINVAL), close stdin, wait; the exit status is not looked at.
    if let Some(mut stdin) = child.stdin.take() {
        match stdin.write_all(MANUAL.as_bytes()) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
            Err(e) if e.raw_os_error() == Some(libc::EINVAL) => {}
            // communicate() raises before waiting: the pager is left running.
            Err(e) => return Ok(fail(err, &os_error_text(&e, None))),
        }
        drop(stdin);
    }
    let _ = child.wait();
    Ok(0)
}

/// The pager command line before splitting: `MANPAGER` > `PAGER` >
/// [`DEFAULT_PAGER`]. A variable that is present wins even when it is empty.
pub fn pager_command(env: &HashMap<String, String>) -> &str {
    env.get("MANPAGER")
        .or_else(|| env.get("PAGER"))
        .map_or(DEFAULT_PAGER, String::as_str)
}

/// Python's `IndexError` message for `cmdline[0]` on an empty list.
const INDEX_ERROR: &str = "list index out of range";

/// The pager's argv: [`pager_command`] split like Python's `shlex.split`.
/// `Err` carries the message the CLI prints for it (an empty command line
/// fails on `cmdline[0]`).
pub fn pager_argv(env: &HashMap<String, String>) -> Result<Vec<String>, String> {
    let argv = shlex_split(pager_command(env)).map_err(|e| e.to_string())?;
    if argv.is_empty() {
        return Err(INDEX_ERROR.to_string());
    }
    Ok(argv)
}

/// Why Python's `shlex.split` rejects a string (its `ValueError` texts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SplitError {
    /// A quote was opened and never closed.
    #[error("No closing quotation")]
    NoClosingQuotation,
    /// The string ends with a backslash.
    #[error("No escaped character")]
    NoEscapedCharacter,
}

/// Python's `shlex.split(s)` (POSIX mode, whitespace split, no comments):
/// whitespace is space, tab, CR and LF; `'...'` is literal; inside `"..."`
/// a backslash escapes only `"` and `\` (otherwise it is kept); outside
/// quotes a backslash escapes any character; `''` yields an empty word;
/// `#`, `$`, `;`, `|` are ordinary characters.
pub fn shlex_split(s: &str) -> Result<Vec<String>, SplitError> {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum State {
        Between,
        Word,
        Single,
        Double,
        Escape,
    }
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\r' | '\n');

    let mut words = Vec::new();
    let mut token = String::new();
    let mut quoted = false;
    let mut state = State::Between;
    let mut after_escape = State::Word;
    for c in s.chars() {
        match state {
            State::Between => match c {
                c if is_space(c) => {}
                '\\' => {
                    after_escape = State::Word;
                    state = State::Escape;
                }
                '\'' => state = State::Single,
                '"' => state = State::Double,
                c => {
                    token.push(c);
                    state = State::Word;
                }
            },
            State::Word => match c {
                c if is_space(c) => {
                    words.push(std::mem::take(&mut token));
                    quoted = false;
                    state = State::Between;
                }
                '\'' => state = State::Single,
                '"' => state = State::Double,
                '\\' => {
                    after_escape = State::Word;
                    state = State::Escape;
                }
                c => token.push(c),
            },
            State::Single | State::Double => {
                quoted = true;
                let close = if state == State::Single { '\'' } else { '"' };
                if c == close {
                    state = State::Word;
                } else if c == '\\' && state == State::Double {
                    after_escape = State::Double;
                    state = State::Escape;
                } else {
                    token.push(c);
                }
            }
            State::Escape => {
                if after_escape == State::Double && c != '\\' && c != '"' {
                    token.push('\\');
                }
                token.push(c);
                state = after_escape;
            }
        }
    }
    match state {
        State::Between => {}
        State::Word => {
            if !token.is_empty() || quoted {
                words.push(token);
            }
        }
        State::Single | State::Double => return Err(SplitError::NoClosingQuotation),
        State::Escape => return Err(SplitError::NoEscapedCharacter),
    }
    Ok(words)
}

/// Python's `os.path.join(a, b)` for two parts.
fn py_join(dir: &str, name: &str) -> String {
    if name.starts_with('/') {
        name.to_string()
    } else if dir.is_empty() || dir.ends_with('/') {
        format!("{dir}{name}")
    } else {
        format!("{dir}/{name}")
    }
}

/// The CLI's `_exists_on_path`: does `os.path.join(p, name)` exist (any
/// kind of file, symlinks followed) for some `p` in `path_var` split on `:`?
/// An empty `PATH` has one empty entry, i.e. the current directory.
pub fn exists_on_path(name: &str, path_var: &str) -> bool {
    path_var
        .split(':')
        .any(|dir| std::fs::metadata(py_join(dir, name)).is_ok())
}

/// The files `subprocess.Popen` tries to execute for `name`, in order: the
/// name itself when it has a `/`, otherwise each `PATH` entry joined with it
/// (`/bin:/usr/bin` when `PATH` is unset). Relative results get a `./` so
/// that they are executed as paths, never searched for again.
pub fn exec_candidates(name: &str, path_var: Option<&str>) -> Vec<String> {
    let as_path = |p: String| {
        if p.contains('/') { p } else { format!("./{p}") }
    };
    if name.contains('/') {
        return vec![as_path(name.to_string())];
    }
    path_var
        .unwrap_or(DEFAULT_EXEC_PATH)
        .split(':')
        .map(|dir| as_path(py_join(dir, name)))
        .collect()
}

/// Start the pager like `Popen(argv, stdin=PIPE)`: try each candidate with
/// a plain `execve` (no shell fallback for scripts without `#!`); report the
/// first error other than ENOENT/ENOTDIR, else the last one.
pub(crate) fn spawn_pager(
    program: &str,
    args: &[String],
    env: &HashMap<String, String>,
    path_var: Option<&str>,
) -> io::Result<Child> {
    let mut first_hard: Option<io::Error> = None;
    let mut last: Option<io::Error> = None;
    for candidate in exec_candidates(program, path_var) {
        let spawned = Command::new(&candidate)
            .arg0(program)
            .args(args)
            .env_clear()
            .envs(env)
            .stdin(Stdio::piped())
            .spawn();
        match spawned {
            Ok(child) => return Ok(child),
            Err(e) => {
                let soft = matches!(e.raw_os_error(), Some(libc::ENOENT | libc::ENOTDIR));
                if !soft && first_hard.is_none() {
                    first_hard = Some(e);
                } else {
                    last = Some(e);
                }
            }
        }
    }
    Err(first_hard
        .or(last)
        .unwrap_or_else(|| io::Error::from_raw_os_error(libc::ENOENT)))
}

/// `str(OSError)`: `[Errno N] Message` plus `: 'filename'` when known.
pub(crate) fn os_error_text(e: &io::Error, filename: Option<&str>) -> String {
    let Some(code) = e.raw_os_error() else {
        return e.to_string();
    };
    let full = io::Error::from_raw_os_error(code).to_string();
    let suffix = format!(" (os error {code})");
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    match filename {
        Some(name) => format!("[Errno {code}] {message}: {}", py_repr(name)),
        None => format!("[Errno {code}] {message}"),
    }
}

/// Python's `repr()` of a `str` (printability approximated without the
/// Unicode database: controls, non-space whitespace, common format
/// characters and private use are escaped).
pub(crate) fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !py_printable(c) => {
                let n = u32::from(c);
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x1_0000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn py_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(
            c,
            '\u{ad}'
                | '\u{600}'..='\u{605}'
                | '\u{61c}'
                | '\u{6dd}'
                | '\u{70f}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e000}'..='\u{f8ff}'
                | '\u{f0000}'..='\u{10ffff}'
        ))
}

/// Write the CLI's general error (`write_error`) and return its exit code.
fn fail(err: &mut dyn Write, message: &str) -> i32 {
    let _ = write!(err, "\naws: [ERROR]: {}\n", message.trim());
    let _ = err.flush();
    GENERAL_ERROR_RC
}

/// Signals set to SIG_IGN for as long as the value lives; the previous
/// dispositions are restored on drop.
struct IgnoredSignals {
    saved: Vec<(libc::c_int, libc::sigaction)>,
}

impl IgnoredSignals {
    fn new(signals: &[libc::c_int]) -> Self {
        let mut saved = Vec::with_capacity(signals.len());
        for &signal in signals {
            // SAFETY: an all-zero `sigaction` is a valid value (SIG_DFL, no
            // flags, empty mask); both pointers refer to live locals.
            unsafe {
                let mut ignore: libc::sigaction = std::mem::zeroed();
                ignore.sa_sigaction = libc::SIG_IGN;
                libc::sigemptyset(&mut ignore.sa_mask);
                let mut old: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(signal, &ignore, &mut old) == 0 {
                    saved.push((signal, old));
                }
            }
        }
        Self { saved }
    }
}

impl Drop for IgnoredSignals {
    fn drop(&mut self) {
        for (signal, old) in self.saved.iter().rev() {
            // SAFETY: restores a disposition previously returned by
            // sigaction(2) for the same signal.
            unsafe {
                libc::sigaction(*signal, old, std::ptr::null_mut());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn split(s: &str) -> Result<Vec<String>, SplitError> {
        shlex_split(s)
    }

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|w| w.to_string()).collect()
    }

    /// A fresh, empty scratch directory for one test.
    fn scratch_dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("svs-help-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create scratch dir");
        dir
    }

    fn run(env: &HashMap<String, String>) -> (i32, Vec<u8>, String) {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let rc = show_help_with(env, &mut out, &mut err).expect("show_help_with");
        (rc, out, String::from_utf8_lossy(&err).into_owned())
    }

    #[test]
    fn manual_is_the_rendered_page() {
        assert!(MANUAL.starts_with(
            "UPDATE-SECRET-VERSION-STAGE()                    UPDATE-SECRET-VERSION-STAGE()\n"
        ));
        assert_eq!(MANUAL.lines().count(), 372);
        assert!(MANUAL.ends_with(
            "\n                                                 UPDATE-SECRET-VERSION-STAGE()\n"
        ));
        assert!(MANUAL.contains("N\x08NA\x08AM\x08ME\x08E\n"));
        assert!(MANUAL.contains("[--cli-error-format <value>]"));
    }

    #[test]
    fn pager_defaults_to_less_r() {
        assert_eq!(pager_command(&env(&[])), "less -R");
        assert_eq!(pager_argv(&env(&[])), Ok(words(&["less", "-R"])));
    }

    #[test]
    fn pager_then_manpager_precedence() {
        assert_eq!(pager_command(&env(&[("PAGER", "more")])), "more");
        assert_eq!(
            pager_command(&env(&[("PAGER", "more"), ("MANPAGER", "most -s")])),
            "most -s"
        );
        assert_eq!(pager_command(&env(&[("MANPAGER", "cat")])), "cat");
    }

    #[test]
    fn aws_pager_is_not_the_help_pager() {
        assert_eq!(pager_command(&env(&[("AWS_PAGER", "cat")])), "less -R");
        assert_eq!(
            pager_command(&env(&[("AWS_PAGER", "cat"), ("PAGER", "more")])),
            "more"
        );
    }

    #[test]
    fn empty_variables_still_win() {
        assert_eq!(
            pager_command(&env(&[("MANPAGER", ""), ("PAGER", "cat")])),
            ""
        );
        assert_eq!(
            pager_argv(&env(&[("MANPAGER", ""), ("PAGER", "cat")])),
            Err("list index out of range".to_string())
        );
        assert_eq!(
            pager_argv(&env(&[("PAGER", " \t\n")])),
            Err("list index out of range".to_string())
        );
    }

    #[test]
    fn pager_argv_reports_shlex_errors() {
        assert_eq!(
            pager_argv(&env(&[("PAGER", "'cat")])),
            Err("No closing quotation".to_string())
        );
        assert_eq!(
            pager_argv(&env(&[("PAGER", "cat \\")])),
            Err("No escaped character".to_string())
        );
        assert_eq!(
            pager_argv(&env(&[("PAGER", "less -R -X")])),
            Ok(words(&["less", "-R", "-X"]))
        );
    }

    #[test]
    fn shlex_like_python() {
        assert_eq!(split(""), Ok(vec![]));
        assert_eq!(split("  a  b\tc\r\nd "), Ok(words(&["a", "b", "c", "d"])));
        assert_eq!(split("'a b' c"), Ok(words(&["a b", "c"])));
        assert_eq!(split("a'b c'd"), Ok(words(&["ab cd"])));
        assert_eq!(split(r#""a\"b" 'c\d'"#), Ok(words(&["a\"b", "c\\d"])));
        assert_eq!(split(r#""a\$b\\c""#), Ok(words(&["a\\$b\\c"])));
        assert_eq!(split(r"a\ b \x"), Ok(words(&["a b", "x"])));
        assert_eq!(split("a\\\nb"), Ok(words(&["a\nb"])));
        assert_eq!(split("'' x"), Ok(words(&["", "x"])));
        assert_eq!(split("\"\""), Ok(words(&[""])));
        assert_eq!(split("#x ;y|z $HOME"), Ok(words(&["#x", ";y|z", "$HOME"])));
        assert_eq!(split("ü 'é'"), Ok(words(&["ü", "é"])));
        assert_eq!(split("\"abc"), Err(SplitError::NoClosingQuotation));
        assert_eq!(split("'"), Err(SplitError::NoClosingQuotation));
        assert_eq!(split("\"a\\"), Err(SplitError::NoEscapedCharacter));
        assert_eq!(split("\\"), Err(SplitError::NoEscapedCharacter));
    }

    #[test]
    fn join_and_candidates_like_python() {
        assert_eq!(py_join("/usr/bin", "less"), "/usr/bin/less");
        assert_eq!(py_join("/usr/bin/", "less"), "/usr/bin/less");
        assert_eq!(py_join("", "less"), "less");
        assert_eq!(py_join("/usr/bin", "/bin/cat"), "/bin/cat");
        assert_eq!(py_join("/usr/bin", ""), "/usr/bin/");
        assert_eq!(
            exec_candidates("less", Some("/a::b")),
            words(&["/a/less", "./less", "b/less"])
        );
        assert_eq!(
            exec_candidates("less", None),
            words(&["/bin/less", "/usr/bin/less"])
        );
        assert_eq!(exec_candidates("./x", Some("/a")), words(&["./x"]));
        assert_eq!(
            exec_candidates("/bin/cat", Some("/a")),
            words(&["/bin/cat"])
        );
    }

    #[test]
    fn exists_on_path_like_the_cli() {
        assert!(exists_on_path("/", ""));
        assert!(exists_on_path("sh", "/nonexistent:/bin:/usr/bin"));
        assert!(!exists_on_path("sh", "/nonexistent"));
        // A directory entry joined with "" names the directory itself.
        assert!(exists_on_path("", "/bin"));
        assert!(!exists_on_path("", ""));
    }

    #[test]
    fn python_repr_of_names() {
        assert_eq!(py_repr("less"), "'less'");
        assert_eq!(py_repr(""), "''");
        assert_eq!(py_repr("it's"), "\"it's\"");
        assert_eq!(py_repr("a'\"b"), "'a\\'\"b'");
        assert_eq!(py_repr("a\\b\tc\u{1}"), "'a\\\\b\\tc\\x01'");
        assert_eq!(py_repr("é\u{a0}\u{200b}"), "'é\\xa0\\u200b'");
    }

    #[test]
    fn error_texts_like_python() {
        let e = io::Error::from_raw_os_error(libc::EACCES);
        assert_eq!(
            os_error_text(&e, Some("/etc")),
            "[Errno 13] Permission denied: '/etc'"
        );
        let e = io::Error::from_raw_os_error(libc::EPIPE);
        assert_eq!(os_error_text(&e, None), "[Errno 32] Broken pipe");
    }

    #[test]
    fn missing_pager_prints_the_manual_plus_newline() {
        let (rc, out, err) = run(&env(&[
            ("PAGER", "no-such-pager-svs-help --flag"),
            ("PATH", "/nonexistent"),
        ]));
        assert_eq!(rc, 0);
        assert_eq!(out, format!("{MANUAL}\n").into_bytes());
        assert_eq!(err, "");
    }

    #[test]
    fn unset_path_checks_the_current_directory_only() {
        let (rc, out, _) = run(&env(&[("PAGER", "no-such-pager-svs-help")]));
        assert_eq!(rc, 0);
        assert_eq!(out.len(), MANUAL.len() + 1);
    }

    #[test]
    fn unsplittable_or_empty_pager_is_a_general_error() {
        for (value, message) in [
            ("", "list index out of range"),
            ("'less", "No closing quotation"),
            ("less\\", "No escaped character"),
        ] {
            let (rc, out, err) = run(&env(&[("PAGER", value)]));
            assert_eq!(rc, 255, "{value:?}");
            assert!(out.is_empty());
            assert_eq!(err, format!("\naws: [ERROR]: {message}\n"));
        }
    }

    #[test]
    fn pager_that_cannot_execute_is_a_general_error() {
        let (rc, out, err) = run(&env(&[("PAGER", "/"), ("PATH", "/usr/bin:/bin")]));
        assert_eq!(rc, 255);
        assert!(out.is_empty());
        assert_eq!(err, "\naws: [ERROR]: [Errno 13] Permission denied: '/'\n");

        // Found on PATH but not executable: the name as given is reported.
        let dir = scratch_dir("noexec");
        let script = dir.join("svs-pager");
        std::fs::write(&script, "echo hi\n").expect("write script");
        let path = dir.to_string_lossy().into_owned();
        let (rc, _, err) = run(&env(&[("PAGER", "svs-pager -x"), ("PATH", &path)]));
        assert_eq!(rc, 255);
        assert_eq!(
            err,
            "\naws: [ERROR]: [Errno 13] Permission denied: 'svs-pager'\n"
        );

        // Executable without `#!`: execve's ENOEXEC, no shell fallback.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let (rc, _, err) = run(&env(&[("PAGER", "svs-pager"), ("PATH", &path)]));
        assert_eq!(rc, 255);
        assert_eq!(
            err,
            "\naws: [ERROR]: [Errno 8] Exec format error: 'svs-pager'\n"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn pager_gets_the_manual_on_stdin_and_env() {
        let dir = scratch_dir("pipe");
        let target = dir.join("paged.txt");
        let target_str = target.to_string_lossy().into_owned();
        let (rc, out, err) = run(&env(&[
            (
                "PAGER",
                "sh -c 'cat > \"$SVS_OUT\"; echo \"$SVS_MARK\" >> \"$SVS_OUT\"'",
            ),
            ("PATH", "/usr/bin:/bin"),
            ("SVS_OUT", &target_str),
            ("SVS_MARK", "from-env"),
        ]));
        assert_eq!((rc, out.len(), err.as_str()), (0, 0, ""));
        let paged = std::fs::read_to_string(&target).expect("pager output");
        assert_eq!(paged, format!("{MANUAL}from-env\n"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn pager_exit_status_and_early_exit_are_ignored() {
        for pager in [
            "false",
            "true",
            "sh -c 'exit 3'",
            "sh -c 'head -c 1 >/dev/null'",
        ] {
            let (rc, _, err) = run(&env(&[("PAGER", pager), ("PATH", "/usr/bin:/bin")]));
            assert_eq!((rc, err.as_str()), (0, ""), "{pager}");
        }
    }

    #[test]
    fn signals_are_restored() {
        // SIGUSR2: no other test touches it (dispositions are process-wide).
        // SAFETY: only reads the current disposition.
        let current = |sig| unsafe {
            let mut old: libc::sigaction = std::mem::zeroed();
            libc::sigaction(sig, std::ptr::null(), &mut old);
            old.sa_sigaction
        };
        let before = current(libc::SIGUSR2);
        {
            let _g = IgnoredSignals::new(&[libc::SIGUSR2]);
            assert_eq!(current(libc::SIGUSR2), libc::SIG_IGN);
        }
        assert_eq!(current(libc::SIGUSR2), before);
    }
}

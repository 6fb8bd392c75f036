//! Paging command output, as the CLI does when stdout is a terminal.
//!
//! The pager is `AWS_PAGER` > profile `cli_pager` > `PAGER` > `less -R`
//! (resolved in [`crate::settings::resolve_pager`]); an empty value turns
//! it off. It is split like Python's `shlex.split`, executed without a
//! shell, given `LESS=FRX` when `LESS` is unset, and started only when
//! there is something to show. Its exit status is ignored; a pager that
//! cannot be found is the CLI's `Pager` configuration error (253).

use std::io::{self, Write};

use crate::error::Error;
use crate::help;
use crate::settings::Env;

/// Write `bytes` to stdout, through the pager when stdout is a terminal.
pub fn write_output(
    bytes: &[u8],
    pager: &str,
    stdout_is_tty: bool,
    env: &Env,
    stdout: &mut dyn Write,
) -> Result<(), Error> {
    if !stdout_is_tty || pager.is_empty() || bytes.is_empty() {
        // A closed stdout is not an error.
        let _ = stdout.write_all(bytes).and_then(|()| stdout.flush());
        return Ok(());
    }
    let argv = help::shlex_split(pager).map_err(|e| Error::General(e.to_string()))?;
    let Some((program, args)) = argv.split_first() else {
        return Err(Error::General("list index out of range".to_owned()));
    };
    let mut pager_env = env.clone();
    pager_env
        .entry("LESS".to_owned())
        .or_insert_with(|| "FRX".to_owned());
    let _ = stdout.flush();
    let path_var = env.get("PATH").map(String::as_str);
    let mut child = help::spawn_pager(program, args, &pager_env, path_var).map_err(|e| {
        let text = help::os_error_text(&e, Some(program));
        if e.kind() == io::ErrorKind::NotFound {
            Error::Pager(text)
        } else {
            Error::General(text)
        }
    })?;
    if let Some(mut stdin) = child.stdin.take() {
        // The pager may quit before reading everything: not an error.
        let _ = stdin.write_all(bytes);
    }
    let _ = child.wait();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_tty_writes_straight_through() {
        let mut out = Vec::new();
        write_output(b"x\n", "/nonexistent/pager", false, &Env::new(), &mut out).unwrap();
        assert_eq!(out, b"x\n");
    }

    #[test]
    fn missing_pager_is_a_pager_error() {
        let mut out = Vec::new();
        let e =
            write_output(b"x\n", "/nonexistent/pager", true, &Env::new(), &mut out).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Unable to redirect output to pager. Received the following error when opening pager:\n[Errno 2] No such file or directory: '/nonexistent/pager'\n\nLearn more about configuring the output pager by running \"aws help config-vars\"."
        );
        assert_eq!(e.exit_code(), 253);
    }
}

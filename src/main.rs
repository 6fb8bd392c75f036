//! The binary: gathers the arguments, environment and terminals, calls
//! [`update_secret_version_stage::run`], and exits with its code.

use std::io::Write;

use update_secret_version_stage::{Context, Io, run};

fn is_tty(fd: i32) -> bool {
    // SAFETY: isatty only inspects the descriptor.
    unsafe { libc::isatty(fd) == 1 }
}

fn terminal_width(fd: i32) -> Option<usize> {
    // SAFETY: TIOCGWINSZ fills the winsize struct we own.
    unsafe {
        let mut size: libc::winsize = std::mem::zeroed();
        if libc::ioctl(fd, libc::TIOCGWINSZ, &mut size) == 0 && size.ws_col > 0 {
            Some(usize::from(size.ws_col))
        } else {
            None
        }
    }
}

fn main() {
    // Should anything panic, exit like the CLI's general error handler: one
    // line, no backtrace, and no payload (it could hold a secret).
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprint!(
            "{}",
            update_secret_version_stage::error::ErrorLine(&format!("internal error{location}"))
        );
        std::process::exit(update_secret_version_stage::error::exit_code::GENERAL);
    }));
    let mut args = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.into_string() {
            Ok(arg) => args.push(arg),
            Err(raw) => {
                // The CLI fails when it encodes such a word for the request;
                // we say so before doing anything.
                eprint!(
                    "{}",
                    update_secret_version_stage::error::ErrorLine(&format!(
                        "Invalid argument: {:?} is not valid UTF-8",
                        raw
                    ))
                );
                std::process::exit(update_secret_version_stage::error::exit_code::GENERAL);
            }
        }
    }
    let env = std::env::vars_os()
        .map(|(k, v)| {
            (
                k.to_string_lossy().into_owned(),
                v.to_string_lossy().into_owned(),
            )
        })
        .collect();
    let cwd = std::env::current_dir().unwrap_or_default();
    let context = Context { args, env, cwd };
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let mut out = stdout.lock();
    let mut err = stderr.lock();
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut io = Io {
        stdin: &mut input,
        stdout: &mut out,
        stderr: &mut err,
        stdout_is_tty: is_tty(1),
        stdin_is_tty: is_tty(0),
        terminal_width: terminal_width(1),
    };
    let code = run(&context, &mut io);
    let _ = out.flush();
    let _ = err.flush();
    std::process::exit(code);
}

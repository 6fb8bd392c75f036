//! Running the binary on a pseudo-terminal, for what only happens on a
//! terminal: the pager, colour, the help pager and the auto-prompt.
//!
//! * [`run_on_pty`]: stdout and stderr on an 80x24 terminal, stdin as the
//!   command has it; returns everything the terminal showed.
//! * [`Session`]: stdin, stdout and stderr on the terminal, driven like a
//!   user: wait for a text to appear ([`Session::expect`]), type a line
//!   ([`Session::send`]), then collect the rest ([`Session::finish`]). The
//!   transcript includes the terminal's echo of what was typed, as a user
//!   sees it.

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How long a test waits for the binary to show something.
const PATIENCE: Duration = Duration::from_secs(30);

/// A new 80x24 pseudo-terminal: (master, slave).
fn open_pty() -> (OwnedFd, OwnedFd) {
    let mut master: libc::c_int = 0;
    let mut slave: libc::c_int = 0;
    let size = libc::winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty fills the two descriptors we own.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty failed");
    // SAFETY: both descriptors were just opened and are owned here.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

/// Make the terminal on fd 1 the child's controlling terminal.
fn take_terminal(command: &mut Command) {
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        command.pre_exec(|| {
            libc::setsid();
            libc::ioctl(1, libc::TIOCSCTTY, 0);
            Ok(())
        });
    }
}

/// Run `command` with stdout and stderr on an 80x24 pseudo-terminal; returns
/// what the terminal showed and the exit code.
pub fn run_on_pty(mut command: Command) -> (Vec<u8>, i32) {
    let (master, slave) = open_pty();
    command.stdout(Stdio::from(slave.try_clone().expect("dup pty")));
    command.stderr(Stdio::from(slave.try_clone().expect("dup pty")));
    take_terminal(&mut command);
    let mut child = command.spawn().expect("spawn on pty");
    drop(command);
    drop(slave);
    let mut file = std::fs::File::from(master);
    let mut out = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        match file.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
    let code = child.wait().map(|s| s.code().unwrap_or(-1)).unwrap_or(-1);
    (out, code)
}

/// The binary running on a terminal, with a user at the keyboard.
pub struct Session {
    writer: std::fs::File,
    chunks: Receiver<Vec<u8>>,
    shown: Vec<u8>,
    child: Child,
}

impl Session {
    /// Start `command` with all three standard streams on a new terminal.
    pub fn start(mut command: Command) -> Session {
        let (master, slave) = open_pty();
        command.stdin(Stdio::from(slave.try_clone().expect("dup pty")));
        command.stdout(Stdio::from(slave.try_clone().expect("dup pty")));
        command.stderr(Stdio::from(slave.try_clone().expect("dup pty")));
        take_terminal(&mut command);
        let child = command.spawn().expect("spawn on pty");
        drop(command);
        drop(slave);
        let writer = std::fs::File::from(master);
        let mut reader = writer.try_clone().expect("dup pty master");
        let (sender, chunks) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            // EIO once the child and every copy of the terminal are gone.
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                if sender.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            writer,
            chunks,
            shown: Vec::new(),
            child,
        }
    }

    /// Wait until the terminal has shown `text` (anywhere in the transcript).
    pub fn expect(&mut self, text: &str) -> &mut Session {
        let deadline = Instant::now() + PATIENCE;
        while !self.transcript().contains(text) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.chunks.recv_timeout(left) {
                Ok(chunk) => self.shown.extend_from_slice(&chunk),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => panic!(
                    "the terminal never showed {text:?}; it showed:\n{}",
                    self.transcript()
                ),
            }
        }
        self
    }

    /// Type `line` and Enter.
    pub fn send(&mut self, line: &str) -> &mut Session {
        self.writer
            .write_all(format!("{line}\n").as_bytes())
            .expect("type on the terminal");
        self
    }

    /// Type `keys` as they are (no Enter): `\t` is Tab, `\x15` Ctrl-U.
    pub fn type_keys(&mut self, keys: &str) -> &mut Session {
        self.writer
            .write_all(keys.as_bytes())
            .expect("type on the terminal");
        self
    }

    /// Type Ctrl-D (end of input at the start of a line).
    pub fn send_eof(&mut self) -> &mut Session {
        self.writer.write_all(&[4]).expect("type on the terminal");
        self
    }

    /// Wait for the program to end; returns the whole transcript (with
    /// `\r\n` shown as `\n`) and the exit code.
    pub fn finish(mut self) -> (String, i32) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.chunks.recv_timeout(left) {
                Ok(chunk) => self.shown.extend_from_slice(&chunk),
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => {
                    let _ = self.child.kill();
                    panic!("the program did not end; it showed:\n{}", self.transcript());
                }
            }
        }
        let code = self
            .child
            .wait()
            .map(|s| s.code().unwrap_or(-1))
            .unwrap_or(-1);
        (self.transcript(), code)
    }

    fn transcript(&self) -> String {
        String::from_utf8_lossy(&self.shown).replace("\r\n", "\n")
    }
}

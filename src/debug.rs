//! `--debug`: log lines on stderr in the shape of the CLI's Python logging
//! (`YYYY-MM-DD HH:MM:SS,mmm - MainThread - <logger> - DEBUG - <message>`).
//!
//! Only what helps a user is logged; secrets (the secret access key, the
//! session token, request signatures) never are.

use std::io::Write;

/// A debug log that writes to stderr when `--debug` is on.
#[derive(Debug, Default, Clone, Copy)]
pub struct DebugLog {
    enabled: bool,
}

impl DebugLog {
    /// A log that is on when `enabled`.
    pub fn new(enabled: bool) -> DebugLog {
        DebugLog { enabled }
    }

    /// Whether `--debug` is on.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// Log `message` from `logger`.
    pub fn log(&self, out: &mut dyn Write, logger: &str, message: &str) {
        if self.enabled {
            let _ = writeln!(
                out,
                "{} - MainThread - {logger} - DEBUG - {message}",
                timestamp()
            );
        }
    }
}

/// Local time as Python logging's `asctime`.
fn timestamp() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = libc::time_t::try_from(now.as_secs()).unwrap_or(0);
    let millis = now.subsec_millis();
    // SAFETY: `localtime_r` fills the zeroed `tm` we own; both pointers are valid.
    let tm = unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&secs, &mut tm).is_null() {
            return format!("1970-01-01 00:00:00,{millis:03}");
        }
        tm
    };
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02},{millis:03}",
        tm.tm_year + 1900,
        tm.tm_mon + 1,
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_python_logging_lines_only_when_enabled() {
        let mut out = Vec::new();
        DebugLog::new(false).log(&mut out, "awscli.clidriver", "x");
        assert!(out.is_empty());
        DebugLog::new(true).log(&mut out, "awscli.clidriver", "CLI version: v");
        let line = String::from_utf8(out).unwrap();
        assert_eq!(&line[4..5], "-");
        assert_eq!(&line[19..20], ",");
        assert_eq!(
            &line[23..],
            " - MainThread - awscli.clidriver - DEBUG - CLI version: v\n"
        );
    }
}

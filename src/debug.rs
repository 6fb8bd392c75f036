//! `--debug`: log lines on stderr in the shape of the CLI's Python logging
//! (`YYYY-MM-DD HH:MM:SS,mmm - MainThread - <logger> - DEBUG - <message>`).
//!
//! Only what helps a user is logged; secrets (the secret access key, the
//! session token, request signatures) never are.

use std::io::Write;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::{
    AfterDeserializationInterceptorContextRef, BeforeTransmitInterceptorContextRef,
    FinalizerInterceptorContextRef,
};
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_runtime_api::http::Headers;
use aws_smithy_types::config_bag::ConfigBag;

use crate::operation::{is_retryable, parse_error_response};

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

/// `--debug`'s view of the HTTP exchange, in botocore's log lines: the
/// request (with the signature and session token redacted), the response
/// status, headers and body, and the retry decision of each attempt.
#[derive(Debug, Clone)]
pub struct HttpLog {
    max_attempts: u32,
    attempts: Arc<AtomicU32>,
    /// Method and URL of the request last sent.
    sent: Arc<Mutex<Option<(String, String)>>>,
}

impl HttpLog {
    /// A log for a call allowed `max_attempts` attempts.
    pub fn new(max_attempts: u32) -> HttpLog {
        HttpLog {
            max_attempts,
            attempts: Arc::default(),
            sent: Arc::default(),
        }
    }

    fn line(logger: &str, message: &str) {
        DebugLog::new(true).log(&mut std::io::stderr().lock(), logger, message);
    }
}

/// Scheme, host and port of a request URL, as urllib3 logs them.
fn scheme_host_port(url: &str) -> Option<(String, String, u16)> {
    let uri: http::Uri = url.parse().ok()?;
    let scheme = uri.scheme_str()?.to_owned();
    let host = uri.host()?.to_owned();
    let port = uri
        .port_u16()
        .unwrap_or(if scheme == "https" { 443 } else { 80 });
    Some((scheme, host, port))
}

fn path_and_query(url: &str) -> String {
    url.parse::<http::Uri>()
        .ok()
        .and_then(|u| u.path_and_query().map(|p| p.as_str().to_owned()))
        .unwrap_or_else(|| "/".to_owned())
}

/// The header value as `--debug` may show it: no signature, no token.
pub fn redacted_header(name: &str, value: &str) -> String {
    if name.eq_ignore_ascii_case("authorization") {
        match value.split_once("Signature=") {
            Some((head, _)) => format!("{head}Signature=*** redacted ***"),
            None => "*** redacted ***".to_owned(),
        }
    } else if name.eq_ignore_ascii_case("x-amz-security-token") {
        "*** redacted ***".to_owned()
    } else {
        value.to_owned()
    }
}

fn header_dict(headers: &Headers) -> String {
    let items: Vec<String> = headers
        .iter()
        .map(|(k, v)| {
            format!(
                "{}: {}",
                crate::settings::python_repr_str(k),
                crate::settings::python_repr_str(&redacted_header(k, v))
            )
        })
        .collect();
    format!("{{{}}}", items.join(", "))
}

/// Python's `repr()` of a `bytes` value.
pub fn python_repr_bytes(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(char::from(quote));
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b if b == quote => {
                out.push('\\');
                out.push(char::from(b));
            }
            0x20..=0x7e => out.push(char::from(b)),
            b => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(char::from(quote));
    out
}

impl Intercept for HttpLog {
    fn name(&self) -> &'static str {
        "HttpLog"
    }

    fn read_before_transmit(
        &self,
        context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let request = context.request();
        let attempt = self.attempts.fetch_add(1, Ordering::SeqCst) + 1;
        if let Ok(mut sent) = self.sent.lock() {
            *sent = Some((request.method().to_owned(), request.uri().to_owned()));
        }
        if attempt == 1 {
            let body = request.body().bytes().unwrap_or_default();
            Self::line(
                "botocore.endpoint",
                &format!(
                    "Making request for OperationModel(name=UpdateSecretVersionStage) with params: {{'url_path': '/', 'query_string': '', 'method': '{}', 'headers': {}, 'body': {}, 'url': '{}'}}",
                    request.method(),
                    header_dict(request.headers()),
                    python_repr_bytes(body),
                    request.uri()
                ),
            );
        }
        Self::line(
            "botocore.endpoint",
            &format!(
                "Sending http request: <AWSPreparedRequest stream_output=False, method={}, url={}, headers={}>",
                request.method(),
                request.uri(),
                header_dict(request.headers())
            ),
        );
        if let Some((scheme, host, port)) = scheme_host_port(request.uri()) {
            Self::line(
                "urllib3.connectionpool",
                &format!(
                    "Starting new {} connection ({attempt}): {host}:{port}",
                    scheme.to_uppercase()
                ),
            );
        }
        Ok(())
    }

    fn read_after_deserialization(
        &self,
        context: &AfterDeserializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        // The body is loaded only now (it streams until deserialization).
        let response = context.response();
        let body = response.body().bytes().unwrap_or_default();
        let sent = self.sent.lock().ok().and_then(|s| s.clone());
        if let Some((method, url)) = sent
            && let Some((scheme, host, port)) = scheme_host_port(&url)
        {
            let length = response.headers().get("content-length").unwrap_or("None");
            Self::line(
                "urllib3.connectionpool",
                &format!(
                    "{scheme}://{host}:{port} \"{method} {} HTTP/1.1\" {} {length}",
                    path_and_query(&url),
                    response.status().as_u16()
                ),
            );
        }
        Self::line(
            "botocore.parsers",
            &format!("Response headers: {}", header_dict(response.headers())),
        );
        Self::line(
            "botocore.parsers",
            &format!("Response body:\n{}", python_repr_bytes(body)),
        );
        Ok(())
    }

    fn read_after_attempt(
        &self,
        context: &FinalizerInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let retryable = match context.response() {
            Some(response) if response.status().is_success() => false,
            Some(response) => {
                let status = response.status().as_u16();
                let body = response.body().bytes().unwrap_or_default();
                let (code, _) = parse_error_response(status, body);
                is_retryable(status, &code)
            }
            None => true,
        };
        let attempt = self.attempts.load(Ordering::SeqCst);
        if retryable && attempt < self.max_attempts {
            Self::line(
                "botocore.retries.standard",
                "Retry needed, retrying request.",
            );
        } else {
            if retryable {
                Self::line(
                    "botocore.retries.standard",
                    &format!("Max attempts of {} reached.", self.max_attempts),
                );
            }
            Self::line("botocore.retries.standard", "Not retrying request.");
        }
        Ok(())
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
    fn secrets_are_redacted() {
        assert_eq!(
            redacted_header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=abc123"
            ),
            "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=*** redacted ***"
        );
        assert_eq!(
            redacted_header("X-Amz-Security-Token", "tok"),
            "*** redacted ***"
        );
        assert_eq!(redacted_header("Content-Type", "x"), "x");
    }

    #[test]
    fn bytes_repr_like_python() {
        assert_eq!(python_repr_bytes(b"{\"a\": 1}"), "b'{\"a\": 1}'");
        assert_eq!(python_repr_bytes(b"it's"), "b\"it's\"");
        assert_eq!(python_repr_bytes(b"a\n\xc3\xa9"), "b'a\\n\\xc3\\xa9'");
    }

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

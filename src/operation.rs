//! The one `UpdateSecretVersionStage` call, and what its outcome means in
//! the CLI's terms.
//!
//! Success becomes a `serde_json::Value` with the API's member names in
//! model order (ARN, Name), null members dropped. Failures become the
//! CLI's errors: service errors parsed from the raw response the way
//! botocore parses them (code without its `namespace#`, message, HTTP
//! status and reason phrase for non-JSON bodies, "reached max retries"),
//! connection failures and timeouts with the endpoint URL. A 200 whose body
//! is not the expected JSON is `{}`, as in the CLI.

use aws_sdk_secretsmanager::error::SdkError;
use aws_sdk_secretsmanager::operation::update_secret_version_stage::UpdateSecretVersionStageOutput;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use serde_json::{Map, Value};

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::{
    BeforeDeserializationInterceptorContextRef, BeforeTransmitInterceptorContextMut,
};
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;

use crate::client::AttemptCounter;
use crate::error::Error;
use crate::input::VersionStageRequest;
use crate::transport::TransportError;

/// What the call returned: the response document and the request id.
#[derive(Debug, Clone, PartialEq)]
pub struct CallResult {
    /// The response as JSON, model order.
    pub response: Value,
    /// `x-amzn-RequestId`, when the service sent one.
    pub request_id: Option<String>,
}

/// Send the request.
pub async fn update_secret_version_stage(
    client: &aws_sdk_secretsmanager::Client,
    request: &VersionStageRequest,
    counter: &AttemptCounter,
    max_attempts: u32,
    url: &str,
) -> Result<CallResult, Error> {
    let result = client
        .update_secret_version_stage()
        .secret_id(&request.secret_id)
        .version_stage(&request.version_stage)
        .set_remove_from_version_id(request.remove_from_version_id.clone())
        .set_move_to_version_id(request.move_to_version_id.clone())
        .customize()
        .interceptor(ResponseSizeLimit)
        .interceptor(EndpointPath::for_url(url))
        .send()
        .await;
    match result {
        Ok(output) => Ok(CallResult {
            request_id: aws_sdk_secretsmanager::operation::RequestId::request_id(&output)
                .map(str::to_owned),
            response: output_to_json(&output),
        }),
        Err(error) => map_sdk_error(error, counter.attempts(), max_attempts, url),
    }
}

/// The largest response body the tool reads: this operation's answer is a
/// few hundred bytes, so anything announcing more than this is refused
/// before its body is read, keeping memory bounded.
pub const MAX_RESPONSE_BYTES: u64 = 16 * 1024 * 1024;

/// Refuses responses whose `Content-Length` exceeds [`MAX_RESPONSE_BYTES`].
#[derive(Debug)]
struct ResponseSizeLimit;

impl Intercept for ResponseSizeLimit {
    fn name(&self) -> &'static str {
        "ResponseSizeLimit"
    }

    fn read_before_deserialization(
        &self,
        context: &BeforeDeserializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let length = context
            .response()
            .headers()
            .get("content-length")
            .and_then(|v| v.trim().parse::<u64>().ok());
        match length {
            Some(n) if n > MAX_RESPONSE_BYTES => Err(format!("{TOO_LARGE}{n} bytes").into()),
            _ => Ok(()),
        }
    }
}

const TOO_LARGE: &str = "response body too large: ";

/// botocore joins an endpoint path and the operation's `/` without adding
/// a slash (`http://host/prefix` → `POST /prefix`); the SDK sends
/// `/prefix/`. This puts the request on botocore's path before signing.
#[derive(Debug)]
struct EndpointPath {
    /// The endpoint's own path, when it has one that does not end in `/`.
    path: Option<String>,
}

impl EndpointPath {
    fn for_url(url: &str) -> EndpointPath {
        let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
        let path = after_scheme
            .find('/')
            .map(|at| &after_scheme[at..])
            .map(|p| p.split(['?', '#']).next().unwrap_or(p))
            .filter(|p| *p != "/" && !p.ends_with('/'))
            .map(str::to_owned);
        EndpointPath { path }
    }
}

impl Intercept for EndpointPath {
    fn name(&self) -> &'static str {
        "EndpointPath"
    }

    fn modify_before_signing(
        &self,
        context: &mut BeforeTransmitInterceptorContextMut<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let request = context.request_mut();
        let uri = request.uri().to_owned();
        let with_slash = format!("{path}/");
        if let Some(at) = uri.find(&with_slash)
            && uri[at + with_slash.len()..]
                .chars()
                .next()
                .is_none_or(|c| c == '?' || c == '#')
        {
            let fixed = format!("{}{}{}", &uri[..at], path, &uri[at + with_slash.len()..]);
            request.set_uri(fixed)?;
        }
        Ok(())
    }
}

/// The modeled output members, in model order, nulls dropped.
pub fn output_to_json(output: &UpdateSecretVersionStageOutput) -> Value {
    let mut map = Map::new();
    if let Some(arn) = output.arn() {
        map.insert("ARN".to_owned(), Value::String(arn.to_owned()));
    }
    if let Some(name) = output.name() {
        map.insert("Name".to_owned(), Value::String(name.to_owned()));
    }
    Value::Object(map)
}

fn map_sdk_error<E>(
    error: SdkError<E, HttpResponse>,
    attempts: u32,
    max_attempts: u32,
    url: &str,
) -> Result<CallResult, Error>
where
    E: std::error::Error + Send + Sync + 'static,
{
    let chain = error_chain(&error);
    if let Some(at) = chain.find(TOO_LARGE) {
        let size = chain[at + TOO_LARGE.len()..]
            .split(':')
            .next()
            .unwrap_or_default();
        return Err(Error::General(format!(
            "Response from endpoint URL \"{url}\" is too large ({size}; the limit is {MAX_RESPONSE_BYTES} bytes)"
        )));
    }
    match error {
        SdkError::ServiceError(context) => unparsable_success(context.raw())
            .ok_or_else(|| service_error(context.raw(), attempts, max_attempts)),
        SdkError::ResponseError(context) => {
            let raw = context.raw();
            if chain.contains("error reading a body") {
                // The connection broke mid-body: botocore's ConnectionClosedError.
                Err(Error::General(format!(
                    "Connection was closed before we received a valid response from endpoint URL: \"{url}\"."
                )))
            } else if raw.status().is_success() {
                // botocore parses an unparsable 2xx body as {}.
                Ok(CallResult {
                    response: Value::Object(Map::new()),
                    request_id: request_id(raw),
                })
            } else {
                Err(service_error(raw, attempts, max_attempts))
            }
        }
        SdkError::DispatchFailure(failure) => Err(dispatch_error(&failure, url)),
        SdkError::TimeoutError(_) => Err(Error::General(format!(
            "Read timeout on endpoint URL: \"{url}\""
        ))),
        other => {
            let text = error_chain(&other);
            if text.contains("no credentials") || text.contains("identity") {
                Err(Error::NoCredentials)
            } else {
                Err(Error::General(text))
            }
        }
    }
}

/// A failure to get a response, in botocore's words.
fn dispatch_error(
    failure: &aws_smithy_runtime_api::client::result::DispatchFailure,
    url: &str,
) -> Error {
    let Some(cause) = failure.as_connector_error() else {
        return Error::General(format!("{failure:?}"));
    };
    let transport_error =
        crate::transport::chain(cause).find_map(|e| e.downcast_ref::<TransportError>());
    match transport_error {
        Some(TransportError::ConnectTimeout) => {
            return Error::General(format!("Connect timeout on endpoint URL: \"{url}\""));
        }
        Some(TransportError::ReadTimeout) => {
            return Error::General(format!("Read timeout on endpoint URL: \"{url}\""));
        }
        Some(TransportError::CaBundle(text)) => {
            return Error::General(format!("SSL validation failed for {url} {text}"));
        }
        Some(TransportError::Proxy(proxy)) => {
            return Error::General(format!("Failed to connect to proxy URL: \"{proxy}\""));
        }
        Some(TransportError::ConnectionClosed) => {
            return Error::General(format!(
                "Connection was closed before we received a valid response from endpoint URL: \"{url}\"."
            ));
        }
        None => {}
    }
    if let Some(text) = crate::transport::ssl_error_text(cause, &crate::transport::url_host(url)) {
        return Error::General(format!("SSL validation failed for {url} {text}"));
    }
    if failure.is_timeout() {
        return Error::General(format!("Read timeout on endpoint URL: \"{url}\""));
    }
    let io_kinds: Vec<std::io::ErrorKind> = crate::transport::chain(cause)
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .map(std::io::Error::kind)
        .collect();
    let https = url
        .get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"));
    if https && io_kinds.contains(&std::io::ErrorKind::UnexpectedEof) {
        // The server hung up during the TLS handshake.
        return Error::General(format!(
            "SSL validation failed for {url} [SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol (_ssl.c:1006)"
        ));
    }
    let reset = io_kinds.iter().any(|k| {
        matches!(
            k,
            std::io::ErrorKind::ConnectionReset
                | std::io::ErrorKind::ConnectionAborted
                | std::io::ErrorKind::BrokenPipe
        )
    });
    let connected = crate::transport::chain(cause)
        .find_map(|e| e.downcast_ref::<hyper_util::client::legacy::Error>())
        .is_some_and(|e| !e.is_connect());
    if connected || reset {
        Error::General(format!(
            "Connection was closed before we received a valid response from endpoint URL: \"{url}\"."
        ))
    } else {
        Error::General(format!("Could not connect to the endpoint URL: \"{url}\""))
    }
}

/// botocore parses a 2xx body that is not the expected JSON as `{}`.
fn unparsable_success(raw: &HttpResponse) -> Option<CallResult> {
    raw.status().is_success().then(|| CallResult {
        response: Value::Object(Map::new()),
        request_id: request_id(raw),
    })
}

/// An error and its sources, joined with `: `.
pub(crate) fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

fn request_id(raw: &HttpResponse) -> Option<String> {
    raw.headers().get("x-amzn-requestid").map(str::to_owned)
}

/// botocore's reading of an error response.
pub fn parse_error_response(status: u16, body: &[u8]) -> (String, String) {
    let json: Option<Map<String, Value>> = match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Some(map),
        _ => None,
    };
    match json {
        Some(map) => {
            let code = match map.get("__type") {
                Some(Value::String(t)) => {
                    let t = t.rsplit('#').next().unwrap_or(t);
                    t.split(':').next().unwrap_or(t).to_owned()
                }
                _ => status.to_string(),
            };
            let message = match map.get("message").or_else(|| map.get("Message")) {
                Some(Value::String(m)) => m.clone(),
                Some(other) => other.to_string(),
                None => String::new(),
            };
            (code, message)
        }
        None => {
            let text = String::from_utf8_lossy(body).into_owned();
            let message = if text.is_empty() {
                reason_phrase(status).to_owned()
            } else {
                text
            };
            (status.to_string(), message)
        }
    }
}

/// Whether botocore's standard retry mode retries this error.
pub fn is_retryable(status: u16, code: &str) -> bool {
    const THROTTLING: [&str; 14] = [
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "LimitExceededException",
        "RequestThrottled",
        "SlowDown",
        "PriorRequestNotComplete",
        "EC2ThrottledException",
    ];
    const TRANSIENT: [&str; 3] = [
        "RequestTimeout",
        "RequestTimeoutException",
        "PriorRequestNotComplete",
    ];
    matches!(status, 500 | 502 | 503 | 504)
        || THROTTLING.contains(&code)
        || TRANSIENT.contains(&code)
}

fn service_error(raw: &HttpResponse, attempts: u32, max_attempts: u32) -> Error {
    let status = raw.status().as_u16();
    let body = raw.body().bytes().unwrap_or_default();
    let (code, message) = parse_error_response(status, body);
    let max_retries = (is_retryable(status, &code) && attempts >= max_attempts)
        .then(|| attempts.saturating_sub(1));
    Error::Service {
        code,
        message,
        max_retries,
    }
}

/// The HTTP reason phrase Python's http.client reports.
fn reason_phrase(status: u16) -> &'static str {
    http_reason(status).unwrap_or("")
}

fn http_reason(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Request Entity Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_error_bodies_like_botocore() {
        assert_eq!(
            parse_error_response(
                400,
                br#"{"__type":"com.amazonaws.secretsmanager#WeirdException","message":"odd","Reason":"x"}"#
            ),
            ("WeirdException".to_owned(), "odd".to_owned())
        );
        assert_eq!(
            parse_error_response(400, b"<html><body>Bad Request</body></html>"),
            (
                "400".to_owned(),
                "<html><body>Bad Request</body></html>".to_owned()
            )
        );
        assert_eq!(
            parse_error_response(503, b""),
            ("503".to_owned(), "Service Unavailable".to_owned())
        );
        assert_eq!(
            parse_error_response(400, br#"{"Message":"M"}"#),
            ("400".to_owned(), "M".to_owned())
        );
    }

    #[test]
    fn retryable_errors() {
        assert!(is_retryable(500, "InternalServiceError"));
        assert!(is_retryable(400, "ThrottlingException"));
        assert!(!is_retryable(400, "ResourceNotFoundException"));
    }
}

//! A scripted Secrets Manager endpoint on loopback for transport-level
//! tests: the answer is chosen by the request's `SecretId` (the same
//! behaviours as the shared corpus's `fakesrv.py`).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::OnceLock;
use std::time::Duration;

/// The signature of the last `fake-signature` request.
pub static LAST_SIGNATURE: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// How many `fake-hang` requests have arrived.
pub static HANGING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

const ARN_PREFIX: &str = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";

/// The running fake server.
pub struct FakeServer {
    /// `http://127.0.0.1:PORT`.
    pub endpoint: String,
}

impl FakeServer {
    /// The one fake server of the test binary (a thread, gone with it).
    pub fn shared() -> &'static FakeServer {
        static SHARED: OnceLock<FakeServer> = OnceLock::new();
        SHARED.get_or_init(|| {
            let listener = TcpListener::bind("127.0.0.1:0").expect("bind fake server");
            let port = listener.local_addr().expect("address").port();
            std::thread::spawn(move || {
                for stream in listener.incoming().flatten() {
                    std::thread::spawn(move || {
                        let _ = serve(stream);
                    });
                }
            });
            FakeServer {
                endpoint: format!("http://127.0.0.1:{port}"),
            }
        })
    }
}

struct Request {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn read_request(reader: &mut BufReader<TcpStream>) -> std::io::Result<Option<Request>> {
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.trim_end().split_once(':') {
            headers.push((k.trim().to_owned(), v.trim().to_owned()));
        }
    }
    let length = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(Some(Request {
        method,
        path,
        headers,
        body,
    }))
}

fn send(
    stream: &mut TcpStream,
    status: u16,
    reason: &str,
    body: &str,
    content_type: &str,
) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nx-amzn-RequestId: 00000000-0000-0000-0000-000000000000\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body.as_bytes())?;
    stream.flush()
}

fn sorted(value: &serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => {
            let ordered: BTreeMap<&String, serde_json::Value> =
                map.iter().map(|(k, v)| (k, sorted(v))).collect();
            serde_json::Value::Object(ordered.into_iter().map(|(k, v)| (k.clone(), v)).collect())
        }
        other => other.clone(),
    }
}

fn auth_summary(request: &Request) -> String {
    let Some(auth) = request.header("Authorization") else {
        return "<none>".to_owned();
    };
    // AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request, ...
    let Some((scheme, rest)) = auth.split_once(" Credential=") else {
        return "<unrecognized>".to_owned();
    };
    let scope = rest.split(',').next().unwrap_or_default();
    let parts: Vec<&str> = scope.split('/').collect();
    if parts.len() != 5 {
        return "<unrecognized>".to_owned();
    }
    let amz_date = request.header("X-Amz-Date").unwrap_or_default();
    let date = if amz_date.len() == 16 && amz_date.starts_with(parts[1]) {
        "YYYYMMDD"
    } else {
        parts[1]
    };
    format!(
        "{scheme} Credential={}/{date}/{}/{}/aws4_request",
        parts[0], parts[2], parts[3]
    )
}

fn serve(stream: TcpStream) -> std::io::Result<()> {
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    while let Some(request) = read_request(&mut reader)? {
        let body: serde_json::Value =
            serde_json::from_slice(&request.body).unwrap_or(serde_json::Value::Null);
        let sid = body["SecretId"].as_str().unwrap_or_default().to_owned();
        let arn = format!("{ARN_PREFIX}{sid}-FaKe01");
        let json = "application/x-amz-json-1.1";
        let ok = |v: serde_json::Value| v.to_string();
        match sid.as_str() {
            "fake-echo" => {
                let summary = [
                    format!("method={}", request.method),
                    format!("path={}", request.path),
                    format!(
                        "content-type={}",
                        request.header("Content-Type").unwrap_or("None")
                    ),
                    format!(
                        "x-amz-target={}",
                        request.header("X-Amz-Target").unwrap_or("None")
                    ),
                    format!("authorization={}", auth_summary(&request)),
                    format!("body={}", sorted(&body)),
                ]
                .join("\n");
                send(
                    &mut writer,
                    200,
                    "OK",
                    &ok(serde_json::json!({"ARN": arn, "Name": summary})),
                    json,
                )?;
            }
            "fake-auth" => {
                // What signing put on the request: the Authorization scheme,
                // whether X-Amz-Date is there, and the session token.
                let scheme = request
                    .header("Authorization")
                    .map_or("<none>", |a| a.split(' ').next().unwrap_or_default());
                let summary = [
                    format!("authorization={scheme}"),
                    format!(
                        "x-amz-date={}",
                        if request.header("X-Amz-Date").is_some() {
                            "<present>"
                        } else {
                            "<none>"
                        }
                    ),
                    format!(
                        "x-amz-security-token={}",
                        request.header("X-Amz-Security-Token").unwrap_or("<none>")
                    ),
                ]
                .join("\n");
                send(
                    &mut writer,
                    200,
                    "OK",
                    &ok(serde_json::json!({"ARN": arn, "Name": summary})),
                    json,
                )?;
            }
            "fake-signature" => {
                // Kept for the test, never sent back: whatever the server
                // answers is shown by --debug.
                let signature = request
                    .header("Authorization")
                    .and_then(|a| a.rsplit_once("Signature="))
                    .map(|(_, s)| s.to_owned());
                if let Ok(mut last) = LAST_SIGNATURE.lock() {
                    *last = signature;
                }
                send(
                    &mut writer,
                    200,
                    "OK",
                    &ok(serde_json::json!({"ARN": arn, "Name": sid})),
                    json,
                )?;
            }
            "fake-short" => send(
                &mut writer,
                200,
                "OK",
                r#"{"ARN": "arn:short", "Name": "fake-short"}"#,
                json,
            )?,
            "fake-empty" => send(&mut writer, 200, "OK", "{}", json)?,
            "fake-extra" => send(
                &mut writer,
                200,
                "OK",
                &format!(
                    r#"{{"VersionId": "v1", "ARN": "{arn}", "Extra": {{"a": [1, 2]}}, "Name": "fake-extra"}}"#
                ),
                json,
            )?,
            "fake-null" => send(
                &mut writer,
                200,
                "OK",
                r#"{"ARN": null, "Name": "fake-null"}"#,
                json,
            )?,
            "fake-unicode" => send(
                &mut writer,
                200,
                "OK",
                &ok(serde_json::json!({"ARN": arn, "Name": "s\u{e9}cret-\u{540d}\u{524d}-\u{fc}"})),
                json,
            )?,
            "fake-reversed" => send(
                &mut writer,
                200,
                "OK",
                &format!(r#"{{"Name": "fake-reversed", "ARN": "{arn}"}}"#),
                json,
            )?,
            "fake-yamlish" => send(
                &mut writer,
                200,
                "OK",
                r#"{"ARN": "arn:x: y #z", "Name": "null"}"#,
                json,
            )?,
            "fake-ctrl" => send(
                &mut writer,
                200,
                "OK",
                &ok(serde_json::json!({"ARN": arn, "Name": "line1\nline2\ttab \"q\" \\ end"})),
                json,
            )?,
            "fake-badjson" => send(
                &mut writer,
                200,
                "OK",
                &format!(r#"{{"ARN": "{arn}", "Na"#),
                json,
            )?,
            "fake-500" => send(
                &mut writer,
                500,
                "Internal Server Error",
                r#"{"__type": "InternalServiceError", "message": "fake internal failure"}"#,
                json,
            )?,
            "fake-503" => send(&mut writer, 503, "Service Unavailable", "", json)?,
            "fake-throttle" => send(
                &mut writer,
                400,
                "Bad Request",
                r#"{"__type": "ThrottlingException", "message": "Rate exceeded"}"#,
                json,
            )?,
            "fake-html-400" => send(
                &mut writer,
                400,
                "Bad Request",
                "<html><body>Bad Request</body></html>",
                "text/html",
            )?,
            "fake-unmodeled" => send(
                &mut writer,
                400,
                "Bad Request",
                r#"{"__type": "com.amazonaws.secretsmanager#WeirdException", "message": "odd", "Reason": "extra"}"#,
                json,
            )?,
            "fake-hang" => {
                // Like fake-slow, and counted, so a test knows the request
                // is in flight.
                HANGING.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                std::thread::sleep(Duration::from_secs(3));
                send(
                    &mut writer,
                    200,
                    "OK",
                    &ok(serde_json::json!({"ARN": arn, "Name": sid})),
                    json,
                )?;
            }
            "fake-slow" => {
                std::thread::sleep(Duration::from_secs(3));
                send(
                    &mut writer,
                    200,
                    "OK",
                    &ok(serde_json::json!({"ARN": arn, "Name": sid})),
                    json,
                )?;
            }
            _ => send(
                &mut writer,
                400,
                "Bad Request",
                r#"{"__type": "ResourceNotFoundException", "message": "Secrets Manager can't find the specified secret."}"#,
                json,
            )?,
        }
    }
    Ok(())
}

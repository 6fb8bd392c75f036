//! Transport faults from a scripted loopback server that answers every
//! connection with the same raw bytes (or closes it, or never answers):
//! each one ends with the CLI's error text and exit code, in bounded time,
//! without a panic. And process hygiene: a closed stdout, signals, odd
//! arguments and files.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::harness::{Test, binary};

/// What the scripted server does with each connection.
#[derive(Clone)]
enum Script {
    /// Read the request, write these bytes, close.
    Respond(Vec<u8>),
    /// Read the request, then close without answering.
    Close,
    /// Read the request, then stay silent for this long.
    Silent(Duration),
    /// Read the request, write headers announcing a huge body, then stream
    /// this many megabytes of JSON-ish bytes.
    Huge(usize),
}

/// Start a server running `script` for every connection; returns its URL.
fn serve(script: Script) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let script = script.clone();
            std::thread::spawn(move || {
                let mut stream = stream;
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let mut request = Vec::new();
                let mut buf = [0u8; 4096];
                // Read until the end of the headers and the announced body.
                while let Ok(n) = stream.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    request.extend_from_slice(&buf[..n]);
                    if let Some(end) = find(&request, b"\r\n\r\n") {
                        let head = String::from_utf8_lossy(&request[..end]).to_lowercase();
                        let length = head
                            .lines()
                            .find_map(|l| l.strip_prefix("content-length:"))
                            .and_then(|v| v.trim().parse::<usize>().ok())
                            .unwrap_or(0);
                        if request.len() >= end + 4 + length {
                            break;
                        }
                    }
                }
                match script {
                    Script::Respond(bytes) => {
                        let _ = stream.write_all(&bytes);
                    }
                    Script::Close => {}
                    Script::Silent(d) => std::thread::sleep(d),
                    Script::Huge(megabytes) => {
                        let head = format!(
                            "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: {}\r\n\r\n{{\"Name\": \"",
                            megabytes * 1024 * 1024 + 12
                        );
                        let _ = stream.write_all(head.as_bytes());
                        let chunk = vec![b'x'; 1024 * 1024];
                        for _ in 0..megabytes {
                            if stream.write_all(&chunk).is_err() {
                                return;
                            }
                        }
                        let _ = stream.write_all(b"\"}");
                    }
                }
            });
        }
    });
    format!("http://127.0.0.1:{port}")
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn call(endpoint: &str) -> Test {
    Test::new().env("AWS_MAX_ATTEMPTS", "2").args([
        "--secret-id",
        "s",
        "--version-stage",
        "X",
        "--endpoint-url",
        endpoint,
    ])
}

fn response(status: &str, headers: &str, body: &[u8]) -> Script {
    let mut bytes = format!(
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    bytes.extend_from_slice(body);
    Script::Respond(bytes)
}

#[test]
fn http_1_0_and_chunked_responses_are_read() {
    let ok =
        br#"{"ARN":"arn:aws:secretsmanager:us-east-1:123456789012:secret:s-AbCdEf","Name":"s"}"#;
    let mut v10 = b"HTTP/1.0 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\n\r\n".to_vec();
    v10.extend_from_slice(ok);
    call(&serve(Script::Respond(v10)))
        .args(["--output", "text"])
        .expect(
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:s-AbCdEf\ts\n",
            "",
            0,
        );
    let mut chunked =
        b"HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    chunked.extend_from_slice(format!("{:x}\r\n", 10).as_bytes());
    chunked.extend_from_slice(&ok[..10]);
    chunked.extend_from_slice(format!("\r\n{:x}\r\n", ok.len() - 10).as_bytes());
    chunked.extend_from_slice(&ok[10..]);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    call(&serve(Script::Respond(chunked)))
        .args(["--output", "text"])
        .expect(
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:s-AbCdEf\ts\n",
            "",
            0,
        );
}

#[test]
fn invalid_utf8_in_an_error_body_is_reported_not_fatal() {
    let endpoint = serve(response(
        "400 Bad Request",
        "Content-Type: text/plain\r\n",
        b"bad \xff\xfe body",
    ));
    call(&endpoint).expect(
        "",
        "\naws: [ERROR]: An error occurred (400) when calling the UpdateSecretVersionStage operation: bad \u{fffd}\u{fffd} body\n",
        254,
    );
}

#[test]
fn storms_of_5xx_and_throttling_end_after_max_attempts() {
    let storm = serve(response(
        "502 Bad Gateway",
        "Content-Type: application/x-amz-json-1.1\r\n",
        b"",
    ));
    let started = Instant::now();
    call(&storm).expect(
        "",
        "\naws: [ERROR]: An error occurred (502) when calling the UpdateSecretVersionStage operation (reached max retries: 1): Bad Gateway\n",
        254,
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn a_closed_connection_is_a_general_error_in_bounded_time() {
    for script in [
        Script::Close,
        Script::Respond(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"ARN\"".to_vec()),
    ] {
        let endpoint = serve(script);
        let started = Instant::now();
        let outcome = call(&endpoint).run();
        assert_eq!(
            (outcome.stdout.as_str(), outcome.stderr.as_str(), outcome.code),
            (
                "",
                format!(
                    "\naws: [ERROR]: Connection was closed before we received a valid response from endpoint URL: \"{endpoint}/\".\n"
                )
                .as_str(),
                255
            )
        );
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}

#[test]
fn a_server_that_never_answers_hits_the_read_timeout() {
    let endpoint = serve(Script::Silent(Duration::from_secs(30)));
    let started = Instant::now();
    call(&endpoint)
        .env("AWS_MAX_ATTEMPTS", "1")
        .args(["--cli-read-timeout", "1"])
        .expect(
            "",
            &format!("\naws: [ERROR]: Read timeout on endpoint URL: \"{endpoint}/\"\n"),
            255,
        );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn an_unknown_host_cannot_be_connected_to() {
    Test::new()
        .args(["--secret-id", "s", "--version-stage", "X"])
        .args(["--endpoint-url", "http://nonexistent.invalid", "--cli-connect-timeout", "2"])
        .expect(
            "",
            "\naws: [ERROR]: Could not connect to the endpoint URL: \"http://nonexistent.invalid/\"\n",
            255,
        );
}

#[test]
fn a_huge_response_body_is_refused_before_it_is_read() {
    let endpoint = serve(Script::Huge(100));
    let started = Instant::now();
    call(&endpoint).expect(
        "",
        &format!(
            "\naws: [ERROR]: Response from endpoint URL \"{endpoint}/\" is too large (104857612 bytes; the limit is 16777216 bytes)\n"
        ),
        255,
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn a_closed_stdout_is_not_an_error() {
    // `| head -c1`: the reader goes away after one byte.
    let output = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{}' --generate-cli-skeleton | head -c1; echo \" rc=${{PIPESTATUS[0]}}\"",
            binary().display()
        ))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .output()
        .expect("bash");
    assert_eq!(String::from_utf8_lossy(&output.stdout), "{ rc=0\n");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn unreadable_param_files() {
    let test = Test::new();
    let home = test.home().to_owned();
    std::fs::create_dir_all(home.join("adir")).expect("mkdir");
    let test = test
        .cwd(&home)
        .args(["--secret-id", "file://adir", "--version-stage", "X"]);
    test.expect(
        "",
        "\naws: [ERROR]: An error occurred (ParamValidation): Error parsing parameter '--secret-id': Unable to load paramfile file://adir: [Errno 21] Is a directory: 'adir'\n",
        252,
    );
    std::fs::write(home.join("bin.txt"), b"\xff\xfe").expect("write");
    Test::new()
        .cwd(&home)
        .args(["--secret-id", "file://bin.txt", "--version-stage", "X"])
        .expect(
            "",
            "\naws: [ERROR]: An error occurred (ParamValidation): Error parsing parameter '--secret-id': Unable to load paramfile file://bin.txt: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte\n",
            252,
        );
}

#[test]
fn a_non_utf8_argument_is_a_clear_error() {
    use std::os::unix::ffi::OsStrExt;
    let output = Command::new(binary())
        .arg("--secret-id")
        .arg(std::ffi::OsStr::from_bytes(b"bad\xffid"))
        .args(["--version-stage", "X"])
        .env_clear()
        .output()
        .expect("run");
    assert_eq!(
        (
            String::from_utf8_lossy(&output.stdout).as_ref(),
            String::from_utf8_lossy(&output.stderr).as_ref(),
            output.status.code()
        ),
        (
            "",
            "\naws: [ERROR]: Invalid argument: \"bad\\xFFid\" is not valid UTF-8\n",
            Some(255)
        )
    );
}

#[test]
fn sigterm_during_a_slow_call_ends_the_process_like_the_cli() {
    use std::os::unix::process::ExitStatusExt;
    let fake = crate::fakesrv::FakeServer::shared();
    let child = Command::new(binary())
        .args([
            "--secret-id",
            "fake-slow",
            "--version-stage",
            "X",
            "--endpoint-url",
            &fake.endpoint,
        ])
        .env_clear()
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(Duration::from_millis(500));
    // SAFETY: signalling our own child.
    unsafe {
        libc::kill(i32::try_from(child.id()).expect("pid"), libc::SIGTERM);
    }
    let output = child.wait_with_output().expect("wait");
    // Python's default SIGTERM disposition: killed by the signal, nothing printed.
    assert_eq!(output.status.signal(), Some(libc::SIGTERM));
    assert_eq!(
        (output.stdout.as_slice(), output.stderr.as_slice()),
        (&b""[..], &b""[..])
    );
}

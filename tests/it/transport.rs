//! Configuration, credentials and transport: TLS against a real loopback
//! HTTPS server with a CA made by the test, retry settings, signing,
//! credential sources, config-file locations, network faults, Ctrl-C.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use crate::fakesrv::FakeServer;
use crate::harness::{Moto, Test, binary, free_port, tempdir::TempDir, unique_name};

const TLS_ARN: &str = "arn:aws:secretsmanager:us-east-1:123456789012:secret:tls-FaKe01";
const ARGS: [&str; 4] = ["--version-stage", "AWSCURRENT", "--output", "text"];

/// A loopback HTTPS server whose certificate (for IP 127.0.0.1 only) is
/// signed by a CA generated here; `ca_pem` is that CA's file.
struct TlsServer {
    port: u16,
    ca_pem: PathBuf,
    _dir: TempDir,
}

impl TlsServer {
    fn shared() -> &'static TlsServer {
        static SHARED: OnceLock<TlsServer> = OnceLock::new();
        SHARED.get_or_init(TlsServer::start)
    }

    fn start() -> TlsServer {
        let ca_key = rcgen::KeyPair::generate().expect("CA key");
        let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("CA");
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        ca_params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "usvs test CA");
        let ca = rcgen::CertifiedIssuer::self_signed(ca_params, ca_key).expect("CA cert");
        let leaf_key = rcgen::KeyPair::generate().expect("leaf key");
        let leaf = rcgen::CertificateParams::new(vec!["127.0.0.1".to_owned()])
            .expect("leaf")
            .signed_by(&leaf_key, &ca)
            .expect("leaf cert");
        let dir = TempDir::new();
        let ca_pem = dir.path().join("ca.pem");
        std::fs::write(&ca_pem, ca.pem()).expect("write CA");

        let port = serve_tls(
            vec![leaf.der().clone()],
            rustls::pki_types::PrivateKeyDer::Pkcs8(leaf_key.serialize_der().into()),
        );
        TlsServer {
            port,
            ca_pem,
            _dir: dir,
        }
    }

    fn url(&self) -> String {
        format!("https://127.0.0.1:{}", self.port)
    }

    fn ca(&self) -> String {
        self.ca_pem.display().to_string()
    }
}

/// A loopback HTTPS server presenting `chain`, answering every request
/// with a fixed success; returns its port.
fn serve_tls(
    chain: Vec<rustls::pki_types::CertificateDer<'static>>,
    key: rustls::pki_types::PrivateKeyDer<'static>,
) -> u16 {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("protocols")
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .expect("server config");
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind TLS server");
    let port = listener.local_addr().expect("address").port();
    std::thread::spawn(move || {
        for tcp in listener.incoming().flatten() {
            let config = config.clone();
            std::thread::spawn(move || {
                if let Ok(connection) = rustls::ServerConnection::new(config) {
                    let _ = answer(rustls::StreamOwned::new(connection, tcp));
                }
            });
        }
    });
    port
}

/// Read one request and answer it with a fixed success.
fn answer(stream: impl Read + Write) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream);
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        if line.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':')
            && k.eq_ignore_ascii_case("content-length")
        {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    let answer = format!(r#"{{"ARN": "{TLS_ARN}", "Name": "tls"}}"#);
    let stream = reader.get_mut();
    write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
        answer.len()
    )?;
    stream.flush()
}

fn tls_ok() -> String {
    format!("{TLS_ARN}\ttls\n")
}

#[test]
fn tls_verified_with_ca_bundle_flag() {
    let server = TlsServer::shared();
    Test::new()
        .args(["--secret-id", "tls"])
        .args(ARGS)
        .args(["--endpoint-url", &server.url(), "--ca-bundle", &server.ca()])
        .expect(&tls_ok(), "", 0);
}

#[test]
fn tls_verified_with_aws_ca_bundle_env() {
    let server = TlsServer::shared();
    Test::new()
        .args(["--secret-id", "tls"])
        .args(ARGS)
        .args(["--endpoint-url", &server.url()])
        .env("AWS_CA_BUNDLE", &server.ca())
        .expect(&tls_ok(), "", 0);
}

#[test]
fn tls_verified_with_profile_ca_bundle() {
    let server = TlsServer::shared();
    Test::new()
        .args(["--secret-id", "tls"])
        .args(ARGS)
        .args(["--endpoint-url", &server.url()])
        .home_file(
            ".aws/config",
            &format!("[default]\nca_bundle = {}\n", server.ca()),
        )
        .expect(&tls_ok(), "", 0);
}

#[test]
fn tls_verified_with_requests_ca_bundle() {
    let server = TlsServer::shared();
    Test::new()
        .args(["--secret-id", "tls"])
        .args(ARGS)
        .args(["--endpoint-url", &server.url()])
        .env("REQUESTS_CA_BUNDLE", &server.ca())
        .expect(&tls_ok(), "", 0);
}

/// botocore rejects an empty bundle when it creates the endpoint, even for
/// plain HTTP.
#[test]
fn empty_ca_bundle_is_a_configuration_error() {
    let message = "\naws: [ERROR]: Invalid CA bundle: the configured value (ca_bundle, AWS_CA_BUNDLE, REQUESTS_CA_BUNDLE, or verify) resolved to an empty or whitespace-only string. Provide a valid path to a CA bundle file.\n";
    fake("fake-short")
        .args(["--ca-bundle", ""])
        .expect("", message, 255);
    fake("fake-short")
        .env("AWS_CA_BUNDLE", " ")
        .expect("", message, 255);
    fake("fake-short")
        .args(["--no-verify-ssl"])
        .env("AWS_CA_BUNDLE", "")
        .expect("arn:short\tfake-short\n", "", 0);
}

#[test]
fn unreachable_server_is_reported_before_a_missing_bundle() {
    let url = format!("https://127.0.0.1:{}", free_port());
    Test::new()
        .args(["--secret-id", "tls"])
        .args(ARGS)
        .args(["--endpoint-url", &url, "--ca-bundle", "/nonexistent/ca.pem"])
        .env("AWS_MAX_ATTEMPTS", "1")
        .expect(
            "",
            &format!("\naws: [ERROR]: Could not connect to the endpoint URL: \"{url}/\"\n"),
            255,
        );
}

#[test]
fn tls_flag_bundle_beats_env_bundle() {
    let server = TlsServer::shared();
    Test::new()
        .args(["--secret-id", "tls"])
        .args(ARGS)
        .args(["--endpoint-url", &server.url(), "--ca-bundle", &server.ca()])
        .env("AWS_CA_BUNDLE", "/nonexistent/ca.pem")
        .expect(&tls_ok(), "", 0);
}

/// OpenSSL's wording as Python 3.11 prints it; `_ssl.c:1006` is CPython
/// 3.11's line for handshake errors (the oracle runs Python 3.11.7).
#[test]
fn tls_refused_without_the_ca() {
    let server = TlsServer::shared();
    let url = server.url();
    Test::new()
        .args(["--secret-id", "tls"])
        .args(ARGS)
        .args(["--endpoint-url", &url])
        .env("AWS_MAX_ATTEMPTS", "1")
        .expect(
            "",
            &format!(
                "\naws: [ERROR]: SSL validation failed for {url}/ [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)\n"
            ),
            255,
        );
}

/// The quick test setup: `openssl req -x509`-style self-signed server
/// certificate.
#[test]
fn tls_self_signed_server_certificate() {
    let key = rcgen::KeyPair::generate().expect("key");
    let cert = rcgen::CertificateParams::new(vec!["127.0.0.1".to_owned()])
        .expect("params")
        .self_signed(&key)
        .expect("self-signed");
    let port = serve_tls(
        vec![cert.der().clone()],
        rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()),
    );
    let url = format!("https://127.0.0.1:{port}");
    Test::new()
        .args(["--secret-id", "tls"])
        .args(ARGS)
        .args(["--endpoint-url", &url])
        .env("AWS_MAX_ATTEMPTS", "1")
        .expect(
            "",
            &format!(
                "\naws: [ERROR]: SSL validation failed for {url}/ [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:1006)\n"
            ),
            255,
        );
    // Trusting that very certificate works.
    let test = Test::new().home_file("self.pem", &cert.pem());
    let bundle = test.home().join("self.pem").display().to_string();
    test.args(["--secret-id", "tls"])
        .args(ARGS)
        .args(["--endpoint-url", &url, "--ca-bundle", &bundle])
        .expect(&tls_ok(), "", 0);
}

/// A server that sends its (untrusted) root along with its certificate.
#[test]
fn tls_untrusted_root_in_the_chain() {
    let ca_key = rcgen::KeyPair::generate().expect("CA key");
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("CA");
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "usvs untrusted root");
    let ca = rcgen::CertifiedIssuer::self_signed(ca_params, ca_key).expect("CA cert");
    let key = rcgen::KeyPair::generate().expect("key");
    let leaf = rcgen::CertificateParams::new(vec!["127.0.0.1".to_owned()])
        .expect("leaf")
        .signed_by(&key, &ca)
        .expect("leaf cert");
    let port = serve_tls(
        vec![leaf.der().clone(), ca.der().clone()],
        rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()),
    );
    let url = format!("https://127.0.0.1:{port}");
    Test::new()
        .args(["--secret-id", "tls"])
        .args(ARGS)
        .args(["--endpoint-url", &url])
        .env("AWS_MAX_ATTEMPTS", "1")
        .expect(
            "",
            &format!(
                "\naws: [ERROR]: SSL validation failed for {url}/ [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)\n"
            ),
            255,
        );
}

#[test]
fn tls_refused_for_a_name_the_certificate_does_not_cover() {
    let server = TlsServer::shared();
    let url = format!("https://localhost:{}", server.port);
    Test::new()
        .args(["--secret-id", "tls"])
        .args(ARGS)
        .args(["--endpoint-url", &url, "--ca-bundle", &server.ca()])
        .env("AWS_MAX_ATTEMPTS", "1")
        .expect(
            "",
            &format!(
                "\naws: [ERROR]: SSL validation failed for {url}/ [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'localhost'. (_ssl.c:1006)\n"
            ),
            255,
        );
}

#[test]
fn tls_missing_ca_bundle_file() {
    let server = TlsServer::shared();
    let url = server.url();
    Test::new()
        .args(["--secret-id", "tls"])
        .args(ARGS)
        .args(["--endpoint-url", &url, "--ca-bundle", "/nonexistent/ca.pem"])
        .env("AWS_MAX_ATTEMPTS", "1")
        .expect(
            "",
            &format!(
                "\naws: [ERROR]: SSL validation failed for {url}/ [Errno 2] No such file or directory\n"
            ),
            255,
        );
}

#[test]
fn tls_ca_bundle_without_certificates() {
    let server = TlsServer::shared();
    let url = server.url();
    Test::new()
        .args(["--secret-id", "tls"])
        .args(ARGS)
        .args(["--endpoint-url", &url, "--ca-bundle", "not-a-bundle.pem"])
        .home_file("not-a-bundle.pem", "garbage\n")
        .env("AWS_MAX_ATTEMPTS", "1")
        .expect(
            "",
            &format!(
                "\naws: [ERROR]: SSL validation failed for {url}/ [X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found (_ssl.c:4154)\n"
            ),
            255,
        );
}

/// urllib3's InsecureRequestWarning, as the official build prints it.
#[test]
fn tls_no_verify_ssl_accepts_and_warns() {
    let server = TlsServer::shared();
    Test::new()
        .args(["--secret-id", "tls"])
        .args(ARGS)
        .args(["--endpoint-url", &server.url(), "--no-verify-ssl"])
        .expect(
            &tls_ok(),
            "urllib3/connectionpool.py:1097: InsecureRequestWarning: Unverified HTTPS request is being made to host '127.0.0.1'. Adding certificate verification is strongly advised. See: https://urllib3.readthedocs.io/en/latest/advanced-usage.html#tls-warnings\n",
            0,
        );
}

#[test]
fn plain_http_ignores_tls_settings() {
    let fake = FakeServer::shared();
    Test::new()
        .args(["--secret-id", "fake-short", "--version-stage", "AWSCURRENT"])
        .args(["--output", "text", "--endpoint-url", &fake.endpoint])
        .args(["--ca-bundle", "/nonexistent/ca.pem", "--no-verify-ssl"])
        .expect("arn:short\tfake-short\n", "", 0);
}

fn fake(secret: &str) -> Test {
    Test::new()
        .args(["--secret-id", secret])
        .args(ARGS)
        .args(["--endpoint-url", &FakeServer::shared().endpoint])
}

#[test]
fn retry_mode_legacy_is_rejected_as_in_cli_v2() {
    fake("fake-short")
        .env("AWS_RETRY_MODE", "legacy")
        .expect(
            "",
            "\naws: [ERROR]: Invalid value provided to \"mode\": \"legacy\" must be one of: \"standard\" or \"adaptive\"\n",
            255,
        );
    fake("fake-short")
        .home_file(".aws/config", "[default]\nretry_mode = bogus\n")
        .expect(
            "",
            "\naws: [ERROR]: Invalid value provided to \"mode\": \"bogus\" must be one of: \"standard\" or \"adaptive\"\n",
            255,
        );
}

#[test]
fn max_attempts_must_be_a_positive_int() {
    fake("fake-short").env("AWS_MAX_ATTEMPTS", "0").expect(
        "",
        "\naws: [ERROR]: Value provided to \"max_attempts\": 0 must be an integer greater than or equal to one.\n",
        255,
    );
    fake("fake-short")
        .home_file(".aws/config", "[default]\nmax_attempts = many\n")
        .expect(
            "",
            "\naws: [ERROR]: invalid literal for int() with base 10: 'many'\n",
            255,
        );
}

#[test]
fn invalid_retry_settings_come_after_no_region() {
    fake("fake-short")
        .env_remove("AWS_DEFAULT_REGION")
        .env("AWS_MAX_ATTEMPTS", "0")
        .expect(
            "",
            "\naws: [ERROR]: An error occurred (NoRegion): You must specify a region. You can also configure your region by running \"aws configure\".\n",
            253,
        );
}

#[test]
fn profile_max_attempts_limits_retries() {
    fake("fake-throttle")
        .home_file(".aws/config", "[default]\nmax_attempts = 2\n")
        .expect(
            "",
            "\naws: [ERROR]: An error occurred (ThrottlingException) when calling the UpdateSecretVersionStage operation (reached max retries: 1): Rate exceeded\n",
            254,
        );
}

#[test]
fn adaptive_mode_retries_server_errors() {
    fake("fake-500")
        .env("AWS_RETRY_MODE", "adaptive")
        .env("AWS_MAX_ATTEMPTS", "2")
        .expect(
            "",
            "\naws: [ERROR]: An error occurred (InternalServiceError) when calling the UpdateSecretVersionStage operation (reached max retries: 1): fake internal failure\n",
            254,
        );
}

#[test]
fn other_client_errors_are_not_retried() {
    fake("fake-unmodeled").expect(
        "",
        "\naws: [ERROR]: An error occurred (WeirdException) when calling the UpdateSecretVersionStage operation: odd\n",
        254,
    );
}

#[test]
fn unsigned_request_has_no_signature_and_needs_no_credentials() {
    fake("fake-auth")
        .args(["--no-sign-request"])
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .env("AWS_SESSION_TOKEN", "token-1")
        .expect(
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:fake-auth-FaKe01\tauthorization=<none>\nx-amz-date=<none>\nx-amz-security-token=<none>\n",
            "",
            0,
        );
}

#[test]
fn session_token_is_sent_as_security_token_header() {
    fake("fake-auth").env("AWS_SESSION_TOKEN", "token-1").expect(
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:fake-auth-FaKe01\tauthorization=AWS4-HMAC-SHA256\nx-amz-date=<present>\nx-amz-security-token=token-1\n",
        "",
        0,
    );
}

#[test]
fn config_and_credentials_files_from_the_environment() {
    let test = fake("fake-short")
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .env_remove("AWS_DEFAULT_REGION")
        .env("AWS_PROFILE", "elsewhere")
        .home_file("conf/config", "[profile elsewhere]\nregion = us-east-1\n")
        .home_file(
            "conf/credentials",
            "[elsewhere]\naws_access_key_id = testing\naws_secret_access_key = testing\n",
        )
        // The default locations hold nothing usable.
        .home_file(".aws/config", "[default]\n");
    let home = test.home().to_owned();
    test.env(
        "AWS_CONFIG_FILE",
        &home.join("conf/config").display().to_string(),
    )
    .env(
        "AWS_SHARED_CREDENTIALS_FILE",
        &home.join("conf/credentials").display().to_string(),
    )
    .expect("arn:short\tfake-short\n", "", 0);
}

#[test]
fn services_section_endpoint() {
    let fake = FakeServer::shared();
    Test::new()
        .args(["--secret-id", "fake-short"])
        .args(ARGS)
        .home_file(
            ".aws/config",
            &format!(
                "[default]\nservices = local\n[services local]\nsecrets_manager =\n  endpoint_url = {}\n",
                fake.endpoint
            ),
        )
        .expect("arn:short\tfake-short\n", "", 0);
}

/// With configured endpoints ignored the request goes to the default AWS
/// endpoint: an unreachable HTTPS proxy shows that without any network.
#[test]
fn ignore_configured_endpoint_urls() {
    let fake = FakeServer::shared();
    let proxy = format!("http://127.0.0.1:{}", free_port());
    let default_endpoint = |test: Test| {
        test.env("HTTPS_PROXY", &proxy)
            .env("AWS_MAX_ATTEMPTS", "1")
            .expect(
                "",
                &format!("\naws: [ERROR]: Failed to connect to proxy URL: \"{proxy}\"\n"),
                255,
            )
    };
    let configured = || {
        Test::new()
            .args(["--secret-id", "fake-short"])
            .args(ARGS)
            .env("AWS_ENDPOINT_URL", &fake.endpoint)
    };
    configured().expect("arn:short\tfake-short\n", "", 0);
    default_endpoint(configured().env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));
    default_endpoint(configured().home_file(
        ".aws/config",
        "[default]\nignore_configured_endpoint_urls = true\n",
    ));
    // --endpoint-url is not "configured": it is still used.
    configured()
        .env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")
        .args(["--endpoint-url", &fake.endpoint])
        .expect("arn:short\tfake-short\n", "", 0);
}

#[test]
fn credential_process_profile_against_moto() {
    let moto = Moto::shared();
    let name = unique_name("process");
    let version = "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222";
    moto.seed_secret(&name, "a1b2c3", version, "v");
    let test = Test::new().home_file(
        "bin/creds",
        "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"testing\", \"SecretAccessKey\": \"testing\"}'\n",
    );
    let script = test.home().join("bin/creds");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    test.home_file(
        ".aws/config",
        &format!(
            "[profile proc]\nregion = us-east-1\ncredential_process = {}\n",
            script.display()
        ),
    )
    // --profile skips the environment's keys: only the process can sign.
    .args(["--profile", "proc", "--secret-id", &name])
    .args(["--version-stage", "CUSTOM", "--move-to-version-id", version])
    .args(["--output", "text", "--endpoint-url", &moto.endpoint])
    .expect(
        &format!("arn:aws:secretsmanager:us-east-1:123456789012:secret:{name}-a1b2c3\t{name}\n"),
        "",
        0,
    );
}

#[test]
fn dns_failure_names_the_endpoint() {
    Test::new()
        .args(["--secret-id", "x", "--version-stage", "y"])
        .args(["--endpoint-url", "http://nonexistent.invalid"])
        .env("AWS_MAX_ATTEMPTS", "1")
        .expect(
            "",
            "\naws: [ERROR]: Could not connect to the endpoint URL: \"http://nonexistent.invalid/\"\n",
            255,
        );
}

#[test]
fn html_error_body_is_the_message() {
    fake("fake-html-400").expect(
        "",
        "\naws: [ERROR]: An error occurred (400) when calling the UpdateSecretVersionStage operation: <html><body>Bad Request</body></html>\n",
        254,
    );
}

#[test]
fn empty_503_after_one_attempt() {
    fake("fake-503").env("AWS_MAX_ATTEMPTS", "1").expect(
        "",
        "\naws: [ERROR]: An error occurred (503) when calling the UpdateSecretVersionStage operation (reached max retries: 0): Service Unavailable\n",
        254,
    );
}

#[test]
fn read_timeout_after_one_attempt() {
    fake("fake-slow")
        .env("AWS_MAX_ATTEMPTS", "1")
        .args(["--cli-read-timeout", "1"])
        .expect(
            "",
            &format!(
                "\naws: [ERROR]: Read timeout on endpoint URL: \"{}/\"\n",
                FakeServer::shared().endpoint
            ),
            255,
        );
}

#[test]
fn debug_never_shows_secrets() {
    let secret_key = "SECRETKEY0123456789abcdefMUSTNOTLEAK";
    let token = "SESSIONTOKEN0123456789MUSTNOTLEAK";
    let outcome = fake("fake-signature")
        .args(["--debug"])
        .env("AWS_SECRET_ACCESS_KEY", secret_key)
        .env("AWS_SESSION_TOKEN", token)
        .run();
    let arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:fake-signature-FaKe01";
    assert_eq!(
        (outcome.stdout.as_str(), outcome.code),
        (format!("{arn}\tfake-signature\n").as_str(), 0)
    );
    let signature = crate::fakesrv::LAST_SIGNATURE
        .lock()
        .expect("signature lock")
        .clone()
        .expect("the server saw a signature");
    assert_eq!(signature.len(), 64);
    for (what, text) in [("secret key", secret_key), ("token", token)] {
        assert!(!outcome.stdout.contains(text), "{what} leaked: {outcome:?}");
    }
    for (what, text) in [
        ("secret key", secret_key),
        ("token", token),
        ("signature", signature.as_str()),
    ] {
        assert!(!outcome.stderr.contains(text), "{what} leaked: {outcome:?}");
    }
    // The request is logged, with the secrets replaced.
    for shown in [
        "Sending http request: <AWSPreparedRequest",
        "Signature=*** redacted ***",
        "'x-amz-security-token': '*** redacted ***'",
        "Not retrying request.",
    ] {
        assert!(
            outcome.stderr.contains(shown),
            "{shown}: {}",
            outcome.stderr
        );
    }
}

#[test]
fn ctrl_c_during_a_slow_call_exits_130_quietly() {
    let home = TempDir::new();
    let before = crate::fakesrv::HANGING.load(std::sync::atomic::Ordering::SeqCst);
    let mut child = Command::new(binary())
        .args(["--secret-id", "fake-hang", "--version-stage", "AWSCURRENT"])
        .args(["--endpoint-url", &FakeServer::shared().endpoint])
        .env_clear()
        .env("HOME", home.path())
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the binary");
    // Interrupt once the request is in flight.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while crate::fakesrv::HANGING.load(std::sync::atomic::Ordering::SeqCst) == before {
        assert!(
            std::time::Instant::now() < deadline,
            "the request never arrived"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // SAFETY: signalling the child we started.
    unsafe {
        libc::kill(i32::try_from(child.id()).expect("pid"), libc::SIGINT);
    }
    let mut stdout = String::new();
    let mut stderr = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut stdout)
        .expect("read stdout");
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let status = child.wait().expect("wait");
    assert_eq!(
        (stdout.as_str(), stderr.as_str(), status.code()),
        ("\n", "", Some(130))
    );
}

/// A secret in the shared moto and the success line `--output text` prints.
fn moto_secret(prefix: &str) -> (String, String, &'static Moto) {
    let moto = Moto::shared();
    let name = unique_name(prefix);
    moto.seed_secret(&name, "a1b2c3", MOTO_VERSION, "v");
    let line =
        format!("arn:aws:secretsmanager:us-east-1:123456789012:secret:{name}-a1b2c3\t{name}\n");
    (name, line, moto)
}

const MOTO_VERSION: &str = "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222";

/// `role_arn` + `source_profile`: aws-config assumes the role through STS
/// (moto, via `AWS_ENDPOINT_URL`), signing with the region of the call.
#[test]
fn assume_role_profile_against_moto() {
    let (name, line, moto) = moto_secret("role");
    Test::new()
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .env("AWS_ENDPOINT_URL", &moto.endpoint)
        .home_file(
            ".aws/config",
            "[profile base]\naws_access_key_id = testing\naws_secret_access_key = testing\n[profile role]\nrole_arn = arn:aws:iam::123456789012:role/rotator\nsource_profile = base\n",
        )
        .args(["--profile", "role", "--secret-id", &name])
        .args(["--version-stage", "CUSTOM", "--move-to-version-id", MOTO_VERSION])
        .args(["--output", "text"])
        .expect(&line, "", 0);
}

#[test]
fn web_identity_from_the_environment_against_moto() {
    let (name, line, moto) = moto_secret("webid");
    let test = Test::new()
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .env("AWS_ENDPOINT_URL", &moto.endpoint)
        .env("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/web")
        .env("AWS_ROLE_SESSION_NAME", "test")
        .home_file("token", "header.payload.signature");
    let token = test.home().join("token").display().to_string();
    test.env("AWS_WEB_IDENTITY_TOKEN_FILE", &token)
        .args(["--secret-id", &name])
        .args([
            "--version-stage",
            "CUSTOM",
            "--move-to-version-id",
            MOTO_VERSION,
        ])
        .args(["--output", "text"])
        .expect(&line, "", 0);
}

/// urllib3 checks the timeouts when botocore creates the endpoint: after
/// the region, before parameter validation and credentials.
#[test]
fn negative_timeouts_are_client_creation_errors() {
    Test::new()
        .args(["--secret-id", "", "--version-stage", "AWSCURRENT"])
        .args(["--cli-connect-timeout", "-1", "--cli-read-timeout", "-2"])
        .env_remove("AWS_ACCESS_KEY_ID")
        .expect(
            "",
            "\naws: [ERROR]: Attempted to set connect timeout to -1, but the timeout cannot be set to a value less than or equal to 0.\n",
            255,
        );
    Test::new()
        .args(["--secret-id", "", "--version-stage", "AWSCURRENT"])
        .args(["--cli-read-timeout", "-2"])
        .expect(
            "",
            "\naws: [ERROR]: Attempted to set read timeout to -2, but the timeout cannot be set to a value less than or equal to 0.\n",
            255,
        );
    Test::new()
        .args(["--secret-id", "", "--version-stage", "AWSCURRENT"])
        .args(["--cli-read-timeout", "-2"])
        .env_remove("AWS_DEFAULT_REGION")
        .expect(
            "",
            "\naws: [ERROR]: An error occurred (NoRegion): You must specify a region. You can also configure your region by running \"aws configure\".\n",
            253,
        );
}

/// A server that accepts the connection and never answers the TLS
/// handshake: the attempt ends as a read timeout, as in botocore.
#[test]
fn stalled_tls_handshake_is_a_read_timeout() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    std::thread::spawn(move || {
        let held: Vec<_> = listener.incoming().take(1).collect();
        std::thread::sleep(Duration::from_secs(10));
        drop(held);
    });
    let url = format!("https://127.0.0.1:{port}");
    Test::new()
        .args(["--secret-id", "tls"])
        .args(ARGS)
        .args(["--endpoint-url", &url])
        .args(["--cli-connect-timeout", "1", "--cli-read-timeout", "1"])
        .env("AWS_MAX_ATTEMPTS", "1")
        .expect(
            "",
            &format!("\naws: [ERROR]: Read timeout on endpoint URL: \"{url}/\"\n"),
            255,
        );
}

/// `https://` to a server that answers in plain HTTP: OpenSSL 3.0's
/// wording through Python 3.11.
#[test]
fn https_to_a_plain_http_server() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut hello = [0; 512];
            let _ = stream.read(&mut hello);
            let _ = stream.write_all(
                b"HTTP/1.0 400 Bad Request\r\nContent-Type: text/html\r\n\r\n<html>bad</html>\n",
            );
        }
    });
    let url = format!("https://127.0.0.1:{port}");
    fake("fake-short")
        .args(["--endpoint-url", &url])
        .env("AWS_MAX_ATTEMPTS", "1")
        .expect(
            "",
            &format!(
                "\naws: [ERROR]: SSL validation failed for {url}/ [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)\n"
            ),
            255,
        );
}

/// A server that hangs up during the TLS handshake.
#[test]
fn https_to_a_server_that_hangs_up() {
    let url = FakeServer::shared().endpoint.replace("http://", "https://");
    fake("fake-short")
        .args(["--endpoint-url", &url])
        .env("AWS_MAX_ATTEMPTS", "1")
        .expect(
            "",
            &format!(
                "\naws: [ERROR]: SSL validation failed for {url}/ [SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol (_ssl.c:1006)\n"
            ),
            255,
        );
}

/// A plain-HTTP server that answers every connection with `answer`, then
/// keeps the connection open for `hold` before closing it.
fn raw_server(answer: &'static [u8], hold: Duration) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut request = [0; 4096];
                let _ = stream.read(&mut request);
                let _ = stream.write_all(answer);
                std::thread::sleep(hold);
            });
        }
    });
    format!("http://127.0.0.1:{port}")
}

const PARTIAL: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 100\r\n\r\n{\"ARN\": ";

#[test]
fn body_that_stalls_is_a_read_timeout() {
    let url = raw_server(PARTIAL, Duration::from_secs(5));
    fake("fake-short")
        .args(["--endpoint-url", &url, "--cli-read-timeout", "1"])
        .env("AWS_MAX_ATTEMPTS", "1")
        .expect(
            "",
            &format!("\naws: [ERROR]: Read timeout on endpoint URL: \"{url}/\"\n"),
            255,
        );
}

#[test]
fn connection_closed_mid_body() {
    let url = raw_server(PARTIAL, Duration::ZERO);
    fake("fake-short")
        .args(["--endpoint-url", &url])
        .env("AWS_MAX_ATTEMPTS", "1")
        .expect(
            "",
            &format!(
                "\naws: [ERROR]: Connection was closed before we received a valid response from endpoint URL: \"{url}/\".\n"
            ),
            255,
        );
}

/// botocore's texts when `credential_process` fails (rc 255).
#[test]
fn credential_process_failures() {
    let cases = [
        (
            "#!/bin/sh\necho 'token expired, run login' >&2\nexit 1\n",
            "Error when retrieving credentials from custom-process: token expired, run login",
        ),
        (
            "#!/bin/sh\necho '{\"Version\": 2}'\n",
            "Error when retrieving credentials from custom-process: Unsupported version '2' for credential process provider, supported versions: 1",
        ),
        (
            "#!/bin/sh\necho '{\"AccessKeyId\": \"a\"}'\n",
            "Error when retrieving credentials from custom-process: Unsupported version '<Version key not provided>' for credential process provider, supported versions: 1",
        ),
        (
            "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"a\"}'\n",
            "Error when retrieving credentials from custom-process: Missing required key in response: 'SecretAccessKey'",
        ),
        ("#!/bin/sh\n", "Expecting value: line 1 column 1 (char 0)"),
    ];
    for (script, message) in cases {
        let test = Test::new().home_file("bin/creds", script);
        let path = test.home().join("bin/creds");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        test.home_file(
            ".aws/config",
            &format!("[profile proc]\ncredential_process = {}\n", path.display()),
        )
        .args(["--profile", "proc", "--secret-id", "fake-short"])
        .args(ARGS)
        .args(["--endpoint-url", &FakeServer::shared().endpoint])
        .expect("", &format!("\naws: [ERROR]: {message}\n"), 255);
    }
    fake("fake-short")
        .args(["--profile", "proc"])
        .home_file(
            ".aws/config",
            "[profile proc]\ncredential_process = /nonexistent/creds --json\n",
        )
        .expect(
            "",
            "\naws: [ERROR]: [Errno 2] No such file or directory: '/nonexistent/creds'\n",
            255,
        );
}

#[test]
fn http_endpoint_through_a_forward_proxy() {
    // The fake server answers the absolute-form request it is sent as if
    // it were the endpoint; the endpoint's own host is never resolved.
    fake("fake-short")
        .args(["--endpoint-url", "http://upstream.invalid:1"])
        .env("HTTP_PROXY", &FakeServer::shared().endpoint)
        .env("HTTPS_PROXY", "http://127.0.0.1:1")
        .expect("arn:short\tfake-short\n", "", 0);
}

#[test]
fn no_proxy_bypasses_the_proxy() {
    fake("fake-short")
        .env("HTTP_PROXY", &format!("http://127.0.0.1:{}", free_port()))
        .env("NO_PROXY", "example.com,127.0.0.1")
        .expect("arn:short\tfake-short\n", "", 0);
}

#[test]
fn unreachable_proxy_is_named_with_its_credentials_masked() {
    let port = free_port();
    fake("fake-short")
        .args(["--endpoint-url", "http://upstream.invalid:1"])
        .env("HTTP_PROXY", &format!("user:secret@127.0.0.1:{port}"))
        .env("AWS_MAX_ATTEMPTS", "1")
        .expect(
            "",
            &format!(
                "\naws: [ERROR]: Failed to connect to proxy URL: \"http://***:***@127.0.0.1:{port}\"\n"
            ),
            255,
        );
}

/// How many CONNECT requests the test proxy has tunnelled.
static TUNNELS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A minimal CONNECT proxy on loopback.
fn connect_proxy() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind proxy");
    let port = listener.local_addr().expect("address").port();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut reader = BufReader::new(client.try_clone().expect("clone"));
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    return;
                }
                let target = line
                    .split_whitespace()
                    .nth(1)
                    .unwrap_or_default()
                    .to_owned();
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                        break;
                    }
                }
                let Ok(upstream) = std::net::TcpStream::connect(&target) else {
                    return;
                };
                TUNNELS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let mut to_client = client;
                let _ = to_client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
                let mut from_upstream = upstream.try_clone().expect("clone");
                let mut to_upstream = upstream;
                let mut from_client = to_client.try_clone().expect("clone");
                std::thread::spawn(move || {
                    let _ = std::io::copy(&mut from_client, &mut to_upstream);
                });
                let _ = std::io::copy(&mut from_upstream, &mut to_client);
            });
        }
    });
    format!("http://127.0.0.1:{port}")
}

#[test]
fn https_endpoint_through_a_connect_proxy() {
    let server = TlsServer::shared();
    let before = TUNNELS.load(std::sync::atomic::Ordering::SeqCst);
    Test::new()
        .args(["--secret-id", "tls"])
        .args(ARGS)
        .args(["--endpoint-url", &server.url(), "--ca-bundle", &server.ca()])
        .env("HTTPS_PROXY", &connect_proxy())
        .expect(&tls_ok(), "", 0);
    assert!(TUNNELS.load(std::sync::atomic::Ordering::SeqCst) > before);
}

/// botocore asks the credentials file before `credential_process`.
#[test]
fn credentials_file_keys_come_before_credential_process() {
    fake("fake-short")
        .args(["--profile", "both"])
        .home_file(
            ".aws/config",
            "[profile both]\ncredential_process = /nonexistent/creds\n",
        )
        .home_file(
            ".aws/credentials",
            "[both]\naws_access_key_id = testing\naws_secret_access_key = testing\n",
        )
        .expect("arn:short\tfake-short\n", "", 0);
}

/// botocore's PartialCredentialsError, named after the provider (rc 255).
#[test]
fn partial_credentials() {
    fake("fake-short")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .expect(
            "",
            "\naws: [ERROR]: Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY\n",
            255,
        );
    fake("fake-short")
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .home_file(".aws/credentials", "[default]\naws_access_key_id = testing\n")
        .expect(
            "",
            "\naws: [ERROR]: Partial credentials found in shared-credentials-file, missing: aws_secret_access_key\n",
            255,
        );
    fake("fake-short")
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .home_file(".aws/config", "[default]\naws_access_key_id = testing\n")
        .expect(
            "",
            "\naws: [ERROR]: Partial credentials found in config-file, missing: aws_secret_access_key\n",
            255,
        );
}

/// A listener whose accept queue is full: new connections hang in SYN.
fn saturated_listener() -> (std::os::fd::OwnedFd, u16, Vec<std::net::TcpStream>) {
    use std::os::fd::FromRawFd;
    // SAFETY: plain socket calls on a descriptor we own; the address
    // structure is ours and correctly sized.
    let (fd, port) = unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0);
        assert!(fd >= 0, "socket");
        let mut addr: libc::sockaddr_in = std::mem::zeroed();
        addr.sin_family = libc::AF_INET as libc::sa_family_t;
        addr.sin_addr.s_addr = u32::from(std::net::Ipv4Addr::LOCALHOST).to_be();
        let len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
        assert_eq!(libc::bind(fd, (&raw const addr).cast(), len), 0, "bind");
        assert_eq!(libc::listen(fd, 0), 0, "listen");
        let mut bound: libc::sockaddr_in = std::mem::zeroed();
        let mut bound_len = len;
        libc::getsockname(fd, (&raw mut bound).cast(), &mut bound_len);
        (
            std::os::fd::OwnedFd::from_raw_fd(fd),
            u16::from_be(bound.sin_port),
        )
    };
    let address: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().expect("address");
    let mut held = Vec::new();
    for _ in 0..8 {
        match std::net::TcpStream::connect_timeout(&address, Duration::from_millis(200)) {
            Ok(stream) => held.push(stream),
            Err(_) => break,
        }
    }
    (fd, port, held)
}

#[test]
fn connect_timeout_names_the_endpoint() {
    let (_listener, port, _held) = saturated_listener();
    let url = format!("http://127.0.0.1:{port}");
    fake("fake-short")
        .args(["--endpoint-url", &url, "--cli-connect-timeout", "1"])
        .env("AWS_MAX_ATTEMPTS", "1")
        .expect(
            "",
            &format!("\naws: [ERROR]: Connect timeout on endpoint URL: \"{url}/\"\n"),
            255,
        );
}

//! The test harness: real servers on loopback and a fluent way to run the
//! real binary against them.
//!
//! * [`Moto`] starts `moto_server` (moto[server] 5.2.1, see
//!   `requirements-test.txt`) on a free loopback port and kills it by PID when
//!   the test binary exits. A missing moto fails the tests with the command
//!   that installs it; nothing is skipped.
//! * [`FakeServer`] is a scripted HTTP server for transport-level cases
//!   (5xx, throttling, slow responses, odd bodies), chosen by `--secret-id`.
//! * [`Test`] runs the binary with a cleared environment plus only what the
//!   test sets, and asserts whole, literal stdout, stderr and exit code.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicI32, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The binary under test.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_update-secret-version-stage"))
}

/// A free loopback port (bound, then released).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free loopback port")
}

// PIDs of servers to kill when the test binary exits.
static CHILD_PIDS: Mutex<Vec<i32>> = Mutex::new(Vec::new());
static ATEXIT: OnceLock<()> = OnceLock::new();

extern "C" fn kill_children() {
    if let Ok(pids) = CHILD_PIDS.lock() {
        for pid in pids.iter() {
            // SAFETY: sending a signal to a process we started.
            unsafe {
                libc::kill(*pid, libc::SIGTERM);
            }
        }
    }
}

fn register_child(child: &Child) {
    ATEXIT.get_or_init(|| {
        // SAFETY: registering a plain extern "C" function.
        unsafe {
            libc::atexit(kill_children);
        }
    });
    if let Ok(pid) = i32::try_from(child.id())
        && let Ok(mut pids) = CHILD_PIDS.lock()
    {
        pids.push(pid);
    }
}

/// Where `moto_server` is: `$MOTO_SERVER`, the project's `.venv`, or PATH.
fn moto_command() -> PathBuf {
    if let Some(p) = std::env::var_os("MOTO_SERVER") {
        return PathBuf::from(p);
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/moto_server");
    if venv.exists() {
        return venv;
    }
    PathBuf::from("moto_server")
}

/// A running moto server.
pub struct Moto {
    /// `http://127.0.0.1:PORT`.
    pub endpoint: String,
    _child: Child,
}

impl Moto {
    /// Start moto on a free port and wait until it answers.
    pub fn start() -> Moto {
        let port = free_port();
        let command = moto_command();
        let child = Command::new(&command)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start moto ({}: {e}). Install the test dependencies with \
                     `scripts/test` (or `python3 -m pip install -r requirements-test.txt`) \
                     or set MOTO_SERVER to moto_server's path.",
                    command.display()
                )
            });
        register_child(&child);
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().expect("address");
        let deadline = Instant::now() + Duration::from_secs(60);
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            assert!(
                Instant::now() < deadline,
                "moto did not start on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Moto {
            endpoint: format!("http://127.0.0.1:{port}"),
            _child: child,
        }
    }

    /// The moto server shared by the tests that create their own secrets.
    pub fn shared() -> &'static Moto {
        static SHARED: OnceLock<Moto> = OnceLock::new();
        SHARED.get_or_init(Moto::start)
    }

    /// Reset moto and seed it with the golden cases' deterministic state.
    pub fn reset_and_seed(&self) {
        http_post(&self.endpoint, "/moto-api/reset", &[], "");
        http_post(&self.endpoint, "/moto-api/seed?a=42", &[], "");
        self.seed_secret("MyTestSecret", "a1b2c3", V2, r#"{"user":"v2222"}"#);
        self.call(
            "PutSecretValue",
            &format!(r#"{{"SecretId":"MyTestSecret","SecretString":"{{\"user\":\"v1111\"}}","ClientRequestToken":"{V1}"}}"#),
        );
        self.call(
            "PutSecretValue",
            &format!(r#"{{"SecretId":"MyTestSecret","SecretString":"{{\"user\":\"vEXAMPLE\"}}","ClientRequestToken":"{V3}","VersionStages":["STAGINGLABEL2"]}}"#),
        );
        self.call(
            "UpdateSecretVersionStage",
            &format!(r#"{{"SecretId":"MyTestSecret","VersionStage":"STAGINGLABEL1","MoveToVersionId":"{V1}"}}"#),
        );
        self.seed_secret("prod/app/db-credentials", "Xy9Zq1", V4, "hunter2");
    }

    /// Create a secret with a fixed ARN suffix and first version.
    pub fn seed_secret(&self, name: &str, suffix: &str, version: &str, value: &str) {
        let body = serde_json::json!({
            "Name": name,
            "SecretString": value,
            "ClientRequestToken": version,
            "Tags": [{"Key": "_custom_id_", "Value": suffix}],
        });
        self.call("CreateSecret", &body.to_string());
    }

    /// Add a version to a secret.
    pub fn put_version(&self, name: &str, version: &str, stages: &[&str]) {
        let body = serde_json::json!({
            "SecretId": name,
            "SecretString": format!("value-{version}"),
            "ClientRequestToken": version,
            "VersionStages": stages,
        });
        self.call("PutSecretValue", &body.to_string());
    }

    /// The staging labels of each version of a secret, sorted.
    pub fn labels(&self, name: &str) -> BTreeMap<String, Vec<String>> {
        let answer = self.call(
            "ListSecretVersionIds",
            &serde_json::json!({"SecretId": name}).to_string(),
        );
        let value: serde_json::Value = serde_json::from_str(&answer).expect("moto JSON");
        let mut labels = BTreeMap::new();
        for version in value["Versions"].as_array().into_iter().flatten() {
            let mut stages: Vec<String> = version["VersionStages"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect();
            stages.sort();
            labels.insert(
                version["VersionId"].as_str().unwrap_or_default().to_owned(),
                stages,
            );
        }
        labels
    }

    /// One Secrets Manager call (moto routes on the credential scope and
    /// does not check signatures).
    pub fn call(&self, operation: &str, body: &str) -> String {
        let target = format!("secretsmanager.{operation}");
        http_post(
            &self.endpoint,
            "/",
            &[
                ("X-Amz-Target", target.as_str()),
                ("Content-Type", "application/x-amz-json-1.1"),
                (
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=0",
                ),
            ],
            body,
        )
    }
}

/// Version ids of the golden state.
pub const V1: &str = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";
/// The version that holds AWSPREVIOUS in the golden state.
pub const V2: &str = "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222";
/// The version that holds STAGINGLABEL2 in the golden state.
pub const V3: &str = "EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE";
/// The version of `prod/app/db-credentials`.
pub const V4: &str = "a1b2c3d4-5678-90ab-cdef-EXAMPLE33333";

/// A minimal HTTP/1.1 POST; returns the body. Panics on failure.
fn http_post(endpoint: &str, path: &str, headers: &[(&str, &str)], body: &str) -> String {
    let host = endpoint.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).expect("connect to moto");
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).expect("write to moto");
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .expect("read from moto");
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head.split_whitespace().nth(1).unwrap_or("0");
    assert!(
        status.starts_with('2'),
        "moto answered {status} to {path} {body}"
    );
    body.to_owned()
}

/// The result of running the binary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Exit code.
    pub code: i32,
}

/// One run of the binary, built fluently.
pub struct Test {
    args: Vec<String>,
    env: BTreeMap<String, String>,
    home: tempdir::TempDir,
    cwd: Option<PathBuf>,
}

impl Test {
    /// A run with the golden cases' base environment.
    pub fn new() -> Test {
        let home = tempdir::TempDir::new();
        let mut env = BTreeMap::new();
        env.insert("PATH".to_owned(), std::env::var("PATH").unwrap_or_default());
        env.insert("HOME".to_owned(), home.path().display().to_string());
        env.insert("LANG".to_owned(), "C.UTF-8".to_owned());
        env.insert("AWS_ACCESS_KEY_ID".to_owned(), "testing".to_owned());
        env.insert("AWS_SECRET_ACCESS_KEY".to_owned(), "testing".to_owned());
        env.insert("AWS_DEFAULT_REGION".to_owned(), "us-east-1".to_owned());
        env.insert("AWS_EC2_METADATA_DISABLED".to_owned(), "true".to_owned());
        env.insert("AWS_PAGER".to_owned(), String::new());
        Test {
            args: Vec::new(),
            env,
            home,
            cwd: None,
        }
    }

    /// Add arguments.
    pub fn args<I, S>(mut self, args: I) -> Test
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    /// Set an environment variable.
    pub fn env(mut self, key: &str, value: &str) -> Test {
        self.env.insert(key.to_owned(), value.to_owned());
        self
    }

    /// Remove an environment variable.
    pub fn env_remove(mut self, key: &str) -> Test {
        self.env.remove(key);
        self
    }

    /// Write a file under the test's `$HOME`.
    pub fn home_file(self, relative: &str, content: &str) -> Test {
        let path = self.home.path().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create home dir");
        }
        std::fs::write(&path, content).expect("write home file");
        self
    }

    /// The test's `$HOME`.
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// Run in `dir`.
    pub fn cwd(mut self, dir: &Path) -> Test {
        self.cwd = Some(dir.to_owned());
        self
    }

    /// The command this test runs: the binary, its arguments, the cleared
    /// environment plus the test's, and its working directory (standard
    /// streams left for the caller to set).
    pub fn command(&self) -> Command {
        let mut command = Command::new(binary());
        command
            .args(&self.args)
            .env_clear()
            .envs(&self.env)
            .current_dir(self.cwd.as_deref().unwrap_or(self.home.path()));
        command
    }

    /// Run the binary.
    pub fn run(&self) -> Outcome {
        let mut command = self.command();
        command
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .stdin(Stdio::null());
        let output = command.output().expect("run the binary");
        Outcome {
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            code: output.status.code().unwrap_or(-1),
        }
    }

    /// Run and check whole stdout, stderr and exit code.
    pub fn expect(&self, stdout: &str, stderr: &str, code: i32) -> Outcome {
        let outcome = self.run();
        assert_eq!(
            (
                outcome.stdout.as_str(),
                outcome.stderr.as_str(),
                outcome.code
            ),
            (stdout, stderr, code),
            "args: {:?}",
            self.args
        );
        outcome
    }
}

/// Temporary directories removed on drop.
pub mod tempdir {
    use super::*;

    /// A temporary directory.
    pub struct TempDir(PathBuf);

    impl TempDir {
        /// Create a fresh directory under the system temp dir.
        pub fn new() -> TempDir {
            static COUNTER: AtomicUsize = AtomicUsize::new(0);
            let n = COUNTER.fetch_add(1, Ordering::SeqCst);
            let path = std::env::temp_dir().join(format!("usvs-test-{}-{n}", std::process::id()));
            let _ = std::fs::remove_dir_all(&path);
            std::fs::create_dir_all(&path).expect("create temp dir");
            TempDir(path)
        }

        /// Its path.
        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// A unique secret name for tests that share one moto server.
pub fn unique_name(prefix: &str) -> String {
    static COUNTER: AtomicI32 = AtomicI32::new(0);
    format!(
        "{prefix}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    )
}

/// The ARN moto gives a secret seeded with the suffix `a1b2c3`.
pub fn secret_arn(name: &str) -> String {
    format!("arn:aws:secretsmanager:us-east-1:123456789012:secret:{name}-a1b2c3")
}

/// Expected staging labels per version, in the shape [`Moto::labels`] returns.
pub fn labels(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
    pairs
        .iter()
        .map(|(v, l)| (v.to_string(), l.iter().map(|s| s.to_string()).collect()))
        .collect()
}

//! The golden cases captured from the real AWS CLI v2 (2.36.7), kept in
//! `tests/golden/` so the suite stands on its own: every case runs the
//! binary against a freshly seeded moto (or the scripted fake server) with a
//! clean environment and compares normalized stdout, stderr and exit code
//! byte for byte. Cases named in `tests/golden/KNOWN_FAILING` are those
//! whose behaviour belongs to a later issue; every other case must pass,
//! and a known-failing case that starts passing must be removed from the
//! list.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use regex::Regex;

use crate::fakesrv::FakeServer;
use crate::harness::{Moto, binary, free_port, tempdir::TempDir};
use crate::pty::run_on_pty;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// The corpus normalizer: the same substitutions as the captured files.
fn normalize(text: &str, subs: &[(String, String)], filter: Option<&Regex>) -> String {
    let mut subs = subs.to_vec();
    subs.sort_by_key(|(old, _)| std::cmp::Reverse(old.len()));
    let mut text = text.to_owned();
    for (old, new) in &subs {
        if !old.is_empty() {
            text = text.replace(old, new);
        }
    }
    text = text.replace("\r\n", "\n");
    let rules = [
        (
            r"(:secret:[A-Za-z0-9/_+=.@-]+?)-[A-Za-z0-9]{6}([^A-Za-z0-9]|$)",
            "${1}-XXXXXX${2}",
        ),
        (
            r"update-secret-version-stage/\d+\.\d+\.\d+\S* Rust/\S+ \S+/\S+ \S+/\S+",
            "aws-cli/2.N.N Python/N.N.N OS/RELEASE INSTALLER/PLATFORM",
        ),
        (r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}", "TIMESTAMP"),
        (r"\b\d{8}T\d{6}Z\b", "AMZDATE"),
        (r"(Credential=[^/\s]+/)\d{8}/", "${1}YYYYMMDD/"),
        (
            r#"((?:RequestId|x-amzn-requestid|x-amzn-RequestId)['"]?[:=]\s*['"]?)[A-Za-z0-9-]{16,}"#,
            "${1}REQUESTID",
        ),
        (r"\b0x[0-9a-f]{6,}\b", "0xADDR"),
    ];
    for (pattern, replacement) in rules {
        let re = Regex::new(pattern).expect("normalizer regex");
        // The ARN rule's lookahead is emulated by re-running until stable.
        loop {
            let next = re.replace_all(&text, replacement).into_owned();
            if next == text {
                break;
            }
            text = next;
        }
    }
    if let Some(rx) = filter {
        let kept: String = text
            .split('\n')
            .filter(|line| rx.is_match(line))
            .map(|line| format!("{line}\n"))
            .collect();
        text = kept;
    }
    text
}

struct CaseResult {
    name: String,
    problems: Vec<String>,
}

fn run_case(dir: &Path, moto: &Moto, fake: &FakeServer, closed: &str) -> CaseResult {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    moto.reset_and_seed();
    let home = TempDir::new();
    let case_home = dir.join("home");
    if case_home.is_dir() {
        let status = Command::new("cp")
            .arg("-R")
            .arg(format!("{}/.", case_home.display()))
            .arg(home.path())
            .status()
            .expect("cp");
        assert!(status.success());
    }
    let tty = dir.join("tty").exists();
    let script = r#"
      cd "$__CASE" || exit 99
      EP=$__EP FAKE=$__FAKE CLOSED=$__CLOSED b=$__BIN
      unset __EP __FAKE __CLOSED __BIN __CASE
      if [ -f ./env.sh ]; then . ./env.sh; fi
      eval "set -- $(cat ./cmd)"
      unset EP FAKE CLOSED
      exec "$b" "$@"
    "#;
    let mut command = Command::new("bash");
    command
        .arg("-c")
        .arg(script)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("LANG", "C.UTF-8")
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_PAGER", "")
        .env("__EP", &moto.endpoint)
        .env("__FAKE", &fake.endpoint)
        .env("__CLOSED", closed)
        .env("__BIN", binary())
        .env("__CASE", dir)
        .stdin(Stdio::null());
    let started = Instant::now();
    let (stdout, stderr, code) = if tty {
        let (out, code) = run_on_pty(command);
        (out, Vec::new(), code)
    } else {
        let output = command
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .expect("run case");
        (
            output.stdout,
            output.stderr,
            output.status.code().unwrap_or(-1),
        )
    };
    let mut problems = Vec::new();
    if started.elapsed() > Duration::from_secs(20) {
        problems.push(format!("took {:?}", started.elapsed()));
    }
    let port = |url: &str| url.rsplit(':').next().unwrap_or_default().to_owned();
    let subs = vec![
        (
            format!("127.0.0.1:{}", port(&moto.endpoint)),
            "127.0.0.1:MOTO_PORT".to_owned(),
        ),
        (
            format!("127.0.0.1:{}", port(&fake.endpoint)),
            "127.0.0.1:FAKE_PORT".to_owned(),
        ),
        (
            format!("127.0.0.1:{}", port(closed)),
            "127.0.0.1:CLOSED_PORT".to_owned(),
        ),
        (home.path().display().to_string(), "$HOME".to_owned()),
        (dir.display().to_string(), "$CASEDIR".to_owned()),
    ];
    let filter = std::fs::read_to_string(dir.join("stderr_filter"))
        .ok()
        .map(|f| Regex::new(f.trim_end_matches('\n')).expect("stderr_filter regex"));
    let actual_out = normalize(&String::from_utf8_lossy(&stdout), &subs, None);
    let actual_err = normalize(&String::from_utf8_lossy(&stderr), &subs, filter.as_ref());
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap_or_default();
    for (what, expected, actual) in [
        ("stdout", read("expected.stdout"), actual_out),
        ("stderr", read("expected.stderr"), actual_err),
        ("rc", read("expected.rc"), format!("{code}\n")),
    ] {
        if expected != actual {
            problems.push(format!(
                "{what} differs\n--- expected\n{expected}\n--- actual\n{actual}"
            ));
        }
    }
    CaseResult { name, problems }
}

#[test]
fn golden_cases_match_aws_cli_v2() {
    let moto = Moto::start();
    let fake = FakeServer::shared();
    let closed = format!("http://127.0.0.1:{}", free_port());
    let known_failing: BTreeSet<String> =
        std::fs::read_to_string(golden_dir().join("KNOWN_FAILING"))
            .unwrap_or_default()
            .lines()
            .map(|l| l.split('#').next().unwrap_or_default().trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect();
    let only = std::env::var("GOLDEN_ONLY")
        .ok()
        .map(|p| Regex::new(&p).expect("GOLDEN_ONLY"));
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(golden_dir())
        .expect("tests/golden")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("cmd").is_file())
        .collect();
    dirs.retain(|d| {
        let name = d
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        only.as_ref().is_none_or(|rx| rx.is_match(&name))
    });
    dirs.sort();
    let mut report = Vec::new();
    let (mut passed, mut failed) = (0, 0);
    for dir in &dirs {
        let result = run_case(dir, &moto, fake, &closed);
        let expected_to_fail = known_failing.contains(&result.name);
        match (result.problems.is_empty(), expected_to_fail) {
            (true, false) => passed += 1,
            (false, true) => failed += 1,
            (true, true) => report.push(format!(
                "{} now passes: remove it from tests/golden/KNOWN_FAILING",
                result.name
            )),
            (false, false) => {
                failed += 1;
                report.push(format!(
                    "FAIL {}\n{}",
                    result.name,
                    result.problems.join("\n")
                ));
            }
        }
    }
    println!(
        "golden cases: {passed} passed, {failed} failed (known: {})",
        known_failing.len()
    );
    assert!(report.is_empty(), "{}", report.join("\n\n"));
}

#[test]
fn normalizer_masks_what_varies() {
    assert_eq!(
        normalize(
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-a1b2c3\tx",
            &[],
            None
        ),
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-XXXXXX\tx"
    );
    assert_eq!(
        normalize(
            "update-secret-version-stage/0.1.0 Rust/1.95.0 Linux/6.1.0 source/x86_64\n",
            &[],
            None
        ),
        "aws-cli/2.N.N Python/N.N.N OS/RELEASE INSTALLER/PLATFORM\n"
    );
}

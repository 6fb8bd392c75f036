//! Load: many invocations against one moto server, 16 at a time. Every
//! call succeeds, every secret's labels end where its sequence of moves
//! says, and the peak RSS of the invocations stays flat. The size is
//! `LOAD_INVOCATIONS` (default 100, as in CI; 500 for the full run).

use std::process::{Command, Stdio};
use std::time::Instant;

use crate::harness::{Moto, binary, unique_name};

const WORKERS: usize = 16;
const V_A: &str = "aaaaaaaa-1111-1111-1111-111111111111";
const V_B: &str = "bbbbbbbb-2222-2222-2222-222222222222";

/// Run one invocation; returns (exit code, peak RSS in KiB). The peak RSS
/// comes from GNU time, which forks from a small process: a wait4 from this
/// test binary would also count its own image, copied before exec.
fn invoke(args: &[&str]) -> (i32, i64) {
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(binary())
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", "/nonexistent")
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("run /usr/bin/time (Debian package `time`)");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let peak = stderr
        .lines()
        .last()
        .and_then(|l| l.trim().parse::<i64>().ok())
        .unwrap_or_else(|| panic!("no peak RSS from /usr/bin/time: {stderr}"));
    (output.status.code().unwrap_or(-1), peak)
}

#[test]
fn many_invocations_sixteen_at_a_time() {
    let total: usize = std::env::var("LOAD_INVOCATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let moto = Moto::start();
    let secrets: Vec<String> = (0..WORKERS).map(|_| unique_name("load")).collect();
    for name in &secrets {
        moto.seed_secret(name, "a1b2c3", V_A, "a");
        moto.put_version(name, V_B, &["AWSCURRENT"]);
    }
    let per_worker = total.div_ceil(WORKERS);
    let started = Instant::now();
    let results: Vec<Vec<(i32, i64)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = secrets
            .iter()
            .map(|name| {
                let endpoint = moto.endpoint.clone();
                scope.spawn(move || {
                    (0..per_worker)
                        .map(|i| {
                            // Alternate: move AWSCURRENT to A, then back to B, ...
                            let (to, from) = if i % 2 == 0 { (V_A, V_B) } else { (V_B, V_A) };
                            invoke(&[
                                "--secret-id",
                                name,
                                "--version-stage",
                                "AWSCURRENT",
                                "--move-to-version-id",
                                to,
                                "--remove-from-version-id",
                                from,
                                "--endpoint-url",
                                &endpoint,
                            ])
                        })
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("worker"))
            .collect()
    });
    let elapsed = started.elapsed();
    let all: Vec<(i32, i64)> = results.iter().flatten().copied().collect();
    assert!(
        all.iter().all(|(code, _)| *code == 0),
        "a call failed: {all:?}"
    );
    // Labels end where the sequence says: an odd count of moves leaves
    // AWSCURRENT on A, an even one on B.
    let current = if per_worker % 2 == 1 { V_A } else { V_B };
    for name in &secrets {
        let labels = moto.labels(name);
        assert_eq!(
            labels[current],
            vec!["AWSCURRENT".to_owned()],
            "{name}: {labels:?}"
        );
    }
    // Peak RSS stays flat: the last calls use no more than the first ones
    // (with slack for allocator noise), and stays small.
    let rss: Vec<i64> = all.iter().map(|(_, r)| *r).collect();
    let first = rss[..WORKERS].iter().max().copied().unwrap_or(0);
    let last = rss[rss.len() - WORKERS..]
        .iter()
        .max()
        .copied()
        .unwrap_or(0);
    assert!(
        last <= first + 2048,
        "peak RSS grew from {first} KiB to {last} KiB"
    );
    println!(
        "load: {} invocations, {WORKERS} at a time, in {:.2?} ({:.0}/s); peak RSS {} KiB",
        all.len(),
        elapsed,
        all.len() as f64 / elapsed.as_secs_f64(),
        rss.iter().max().copied().unwrap_or(0)
    );
}

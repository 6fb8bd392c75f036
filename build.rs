//! Records the compiler version for the `--version` line
//! (`update-secret-version-stage/<version> Rust/<rustc> Linux/<release> source/<arch>`).

use std::process::Command;

fn main() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let version = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.split_whitespace().nth(1).map(str::to_owned))
        .unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=USVS_RUSTC_VERSION={version}");
    println!("cargo:rerun-if-changed=build.rs");
}

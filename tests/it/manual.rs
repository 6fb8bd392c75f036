//! The manual page: `doc/help.txt` (what `help` prints) must be what
//! `doc/update-secret-version-stage.1` renders to, and the page must install
//! where the README says. Both need tools that not every machine has (groff,
//! man): without them these tests say so on stderr and check nothing.

use std::path::Path;
use std::process::Command;

use crate::harness::tempdir::TempDir;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Whether `program` is installed (on PATH).
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

/// The groff `doc/help.txt` was rendered with (scripts/render-help).
const GROFF: &str = "GNU groff version 1.22.4";

#[test]
fn help_text_is_not_stale() {
    if !on_path("groff") {
        eprintln!("groff not installed: doc/help.txt not checked against the manual page");
        return;
    }
    let output = Command::new(root().join("scripts/render-help"))
        .arg("--check")
        .output()
        .expect("run scripts/render-help --check");
    let version = Command::new("groff")
        .arg("--version")
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .unwrap_or_default();
    match output.status.code() {
        Some(0) => {}
        Some(1) if version != GROFF => eprintln!(
            "{version} here, doc/help.txt comes from {GROFF}: a difference may be the version's, not checked"
        ),
        _ => panic!(
            "doc/help.txt is not what doc/update-secret-version-stage.1 renders to; run scripts/render-help\n{}",
            String::from_utf8_lossy(&output.stderr)
        ),
    }
}

/// The README's instruction: the page in `~/.local/share/man/man1`, found by
/// man-db next to `~/.local/bin` on PATH.
#[test]
fn the_manual_page_installs_where_the_readme_says() {
    if !on_path("man") {
        eprintln!("man not installed: the manual page's installation not checked");
        return;
    }
    let home = TempDir::new();
    let bin = home.path().join(".local/bin");
    let man1 = home.path().join(".local/share/man/man1");
    std::fs::create_dir_all(&bin).expect("mkdir");
    std::fs::create_dir_all(&man1).expect("mkdir");
    let page = man1.join("update-secret-version-stage.1");
    std::fs::copy(root().join("doc/update-secret-version-stage.1"), &page).expect("install");
    let path = format!("{}:/usr/local/bin:/usr/bin:/bin", bin.display());
    let output = Command::new("man")
        .args(["-w", "update-secret-version-stage"])
        .env_clear()
        .env("HOME", home.path())
        .env("PATH", path)
        .output()
        .expect("run man -w");
    assert_eq!(
        (
            String::from_utf8_lossy(&output.stdout).as_ref(),
            output.status.code()
        ),
        (format!("{}\n", page.display()).as_str(), Some(0))
    );
}

//! `--version`: wherever it stands it wins (prints to stdout, exit 0, sends
//! nothing), except over an invalid choice that comes before it and over
//! `--cli-auto-prompt --no-cli-auto-prompt`, as in AWS CLI v2. The line
//! names this tool; that is the one intended difference from the CLI.

use crate::harness::{Test, free_port};

fn version_line() -> String {
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|_| "unknown".to_owned());
    format!(
        "update-secret-version-stage/{} Rust/{} Linux/{release} source/{}\n",
        env!("CARGO_PKG_VERSION"),
        env!("USVS_RUSTC_VERSION"),
        std::env::consts::ARCH
    )
}

/// An endpoint nothing listens on: a request would fail with rc 255.
fn closed_endpoint() -> String {
    format!("http://127.0.0.1:{}", free_port())
}

#[test]
fn version_alone() {
    Test::new()
        .args(["--version"])
        .expect(&version_line(), "", 0);
}

#[test]
fn version_wins_over_other_and_unknown_arguments_and_sends_nothing() {
    let endpoint = closed_endpoint();
    for args in [
        vec!["--version", "--bogus", "1"],
        vec!["--bogus", "--version"],
        vec!["stray", "--version", "words"],
        vec![
            "--secret-id",
            "MyTestSecret",
            "--version-stage",
            "AWSCURRENT",
            "--version",
        ],
        vec![
            "--version",
            "--secret-id",
            "MyTestSecret",
            "--version-stage",
            "AWSCURRENT",
        ],
        vec!["--secret-id", "--version"],
        vec!["--version", "--output", "bogus"],
        vec!["--query", "[", "--version"],
        vec!["--cli-read-timeout", "abc", "--version"],
        vec!["--region", "bad_region!", "--version"],
        vec!["--generate-cli-skeleton", "--version"],
        vec!["help", "--version"],
        vec!["--version", "help"],
        vec!["--vers"],
    ] {
        Test::new()
            .args(&args)
            .args(["--endpoint-url", &endpoint])
            .expect(&version_line(), "", 0);
    }
    Test::new()
        .args(["--endpoint-url", "not-a-url", "--version"])
        .expect(&version_line(), "", 0);
}

#[test]
fn version_wins_over_a_broken_profile_or_config() {
    let endpoint = closed_endpoint();
    let with = |test: Test| test.args(["--version", "--endpoint-url", &endpoint]);
    with(Test::new().args(["--profile", "nosuch"])).expect(&version_line(), "", 0);
    with(Test::new().env("AWS_PROFILE", "nosuch")).expect(&version_line(), "", 0);
    with(Test::new().env("AWS_CONFIG_FILE", "/nonexistent/config")).expect(&version_line(), "", 0);
    with(Test::new().env("AWS_DEFAULT_OUTPUT", "bogus")).expect(&version_line(), "", 0);
    with(
        Test::new()
            .env_remove("AWS_DEFAULT_REGION")
            .env_remove("AWS_ACCESS_KEY_ID")
            .env_remove("AWS_SECRET_ACCESS_KEY")
            .home_file(
                ".aws/config",
                "[default]\noutput = bogus\ncli_auto_prompt = on\ncli_pager = /nonexistent/pager\n",
            ),
    )
    .expect(&version_line(), "", 0);
}

#[test]
fn version_wins_over_auto_prompt_without_a_terminal() {
    Test::new()
        .args(["--cli-auto-prompt", "--version"])
        .expect(&version_line(), "", 0);
    Test::new()
        .env("AWS_CLI_AUTO_PROMPT", "on")
        .args(["--version"])
        .expect(&version_line(), "", 0);
}

#[test]
fn what_comes_before_version_in_the_cli_too() {
    // argparse stops at --version, so an invalid choice before it wins.
    Test::new().args(["--output", "bogus", "--version"]).expect(
        "",
        "\naws: [ERROR]: An error occurred (ParamValidation): argument --output: Found invalid choice 'bogus'\n\n\n\
         usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n\
         To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n",
        252,
    );
    Test::new()
        .args(["--cli-auto-prompt", "--no-cli-auto-prompt", "--version"])
        .expect(
            "",
            "\naws: [ERROR]: An error occurred (ParamValidation): Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time.\n",
            252,
        );
}

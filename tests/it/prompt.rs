//! The auto-prompt on a real pseudo-terminal, against moto: the questions,
//! the answers typed (and echoed by the terminal), the command line echoed
//! before it runs, its output, and the labels moved on the server. Off a
//! terminal the CLI's warning and rc 255 are covered by the golden cases
//! (146–150) and checked once more here.

use crate::harness::{Moto, Test, labels, secret_arn as arn, unique_name};
use crate::pty::Session;

const V_OLD: &str = "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222";
const V_NEW: &str = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";

const INTRO: &str = "Enter the parameters (an empty line leaves one unset, Ctrl-D cancels):\n";
const Q_SECRET_ID: &str = "--secret-id (required): The ARN or the name of the secret with the version and staging labels to modify.\n> ";
const Q_VERSION_STAGE: &str =
    "--version-stage (required): The staging label to add to this version.\n> ";
const Q_REMOVE: &str = "--remove-from-version-id: The ID of the version that the staging label is to be removed from.\n> ";
const Q_MOVE: &str = "--move-to-version-id: The ID of the version to add the staging label to.\n> ";
const Q_OUTPUT: &str = "--output: The formatting style for command output. Choices: json, text, table, yaml, yaml-stream, off.\n> ";

/// A secret whose AWSCURRENT is on `V_NEW`, AWSPREVIOUS on `V_OLD`.
fn rotated_secret() -> (String, &'static Moto) {
    let moto = Moto::shared();
    let name = unique_name("prompted");
    moto.seed_secret(&name, "a1b2c3", V_OLD, "old");
    moto.put_version(&name, V_NEW, &["AWSCURRENT"]);
    (name, moto)
}

#[test]
fn cli_auto_prompt_asks_for_every_missing_parameter_then_runs() {
    let (name, moto) = rotated_secret();
    let test = Test::new().args(["--cli-auto-prompt", "--endpoint-url", &moto.endpoint]);
    let mut session = Session::start(test.command());
    session
        .expect(Q_SECRET_ID)
        .send(&name)
        .expect(Q_VERSION_STAGE)
        .send("AWSCURRENT")
        .expect(Q_REMOVE)
        .send(V_NEW)
        .expect(Q_MOVE)
        .send(V_OLD)
        .expect(Q_OUTPUT)
        .send("txt")
        .expect("Choose one of: json, text, table, yaml, yaml-stream, off.\n> ")
        .send("text");
    let (shown, code) = session.finish();
    assert_eq!(
        shown,
        format!(
            "{INTRO}{Q_SECRET_ID}{name}\n{Q_VERSION_STAGE}AWSCURRENT\n{Q_REMOVE}{V_NEW}\n{Q_MOVE}{V_OLD}\n{Q_OUTPUT}txt\n\
             Choose one of: json, text, table, yaml, yaml-stream, off.\n> text\n\
             > update-secret-version-stage --cli-auto-prompt --endpoint-url {endpoint} --secret-id {name} \
             --version-stage AWSCURRENT --remove-from-version-id {V_NEW} --move-to-version-id {V_OLD} --output text\n\
             {arn}\t{name}\n",
            endpoint = moto.endpoint,
            arn = arn(&name),
        )
    );
    assert_eq!(code, 0);
    assert_eq!(
        moto.labels(&name),
        labels(&[(V_OLD, &["AWSCURRENT"]), (V_NEW, &["AWSPREVIOUS"])])
    );
}

#[test]
fn the_environment_and_the_config_file_turn_the_prompt_on() {
    for (variable, config) in [
        (Some("on"), None),
        (None, Some("[default]\ncli_auto_prompt = on\n")),
    ] {
        let (name, moto) = rotated_secret();
        let mut test = Test::new().args([
            "--endpoint-url",
            &moto.endpoint,
            "--secret-id",
            &name,
            "--output",
            "json",
        ]);
        if let Some(value) = variable {
            test = test.env("AWS_CLI_AUTO_PROMPT", value);
        }
        if let Some(text) = config {
            test = test.home_file(".aws/config", text);
        }
        let mut session = Session::start(test.command());
        session
            .expect(Q_VERSION_STAGE)
            .send("STAGINGLABEL1")
            .expect(Q_REMOVE)
            .send("")
            .expect(Q_MOVE)
            .send(V_OLD);
        let (shown, code) = session.finish();
        assert_eq!(
            shown,
            format!(
                "{INTRO}{Q_VERSION_STAGE}STAGINGLABEL1\n{Q_REMOVE}\n{Q_MOVE}{V_OLD}\n\
                 > update-secret-version-stage --endpoint-url {endpoint} --secret-id {name} --output json \
                 --version-stage STAGINGLABEL1 --move-to-version-id {V_OLD}\n\
                 {{\n    \"ARN\": \"{arn}\",\n    \"Name\": \"{name}\"\n}}\n",
                endpoint = moto.endpoint,
                arn = arn(&name),
            ),
            "{variable:?} {config:?}"
        );
        assert_eq!(code, 0);
        assert_eq!(
            moto.labels(&name),
            labels(&[
                (V_OLD, &["AWSPREVIOUS", "STAGINGLABEL1"]),
                (V_NEW, &["AWSCURRENT"])
            ])
        );
    }
}

#[test]
fn on_partial_runs_a_complete_command_without_asking() {
    let (name, moto) = rotated_secret();
    let test = Test::new()
        .env("AWS_CLI_AUTO_PROMPT", "on-partial")
        .args(["--endpoint-url", &moto.endpoint, "--output", "text"])
        .args(["--secret-id", &name, "--version-stage", "AWSCURRENT"])
        .args([
            "--remove-from-version-id",
            V_NEW,
            "--move-to-version-id",
            V_OLD,
        ]);
    let (shown, code) = Session::start(test.command()).finish();
    assert_eq!(shown, format!("{}\t{name}\n", arn(&name)));
    assert_eq!(code, 0);
}

#[test]
fn on_partial_asks_when_a_required_parameter_is_missing() {
    let (name, moto) = rotated_secret();
    let test = Test::new()
        .env("AWS_CLI_AUTO_PROMPT", "on-partial")
        .args(["--endpoint-url", &moto.endpoint, "--output", "text"])
        .args([
            "--remove-from-version-id",
            V_NEW,
            "--move-to-version-id",
            V_OLD,
        ])
        .args(["--version-stage", "AWSCURRENT"]);
    let mut session = Session::start(test.command());
    session.expect(Q_SECRET_ID).send(&name);
    let (shown, code) = session.finish();
    assert_eq!(
        shown,
        format!(
            "{INTRO}{Q_SECRET_ID}{name}\n\
             > update-secret-version-stage --endpoint-url {endpoint} --output text --remove-from-version-id {V_NEW} \
             --move-to-version-id {V_OLD} --version-stage AWSCURRENT --secret-id {name}\n\
             {arn}\t{name}\n",
            endpoint = moto.endpoint,
            arn = arn(&name),
        )
    );
    assert_eq!(code, 0);
    assert_eq!(
        moto.labels(&name),
        labels(&[(V_OLD, &["AWSCURRENT"]), (V_NEW, &["AWSPREVIOUS"])])
    );
}

#[test]
fn ctrl_d_cancels_with_the_command_line_so_far() {
    let test = Test::new().args(["--cli-auto-prompt", "--output", "json"]);
    let mut session = Session::start(test.command());
    session
        .expect(Q_SECRET_ID)
        .send("MyTestSecret")
        .expect(Q_VERSION_STAGE)
        .send_eof();
    let (shown, code) = session.finish();
    assert_eq!(
        shown,
        format!(
            "{INTRO}{Q_SECRET_ID}MyTestSecret\n{Q_VERSION_STAGE}\n\
             > update-secret-version-stage --cli-auto-prompt --output json --secret-id MyTestSecret\n"
        )
    );
    assert_eq!(code, 130);
}

#[test]
fn no_cli_auto_prompt_wins_over_the_environment_on_a_terminal() {
    let test = Test::new().env("AWS_CLI_AUTO_PROMPT", "on").args([
        "--no-cli-auto-prompt",
        "--secret-id",
        "MyTestSecret",
    ]);
    let (shown, code) = Session::start(test.command()).finish();
    assert_eq!(
        shown,
        "\naws: [ERROR]: An error occurred (ParamValidation): the following arguments are required: --version-stage\n\n\
         usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n\
         To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n"
    );
    assert_eq!(code, 252);
}

#[test]
fn off_a_terminal_the_prompt_fails_as_in_the_cli() {
    let no_tty = "Warning: Input is not a terminal (fd=0).\n\naws: [ERROR]:\n";
    Test::new()
        .args([
            "--cli-auto-prompt",
            "--secret-id",
            "s",
            "--version-stage",
            "v",
        ])
        .expect("", no_tty, 255);
    Test::new()
        .env("AWS_CLI_AUTO_PROMPT", "on-partial")
        .args(["--secret-id", "s"])
        .expect("", no_tty, 255);
    // A 252 that the CLI does not silence is shown before the prompt fails.
    Test::new()
        .env("AWS_CLI_AUTO_PROMPT", "on-partial")
        .args(["--secret-id", "s", "--version-stage", "v", "--bogus"])
        .expect(
            "",
            &format!(
                "\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n\
                 To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\n\n\
                 aws: [ERROR]: Unknown options: --bogus\n{no_tty}"
            ),
            255,
        );
}

//! The three examples of the command's documentation, run against moto,
//! with the labels checked on the server afterwards; and one test per class
//! of error, each with its exact stderr and exit code.

use crate::fakesrv::FakeServer;
use crate::harness::{Moto, Test, free_port, labels, secret_arn as arn, unique_name};

const V_OLD: &str = "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222";
const V_NEW: &str = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";
const V_THIRD: &str = "EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE";

/// A secret with two versions: `V_OLD` (AWSPREVIOUS) and `V_NEW`
/// (AWSCURRENT), plus `V_THIRD` with no label.
fn rotated_secret() -> (String, &'static Moto) {
    let moto = Moto::shared();
    let name = unique_name("rotated");
    moto.seed_secret(&name, "a1b2c3", V_OLD, "old");
    moto.put_version(&name, V_NEW, &["AWSCURRENT"]);
    moto.put_version(&name, V_THIRD, &["STAGINGLABEL2"]);
    (name, moto)
}

#[test]
fn example_1_reverts_awscurrent_to_the_previous_version() {
    let (name, moto) = rotated_secret();
    Test::new()
        .args(["--secret-id", &name, "--version-stage", "AWSCURRENT"])
        .args([
            "--move-to-version-id",
            V_OLD,
            "--remove-from-version-id",
            V_NEW,
        ])
        .args(["--endpoint-url", &moto.endpoint])
        .expect(
            &format!(
                "{{\n    \"ARN\": \"{}\",\n    \"Name\": \"{name}\"\n}}\n",
                arn(&name)
            ),
            "",
            0,
        );
    assert_eq!(
        moto.labels(&name),
        labels(&[
            (V_NEW, &["AWSPREVIOUS"]),
            (V_OLD, &["AWSCURRENT"]),
            (V_THIRD, &["STAGINGLABEL2"])
        ])
    );
}

#[test]
fn example_2_adds_a_label_to_a_version() {
    let (name, moto) = rotated_secret();
    Test::new()
        .args(["--secret-id", &name, "--version-stage", "STAGINGLABEL1"])
        .args(["--move-to-version-id", V_THIRD, "--output", "text"])
        .args(["--endpoint-url", &moto.endpoint])
        .expect(&format!("{}\t{name}\n", arn(&name)), "", 0);
    assert_eq!(
        moto.labels(&name),
        labels(&[
            (V_NEW, &["AWSCURRENT"]),
            (V_OLD, &["AWSPREVIOUS"]),
            (V_THIRD, &["STAGINGLABEL1", "STAGINGLABEL2"])
        ])
    );
}

#[test]
fn example_3_removes_a_label_from_a_version() {
    let (name, moto) = rotated_secret();
    Test::new()
        .args(["--secret-id", &name, "--version-stage", "STAGINGLABEL2"])
        .args(["--remove-from-version-id", V_THIRD, "--query", "Name"])
        .args(["--endpoint-url", &moto.endpoint])
        .expect(&format!("\"{name}\"\n"), "", 0);
    assert_eq!(
        moto.labels(&name),
        labels(&[
            (V_NEW, &["AWSCURRENT"]),
            (V_OLD, &["AWSPREVIOUS"]),
            (V_THIRD, &[])
        ])
    );
}

#[test]
fn a_rejected_call_changes_nothing_and_says_why() {
    let (name, moto) = rotated_secret();
    let before = moto.labels(&name);
    Test::new()
        .args(["--secret-id", &name, "--version-stage", "AWSCURRENT"])
        .args(["--move-to-version-id", V_OLD, "--endpoint-url", &moto.endpoint])
        .expect(
            "",
            &format!(
                "\naws: [ERROR]: An error occurred (InvalidParameterException) when calling the UpdateSecretVersionStage operation: The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently attached to version {V_NEW}, so you must explicitly reference that version in RemoveFromVersionId.\n"
            ),
            254,
        );
    assert_eq!(moto.labels(&name), before);
}

#[test]
fn service_error_resource_not_found() {
    let moto = Moto::shared();
    Test::new()
        .args(["--secret-id", "NoSuchSecret-xyz", "--version-stage", "X"])
        .args(["--endpoint-url", &moto.endpoint])
        .expect(
            "",
            "\naws: [ERROR]: An error occurred (ResourceNotFoundException) when calling the UpdateSecretVersionStage operation: Secrets Manager can't find the specified secret.\n",
            254,
        );
}

#[test]
fn client_side_validation_error() {
    Test::new()
        .args(["--secret-id", "", "--version-stage", "X", "--move-to-version-id", "short"])
        .args(["--endpoint-url", "http://127.0.0.1:9"])
        .expect(
            "",
            "\naws: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nInvalid length for parameter SecretId, value: 0, valid min length: 1\nInvalid length for parameter MoveToVersionId, value: 5, valid min length: 32\n",
            252,
        );
}

const USAGE_TAIL: &str = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n";

#[test]
fn usage_errors() {
    Test::new().args(["--secret-id", "x"]).expect(
        "",
        &format!("\naws: [ERROR]: An error occurred (ParamValidation): the following arguments are required: --version-stage\n\n{USAGE_TAIL}"),
        252,
    );
    Test::new().args(["--output", "bogus"]).expect(
        "",
        &format!("\naws: [ERROR]: An error occurred (ParamValidation): argument --output: Found invalid choice 'bogus'\n\n\n{USAGE_TAIL}"),
        252,
    );
    Test::new()
        .args(["--secret-id", "x", "--version-stage", "y", "--bogus", "1"])
        .expect(
            "",
            &format!("\n{USAGE_TAIL}\n\naws: [ERROR]: Unknown options: --bogus, 1\n"),
            252,
        );
    Test::new().args(["--version-stage", "y", "--secret-id"]).expect(
        "",
        &format!("\naws: [ERROR]: An error occurred (ParamValidation): argument --secret-id: expected one argument\n\n{USAGE_TAIL}"),
        252,
    );
}

#[test]
fn no_region_is_a_configuration_error() {
    Test::new()
        .env_remove("AWS_DEFAULT_REGION")
        .args(["--secret-id", "x", "--version-stage", "y", "--endpoint-url", "http://127.0.0.1:9"])
        .expect(
            "",
            "\naws: [ERROR]: An error occurred (NoRegion): You must specify a region. You can also configure your region by running \"aws configure\".\n",
            253,
        );
}

#[test]
fn no_credentials_is_a_configuration_error() {
    Test::new()
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .args(["--secret-id", "x", "--version-stage", "y", "--endpoint-url", "http://127.0.0.1:9"])
        .expect(
            "",
            "\naws: [ERROR]: An error occurred (NoCredentials): Unable to locate credentials. You can configure credentials by running \"aws login\".\n",
            253,
        );
}

#[test]
fn missing_profile_is_a_general_error() {
    Test::new()
        .args([
            "--secret-id",
            "x",
            "--version-stage",
            "y",
            "--profile",
            "nosuch",
        ])
        .args(["--endpoint-url", "http://127.0.0.1:9"])
        .expect(
            "",
            "\naws: [ERROR]: The config profile (nosuch) could not be found\n",
            255,
        );
}

#[test]
fn connection_refused_is_a_general_error() {
    let closed = format!("http://127.0.0.1:{}", free_port());
    Test::new()
        .args([
            "--secret-id",
            "x",
            "--version-stage",
            "y",
            "--cli-connect-timeout",
            "1",
        ])
        .args(["--endpoint-url", &closed])
        .expect(
            "",
            &format!("\naws: [ERROR]: Could not connect to the endpoint URL: \"{closed}/\"\n"),
            255,
        );
}

#[test]
fn read_timeout_is_retried_then_a_general_error() {
    let fake = FakeServer::shared();
    Test::new()
        .env("AWS_MAX_ATTEMPTS", "2")
        .args([
            "--secret-id",
            "fake-slow",
            "--version-stage",
            "X",
            "--cli-read-timeout",
            "1",
        ])
        .args(["--endpoint-url", &fake.endpoint])
        .expect(
            "",
            &format!(
                "\naws: [ERROR]: Read timeout on endpoint URL: \"{}/\"\n",
                fake.endpoint
            ),
            255,
        );
}

#[test]
fn server_errors_are_retried_until_max_attempts() {
    let fake = FakeServer::shared();
    Test::new()
        .args(["--secret-id", "fake-500", "--version-stage", "X", "--endpoint-url", &fake.endpoint])
        .expect(
            "",
            "\naws: [ERROR]: An error occurred (InternalServiceError) when calling the UpdateSecretVersionStage operation (reached max retries: 2): fake internal failure\n",
            254,
        );
    Test::new()
        .env("AWS_MAX_ATTEMPTS", "1")
        .args(["--secret-id", "fake-throttle", "--version-stage", "X", "--endpoint-url", &fake.endpoint])
        .expect(
            "",
            "\naws: [ERROR]: An error occurred (ThrottlingException) when calling the UpdateSecretVersionStage operation (reached max retries: 0): Rate exceeded\n",
            254,
        );
}

#[test]
fn version_names_this_tool() {
    let outcome = Test::new().args(["--bogus", "--version"]).run();
    assert_eq!((outcome.stderr.as_str(), outcome.code), ("", 0));
    let words: Vec<&str> = outcome.stdout.trim_end().split(' ').collect();
    assert_eq!(words.len(), 4, "{:?}", outcome.stdout);
    assert_eq!(
        words[0],
        concat!("update-secret-version-stage/", env!("CARGO_PKG_VERSION"))
    );
    assert!(words[1].starts_with("Rust/1."));
    assert!(words[2].starts_with("Linux/"));
    assert_eq!(words[3], format!("source/{}", std::env::consts::ARCH));
}

#[test]
fn profile_settings_and_credentials_come_from_the_files() {
    let (name, moto) = rotated_secret();
    Test::new()
        .env_remove("AWS_DEFAULT_REGION")
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .home_file(
            ".aws/config",
            "[default]\noutput = yaml\n[profile dev]\nregion = us-east-1\noutput = text\n",
        )
        .home_file(
            ".aws/credentials",
            "[dev]\naws_access_key_id = testing\naws_secret_access_key = testing\n",
        )
        .args([
            "--secret-id",
            &name,
            "--version-stage",
            "NEWLABEL",
            "--profile",
            "dev",
        ])
        .args(["--endpoint-url", &moto.endpoint])
        .expect(&format!("{}\t{name}\n", arn(&name)), "", 0);
}

#[test]
fn file_values_are_read_relative_to_the_working_directory() {
    let (name, moto) = rotated_secret();
    let test = Test::new();
    std::fs::write(test.home().join("id.txt"), &name).expect("write id");
    std::fs::write(
        test.home().join("input.json"),
        format!(r#"{{"SecretId": "ignored", "VersionStage": "STAGINGLABEL9", "MoveToVersionId": "{V_THIRD}"}}"#),
    )
    .expect("write input");
    let home = test.home().to_owned();
    test.cwd(&home)
        .args([
            "--secret-id",
            "file://id.txt",
            "--cli-input-json",
            "file://input.json",
        ])
        .args([
            "--query",
            "Name",
            "--output",
            "text",
            "--endpoint-url",
            &moto.endpoint,
        ])
        .expect(&format!("{name}\n"), "", 0);
    assert_eq!(
        moto.labels(&name)[V_THIRD],
        vec!["STAGINGLABEL2".to_owned(), "STAGINGLABEL9".to_owned()]
    );
}

//! Input the way the CLI takes it: skeletons, `--cli-input-json/yaml`,
//! `file://`, client-side validation, and which error wins when several
//! things are wrong.

use crate::fakesrv::FakeServer;
use crate::harness::Test;

const USAGE: &str = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n";

fn param_error(message: &str) -> String {
    format!("\naws: [ERROR]: An error occurred (ParamValidation): {message}\n")
}

fn echo() -> Test {
    Test::new().args(["--endpoint-url", &FakeServer::shared().endpoint])
}

#[test]
fn skeletons() {
    let json = "{\n    \"SecretId\": \"\",\n    \"VersionStage\": \"\",\n    \"RemoveFromVersionId\": \"\",\n    \"MoveToVersionId\": \"\"\n}\n";
    Test::new()
        .args(["--generate-cli-skeleton"])
        .expect(json, "", 0);
    Test::new()
        .args([
            "--generate-cli-skeleton",
            "input",
            "--secret-id",
            "x",
            "--output",
            "text",
            "--query",
            "Name",
        ])
        .expect(json, "", 0);
    Test::new().args(["--generate-cli-skeleton", "yaml-input"]).expect(
        "SecretId: ''  # [REQUIRED] The ARN or the name of the secret with the version and staging labelsto modify.\n\
VersionStage: '' # [REQUIRED] The staging label to add to this version.\n\
RemoveFromVersionId: '' # The ID of the version that the staging label is to be removed from.\n\
MoveToVersionId: '' # The ID of the version to add the staging label to.\n",
        "",
        0,
    );
    Test::new().args(["--generate-cli-skeleton", "output"]).expect(
        "",
        &format!(
            "\naws: [ERROR]: An error occurred (ParamValidation): the following arguments are required: --secret-id, --version-stage\n\n{USAGE}"
        ),
        252,
    );
    Test::new()
        .args(["--generate-cli-skeleton", "output", "--secret-id", "x", "--version-stage", "y"])
        .expect(
            "",
            &param_error("Parameter validation failed:\nInvalid length for parameter ARN, value: 3, valid min length: 20"),
            252,
        );
    Test::new().args(["--generate-cli-skeleton", "bogus"]).expect(
        "",
        &format!(
            "\naws: [ERROR]: An error occurred (ParamValidation): argument --generate-cli-skeleton: Found invalid choice 'bogus'\n\n\n{USAGE}"
        ),
        252,
    );
}

#[test]
fn cli_input_json_is_merged_under_explicit_arguments() {
    echo()
        .args([
            "--cli-input-json",
            r#"{"SecretId":"ignored","VersionStage":"X","MoveToVersionId":"EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE"}"#,
            "--secret-id",
            "fake-echo",
            "--query",
            "Name",
            "--output",
            "text",
        ])
        .expect(
            "method=POST\npath=/\ncontent-type=application/x-amz-json-1.1\nx-amz-target=secretsmanager.UpdateSecretVersionStage\nauthorization=AWS4-HMAC-SHA256 Credential=testing/YYYYMMDD/us-east-1/secretsmanager/aws4_request\nbody={\"MoveToVersionId\":\"EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE\",\"SecretId\":\"fake-echo\",\"VersionStage\":\"X\"}\n",
            "",
            0,
        );
}

#[test]
fn cli_input_yaml_allows_comments() {
    echo()
        .args([
            "--cli-input-yaml",
            "# a comment\nSecretId: fake-short  # trailing\nVersionStage: X\n",
            "--output",
            "text",
        ])
        .expect("arn:short\tfake-short\n", "", 0);
}

#[test]
fn cli_input_errors() {
    let cases: [(&[&str], &str); 7] = [
        (
            &[
                "--cli-input-json",
                r#"{"SecretId":"s","VersionStage":"X","Bogus":1}"#,
            ],
            "Parameter validation failed:\nUnknown parameter in input: \"Bogus\", must be one of: SecretId, VersionStage, RemoveFromVersionId, MoveToVersionId",
        ),
        (
            &["--cli-input-json", r#"["SecretId"]"#],
            "Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class 'list'>",
        ),
        (
            &[
                "--cli-input-json",
                r#"{"SecretId":123,"VersionStage":["a"]}"#,
            ],
            "Parameter validation failed:\nInvalid type for parameter SecretId, value: 123, type: <class 'int'>, valid types: <class 'str'>\nInvalid type for parameter VersionStage, value: ['a'], type: <class 'list'>, valid types: <class 'str'>",
        ),
        (
            &["--cli-input-json", r#"{"SecretId":"s"}"#],
            "Parameter validation failed:\nMissing required parameter in input: \"VersionStage\"",
        ),
        (
            &["--cli-input-json", "{not json"],
            "Error parsing parameter 'cli-input-json': Invalid JSON received.",
        ),
        (
            &["--cli-input-yaml", "SecretId: [unclosed"],
            "Error parsing parameter 'cli-input-yaml': Invalid YAML received.",
        ),
        (
            &["--cli-input-yaml", "SecretId: s", "--cli-input-json", "{}"],
            "Only one --cli-input- parameter may be specified.",
        ),
    ];
    for (args, message) in cases {
        echo().args(args).expect("", &param_error(message), 252);
    }
}

#[test]
fn param_files() {
    let test = echo();
    let home = test.home().to_owned();
    std::fs::write(home.join("id-newline.txt"), "fake-short\n").expect("write");
    std::fs::write(home.join("id.txt"), "fake-short").expect("write");
    // The content is used verbatim: the trailing newline is part of the id.
    echo()
        .cwd(&home)
        .args(["--secret-id", "file://id-newline.txt", "--version-stage", "X", "--query", "length(Name)"])
        .expect(
            "",
            "\naws: [ERROR]: An error occurred (ResourceNotFoundException) when calling the UpdateSecretVersionStage operation: Secrets Manager can't find the specified secret.\n",
            254,
        );
    echo()
        .cwd(&home)
        .args([
            "--secret-id",
            "file://id.txt",
            "--version-stage",
            "X",
            "--output",
            "text",
        ])
        .expect("arn:short\tfake-short\n", "", 0);
    echo()
        .cwd(&home)
        .args(["--secret-id", "fileb://id.txt", "--version-stage", "X"])
        .expect(
            "",
            &param_error("Parameter validation failed:\nInvalid type for parameter SecretId, value: b'fake-short', type: <class 'bytes'>, valid types: <class 'str'>"),
            252,
        );
    echo()
        .cwd(&home)
        .args(["--secret-id", "file://nope.txt", "--version-stage", "X"])
        .expect(
            "",
            &param_error("Error parsing parameter '--secret-id': Unable to load paramfile file://nope.txt: [Errno 2] No such file or directory: 'nope.txt'"),
            252,
        );
}

#[test]
fn min_lengths_are_checked_client_side_max_lengths_are_not() {
    Test::new()
        .args([
            "--secret-id",
            "",
            "--version-stage",
            "",
            "--move-to-version-id",
            "short",
        ])
        .args(["--remove-from-version-id", "x"])
        .expect(
            "",
            &param_error(
                "Parameter validation failed:\n\
Invalid length for parameter SecretId, value: 0, valid min length: 1\n\
Invalid length for parameter VersionStage, value: 0, valid min length: 1\n\
Invalid length for parameter RemoveFromVersionId, value: 1, valid min length: 32\n\
Invalid length for parameter MoveToVersionId, value: 5, valid min length: 32",
            ),
            252,
        );
    let long = "s".repeat(3000);
    echo()
        .args(["--secret-id", &long, "--version-stage", "X"])
        .expect(
            "",
            "\naws: [ERROR]: An error occurred (ResourceNotFoundException) when calling the UpdateSecretVersionStage operation: Secrets Manager can't find the specified secret.\n",
            254,
        );
}

#[test]
fn which_error_wins() {
    // --bogus alone: the missing required arguments.
    Test::new().args(["--bogus", "1"]).expect(
        "",
        &format!("\naws: [ERROR]: An error occurred (ParamValidation): the following arguments are required: --secret-id, --version-stage\n\n{USAGE}"),
        252,
    );
    // A bad profile beats validation.
    Test::new()
        .args([
            "--secret-id",
            "",
            "--version-stage",
            "X",
            "--profile",
            "nosuch",
        ])
        .expect(
            "",
            "\naws: [ERROR]: The config profile (nosuch) could not be found\n",
            255,
        );
    // A missing file:// beats a bad profile, and the broken profile makes
    // the error-format lookup fail: the bare message is printed.
    Test::new()
        .args(["--secret-id", "file://nope.txt", "--version-stage", "X", "--profile", "nosuch"])
        .expect(
            "",
            "\naws: [ERROR]: Error parsing parameter '--secret-id': Unable to load paramfile file://nope.txt: [Errno 2] No such file or directory: 'nope.txt'\n",
            252,
        );
    // No region beats validation; validation beats missing credentials.
    Test::new()
        .env_remove("AWS_DEFAULT_REGION")
        .args(["--secret-id", "", "--version-stage", "X"])
        .expect(
            "",
            "\naws: [ERROR]: An error occurred (NoRegion): You must specify a region. You can also configure your region by running \"aws configure\".\n",
            253,
        );
    Test::new()
        .env_remove("AWS_ACCESS_KEY_ID")
        .args(["--secret-id", "", "--version-stage", "X"])
        .expect(
            "",
            &param_error("Parameter validation failed:\nInvalid length for parameter SecretId, value: 0, valid min length: 1"),
            252,
        );
    // A malformed region beats a bad profile.
    Test::new()
        .args([
            "--secret-id",
            "s",
            "--version-stage",
            "X",
            "--profile",
            "nosuch",
            "--region",
            "bad!",
        ])
        .expect(
            "",
            "\naws: [ERROR]: Provided region_name 'bad!' doesn't match a supported format.\n",
            255,
        );
    // --version wins over everything.
    let version = Test::new()
        .args(["--secret-id", "", "--version", "--bogus"])
        .run();
    assert_eq!((version.stderr.as_str(), version.code), ("", 0));
    assert!(version.stdout.starts_with("update-secret-version-stage/"));
    // An invalid --endpoint-url and --query are global-option errors.
    Test::new()
        .args(["--secret-id", "s", "--version-stage", "X", "--endpoint-url", "not-a-url"])
        .expect(
            "",
            &param_error("Bad value for --endpoint-url \"not-a-url\": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/"),
            252,
        );
    Test::new().args(["--query", "Name[", "--bogus"]).expect(
        "",
        &param_error("Bad value for --query Name[: Invalid jmespath expression: Incomplete expression:\n\"Name[\"\n      ^"),
        252,
    );
    Test::new()
        .args([
            "--secret-id",
            "s",
            "--version-stage",
            "X",
            "--cli-read-timeout",
            "abc",
        ])
        .expect(
            "",
            "\naws: [ERROR]: invalid literal for int() with base 10: 'abc'\n",
            255,
        );
}

//! Every output format and error format, byte for byte, against the
//! scripted fake server (deterministic responses).

use crate::fakesrv::FakeServer;
use crate::harness::Test;

fn fake(secret: &str) -> Test {
    Test::new().args([
        "--secret-id",
        secret,
        "--version-stage",
        "X",
        "--endpoint-url",
        &FakeServer::shared().endpoint,
    ])
}

const SHORT_TABLE: &str = "\
-----------------------------
| UpdateSecretVersionStage  |
+------------+--------------+
|     ARN    |    Name      |
+------------+--------------+
|  arn:short |  fake-short  |
+------------+--------------+
";

#[test]
fn every_format_of_a_response() {
    let cases = [
        (
            "json",
            "{\n    \"ARN\": \"arn:short\",\n    \"Name\": \"fake-short\"\n}\n",
        ),
        ("text", "arn:short\tfake-short\n"),
        ("table", SHORT_TABLE),
        ("yaml", "ARN: arn:short\nName: fake-short\n"),
        ("yaml-stream", "- ARN: arn:short\n  Name: fake-short\n"),
        ("off", ""),
    ];
    for (format, expected) in cases {
        fake("fake-short")
            .args(["--output", format])
            .expect(expected, "", 0);
    }
}

#[test]
fn an_empty_response_prints_nothing_in_every_format() {
    for format in ["json", "text", "table", "yaml", "yaml-stream", "off"] {
        fake("fake-empty")
            .args(["--output", format])
            .expect("", "", 0);
    }
}

#[test]
fn a_null_query_result_follows_each_format() {
    let cases = [
        ("json", "null\n"),
        ("text", "None\n"),
        ("table", ""),
        ("yaml", "null\n"),
        ("yaml-stream", "- null\n"),
    ];
    for (format, expected) in cases {
        fake("fake-short")
            .args(["--query", "NoSuchKey", "--output", format])
            .expect(expected, "", 0);
    }
}

#[test]
fn query_results_keep_or_sort_keys_per_format() {
    fake("fake-short")
        .args(["--query", "{z:Name,a:ARN}"])
        .expect(
            "{\n    \"z\": \"fake-short\",\n    \"a\": \"arn:short\"\n}\n",
            "",
            0,
        );
    fake("fake-short")
        .args(["--query", "{z:Name,a:ARN}", "--output", "yaml"])
        .expect("a: arn:short\nz: fake-short\n", "", 0);
    fake("fake-short")
        .args(["--query", "[Name, length(Name)]", "--output", "text"])
        .expect("fake-short\t10\n", "", 0);
}

#[test]
fn yaml_quotes_what_needs_quoting() {
    fake("fake-yamlish").args(["--output", "yaml"]).expect(
        "ARN: 'arn:x: y #z'\nName: 'null'\n",
        "",
        0,
    );
    fake("fake-ctrl")
        .args(["--output", "yaml", "--query", "{Name: Name}"])
        .expect("Name: \"line1\\nline2\\ttab \\\"q\\\" \\\\ end\"\n", "", 0);
}

#[test]
fn colour_only_affects_tables() {
    fake("fake-short")
        .args(["--color", "on", "--output", "text"])
        .expect("arn:short\tfake-short\n", "", 0);
    let outcome = fake("fake-short")
        .args(["--color", "on", "--output", "table"])
        .run();
    assert_eq!(
        outcome.stdout,
        "-----------------------------\n\
\x1b[0m\x1b[0m| UpdateSecretVersionStage  |\x1b[0m\x1b[0m\n\
\x1b[0m\x1b[0m+------------+--------------+\x1b[0m\x1b[0m\n\
\x1b[0m\x1b[0m|     ARN    |    Name      |\x1b[0m\x1b[0m\n\
\x1b[0m\x1b[0m+------------+--------------+\x1b[0m\x1b[0m\n\
\x1b[0m\x1b[0m|  \x1b[1m\x1b[34marn:short\x1b[0m |  \x1b[1m\x1b[34mfake-short\x1b[0m  |\x1b[0m\x1b[0m\n\
\x1b[0m\x1b[0m+------------+--------------+\x1b[0m\x1b[0m\n\
\x1b[0m"
    );
}

#[test]
fn an_unknown_configured_output_fails_after_the_request() {
    fake("fake-short")
        .env("AWS_DEFAULT_OUTPUT", "bogus")
        .expect("", "\naws: [ERROR]: Unknown output type: bogus\n", 255);
}

const NOT_FOUND: &str = "Secrets Manager can't find the specified secret.";

#[test]
fn service_errors_in_every_error_format() {
    let enhanced = format!(
        "\naws: [ERROR]: An error occurred (ResourceNotFoundException) when calling the UpdateSecretVersionStage operation: {NOT_FOUND}\n"
    );
    let cases = [
        ("enhanced", enhanced.clone()),
        ("legacy", enhanced.clone()),
        (
            "json",
            format!(
                "{{\n    \"Message\": \"{NOT_FOUND}\",\n    \"Code\": \"ResourceNotFoundException\"\n}}\n"
            ),
        ),
        (
            "yaml",
            format!("Code: ResourceNotFoundException\nMessage: {NOT_FOUND}\n"),
        ),
        ("text", format!("ResourceNotFoundException\t{NOT_FOUND}\n")),
        (
            "table",
            "-----------------------------------------------------------------\n\
|                             error                             |\n\
+---------+-----------------------------------------------------+\n\
|  Code   |  ResourceNotFoundException                          |\n\
|  Message|  Secrets Manager can't find the specified secret.   |\n\
+---------+-----------------------------------------------------+\n"
                .to_owned(),
        ),
    ];
    for (format, expected) in &cases {
        fake("fake-missing")
            .args(["--cli-error-format", format])
            .expect("", expected, 254);
    }
    // From the environment and from the profile, too.
    fake("fake-missing")
        .env("AWS_CLI_ERROR_FORMAT", "text")
        .expect("", &cases[4].1, 254);
    fake("fake-missing")
        .home_file(".aws/config", "[default]\ncli_error_format = YAML\n")
        .expect("", &cases[3].1, 254);
}

#[test]
fn parameter_validation_in_error_formats() {
    let base = || Test::new().args(["--secret-id", "", "--version-stage", "X"]);
    base().args(["--cli-error-format", "json"]).expect(
        "",
        "{\n    \"Code\": \"ParamValidation\",\n    \"Message\": \"Parameter validation failed:\\nInvalid length for parameter SecretId, value: 0, valid min length: 1\"\n}\n",
        252,
    );
    base().args(["--cli-error-format", "legacy"]).expect(
        "",
        "\naws: [ERROR]: Parameter validation failed:\nInvalid length for parameter SecretId, value: 0, valid min length: 1\n",
        252,
    );
    base().args(["--cli-error-format", "text"]).expect(
        "",
        "ParamValidation\tParameter validation failed:\nInvalid length for parameter SecretId, value: 0, valid min length: 1\n",
        252,
    );
}

#[test]
fn the_error_table_is_coloured_only_on_request() {
    fake("fake-missing")
        .args(["--cli-error-format", "table", "--color", "on"])
        .expect(
            "",
            "-----------------------------------------------------------------\n\
|                             error                             |\n\
+---------+-----------------------------------------------------+\n\
|  \x1b[1m\x1b[34mCode\x1b[0m   |  \x1b[1m\x1b[34mResourceNotFoundException\x1b[0m                          |\n\
|  \x1b[1m\x1b[34mMessage\x1b[0m|  \x1b[1m\x1b[34mSecrets Manager can't find the specified secret.\x1b[0m   |\n\
+---------+-----------------------------------------------------+\n",
            254,
        );
}

#[test]
fn unmodeled_error_codes_and_raw_bodies() {
    fake("fake-unmodeled").expect(
        "",
        "\naws: [ERROR]: An error occurred (WeirdException) when calling the UpdateSecretVersionStage operation: odd\n",
        254,
    );
    fake("fake-html-400").expect(
        "",
        "\naws: [ERROR]: An error occurred (400) when calling the UpdateSecretVersionStage operation: <html><body>Bad Request</body></html>\n",
        254,
    );
    fake("fake-badjson").expect("", "", 0);
}

#[test]
fn an_endpoint_path_is_the_request_path() {
    let endpoint = format!("{}/custom/path", FakeServer::shared().endpoint);
    Test::new()
        .args(["--secret-id", "fake-echo", "--version-stage", "X", "--query", "Name"])
        .args(["--output", "text", "--endpoint-url", &endpoint])
        .expect(
            "method=POST\npath=/custom/path\ncontent-type=application/x-amz-json-1.1\nx-amz-target=secretsmanager.UpdateSecretVersionStage\nauthorization=AWS4-HMAC-SHA256 Credential=testing/YYYYMMDD/us-east-1/secretsmanager/aws4_request\nbody={\"SecretId\":\"fake-echo\",\"VersionStage\":\"X\"}\n",
            "",
            0,
        );
}

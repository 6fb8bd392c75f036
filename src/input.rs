//! Everything a user feeds in, turned into the request's parameters the way
//! the CLI does it: `file://`/`fileb://` values, `--cli-input-json` and
//! `--cli-input-yaml` merged under the explicit arguments, the input
//! skeletons, and botocore's client-side validation with its exact messages.

use std::path::Path;

use serde_json::Value;

use crate::cli::Opts;
use crate::error::Error;

/// The request members in model order, with the option that sets each one
/// and its minimum length.
pub const MEMBERS: [(&str, &str, usize); 4] = [
    ("SecretId", "secret-id", 1),
    ("VersionStage", "version-stage", 1),
    ("RemoveFromVersionId", "remove-from-version-id", 32),
    ("MoveToVersionId", "move-to-version-id", 32),
];

/// The members the model requires.
const REQUIRED_MEMBERS: [&str; 2] = ["SecretId", "VersionStage"];

/// A parameter value before validation: text, bytes from `fileb://`, or any
/// JSON value from `--cli-input-*`.
#[derive(Debug, Clone, PartialEq)]
pub enum ParamValue {
    /// A string (the only valid type for this operation's members).
    Text(String),
    /// Bytes, from `fileb://`.
    Bytes(Vec<u8>),
    /// Any other value, from `--cli-input-json`/`--cli-input-yaml`.
    Json(Value),
}

/// The parameters in the order the CLI builds them: explicit arguments in
/// model order, then `--cli-input-*` keys in their own order.
pub type Params = Vec<(String, ParamValue)>;

/// The validated request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VersionStageRequest {
    /// `SecretId`.
    pub secret_id: String,
    /// `VersionStage`.
    pub version_stage: String,
    /// `RemoveFromVersionId`.
    pub remove_from_version_id: Option<String>,
    /// `MoveToVersionId`.
    pub move_to_version_id: Option<String>,
}

/// The option values of the four members, in model order.
fn member_options(opts: &Opts) -> [Option<&String>; 4] {
    [
        opts.secret_id.as_ref(),
        opts.version_stage.as_ref(),
        opts.remove_from_version_id.as_ref(),
        opts.move_to_version_id.as_ref(),
    ]
}

/// Resolve `file://` and `fileb://` in one option value (relative paths
/// from `cwd`). Other values are returned as text.
pub fn load_param_value(option: &str, raw: &str, cwd: &Path) -> Result<ParamValue, Error> {
    let (path, binary) = if let Some(p) = raw.strip_prefix("file://") {
        (p, false)
    } else if let Some(p) = raw.strip_prefix("fileb://") {
        (p, true)
    } else {
        return Ok(ParamValue::Text(raw.to_owned()));
    };
    let expanded = expand_user(path);
    let full = cwd.join(&expanded);
    let fail = |reason: String| {
        Error::ParamValidation(format!(
            "Error parsing parameter '{option}': Unable to load paramfile {raw}: {reason}"
        ))
    };
    let bytes = std::fs::read(&full).map_err(|e| fail(python_os_error(&e, &expanded)))?;
    if binary {
        return Ok(ParamValue::Bytes(bytes));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(ParamValue::Text(text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let byte = e.as_bytes().get(at).copied().unwrap_or(0);
            Err(fail(format!(
                "'utf-8' codec can't decode byte 0x{byte:02x} in position {at}: invalid start byte"
            )))
        }
    }
}

fn expand_user(path: &str) -> String {
    if let Some(rest) = path.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME")
    {
        return format!("{}/{rest}", home.to_string_lossy());
    }
    path.to_owned()
}

/// Python's text for an `OSError` on `path`.
fn python_os_error(e: &std::io::Error, path: &str) -> String {
    let (errno, text) = match e.raw_os_error() {
        Some(2) => (2, "No such file or directory"),
        Some(13) => (13, "Permission denied"),
        Some(21) => (21, "Is a directory"),
        Some(20) => (20, "Not a directory"),
        Some(n) => {
            return format!(
                "[Errno {n}] {}: {}",
                e.kind(),
                crate::settings::python_repr_str(path)
            );
        }
        None => return e.to_string(),
    };
    format!(
        "[Errno {errno}] {text}: {}",
        crate::settings::python_repr_str(path)
    )
}

/// The explicit arguments, with `file://`/`fileb://` loaded, in model order,
/// followed by the loaded `--cli-input-*` text (still unparsed).
pub struct LoadedArgs {
    /// The member values given as options.
    pub params: Params,
    /// `--cli-input-json`'s text, after `file://`.
    pub cli_input_json: Option<String>,
    /// `--cli-input-yaml`'s text, after `file://`.
    pub cli_input_yaml: Option<String>,
}

/// Load every option value, in the CLI's argument-table order.
pub fn load_args(opts: &Opts, cwd: &Path) -> Result<LoadedArgs, Error> {
    let mut params = Params::new();
    for ((member, option, _), value) in MEMBERS.iter().zip(member_options(opts)) {
        if let Some(raw) = value {
            params.push((
                (*member).to_owned(),
                load_param_value(&format!("--{option}"), raw, cwd)?,
            ));
        }
    }
    let load_text = |option: &str, raw: &Option<String>| -> Result<Option<String>, Error> {
        match raw {
            None => Ok(None),
            Some(raw) => match load_param_value(option, raw, cwd)? {
                ParamValue::Text(t) => Ok(Some(t)),
                ParamValue::Bytes(b) => Ok(Some(String::from_utf8_lossy(&b).into_owned())),
                ParamValue::Json(v) => Ok(Some(v.to_string())),
            },
        }
    };
    let cli_input_json = load_text("--cli-input-json", &opts.cli_input_json)?;
    let cli_input_yaml = load_text("--cli-input-yaml", &opts.cli_input_yaml)?;
    Ok(LoadedArgs {
        params,
        cli_input_json,
        cli_input_yaml,
    })
}

/// Merge `--cli-input-json`/`--cli-input-yaml` under the explicit
/// arguments (explicit arguments win).
pub fn merge_cli_input(loaded: LoadedArgs) -> Result<Params, Error> {
    let LoadedArgs {
        mut params,
        cli_input_json,
        cli_input_yaml,
    } = loaded;
    let (document, option, name) = match (&cli_input_json, &cli_input_yaml) {
        (None, None) => return Ok(params),
        (Some(_), Some(_)) => {
            return Err(Error::ParamValidation(
                "Only one --cli-input- parameter may be specified.".to_owned(),
            ));
        }
        (Some(json), None) => (
            serde_json::from_str::<Value>(json).map_err(|_| {
                Error::ParamValidation(
                    "Error parsing parameter 'cli-input-json': Invalid JSON received.".to_owned(),
                )
            })?,
            "--cli-input-json",
            "cli-input-json",
        ),
        (None, Some(yaml)) => (
            parse_yaml(yaml).ok_or_else(|| {
                Error::ParamValidation(
                    "Error parsing parameter 'cli-input-yaml': Invalid YAML received.".to_owned(),
                )
            })?,
            "--cli-input-yaml",
            "cli-input-yaml",
        ),
    };
    let _ = name;
    let Value::Object(map) = document else {
        return Err(Error::ParamValidation(format!(
            "Error parsing parameter '{option}': Invalid type: expecting map, received {}",
            python_type(&document)
        )));
    };
    for (key, value) in map {
        if !params.iter().any(|(k, _)| *k == key) {
            let value = match value {
                Value::String(s) => ParamValue::Text(s),
                other => ParamValue::Json(other),
            };
            params.push((key, value));
        }
    }
    Ok(params)
}

/// YAML input as a JSON value (`None` when it is not valid YAML). An empty
/// document is `null`, as ruamel loads it.
fn parse_yaml(text: &str) -> Option<Value> {
    if text.trim().is_empty() {
        return Some(Value::Null);
    }
    serde_norway::from_str::<Value>(text).ok()
}

/// Python's `type(value)` text for a JSON value.
pub fn python_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "<class 'NoneType'>",
        Value::Bool(_) => "<class 'bool'>",
        Value::Number(n) if n.is_f64() => "<class 'float'>",
        Value::Number(_) => "<class 'int'>",
        Value::String(_) => "<class 'str'>",
        Value::Array(_) => "<class 'list'>",
        Value::Object(_) => "<class 'dict'>",
    }
}

/// Python's `repr()` of a JSON value.
pub fn python_repr(value: &Value) -> String {
    match value {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() => python_float(f),
            _ => n.to_string(),
        },
        Value::String(s) => crate::settings::python_repr_str(s),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(python_repr).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!(
                    "{}: {}",
                    crate::settings::python_repr_str(k),
                    python_repr(v)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Python's `repr()` of a float (the formatters' implementation).
pub fn python_float(f: f64) -> String {
    crate::output::text::python_float_repr(f)
}

fn python_bytes_repr(bytes: &[u8]) -> String {
    crate::debug::python_repr_bytes(bytes)
}

/// botocore's client-side validation: missing required members, unknown
/// members, then each member's type and minimum length, all reported at
/// once.
pub fn validate(params: &Params) -> Result<VersionStageRequest, Error> {
    let mut problems = Vec::new();
    for required in REQUIRED_MEMBERS {
        if !params.iter().any(|(k, _)| k == required) {
            problems.push(format!(
                "Missing required parameter in input: \"{required}\""
            ));
        }
    }
    let names: Vec<&str> = MEMBERS.iter().map(|(m, _, _)| *m).collect();
    for (key, _) in params {
        if !names.contains(&key.as_str()) {
            problems.push(format!(
                "Unknown parameter in input: \"{key}\", must be one of: {}",
                names.join(", ")
            ));
        }
    }
    let mut request = VersionStageRequest::default();
    for (key, value) in params {
        let Some((member, _, min)) = MEMBERS.iter().find(|(m, _, _)| m == key) else {
            continue;
        };
        let text = match value {
            ParamValue::Text(t) => t,
            ParamValue::Bytes(b) => {
                problems.push(format!(
                    "Invalid type for parameter {member}, value: {}, type: <class 'bytes'>, valid types: <class 'str'>",
                    python_bytes_repr(b)
                ));
                continue;
            }
            ParamValue::Json(v) => {
                problems.push(format!(
                    "Invalid type for parameter {member}, value: {}, type: {}, valid types: <class 'str'>",
                    python_repr(v),
                    python_type(v)
                ));
                continue;
            }
        };
        let length = text.chars().count();
        if length < *min {
            problems.push(format!(
                "Invalid length for parameter {member}, value: {length}, valid min length: {min}"
            ));
        }
        match *member {
            "SecretId" => request.secret_id = text.clone(),
            "VersionStage" => request.version_stage = text.clone(),
            "RemoveFromVersionId" => request.remove_from_version_id = Some(text.clone()),
            _ => request.move_to_version_id = Some(text.clone()),
        }
    }
    if problems.is_empty() {
        Ok(request)
    } else {
        Err(parameter_validation_failed(&problems))
    }
}

/// botocore's `ParamValidationError` text.
pub fn parameter_validation_failed(problems: &[String]) -> Error {
    Error::ParamValidation(format!(
        "Parameter validation failed:\n{}",
        problems.join("\n")
    ))
}

/// The JSON input skeleton (`--generate-cli-skeleton` / `input`).
pub fn input_skeleton_json() -> String {
    let mut out = String::from("{\n");
    for (i, (member, _, _)) in MEMBERS.iter().enumerate() {
        let comma = if i + 1 < MEMBERS.len() { "," } else { "" };
        out.push_str(&format!("    \"{member}\": \"\"{comma}\n"));
    }
    out.push_str("}\n");
    out
}

/// The YAML input skeleton (`--generate-cli-skeleton yaml-input`), with the
/// model's documentation as comments (typo included) and ruamel's spacing.
pub fn input_skeleton_yaml() -> &'static str {
    "SecretId: ''  # [REQUIRED] The ARN or the name of the secret with the version and staging labelsto modify.\n\
VersionStage: '' # [REQUIRED] The staging label to add to this version.\n\
RemoveFromVersionId: '' # The ID of the version that the staging label is to be removed from.\n\
MoveToVersionId: '' # The ID of the version to add the staging label to.\n"
}

/// `--generate-cli-skeleton output`: the CLI validates a stub response whose
/// ARN is the member name, which always fails the ARN minimum length of 20.
pub fn output_skeleton_error() -> Error {
    parameter_validation_failed(&[
        "Invalid length for parameter ARN, value: 3, valid min length: 20".to_owned(),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn text(k: &str, v: &str) -> (String, ParamValue) {
        (k.to_owned(), ParamValue::Text(v.to_owned()))
    }

    #[test]
    fn validation_lists_every_problem_in_order() {
        let params = vec![
            text("SecretId", ""),
            text("VersionStage", ""),
            text("RemoveFromVersionId", "x"),
            text("MoveToVersionId", "short"),
        ];
        assert_eq!(
            validate(&params).unwrap_err().to_string(),
            "Parameter validation failed:\n\
Invalid length for parameter SecretId, value: 0, valid min length: 1\n\
Invalid length for parameter VersionStage, value: 0, valid min length: 1\n\
Invalid length for parameter RemoveFromVersionId, value: 1, valid min length: 32\n\
Invalid length for parameter MoveToVersionId, value: 5, valid min length: 32"
        );
    }

    #[test]
    fn validation_of_types_unknown_and_missing() {
        let params = vec![
            ("SecretId".to_owned(), ParamValue::Json(json!(123))),
            ("Bogus".to_owned(), ParamValue::Json(json!(1))),
        ];
        assert_eq!(
            validate(&params).unwrap_err().to_string(),
            "Parameter validation failed:\n\
Missing required parameter in input: \"VersionStage\"\n\
Unknown parameter in input: \"Bogus\", must be one of: SecretId, VersionStage, RemoveFromVersionId, MoveToVersionId\n\
Invalid type for parameter SecretId, value: 123, type: <class 'int'>, valid types: <class 'str'>"
        );
        let params = vec![
            (
                "SecretId".to_owned(),
                ParamValue::Bytes(b"MyTestSecret".to_vec()),
            ),
            text("VersionStage", "X"),
        ];
        assert_eq!(
            validate(&params).unwrap_err().to_string(),
            "Parameter validation failed:\n\
Invalid type for parameter SecretId, value: b'MyTestSecret', type: <class 'bytes'>, valid types: <class 'str'>"
        );
    }

    #[test]
    fn max_lengths_are_not_checked() {
        let long = "s".repeat(5000);
        let params = vec![text("SecretId", &long), text("VersionStage", "X")];
        assert_eq!(validate(&params).unwrap().secret_id, long);
    }

    #[test]
    fn cli_input_merges_under_explicit_args() {
        let loaded = LoadedArgs {
            params: vec![text("SecretId", "explicit")],
            cli_input_json: Some(
                r#"{"SecretId":"json","VersionStage":"X","Extra":[1,"a",null]}"#.to_owned(),
            ),
            cli_input_yaml: None,
        };
        let params = merge_cli_input(loaded).unwrap();
        assert_eq!(
            params,
            vec![
                text("SecretId", "explicit"),
                text("VersionStage", "X"),
                ("Extra".to_owned(), ParamValue::Json(json!([1, "a", null]))),
            ]
        );
        assert_eq!(
            python_repr(&json!([1, "a", null, {"k": true}])),
            "[1, 'a', None, {'k': True}]"
        );
    }

    #[test]
    fn cli_input_errors() {
        let both = LoadedArgs {
            params: vec![],
            cli_input_json: Some("{}".into()),
            cli_input_yaml: Some("{}".into()),
        };
        assert_eq!(
            merge_cli_input(both).unwrap_err().to_string(),
            "Only one --cli-input- parameter may be specified."
        );
        let list = LoadedArgs {
            params: vec![],
            cli_input_json: Some("[\"SecretId\"]".into()),
            cli_input_yaml: None,
        };
        assert_eq!(
            merge_cli_input(list).unwrap_err().to_string(),
            "Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class 'list'>"
        );
        let bad = LoadedArgs {
            params: vec![],
            cli_input_json: None,
            cli_input_yaml: Some("SecretId: [unclosed".into()),
        };
        assert_eq!(
            merge_cli_input(bad).unwrap_err().to_string(),
            "Error parsing parameter 'cli-input-yaml': Invalid YAML received."
        );
    }

    #[test]
    fn missing_param_file() {
        let e = load_param_value(
            "--secret-id",
            "file://nope.txt",
            Path::new("/nonexistent-dir"),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "Error parsing parameter '--secret-id': Unable to load paramfile file://nope.txt: [Errno 2] No such file or directory: 'nope.txt'"
        );
    }

    #[test]
    fn python_floats() {
        assert_eq!(python_float(1.0), "1.0");
        assert_eq!(python_float(1.5), "1.5");
        assert_eq!(python_float(1e100), "1e+100");
        assert_eq!(python_float(1e-5), "1e-05");
    }

    #[test]
    fn skeletons() {
        assert_eq!(
            input_skeleton_json(),
            "{\n    \"SecretId\": \"\",\n    \"VersionStage\": \"\",\n    \"RemoveFromVersionId\": \"\",\n    \"MoveToVersionId\": \"\"\n}\n"
        );
    }
}

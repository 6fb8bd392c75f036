//! Runs the official JMESPath compliance suite against `--query`, to show that the
//! port of Python `jmespath` behind it is complete JMESPath.
//!
//! ```text
//! cargo run --example jmespath_compliance -- ../shared/jmespath-compliance
//! ```
//!
//! Each file holds `[{given, cases: [{expression, result | error | bench}]}]`. A case
//! with `result` passes when the search yields an equal value (numbers compare by value,
//! as the suite's own runners do, so `2.0` equals `2`); a case with `error` passes when
//! compiling or searching fails (Python `jmespath` reports type, arity and
//! unknown-function errors only when searching); a `bench` case passes when it
//! compiles and searches without error. Prints one line per failure, then
//! `N passed, M failed`; exits non-zero on any failure.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;
use update_secret_version_stage::query::Query;

fn main() -> ExitCode {
    let dir = std::env::args_os().nth(1).map_or_else(
        || PathBuf::from("../shared/jmespath-compliance"),
        PathBuf::from,
    );
    let files = match suite_files(&dir) {
        Ok(files) if !files.is_empty() => files,
        Ok(_) => {
            eprintln!("no *.json files in {}", dir.display());
            return ExitCode::from(2);
        }
        Err(error) => {
            eprintln!("cannot read {}: {error}", dir.display());
            return ExitCode::from(2);
        }
    };
    let mut passed = 0usize;
    let mut failed = 0usize;
    for file in &files {
        let name = file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let groups = match fs::read_to_string(file)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str::<Value>(&text).map_err(|e| e.to_string()))
        {
            Ok(Value::Array(groups)) => groups,
            Ok(_) => {
                println!("FAIL {name}: not a list of groups");
                failed += 1;
                continue;
            }
            Err(error) => {
                println!("FAIL {name}: {error}");
                failed += 1;
                continue;
            }
        };
        for (group_index, group) in groups.iter().enumerate() {
            let given = group.get("given").unwrap_or(&Value::Null);
            let cases = group.get("cases").and_then(Value::as_array);
            for (case_index, case) in cases.into_iter().flatten().enumerate() {
                match run_case(given, case) {
                    Ok(()) => passed += 1,
                    Err(why) => {
                        failed += 1;
                        let expression = case.get("expression").unwrap_or(&Value::Null);
                        println!(
                            "FAIL {name} group {group_index} case {case_index} {expression}: {why}"
                        );
                    }
                }
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn suite_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    Ok(files)
}

fn run_case(given: &Value, case: &Value) -> Result<(), String> {
    let Some(expression) = case.get("expression").and_then(Value::as_str) else {
        return Err("case has no expression".to_owned());
    };
    let outcome = Query::compile(expression)
        .map_err(|e| format!("compile error: {e}"))
        .and_then(|query| {
            query
                .search(given)
                .map_err(|e| format!("search error: {e}"))
        });
    if let Some(kind) = case.get("error") {
        return match outcome {
            Err(_) => Ok(()),
            Ok(result) => Err(format!("expected a {kind} error, got {result}")),
        };
    }
    let result = outcome?;
    match case.get("result") {
        Some(expected) if !same_value(expected, &result) => {
            Err(format!("expected {expected}, got {result}"))
        }
        _ => Ok(()),
    }
}

/// JSON equality with numbers compared by value and object keys in any order.
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(i), Some(j)) => i == j,
            _ => x.as_f64() == y.as_f64(),
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_value(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(key, p)| y.get(key).is_some_and(|q| same_value(p, q)))
        }
        _ => a == b,
    }
}

//! `--output json`: Python's `json.dump(value, indent=4, ensure_ascii=False)`.
//!
//! Written by hand rather than with serde_json's pretty printer so that
//! floats follow Python's `repr` and the bytes match the CLI exactly.

use std::io::{self, Write};

use serde_json::Value;

/// Write `value` as the CLI's JSON formatter does, with a final newline.
pub fn render_json(value: &Value, out: &mut dyn Write) -> io::Result<()> {
    let mut text = String::new();
    write_value(value, 0, &mut text);
    text.push('\n');
    out.write_all(text.as_bytes())
}

/// The JSON text of `value` (4-space indent, no final newline).
pub fn to_json_text(value: &Value) -> String {
    let mut text = String::new();
    write_value(value, 0, &mut text);
    text
}

fn indent(level: usize, out: &mut String) {
    for _ in 0..level {
        out.push_str("    ");
    }
}

fn write_value(value: &Value, level: usize, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() => out.push_str(&python_json_float(f)),
            _ => out.push_str(&n.to_string()),
        },
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                indent(level + 1, out);
                write_value(item, level + 1, out);
                if i + 1 < items.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            indent(level, out);
            out.push(']');
        }
        Value::Object(map) => {
            if map.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push_str("{\n");
            for (i, (key, item)) in map.iter().enumerate() {
                indent(level + 1, out);
                write_string(key, out);
                out.push_str(": ");
                write_value(item, level + 1, out);
                if i + 1 < map.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            indent(level, out);
            out.push('}');
        }
    }
}

/// Python's `float.__repr__`, as `json` writes it (`Infinity`/`NaN` cannot
/// come out of JSON input, but are spelled as Python spells them).
fn python_json_float(f: f64) -> String {
    if f.is_nan() {
        "NaN".to_owned()
    } else if f.is_infinite() {
        if f > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else {
        crate::input::python_float(f)
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(v: &Value) -> String {
        let mut out = Vec::new();
        render_json(v, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn response_in_model_order() {
        let v = json!({"ARN": "arn:x", "Name": "sécret-名前-ü"});
        assert_eq!(
            render(&v),
            "{\n    \"ARN\": \"arn:x\",\n    \"Name\": \"sécret-名前-ü\"\n}\n"
        );
    }

    #[test]
    fn scalars_lists_and_nesting() {
        assert_eq!(render(&json!("MyTestSecret")), "\"MyTestSecret\"\n");
        assert_eq!(render(&json!(null)), "null\n");
        assert_eq!(render(&json!(12)), "12\n");
        assert_eq!(render(&json!(1.5)), "1.5\n");
        assert_eq!(render(&json!(2.0)), "2.0\n");
        assert_eq!(render(&json!([])), "[]\n");
        assert_eq!(
            render(&json!({"a": [1, {"b": {}}]})),
            "{\n    \"a\": [\n        1,\n        {\n            \"b\": {}\n        }\n    ]\n}\n"
        );
    }

    #[test]
    fn escapes_like_python() {
        assert_eq!(
            render(&json!("l1\nl2\ttab \"q\" \\ \u{1} \u{7f}")),
            "\"l1\\nl2\\ttab \\\"q\\\" \\\\ \\u0001 \u{7f}\"\n"
        );
    }
}

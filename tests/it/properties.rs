//! Properties of the formatters over generated JSON values: no formatter
//! panics, and the YAML output parses back to the value it was made from
//! (keys sorted, as the CLI sorts them).

use proptest::prelude::*;
use serde_json::{Map, Value};
use update_secret_version_stage::output::{Format, TableStyle, Terminal, render};

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e12f64..1e12).prop_map(Value::from),
        "\\PC{0,24}".prop_map(Value::String),
        prop::sample::select(vec![
            "",
            "null",
            "~",
            "true",
            "False",
            "yes",
            "no",
            "on",
            "1e3",
            "0x1F",
            "0o17",
            "2026-01-01",
            "12:30",
            "- a",
            "? b",
            ": c",
            "a: b",
            "a #b",
            "#x",
            "&a",
            "*a",
            "!t",
            "|",
            ">",
            "%",
            "@",
            "`",
            "'q'",
            "\"d\"",
            " lead",
            "trail ",
            "tab\tx",
            "line\nbreak",
            "é名前",
            "\u{7f}",
            "\u{85}",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec(("[A-Za-z][A-Za-z0-9 _:-]{0,8}", inner), 0..5)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<String, Value>>())),
        ]
    })
}

/// Compare numbers by value (YAML has no int/float distinction for whole floats).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn formatters_never_panic(v in value(), width in 10usize..200, color: bool, tty: bool) {
        let terminal = Terminal { width, style: TableStyle { color, stdout_is_tty: tty, paged: false } };
        for format in [Format::Json, Format::Text, Format::Table, Format::Yaml, Format::YamlStream, Format::Off] {
            let mut out = Vec::new();
            let _ = render(format, &v, terminal, &mut out);
        }
    }

    #[test]
    fn yaml_parses_back_to_the_same_value(v in value()) {
        prop_assume!(matches!(v, Value::Object(_) | Value::Array(_)));
        prop_assume!(v != Value::Object(Map::new()));
        let terminal = Terminal { width: 80, style: TableStyle { color: false, stdout_is_tty: false, paged: false } };
        let mut out = Vec::new();
        render(Format::Yaml, &v, terminal, &mut out).expect("yaml");
        let text = String::from_utf8(out).expect("utf-8");
        let back: Value = serde_norway::from_str(&text).expect("re-parse");
        prop_assert!(same(&v, &back), "{text}\n{back:?}");
    }
}

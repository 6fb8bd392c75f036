//! JMESPath compile and search: the first line is the expression, the rest a
//! JSON document (or a fixed response when it is not JSON).
#![no_main]

use libfuzzer_sys::fuzz_target;
use update_secret_version_stage::query::Query;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (expression, document) = text.split_once('\n').unwrap_or((&text, ""));
    let value = serde_json::from_str(document).unwrap_or_else(|_| {
        serde_json::json!({"ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:x-AbCdEf", "Name": "x"})
    });
    if let Ok(query) = Query::compile(expression) {
        let _ = query.search(&value);
    }
});

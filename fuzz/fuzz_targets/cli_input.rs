//! `--cli-input-json` / `--cli-input-yaml` parsing, merging and validation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use update_secret_version_stage::input::{LoadedArgs, ParamValue, merge_cli_input, validate};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let params = vec![("SecretId".to_owned(), ParamValue::Text("explicit".to_owned()))];
    let loaded = if selector % 2 == 0 {
        LoadedArgs { params, cli_input_json: Some(text), cli_input_yaml: None }
    } else {
        LoadedArgs { params, cli_input_json: None, cli_input_yaml: Some(text) }
    };
    if let Ok(params) = merge_cli_input(loaded) {
        let _ = validate(&params);
    }
});

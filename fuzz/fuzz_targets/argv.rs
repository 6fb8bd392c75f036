//! The argument parser on arbitrary argv (NUL-separated words, any bytes).
#![no_main]

use libfuzzer_sys::fuzz_target;
use update_secret_version_stage::cli;

fuzz_target!(|data: &[u8]| {
    let words: Vec<String> = data
        .split(|b| *b == 0)
        .map(|w| String::from_utf8_lossy(w).into_owned())
        .collect();
    if let Ok(globals) = cli::parse_globals(&words)
        && !globals.version
    {
        let _ = cli::parse_command(&globals);
    }
});

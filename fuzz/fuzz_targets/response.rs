//! Decoding of error responses: arbitrary status codes and bodies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use update_secret_version_stage::operation::{is_retryable, parse_error_response};

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let status = u16::from_le_bytes([data[0], data[1]]) % 600;
    let (code, _message) = parse_error_response(status, &data[2..]);
    let _ = is_retryable(status, &code);
});

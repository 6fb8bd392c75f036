//! Every output formatter on arbitrary JSON values.
#![no_main]

use libfuzzer_sys::fuzz_target;
use update_secret_version_stage::output::{Format, TableStyle, Terminal, render};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(rest) else {
        return;
    };
    let terminal = Terminal {
        width: 20 + usize::from(selector % 64) * 3,
        style: TableStyle {
            color: selector & 0x40 != 0,
            stdout_is_tty: selector & 0x80 != 0,
            paged: false,
        },
    };
    for format in [Format::Json, Format::Text, Format::Table, Format::Yaml, Format::YamlStream] {
        let mut out = Vec::new();
        let _ = render(format, &value, terminal, &mut out);
    }
});

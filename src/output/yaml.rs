//! YAML output (`--output yaml`, `--output yaml-stream` and `--cli-error-format yaml`).
//!
//! AWS CLI v2 prints YAML through ruamel.yaml's safe dumper backed by the C emitter
//! (libyaml), with `default_flow_style=False`, mapping keys sorted and the YAML 1.2
//! implicit resolvers deciding which strings must be quoted. No YAML crate reproduces
//! those bytes (quoting choices, escapes, line folding at 80 columns, `? ` complex keys
//! for long or multi-line keys), so this module is a small, faithful port of the parts of
//! that pipeline that JSON-shaped values can reach:
//!
//! * the representer: `null`, `true`/`false`, integers, floats in Python `repr` form,
//!   strings, lists and dicts with their keys sorted by code point;
//! * the resolver check that forces quotes on strings that would read back as something
//!   else (`'null'`, `'123'`, `'2026-01-01'`, `'<<'`, `''`, ...);
//! * libyaml's scalar analysis, style selection and plain / single-quoted / double-quoted
//!   writers, including their column bookkeeping and line folding.
//!
//! A top-level JSON scalar is not written as YAML: like the CLI it is written as
//! `json.dumps(value, ensure_ascii=False)` plus a newline. An empty object prints nothing,
//! as the CLI's formatters skip a `{}` response.

use serde_json::{Map, Number, Value};
use std::io::{self, Write};

/// libyaml's default indentation step.
const BEST_INDENT: i64 = 2;
/// libyaml's default preferred line width (ruamel passes no width).
const BEST_WIDTH: usize = 80;
/// Longest key (in UTF-8 bytes) libyaml still writes as a simple `key: value` key.
const MAX_SIMPLE_KEY_LEN: usize = 128;

/// `--output yaml`: the CLI's YAMLFormatter (a `{}` response is handled by the caller: it never reaches here).
///
/// Should a `{}` arrive anyway, nothing is written, as the CLI does.
pub fn render_yaml(value: &Value, out: &mut dyn Write) -> io::Result<()> {
    if is_empty_object(value) {
        return Ok(());
    }
    let text = match value {
        Value::Object(_) | Value::Array(_) => {
            let mut emitter = Emitter::new();
            emitter.document(|e| e.emit_node(value, Context::ROOT));
            emitter.out
        }
        scalar => {
            let mut text = json_scalar(scalar);
            text.push('\n');
            text
        }
    };
    out.write_all(text.as_bytes())
}

/// `--output yaml-stream`: the CLI's StreamedYAMLFormatter for a non-paginated response: dumps `[value]`.
///
/// A `{}` response writes nothing (the CLI streams no item for it).
pub fn render_yaml_stream(value: &Value, out: &mut dyn Write) -> io::Result<()> {
    if is_empty_object(value) {
        return Ok(());
    }
    let mut emitter = Emitter::new();
    emitter.document(|e| {
        e.set_context(Context::ROOT);
        e.emit_block_sequence(std::slice::from_ref(value));
    });
    out.write_all(emitter.out.as_bytes())
}

fn is_empty_object(value: &Value) -> bool {
    matches!(value, Value::Object(map) if map.is_empty())
}

// ---------------------------------------------------------------------------
// Scalars as text: Python `repr`/`str` for numbers, JSON for top-level scalars.
// ---------------------------------------------------------------------------

/// A top-level scalar as Python's `json.dumps(value, ensure_ascii=False)` writes it.
fn json_scalar(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(true) => "true".to_owned(),
        Value::Bool(false) => "false".to_owned(),
        Value::Number(n) => json_number(n),
        Value::String(s) => json_string(s),
        // Collections never reach here; keep a total function anyway.
        Value::Array(_) | Value::Object(_) => String::new(),
    }
}

fn json_number(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        i.to_string()
    } else if let Some(u) = n.as_u64() {
        u.to_string()
    } else {
        let f = n.as_f64().unwrap_or(f64::NAN);
        if f.is_nan() {
            "NaN".to_owned()
        } else if f.is_infinite() {
            if f > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
        } else {
            python_float_repr(f)
        }
    }
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A number as ruamel's SafeRepresenter writes it (`str(int)`, `repr(float).lower()`).
fn yaml_number(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        i.to_string()
    } else if let Some(u) = n.as_u64() {
        u.to_string()
    } else {
        let f = n.as_f64().unwrap_or(f64::NAN);
        if f.is_nan() {
            ".nan".to_owned()
        } else if f.is_infinite() {
            if f > 0.0 { ".inf" } else { "-.inf" }.to_owned()
        } else {
            python_float_repr(f).to_lowercase()
        }
    }
}

/// Python's `repr(float)` for a finite value: the shortest round-tripping digits, in
/// positional form when the decimal exponent is in -4..16, else as `d.ddde+XX`.
fn python_float_repr(f: f64) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.to_owned();
    }
    let negative = f.is_sign_negative();
    let (digits, exponent) = shortest_digits(f.abs());
    let digits = digits.as_str();
    let ndigits = digits.len() as i64;
    // Position of the decimal point relative to the start of `digits`.
    let decpt = exponent + 1;

    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if decpt <= -4 || decpt > 16 {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let e = decpt - 1;
        out.push('e');
        out.push(if e < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", e.unsigned_abs()));
    } else if decpt <= 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat(decpt.unsigned_abs() as usize));
        out.push_str(digits);
    } else if decpt >= ndigits {
        out.push_str(digits);
        out.push_str(&"0".repeat((decpt - ndigits) as usize));
        out.push_str(".0");
    } else {
        let (int_part, frac_part) = digits.split_at(decpt as usize);
        out.push_str(int_part);
        out.push('.');
        out.push_str(frac_part);
    }
    out
}

/// Splits Rust's `{:e}` rendering (`1.2345e-7`) into its digits without trailing zeros
/// (`12345`) and its decimal exponent (`-7`).
fn split_scientific(sci: &str) -> (String, i64) {
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((sci, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    (digits.to_owned(), exponent)
}

/// The shortest digits that read back as `f` (positive, finite) and their exponent.
/// Rust and Python agree on these except when `f` lies exactly halfway between two
/// shortest candidates: Python (David Gay's dtoa) then picks the even last digit.
fn shortest_digits(f: f64) -> (String, i64) {
    let (digits, exponent) = split_scientific(&format!("{f:e}"));
    // Every f64 has at most 767 significant decimal digits, so this is exact.
    let (exact, exact_exponent) = split_scientific(&format!("{f:.800e}"));
    let n = digits.len();
    if exact_exponent != exponent || exact.len() != n + 1 || !exact.ends_with('5') {
        return (digits, exponent);
    }
    let Some(lower) = exact.get(..n) else {
        return (digits, exponent);
    };
    let upper = increment_last_digit(lower);
    let candidate = match upper {
        Some(upper) if digits == lower => upper,
        _ if digits != lower => lower.to_owned(),
        _ => return (digits, exponent),
    };
    let candidate_is_even = candidate
        .bytes()
        .last()
        .is_some_and(|d| (d - b'0').is_multiple_of(2));
    let reads_back = format!("0.{candidate}e{}", exponent + 1)
        .parse::<f64>()
        .is_ok_and(|parsed| parsed == f);
    if candidate_is_even && !candidate.ends_with('0') && reads_back {
        (candidate, exponent)
    } else {
        (digits, exponent)
    }
}

/// `1234` -> `1235`; `None` when the last digit is 9 (a carry would change the length).
fn increment_last_digit(digits: &str) -> Option<String> {
    let (head, last) = digits.split_at(digits.len().checked_sub(1)?);
    let last = last.bytes().next()?;
    (last < b'9').then(|| format!("{head}{}", char::from(last + 1)))
}

// ---------------------------------------------------------------------------
// The resolver: would this string read back as a non-string (YAML 1.2 rules)?
// ---------------------------------------------------------------------------

/// True when ruamel's resolver maps the plain scalar `s` to a tag other than `str`
/// (bool, int, float, null, timestamp, merge, value, yaml); such strings cannot be
/// written plain. Python's `re.match(...$)` also matches before one trailing newline.
fn resolves_to_non_string(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        // The null resolver is registered for the empty string.
        return true;
    };
    let candidates = match s.strip_suffix('\n') {
        Some(trimmed) => [Some(s), Some(trimmed)],
        None => [Some(s), None],
    };
    candidates.into_iter().flatten().any(|c| {
        let b = c.as_bytes();
        match first {
            't' | 'T' | 'f' | 'F' => is_bool(c),
            '0'..='9' => is_float(b) || is_int(b) || is_timestamp(b),
            '-' | '+' => is_float(b) || is_int(b),
            '.' => is_float(b),
            '<' => c == "<<",
            '~' | 'n' | 'N' => matches!(c, "~" | "null" | "Null" | "NULL"),
            '=' => c == "=",
            '!' | '&' | '*' => c.len() == 1,
            _ => false,
        }
    })
}

fn is_bool(s: &str) -> bool {
    matches!(s, "true" | "True" | "TRUE" | "false" | "False" | "FALSE")
}

fn all_in(b: &[u8], pred: impl Fn(u8) -> bool) -> bool {
    b.iter().all(|&c| pred(c))
}

fn nonempty_all_in(b: &[u8], pred: impl Fn(u8) -> bool) -> bool {
    !b.is_empty() && all_in(b, pred)
}

fn strip_sign(b: &[u8]) -> &[u8] {
    match b.first() {
        Some(b'-' | b'+') => b.get(1..).unwrap_or_default(),
        _ => b,
    }
}

fn is_digit_or_underscore(c: u8) -> bool {
    c.is_ascii_digit() || c == b'_'
}

/// `[0-9]+` followed by the end.
fn is_exponent_digits(b: &[u8]) -> bool {
    nonempty_all_in(b, |c| c.is_ascii_digit())
}

/// `[eE][-+]?[0-9]+$` (or `[eE][-+][0-9]+$` when `sign_required`).
fn is_exponent(b: &[u8], sign_required: bool) -> bool {
    let Some((&e, rest)) = b.split_first() else {
        return false;
    };
    if e != b'e' && e != b'E' {
        return false;
    }
    match rest.split_first() {
        Some((b'-' | b'+', digits)) => is_exponent_digits(digits),
        _ => !sign_required && is_exponent_digits(rest),
    }
}

/// The YAML 1.2 float resolver of ruamel.yaml.
fn is_float(b: &[u8]) -> bool {
    if matches!(b, b".nan" | b".NaN" | b".NAN") {
        return true;
    }
    let r = strip_sign(b);
    if matches!(r, b".inf" | b".Inf" | b".INF") {
        return true;
    }
    if let Some(after_dot) = r.strip_prefix(b".") {
        // [-+]?\.[0-9_]+([eE][-+][0-9]+)?
        let n = after_dot
            .iter()
            .take_while(|&&c| is_digit_or_underscore(c))
            .count();
        let (mantissa, tail) = after_dot.split_at(n);
        return !mantissa.is_empty() && (tail.is_empty() || is_exponent(tail, true));
    }
    // [-+]?[0-9][0-9_]* then either \.[0-9_]*([eE][-+]?[0-9]+)? or [eE][-+]?[0-9]+
    if !r.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let n = r.iter().take_while(|&&c| is_digit_or_underscore(c)).count();
    let tail = r.get(n..).unwrap_or_default();
    if let Some(after_dot) = tail.strip_prefix(b".") {
        let m = after_dot
            .iter()
            .take_while(|&&c| is_digit_or_underscore(c))
            .count();
        let exp = after_dot.get(m..).unwrap_or_default();
        exp.is_empty() || is_exponent(exp, false)
    } else {
        is_exponent(tail, false)
    }
}

/// The YAML 1.2 int resolver of ruamel.yaml.
fn is_int(b: &[u8]) -> bool {
    let r = strip_sign(b);
    if let Some(bin) = r.strip_prefix(b"0b")
        && nonempty_all_in(bin, |c| c == b'0' || c == b'1' || c == b'_')
    {
        return true;
    }
    if let Some(hex) = r.strip_prefix(b"0x")
        && nonempty_all_in(hex, |c| c.is_ascii_hexdigit() || c == b'_')
    {
        return true;
    }
    let octal = |c: u8| (b'0'..=b'7').contains(&c) || c == b'_';
    if let Some(oct) = r.strip_prefix(b"0") {
        let oct = oct.strip_prefix(b"o").unwrap_or(oct);
        if nonempty_all_in(oct, octal) {
            return true;
        }
    }
    nonempty_all_in(r, is_digit_or_underscore)
}

/// The timestamp resolver (`2001-12-14`, `2001-12-14t21:59:43.10-05:00`, ...).
fn is_timestamp(b: &[u8]) -> bool {
    let mut p = Cursor { b, i: 0 };
    if !(p.digits(4, 4) && p.byte(b'-')) {
        return false;
    }
    let date_only = b.len() == 10
        && b.get(5..7)
            .is_some_and(|d| all_in(d, |c| c.is_ascii_digit()))
        && b.get(7) == Some(&b'-')
        && b.get(8..10)
            .is_some_and(|d| all_in(d, |c| c.is_ascii_digit()));
    if date_only {
        return true;
    }
    if !(p.digits(1, 2) && p.byte(b'-') && p.digits(1, 2)) {
        return false;
    }
    // (?:[Tt]|[ \t]+)
    if !(p.byte(b'T') || p.byte(b't') || p.blanks() > 0) {
        return false;
    }
    if !(p.digits(1, 2) && p.byte(b':') && p.digits(2, 2) && p.byte(b':') && p.digits(2, 2)) {
        return false;
    }
    if p.byte(b'.') {
        p.digits(0, usize::MAX);
    }
    if p.at_end() {
        return true;
    }
    // (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?$
    p.blanks();
    if p.byte(b'Z') {
        return p.at_end();
    }
    if !((p.byte(b'-') || p.byte(b'+')) && p.digits(1, 2)) {
        return false;
    }
    if p.byte(b':') && !p.digits(2, 2) {
        return false;
    }
    p.at_end()
}

/// A tiny greedy matcher; enough for the timestamp pattern, whose tokens never overlap.
struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn at_end(&self) -> bool {
        self.i >= self.b.len()
    }

    fn byte(&mut self, want: u8) -> bool {
        if self.b.get(self.i) == Some(&want) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// Consumes between `min` and `max` ASCII digits (greedy).
    fn digits(&mut self, min: usize, max: usize) -> bool {
        let mut n = 0;
        while n < max && self.b.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
            n += 1;
        }
        n >= min
    }

    /// Consumes `[ \t]*`, returning how many.
    fn blanks(&mut self) -> usize {
        let mut n = 0;
        while matches!(self.b.get(self.i), Some(b' ' | b'\t')) {
            self.i += 1;
            n += 1;
        }
        n
    }
}

// ---------------------------------------------------------------------------
// libyaml's character classes (in code points; the input is valid UTF-8).
// ---------------------------------------------------------------------------

fn is_printable(c: char) -> bool {
    let c = c as u32;
    c == 0x0A
        || (0x20..=0x7E).contains(&c)
        || (0xA0..=0xD7FF).contains(&c)
        || ((0xE000..=0xFFFD).contains(&c) && c != 0xFEFF)
}

fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Blank, break, or NUL; past the end counts as NUL (libyaml's strings are NUL-terminated).
fn is_blankz(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c == ' ' || c == '\t' || c == '\0' || is_break(c),
    }
}

// ---------------------------------------------------------------------------
// Scalar analysis and style selection (yaml_emitter_analyze_scalar / select_scalar_style).
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
}

struct Analysis {
    multiline: bool,
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
}

fn analyze_scalar(chars: &[char]) -> Analysis {
    let n = chars.len();
    if n == 0 {
        return Analysis {
            multiline: false,
            block_plain_allowed: true,
            single_quoted_allowed: true,
        };
    }

    let mut block_indicators = false;
    let mut line_breaks = false;
    let mut special_characters = false;
    let mut leading_space = false;
    let mut leading_break = false;
    let mut trailing_space = false;
    let mut trailing_break = false;
    let mut break_space = false;
    let mut space_break = false;
    let mut previous_space = false;
    let mut previous_break = false;

    if chars.starts_with(&['-', '-', '-']) || chars.starts_with(&['.', '.', '.']) {
        block_indicators = true;
    }

    let mut preceded_by_whitespace = true;
    let mut followed_by_whitespace = is_blankz(chars.get(1).copied());

    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            if matches!(
                c,
                '#' | ','
                    | '['
                    | ']'
                    | '{'
                    | '}'
                    | '&'
                    | '*'
                    | '!'
                    | '|'
                    | '>'
                    | '\''
                    | '"'
                    | '%'
                    | '@'
                    | '`'
            ) {
                block_indicators = true;
            }
            if (c == '?' || c == ':') && followed_by_whitespace {
                block_indicators = true;
            }
            if c == '-' && followed_by_whitespace {
                block_indicators = true;
            }
        } else {
            if c == ':' && followed_by_whitespace {
                block_indicators = true;
            }
            if c == '#' && preceded_by_whitespace {
                block_indicators = true;
            }
        }

        if !is_printable(c) {
            special_characters = true;
        }
        if is_break(c) {
            line_breaks = true;
        }

        if c == ' ' {
            if i == 0 {
                leading_space = true;
            }
            if i + 1 == n {
                trailing_space = true;
            }
            if previous_break {
                break_space = true;
            }
            previous_space = true;
            previous_break = false;
        } else if is_break(c) {
            if i == 0 {
                leading_break = true;
            }
            if i + 1 == n {
                trailing_break = true;
            }
            if previous_space {
                space_break = true;
            }
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }

        preceded_by_whitespace = is_blankz(Some(c));
        if i + 1 < n {
            followed_by_whitespace = is_blankz(chars.get(i + 2).copied());
        }
    }

    let mut block_plain_allowed = true;
    let mut single_quoted_allowed = true;
    if leading_space || leading_break || trailing_space || trailing_break {
        block_plain_allowed = false;
    }
    if break_space || space_break || special_characters {
        block_plain_allowed = false;
        single_quoted_allowed = false;
    }
    if line_breaks || block_indicators {
        block_plain_allowed = false;
    }

    Analysis {
        multiline: line_breaks,
        block_plain_allowed,
        single_quoted_allowed,
    }
}

// ---------------------------------------------------------------------------
// The emitter (a port of the block-style paths of libyaml's emitter.c).
// ---------------------------------------------------------------------------

/// Where a node sits; mirrors the libyaml `*_context` flags that matter for block output.
#[derive(Clone, Copy)]
struct Context {
    /// The node is a mapping key or value (decides indentless sequences).
    mapping: bool,
    /// The node is a simple (`key:`) mapping key: never folded, never multi-line.
    simple_key: bool,
}

impl Context {
    const ROOT: Context = Context {
        mapping: false,
        simple_key: false,
    };
    const SEQUENCE_ITEM: Context = Context {
        mapping: false,
        simple_key: false,
    };
    const MAPPING_VALUE: Context = Context {
        mapping: true,
        simple_key: false,
    };
    const SIMPLE_KEY: Context = Context {
        mapping: true,
        simple_key: true,
    };
    /// A key written after a `? ` indicator.
    const COMPLEX_KEY: Context = Context {
        mapping: true,
        simple_key: false,
    };
}

/// A scalar ready for the emitter: its text and whether it may be written plain
/// (`plain_implicit`) or quoted (`quoted_implicit`) without a tag.
struct Scalar {
    text: String,
    plain_implicit: bool,
    quoted_implicit: bool,
}

impl Scalar {
    fn string(s: &str) -> Self {
        Scalar {
            text: s.to_owned(),
            plain_implicit: !resolves_to_non_string(s),
            quoted_implicit: true,
        }
    }

    /// A non-string scalar (`null`, bool, number): its text always resolves back to its
    /// own tag, so it is implicit when plain and needs a tag when quoted.
    fn typed(text: String) -> Self {
        Scalar {
            text,
            plain_implicit: true,
            quoted_implicit: false,
        }
    }
}

struct Emitter {
    out: String,
    column: usize,
    whitespace: bool,
    indention: bool,
    indent: i64,
    indents: Vec<i64>,
    context: Context,
}

impl Emitter {
    fn new() -> Self {
        Emitter {
            out: String::new(),
            column: 0,
            whitespace: true,
            indention: true,
            indent: -1,
            indents: Vec::new(),
            context: Context::ROOT,
        }
    }

    /// An implicit document (no `---`, no `...`) holding what `body` emits.
    fn document(&mut self, body: impl FnOnce(&mut Self)) {
        body(self);
        self.write_indent();
    }

    fn set_context(&mut self, context: Context) {
        self.context = context;
    }

    fn emit_node(&mut self, value: &Value, context: Context) {
        self.set_context(context);
        match value {
            Value::Object(map) if map.is_empty() => self.emit_empty_flow("{", "}"),
            Value::Object(map) => self.emit_block_mapping(map),
            Value::Array(items) if items.is_empty() => self.emit_empty_flow("[", "]"),
            Value::Array(items) => self.emit_block_sequence(items),
            Value::Null => self.emit_scalar(&Scalar::typed("null".to_owned())),
            Value::Bool(b) => self.emit_scalar(&Scalar::typed(b.to_string())),
            Value::Number(n) => self.emit_scalar(&Scalar::typed(yaml_number(n))),
            Value::String(s) => self.emit_scalar(&Scalar::string(s)),
        }
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        if self.indent < 0 {
            self.indent = if flow { BEST_INDENT } else { 0 };
        } else if !indentless {
            self.indent += BEST_INDENT;
        }
    }

    fn pop_indent(&mut self) {
        self.indent = self.indents.pop().unwrap_or(-1);
    }

    fn emit_empty_flow(&mut self, open: &str, close: &str) {
        self.write_indicator(open, true, true, false);
        self.write_indicator(close, false, false, false);
    }

    fn emit_block_sequence(&mut self, items: &[Value]) {
        let indentless = self.context.mapping && !self.indention;
        self.increase_indent(false, indentless);
        for item in items {
            self.write_indent();
            self.write_indicator("-", true, false, true);
            self.emit_node(item, Context::SEQUENCE_ITEM);
        }
        self.pop_indent();
    }

    fn emit_block_mapping(&mut self, map: &Map<String, Value>) {
        let mut entries: Vec<(&String, &Value)> = map.iter().collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        self.increase_indent(false, false);
        for (key, value) in entries {
            self.write_indent();
            let key_scalar = Scalar::string(key);
            let key_chars: Vec<char> = key.chars().collect();
            let simple = !analyze_scalar(&key_chars).multiline && key.len() <= MAX_SIMPLE_KEY_LEN;
            if simple {
                self.set_context(Context::SIMPLE_KEY);
                self.emit_scalar(&key_scalar);
                self.write_indicator(":", false, false, false);
            } else {
                self.write_indicator("?", true, false, true);
                self.set_context(Context::COMPLEX_KEY);
                self.emit_scalar(&key_scalar);
                self.write_indent();
                self.write_indicator(":", true, false, true);
            }
            self.emit_node(value, Context::MAPPING_VALUE);
        }
        self.pop_indent();
    }

    fn emit_scalar(&mut self, scalar: &Scalar) {
        let chars: Vec<char> = scalar.text.chars().collect();
        let analysis = analyze_scalar(&chars);
        let simple_key = self.context.simple_key;

        let mut style = Style::Plain;
        if simple_key && analysis.multiline {
            style = Style::DoubleQuoted;
        }
        if style == Style::Plain
            && (!analysis.block_plain_allowed
                || (chars.is_empty() && simple_key)
                || !scalar.plain_implicit)
        {
            style = Style::SingleQuoted;
        }
        if style == Style::SingleQuoted && !analysis.single_quoted_allowed {
            style = Style::DoubleQuoted;
        }
        if !scalar.quoted_implicit && style != Style::Plain {
            // libyaml tags a quoted non-string with the non-specific tag `!`.
            if !self.whitespace {
                self.put(' ');
            }
            self.put('!');
            self.whitespace = false;
            self.indention = false;
        }

        self.increase_indent(true, false);
        let allow_breaks = !simple_key;
        match style {
            Style::Plain => self.write_plain(&chars, allow_breaks),
            Style::SingleQuoted => self.write_single_quoted(&chars, allow_breaks),
            Style::DoubleQuoted => self.write_double_quoted(&chars, allow_breaks),
        }
        self.pop_indent();
    }

    // -- low-level writers ---------------------------------------------------

    fn put(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    fn write_break(&mut self, c: char) {
        if c == '\n' {
            self.put_break();
        } else {
            self.out.push(c);
            self.column = 0;
        }
    }

    fn write_indent(&mut self) {
        let indent = usize::try_from(self.indent).unwrap_or(0);
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            self.put(' ');
        }
        self.whitespace = true;
        self.indention = true;
    }

    fn write_indicator(
        &mut self,
        indicator: &str,
        need_whitespace: bool,
        is_whitespace: bool,
        is_indention: bool,
    ) {
        if need_whitespace && !self.whitespace {
            self.put(' ');
        }
        for c in indicator.chars() {
            self.put(c);
        }
        self.whitespace = is_whitespace;
        self.indention = self.indention && is_indention;
    }

    /// Whether a space at `i` may become a line fold.
    fn may_fold(&self, chars: &[char], i: usize, allow_breaks: bool, spaces: bool) -> bool {
        allow_breaks
            && !spaces
            && self.column > BEST_WIDTH
            && chars.get(i + 1).copied() != Some(' ')
    }

    fn write_plain(&mut self, chars: &[char], allow_breaks: bool) {
        let mut spaces = false;
        let mut breaks = false;
        if !self.whitespace {
            self.put(' ');
        }
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                if self.may_fold(chars, i, allow_breaks, spaces) {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        self.whitespace = false;
        self.indention = false;
    }

    fn write_single_quoted(&mut self, chars: &[char], allow_breaks: bool) {
        let mut spaces = false;
        let mut breaks = false;
        self.write_indicator("'", true, false, false);
        let last = chars.len().saturating_sub(1);
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                if self.may_fold(chars, i, allow_breaks, spaces) && i != 0 && i != last {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                if c == '\'' {
                    self.put('\'');
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        if breaks {
            self.write_indent();
        }
        self.write_indicator("'", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_double_quoted(&mut self, chars: &[char], allow_breaks: bool) {
        let mut spaces = false;
        self.write_indicator("\"", true, false, false);
        let last = chars.len().saturating_sub(1);
        for (i, &c) in chars.iter().enumerate() {
            if !is_printable(c) || is_break(c) || c == '"' || c == '\\' {
                self.put('\\');
                match c {
                    '\0' => self.put('0'),
                    '\u{07}' => self.put('a'),
                    '\u{08}' => self.put('b'),
                    '\t' => self.put('t'),
                    '\n' => self.put('n'),
                    '\u{0b}' => self.put('v'),
                    '\u{0c}' => self.put('f'),
                    '\r' => self.put('r'),
                    '\u{1b}' => self.put('e'),
                    '"' => self.put('"'),
                    '\\' => self.put('\\'),
                    '\u{85}' => self.put('N'),
                    '\u{a0}' => self.put('_'),
                    '\u{2028}' => self.put('L'),
                    '\u{2029}' => self.put('P'),
                    other => {
                        let value = other as u32;
                        let (prefix, width) = if value <= 0xFF {
                            ('x', 2)
                        } else if value <= 0xFFFF {
                            ('u', 4)
                        } else {
                            ('U', 8)
                        };
                        self.put(prefix);
                        for ch in format!("{value:0width$X}").chars() {
                            self.put(ch);
                        }
                    }
                }
                spaces = false;
            } else if c == ' ' {
                if allow_breaks && !spaces && self.column > BEST_WIDTH && i != 0 && i != last {
                    self.write_indent();
                    if chars.get(i + 1).copied() == Some(' ') {
                        self.put('\\');
                    }
                } else {
                    self.put(c);
                }
                spaces = true;
            } else {
                self.put(c);
                spaces = false;
            }
        }
        self.write_indicator("\"", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(value: &Value, f: fn(&Value, &mut dyn Write) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        f(value, &mut out).expect("writing to a Vec cannot fail");
        String::from_utf8(out).expect("the emitter writes UTF-8")
    }

    /// Parses `input` and checks both `--output yaml` and `--output yaml-stream`.
    #[track_caller]
    fn check(input: &str, yaml: &str, stream: &str) {
        let value: Value = serde_json::from_str(input).expect("test input is JSON");
        assert_eq!(render(&value, render_yaml), yaml, "yaml of {input}");
        assert_eq!(
            render(&value, render_yaml_stream),
            stream,
            "yaml-stream of {input}"
        );
    }

    /// Checks `--output yaml` of a value built in Rust (floats avoid JSON parsing).
    #[track_caller]
    fn check_value(value: &Value, yaml: &str) {
        assert_eq!(render(value, render_yaml), yaml, "yaml of {value}");
    }

    // Generated from the oracle (ruamel.yaml 0.19.1 + ruamel.yaml.clib 0.2.15) by
    // /tmp/yaml-work/gen_tests.py; each line is (input JSON, yaml, yaml-stream).

    /// Expected bytes captured from the real CLI.
    #[test]
    fn golden_cli_outputs() {
        check(
            r##"{"ARN": "arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestSecret-a1b2c3", "Name": "MyTestSecret"}"##,
            "ARN: arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestSecret-a1b2c3\nName: MyTestSecret\n",
            "- ARN: arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestSecret-a1b2c3\n  Name: MyTestSecret\n",
        );
        check(
            r##"{"ARN": "arn:x: y #z", "Name": "null"}"##,
            "ARN: 'arn:x: y #z'\nName: 'null'\n",
            "- ARN: 'arn:x: y #z'\n  Name: 'null'\n",
        );
        check(
            r##"{"Name": "line1\nline2\ttab \"q\" \\ end"}"##,
            "Name: \"line1\\nline2\\ttab \\\"q\\\" \\\\ end\"\n",
            "- Name: \"line1\\nline2\\ttab \\\"q\\\" \\\\ end\"\n",
        );
        check(
            r##"{"Code": "ResourceNotFoundException", "Message": "Secrets Manager can't find the specified secret."}"##,
            "Code: ResourceNotFoundException\nMessage: Secrets Manager can't find the specified secret.\n",
            "- Code: ResourceNotFoundException\n  Message: Secrets Manager can't find the specified secret.\n",
        );
        check(
            r##"["MyTestSecret", "arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestSecret-a1b2c3"]"##,
            "- MyTestSecret\n- arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestSecret-a1b2c3\n",
            "- - MyTestSecret\n  - arn:aws:secretsmanager:us-west-2:123456789012:secret:MyTestSecret-a1b2c3\n",
        );
        check(r##"{"z": 1, "a": 2}"##, "a: 2\nz: 1\n", "- a: 2\n  z: 1\n");
    }

    /// A top-level scalar is `json.dumps`ed; in yaml-stream it is a list item.
    #[test]
    fn top_level_scalars_are_json() {
        check(
            r##""MyTestSecret""##,
            "\"MyTestSecret\"\n",
            "- MyTestSecret\n",
        );
        check(r##"null"##, "null\n", "- null\n");
        check(r##"12"##, "12\n", "- 12\n");
        check(r##"true"##, "true\n", "- true\n");
        check(r##"false"##, "false\n", "- false\n");
        check(r##""""##, "\"\"\n", "- ''\n");
        check(r##""yes""##, "\"yes\"\n", "- yes\n");
        check(
            r##""a\nb\t\"\\\u0001\u007f\u2028\u00e9\ud83d\ude00""##,
            "\"a\\nb\\t\\\"\\\\\\u0001\u{7f}\u{2028}é😀\"\n",
            "- \"a\\nb\\t\\\"\\\\\\x01\\x7F\\Lé\\U0001F600\"\n",
        );
        check(
            r##"-9223372036854775808"##,
            "-9223372036854775808\n",
            "- -9223372036854775808\n",
        );
        check(
            r##"18446744073709551615"##,
            "18446744073709551615\n",
            "- 18446744073709551615\n",
        );
    }

    /// Empty containers are written in flow style; `{}` prints nothing.
    #[test]
    fn empty_collections() {
        check(r##"{}"##, "", "");
        check(r##"[]"##, "[]\n", "- []\n");
        check(r##"[[]]"##, "- []\n", "- - []\n");
        check(r##"[{}]"##, "- {}\n", "- - {}\n");
        check(r##"{"k": []}"##, "k: []\n", "- k: []\n");
        check(r##"{"k": {}}"##, "k: {}\n", "- k: {}\n");
        check(
            r##"{"a": [[], {}], "b": [{"c": {}}]}"##,
            "a:\n- []\n- {}\nb:\n- c: {}\n",
            "- a:\n  - []\n  - {}\n  b:\n  - c: {}\n",
        );
    }

    /// ruamel sorts dict keys (Python string order).
    #[test]
    fn keys_sorted_by_code_point() {
        check(
            r##"{"z": 1, "a": 2, "B": 3, "_": 4, "\u00e9": 5, "\u65e5": 6, "Z": 7, "10": 8, "9": 9, "a b": 10, "A": 11}"##,
            "'10': 8\n'9': 9\nA: 11\nB: 3\nZ: 7\n_: 4\na: 2\na b: 10\nz: 1\né: 5\n日: 6\n",
            "- '10': 8\n  '9': 9\n  A: 11\n  B: 3\n  Z: 7\n  _: 4\n  a: 2\n  a b: 10\n  z: 1\n  é: 5\n  日: 6\n",
        );
    }

    /// Lists under a key are indentless; items indent their maps.
    #[test]
    fn nesting_and_indentless_sequences() {
        check(
            r##"{"a": ["x", "y"], "b": {"c": ["d", {"e": "f", "g": ["h"]}]}}"##,
            "a:\n- x\n- y\nb:\n  c:\n  - d\n  - e: f\n    g:\n    - h\n",
            "- a:\n  - x\n  - y\n  b:\n    c:\n    - d\n    - e: f\n      g:\n      - h\n",
        );
        check(
            r##"[[1, [2, [3]]], {"k": [[4]]}]"##,
            "- - 1\n  - - 2\n    - - 3\n- k:\n  - - 4\n",
            "- - - 1\n    - - 2\n      - - 3\n  - k:\n    - - 4\n",
        );
        check(
            r##"[{"a": 1, "b": [{"c": 2}]}]"##,
            "- a: 1\n  b:\n  - c: 2\n",
            "- - a: 1\n    b:\n    - c: 2\n",
        );
        check(
            r##"{"a": {"b": {"c": {"d": [null, true, 1.5]}}}}"##,
            "a:\n  b:\n    c:\n      d:\n      - null\n      - true\n      - 1.5\n",
            "- a:\n    b:\n      c:\n        d:\n        - null\n        - true\n        - 1.5\n",
        );
    }

    /// The resolver is YAML 1.2: yes/no/on/off are plain strings.
    #[test]
    fn yaml_1_1_booleans_stay_plain() {
        check(r##"{"k": "yes"}"##, "k: yes\n", "- k: yes\n");
        check(r##"{"k": "no"}"##, "k: no\n", "- k: no\n");
        check(r##"{"k": "on"}"##, "k: on\n", "- k: on\n");
        check(r##"{"k": "off"}"##, "k: off\n", "- k: off\n");
        check(r##"{"k": "y"}"##, "k: y\n", "- k: y\n");
        check(r##"{"k": "n"}"##, "k: n\n", "- k: n\n");
        check(r##"{"k": "Yes"}"##, "k: Yes\n", "- k: Yes\n");
        check(r##"{"k": "NO"}"##, "k: NO\n", "- k: NO\n");
        check(r##"{"k": "On"}"##, "k: On\n", "- k: On\n");
        check(r##"{"k": "OFF"}"##, "k: OFF\n", "- k: OFF\n");
    }

    /// bool, null, int, float, timestamp, merge and value look-alikes.
    #[test]
    fn strings_that_resolve_to_other_types_are_quoted() {
        check(r##"{"k": "true"}"##, "k: 'true'\n", "- k: 'true'\n");
        check(r##"{"k": "True"}"##, "k: 'True'\n", "- k: 'True'\n");
        check(r##"{"k": "TRUE"}"##, "k: 'TRUE'\n", "- k: 'TRUE'\n");
        check(r##"{"k": "false"}"##, "k: 'false'\n", "- k: 'false'\n");
        check(r##"{"k": "~"}"##, "k: '~'\n", "- k: '~'\n");
        check(r##"{"k": "null"}"##, "k: 'null'\n", "- k: 'null'\n");
        check(r##"{"k": "Null"}"##, "k: 'Null'\n", "- k: 'Null'\n");
        check(r##"{"k": "NULL"}"##, "k: 'NULL'\n", "- k: 'NULL'\n");
        check(r##"{"k": "1e3"}"##, "k: '1e3'\n", "- k: '1e3'\n");
        check(r##"{"k": "0x1F"}"##, "k: '0x1F'\n", "- k: '0x1F'\n");
        check(r##"{"k": "0o17"}"##, "k: '0o17'\n", "- k: '0o17'\n");
        check(r##"{"k": "017"}"##, "k: '017'\n", "- k: '017'\n");
        check(r##"{"k": "0b101"}"##, "k: '0b101'\n", "- k: '0b101'\n");
        check(r##"{"k": "1_000"}"##, "k: '1_000'\n", "- k: '1_000'\n");
        check(r##"{"k": ".5"}"##, "k: '.5'\n", "- k: '.5'\n");
        check(r##"{"k": "+1"}"##, "k: '+1'\n", "- k: '+1'\n");
        check(r##"{"k": "-1"}"##, "k: '-1'\n", "- k: '-1'\n");
        check(r##"{"k": "12"}"##, "k: '12'\n", "- k: '12'\n");
        check(r##"{"k": "1.5"}"##, "k: '1.5'\n", "- k: '1.5'\n");
        check(r##"{"k": ".inf"}"##, "k: '.inf'\n", "- k: '.inf'\n");
        check(r##"{"k": "-.inf"}"##, "k: '-.inf'\n", "- k: '-.inf'\n");
        check(r##"{"k": ".nan"}"##, "k: '.nan'\n", "- k: '.nan'\n");
        check(r##"{"k": ".NaN"}"##, "k: '.NaN'\n", "- k: '.NaN'\n");
        check(
            r##"{"k": "2026-01-01"}"##,
            "k: '2026-01-01'\n",
            "- k: '2026-01-01'\n",
        );
        check(
            r##"{"k": "2026-01-01T00:00:00Z"}"##,
            "k: '2026-01-01T00:00:00Z'\n",
            "- k: '2026-01-01T00:00:00Z'\n",
        );
        check(
            r##"{"k": "2026-01-01 10:00:00.5 +05:30"}"##,
            "k: '2026-01-01 10:00:00.5 +05:30'\n",
            "- k: '2026-01-01 10:00:00.5 +05:30'\n",
        );
        check(r##"{"k": "="}"##, "k: '='\n", "- k: '='\n");
        check(r##"{"k": "<<"}"##, "k: '<<'\n", "- k: '<<'\n");
    }

    /// Near misses of the resolver patterns are plain.
    #[test]
    fn look_alikes_that_stay_plain() {
        check(r##"{"k": "tRUE"}"##, "k: tRUE\n", "- k: tRUE\n");
        check(r##"{"k": "nULL"}"##, "k: nULL\n", "- k: nULL\n");
        check(r##"{"k": "12:30"}"##, "k: 12:30\n", "- k: 12:30\n");
        check(r##"{"k": "0x"}"##, "k: 0x\n", "- k: 0x\n");
        check(r##"{"k": "0xG"}"##, "k: 0xG\n", "- k: 0xG\n");
        check(r##"{"k": "1e"}"##, "k: 1e\n", "- k: 1e\n");
        check(r##"{"k": "e3"}"##, "k: e3\n", "- k: e3\n");
        check(r##"{"k": "inf"}"##, "k: inf\n", "- k: inf\n");
        check(r##"{"k": "nan"}"##, "k: nan\n", "- k: nan\n");
        check(r##"{"k": "2026-1-1"}"##, "k: 2026-1-1\n", "- k: 2026-1-1\n");
        check(
            r##"{"k": "20260-01-01"}"##,
            "k: 20260-01-01\n",
            "- k: 20260-01-01\n",
        );
        check(r##"{"k": "=="}"##, "k: ==\n", "- k: ==\n");
        check(r##"{"k": "<"}"##, "k: <\n", "- k: <\n");
        check(r##"{"k": "<<<"}"##, "k: <<<\n", "- k: <<<\n");
        check(r##"{"k": "1.2.3"}"##, "k: 1.2.3\n", "- k: 1.2.3\n");
        check(r##"{"k": "v1.0"}"##, "k: v1.0\n", "- k: v1.0\n");
    }

    /// libyaml refuses plain scalars starting with an indicator.
    #[test]
    fn leading_indicators_are_quoted() {
        check(r##"{"k": "-"}"##, "k: '-'\n", "- k: '-'\n");
        check(r##"{"k": "- a"}"##, "k: '- a'\n", "- k: '- a'\n");
        check(r##"{"k": "?"}"##, "k: '?'\n", "- k: '?'\n");
        check(r##"{"k": "? a"}"##, "k: '? a'\n", "- k: '? a'\n");
        check(r##"{"k": ":"}"##, "k: ':'\n", "- k: ':'\n");
        check(r##"{"k": ": a"}"##, "k: ': a'\n", "- k: ': a'\n");
        check(r##"{"k": "&a"}"##, "k: '&a'\n", "- k: '&a'\n");
        check(r##"{"k": "*a"}"##, "k: '*a'\n", "- k: '*a'\n");
        check(r##"{"k": "!a"}"##, "k: '!a'\n", "- k: '!a'\n");
        check(r##"{"k": "|a"}"##, "k: '|a'\n", "- k: '|a'\n");
        check(r##"{"k": ">a"}"##, "k: '>a'\n", "- k: '>a'\n");
        check(r##"{"k": "%a"}"##, "k: '%a'\n", "- k: '%a'\n");
        check(r##"{"k": "@a"}"##, "k: '@a'\n", "- k: '@a'\n");
        check(r##"{"k": "`a"}"##, "k: '`a'\n", "- k: '`a'\n");
        check(r##"{"k": "'a"}"##, "k: '''a'\n", "- k: '''a'\n");
        check(r##"{"k": "\"a"}"##, "k: '\"a'\n", "- k: '\"a'\n");
        check(r##"{"k": "#a"}"##, "k: '#a'\n", "- k: '#a'\n");
        check(r##"{"k": ",a"}"##, "k: ',a'\n", "- k: ',a'\n");
        check(r##"{"k": "[a"}"##, "k: '[a'\n", "- k: '[a'\n");
        check(r##"{"k": "]a"}"##, "k: ']a'\n", "- k: ']a'\n");
        check(r##"{"k": "{a"}"##, "k: '{a'\n", "- k: '{a'\n");
        check(r##"{"k": "}a"}"##, "k: '}a'\n", "- k: '}a'\n");
        check(r##"{"k": "---"}"##, "k: '---'\n", "- k: '---'\n");
        check(r##"{"k": "--- x"}"##, "k: '--- x'\n", "- k: '--- x'\n");
        check(r##"{"k": "..."}"##, "k: '...'\n", "- k: '...'\n");
        check(r##"{"k": "... x"}"##, "k: '... x'\n", "- k: '... x'\n");
    }

    /// Indicators not followed by a space, or inside the text, keep plain.
    #[test]
    fn indicators_that_allow_plain() {
        check(r##"{"k": "-a"}"##, "k: -a\n", "- k: -a\n");
        check(r##"{"k": ":a"}"##, "k: :a\n", "- k: :a\n");
        check(r##"{"k": "?a"}"##, "k: ?a\n", "- k: ?a\n");
        check(r##"{"k": "a:b"}"##, "k: a:b\n", "- k: a:b\n");
        check(r##"{"k": "a#b"}"##, "k: a#b\n", "- k: a#b\n");
        check(r##"{"k": "a,b"}"##, "k: a,b\n", "- k: a,b\n");
        check(r##"{"k": "a[b]"}"##, "k: a[b]\n", "- k: a[b]\n");
        check(r##"{"k": "a{b}"}"##, "k: a{b}\n", "- k: a{b}\n");
        check(r##"{"k": "a?b"}"##, "k: a?b\n", "- k: a?b\n");
        check(r##"{"k": "a!b"}"##, "k: a!b\n", "- k: a!b\n");
        check(r##"{"k": "a&b"}"##, "k: a&b\n", "- k: a&b\n");
        check(r##"{"k": "a*b"}"##, "k: a*b\n", "- k: a*b\n");
        check(r##"{"k": "a|b"}"##, "k: a|b\n", "- k: a|b\n");
        check(r##"{"k": "a>b"}"##, "k: a>b\n", "- k: a>b\n");
        check(r##"{"k": "a'b"}"##, "k: a'b\n", "- k: a'b\n");
        check(r##"{"k": "a\"b"}"##, "k: a\"b\n", "- k: a\"b\n");
        check(r##"{"k": "a%b"}"##, "k: a%b\n", "- k: a%b\n");
        check(r##"{"k": "a@b"}"##, "k: a@b\n", "- k: a@b\n");
        check(r##"{"k": "a`b"}"##, "k: a`b\n", "- k: a`b\n");
        check(r##"{"k": "----"}"##, "k: '----'\n", "- k: '----'\n");
        check(r##"{"k": "...."}"##, "k: '....'\n", "- k: '....'\n");
    }

    /// `: ` and ` #` inside, or a trailing `:`, force quotes.
    #[test]
    fn indicators_inside_that_force_quotes() {
        check(r##"{"k": "a: b"}"##, "k: 'a: b'\n", "- k: 'a: b'\n");
        check(r##"{"k": "a:"}"##, "k: 'a:'\n", "- k: 'a:'\n");
        check(r##"{"k": "a #b"}"##, "k: 'a #b'\n", "- k: 'a #b'\n");
        check(r##"{"k": "a #"}"##, "k: 'a #'\n", "- k: 'a #'\n");
        check(
            r##"{"k": "arn:x: y #z"}"##,
            "k: 'arn:x: y #z'\n",
            "- k: 'arn:x: y #z'\n",
        );
    }

    /// Leading/trailing spaces and empty strings are single-quoted.
    #[test]
    fn spaces_and_empty_strings() {
        check(r##"{"k": ""}"##, "k: ''\n", "- k: ''\n");
        check(r##"{"": ""}"##, "'': ''\n", "- '': ''\n");
        check(r##"{"": "v"}"##, "'': v\n", "- '': v\n");
        check(r##"{"k": " "}"##, "k: ' '\n", "- k: ' '\n");
        check(r##"{"k": "   "}"##, "k: '   '\n", "- k: '   '\n");
        check(r##"{"k": " a"}"##, "k: ' a'\n", "- k: ' a'\n");
        check(r##"{"k": "a "}"##, "k: 'a '\n", "- k: 'a '\n");
        check(r##"{"k": "a  b"}"##, "k: a  b\n", "- k: a  b\n");
        check(r##"{" k ": "v"}"##, "' k ': v\n", "- ' k ': v\n");
        check(r##"[""]"##, "- ''\n", "- - ''\n");
        check(r##"["  "]"##, "- '  '\n", "- - '  '\n");
    }

    /// A quote inside a single-quoted scalar is doubled.
    #[test]
    fn single_quotes_are_doubled() {
        check(
            r##"{"k": "'quoted'"}"##,
            "k: '''quoted'''\n",
            "- k: '''quoted'''\n",
        );
        check(r##"{"k": "it's"}"##, "k: it's\n", "- k: it's\n");
        check(r##"{"k": "'"}"##, "k: ''''\n", "- k: ''''\n");
        check(
            r##"{"it's": "'a' "}"##,
            "it's: '''a'' '\n",
            "- it's: '''a'' '\n",
        );
    }

    /// Non-printable characters force double quotes with escapes.
    #[test]
    fn control_characters_use_double_quotes() {
        check(r##"{"k": "a\tb"}"##, "k: \"a\\tb\"\n", "- k: \"a\\tb\"\n");
        check(r##"{"k": "\t"}"##, "k: \"\\t\"\n", "- k: \"\\t\"\n");
        check(r##"{"k": "a\rb"}"##, "k: \"a\\rb\"\n", "- k: \"a\\rb\"\n");
        check(
            r##"{"k": "a\r\nb"}"##,
            "k: \"a\\r\\nb\"\n",
            "- k: \"a\\r\\nb\"\n",
        );
        check(r##"{"k": "\u0000"}"##, "k: \"\\0\"\n", "- k: \"\\0\"\n");
        check(
            r##"{"k": "\u0007\b\u000b\f\u001b\u001f"}"##,
            "k: \"\\a\\b\\v\\f\\e\\x1F\"\n",
            "- k: \"\\a\\b\\v\\f\\e\\x1F\"\n",
        );
        check(
            r##"{"k": "a\u007fb"}"##,
            "k: \"a\\x7Fb\"\n",
            "- k: \"a\\x7Fb\"\n",
        );
        check(
            r##"{"k": "\u0080\u0085\u009f"}"##,
            "k: \"\\x80\\N\\x9F\"\n",
            "- k: \"\\x80\\N\\x9F\"\n",
        );
        check(
            r##"{"k": "a\ufeffb"}"##,
            "k: \"a\\uFEFFb\"\n",
            "- k: \"a\\uFEFFb\"\n",
        );
        check(
            r##"{"k": "\ufffe\uffff"}"##,
            "k: \"\\uFFFE\\uFFFF\"\n",
            "- k: \"\\uFFFE\\uFFFF\"\n",
        );
        check(
            r##"{"k": "a \nb"}"##,
            "k: \"a \\nb\"\n",
            "- k: \"a \\nb\"\n",
        );
        check(
            r##"{"k": "a\n b"}"##,
            "k: \"a\\n b\"\n",
            "- k: \"a\\n b\"\n",
        );
        check(r##"{"a\tb": "v"}"##, "\"a\\tb\": v\n", "- \"a\\tb\": v\n");
    }

    /// Line breaks are allowed in single quotes (a blank line per LF).
    #[test]
    fn line_breaks_use_single_quotes() {
        check(
            r##"{"k": "a\nb"}"##,
            "k: 'a\n\n  b'\n",
            "- k: 'a\n\n    b'\n",
        );
        check(
            r##"{"k": "a\n\nb"}"##,
            "k: 'a\n\n\n  b'\n",
            "- k: 'a\n\n\n    b'\n",
        );
        check(r##"{"k": "\na"}"##, "k: '\n\n  a'\n", "- k: '\n\n    a'\n");
        check(r##"{"k": "a\n"}"##, "k: 'a\n\n  '\n", "- k: 'a\n\n    '\n");
        check(r##"{"k": "\n"}"##, "k: '\n\n  '\n", "- k: '\n\n    '\n");
        check(
            r##"{"k": "a\u2028b"}"##,
            "k: 'a\u{2028}  b'\n",
            "- k: 'a\u{2028}    b'\n",
        );
        check(
            r##"{"k": "a\u2029b"}"##,
            "k: 'a\u{2029}  b'\n",
            "- k: 'a\u{2029}    b'\n",
        );
        check(
            r##"["a\nb", {"c": "d\ne"}]"##,
            "- 'a\n\n  b'\n- c: 'd\n\n    e'\n",
            "- - 'a\n\n    b'\n  - c: 'd\n\n      e'\n",
        );
    }

    /// Printable non-ASCII is raw; astral-plane characters are escaped by libyaml.
    #[test]
    fn unicode() {
        check(
            r##"{"k": "\u65e5\u672c\u8a9e"}"##,
            "k: 日本語\n",
            "- k: 日本語\n",
        );
        check(
            r##"{"k": "\u30c6\u30b9\u30c8 \u6587\u5b57\u5217"}"##,
            "k: テスト 文字列\n",
            "- k: テスト 文字列\n",
        );
        check(r##"{"k": "e\u0301"}"##, "k: e\u{301}\n", "- k: e\u{301}\n");
        check(r##"{"k": "\u0301"}"##, "k: \u{301}\n", "- k: \u{301}\n");
        check(r##"{"k": "\u00a0"}"##, "k:  \n", "- k:  \n");
        check(r##"{"k": "a\u00a0b"}"##, "k: a b\n", "- k: a b\n");
        check(r##"{"k": "\u00e9t\u00e9"}"##, "k: été\n", "- k: été\n");
        check(r##"{"\u00e9": "\u00f1"}"##, "é: ñ\n", "- é: ñ\n");
        check(
            r##"{"k": "\ud83d\ude00"}"##,
            "k: \"\\U0001F600\"\n",
            "- k: \"\\U0001F600\"\n",
        );
        check(
            r##"{"k": "a\ud83d\ude00b"}"##,
            "k: \"a\\U0001F600b\"\n",
            "- k: \"a\\U0001F600b\"\n",
        );
        check(
            r##"{"\ud83d\ude00": 1}"##,
            "\"\\U0001F600\": 1\n",
            "- \"\\U0001F600\": 1\n",
        );
        check(
            r##"{"k": "\u200b\u00ad"}"##,
            "k: \u{200b}\u{ad}\n",
            "- k: \u{200b}\u{ad}\n",
        );
        check(r##"{"k": "\ue000\ufffd"}"##, "k: �\n", "- k: �\n");
    }

    /// Keys with breaks or over 128 bytes use `? `.
    #[test]
    fn multiline_and_long_keys_use_explicit_key_syntax() {
        check(
            r##"{"a\nb": "v"}"##,
            "? 'a\n\n  b'\n: v\n",
            "- ? 'a\n\n    b'\n  : v\n",
        );
        check(
            r##"{"a\nb": {"c": 1}}"##,
            "? 'a\n\n  b'\n: c: 1\n",
            "- ? 'a\n\n    b'\n  : c: 1\n",
        );
        check(
            r##"{"a\nb": [1, 2]}"##,
            "? 'a\n\n  b'\n: - 1\n  - 2\n",
            "- ? 'a\n\n    b'\n  : - 1\n    - 2\n",
        );
        check(
            r##"{"a\tb\nc": "v"}"##,
            "? \"a\\tb\\nc\"\n: v\n",
            "- ? \"a\\tb\\nc\"\n  : v\n",
        );
        check(
            r##"{"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk": "v"}"##,
            "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: v\n",
            "- kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: v\n",
        );
        check(
            r##"{"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk": "v"}"##,
            "? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: v\n",
            "- ? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n  : v\n",
        );
        check(
            r##"{"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9": "v"}"##,
            "? ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\n: v\n",
            "- ? ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\n  : v\n",
        );
        check(
            r##"{"key key key key key key key key key key key key key key key key key key key key key key key key key key key key key key key key key key key key key key key key": ["v"]}"##,
            "? key key key key key key key key key key key key key key key key key key key key\n  key key key key key key key key key key key key key key key key key key key key\n: - v\n",
            "- ? key key key key key key key key key key key key key key key key key key key key\n    key key key key key key key key key key key key key key key key key key key key\n  : - v\n",
        );
        check(
            r##"[{"a\nb": null}]"##,
            "- ? 'a\n\n    b'\n  : null\n",
            "- - ? 'a\n\n      b'\n    : null\n",
        );
    }

    /// A space after column 80 becomes a line break.
    #[test]
    fn long_plain_strings_fold_at_80_columns() {
        check(
            r##"{"k": "word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word"}"##,
            "k: word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word\n",
            "- k: word word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word\n",
        );
        check(
            r##"{"Description": "word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word"}"##,
            "Description: word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word\n",
            "- Description: word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word\n",
        );
        check(
            r##"["word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word"]"##,
            "- word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word\n",
            "- - word word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word\n",
        );
        check(
            r##"{"a": {"b": ["word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word"]}}"##,
            "a:\n  b:\n  - word word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word\n",
            "- a:\n    b:\n    - word word word word word word word word word word word word word word word word\n      word word word word word word word word word word word word word word\n",
        );
        check(
            r##"{"k": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b c"}"##,
            "k: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n  b c\n",
            "- k: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n    b c\n",
        );
        check(
            r##"{"k": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}"##,
            "k: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n",
            "- k: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n",
        );
        check(
            r##"{"k": "ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab a  c  d"}"##,
            "k: ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab a  c  d\n",
            "- k: ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab\n    a  c  d\n",
        );
        check(
            r##"{"k": "w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w wx"}"##,
            "k: w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w\n  wx\n",
            "- k: w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w\n    w wx\n",
        );
        check(
            r##"{"k": "w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w x"}"##,
            "k: w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w\n  w x\n",
            "- k: w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w w\n    w w x\n",
        );
    }

    /// Quoted scalars fold as well; double quotes escape a leading space.
    #[test]
    fn long_quoted_strings_fold_too() {
        check(
            r##"{"k": "'word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word"}"##,
            "k: '''word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word'\n",
            "- k: '''word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word word'\n",
        );
        check(
            r##"{"k": " word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word "}"##,
            "k: ' word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word '\n",
            "- k: ' word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word word '\n",
        );
        check(
            r##"{"k": "\tword word word word word word word word word word word word word word word word word word word word word word word word word word word word word word"}"##,
            "k: \"\\tword word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word\"\n",
            "- k: \"\\tword word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word word\"\n",
        );
        check(
            r##"{"k": "\tab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab  tail  end"}"##,
            "k: \"\\tab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab\n  ab  tail  end\"\n",
            "- k: \"\\tab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab\n    ab ab  tail  end\"\n",
        );
        check(
            r##"{"k": "word word word word word word word word word word word word word word word word word word word word \nword word word word word word word word word word word word word word word word word word word word "}"##,
            "k: \"word word word word word word word word word word word word word word word word\n  word word word word \\nword word word word word word word word word word word word\n  word word word word word word word word \"\n",
            "- k: \"word word word word word word word word word word word word word word word word\n    word word word word \\nword word word word word word word word word word word word\n    word word word word word word word word \"\n",
        );
        check(
            r##"{"k": "- word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word "}"##,
            "k: '- word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word '\n",
            "- k: '- word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word word '\n",
        );
    }

    /// Floats use Python `repr` (lower-cased); exact ties pick the even digit like Python.
    #[test]
    fn floats_match_python_repr() {
        check_value(&json!({"k": 1.0_f64}), "k: 1.0\n");
        check_value(&json!(1.0_f64), "1.0\n");
        check_value(&json!({"k": -0.0_f64}), "k: -0.0\n");
        check_value(&json!(-0.0_f64), "-0.0\n");
        check_value(&json!({"k": 0.0_f64}), "k: 0.0\n");
        check_value(&json!(0.0_f64), "0.0\n");
        check_value(&json!({"k": 1.5_f64}), "k: 1.5\n");
        check_value(&json!(1.5_f64), "1.5\n");
        check_value(&json!({"k": 0.1_f64}), "k: 0.1\n");
        check_value(&json!(0.1_f64), "0.1\n");
        check_value(&json!({"k": 1e16_f64}), "k: 1e+16\n");
        check_value(&json!(1e16_f64), "1e+16\n");
        check_value(&json!({"k": 1e15_f64}), "k: 1000000000000000.0\n");
        check_value(&json!(1e15_f64), "1000000000000000.0\n");
        check_value(&json!({"k": 1.5e16_f64}), "k: 1.5e+16\n");
        check_value(&json!(1.5e16_f64), "1.5e+16\n");
        check_value(&json!({"k": 0.0001_f64}), "k: 0.0001\n");
        check_value(&json!(0.0001_f64), "0.0001\n");
        check_value(&json!({"k": 0.00001_f64}), "k: 1e-05\n");
        check_value(&json!(0.00001_f64), "1e-05\n");
        check_value(&json!({"k": 1e100_f64}), "k: 1e+100\n");
        check_value(&json!(1e100_f64), "1e+100\n");
        check_value(&json!({"k": -1e-300_f64}), "k: -1e-300\n");
        check_value(&json!(-1e-300_f64), "-1e-300\n");
        check_value(&json!({"k": 5e-324_f64}), "k: 5e-324\n");
        check_value(&json!(5e-324_f64), "5e-324\n");
        check_value(
            &json!({"k": 1.7976931348623157e308_f64}),
            "k: 1.7976931348623157e+308\n",
        );
        check_value(
            &json!(1.7976931348623157e308_f64),
            "1.7976931348623157e+308\n",
        );
        check_value(&json!({"k": 123456789.123_f64}), "k: 123456789.123\n");
        check_value(&json!(123456789.123_f64), "123456789.123\n");
        check_value(
            &json!({"k": 0.30000000000000004_f64}),
            "k: 0.30000000000000004\n",
        );
        check_value(&json!(0.30000000000000004_f64), "0.30000000000000004\n");
        check_value(&json!({"k": 1e22_f64}), "k: 1e+22\n");
        check_value(&json!(1e22_f64), "1e+22\n");
        check_value(
            &json!({"k": (977193877428134.0_f64 + 0.25)}),
            "k: 977193877428134.2\n",
        );
        check_value(
            &json!((977193877428134.0_f64 + 0.25)),
            "977193877428134.2\n",
        );
        check_value(
            &json!({"k": (977193877428134.0_f64 + 0.75)}),
            "k: 977193877428134.8\n",
        );
        check_value(
            &json!((977193877428134.0_f64 + 0.75)),
            "977193877428134.8\n",
        );
        check_value(
            &json!({"k": (1125899906842624.0_f64 + 0.5)}),
            "k: 1125899906842624.5\n",
        );
        check_value(
            &json!((1125899906842624.0_f64 + 0.5)),
            "1125899906842624.5\n",
        );
        check_value(
            &json!({"k": 9007199254740994.0_f64}),
            "k: 9007199254740994.0\n",
        );
        check_value(&json!(9007199254740994.0_f64), "9007199254740994.0\n");
    }

    #[test]
    fn python_float_repr_switches_to_exponent_like_python() {
        assert_eq!(python_float_repr(1e16), "1e+16");
        assert_eq!(python_float_repr(9999999999999998.0), "9999999999999998.0");
        assert_eq!(python_float_repr(0.0001), "0.0001");
        assert_eq!(python_float_repr(0.00001), "1e-05");
        assert_eq!(python_float_repr(-2.5e-10), "-2.5e-10");
        assert_eq!(python_float_repr(1.0e300), "1e+300");
    }

    #[test]
    fn write_errors_are_returned() {
        struct Failing;
        impl Write for Failing {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let value = json!({"Name": "MyTestSecret"});
        assert!(render_yaml(&value, &mut Failing).is_err());
        assert!(render_yaml_stream(&value, &mut Failing).is_err());
    }
}

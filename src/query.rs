//! `--query`: the JMESPath dialect of AWS CLI v2, reproduced exactly.
//!
//! The AWS CLI compiles `--query` with Python `jmespath` 1.0.1 while it resolves the
//! global options (a failure is reported as `Bad value for --query EXPR: MESSAGE`,
//! exit 252) and applies it to the response just before rendering (a failure there is
//! a general error, exit 255). Users see that library's exact texts — column numbers,
//! caret lines, Python type names — and its quirks: commas between function arguments
//! are optional, `` `[1]` == `[true]` `` is true, `length()` yields an int but `avg()` a
//! float, and ordering a string against a number raises Python's `'<' not supported
//! between instances of 'str' and 'int'`. A standards-compliant engine differs on all
//! of these, so this module reimplements in Rust the behaviour of its lexer, Pratt parser,
//! tree interpreter and function table, over values typed like Python's (`int` versus
//! `float`, `NaN`, insertion-ordered dicts).
//!
//! Python's recursion limit is modelled too: nesting that makes the CLI raise
//! `RecursionError` fails here with the same message (the exact depth depends on the
//! CLI's own call stack, estimated below), so no input can overflow our stack.
//!
//! Known differences, all outside what a `serde_json::Value` or a Rust `char` can
//! carry: `NaN` and infinities come out as `null`; integers beyond the `i64`/`u64`
//! range come out as floats; a lone UTF-16 surrogate in a literal becomes U+FFFD; the
//! memory address in `<jmespath.visitor._Expression object at 0x…>` is fixed; Python's
//! `sorted()` is matched for every input except lists holding `NaN`; non-ASCII digits
//! in `to_number()` and unassigned code points in error texts follow ASCII and
//! printable-by-default rules.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use serde_json::Value as Json;

/// Python's default recursion limit; the CLI does not change it.
const PY_RECURSION_LIMIT: usize = 1000;
/// Python frames on the stack when the CLI calls `jmespath.compile`: `bin/aws`
/// `<module>`, `main`, `clidriver.main`, `AWSCLIEntryPoint.main`, `_do_main`,
/// `_run_driver`, `CLIDriver.main`, `_handle_top_level_args`,
/// `emit_top_level_args_parsed_event`, `Session.emit`, `HierarchicalEmitter.emit`,
/// `LazyInitEmitter._emit`, `HierarchicalEmitter._emit`, `resolve_types`,
/// `_resolve_arg`, `_resolve_query`, `compile`.
const COMPILE_FRAME: usize = 17;
/// Python frames on the stack when the formatter calls `ParsedResult.search`:
/// `<module>` … `CLIDriver.main`, `ServiceCommand.__call__`,
/// `ServiceOperation.__call__`, `invoke`, `_display_response`, `Formatter.__call__`,
/// `_get_transformed_response_for_output`, `_apply_query_if_needed`, `search`.
const SEARCH_FRAME: usize = 15;
/// `sys.get_int_max_str_digits()` of Python 3.11.
const INT_MAX_STR_DIGITS: usize = 4300;
const RECURSION_MESSAGE: &str = "maximum recursion depth exceeded";
/// `str()` of a Python `_Expression` object; the real one embeds a memory address.
const EXPREF_REPR: &str = "<jmespath.visitor._Expression object at 0x7f3a5c2e1d90>";

/// A compiled `--query` expression.
pub struct Query {
    expression: String,
    ast: Node,
}

impl fmt::Debug for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Query")
            .field("expression", &self.expression)
            .finish_non_exhaustive()
    }
}

/// Why a `--query` could not be used.
///
/// For errors from [`Query::compile`], `Display` gives the text the CLI prints after
/// `Bad value for --query <expr>: `; for errors from [`Query::search`] it gives the
/// whole message the CLI prints as a general error.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// `EmptyExpressionError`: `--query ''`.
    #[error("Invalid JMESPath expression: cannot be empty.")]
    EmptyExpression,
    /// `LexerError`: a character or literal the tokenizer rejects.
    #[error("Bad jmespath expression: {message}:\n{expression}\n{}^", spaces(.position))]
    Lexer {
        message: String,
        expression: String,
        position: usize,
    },
    /// `IncompleteExpressionError`: the expression stops where more was needed.
    #[error(
        "Invalid jmespath expression: Incomplete expression:\n\"{expression}\"\n{}^",
        spaces_after(.expression)
    )]
    IncompleteExpression { expression: String },
    /// `ParseError`: a token that cannot appear where it does.
    #[error(
        "{message}: Parse error at column {position}, token \"{token}\" ({token_type}), \
         for expression:\n\"{expression}\"\n{}^",
        spaces_plus_one(.position)
    )]
    Parse {
        message: String,
        position: usize,
        token: String,
        token_type: String,
        expression: String,
    },
    /// A Python built-in exception escaping `jmespath.compile`: `RecursionError`, or the
    /// `ValueError` of `int()` for a number longer than 4300 digits.
    #[error("{0}")]
    CompileFailure(String),
    /// `UnknownFunctionError` (raised when the call is evaluated).
    #[error("Unknown function: {name}()")]
    UnknownFunction { name: String },
    /// `ArityError`.
    #[error(
        "Expected {expected} {} for function {name}(), received {actual}",
        argument_word(.expected)
    )]
    Arity {
        name: String,
        expected: usize,
        actual: usize,
    },
    /// `VariadictArityError`.
    #[error(
        "Expected at least {expected} {} for function {name}(), received {actual}",
        argument_word(.expected)
    )]
    VariadicArity {
        name: String,
        expected: usize,
        actual: usize,
    },
    /// `JMESPathTypeError`: a function argument of the wrong type.
    #[error(
        "In function {function}(), invalid type for value: {value}, expected one of: \
         {expected}, received: \"{actual}\""
    )]
    InvalidType {
        function: String,
        value: String,
        expected: String,
        actual: String,
    },
    /// A Python built-in exception raised while searching (`TypeError`, `ValueError`,
    /// `OverflowError`, `RecursionError`), with Python's message.
    #[error("{0}")]
    SearchFailure(String),
    /// The result holds an expression reference (`&foo`), which the CLI's JSON encoder
    /// rejects with this message.
    #[error("Encountered unrecognized type in JSON encoder.")]
    UnserializableResult,
}

fn spaces(count: &usize) -> String {
    " ".repeat(*count)
}

fn spaces_plus_one(count: &usize) -> String {
    " ".repeat(*count + 1)
}

fn spaces_after(expression: &str) -> String {
    " ".repeat(expression.chars().count() + 1)
}

fn argument_word(count: &usize) -> &'static str {
    if *count == 1 { "argument" } else { "arguments" }
}

impl Query {
    /// Compile at argument-parsing time. `Err` carries the Python-jmespath-compatible
    /// message.
    pub fn compile(expression: &str) -> Result<Query, QueryError> {
        let tokens = tokenize(expression)?;
        let mut parser = Parser {
            tokens: &tokens,
            index: 0,
            // compile -> Parser.parse -> _do_parse -> _parse
            frames: COMPILE_FRAME + 3,
            eof: Token::text(Kind::Eof, "", expression.chars().count()),
        };
        match parser.parse() {
            Ok(ast) => Ok(Query {
                expression: expression.to_owned(),
                ast,
            }),
            Err(fail) => Err(fail.into_error(expression)),
        }
    }

    /// Apply to the (already model-ordered) response.
    pub fn search(&self, data: &Json) -> Result<Json, QueryError> {
        let value = Val::from_json(data);
        let mut interpreter = Interpreter { next_expref: 0 };
        let result = interpreter.visit(&self.ast, &value, SEARCH_FRAME + 1)?;
        result.to_json()
    }
}

// ---------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------

/// A Python value as `jmespath` sees it. `'a` is the lifetime of the AST that
/// expression references (`&expr`) point into.
#[derive(Clone)]
enum Val<'a> {
    Null,
    Bool(bool),
    /// A Python `int`. Integers beyond `i128` become floats (documented difference).
    Int(i128),
    Float(f64),
    Str(Arc<str>),
    List(Arc<Vec<Val<'a>>>),
    Dict(Arc<Dict<'a>>),
    /// A Python `_Expression`; the number gives it an identity for `==`.
    Expref(&'a Node, u64),
}

/// An insertion-ordered Python `dict` with string keys.
#[derive(Clone, Default)]
struct Dict<'a> {
    entries: Vec<(Arc<str>, Val<'a>)>,
    index: HashMap<Arc<str>, usize>,
}

impl<'a> Dict<'a> {
    fn get(&self, key: &str) -> Option<&Val<'a>> {
        self.index
            .get(key)
            .and_then(|&i| self.entries.get(i))
            .map(|entry| &entry.1)
    }

    /// Python `d[key] = value`: a new key goes last, an existing one keeps its place.
    fn insert(&mut self, key: Arc<str>, value: Val<'a>) {
        match self.index.get(&key) {
            Some(&i) => {
                if let Some(entry) = self.entries.get_mut(i) {
                    entry.1 = value;
                }
            }
            None => {
                self.index.insert(Arc::clone(&key), self.entries.len());
                self.entries.push((key, value));
            }
        }
    }

    fn len(&self) -> usize {
        self.entries.len()
    }
}

impl<'a> Val<'a> {
    fn from_json(json: &Json) -> Val<'a> {
        match json {
            Json::Null => Val::Null,
            Json::Bool(b) => Val::Bool(*b),
            Json::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Val::Int(i128::from(i))
                } else if let Some(u) = n.as_u64() {
                    Val::Int(i128::from(u))
                } else {
                    Val::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Json::String(s) => Val::Str(Arc::from(s.as_str())),
            Json::Array(items) => Val::List(Arc::new(items.iter().map(Val::from_json).collect())),
            Json::Object(map) => {
                let mut dict = Dict::default();
                for (key, value) in map {
                    dict.insert(Arc::from(key.as_str()), Val::from_json(value));
                }
                Val::Dict(Arc::new(dict))
            }
        }
    }

    fn to_json(&self) -> Result<Json, QueryError> {
        Ok(match self {
            Val::Null => Json::Null,
            Val::Bool(b) => Json::Bool(*b),
            Val::Int(i) => {
                if let Ok(small) = i64::try_from(*i) {
                    Json::from(small)
                } else if let Ok(unsigned) = u64::try_from(*i) {
                    Json::from(unsigned)
                } else {
                    float_json(*i as f64)
                }
            }
            Val::Float(f) => float_json(*f),
            Val::Str(s) => Json::String(s.to_string()),
            Val::List(items) => Json::Array(
                items
                    .iter()
                    .map(Val::to_json)
                    .collect::<Result<Vec<_>, _>>()?,
            ),
            Val::Dict(dict) => {
                let mut map = serde_json::Map::with_capacity(dict.len());
                for (key, value) in &dict.entries {
                    map.insert(key.to_string(), value.to_json()?);
                }
                Json::Object(map)
            }
            Val::Expref(..) => return Err(QueryError::UnserializableResult),
        })
    }

    /// `type(value).__name__`.
    fn py_type_name(&self) -> &'static str {
        match self {
            Val::Null => "NoneType",
            Val::Bool(_) => "bool",
            Val::Int(_) => "int",
            Val::Float(_) => "float",
            Val::Str(_) => "str",
            Val::List(_) => "list",
            Val::Dict(_) => "dict",
            Val::Expref(..) => "_Expression",
        }
    }

    /// `TYPES_MAP[type(value).__name__]` of `jmespath.functions`.
    fn jmespath_type(&self) -> &'static str {
        match self {
            Val::Null => "null",
            Val::Bool(_) => "boolean",
            Val::Int(_) | Val::Float(_) => "number",
            Val::Str(_) => "string",
            Val::List(_) => "array",
            Val::Dict(_) => "object",
            Val::Expref(..) => "expref",
        }
    }

    fn is_null(&self) -> bool {
        matches!(self, Val::Null)
    }

    /// `_is_actual_number`: an int or float, not a bool.
    fn is_actual_number(&self) -> bool {
        matches!(self, Val::Int(_) | Val::Float(_))
    }

    /// `TreeInterpreter._is_false`.
    fn is_false(&self) -> bool {
        match self {
            Val::Null | Val::Bool(false) => true,
            Val::Str(s) => s.is_empty(),
            Val::List(items) => items.is_empty(),
            Val::Dict(dict) => dict.len() == 0,
            _ => false,
        }
    }

    /// Python truthiness (`not value`).
    fn py_truthy(&self) -> bool {
        match self {
            Val::Int(i) => *i != 0,
            Val::Float(f) => *f != 0.0,
            Val::Expref(..) => true,
            other => !other.is_false(),
        }
    }

    fn as_number(&self) -> Option<Num> {
        match self {
            Val::Bool(b) => Some(Num::Int(i128::from(*b))),
            Val::Int(i) => Some(Num::Int(*i)),
            Val::Float(f) => Some(Num::Float(*f)),
            _ => None,
        }
    }
}

fn float_json(f: f64) -> Json {
    serde_json::Number::from_f64(f).map_or(Json::Null, Json::Number)
}

#[derive(Clone, Copy)]
enum Num {
    Int(i128),
    Float(f64),
}

/// Python's exact comparison of ints and floats.
fn num_cmp(a: Num, b: Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(&y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(&y),
        (Num::Int(x), Num::Float(y)) => int_float_cmp(x, y),
        (Num::Float(x), Num::Int(y)) => int_float_cmp(y, x).map(Ordering::reverse),
    }
}

fn int_float_cmp(i: i128, f: f64) -> Option<Ordering> {
    // 2**127: every finite float at or beyond it is outside the i128 range.
    const TWO_POW_127: f64 = 170_141_183_460_469_231_731_687_303_715_884_105_728.0;
    if f.is_nan() {
        return None;
    }
    if f >= TWO_POW_127 {
        return Some(Ordering::Less);
    }
    if f < -TWO_POW_127 {
        return Some(Ordering::Greater);
    }
    let whole = f.trunc();
    match i.cmp(&(whole as i128)) {
        Ordering::Equal => (0.0).partial_cmp(&(f - whole)),
        unequal => Some(unequal),
    }
}

/// Python `a == b`.
fn py_eq(a: &Val, b: &Val) -> bool {
    match (a, b) {
        (Val::Null, Val::Null) => true,
        (Val::Str(x), Val::Str(y)) => x == y,
        (Val::List(x), Val::List(y)) => {
            Arc::ptr_eq(x, y)
                || (x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| py_eq(p, q)))
        }
        (Val::Dict(x), Val::Dict(y)) => {
            Arc::ptr_eq(x, y)
                || (x.len() == y.len()
                    && x.entries
                        .iter()
                        .all(|(key, value)| y.get(key).is_some_and(|other| py_eq(value, other))))
        }
        (Val::Expref(_, x), Val::Expref(_, y)) => x == y,
        _ => match (a.as_number(), b.as_number()) {
            (Some(x), Some(y)) => num_cmp(x, y) == Some(Ordering::Equal),
            _ => false,
        },
    }
}

/// `visitor._equals`: `==` except that 0 and 1 never equal a boolean.
fn jmespath_equals(a: &Val, b: &Val) -> bool {
    let zero_or_one = |v: &Val| {
        v.is_actual_number()
            && v.as_number().is_some_and(|n| {
                matches!(num_cmp(n, Num::Int(0)), Some(Ordering::Equal))
                    || matches!(num_cmp(n, Num::Int(1)), Some(Ordering::Equal))
            })
    };
    if zero_or_one(a) {
        if matches!(b, Val::Bool(_)) {
            return false;
        }
    } else if zero_or_one(b) && matches!(a, Val::Bool(_)) {
        return false;
    }
    py_eq(a, b)
}

/// The ordering comparisons of Python (`operator.lt` and friends).
#[derive(Clone, Copy)]
enum Order {
    Lt,
    Lte,
    Gt,
    Gte,
}

impl Order {
    fn symbol(self) -> &'static str {
        match self {
            Order::Lt => "<",
            Order::Lte => "<=",
            Order::Gt => ">",
            Order::Gte => ">=",
        }
    }

    fn holds(self, ordering: Option<Ordering>) -> bool {
        match (self, ordering) {
            (_, None) => false,
            (Order::Lt, Some(o)) => o == Ordering::Less,
            (Order::Lte, Some(o)) => o != Ordering::Greater,
            (Order::Gt, Some(o)) => o == Ordering::Greater,
            (Order::Gte, Some(o)) => o != Ordering::Less,
        }
    }

    /// Apply to two numbers or two strings; anything else is Python's `TypeError`.
    fn apply(self, a: &Val, b: &Val) -> Result<bool, QueryError> {
        let ordering = match (a, b) {
            (Val::Str(x), Val::Str(y)) => Some(x.cmp(y)),
            _ => match (a.as_number(), b.as_number()) {
                (Some(x), Some(y)) => num_cmp(x, y),
                _ => {
                    return Err(QueryError::SearchFailure(format!(
                        "'{}' not supported between instances of '{}' and '{}'",
                        self.symbol(),
                        a.py_type_name(),
                        b.py_type_name()
                    )));
                }
            },
        };
        Ok(self.holds(ordering))
    }
}

// ---------------------------------------------------------------------------------
// Python text forms: str(), repr(), json.dumps()
// ---------------------------------------------------------------------------------

/// Python `str(value)`.
fn py_str(value: &Val) -> String {
    match value {
        Val::Str(s) => s.to_string(),
        other => {
            let mut out = String::new();
            py_repr(other, &mut out);
            out
        }
    }
}

/// Python `repr(value)`.
fn py_repr(value: &Val, out: &mut String) {
    match value {
        Val::Null => out.push_str("None"),
        Val::Bool(true) => out.push_str("True"),
        Val::Bool(false) => out.push_str("False"),
        Val::Int(i) => out.push_str(&i.to_string()),
        Val::Float(f) => out.push_str(&py_float_repr(*f)),
        Val::Str(s) => py_repr_str(s, out),
        Val::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                py_repr(item, out);
            }
            out.push(']');
        }
        Val::Dict(dict) => {
            out.push('{');
            for (i, (key, item)) in dict.entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                py_repr_str(key, out);
                out.push_str(": ");
                py_repr(item, out);
            }
            out.push('}');
        }
        Val::Expref(..) => out.push_str(EXPREF_REPR),
    }
}

/// Python `repr(str)`.
fn py_repr_str(s: &str, out: &mut String) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if py_isprintable(c) => out.push(c),
            c => {
                let code = u32::from(c);
                if code <= 0xff {
                    out.push_str(&format!("\\x{code:02x}"));
                } else if code <= 0xffff {
                    out.push_str(&format!("\\u{code:04x}"));
                } else {
                    out.push_str(&format!("\\U{code:08x}"));
                }
            }
        }
    }
    out.push(quote);
}

/// `str.isprintable()` for one character: approximated for non-ASCII by the
/// control, separator, format and private-use ranges (documented difference:
/// unassigned code points count as printable here).
fn py_isprintable(c: char) -> bool {
    let code = u32::from(c);
    if code < 0x7f {
        return code >= 0x20;
    }
    !matches!(code,
        0x7f..=0xa0
        | 0xad
        | 0x600..=0x605
        | 0x61c
        | 0x6dd
        | 0x70f
        | 0x890..=0x891
        | 0x8e2
        | 0x1680
        | 0x180e
        | 0x2000..=0x200f
        | 0x2028..=0x202f
        | 0x205f..=0x2064
        | 0x2066..=0x206f
        | 0x3000
        | 0xd800..=0xf8ff
        | 0xfdd0..=0xfdef
        | 0xfeff
        | 0xfff9..=0xfffb
        | 0xfffe..=0xffff
        | 0x110bd
        | 0x110cd
        | 0x13430..=0x1343f
        | 0x1bca0..=0x1bca3
        | 0x1d173..=0x1d17a
        | 0xe0001
        | 0xe0020..=0xe007f
        | 0xf0000..)
        && (code & 0xfffe) != 0xfffe
}

/// Python `repr(float)`: the shortest round-tripping digits, positional notation for
/// decimal exponents from -4 to 16, scientific (`1e+16`, `1e-05`) beyond.
fn py_float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_owned();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.to_owned();
    }
    let scientific = format!("{:e}", f.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let decimal_point = exponent + 1;
    let mut out = String::new();
    if f < 0.0 {
        out.push('-');
    }
    let count = digits.len() as i64;
    if !(-4 < decimal_point && decimal_point <= 16) {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push('e');
        out.push(if exponent < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exponent.abs()));
    } else if decimal_point <= 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat(decimal_point.unsigned_abs() as usize));
        out.push_str(&digits);
    } else if decimal_point >= count {
        out.push_str(&digits);
        out.push_str(&"0".repeat((decimal_point - count) as usize));
        out.push_str(".0");
    } else {
        let (whole, fraction) = digits.split_at(decimal_point as usize);
        out.push_str(whole);
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// `json.dumps(value, separators=(',', ':'), default=str)` (ASCII-only output).
fn json_dumps(value: &Val, out: &mut String) {
    match value {
        Val::Null => out.push_str("null"),
        Val::Bool(true) => out.push_str("true"),
        Val::Bool(false) => out.push_str("false"),
        Val::Int(i) => out.push_str(&i.to_string()),
        Val::Float(f) => out.push_str(&json_float(*f)),
        Val::Str(s) => json_ascii_str(s, out),
        Val::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_dumps(item, out);
            }
            out.push(']');
        }
        Val::Dict(dict) => {
            out.push('{');
            for (i, (key, item)) in dict.entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_ascii_str(key, out);
                out.push(':');
                json_dumps(item, out);
            }
            out.push('}');
        }
        Val::Expref(..) => json_ascii_str(EXPREF_REPR, out),
    }
}

fn json_float(f: f64) -> String {
    if f.is_nan() {
        "NaN".to_owned()
    } else if f.is_infinite() {
        if f > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else {
        py_float_repr(f)
    }
}

fn json_ascii_str(s: &str, out: &mut String) {
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
            ' '..='~' => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
    }
    out.push('"');
}

/// `str.isspace()` for one character (Python's `Py_UNICODE_ISSPACE`).
fn py_isspace(c: char) -> bool {
    matches!(c,
        '\t'..='\r'
        | '\u{1c}'..=' '
        | '\u{85}'
        | '\u{a0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200a}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{3000}')
}

/// The ValueError of `int(text)` beyond `sys.get_int_max_str_digits()`.
fn int_digit_limit_message(digits: usize) -> String {
    format!(
        "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
         value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
    )
}

/// A Python `int` parsed from decimal digits: exact when it fits `i128`.
fn int_from_digits(negative: bool, digits: &str) -> Val<'static> {
    let magnitude = digits.trim_start_matches('0');
    let text = if negative {
        format!("-{magnitude}")
    } else {
        magnitude.to_owned()
    };
    if magnitude.is_empty() {
        return Val::Int(0);
    }
    match text.parse::<i128>() {
        Ok(i) => Val::Int(i),
        Err(_) => Val::Float(text.parse::<f64>().unwrap_or(f64::NAN)),
    }
}

/// Python `int(text)` for a `str`: `None` where Python raises `ValueError`.
fn py_int_from_str(text: &str) -> Option<Val<'static>> {
    let trimmed = text.trim_matches(py_isspace);
    let (negative, body) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..]),
        Some(b'+') => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    let digits = digits_with_underscores(body)?;
    if digits.len() > INT_MAX_STR_DIGITS {
        return None;
    }
    Some(int_from_digits(negative, &digits))
}

/// ASCII digits with single underscores between them (Python's numeric-literal rule);
/// returns the digits without underscores.
fn digits_with_underscores(body: &str) -> Option<String> {
    let bytes = body.as_bytes();
    if bytes.is_empty() {
        return None;
    }
    let mut digits = String::with_capacity(bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            digits.push(char::from(b));
        } else if b == b'_'
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            continue;
        } else {
            return None;
        }
    }
    Some(digits)
}

/// Python `float(text)` for a `str`: `None` where Python raises `ValueError`.
fn py_float_from_str(text: &str) -> Option<f64> {
    let trimmed = text.trim_matches(py_isspace);
    let bytes = trimmed.as_bytes();
    let mut cleaned = String::with_capacity(trimmed.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            let between_digits = i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !between_digits {
                return None;
            }
        } else if b.is_ascii() {
            cleaned.push(char::from(b));
        } else {
            return None;
        }
    }
    let (sign, body) = match cleaned.as_bytes().first() {
        Some(b'-') => (-1.0, &cleaned[1..]),
        Some(b'+') => (1.0, &cleaned[1..]),
        _ => (1.0, cleaned.as_str()),
    };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Some(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Some(f64::NAN);
    }
    if !is_decimal_float(body) {
        return None;
    }
    body.parse::<f64>().ok().map(|f| sign * f)
}

/// `digits [. digits?] | . digits`, then an optional `e[+-]digits`.
fn is_decimal_float(body: &str) -> bool {
    let bytes = body.as_bytes();
    let mut i = 0;
    let count = |i: &mut usize| {
        let start = *i;
        while bytes.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let whole = count(&mut i);
    let mut fraction = 0;
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        fraction = count(&mut i);
    }
    if whole == 0 && fraction == 0 {
        return false;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if count(&mut i) == 0 {
            return false;
        }
    }
    i == bytes.len()
}

// ---------------------------------------------------------------------------------
// json.loads, as Python's C scanner does it
// ---------------------------------------------------------------------------------

enum JsonFail {
    /// A `ValueError` (`JSONDecodeError`); the text is the message before its `:`.
    Invalid(&'static str),
    /// A `RecursionError` with this message.
    Recursion(&'static str),
}

struct JsonScanner<'s> {
    chars: &'s [char],
    /// How many more containers may be opened before Python's recursion limit.
    depth_left: usize,
}

fn json_loads(text: &str, depth_left: usize) -> Result<Val<'static>, JsonFail> {
    let chars: Vec<char> = text.chars().collect();
    if chars.first() == Some(&'\u{feff}') {
        return Err(JsonFail::Invalid(
            "Unexpected UTF-8 BOM (decode using utf-8-sig)",
        ));
    }
    let mut scanner = JsonScanner {
        chars: &chars,
        depth_left,
    };
    let start = scanner.skip_whitespace(0);
    let (value, end) = scanner.scan_once(start)?;
    if scanner.skip_whitespace(end) != chars.len() {
        return Err(JsonFail::Invalid("Extra data"));
    }
    Ok(value)
}

impl JsonScanner<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn skip_whitespace(&self, mut i: usize) -> usize {
        while matches!(self.at(i), Some(' ' | '\t' | '\n' | '\r')) {
            i += 1;
        }
        i
    }

    fn matches_word(&self, i: usize, word: &str) -> bool {
        word.chars()
            .enumerate()
            .all(|(k, c)| self.at(i + k) == Some(c))
    }

    fn scan_once(&mut self, i: usize) -> Result<(Val<'static>, usize), JsonFail> {
        match self.at(i) {
            Some('{') => {
                self.enter(" while decoding a JSON object from a unicode string")?;
                let result = self.scan_object(i + 1);
                self.depth_left += 1;
                result
            }
            Some('[') => {
                self.enter(" while decoding a JSON array from a unicode string")?;
                let result = self.scan_array(i + 1);
                self.depth_left += 1;
                result
            }
            _ => self.scan_scalar(i),
        }
    }

    fn scan_scalar(&self, i: usize) -> Result<(Val<'static>, usize), JsonFail> {
        let expecting_value = JsonFail::Invalid("Expecting value");
        match self.at(i) {
            None => Err(expecting_value),
            Some('"') => {
                let (s, end) = self.scan_string(i + 1)?;
                Ok((Val::Str(Arc::from(s.as_str())), end))
            }
            Some('n') if self.matches_word(i, "null") => Ok((Val::Null, i + 4)),
            Some('t') if self.matches_word(i, "true") => Ok((Val::Bool(true), i + 4)),
            Some('f') if self.matches_word(i, "false") => Ok((Val::Bool(false), i + 5)),
            Some('N') if self.matches_word(i, "NaN") => Ok((Val::Float(f64::NAN), i + 3)),
            Some('I') if self.matches_word(i, "Infinity") => Ok((Val::Float(f64::INFINITY), i + 8)),
            Some('-') if self.matches_word(i, "-Infinity") => {
                Ok((Val::Float(f64::NEG_INFINITY), i + 9))
            }
            Some(_) => self.scan_number(i).ok_or(expecting_value),
        }
    }

    fn enter(&mut self, message: &'static str) -> Result<(), JsonFail> {
        if self.depth_left == 0 {
            return Err(JsonFail::Recursion(message));
        }
        self.depth_left -= 1;
        Ok(())
    }

    fn scan_object(&mut self, start: usize) -> Result<(Val<'static>, usize), JsonFail> {
        let mut dict = Dict::default();
        let mut i = self.skip_whitespace(start);
        if self.at(i) != Some('}') {
            loop {
                if self.at(i) != Some('"') {
                    return Err(JsonFail::Invalid(
                        "Expecting property name enclosed in double quotes",
                    ));
                }
                let (key, after_key) = self.scan_string(i + 1)?;
                i = self.skip_whitespace(after_key);
                if self.at(i) != Some(':') {
                    return Err(JsonFail::Invalid("Expecting ':' delimiter"));
                }
                i = self.skip_whitespace(i + 1);
                let (value, after_value) = self.scan_once(i)?;
                dict.insert(Arc::from(key.as_str()), value);
                i = self.skip_whitespace(after_value);
                if self.at(i) == Some('}') {
                    break;
                }
                if self.at(i) != Some(',') {
                    return Err(JsonFail::Invalid("Expecting ',' delimiter"));
                }
                i = self.skip_whitespace(i + 1);
            }
        }
        Ok((Val::Dict(Arc::new(dict)), i + 1))
    }

    fn scan_array(&mut self, start: usize) -> Result<(Val<'static>, usize), JsonFail> {
        let mut items = Vec::new();
        let mut i = self.skip_whitespace(start);
        if self.at(i) != Some(']') {
            loop {
                let (value, after_value) = self.scan_once(i)?;
                items.push(value);
                i = self.skip_whitespace(after_value);
                if self.at(i) == Some(']') {
                    break;
                }
                if self.at(i) != Some(',') {
                    return Err(JsonFail::Invalid("Expecting ',' delimiter"));
                }
                i = self.skip_whitespace(i + 1);
            }
        }
        Ok((Val::List(Arc::new(items)), i + 1))
    }

    /// `_match_number_unicode`: `None` is the scanner's `StopIteration`.
    fn scan_number(&self, start: usize) -> Option<(Val<'static>, usize)> {
        let digit = |i: usize| self.at(i).is_some_and(|c| c.is_ascii_digit());
        let mut i = start;
        let negative = self.at(i) == Some('-');
        if negative {
            i += 1;
        }
        match self.at(i) {
            Some('1'..='9') => {
                i += 1;
                while digit(i) {
                    i += 1;
                }
            }
            Some('0') => i += 1,
            _ => return None,
        }
        let integer_end = i;
        let mut is_float = false;
        if self.at(i) == Some('.') && digit(i + 1) {
            is_float = true;
            i += 2;
            while digit(i) {
                i += 1;
            }
        }
        if matches!(self.at(i), Some('e' | 'E')) && i + 1 < self.chars.len() {
            let exponent_start = i;
            i += 1;
            if matches!(self.at(i), Some('-' | '+')) && i + 1 < self.chars.len() {
                i += 1;
            }
            while digit(i) {
                i += 1;
            }
            if digit(i - 1) {
                is_float = true;
            } else {
                i = exponent_start;
            }
        }
        let text: String = self.chars.get(start..i)?.iter().collect();
        if is_float {
            return Some((Val::Float(text.parse::<f64>().unwrap_or(f64::NAN)), i));
        }
        let digits: String = self
            .chars
            .get(start + usize::from(negative)..integer_end)?
            .iter()
            .collect();
        if digits.len() > INT_MAX_STR_DIGITS {
            // int() raises ValueError: the literal is not valid JSON.
            return None;
        }
        Some((int_from_digits(negative, &digits), i))
    }

    /// `scanstring` in strict mode; `start` is just past the opening quote.
    fn scan_string(&self, start: usize) -> Result<(String, usize), JsonFail> {
        const UNTERMINATED: JsonFail = JsonFail::Invalid("Unterminated string starting at");
        const BAD_UNICODE: &str = "Invalid \\uXXXX escape";
        let len = self.chars.len();
        let mut out = String::new();
        let mut i = start;
        loop {
            let c = self.at(i).ok_or(UNTERMINATED)?;
            i += 1;
            if c == '"' {
                return Ok((out, i));
            }
            if c != '\\' {
                if u32::from(c) <= 0x1f {
                    return Err(JsonFail::Invalid("Invalid control character at"));
                }
                out.push(c);
                continue;
            }
            let escape = self.at(i).ok_or(UNTERMINATED)?;
            if escape != 'u' {
                out.push(match escape {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => return Err(JsonFail::Invalid("Invalid \\escape")),
                });
                i += 1;
                continue;
            }
            i += 1;
            if i + 4 >= len {
                return Err(JsonFail::Invalid(BAD_UNICODE));
            }
            let mut code = self.hex4(i).ok_or(JsonFail::Invalid(BAD_UNICODE))?;
            i += 4;
            if (0xd800..=0xdbff).contains(&code)
                && i + 6 < len
                && self.at(i) == Some('\\')
                && self.at(i + 1) == Some('u')
            {
                let low = self.hex4(i + 2).ok_or(JsonFail::Invalid(BAD_UNICODE))?;
                if (0xdc00..=0xdfff).contains(&low) {
                    code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                    i += 6;
                }
            }
            // A lone surrogate has no Rust `char` (documented difference).
            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
        }
    }

    fn hex4(&self, i: usize) -> Option<u32> {
        let mut code = 0;
        for k in 0..4 {
            code = code * 16 + self.at(i + k)?.to_digit(16)?;
        }
        Some(code)
    }
}

// ---------------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Dot,
    Star,
    Rbracket,
    Comma,
    Colon,
    Current,
    Lparen,
    Rparen,
    Lbrace,
    Rbrace,
    UnquotedIdentifier,
    QuotedIdentifier,
    Flatten,
    Filter,
    Lbracket,
    Literal,
    Or,
    Pipe,
    And,
    Expref,
    Number,
    Lte,
    Lt,
    Gte,
    Gt,
    Ne,
    Not,
    Eq,
    Eof,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Dot => "dot",
            Kind::Star => "star",
            Kind::Rbracket => "rbracket",
            Kind::Comma => "comma",
            Kind::Colon => "colon",
            Kind::Current => "current",
            Kind::Lparen => "lparen",
            Kind::Rparen => "rparen",
            Kind::Lbrace => "lbrace",
            Kind::Rbrace => "rbrace",
            Kind::UnquotedIdentifier => "unquoted_identifier",
            Kind::QuotedIdentifier => "quoted_identifier",
            Kind::Flatten => "flatten",
            Kind::Filter => "filter",
            Kind::Lbracket => "lbracket",
            Kind::Literal => "literal",
            Kind::Or => "or",
            Kind::Pipe => "pipe",
            Kind::And => "and",
            Kind::Expref => "expref",
            Kind::Number => "number",
            Kind::Lte => "lte",
            Kind::Lt => "lt",
            Kind::Gte => "gte",
            Kind::Gt => "gt",
            Kind::Ne => "ne",
            Kind::Not => "not",
            Kind::Eq => "eq",
            Kind::Eof => "eof",
        }
    }

    /// `Parser.BINDING_POWER`.
    fn binding_power(self) -> u8 {
        match self {
            Kind::Pipe => 1,
            Kind::Or => 2,
            Kind::And => 3,
            Kind::Eq | Kind::Gt | Kind::Lt | Kind::Gte | Kind::Lte | Kind::Ne => 5,
            Kind::Flatten => 9,
            Kind::Star => 20,
            Kind::Filter => 21,
            Kind::Dot => 40,
            Kind::Not => 45,
            Kind::Lbrace => 50,
            Kind::Lbracket => 55,
            Kind::Lparen => 60,
            _ => 0,
        }
    }
}

/// Binding powers below this end a projection.
const PROJECTION_STOP: u8 = 10;

enum TokenValue {
    Text(Arc<str>),
    /// A Python int: clamped for use, and as `str()` shows it.
    Number(i64, String),
    Literal(Val<'static>),
}

struct Token {
    kind: Kind,
    start: usize,
    value: TokenValue,
}

impl Token {
    fn text(kind: Kind, text: &str, start: usize) -> Token {
        Token {
            kind,
            start,
            value: TokenValue::Text(Arc::from(text)),
        }
    }

    /// `str(token['value'])`.
    fn value_str(&self) -> String {
        match &self.value {
            TokenValue::Text(text) => text.to_string(),
            TokenValue::Number(_, shown) => shown.clone(),
            TokenValue::Literal(value) => py_str(value),
        }
    }

    fn text_value(&self) -> Arc<str> {
        match &self.value {
            TokenValue::Text(text) => Arc::clone(text),
            _ => Arc::from(self.value_str().as_str()),
        }
    }

    fn number(&self) -> i64 {
        match &self.value {
            TokenValue::Number(n, _) => *n,
            _ => 0,
        }
    }
}

struct Lexer {
    chars: Vec<char>,
    position: usize,
    current: Option<char>,
}

impl Lexer {
    fn next(&mut self) -> Option<char> {
        if self.position + 1 >= self.chars.len() {
            self.current = None;
        } else {
            self.position += 1;
            self.current = self.chars.get(self.position).copied();
        }
        self.current
    }

    fn error(position: usize, message: String) -> LexFail {
        LexFail::Lexer { position, message }
    }

    fn consume_number(&mut self) -> String {
        let mut buff = String::new();
        buff.extend(self.current);
        while let Some(c) = self.next() {
            if !c.is_ascii_digit() {
                break;
            }
            buff.push(c);
        }
        buff
    }

    fn number_token(buff: &str, start: usize) -> Result<Token, LexFail> {
        let (negative, digits) = match buff.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, buff),
        };
        if digits.len() > INT_MAX_STR_DIGITS {
            return Err(LexFail::Other(int_digit_limit_message(digits.len())));
        }
        let (clamped, shown) = match int_from_digits(negative, digits) {
            Val::Int(i) => (
                i64::try_from(i).unwrap_or(if i < 0 { i64::MIN } else { i64::MAX }),
                i.to_string(),
            ),
            _ => {
                let magnitude = digits.trim_start_matches('0');
                let shown = if negative {
                    format!("-{magnitude}")
                } else {
                    magnitude.to_owned()
                };
                (if negative { i64::MIN } else { i64::MAX }, shown)
            }
        };
        Ok(Token {
            kind: Kind::Number,
            start,
            value: TokenValue::Number(clamped, shown),
        })
    }

    fn consume_until(&mut self, delimiter: char) -> Result<String, LexFail> {
        let start = self.position;
        let mut buff = String::new();
        self.next();
        while self.current != Some(delimiter) {
            if self.current == Some('\\') {
                buff.push('\\');
                self.next();
            }
            match self.current {
                None => {
                    return Err(Lexer::error(
                        start,
                        format!("Unclosed {delimiter} delimiter"),
                    ));
                }
                Some(c) => buff.push(c),
            }
            self.next();
        }
        self.next();
        Ok(buff)
    }

    fn consume_literal(&mut self) -> Result<Token, LexFail> {
        let start = self.position;
        let lexeme = self.consume_until('`')?.replace("\\`", "`");
        let depth_left = PY_RECURSION_LIMIT.saturating_sub(COMPILE_FRAME + 9);
        let value = match json_loads(&lexeme, depth_left) {
            Ok(value) => value,
            Err(JsonFail::Recursion(place)) => {
                return Err(LexFail::Other(format!("{RECURSION_MESSAGE}{place}")));
            }
            Err(JsonFail::Invalid(_)) => {
                let quoted = format!("\"{}\"", lexeme.trim_start_matches(py_isspace));
                match json_loads(&quoted, depth_left) {
                    Ok(value) => value,
                    Err(_) => return Err(Lexer::error(start, format!("Bad token {lexeme}"))),
                }
            }
        };
        Ok(Token {
            kind: Kind::Literal,
            start,
            value: TokenValue::Literal(value),
        })
    }

    fn consume_quoted_identifier(&mut self) -> Result<Token, LexFail> {
        let start = self.position;
        let lexeme = format!("\"{}\"", self.consume_until('"')?);
        match json_loads(&lexeme, PY_RECURSION_LIMIT) {
            Ok(Val::Str(name)) => Ok(Token {
                kind: Kind::QuotedIdentifier,
                start,
                value: TokenValue::Text(name),
            }),
            Ok(other) => Ok(Token {
                kind: Kind::QuotedIdentifier,
                start,
                value: TokenValue::Text(Arc::from(py_str(&other).as_str())),
            }),
            Err(JsonFail::Invalid(message) | JsonFail::Recursion(message)) => {
                Err(Lexer::error(start, message.to_owned()))
            }
        }
    }

    fn consume_raw_string_literal(&mut self) -> Result<Token, LexFail> {
        let start = self.position;
        let lexeme = self.consume_until('\'')?.replace("\\'", "'");
        Ok(Token {
            kind: Kind::Literal,
            start,
            value: TokenValue::Literal(Val::Str(Arc::from(lexeme.as_str()))),
        })
    }

    fn match_or_else(&mut self, expected: char, matched: Kind, otherwise: Kind) -> Token {
        let start = self.position;
        let current = self.current.unwrap_or_default();
        if self.next() == Some(expected) {
            self.next();
            let text: String = [current, expected].iter().collect();
            return Token::text(matched, &text, start);
        }
        Token::text(otherwise, &current.to_string(), start)
    }
}

enum LexFail {
    Empty,
    Lexer { position: usize, message: String },
    Other(String),
}

fn tokenize(expression: &str) -> Result<Vec<Token>, QueryError> {
    tokenize_inner(expression).map_err(|fail| match fail {
        LexFail::Empty => QueryError::EmptyExpression,
        LexFail::Lexer { position, message } => QueryError::Lexer {
            message,
            expression: expression.to_owned(),
            position,
        },
        LexFail::Other(message) => QueryError::CompileFailure(message),
    })
}

fn tokenize_inner(expression: &str) -> Result<Vec<Token>, LexFail> {
    let chars: Vec<char> = expression.chars().collect();
    let length = chars.len();
    if length == 0 {
        return Err(LexFail::Empty);
    }
    let mut lexer = Lexer {
        current: chars.first().copied(),
        chars,
        position: 0,
    };
    let mut tokens = Vec::new();
    while let Some(c) = lexer.current {
        let start = lexer.position;
        let simple = match c {
            '.' => Some(Kind::Dot),
            '*' => Some(Kind::Star),
            ']' => Some(Kind::Rbracket),
            ',' => Some(Kind::Comma),
            ':' => Some(Kind::Colon),
            '@' => Some(Kind::Current),
            '(' => Some(Kind::Lparen),
            ')' => Some(Kind::Rparen),
            '{' => Some(Kind::Lbrace),
            '}' => Some(Kind::Rbrace),
            _ => None,
        };
        if let Some(kind) = simple {
            tokens.push(Token::text(kind, &c.to_string(), start));
            lexer.next();
            continue;
        }
        match c {
            'a'..='z' | 'A'..='Z' | '_' => {
                let mut buff = String::from(c);
                while let Some(next) = lexer.next() {
                    if !(next.is_ascii_alphanumeric() || next == '_') {
                        break;
                    }
                    buff.push(next);
                }
                tokens.push(Token::text(Kind::UnquotedIdentifier, &buff, start));
            }
            ' ' | '\t' | '\n' | '\r' => {
                lexer.next();
            }
            '[' => match lexer.next() {
                Some(']') => {
                    lexer.next();
                    tokens.push(Token::text(Kind::Flatten, "[]", start));
                }
                Some('?') => {
                    lexer.next();
                    tokens.push(Token::text(Kind::Filter, "[?", start));
                }
                _ => tokens.push(Token::text(Kind::Lbracket, "[", start)),
            },
            '\'' => tokens.push(lexer.consume_raw_string_literal()?),
            '|' => tokens.push(lexer.match_or_else('|', Kind::Or, Kind::Pipe)),
            '&' => tokens.push(lexer.match_or_else('&', Kind::And, Kind::Expref)),
            '`' => tokens.push(lexer.consume_literal()?),
            '0'..='9' => {
                let buff = lexer.consume_number();
                tokens.push(Lexer::number_token(&buff, start)?);
            }
            '-' => {
                let buff = lexer.consume_number();
                if buff.len() > 1 {
                    tokens.push(Lexer::number_token(&buff, start)?);
                } else {
                    return Err(Lexer::error(start, format!("Unknown token '{buff}'")));
                }
            }
            '"' => tokens.push(lexer.consume_quoted_identifier()?),
            '<' => tokens.push(lexer.match_or_else('=', Kind::Lte, Kind::Lt)),
            '>' => tokens.push(lexer.match_or_else('=', Kind::Gte, Kind::Gt)),
            '!' => tokens.push(lexer.match_or_else('=', Kind::Ne, Kind::Not)),
            '=' => {
                if lexer.next() == Some('=') {
                    tokens.push(Token::text(Kind::Eq, "==", start));
                    lexer.next();
                } else {
                    return Err(Lexer::error(start, "Unknown token '='".to_owned()));
                }
            }
            other => {
                return Err(Lexer::error(start, format!("Unknown token {other}")));
            }
        }
    }
    tokens.push(Token::text(Kind::Eof, "", length));
    Ok(tokens)
}

// ---------------------------------------------------------------------------------
// AST and parser
// ---------------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum Comparator {
    Eq,
    Ne,
    Order(Order),
}

enum Node {
    Field(Arc<str>),
    Subexpression(Vec<Node>),
    IndexExpression(Vec<Node>),
    Index(i64),
    Slice([Option<i64>; 3]),
    Comparator(Comparator, Box<Node>, Box<Node>),
    Current,
    Identity,
    Expref(Box<Node>),
    Function(Arc<str>, Vec<Node>),
    FilterProjection {
        left: Box<Node>,
        right: Box<Node>,
        condition: Box<Node>,
    },
    Flatten(Box<Node>),
    Literal(Val<'static>),
    MultiSelectDict(Vec<(Arc<str>, Node)>),
    MultiSelectList(Vec<Node>),
    Or(Box<Node>, Box<Node>),
    And(Box<Node>, Box<Node>),
    Not(Box<Node>),
    Pipe(Box<Node>, Box<Node>),
    Projection(Box<Node>, Box<Node>),
    ValueProjection(Box<Node>, Box<Node>),
}

impl Node {
    fn boxed(self) -> Box<Node> {
        Box::new(self)
    }

    fn take_children(&mut self, out: &mut Vec<Node>) {
        let mut take = |child: &mut Box<Node>| {
            if !matches!(**child, Node::Identity) {
                out.push(std::mem::replace(&mut **child, Node::Identity));
            }
        };
        match self {
            Node::Comparator(_, a, b)
            | Node::Or(a, b)
            | Node::And(a, b)
            | Node::Pipe(a, b)
            | Node::Projection(a, b)
            | Node::ValueProjection(a, b) => {
                take(a);
                take(b);
            }
            Node::Expref(a) | Node::Flatten(a) | Node::Not(a) => take(a),
            Node::FilterProjection {
                left,
                right,
                condition,
            } => {
                take(left);
                take(right);
                take(condition);
            }
            Node::Subexpression(children)
            | Node::IndexExpression(children)
            | Node::MultiSelectList(children)
            | Node::Function(_, children) => out.append(children),
            Node::MultiSelectDict(pairs) => out.extend(pairs.drain(..).map(|(_, node)| node)),
            _ => {}
        }
    }
}

/// Chains such as `a|a|a|…` nest without bound; drop them without recursion.
impl Drop for Node {
    fn drop(&mut self) {
        let mut pending = Vec::new();
        self.take_children(&mut pending);
        while let Some(mut node) = pending.pop() {
            node.take_children(&mut pending);
        }
    }
}

enum ParseFail {
    Incomplete,
    Parse {
        message: String,
        position: usize,
        token: String,
        token_type: &'static str,
    },
    Recursion,
}

impl ParseFail {
    fn into_error(self, expression: &str) -> QueryError {
        match self {
            ParseFail::Incomplete => QueryError::IncompleteExpression {
                expression: expression.to_owned(),
            },
            ParseFail::Parse {
                message,
                position,
                token,
                token_type,
            } => QueryError::Parse {
                message,
                position,
                token,
                token_type: token_type.to_ascii_uppercase(),
                expression: expression.to_owned(),
            },
            ParseFail::Recursion => QueryError::CompileFailure(RECURSION_MESSAGE.to_owned()),
        }
    }
}

type Parsed = Result<Node, ParseFail>;

const DOT_RHS_ALLOWED: &str = "['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace']";
const KEY_ALLOWED: &str = "['quoted_identifier', 'unquoted_identifier']";

/// `jmespath.parser.Parser`, method for method. `frames` counts the Python frames the
/// original would have on the stack, to fail where it raises `RecursionError`.
struct Parser<'t> {
    tokens: &'t [Token],
    index: usize,
    frames: usize,
    eof: Token,
}

impl Parser<'_> {
    /// Entering a method: Python would push a frame. Methods return through
    /// [`Parser::leave`]; an error abandons the whole parse, so it needs no unwinding.
    fn enter(&mut self) -> Result<(), ParseFail> {
        self.frames += 1;
        // The frame itself plus the leaf call every parser method makes.
        if self.frames + 1 > PY_RECURSION_LIMIT {
            return Err(ParseFail::Recursion);
        }
        Ok(())
    }

    fn leave(&mut self, node: Node) -> Parsed {
        self.frames -= 1;
        Ok(node)
    }

    fn token_at(&self, index: usize) -> &Token {
        // The token list always ends with `eof`; past it, keep answering `eof`.
        self.tokens
            .get(index)
            .or(self.tokens.last())
            .unwrap_or(&self.eof)
    }

    fn token(&self, offset: usize) -> &Token {
        self.token_at(self.index + offset)
    }

    fn current(&self) -> Kind {
        self.token(0).kind
    }

    fn advance(&mut self) {
        self.index += 1;
    }

    fn error_for(&self, token: &Token, message: String) -> ParseFail {
        ParseFail::Parse {
            message,
            position: token.start,
            token: token.value_str(),
            token_type: token.kind.name(),
        }
    }

    fn error_here(&self, message: &str) -> ParseFail {
        self.error_for(self.token(0), message.to_owned())
    }

    fn error_maybe_eof(&self, expected: &str) -> ParseFail {
        let token = self.token(0);
        if token.kind == Kind::Eof {
            return ParseFail::Incomplete;
        }
        self.error_for(
            token,
            format!("Expecting: {expected}, got: {}", token.kind.name()),
        )
    }

    fn expect(&mut self, kind: Kind) -> Result<(), ParseFail> {
        if self.current() == kind {
            self.advance();
            Ok(())
        } else {
            Err(self.error_maybe_eof(kind.name()))
        }
    }

    fn parse(&mut self) -> Parsed {
        let parsed = self.expression(0)?;
        if self.current() != Kind::Eof {
            let token = self.token(0);
            return Err(self.error_for(token, format!("Unexpected token: {}", token.value_str())));
        }
        Ok(parsed)
    }

    fn expression(&mut self, binding_power: u8) -> Parsed {
        self.enter()?;
        let left_index = self.index;
        self.advance();
        let mut left = self.nud(left_index)?;
        let mut current = self.current();
        while binding_power < current.binding_power() {
            if !has_led(current) {
                return Err(self.error_here("invalid token"));
            }
            self.advance();
            left = self.led(current, left)?;
            current = self.current();
        }
        self.leave(left)
    }

    fn nud(&mut self, token_index: usize) -> Parsed {
        self.enter()?;
        let token = self.token_at(token_index);
        // Every arm is a single call, so this recursive frame stays small.
        let result = match token.kind {
            Kind::Literal => Ok(Node::Literal(match &token.value {
                TokenValue::Literal(value) => value.clone(),
                _ => Val::Null,
            })),
            Kind::UnquotedIdentifier => Ok(Node::Field(token.text_value())),
            Kind::QuotedIdentifier => self.nud_quoted_identifier(token_index),
            Kind::Star => self.nud_star(),
            Kind::Filter => self.nud_filter(),
            Kind::Lbrace => self.multi_select_hash(),
            Kind::Lparen => self.nud_lparen(),
            Kind::Flatten => self.nud_flatten(),
            Kind::Not => self.nud_not(),
            Kind::Lbracket => self.nud_lbracket(),
            Kind::Current => Ok(Node::Current),
            Kind::Expref => self.nud_expref(),
            Kind::Eof => Err(ParseFail::Incomplete),
            _ => Err(self.error_for(token, "invalid token".to_owned())),
        };
        self.frames -= 1;
        result
    }

    /// `_token_nud_filter` calls `_token_led_filter`: one frame more than a led.
    fn nud_filter(&mut self) -> Parsed {
        self.enter()?;
        let node = self.led_filter(Node::Identity)?;
        self.leave(node)
    }

    fn nud_not(&mut self) -> Parsed {
        let expression = self.expression(Kind::Not.binding_power())?;
        Ok(Node::Not(expression.boxed()))
    }

    fn nud_expref(&mut self) -> Parsed {
        let expression = self.expression(0)?;
        Ok(Node::Expref(expression.boxed()))
    }

    fn nud_quoted_identifier(&mut self, token_index: usize) -> Parsed {
        let field = Node::Field(self.token_at(token_index).text_value());
        if self.current() == Kind::Lparen {
            let lparen = self.token(0);
            return Err(ParseFail::Parse {
                message: "Quoted identifier not allowed for function names.".to_owned(),
                position: 0,
                token: lparen.value_str(),
                token_type: lparen.kind.name(),
            });
        }
        Ok(field)
    }

    fn nud_star(&mut self) -> Parsed {
        let right = if self.current() == Kind::Rbracket {
            Node::Identity
        } else {
            self.projection_rhs(Kind::Star.binding_power())?
        };
        Ok(Node::ValueProjection(Node::Identity.boxed(), right.boxed()))
    }

    fn nud_lparen(&mut self) -> Parsed {
        let expression = self.expression(0)?;
        self.expect(Kind::Rparen)?;
        Ok(expression)
    }

    fn nud_flatten(&mut self) -> Parsed {
        let right = self.projection_rhs(Kind::Flatten.binding_power())?;
        Ok(Node::Projection(
            Node::Flatten(Node::Identity.boxed()).boxed(),
            right.boxed(),
        ))
    }

    fn nud_lbracket(&mut self) -> Parsed {
        if matches!(self.current(), Kind::Number | Kind::Colon) {
            let right = self.index_expression()?;
            self.project_if_slice(Node::Identity, right)
        } else if self.current() == Kind::Star && self.token(1).kind == Kind::Rbracket {
            self.advance();
            self.advance();
            let right = self.projection_rhs(Kind::Star.binding_power())?;
            Ok(Node::Projection(Node::Identity.boxed(), right.boxed()))
        } else {
            self.multi_select_list()
        }
    }

    fn led(&mut self, kind: Kind, left: Node) -> Parsed {
        self.enter()?;
        let result = match kind {
            Kind::Dot => self.led_dot(left),
            Kind::Pipe | Kind::Or | Kind::And => self.led_binary(kind, left),
            Kind::Lparen => self.led_lparen(left),
            Kind::Filter => self.led_filter(left),
            Kind::Eq => self.comparator(left, Comparator::Eq),
            Kind::Ne => self.comparator(left, Comparator::Ne),
            Kind::Gt => self.comparator(left, Comparator::Order(Order::Gt)),
            Kind::Gte => self.comparator(left, Comparator::Order(Order::Gte)),
            Kind::Lt => self.comparator(left, Comparator::Order(Order::Lt)),
            Kind::Lte => self.comparator(left, Comparator::Order(Order::Lte)),
            Kind::Flatten => self.led_flatten(left),
            Kind::Lbracket => self.led_lbracket(left),
            _ => Err(self.error_here("invalid token")),
        };
        self.frames -= 1;
        result
    }

    fn led_binary(&mut self, kind: Kind, left: Node) -> Parsed {
        let right = self.expression(kind.binding_power())?.boxed();
        Ok(match kind {
            Kind::Pipe => Node::Pipe(left.boxed(), right),
            Kind::Or => Node::Or(left.boxed(), right),
            _ => Node::And(left.boxed(), right),
        })
    }

    fn led_flatten(&mut self, left: Node) -> Parsed {
        let right = self.projection_rhs(Kind::Flatten.binding_power())?;
        Ok(Node::Projection(
            Node::Flatten(left.boxed()).boxed(),
            right.boxed(),
        ))
    }

    fn led_dot(&mut self, mut left: Node) -> Parsed {
        if self.current() == Kind::Star {
            self.advance();
            let right = self.projection_rhs(Kind::Dot.binding_power())?;
            return Ok(Node::ValueProjection(left.boxed(), right.boxed()));
        }
        let right = self.dot_rhs(Kind::Dot.binding_power())?;
        if let Node::Subexpression(children) = &mut left {
            children.push(right);
            return Ok(left);
        }
        Ok(Node::Subexpression(vec![left, right]))
    }

    fn led_lparen(&mut self, left: Node) -> Parsed {
        let Node::Field(name) = &left else {
            let previous = self.token_at(self.index.saturating_sub(2));
            let message = format!("Invalid function name '{}'", previous.value_str());
            return Err(self.error_for(previous, message));
        };
        let name = Arc::clone(name);
        let mut args = Vec::new();
        while self.current() != Kind::Rparen {
            let expression = self.expression(0)?;
            if self.current() == Kind::Comma {
                self.expect(Kind::Comma)?;
            }
            args.push(expression);
        }
        self.expect(Kind::Rparen)?;
        Ok(Node::Function(name, args))
    }

    fn led_lbracket(&mut self, mut left: Node) -> Parsed {
        if matches!(self.current(), Kind::Number | Kind::Colon) {
            let right = self.index_expression()?;
            if let Node::IndexExpression(children) = &mut left {
                children.push(right);
                return Ok(left);
            }
            return self.project_if_slice(left, right);
        }
        self.expect(Kind::Star)?;
        self.expect(Kind::Rbracket)?;
        let right = self.projection_rhs(Kind::Star.binding_power())?;
        Ok(Node::Projection(left.boxed(), right.boxed()))
    }

    fn led_filter(&mut self, left: Node) -> Parsed {
        let condition = self.expression(0)?;
        self.expect(Kind::Rbracket)?;
        let right = if self.current() == Kind::Flatten {
            Node::Identity
        } else {
            self.projection_rhs(Kind::Filter.binding_power())?
        };
        Ok(Node::FilterProjection {
            left: left.boxed(),
            right: right.boxed(),
            condition: condition.boxed(),
        })
    }

    fn index_expression(&mut self) -> Parsed {
        self.enter()?;
        if self.current() == Kind::Colon || self.token(1).kind == Kind::Colon {
            let slice = self.slice_expression()?;
            return self.leave(slice);
        }
        let node = Node::Index(self.token(0).number());
        self.advance();
        self.expect(Kind::Rbracket)?;
        self.leave(node)
    }

    fn slice_expression(&mut self) -> Parsed {
        self.enter()?;
        let mut parts = [None; 3];
        let mut index = 0;
        let mut current = self.current();
        while current != Kind::Rbracket && index < 3 {
            match current {
                Kind::Colon => {
                    index += 1;
                    if index == 3 {
                        return Err(self.error_here("syntax error"));
                    }
                    self.advance();
                }
                Kind::Number => {
                    if let Some(part) = parts.get_mut(index) {
                        *part = Some(self.token(0).number());
                    }
                    self.advance();
                }
                _ => return Err(self.error_here("syntax error")),
            }
            current = self.current();
        }
        self.expect(Kind::Rbracket)?;
        self.leave(Node::Slice(parts))
    }

    fn project_if_slice(&mut self, left: Node, right: Node) -> Parsed {
        self.enter()?;
        let is_slice = matches!(right, Node::Slice(_));
        let index_expression = Node::IndexExpression(vec![left, right]);
        if !is_slice {
            return self.leave(index_expression);
        }
        let rhs = self.projection_rhs(Kind::Star.binding_power())?;
        self.leave(Node::Projection(index_expression.boxed(), rhs.boxed()))
    }

    fn comparator(&mut self, left: Node, comparator: Comparator) -> Parsed {
        self.enter()?;
        let right = self.expression(5)?;
        self.leave(Node::Comparator(comparator, left.boxed(), right.boxed()))
    }

    fn multi_select_list(&mut self) -> Parsed {
        self.enter()?;
        let mut expressions = Vec::new();
        loop {
            expressions.push(self.expression(0)?);
            if self.current() == Kind::Rbracket {
                break;
            }
            self.expect(Kind::Comma)?;
        }
        self.expect(Kind::Rbracket)?;
        self.leave(Node::MultiSelectList(expressions))
    }

    fn multi_select_hash(&mut self) -> Parsed {
        self.enter()?;
        let mut pairs = Vec::new();
        loop {
            let key_token = self.token(0);
            if !matches!(
                key_token.kind,
                Kind::QuotedIdentifier | Kind::UnquotedIdentifier
            ) {
                return Err(self.error_maybe_eof(KEY_ALLOWED));
            }
            let key = key_token.text_value();
            self.advance();
            self.expect(Kind::Colon)?;
            let value = self.expression(0)?;
            pairs.push((key, value));
            if self.current() == Kind::Comma {
                self.expect(Kind::Comma)?;
            } else if self.current() == Kind::Rbrace {
                self.expect(Kind::Rbrace)?;
                break;
            }
        }
        self.leave(Node::MultiSelectDict(pairs))
    }

    fn projection_rhs(&mut self, binding_power: u8) -> Parsed {
        self.enter()?;
        let node = match self.current() {
            kind if kind.binding_power() < PROJECTION_STOP => Node::Identity,
            Kind::Lbracket | Kind::Filter => self.expression(binding_power)?,
            Kind::Dot => {
                self.expect(Kind::Dot)?;
                self.dot_rhs(binding_power)?
            }
            _ => return Err(self.error_here("syntax error")),
        };
        self.leave(node)
    }

    fn dot_rhs(&mut self, binding_power: u8) -> Parsed {
        self.enter()?;
        let node = match self.current() {
            Kind::QuotedIdentifier | Kind::UnquotedIdentifier | Kind::Star => {
                self.expression(binding_power)?
            }
            Kind::Lbracket => {
                self.expect(Kind::Lbracket)?;
                self.multi_select_list()?
            }
            Kind::Lbrace => {
                self.expect(Kind::Lbrace)?;
                self.multi_select_hash()?
            }
            other => {
                let message = format!("Expecting: {DOT_RHS_ALLOWED}, got: {}", other.name());
                return Err(self.error_here(&message));
            }
        };
        self.leave(node)
    }
}

/// Tokens that have a `_token_led_*` method.
fn has_led(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Dot
            | Kind::Pipe
            | Kind::Or
            | Kind::And
            | Kind::Lparen
            | Kind::Filter
            | Kind::Eq
            | Kind::Ne
            | Kind::Gt
            | Kind::Gte
            | Kind::Lt
            | Kind::Lte
            | Kind::Flatten
            | Kind::Lbracket
    )
}

// ---------------------------------------------------------------------------------
// Interpreter
// ---------------------------------------------------------------------------------

type Eval<'a> = Result<Val<'a>, QueryError>;

fn recursion_error() -> QueryError {
    QueryError::SearchFailure(RECURSION_MESSAGE.to_owned())
}

/// `jmespath.visitor.TreeInterpreter`. `frame` is the Python stack depth of the
/// `visit` call, so that nesting fails where Python raises `RecursionError`.
struct Interpreter {
    next_expref: u64,
}

impl Interpreter {
    fn visit<'a>(&mut self, node: &'a Node, value: &Val<'a>, frame: usize) -> Eval<'a> {
        // `visit` plus the `visit_<type>` method it dispatches to. Each arm is its own
        // function so that this recursive frame stays small even in debug builds.
        if frame + 1 > PY_RECURSION_LIMIT {
            return Err(recursion_error());
        }
        let child = frame + 2;
        match node {
            Node::Field(name) => Ok(field(value, name)),
            Node::Subexpression(children) | Node::IndexExpression(children) => {
                self.visit_chain(children, value, child)
            }
            Node::Pipe(left, right) => self.visit_pipe(left, right, value, child),
            Node::Index(index) => Ok(index_of(value, *index)),
            Node::Slice(parts) => slice_of(value, *parts),
            Node::Comparator(comparator, left, right) => {
                self.visit_comparator(*comparator, left, right, value, child)
            }
            Node::Current | Node::Identity => Ok(value.clone()),
            Node::Expref(expression) => {
                self.next_expref += 1;
                Ok(Val::Expref(expression, self.next_expref))
            }
            Node::Function(name, args) => self.visit_function(name, args, value, frame),
            Node::FilterProjection {
                left,
                right,
                condition,
            } => self.visit_filter(left, right, condition, value, child),
            Node::Flatten(inner) => self.visit_flatten(inner, value, child),
            Node::Literal(literal) => Ok(literal.clone()),
            Node::MultiSelectDict(pairs) => self.visit_multi_select_dict(pairs, value, child),
            Node::MultiSelectList(children) => self.visit_multi_select_list(children, value, child),
            Node::Or(left, right) => self.visit_or(left, right, value, child),
            Node::And(left, right) => self.visit_and(left, right, value, child),
            Node::Not(inner) => self.visit_not(inner, value, child),
            Node::Projection(left, right) => self.visit_projection(left, right, value, child),
            Node::ValueProjection(left, right) => {
                self.visit_value_projection(left, right, value, child)
            }
        }
    }

    fn visit_chain<'a>(&mut self, children: &'a [Node], value: &Val<'a>, frame: usize) -> Eval<'a> {
        let mut result = value.clone();
        for node in children {
            result = self.visit(node, &result, frame)?;
        }
        Ok(result)
    }

    fn visit_pipe<'a>(
        &mut self,
        left: &'a Node,
        right: &'a Node,
        value: &Val<'a>,
        frame: usize,
    ) -> Eval<'a> {
        let result = self.visit(left, value, frame)?;
        self.visit(right, &result, frame)
    }

    fn visit_comparator<'a>(
        &mut self,
        comparator: Comparator,
        left: &'a Node,
        right: &'a Node,
        value: &Val<'a>,
        frame: usize,
    ) -> Eval<'a> {
        let left = self.visit(left, value, frame)?;
        let right = self.visit(right, value, frame)?;
        match comparator {
            Comparator::Eq => Ok(Val::Bool(jmespath_equals(&left, &right))),
            Comparator::Ne => Ok(Val::Bool(!jmespath_equals(&left, &right))),
            Comparator::Order(order) => {
                let comparable = |v: &Val| v.is_actual_number() || matches!(v, Val::Str(_));
                if !(comparable(&left) && comparable(&right)) {
                    return Ok(Val::Null);
                }
                Ok(Val::Bool(order.apply(&left, &right)?))
            }
        }
    }

    fn visit_function<'a>(
        &mut self,
        name: &str,
        args: &'a [Node],
        value: &Val<'a>,
        frame: usize,
    ) -> Eval<'a> {
        let mut resolved = Vec::with_capacity(args.len());
        for arg in args {
            resolved.push(self.visit(arg, value, frame + 2)?);
        }
        self.call_function(name, resolved, frame + 1)
    }

    fn visit_filter<'a>(
        &mut self,
        left: &'a Node,
        right: &'a Node,
        condition: &'a Node,
        value: &Val<'a>,
        frame: usize,
    ) -> Eval<'a> {
        let Val::List(items) = self.visit(left, value, frame)? else {
            return Ok(Val::Null);
        };
        let mut collected = Vec::new();
        for element in items.iter() {
            if !self.visit(condition, element, frame)?.is_false() {
                let current = self.visit(right, element, frame)?;
                if !current.is_null() {
                    collected.push(current);
                }
            }
        }
        Ok(Val::List(Arc::new(collected)))
    }

    fn visit_flatten<'a>(&mut self, inner: &'a Node, value: &Val<'a>, frame: usize) -> Eval<'a> {
        let Val::List(items) = self.visit(inner, value, frame)? else {
            return Ok(Val::Null);
        };
        let mut merged = Vec::with_capacity(items.len());
        for element in items.iter() {
            match element {
                Val::List(inner_items) => merged.extend(inner_items.iter().cloned()),
                other => merged.push(other.clone()),
            }
        }
        Ok(Val::List(Arc::new(merged)))
    }

    fn visit_multi_select_dict<'a>(
        &mut self,
        pairs: &'a [(Arc<str>, Node)],
        value: &Val<'a>,
        frame: usize,
    ) -> Eval<'a> {
        if value.is_null() {
            return Ok(Val::Null);
        }
        let mut dict = Dict::default();
        for (key, node) in pairs {
            // visit(key_val_pair) -> visit_key_val_pair -> visit(node)
            let item = self.visit(node, value, frame + 2)?;
            dict.insert(Arc::clone(key), item);
        }
        Ok(Val::Dict(Arc::new(dict)))
    }

    fn visit_multi_select_list<'a>(
        &mut self,
        children: &'a [Node],
        value: &Val<'a>,
        frame: usize,
    ) -> Eval<'a> {
        if value.is_null() {
            return Ok(Val::Null);
        }
        let mut collected = Vec::with_capacity(children.len());
        for node in children {
            collected.push(self.visit(node, value, frame)?);
        }
        Ok(Val::List(Arc::new(collected)))
    }

    fn visit_or<'a>(
        &mut self,
        left: &'a Node,
        right: &'a Node,
        value: &Val<'a>,
        frame: usize,
    ) -> Eval<'a> {
        let matched = self.visit(left, value, frame)?;
        if matched.is_false() {
            return self.visit(right, value, frame);
        }
        Ok(matched)
    }

    fn visit_and<'a>(
        &mut self,
        left: &'a Node,
        right: &'a Node,
        value: &Val<'a>,
        frame: usize,
    ) -> Eval<'a> {
        let matched = self.visit(left, value, frame)?;
        if matched.is_false() {
            return Ok(matched);
        }
        self.visit(right, value, frame)
    }

    fn visit_not<'a>(&mut self, inner: &'a Node, value: &Val<'a>, frame: usize) -> Eval<'a> {
        let original = self.visit(inner, value, frame)?;
        // `!0` is false, not true: 0 is not a false value in JMESPath.
        if original.is_actual_number() && !original.py_truthy() {
            return Ok(Val::Bool(false));
        }
        Ok(Val::Bool(!original.py_truthy()))
    }

    fn visit_projection<'a>(
        &mut self,
        left: &'a Node,
        right: &'a Node,
        value: &Val<'a>,
        frame: usize,
    ) -> Eval<'a> {
        let Val::List(items) = self.visit(left, value, frame)? else {
            return Ok(Val::Null);
        };
        self.project(right, items.iter(), frame)
    }

    fn visit_value_projection<'a>(
        &mut self,
        left: &'a Node,
        right: &'a Node,
        value: &Val<'a>,
        frame: usize,
    ) -> Eval<'a> {
        let Val::Dict(dict) = self.visit(left, value, frame)? else {
            return Ok(Val::Null);
        };
        self.project(right, dict.entries.iter().map(|(_, v)| v), frame)
    }

    fn project<'a, 'v>(
        &mut self,
        right: &'a Node,
        elements: impl Iterator<Item = &'v Val<'a>>,
        frame: usize,
    ) -> Eval<'a>
    where
        'a: 'v,
    {
        let mut collected = Vec::new();
        for element in elements {
            let current = self.visit(right, element, frame)?;
            if !current.is_null() {
                collected.push(current);
            }
        }
        Ok(Val::List(Arc::new(collected)))
    }

    /// Evaluate an expression reference the way `_Expression.visit` does.
    fn visit_expref<'a>(&mut self, expref: &Val<'a>, value: &Val<'a>, frame: usize) -> Eval<'a> {
        match expref {
            Val::Expref(node, _) => self.visit(node, value, frame),
            _ => Ok(Val::Null),
        }
    }
}

fn field<'a>(value: &Val<'a>, name: &str) -> Val<'a> {
    match value {
        Val::Dict(dict) => dict.get(name).cloned().unwrap_or(Val::Null),
        _ => Val::Null,
    }
}

fn index_of<'a>(value: &Val<'a>, index: i64) -> Val<'a> {
    match value {
        Val::List(items) => py_index(items, index).cloned().unwrap_or(Val::Null),
        _ => Val::Null,
    }
}

fn slice_of<'a>(value: &Val<'a>, parts: [Option<i64>; 3]) -> Eval<'a> {
    match value {
        Val::List(items) => Ok(Val::List(Arc::new(py_slice(items, parts)?))),
        _ => Ok(Val::Null),
    }
}

/// Python `list[index]`, `None` for an `IndexError`.
fn py_index<'v, 'a>(items: &'v [Val<'a>], index: i64) -> Option<&'v Val<'a>> {
    let len = items.len() as i128;
    let index = i128::from(index);
    let position = if index < 0 { index + len } else { index };
    if position < 0 || position >= len {
        return None;
    }
    items.get(usize::try_from(position).ok()?)
}

/// Python `list[start:stop:step]`.
fn py_slice<'a>(items: &[Val<'a>], parts: [Option<i64>; 3]) -> Result<Vec<Val<'a>>, QueryError> {
    let step = i128::from(parts[2].unwrap_or(1)).max(-i128::from(i64::MAX));
    if step == 0 {
        return Err(QueryError::SearchFailure(
            "slice step cannot be zero".to_owned(),
        ));
    }
    let length = items.len() as i128;
    let adjust = |bound: Option<i64>, default_forward: i128, default_backward: i128| {
        let Some(bound) = bound else {
            return if step < 0 {
                default_backward
            } else {
                default_forward
            };
        };
        let mut bound = i128::from(bound);
        if bound < 0 {
            bound += length;
            if bound < 0 {
                bound = if step < 0 { -1 } else { 0 };
            }
        } else if bound >= length {
            bound = if step < 0 { length - 1 } else { length };
        }
        bound
    };
    let start = adjust(parts[0], 0, length - 1);
    let stop = adjust(parts[1], length, -1);
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        if let Some(item) = usize::try_from(i).ok().and_then(|k| items.get(k)) {
            out.push(item.clone());
        }
        i += step;
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------
// Functions
// ---------------------------------------------------------------------------------

/// One function of `jmespath.functions.Functions`: the allowed types of each
/// argument (empty: any) and whether the last one repeats.
struct Signature {
    name: &'static str,
    arguments: &'static [&'static [&'static str]],
    variadic: bool,
}

const fn signature(
    name: &'static str,
    arguments: &'static [&'static [&'static str]],
    variadic: bool,
) -> Signature {
    Signature {
        name,
        arguments,
        variadic,
    }
}

const FUNCTIONS: &[Signature] = &[
    signature("abs", &[&["number"]], false),
    signature("avg", &[&["array-number"]], false),
    signature("ceil", &[&["number"]], false),
    signature("contains", &[&["array", "string"], &[]], false),
    signature("ends_with", &[&["string"], &["string"]], false),
    signature("floor", &[&["number"]], false),
    signature("join", &[&["string"], &["array-string"]], false),
    signature("keys", &[&["object"]], false),
    signature("length", &[&["string", "array", "object"]], false),
    signature("map", &[&["expref"], &["array"]], false),
    signature("max", &[&["array-number", "array-string"]], false),
    signature("max_by", &[&["array"], &["expref"]], false),
    signature("merge", &[&["object"]], true),
    signature("min", &[&["array-number", "array-string"]], false),
    signature("min_by", &[&["array"], &["expref"]], false),
    signature("not_null", &[&[]], true),
    signature("reverse", &[&["array", "string"]], false),
    signature("sort", &[&["array-string", "array-number"]], false),
    signature("sort_by", &[&["array"], &["expref"]], false),
    signature("starts_with", &[&["string"], &["string"]], false),
    signature("sum", &[&["array-number"]], false),
    signature("to_array", &[&[]], false),
    signature("to_number", &[&[]], false),
    signature("to_string", &[&[]], false),
    signature("type", &[&[]], false),
    signature("values", &[&["object"]], false),
];

/// `REVERSE_TYPES_MAP`: the Python type names a JMESPath type name allows.
fn python_types(jmespath_type: &str) -> &'static [&'static str] {
    match jmespath_type {
        "boolean" => &["bool"],
        "array" => &["list", "_Projection"],
        "object" => &["dict", "OrderedDict"],
        "null" => &["NoneType"],
        "string" => &["unicode", "str"],
        "number" => &["float", "int", "long"],
        "expref" => &["_Expression"],
        _ => &[],
    }
}

/// Python `repr()` of a list of strings.
fn py_list_repr(items: &[&str]) -> String {
    let mut out = String::from("[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        py_repr_str(item, &mut out);
    }
    out.push(']');
    out
}

fn type_error(function: &str, value: &Val, actual: &str, expected: &[&str]) -> QueryError {
    QueryError::InvalidType {
        function: function.to_owned(),
        value: py_str(value),
        expected: py_list_repr(expected),
        actual: actual.to_owned(),
    }
}

/// `Functions._type_check_single`.
fn type_check(function: &str, current: &Val, types: &[&str]) -> Result<(), QueryError> {
    let mut allowed: Vec<&str> = Vec::new();
    let mut subtypes: Vec<&'static [&'static str]> = Vec::new();
    for spec in types {
        match spec.split_once('-') {
            Some((outer, inner)) => {
                subtypes.push(python_types(inner));
                allowed.extend(python_types(outer));
            }
            None => allowed.extend(python_types(spec)),
        }
    }
    let actual = current.py_type_name();
    if !allowed.contains(&actual) {
        return Err(type_error(
            function,
            current,
            current.jmespath_type(),
            types,
        ));
    }
    let Val::List(items) = current else {
        return Ok(());
    };
    if subtypes.len() == 1 {
        for element in items.iter() {
            let name = element.py_type_name();
            if !subtypes[0].contains(&name) {
                return Err(type_error(function, element, name, types));
            }
        }
    } else if subtypes.len() > 1
        && let Some(first) = items.first()
    {
        // The first element decides which of the allowed element types applies.
        let first_name = first.py_type_name();
        let Some(group) = subtypes.iter().find(|group| group.contains(&first_name)) else {
            return Err(type_error(function, first, first_name, types));
        };
        for element in items.iter() {
            let name = element.py_type_name();
            if !group.contains(&name) {
                return Err(type_error(function, element, name, types));
            }
        }
    }
    Ok(())
}

fn list_of<'v, 'a>(value: &'v Val<'a>) -> &'v [Val<'a>] {
    match value {
        Val::List(items) => items,
        _ => &[],
    }
}

fn str_of<'v>(value: &'v Val) -> &'v str {
    match value {
        Val::Str(s) => s,
        _ => "",
    }
}

/// Python `sum()` of ints and floats.
fn py_sum<'a>(items: &[Val<'a>]) -> Val<'a> {
    let mut int_total: i128 = 0;
    let mut float_total: Option<f64> = None;
    for item in items {
        match (item, float_total) {
            (Val::Int(i), Some(total)) => float_total = Some(total + *i as f64),
            (Val::Int(i), None) => match int_total.checked_add(*i) {
                Some(total) => int_total = total,
                None => float_total = Some(int_total as f64 + *i as f64),
            },
            (Val::Float(f), Some(total)) => float_total = Some(total + f),
            (Val::Float(f), None) => float_total = Some(int_total as f64 + f),
            _ => {}
        }
    }
    float_total.map_or(Val::Int(int_total), Val::Float)
}

/// A Python int from an integral float (`math.ceil`, `math.floor`).
fn int_from_whole_float<'a>(f: f64) -> Eval<'a> {
    if f.is_nan() {
        return Err(QueryError::SearchFailure(
            "cannot convert float NaN to integer".to_owned(),
        ));
    }
    if f.is_infinite() {
        return Err(QueryError::SearchFailure(
            "cannot convert float infinity to integer".to_owned(),
        ));
    }
    if f.abs() < 1.7e38 {
        Ok(Val::Int(f as i128))
    } else {
        Ok(Val::Float(f))
    }
}

/// A stable merge sort that, like Python's, only asks "is a < b?".
fn stable_sort<T: Clone>(
    items: &[T],
    less: &mut dyn FnMut(&T, &T) -> Result<bool, QueryError>,
) -> Result<Vec<T>, QueryError> {
    let mut current: Vec<T> = items.to_vec();
    let mut width = 1;
    while width < current.len() {
        let mut merged = Vec::with_capacity(current.len());
        let mut start = 0;
        while start < current.len() {
            let middle = (start + width).min(current.len());
            let end = (start + 2 * width).min(current.len());
            let (mut i, mut j) = (start, middle);
            while i < middle && j < end {
                if less(&current[j], &current[i])? {
                    merged.push(current[j].clone());
                    j += 1;
                } else {
                    merged.push(current[i].clone());
                    i += 1;
                }
            }
            merged.extend_from_slice(&current[i..middle]);
            merged.extend_from_slice(&current[j..end]);
            start = end;
        }
        current = merged;
        width *= 2;
    }
    Ok(current)
}

/// The JSON object key Python's `json.dumps` would write for a non-string dict key.
fn json_key(value: &Val) -> Arc<str> {
    match value {
        Val::Str(s) => Arc::clone(s),
        Val::Float(f) => Arc::from(json_float(*f).as_str()),
        other => {
            let mut out = String::new();
            json_dumps(other, &mut out);
            Arc::from(out.as_str())
        }
    }
}

/// Python `dict.update(other)` for a non-dict `other` (a sequence of pairs).
fn update_from_pairs<'a>(merged: &mut Dict<'a>, other: &Val<'a>) -> Result<(), QueryError> {
    let failure = |message: String| Err(QueryError::SearchFailure(message));
    let elements: Vec<Val<'a>> = match other {
        Val::List(items) => items.to_vec(),
        Val::Str(s) => s
            .chars()
            .map(|c| Val::Str(Arc::from(c.to_string().as_str())))
            .collect(),
        not_iterable => {
            return failure(format!(
                "'{}' object is not iterable",
                not_iterable.py_type_name()
            ));
        }
    };
    for (position, element) in elements.iter().enumerate() {
        let pair: Vec<Val<'a>> = match element {
            Val::List(items) => items.to_vec(),
            Val::Str(s) => s
                .chars()
                .map(|c| Val::Str(Arc::from(c.to_string().as_str())))
                .collect(),
            Val::Dict(dict) => dict
                .entries
                .iter()
                .map(|(k, _)| Val::Str(Arc::clone(k)))
                .collect(),
            _ => {
                return failure(format!(
                    "cannot convert dictionary update sequence element #{position} to a sequence"
                ));
            }
        };
        let [key, value] = pair.as_slice() else {
            return failure(format!(
                "dictionary update sequence element #{position} has length {}; 2 is required",
                pair.len()
            ));
        };
        if matches!(key, Val::List(_) | Val::Dict(_)) {
            return failure(format!("unhashable type: '{}'", key.py_type_name()));
        }
        merged.insert(json_key(key), value.clone());
    }
    Ok(())
}

impl Interpreter {
    /// `Functions.call_function`; `frame` is the depth of `visit_function_expression`.
    fn call_function<'a>(&mut self, name: &str, args: Vec<Val<'a>>, frame: usize) -> Eval<'a> {
        validate_arguments(name, &args)?;
        // call_function -> _func_<name> -> _Expression.visit -> visit
        let expref_frame = frame + 4;
        let first = args.first().cloned().unwrap_or(Val::Null);
        let second = args.get(1).cloned().unwrap_or(Val::Null);
        // The functions that evaluate an expression reference recurse; keep them out
        // of the big table so that the recursive path has small frames.
        match name {
            "map" => self.map(&first, &second, expref_frame),
            "sort_by" => self.sort_by(&first, &second, expref_frame),
            "max_by" | "min_by" => self.extreme_by(name, &first, &second, expref_frame + 1),
            _ => call_simple_function(name, args, first, second),
        }
    }

    /// `_func_map`.
    fn map<'a>(&mut self, expref: &Val<'a>, array: &Val<'a>, frame: usize) -> Eval<'a> {
        let mut result = Vec::new();
        for element in list_of(array) {
            result.push(self.visit_expref(expref, element, frame)?);
        }
        Ok(Val::List(Arc::new(result)))
    }

    /// `_func_sort_by`.
    fn sort_by<'a>(&mut self, array: &Val<'a>, expref: &Val<'a>, frame: usize) -> Eval<'a> {
        let items = list_of(array);
        let Some(first) = items.first() else {
            return Ok(array.clone());
        };
        let required = self.visit_expref(expref, first, frame)?.jmespath_type();
        if required != "number" && required != "string" {
            return Err(type_error(
                "sort_by",
                first,
                required,
                &["string", "number"],
            ));
        }
        let mut keyed = Vec::with_capacity(items.len());
        for item in items {
            let key = self.visit_expref(expref, item, frame + 1)?;
            let actual = key.jmespath_type();
            if actual != required {
                return Err(type_error("sort_by", &key, actual, &[required]));
            }
            keyed.push((key, item.clone()));
        }
        let sorted = stable_sort(&keyed, &mut |a, b| Order::Lt.apply(&a.0, &b.0))?;
        Ok(Val::List(Arc::new(
            sorted.into_iter().map(|(_, item)| item).collect(),
        )))
    }

    /// `_func_max_by` / `_func_min_by`: Python's `max(array, key=...)`.
    fn extreme_by<'a>(
        &mut self,
        name: &str,
        array: &Val<'a>,
        expref: &Val<'a>,
        frame: usize,
    ) -> Eval<'a> {
        let order = if name == "max_by" {
            Order::Gt
        } else {
            Order::Lt
        };
        let mut best: Option<(Val<'a>, &Val<'a>)> = None;
        for item in list_of(array) {
            let key = self.visit_expref(expref, item, frame)?;
            let actual = key.jmespath_type();
            if actual != "number" && actual != "string" {
                return Err(type_error(name, &key, actual, &["number", "string"]));
            }
            best = match best {
                None => Some((key, item)),
                Some((best_key, best_item)) => {
                    if order.apply(&key, &best_key)? {
                        Some((key, item))
                    } else {
                        Some((best_key, best_item))
                    }
                }
            };
        }
        Ok(best.map_or(Val::Null, |(_, item)| item.clone()))
    }
}

/// `Functions._validate_arguments`: the function exists, the argument count, the
/// argument types, in Python's order.
fn validate_arguments(name: &str, args: &[Val]) -> Result<(), QueryError> {
    let Some(signature) = FUNCTIONS.iter().find(|f| f.name == name) else {
        return Err(QueryError::UnknownFunction {
            name: name.to_owned(),
        });
    };
    let expected = signature.arguments.len();
    if signature.variadic {
        if args.len() < expected {
            return Err(QueryError::VariadicArity {
                name: name.to_owned(),
                expected,
                actual: args.len(),
            });
        }
    } else if args.len() != expected {
        return Err(QueryError::Arity {
            name: name.to_owned(),
            expected,
            actual: args.len(),
        });
    }
    for (arg, types) in args.iter().zip(signature.arguments) {
        if !types.is_empty() {
            type_check(name, arg, types)?;
        }
    }
    Ok(())
}

/// The functions that never evaluate an expression reference.
fn call_simple_function<'a>(
    name: &str,
    args: Vec<Val<'a>>,
    first: Val<'a>,
    second: Val<'a>,
) -> Eval<'a> {
    match name {
        "abs" => Ok(match first {
            Val::Int(i) => i
                .checked_abs()
                .map_or(Val::Float((i as f64).abs()), Val::Int),
            Val::Float(f) => Val::Float(f.abs()),
            other => other,
        }),
        "avg" => {
            let items = list_of(&first);
            if items.is_empty() {
                return Ok(Val::Null);
            }
            let total = match py_sum(items) {
                Val::Int(i) => i as f64,
                Val::Float(f) => f,
                _ => 0.0,
            };
            Ok(Val::Float(total / items.len() as f64))
        }
        "ceil" | "floor" => match first {
            Val::Float(f) => {
                int_from_whole_float(if name == "ceil" { f.ceil() } else { f.floor() })
            }
            other => Ok(other),
        },
        "contains" => match &first {
            Val::Str(subject) => match &second {
                Val::Str(search) => Ok(Val::Bool(subject.contains(&**search))),
                other => Err(QueryError::SearchFailure(format!(
                    "'in <string>' requires string as left operand, not {}",
                    other.py_type_name()
                ))),
            },
            _ => Ok(Val::Bool(
                list_of(&first).iter().any(|item| py_eq(item, &second)),
            )),
        },
        "ends_with" => Ok(Val::Bool(str_of(&first).ends_with(str_of(&second)))),
        "starts_with" => Ok(Val::Bool(str_of(&first).starts_with(str_of(&second)))),
        "join" => {
            let parts: Vec<&str> = list_of(&second).iter().map(str_of).collect();
            Ok(Val::Str(Arc::from(parts.join(str_of(&first)).as_str())))
        }
        "keys" | "values" => Ok(match &first {
            Val::Dict(dict) => Val::List(Arc::new(
                dict.entries
                    .iter()
                    .map(|(k, v)| {
                        if name == "keys" {
                            Val::Str(Arc::clone(k))
                        } else {
                            v.clone()
                        }
                    })
                    .collect(),
            )),
            _ => Val::Null,
        }),
        "length" => Ok(Val::Int(match &first {
            Val::Str(s) => s.chars().count() as i128,
            Val::List(items) => items.len() as i128,
            Val::Dict(dict) => dict.len() as i128,
            _ => 0,
        })),
        "max" | "min" => {
            let order = if name == "max" { Order::Gt } else { Order::Lt };
            let items = list_of(&first);
            let Some(mut best) = items.first() else {
                return Ok(Val::Null);
            };
            for item in items.iter().skip(1) {
                if order.apply(item, best)? {
                    best = item;
                }
            }
            Ok(best.clone())
        }
        "merge" => {
            let mut merged = Dict::default();
            for arg in &args {
                match arg {
                    Val::Dict(dict) => {
                        for (key, value) in &dict.entries {
                            merged.insert(Arc::clone(key), value.clone());
                        }
                    }
                    other => update_from_pairs(&mut merged, other)?,
                }
            }
            Ok(Val::Dict(Arc::new(merged)))
        }
        "not_null" => Ok(args
            .into_iter()
            .find(|arg| !arg.is_null())
            .unwrap_or(Val::Null)),
        "reverse" => Ok(match &first {
            Val::Str(s) => Val::Str(Arc::from(s.chars().rev().collect::<String>().as_str())),
            Val::List(items) => Val::List(Arc::new(items.iter().rev().cloned().collect())),
            other => other.clone(),
        }),
        "sort" => {
            let sorted = stable_sort(list_of(&first), &mut |a, b| Order::Lt.apply(a, b))?;
            Ok(Val::List(Arc::new(sorted)))
        }
        "sum" => Ok(py_sum(list_of(&first))),
        "to_array" => Ok(match first {
            Val::List(_) => first,
            other => Val::List(Arc::new(vec![other])),
        }),
        "to_number" => match &first {
            Val::Int(_) | Val::Float(_) => Ok(first),
            Val::Str(s) => Ok(py_int_from_str(s)
                .or_else(|| py_float_from_str(s).map(Val::Float))
                .unwrap_or(Val::Null)),
            Val::Expref(..) => Err(QueryError::SearchFailure(
                "int() argument must be a string, a bytes-like object or a real number, \
                 not '_Expression'"
                    .to_owned(),
            )),
            _ => Ok(Val::Null),
        },
        "to_string" => Ok(match first {
            Val::Str(_) => first,
            other => {
                let mut out = String::new();
                json_dumps(&other, &mut out);
                Val::Str(Arc::from(out.as_str()))
            }
        }),
        "type" => Ok(match first {
            Val::Expref(..) => Val::Null,
            other => Val::Str(Arc::from(other.jmespath_type())),
        }),
        _ => Err(QueryError::UnknownFunction {
            name: name.to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn compile_error(expression: &str) -> String {
        match Query::compile(expression) {
            Ok(_) => panic!("{expression:?} compiled"),
            Err(error) => error.to_string(),
        }
    }

    fn search(expression: &str, data: &Json) -> Result<String, String> {
        let query = Query::compile(expression).map_err(|e| format!("compile: {e}"))?;
        query
            .search(data)
            .map(|value| value.to_string())
            .map_err(|e| e.to_string())
    }

    fn response() -> Json {
        json!({
            "ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-a1b2c3",
            "Name": "MyTestSecret"
        })
    }

    #[test]
    fn incomplete_expression_puts_the_caret_after_the_end() {
        assert_eq!(
            compile_error("Name["),
            "Invalid jmespath expression: Incomplete expression:\n\"Name[\"\n      ^"
        );
        assert_eq!(
            compile_error(" "),
            "Invalid jmespath expression: Incomplete expression:\n\" \"\n  ^"
        );
        assert_eq!(
            compile_error("{a:b"),
            "Invalid jmespath expression: Incomplete expression:\n\"{a:b\"\n     ^"
        );
    }

    #[test]
    fn empty_expression() {
        assert_eq!(
            compile_error(""),
            "Invalid JMESPath expression: cannot be empty."
        );
    }

    #[test]
    fn lexer_errors() {
        assert_eq!(
            compile_error("Name$"),
            "Bad jmespath expression: Unknown token $:\nName$\n    ^"
        );
        assert_eq!(
            compile_error("a ="),
            "Bad jmespath expression: Unknown token '=':\na =\n  ^"
        );
        assert_eq!(
            compile_error("-"),
            "Bad jmespath expression: Unknown token '-':\n-\n^"
        );
        assert_eq!(
            compile_error("\"a"),
            "Bad jmespath expression: Unclosed \" delimiter:\n\"a\n^"
        );
        assert_eq!(
            compile_error("x.`abc"),
            "Bad jmespath expression: Unclosed ` delimiter:\nx.`abc\n  ^"
        );
        assert_eq!(
            compile_error("'abc"),
            "Bad jmespath expression: Unclosed ' delimiter:\n'abc\n^"
        );
        assert_eq!(
            compile_error("`{\"a\"`"),
            "Bad jmespath expression: Bad token {\"a\":\n`{\"a\"`\n^"
        );
        assert_eq!(
            compile_error("\"\\a\""),
            "Bad jmespath expression: Invalid \\escape:\n\"\\a\"\n^"
        );
        assert_eq!(
            compile_error("\"a\tb\""),
            "Bad jmespath expression: Invalid control character at:\n\"a\tb\"\n^"
        );
        assert_eq!(
            compile_error("\"\\u12\""),
            "Bad jmespath expression: Invalid \\uXXXX escape:\n\"\\u12\"\n^"
        );
        assert_eq!(
            compile_error("Name é"),
            "Bad jmespath expression: Unknown token é:\nName é\n     ^"
        );
    }

    #[test]
    fn parse_errors() {
        assert_eq!(
            compile_error("@@"),
            "Unexpected token: @: Parse error at column 1, token \"@\" (CURRENT), for \
             expression:\n\"@@\"\n  ^"
        );
        assert_eq!(
            compile_error("foo."),
            "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], \
             got: eof: Parse error at column 4, token \"\" (EOF), for expression:\n\"foo.\"\n     ^"
        );
        assert_eq!(
            compile_error("[1 2]"),
            "Expecting: rbracket, got: number: Parse error at column 3, token \"2\" (NUMBER), \
             for expression:\n\"[1 2]\"\n    ^"
        );
        assert_eq!(
            compile_error("a `{\"x\":1}`"),
            "Unexpected token: {'x': 1}: Parse error at column 2, token \"{'x': 1}\" (LITERAL), \
             for expression:\n\"a `{\"x\":1}`\"\n   ^"
        );
        assert_eq!(
            compile_error("{a:b,}"),
            "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: rbrace: Parse error \
             at column 5, token \"}\" (RBRACE), for expression:\n\"{a:b,}\"\n      ^"
        );
        assert_eq!(
            compile_error("a[1:"),
            "syntax error: Parse error at column 4, token \"\" (EOF), for expression:\n\"a[1:\"\n     ^"
        );
        assert_eq!(
            compile_error("\"a\"()"),
            "Quoted identifier not allowed for function names.: Parse error at column 0, token \
             \"(\" (LPAREN), for expression:\n\"\"a\"()\"\n ^"
        );
        assert_eq!(
            compile_error("@("),
            "Invalid function name '@': Parse error at column 0, token \"@\" (CURRENT), for \
             expression:\n\"@(\"\n ^"
        );
        assert_eq!(
            compile_error("a !b"),
            "invalid token: Parse error at column 2, token \"!\" (NOT), for expression:\n\"a !b\"\n   ^"
        );
        assert_eq!(
            compile_error("]"),
            "invalid token: Parse error at column 0, token \"]\" (RBRACKET), for expression:\n\"]\"\n ^"
        );
    }

    #[test]
    fn compile_failures_from_python_builtins() {
        let long = format!("[{}]", "1".repeat(4301));
        assert_eq!(
            compile_error(&long),
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 \
             digits; use sys.set_int_max_str_digits() to increase the limit"
        );
        let deep = format!("{}a{}", "(".repeat(600), ")".repeat(600));
        assert_eq!(compile_error(&deep), "maximum recursion depth exceeded");
        let deep_literal = format!("`{}{}`", "[".repeat(2000), "]".repeat(2000));
        assert_eq!(
            compile_error(&deep_literal),
            "maximum recursion depth exceeded while decoding a JSON array from a unicode string"
        );
    }

    #[test]
    fn search_errors_match_python() {
        let data = response();
        let cases = [
            ("upper(Name)", "Unknown function: upper()"),
            (
                "length(`1`)",
                "In function length(), invalid type for value: 1, expected one of: ['string', \
                 'array', 'object'], received: \"number\"",
            ),
            (
                "length(Name, Name)",
                "Expected 1 argument for function length(), received 2",
            ),
            (
                "merge()",
                "Expected at least 1 argument for function merge(), received 0",
            ),
            (
                "starts_with(Name)",
                "Expected 2 arguments for function starts_with(), received 1",
            ),
            (
                "sum(`[true]`)",
                "In function sum(), invalid type for value: True, expected one of: \
                 ['array-number'], received: \"bool\"",
            ),
            (
                "max(`[1, \"a\"]`)",
                "In function max(), invalid type for value: a, expected one of: \
                 ['array-number', 'array-string'], received: \"str\"",
            ),
            (
                "Name < `1`",
                "'<' not supported between instances of 'str' and 'int'",
            ),
            (
                "contains(Name, `1`)",
                "'in <string>' requires string as left operand, not int",
            ),
            ("`[1]`[::0]", "slice step cannot be zero"),
            ("ceil(`1e400`)", "cannot convert float infinity to integer"),
            ("merge(`{}`, `1`)", "'int' object is not iterable"),
            (
                "min_by(`[{\"a\":1},{\"a\":\"x\"}]`, &a)",
                "'<' not supported between instances of 'str' and 'int'",
            ),
            (
                "sort_by(`[{\"a\":[]},{\"a\":\"x\"}]`, &a)",
                "In function sort_by(), invalid type for value: {'a': []}, expected one of: \
                 ['string', 'number'], received: \"array\"",
            ),
            ("&Name", "Encountered unrecognized type in JSON encoder."),
        ];
        for (expression, expected) in cases {
            assert_eq!(
                search(expression, &data),
                Err(expected.to_owned()),
                "{expression}"
            );
        }
    }

    #[test]
    fn results_match_python() {
        let data = response();
        let cases = [
            ("Name", "\"MyTestSecret\""),
            ("length(Name)", "12"),
            (
                "{n:Name, a:ARN}",
                "{\"n\":\"MyTestSecret\",\"a\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-a1b2c3\"}",
            ),
            (
                "{z:Name, a:Name, m:Name}",
                "{\"z\":\"MyTestSecret\",\"a\":\"MyTestSecret\",\"m\":\"MyTestSecret\"}",
            ),
            ("keys(@)", "[\"ARN\",\"Name\"]"),
            ("NoSuchKey", "null"),
            ("avg(`[1, 2, 3]`)", "2.0"),
            ("sum(`[1, 2]`)", "3"),
            ("ceil(`1.5`)", "2"),
            ("`[1]` == `[true]`", "true"),
            ("`1` == `true`", "false"),
            ("contains(`[1]`, `true`)", "true"),
            ("not_null(a b Name)", "\"MyTestSecret\""),
            (
                "{a:Name b:Name}",
                "{\"a\":\"MyTestSecret\",\"b\":\"MyTestSecret\"}",
            ),
            (
                "to_string(`[1.0, 1e16, \"é\"]`)",
                "\"[1.0,1e+16,\\\"\\\\u00e9\\\"]\"",
            ),
            ("to_number('1_000')", "1000"),
            ("to_number('1e3')", "1000.0"),
            ("max(`[1, 1.0]`)", "1"),
            ("sort(`[3, 1.0, 1, 2]`)", "[1.0,1,2,3]"),
            ("`[[0,1,2],[3,4]]`[0][1:2].b", "null"),
            (
                "merge(`{}`, `[[\"a\", 1], \"bc\"]`)",
                "{\"a\":1,\"b\":\"c\"}",
            ),
            ("`foo`", "\"foo\""),
            ("!`0`", "false"),
        ];
        for (expression, expected) in cases {
            assert_eq!(
                search(expression, &data),
                Ok(expected.to_owned()),
                "{expression}"
            );
        }
    }

    #[test]
    fn hash_keys_keep_query_order_when_serialized() {
        let query = Query::compile("{z:Name, a:ARN}").expect("valid");
        let result = query.search(&response()).expect("searchable");
        let keys: Vec<&String> = result.as_object().expect("object").keys().collect();
        assert_eq!(keys, ["z", "a"]);
    }

    #[test]
    fn python_float_repr() {
        let cases = [
            (1.0, "1.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (-2.5, "-2.5"),
            (0.1 + 0.2, "0.30000000000000004"),
            (123456789.125, "123456789.125"),
            (1.5e300, "1.5e+300"),
            (-0.0, "-0.0"),
        ];
        for (value, expected) in cases {
            assert_eq!(py_float_repr(value), expected);
        }
    }

    #[test]
    fn deep_nesting_fails_without_overflowing() {
        let handle = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(|| {
                let chain = format!("a{}", "|a".repeat(200_000));
                let query = Query::compile(&chain).expect("a pipe chain parses");
                let result = query.search(&json!({"a": {"a": 1}}));
                assert_eq!(
                    result.map_err(|e| e.to_string()),
                    Err("maximum recursion depth exceeded".to_owned())
                );
                let brackets = format!("{}a{}", "[".repeat(100_000), "]".repeat(100_000));
                assert_eq!(compile_error(&brackets), "maximum recursion depth exceeded");
            })
            .expect("thread");
        assert!(handle.join().is_ok());
    }

    #[test]
    fn query_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Query>();
        assert_send_sync::<QueryError>();
    }
}

//! `--output table`: a byte-for-byte port of the AWS CLI's table formatter
//! (`TableFormatter` in `awscli/formatter.py` building an `awscli/table.py`
//! `MultiTable`), including its colour output.
//!
//! The CLI's layout rules are quirky (column widths scaled with banker's
//! rounding, single-row tables turned vertical when too wide, East Asian
//! ambiguous characters counted as two columns, values written raw even when
//! they contain newlines), so this module mirrors the Python algorithm step by
//! step: a build phase that turns the JSON value into sections exactly as
//! `_build_table` does (raising the same errors on shapes the CLI chokes on),
//! and a render phase that reproduces `MultiTable.render`.
//!
//! Colour reproduces what colorama (0.4.6, `autoreset=True, strip=False`)
//! makes of the CLI's writes:
//!
//! * every `write()` the CLI makes to the wrapped `sys.stdout` is followed by
//!   `ESC[0m` (autoreset), and the table is written in many small writes (the
//!   indentation, the line, the right indentation and the newline separately);
//! * the table printed for `--cli-error-format table` (title `error`) goes to a
//!   `stderr` object captured *before* colorama wrapped the streams, so it gets
//!   the styled cells but no autoreset sequences;
//! * colorama's exit handler writes one more `ESC[0m` to stdout when stdout is
//!   a terminal.  For success output that lands at the end of this table; for
//!   the error table it goes to stdout, which the caller must write itself.

use super::text::{
    MAX_NESTING, RECURSION_MESSAGE, in_ranges, is_scalar, python_str, python_truthy,
    python_type_name, sorted_entries,
};
use serde_json::{Map, Value};
use std::io::{self, Write};

/// How the table is styled; mirrors the CLI's `--color` handling and colorama's behaviour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableStyle {
    /// true for `--color on`, or `--color auto` with stdout a terminal
    pub color: bool,
    /// whether stdout is a terminal (colorama's autoreset/wrapping differs; see cases below)
    pub stdout_is_tty: bool,
    /// whether the output goes to a pager: colorama does not wrap the pager's
    /// stdin, so no per-write resets are added (the exit-time reset still is)
    pub paged: bool,
}

/// The title the CLI gives the table of `--cli-error-format table`.
const ERROR_TITLE: &str = "error";

const RESET_ALL: &str = "\x1b[0m";
/// `Style.BRIGHT + Fore.BLUE`, used for every row cell.
const ROW_ELEMENT_STYLE: &str = "\x1b[1m\x1b[34m";
/// `Style.DIM + Fore.YELLOW + '|' + Style.RESET_ALL`, the indentation bar.
const STYLED_INDENT: &str = "\x1b[2m\x1b[33m|\x1b[0m";

/// `--output table`: the CLI's TableFormatter/MultiTable. `title` is the operation name
/// ("UpdateSecretVersionStage"), or "error" for `--cli-error-format table`.
/// `terminal_width` is the width of stdout when it is a tty, else 80.
///
/// A falsy value (`null`, `false`, `0`, `""`, `[]`, `{}`) prints no table.
/// When colour is on and stdout is a terminal, colorama's exit-time `ESC[0m`
/// is appended for success output (any title but `error`) in every case, even
/// when no table is printed or an error is returned; for the error table the
/// caller must write that `ESC[0m` to stdout itself.
///
/// On a value the CLI itself cannot tabulate (e.g. a list starting with a dict
/// but holding non-dicts, or rows of differing lengths) nothing is written and
/// an `InvalidData` error carrying Python's exception message is returned.
pub fn render_table(
    value: &Value,
    title: &str,
    terminal_width: usize,
    style: TableStyle,
    out: &mut dyn Write,
) -> io::Result<()> {
    let is_error_table = title == ERROR_TITLE;
    // colorama's exit handler resets a terminal stdout whenever the formatter
    // initialised colorama, whatever was (or was not) printed.
    let exit_reset = style.color && style.stdout_is_tty && !is_error_table;
    let mut table = MultiTable::default();
    let built = match table.build_table(Some(title), value, 0, 0) {
        Ok(built) => built,
        Err(message) => {
            if exit_reset {
                out.write_all(RESET_ALL.as_bytes())?;
            }
            return Err(io::Error::new(io::ErrorKind::InvalidData, message));
        }
    };
    let mut sink = Sink {
        buf: String::new(),
        autoreset: style.color && !is_error_table && !style.paged,
    };
    if built {
        table.render(
            i64::try_from(terminal_width).unwrap_or(i64::MAX),
            style.color,
            &mut sink,
        );
    }
    if exit_reset {
        sink.buf.push_str(RESET_ALL);
    }
    out.write_all(sink.buf.as_bytes())
}

/// Display width as the CLI measures it (`get_text_length`): one column per
/// code point, two for East Asian Wide, Fullwidth and Ambiguous ones.
fn text_length(text: &str) -> i64 {
    text.chars()
        .map(|c| {
            if in_ranges(&WIDE_RANGES, c as u32) {
                2
            } else {
                1
            }
        })
        .sum()
}

/// `text_length` of a section title; Python measures `str(None)` for a
/// missing title.
fn title_length(title: Option<&str>) -> i64 {
    text_length(title.unwrap_or("None"))
}

/// Python's `' ' * n`, which is empty for negative `n`.
fn push_repeated(out: &mut String, s: &str, n: i64) {
    for _ in 0..n.max(0) {
        out.push_str(s);
    }
}

/// `center_text`: `text` centred in `length` columns between the edges.
fn center_text(
    text: &str,
    length: i64,
    left_edge: &str,
    right_edge: &str,
    text_len: i64,
) -> String {
    let mut out = String::new();
    let char_start = length.div_euclid(2) - text_len.div_euclid(2) - 1;
    out.push_str(left_edge);
    push_repeated(&mut out, " ", char_start);
    out.push_str(text);
    let length_so_far = text_length(left_edge) + char_start + text_len;
    let right_side_spaces = length - text_length(right_edge) - length_so_far;
    push_repeated(&mut out, " ", right_side_spaces);
    out.push_str(right_edge);
    out
}

/// `align_left` with the CLI's left padding of two spaces.
fn align_left(text: &str, length: i64, left_edge: &str, right_edge: &str, text_len: i64) -> String {
    const LEFT_PADDING: i64 = 2;
    let left_len = text_length(left_edge);
    let right_len = text_length(right_edge);
    let computed_length = text_len + LEFT_PADDING + left_len + right_len;
    let padding = if length - computed_length >= 0 {
        LEFT_PADDING
    } else {
        0
    };
    let mut out = String::new();
    out.push_str(left_edge);
    push_repeated(&mut out, " ", padding);
    out.push_str(text);
    let length_so_far = left_len + padding + text_len;
    push_repeated(&mut out, " ", length - length_so_far - right_len);
    out.push_str(right_edge);
    out
}

/// The output buffer, standing in for the (possibly colorama-wrapped) stream.
struct Sink {
    buf: String,
    /// colorama's autoreset: `ESC[0m` after every write.
    autoreset: bool,
}

impl Sink {
    fn write(&mut self, text: &str) {
        self.buf.push_str(text);
        if self.autoreset {
            self.buf.push_str(RESET_ALL);
        }
    }

    /// `IndentedStream.write`: indentation bars on both sides of a line.
    fn write_indented(&mut self, indent: &str, text: &str) {
        self.write(indent);
        match text.strip_suffix('\n') {
            Some(line) => {
                self.write(line);
                self.write(indent);
                self.write("\n");
            }
            None => self.write(text),
        }
    }
}

/// One `Section` of a `MultiTable`.
#[derive(Debug, Default, Clone)]
struct Section {
    /// `None` is Python's `None` title (sections opened by nested lists).
    title: Option<String>,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent_level: usize,
    num_cols: Option<usize>,
    max_widths: Vec<i64>,
}

impl Section {
    fn add_header(&mut self, headers: Vec<String>) -> Result<(), String> {
        self.update_max_widths(&headers)?;
        if self.num_cols.is_none() {
            self.num_cols = Some(headers.len());
        }
        self.headers = headers;
        Ok(())
    }

    fn add_row(&mut self, row: Vec<String>) -> Result<(), String> {
        let num_cols = *self.num_cols.get_or_insert(row.len());
        if row.len() != num_cols {
            return Err(format!(
                "Row should have {num_cols} elements, instead it has {}",
                row.len()
            ));
        }
        self.update_max_widths(&row)?;
        self.rows.push(row);
        Ok(())
    }

    fn update_max_widths(&mut self, row: &[String]) -> Result<(), String> {
        if self.max_widths.is_empty() {
            self.max_widths = row.iter().map(|el| text_length(el)).collect();
            return Ok(());
        }
        for (i, el) in row.iter().enumerate() {
            let Some(slot) = self.max_widths.get_mut(i) else {
                return Err("list index out of range".to_string());
            };
            *slot = (*slot).max(text_length(el));
        }
        Ok(())
    }

    /// `calculate_column_widths(padding=4, max_width=...)`: the columns scaled
    /// so that they add up to exactly `max_width`.
    fn column_widths(&self, max_width: i64) -> Vec<i64> {
        const PADDING: i64 = 4;
        let unscaled: Vec<i64> = self.max_widths.iter().map(|w| w + PADDING).collect();
        if unscaled.is_empty() {
            return unscaled;
        }
        let total: i64 = unscaled.iter().sum();
        let scale_factor = max_width as f64 / total as f64;
        let mut scaled: Vec<i64> = unscaled
            .iter()
            .map(|&w| (scale_factor * w as f64).round_ties_even() as i64)
            .collect();
        let mut off_by: i64 = scaled.iter().sum::<i64>() - max_width;
        let n = scaled.len();
        while off_by != 0 {
            for step in 0..n {
                let i = if off_by < 0 { n - 1 - step } else { step };
                if off_by > 0 {
                    scaled[i] -= 1;
                    off_by -= 1;
                } else {
                    scaled[i] += 1;
                    off_by += 1;
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled
    }

    /// `total_width(padding=4, with_border=True, outer_padding=indent_level)`.
    fn total_width(&self) -> i64 {
        let outer = 2 * self.indent_level as i64;
        let columns: i64 = self.max_widths.iter().map(|w| w + 4).sum::<i64>() + 2 + outer;
        columns.max(title_length(self.title.as_deref()) + 2 + outer)
    }
}

/// The CLI's `MultiTable` (created with `initial_section=False`).
#[derive(Debug, Default)]
struct MultiTable {
    sections: Vec<Section>,
}

impl MultiTable {
    fn current(&mut self) -> Result<&mut Section, String> {
        self.sections
            .last_mut()
            .ok_or_else(|| "'NoneType' object has no attribute 'add_row'".to_string())
    }

    fn new_section(&mut self, title: Option<&str>, indent_level: usize) {
        self.sections.push(Section {
            title: title.map(str::to_string),
            indent_level,
            ..Section::default()
        });
    }

    fn add_row(&mut self, row: Vec<String>) -> Result<(), String> {
        self.current()?.add_row(row)
    }

    fn add_row_header(&mut self, headers: Vec<String>) -> Result<(), String> {
        self.current()?.add_header(headers)
    }

    /// `TableFormatter._build_table`.
    fn build_table(
        &mut self,
        title: Option<&str>,
        current: &Value,
        indent_level: usize,
        depth: usize,
    ) -> Result<bool, String> {
        if depth > MAX_NESTING {
            return Err(RECURSION_MESSAGE.to_string());
        }
        if !python_truthy(current) {
            return Ok(false);
        }
        if title.is_some() {
            self.new_section(title, indent_level);
        }
        match current {
            Value::Array(items) => {
                if items.first().is_some_and(Value::is_object) {
                    self.build_sub_table_from_list(items, indent_level, title, depth)?;
                } else {
                    for item in items {
                        match item {
                            Value::Object(map) => {
                                // `all(...)` over a dict walks its keys, which
                                // are scalars, so the keys become the row.
                                self.add_row(map.keys().cloned().collect())?;
                            }
                            Value::Array(elements) if elements.iter().all(is_scalar) => {
                                let row = elements
                                    .iter()
                                    .map(python_str)
                                    .collect::<Result<Vec<_>, _>>()?;
                                self.add_row(row)?;
                            }
                            Value::Array(_) => {
                                self.build_table(None, item, 0, depth + 1)?;
                            }
                            scalar => self.add_row(vec![python_str(scalar)?])?,
                        }
                    }
                }
            }
            Value::Object(map) => self.build_sub_table_from_dict(map, indent_level, depth)?,
            _ => {}
        }
        Ok(true)
    }

    fn build_sub_table_from_dict(
        &mut self,
        current: &Map<String, Value>,
        indent_level: usize,
        depth: usize,
    ) -> Result<(), String> {
        let (headers, more) = group_scalar_keys(current);
        if let [only] = headers.as_slice() {
            let value = current.get(*only).map(python_str).transpose()?;
            self.add_row(vec![(*only).to_string(), value.unwrap_or_default()])?;
        } else if !headers.is_empty() {
            let mut row = Vec::with_capacity(headers.len());
            for key in &headers {
                row.push(
                    current
                        .get(*key)
                        .map(python_str)
                        .transpose()?
                        .unwrap_or_default(),
                );
            }
            self.add_row_header(headers.iter().map(|k| (*k).to_string()).collect())?;
            self.add_row(row)?;
        }
        for key in more {
            if let Some(value) = current.get(key) {
                self.build_table(Some(key), value, indent_level + 1, depth + 1)?;
            }
        }
        Ok(())
    }

    /// `_build_sub_table_from_list`, for a list whose first element is a dict.
    ///
    /// The CLI assumes every element is a dict; other elements make it raise
    /// (or, with no scalar keys at all, slip through as empty rows), and this
    /// follows it step by step so that the same shapes fail or print.
    fn build_sub_table_from_list(
        &mut self,
        current: &[Value],
        indent_level: usize,
        title: Option<&str>,
        depth: usize,
    ) -> Result<(), String> {
        let (headers, more) = group_scalar_keys_from_list(current)?;
        let header_row: Vec<String> = headers.iter().map(|h| (*h).to_string()).collect();
        self.add_row_header(header_row.clone())?;
        for (index, element) in current.iter().enumerate() {
            if index > 0 && !more.is_empty() {
                self.new_section(title, indent_level);
                self.add_row_header(header_row.clone())?;
            }
            let Value::Object(element) = element else {
                // `element.get(header, '')` only runs when there are headers.
                if !headers.is_empty() {
                    return Err(format!(
                        "'{}' object has no attribute 'get'",
                        python_type_name(element)
                    ));
                }
                self.add_row(Vec::new())?;
                // `remaining in element` is a membership test on a list and a
                // substring test on a (necessarily empty) string; a hit is
                // then indexed with a str key, which raises.
                for key in &more {
                    match element {
                        Value::Array(items) if items.iter().any(|v| v.as_str() == Some(*key)) => {
                            return Err(
                                "list indices must be integers or slices, not str".to_string()
                            );
                        }
                        Value::String(s) if s.contains(*key) => {
                            return Err("string indices must be integers, not 'str'".to_string());
                        }
                        _ => {}
                    }
                }
                continue;
            };
            let mut row = Vec::with_capacity(headers.len());
            for header in &headers {
                row.push(
                    element
                        .get(*header)
                        .map(python_str)
                        .transpose()?
                        .unwrap_or_default(),
                );
            }
            self.add_row(row)?;
            for key in &more {
                if let Some(value) = element.get(*key) {
                    self.build_table(Some(key), value, indent_level + 1, depth + 1)?;
                }
            }
        }
        Ok(())
    }

    /// `MultiTable.render`.
    fn render(&mut self, terminal_width: i64, color: bool, sink: &mut Sink) {
        let mut max_width = self.max_width();
        if max_width > terminal_width {
            self.convert_to_vertical();
            max_width = self.max_width();
        }
        let mut line = String::new();
        push_repeated(&mut line, "-", max_width);
        line.push('\n');
        sink.write(&line);
        let indent_char = if color { STYLED_INDENT } else { "|" };
        for section in &self.sections {
            let indent = indent_char.repeat(section.indent_level);
            let width = max_width - 2 * section.indent_level as i64;
            render_section(section, width, color, &indent, sink);
        }
    }

    fn max_width(&self) -> i64 {
        self.sections
            .iter()
            .map(Section::total_width)
            .max()
            .unwrap_or(0)
    }

    /// `convert_to_vertical_table`: every single-row section with headers
    /// becomes a two-column `header | value` section.
    fn convert_to_vertical(&mut self) {
        for section in &mut self.sections {
            if section.rows.len() != 1 || section.headers.is_empty() {
                continue;
            }
            let mut vertical = Section {
                title: section.title.clone(),
                indent_level: section.indent_level,
                ..Section::default()
            };
            for (header, element) in section.headers.iter().zip(&section.rows[0]) {
                // Two-element rows always fit a fresh two-column section.
                let _ = vertical.add_row(vec![header.clone(), element.clone()]);
            }
            *section = vertical;
        }
    }
}

/// `_group_scalar_keys`: the sorted keys holding scalars, and the sorted rest.
fn group_scalar_keys(current: &Map<String, Value>) -> (Vec<&str>, Vec<&str>) {
    let mut headers = Vec::new();
    let mut more = Vec::new();
    for (key, value) in sorted_entries(current) {
        if is_scalar(value) {
            headers.push(key);
        } else {
            more.push(key);
        }
    }
    (headers, more)
}

/// `_group_scalar_keys_from_list`: the sorted union of the scalar keys and of
/// the other keys of the elements.
///
/// `_group_scalar_keys` walks an element with `for k in item: item[k]`, which
/// only works on dicts, empty strings and lists of in-range integers (whose
/// "keys" are then integers, which cannot be sorted together with strings and
/// can never be looked up later).  The errors are Python's messages.
fn group_scalar_keys_from_list(current: &[Value]) -> Result<(Vec<&str>, Vec<&str>), String> {
    let mut headers: Vec<&str> = Vec::new();
    let mut more: Vec<&str> = Vec::new();
    // The Python type of a list element used as a key ("int" or "bool").
    let mut int_headers: Option<&'static str> = None;
    let mut int_more: Option<&'static str> = None;
    for item in current {
        match item {
            Value::Object(map) => {
                let (h, m) = group_scalar_keys(map);
                headers.extend(h);
                more.extend(m);
            }
            Value::Array(elements) => {
                for element in elements {
                    let kind = Some(python_type_name(element));
                    match list_index(elements, element)? {
                        value if is_scalar(value) => int_headers = int_headers.or(kind),
                        _ => int_more = int_more.or(kind),
                    }
                }
            }
            Value::String(s) => {
                if !s.is_empty() {
                    return Err("string indices must be integers, not 'str'".to_string());
                }
            }
            other => {
                return Err(format!(
                    "'{}' object is not iterable",
                    python_type_name(other)
                ));
            }
        }
    }
    headers.sort_unstable();
    headers.dedup();
    more.sort_unstable();
    more.dedup();
    // Sorting a set holding both str and int keys fails; which operand comes
    // first depends on Python's (randomised) string hashing.
    for (ints, strs) in [(int_headers, &headers), (int_more, &more)] {
        if let Some(kind) = ints.filter(|_| !strs.is_empty()) {
            return Err(format!(
                "'<' not supported between instances of 'str' and '{kind}'"
            ));
        }
    }
    if int_headers.is_some() {
        // Integer headers: the first non-dict element fails on `.get`.
        if let Some(other) = current.iter().find(|v| !v.is_object()) {
            return Err(format!(
                "'{}' object has no attribute 'get'",
                python_type_name(other)
            ));
        }
    }
    Ok((headers, more))
}

/// Python's `items[index]` for a JSON value used as a list index.
fn list_index<'a>(items: &'a [Value], index: &Value) -> Result<&'a Value, String> {
    let index = match index {
        Value::Bool(b) => i64::from(*b),
        Value::Number(n) if python_type_name(index) == "int" => match n.as_i64() {
            Some(i) => i,
            None => return Err("cannot fit 'int' into an index-sized integer".to_string()),
        },
        other => {
            return Err(format!(
                "list indices must be integers or slices, not {}",
                python_type_name(other)
            ));
        }
    };
    let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
    let resolved = if index < 0 {
        index.saturating_add(len)
    } else {
        index
    };
    usize::try_from(resolved)
        .ok()
        .and_then(|i| items.get(i))
        .ok_or_else(|| "list index out of range".to_string())
}

/// `MultiTable._render_section`.
fn render_section(section: &Section, max_width: i64, color: bool, indent: &str, sink: &mut Sink) {
    // Title.
    if let Some(title) = section.title.as_deref().filter(|t| !t.is_empty()) {
        let mut line = center_text(title, max_width, "|", "|", text_length(title));
        line.push('\n');
        sink.write_indented(indent, &line);
        if section.headers.is_empty() && section.rows.is_empty() {
            let mut border = String::from("+");
            push_repeated(&mut border, "-", max_width - 2);
            border.push_str("+\n");
            sink.write_indented(indent, &border);
        }
    }
    // Column titles.
    if !section.headers.is_empty() {
        let widths = section.column_widths(max_width);
        let mut line = String::new();
        for (i, (&width, header)) in widths.iter().zip(&section.headers).enumerate() {
            let left_edge = if i == 0 { "|" } else { "" };
            line.push_str(&center_text(
                header,
                width,
                left_edge,
                "|",
                text_length(header),
            ));
        }
        line.push('\n');
        sink.write_indented(indent, &line_break(&widths));
        sink.write_indented(indent, &line);
    }
    // Rows.
    if section.rows.is_empty() {
        return;
    }
    let widths = section.column_widths(max_width);
    if widths.is_empty() {
        return;
    }
    sink.write_indented(indent, &line_break(&widths));
    for row in &section.rows {
        let mut line = String::new();
        for (i, (&width, element)) in widths.iter().zip(row).enumerate() {
            let left_edge = if i == 0 { "|" } else { "" };
            let styled;
            let text = if color {
                styled = format!("{ROW_ELEMENT_STYLE}{element}{RESET_ALL}");
                styled.as_str()
            } else {
                element.as_str()
            };
            line.push_str(&align_left(
                text,
                width,
                left_edge,
                "|",
                text_length(element),
            ));
        }
        line.push('\n');
        sink.write_indented(indent, &line);
    }
    sink.write_indented(indent, &line_break(&widths));
}

/// `_write_line_break`: `+-----+------+\n`.
fn line_break(widths: &[i64]) -> String {
    let mut out = String::new();
    for (i, &width) in widths.iter().enumerate() {
        if i == 0 {
            out.push('+');
            push_repeated(&mut out, "-", width - 2);
        } else {
            push_repeated(&mut out, "-", width - 1);
        }
        out.push('+');
    }
    out.push('\n');
    out
}

// Code points the CLI counts as two columns wide, as flattened inclusive
// [start, end] pairs: `unicodedata.east_asian_width(c) in 'WFA'`.  Generated
// from the Unicode 16.0.0 database (the one in CPython 3.14, which AWS CLI v2
// 2.36.7 bundles) with the `unicodedata2==16.0.0` package, over all code
// points, merged into ranges.
#[rustfmt::skip]
const WIDE_RANGES: [u32; 552] = [
    0xA1, 0xA1, 0xA4, 0xA4, 0xA7, 0xA8, 0xAA, 0xAA, 0xAD, 0xAE, 0xB0, 0xB4,
    0xB6, 0xBA, 0xBC, 0xBF, 0xC6, 0xC6, 0xD0, 0xD0, 0xD7, 0xD8, 0xDE, 0xE1,
    0xE6, 0xE6, 0xE8, 0xEA, 0xEC, 0xED, 0xF0, 0xF0, 0xF2, 0xF3, 0xF7, 0xFA,
    0xFC, 0xFC, 0xFE, 0xFE, 0x101, 0x101, 0x111, 0x111, 0x113, 0x113, 0x11B, 0x11B,
    0x126, 0x127, 0x12B, 0x12B, 0x131, 0x133, 0x138, 0x138, 0x13F, 0x142, 0x144, 0x144,
    0x148, 0x14B, 0x14D, 0x14D, 0x152, 0x153, 0x166, 0x167, 0x16B, 0x16B, 0x1CE, 0x1CE,
    0x1D0, 0x1D0, 0x1D2, 0x1D2, 0x1D4, 0x1D4, 0x1D6, 0x1D6, 0x1D8, 0x1D8, 0x1DA, 0x1DA,
    0x1DC, 0x1DC, 0x251, 0x251, 0x261, 0x261, 0x2C4, 0x2C4, 0x2C7, 0x2C7, 0x2C9, 0x2CB,
    0x2CD, 0x2CD, 0x2D0, 0x2D0, 0x2D8, 0x2DB, 0x2DD, 0x2DD, 0x2DF, 0x2DF, 0x300, 0x36F,
    0x391, 0x3A1, 0x3A3, 0x3A9, 0x3B1, 0x3C1, 0x3C3, 0x3C9, 0x401, 0x401, 0x410, 0x44F,
    0x451, 0x451, 0x1100, 0x115F, 0x2010, 0x2010, 0x2013, 0x2016, 0x2018, 0x2019, 0x201C, 0x201D,
    0x2020, 0x2022, 0x2024, 0x2027, 0x2030, 0x2030, 0x2032, 0x2033, 0x2035, 0x2035, 0x203B, 0x203B,
    0x203E, 0x203E, 0x2074, 0x2074, 0x207F, 0x207F, 0x2081, 0x2084, 0x20AC, 0x20AC, 0x2103, 0x2103,
    0x2105, 0x2105, 0x2109, 0x2109, 0x2113, 0x2113, 0x2116, 0x2116, 0x2121, 0x2122, 0x2126, 0x2126,
    0x212B, 0x212B, 0x2153, 0x2154, 0x215B, 0x215E, 0x2160, 0x216B, 0x2170, 0x2179, 0x2189, 0x2189,
    0x2190, 0x2199, 0x21B8, 0x21B9, 0x21D2, 0x21D2, 0x21D4, 0x21D4, 0x21E7, 0x21E7, 0x2200, 0x2200,
    0x2202, 0x2203, 0x2207, 0x2208, 0x220B, 0x220B, 0x220F, 0x220F, 0x2211, 0x2211, 0x2215, 0x2215,
    0x221A, 0x221A, 0x221D, 0x2220, 0x2223, 0x2223, 0x2225, 0x2225, 0x2227, 0x222C, 0x222E, 0x222E,
    0x2234, 0x2237, 0x223C, 0x223D, 0x2248, 0x2248, 0x224C, 0x224C, 0x2252, 0x2252, 0x2260, 0x2261,
    0x2264, 0x2267, 0x226A, 0x226B, 0x226E, 0x226F, 0x2282, 0x2283, 0x2286, 0x2287, 0x2295, 0x2295,
    0x2299, 0x2299, 0x22A5, 0x22A5, 0x22BF, 0x22BF, 0x2312, 0x2312, 0x231A, 0x231B, 0x2329, 0x232A,
    0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3, 0x2460, 0x24E9, 0x24EB, 0x254B, 0x2550, 0x2573,
    0x2580, 0x258F, 0x2592, 0x2595, 0x25A0, 0x25A1, 0x25A3, 0x25A9, 0x25B2, 0x25B3, 0x25B6, 0x25B7,
    0x25BC, 0x25BD, 0x25C0, 0x25C1, 0x25C6, 0x25C8, 0x25CB, 0x25CB, 0x25CE, 0x25D1, 0x25E2, 0x25E5,
    0x25EF, 0x25EF, 0x25FD, 0x25FE, 0x2605, 0x2606, 0x2609, 0x2609, 0x260E, 0x260F, 0x2614, 0x2615,
    0x261C, 0x261C, 0x261E, 0x261E, 0x2630, 0x2637, 0x2640, 0x2640, 0x2642, 0x2642, 0x2648, 0x2653,
    0x2660, 0x2661, 0x2663, 0x2665, 0x2667, 0x266A, 0x266C, 0x266D, 0x266F, 0x266F, 0x267F, 0x267F,
    0x268A, 0x268F, 0x2693, 0x2693, 0x269E, 0x269F, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BF,
    0x26C4, 0x26E1, 0x26E3, 0x26E3, 0x26E8, 0x26FF, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728,
    0x273D, 0x273D, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2776, 0x277F,
    0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B59,
    0x2E80, 0x2E99, 0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x2FF0, 0x303E, 0x3041, 0x3096, 0x3099, 0x30FF,
    0x3105, 0x312F, 0x3131, 0x318E, 0x3190, 0x31E5, 0x31EF, 0x321E, 0x3220, 0xA48C, 0xA490, 0xA4C6,
    0xA960, 0xA97C, 0xAC00, 0xD7A3, 0xE000, 0xFAFF, 0xFE00, 0xFE19, 0xFE30, 0xFE52, 0xFE54, 0xFE66,
    0xFE68, 0xFE6B, 0xFF01, 0xFF60, 0xFFE0, 0xFFE6, 0xFFFD, 0xFFFD, 0x16FE0, 0x16FE4, 0x16FF0, 0x16FF1,
    0x17000, 0x187F7, 0x18800, 0x18CD5, 0x18CFF, 0x18D08, 0x1AFF0, 0x1AFF3, 0x1AFF5, 0x1AFFB, 0x1AFFD, 0x1AFFE,
    0x1B000, 0x1B122, 0x1B132, 0x1B132, 0x1B150, 0x1B152, 0x1B155, 0x1B155, 0x1B164, 0x1B167, 0x1B170, 0x1B2FB,
    0x1D300, 0x1D356, 0x1D360, 0x1D376, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F100, 0x1F10A, 0x1F110, 0x1F12D,
    0x1F130, 0x1F169, 0x1F170, 0x1F1AC, 0x1F200, 0x1F202, 0x1F210, 0x1F23B, 0x1F240, 0x1F248, 0x1F250, 0x1F251,
    0x1F260, 0x1F265, 0x1F300, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393, 0x1F3A0, 0x1F3CA,
    0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440, 0x1F442, 0x1F4FC,
    0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A, 0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4,
    0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7, 0x1F6DC, 0x1F6DF,
    0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A, 0x1F93C, 0x1F945,
    0x1F947, 0x1F9FF, 0x1FA70, 0x1FA7C, 0x1FA80, 0x1FA89, 0x1FA8F, 0x1FAC6, 0x1FACE, 0x1FADC, 0x1FADF, 0x1FAE9,
    0x1FAF0, 0x1FAF8, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD, 0xE0100, 0xE01EF, 0xF0000, 0xFFFFD, 0x100000, 0x10FFFD,
];

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const OP: &str = "UpdateSecretVersionStage";
    const PLAIN: TableStyle = TableStyle {
        color: false,
        stdout_is_tty: false,
        paged: false,
    };

    fn table_with(value: &Value, title: &str, width: usize, style: TableStyle) -> String {
        let mut out = Vec::new();
        match render_table(value, title, width, style, &mut out) {
            Ok(()) => {}
            Err(e) => panic!("render_table failed: {e}"),
        }
        String::from_utf8(out).unwrap_or_default()
    }

    fn table(value: &Value) -> String {
        table_with(value, OP, 80, PLAIN)
    }

    fn table_err(value: &Value) -> String {
        let mut out = Vec::new();
        match render_table(value, OP, 80, PLAIN, &mut out) {
            Ok(()) => panic!("render_table unexpectedly succeeded"),
            Err(e) => {
                assert!(out.is_empty());
                assert_eq!(e.kind(), io::ErrorKind::InvalidData);
                e.to_string()
            }
        }
    }

    fn golden_value() -> Value {
        json!({
            "ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-XXXXXX",
            "Name": "MyTestSecret"
        })
    }

    const GOLDEN_1: &str = "\
--------------------------------------------------------------------------------------
|                              UpdateSecretVersionStage                              |
+------+-----------------------------------------------------------------------------+
|  ARN |  arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-XXXXXX   |
|  Name|  MyTestSecret                                                               |
+------+-----------------------------------------------------------------------------+
";

    #[test]
    fn golden_1_too_wide_turns_vertical() {
        assert_eq!(table(&golden_value()), GOLDEN_1);
    }

    #[test]
    fn golden_2_header_row() {
        let expected = "\
-----------------------------
| UpdateSecretVersionStage  |
+------------+--------------+
|     ARN    |    Name      |
+------------+--------------+
|  arn:short |  fake-short  |
+------------+--------------+
";
        assert_eq!(
            table(&json!({"ARN": "arn:short", "Name": "fake-short"})),
            expected
        );
    }

    #[test]
    fn golden_3_scalar_is_title_only() {
        let expected = "\
--------------------------
|UpdateSecretVersionStage|
+------------------------+
";
        assert_eq!(table(&json!("MyTestSecret")), expected);
        assert_eq!(table(&json!(true)), expected);
        assert_eq!(table(&json!(-0.5)), expected);
    }

    #[test]
    fn golden_4_single_key() {
        let expected = "\
--------------------------
|UpdateSecretVersionStage|
+----+-------------------+
|  n |  MyTestSecret     |
+----+-------------------+
";
        assert_eq!(table(&json!({"n": "MyTestSecret"})), expected);
    }

    #[test]
    fn golden_5_scalar_list() {
        let expected = "\
------------------------------------------------------------------------------
|                          UpdateSecretVersionStage                          |
+----------------------------------------------------------------------------+
|  MyTestSecret                                                              |
|  arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-XXXXXX  |
+----------------------------------------------------------------------------+
";
        let value = json!([
            "MyTestSecret",
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-XXXXXX"
        ]);
        assert_eq!(table(&value), expected);
    }

    #[test]
    fn golden_6_control_characters_written_raw() {
        let expected = "\
-----------------------------------------------------------------------------------
|                            UpdateSecretVersionStage                             |
+------+--------------------------------------------------------------------------+
|  ARN |  arn:aws:secretsmanager:us-east-1:123456789012:secret:fake-ctrl-XXXXXX   |
|  Name|  line1
line2\ttab \"q\" \\ end                                               |
+------+--------------------------------------------------------------------------+
";
        let value = json!({
            "ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:fake-ctrl-XXXXXX",
            "Name": "line1\nline2\ttab \"q\" \\ end"
        });
        assert_eq!(table(&value), expected);
    }

    /// Golden 7 with every `ESC[0m` and line written out.
    fn golden_7(trailing_resets: usize) -> String {
        let r = "\x1b[0m";
        let b = "\x1b[1m\x1b[34m";
        let mut s = String::new();
        s.push_str(&"-".repeat(86));
        s.push('\n');
        for line in [
            "|                              UpdateSecretVersionStage                              |".to_string(),
            format!("+------+{}+", "-".repeat(77)),
            format!(
                "|  {b}ARN{r} |  {b}arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-XXXXXX{r}   |"
            ),
            format!("|  {b}Name{r}|  {b}MyTestSecret{r}{}|", " ".repeat(63)),
            format!("+------+{}+", "-".repeat(77)),
        ] {
            s.push_str(&format!("{r}{r}{line}{r}{r}\n"));
        }
        s.push_str(&r.repeat(trailing_resets));
        s
    }

    #[test]
    fn golden_7_color_not_a_tty() {
        let style = TableStyle {
            color: true,
            stdout_is_tty: false,
            paged: false,
        };
        assert_eq!(table_with(&golden_value(), OP, 80, style), golden_7(1));
    }

    #[test]
    fn golden_7_color_on_a_tty_adds_the_exit_reset() {
        let style = TableStyle {
            color: true,
            stdout_is_tty: true,
            paged: false,
        };
        assert_eq!(table_with(&golden_value(), OP, 80, style), golden_7(2));
    }

    #[test]
    fn no_color_on_a_tty_is_plain() {
        let style = TableStyle {
            color: false,
            stdout_is_tty: true,
            paged: false,
        };
        assert_eq!(table_with(&golden_value(), OP, 80, style), GOLDEN_1);
    }

    const GOLDEN_9: &str = "\
-----------------------------------------------------------------
|                             error                             |
+---------+-----------------------------------------------------+
|  Code   |  ResourceNotFoundException                          |
|  Message|  Secrets Manager can't find the specified secret.   |
+---------+-----------------------------------------------------+
";

    fn error_value() -> Value {
        json!({
            "Code": "ResourceNotFoundException",
            "Message": "Secrets Manager can't find the specified secret."
        })
    }

    #[test]
    fn golden_9_error_table() {
        assert_eq!(table_with(&error_value(), "error", 80, PLAIN), GOLDEN_9);
    }

    #[test]
    fn error_table_colour_has_no_autoreset() {
        let style = TableStyle {
            color: true,
            stdout_is_tty: true,
            paged: false,
        };
        let expected = GOLDEN_9
            .replace("  Code   |", "  \x1b[1m\x1b[34mCode\x1b[0m   |")
            .replace("  Message|", "  \x1b[1m\x1b[34mMessage\x1b[0m|")
            .replace(
                "ResourceNotFoundException ",
                "\x1b[1m\x1b[34mResourceNotFoundException\x1b[0m ",
            )
            .replace("secret. ", "secret.\x1b[0m ")
            .replace("|  Secrets", "|  \x1b[1m\x1b[34mSecrets");
        assert_eq!(table_with(&error_value(), "error", 80, style), expected);
    }

    #[test]
    fn falsy_values_print_nothing() {
        for value in [
            json!(null),
            json!(false),
            json!(0),
            json!(0.0),
            json!(""),
            json!([]),
            json!({}),
        ] {
            assert_eq!(table(&value), "", "{value}");
        }
    }

    #[test]
    fn scaling_rounds_half_to_even_and_corrects() {
        // Three columns of unscaled width 5 (1 + 4) scaled to 26: 26/15*5 =
        // 8.67 -> 9 each, 27 in all, so the first column gives one back.
        let section = Section {
            max_widths: vec![1, 1, 1],
            ..Section::default()
        };
        assert_eq!(section.column_widths(26), [8, 9, 9]);
        // Under by two: the last columns each take one more.
        let section = Section {
            max_widths: vec![0, 0, 0, 0, 0, 0],
            ..Section::default()
        };
        assert_eq!(section.column_widths(26), [4, 4, 4, 4, 5, 5]);
        // 2.5 rounds to 2 and 3.5 to 4 (banker's rounding).
        let section = Section {
            max_widths: vec![1, 3],
            ..Section::default()
        };
        assert_eq!(section.column_widths(6), [2, 4]);
        assert!(Section::default().column_widths(10).is_empty());
    }

    #[test]
    fn shapes_the_cli_rejects_are_errors() {
        assert_eq!(
            table_err(&json!([1, [1, 2]])),
            "Row should have 1 elements, instead it has 2"
        );
        assert_eq!(
            table_err(&json!([{"a": 1}, "x"])),
            "string indices must be integers, not 'str'"
        );
        assert_eq!(
            table_err(&json!([{"a": 1}, 5])),
            "'int' object is not iterable"
        );
        assert_eq!(
            table_err(&json!([{"a": 1}, ["x"]])),
            "list indices must be integers or slices, not str"
        );
        assert_eq!(
            table_err(&json!([{"a": 1}, [3]])),
            "list index out of range"
        );
        assert_eq!(
            table_err(&json!([{"a": 1}, [0]])),
            "'<' not supported between instances of 'str' and 'int'"
        );
        assert_eq!(
            table_err(&json!([{"a": 1}, ""])),
            "'str' object has no attribute 'get'"
        );
        assert_eq!(
            table_err(&json!([{"a": [1]}, ["a"]])),
            "list indices must be integers or slices, not str"
        );
        assert_eq!(
            table_err(&json!([{"a": 1}, [18446744073709551615u64]])),
            "cannot fit 'int' into an index-sized integer"
        );
        let mut deep = json!({"leaf": "x"});
        for _ in 0..(MAX_NESTING + 5) {
            deep = json!({ "k": deep });
        }
        assert_eq!(table_err(&deep), RECURSION_MESSAGE);
    }

    #[test]
    fn text_length_counts_wide_fullwidth_and_ambiguous_as_two() {
        assert_eq!(text_length("abc"), 3);
        assert_eq!(text_length("名前"), 4);
        assert_eq!(text_length("é"), 2);
        assert_eq!(text_length("ü"), 2);
        assert_eq!(text_length("\u{FF21}"), 2);
        assert_eq!(text_length("\u{1F600}"), 2);
        assert_eq!(text_length("e\u{301}"), 3);
        assert_eq!(text_length("\u{E000}"), 2);
        assert_eq!(text_length("\t\n"), 2);
        assert_eq!(title_length(None), 4);
    }

    /// With room for it, the two-key dict keeps its header row.
    #[test]
    fn golden_1_fits_a_wide_terminal() {
        let value = json!({"ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-XXXXXX", "Name": "MyTest"});
        let expected = "\
----------------------------------------------------------------------------------------
|                               UpdateSecretVersionStage                               |
+----------------------------------------------------------------------------+---------+
|                                     ARN                                    |  Name   |
+----------------------------------------------------------------------------+---------+
|  arn:aws:secretsmanager:us-east-1:123456789012:secret:MyTestSecret-XXXXXX  |  MyTest |
+----------------------------------------------------------------------------+---------+
";
        assert_eq!(table_with(&value, OP, 90, PLAIN), expected);
    }

    /// Non-scalar values become indented sections; empty ones vanish.
    #[test]
    fn nested_sections_are_indented() {
        let value = json!({"Name": "fake-short", "VersionIdsToStages": ["AWSCURRENT", "AWSPENDING"], "ARN": "arn:short", "Empty": []});
        let expected = "\
-----------------------------
| UpdateSecretVersionStage  |
+------------+--------------+
|     ARN    |    Name      |
+------------+--------------+
|  arn:short |  fake-short  |
+------------+--------------+
||   VersionIdsToStages    ||
|+-------------------------+|
||  AWSCURRENT             ||
||  AWSPENDING             ||
|+-------------------------+|
";
        assert_eq!(table_with(&value, OP, 80, PLAIN), expected);
    }

    /// Colour: dim yellow bars, bright blue cells, a reset after every write.
    #[test]
    fn nested_sections_colour_indentation() {
        let value = json!({"a": {"b": "c"}});
        let expected = "\
--------------------------
\x1b[0m\x1b[0m|UpdateSecretVersionStage|\x1b[0m\x1b[0m
\x1b[0m\x1b[0m+------------------------+\x1b[0m\x1b[0m
\x1b[0m\x1b[2m\x1b[33m|\x1b[0m\x1b[0m|           a          |\x1b[0m\x1b[2m\x1b[33m|\x1b[0m\x1b[0m
\x1b[0m\x1b[2m\x1b[33m|\x1b[0m\x1b[0m+----------+-----------+\x1b[0m\x1b[2m\x1b[33m|\x1b[0m\x1b[0m
\x1b[0m\x1b[2m\x1b[33m|\x1b[0m\x1b[0m|  \x1b[1m\x1b[34mb\x1b[0m       |  \x1b[1m\x1b[34mc\x1b[0m        |\x1b[0m\x1b[2m\x1b[33m|\x1b[0m\x1b[0m
\x1b[0m\x1b[2m\x1b[33m|\x1b[0m\x1b[0m+----------+-----------+\x1b[0m\x1b[2m\x1b[33m|\x1b[0m\x1b[0m
\x1b[0m";
        assert_eq!(
            table_with(
                &value,
                OP,
                80,
                TableStyle {
                    color: true,
                    stdout_is_tty: false,
                    paged: false,
                }
            ),
            expected
        );
    }

    /// Headers are not styled; the exit reset ends the output on a tty.
    #[test]
    fn header_row_colour_on_a_tty() {
        let value = json!({"ARN": "arn:short", "Name": "fake-short", "Stages": ["AWSCURRENT"]});
        let expected = "\
-----------------------------
\x1b[0m\x1b[0m| UpdateSecretVersionStage  |\x1b[0m\x1b[0m
\x1b[0m\x1b[0m+------------+--------------+\x1b[0m\x1b[0m
\x1b[0m\x1b[0m|     ARN    |    Name      |\x1b[0m\x1b[0m
\x1b[0m\x1b[0m+------------+--------------+\x1b[0m\x1b[0m
\x1b[0m\x1b[0m|  \x1b[1m\x1b[34marn:short\x1b[0m |  \x1b[1m\x1b[34mfake-short\x1b[0m  |\x1b[0m\x1b[0m
\x1b[0m\x1b[0m+------------+--------------+\x1b[0m\x1b[0m
\x1b[0m\x1b[2m\x1b[33m|\x1b[0m\x1b[0m|         Stages          |\x1b[0m\x1b[2m\x1b[33m|\x1b[0m\x1b[0m
\x1b[0m\x1b[2m\x1b[33m|\x1b[0m\x1b[0m+-------------------------+\x1b[0m\x1b[2m\x1b[33m|\x1b[0m\x1b[0m
\x1b[0m\x1b[2m\x1b[33m|\x1b[0m\x1b[0m|  \x1b[1m\x1b[34mAWSCURRENT\x1b[0m             |\x1b[0m\x1b[2m\x1b[33m|\x1b[0m\x1b[0m
\x1b[0m\x1b[2m\x1b[33m|\x1b[0m\x1b[0m+-------------------------+\x1b[0m\x1b[2m\x1b[33m|\x1b[0m\x1b[0m
\x1b[0m\x1b[0m";
        assert_eq!(
            table_with(
                &value,
                OP,
                80,
                TableStyle {
                    color: true,
                    stdout_is_tty: true,
                    paged: false,
                }
            ),
            expected
        );
    }

    /// A key that is scalar in one element and a list in another is both a column (repr) and a nested section; nested keys make one section per element.
    #[test]
    fn list_of_dicts_with_differing_keys() {
        let value = json!([{"a": 1, "b": true}, {"b": null, "c": 2.5}, {"a": [1, 2], "c": "x"}]);
        let expected = "\
--------------------------
|UpdateSecretVersionStage|
+-----+-----------+------+
|  a  |     b     |  c   |
+-----+-----------+------+
|  1  |  True     |      |
+-----+-----------+------+
||           a          ||
|+----------------------+|
|UpdateSecretVersionStage|
+----+---------+---------+
|  a |    b    |    c    |
+----+---------+---------+
|    |  None   |  2.5    |
+----+---------+---------+
|UpdateSecretVersionStage|
+-----------+-----+------+
|     a     |  b  |  c   |
+-----------+-----+------+
|  [1, 2]   |     |  x   |
+-----------+-----+------+
||           a          ||
|+----------------------+|
||  1                   ||
||  2                   ||
|+----------------------+|
";
        assert_eq!(table_with(&value, OP, 80, PLAIN), expected);
    }

    /// Elements sharing scalar keys make one header and one row each.
    #[test]
    fn list_of_dicts_same_keys_is_one_section() {
        let value = json!([{"Stage": "AWSCURRENT", "Name": "one"}, {"Name": "two", "Stage": "AWSPREVIOUS"}]);
        let expected = "\
--------------------------
|UpdateSecretVersionStage|
+-------+----------------+
| Name  |     Stage      |
+-------+----------------+
|  one  |  AWSCURRENT    |
|  two  |  AWSPREVIOUS   |
+-------+----------------+
";
        assert_eq!(table_with(&value, OP, 80, PLAIN), expected);
    }

    /// Too wide for 40 columns: the one-row section turns vertical, the two-row one keeps its header.
    #[test]
    fn vertical_turn_only_for_single_row_sections() {
        let value = json!({"AAAAAAAAAAAAAAAAAAAA": "xxxxxxxxxxxxxxxxxxxx", "BBBBBBBBBBBBBBBBBBBB": "yyyyyyyyyyyyyyyyyyyy", "C": [{"k": "1", "l": "2"}, {"k": "3", "l": "4"}]});
        let expected = "\
--------------------------------------------------
|            UpdateSecretVersionStage            |
+-----------------------+------------------------+
|  AAAAAAAAAAAAAAAAAAAA |  xxxxxxxxxxxxxxxxxxxx  |
|  BBBBBBBBBBBBBBBBBBBB |  yyyyyyyyyyyyyyyyyyyy  |
+-----------------------+------------------------+
||                       C                      ||
|+----------------------+-----------------------+|
||           k          |           l           ||
|+----------------------+-----------------------+|
||  1                   |  2                    ||
||  3                   |  4                    ||
|+----------------------+-----------------------+|
";
        assert_eq!(table_with(&value, OP, 40, PLAIN), expected);
    }

    /// The turn happens when the table is wider than the terminal, and it may still be wider.
    #[test]
    fn vertical_turn_recomputes_widths() {
        let value = json!({"k1": "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvv", "k2": "wwwwwwwwwwwwwwwwwwwwwwwwwwwwww", "k3": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"});
        let expected = "\
------------------------------------------
|        UpdateSecretVersionStage        |
+----+-----------------------------------+
|  k1|  vvvvvvvvvvvvvvvvvvvvvvvvvvvvvv   |
|  k2|  wwwwwwwwwwwwwwwwwwwwwwwwwwwwww   |
|  k3|  xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx   |
+----+-----------------------------------+
";
        assert_eq!(table_with(&value, OP, 60, PLAIN), expected);
    }

    /// CJK and ambiguous-width letters (é) count as two columns.
    #[test]
    fn wide_and_ambiguous_characters_count_two() {
        let value = json!({"名前": "café", "k": "ｘ😀é"});
        let expected = "\
--------------------------
|UpdateSecretVersionStage|
+------------+-----------+
|      k     |   名前    |
+------------+-----------+
|  ｘ😀é   |  café    |
+------------+-----------+
";
        assert_eq!(table_with(&value, OP, 80, PLAIN), expected);
    }

    /// A scalar list mixing scalar rows, scalar-list rows and a dict (whose keys become the row).
    #[test]
    fn mixed_scalar_list_rows() {
        let value = json!([["a", "b"], [1, null], {"k1": [1], "k2": 2}]);
        let expected = "\
--------------------------
|UpdateSecretVersionStage|
+---------+--------------+
|  a      |  b           |
|  1      |  None        |
|  k1     |  k2          |
+---------+--------------+
";
        assert_eq!(table_with(&value, OP, 80, PLAIN), expected);
    }

    /// A list inside a list adds headers to the current section and opens sections titled None (four columns wide, never printed).
    #[test]
    fn nested_list_of_lists_opens_untitled_sections() {
        let value = json!([[{"a": 1, "x": [2]}, {"a": 3}]]);
        let expected = "\
--------------------------
|UpdateSecretVersionStage|
+------------------------+
|            a           |
+------------------------+
|  1                     |
+------------------------+
||           x          ||
|+----------------------+|
||  2                   ||
|+----------------------+|
+------------------------+
|            a           |
+------------------------+
|  3                     |
+------------------------+
";
        assert_eq!(table_with(&value, OP, 80, PLAIN), expected);
    }

    /// No scalar keys: an empty header row, so the section prints only its title.
    #[test]
    fn list_of_dicts_without_scalar_keys() {
        let value = json!([{"a": ["x"]}]);
        let expected = "\
--------------------------
|UpdateSecretVersionStage|
||           a          ||
|+----------------------+|
||  x                   ||
|+----------------------+|
";
        assert_eq!(table_with(&value, OP, 80, PLAIN), expected);
    }

    /// A section titled with an empty key prints no title line.
    #[test]
    fn empty_key_titles_are_not_printed() {
        let value = json!({"": {"a": "b"}});
        let expected = "\
--------------------------
|UpdateSecretVersionStage|
+------------------------+
|+----------+-----------+|
||  a       |  b        ||
|+----------+-----------+|
";
        assert_eq!(table_with(&value, OP, 80, PLAIN), expected);
    }

    /// Three narrow columns stretched to the title width, off by one after rounding.
    #[test]
    fn scaled_columns_with_corrections() {
        let value = json!({"a": "x", "b": "y", "c": "z"});
        let expected = "\
--------------------------
|UpdateSecretVersionStage|
+------+--------+--------+
|   a  |   b    |   c    |
+------+--------+--------+
|  x   |  y     |  z     |
+------+--------+--------+
";
        assert_eq!(table_with(&value, OP, 80, PLAIN), expected);
    }

    /// Many columns scaled up, banker's rounding then corrections from the right.
    #[test]
    fn scaled_columns_many() {
        let value = json!({"a": "1", "bb": "22", "ccc": "333", "dddd": "4444", "e": "", "f": null});
        let expected = "\
--------------------------------------------------------------
|TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT|
+-----+---------+----------+------------+-------+------------+
|  a  |   bb    |   ccc    |   dddd     |   e   |     f      |
+-----+---------+----------+------------+-------+------------+
|  1  |  22     |  333     |  4444      |       |  None      |
+-----+---------+----------+------------+-------+------------+
";
        assert_eq!(
            table_with(
                &value,
                "TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT",
                80,
                PLAIN
            ),
            expected
        );
    }

    /// Header text is written raw too.
    #[test]
    fn newline_in_header_breaks_the_frame() {
        let value = json!({"a\nb": "x", "c": "y"});
        let expected = "\
--------------------------
|UpdateSecretVersionStage|
+-------------+----------+
|     a
b     |    c     |
+-------------+----------+
|  x          |  y       |
+-------------+----------+
";
        assert_eq!(table_with(&value, OP, 80, PLAIN), expected);
    }

    /// A zero-width terminal turns every single-row section vertical.
    #[test]
    fn tiny_terminal_width() {
        let value = json!({"ARN": "arn:short", "Name": "fake-short"});
        let expected = "\
--------------------------
|UpdateSecretVersionStage|
+-------+----------------+
|  ARN  |  arn:short     |
|  Name |  fake-short    |
+-------+----------------+
";
        assert_eq!(table_with(&value, OP, 0, PLAIN), expected);
    }

    /// colorama's exit reset is written even when no table is.
    #[test]
    fn falsy_value_colour_tty_prints_only_the_exit_reset() {
        let value = json!(null);
        let expected = "\
\x1b[0m";
        assert_eq!(
            table_with(
                &value,
                OP,
                80,
                TableStyle {
                    color: true,
                    stdout_is_tty: true,
                    paged: false,
                }
            ),
            expected
        );
    }

    /// In a list of dicts a nested key holding a scalar makes a title-only section, unless it is falsy.
    #[test]
    fn nested_scalar_truthy_and_falsy() {
        let value = json!([{"a": [1]}, {"a": 5}, {"a": 0}]);
        let expected = "\
--------------------------
|UpdateSecretVersionStage|
+------------------------+
|            a           |
+------------------------+
|  [1]                   |
+------------------------+
||           a          ||
|+----------------------+|
||  1                   ||
|+----------------------+|
|UpdateSecretVersionStage|
+------------------------+
|            a           |
+------------------------+
|  5                     |
+------------------------+
||           a          ||
|+----------------------+|
|UpdateSecretVersionStage|
+------------------------+
|            a           |
+------------------------+
|  0                     |
+------------------------+
";
        assert_eq!(table_with(&value, OP, 80, PLAIN), expected);
    }

    /// The error table (written to an unwrapped stderr) has styled cells but no autoreset.
    #[test]
    fn error_table_colour_not_a_tty() {
        let value = json!({"Code": "ResourceNotFoundException", "Message": "Secrets Manager can't find the specified secret."});
        let expected = "\
-----------------------------------------------------------------
|                             error                             |
+---------+-----------------------------------------------------+
|  \x1b[1m\x1b[34mCode\x1b[0m   |  \x1b[1m\x1b[34mResourceNotFoundException\x1b[0m                          |
|  \x1b[1m\x1b[34mMessage\x1b[0m|  \x1b[1m\x1b[34mSecrets Manager can't find the specified secret.\x1b[0m   |
+---------+-----------------------------------------------------+
";
        assert_eq!(
            table_with(
                &value,
                "error",
                80,
                TableStyle {
                    color: true,
                    stdout_is_tty: false,
                    paged: false,
                }
            ),
            expected
        );
    }

    /// No keys at all: the non-dict element slips through as an empty row.
    #[test]
    fn list_with_only_empty_dict_and_list() {
        let value = json!([{}, []]);
        let expected = "\
--------------------------
|UpdateSecretVersionStage|
";
        assert_eq!(table_with(&value, OP, 80, PLAIN), expected);
    }
}

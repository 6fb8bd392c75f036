//! Rendering a result: one formatter per `--output` format, each writing
//! bytes to a `&mut dyn Write`, plus the `--cli-error-format` rendering of
//! errors. The rules that decide *whether* anything is printed (a `{}`
//! response prints nothing in any format) live here; each format's own
//! rules live in its file.

pub mod json;
pub mod table;
pub mod text;
pub mod yaml;

use std::io::{self, Write};

use serde_json::{Map, Value};

pub use table::TableStyle;

use crate::error::{Error, ErrorLine, USAGE};

/// The title of the success table: the operation's name.
pub const OPERATION_NAME: &str = "UpdateSecretVersionStage";

/// An `--output` format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `json` (the default).
    Json,
    /// `text`.
    Text,
    /// `table`.
    Table,
    /// `yaml`.
    Yaml,
    /// `yaml-stream`.
    YamlStream,
    /// `off`: nothing on stdout.
    Off,
}

impl Format {
    /// The format named `name`, as `--output`, `AWS_DEFAULT_OUTPUT` or the
    /// profile's `output` spell it.
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name {
            "json" => Format::Json,
            "text" => Format::Text,
            "table" => Format::Table,
            "yaml" => Format::Yaml,
            "yaml-stream" => Format::YamlStream,
            "off" => Format::Off,
            _ => return None,
        })
    }
}

/// What the table formatter needs to know about the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terminal {
    /// Width of stdout when it is a terminal, else 80.
    pub width: usize,
    /// Table colours and colorama's stream handling.
    pub style: TableStyle,
}

fn is_empty_object(value: &Value) -> bool {
    matches!(value, Value::Object(map) if map.is_empty())
}

/// Render a (queried) response in `format`.
pub fn render(
    format: Format,
    value: &Value,
    terminal: Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json if !is_empty_object(value) => json::render_json(value, out),
        Format::Yaml if !is_empty_object(value) => yaml::render_yaml(value, out),
        Format::YamlStream if !is_empty_object(value) => yaml::render_yaml_stream(value, out),
        Format::Table => {
            table::render_table(value, OPERATION_NAME, terminal.width, terminal.style, out)
        }
        Format::Text => text::render_text(value, out),
        _ => Ok(()),
    }
}

/// How an error is shown: the resolved `--cli-error-format`, or `None`
/// when resolving it failed (a broken profile), which prints the bare
/// message.
pub fn render_error(
    error: &Error,
    error_format: Option<&str>,
    terminal: Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    match error {
        Error::UnknownOptions(_) => {
            write!(out, "\n{USAGE}\n")?;
            write!(out, "{}", ErrorLine(&error.to_string()))
        }
        Error::AutoPromptNoTty => {
            write!(
                out,
                "Warning: Input is not a terminal (fd=0).\n{}",
                ErrorLine("")
            )
        }
        Error::Interrupted => Ok(()),
        Error::General(message) => write!(out, "{}", ErrorLine(message)),
        Error::Service { code, message, .. } => {
            let mut info = Map::new();
            info.insert("Message".to_owned(), Value::String(message.clone()));
            info.insert("Code".to_owned(), Value::String(code.clone()));
            let plain = error.to_string();
            render_structured(
                &Value::Object(info),
                &plain,
                &plain,
                error_format,
                terminal,
                out,
            )
        }
        _ => {
            let Some((code, message)) = error.structured() else {
                return write!(out, "{}", ErrorLine(&error.to_string()));
            };
            let mut info = Map::new();
            info.insert("Code".to_owned(), Value::String(code.to_owned()));
            info.insert("Message".to_owned(), Value::String(message.clone()));
            let formatted = format!("An error occurred ({code}): {message}");
            render_structured(
                &Value::Object(info),
                &formatted,
                &message,
                error_format,
                terminal,
                out,
            )
        }
    }
}

fn render_structured(
    info: &Value,
    formatted: &str,
    plain: &str,
    error_format: Option<&str>,
    terminal: Terminal,
    out: &mut dyn Write,
) -> io::Result<()> {
    match error_format {
        None | Some("legacy") => write!(out, "{}", ErrorLine(plain)),
        Some("json") => json::render_json(info, out),
        Some("yaml") => yaml::render_yaml(info, out),
        Some("text") => text::render_text(info, out),
        Some("table") => table::render_table(info, "error", terminal.width, terminal.style, out),
        _ => write!(out, "{}", ErrorLine(formatted)),
    }
}

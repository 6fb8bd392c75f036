//! The one error type of the tool.
//!
//! Every way the command can fail is a variant here, and each variant knows
//! the exit code AWS CLI v2 uses for it (252 usage/validation, 253
//! configuration, 254 service error, 255 anything else, 130 Ctrl-C) and the
//! exact text the CLI prints. Errors are rendered once, at the top, by
//! [`crate::run`]; `--cli-error-format` decides how the "An error occurred
//! (Code)" family is shown (see [`crate::output::render_error`]).

use std::fmt;

/// The usage block argparse prints with every usage error.
pub const USAGE: &str = concat!(
    "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n",
    "To see help text, you can run:\n",
    "\n",
    "  aws help\n",
    "  aws <command> help\n",
    "  aws <command> <subcommand> help\n",
);

/// Exit codes of AWS CLI v2 (`awscli/constants.py`).
pub mod exit_code {
    /// Success.
    pub const SUCCESS: i32 = 0;
    /// Usage, parameter parsing and client-side validation errors.
    pub const PARAM_VALIDATION: i32 = 252;
    /// No region, no credentials, pager cannot start.
    pub const CONFIGURATION: i32 = 253;
    /// The service answered with an error.
    pub const CLIENT_ERROR: i32 = 254;
    /// Everything else.
    pub const GENERAL: i32 = 255;
    /// Interrupted by Ctrl-C (128 + SIGINT).
    pub const INTERRUPTED: i32 = 130;
}

/// Everything that can go wrong, with the CLI's words for it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// An argparse error: the message is followed by the usage block.
    /// `message` already carries argparse's own trailing newline for choice
    /// errors, so those get two empty lines before `usage:`.
    #[error("{message}\n\n{USAGE}")]
    Usage { message: String },

    /// Words the command does not know; printed after the usage block.
    #[error("Unknown options: {}", .0.join(", "))]
    UnknownOptions(Vec<String>),

    /// A `ParamValidation` error: bad `--query`, `--endpoint-url`,
    /// `file://` problems, `--cli-input-*` problems, botocore's client-side
    /// validation.
    #[error("{0}")]
    ParamValidation(String),

    /// No region configured anywhere.
    #[error(
        "You must specify a region. You can also configure your region by running \"aws configure\"."
    )]
    NoRegion,

    /// No credentials found by any provider.
    #[error(
        "Unable to locate credentials. You can configure credentials by running \"aws login\"."
    )]
    NoCredentials,

    /// The pager could not be started.
    #[error(
        "Unable to redirect output to pager. Received the following error when opening pager:\n{0}\n\nLearn more about configuring the output pager by running \"aws help config-vars\"."
    )]
    Pager(String),

    /// The service answered with an error (botocore's `ClientError`).
    #[error("{}", service_error_text(.code, .message, *.max_retries))]
    Service {
        /// The error code (`__type` without its namespace, or the HTTP status).
        code: String,
        /// The error message, or the raw body, or the HTTP reason phrase.
        message: String,
        /// `Some(n)` when the retries were exhausted after `n` retries.
        max_retries: Option<u32>,
    },

    /// Any other failure: printed as `aws: [ERROR]: <message>`, rc 255.
    #[error("{0}")]
    General(String),

    /// `--cli-auto-prompt` without a terminal: prompt_toolkit's warning then
    /// an empty error.
    #[error("")]
    AutoPromptNoTty,

    /// Ctrl-C.
    #[error("")]
    Interrupted,
}

fn service_error_text(code: &str, message: &str, max_retries: Option<u32>) -> String {
    match max_retries {
        Some(n) => format!(
            "An error occurred ({code}) when calling the UpdateSecretVersionStage operation (reached max retries: {n}): {message}"
        ),
        None => format!(
            "An error occurred ({code}) when calling the UpdateSecretVersionStage operation: {message}"
        ),
    }
}

impl Error {
    /// The process exit code AWS CLI v2 uses for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage { .. } | Error::UnknownOptions(_) | Error::ParamValidation(_) => {
                exit_code::PARAM_VALIDATION
            }
            Error::NoRegion | Error::NoCredentials | Error::Pager(_) => exit_code::CONFIGURATION,
            Error::Service { .. } => exit_code::CLIENT_ERROR,
            Error::General(_) | Error::AutoPromptNoTty => exit_code::GENERAL,
            Error::Interrupted => exit_code::INTERRUPTED,
        }
    }

    /// The code and message shown by the structured error formats, for the
    /// errors that have them (`None`: printed plainly whatever the format).
    pub fn structured(&self) -> Option<(&'static str, String)> {
        match self {
            Error::Usage { .. } | Error::ParamValidation(_) => {
                Some(("ParamValidation", self.to_string()))
            }
            Error::NoRegion => Some(("NoRegion", self.to_string())),
            Error::NoCredentials => Some(("NoCredentials", self.to_string())),
            Error::Pager(_) => Some(("Pager", self.to_string())),
            _ => None,
        }
    }

    /// A usage error for an invalid choice, with difflib-style suggestions.
    pub fn invalid_choice(option: &str, value: &str, choices: &[&str]) -> Error {
        let mut message = format!("argument {option}: Found invalid choice '{value}'\n");
        let close = crate::cli::close_matches(value, choices);
        if !close.is_empty() {
            message.push_str("\nMaybe you meant:\n");
            for word in close {
                message.push_str(&format!("\n  * {word}"));
            }
        }
        Error::Usage { message }
    }
}

/// The CLI's `write_error`: an empty line, then `aws: [ERROR]: ` and the
/// stripped message.
pub struct ErrorLine<'a>(pub &'a str);

impl fmt::Display for ErrorLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = self.0.trim_matches(|c: char| c.is_whitespace());
        if message.is_empty() {
            write!(f, "\naws: [ERROR]:\n")
        } else {
            write!(f, "\naws: [ERROR]: {message}\n")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_cli() {
        let cases = [
            (
                Error::Usage {
                    message: "x".into(),
                },
                252,
            ),
            (Error::UnknownOptions(vec!["--x".into()]), 252),
            (Error::ParamValidation("x".into()), 252),
            (Error::NoRegion, 253),
            (Error::NoCredentials, 253),
            (Error::Pager("x".into()), 253),
            (
                Error::Service {
                    code: "C".into(),
                    message: "m".into(),
                    max_retries: None,
                },
                254,
            ),
            (Error::General("x".into()), 255),
            (Error::AutoPromptNoTty, 255),
            (Error::Interrupted, 130),
        ];
        for (error, code) in cases {
            assert_eq!(error.exit_code(), code, "{error:?}");
        }
    }

    #[test]
    fn service_error_text_with_and_without_retries() {
        let e = Error::Service {
            code: "ThrottlingException".into(),
            message: "Rate exceeded".into(),
            max_retries: Some(2),
        };
        assert_eq!(
            e.to_string(),
            "An error occurred (ThrottlingException) when calling the UpdateSecretVersionStage operation (reached max retries: 2): Rate exceeded"
        );
    }

    #[test]
    fn error_line_strips_and_handles_empty() {
        assert_eq!(ErrorLine(" x\n").to_string(), "\naws: [ERROR]: x\n");
        assert_eq!(ErrorLine("").to_string(), "\naws: [ERROR]:\n");
    }

    #[test]
    fn choice_error_suggests_close_matches() {
        let e = Error::invalid_choice("--output", "jsonn", &["json", "text"]);
        assert_eq!(
            e.to_string(),
            format!(
                "argument --output: Found invalid choice 'jsonn'\n\nMaybe you meant:\n\n  * json\n\n{USAGE}"
            )
        );
    }
}

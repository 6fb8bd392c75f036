//! The auto-prompt (`--cli-auto-prompt`, `AWS_CLI_AUTO_PROMPT=on|on-partial`,
//! config `cli_auto_prompt`) on a terminal: ask for the parameters the
//! command line lacks, one line each, then run with them.
//!
//! AWS CLI v2 opens a full-screen prompt_toolkit editor on the whole command
//! line, with completion menus and a documentation pane. That is not
//! reproduced. This prompt asks plain questions instead, which works on any
//! terminal and over any connection:
//!
//! * the missing parameters, the required ones first (`--secret-id`,
//!   `--version-stage`), then the optional ones (`--remove-from-version-id`,
//!   `--move-to-version-id`, `--output`), each with its description and, for
//!   `--output`, its choices; an answer outside the choices is asked again;
//! * one answer a line, taken verbatim as the option's value (no shell
//!   quoting; `file://…` works); an empty line leaves the option unset;
//! * questions go to stderr, answers are read from stdin (the terminal);
//! * then, as the CLI does, the command about to run is echoed on stdout as
//!   `> update-secret-version-stage …` and runs;
//! * end of input (Ctrl-D) cancels, as Ctrl-D does in the CLI's prompt: the
//!   command line so far is written to stderr as `> …` and the exit code is
//!   130. Ctrl-C interrupts the process (exit status 130 too).

use std::io::{BufRead, Write};

use crate::cli::{self, OptionSpec};

/// The parameters the prompt can ask for, in the order it asks.
const ASKED: [&str; 5] = [
    "secret-id",
    "version-stage",
    "remove-from-version-id",
    "move-to-version-id",
    "output",
];

/// What the prompt ended with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answered {
    /// The command line to run: the original words plus the answers.
    Run(Vec<String>),
    /// Input ended: the command line as far as it got.
    Cancelled(Vec<String>),
}

/// The questions for `args`: the parameters of [`ASKED`] it does not set,
/// required ones first.
pub fn questions(args: &[String]) -> Vec<OptionSpec> {
    let present = cli::options_present(args);
    let options = cli::options();
    let mut asked: Vec<OptionSpec> = ASKED
        .iter()
        .filter(|name| !present.iter().any(|p| p == *name))
        .filter_map(|name| options.iter().find(|o| o.long == *name).cloned())
        .collect();
    asked.sort_by_key(|o| !o.required);
    asked
}

/// The line that introduces one question.
fn question_text(option: &OptionSpec) -> String {
    let mut text = format!("--{}", option.long);
    if option.required {
        text.push_str(" (required)");
    }
    text.push_str(": ");
    // clap keeps a one-sentence doc comment without its final period.
    text.push_str(option.help.trim_end_matches('.'));
    text.push('.');
    if !option.choices.is_empty() {
        text.push_str(&format!(" Choices: {}.", option.choices.join(", ")));
    }
    text
}

/// Ask for the missing parameters of `args`, reading answers from `input`
/// and writing questions to `out`.
pub fn ask(
    args: &[String],
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> std::io::Result<Answered> {
    let mut words = args.to_vec();
    let asked = questions(args);
    if asked.is_empty() {
        return Ok(Answered::Run(words));
    }
    writeln!(
        out,
        "Enter the parameters (an empty line leaves one unset, Ctrl-D cancels):"
    )?;
    for option in &asked {
        writeln!(out, "{}", question_text(option))?;
        loop {
            write!(out, "> ")?;
            out.flush()?;
            let mut line = String::new();
            if input.read_line(&mut line)? == 0 {
                return Ok(Answered::Cancelled(words));
            }
            let answer = line.trim();
            if answer.is_empty() {
                break;
            }
            if !option.choices.is_empty() && !option.choices.iter().any(|c| c == answer) {
                writeln!(out, "Choose one of: {}.", option.choices.join(", "))?;
                continue;
            }
            words.push(format!("--{}", option.long));
            words.push(answer.to_owned());
            break;
        }
    }
    Ok(Answered::Run(words))
}

/// `words` as one shell-quoted line after the command's name, as the CLI
/// echoes the command it runs (`> aws …`).
pub fn command_line(words: &[String]) -> String {
    let mut line = String::from("> update-secret-version-stage");
    for word in words {
        line.push(' ');
        match shlex::try_quote(word) {
            Ok(quoted) => line.push_str(&quoted),
            Err(_) => line.push_str(word),
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &[&str]) -> Vec<String> {
        s.iter().map(|w| w.to_string()).collect()
    }

    fn ask_with(args: &[&str], answers: &str) -> (Answered, String) {
        let mut input = answers.as_bytes();
        let mut out = Vec::new();
        let answered = ask(&words(args), &mut input, &mut out).unwrap();
        (answered, String::from_utf8(out).unwrap())
    }

    #[test]
    fn asks_for_what_is_missing_required_first() {
        let (answered, shown) = ask_with(
            &["--move-to-version-id", "v2"],
            "s\nAWSCURRENT\n\nbogus\ntext\n",
        );
        assert_eq!(
            answered,
            Answered::Run(words(&[
                "--move-to-version-id",
                "v2",
                "--secret-id",
                "s",
                "--version-stage",
                "AWSCURRENT",
                "--output",
                "text"
            ]))
        );
        assert_eq!(
            shown,
            "Enter the parameters (an empty line leaves one unset, Ctrl-D cancels):\n\
             --secret-id (required): The ARN or the name of the secret with the version and staging labels to modify.\n\
             > --version-stage (required): The staging label to add to this version.\n\
             > --remove-from-version-id: The ID of the version that the staging label is to be removed from.\n\
             > --output: The formatting style for command output. Choices: json, text, table, yaml, yaml-stream, off.\n\
             > Choose one of: json, text, table, yaml, yaml-stream, off.\n\
             > "
        );
    }

    #[test]
    fn abbreviations_and_equals_count_as_present() {
        let asked: Vec<String> = questions(&words(&[
            "--secret",
            "s",
            "--version-stage=X",
            "--out",
            "json",
        ]))
        .into_iter()
        .map(|o| o.long)
        .collect();
        assert_eq!(asked, ["remove-from-version-id", "move-to-version-id"]);
    }

    #[test]
    fn end_of_input_cancels() {
        let (answered, _) = ask_with(&["--debug"], "s\n");
        assert_eq!(
            answered,
            Answered::Cancelled(words(&["--debug", "--secret-id", "s"]))
        );
    }

    #[test]
    fn echo_quotes_like_a_shell() {
        assert_eq!(
            command_line(&words(&["--secret-id", "my secret", "--query", "Name"])),
            "> update-secret-version-stage --secret-id 'my secret' --query Name"
        );
    }
}

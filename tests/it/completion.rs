//! Shell completion: the `aws_completer`-compatible mode (`complete -C`),
//! and the native bash, zsh and fish scripts.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::{Test, binary, tempdir::TempDir};
use crate::pty::Session;

const NAME: &str = "update-secret-version-stage";

/// What bash does for `complete -C <binary> update-secret-version-stage`
/// when Tab is pressed with the cursor at the end of `line`: the binary gets
/// the command's name, the current word and the previous word, and
/// `COMP_LINE`/`COMP_POINT`.
fn completing(line: &str) -> Test {
    let words: Vec<&str> = line.split_whitespace().collect();
    let (current, previous) = if line.ends_with(' ') {
        ("", words.last().copied().unwrap_or_default())
    } else {
        (
            words.last().copied().unwrap_or_default(),
            words.iter().rev().nth(1).copied().unwrap_or_default(),
        )
    };
    Test::new()
        .env("COMP_LINE", line)
        .env("COMP_POINT", &line.chars().count().to_string())
        .args([NAME, current, previous])
}

const ALL_OPTIONS: &str = "\
--secret-id
--version-stage
--remove-from-version-id
--move-to-version-id
--cli-input-json
--cli-input-yaml
--generate-cli-skeleton
--debug
--endpoint-url
--no-verify-ssl
--no-paginate
--output
--query
--profile
--region
--version
--color
--no-sign-request
--ca-bundle
--cli-read-timeout
--cli-connect-timeout
--cli-binary-format
--no-cli-pager
--cli-auto-prompt
--no-cli-auto-prompt
--cli-error-format
";

#[test]
fn completer_offers_every_option_on_an_empty_word_and_on_dashes() {
    completing("update-secret-version-stage ").expect(ALL_OPTIONS, "", 0);
    completing("update-secret-version-stage --").expect(ALL_OPTIONS, "", 0);
}

#[test]
fn completer_offers_only_unused_options_matching_the_prefix() {
    completing("update-secret-version-stage --ver").expect("--version-stage\n--version\n", "", 0);
    completing("update-secret-version-stage --secret-id s --version-stage AWSCURRENT --").expect(
        &ALL_OPTIONS.replace("--secret-id\n--version-stage\n", ""),
        "",
        0,
    );
    completing("update-secret-version-stage --no-cli-").expect(
        "--no-cli-pager\n--no-cli-auto-prompt\n",
        "",
        0,
    );
}

#[test]
fn completer_prints_one_empty_line_when_nothing_matches() {
    completing("update-secret-version-stage --bogus-").expect("\n", "", 0);
    completing("update-secret-version-stage --secret-id ").expect("\n", "", 0);
    completing("update-secret-version-stage stray --s").expect("\n", "", 0);
}

#[test]
fn completer_offers_choices_after_choice_options() {
    completing("update-secret-version-stage --output ").expect(
        "json\ntext\ntable\nyaml\nyaml-stream\noff\n",
        "",
        0,
    );
    completing("update-secret-version-stage --output ya").expect("yaml\nyaml-stream\n", "", 0);
    completing("update-secret-version-stage --color ").expect("on\noff\nauto\n", "", 0);
    completing("update-secret-version-stage --generate-cli-skeleton ").expect(
        "input\nyaml-input\noutput\n",
        "",
        0,
    );
    completing("update-secret-version-stage --cli-error-format t").expect("text\ntable\n", "", 0);
    completing("update-secret-version-stage --cli-binary-format ").expect(
        "base64\nraw-in-base64-out\n",
        "",
        0,
    );
    completing("update-secret-version-stage --region eu-c").expect(
        "eu-central-1\neu-central-2\n",
        "",
        0,
    );
}

#[test]
fn completer_offers_profiles_from_the_config_and_credentials_files() {
    let config = "[default]\nregion = us-east-1\n[profile dev]\n[profile prod]\n";
    let credentials = "[ci]\naws_access_key_id = x\n[dev]\n";
    completing("update-secret-version-stage --profile ")
        .home_file(".aws/config", config)
        .home_file(".aws/credentials", credentials)
        .expect("default\ndev\nprod\nci\n", "", 0);
    completing("update-secret-version-stage --output json --profile p")
        .home_file(".aws/config", config)
        .expect("prod\n", "", 0);
    let elsewhere = TempDir::new();
    let file = elsewhere.path().join("cfg");
    std::fs::write(&file, "[profile staging]\n").expect("write config");
    completing("update-secret-version-stage --profile ")
        .home_file(".aws/config", config)
        .env("AWS_CONFIG_FILE", &file.display().to_string())
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials")
        .expect("staging\n", "", 0);
}

#[test]
fn completer_offers_file_names_after_file_scheme() {
    let dir = TempDir::new();
    std::fs::create_dir(dir.path().join("params")).expect("mkdir");
    std::fs::write(dir.path().join("params/stage.json"), "{}").expect("write");
    std::fs::write(dir.path().join("secret.txt"), "s").expect("write");
    completing("update-secret-version-stage --cli-input-json file://")
        .cwd(dir.path())
        .expect("file://params/\nfile://secret.txt\n", "", 0);
    completing("update-secret-version-stage --cli-input-json fileb://params/s")
        .cwd(dir.path())
        .expect("fileb://params/stage.json\n", "", 0);
    completing("update-secret-version-stage --secret-id file://~").expect("file://~/\n", "", 0);
}

#[test]
fn completer_completes_the_word_at_the_cursor() {
    Test::new()
        .env(
            "COMP_LINE",
            "update-secret-version-stage --col --output json",
        )
        .env("COMP_POINT", "33")
        .args([NAME, "--col", NAME])
        .expect("--color\n", "", 0);
}

#[test]
fn completer_answers_zsh_bashcompinit_which_passes_no_arguments() {
    Test::new()
        .env("COMP_LINE", "update-secret-version-stage --output json --c")
        .env("COMP_POINT", "46")
        .expect(
            "--cli-input-json\n--cli-input-yaml\n--color\n--ca-bundle\n--cli-read-timeout\n\
             --cli-connect-timeout\n--cli-binary-format\n--cli-auto-prompt\n--cli-error-format\n",
            "",
            0,
        );
}

#[test]
fn an_ordinary_run_never_completes() {
    // COMP_LINE/COMP_POINT alone do not switch modes: bash's three words
    // must be there too.
    Test::new()
        .env("COMP_LINE", "update-secret-version-stage --")
        .env("COMP_POINT", "30")
        .args(["--secret-id", "MyTestSecret"])
        .expect(
            "",
            "\naws: [ERROR]: An error occurred (ParamValidation): the following arguments are required: --version-stage\n\n\
             usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n\
             To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n",
            252,
        );
}

/// bash's own `complete -C` at work: an interactive bash on a terminal,
/// Tab pressed after a partial option and after a partial choice.
#[test]
fn bash_complete_dash_c_uses_the_binary() {
    let home = TempDir::new();
    let mut bash = Command::new("bash");
    bash.args(["--norc", "--noprofile", "-i"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("TERM", "dumb")
        .env("PS1", "$ ")
        .env("INPUTRC", "/dev/null")
        .current_dir(home.path());
    let mut session = Session::start(bash);
    session
        .expect("$ ")
        .send(&format!(
            "complete -C '{}' {NAME}; echo registered",
            binary().display()
        ))
        .expect("registered\n$ ")
        .type_keys(&format!("{NAME} --outp\t"))
        .expect(&format!("{NAME} --output "))
        .type_keys("ta\t")
        .expect(&format!("{NAME} --output table "))
        .type_keys("\x15exit\n");
    let (_, code) = session.finish();
    assert_eq!(code, 0);
}

/// The same in zsh, through `bashcompinit` (where zsh is installed).
#[test]
fn zsh_bashcompinit_complete_dash_c_uses_the_binary() {
    if !crate::manual::on_path("zsh") {
        eprintln!("zsh not installed: its complete -C not checked");
        return;
    }
    let home = TempDir::new();
    let mut zsh = Command::new("zsh");
    zsh.args(["-f", "-i"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("TERM", "dumb")
        .env("PS1", "%% ")
        .current_dir(home.path());
    let mut session = Session::start(zsh);
    session
        .expect("% ")
        .send(&format!(
            "autoload -U compinit && compinit -u && autoload -U bashcompinit && bashcompinit && \
             complete -C '{}' {NAME} && echo registered",
            binary().display()
        ))
        .expect("registered\n")
        .type_keys(&format!("{NAME} --outp\t"))
        .expect(&format!("{NAME} --output "))
        .type_keys("ta\t")
        // zsh redraws the line on a dumb terminal; the word is what counts.
        .expect("table ")
        .type_keys("\x15exit\n");
    let (_, code) = session.finish();
    assert_eq!(code, 0);
}

fn script(shell: &str) -> String {
    let outcome = Test::new()
        .env("UPDATE_SECRET_VERSION_STAGE_COMPLETE", shell)
        .run();
    assert_eq!((outcome.stderr.as_str(), outcome.code), ("", 0), "{shell}");
    outcome.stdout
}

fn snapshot(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it/snapshots")
        .join(name)
}

/// The scripts are whole-file snapshots (`tests/it/snapshots/`); set
/// `UPDATE_SNAPSHOTS=1` to rewrite them after a deliberate change.
#[test]
fn native_scripts_for_bash_zsh_and_fish() {
    for (shell, file) in [
        ("bash", "completion.bash"),
        ("zsh", "completion.zsh"),
        ("fish", "completion.fish"),
    ] {
        let text = script(shell);
        for option in ALL_OPTIONS.lines() {
            // fish writes `-l secret-id`, bash and zsh `--secret-id`.
            let name = option.trim_start_matches('-');
            assert!(text.contains(name), "{shell} script lacks {option}");
        }
        let path = snapshot(file);
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&path, &text).expect("write snapshot");
        }
        let expected = std::fs::read_to_string(&path).expect("snapshot file");
        assert_eq!(
            text,
            expected,
            "{shell} script differs from {}",
            path.display()
        );
    }
}

#[test]
fn sourcing_the_bash_script_registers_a_working_completion() {
    let program = format!(
        r#"source <(UPDATE_SECRET_VERSION_STAGE_COMPLETE=bash '{}') || exit 9
complete -p {NAME}
for line in "{NAME} --ver" "{NAME} --output t" "{NAME} --color "; do
  read -ra COMP_WORDS <<<"$line"
  [[ $line == *' ' ]] && COMP_WORDS+=("")
  COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
  COMPREPLY=()
  _update__secret__version__stage {NAME} "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
  echo "${{COMPREPLY[*]}}"
done"#,
        binary().display()
    );
    let output = Command::new("bash")
        .args(["-c", &program])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .output()
        .expect("run bash");
    assert_eq!(
        (
            String::from_utf8_lossy(&output.stdout).as_ref(),
            String::from_utf8_lossy(&output.stderr).as_ref(),
            output.status.code()
        ),
        (
            "complete -o bashdefault -o default -o nosort -F _update__secret__version__stage update-secret-version-stage\n\
             --version-stage --version\n\
             text table\n\
             on off auto\n",
            "",
            Some(0)
        )
    );
}

/// zsh's own completion with the zsh script on `$fpath` (where zsh is
/// installed).
#[test]
fn the_zsh_script_completes_in_zsh() {
    if !crate::manual::on_path("zsh") {
        eprintln!("zsh not installed: the zsh script not run");
        return;
    }
    let home = TempDir::new();
    std::fs::write(
        home.path().join("_update-secret-version-stage"),
        script("zsh"),
    )
    .expect("write script");
    let mut zsh = Command::new("zsh");
    zsh.args(["-f", "-i"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("TERM", "dumb")
        .env("PS1", "%% ")
        .current_dir(home.path());
    let mut session = Session::start(zsh);
    session
        .expect("% ")
        .send(&format!(
            "fpath=('{}' $fpath); autoload -U compinit && compinit -u && echo registered",
            home.path().display()
        ))
        .expect("registered\n")
        .type_keys(&format!("{NAME} --outp\t"))
        .expect(&format!("{NAME} --output"))
        .type_keys(" yaml-s\t")
        .expect("yaml-stream ")
        .type_keys("\x15exit\n");
    let (_, code) = session.finish();
    assert_eq!(code, 0);
}

/// fish's own completion with the fish script (where fish is installed).
#[test]
fn the_fish_script_completes_in_fish() {
    if !crate::manual::on_path("fish") {
        eprintln!("fish not installed: the fish script not run");
        return;
    }
    let home = TempDir::new();
    let file = home.path().join("usvs.fish");
    std::fs::write(&file, script("fish")).expect("write script");
    let program = format!(
        "source '{}'; complete -C '{NAME} --outp'; complete -C '{NAME} --output t'; complete -C '{NAME} --col'",
        file.display()
    );
    let output = Command::new("fish")
        .args(["--no-config", "-c", &program])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .output()
        .expect("run fish");
    assert_eq!(
        (
            String::from_utf8_lossy(&output.stdout).as_ref(),
            String::from_utf8_lossy(&output.stderr).as_ref(),
            output.status.code()
        ),
        (
            "--output\tThe formatting style for command output\ntable\ntext\n--color\tTurn on/off color output\n",
            "",
            Some(0)
        )
    );
}

#[test]
fn an_unknown_shell_is_refused() {
    Test::new()
        .env("UPDATE_SECRET_VERSION_STAGE_COMPLETE", "tcsh")
        .args(["--secret-id", "s", "--version-stage", "v"])
        .expect(
            "",
            "update-secret-version-stage: UPDATE_SECRET_VERSION_STAGE_COMPLETE=tcsh: no such shell; use bash, zsh or fish\n",
            252,
        );
}

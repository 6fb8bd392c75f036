//! Settings → an SDK client: endpoint, region, credentials, retries,
//! timeouts, signing.
//!
//! The client is built directly from `aws_sdk_secretsmanager::Config`
//! rather than through `aws_config::load`, so nothing is read twice and
//! nothing probes IMDS when the region and credentials are already known.
//! Credentials are resolved here, in botocore's order, so a missing
//! profile, `--profile` skipping the environment, and "no credentials" all
//! behave as in the CLI; `credential_process` is run here too, for
//! botocore's error texts; the other sources (assume-role, SSO, web
//! identity, containers, IMDS) are delegated to `aws-config`'s providers,
//! given the call's region for their STS calls. Retry settings are
//! resolved by [`crate::settings`] (aws-config would panic on some of the
//! values the CLI rejects with a message), and the HTTP client is
//! [`crate::transport`]'s.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use aws_credential_types::Credentials;
use aws_credential_types::provider::ProvideCredentials;
use aws_sdk_secretsmanager::config::{BehaviorVersion, Region};
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::BeforeTransmitInterceptorContextRef;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use aws_smithy_types::retry::RetryConfig;
use aws_smithy_types::timeout::TimeoutConfig;

use crate::config_file::Section;
use crate::error::Error;
use crate::settings::{Env, ProfileChoice, RetryMode, RetrySettings};
use crate::transport::{Transport, Trust};

/// Everything needed to build the client, already resolved.
#[derive(Debug, Clone)]
pub struct ClientSettings {
    /// The region (validated).
    pub region: String,
    /// The endpoint override, if any.
    pub endpoint_url: Option<String>,
    /// Retry mode and attempts.
    pub retry: RetrySettings,
    /// Connect timeout in seconds (`None`: no timeout).
    pub connect_timeout: Option<i64>,
    /// Read timeout in seconds (`None`: no timeout).
    pub read_timeout: Option<i64>,
    /// `--no-sign-request`.
    pub unsigned: bool,
    /// How the server certificate is checked.
    pub trust: Trust,
    /// The URL requests go to (decides whether TLS is set up at all).
    pub url: String,
    /// `--debug`: log the HTTP exchange.
    pub debug: bool,
    /// The proxy requests go through, if any.
    pub proxy: Option<String>,
}

/// Counts the attempts of the one call the tool makes.
#[derive(Debug, Clone, Default)]
pub struct AttemptCounter(Arc<AtomicU32>);

impl AttemptCounter {
    /// How many attempts were started.
    pub fn attempts(&self) -> u32 {
        self.0.load(Ordering::SeqCst)
    }
}

impl Intercept for AttemptCounter {
    fn name(&self) -> &'static str {
        "AttemptCounter"
    }

    fn read_before_attempt(
        &self,
        _context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        self.0.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }
}

fn seconds(value: Option<i64>) -> Option<Duration> {
    value
        .and_then(|s| u64::try_from(s).ok())
        .map(Duration::from_secs)
}

/// Build the SDK client.
pub fn build_client(
    settings: &ClientSettings,
    credentials: Option<Credentials>,
    counter: &AttemptCounter,
) -> aws_sdk_secretsmanager::Client {
    let mut timeouts = TimeoutConfig::builder();
    match seconds(settings.connect_timeout) {
        Some(d) => timeouts = timeouts.connect_timeout(d),
        None => timeouts = timeouts.disable_connect_timeout(),
    }
    match seconds(settings.read_timeout) {
        Some(d) => timeouts = timeouts.read_timeout(d),
        None => timeouts = timeouts.disable_read_timeout(),
    }
    let retry = match settings.retry.mode {
        RetryMode::Standard => RetryConfig::standard(),
        RetryMode::Adaptive => RetryConfig::adaptive(),
    };
    let retry = retry
        .with_max_attempts(settings.retry.max_attempts.max(1))
        .with_initial_backoff(Duration::from_secs(1))
        .with_max_backoff(Duration::from_secs(20));
    let mut builder = aws_sdk_secretsmanager::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(settings.region.clone()))
        .retry_config(retry)
        .timeout_config(timeouts.build())
        .http_client(Transport::new(
            &settings.url,
            &settings.trust,
            settings.proxy.as_deref(),
            seconds(settings.connect_timeout),
            seconds(settings.read_timeout),
        ))
        .interceptor(counter.clone());
    if let Some(url) = &settings.endpoint_url {
        builder = builder.endpoint_url(url.clone());
    }
    if settings.debug {
        builder = builder.interceptor(crate::debug::HttpLog::new(settings.retry.max_attempts));
    }
    match credentials {
        Some(c) if !settings.unsigned => builder = builder.credentials_provider(c),
        _ => builder = builder.allow_no_auth(),
    }
    aws_sdk_secretsmanager::Client::from_conf(builder.build())
}

/// botocore's `PartialCredentialsError`.
fn partial_credentials(provider: &str, missing: &str) -> Error {
    Error::General(format!(
        "Partial credentials found in {provider}, missing: {missing}"
    ))
}

/// The profile's plain keys; an access key without its secret is
/// botocore's partial-credentials error, named after the provider.
fn static_keys(
    section: Option<&Section>,
    provider: &'static str,
) -> Result<Option<Credentials>, Error> {
    let Some(access) = section.and_then(|s| s.get("aws_access_key_id")) else {
        return Ok(None);
    };
    let secret = section
        .and_then(|s| s.get("aws_secret_access_key"))
        .ok_or_else(|| partial_credentials(provider, "aws_secret_access_key"))?;
    Ok(Some(static_credentials(
        access,
        secret,
        section.and_then(|s| s.get("aws_session_token")),
        provider,
    )))
}

/// Profile sources that aws-config's providers handle.
fn needs_delegated_provider(section: Option<&Section>) -> bool {
    section.is_some_and(|s| {
        [
            "role_arn",
            "sso_start_url",
            "sso_session",
            "web_identity_token_file",
            "login_session",
        ]
        .iter()
        .any(|k| s.get(k).is_some())
    })
}

fn static_credentials(
    access: &str,
    secret: &str,
    token: Option<&str>,
    source: &'static str,
) -> Credentials {
    Credentials::new(
        access,
        secret,
        token.filter(|t| !t.is_empty()).map(str::to_owned),
        None,
        source,
    )
}

/// Resolve credentials in botocore's order: environment (unless
/// `--profile`), the profile's assume-role / web-identity / SSO, web
/// identity from the environment, the credentials file's keys,
/// `credential_process`, the config file's keys, containers, IMDS.
/// `Ok(None)` means none were found (the caller reports `NoCredentials`
/// once it needs them).
pub async fn resolve_credentials(
    env: &Env,
    profile: &ProfileChoice,
    section: Option<&Section>,
    credentials_file: Option<&Section>,
    region: &str,
) -> Result<Option<Credentials>, Error> {
    // The providers that call STS need the region to sign those calls.
    let provider_config = aws_config::provider_config::ProviderConfig::default()
        .with_region(Some(Region::new(region.to_owned())));
    // 1. The environment, unless --profile named a profile.
    if !profile.explicit
        && let Some(access) = env.get("AWS_ACCESS_KEY_ID").filter(|v| !v.is_empty())
    {
        let secret = env
            .get("AWS_SECRET_ACCESS_KEY")
            .filter(|v| !v.is_empty())
            .ok_or_else(|| partial_credentials("env", "AWS_SECRET_ACCESS_KEY"))?;
        return Ok(Some(static_credentials(
            access,
            secret,
            env.get("AWS_SESSION_TOKEN").map(String::as_str),
            "Environment",
        )));
    }
    // 2. Assume role, web identity, SSO: delegated to aws-config.
    if needs_delegated_provider(section) {
        let provider = aws_config::profile::ProfileFileCredentialsProvider::builder()
            .configure(&provider_config)
            .profile_name(&profile.name)
            .build();
        return provider
            .provide_credentials()
            .await
            .map(Some)
            .map_err(|e| Error::General(credential_error_text(&e)));
    }
    // 3. Web identity from the environment.
    if env.contains_key("AWS_WEB_IDENTITY_TOKEN_FILE") {
        let provider =
            aws_config::web_identity_token::WebIdentityTokenCredentialsProvider::builder()
                .configure(&provider_config)
                .build();
        return provider
            .provide_credentials()
            .await
            .map(Some)
            .map_err(|e| Error::General(credential_error_text(&e)));
    }
    // 4. Keys in the credentials file.
    if let Some(credentials) = static_keys(credentials_file, "shared-credentials-file")? {
        return Ok(Some(credentials));
    }
    // 5. `credential_process`, run as botocore runs it (its failures have
    //    botocore's texts).
    if let Some(command) = section.and_then(|s| s.get("credential_process")) {
        return process_credentials(command).map(Some);
    }
    // 6. Keys in the config file.
    if let Some(credentials) = static_keys(section, "config-file")? {
        return Ok(Some(credentials));
    }
    // 7. Containers, then IMDS.
    if container_credentials_configured(env) {
        let chain = aws_config::default_provider::credentials::DefaultCredentialsChain::builder()
            .configure(provider_config)
            .profile_name(&profile.name)
            .build()
            .await;
        return Ok(chain.provide_credentials().await.ok());
    }
    let imds_disabled = env
        .get("AWS_EC2_METADATA_DISABLED")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    if !imds_disabled {
        let imds = aws_config::imds::credentials::ImdsCredentialsProvider::builder().build();
        return Ok(imds.provide_credentials().await.ok());
    }
    Ok(None)
}

/// botocore's `ProcessProvider`: run the command (split like a shell, not
/// through one) and read its JSON, with botocore's error texts.
pub fn process_credentials(command: &str) -> Result<Credentials, Error> {
    let retrieval = |message: &str| {
        Error::General(format!(
            "Error when retrieving credentials from custom-process: {message}"
        ))
    };
    let argv =
        shlex::split(command).ok_or_else(|| Error::General("No closing quotation".to_owned()))?;
    let Some((program, args)) = argv.split_first() else {
        return Err(Error::General("list index out of range".to_owned()));
    };
    let output = std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::inherit())
        .output()
        .map_err(|e| {
            let text = e.to_string();
            let strerror = match e.raw_os_error() {
                Some(code) => format!(
                    "[Errno {code}] {}",
                    text.strip_suffix(&format!(" (os error {code})"))
                        .unwrap_or(&text)
                ),
                None => text,
            };
            Error::General(format!(
                "{strerror}: {}",
                crate::settings::python_repr_str(program)
            ))
        })?;
    if !output.status.success() {
        return Err(retrieval(&String::from_utf8_lossy(&output.stderr)));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let parsed: serde_json::Value = serde_json::from_str(&stdout).map_err(|e| {
        if stdout.trim().is_empty() {
            // Python's json: nothing but whitespace.
            let line = stdout.matches('\n').count() + 1;
            let column = stdout.len() - stdout.rfind('\n').map_or(0, |i| i + 1) + 1;
            Error::General(format!(
                "Expecting value: line {line} column {column} (char {})",
                stdout.len()
            ))
        } else {
            Error::General(e.to_string())
        }
    })?;
    let serde_json::Value::Object(map) = parsed else {
        let type_name = match parsed {
            serde_json::Value::Array(_) => "list",
            serde_json::Value::String(_) => "str",
            serde_json::Value::Bool(_) => "bool",
            serde_json::Value::Null => "NoneType",
            serde_json::Value::Number(n) if n.is_f64() => "float",
            _ => "int",
        };
        return Err(Error::General(format!(
            "'{type_name}' object has no attribute 'get'"
        )));
    };
    let version_ok = match map.get("Version") {
        Some(serde_json::Value::Number(n)) => n.as_f64() == Some(1.0),
        Some(serde_json::Value::Bool(b)) => *b,
        _ => false,
    };
    if !version_ok {
        let version = match map.get("Version") {
            None => "<Version key not provided>".to_owned(),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Null) => "None".to_owned(),
            Some(serde_json::Value::Bool(false)) => "False".to_owned(),
            Some(other) => other.to_string(),
        };
        return Err(retrieval(&format!(
            "Unsupported version '{version}' for credential process provider, supported versions: 1"
        )));
    }
    let text = |key: &str| {
        map.get(key).map(|v| match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
    };
    // A null session token is no token (`parsed.get` gives None).
    let token = map
        .get("SessionToken")
        .filter(|v| !v.is_null())
        .and_then(|_| text("SessionToken"));
    let missing = |key: &str| retrieval(&format!("Missing required key in response: '{key}'"));
    let access = text("AccessKeyId").ok_or_else(|| missing("AccessKeyId"))?;
    let secret = text("SecretAccessKey").ok_or_else(|| missing("SecretAccessKey"))?;
    Ok(static_credentials(
        &access,
        &secret,
        token.as_deref(),
        "CredentialProcess",
    ))
}

fn container_credentials_configured(env: &Env) -> bool {
    env.contains_key("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
        || env.contains_key("AWS_CONTAINER_CREDENTIALS_FULL_URI")
}

fn credential_error_text(e: &aws_credential_types::provider::error::CredentialsError) -> String {
    crate::operation::error_chain(e)
}

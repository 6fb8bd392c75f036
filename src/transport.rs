//! The HTTP transport: hyper over rustls, with the CLI's trust rules.
//!
//! The SDK's own client ignores `AWS_CA_BUNDLE`/`ca_bundle`, cannot turn
//! certificate verification off, and loads the system roots even for
//! `http://` endpoints (twice). This client follows botocore instead:
//!
//! * verification is on by default, against the system roots, loaded once
//!   and only when the endpoint is `https://`;
//! * a CA bundle (`--ca-bundle` > `AWS_CA_BUNDLE` > profile `ca_bundle`)
//!   replaces the system roots; one that cannot be read fails every
//!   attempt with urllib3's text, as in the CLI;
//! * `--no-verify-ssl` accepts any certificate and prints urllib3's
//!   `InsecureRequestWarning` once per HTTPS request, as the CLI does
//!   (urllib3 files that warning under the "always" filter);
//! * `HTTPS_PROXY`/`HTTP_PROXY` (resolved by [`crate::settings`]) route
//!   requests through a proxy: a `CONNECT` tunnel for HTTPS endpoints,
//!   absolute-form requests for HTTP ones;
//! * connect and read timeouts are reported as distinct errors so the
//!   caller can name them the way botocore does; the read timeout starts
//!   once the connection is up.
//!
//! Texts that Python takes from its build: a failed certificate check reads
//! `[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: <OpenSSL 3
//! reason> (_ssl.c:1006)` — 1006 is CPython 3.11's line (the oracle runs
//! 3.11.7); the rustls error is mapped to OpenSSL's reason (an unknown
//! issuer, including a self-signed leaf, which OpenSSL would call
//! `self-signed certificate`, reads `unable to get local issuer
//! certificate`). The insecure-request warning takes the shape of the
//! official PyInstaller build: the module path relative to the bundle,
//! urllib3 2.6.3's line 1097 (the installer's pin), no source line; a
//! source install would print its site-packages path and `  warnings.warn(`.

use std::fmt;
use std::io::Write;
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;

use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::result::ConnectorError;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::body::SdkBody;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector as TcpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};

/// How the server's certificate is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// Against the system's roots.
    SystemRoots,
    /// Against the certificates of this PEM file only.
    Bundle(String),
    /// Not at all (`--no-verify-ssl`).
    Unverified,
}

/// What went wrong on the wire, in the terms botocore reports.
#[derive(Debug)]
pub enum TransportError {
    /// The TCP connection was not made within the connect timeout.
    ConnectTimeout,
    /// The response did not start within the read timeout.
    ReadTimeout,
    /// The CA bundle could not be loaded: urllib3's text for it.
    CaBundle(String),
    /// The connection broke while the response was being read.
    ConnectionClosed,
    /// The proxy could not be reached or refused the tunnel (its URL,
    /// masked).
    Proxy(String),
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransportError::ConnectTimeout => f.write_str("connect timeout"),
            TransportError::ReadTimeout => f.write_str("read timeout"),
            TransportError::CaBundle(text) => f.write_str(text),
            TransportError::ConnectionClosed => f.write_str("connection closed"),
            TransportError::Proxy(url) => write!(f, "proxy {url} failed"),
        }
    }
}

impl std::error::Error for TransportError {}

/// The HTTP client handed to the SDK.
#[derive(Debug, Clone)]
pub struct Transport {
    connector: SharedHttpConnector,
}

impl Transport {
    /// A transport for requests to `url` (only its scheme and host matter).
    pub fn new(
        url: &str,
        trust: &Trust,
        proxy: Option<&str>,
        connect_timeout: Option<Duration>,
        read_timeout: Option<Duration>,
    ) -> Transport {
        let https = url
            .get(..8)
            .is_some_and(|s| s.eq_ignore_ascii_case("https://"));
        let tls = if https {
            tls_config(trust)
        } else {
            // Never used for a handshake: no roots are loaded.
            Ok(empty_config())
        };
        let unverified_host = (https && *trust == Trust::Unverified).then(|| url_host(url));
        let connector = match tls {
            Ok(config) => {
                let connected = Arc::new(tokio::sync::Notify::new());
                let route = Route::new(proxy, https, connect_timeout);
                let proxy_authorization = route.plain_http_authorization();
                Connector::Ready {
                    client: Box::new(hyper_client(config, route, connected.clone())),
                    proxy_authorization,
                    connected,
                    read_timeout,
                    handshake_limit: connect_timeout.zip(read_timeout).map(|(c, r)| c + r),
                    unverified_host,
                }
            }
            Err(text) => Connector::BadBundle(text),
        };
        Transport {
            connector: SharedHttpConnector::new(connector),
        }
    }
}

impl HttpClient for Transport {
    fn http_connector(
        &self,
        _settings: &HttpConnectorSettings,
        _components: &RuntimeComponents,
    ) -> SharedHttpConnector {
        self.connector.clone()
    }
}

type HyperClient = Client<Signalling<hyper_rustls::HttpsConnector<Route>>, SdkBody>;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// How connections are made: directly, or through an HTTP proxy
/// (`CONNECT` tunnel for HTTPS endpoints, absolute-form requests for HTTP
/// ones), as urllib3 does with botocore's proxy settings.
#[derive(Clone)]
pub struct Route {
    tcp: TcpConnector,
    proxy: Option<ProxyRoute>,
}

#[derive(Clone)]
struct ProxyRoute {
    /// The proxy's address.
    uri: http::Uri,
    /// The URL as botocore shows it (credentials masked).
    shown: String,
    /// `Proxy-Authorization` from the URL's user info.
    authorization: Option<http::HeaderValue>,
    /// Tunnel (HTTPS endpoint) rather than forward (HTTP endpoint).
    tunnel: bool,
}

impl Route {
    fn new(proxy: Option<&str>, https: bool, connect_timeout: Option<Duration>) -> Route {
        let mut tcp = TcpConnector::new();
        tcp.enforce_http(false);
        tcp.set_nodelay(true);
        tcp.set_connect_timeout(connect_timeout);
        let proxy = proxy.and_then(|url| {
            let uri: http::Uri = url.parse().ok()?;
            let authorization = uri
                .authority()
                .and_then(|a| a.as_str().rsplit_once('@'))
                .and_then(|(userinfo, _)| {
                    let (user, password) = userinfo.split_once(':').unwrap_or((userinfo, ""));
                    let user = percent_decode(user);
                    let password = percent_decode(password);
                    http::HeaderValue::from_str(&format!(
                        "Basic {}",
                        base64_encode(format!("{user}:{password}").as_bytes())
                    ))
                    .ok()
                });
            Some(ProxyRoute {
                uri,
                shown: mask_proxy_url(url),
                authorization,
                tunnel: https,
            })
        });
        Route { tcp, proxy }
    }

    /// The `Proxy-Authorization` each request carries when it goes to an
    /// HTTP proxy in absolute form.
    fn plain_http_authorization(&self) -> Option<http::HeaderValue> {
        self.proxy
            .as_ref()
            .filter(|p| !p.tunnel)
            .and_then(|p| p.authorization.clone())
    }
}

/// A connection, marked as going through a forward proxy or not (hyper
/// then writes absolute-form request targets).
pub struct RoutedIo {
    inner: hyper_util::rt::TokioIo<tokio::net::TcpStream>,
    proxied: bool,
}

impl hyper_util::client::legacy::connect::Connection for RoutedIo {
    fn connected(&self) -> hyper_util::client::legacy::connect::Connected {
        self.inner.connected().proxy(self.proxied)
    }
}

impl hyper::rt::Read for RoutedIo {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: hyper::rt::ReadBufCursor<'_>,
    ) -> Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl hyper::rt::Write for RoutedIo {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        std::pin::Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

impl tower_service::Service<http::Uri> for Route {
    type Response = RoutedIo;
    type Error = BoxError;
    type Future =
        std::pin::Pin<Box<dyn std::future::Future<Output = Result<RoutedIo, BoxError>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut std::task::Context<'_>) -> Poll<Result<(), BoxError>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, uri: http::Uri) -> Self::Future {
        let mut tcp = self.tcp.clone();
        match self.proxy.clone() {
            None => Box::pin(async move {
                let inner = tcp.call(uri).await.map_err(BoxError::from)?;
                Ok(RoutedIo {
                    inner,
                    proxied: false,
                })
            }),
            Some(proxy) if proxy.tunnel => {
                let mut tunnel =
                    hyper_util::client::legacy::connect::proxy::Tunnel::new(proxy.uri, tcp);
                if let Some(auth) = proxy.authorization {
                    tunnel = tunnel.with_auth(auth);
                }
                Box::pin(async move {
                    let inner = tunnel
                        .call(uri)
                        .await
                        .map_err(|_| BoxError::from(TransportError::Proxy(proxy.shown.clone())))?;
                    Ok(RoutedIo {
                        inner,
                        proxied: false,
                    })
                })
            }
            Some(proxy) => Box::pin(async move {
                let inner = tcp
                    .call(proxy.uri)
                    .await
                    .map_err(|_| BoxError::from(TransportError::Proxy(proxy.shown.clone())))?;
                Ok(RoutedIo {
                    inner,
                    proxied: true,
                })
            }),
        }
    }
}

/// botocore's `mask_proxy_url`: user info shown as `***:***`.
pub fn mask_proxy_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..end].rsplit_once('@') {
        Some((userinfo, host)) => {
            let masked = if userinfo.contains(':') {
                "***:***"
            } else {
                "***"
            };
            format!("{scheme}://{masked}@{host}{}", &rest[end..])
        }
        None => url.to_owned(),
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn base64_encode(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(TABLE[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A connector that tells when a connection (TCP, then TLS) is up, so the
/// read timeout can start there, as a socket timeout does in botocore.
#[derive(Clone)]
struct Signalling<C> {
    inner: C,
    connected: Arc<tokio::sync::Notify>,
}

impl<C> tower_service::Service<http::Uri> for Signalling<C>
where
    C: tower_service::Service<http::Uri>,
    C::Future: Send + 'static,
{
    type Response = C::Response;
    type Error = C::Error;
    type Future =
        std::pin::Pin<Box<dyn std::future::Future<Output = Result<C::Response, C::Error>> + Send>>;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, uri: http::Uri) -> Self::Future {
        let connecting = self.inner.call(uri);
        let connected = self.connected.clone();
        Box::pin(async move {
            let result = connecting.await;
            if result.is_ok() {
                connected.notify_waiters();
            }
            result
        })
    }
}

enum Connector {
    Ready {
        client: Box<HyperClient>,
        /// Added to each request sent to a forward proxy.
        proxy_authorization: Option<http::HeaderValue>,
        connected: Arc<tokio::sync::Notify>,
        read_timeout: Option<Duration>,
        /// How long connecting (TCP and TLS) may take in all.
        handshake_limit: Option<Duration>,
        /// The host named in the insecure-request warning, when the
        /// request is HTTPS without verification.
        unverified_host: Option<String>,
    },
    BadBundle(String),
}

impl fmt::Debug for Connector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Connector::Ready { .. } => f.write_str("Connector::Ready"),
            Connector::BadBundle(text) => write!(f, "Connector::BadBundle({text:?})"),
        }
    }
}

impl HttpConnector for Connector {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        let (client, connected, read_timeout, handshake_limit, unverified_host) = match self {
            Connector::Ready {
                client,
                proxy_authorization,
                connected,
                read_timeout,
                handshake_limit,
                unverified_host,
            } => (
                (client, proxy_authorization.clone()),
                connected.clone(),
                *read_timeout,
                *handshake_limit,
                unverified_host.clone(),
            ),
            Connector::BadBundle(text) => {
                // urllib3 loads the bundle once the TCP connection is up: a
                // server that cannot be reached is reported as such first.
                let address = authority(request.uri());
                let text = text.clone();
                return HttpConnectorFuture::new(async move {
                    match tokio::net::TcpStream::connect(address.as_str()).await {
                        Ok(_) => Err(ConnectorError::io(Box::new(TransportError::CaBundle(text)))),
                        Err(e) => Err(ConnectorError::io(Box::new(e))),
                    }
                });
            }
        };
        let (client, proxy_authorization) = client;
        let mut request = match request.try_into_http1x() {
            Ok(request) => request,
            Err(e) => return HttpConnectorFuture::ready(Err(ConnectorError::user(e.into()))),
        };
        if let Some(auth) = proxy_authorization {
            request
                .headers_mut()
                .insert(http::header::PROXY_AUTHORIZATION, auth);
        }
        let response = client.request(request);
        HttpConnectorFuture::new(async move {
            // Connecting (TCP, then TLS) is bounded by the connect timeout
            // and, for a handshake that stalls, by connect + read (botocore
            // reports that as a read timeout). The read timeout proper
            // starts once the connection is up. The waiter is registered
            // before the request starts, so the signal (which is not
            // stored) cannot be missed.
            let mut up = std::pin::pin!(connected.notified());
            up.as_mut().enable();
            let mut response = std::pin::pin!(response);
            let connecting = std::future::poll_fn(|cx| {
                if let Poll::Ready(result) = response.as_mut().poll(cx) {
                    return Poll::Ready(Some(result));
                }
                up.as_mut().poll(cx).map(|()| None)
            });
            let early = match handshake_limit {
                Some(limit) => tokio::time::timeout(limit, connecting).await.ok(),
                None => Some(connecting.await),
            };
            // urllib3 warns once the connection is up, before sending.
            let handshake_done = match &early {
                None => false,
                Some(Some(Err(e))) => !e.is_connect(),
                Some(_) => true,
            };
            if let (Some(host), true) = (&unverified_host, handshake_done) {
                warn_unverified(host);
            }
            let reading = async {
                let head = match early {
                    None => return Err(read_timeout_error()),
                    Some(Some(result)) => result,
                    Some(None) => response.await,
                };
                let (parts, body) = head.map_err(classify)?.into_parts();
                // The body is read here, under the same read timeout, as
                // urllib3 reads it before botocore parses anything.
                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map_err(|_| ConnectorError::io(Box::new(TransportError::ConnectionClosed)))?
                    .to_bytes();
                let response = http::Response::from_parts(parts, SdkBody::from(body));
                HttpResponse::try_from(response).map_err(|e| ConnectorError::other(e.into(), None))
            };
            match read_timeout {
                Some(limit) => tokio::time::timeout(limit, reading)
                    .await
                    .unwrap_or_else(|_| Err(read_timeout_error())),
                None => reading.await,
            }
        })
    }
}

fn read_timeout_error() -> ConnectorError {
    ConnectorError::timeout(Box::new(TransportError::ReadTimeout))
}

/// urllib3's `InsecureRequestWarning` through Python's `warnings`, as the
/// official (PyInstaller) build shows it: the module path relative to the
/// bundle, urllib3 2.6.3's line, and no source line.
fn warn_unverified(host: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(
        stderr,
        "urllib3/connectionpool.py:1097: InsecureRequestWarning: Unverified HTTPS request is being made to host '{host}'. Adding certificate verification is strongly advised. See: https://urllib3.readthedocs.io/en/latest/advanced-usage.html#tls-warnings"
    );
    let _ = stderr.flush();
}

fn classify(error: hyper_util::client::legacy::Error) -> ConnectorError {
    if error.is_connect() {
        let timed_out = chain(&error).any(|e| {
            e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut)
        });
        if timed_out {
            return ConnectorError::timeout(Box::new(TransportError::ConnectTimeout));
        }
        return ConnectorError::io(Box::new(error));
    }
    ConnectorError::io(Box::new(error))
}

/// `error` and its sources, looking inside `io::Error` payloads.
pub fn chain<'a>(
    error: &'a (dyn std::error::Error + 'static),
) -> impl Iterator<Item = &'a (dyn std::error::Error + 'static)> {
    std::iter::successors(Some(error), |&e| match e.downcast_ref::<std::io::Error>() {
        Some(io) => io
            .get_ref()
            .map(|inner| inner as &(dyn std::error::Error + 'static)),
        None => e.source(),
    })
}

fn hyper_client(
    config: ClientConfig,
    route: Route,
    connected: Arc<tokio::sync::Notify>,
) -> HyperClient {
    let https = hyper_rustls::HttpsConnectorBuilder::new()
        .with_tls_config(config)
        .https_or_http()
        .enable_http1()
        .wrap_connector(route);
    // No pooling: every attempt connects (and signals) afresh.
    Client::builder(TokioExecutor::new())
        .pool_timer(TokioTimer::new())
        .pool_max_idle_per_host(0)
        .build(Signalling {
            inner: https,
            connected,
        })
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::aws_lc_rs::default_provider())
}

fn empty_config() -> ClientConfig {
    with_roots(RootCertStore::empty())
}

fn with_roots(roots: RootCertStore) -> ClientConfig {
    let provider = provider();
    let verifier = rustls::client::WebPkiServerVerifier::builder_with_provider(
        Arc::new(roots),
        provider.clone(),
    )
    .build();
    let builder = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap_or_else(|_| ClientConfig::builder());
    match verifier {
        Ok(webpki) => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(OpenSslWording(webpki)))
            .with_no_client_auth(),
        // No roots at all (plain HTTP, or an unusable bundle): nothing can
        // be verified anyway.
        Err(_) => builder
            .with_root_certificates(RootCertStore::empty())
            .with_no_client_auth(),
    }
}

fn tls_config(trust: &Trust) -> Result<ClientConfig, String> {
    match trust {
        Trust::SystemRoots => {
            let mut roots = RootCertStore::empty();
            roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
            Ok(with_roots(roots))
        }
        Trust::Bundle(path) => Ok(with_roots(load_bundle(path)?)),
        Trust::Unverified => {
            let provider = provider();
            let verifier = Arc::new(AcceptAnyCertificate(provider.clone()));
            Ok(ClientConfig::builder_with_provider(provider)
                .with_safe_default_protocol_versions()
                .map_err(|e| e.to_string())?
                .dangerous()
                .with_custom_certificate_verifier(verifier)
                .with_no_client_auth())
        }
    }
}

/// The certificates of a PEM bundle, or the text Python's
/// `load_verify_locations` fails with.
pub fn load_bundle(path: &str) -> Result<RootCertStore, String> {
    const PEM_LIB: &str = "[X509] PEM lib (_ssl.c:4154)";
    let bytes = std::fs::read(path).map_err(|e| python_os_error(&e))?;
    let mut roots = RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(&bytes) {
        // A CERTIFICATE block OpenSSL cannot read fails the whole load; a
        // well-formed one webpki does not take as a root is skipped.
        let cert = cert.map_err(|_| PEM_LIB.to_owned())?;
        let well_formed = matches!(
            der_element(cert.as_ref()),
            Some(((0x30, whole, _), rest)) if rest.is_empty() && !whole.is_empty()
        );
        if !well_formed {
            return Err(PEM_LIB.to_owned());
        }
        let _ = roots.add(cert);
    }
    if roots.is_empty() {
        return Err(
            "[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found (_ssl.c:4154)"
                .to_owned(),
        );
    }
    Ok(roots)
}

/// Python's `str()` of an `OSError`: `[Errno N] strerror`.
fn python_os_error(error: &std::io::Error) -> String {
    match error.raw_os_error() {
        Some(code) => {
            let text = error.to_string();
            let strerror = text
                .strip_suffix(&format!(" (os error {code})"))
                .unwrap_or(&text);
            format!("[Errno {code}] {strerror}")
        }
        None => error.to_string(),
    }
}

/// `host:port` of an HTTPS URL (port 443 when none is given).
fn authority(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let has_port = match authority.rfind(']') {
        Some(end) => authority[end..].contains(':'),
        None => authority.contains(':'),
    };
    if has_port {
        authority.to_owned()
    } else {
        format!("{authority}:443")
    }
}

/// The host of a URL, as urllib3 names it in its warning.
pub fn url_host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if let Some(v6) = authority.strip_prefix('[') {
        return v6.split(']').next().unwrap_or(v6).to_owned();
    }
    authority
        .split(':')
        .next()
        .unwrap_or(authority)
        .to_lowercase()
}

/// The OpenSSL wording Python shows for a failed certificate check, for
/// the rustls error behind it; `None` when `error` is not a TLS failure.
pub fn ssl_error_text(error: &(dyn std::error::Error + 'static), host: &str) -> Option<String> {
    use rustls::CertificateError as C;
    let tls = chain(error).find_map(|e| e.downcast_ref::<rustls::Error>())?;
    let reason = match tls {
        rustls::Error::InvalidCertificate(cert) => match cert {
            C::UnknownIssuer => "unable to get local issuer certificate".to_owned(),
            C::NotValidForName | C::NotValidForNameContext { .. } => {
                if host.parse::<std::net::IpAddr>().is_ok() {
                    format!("IP address mismatch, certificate is not valid for '{host}'.")
                } else {
                    format!("Hostname mismatch, certificate is not valid for '{host}'.")
                }
            }
            C::Expired | C::ExpiredContext { .. } => "certificate has expired".to_owned(),
            C::NotValidYet | C::NotValidYetContext { .. } => {
                "certificate is not yet valid".to_owned()
            }
            C::Revoked => "certificate revoked".to_owned(),
            C::BadSignature => "certificate signature failure".to_owned(),
            C::Other(other) => {
                let source: &(dyn std::error::Error + 'static) = &*other.0;
                match source.downcast_ref::<SelfSigned>() {
                    Some(self_signed) => self_signed.to_string(),
                    None => "unsupported certificate purpose".to_owned(),
                }
            }
            _ => "unsupported certificate purpose".to_owned(),
        },
        rustls::Error::InvalidMessage(_) | rustls::Error::InappropriateMessage { .. } => {
            return Some("[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)".into());
        }
        other => return Some(format!("[SSL] {other} (_ssl.c:1006)")),
    };
    Some(format!(
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: {reason} (_ssl.c:1006)"
    ))
}

/// Why OpenSSL would refuse a chain that webpki calls "unknown issuer".
#[derive(Debug)]
pub struct SelfSigned {
    /// The server's own certificate is self-signed (else one the server
    /// sent along with it is).
    pub leaf: bool,
}

impl fmt::Display for SelfSigned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.leaf {
            f.write_str("self-signed certificate")
        } else {
            f.write_str("self-signed certificate in certificate chain")
        }
    }
}

impl std::error::Error for SelfSigned {}

/// webpki's verification, with an unknown issuer told apart the way
/// OpenSSL does when the chain ends in a self-signed certificate.
#[derive(Debug)]
struct OpenSslWording(Arc<rustls::client::WebPkiServerVerifier>);

impl ServerCertVerifier for OpenSslWording {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let result =
            self.0
                .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now);
        match result {
            Err(rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer)) => {
                let leaf = self_issued(end_entity);
                if leaf || intermediates.iter().any(|c| self_issued(c)) {
                    Err(rustls::Error::InvalidCertificate(
                        rustls::CertificateError::Other(rustls::OtherError(Arc::new(SelfSigned {
                            leaf,
                        }))),
                    ))
                } else {
                    result
                }
            }
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// One DER element: its tag, its bytes, its contents.
type Der<'a> = (u8, &'a [u8], &'a [u8]);

/// The DER element at the start of `bytes`, and what follows it.
fn der_element(bytes: &[u8]) -> Option<(Der<'_>, &[u8])> {
    let tag = *bytes.first()?;
    let first = *bytes.get(1)?;
    let (length, header) = if first < 0x80 {
        (usize::from(first), 2)
    } else {
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 {
            return None;
        }
        let mut length = 0usize;
        for &b in bytes.get(2..2 + count)? {
            length = (length << 8) | usize::from(b);
        }
        (length, 2 + count)
    };
    let end = header.checked_add(length)?;
    let whole = bytes.get(..end)?;
    Some(((tag, whole, &whole[header..]), &bytes[end..]))
}

/// Whether a certificate names itself as its issuer (issuer == subject).
/// OpenSSL also checks the signature; names are enough to tell a
/// self-signed certificate from one issued by a CA with another name.
fn self_issued(cert: &CertificateDer<'_>) -> bool {
    let parse = || {
        let ((_, _, certificate), _) = der_element(cert.as_ref())?;
        let ((_, _, tbs), _) = der_element(certificate)?;
        let (first, rest) = der_element(tbs)?;
        // An explicit [0] version comes before the serial number; then the
        // signature algorithm, the issuer, the validity and the subject.
        let rest = if first.0 == 0xa0 {
            der_element(rest)?.1
        } else {
            rest
        };
        let (_algorithm, rest) = der_element(rest)?;
        let ((_, issuer, _), rest) = der_element(rest)?;
        let (_validity, rest) = der_element(rest)?;
        let ((_, subject, _), _) = der_element(rest)?;
        Some(issuer == subject)
    };
    parse().unwrap_or(false)
}

/// `--no-verify-ssl`: any certificate is accepted; handshake signatures
/// are still checked so the connection is at least consistent.
#[derive(Debug)]
struct AcceptAnyCertificate(Arc<CryptoProvider>);

impl ServerCertVerifier for AcceptAnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxy_urls_and_credentials() {
        assert_eq!(
            mask_proxy_url("http://user:pw@proxy:3128/"),
            "http://***:***@proxy:3128/"
        );
        assert_eq!(mask_proxy_url("http://user@proxy"), "http://***@proxy");
        assert_eq!(mask_proxy_url("http://proxy:3128"), "http://proxy:3128");
        assert_eq!(base64_encode(b"user:p%w"), "dXNlcjpwJXc=");
        assert_eq!(base64_encode(b"ab"), "YWI=");
        assert_eq!(percent_decode("p%40ss"), "p@ss");
    }

    #[test]
    fn hosts_as_urllib3_names_them() {
        assert_eq!(url_host("https://127.0.0.1:8443/"), "127.0.0.1");
        assert_eq!(url_host("https://Example.COM"), "example.com");
        assert_eq!(url_host("https://[::1]:443/p"), "::1");
        assert_eq!(authority("https://h/p"), "h:443");
        assert_eq!(authority("https://h:8443/p"), "h:8443");
        assert_eq!(authority("https://[::1]/"), "[::1]:443");
    }

    #[test]
    fn bundle_errors_read_like_python() {
        assert_eq!(
            load_bundle("/nonexistent/ca.pem").unwrap_err(),
            "[Errno 2] No such file or directory"
        );
        let dir = std::env::temp_dir().join(format!("usvs-bundle-{}", std::process::id()));
        std::fs::write(&dir, "garbage\n").unwrap();
        assert_eq!(
            load_bundle(dir.to_str().unwrap()).unwrap_err(),
            "[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found (_ssl.c:4154)"
        );
        std::fs::write(
            &dir,
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        assert_eq!(
            load_bundle(dir.to_str().unwrap()).unwrap_err(),
            "[X509] PEM lib (_ssl.c:4154)"
        );
        assert_eq!(load_bundle("/").unwrap_err(), "[Errno 21] Is a directory");
        let _ = std::fs::remove_file(dir);
    }
}

//! Binding, the accept loop and the [`Sim`] handle. The loop is ours rather than
//! `axum::serve` so that a fault can close a connection without answering, and so
//! that TLS is one optional step.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::{self, ServerConfig};
use tower::ServiceExt;

use crate::clock::Clock;
use crate::faults::DropConnection;
use crate::fixtures::{Fixtures, HostRole};
use crate::routes;
use crate::store::{AppState, Shared, Store};
use crate::switches::{Faults, Switches};

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// 0 picks a free port.
    pub port: u16,
    /// PEM certificate chain and private key: serve `https://`.
    pub tls: Option<(PathBuf, PathBuf)>,
    /// One line per request on stderr.
    pub log: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum SimError {
    #[error("cannot listen on 127.0.0.1: {0}")]
    Bind(#[from] std::io::Error),
    #[error("TLS set-up failed: {0}")]
    Tls(String),
}

/// A running simulator on 127.0.0.1. Stops when dropped.
pub struct Sim {
    shared: AppState,
    addr: SocketAddr,
    stop: watch::Sender<bool>,
    task: Mutex<Option<JoinHandle<()>>>,
}

#[derive(Debug)]
struct Dropped;
impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped on purpose")
    }
}
impl std::error::Error for Dropped {}

impl Sim {
    /// Starts on `127.0.0.1:0` without logging.
    pub async fn start(fixtures: Fixtures) -> Result<Sim, SimError> {
        Sim::start_with(fixtures, Options::default()).await
    }

    pub async fn start_with(fixtures: Fixtures, opts: Options) -> Result<Sim, SimError> {
        // Loopback only, always: this server hands out tokens to anyone who asks.
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, opts.port)).await?;
        let addr = listener.local_addr()?;
        let tls = opts.tls.as_ref().map(|(c, k)| acceptor(c, k)).transpose()?;
        let scheme = if tls.is_some() { "https" } else { "http" };
        let shared = Arc::new(Shared {
            store: Mutex::new(Store::new(fixtures)),
            clock: Clock::default(),
            faults: Faults::default(),
            base_url: format!("{scheme}://127.0.0.1:{}", addr.port()),
            tls: tls.is_some(),
            log: opts.log,
        });
        let (stop, stopped) = watch::channel(false);
        let app = routes::router(shared.clone());
        let task = tokio::spawn(accept_loop(listener, app, tls, stopped));
        Ok(Sim {
            shared,
            addr,
            stop,
            task: Mutex::new(Some(task)),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`: the My Domain, which is also the instance.
    pub fn base_url(&self) -> &str {
        &self.shared.base_url
    }

    /// Where `login.salesforce.com` answers.
    pub fn login_url(&self) -> String {
        self.shared.role_url(HostRole::Login)
    }

    /// Where `test.salesforce.com` answers.
    pub fn test_url(&self) -> String {
        self.shared.role_url(HostRole::Test)
    }

    pub fn my_domain_url(&self) -> String {
        self.shared.role_url(HostRole::MyDomain)
    }

    pub fn instance_url(&self) -> String {
        self.shared.role_url(HostRole::MyDomain)
    }

    pub fn url(&self, role: HostRole) -> String {
        self.shared.role_url(role)
    }

    pub fn switches(&self) -> Switches {
        Switches(self.shared.clone())
    }

    pub fn clock(&self) -> Clock {
        self.shared.clock.clone()
    }

    /// Stops listening and closes open connections.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        let task = self.task.lock().ok().and_then(|mut t| t.take());
        if let Some(task) = task {
            let _ = task.await;
        }
    }

    /// Runs until the process is interrupted (for the binary).
    pub async fn run_until_ctrl_c(self) {
        let _ = tokio::signal::ctrl_c().await;
        self.shutdown().await;
    }
}

impl Drop for Sim {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

fn acceptor(cert: &PathBuf, key: &PathBuf) -> Result<TlsAcceptor, SimError> {
    use rustls_pki_types::pem::PemObject;
    use rustls_pki_types::{CertificateDer, PrivateKeyDer};
    let tls = |e: &dyn std::fmt::Display| SimError::Tls(e.to_string());
    let certs = CertificateDer::pem_file_iter(cert)
        .map_err(|e| tls(&e))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| tls(&e))?;
    let key = PrivateKeyDer::from_pem_file(key).map_err(|e| tls(&e))?;
    // Named explicitly: with two crypto providers in one build rustls will not guess.
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| tls(&e))?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| tls(&e))?;
    Ok(TlsAcceptor::from(Arc::new(config)))
}

async fn accept_loop(
    listener: TcpListener,
    app: Router,
    tls: Option<TlsAcceptor>,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        let (stream, peer) = tokio::select! {
            r = listener.accept() => match r {
                Ok(conn) => conn,
                Err(_) => continue,
            },
            _ = stop.changed() => return,
        };
        let app = app.clone();
        let tls = tls.clone();
        let mut stop = stop.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
                let app = app.clone();
                req.extensions_mut().insert(ConnectInfo(peer));
                async move {
                    let resp = match app.oneshot(req).await {
                        Ok(resp) => resp,
                        Err(never) => match never {},
                    };
                    if resp.extensions().get::<DropConnection>().is_some() {
                        return Err(Dropped);
                    }
                    Ok(resp)
                }
            });
            let http = hyper::server::conn::http1::Builder::new();
            tokio::select! {
                _ = async {
                    match tls {
                        Some(acceptor) => {
                            if let Ok(s) = acceptor.accept(stream).await {
                                let _ = http.serve_connection(TokioIo::new(s), service).await;
                            }
                        }
                        None => {
                            let _ = http.serve_connection(TokioIo::new(stream), service).await;
                        }
                    }
                } => {}
                _ = stop.changed() => {}
            }
        });
    }
}

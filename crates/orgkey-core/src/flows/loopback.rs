//! The CLI's browser for the web server flow (RFC 8252 §7.3): listen on the callback
//! URL's loopback port, open the system browser on the authorize URL, and take the
//! one request that comes back to the callback path.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use url::Url;

use super::web_server::Browser;
use crate::error::AuthError;
use crate::org::is_loopback;
use crate::secret::Secret;

/// How the authorize URL reaches a person.
pub type Opener = Box<dyn Fn(&Url) -> Result<(), AuthError> + Send + Sync>;

pub struct LoopbackBrowser {
    pub open: Opener,
    pub timeout: Duration,
}

impl LoopbackBrowser {
    /// Opens the system browser (honouring `$BROWSER`) and waits up to five minutes.
    pub fn system() -> Self {
        LoopbackBrowser {
            open: Box::new(open_in_system_browser),
            timeout: Duration::from_secs(300),
        }
    }
}

impl Browser for LoopbackBrowser {
    async fn authorize(&self, url: &Url, callback: &Url) -> Result<Url, AuthError> {
        let listener = bind(callback).await?;
        (self.open)(url)?;
        tokio::time::timeout(self.timeout, receive(&listener, callback))
            .await
            .map_err(|_| AuthError::TimedOut {
                waiting_for: "the browser to come back from the login page",
                seconds: self.timeout.as_secs(),
            })?
    }
}

async fn bind(callback: &Url) -> Result<TcpListener, AuthError> {
    let unusable = |reason| AuthError::CallbackUnusable {
        url: callback.to_string(),
        reason,
    };
    if callback.scheme() != "http" {
        return Err(unusable(
            "only an http:// loopback callback can be received here",
        ));
    }
    let host = callback.host_str().unwrap_or_default();
    if !is_loopback(host) {
        return Err(unusable(
            "its host is not this computer (use localhost or 127.0.0.1)",
        ));
    }
    let port = callback
        .port()
        .ok_or(unusable("it has no port, and port 80 needs privileges"))?;
    // `localhost` is bound as 127.0.0.1, where browsers resolve it first.
    let address = if host.contains(':') {
        "[::1]"
    } else {
        "127.0.0.1"
    };
    TcpListener::bind(format!("{address}:{port}"))
        .await
        .map_err(|error| match error.kind() {
            std::io::ErrorKind::AddrInUse => AuthError::CallbackPortBusy { port },
            _ => unusable("the port cannot be opened"),
        })
}

/// Serves requests until one arrives on the callback path; others (a favicon, a
/// stray probe) get a 404 and are ignored.
async fn receive(listener: &TcpListener, callback: &Url) -> Result<Url, AuthError> {
    loop {
        let Ok((mut stream, _)) = listener.accept().await else {
            continue;
        };
        let Some(target) = read_request_target(&mut stream).await else {
            continue;
        };
        let Ok(url) = callback.join(&target) else {
            respond(&mut stream, "400 Bad Request", "Bad request.").await;
            continue;
        };
        if url.path() != callback.path() {
            respond(&mut stream, "404 Not Found", "Nothing here.").await;
            continue;
        }
        let failed = url.query_pairs().any(|(key, _)| key == "error");
        let message = if failed {
            "OrgKey received Salesforce's answer: the login did not succeed. The terminal says why. You may close this tab."
        } else {
            "You are logged in to OrgKey. You may close this tab."
        };
        respond(&mut stream, "200 OK", message).await;
        return Ok(url);
    }
}

/// The request line's target (`/path?query`), from at most 16 KiB of request head.
async fn read_request_target(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut buffer = [0u8; 2048];
    while !head.windows(4).any(|window| window == b"\r\n\r\n") && head.len() < 16 * 1024 {
        let read = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buffer))
            .await
            .ok()?
            .ok()?;
        if read == 0 {
            break;
        }
        head.extend_from_slice(&buffer[..read]);
    }
    let line = String::from_utf8_lossy(&head).lines().next()?.to_owned();
    let mut parts = line.split(' ');
    match (parts.next(), parts.next()) {
        (Some("GET"), Some(target)) if target.starts_with('/') => Some(target.to_owned()),
        _ => None,
    }
}

async fn respond(stream: &mut TcpStream, status: &str, message: &str) {
    let body = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>OrgKey</title></head>\
         <body style=\"font-family:system-ui,sans-serif;margin:3em\"><h1>OrgKey</h1><p>{message}</p></body></html>"
    );
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    // The person's tab may already be gone; the URL we got is what matters.
    let _ = stream.write_all(response.as_bytes()).await;
    let _ = stream.shutdown().await;
}

/// Opens a URL that is itself a credential (a frontdoor URL logs the browser in)
/// without putting it in a process argument, where other users could read it: the
/// browser is sent to a one-shot listener on 127.0.0.1, which redirects it there.
pub async fn open_secret_url(url: &Secret, timeout: Duration) -> Result<(), AuthError> {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|_| AuthError::NoBrowser {
            detail: "no local port could be opened".into(),
        })?;
    let port = listener
        .local_addr()
        .map_err(|_| AuthError::NoBrowser {
            detail: "no local port could be opened".into(),
        })?
        .port();
    let path = format!("/open/{}", uuid::Uuid::new_v4());
    let local = Url::parse(&format!("http://127.0.0.1:{port}{path}"))
        .map_err(|_| AuthError::Internal("the local URL is not a URL".into()))?;
    open_in_system_browser(&local)?;
    let serve = async {
        loop {
            let Ok((mut stream, _)) = listener.accept().await else {
                continue;
            };
            // Only the browser we sent knows the random path.
            if read_request_target(&mut stream).await.as_deref() != Some(path.as_str()) {
                respond(&mut stream, "404 Not Found", "Nothing here.").await;
                continue;
            }
            let response = format!(
                "HTTP/1.1 302 Found\r\nLocation: {}\r\nCache-Control: no-store\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                url.expose()
            );
            let _ = stream.write_all(response.as_bytes()).await;
            let _ = stream.shutdown().await;
            return;
        }
    };
    tokio::time::timeout(timeout, serve)
        .await
        .map_err(|_| AuthError::TimedOut {
            waiting_for: "the browser to open the org",
            seconds: timeout.as_secs(),
        })
}

/// Opens a URL in the person's browser: each command of `$BROWSER` (colon-separated,
/// `%s` standing for the URL) in turn, else the platform's opener.
pub fn open_in_system_browser(url: &Url) -> Result<(), AuthError> {
    let from_env = std::env::var("BROWSER").unwrap_or_default();
    let mut commands: Vec<Vec<String>> = from_env
        .split(':')
        .filter(|command| !command.trim().is_empty())
        .map(|command| {
            let mut words: Vec<String> = command.split_whitespace().map(String::from).collect();
            if words.iter().any(|word| word.contains("%s")) {
                for word in &mut words {
                    *word = word.replace("%s", url.as_str());
                }
            } else {
                words.push(url.to_string());
            }
            words
        })
        .collect();
    commands.push(platform_opener(url));
    let mut last_error = String::from("no browser command is known");
    for words in commands {
        let Some((program, args)) = words.split_first() else {
            continue;
        };
        match std::process::Command::new(program).args(args).spawn() {
            Ok(mut child) => {
                // Reap it whenever it ends, without making the login wait for it.
                std::thread::spawn(move || child.wait());
                return Ok(());
            }
            Err(error) => last_error = format!("{program}: {error}"),
        }
    }
    Err(AuthError::NoBrowser { detail: last_error })
}

fn platform_opener(url: &Url) -> Vec<String> {
    let url = url.to_string();
    if cfg!(target_os = "macos") {
        vec!["open".into(), url]
    } else if cfg!(target_os = "windows") {
        vec!["rundll32".into(), "url.dll,FileProtocolHandler".into(), url]
    } else {
        vec!["xdg-open".into(), url]
    }
}

//! Just enough HTTP/1.1 client to POST a webhook to an `http://` URL and read the
//! status back.
//!
//! Webhook receivers of a local stand-in are local (a test's listener, the app's
//! dev server), so plain HTTP suffices, and this keeps the crate free of a client
//! stack and TLS. `https://` URLs are refused with a clear message.

use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Where to connect and what to ask for.
#[derive(Debug, PartialEq, Eq)]
struct Target {
    host: String,
    port: u16,
    /// The `Host` header value.
    authority: String,
    path: String,
}

fn parse(url: &str) -> Result<Target, String> {
    // Spaces or line breaks would end up inside the request line.
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("Not a valid URL: {url:?}"));
    }
    let rest = match url.split_once("://") {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") => rest,
        Some((scheme, _)) if scheme.eq_ignore_ascii_case("https") => {
            return Err("The sandbox delivers webhooks over plain http:// only; register an http:// URL (local receivers need no TLS).".into())
        }
        _ => return Err(format!("Not an http:// URL: {url}")),
    };
    let (authority, path) = match rest.find(['/', '?']) {
        Some(i) if rest.as_bytes()[i] == b'?' => (&rest[..i], format!("/{}", &rest[i..])),
        Some(i) => (&rest[..i], rest[i..].to_owned()),
        None => (rest, "/".to_owned()),
    };
    let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (host, after) = v6.split_once(']').ok_or("Bad IPv6 address")?;
        (host, after.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let port = match port {
        None | Some("") => 80,
        Some(p) => p.parse().map_err(|_| format!("Bad port in {url}"))?,
    };
    if host.is_empty() {
        return Err(format!("No host in {url}"));
    }
    let path = path.split('#').next().unwrap_or("/").to_owned();
    Ok(Target {
        host: host.to_owned(),
        port,
        authority: authority.to_owned(),
        path,
    })
}

/// POSTs `body` as JSON with extra `headers` and returns the response status.
/// Errors are the human-readable reason the delivery failed (recorded per attempt).
pub async fn post_json(
    url: &str,
    headers: &[(&str, String)],
    body: &[u8],
    timeout: Duration,
) -> Result<u16, String> {
    let target = parse(url)?;
    tokio::time::timeout(timeout, exchange(&target, headers, body))
        .await
        .map_err(|_| format!("Timed out after {} ms", timeout.as_millis()))?
}

async fn exchange(target: &Target, headers: &[(&str, String)], body: &[u8]) -> Result<u16, String> {
    let mut stream = TcpStream::connect((target.host.as_str(), target.port))
        .await
        .map_err(|e| format!("Could not connect to {}: {e}", target.authority))?;
    let mut head = format!(
        "POST {} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nUser-Agent: ten99-sandbox-webhooks/1\r\nConnection: close\r\n",
        target.path,
        target.authority,
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let write = async {
        stream.write_all(head.as_bytes()).await?;
        stream.write_all(body).await?;
        stream.flush().await
    };
    write.await.map_err(|e| format!("Could not send: {e}"))?;
    // Read the response head; the body does not matter.
    let mut buffer = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    while !buffer.windows(4).any(|w| w == b"\r\n\r\n") && buffer.len() < 16 * 1024 {
        match stream.read(&mut chunk).await {
            Ok(0) => break,
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            Err(e) => return Err(format!("Could not read the response: {e}")),
        }
    }
    status(&buffer).ok_or_else(|| "No HTTP response".to_owned())
}

/// The status code of `HTTP/1.1 200 OK…`.
fn status(head: &[u8]) -> Option<u16> {
    let line = head.split(|b| *b == b'\n').next()?;
    let line = std::str::from_utf8(line).ok()?;
    let mut parts = line.split_whitespace();
    parts.next().filter(|v| v.starts_with("HTTP/"))?;
    parts.next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_urls_a_receiver_registers() {
        let t = parse("http://127.0.0.1:8123/hooks/1099?x=1#frag").unwrap();
        assert_eq!(
            (t.host.as_str(), t.port, t.path.as_str()),
            ("127.0.0.1", 8123, "/hooks/1099?x=1")
        );
        assert_eq!(t.authority, "127.0.0.1:8123");
        let t = parse("HTTP://localhost").unwrap();
        assert_eq!(
            (t.host.as_str(), t.port, t.path.as_str()),
            ("localhost", 80, "/")
        );
        let t = parse("http://[::1]:9000?q").unwrap();
        assert_eq!(
            (t.host.as_str(), t.port, t.path.as_str()),
            ("::1", 9000, "/?q")
        );
        assert!(parse("https://example.com/hook")
            .unwrap_err()
            .contains("http:// only"));
        assert!(parse("ftp://x").is_err());
        assert!(parse("http://host:99999/").is_err());
        assert!(parse("http://host/a\r\nX: y").is_err());
        assert_eq!(status(b"HTTP/1.1 204 No Content\r\n"), Some(204));
        assert_eq!(status(b"garbage"), None);
    }
}

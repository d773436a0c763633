//! `ten99-sandbox`: runs the local 1099Policy stand-in until Ctrl-C or SIGTERM.
//!
//! Prints exactly one line, `listening on http://HOST:PORT`, once it accepts
//! connections, so a script can wait for that line and read the address from it.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use ten99_sandbox::Options;

const USAGE: &str = "\
Usage: ten99-sandbox [--listen ADDR] [--data FILE]

A local stand-in of the 1099Policy API (base URL printed on start; paths under /api/v1).

Options:
  --listen ADDR  address to listen on (default 127.0.0.1:8099; port 0 picks a free one)
  --data FILE    SQLite file to keep data in (default: in memory, lost on exit)
  -h, --help     show this help
";

#[tokio::main]
async fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("ten99-sandbox: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let running = match ten99_sandbox::start(options).await {
        Ok(running) => running,
        Err(e) => {
            eprintln!("ten99-sandbox: could not start: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("listening on {}", running.base_url());
    let _ = std::io::stdout().flush();
    shutdown_signal().await;
    running.stop().await;
    ExitCode::SUCCESS
}

/// `Ok(None)` means help was asked for. Hand-rolled: two options don't need a parser crate.
fn parse(mut args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        listen: SocketAddr::from(([127, 0, 0, 1], 8099)),
        data: None,
    };
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or(format!("{name} needs a value"))
        };
        match name.as_str() {
            "-h" | "--help" => return Ok(None),
            "--listen" => {
                let text = value()?;
                options.listen = text
                    .parse()
                    .map_err(|_| format!("--listen: not an address like 127.0.0.1:8099: {text}"))?;
            }
            "--data" => options.data = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    Ok(Some(options))
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Option<Options>, String> {
        parse(list.iter().map(|s| s.to_string()))
    }

    #[test]
    fn parses_both_spellings_and_rejects_the_rest() {
        let o = args(&["--listen", "127.0.0.1:0", "--data=/tmp/x.db"])
            .unwrap()
            .unwrap();
        assert_eq!(o.listen.port(), 0);
        assert_eq!(o.data, Some(PathBuf::from("/tmp/x.db")));
        assert_eq!(args(&[]).unwrap().unwrap().listen.port(), 8099);
        assert!(args(&["--help"]).unwrap().is_none());
        assert!(args(&["--listen"]).is_err());
        assert!(args(&["--listen", "nope"]).is_err());
        assert!(args(&["--verbose"]).is_err());
    }
}

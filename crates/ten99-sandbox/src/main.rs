//! `ten99-sandbox`: runs the local 1099Policy stand-in until Ctrl-C or SIGTERM.
//!
//! Prints exactly one line, `listening on http://HOST:PORT`, once it accepts
//! connections (after seeding, with `--seed-demo`), so a script can wait for that
//! line and read the address from it. What seeding did goes to stderr.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use ten99_sandbox::demo::{self, Outcome};
use ten99_sandbox::Options;

const USAGE: &str = "\
Usage: ten99-sandbox [--listen ADDR] [--data FILE] [--seed-demo [--demo-key KEY]]

A local stand-in of the 1099Policy API (base URL printed on start; paths under /api/v1).

Options:
  --listen ADDR     address to listen on (default 127.0.0.1:8099; port 0 picks a free one)
  --data FILE       SQLite file to keep data in (default: in memory, lost on exit)
  --seed-demo       before serving, fill one account with demo data: 12 contractors,
                    4 entities, 10 jobs, 11 quotes (2 not eligible), 5 policies (one
                    cancelled, one expired) with their PDFs; skipped if that account
                    already has contractors, so it is safe to repeat with --data
  --demo-key KEY    the account (API key) to seed (default t9sk_test_coverdesk-local,
                    the key the Coverdesk app uses for its embedded stand-in)
  -h, --help        show this help
";

/// What the command line asks for.
#[derive(Debug)]
struct Args {
    options: Options,
    /// The key to seed demo data for, if `--seed-demo`.
    seed: Option<String>,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("ten99-sandbox: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let running = match ten99_sandbox::start(args.options).await {
        Ok(running) => running,
        Err(e) => {
            eprintln!("ten99-sandbox: could not start: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(key) = args.seed {
        match running.seed_demo(&key).await {
            Ok(Outcome::Seeded(s)) => eprintln!(
                "ten99-sandbox: demo data for {key}: {} contractors, {} entities, {} jobs, \
                 {} quotes ({} not eligible), {} policies",
                s.contractors, s.entities, s.jobs, s.quotes, s.ineligible_quotes, s.policies
            ),
            Ok(Outcome::NotEmpty) => {
                eprintln!("ten99-sandbox: {key} already has contractors; demo data not added")
            }
            Err(e) => {
                eprintln!("ten99-sandbox: could not seed demo data: {e}");
                running.stop().await;
                return ExitCode::FAILURE;
            }
        }
    }
    println!("listening on {}", running.base_url());
    let _ = std::io::stdout().flush();
    shutdown_signal().await;
    running.stop().await;
    ExitCode::SUCCESS
}

/// `Ok(None)` means help was asked for. Hand-rolled: four options don't need a parser crate.
fn parse(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut options = Options {
        listen: SocketAddr::from(([127, 0, 0, 1], 8099)),
        data: None,
    };
    let (mut seed, mut demo_key) = (false, None);
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
            "--seed-demo" => seed = true,
            "--demo-key" => demo_key = Some(value()?),
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    if demo_key.is_some() && !seed {
        return Err("--demo-key only makes sense with --seed-demo".to_owned());
    }
    let seed = seed.then(|| demo_key.unwrap_or_else(|| demo::KEY.to_owned()));
    Ok(Some(Args { options, seed }))
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
        parse(list.iter().map(|s| s.to_string())).map(|a| a.map(|a| a.options))
    }

    fn seed(list: &[&str]) -> Result<Option<String>, String> {
        parse(list.iter().map(|s| s.to_string())).map(|a| a.unwrap().seed)
    }

    #[test]
    fn seeds_the_apps_key_unless_told_another() {
        assert_eq!(seed(&[]).unwrap(), None);
        assert_eq!(seed(&["--seed-demo"]).unwrap().as_deref(), Some(demo::KEY));
        let other = seed(&["--seed-demo", "--demo-key", "t9k_test_mine"]).unwrap();
        assert_eq!(other.as_deref(), Some("t9k_test_mine"));
        assert!(seed(&["--demo-key", "t9k_test_mine"]).is_err());
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

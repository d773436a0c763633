//! Requests per second of the `ten99` client through a whole flow (not a test):
//! `cargo bench -p ten99 --features client --bench client_flow`, or
//! `bash scripts/bench-client`, which also runs the official Python SDK against the same
//! stand-in and prints the ratio.
//!
//! One flow is what an integration does for each new contractor: create the contractor,
//! retrieve it, list contractors, create an entity, a job and a quote (six requests, each
//! waiting for the one before). It runs `FLOWS` times (default 500) after `WARMUP` (20)
//! uncounted ones, first one flow at a time, then with `IN_FLIGHT` (32) flows at once
//! through one shared `Client`.
//!
//! The stand-in is the one at `TEN99_BENCH_BASE`; without it, the built stand-in binary
//! next to this benchmark (`target/release/ten99-sandbox`, from `cargo build --profile
//! bench -p ten99-sandbox`) is started on a free loopback port with its data in
//! memory. Each variant runs in a child process of its own, so the peak RSS it prints
//! (VmHWM) is that variant's alone; each uses a fresh key, so its account starts empty.
//! Output, one line per variant:
//!
//! `RESULT client=ten99 in_flight=N flows=F requests=R seconds=S rps=X peak_rss_kib=K`

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;
use ten99::client::{ApiKey, Client, Error, ListParams};
use ten99::*;

/// Requests per flow: contractor create, retrieve, list; entity, job, quote creates.
const REQUESTS_PER_FLOW: usize = 6;
/// Set on the child processes: which variant to run.
const CHILD: &str = "CLIENT_FLOW_IN_FLIGHT";

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    if let Ok(in_flight) = std::env::var(CHILD) {
        let in_flight: usize = in_flight.parse().expect("in-flight count");
        let base = std::env::var("TEN99_BENCH_BASE").expect("TEN99_BENCH_BASE");
        child(&base, in_flight);
        return;
    }
    let (base, _standin) = match std::env::var("TEN99_BENCH_BASE") {
        Ok(base) => (base, None),
        Err(_) => {
            let (base, process) = start_standin();
            (base, Some(process))
        }
    };
    println!(
        "ten99 client flow against {base}: {} flows (+{} warm-up), 6 requests each, {} cores",
        setting("FLOWS", 500),
        setting("WARMUP", 20),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    for in_flight in [1, setting("IN_FLIGHT", 32)] {
        let status = Command::new(std::env::current_exe().expect("own path"))
            .env(CHILD, in_flight.to_string())
            .env("TEN99_BENCH_BASE", &base)
            .status()
            .expect("runs a variant");
        assert!(
            status.success(),
            "variant with {in_flight} in flight failed"
        );
    }
}

/// The stand-in binary next to this benchmark, on a free port, its data in memory (as
/// `scripts/bench-client` starts it; see there why).
fn start_standin() -> (String, Standin) {
    let exe = std::env::current_exe().expect("own path");
    // target/release/deps/client_flow-HASH → target/release/ten99-sandbox
    let bin = std::env::var_os("TEN99_SANDBOX_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            exe.parent()
                .unwrap()
                .parent()
                .unwrap()
                .join("ten99-sandbox")
        });
    assert!(
        bin.exists(),
        "{} is missing: build it with `cargo build --profile bench -p ten99-sandbox`, \
         or run scripts/bench-client",
        bin.display()
    );
    let mut process = Command::new(&bin)
        .args(["--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("starts the stand-in");
    let mut line = String::new();
    BufReader::new(process.stdout.take().unwrap())
        .read_line(&mut line)
        .expect("reads the stand-in's first line");
    let base = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("the stand-in said {line:?}"))
        .to_owned();
    (base, Standin(process))
}

struct Standin(std::process::Child);

impl Drop for Standin {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One variant: one flow at a time on a single-threaded runtime (nothing to run in
/// parallel, and no hand-offs between threads), or `in_flight` flows at once on a
/// runtime with a worker per core.
fn child(base: &str, in_flight: usize) {
    let runtime = if in_flight == 1 {
        tokio::runtime::Builder::new_current_thread()
    } else {
        tokio::runtime::Builder::new_multi_thread()
    }
    .enable_all()
    .build()
    .expect("runtime");
    runtime.block_on(run(base, in_flight));
}

async fn run(base: &str, in_flight: usize) {
    let flows = setting("FLOWS", 500);
    let warmup = setting("WARMUP", 20);
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let key = format!("t9sk_test_bench-ten99-{stamp}-{in_flight}");
    let client = Client::new(base, ApiKey::new(&key), Environment::Sandbox).expect("client");
    let category = client
        .job_categories()
        .list_all()
        .await
        .expect("categories")
        .remove(0)
        .category_code;
    for n in 0..warmup {
        flow(&client, &format!("warm{n}"), &category)
            .await
            .expect("warm-up flow");
    }
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..in_flight)
        .map(|_| {
            let (client, category, next) = (client.clone(), category.clone(), next.clone());
            tokio::spawn(async move {
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    if n >= flows {
                        break;
                    }
                    flow(&client, &n.to_string(), &category)
                        .await
                        .expect("flow");
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.expect("flow task");
    }
    let seconds = started.elapsed().as_secs_f64();
    let requests = flows * REQUESTS_PER_FLOW;
    println!(
        "RESULT client=ten99 in_flight={in_flight} flows={flows} requests={requests} \
         seconds={seconds:.3} rps={:.0} peak_rss_kib={}",
        requests as f64 / seconds,
        peak_rss_kib()
    );
}

/// The six requests, each after the one before, checking what comes back.
async fn flow(client: &Client, n: &str, category: &str) -> Result<(), Error> {
    let contractor = client
        .contractors()
        .create(&ContractorInput {
            first_name: "Joe".into(),
            last_name: "Parker".into(),
            email: format!("bench-{n}@example.com"),
            phone: "415-474-9088".into(),
            address: address(),
            ..Default::default()
        })
        .await?;
    let again = client.contractors().get(&contractor.id).await?;
    assert_eq!(again.id, contractor.id);
    let page = client.contractors().list(&ListParams::default()).await?;
    assert!(!page.is_empty());
    let entity = client
        .entities()
        .create(&EntityInput {
            name: "Apple, Inc".into(),
            address: Some(address()),
            coverage_limit: Some(CoverageLimit {
                aggregate_limit: Cents(200_000_000),
                occurrence_limit: Cents(100_000_000),
            }),
            required_coverage: vec![CoverageType::General, CoverageType::WorkersComp],
        })
        .await?;
    let job = client
        .jobs()
        .create(&JobInput {
            name: "Field technician".into(),
            description: "Installs and repairs equipment on site".into(),
            entity: entity.id,
            category_code: category.into(),
            wage: Cents(15_000),
            wage_type: Some(WageType::Flatfee),
            duration_hours: Some(8),
            address: Some(address()),
            ..Default::default()
        })
        .await?;
    let quote = client
        .quotes()
        .create(&QuoteInput {
            contractor: contractor.id,
            job: job.id,
            coverage_type: vec![CoverageType::General, CoverageType::WorkersComp],
            ..Default::default()
        })
        .await?;
    assert!(quote.id.starts_with("qt_"));
    Ok(())
}

fn address() -> Address {
    Address {
        line1: "1 Kearny St".into(),
        locality: "San Francisco".into(),
        region: "CA".into(),
        postalcode: "94104".into(),
        ..Default::default()
    }
}

/// This process's peak resident set (VmHWM), in KiB.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.split_whitespace().next()?.parse().ok())
        })
        .unwrap_or(0)
}

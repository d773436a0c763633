//! Requests per second against the stand-in on loopback (not a test):
//! `cargo bench -p ten99-sandbox --bench throughput`.
//!
//! Starts the stand-in in-process (in-memory store) on a free loopback port, then for
//! each endpoint runs `CONCURRENCY` clients back to back for a fixed time and prints
//! throughput and the median and p99 latency. `BENCH_SECONDS` and `BENCH_CONCURRENCY`
//! change the run.

use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};
use ten99_sandbox::Options;

const KEY: &str = "t9sk_test_throughput-bench";

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[tokio::main]
async fn main() {
    let seconds = setting("BENCH_SECONDS", 5);
    let concurrency = setting("BENCH_CONCURRENCY", 16) as usize;
    let running = ten99_sandbox::start(Options::default())
        .await
        .expect("starts");
    let base = running.base_url().to_owned();
    // Real-looking records to read and quote: the demo set.
    running.seed_demo(KEY).await.expect("seeds");
    let http = reqwest::Client::new();
    let get = |path: &str| http.get(format!("{base}{path}")).bearer_auth(KEY).send();
    let contractors: Value = get("/api/v1/contractors?limit=1")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let jobs: Value = get("/api/v1/jobs?limit=100")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let contractor = contractors[0]["id"].as_str().unwrap().to_owned();
    // A job in a state where both lines are offered, so each quote is fully priced.
    let job = jobs
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["name"] == "Move-out deep clean")
        .expect("the demo's cleaning job")["id"]
        .as_str()
        .unwrap()
        .to_owned();

    println!(
        "ten99-sandbox throughput: {concurrency} concurrent clients, {seconds} s each, \
         loopback, in-memory store, {} cores",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let read_url = format!("{base}/api/v1/contractors/{contractor}");
    run("GET  /api/v1/contractors/{id}", seconds, concurrency, {
        let http = http.clone();
        move || {
            let request = http.get(&read_url).bearer_auth(KEY);
            async move { request.send().await.map(|r| r.status().as_u16()) }
        }
    })
    .await;
    let quote_url = format!("{base}/api/v1/quotes");
    let body =
        json!({"contractor": contractor, "job": job, "coverage_type": ["general", "workers-comp"]});
    run("POST /api/v1/quotes", seconds, concurrency, {
        let http = http.clone();
        move || {
            let request = http.post(&quote_url).bearer_auth(KEY).json(&body);
            async move { request.send().await.map(|r| r.status().as_u16()) }
        }
    })
    .await;
    running.stop().await;
}

/// Runs `request` from `concurrency` tasks for `seconds`; prints the figures.
async fn run<F, Fut>(name: &str, seconds: u64, concurrency: usize, request: F)
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = reqwest::Result<u16>> + Send,
{
    let request = Arc::new(request);
    // Warm-up: connections opened, caches filled.
    for _ in 0..50 {
        request().await.expect("answers");
    }
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let tasks: Vec<_> = (0..concurrency)
        .map(|_| {
            let request = request.clone();
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                while Instant::now() < deadline {
                    let sent = Instant::now();
                    let status = request().await.expect("answers");
                    assert!((200..300).contains(&status), "status {status}");
                    latencies.push(sent.elapsed());
                }
                latencies
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.expect("bench task"));
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name:<34} {:>8.0} req/s   median {:>7.2} ms   p99 {:>7.2} ms   ({} requests)",
        latencies.len() as f64 / elapsed,
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        latencies.len()
    );
}

//! The `ten99-sandbox` binary, and data that outlives a restart.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use ten99_sandbox::Options;

#[tokio::test]
async fn the_binary_prints_one_line_with_its_address_then_serves() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ten99-sandbox"))
        .args(["--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim_end()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("{line:?}"))
        .to_owned();
    assert!(
        url.starts_with("http://127.0.0.1:") && !url.ends_with(":0"),
        "{url}"
    );
    let health = reqwest::get(format!("{url}/_sandbox/health")).await;
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(health.unwrap().text().await.unwrap(), r#"{"ok":true}"#);
}

#[test]
fn help_exits_zero_and_bad_arguments_exit_two() {
    let help = Command::new(env!("CARGO_BIN_EXE_ten99-sandbox"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("--listen ADDR"));
    let bad = Command::new(env!("CARGO_BIN_EXE_ten99-sandbox"))
        .arg("--bogus")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[tokio::test]
async fn a_data_file_keeps_contractors_across_restarts() {
    let dir = std::env::temp_dir().join(format!("ten99-sandbox-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("sandbox.db");
    let _ = std::fs::remove_file(&file);
    let options = Options {
        data: Some(file.clone()),
        ..Options::default()
    };

    let running = ten99_sandbox::start(options.clone()).await.unwrap();
    let sandbox = common::Sandbox::with(running);
    let id = sandbox.create(common::KEY, "joe@example.com").await;
    sandbox.running.stop().await;

    let sandbox = common::Sandbox::with(ten99_sandbox::start(options).await.unwrap());
    assert_eq!(sandbox.list_ids(common::KEY, "").await, vec![id]);
    sandbox.running.stop().await;
    let _ = std::fs::remove_dir_all(&dir);
}

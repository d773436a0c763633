//! Faults an ops desk meets: Coverdesk opened a second time on the same data folder, and
//! a cache file damaged on disk.

use coverdesk_journeys::records::{create_contractor, create_entity};
use coverdesk_journeys::{app_binary, folders_env, App};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[tokio::test]
#[ignore = "end-to-end: needs the built app, a display and tauri-driver; scripts/test runs it"]
async fn a_second_launch_brings_the_first_forward_and_exits() {
    let app = App::launch("second-launch").await;
    create_contractor(&app, "Ann", "Lee", "ann.lee@example.com").await;

    // Launched as a person would (no WebDriver), on the same folders.
    let mut second = Command::new(app_binary())
        .envs(folders_env(&app.data_home))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let exit = loop {
        if let Some(exit) = second.try_wait().unwrap() {
            break exit;
        }
        if Instant::now() > deadline {
            let _ = second.kill();
            panic!("the second launch kept running beside the first");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(exit.success(), "{exit:?}");

    let said = app
        .wait_for_text("toasts", |t| t.contains("already open"))
        .await;
    assert!(said.contains("this is its window"), "{said}");
    app.screenshot("second-launch").await;
    // The first one is still the one writer: the contractor is there once, and new
    // records go in.
    let listed = app.standin_get("/api/v1/contractors?limit=100").await;
    let anns = listed
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["email"] == "ann.lee@example.com")
        .count();
    assert_eq!(anns, 1);
    create_entity(&app, "Harbor Works LLC").await;
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app, a display and tauri-driver; scripts/test runs it"]
async fn a_damaged_cache_is_rebuilt_from_the_api_keeping_the_draft() {
    let app = App::launch("damaged-cache").await;
    create_contractor(&app, "Ann", "Lee", "ann.lee@example.com").await;
    app.fill("field-first_name", "Bea").await;
    app.fill("field-email", "bea.lo@exa").await;
    app.wait_for_text("contractor-draft-status", |t| t == "Draft saved")
        .await;
    let data_home = app.data_home.clone();
    app.close().await;

    // A failing disk: the contractors table's page scribbled over, the WAL gone. What
    // the killed app left in its WAL goes into the file first, so the damage hits it.
    let folder = data_home.join("data/dev.coverdesk.app");
    let cache = folder.join("cache-local.sqlite");
    let page: usize = {
        let conn = rusqlite::Connection::open(&cache).unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
        conn.query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'contractors'",
            [],
            |row| row.get(0),
        )
        .unwrap()
    };
    let mut bytes = std::fs::read(&cache).unwrap();
    for (n, byte) in bytes[(page - 1) * 4096..page * 4096].iter_mut().enumerate() {
        *byte = (n % 251) as u8;
    }
    std::fs::write(&cache, &bytes).unwrap();
    for side in ["cache-local.sqlite-wal", "cache-local.sqlite-shm"] {
        let _ = std::fs::remove_file(folder.join(side));
    }

    let app = App::launch_in(data_home, &[]).await;
    let said = app.wait_for_text("toasts", |t| t.contains("damaged")).await;
    assert!(said.contains("has been rebuilt"), "{said}");
    assert!(said.contains("1 draft and"), "{said}");
    app.screenshot("damaged-cache").await;
    // The list comes back from the API; the draft came over from the damaged file.
    app.wait_for_text("contractor-list", |t| t.contains("ann.lee@example.com"))
        .await;
    let first = app.value_of("field-first_name").await;
    assert_eq!(first, "Bea");
    let moved_aside = std::fs::read_dir(&folder)
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("cache-local.sqlite.damaged-")
        });
    assert!(moved_aside, "the damaged file is kept beside the new one");
    app.close().await;
}

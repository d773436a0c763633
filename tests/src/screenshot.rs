//! Screenshots of the window, under `target/screenshots/`.
//!
//! WebKitGTK's WebDriver answers a screenshot only after the web view's next paint. The
//! app draws without GL compositing (`src-tauri/src/web_view.rs`), and in that mode WebKit
//! paints only what changed: a page at rest never paints, and the screenshot never
//! answers. (Seen on the policies page with its notice up: it waited, and answered 3 s
//! after the request once a script made a transparent pixel change 3 s later.) So a pixel
//! in the corner keeps changing between two fully transparent colours while the
//! screenshot is asked: the pixels stay the same, WebKit still repaints them.

use fantoccini::Client;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Starts the repaints; they stop themselves after `STOP_MS`, in case the harness cannot.
const KEEP_PAINTING: &str = r#"
    if (!window.__keepPainting) {
        const dot = document.createElement("div");
        dot.setAttribute("aria-hidden", "true");
        dot.style.cssText = "position:fixed;left:0;top:0;width:1px;height:1px;" +
            "pointer-events:none;z-index:2147483647;background:rgba(0,0,0,0)";
        document.documentElement.appendChild(dot);
        let odd = false;
        const timer = setInterval(() => {
            odd = !odd;
            dot.style.background = odd ? "rgba(255,255,255,0)" : "rgba(0,0,0,0)";
        }, 50);
        const stop = () => { clearInterval(timer); dot.remove(); delete window.__keepPainting; };
        setTimeout(stop, STOP_MS);
        window.__keepPainting = stop;
    }
"#;
const STOP_PAINTING: &str = "if (window.__keepPainting) window.__keepPainting();";

/// How long WebDriver gets before the display is captured instead.
const ANSWER_WITHIN: Duration = Duration::from_secs(20);

/// Saves a PNG of the window as `<name>.png` and returns its path.
///
/// Should WebDriver still not answer within 20 s, the whole virtual display is captured
/// with ImageMagick's `import` (scripts/setup installs it) and stderr says so: a journey
/// that hangs tells nothing, and the failure screenshots are taken on the way to a panic.
pub async fn save(driver: &Client, dir: &Path, name: &str) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join(format!("{name}.png"));
    let start = KEEP_PAINTING.replace("STOP_MS", &ANSWER_WITHIN.as_millis().to_string());
    // A page in the middle of navigating may refuse scripts; its screenshot may still come.
    let _ = driver.execute(&start, vec![]).await;
    match tokio::time::timeout(ANSWER_WITHIN, driver.screenshot()).await {
        Ok(png) => {
            std::fs::write(&path, png.expect("a screenshot")).unwrap();
            let _ = driver.execute(STOP_PAINTING, vec![]).await;
        }
        Err(_) => {
            let captured = Command::new("import")
                .args(["-window", "root"])
                .arg(&path)
                .status()
                .is_ok_and(|s| s.success());
            eprintln!(
                "WebDriver's screenshot {name} did not answer within {} s; {}",
                ANSWER_WITHIN.as_secs(),
                if captured {
                    "captured the whole display with `import -window root` instead"
                } else {
                    "`import -window root` could not capture the display either"
                }
            );
        }
    }
    path
}

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
/// instead with ImageMagick's `import` (scripts/setup installs it), and the error says
/// so. The session is stuck then: its next command would wait behind the screenshot.
pub async fn save(driver: &Client, dir: &Path, name: &str) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join(format!("{name}.png"));
    let start = KEEP_PAINTING.replace("STOP_MS", &ANSWER_WITHIN.as_millis().to_string());
    // A page in the middle of navigating may refuse scripts; its screenshot may still come.
    let _ = driver.execute(&start, vec![]).await;
    let Ok(png) = tokio::time::timeout(ANSWER_WITHIN, driver.screenshot()).await else {
        let captured = Command::new("import")
            .args(["-window", "root"])
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success());
        let what = if captured {
            format!("the whole display is in {}", path.display())
        } else {
            "`import -window root` could not capture the display either".to_owned()
        };
        return Err(format!(
            "WebDriver's screenshot {name} did not answer within {} s; {what}",
            ANSWER_WITHIN.as_secs()
        ));
    };
    std::fs::write(&path, png.expect("a screenshot")).unwrap();
    let _ = driver.execute(STOP_PAINTING, vec![]).await;
    Ok(path)
}

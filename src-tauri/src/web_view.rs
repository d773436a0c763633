//! How the window's web view draws.
//!
//! On Linux, WebKitGTK composites the page through OpenGL. Without a GPU (a virtual
//! machine, a remote desktop, the test display) that GL is Mesa's software renderer,
//! which held about 140 MiB in the web process for Coverdesk's first screen and made its
//! start wait for GL to come up (`scripts/bench-startup`, README). Forms and a
//! virtualised table gain nothing from compositing, so the view draws without it:
//! WebKit's plain software path. `COVERDESK_GPU=1` keeps WebKit's own choice, for a
//! desktop whose GPU is worth it.
//!
//! In that path WebKit paints only what changed, and WebDriver's screenshot waits for
//! the next paint: the journeys' harness makes one (`tests/src/screenshot.rs`).

/// Applies the drawing settings to the window's web view; call once, from `setup`.
pub fn configure(window: &tauri::WebviewWindow) {
    if std::env::var_os("COVERDESK_GPU").is_some_and(|v| v == "1") {
        return;
    }
    #[cfg(target_os = "linux")]
    {
        let _ = window.with_webview(|webview| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = webview.inner().settings() {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

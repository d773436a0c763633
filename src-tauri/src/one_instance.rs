//! One Coverdesk per data folder. A second launch on the same folder would open a second
//! writer on the same SQLite files and keychain entries; instead it hands over to the
//! running one, which comes to the front and says so, and exits.
//!
//! `tauri-plugin-single-instance` keys on a D-Bus name (on Linux). The name is made
//! from the data folder rather than the app alone, so Coverdesks on separate folders
//! (a second user profile, the tests' private folders) still run side by side.

use coverdesk_ipc::desktop::ALREADY_RUNNING_EVENT;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The folder Tauri's `app_data_dir` resolves to on Linux, worked out before the app
/// exists (the plugin must be in place before anything opens the cache).
pub fn data_folder(identifier: &str) -> PathBuf {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|path| path.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share")))
        .unwrap_or_default();
    base.join(identifier)
}

/// A bus name element for `folder`: `data` and 16 hex digits of its FNV-1a hash (a
/// D-Bus name element may not start with a digit, and a path may hold any byte).
pub fn bus_id(identifier: &str, folder: &Path) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in folder.as_os_str().as_encoded_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{identifier}.data{hash:016x}")
}

pub fn plugin<R: Runtime>(identifier: &str) -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(bus_id(identifier, &data_folder(identifier)))
        .callback(|app, _args, _cwd| come_forward(app))
        .build()
}

fn come_forward<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    let _ = app.emit(ALREADY_RUNNING_EVENT, ());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_folder_has_its_own_valid_bus_name() {
        let one = bus_id(
            "dev.coverdesk.app",
            Path::new("/home/ann/.local/share/dev.coverdesk.app"),
        );
        let other = bus_id(
            "dev.coverdesk.app",
            Path::new("/tmp/journey/data/dev.coverdesk.app"),
        );
        assert_ne!(one, other);
        assert_eq!(
            one,
            bus_id(
                "dev.coverdesk.app",
                Path::new("/home/ann/.local/share/dev.coverdesk.app")
            )
        );
        let last = one.rsplit('.').next().unwrap();
        assert!(last.starts_with("data") && last.len() == 20, "{one}");
        assert!(last.chars().all(|c| c.is_ascii_alphanumeric()), "{one}");
    }
}

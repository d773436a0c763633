//! Coverdesk's desktop backend: holds the API keys (OS keychain), proxies every API
//! call, keeps the local cache, and embeds the local stand-in as the offline default.

pub mod cache;
pub mod commands;
pub mod documents;
pub mod error;
pub mod follow;
pub mod keys;
pub mod preferences;
pub mod state;

use tauri::Manager;

pub fn run() {
    tauri::Builder::default()
        .setup(|app| {
            let data_dir = app.path().app_data_dir()?;
            let state = tauri::async_runtime::block_on(state::AppState::start(
                data_dir,
                keys::KeyStore::default(),
            ))?;
            app.manage(state);
            follow::spawn(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::contractors::contractors_list,
            commands::contractors::contractors_create,
            commands::contractors::contractors_refresh,
            commands::entities::entities_list,
            commands::entities::entities_create,
            commands::entities::entities_refresh,
            commands::jobs::jobs_list,
            commands::jobs::jobs_create,
            commands::jobs::jobs_refresh,
            commands::jobs::job_categories_list,
            commands::policies::policies_list,
            commands::policies::policies_refresh,
            commands::policies::policies_get,
            commands::policies::policies_cancel,
            commands::documents::documents_open,
            commands::documents::documents_page,
            commands::documents::documents_save,
            commands::documents::documents_open_external,
            commands::assignments::assignments_list,
            commands::assignments::assignments_create,
            commands::assignments::assignments_cancel,
            commands::settings::settings_get,
            commands::settings::settings_save_key,
            commands::settings::settings_delete_key,
            commands::settings::settings_switch_environment,
        ])
        .run(tauri::generate_context!())
        .expect("Coverdesk could not start its window");
}

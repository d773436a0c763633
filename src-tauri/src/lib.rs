//! Coverdesk's desktop backend: holds the API keys (OS keychain), proxies every API
//! call, keeps the local cache, and embeds the local stand-in as the offline default.

pub mod alerts;
pub mod audit;
pub mod cache;
pub mod commands;
pub mod documents;
pub mod error;
pub mod follow;
pub mod keys;
pub mod one_instance;
pub mod preferences;
pub mod production_permit;
pub mod records_csv;
pub mod state;
pub mod sync;
mod web_view;

use tauri::Manager;

pub fn run() {
    commands::startup::mark_start();
    let context = tauri::generate_context!();
    let identifier = context.config().identifier.clone();
    tauri::Builder::default()
        // First: a second launch must hand over before it opens anything.
        .plugin(one_instance::plugin(&identifier))
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            let began = std::time::Instant::now();
            if let Some(window) = app.get_webview_window("main") {
                web_view::configure(&window);
            }
            let data_dir = app.path().app_data_dir()?;
            let state = tauri::async_runtime::block_on(state::AppState::start(
                data_dir,
                keys::KeyStore::default(),
            ))?;
            app.manage(state);
            app.manage(sync::Refreshes::default());
            app.manage(commands::compliance::ComplianceDesk::default());
            commands::sync::keep_fresh(app.handle().clone());
            app.manage(commands::desktop::SystemClipboard::default());
            follow::spawn(app.handle().clone());
            commands::startup::mark_setup(began);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::contractors::contractors_list,
            commands::contractors::contractors_create,
            commands::contractors::contractors_update,
            commands::contractors::contractors_delete,
            commands::contractors::contractors_detail,
            commands::contractors::contractors_refresh,
            commands::drafts::drafts_get,
            commands::drafts::drafts_save,
            commands::drafts::drafts_discard,
            commands::entities::entities_list,
            commands::entities::entities_create,
            commands::entities::entities_update,
            commands::entities::entities_delete,
            commands::entities::entities_detail,
            commands::entities::entities_refresh,
            commands::jobs::jobs_list,
            commands::jobs::jobs_create,
            commands::jobs::jobs_update,
            commands::jobs::jobs_delete,
            commands::jobs::jobs_detail,
            commands::jobs::jobs_refresh,
            commands::jobs::job_categories_list,
            commands::sync::sync_status,
            commands::sync::sync_refresh,
            commands::audit::audit_list,
            commands::compliance::compliance_table,
            commands::compliance::compliance_report,
            commands::compliance::compliance_charts,
            commands::compliance::compliance_set_warning_days,
            commands::compliance::compliance_home,
            commands::records_csv::contractors_import_preview,
            commands::records_csv::contractors_import_create,
            commands::records_csv::records_export,
            commands::quotes::quotes_list,
            commands::quotes::quotes_request,
            commands::quotes::quotes_refresh,
            commands::sessions::sessions_list,
            commands::sessions::sessions_create,
            commands::sessions::sessions_expire,
            commands::sessions::sessions_update,
            commands::sessions::sessions_refresh,
            commands::sessions::sessions_defaults,
            commands::sessions::sessions_save_defaults,
            commands::desktop::clipboard_write_text,
            commands::desktop::open_external_url,
            commands::desktop::qr_code_svg,
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
            commands::settings::settings_confirm_production,
            commands::startup::app_ready,
            commands::startup::cache_notices,
        ])
        .run(context)
        .expect("Coverdesk could not start its window");
}

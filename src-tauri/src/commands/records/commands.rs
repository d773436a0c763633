//! `record_commands!`: a record kind's plain functions and its six `#[tauri::command]`s.
//! Commands cannot be generic, so each kind needs its own; they only pass their
//! arguments on to the generic steps, and writing them once keeps the three kinds from
//! drifting apart. The UI calls the commands by name with these argument keys
//! (`search`, `input`, `id`, `update`), and `lib.rs` lists them by name (where
//! `build.rs` finds them for the permissions).

/// Writes, in the calling module, for the record kind `$kind` (a [`super::Record`]
/// created from `$input`, updated with `$update_input`, shown as `$detail_view`; spelled
/// out because these functions are public and `Record` is not):
/// - the plain functions other commands and the tests call: `list(state, search)`,
///   `create(state, input)`, `update(state, id, update)`, `delete(state, id)` and
///   `detail(state, id)`;
/// - the commands named `$list`, `$create`, `$update`, `$delete`, `$detail` and
///   `$refresh` (answering `$summary { fetched }`). The writes tell the web view the
///   cache changed once they succeed.
macro_rules! record_commands {
    (
        $kind:ident($input:ident, $update_input:ident) -> $detail_view:ident, $summary:ident;
        $list:ident, $create:ident, $update:ident, $delete:ident, $detail:ident, $refresh:ident
    ) => {
        pub async fn list(
            state: &crate::state::AppState,
            search: Option<String>,
        ) -> crate::error::Result<Vec<$kind>> {
            crate::commands::records::list::<$kind>(state, search).await
        }

        /// Validates before anything is sent: a form with errors never reaches the API.
        pub async fn create(
            state: &crate::state::AppState,
            input: $input,
        ) -> crate::error::Result<$kind> {
            crate::commands::records::create::<$kind>(state, input).await
        }

        /// A partial PUT: only the fields set in `update` change.
        pub async fn update(
            state: &crate::state::AppState,
            id: &str,
            update: $update_input,
        ) -> crate::error::Result<$kind> {
            crate::commands::records::update::<$kind>(state, id, update).await
        }

        pub async fn delete(
            state: &crate::state::AppState,
            id: &str,
        ) -> crate::error::Result<ten99::Deleted> {
            crate::commands::records::delete::<$kind>(state, id).await
        }

        pub async fn detail(
            state: &crate::state::AppState,
            id: &str,
        ) -> crate::error::Result<$detail_view> {
            crate::commands::records::detail::<$kind>(state, id).await
        }

        #[tauri::command]
        pub async fn $list(
            state: tauri::State<'_, crate::state::AppState>,
            search: Option<String>,
        ) -> crate::error::Result<Vec<$kind>> {
            list(&state, search).await
        }

        #[tauri::command]
        pub async fn $create(
            app: tauri::AppHandle,
            state: tauri::State<'_, crate::state::AppState>,
            input: $input,
        ) -> crate::error::Result<$kind> {
            crate::commands::records::announced::<$kind, _>(&app, create(&state, input).await)
        }

        #[tauri::command]
        pub async fn $update(
            app: tauri::AppHandle,
            state: tauri::State<'_, crate::state::AppState>,
            id: String,
            update: $update_input,
        ) -> crate::error::Result<$kind> {
            let updated = self::update(&state, &id, update).await;
            crate::commands::records::announced::<$kind, _>(&app, updated)
        }

        #[tauri::command]
        pub async fn $delete(
            app: tauri::AppHandle,
            state: tauri::State<'_, crate::state::AppState>,
            id: String,
        ) -> crate::error::Result<ten99::Deleted> {
            crate::commands::records::announced::<$kind, _>(&app, delete(&state, &id).await)
        }

        #[tauri::command]
        pub async fn $detail(
            state: tauri::State<'_, crate::state::AppState>,
            id: String,
        ) -> crate::error::Result<$detail_view> {
            detail(&state, &id).await
        }

        #[tauri::command]
        pub async fn $refresh(
            app: tauri::AppHandle,
            state: tauri::State<'_, crate::state::AppState>,
            refreshes: tauri::State<'_, crate::sync::Refreshes>,
        ) -> crate::error::Result<$summary> {
            let fetched =
                crate::commands::records::refresh_reported::<$kind>(&app, &state, &refreshes)
                    .await?;
            Ok($summary { fetched })
        }
    };
}
pub(crate) use record_commands;

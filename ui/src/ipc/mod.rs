//! Typed calls into the Tauri backend, one file per resource (mirrors `src-tauri/src/commands/`).
//!
//! Every call goes through [`invoke`]: arguments are encoded as a plain JS object whose keys
//! are the Rust parameter names of the command, the reply is decoded into the command's
//! return type, and a rejection becomes a [`coverdesk_ipc::ErrorView`] the page can match on.

pub mod assignments;
pub mod audit;
pub mod compliance;
pub mod desktop;
pub mod documents;
pub mod drafts;
pub mod events;
pub mod jobs;
pub mod json;
pub mod policies;
pub mod quotes;
pub mod records;
pub mod records_csv;
pub mod sessions;
pub mod settings;
pub mod startup;
pub mod sync;

use coverdesk_ipc::ErrorView;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The code given to failures that did not come from the backend as an `ErrorView`.
pub const INTERNAL: &str = "internal";

/// The code of a write the person declined to confirm in production (nothing was sent).
pub const CANCELLED: &str = "cancelled";

#[wasm_bindgen]
extern "C" {
    /// `window.__TAURI__.core.invoke`, present because `app.withGlobalTauri` is on.
    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "core"], js_name = invoke)]
    async fn tauri_invoke(command: &str, args: JsValue) -> Result<JsValue, JsValue>;

    /// The same function called at once, not when a future is first polled.
    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "core"], js_name = invoke)]
    fn tauri_invoke_now(command: &str, args: JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// Sends `command` now, ahead of every call still waiting in spawned tasks, and ignores
/// its reply: for a signal whose answer nothing waits on.
pub fn send_now<A: Serialize + ?Sized>(command: &str, args: &A) {
    if !backend_present() {
        return;
    }
    if let Ok(args) = args.serialize(&serde_wasm_bindgen::Serializer::json_compatible()) {
        if let Ok(reply) = tauri_invoke_now(command, args) {
            // Awaited only so that a rejection is not reported as unhandled.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(reply).await;
            });
        }
    }
}

/// The arguments of a command that takes none: `{}`.
#[derive(Serialize)]
pub struct NoArgs {}

/// Calls `command` with `args` and decodes its reply.
pub async fn invoke<A, R>(command: &str, args: &A) -> Result<R, ErrorView>
where
    A: Serialize + ?Sized,
    R: DeserializeOwned,
{
    if !backend_present() {
        return Err(internal(
            "The Coverdesk backend is not reachable: this page only works inside the Coverdesk app.",
        ));
    }
    // json_compatible: maps become plain objects and `None` becomes `null`, as Tauri expects.
    let args = args
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| internal(format!("Could not encode the arguments of {command}: {e}")))?;
    let reply = tauri_invoke(command, args).await.map_err(rejection)?;
    serde_wasm_bindgen::from_value(reply)
        .map_err(|e| internal(format!("Unexpected reply from {command}: {e}")))
}

/// Calls a command that changes something at the API. `action` names the change the way
/// the person would ("Create contractor Ann Lee"): every write goes through here so that,
/// in production, it can be confirmed by name before anything is sent.
pub async fn write<A, R>(command: &str, args: &A, action: &str) -> Result<R, ErrorView>
where
    A: Serialize + ?Sized,
    R: DeserializeOwned,
{
    confirm(action, 1).await?;
    invoke(command, args).await
}

#[derive(Serialize)]
struct ConfirmArgs<'a> {
    action: &'a str,
    changes: u32,
}

/// In production, asks the person to confirm `action`, which covers `changes` writes (a
/// batch asks once), and tells the backend, which refuses production writes nobody
/// confirmed. Elsewhere there is nothing to ask.
pub async fn confirm(action: &str, changes: u32) -> Result<(), ErrorView> {
    use crate::components::confirm_dialog::{confirm_in_production, Confirmation};
    match confirm_in_production(action).await {
        Confirmation::NotNeeded => Ok(()),
        Confirmation::Confirmed => {
            let args = ConfirmArgs { action, changes };
            invoke(coverdesk_ipc::settings::command::CONFIRM_PRODUCTION, &args).await
        }
        Confirmation::Declined => Err(ErrorView {
            code: CANCELLED.to_owned(),
            message: format!("Not sent: “{action}” was cancelled. Nothing went to production."),
            fields: Default::default(),
        }),
    }
}

fn backend_present() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("__TAURI__"))
        .map(|tauri| tauri.is_object())
        .unwrap_or(false)
}

/// What a rejected call becomes: the backend's own `ErrorView` when it sent one, otherwise
/// the text of whatever was thrown under code [`INTERNAL`].
fn rejection(value: JsValue) -> ErrorView {
    if let Some(text) = value.as_string() {
        return internal(text);
    }
    if let Ok(view) = serde_wasm_bindgen::from_value::<ErrorView>(value.clone()) {
        return view;
    }
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        return internal(String::from(error.message()));
    }
    let text = js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| "The call failed for an unknown reason".to_owned());
    internal(text)
}

fn internal(message: impl Into<String>) -> ErrorView {
    ErrorView {
        code: INTERNAL.to_owned(),
        message: message.into(),
        fields: Default::default(),
    }
}

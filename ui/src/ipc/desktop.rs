//! The system clipboard, browser and QR codes: `src-tauri/src/commands/desktop.rs`.
//! Also the backend's events, which the page hears through `window.__TAURI__.event`.

use super::invoke;
use coverdesk_ipc::desktop::command;
use coverdesk_ipc::ErrorView;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
struct TextArgs<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct UrlArgs<'a> {
    url: &'a str,
}

pub async fn copy(text: &str) -> Result<(), ErrorView> {
    invoke(command::CLIPBOARD_WRITE, &TextArgs { text }).await
}

/// Opens an http(s) link in the system browser (the backend refuses anything else).
pub async fn open_url(url: &str) -> Result<(), ErrorView> {
    invoke(command::OPEN_URL, &UrlArgs { url }).await
}

/// `text` as a QR code, SVG markup.
pub async fn qr_svg(text: &str) -> Result<String, ErrorView> {
    invoke(command::QR_SVG, &TextArgs { text }).await
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "event"], js_name = listen)]
    async fn tauri_listen(
        event: &str,
        handler: &Closure<dyn FnMut(JsValue)>,
    ) -> Result<JsValue, JsValue>;
}

/// Calls `on_event` with each payload of `event` until the returned handle is dropped.
pub async fn listen<T: DeserializeOwned + 'static>(
    event: &str,
    mut on_event: impl FnMut(T) + 'static,
) -> Option<Listening> {
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |message: JsValue| {
        let payload = js_sys::Reflect::get(&message, &JsValue::from_str("payload")).ok();
        if let Some(value) = payload.and_then(|p| serde_wasm_bindgen::from_value(p).ok()) {
            on_event(value);
        }
    });
    let unlisten = tauri_listen(event, &handler).await.ok()?;
    Some(Listening {
        unlisten: unlisten.dyn_into().ok(),
        _handler: handler,
    })
}

/// An event subscription; dropping it stops listening.
pub struct Listening {
    unlisten: Option<js_sys::Function>,
    _handler: Closure<dyn FnMut(JsValue)>,
}

impl Drop for Listening {
    fn drop(&mut self) {
        if let Some(unlisten) = &self.unlisten {
            let _ = unlisten.call0(&JsValue::NULL);
        }
    }
}

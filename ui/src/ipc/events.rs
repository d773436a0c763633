//! Events the backend emits (`app.emit`), heard through `window.__TAURI__.event.listen`.

use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "event"], js_name = listen)]
    async fn tauri_listen(
        event: &str,
        handler: &Closure<dyn FnMut(JsValue)>,
    ) -> Result<JsValue, JsValue>;
}

/// Calls `on_payload` with each `event`'s payload for as long as the page lives (the
/// app's shell listens once, at start). Payloads that do not decode are skipped.
pub fn listen<T: DeserializeOwned + 'static>(
    event: &'static str,
    mut on_payload: impl FnMut(T) + 'static,
) {
    if !super::backend_present() {
        return;
    }
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |message: JsValue| {
        let payload =
            js_sys::Reflect::get(&message, &JsValue::from_str("payload")).unwrap_or(JsValue::NULL);
        if let Ok(value) = serde_wasm_bindgen::from_value::<T>(payload) {
            on_payload(value);
        }
    });
    wasm_bindgen_futures::spawn_local(async move {
        let _ = tauri_listen(event, &handler).await;
        // The listener lives as long as the window: keep the closure alive with it.
        handler.forget();
    });
}

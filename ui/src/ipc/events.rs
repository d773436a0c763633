//! Events the backend sends (`cache-changed`, `sync-progress`), heard through
//! `window.__TAURI__.event.listen` for as long as the component that asked lives.

use leptos::prelude::on_cleanup;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "event"], js_name = listen)]
    async fn tauri_listen(event: &str, handler: &js_sys::Function) -> Result<JsValue, JsValue>;
}

/// A listener's handler and, once Tauri has registered it, its unlisten function.
struct Listener {
    _handler: Closure<dyn FnMut(JsValue)>,
    unlisten: Option<js_sys::Function>,
}

thread_local! {
    // Closures are not `Send`; the cleanup only carries the key.
    static LISTENERS: RefCell<HashMap<u64, Listener>> = RefCell::new(HashMap::new());
    static NEXT_KEY: RefCell<u64> = const { RefCell::new(0) };
}

/// Calls `on_event` with each `event`'s payload until the calling component is dropped.
/// Outside the app (no backend) nothing is heard.
pub fn listen<T: DeserializeOwned + 'static>(event: &'static str, on_event: impl Fn(T) + 'static) {
    if !super::backend_present() {
        return;
    }
    let key = NEXT_KEY.with(|next| {
        let mut next = next.borrow_mut();
        *next += 1;
        *next
    });
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |message: JsValue| {
        let payload =
            js_sys::Reflect::get(&message, &JsValue::from_str("payload")).unwrap_or(JsValue::NULL);
        if let Ok(payload) = serde_wasm_bindgen::from_value(payload) {
            on_event(payload);
        }
    });
    let function: js_sys::Function = handler.as_ref().unchecked_ref::<js_sys::Function>().clone();
    LISTENERS.with(|all| {
        all.borrow_mut().insert(
            key,
            Listener {
                _handler: handler,
                unlisten: None,
            },
        )
    });
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(unlisten) = tauri_listen(event, &function).await else {
            return;
        };
        let unlisten: js_sys::Function = unlisten.unchecked_into();
        let still_wanted = LISTENERS.with(|all| match all.borrow_mut().get_mut(&key) {
            Some(listener) => {
                listener.unlisten = Some(unlisten.clone());
                true
            }
            None => false,
        });
        if !still_wanted {
            let _ = unlisten.call0(&JsValue::NULL);
        }
    });
    on_cleanup(move || {
        if let Some(listener) = LISTENERS.with(|all| all.borrow_mut().remove(&key)) {
            if let Some(unlisten) = listener.unlisten {
                let _ = unlisten.call0(&JsValue::NULL);
            }
        }
    });
}

/// Hears `event` until the returned handle is dropped: for a call that reports progress
/// while it runs. `None` when the backend could not be asked.
pub async fn listen_while<T: DeserializeOwned + 'static>(
    event: &str,
    on_event: impl Fn(T) + 'static,
) -> Option<Listening> {
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |message: JsValue| {
        let payload = js_sys::Reflect::get(&message, &JsValue::from_str("payload")).ok();
        if let Some(value) = payload.and_then(|p| serde_wasm_bindgen::from_value(p).ok()) {
            on_event(value);
        }
    });
    let function: &js_sys::Function = handler.as_ref().unchecked_ref();
    let unlisten = tauri_listen(event, function).await.ok()?;
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

//! A policy document inside the app: pages drawn by the backend, with page navigation,
//! zoom, Save as… and Open in the system viewer. A document that cannot be had says
//! why instead of leaving the pane blank.

use crate::components::toast::Toasts;
use crate::ipc;
use crate::loaded::Loaded;
use coverdesk_ipc::documents::DocumentKind;
use leptos::prelude::*;
use leptos::task::spawn_local;

const ZOOM_STEPS: [f32; 7] = [0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0];

/// The next zoom step up (`up`) or down from `zoom`.
pub fn step_zoom(zoom: f32, up: bool) -> f32 {
    if up {
        ZOOM_STEPS
            .iter()
            .copied()
            .find(|z| *z > zoom + 0.001)
            .unwrap_or(zoom)
    } else {
        ZOOM_STEPS
            .iter()
            .rev()
            .copied()
            .find(|z| *z < zoom - 0.001)
            .unwrap_or(zoom)
    }
}

#[component]
pub fn PdfViewer(policy: String, kind: DocumentKind, on_close: Callback<()>) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let page = RwSignal::new(1_u32);
    let zoom = RwSignal::new(1.0_f32);
    let policy = StoredValue::new(policy);

    let document = Loaded::new(move || {
        let policy = policy.get_value();
        async move { ipc::documents::open(&policy, kind).await }
    });
    let image = Loaded::new(move || {
        let policy = policy.get_value();
        let (number, zoom) = (page.get(), zoom.get());
        // Only once the document is there: its errors are shown, not the page's.
        let ready = matches!(document.get(), Some(Ok(_)));
        async move {
            if ready {
                Some(ipc::documents::page(&policy, kind, number, zoom).await)
            } else {
                None
            }
        }
    });
    let pages = move || match document.get() {
        Some(Ok(view)) => view.pages,
        _ => 0,
    };

    let save = move |_| {
        spawn_local(async move {
            match ipc::documents::save(&policy.get_value(), kind).await {
                Ok(copy) => toasts.success(format!("Saved a copy to {}", copy.path)),
                Err(error) => toasts.error(format!("Could not save: {}", error.message)),
            }
        });
    };
    let open_external = move |_| {
        spawn_local(async move {
            if let Err(error) = ipc::documents::open_external(&policy.get_value(), kind).await {
                toasts.error(format!(
                    "Could not open the system viewer: {}",
                    error.message
                ));
            }
        });
    };

    view! {
        <section id="pdf-viewer" class="card viewer" aria-label="Document viewer">
            <header class="viewer-bar">
                <div class="viewer-title">
                    <h2 id="viewer-title">
                        {move || match document.get() {
                            Some(Ok(view)) => view.title,
                            _ => kind.label().to_owned(),
                        }}
                    </h2>
                    <span class="cell-sub">
                        {move || match document.get() {
                            Some(Ok(view)) => format!(
                                "{} · {} KB · {}",
                                policy.get_value(),
                                view.bytes.div_ceil(1024),
                                if view.downloaded { "downloaded now" } else { "kept for offline use" },
                            ),
                            _ => policy.get_value(),
                        }}
                    </span>
                </div>
                <div class="toolbar viewer-tools">
                    <div class="segmented" role="group" aria-label="Pages">
                        <button
                            id="viewer-prev"
                            type="button"
                            class="button button-secondary"
                            aria-label="Previous page"
                            disabled=move || { page.get() <= 1 }
                            on:click=move |_| page.update(|p| *p = p.saturating_sub(1).max(1))
                        >
                            "‹"
                        </button>
                        <span id="viewer-page" class="viewer-readout">
                            {move || format!("Page {} of {}", page.get(), pages().max(1))}
                        </span>
                        <button
                            id="viewer-next"
                            type="button"
                            class="button button-secondary"
                            aria-label="Next page"
                            disabled=move || { page.get() >= pages() }
                            on:click=move |_| page.update(|p| *p += 1)
                        >
                            "›"
                        </button>
                    </div>
                    <div class="segmented" role="group" aria-label="Zoom">
                        <button
                            id="viewer-zoom-out"
                            type="button"
                            class="button button-secondary"
                            aria-label="Zoom out"
                            on:click=move |_| zoom.update(|z| *z = step_zoom(*z, false))
                        >
                            "−"
                        </button>
                        <span id="viewer-zoom" class="viewer-readout">
                            {move || format!("{}%", (zoom.get() * 100.0).round() as i32)}
                        </span>
                        <button
                            id="viewer-zoom-in"
                            type="button"
                            class="button button-secondary"
                            aria-label="Zoom in"
                            on:click=move |_| zoom.update(|z| *z = step_zoom(*z, true))
                        >
                            "+"
                        </button>
                    </div>
                    <button id="viewer-save" type="button" class="button button-secondary" on:click=save>
                        "Save as…"
                    </button>
                    <button
                        id="viewer-open-external"
                        type="button"
                        class="button button-secondary"
                        on:click=open_external
                    >
                        "Open in system viewer"
                    </button>
                    <button
                        id="viewer-close"
                        type="button"
                        class="button button-secondary"
                        aria-label="Close the viewer"
                        on:click=move |_| on_close.run(())
                    >
                        "Close"
                    </button>
                </div>
            </header>
            <div class="viewer-stage">
                {move || match (document.get(), image.get()) {
                    (None, _) => view! { <p class="viewer-note">"Opening the document…"</p> }.into_any(),
                    (Some(Err(error)), _) | (_, Some(Some(Err(error)))) => {
                        view! {
                            <div id="viewer-error" class="alert alert-error viewer-error" role="alert">
                                <p class="alert-title">"This document cannot be shown"</p>
                                <p>{error.message}</p>
                            </div>
                        }
                            .into_any()
                    }
                    (_, Some(Some(Ok(image)))) => {
                        view! {
                            <img
                                id="viewer-image"
                                class="viewer-page"
                                decoding="sync"
                                src=image.data_url
                                width=image.width
                                height=image.height
                                alt=move || format!("Page {} of the document", page.get_untracked())
                            />
                        }
                            .into_any()
                    }
                    _ => view! { <p class="viewer-note">"Drawing the page…"</p> }.into_any(),
                }}
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::step_zoom;

    #[test]
    fn zoom_moves_between_steps_and_stops_at_the_ends() {
        assert_eq!(step_zoom(1.0, true), 1.25);
        assert_eq!(step_zoom(1.0, false), 0.75);
        assert_eq!(step_zoom(3.0, true), 3.0);
        assert_eq!(step_zoom(0.5, false), 0.5);
        assert_eq!(step_zoom(1.1, true), 1.25);
    }
}

//! The backend's message when it refused a form, plus any problems about fields the
//! form has no input for.

use crate::forms::FormFeedback;
use coverdesk_ipc::ErrorView;
use leptos::prelude::*;

#[component]
pub fn FormAlert(
    rejection: RwSignal<Option<ErrorView>>,
    /// The paths the form has inputs for; problems about others are listed here.
    field_paths: &'static [&'static str],
) -> impl IntoView {
    move || {
        rejection.get().map(|error| {
            let unplaced: Vec<String> = FormFeedback::unplaced(&error.fields, field_paths)
                .into_iter()
                .map(|(path, message)| format!("{path}: {message}"))
                .collect();
            view! {
                <div id="form-alert" class="alert alert-error span-6" role="alert" data-code=error.code>
                    <p class="alert-title">{error.message}</p>
                    {(!unplaced.is_empty())
                        .then(|| {
                            view! {
                                <ul class="alert-list">
                                    {unplaced.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                                </ul>
                            }
                        })}
                </div>
            }
        })
    }
}

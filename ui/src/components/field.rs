//! A labelled text input bound to a signal, with its problem shown underneath.

use crate::components::form_state::FormState;
use crate::forms::field_ids::{error_id, input_id};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// `path` is the field's path in the request body (`email`, `address.line1`); the input gets
/// the id `field-<path with . as ->` and its message `error-<same>`.
#[component]
pub fn Field(
    path: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    /// The problem to show now (already filtered by what the person has touched).
    #[prop(into)]
    error: Signal<Option<String>>,
    /// `text` unless given: `email`, `tel`, `password` …
    #[prop(optional)]
    input_type: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] placeholder: Option<&'static str>,
    /// Shows "Optional" next to the label.
    #[prop(optional)]
    optional: bool,
    /// Extra classes on the wrapper, e.g. the grid span.
    #[prop(optional)]
    class: &'static str,
    /// The person left the field.
    #[prop(optional)]
    on_touch: Option<Callback<()>>,
    /// The value changed.
    #[prop(optional)]
    on_edit: Option<Callback<()>>,
) -> impl IntoView {
    let input_id = input_id(path);
    let error_id = error_id(path);
    let described_by = error_id.clone();
    let has_error = move || error.with(Option::is_some);

    view! {
        <div class=format!("field {class}") class:has-error=has_error>
            <label for=input_id.clone()>
                {label}
                {optional.then(|| view! { <span class="field-optional">"Optional"</span> })}
            </label>
            <input
                id=input_id
                name=path
                type=input_type.unwrap_or("text")
                autocomplete=autocomplete
                inputmode=inputmode
                placeholder=placeholder
                // Right-to-left names read and edit in their own direction.
                dir="auto"
                aria-required=(!optional).then_some("true")
                aria-invalid=move || if has_error() { "true" } else { "false" }
                aria-describedby=move || has_error().then(|| described_by.clone())
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    if let Some(on_edit) = on_edit {
                        on_edit.run(());
                    }
                }
                on:blur=move |_| {
                    if let Some(on_touch) = on_touch {
                        on_touch.run(());
                    }
                }
            />
            <FieldError id=error_id error=error />
        </div>
    }
}

/// The message under a field; absent when there is nothing to say.
#[component]
pub fn FieldError(id: String, #[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|message| {
            view! {
                <p id=id.clone() class="field-error" role="alert">
                    {message}
                </p>
            }
        })
    }
}

/// Moves the keyboard focus to the input of the field at `path`.
pub fn focus_field(path: &str) {
    let Some(element) = document().get_element_by_id(&input_id(path)) else {
        return;
    };
    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// What a [`FormField`] shows, as data: `TextInput::new(path, label, class)` and the
/// extras it needs, on one line.
#[derive(Debug, Clone, Copy)]
pub struct TextInput {
    path: &'static str,
    label: &'static str,
    /// Extra classes on the wrapper, e.g. the grid span.
    class: &'static str,
    input_type: Option<&'static str>,
    autocomplete: Option<&'static str>,
    inputmode: Option<&'static str>,
    placeholder: Option<&'static str>,
    optional: bool,
}

impl TextInput {
    pub const fn new(path: &'static str, label: &'static str, class: &'static str) -> Self {
        TextInput {
            path,
            label,
            class,
            input_type: None,
            autocomplete: None,
            inputmode: None,
            placeholder: None,
            optional: false,
        }
    }
    /// `email`, `tel`, … (`text` otherwise).
    pub const fn input_type(mut self, input_type: &'static str) -> Self {
        self.input_type = Some(input_type);
        self
    }
    pub const fn autocomplete(mut self, autocomplete: &'static str) -> Self {
        self.autocomplete = Some(autocomplete);
        self
    }
    pub const fn inputmode(mut self, inputmode: &'static str) -> Self {
        self.inputmode = Some(inputmode);
        self
    }
    pub const fn placeholder(mut self, placeholder: &'static str) -> Self {
        self.placeholder = Some(placeholder);
        self
    }
    pub const fn optional(mut self) -> Self {
        self.optional = true;
        self
    }
}

/// A [`Field`] of a form: its problem, and what touching and editing it mean, come from
/// the form's [`FormState`] by its path, so the path is written once.
#[component]
pub fn FormField(form: FormState, input: TextInput, value: RwSignal<String>) -> impl IntoView {
    let TextInput {
        path,
        label,
        class,
        input_type,
        autocomplete,
        inputmode,
        placeholder,
        optional,
    } = input;
    Field(FieldProps {
        path,
        label,
        value,
        error: form.error_of(path),
        input_type,
        autocomplete,
        inputmode,
        placeholder,
        optional,
        class,
        on_touch: Some(form.touch(path)),
        on_edit: Some(form.edit(path)),
    })
}

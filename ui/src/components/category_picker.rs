//! The job category picker: a filter box narrowing a select of the approved category
//! codes, since the catalog is too long to scroll.

use crate::components::field::FieldError;
use crate::forms::field_ids::{error_id, input_id};
use crate::forms::job_draft::matching_categories;
use leptos::prelude::*;
use ten99::JobCategory;

/// More than any catalog we have seen; the filter box is the way to narrow it.
const SHOWN_AT_MOST: usize = 500;

/// Bound to a signal holding a `jc_…` code or nothing.
#[component]
pub fn CategoryPicker(
    value: RwSignal<String>,
    /// `None` while loading; `Err` holds why they could not be loaded.
    #[prop(into)]
    categories: Signal<Option<Result<Vec<JobCategory>, String>>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] on_touch: Option<Callback<()>>,
    #[prop(optional)] on_edit: Option<Callback<()>>,
) -> impl IntoView {
    const PATH: &str = "category_code";
    let input_id = input_id(PATH);
    let error_id = error_id(PATH);
    let described_by = error_id.clone();
    let filter = RwSignal::new(String::new());
    let has_error = move || error.with(Option::is_some);
    let touch = move || {
        if let Some(on_touch) = on_touch {
            on_touch.run(());
        }
    };
    // The chosen category stays listed even when the filter no longer matches it.
    let shown = Memo::new(move |_| {
        categories.with(|loaded| match loaded {
            Some(Ok(all)) => {
                let chosen = value.get();
                let query = filter.get();
                let mut shown: Vec<JobCategory> = matching_categories(all, &query, SHOWN_AT_MOST)
                    .into_iter()
                    .cloned()
                    .collect();
                if !chosen.is_empty() && !shown.iter().any(|c| c.category_code == chosen) {
                    shown.extend(all.iter().find(|c| c.category_code == chosen).cloned());
                }
                shown
            }
            _ => Vec::new(),
        })
    });
    let placeholder = move || match categories.get() {
        None => "Loading categories…".to_owned(),
        Some(Err(_)) => "Categories could not be loaded".to_owned(),
        Some(Ok(_)) => match shown.with(Vec::len) {
            0 => "No category matches the filter".to_owned(),
            1 => "Choose the matching category…".to_owned(),
            n => format!("Choose one of {n} categories…"),
        },
    };

    view! {
        <div class=format!("field category-picker {class}") class:has-error=has_error>
            <label for=input_id.clone()>"Job category"</label>
            <input
                id="category-filter"
                class="search"
                type="search"
                placeholder="Filter categories, e.g. cable or repair"
                autocomplete="off"
                aria-label="Filter job categories"
                prop:value=move || filter.get()
                on:input=move |ev| filter.set(event_target_value(&ev))
            />
            <select
                id=input_id
                name=PATH
                aria-required="true"
                aria-invalid=move || if has_error() { "true" } else { "false" }
                aria-describedby=move || has_error().then(|| described_by.clone())
                on:change=move |ev| {
                    value.set(event_target_value(&ev));
                    if let Some(on_edit) = on_edit {
                        on_edit.run(());
                    }
                    touch();
                }
                on:blur=move |_| touch()
            >
                <option value="" prop:selected=move || value.with(String::is_empty)>
                    {placeholder}
                </option>
                {move || {
                    shown
                        .get()
                        .into_iter()
                        .map(|category| {
                            let code = category.category_code.clone();
                            view! {
                                <option
                                    value=category.category_code
                                    prop:selected=move || value.with(|v| *v == code)
                                >
                                    {category.name}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            {move || {
                categories
                    .get()
                    .and_then(Result::err)
                    .map(|why| view! { <p class="field-hint">{why}</p> })
            }}
            <FieldError id=error_id error=error />
        </div>
    }
}

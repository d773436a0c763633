//! One record's detail view: loads the record and its related records, shows them in a
//! [`DetailCard`], and deletes it when asked. A kind brings only its own sections.
//!
//! [`RecordDetail`] is generic only in what it loads; the card, the delete and the error
//! are built by plain functions, compiled once.

use crate::components::detail_card::DetailCard;
use crate::components::toast::Toasts;
use crate::ipc;
use crate::ipc::records::Record;
use crate::loaded::{loading_note, Loaded};
use crate::records::kind::RecordKind;
use coverdesk_ipc::ErrorView;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What a kind shows of its record in the card: the line under the name, and its facts
/// and related records.
pub struct DetailSections {
    pub subtitle: String,
    pub body: AnyView,
}

#[component]
pub fn RecordDetail<R: Record>(
    id: String,
    /// The kind's own sections, from the detail reply.
    sections: fn(R::Detail) -> DetailSections,
    on_back: Callback<()>,
    on_edit: Callback<R>,
    on_deleted: Callback<()>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let loaded = Loaded::new(move || {
        let id = id.clone();
        async move { ipc::records::detail::<R>(&id).await }
    });
    let deleting = RwSignal::new(false);
    move || {
        loaded
            .get()
            .map(|result| match result {
                Ok(detail) => {
                    let record = R::in_detail(&detail).clone();
                    let card = Card {
                        kind: R::KIND,
                        name: record.name(),
                        id: record.id().to_owned(),
                        delete_name: record.deleted_name(),
                        on_back,
                        on_edit: Callback::new(move |()| on_edit.run(record.clone())),
                        on_deleted,
                        deleting,
                        toasts,
                    };
                    card_view(card, sections(detail))
                }
                Err(error) => error_view(R::KIND, error),
            })
            .unwrap_or_else(|| loading_note(R::KIND.loading_text()))
    }
}

/// What the card needs beyond the kind's sections.
struct Card {
    kind: RecordKind,
    name: String,
    id: String,
    /// The name the delete's action label and toasts use.
    delete_name: String,
    on_back: Callback<()>,
    on_edit: Callback<()>,
    on_deleted: Callback<()>,
    deleting: RwSignal<bool>,
    toasts: Toasts,
}

fn card_view(card: Card, sections: DetailSections) -> AnyView {
    let Card {
        kind,
        name,
        id,
        delete_name,
        on_back,
        on_edit,
        on_deleted,
        deleting,
        toasts,
    } = card;
    let delete = Callback::new({
        let id = id.clone();
        move |()| {
            let (id, name) = (id.clone(), delete_name.clone());
            deleting.set(true);
            spawn_local(async move {
                match ipc::records::delete(kind, &id, &name).await {
                    Ok(_) => {
                        toasts.success(format!("Deleted {name} ({id})"));
                        // Not `deleting` after this: the view is going away.
                        on_deleted.run(());
                    }
                    Err(error) => {
                        toasts.error(format!("Could not delete {name}: {}", error.message));
                        deleting.set(false);
                    }
                }
            });
        }
    });
    let DetailSections { subtitle, body } = sections;
    view! {
        <DetailCard
            kind=kind
            name=name
            id=id
            subtitle=subtitle
            on_back=on_back
            on_edit=on_edit
            on_delete=delete
            deleting=deleting
        >
            {body}
        </DetailCard>
    }
    .into_any()
}

fn error_view(kind: RecordKind, error: ErrorView) -> AnyView {
    let noun = kind.noun();
    view! {
        <div id=format!("{noun}-detail-error") class="alert alert-error" role="alert">
            <p class="alert-title">{format!("Could not open this {noun}")}</p>
            <p>{error.message}</p>
        </div>
    }
    .into_any()
}

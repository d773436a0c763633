//! A policy's PDFs: `src-tauri/src/commands/documents.rs`.

use super::invoke;
use coverdesk_ipc::documents::{command, DocumentKind, DocumentView, PageImage, SavedCopy};
use coverdesk_ipc::ErrorView;
use serde::Serialize;

#[derive(Serialize)]
struct DocumentArgs<'a> {
    policy: &'a str,
    kind: DocumentKind,
}

#[derive(Serialize)]
struct PageArgs<'a> {
    policy: &'a str,
    kind: DocumentKind,
    page: u32,
    zoom: f32,
}

/// Downloads the document once (later opens use the kept copy) and counts its pages.
pub async fn open(policy: &str, kind: DocumentKind) -> Result<DocumentView, ErrorView> {
    invoke(command::OPEN, &DocumentArgs { policy, kind }).await
}

pub async fn page(
    policy: &str,
    kind: DocumentKind,
    page: u32,
    zoom: f32,
) -> Result<PageImage, ErrorView> {
    invoke(
        command::PAGE,
        &PageArgs {
            policy,
            kind,
            page,
            zoom,
        },
    )
    .await
}

/// A copy in the Downloads folder.
pub async fn save(policy: &str, kind: DocumentKind) -> Result<SavedCopy, ErrorView> {
    invoke(command::SAVE, &DocumentArgs { policy, kind }).await
}

pub async fn open_external(policy: &str, kind: DocumentKind) -> Result<(), ErrorView> {
    invoke(command::OPEN_EXTERNAL, &DocumentArgs { policy, kind }).await
}

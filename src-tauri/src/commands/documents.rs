//! A policy's PDFs (the policy and its certificates) for the in-app viewer: kept in
//! the app's cache folder, drawn page by page, saved or opened elsewhere.

use crate::documents::{self, render, Kept};
use crate::error::{Error, Result};
use crate::state::{now, AppState};
use coverdesk_ipc::documents::{DocumentKind, DocumentView, PageImage, SavedCopy};
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Manager, State};

/// The document of `policy` (`pl_…`) of `kind`, kept under `cache_dir`.
pub async fn keep(
    state: &AppState,
    cache_dir: &Path,
    policy: &str,
    kind: DocumentKind,
) -> Result<(Kept, String)> {
    let active = state.active().await;
    let row = match active.cache.policy(policy, now())? {
        Some(row) => row,
        None => crate::commands::policies::get(state, policy).await?,
    };
    let link = kind.url(&row.policy).ok_or_else(|| {
        Error::DocumentMissing(format!(
            "Policy {} has no {} yet.",
            row.policy.id,
            kind.label().to_lowercase()
        ))
    })?;
    let folder = cache_dir
        .join("documents")
        .join(active.environment.as_str());
    let kept = documents::fetch(&active, &folder, link).await?;
    let title = format!("{} — {}", kind.label(), row.holder());
    Ok((kept, title))
}

pub async fn open(
    state: &AppState,
    cache_dir: &Path,
    policy: &str,
    kind: DocumentKind,
) -> Result<DocumentView> {
    let (kept, title) = keep(state, cache_dir, policy, kind).await?;
    let bytes = std::fs::read(&kept.path)?;
    let pages = tokio::task::spawn_blocking(move || render::page_count(&bytes))
        .await
        .map_err(|e| Error::DocumentBroken(e.to_string()))??;
    Ok(DocumentView {
        title,
        pages,
        bytes: kept.bytes,
        downloaded: kept.downloaded,
    })
}

pub async fn page(
    state: &AppState,
    cache_dir: &Path,
    policy: &str,
    kind: DocumentKind,
    number: u32,
    zoom: f32,
) -> Result<PageImage> {
    let (kept, _) = keep(state, cache_dir, policy, kind).await?;
    let bytes = std::fs::read(&kept.path)?;
    // Drawing is CPU work (and hayro's types are not Send): off the async threads.
    tokio::task::spawn_blocking(move || render::page(&bytes, number, zoom))
        .await
        .map_err(|e| Error::DocumentBroken(e.to_string()))?
}

/// Copies the kept PDF into `folder` as `<policy>-<kind>.pdf`.
pub async fn save(
    state: &AppState,
    cache_dir: &Path,
    folder: &Path,
    policy: &str,
    kind: DocumentKind,
) -> Result<SavedCopy> {
    let (kept, _) = keep(state, cache_dir, policy, kind).await?;
    std::fs::create_dir_all(folder)?;
    let target: PathBuf = folder.join(format!("{}-{}.pdf", policy.trim(), kind.slug()));
    std::fs::copy(&kept.path, &target)?;
    Ok(SavedCopy {
        path: target.display().to_string(),
    })
}

fn cache_dir(app: &AppHandle) -> Result<PathBuf> {
    app.path()
        .app_cache_dir()
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))
}

#[tauri::command]
pub async fn documents_open(
    app: AppHandle,
    state: State<'_, AppState>,
    policy: String,
    kind: DocumentKind,
) -> Result<DocumentView> {
    open(&state, &cache_dir(&app)?, &policy, kind).await
}

#[tauri::command]
pub async fn documents_page(
    app: AppHandle,
    state: State<'_, AppState>,
    policy: String,
    kind: DocumentKind,
    page: u32,
    zoom: f32,
) -> Result<PageImage> {
    self::page(&state, &cache_dir(&app)?, &policy, kind, page, zoom).await
}

/// "Save as…" without a file dialog: a copy in the Downloads folder, whose path the
/// viewer shows.
#[tauri::command]
pub async fn documents_save(
    app: AppHandle,
    state: State<'_, AppState>,
    policy: String,
    kind: DocumentKind,
) -> Result<SavedCopy> {
    let downloads = app
        .path()
        .download_dir()
        .or_else(|_| app.path().home_dir().map(|h| h.join("Downloads")))
        .map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    save(&state, &cache_dir(&app)?, &downloads, &policy, kind).await
}

#[tauri::command]
pub async fn documents_open_external(
    app: AppHandle,
    state: State<'_, AppState>,
    policy: String,
    kind: DocumentKind,
) -> Result<()> {
    let (kept, _) = keep(&state, &cache_dir(&app)?, &policy, kind).await?;
    documents::open_with_system(&kept.path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::test_support::{complete_application, pending_application, started};

    #[tokio::test]
    async fn opens_and_saves_a_policy_document_by_policy_and_kind() {
        let (dir, state) = started().await;
        let (_, _, session) = pending_application(&state).await;
        let policy = complete_application(&state, &session.id).await;
        let cache = dir.path().join("cache");
        let view = open(&state, &cache, &policy, DocumentKind::Policy)
            .await
            .unwrap();
        assert!(view.downloaded && view.pages >= 1);
        assert_eq!(view.title, "Policy — Ann Lee");
        let again = open(&state, &cache, &policy, DocumentKind::Policy)
            .await
            .unwrap();
        assert!(!again.downloaded);
        let saved = save(
            &state,
            &cache,
            &dir.path().join("Downloads"),
            &policy,
            DocumentKind::Policy,
        )
        .await
        .unwrap();
        assert!(saved.path.ends_with(&format!("{policy}-policy.pdf")));
        assert_eq!(std::fs::metadata(&saved.path).unwrap().len(), view.bytes);
        let page = page(&state, &cache, &policy, DocumentKind::Policy, 1, 1.0)
            .await
            .unwrap();
        assert!(page.data_url.starts_with("data:image/png;base64,"));
    }
}

//! Policy documents kept for offline viewing: each PDF is downloaded once into the
//! app's cache folder (one folder per environment) and read from there afterwards.
//! Links may be relative to the API (`/bound-policies/…`); only the API's own host and
//! 1099Policy's document storage are fetched from.

pub mod render;

use crate::cache::KeptDocument;
use crate::error::{Error, Result};
use crate::state::{now, Active};
use reqwest::Url;
use std::path::{Path, PathBuf};
use ten99::client::Error as ApiError;
use ten99::resources::policies::resolve_url;

/// Hosts besides the API's that serve 1099Policy documents: the reference's policy
/// example links its PDF there (`pdf_url`, §2.7). HTTPS only.
const STORAGE_HOSTS: &[&str] = &["ten99policy.s3.amazonaws.com"];

/// A document on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub path: PathBuf,
    pub bytes: u64,
    /// True when this call downloaded it.
    pub downloaded: bool,
}

/// `link` as an absolute URL Coverdesk may fetch, or why not.
pub fn checked_url(api_base: &str, link: &str) -> Result<Url> {
    if let Ok(own) = Url::parse(link.trim()) {
        if !matches!(own.scheme(), "http" | "https") {
            return Err(Error::DocumentRefused(format!("a {} link", own.scheme())));
        }
    }
    let absolute = resolve_url(api_base, link);
    let url = Url::parse(&absolute).map_err(|e| {
        Error::DocumentMissing(format!(
            "The document link {link:?} is not a valid address ({e})."
        ))
    })?;
    let base = Url::parse(api_base).map_err(|e| {
        Error::DocumentMissing(format!("The API address {api_base:?} is not valid ({e})."))
    })?;
    let same_origin = url.origin() == base.origin();
    let storage =
        url.scheme() == "https" && url.host_str().is_some_and(|h| STORAGE_HOSTS.contains(&h));
    if same_origin || storage {
        Ok(url)
    } else {
        Err(Error::DocumentRefused(
            url.host_str().unwrap_or(url.scheme()).to_owned(),
        ))
    }
}

/// The document at `link`, from `folder` if it was downloaded before, otherwise
/// downloaded (and checked to be a readable PDF) into it.
pub async fn fetch(active: &Active, folder: &Path, link: &str) -> Result<Kept> {
    let url = checked_url(active.client.base(), link)?;
    if let Some(kept) = active.cache.kept_document(url.as_str())? {
        let path = folder.join(&kept.file);
        if path.is_file() {
            return Ok(Kept {
                path,
                bytes: kept.bytes,
                downloaded: false,
            });
        }
    }
    let bytes = active.client.download(&url).await.map_err(|e| match e {
        ApiError::Api { status: 404 | 410, .. } => Error::DocumentMissing(
            "The API no longer has this document (not found). Refresh the policy; if the link stays broken, ask 1099Policy for a new copy.".into(),
        ),
        other => Error::Api(other),
    })?;
    render::page_count(&bytes)?;
    std::fs::create_dir_all(folder)?;
    let file = file_name(&url);
    let path = folder.join(&file);
    let partial = folder.join(format!("{file}.part"));
    std::fs::write(&partial, &bytes)?;
    std::fs::rename(&partial, &path)?;
    let kept = KeptDocument {
        file,
        bytes: bytes.len() as u64,
    };
    active.cache.keep_document(url.as_str(), &kept, now())?;
    Ok(Kept {
        path,
        bytes: kept.bytes,
        downloaded: true,
    })
}

/// The link's own file name (made safe), prefixed by a hash of the whole URL so two
/// links with the same last segment never share a file.
fn file_name(url: &Url) -> String {
    let last = url
        .path_segments()
        .and_then(|mut s| s.next_back())
        .unwrap_or("document");
    let safe: String = last
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let stem = safe.trim_end_matches(".pdf");
    format!("{:016x}-{stem}.pdf", fnv1a(url.as_str()))
}

/// FNV-1a: stable across builds (std's hasher is not), so file names survive upgrades.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Opens `path` with the desktop's default application for it.
pub fn open_with_system(path: &Path) -> Result<()> {
    #[cfg(target_os = "macos")]
    let mut command = std::process::Command::new("open");
    #[cfg(target_os = "windows")]
    let mut command = {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    };
    #[cfg(not(any(target_os = "macos", target_os = "windows")))]
    let mut command = std::process::Command::new("xdg-open");
    command.arg(path).spawn()?;
    Ok(())
}

#[cfg(test)]
mod tests;

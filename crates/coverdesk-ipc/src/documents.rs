use serde::{Deserialize, Serialize};

/// Names of the backend commands for policy documents (`src-tauri/src/commands/documents.rs`).
pub mod command {
    /// args `{ policy, kind }` → [`super::DocumentView`]: downloads the PDF once into
    /// the app's cache folder (later opens read that copy).
    pub const OPEN: &str = "documents_open";
    /// args `{ policy, kind, page, zoom }` → [`super::PageImage`] (page counts from 1).
    pub const PAGE: &str = "documents_page";
    /// args `{ policy, kind }` → [`super::SavedCopy`]: a copy in the Downloads folder.
    pub const SAVE: &str = "documents_save";
    /// args `{ policy, kind }` → `()`: opens the cached copy in the system's PDF viewer.
    pub const OPEN_EXTERNAL: &str = "documents_open_external";
}

/// Which of a policy's documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// The policy itself (`pdf_url`).
    Policy,
    /// Certificate of insurance, general liability (`certificates.gl_coi_pdf_url`).
    GlCertificate,
    /// Certificate of insurance, workers' comp (`certificates.wc_coi_pdf_url`).
    WcCertificate,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 3] = [
        DocumentKind::Policy,
        DocumentKind::GlCertificate,
        DocumentKind::WcCertificate,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::Policy => "Policy",
            DocumentKind::GlCertificate => "GL certificate",
            DocumentKind::WcCertificate => "WC certificate",
        }
    }

    /// Used in element ids and file names.
    pub fn slug(self) -> &'static str {
        match self {
            DocumentKind::Policy => "policy",
            DocumentKind::GlCertificate => "gl-coi",
            DocumentKind::WcCertificate => "wc-coi",
        }
    }

    /// The link of this document on `policy`, if it has one.
    pub fn url(self, policy: &ten99::Policy) -> Option<&str> {
        match self {
            DocumentKind::Policy => policy.pdf_url.as_deref(),
            DocumentKind::GlCertificate => policy.certificates.gl_coi_pdf_url.as_deref(),
            DocumentKind::WcCertificate => policy.certificates.wc_coi_pdf_url.as_deref(),
        }
    }
}

/// An opened document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentView {
    pub title: String,
    pub pages: u32,
    pub bytes: u64,
    /// True when this open downloaded it; false when the kept copy was used.
    pub downloaded: bool,
}

/// One rendered page, ready for an `<img src>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageImage {
    /// `data:image/png;base64,…`
    pub data_url: String,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedCopy {
    pub path: String,
}

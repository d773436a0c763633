//! A PDF the sandbox serves, read by a real PDF reader (poppler's `pdftotext`).

use super::Sandbox;
use serde_json::Value;
use std::process::Command;

/// The text of the PDF at `link` (a path on the sandbox), laid out as on the page.
pub async fn pdf_text(sandbox: &Sandbox, link: &Value) -> String {
    let url = sandbox.url(link.as_str().expect("a PDF link"));
    let bytes = reqwest::get(&url).await.unwrap().bytes().await.unwrap();
    let dir = tempfile_dir();
    let path = dir.join("doc.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(
        out.status.success(),
        "pdftotext rejected {url}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "ten99-sandbox-pdf-{}-{}",
        std::process::id(),
        rand_suffix()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

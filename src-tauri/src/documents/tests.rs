use super::*;
use crate::commands::policies;
use crate::commands::test_support::{
    complete_application, pending_application, request_paths, started,
};
use crate::state::AppState;
use base64::Engine;
use coverdesk_ipc::documents::DocumentKind;
use hayro::vello_cpu::Pixmap;

/// A bound policy's row and a folder to keep its documents in.
async fn bound(state: &AppState) -> coverdesk_ipc::policies::PolicyRow {
    let (_, _, session) = pending_application(state).await;
    let id = complete_application(state, &session.id).await;
    policies::get(state, &id).await.unwrap()
}

fn document_fetches(paths: &[String]) -> usize {
    paths
        .iter()
        .filter(|p| p.starts_with("/bound-policies/"))
        .count()
}

#[tokio::test]
async fn downloads_each_document_once_then_reads_the_kept_copy() {
    let (dir, state) = started().await;
    let row = bound(&state).await;
    let link = DocumentKind::GlCertificate
        .url(&row.policy)
        .unwrap()
        .to_owned();
    assert!(
        link.starts_with('/'),
        "the stand-in links relatively: {link}"
    );
    let active = state.active().await;
    let folder = dir.path().join("documents");

    let first = fetch(&active, &folder, &link).await.unwrap();
    assert!(first.downloaded);
    assert!(first.path.starts_with(&folder) && first.path.is_file());
    assert_eq!(std::fs::metadata(&first.path).unwrap().len(), first.bytes);
    assert_eq!(document_fetches(&request_paths(&state).await), 1);

    let second = fetch(&active, &folder, &link).await.unwrap();
    assert!(!second.downloaded);
    assert_eq!(second.path, first.path);
    assert_eq!(
        document_fetches(&request_paths(&state).await),
        1,
        "the second open must not touch the network"
    );

    // A copy removed behind the app's back is downloaded again rather than failing.
    std::fs::remove_file(&first.path).unwrap();
    assert!(fetch(&active, &folder, &link).await.unwrap().downloaded);
}

#[test]
fn relative_links_resolve_against_the_api_base() {
    let url = checked_url(
        "http://127.0.0.1:4010/",
        "/bound-policies/sandbox/gl_coi_pl_x_1.pdf",
    )
    .unwrap();
    assert_eq!(
        url.as_str(),
        "http://127.0.0.1:4010/bound-policies/sandbox/gl_coi_pl_x_1.pdf"
    );
    let url = checked_url(
        "https://api.1099policy.com",
        "bound-policies/prod/policy_pl_x_1.pdf",
    )
    .unwrap();
    assert_eq!(
        url.as_str(),
        "https://api.1099policy.com/bound-policies/prod/policy_pl_x_1.pdf"
    );
    let storage = "https://ten99policy.s3.amazonaws.com/1099policy-coi-sample.pdf";
    assert_eq!(
        checked_url("https://api.1099policy.com", storage)
            .unwrap()
            .as_str(),
        storage
    );
}

#[tokio::test]
async fn refuses_links_to_other_hosts_without_fetching() {
    let (dir, state) = started().await;
    let active = state.active().await;
    let before = request_paths(&state).await.len();
    for link in [
        "https://evil.example.com/bound-policies/sandbox/policy_pl_x_1.pdf",
        "http://ten99policy.s3.amazonaws.com/sample.pdf",
        "file:///etc/passwd",
    ] {
        let error = fetch(&active, dir.path(), link).await.unwrap_err();
        assert_eq!(error.code(), "document_refused", "{link}: {error}");
    }
    // Same host, other port: another server, refused too.
    let base = active.client.base().to_owned();
    let other_port = base
        .rsplit_once(':')
        .map(|(host, _)| format!("{host}:1/x.pdf"))
        .unwrap();
    assert_eq!(
        fetch(&active, dir.path(), &other_port)
            .await
            .unwrap_err()
            .code(),
        "document_refused"
    );
    assert_eq!(request_paths(&state).await.len(), before);
}

#[tokio::test]
async fn a_missing_document_says_so() {
    let (dir, state) = started().await;
    let active = state.active().await;
    let error = fetch(
        &active,
        dir.path(),
        "/bound-policies/sandbox/policy_pl_nothere_1.pdf",
    )
    .await
    .unwrap_err();
    assert_eq!(error.code(), "document_missing");
    assert!(
        error.view().message.contains("not found"),
        "{}",
        error.view().message
    );
}

#[tokio::test]
async fn a_broken_pdf_gives_a_clear_error() {
    let (dir, state) = started().await;
    let row = bound(&state).await;
    let active = state.active().await;
    let kept = fetch(&active, dir.path(), row.policy.pdf_url.as_deref().unwrap())
        .await
        .unwrap();
    let good = std::fs::read(&kept.path).unwrap();
    for broken in [
        b"<html>Not found</html>".to_vec(),
        b"%PDF-1.7\nthe rest never arrived".to_vec(),
        Vec::new(),
    ] {
        let error = render::page_count(&broken).unwrap_err();
        assert_eq!(error.code(), "document_broken");
        assert!(error.view().message.contains("could not be read"));
        assert_eq!(
            render::page(&broken, 1, 1.0).unwrap_err().code(),
            "document_broken"
        );
    }
    assert_eq!(
        render::page(&good, 99, 1.0).unwrap_err().code(),
        "document_missing"
    );
}

#[tokio::test]
async fn renders_a_certificate_page_with_ink_on_it() {
    let (dir, state) = started().await;
    let row = bound(&state).await;
    let active = state.active().await;
    let link = DocumentKind::WcCertificate
        .url(&row.policy)
        .unwrap()
        .to_owned();
    let kept = fetch(&active, dir.path(), &link).await.unwrap();
    let bytes = std::fs::read(&kept.path).unwrap();
    assert!(render::page_count(&bytes).unwrap() >= 1);

    let image = render::page(&bytes, 1, 1.0).unwrap();
    // US Letter is 612 × 792 points.
    assert!(
        (600..=620).contains(&image.width) && (780..=800).contains(&image.height),
        "{image:?}"
    );
    let png = base64::engine::general_purpose::STANDARD
        .decode(
            image
                .data_url
                .strip_prefix("data:image/png;base64,")
                .unwrap(),
        )
        .unwrap();
    let pixmap = Pixmap::from_png(std::io::Cursor::new(png)).unwrap();
    let pixels = pixmap.data();
    let inked = pixels
        .iter()
        .filter(|p| p.r < 128 && p.g < 128 && p.b < 128)
        .count();
    let share = inked as f64 / pixels.len() as f64;
    assert!(share > 0.005 && share < 0.5, "dark pixels: {share:.4}");

    let zoomed = render::page(&bytes, 1, 2.0).unwrap();
    assert_eq!(zoomed.width, image.width * 2);
}

/// A tiny PDF whose trailer says it is encrypted with the standard handler, with an owner
/// and user entry that no password (not even the empty one) opens.
fn encrypted_pdf() -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>".to_owned(),
        format!(
            "<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <{}> /U <{}> >>",
            "11".repeat(32),
            "22".repeat(32)
        ),
    ];
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).into_bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").into_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Encrypt 4 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1,
            id = "ab".repeat(16)
        )
        .into_bytes(),
    );
    pdf
}

#[test]
fn hostile_pdfs_each_get_a_message_the_viewer_shows() {
    let mut huge = b"%PDF-1.7\n".to_vec();
    huge.resize(render::MAX_BYTES + 1, b' ');
    let cases: [(&str, Vec<u8>, &str); 3] = [
        (
            "huge",
            huge,
            "it is 51 MB, more than the 50 MB the viewer draws",
        ),
        ("encrypted", encrypted_pdf(), "it is encrypted"),
        (
            "not a PDF",
            b"PK\x03\x04 a zip file".to_vec(),
            "the file is not a PDF",
        ),
    ];
    for (what, bytes, reason) in cases {
        let error = match render::page_count(&bytes) {
            Ok(pages) => panic!("{what}: read as {pages} pages"),
            Err(error) => error,
        };
        assert_eq!(error.code(), "document_broken", "{what}");
        let message = error.view().message;
        assert_eq!(
            message,
            format!("This PDF could not be read ({reason}). Try Open in system viewer, or ask 1099Policy for a new copy."),
            "{what}"
        );
        assert_eq!(
            render::page(&bytes, 1, 1.0).unwrap_err().view().message,
            message,
            "{what}"
        );
    }
}

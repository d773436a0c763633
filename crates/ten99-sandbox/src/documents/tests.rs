//! The documents are checked the way a reader would: poppler's `pdfinfo` must
//! accept them without complaint and `pdftotext` must find the facts in them. Set
//! `SANDBOX_PDF_PREVIEW_DIR` to keep the files for a look.

use super::*;
use std::path::PathBuf;
use std::process::Command;

fn sample() -> BoundPolicy {
    let id = "pl_WzFRszJhoY";
    BoundPolicy {
        policy_id: id.into(),
        insured: Party {
            name: "Joe Parker".into(),
            address: vec!["1 Kearny St".into(), "San Francisco, CA 94104".into()],
        },
        insured_email: Some("joe@example.com".into()),
        certificate_holder: Some(Party {
            name: "Lake View Bowl".into(),
            address: vec!["3639 18th St".into(), "Chicago, IL 60640".into()],
        }),
        job_name: "Field Technician".into(),
        job_description: "Run cable from front of commercial building to rear.".into(),
        work_state: Some("IL".into()),
        coverages: vec![
            CoverageTerms::standard(id, Coverage::WorkersComp, 7600, 85, None),
            CoverageTerms::standard(
                id,
                Coverage::General,
                41677,
                41,
                Some((100_000_000, 200_000_000)),
            ),
        ],
        net_rate: 126,
        effective_date: 1_701_561_600,
        expiration_date: 1_704_153_600,
        issued: 1_701_475_200,
    }
}

/// A written PDF; deleted again on drop unless `SANDBOX_PDF_PREVIEW_DIR` asked to
/// keep it.
struct Written {
    path: PathBuf,
    keep: bool,
}

impl Drop for Written {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn write(name: &str, bytes: &[u8]) -> Written {
    let keep = std::env::var_os("SANDBOX_PDF_PREVIEW_DIR");
    let dir = keep
        .clone()
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("ten99-sandbox-{}-{name}", std::process::id()));
    let path = if keep.is_some() { dir.join(name) } else { path };
    std::fs::write(&path, bytes).unwrap();
    Written {
        path,
        keep: keep.is_some(),
    }
}

/// The text poppler extracts, or `None` when poppler is not installed.
fn pdftotext(file: &Written) -> Option<String> {
    let path = &file.path;
    let info = Command::new("pdfinfo").arg(path).output().ok()?;
    assert!(
        info.status.success(),
        "pdfinfo failed: {}",
        String::from_utf8_lossy(&info.stderr)
    );
    assert!(
        info.stderr.is_empty(),
        "pdfinfo complained: {}",
        String::from_utf8_lossy(&info.stderr)
    );
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

fn assert_contains(text: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(text.contains(w), "{w:?} not in:\n{text}");
    }
}

#[test]
fn policy_document_names_the_insured_coverages_and_dates() {
    let bytes = policy::render(&sample());
    assert!(bytes.starts_with(b"%PDF-1.4"));
    assert_eq!(bytes, policy::render(&sample()), "same input, same bytes");
    let Some(text) = pdftotext(&write("policy.pdf", &bytes)) else {
        eprintln!("poppler not installed: skipping text checks");
        return;
    };
    assert_contains(
        &text,
        &[
            "Policy Declarations",
            "Joe Parker",
            "San Francisco, CA 94104",
            "Lake View Bowl",
            "pl_WzFRszJhoY",
            "Dec 3, 2023",
            "Jan 2, 2024",
            "Dec 2, 2023",
            "Workers' Compensation",
            "Commercial General Liability",
            "T99-WC-WzFRszJhoY",
            "T99-GL-WzFRszJhoY",
            "$1,000,000",
            "$2,000,000",
            "$1.26",
            "SANDBOX SPECIMEN",
            "Page 2 of 2",
        ],
    );
}

#[test]
fn certificates_exist_per_coverage_and_fill_the_right_row() {
    let policy = sample();
    assert!(certificate::render(&policy, Coverage::Professional).is_none());
    for (coverage, number, class) in [
        (Coverage::General, "T99-GL-WzFRszJhoY", "41677"),
        (Coverage::WorkersComp, "T99-WC-WzFRszJhoY", "7600"),
    ] {
        let bytes = certificate::render(&policy, coverage).unwrap();
        let name = format!("{}_coi.pdf", coverage.short());
        let Some(text) = pdftotext(&write(&name, &bytes)) else {
            return;
        };
        assert_contains(
            &text,
            &[
                "CERTIFICATE OF LIABILITY INSURANCE",
                "PRODUCER",
                "INSURED",
                "Joe Parker",
                "INSURER A :",
                insurer_for(coverage).name,
                "COVERAGES",
                number,
                "12/03/2023",
                "01/02/2024",
                "12/02/2023",
                "Dec 3, 2023",
                "DESCRIPTION OF OPERATIONS",
                &format!("Class code {class}"),
                "CERTIFICATE HOLDER",
                "Lake View Bowl",
                "Chicago, IL 60640",
                "CANCELLATION",
                "AUTHORIZED REPRESENTATIVE",
                "1,000,000",
            ],
        );
    }
}

#[test]
fn optional_lines_and_a_missing_holder_still_render() {
    let mut policy = sample();
    policy.certificate_holder = None;
    policy.work_state = None;
    policy.insured.name = "Zoë O'Brien – Studio".into();
    policy.coverages.push(CoverageTerms::standard(
        &policy.policy_id,
        Coverage::Media,
        41677,
        12,
        None,
    ));
    let bytes = certificate::render(&policy, Coverage::Media).unwrap();
    if let Some(text) = pdftotext(&write("media_coi.pdf", &bytes)) {
        assert_contains(
            &text,
            &[
                "MEDIA LIABILITY",
                "Evidence of coverage",
                "Zoë O'Brien – Studio",
                "Remote work.",
            ],
        );
    }
    if let Some(text) = pdftotext(&write("policy_media.pdf", &policy::render(&policy))) {
        assert_contains(
            &text,
            &[
                "Media Liability",
                "Any client of the named insured",
                "remote",
            ],
        );
    }
}

//! A certificate of liability insurance laid out like the industry's ACORD 25
//! form (producer, insured, insurers, coverages table, description of operations,
//! certificate holder, cancellation), one per coverage (`certificates.gl_coi_pdf_url`,
//! `wc_coi_pdf_url`). The wording is our own paraphrase of the usual notices.

use super::pdf::{text_width, Color, Document, Font, Page};
use super::style::{caption, footer, watermark, NAVY, SHADE};
use super::{BoundPolicy, CoverageTerms, Party, PRODUCER, PRODUCER_CONTACT};
use crate::coverage::Coverage;
use crate::format::{date_long, date_us, dollars};

const L: f32 = 28.0;
const R: f32 = 584.0;
const MID: f32 = 306.0;

/// The certificate for one coverage of the policy, or `None` if the policy does not
/// carry that coverage.
pub fn render(policy: &BoundPolicy, coverage: Coverage) -> Option<Vec<u8>> {
    let terms = policy.terms(coverage)?;
    let mut doc = Document::new(
        format!("Certificate of insurance {}", terms.policy_number),
        format!("{} - {}", coverage.title(), policy.insured.name),
    );
    let mut page = Page::letter();
    watermark(&mut page);
    header(&mut page, policy);
    parties(&mut page, policy, terms);
    coverages(&mut page, policy, terms);
    closing(&mut page, policy, terms);
    footer(
        &mut page,
        L,
        R,
        "Certificate layout modelled on ACORD 25; not an ACORD form.",
        1,
        1,
    );
    doc.push(page);
    Some(doc.to_bytes(policy.issued))
}

fn header(page: &mut Page, p: &BoundPolicy) {
    page.fill(L, 26.0, 86.0, 30.0, NAVY);
    page.text_in(L + 9.0, 46.0, Font::Bold, 12.0, Color::WHITE, "SANDBOX");
    page.text_center(
        (L + R) / 2.0 + 8.0,
        47.0,
        Font::Bold,
        15.0,
        "CERTIFICATE OF LIABILITY INSURANCE",
    );
    page.rect(R - 96.0, 26.0, 96.0, 30.0, 0.8);
    caption(page, R - 90.0, 35.0, "DATE (MM/DD/YYYY)");
    page.text(R - 90.0, 50.0, Font::Bold, 10.0, &date_us(p.issued));

    page.rect(L, 62.0, R - L, 52.0, 0.8);
    let notice = "THIS CERTIFICATE IS ISSUED FOR INFORMATION ONLY AND GIVES THE CERTIFICATE HOLDER NO RIGHTS. IT DOES NOT CHANGE, EXTEND OR ALTER THE COVERAGE PROVIDED BY THE POLICIES BELOW, AND IT IS NOT A CONTRACT BETWEEN THE INSURER(S), THE PRODUCER AND THE CERTIFICATE HOLDER.";
    let y = page.paragraph(L + 6.0, 72.0, R - L - 12.0, Font::Bold, 6.8, 8.4, notice);
    let important = "IMPORTANT: If the certificate holder is to be an additional insured, the policy must include or be endorsed with additional insured provisions. A waiver of subrogation may also require an endorsement; see the policy terms. This certificate gives the holder no rights in place of such endorsements.";
    page.paragraph(
        L + 6.0,
        y + 2.0,
        R - L - 12.0,
        Font::Regular,
        6.8,
        8.4,
        important,
    );
}

fn parties(page: &mut Page, p: &BoundPolicy, t: &CoverageTerms) {
    // Producer | contact.
    page.rect(L, 114.0, MID - L, 66.0, 0.8);
    page.rect(MID, 114.0, R - MID, 66.0, 0.8);
    caption(page, L + 6.0, 124.0, "PRODUCER");
    for (i, line) in PRODUCER.iter().enumerate() {
        let font = if i == 0 { Font::Bold } else { Font::Regular };
        page.text(L + 6.0, 138.0 + i as f32 * 11.0, font, 9.0, line);
    }
    let (name, phone, email) = PRODUCER_CONTACT;
    for (i, (label, value)) in [
        ("CONTACT NAME:", name),
        ("PHONE:", phone),
        ("E-MAIL:", email),
    ]
    .iter()
    .enumerate()
    {
        let y = 128.0 + i as f32 * 15.0;
        caption(page, MID + 6.0, y, label);
        page.text(MID + 70.0, y, Font::Regular, 9.0, value);
    }

    // Insured | insurers.
    page.rect(L, 180.0, MID - L, 76.0, 0.8);
    page.rect(MID, 180.0, R - MID, 76.0, 0.8);
    caption(page, L + 6.0, 190.0, "INSURED");
    page.text(L + 6.0, 204.0, Font::Bold, 9.5, &p.insured.name);
    for (i, line) in p.insured.address.iter().enumerate() {
        page.text(L + 6.0, 216.0 + i as f32 * 11.0, Font::Regular, 9.0, line);
    }
    caption(page, MID + 6.0, 190.0, "INSURER(S) AFFORDING COVERAGE");
    caption(page, R - 40.0, 190.0, "NAIC #");
    page.line(R - 46.0, 180.0, R - 46.0, 256.0, 0.5);
    for (i, letter) in ["A", "B", "C", "D", "E"].iter().enumerate() {
        let y = 195.0 + i as f32 * 12.2;
        page.line(MID, y, R, y, 0.4);
        caption(page, MID + 6.0, y + 9.0, &format!("INSURER {letter} :"));
        if i == 0 {
            page.text(MID + 62.0, y + 9.0, Font::Regular, 8.5, t.insurer.name);
            page.text(R - 40.0, y + 9.0, Font::Regular, 8.5, t.insurer.naic);
        }
    }
}

/// Columns of the coverages table.
const C_LTR: f32 = L;
const C_TYPE: f32 = L + 22.0;
const C_ADDL: f32 = 196.0;
const C_SUBR: f32 = 218.0;
const C_NUM: f32 = 240.0;
const C_EFF: f32 = 326.0;
const C_EXP: f32 = 374.0;
const C_LIM: f32 = 422.0;
const C_AMT: f32 = 528.0;
/// Where the coverages table ends and the description box begins.
const TABLE_BOTTOM: f32 = 587.0;

fn coverages(page: &mut Page, p: &BoundPolicy, t: &CoverageTerms) {
    page.fill(L, 258.0, R - L, 15.0, SHADE);
    page.rect(L, 258.0, R - L, 15.0, 0.8);
    page.text(L + 6.0, 269.0, Font::Bold, 9.0, "COVERAGES");
    caption(page, 180.0, 269.0, "CERTIFICATE NUMBER:");
    page.text(
        258.0,
        269.0,
        Font::Regular,
        8.0,
        &format!("{}-{}", t.policy_number, p.issued),
    );
    caption(page, 450.0, 269.0, "REVISION NUMBER:");
    page.text(520.0, 269.0, Font::Regular, 8.0, "1");
    let notice = "The policies listed below have been issued to the insured named above for the policy period shown. Whatever a contract or other document this certificate relates to may require, the insurance described here is subject to all the terms, exclusions and conditions of those policies. Limits shown may have been reduced by paid claims.";
    page.rect(L, 273.0, R - L, 30.0, 0.8);
    page.paragraph(
        L + 6.0,
        282.0,
        R - L - 12.0,
        Font::Regular,
        6.8,
        8.4,
        notice,
    );

    // Header row.
    let top = 303.0;
    page.rect(L, top, R - L, 22.0, 0.8);
    for (x, a, b) in [
        (C_LTR + 3.0, "INSR", "LTR"),
        (C_TYPE + 4.0, "TYPE OF INSURANCE", ""),
        (C_ADDL + 3.0, "ADDL", "INSD"),
        (C_SUBR + 3.0, "SUBR", "WVD"),
        (C_NUM + 4.0, "POLICY NUMBER", ""),
        (C_EFF + 3.0, "POLICY EFF", "(MM/DD/YYYY)"),
        (C_EXP + 3.0, "POLICY EXP", "(MM/DD/YYYY)"),
        (C_LIM + 4.0, "LIMITS", ""),
    ] {
        let (y1, size) = if b.is_empty() {
            (317.0, 6.5)
        } else {
            (312.0, 5.5)
        };
        page.text(x, y1, Font::Bold, size, a);
        page.text(x, 320.0, Font::Bold, size, b);
    }

    let mut y = top + 22.0;
    let mine = |c: Coverage| (t.coverage == c).then_some(t);
    y = row(
        page,
        p,
        y,
        84.0,
        mine(Coverage::General),
        gl_type,
        &[
            "EACH OCCURRENCE",
            "DAMAGE TO RENTED\nPREMISES (Ea occurrence)",
            "MED EXP (Any one person)",
            "PERSONAL & ADV INJURY",
            "GENERAL AGGREGATE",
            "PRODUCTS - COMP/OP AGG",
        ],
    );
    y = row(
        page,
        p,
        y,
        50.0,
        None,
        auto_type,
        &[
            "COMBINED SINGLE LIMIT\n(Ea accident)",
            "BODILY INJURY (Per person)",
            "BODILY INJURY (Per accident)",
            "PROPERTY DAMAGE (Per accident)",
        ],
    );
    y = row(
        page,
        p,
        y,
        36.0,
        None,
        umbrella_type,
        &["EACH OCCURRENCE", "AGGREGATE"],
    );
    y = row(
        page,
        p,
        y,
        56.0,
        mine(Coverage::WorkersComp),
        wc_type,
        &[
            "PER STATUTE",
            "E.L. EACH ACCIDENT",
            "E.L. DISEASE - EA EMPLOYEE",
            "E.L. DISEASE - POLICY LIMIT",
        ],
    );
    let other = [Coverage::Professional, Coverage::Media, Coverage::Cyber]
        .into_iter()
        .find_map(mine);
    let bottom = row(
        page,
        p,
        y,
        36.0,
        other,
        other_type,
        &["EACH CLAIM", "AGGREGATE"],
    );
    debug_assert_eq!(bottom, TABLE_BOTTOM);
    for x in [C_TYPE, C_ADDL, C_SUBR, C_NUM, C_EFF, C_EXP, C_LIM, C_AMT] {
        page.line(x, top, x, bottom, 0.5);
    }
}

type TypeCell = fn(&mut Page, f32, Option<&CoverageTerms>);

/// One coverage row: its type cell, and when filled, letter, number, dates and limits.
#[allow(clippy::too_many_arguments)]
fn row(
    page: &mut Page,
    p: &BoundPolicy,
    top: f32,
    height: f32,
    filled: Option<&CoverageTerms>,
    type_cell: TypeCell,
    labels: &[&str],
) -> f32 {
    page.rect(L, top, R - L, height, 0.8);
    type_cell(page, top, filled);
    let step = height / labels.len() as f32;
    for (i, label) in labels.iter().enumerate() {
        let y = top + i as f32 * step;
        if i > 0 {
            page.line(C_LIM, y, R, y, 0.4);
        }
        let lines: Vec<&str> = label.split('\n').collect();
        let first = y + step / 2.0 + 2.0 - (lines.len() - 1) as f32 * 3.2;
        for (j, line) in lines.iter().enumerate() {
            page.text(
                C_LIM + 3.0,
                first + j as f32 * 6.4,
                Font::Regular,
                5.6,
                line,
            );
        }
    }
    let Some(t) = filled else {
        return top + height;
    };
    let mid = top + 12.0;
    page.text(C_LTR + 8.0, mid, Font::Bold, 9.0, "A");
    page.text(C_ADDL + 7.0, mid, Font::Regular, 8.0, "Y");
    page.text(C_SUBR + 7.0, mid, Font::Regular, 8.0, "Y");
    page.text(C_NUM + 4.0, mid, Font::Regular, 8.0, &t.policy_number);
    page.text(
        C_EFF + 3.0,
        mid,
        Font::Regular,
        7.5,
        &date_us(p.effective_date),
    );
    page.text(
        C_EXP + 3.0,
        mid,
        Font::Regular,
        7.5,
        &date_us(p.expiration_date),
    );
    // Workers' comp's first limit row is the "per statute" box, not an amount.
    let skip = usize::from(t.coverage == Coverage::WorkersComp);
    for (i, limit) in t.limits.iter().enumerate() {
        let y = top + (i + skip) as f32 * step + step / 2.0 + 3.0;
        page.text(C_AMT + 4.0, y, Font::Regular, 8.5, "$");
        let amount = dollars(limit.cents);
        let amount = amount.trim_start_matches('$');
        page.text_right(R - 4.0, y, Font::Regular, 8.5, amount);
    }
    top + height
}

fn boxed(page: &mut Page, x: f32, y: f32, checked: bool, label: &str) -> f32 {
    page.checkbox(x, y - 6.0, 7.0, checked);
    page.text(x + 10.0, y, Font::Regular, 6.5, label);
    x + 14.0 + text_width(Font::Regular, 6.5, label)
}

fn gl_type(page: &mut Page, top: f32, t: Option<&CoverageTerms>) {
    let on = t.is_some();
    let x = C_TYPE + 4.0;
    boxed(page, x, top + 11.0, on, "COMMERCIAL GENERAL LIABILITY");
    let next = boxed(page, x + 10.0, top + 23.0, false, "CLAIMS-MADE");
    boxed(page, next, top + 23.0, on, "OCCUR");
    page.text(
        x,
        top + 50.0,
        Font::Bold,
        5.6,
        "GEN'L AGGREGATE LIMIT APPLIES PER:",
    );
    let next = boxed(page, x, top + 62.0, on, "POLICY");
    let next = boxed(page, next, top + 62.0, false, "PROJECT");
    boxed(page, next, top + 62.0, false, "LOC");
}

fn auto_type(page: &mut Page, top: f32, _: Option<&CoverageTerms>) {
    let x = C_TYPE + 4.0;
    page.text(x, top + 11.0, Font::Bold, 6.5, "AUTOMOBILE LIABILITY");
    let next = boxed(page, x, top + 24.0, false, "ANY AUTO");
    boxed(page, next, top + 24.0, false, "OWNED AUTOS ONLY");
    let next = boxed(page, x, top + 37.0, false, "HIRED AUTOS ONLY");
    boxed(page, next, top + 37.0, false, "NON-OWNED");
}

fn umbrella_type(page: &mut Page, top: f32, _: Option<&CoverageTerms>) {
    let x = C_TYPE + 4.0;
    let next = boxed(page, x, top + 13.0, false, "UMBRELLA LIAB");
    boxed(page, next, top + 13.0, false, "OCCUR");
    let next = boxed(page, x, top + 27.0, false, "EXCESS LIAB");
    boxed(page, next, top + 27.0, false, "CLAIMS-MADE");
}

fn wc_type(page: &mut Page, top: f32, t: Option<&CoverageTerms>) {
    let x = C_TYPE + 4.0;
    page.text(x, top + 11.0, Font::Bold, 6.5, "WORKERS COMPENSATION");
    page.text(x, top + 19.0, Font::Bold, 6.5, "AND EMPLOYERS' LIABILITY");
    page.text(
        x,
        top + 31.0,
        Font::Regular,
        5.4,
        "ANY PROPRIETOR/PARTNER/EXECUTIVE",
    );
    page.text(
        x,
        top + 38.0,
        Font::Regular,
        5.4,
        "OFFICER/MEMBER EXCLUDED?",
    );
    page.rect(C_ADDL - 24.0, top + 29.0, 14.0, 11.0, 0.5);
    if t.is_some() {
        page.text(C_ADDL - 20.0, top + 37.5, Font::Bold, 7.0, "N");
        // The "per statute" box of the limits column.
        page.checkbox(C_AMT + 4.0, top + 3.5, 7.0, true);
    }
    page.text(x, top + 49.0, Font::Regular, 5.4, "If yes, describe below");
}

fn other_type(page: &mut Page, top: f32, t: Option<&CoverageTerms>) {
    let x = C_TYPE + 4.0;
    match t {
        Some(t) => {
            let name = match t.coverage {
                Coverage::Professional => "PROFESSIONAL LIABILITY (E&O)",
                Coverage::Media => "MEDIA LIABILITY",
                _ => "CYBER LIABILITY",
            };
            boxed(page, x, top + 13.0, true, name);
            boxed(page, x, top + 27.0, true, "CLAIMS-MADE");
        }
        None => page.text(x, top + 13.0, Font::Bold, 6.5, "OTHER"),
    }
}

fn closing(page: &mut Page, p: &BoundPolicy, t: &CoverageTerms) {
    let top = TABLE_BOTTOM;
    page.rect(L, top, R - L, 66.0, 0.8);
    caption(
        page,
        L + 6.0,
        top + 9.0,
        "DESCRIPTION OF OPERATIONS / LOCATIONS / VEHICLES",
    );
    let place = match &p.work_state {
        Some(state) => format!("Work location: {state}."),
        None => "Remote work.".to_owned(),
    };
    let text = format!(
        "Independent contractor performing {}: {}. {place} Coverage period {} to {}, 12:01 a.m. standard time. Class code {}. Coverage applies only to the work described, performed for the certificate holder or through the platform that arranged it.",
        p.job_name,
        p.job_description.trim().trim_end_matches('.'),
        date_long(p.effective_date),
        date_long(p.expiration_date),
        super::policy::class_code(t),
    );
    page.paragraph(
        L + 6.0,
        top + 21.0,
        R - L - 12.0,
        Font::Regular,
        8.0,
        10.0,
        &text,
    );

    let top = top + 66.0;
    page.rect(L, top, MID - L, 92.0, 0.8);
    page.rect(MID, top, R - MID, 92.0, 0.8);
    page.fill(L, top, MID - L, 13.0, SHADE);
    page.fill(MID, top, R - MID, 13.0, SHADE);
    page.text(L + 6.0, top + 10.0, Font::Bold, 8.0, "CERTIFICATE HOLDER");
    page.text(MID + 6.0, top + 10.0, Font::Bold, 8.0, "CANCELLATION");
    let generic = Party {
        name: "Evidence of coverage".into(),
        address: vec!["For any client of the insured".into()],
    };
    let holder = p.certificate_holder.as_ref().unwrap_or(&generic);
    page.text(L + 14.0, top + 31.0, Font::Bold, 10.0, &holder.name);
    for (i, line) in holder.address.iter().enumerate() {
        page.text(
            L + 14.0,
            top + 44.0 + i as f32 * 12.0,
            Font::Regular,
            9.5,
            line,
        );
    }
    let cancel = "SHOULD ANY OF THE POLICIES DESCRIBED ABOVE BE CANCELLED BEFORE ITS EXPIRATION DATE, NOTICE WILL BE GIVEN AS THE POLICY PROVISIONS REQUIRE.";
    page.paragraph(
        MID + 6.0,
        top + 25.0,
        R - MID - 12.0,
        Font::Regular,
        7.0,
        8.8,
        cancel,
    );
    caption(page, MID + 6.0, top + 58.0, "AUTHORIZED REPRESENTATIVE");
    page.line(MID + 6.0, top + 81.0, R - 10.0, top + 81.0, 0.5);
    page.text(
        MID + 6.0,
        top + 77.0,
        Font::Regular,
        9.0,
        PRODUCER_CONTACT.0,
    );
    page.text_right(R - 10.0, top + 77.0, Font::Regular, 9.0, PRODUCER[0]);
}

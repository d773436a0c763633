//! The policy document (`pdf_url`): a declarations page (who, what work, which
//! coverages with limits and rates, when) and a page of conditions in plain words.

use super::pdf::{text_width, wrap, Color, Document, Font, Page};
use super::style::{caption, footer, watermark, AMBER, LIGHT_ON_NAVY, MUTED, NAVY, SHADE};
use super::{BoundPolicy, CoverageTerms};
use crate::coverage::Coverage;
use crate::format::{date_long, dollars, rate};

const LEFT: f32 = 40.0;
const RIGHT: f32 = 572.0;
const PAGES: usize = 2;

/// The policy document as PDF bytes.
pub fn render(policy: &BoundPolicy) -> Vec<u8> {
    let mut doc = Document::new(
        format!("Policy {}", policy.policy_id),
        format!("Policy declarations for {}", policy.insured.name),
    );
    doc.push(declarations(policy));
    doc.push(conditions(policy));
    doc.to_bytes(policy.issued)
}

fn band(page: &mut Page, height: f32, title: &str, subtitle: &str) {
    page.fill(0.0, 0.0, page.width(), height, NAVY);
    page.text_in(
        LEFT,
        height / 2.0 + 2.0,
        Font::Bold,
        20.0,
        Color::WHITE,
        title,
    );
    page.text_in(
        LEFT,
        height / 2.0 + 20.0,
        Font::Regular,
        9.5,
        LIGHT_ON_NAVY,
        subtitle,
    );
    page.fill(RIGHT - 84.0, height / 2.0 - 14.0, 84.0, 22.0, AMBER);
    page.text_center(
        RIGHT - 42.0,
        height / 2.0 + 1.5,
        Font::Bold,
        10.0,
        "SANDBOX",
    );
}

fn heading(page: &mut Page, x: f32, y: f32, width: f32, text: &str) {
    page.text_in(x, y, Font::Bold, 11.0, NAVY, text);
    page.line(x, y + 5.0, x + width, y + 5.0, 0.6);
}

fn declarations(p: &BoundPolicy) -> Page {
    let mut page = Page::letter();
    watermark(&mut page);
    band(
        &mut page,
        80.0,
        "Policy Declarations",
        "On-demand insurance for independent contractors",
    );

    // Key facts.
    let facts = [
        ("POLICY", p.policy_id.clone()),
        (
            "POLICY PERIOD",
            format!(
                "{} – {}",
                date_long(p.effective_date),
                date_long(p.expiration_date)
            ),
        ),
        ("DATE ISSUED", date_long(p.issued)),
    ];
    let width = (RIGHT - LEFT - 24.0) / 3.0;
    for (i, (label, value)) in facts.iter().enumerate() {
        let x = LEFT + i as f32 * (width + 12.0);
        page.fill(x, 100.0, width, 44.0, SHADE);
        caption(&mut page, x + 10.0, 116.0, label);
        page.text(x + 10.0, 134.0, Font::Bold, 11.0, value);
    }

    // Insured and holder side by side.
    let half = (RIGHT - LEFT - 32.0) / 2.0;
    let right_x = LEFT + half + 32.0;
    heading(&mut page, LEFT, 176.0, half, "Named insured");
    let mut lines = p.insured.address.clone();
    lines.extend(p.insured_email.iter().cloned());
    party(&mut page, LEFT, 196.0, &p.insured.name, &lines);
    heading(&mut page, right_x, 176.0, half, "Certificate holder");
    match &p.certificate_holder {
        Some(holder) => party(&mut page, right_x, 196.0, &holder.name, &holder.address),
        None => {
            page.paragraph(
                right_x,
                196.0,
                half,
                Font::Regular,
                10.0,
                13.0,
                "Any client of the named insured that asks for evidence of this coverage.",
            );
        }
    }

    // The work.
    heading(&mut page, LEFT, 270.0, RIGHT - LEFT, "Work covered");
    page.text(LEFT, 290.0, Font::Bold, 10.5, &p.job_name);
    let location = match &p.work_state {
        Some(state) => format!("Work location: {state}"),
        None => "Work location: remote (rated in the insured's home state)".to_owned(),
    };
    page.text_right(RIGHT, 290.0, Font::Regular, 9.5, &location);
    let y = page.paragraph(
        LEFT,
        305.0,
        RIGHT - LEFT,
        Font::Regular,
        9.5,
        12.5,
        &p.job_description,
    );

    let y = schedule(&mut page, p, y + 20.0);

    heading(&mut page, LEFT, y + 26.0, RIGHT - LEFT, "Premium");
    let per_thousand = i64::from(p.net_rate) * 10;
    let text = format!(
        "No premium is charged up front. Premium is charged as the insured is paid for the work above, at {} of gross pay ({} for every $1,000 earned), with a minimum of $1.00 per pay period. Liability premium includes the surplus lines tax and stamping fee of the insured's home state where they apply.",
        rate(p.net_rate),
        dollars(per_thousand)
    );
    page.paragraph(
        LEFT,
        y + 46.0,
        RIGHT - LEFT,
        Font::Regular,
        9.5,
        12.5,
        &text,
    );

    footer(
        &mut page,
        LEFT,
        RIGHT,
        "Coverage begins and ends at 12:01 a.m. standard time at the named insured's address.",
        1,
        PAGES,
    );
    page
}

fn party(page: &mut Page, x: f32, y: f32, name: &str, lines: &[String]) {
    page.text(x, y, Font::Bold, 11.0, name);
    for (i, line) in lines.iter().enumerate() {
        page.text(x, y + 15.0 + i as f32 * 13.0, Font::Regular, 10.0, line);
    }
}

/// Column x positions of the schedule.
const COL_POLICY: f32 = 196.0;
const COL_CLASS: f32 = 292.0;
const COL_LIMITS: f32 = 334.0;
const COL_AMOUNT_RIGHT: f32 = 516.0;

/// The coverage table; returns the y below it.
fn schedule(page: &mut Page, p: &BoundPolicy, top: f32) -> f32 {
    heading(page, LEFT, top, RIGHT - LEFT, "Coverage schedule");
    let mut y = top + 14.0;
    page.fill(LEFT, y, RIGHT - LEFT, 18.0, SHADE);
    for (x, label) in [
        (LEFT + 6.0, "COVERAGE AND INSURER"),
        (COL_POLICY, "POLICY NUMBER"),
        (COL_CLASS, "CLASS"),
        (COL_LIMITS, "LIMITS OF INSURANCE"),
    ] {
        caption(page, x, y + 12.0, label);
    }
    page.text_in(
        RIGHT - 6.0 - text_width(Font::Bold, 6.5, "RATE"),
        y + 12.0,
        Font::Bold,
        6.5,
        MUTED,
        "RATE",
    );
    y += 18.0;
    for terms in &p.coverages {
        y = schedule_row(page, terms, y);
    }
    page.text_right(
        COL_AMOUNT_RIGHT,
        y + 16.0,
        Font::Bold,
        10.0,
        "Total rate per $100 of pay",
    );
    page.text_right(
        RIGHT - 6.0,
        y + 16.0,
        Font::Bold,
        10.0,
        &rate_short(p.net_rate),
    );
    y + 20.0
}

fn schedule_row(page: &mut Page, t: &CoverageTerms, top: f32) -> f32 {
    let title = wrap(
        Font::Bold,
        9.0,
        COL_POLICY - LEFT - 16.0,
        t.coverage.title(),
    );
    let left_lines = title.len() + 1;
    let lines = left_lines.max(t.limits.len());
    let height = lines as f32 * 12.0 + 10.0;
    let base = top + 15.0;
    for (i, line) in title.iter().enumerate() {
        page.text(LEFT + 6.0, base + i as f32 * 12.0, Font::Bold, 9.0, line);
    }
    page.text_in(
        LEFT + 6.0,
        base + title.len() as f32 * 12.0,
        Font::Regular,
        8.0,
        MUTED,
        t.insurer.name,
    );
    page.text(COL_POLICY, base, Font::Regular, 9.0, &t.policy_number);
    page.text(COL_CLASS, base, Font::Regular, 9.0, &class_code(t));
    for (i, limit) in t.limits.iter().enumerate() {
        let y = base + i as f32 * 12.0;
        page.text(COL_LIMITS, y, Font::Regular, 8.5, limit.label);
        page.text_right(
            COL_AMOUNT_RIGHT,
            y,
            Font::Regular,
            8.5,
            &dollars(limit.cents),
        );
    }
    if t.coverage == Coverage::WorkersComp {
        let y = base + t.limits.len() as f32 * 12.0;
        page.text_in(
            COL_LIMITS,
            y,
            Font::Regular,
            8.0,
            MUTED,
            "Part One: statutory benefits of the work state",
        );
    }
    page.text_right(
        RIGHT - 6.0,
        base,
        Font::Regular,
        9.0,
        &rate_short(t.net_rate),
    );
    let bottom = top
        + height
        + if t.coverage == Coverage::WorkersComp {
            12.0
        } else {
            0.0
        };
    page.line(LEFT, bottom, RIGHT, bottom, 0.4);
    bottom
}

/// Workers' comp classes print as four digits (`0042`), the rest as they are.
pub(super) fn class_code(t: &CoverageTerms) -> String {
    match t.coverage {
        Coverage::WorkersComp => format!("{:04}", t.class_code),
        _ => t.class_code.to_string(),
    }
}

fn rate_short(net_rate: u32) -> String {
    format!("${}.{:02}", net_rate / 100, net_rate % 100)
}

fn conditions(p: &BoundPolicy) -> Page {
    let mut page = Page::letter();
    watermark(&mut page);
    band(
        &mut page,
        64.0,
        "Policy Conditions",
        &format!("Summary of the terms of policy {}", p.policy_id),
    );
    let mut sections: Vec<(&str, String)> = vec![
        ("Who is insured", "The named insured, an independent contractor, while doing the work described in the declarations for the certificate holder or through the platform that arranged this coverage.".to_owned()),
        ("Coverage period", format!("Coverage starts at 12:01 a.m. on {} and ends at 12:01 a.m. on {}, standard time at the named insured's address. Work done outside this period is not covered.", date_long(p.effective_date), date_long(p.expiration_date))),
    ];
    for t in &p.coverages {
        let text = match t.coverage {
            Coverage::WorkersComp => "Pays the benefits the workers' compensation law of the work state requires for injury or disease arising out of the covered work, and employers' liability up to the limits shown.",
            Coverage::General => "Pays the sums the insured becomes legally obliged to pay as damages because of bodily injury, property damage, or personal and advertising injury arising out of the covered work, up to the limits shown, and defends the insured against suits seeking them.",
            Coverage::Professional => "Pays claims alleging that a negligent act, error or omission in the professional services of the covered work caused a client financial loss, up to the limits shown, including defence costs.",
            Coverage::Media => "Pays claims for defamation, infringement of copyright or trademark, and invasion of privacy arising out of content the insured creates in the covered work, up to the limits shown.",
            Coverage::Cyber => "Pays for the response to, and claims arising from, a breach of data or systems in the insured's care during the covered work, up to the limits shown.",
        };
        sections.push((t.coverage.title(), text.to_owned()));
    }
    sections.extend([
        ("Premium", "Premium is earned as the insured is paid. Each pay period the platform reports gross pay, and the premium due is charged at the rate in the declarations.".to_owned()),
        ("Cancellation", "The insured may cancel at any time. The insurer may cancel only for non-payment of premium or material misrepresentation, with the notice the law of the insured's home state requires. Cancelling before the coverage period begins refunds all premium.".to_owned()),
        ("Claims", "Report any accident, injury, claim or suit as soon as practicable to claims@sandbox.invalid, quoting the policy number shown in the coverage schedule.".to_owned()),
    ]);
    let mut y = 98.0;
    for (title, text) in sections {
        page.text_in(LEFT, y, Font::Bold, 10.5, NAVY, title);
        y = page.paragraph(
            LEFT,
            y + 15.0,
            RIGHT - LEFT,
            Font::Regular,
            9.5,
            12.5,
            &text,
        ) + 12.0;
    }
    let y = y + 24.0;
    page.paragraph(LEFT, y, RIGHT - LEFT, Font::Regular, 9.5, 12.5,
        "In witness whereof, the insurers named in the declarations have caused this policy to be signed by their authorized representative.");
    page.line(LEFT, y + 52.0, LEFT + 220.0, y + 52.0, 0.6);
    caption(&mut page, LEFT, y + 62.0, "AUTHORIZED REPRESENTATIVE");
    page.text(LEFT, y + 46.0, Font::Regular, 10.0, super::PRODUCER[0]);
    footer(
        &mut page,
        LEFT,
        RIGHT,
        "This summary does not replace the policy wording, which governs.",
        2,
        PAGES,
    );
    page
}

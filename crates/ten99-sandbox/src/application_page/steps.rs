//! Each step's form, and reading a submitted form back into a [`StepInput`].

use super::flow::{CardOnFile, SessionSummary, Step, StepInput};
use super::html::{errors, escape, safe_url};
use crate::format;
use std::collections::HashMap;
use std::fmt::Write;

/// The underwriting questions, by form field id. Answers are recorded, not scored:
/// the sandbox binds whatever the contractor answers.
pub const QUESTIONS: &[(&str, &str)] = &[
    (
        "heights",
        "Does this work involve climbing higher than 15 feet (ladders, roofs, scaffolding)?",
    ),
    (
        "subcontractors",
        "Will you hire employees or subcontractors to help with this work?",
    ),
    (
        "prior_claims",
        "Have you made an insurance claim for your work in the last three years?",
    ),
    (
        "licensed",
        "Do you hold every licence this work legally requires where you do it?",
    ),
];

/// The card number that is always declined (Stripe's test decline number), so the
/// failure path can be exercised.
pub const DECLINED_CARD: &str = "4000000000000002";

pub type Form = HashMap<String, String>;
/// Field name and message.
pub type Problems = Vec<(String, String)>;

/// What a valid submission asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Submission {
    Advance(StepInput),
    Bind,
}

/// The body of the current step's page. `form` refills fields after an error.
pub fn render(s: &SessionSummary, problems: &Problems, form: &Form) -> String {
    if s.step == Step::ApplicationComplete {
        return complete(s);
    }
    let fields = match s.step {
        Step::VerifyInfo => verify_info(s),
        Step::ApplicationQuestions => questions(form),
        Step::EsignatureDocument => esignature(s, form),
        Step::AddCardDetails => card(s, form),
        _ => final_review(s),
    };
    let button = match s.step {
        Step::FinalReview => "Bind coverage",
        Step::EsignatureDocument => "Sign and continue",
        _ => "Continue",
    };
    format!(
        r#"<h1>{title}</h1>
{errors}<form method="post" action="/apply/{id}/step" novalidate>
<input type="hidden" name="step" value="{step}">
{fields}
<div class="actions"><button type="submit">{button}</button></div>
</form>"#,
        title = s.step.title(),
        errors = errors(problems),
        id = escape(&s.session_id),
        step = s.step.as_str(),
    )
}

fn verify_info(s: &SessionSummary) -> String {
    let address = s
        .contractor_address
        .iter()
        .map(|l| escape(l))
        .collect::<Vec<_>>()
        .join("<br>");
    format!(
        r#"<p class="lead">We received these details from the platform you work with. Check they are right before you apply.</p>
<dl class="facts">
<dt>Name</dt><dd>{name}</dd>
<dt>Email</dt><dd>{email}</dd>
<dt>Home address</dt><dd>{address}</dd>
<dt>Job</dt><dd>{job}<br><span class="hint">{description}</span></dd>
</dl>
<label class="check"><input type="checkbox" name="confirm" value="yes"> These details are correct. If not, ask the platform to correct them before you continue.</label>"#,
        name = escape(&s.contractor_name),
        email = escape(&s.contractor_email),
        job = escape(&s.job_name),
        description = escape(&s.job_description),
    )
}

fn questions(form: &Form) -> String {
    let mut out = String::from(
        r#"<p class="lead">Answer honestly: your answers are part of your application.</p>"#,
    );
    for (id, text) in QUESTIONS {
        let checked = |v: &str| {
            if form.get(*id).map(String::as_str) == Some(v) {
                " checked"
            } else {
                ""
            }
        };
        let _ = write!(
            out,
            r#"<fieldset><legend>{text}</legend><div class="choices">
<label><input type="radio" name="{id}" value="yes"{y}> Yes</label>
<label><input type="radio" name="{id}" value="no"{n}> No</label></div></fieldset>"#,
            text = escape(text),
            y = checked("yes"),
            n = checked("no"),
        );
    }
    out
}

fn esignature(s: &SessionSummary, form: &Form) -> String {
    let coverages: Vec<&str> = s.coverages.iter().map(|c| c.title()).collect();
    format!(
        r#"<p class="lead">Read the application below, then sign it by typing your full name.</p>
<div class="doc"><h3>Application for insurance</h3>
<p>I, {name}, apply for {coverages} for my work as {job}, from {from} to {to}, at {rate} of the pay I earn for this work.</p>
<p>I confirm that the information in this application is true and complete to the best of my knowledge, and I understand that the insurer relies on it to issue coverage. Coverage applies only to the work described and only during the coverage period.</p>
<p>I agree to receive policy documents electronically and that my typed name below is my signature.</p></div>
<label for="signed_name">Type your full name to sign</label>
<input type="text" id="signed_name" name="signed_name" autocomplete="name" value="{signed}">
<label class="check"><input type="checkbox" name="agree" value="yes"> I have read the application and agree to sign it electronically.</label>"#,
        name = escape(&s.contractor_name),
        coverages = escape(&coverages.join(" and ")),
        job = escape(&s.job_name),
        from = format::date_long(s.effective_date),
        to = format::date_long(s.end_date),
        rate = format::rate(s.net_rate),
        signed = escape(form.get("signed_name").map_or("", String::as_str)),
    )
}

fn card(s: &SessionSummary, form: &Form) -> String {
    if s.withhold_premium {
        return r#"<p class="lead">The platform you work with pays your premium out of your earnings, so no card is needed.</p>"#.to_owned();
    }
    let value = |name: &str| escape(form.get(name).map_or("", String::as_str));
    format!(
        r#"<p class="lead">Your premium is charged to this card as you are paid for the job.</p>
<label for="card_name">Name on card</label>
<input type="text" id="card_name" name="card_name" autocomplete="cc-name" value="{name}">
<label for="card_number">Card number</label>
<input type="text" id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234">
<div class="row"><div><label for="card_exp">Expiry (MM/YY)</label>
<input type="text" id="card_exp" name="card_exp" autocomplete="cc-exp" placeholder="MM/YY" value="{exp}"></div>
<div><label for="card_cvc">Security code</label>
<input type="text" id="card_cvc" name="card_cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="CVC"></div></div>
<p class="hint">Sandbox: use 4242 4242 4242 4242 with any future date and any CVC; {declined} is always declined.</p>"#,
        name = value("card_name"),
        exp = value("card_exp"),
        declined = DECLINED_CARD,
    )
}

fn final_review(s: &SessionSummary) -> String {
    let mut rows = String::new();
    for c in &s.coverages {
        let _ = write!(rows, "<li>{}</li>", escape(c.title()));
    }
    let per_thousand = u64::from(s.net_rate) * 10;
    format!(
        r#"<p class="lead">Check your coverage. When you bind it, your policy and certificates are issued at once.</p>
<dl class="facts">
<dt>Insured</dt><dd>{name}</dd>
<dt>Coverage</dt><dd><ul class="cov">{rows}</ul></dd>
<dt>Coverage period</dt><dd>{from} to {to}</dd>
<dt>Rate</dt><dd>{rate} of pay (${dollars}.{cents:02} for every $1,000 you earn)</dd>
</dl>"#,
        name = escape(&s.contractor_name),
        from = format::date_long(s.effective_date),
        to = format::date_long(s.end_date),
        rate = format::rate(s.net_rate),
        dollars = per_thousand / 100,
        cents = per_thousand % 100,
    )
}

fn complete(s: &SessionSummary) -> String {
    let next = match safe_url(&s.success_url) {
        Some(url) => format!(
            r#"<div class="actions"><a class="button" id="continue" href="{url}">Continue</a></div>"#
        ),
        None => String::new(),
    };
    format!(
        r#"<div class="done-mark" aria-hidden="true">✓</div>
<h1>Coverage bound</h1>
<p class="lead">You're covered from {from} to {to}. Your policy documents and certificates of insurance are on their way to {email}.</p>
<dl class="facts"><dt>Policy</dt><dd id="policy">{policy}</dd><dt>Insured</dt><dd>{name}</dd></dl>
{next}"#,
        from = format::date_long(s.effective_date),
        to = format::date_long(s.end_date),
        email = escape(&s.contractor_email),
        policy = escape(s.policy_id.as_deref().unwrap_or("")),
        name = escape(&s.contractor_name),
    )
}

/// Reads the current step's form; every problem at once, so the contractor fixes
/// them in one go.
pub fn parse(s: &SessionSummary, form: &Form) -> Result<Submission, Problems> {
    let mut problems = Problems::new();
    let mut problem = |field: &str, message: &str| problems.push((field.into(), message.into()));
    let get = |name: &str| form.get(name).map(|v| v.trim()).unwrap_or("");
    let submission = match s.step {
        Step::VerifyInfo => {
            if get("confirm") != "yes" {
                problem("confirm", "Confirm that your details are correct.");
            }
            Submission::Advance(StepInput::VerifyInfo)
        }
        Step::ApplicationQuestions => {
            let mut answers = Vec::new();
            for (id, text) in QUESTIONS {
                match get(id) {
                    "yes" => answers.push(((*id).to_owned(), true)),
                    "no" => answers.push(((*id).to_owned(), false)),
                    _ => problem(id, &format!("Answer: {text}")),
                }
            }
            Submission::Advance(StepInput::ApplicationQuestions { answers })
        }
        Step::EsignatureDocument => {
            let signed = get("signed_name")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let expected = s
                .contractor_name
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if signed.is_empty() {
                problem("signed_name", "Type your full name to sign.");
            } else if !signed.eq_ignore_ascii_case(&expected) {
                problem(
                    "signed_name",
                    &format!("Type your name exactly as shown: {expected}."),
                );
            }
            if get("agree") != "yes" {
                problem("agree", "Agree to sign the application electronically.");
            }
            Submission::Advance(StepInput::EsignatureDocument {
                signed_name: signed,
            })
        }
        Step::AddCardDetails if s.withhold_premium => {
            Submission::Advance(StepInput::AddCardDetails { card: None })
        }
        Step::AddCardDetails => match read_card(form, s.now) {
            Ok(card) => Submission::Advance(StepInput::AddCardDetails { card: Some(card) }),
            Err(card_problems) => {
                problems.extend(card_problems);
                Submission::Bind
            }
        },
        Step::FinalReview | Step::ApplicationComplete => Submission::Bind,
    };
    if problems.is_empty() {
        Ok(submission)
    } else {
        Err(problems)
    }
}

fn read_card(form: &Form, now: i64) -> Result<CardOnFile, Problems> {
    let mut problems = Problems::new();
    let get = |name: &str| form.get(name).map(|v| v.trim()).unwrap_or("");
    let number: String = get("card_number")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if get("card_name").is_empty() {
        problems.push(("card_name".into(), "Enter the name on the card.".into()));
    }
    if !(13..=19).contains(&number.len()) || !luhn(&number) {
        problems.push(("card_number".into(), "Enter a valid card number.".into()));
    } else if number == DECLINED_CARD {
        problems.push((
            "card_number".into(),
            "Your card was declined. Try another card.".into(),
        ));
    }
    let expiry = expiry(get("card_exp"));
    let (year, month, _) = format::civil(now);
    match expiry {
        None => problems.push(("card_exp".into(), "Enter the expiry date as MM/YY.".into())),
        Some((m, y)) if (i64::from(y), m) < (year, month) => {
            problems.push(("card_exp".into(), "This card has expired.".into()))
        }
        Some(_) => {}
    }
    let cvc = get("card_cvc");
    if !(3..=4).contains(&cvc.len()) || !cvc.bytes().all(|b| b.is_ascii_digit()) {
        problems.push((
            "card_cvc".into(),
            "Enter the 3 or 4 digit security code.".into(),
        ));
    }
    match (problems.is_empty(), expiry) {
        (true, Some((exp_month, exp_year))) => Ok(CardOnFile {
            brand: brand(&number).to_owned(),
            last4: number[number.len() - 4..].to_owned(),
            exp_month,
            exp_year,
        }),
        _ => Err(problems),
    }
}

/// `MM/YY` or `MM/YYYY` → (month, four-digit year).
fn expiry(text: &str) -> Option<(u32, u32)> {
    let (m, y) = text.split_once('/')?;
    let month: u32 = m.trim().parse().ok().filter(|m| (1..=12).contains(m))?;
    let y = y.trim();
    let year: u32 = y.parse().ok()?;
    match y.len() {
        2 => Some((month, 2000 + year)),
        4 => Some((month, year)),
        _ => None,
    }
}

fn luhn(digits: &str) -> bool {
    let mut sum = 0;
    for (i, b) in digits.bytes().rev().enumerate() {
        if !b.is_ascii_digit() {
            return false;
        }
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

fn brand(number: &str) -> &'static str {
    let prefix = |n: usize| number[..n].parse::<u32>().unwrap_or(0);
    match number.as_bytes()[0] {
        b'4' => "Visa",
        b'5' if (51..=55).contains(&prefix(2)) => "Mastercard",
        b'2' if (2221..=2720).contains(&prefix(4)) => "Mastercard",
        b'3' if matches!(prefix(2), 34 | 37) => "American Express",
        b'6' if prefix(4) == 6011 || prefix(2) == 65 => "Discover",
        _ => "Card",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_are_checked_like_a_processor_would() {
        assert!(luhn("4242424242424242") && luhn(DECLINED_CARD) && !luhn("4242424242424241"));
        assert_eq!(brand("5555555555554444"), "Mastercard");
        assert_eq!(brand("378282246310005"), "American Express");
        assert_eq!(expiry("04/29"), Some((4, 2029)));
        assert_eq!(expiry("4/2031"), Some((4, 2031)));
        assert_eq!(expiry("13/29"), None);
        assert_eq!(expiry("0429"), None);
    }
}

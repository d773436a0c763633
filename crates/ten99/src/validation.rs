//! Field validation shared by the front end (as you type) and the backend (before any call).
//!
//! Problems are keyed by the field's path in the request body (`email`, `address.region`),
//! which is also how the UI finds the input to show the message next to.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod coverage_window;
pub(crate) use coverage_window::{check_ends_after_start, CoverageWindow};

/// Field path → what is wrong with it, in words an ops person can act on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FieldErrors(BTreeMap<String, String>);

impl FieldErrors {
    /// Keeps the first problem found for a field: it is the most basic one.
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_owned())
            .or_insert_with(|| message.into());
    }

    /// Records `message` when `value` is blank; returns whether the value is present.
    pub fn require(&mut self, field: &str, value: &str, message: &str) -> bool {
        if value.trim().is_empty() {
            self.add(field, message);
            false
        } else {
            true
        }
    }

    /// The problem reported for `field` (`address.region`), if any.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    /// Whether no field has a problem: the input may be sent.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many fields have a problem.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Field → problem, in field order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0.iter()
    }

    /// Field → problem, as the API's `invalid_input` message sends it.
    pub fn into_map(self) -> BTreeMap<String, String> {
        self.0
    }

    /// `Ok(())` when nothing was recorded.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl FieldErrors {
    /// Records a problem unless `value` is an ID of the kind with `prefix` (e.g. `jb_`);
    /// `noun` names the kind in the message ("job"). Returns whether the ID is usable.
    pub fn require_id(&mut self, field: &str, value: &str, prefix: &str, noun: &str) -> bool {
        if value.trim().is_empty() {
            self.add(field, format!("Choose the {noun}"));
            false
        } else {
            self.check_id(field, value, prefix, noun)
        }
    }

    /// Like [`FieldErrors::require_id`] for an optional ID that was given.
    pub fn check_id(&mut self, field: &str, value: &str, prefix: &str, noun: &str) -> bool {
        if is_id(value, prefix) {
            return true;
        }
        let mut noun_upper = noun.to_owned();
        if let Some(first) = noun_upper.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        let example = example_tail(prefix);
        self.add(
            field,
            format!("{noun_upper} IDs start with {prefix}, like {prefix}{example}; check for a copy-paste slip"),
        );
        false
    }

    /// [`FieldErrors::require_id`] for a field an update body may leave out: absent means
    /// unchanged, so only a given value is checked.
    pub(crate) fn require_id_if_given(
        &mut self,
        field: &str,
        value: Option<&str>,
        prefix: &str,
        noun: &str,
    ) {
        if let Some(value) = value {
            self.require_id(field, value, prefix, noun);
        }
    }

    /// Adds every problem of `other` (first problem per field still wins).
    pub fn merge(&mut self, other: FieldErrors) {
        for (field, message) in other.0 {
            self.add(&field, message);
        }
    }
}

/// The random part of a reference example ID, for messages.
fn example_tail(prefix: &str) -> &'static str {
    match prefix {
        "ias_" => "01FVCHXE7PNQHA1T3S2AXL2QZE",
        "ev_" | "whe_" => "KPGc5vEZdvoETu39BNwu2Z",
        _ => "jsb9KEcTpc",
    }
}

/// Whether `id` is `prefix` followed by at least one letter, digit, `_` or `-`.
pub fn is_id(id: &str, prefix: &str) -> bool {
    id.strip_prefix(prefix).is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    })
}

/// An absolute `http://` or `https://` URL with a host and no spaces.
pub fn is_http_url(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    !host.is_empty()
        && !host.starts_with(':')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Checks an optional URL field: absent is fine, blank or malformed is not.
pub(crate) fn check_url(errors: &mut FieldErrors, field: &str, url: Option<&str>) {
    if let Some(url) = url {
        if url.trim().is_empty() {
            errors.add(field, "Enter a web address or leave the field out");
        } else if !is_http_url(url.trim()) {
            errors.add(field, "Enter a full web address starting with https://");
        }
    }
}

impl From<BTreeMap<String, String>> for FieldErrors {
    fn from(map: BTreeMap<String, String>) -> Self {
        FieldErrors(map)
    }
}

/// The 50 states, DC and the inhabited territories, as USPS codes.
#[rustfmt::skip]
pub const US_STATES: [(&str, &str); 56] = [
    ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"),
    ("CA", "California"), ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"),
    ("DC", "District of Columbia"), ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"),
    ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"),
    ("KS", "Kansas"), ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"),
    ("MD", "Maryland"), ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"),
    ("MS", "Mississippi"), ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"),
    ("NV", "Nevada"), ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"),
    ("NY", "New York"), ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"),
    ("OK", "Oklahoma"), ("OR", "Oregon"), ("PA", "Pennsylvania"), ("RI", "Rhode Island"),
    ("SC", "South Carolina"), ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"),
    ("UT", "Utah"), ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"),
    ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"), ("PR", "Puerto Rico"),
    ("GU", "Guam"), ("VI", "U.S. Virgin Islands"), ("AS", "American Samoa"),
    ("MP", "Northern Mariana Islands"),
];

/// Whether `code` is the two-letter code of a US state, DC or territory (`CA`, `PR`).
pub fn is_us_state(code: &str) -> bool {
    US_STATES.iter().any(|(c, _)| *c == code)
}

/// `12345` or `12345-6789`.
pub fn is_zip(zip: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match zip.split_once('-') {
        None => digits(zip, 5),
        Some((five, four)) => digits(five, 5) && digits(four, 4),
    }
}

/// A deliberately plain check: one `@`, a non-empty local part, a dotted domain,
/// no spaces. Deliverability is the mail server's business, typos are ours.
pub fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let labels: Vec<&str> = domain.split('.').collect();
    !local.is_empty()
        && !email
            .chars()
            .any(|c| c.is_whitespace() || c == ',' || c == ';')
        && !domain.contains('@')
        && labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// At least 10 digits in whatever punctuation people type (`415-474-9088`, `(415) 474 9088`).
pub fn is_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = phone
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    allowed && (10..=15).contains(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for good in ["a@b.co", "first.last+tag@example.com", "x@sub.domain.org"] {
            assert!(is_email(good), "{good} should pass");
        }
        for bad in [
            "",
            "plain",
            "@example.com",
            "a@b",
            "a@b.c",
            "a b@c.com",
            "a@@b.com",
            "a@-b.com",
            "a@b.c0m",
        ] {
            assert!(!is_email(bad), "{bad} should fail");
        }
    }

    #[test]
    fn zips_and_states() {
        assert!(is_zip("94104") && is_zip("94104-1234"));
        assert!(!is_zip("9410") && !is_zip("94104-12") && !is_zip("ABCDE"));
        assert!(is_us_state("CA") && is_us_state("DC"));
        assert!(!is_us_state("ca") && !is_us_state("XX"));
    }

    #[test]
    fn phones() {
        assert!(
            is_phone("415-474-9088") && is_phone("(415) 474 9088") && is_phone("+1 415 474 9088")
        );
        assert!(!is_phone("51231203") && !is_phone("call me") && !is_phone("415-474-908x"));
    }

    #[test]
    fn first_problem_per_field_wins() {
        let mut errors = FieldErrors::default();
        errors.add("email", "Email is required");
        errors.add("email", "Email is not valid");
        assert_eq!(errors.get("email"), Some("Email is required"));
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn ids_and_urls() {
        assert!(is_id("jb_jsb9KEcTpc", "jb_") && is_id("ias_01FV", "ias_"));
        assert!(!is_id("jb_", "jb_") && !is_id("cn_abc", "jb_") && !is_id("jb_a b", "jb_"));
        let mut errors = FieldErrors::default();
        assert!(!errors.require_id("job", "", "jb_", "job"));
        assert!(!errors.require_id("entity", "cn_x", "en_", "entity"));
        assert_eq!(errors.get("job"), Some("Choose the job"));
        assert!(errors
            .get("entity")
            .unwrap()
            .starts_with("Entity IDs start with en_, like en_jsb9KEcTpc"));
        assert!(is_http_url("https://example.com/success") && is_http_url("http://localhost:5000"));
        assert!(
            !is_http_url("example.com")
                && !is_http_url("https://")
                && !is_http_url("https://a b.com")
        );
        assert!(!is_http_url("ftp://x.com") && !is_http_url("https:///path"));
    }
}

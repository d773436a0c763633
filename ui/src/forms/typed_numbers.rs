//! Numbers as a person types them into a form, read into what the API takes. A problem
//! is recorded under the field's path, so it shows next to that field like any other.

use ten99::{Cents, FieldErrors};

/// Dollars (`1,234.56`, `$2,000,000`) → cents. Blank is `None`: whether that is allowed
/// is for the request's own validation to say.
pub fn dollars(path: &str, text: &str, errors: &mut FieldErrors) -> Option<Cents> {
    if text.trim().is_empty() {
        return None;
    }
    match Cents::from_dollars_str(text) {
        Ok(cents) if cents.0 < 0 => {
            errors.add(path, "Enter a positive amount");
            None
        }
        Ok(cents) => Some(cents),
        Err(problem) => {
            errors.add(path, problem.to_string());
            None
        }
    }
}

/// A whole number (`20`). Blank is `None`.
pub fn whole(path: &str, text: &str, errors: &mut FieldErrors, example: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match text.parse() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.add(path, format!("Enter a whole number, like {example}"));
            None
        }
    }
}

/// Blank → `None`, otherwise the trimmed text.
pub fn optional(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollars_become_cents_and_bad_text_is_explained() {
        let mut errors = FieldErrors::default();
        assert_eq!(
            dollars("wage", " $1,234.50 ", &mut errors),
            Some(Cents(123_450))
        );
        assert_eq!(dollars("wage", "", &mut errors), None);
        assert!(errors.is_empty());
        assert_eq!(dollars("wage", "12.345", &mut errors), None);
        assert_eq!(
            errors.get("wage"),
            Some("Amounts have at most two decimals (cents)")
        );
        let mut errors = FieldErrors::default();
        assert_eq!(dollars("wage", "-5", &mut errors), None);
        assert_eq!(errors.get("wage"), Some("Enter a positive amount"));
    }

    #[test]
    fn whole_numbers() {
        let mut errors = FieldErrors::default();
        assert_eq!(
            whole("years_experience", " 20 ", &mut errors, "5"),
            Some(20)
        );
        assert_eq!(whole("years_experience", "", &mut errors, "5"), None);
        assert_eq!(whole("years_experience", "2.5", &mut errors, "5"), None);
        assert_eq!(
            errors.get("years_experience"),
            Some("Enter a whole number, like 5")
        );
    }
}

//! DOM ids of a form field, derived from its path in the request body so the end-to-end
//! tests, labels and `aria-describedby` all agree: `address.region` → `field-address-region`
//! and `error-address-region`.

pub fn input_id(path: &str) -> String {
    format!("field-{}", path.replace('.', "-"))
}

pub fn error_id(path: &str) -> String {
    format!("error-{}", path.replace('.', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dots_become_dashes() {
        assert_eq!(input_id("email"), "field-email");
        assert_eq!(input_id("first_name"), "field-first_name");
        assert_eq!(input_id("address.postalcode"), "field-address-postalcode");
        assert_eq!(error_id("address.region"), "error-address-region");
    }
}

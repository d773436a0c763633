//! Per-state tables behind pricing: which states exist, rate factors, and the
//! surplus-lines tax and stamping fee a liability line carries in the insured's home
//! state. Values are plausible (close to published 2023 surplus-lines rates), not
//! authoritative: the stand-in needs believable, stable numbers, not a rating engine.

/// The 50 states and DC, by USPS code.
#[rustfmt::skip]
const STATES: &[(&str, &str)] = &[
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
    ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"),
];

/// The full name of a state code, if it is one.
pub fn name(code: &str) -> Option<&'static str> {
    STATES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

/// Every state code, in the table's (alphabetical by name) order.
pub fn codes() -> impl Iterator<Item = &'static str> {
    STATES.iter().map(|(c, _)| *c)
}

/// States where workers' compensation can only be bought from the state fund, so
/// no private carrier (and no 1099Policy quote) can write it.
pub const MONOPOLISTIC_WC: &[&str] = &["ND", "OH", "WA", "WY"];

/// Workers' comp rate level of the work state, in percent of the base rate.
/// Kept within 84–124 so the total stays in the 0.6–1.7 % of pay band.
pub fn wc_factor(state: &str) -> u32 {
    match state {
        "CA" => 124,
        "AK" | "NY" => 120,
        "NJ" | "CT" | "MT" => 116,
        "DE" | "IL" | "VT" | "HI" => 112,
        "PA" | "NH" | "LA" | "MN" => 108,
        "OK" | "WI" | "RI" | "ME" => 104,
        "MA" | "SC" | "AL" | "MS" => 100,
        "FL" | "GA" | "MO" | "NE" | "IA" | "SD" => 96,
        "MD" | "NM" | "KY" | "ID" | "MI" => 93,
        "NV" | "TN" | "WV" | "DC" | "CO" | "OR" => 90,
        "NC" | "AZ" | "KS" | "UT" | "VA" => 87,
        "TX" | "IN" | "AR" => 84,
        _ => 100,
    }
}

/// General liability rate level of a state, in percent (92–118).
pub fn gl_factor(state: &str) -> u32 {
    match state {
        "NY" => 118,
        "CA" | "FL" => 114,
        "NJ" | "LA" => 110,
        "IL" | "NV" | "TX" => 106,
        "GA" | "MA" | "WA" | "CO" => 103,
        "ND" | "SD" | "WY" | "VT" => 92,
        "ME" | "IA" | "NE" | "ID" | "MT" => 95,
        _ => 100,
    }
}

/// Surplus-lines tax and stamping fee of the insured's home state, in units of
/// 0.001 % (3500 = 3.5 %), so they print exactly as the API's decimal strings.
pub fn surplus_lines(state: &str) -> (u32, u32) {
    let tax = match state {
        "AL" | "KS" | "OK" | "SC" => 6000,
        "MO" | "NJ" | "NC" | "OH" | "TN" => 5000,
        "FL" => 4940,
        "LA" | "TX" => 4850,
        "HI" => 4680,
        "WV" => 4550,
        "UT" => 4250,
        "AR" | "CT" | "GA" | "MA" | "MS" | "RI" => 4000,
        "NY" => 3600,
        "IL" | "NV" => 3500,
        "NM" => 3003,
        "AK" => 2700,
        "MT" => 2750,
        "IN" | "SD" => 2500,
        "OR" => 2300,
        "VA" => 2250,
        "DC" | "MI" | "WA" => 2000,
        "ND" => 1750,
        "ID" => 1500,
        "IA" => 950,
        _ => 3000,
    };
    let stamping = match state {
        "ID" => 500,
        "NV" => 400,
        "OR" | "PA" => 300,
        "AZ" => 200,
        "CA" | "UT" => 180,
        "NY" => 150,
        "WA" => 100,
        "FL" => 60,
        "IL" | "MN" | "TX" => 40,
        _ => 0,
    };
    (tax, stamping)
}

/// `3500` → `"0.03500"`: the API's five-decimal rate strings.
pub fn decimal(thousandths_of_percent: u32) -> String {
    format!(
        "{}.{:05}",
        thousandths_of_percent / 100_000,
        thousandths_of_percent % 100_000
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_cover_real_states_only() {
        assert_eq!(codes().count(), 51);
        assert_eq!(name("HI"), Some("Hawaii"));
        assert_eq!(name("PR"), None);
        for s in codes() {
            assert!((84..=124).contains(&wc_factor(s)), "{s}");
            assert!((92..=118).contains(&gl_factor(s)), "{s}");
        }
    }

    #[test]
    fn decimals_look_like_the_seed_guide() {
        assert_eq!(decimal(surplus_lines("IL").0), "0.03500");
        assert_eq!(decimal(surplus_lines("IL").1), "0.00040");
        assert_eq!(decimal(0), "0.00000");
    }
}

//! Money as the API keeps it: integer cents (reference §1.7), and net rates in cents
//! per $100 earned (§2.5).
//!
//! The SDK examples send amounts as numeric strings (`"200000000"`), so both types read
//! numbers and numeric strings; both always encode as JSON integers.

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// An amount in US cents. Encodes as a JSON integer; displays as dollars (`$1,234.56`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Cents(pub i64);

/// Why some text is not a dollar amount. The messages are meant for the person typing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Nothing was typed.
    #[error("Enter an amount")]
    Empty,
    /// Not a number of dollars.
    #[error("Enter an amount in dollars, like 1,234.56")]
    Invalid,
    /// More than two decimals.
    #[error("Amounts have at most two decimals (cents)")]
    TooPrecise,
    /// Beyond what an `i64` of cents holds.
    #[error("That amount is too large")]
    TooLarge,
}

impl Cents {
    /// No money: $0.00.
    pub const ZERO: Cents = Cents(0);

    /// Whole dollars.
    pub const fn from_dollars(dollars: i64) -> Cents {
        Cents(dollars * 100)
    }

    /// Reads what a person types: `1234.56`, `1,234.56`, `$1,234.5`, `-12`, `.99`.
    pub fn from_dollars_str(text: &str) -> Result<Cents, MoneyError> {
        let mut rest = text.trim();
        if rest.is_empty() {
            return Err(MoneyError::Empty);
        }
        let mut negative = false;
        if let Some(r) = rest.strip_prefix('-') {
            negative = true;
            rest = r.trim_start();
        }
        if let Some(r) = rest.strip_prefix('$') {
            rest = r.trim_start();
        }
        if !negative {
            if let Some(r) = rest.strip_prefix('-') {
                negative = true;
                rest = r;
            }
        }
        let (whole, fraction) = match rest.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (rest, None),
        };
        if whole.is_empty() && fraction.is_none_or(str::is_empty) {
            return Err(MoneyError::Invalid);
        }
        let whole_digits = grouped_digits(whole).ok_or(MoneyError::Invalid)?;
        let fraction = fraction.unwrap_or("");
        if !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return Err(MoneyError::Invalid);
        }
        if fraction.len() > 2 {
            return Err(MoneyError::TooPrecise);
        }
        let dollars: i64 = if whole_digits.is_empty() {
            0
        } else {
            whole_digits.parse().map_err(|_| MoneyError::TooLarge)?
        };
        let cents: i64 = format!("{fraction:0<2}")
            .parse()
            .map_err(|_| MoneyError::Invalid)?;
        let total = dollars
            .checked_mul(100)
            .and_then(|d| d.checked_add(cents))
            .ok_or(MoneyError::TooLarge)?;
        Ok(Cents(if negative { -total } else { total }))
    }

    /// Dollars without symbol or separators (`1234.56`), e.g. to fill a form field.
    pub fn plain_dollars(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

/// Digits of `1,234,567` or `1234567`; `None` if commas are misplaced or other text is there.
fn grouped_digits(whole: &str) -> Option<String> {
    if !whole.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return None;
    }
    if whole.contains(',') {
        let groups: Vec<&str> = whole.split(',').collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    Some(whole.replace(',', ""))
}

impl fmt::Display for Cents {
    /// `$1,234.56`, `-$0.05`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let dollars = (abs / 100).to_string();
        let mut grouped = String::with_capacity(dollars.len() + dollars.len() / 3);
        for (i, digit) in dollars.chars().enumerate() {
            if i > 0 && (dollars.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        write!(f, "{sign}${grouped}.{:02}", abs % 100)
    }
}

impl From<i64> for Cents {
    fn from(cents: i64) -> Self {
        Cents(cents)
    }
}

impl std::ops::Add for Cents {
    type Output = Cents;
    fn add(self, other: Cents) -> Cents {
        Cents(self.0.saturating_add(other.0))
    }
}

impl<'de> Deserialize<'de> for Cents {
    /// A number or numeric string of whole cents; a fraction of a cent is refused.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::decode::integer(d).map(Cents)
    }
}

/// A net rate: cents of premium per $100 earned (`65` = $0.65 per $100, reference §2.5).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct RatePer100(pub i64);

impl RatePer100 {
    /// The premium on `wage` at this rate, to the cent, halves rounded up.
    pub fn premium_on(self, wage: Cents) -> Cents {
        let product = i128::from(wage.0) * i128::from(self.0);
        let rounded = (product + 5_000).div_euclid(10_000);
        Cents(rounded.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64)
    }

    /// The rate as an amount per $100 (`65` → `$0.65`).
    pub fn per_100(self) -> Cents {
        Cents(self.0)
    }
}

impl fmt::Display for RatePer100 {
    /// `$0.65 per $100`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} per $100", self.per_100())
    }
}

impl std::ops::Add for RatePer100 {
    type Output = RatePer100;
    fn add(self, other: RatePer100) -> RatePer100 {
        RatePer100(self.0.saturating_add(other.0))
    }
}

impl<'de> Deserialize<'de> for RatePer100 {
    /// A number or numeric string; a fractional rate (`27.5`) is rounded half up,
    /// since losing a whole quote over a tenth of a cent would be worse.
    #[cfg(feature = "tolerant")]
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let value = serde_json::Value::deserialize(d)?;
        rate_from_value(&value).ok_or_else(|| {
            D::Error::custom(format!("expected a rate in cents per $100, got {value}"))
        })
    }

    /// Without `tolerant`: whole cents, as written (see `decode`).
    #[cfg(not(feature = "tolerant"))]
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        i64::deserialize(d).map(RatePer100)
    }
}

/// A rate from a number or numeric string, as found in `quote_json`.
pub(crate) fn rate_from_value(value: &serde_json::Value) -> Option<RatePer100> {
    let float = match value {
        serde_json::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                return Some(RatePer100(i));
            }
            n.as_f64()?
        }
        serde_json::Value::String(s) => {
            let s = s.trim();
            if let Ok(i) = s.parse::<i64>() {
                return Some(RatePer100(i));
            }
            s.parse::<f64>().ok()?
        }
        _ => return None,
    };
    (float.is_finite() && float.abs() < 1e15).then(|| RatePer100((float + 0.5).floor() as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_dollars() {
        assert_eq!(Cents(123_456).to_string(), "$1,234.56");
        assert_eq!(Cents(100_000_000).to_string(), "$1,000,000.00");
        assert_eq!(Cents(5).to_string(), "$0.05");
        assert_eq!(Cents(-99_999).to_string(), "-$999.99");
        assert_eq!(Cents(i64::MIN).to_string(), "-$92,233,720,368,547,758.08");
        assert_eq!(Cents(123_456).plain_dollars(), "1234.56");
        assert_eq!(Cents(-5).plain_dollars(), "-0.05");
    }

    #[test]
    fn reads_typed_dollars() {
        let ok = |s: &str| Cents::from_dollars_str(s).unwrap().0;
        assert_eq!(ok("1,234.56"), 123_456);
        assert_eq!(ok("$1,234.5"), 123_450);
        assert_eq!(ok(" 12 "), 1200);
        assert_eq!(ok("12."), 1200);
        assert_eq!(ok(".99"), 99);
        assert_eq!(ok("-$0.05"), -5);
        assert_eq!(ok("$-3"), -300);
        assert_eq!(ok("1000000"), 100_000_000);
        let err = |s: &str| Cents::from_dollars_str(s).unwrap_err();
        assert_eq!(err(""), MoneyError::Empty);
        assert_eq!(err("12.345"), MoneyError::TooPrecise);
        for bad in [
            "abc", "1,23", "12,34.00", ",123", "1.2.3", "$", ".", "1e3", "--1", "12.a",
        ] {
            assert_eq!(err(bad), MoneyError::Invalid, "{bad:?}");
        }
        assert_eq!(err("99999999999999999999"), MoneyError::TooLarge);
    }

    #[test]
    fn decodes_numbers_and_numeric_strings() {
        assert_eq!(
            serde_json::from_str::<Cents>("200000000").unwrap(),
            Cents(200_000_000)
        );
        assert_eq!(
            serde_json::from_str::<Cents>("\"200000000\"").unwrap(),
            Cents(200_000_000)
        );
        assert!(serde_json::from_str::<Cents>("\"12.50\"").is_err());
        assert!(serde_json::from_str::<Cents>("12.5").is_err());
        assert_eq!(serde_json::to_string(&Cents(7)).unwrap(), "7");
        assert_eq!(
            serde_json::from_str::<RatePer100>("\"45\"").unwrap(),
            RatePer100(45)
        );
        assert_eq!(
            serde_json::from_str::<RatePer100>("27.5").unwrap(),
            RatePer100(28)
        );
        assert!(serde_json::from_str::<RatePer100>("\"high\"").is_err());
        assert!(serde_json::from_str::<RatePer100>("null").is_err());
    }

    #[test]
    fn premiums_round_half_up() {
        assert_eq!(RatePer100(65).premium_on(Cents(250_000)), Cents(1625));
        assert_eq!(RatePer100(44).premium_on(Cents(12_000)), Cents(53)); // 52.8
        assert_eq!(RatePer100(1).premium_on(Cents(5_000)), Cents(1)); // 0.5 → 1
        assert_eq!(RatePer100(1).premium_on(Cents(4_999)), Cents(0));
        assert_eq!(RatePer100(1).premium_on(Cents(-5_000)), Cents(0)); // -0.5 → 0 (up)
        assert_eq!(
            RatePer100(i64::MAX).premium_on(Cents(i64::MAX)),
            Cents(i64::MAX)
        );
        assert_eq!(RatePer100(65).to_string(), "$0.65 per $100");
    }
}

//! `quote_json`: how a quote's premium is made up (reference §2.5).
//!
//! An open map, because its members vary by state and line; the server often sends it
//! as a Python `str(dict)` (§1.6). Typed accessors read the lines both examples show:
//! `{"wc": {"state": "IL", "wc_code": 8810, "net_rate": 27},
//!   "gl": {"net_rate": 17, "gl_code": 41677, "tax_rate": "0.03500", ...}}`.

use crate::coverage::CoverageType;
#[cfg(feature = "tolerant")]
use crate::decode;
use crate::money::{self, RatePer100};
#[cfg(feature = "tolerant")]
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// The `quote_json` object; encodes as a JSON object.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct QuoteBreakdown(pub Map<String, Value>);

impl<'de> Deserialize<'de> for QuoteBreakdown {
    /// Without `tolerant`: the object, as written (see `decode`).
    #[cfg(not(feature = "tolerant"))]
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Map::deserialize(d).map(QuoteBreakdown)
    }

    /// A JSON object, a string holding a Python-literal or JSON dict, or null (empty).
    #[cfg(feature = "tolerant")]
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match decode::unstringify(Value::deserialize(d)?).map_err(D::Error::custom)? {
            Value::Object(map) => Ok(QuoteBreakdown(map)),
            Value::Null => Ok(QuoteBreakdown::default()),
            other => Err(D::Error::custom(format!("expected an object, got {other}"))),
        }
    }
}

impl QuoteBreakdown {
    /// Whether the quote carried no breakdown at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Any member, as sent.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// The line under `key` (`"wc"`, `"gl"`, …) if it is an object.
    pub fn line<'a>(&'a self, key: &'a str) -> Option<CoverageLine<'a>> {
        match self.0.get(key) {
            Some(Value::Object(fields)) => Some(CoverageLine { key, fields }),
            _ => None,
        }
    }

    /// Workers' comp.
    pub fn wc(&self) -> Option<CoverageLine<'_>> {
        self.line("wc")
    }

    /// General liability.
    pub fn gl(&self) -> Option<CoverageLine<'_>> {
        self.line("gl")
    }

    /// Every member that looks like a line of cover: an object with a `net_rate`.
    pub fn lines(&self) -> impl Iterator<Item = CoverageLine<'_>> {
        self.0.iter().filter_map(|(key, value)| match value {
            Value::Object(fields) if fields.contains_key("net_rate") => {
                Some(CoverageLine { key, fields })
            }
            _ => None,
        })
    }

    /// The sum of the lines' net rates, if any line has one.
    pub fn total_net_rate(&self) -> Option<RatePer100> {
        self.lines()
            .filter_map(|line| line.net_rate())
            .reduce(|a, b| a + b)
    }
}

/// One line of a [`QuoteBreakdown`], e.g. its `gl` member.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CoverageLine<'a> {
    key: &'a str,
    fields: &'a Map<String, Value>,
}

impl<'a> CoverageLine<'a> {
    /// The member name: `"wc"`, `"gl"`, …
    pub fn key(&self) -> &'a str {
        self.key
    }

    /// The coverage type the key names (`wc` → workers' comp, `gl` → general), if known.
    pub fn coverage_type(&self) -> Option<CoverageType> {
        CoverageType::parse(self.key)
    }

    /// Any member, as sent.
    pub fn get(&self, name: &str) -> Option<&'a Value> {
        self.fields.get(name).filter(|v| !v.is_null())
    }

    /// Premium per $100 earned on this line.
    pub fn net_rate(&self) -> Option<RatePer100> {
        self.get("net_rate").and_then(money::rate_from_value)
    }

    /// The state whose rates apply (work state for WC).
    pub fn state(&self) -> Option<&'a str> {
        self.get("state").and_then(Value::as_str)
    }

    /// The contractor's home state (GL).
    pub fn residence_state(&self) -> Option<&'a str> {
        self.get("residence_state").and_then(Value::as_str)
    }

    /// The class code (`wc_code` 8810, `gl_code` 41677), as text.
    pub fn code(&self) -> Option<String> {
        [
            format!("{}_code", self.key),
            "code".to_owned(),
            "class_code".to_owned(),
        ]
        .iter()
        .find_map(|name| self.get(name))
        .and_then(value_text)
    }

    /// Tax rate as a fraction (`"0.03500"` = 3.5 %).
    pub fn tax_rate(&self) -> Option<DecimalRate> {
        self.get("tax_rate").and_then(DecimalRate::from_value)
    }

    /// Stamping-fee rate as a fraction (`"0.00040"` = 0.04 %).
    pub fn stamping_fee_rate(&self) -> Option<DecimalRate> {
        self.get("stamping_fee_rate")
            .and_then(DecimalRate::from_value)
    }
}

fn value_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A decimal fraction kept as written (`"0.03500"`), so no digit is lost to floating point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecimalRate(String);

impl DecimalRate {
    /// From a decimal string or a number; `None` if it is neither.
    pub fn from_value(value: &Value) -> Option<DecimalRate> {
        let text = value_text(value)?;
        text.parse::<f64>().ok().filter(|f| f.is_finite())?;
        Some(DecimalRate(text))
    }

    /// The rate exactly as the API sent it (`"0.0285"`), no float rounding.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The rate as a float, for display and estimates; 0 if unreadable.
    pub fn to_f64(&self) -> f64 {
        self.0.parse().unwrap_or(0.0)
    }

    /// As a percentage for people: `"0.03500"` → `3.5%`, `"0.00040"` → `0.04%`.
    pub fn percent(&self) -> String {
        let (negative, digits) = match self.0.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, self.0.trim_start_matches('+')),
        };
        let plain = digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && digits.matches('.').count() <= 1;
        if !plain {
            let text = format!("{:.6}", self.to_f64() * 100.0);
            return format!("{}%", text.trim_end_matches('0').trim_end_matches('.'));
        }
        // Move the decimal point two places right, on the text itself.
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let fraction = format!("{fraction:0<2}");
        let (moved, rest) = fraction.split_at(2);
        let whole = format!("{whole}{moved}");
        let whole = match whole.trim_start_matches('0') {
            "" => "0",
            w => w,
        };
        let rest = rest.trim_end_matches('0');
        let sign = if negative && (whole != "0" || !rest.is_empty()) {
            "-"
        } else {
            ""
        };
        if rest.is_empty() {
            format!("{sign}{whole}%")
        } else {
            format!("{sign}{whole}.{rest}%")
        }
    }
}

impl std::fmt::Display for DecimalRate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const GUIDE: &str = "{'wc': {'state': 'IL', 'wc_code': 8810, 'net_rate': 27}, 'gl': {'state': 'IL', 'gl_code': 41677, \
        'net_rate': 17, 'residence_state': 'IL', 'tax_rate': '0.03500', 'stamping_fee_rate': '0.00040'}}";

    #[test]
    fn reads_the_guides_python_string() {
        let breakdown: QuoteBreakdown = serde_json::from_value(json!(GUIDE)).unwrap();
        let wc = breakdown.wc().unwrap();
        assert_eq!(
            (wc.state(), wc.code(), wc.net_rate()),
            (Some("IL"), Some("8810".into()), Some(RatePer100(27)))
        );
        assert_eq!(wc.coverage_type(), Some(CoverageType::WorkersComp));
        let gl = breakdown.gl().unwrap();
        assert_eq!(gl.code().as_deref(), Some("41677"));
        assert_eq!(gl.residence_state(), Some("IL"));
        assert_eq!(gl.tax_rate().unwrap().as_str(), "0.03500");
        assert_eq!(gl.tax_rate().unwrap().percent(), "3.5%");
        assert_eq!(gl.stamping_fee_rate().unwrap().percent(), "0.04%");
        assert_eq!(breakdown.total_net_rate(), Some(RatePer100(44)));
    }

    #[test]
    fn reads_the_reference_object_with_nulls() {
        let breakdown: QuoteBreakdown = serde_json::from_value(json!({
            "gl": {"net_rate": 20, "risk_purchasing_group_fee": null, "stamping_fee": null},
            "wc": {"net_rate": "45"},
            "residence_address": {"line1": "1 Main", "line2": null}
        }))
        .unwrap();
        assert_eq!(breakdown.gl().unwrap().get("stamping_fee"), None);
        assert_eq!(breakdown.wc().unwrap().net_rate(), Some(RatePer100(45)));
        assert_eq!(breakdown.lines().count(), 2);
        assert_eq!(breakdown.total_net_rate(), Some(RatePer100(65)));
        assert!(breakdown
            .line("residence_address")
            .unwrap()
            .net_rate()
            .is_none());
    }

    #[test]
    fn empty_and_bad_shapes() {
        assert!(serde_json::from_value::<QuoteBreakdown>(json!(null))
            .unwrap()
            .is_empty());
        assert!(serde_json::from_value::<QuoteBreakdown>(json!(""))
            .unwrap()
            .is_empty());
        assert!(serde_json::from_value::<QuoteBreakdown>(json!("{'gl': ")).is_err());
        assert!(serde_json::from_value::<QuoteBreakdown>(json!([1])).is_err());
        assert_eq!(QuoteBreakdown::default().total_net_rate(), None);
    }

    #[test]
    fn percentages() {
        let pct = |v: Value| DecimalRate::from_value(&v).unwrap().percent();
        assert_eq!(pct(json!("0.03500")), "3.5%");
        assert_eq!(pct(json!(0.035)), "3.5%");
        assert_eq!(pct(json!("1")), "100%");
        assert_eq!(pct(json!("0")), "0%");
        assert_eq!(pct(json!("-0.5")), "-50%");
        assert_eq!(pct(json!(".125")), "12.5%");
        assert_eq!(pct(json!("1e-3")), "0.1%");
        assert!(DecimalRate::from_value(&json!("n/a")).is_none());
        assert!(DecimalRate::from_value(&json!(true)).is_none());
    }
}

//! JSON rendered the way Python's `str(dict)` prints it.
//!
//! The real API marshals `quote_json` with `str(dict)` (reference §1.6): single
//! quotes, `None`/`True`/`False`. Clients must cope, so the stand-in can be asked
//! (fault `python_quote_json`) to send it that way too.

use serde_json::Value;
use std::fmt::Write;

/// `{'wc': {'state': 'IL', 'net_rate': 27}, 'line2': None}`: what Python 3 prints
/// for the same value parsed by `json.loads`.
pub fn python_repr(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value);
    out
}

fn write_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Number(n) => write_number(out, n),
        Value::String(s) => write_str(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_str(out, key);
                out.push_str(": ");
                write_value(out, item);
            }
            out.push('}');
        }
    }
}

/// Integers as they are; floats the way Python's `repr(float)` does for the values
/// JSON carries (`1.0`, `0.035`, `1e+16`, `1e-07`).
fn write_number(out: &mut String, n: &serde_json::Number) {
    if n.is_f64() {
        let f = n.as_f64().unwrap_or_default();
        if f.abs() >= 1e16 || (f != 0.0 && f.abs() < 1e-4) {
            let _ = write!(out, "{}", python_exponent(f));
        } else if f == f.trunc() {
            let _ = write!(out, "{f:.1}");
        } else {
            let _ = write!(out, "{f}");
        }
    } else {
        let _ = write!(out, "{n}");
    }
}

/// Rust prints `1e16`, Python `1e+16`.
fn python_exponent(f: f64) -> String {
    let text = format!("{f:e}");
    match text.split_once('e') {
        Some((mantissa, exp)) if !exp.starts_with('-') => format!("{mantissa}e+{exp:0>2}"),
        Some((mantissa, exp)) => format!("{mantissa}e-{:0>2}", &exp[1..]),
        None => text,
    }
}

/// Python's `repr(str)`: single quotes unless the text holds a single quote and no
/// double quote; backslash escapes for the quote, `\\`, `\t\n\r` and other control
/// characters; everything else, non-ASCII included, as is.
fn write_str(out: &mut String, s: &str) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn prints_like_python_str_of_a_dict() {
        // Expected strings are what `python3 -c 'print(str(json.loads(...)))'` prints.
        let quote = json!({
            "wc": {"state": "IL", "wc_code": 8810, "net_rate": 27},
            "gl": {"tax_rate": "0.03500", "stamping_fee": null, "admitted": false, "ok": true},
            "residence_address": {"line1": "1 Kearny St", "line2": null},
            "rates": [1.0, 0.035, -2]
        });
        // serde_json keeps keys sorted (no preserve_order feature), as does this.
        assert_eq!(
            python_repr(&quote),
            "{'gl': {'admitted': False, 'ok': True, 'stamping_fee': None, 'tax_rate': '0.03500'}, \
             'rates': [1.0, 0.035, -2], \
             'residence_address': {'line1': '1 Kearny St', 'line2': None}, \
             'wc': {'net_rate': 27, 'state': 'IL', 'wc_code': 8810}}"
        );
    }

    #[test]
    fn strings_are_quoted_like_python() {
        let repr = |s: &str| python_repr(&json!(s));
        assert_eq!(repr("O'Brien"), "\"O'Brien\"");
        assert_eq!(repr("say \"hi\" it's"), "'say \"hi\" it\\'s'");
        assert_eq!(repr("a\\b\nc\u{1}"), "'a\\\\b\\nc\\x01'");
        assert_eq!(repr("café"), "'café'");
        assert_eq!(python_repr(&json!({})), "{}");
        assert_eq!(python_repr(&json!([])), "[]");
        assert_eq!(python_repr(&json!(1e20)), "1e+20");
        assert_eq!(python_repr(&json!(1e-7)), "1e-07");
        assert_eq!(python_repr(&json!(1e15)), "1000000000000000.0");
    }
}

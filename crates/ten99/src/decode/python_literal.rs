//! A parser for the Python literals the API sends where JSON belongs.
//!
//! The server marshals some nested fields with Python's `str(dict)` (reference §1.6):
//! `{'gl': {'net_rate': 17, 'tax_rate': '0.03500', 'line2': None}}`. This turns such text
//! into a [`serde_json::Value`]. It also reads plain JSON, so a string holding either
//! form decodes the same way.
//!
//! Understood: dicts, lists, tuples and sets (as arrays), strings in single, double or
//! triple quotes with `u`/`b`/`r` prefixes and the usual escapes, adjacent strings
//! (concatenated), integers (with `_` separators, hex/octal/binary), floats, `True`,
//! `False`, `None` (and JSON's `true`, `false`, `null`), and `Decimal('…')`, which
//! becomes its digits as a string so no precision is lost. Dict keys that are not
//! strings become their text (`1` → `"1"`), as JSON needs.

use serde_json::{Map, Number, Value};
use std::fmt;

/// Deeper nesting than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 64;

/// Why some text is not a Python literal, and where (a byte offset into it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PythonLiteralError {
    /// Byte offset in the text where reading failed.
    pub offset: usize,
    /// What was expected there.
    pub message: String,
}

impl fmt::Display for PythonLiteralError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not a Python literal at byte {}: {}",
            self.offset, self.message
        )
    }
}

impl std::error::Error for PythonLiteralError {}

/// Parses one Python literal (or JSON value) filling the whole of `text`.
pub fn parse(text: &str) -> Result<Value, PythonLiteralError> {
    let mut parser = Parser { text, pos: 0 };
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.pos < text.len() {
        return Err(parser.error("unexpected text after the value"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, message: impl Into<String>) -> PythonLiteralError {
        PythonLiteralError {
            offset: self.pos,
            message: message.into(),
        }
    }

    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn skip_space(&mut self) {
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
    }

    fn expect(&mut self, wanted: char) -> Result<(), PythonLiteralError> {
        self.skip_space();
        match self.peek() {
            Some(c) if c == wanted => {
                self.pos += c.len_utf8();
                Ok(())
            }
            Some(c) => Err(self.error(format!("expected {wanted:?}, found {c:?}"))),
            None => Err(self.error(format!("expected {wanted:?}, found the end"))),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, PythonLiteralError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.skip_space();
        match self.peek() {
            None => Err(self.error("expected a value, found the end")),
            Some('{') => self.dict(depth),
            Some('[') => self.sequence('[', ']', depth),
            Some('(') => self.sequence('(', ')', depth),
            Some(c) if c == '\'' || c == '"' => self.strings(),
            Some(c) if c.is_ascii_digit() || c == '-' || c == '+' || c == '.' => self.number(),
            Some(c) if c.is_ascii_alphabetic() || c == '_' => self.word(depth),
            Some(c) => Err(self.error(format!("unexpected {c:?}"))),
        }
    }

    fn dict(&mut self, depth: usize) -> Result<Value, PythonLiteralError> {
        self.expect('{')?;
        let mut map = Map::new();
        let mut is_set = false;
        loop {
            self.skip_space();
            if self.peek() == Some('}') {
                self.bump();
                return Ok(Value::Object(map));
            }
            let key = self.value(depth + 1)?;
            self.skip_space();
            if map.is_empty() && matches!(self.peek(), Some(',') | Some('}')) {
                // `{1, 2}` is a set: read it as a list.
                is_set = true;
            }
            if is_set {
                return self.finish_set(key, depth);
            }
            self.expect(':')?;
            let value = self.value(depth + 1)?;
            map.insert(key_text(key), value);
            self.skip_space();
            match self.bump() {
                Some(',') => continue,
                Some('}') => return Ok(Value::Object(map)),
                _ => return Err(self.error("expected ',' or '}' in a dict")),
            }
        }
    }

    fn finish_set(&mut self, first: Value, depth: usize) -> Result<Value, PythonLiteralError> {
        let mut items = vec![first];
        loop {
            self.skip_space();
            match self.bump() {
                Some('}') => return Ok(Value::Array(items)),
                Some(',') => {
                    self.skip_space();
                    if self.peek() == Some('}') {
                        self.bump();
                        return Ok(Value::Array(items));
                    }
                    items.push(self.value(depth + 1)?);
                }
                _ => return Err(self.error("expected ',' or '}' in a set")),
            }
        }
    }

    fn sequence(
        &mut self,
        open: char,
        close: char,
        depth: usize,
    ) -> Result<Value, PythonLiteralError> {
        self.expect(open)?;
        let mut items = Vec::new();
        loop {
            self.skip_space();
            if self.peek() == Some(close) {
                self.bump();
                return Ok(Value::Array(items));
            }
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.bump() {
                Some(',') => continue,
                Some(c) if c == close => return Ok(Value::Array(items)),
                _ => return Err(self.error(format!("expected ',' or '{close}'"))),
            }
        }
    }

    /// One string literal, or several side by side (Python joins `'a' 'b'`).
    fn strings(&mut self) -> Result<Value, PythonLiteralError> {
        let mut text = self.string(false)?;
        loop {
            let save = self.pos;
            self.skip_space();
            match self.string_prefix() {
                Some(raw) => text.push_str(&self.string(raw)?),
                None => {
                    self.pos = save;
                    return Ok(Value::String(text));
                }
            }
        }
    }

    /// After an optional `u`/`b`/`r` prefix, is a quote next? Consumes the prefix if so.
    fn string_prefix(&mut self) -> Option<bool> {
        let rest = self.rest();
        let letters: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        let lower = letters.to_ascii_lowercase();
        let valid = matches!(lower.as_str(), "" | "u" | "b" | "r" | "br" | "rb");
        let quote_follows = matches!(rest[letters.len()..].chars().next(), Some('\'') | Some('"'));
        if valid && quote_follows {
            self.pos += letters.len();
            Some(lower.contains('r'))
        } else {
            None
        }
    }

    fn string(&mut self, raw: bool) -> Result<String, PythonLiteralError> {
        let quote = self.bump().ok_or_else(|| self.error("expected a string"))?;
        let triple = self.rest().starts_with(&format!("{quote}{quote}"));
        if triple {
            self.pos += 2;
        }
        let mut out = String::new();
        loop {
            let Some(c) = self.bump() else {
                return Err(self.error("unterminated string"));
            };
            if c == quote {
                if !triple {
                    return Ok(out);
                }
                if self.rest().starts_with(&format!("{quote}{quote}")) {
                    self.pos += 2;
                    return Ok(out);
                }
                out.push(c);
            } else if c == '\\' && raw {
                // A raw string keeps the backslash, but `\'` still does not end it.
                out.push('\\');
                if let Some(next) = self.bump() {
                    out.push(next);
                }
            } else if c == '\\' {
                self.escape(&mut out)?;
            } else if (c == '\n' || c == '\r') && !triple {
                return Err(self.error("line break inside a string"));
            } else {
                out.push(c);
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), PythonLiteralError> {
        let Some(c) = self.bump() else {
            return Err(self.error("unterminated escape"));
        };
        match c {
            '\n' => {} // a backslash before a line break continues the line
            '\\' | '\'' | '"' => out.push(c),
            '/' => out.push('/'), // JSON's escape
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'a' => out.push('\u{7}'),
            'v' => out.push('\u{b}'),
            'x' => out.push(self.hex_char(2)?),
            'u' => {
                let first = self.hex_code(4)?;
                // JSON spells characters outside the BMP as a surrogate pair.
                if (0xD800..0xDC00).contains(&first) && self.rest().starts_with("\\u") {
                    let save = self.pos;
                    self.pos += 2;
                    let second = self.hex_code(4)?;
                    if (0xDC00..0xE000).contains(&second) {
                        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                        out.push(
                            char::from_u32(code).ok_or_else(|| self.error("bad surrogate pair"))?,
                        );
                        return Ok(());
                    }
                    self.pos = save;
                }
                out.push(char::from_u32(first).unwrap_or('\u{FFFD}'));
            }
            'U' => out.push(self.hex_char(8)?),
            '0'..='7' => {
                let mut code = c.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match self.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            code = code * 8 + d;
                            self.bump();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            // Python keeps unknown escapes as written.
            other => {
                out.push('\\');
                out.push(other);
            }
        }
        Ok(())
    }

    fn hex_code(&mut self, digits: usize) -> Result<u32, PythonLiteralError> {
        let hex = self
            .rest()
            .get(..digits)
            .ok_or_else(|| self.error("short hex escape"))?;
        let code = u32::from_str_radix(hex, 16).map_err(|_| self.error("bad hex escape"))?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.error("bad hex escape"));
        }
        self.pos += digits;
        Ok(code)
    }

    fn hex_char(&mut self, digits: usize) -> Result<char, PythonLiteralError> {
        let code = self.hex_code(digits)?;
        char::from_u32(code).ok_or_else(|| self.error("escape is not a character"))
    }

    fn number(&mut self) -> Result<Value, PythonLiteralError> {
        let start = self.pos;
        let mut negative = false;
        if let Some(sign @ ('-' | '+')) = self.peek() {
            negative = sign == '-';
            self.bump();
            self.skip_space();
            if self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                // `-inf` and friends have no JSON form.
                return Err(self.error("infinity and NaN have no JSON form"));
            }
        }
        let body_start = self.pos;
        while let Some(c) = self.peek() {
            let exponent_sign =
                (c == '-' || c == '+') && self.text[..self.pos].ends_with(['e', 'E']);
            if c.is_ascii_alphanumeric() || c == '.' || c == '_' || exponent_sign {
                self.bump();
            } else {
                break;
            }
        }
        let body: String = self.text[body_start..self.pos]
            .chars()
            .filter(|&c| c != '_')
            .collect();
        if body.is_empty() {
            self.pos = start;
            return Err(self.error("expected a number"));
        }
        let value = number_value(&body, negative).ok_or_else(|| PythonLiteralError {
            offset: start,
            message: format!("{:?} is not a number", &self.text[start..self.pos]),
        })?;
        Ok(value)
    }

    fn word(&mut self, depth: usize) -> Result<Value, PythonLiteralError> {
        if let Some(raw) = self.string_prefix() {
            let first = self.string(raw)?;
            let rest = self.strings_after()?;
            return Ok(Value::String(first + &rest));
        }
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        {
            self.bump();
        }
        let word = &self.text[start..self.pos];
        match word {
            "True" | "true" => Ok(Value::Bool(true)),
            "False" | "false" => Ok(Value::Bool(false)),
            "None" | "null" => Ok(Value::Null),
            "Decimal" | "decimal.Decimal" => self.decimal(depth),
            _ => {
                self.pos = start;
                Err(self.error(format!("{word:?} is not a literal")))
            }
        }
    }

    /// Strings following a prefixed one (`u'a' 'b'`).
    fn strings_after(&mut self) -> Result<String, PythonLiteralError> {
        let mut text = String::new();
        loop {
            let save = self.pos;
            self.skip_space();
            match self.string_prefix() {
                Some(raw) => text.push_str(&self.string(raw)?),
                None => {
                    self.pos = save;
                    return Ok(text);
                }
            }
        }
    }

    /// `Decimal('0.035')` keeps its exact digits, as a string.
    fn decimal(&mut self, depth: usize) -> Result<Value, PythonLiteralError> {
        self.expect('(')?;
        let inner = self.value(depth + 1)?;
        self.expect(')')?;
        match inner {
            Value::String(s) => Ok(Value::String(s)),
            Value::Number(n) => Ok(Value::String(n.to_string())),
            _ => Err(self.error("Decimal() takes a string or a number")),
        }
    }
}

/// The JSON number for a Python numeric literal (without its sign), if it is one.
fn number_value(body: &str, negative: bool) -> Option<Value> {
    let lower = body.to_ascii_lowercase();
    let radix = [("0x", 16), ("0o", 8), ("0b", 2)]
        .into_iter()
        .find(|(p, _)| lower.starts_with(p));
    if let Some((prefix, radix)) = radix {
        let magnitude = i128::from_str_radix(&lower[prefix.len()..], radix).ok()?;
        return integer_value(if negative { -magnitude } else { magnitude });
    }
    if lower.bytes().all(|b| b.is_ascii_digit()) {
        // Python 3 refuses `012`; JSON too. Big integers fall back to a float.
        if lower.len() > 1 && lower.starts_with('0') && lower.bytes().any(|b| b != b'0') {
            return None;
        }
        return match lower.parse::<i128>() {
            Ok(magnitude) => integer_value(if negative { -magnitude } else { magnitude }),
            Err(_) => float_value(&lower, negative),
        };
    }
    let float_chars = lower
        .bytes()
        .all(|b| b.is_ascii_digit() || b"._e+-".contains(&b));
    if float_chars && lower.bytes().any(|b| b.is_ascii_digit()) {
        return float_value(&lower, negative);
    }
    None
}

fn integer_value(n: i128) -> Option<Value> {
    if let Ok(small) = i64::try_from(n) {
        Some(Value::Number(small.into()))
    } else if let Ok(big) = u64::try_from(n) {
        Some(Value::Number(big.into()))
    } else {
        Number::from_f64(n as f64).map(Value::Number)
    }
}

fn float_value(text: &str, negative: bool) -> Option<Value> {
    let f: f64 = text.parse().ok()?;
    Number::from_f64(if negative { -f } else { f }).map(Value::Number)
}

/// JSON keys are strings; Python's may be numbers, booleans or `None`.
fn key_text(key: Value) -> String {
    match key {
        Value::String(s) => s,
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Null => "None".to_owned(),
        other => other.to_string(),
    }
}

/// Writes `value` the way Python's `repr` would; the inverse of [`parse`], used in tests
/// and by the stand-in to imitate the API.
pub fn to_python(value: &Value) -> String {
    let mut out = String::new();
    write_python(value, &mut out);
    out
}

fn write_python(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_python_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_python(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_python_string(key, out);
                out.push_str(": ");
                write_python(item, out);
            }
            out.push('}');
        }
    }
}

/// Python's repr quoting: single quotes unless the text holds one and no double quote.
fn write_python_string(s: &str, out: &mut String) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
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
    fn reads_the_seed_guides_quote_json() {
        let text = "{'wc': {'state': 'IL', 'wc_code': 8810, 'net_rate': 27},
            'gl': {'state': 'IL', 'gl_code': 41677, 'net_rate': 17, 'residence_state': 'IL',
                   'tax_rate': '0.03500', 'stamping_fee_rate': '0.00040'}}";
        let value = parse(text).unwrap();
        assert_eq!(value["wc"]["wc_code"], 8810);
        assert_eq!(value["gl"]["tax_rate"], "0.03500");
        assert_eq!(value["gl"]["residence_state"], "IL");
    }

    #[test]
    fn reads_none_true_false_and_nested_lists() {
        let value = parse("{'residence_address': {'line1': '1 Main', 'line2': None}, 'ok': True, 'no': False, 'xs': [1, (2, 3), [], ()]}").unwrap();
        assert_eq!(
            value,
            json!({"residence_address": {"line1": "1 Main", "line2": null}, "ok": true, "no": false, "xs": [1, [2, 3], [], []]})
        );
    }

    #[test]
    fn reads_numbers() {
        assert_eq!(parse("-12").unwrap(), json!(-12));
        assert_eq!(parse("1_000").unwrap(), json!(1000));
        assert_eq!(parse("0.5").unwrap(), json!(0.5));
        assert_eq!(parse(".5").unwrap(), json!(0.5));
        assert_eq!(parse("1e3").unwrap(), json!(1000.0));
        assert_eq!(parse("2.5E-2").unwrap(), json!(0.025));
        assert_eq!(parse("0x1F").unwrap(), json!(31));
        assert_eq!(parse("0").unwrap(), json!(0));
        assert_eq!(
            parse("18446744073709551615").unwrap(),
            json!(18446744073709551615u64)
        );
        assert!(parse("99999999999999999999999999999999999999999999")
            .unwrap()
            .is_f64());
        assert!(parse("012").is_err());
        assert!(parse("1.2.3").is_err());
        assert!(parse("-inf").is_err());
        assert!(parse("-").is_err());
    }

    #[test]
    fn reads_strings() {
        assert_eq!(parse(r#""it's""#).unwrap(), json!("it's"));
        assert_eq!(parse(r"'it\'s'").unwrap(), json!("it's"));
        assert_eq!(
            parse(r"'a\nb\tc\\d\x41\u00e9\U0001F600\101'").unwrap(),
            json!("a\nb\tc\\dAé😀A")
        );
        assert_eq!(parse(r#""\ud83d\ude00""#).unwrap(), json!("😀"));
        assert_eq!(parse("u'caf\u{e9}'").unwrap(), json!("café"));
        assert_eq!(parse(r"r'C:\path'").unwrap(), json!("C:\\path"));
        assert_eq!(parse("'a' \"b\"").unwrap(), json!("ab"));
        assert_eq!(parse("'''multi\nline'''").unwrap(), json!("multi\nline"));
        assert_eq!(parse(r"'\q'").unwrap(), json!("\\q"));
        assert!(parse("'open").is_err());
        assert!(parse("'line\nbreak'").is_err());
    }

    #[test]
    fn reads_json_too() {
        let value = parse(r#"{"a": [true, false, null, 1.5, "x"], "b": {}}"#).unwrap();
        assert_eq!(value, json!({"a": [true, false, null, 1.5, "x"], "b": {}}));
    }

    #[test]
    fn keeps_decimals_exact_and_stringifies_keys() {
        assert_eq!(
            parse("{'rate': Decimal('0.03500')}").unwrap(),
            json!({"rate": "0.03500"})
        );
        assert_eq!(
            parse("{1: 'a', None: 'b', True: 'c'}").unwrap(),
            json!({"1": "a", "None": "b", "True": "c"})
        );
        assert_eq!(parse("{'a', 'b',}").unwrap(), json!(["a", "b"]));
        assert_eq!(parse("[1, 2,]").unwrap(), json!([1, 2]));
        assert_eq!(parse("(1,)").unwrap(), json!([1]));
    }

    #[test]
    fn refuses_what_is_not_a_literal() {
        for bad in [
            "",
            "{",
            "{'a' 1}",
            "{'a': 1",
            "[1 2]",
            "foo",
            "datetime.date(2024, 1, 1)",
            "1 2",
            "{'a': }",
            "@",
            "'\\x4'",
            "'\\u12G4'",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should fail");
        }
        let deep = "[".repeat(10_000);
        assert!(parse(&deep).is_err());
    }

    #[test]
    fn errors_say_where() {
        let err = parse("{'a': 1, 'b' 2}").unwrap_err();
        assert_eq!(err.offset, 13);
        assert!(err.to_string().contains("byte 13"));
    }

    #[test]
    fn repr_round_trips() {
        let value =
            json!({"a": "it's \"quoted\"\n", "b": [1, -2.5, null, true], "c": {"d": "\u{1}"}});
        assert_eq!(parse(&to_python(&value)).unwrap(), value);
        assert_eq!(
            to_python(&json!({"x": null, "y": false})),
            "{'x': None, 'y': False}"
        );
    }
}

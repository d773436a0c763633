//! `assets/style.css` is plain CSS, one rule after another: a rule left open swallows
//! every rule after it (WebKit reads them as nested), and whole screens lose their
//! styling without any error; a selector written twice (two branches styling the same
//! class) lets the later one win silently. This checks for both, and that no shadow is
//! blurred (see `--shadow-sm` in the stylesheet: a blur made every frame ten times dearer).

use std::collections::BTreeMap;

/// The line of every `{` opened inside a rule (only `@media` and friends may hold
/// rules), of every `}` with nothing to close, and of every `{` never closed.
fn shape_problems(css: &str) -> Vec<String> {
    let mut problems = Vec::new();
    // (line, whether the block is an at-rule that may hold rules)
    let mut open: Vec<(usize, bool)> = Vec::new();
    let mut in_comment = false;
    let mut selector = String::new();
    for (number, line) in (1..).zip(css.lines()) {
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if in_comment {
                if c == '*' && chars.peek() == Some(&'/') {
                    chars.next();
                    in_comment = false;
                }
                continue;
            }
            match c {
                '/' if chars.peek() == Some(&'*') => {
                    chars.next();
                    in_comment = true;
                }
                '{' => {
                    if open.last().is_some_and(|(_, holds_rules)| !holds_rules) {
                        problems.push(format!("line {number}: a rule opens inside another"));
                    }
                    open.push((number, selector.trim_start().starts_with('@')));
                    selector.clear();
                }
                '}' => {
                    if open.pop().is_none() {
                        problems.push(format!("line {number}: `}}` closes nothing"));
                    }
                    selector.clear();
                }
                ';' => selector.clear(),
                c => selector.push(c),
            }
        }
        selector.push('\n');
    }
    problems.extend(
        open.iter()
            .map(|(line, _)| format!("line {line}: never closed")),
    );
    problems
}

/// Selectors of top-level rules (not inside `@media`) that appear more than once, with
/// the lines of their rules.
fn repeated_selectors(css: &str) -> Vec<(String, Vec<usize>)> {
    let mut seen: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut depth = 0usize;
    let mut selector = String::new();
    let mut in_comment = false;
    for (number, line) in (1..).zip(css.lines()) {
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if in_comment {
                if c == '*' && chars.peek() == Some(&'/') {
                    chars.next();
                    in_comment = false;
                }
                continue;
            }
            match c {
                '/' if chars.peek() == Some(&'*') => {
                    chars.next();
                    in_comment = true;
                }
                '{' => {
                    let name = selector.split_whitespace().collect::<Vec<_>>().join(" ");
                    if depth == 0 && !name.starts_with('@') {
                        seen.entry(name).or_default().push(number);
                    }
                    depth += 1;
                    selector.clear();
                }
                '}' => {
                    depth = depth.saturating_sub(1);
                    selector.clear();
                }
                c if depth == 0 => selector.push(c),
                _ => {}
            }
        }
        selector.push(' ');
    }
    seen.into_iter()
        .filter(|(_, lines)| lines.len() > 1)
        .collect()
}

/// `name: value` of every declaration, comments left out.
fn declarations(css: &str) -> Vec<(String, String)> {
    let mut plain = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        plain.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    plain.push_str(rest);
    plain
        .split(['{', '}', ';'])
        .filter_map(|d| d.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect()
}

/// Shadows (`box-shadow`, `text-shadow` and the custom properties named after them) with
/// a blur radius other than zero: `name: value` of each.
fn blurred_shadows(css: &str) -> Vec<String> {
    let is_shadow = |name: &str| {
        name.ends_with("shadow") || (name.starts_with("--") && name.contains("shadow"))
    };
    declarations(css)
        .into_iter()
        .filter(|(name, value)| is_shadow(name) && shadows_of(value).any(|s| blur_of(s) != 0.0))
        .map(|(name, value)| format!("{name}: {value}"))
        .collect()
}

/// The comma-separated shadows of a value (commas inside `rgba(…)` do not separate).
fn shadows_of(value: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0usize;
    let mut start = 0;
    let mut parts = Vec::new();
    for (at, c) in value.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&value[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&value[start..]);
    parts.into_iter()
}

/// The third length of one shadow (x, y, blur, spread), zero when it has two.
fn blur_of(shadow: &str) -> f64 {
    let mut depth = 0usize;
    let outside: String = shadow
        .chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth == 0 && c != ')'
        })
        .collect();
    outside
        .split_whitespace()
        .filter_map(|token| token.trim_end_matches("px").parse::<f64>().ok())
        .nth(2)
        .unwrap_or(0.0)
}

#[test]
fn no_shadow_is_blurred() {
    let css = include_str!("../../assets/style.css");
    assert_eq!(blurred_shadows(css), Vec::<String>::new());
    let sample = ":root { --shadow: 0 1px 0 rgba(0, 0, 0, 0.1), 0 2px 6px #000; }\n\
                  /* box-shadow: 0 0 9px red; */\n\
                  .a { box-shadow: inset 3px 0 0 var(--x); text-shadow: 1px 1px 2px red; }\n\
                  .b { box-shadow: 0 0 0 3px rgba(1, 2, 3, 0.5); }";
    assert_eq!(
        blurred_shadows(sample),
        [
            "--shadow: 0 1px 0 rgba(0, 0, 0, 0.1), 0 2px 6px #000",
            "text-shadow: 1px 1px 2px red"
        ]
    );
}

#[test]
fn no_selector_is_written_twice() {
    let css = include_str!("../../assets/style.css");
    assert_eq!(repeated_selectors(css), Vec::new());
    assert_eq!(
        repeated_selectors(".a { x: 1; }\n@media (y) { .a { x: 2; } }\n.b,\n.a { x: 3; }\n.a {}"),
        [(".a".to_owned(), vec![1, 5])]
    );
}

#[test]
fn the_stylesheet_closes_every_rule() {
    let css = include_str!("../../assets/style.css");
    assert_eq!(shape_problems(css), Vec::<String>::new());
}

#[test]
fn a_rule_left_open_is_found() {
    let css =
        "a {\n  color: red;\n/* b */\n\n.b {\n  margin: 0;\n}\n@media (x) {\n  .c { d: e; }\n}\n";
    assert_eq!(
        shape_problems(css),
        [
            "line 5: a rule opens inside another",
            "line 8: a rule opens inside another",
            "line 1: never closed"
        ]
    );
    assert!(shape_problems("@media (x) { .c { d: e; } }").is_empty());
    assert_eq!(shape_problems("}"), ["line 1: `}` closes nothing"]);
}

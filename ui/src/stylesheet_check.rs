//! `assets/style.css` is plain CSS, one rule after another: a rule left open swallows
//! every rule after it (WebKit reads them as nested), and whole screens lose their
//! styling without any error; a selector written twice (two branches styling the same
//! class) lets the later one win silently. This checks for both.

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

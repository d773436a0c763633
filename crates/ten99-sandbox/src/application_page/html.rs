//! The page frame: layout, styles, progress bar, coverage summary, escaping.
//! Plain strings, no template engine: a handful of small pages don't need one.

use super::flow::{SessionSummary, Step};
use crate::format;
use std::fmt::Write;

/// Text for HTML content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A platform-supplied URL fit for an `href`: only http(s), so a `javascript:`
/// "success URL" cannot run in the contractor's browser.
pub fn safe_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| escape(url))
}

/// A whole page. `summary` adds the progress bar, coverage box and cancel link.
pub fn page(title: &str, summary: Option<&SessionSummary>, body: &str) -> String {
    let mut main = String::new();
    if let Some(s) = summary.filter(|s| s.step != Step::ApplicationComplete) {
        main.push_str(&progress(s.step));
    }
    main.push_str(body);
    let aside = summary.map(coverage_box).unwrap_or_default();
    let cancel = summary
        .filter(|s| s.step != Step::ApplicationComplete)
        .and_then(|s| safe_url(&s.cancel_url))
        .map(|url| format!(r#"<a class="cancel" href="{url}">Cancel and return</a>"#))
        .unwrap_or_default();
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · Insurance application</title>
<style>{STYLE}</style>
</head>
<body>
<header class="top"><span class="brand">On-demand contractor insurance</span><span class="badge" title="Sandbox: no real coverage is bound">Sandbox</span></header>
<div class="wrap">
<main class="card">
{main}
</main>
{aside}
</div>
<footer>{cancel}<span>Test environment: no real insurance is bound and no card is charged.</span></footer>
</body>
</html>
"#,
        title = escape(title),
    )
}

/// Numbered steps, done ones ticked, the current one highlighted.
fn progress(current: Step) -> String {
    let mut out = String::from(r#"<ol class="steps">"#);
    for (i, step) in Step::ALL[..5].iter().enumerate() {
        let class = match step.cmp(&current) {
            std::cmp::Ordering::Less => "done",
            std::cmp::Ordering::Equal => "current",
            std::cmp::Ordering::Greater => "",
        };
        let label = match step {
            Step::VerifyInfo => "Your details",
            Step::ApplicationQuestions => "Questions",
            Step::EsignatureDocument => "Sign",
            Step::AddCardDetails => "Payment",
            _ => "Review",
        };
        let aria = if class == "current" {
            r#" aria-current="step""#
        } else {
            ""
        };
        let _ = write!(
            out,
            r#"<li class="{class}"{aria}><span class="n">{}</span>{label}</li>"#,
            i + 1
        );
    }
    out.push_str("</ol>");
    out
}

/// The "Your coverage" box beside every step.
fn coverage_box(s: &SessionSummary) -> String {
    let mut items = String::new();
    for c in &s.coverages {
        let _ = write!(items, "<li>{}</li>", escape(c.title()));
    }
    let client = s
        .entity_name
        .as_deref()
        .map(|e| format!("<dt>Client</dt><dd>{}</dd>", escape(e)))
        .unwrap_or_default();
    let place = s.work_state.as_deref().unwrap_or("Remote");
    format!(
        r#"<aside class="card summary">
<h2>Your coverage</h2>
<ul class="cov">{items}</ul>
<dl>
<dt>Job</dt><dd>{job}</dd>{client}
<dt>Work location</dt><dd>{place}</dd>
<dt>Coverage period</dt><dd>{from} – {to}</dd>
<dt>Rate</dt><dd>{rate} of pay</dd>
</dl>
</aside>"#,
        job = escape(&s.job_name),
        place = escape(place),
        from = format::date_long(s.effective_date),
        to = format::date_long(s.end_date),
        rate = format::rate(s.net_rate),
    )
}

/// The error list shown above a form that did not validate.
pub fn errors(list: &[(String, String)]) -> String {
    if list.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        r#"<div class="errors" role="alert"><strong>Please check the form:</strong><ul>"#,
    );
    for (_, message) in list {
        let _ = write!(out, "<li>{}</li>", escape(message));
    }
    out.push_str("</ul></div>");
    out
}

const STYLE: &str = r#"
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2933;background:#f3f5f8}
.top{display:flex;align-items:center;gap:12px;padding:14px 24px;background:#12355b;color:#fff}
.brand{font-weight:600;letter-spacing:.2px}
.badge{font-size:12px;text-transform:uppercase;letter-spacing:.08em;background:#f5b700;color:#1f2933;border-radius:999px;padding:2px 10px;font-weight:700}
.wrap{display:flex;flex-wrap:wrap;gap:24px;max-width:1040px;margin:32px auto;padding:0 16px;align-items:flex-start}
.card{background:#fff;border:1px solid #dde3ea;border-radius:10px;padding:28px 32px;box-shadow:0 1px 2px rgba(16,24,40,.05)}
main.card{flex:1 1 560px}
.summary{flex:0 1 320px;padding:22px 24px}
.summary h2{font-size:15px;margin:0 0 10px;text-transform:uppercase;letter-spacing:.06em;color:#52606d}
.cov{margin:0 0 12px;padding-left:18px}
dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:6px 14px;font-size:14px}
dt{color:#616e7c}dd{margin:0;font-weight:500}
h1{font-size:24px;margin:8px 0 6px}
p.lead{color:#52606d;margin-top:0}
.steps{display:flex;gap:6px;list-style:none;padding:0;margin:0 0 24px;font-size:13px;color:#7b8794}
.steps li{flex:1;display:flex;align-items:center;gap:6px;padding:8px 6px;border-bottom:3px solid #e4e7eb}
.steps .n{display:inline-grid;place-items:center;width:22px;height:22px;border-radius:50%;background:#e4e7eb;color:#52606d;font-weight:600;font-size:12px}
.steps .done{color:#2f8132;border-color:#7bc47f}.steps .done .n{background:#2f8132;color:#fff}
.steps .current{color:#12355b;font-weight:600;border-color:#12355b}.steps .current .n{background:#12355b;color:#fff}
label{display:block;font-weight:600;margin:16px 0 6px}
input[type=text],input[type=email]{width:100%;padding:10px 12px;border:1px solid #cbd2d9;border-radius:6px;font:inherit}
input:focus{outline:2px solid #2680c2;outline-offset:1px}
.row{display:flex;gap:12px}.row>div{flex:1}
.check{display:flex;gap:10px;align-items:flex-start;font-weight:400;margin-top:18px}
.check input{margin-top:4px}
fieldset{border:1px solid #e4e7eb;border-radius:8px;margin:14px 0;padding:12px 16px}
legend{font-weight:600;padding:0 4px}
.choices{display:flex;gap:20px}.choices label{display:flex;gap:6px;font-weight:400;margin:6px 0 0}
.facts{display:grid;grid-template-columns:170px 1fr;gap:8px 16px;margin:12px 0;padding:16px;background:#f8fafc;border-radius:8px}
.facts dt{color:#616e7c}.facts dd{font-weight:500}
.doc{max-height:260px;overflow:auto;border:1px solid #e4e7eb;border-radius:8px;padding:14px 18px;background:#fbfcfd;font-size:14px}
.doc h3{margin:0 0 8px;font-size:15px}
.hint{font-size:13px;color:#616e7c;margin-top:6px}
.errors{background:#fdecea;border:1px solid #f5b5ae;color:#8a1c12;border-radius:8px;padding:12px 16px;margin:0 0 16px}
.errors ul{margin:6px 0 0;padding-left:20px}
.actions{display:flex;justify-content:flex-end;margin-top:28px}
button,.button{display:inline-block;background:#12355b;color:#fff;border:0;border-radius:6px;padding:11px 22px;font:inherit;font-weight:600;cursor:pointer;text-decoration:none}
button:hover,.button:hover{background:#0b2542}
.done-mark{width:56px;height:56px;border-radius:50%;background:#2f8132;color:#fff;display:grid;place-items:center;font-size:30px;margin-bottom:8px}
footer{max-width:1040px;margin:0 auto 32px;padding:0 16px;display:flex;justify-content:space-between;gap:16px;font-size:13px;color:#7b8794}
footer a{color:#52606d}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_only_links_http() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(
            safe_url(" https://example.com/ok?a=1&b=2 ").as_deref(),
            Some("https://example.com/ok?a=1&amp;b=2")
        );
    }
}

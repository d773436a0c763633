//! Text that breaks careless layouts: a name longer than any column, emoji sequences,
//! right-to-left script, a right-to-left override (U+202E) and control characters, typed
//! into the form and arriving in API replies. Each must show as given, in its place.

use coverdesk_journeys::App;
use serde_json::{json, Value};

/// 300 letters without a space: no line break opportunity at all.
fn unbroken() -> String {
    "W".repeat(300)
}

const OVERRIDE: &str = "\u{202E}Evil";
const ARABIC_EMOJI: &str = "مريم 👩🏽‍🔧";
const CONTROL: &str = "Bell\u{7}Esc\u{1b}";

fn contractor(first: &str, last: &str, email: &str, line1: &str) -> Value {
    json!({
        "first_name": first,
        "last_name": last,
        "email": email,
        "phone": "(312) 555-0142",
        "address": {"line1": line1, "locality": "Chicago", "region": "IL", "postalcode": "60640"},
    })
}

/// Where the page, or any record row, is wider or taller than its place. Empty when the
/// layout holds.
async fn layout_breaks(app: &App) -> Vec<String> {
    let found = app
        .driver
        .execute(
            r#"
            const broken = [];
            const page = document.documentElement;
            if (page.scrollWidth > page.clientWidth + 1) {
              broken.push(`the page scrolls sideways: ${page.scrollWidth} > ${page.clientWidth}`);
            }
            for (const row of document.querySelectorAll('.record-row')) {
              const box = row.getBoundingClientRect();
              if (box.height > 60) broken.push(`${row.id} is ${box.height}px tall`);
              const table = row.closest('.table-scroll').getBoundingClientRect();
              for (const cell of row.cells) {
                const edge = cell.getBoundingClientRect().right;
                if (edge > table.right + 1) broken.push(`a cell of ${row.id} ends at ${edge} > ${table.right}`);
              }
            }
            for (const card of document.querySelectorAll('.card, .detail-card, .toast')) {
              if (card.scrollWidth > card.clientWidth + 1) {
                broken.push(`${card.id || card.className} overflows: ${card.scrollWidth} > ${card.clientWidth}`);
              }
            }
            return broken;
            "#,
            vec![],
        )
        .await
        .expect("the layout script runs");
    serde_json::from_value(found).unwrap()
}

/// In the newest toast, whether the text after `name` still reads left to right: its
/// "(" is drawn left of its ")". A right-to-left override leaking out of the name would
/// draw the id that follows it reversed.
async fn toast_reads_in_order(app: &App) -> bool {
    app.driver
        .execute(
            r#"
            const texts = document.querySelectorAll('.toast-text');
            const node = texts[texts.length - 1].firstChild;
            const at = (i) => {
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              return range.getBoundingClientRect().left;
            };
            const open = node.data.lastIndexOf('(');
            const close = node.data.lastIndexOf(')');
            return at(open) < at(close);
            "#,
            vec![],
        )
        .await
        .expect("the toast script runs")
        .as_bool()
        .unwrap()
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app, a display and tauri-driver; scripts/test runs it"]
async fn long_emoji_right_to_left_and_control_text_stays_in_its_place() {
    let app = App::launch("hostile-text").await;

    // Typed into the form (pasted: WebDriver cannot type all of these).
    app.click("nav-contractors").await;
    app.paste("field-first_name", OVERRIDE).await;
    app.paste("field-last_name", ARABIC_EMOJI).await;
    app.fill("field-email", "rlo@example.com").await;
    app.fill("field-phone", "(312) 555-0142").await;
    app.paste("field-address-line1", &unbroken()).await;
    app.fill("field-address-locality", "Chicago").await;
    app.select("field-address-region", "IL").await;
    app.fill("field-address-postalcode", "60640").await;
    app.click("contractor-submit").await;
    app.wait_for_text("contractor-list", |t| t.contains("rlo@example.com"))
        .await;
    let toast = app.wait_for_text("toasts", |t| t.contains("Created")).await;
    assert!(
        toast.contains("مريم"),
        "the toast names the contractor: {toast}"
    );
    assert!(
        toast_reads_in_order(&app).await,
        "the override in the name reversed the rest of the toast"
    );

    // Arriving in API replies, as another tool may have written them.
    let long = app
        .standin_post(
            "/api/v1/contractors",
            contractor(&unbroken(), "Long", "long@example.com", "1 Kearny"),
        )
        .await;
    app.standin_post(
        "/api/v1/contractors",
        contractor("Ctrl", CONTROL, "control@example.com", "1 Kearny"),
    )
    .await;
    app.click("contractor-refresh").await;
    app.wait_for_text("contractor-list", |t| {
        t.contains("long@example.com") && t.contains("control@example.com")
    })
    .await;
    let shot = app.screenshot("hostile-text-list").await;
    let breaks = layout_breaks(&app).await;
    assert!(
        breaks.is_empty(),
        "list: {breaks:?}; see {}",
        shot.display()
    );

    // Control characters are kept as the API sent them, not dropped on the way.
    let names = app
        .driver_execute(
            "return [...document.querySelectorAll('.record-row')].map(r => r.textContent).join('|')",
        )
        .await;
    assert!(
        names.contains("Bell\\u0007Esc\\u001b"),
        "the control characters were lost: {names}"
    );

    // The detail shows the whole name, wrapped inside its card.
    let id = long["id"].as_str().unwrap();
    app.click(&format!("contractor-open-{id}")).await;
    let title = app
        .wait_for_text("contractor-detail-title", |t| t.starts_with("WWW"))
        .await;
    assert!(title.contains(&unbroken()), "the name is cut: {title}");
    let shot = app.screenshot("hostile-text-detail").await;
    let breaks = layout_breaks(&app).await;
    assert!(
        breaks.is_empty(),
        "detail: {breaks:?}; see {}",
        shot.display()
    );

    app.close().await;
}

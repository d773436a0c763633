//! Bulk actions and undo on the record lists: ticking rows and deleting just those
//! through the bulk bar, and taking back an edit from its toast. Results are checked at
//! the stand-in, not on screen.

use coverdesk_journeys::records::create_contractor;
use coverdesk_journeys::App;

/// The id the stand-in gave the contractor with `email`.
async fn contractor_id(app: &App, email: &str) -> String {
    let stored = app.standin_get("/api/v1/contractors").await;
    stored
        .as_array()
        .expect("a bare array, as the API lists")
        .iter()
        .find(|c| c["email"] == email)
        .unwrap_or_else(|| panic!("no contractor {email} at the stand-in: {stored}"))["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app, a display and tauri-driver; scripts/test runs it"]
async fn two_ticked_contractors_are_deleted_and_the_third_stays() {
    let app = App::launch("bulk-delete").await;
    let emails = [
        "ann.lee@example.com",
        "bob.diaz@example.com",
        "cara.wu@example.com",
    ];
    create_contractor(&app, "Ann", "Lee", emails[0]).await;
    create_contractor(&app, "Bob", "Diaz", emails[1]).await;
    create_contractor(&app, "Cara", "Wu", emails[2]).await;
    let mut ids = Vec::new();
    for email in emails {
        ids.push(contractor_id(&app, email).await);
    }

    // Nothing ticked, no bar.
    app.wait_gone("bulk-bar").await;
    app.click(&format!("record-select-{}", ids[0])).await;
    // The keyboard ticks too: Space on a focused box.
    app.press(&format!("record-select-{}", ids[2]), " ").await;
    app.wait_for_text("bulk-count", |t| t == "2 selected").await;
    app.screenshot("bulk-two-selected").await;

    app.click("bulk-delete").await;
    app.wait_for_text("contractor-delete-question", |t| {
        t == "Delete 2 contractors?"
    })
    .await;
    app.click("contractor-delete-confirm").await;
    app.wait_for_text("toasts", |t| t.contains("Deleted 2 contractors"))
        .await;
    app.wait_for_text("contractor-count", |t| t == "1 contractor")
        .await;

    let left: Vec<String> = app
        .standin_get("/api/v1/contractors")
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(left, [ids[1].clone()], "only the unticked one remains");
    for gone in [&ids[0], &ids[2]] {
        assert_eq!(
            app.standin_status(&format!("/api/v1/contractors/{gone}"))
                .await,
            404,
            "{gone} is gone at the stand-in"
        );
    }
    let calls = app.api_calls().await;
    assert!(
        !calls.contains(&format!("DELETE /api/v1/contractors/{}", ids[1])),
        "{calls:?}"
    );
    app.close().await;
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app, a display and tauri-driver; scripts/test runs it"]
async fn an_edit_undone_from_its_toast_brings_back_the_old_values() {
    let app = App::launch("bulk-undo").await;
    create_contractor(&app, "Ann", "Lee", "ann.lee@example.com").await;
    let id = contractor_id(&app, "ann.lee@example.com").await;

    app.click(&format!("contractor-open-{id}")).await;
    app.click("contractor-edit").await;
    app.fill("field-last_name", "Lee-Park").await;
    app.fill("field-address-locality", "Evanston").await;
    app.click("contractor-submit").await;
    app.wait_for_text("contractor-detail-title", |t| t == "Ann Lee-Park")
        .await;
    let edited = app.standin_get(&format!("/api/v1/contractors/{id}")).await;
    assert_eq!(edited["last_name"], "Lee-Park", "the edit itself went out");

    app.element("toast-undo").await;
    app.screenshot("bulk-undo-toast").await;
    // The notice stack's buttons: WebKitWebDriver will not click them with its pointer.
    app.click_by_script("toast-undo").await;
    app.wait_for_text("toasts", |t| t.contains("Undid the edit"))
        .await;
    app.wait_for_text("contractor-detail-title", |t| t == "Ann Lee")
        .await;

    let restored = app.standin_get(&format!("/api/v1/contractors/{id}")).await;
    assert_eq!(restored["last_name"], "Lee", "{restored}");
    assert_eq!(restored["address"]["locality"], "Chicago", "{restored}");
    assert_eq!(restored["email"], "ann.lee@example.com");
    let puts = app
        .api_calls()
        .await
        .iter()
        .filter(|c| **c == format!("PUT /api/v1/contractors/{id}"))
        .count();
    assert_eq!(puts, 2, "the edit and its undo, each a normal PUT");
    app.close().await;
}

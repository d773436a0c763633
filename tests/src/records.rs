//! Filling the create forms with valid records, for journeys whose subject is
//! something else (environments, secrets) and that just need records to exist.

use crate::App;

/// A job category the stand-in approves (bookkeeping).
pub const BOOKKEEPING: &str = "jc_zppQXRSkFC";

/// Fills and submits the contractor form; waits for nothing (production asks first).
pub async fn submit_contractor(app: &App, first: &str, last: &str, email: &str) {
    app.click("nav-contractors").await;
    app.fill("field-first_name", first).await;
    app.fill("field-last_name", last).await;
    app.fill("field-email", email).await;
    app.fill("field-phone", "(312) 555-0142").await;
    app.fill("field-address-line1", "3639 18th St").await;
    app.fill("field-address-locality", "Chicago").await;
    app.select("field-address-region", "IL").await;
    app.fill("field-address-postalcode", "60640").await;
    app.click("contractor-submit").await;
}

pub async fn create_contractor(app: &App, first: &str, last: &str, email: &str) {
    submit_contractor(app, first, last, email).await;
    app.wait_for_text("contractor-list", |t| t.contains(email))
        .await;
}

pub async fn create_entity(app: &App, name: &str) {
    app.click("nav-entities").await;
    app.fill("field-name", name).await;
    app.fill("field-address-line1", "3639 18th St").await;
    app.fill("field-address-locality", "Chicago").await;
    app.select("field-address-region", "IL").await;
    app.fill("field-address-postalcode", "60640").await;
    app.click("coverage-general").await;
    app.fill("field-coverage_limit-aggregate_limit", "2,000,000")
        .await;
    app.fill("field-coverage_limit-occurrence_limit", "1,000,000")
        .await;
    app.click("entity-submit").await;
    app.wait_for_text("entity-list", |t| t.contains(name)).await;
}

/// A bookkeeping job for the entity with id `entity`.
pub async fn create_job(app: &App, name: &str, entity: &str) {
    app.click("nav-jobs").await;
    app.fill("field-name", name).await;
    app.fill("field-description", "Keep the books for the season.")
        .await;
    app.select("field-entity", entity).await;
    app.fill("category-filter", "bookkeeping").await;
    app.select("field-category_code", BOOKKEEPING).await;
    app.fill("field-wage", "$1,250.50").await;
    app.select("field-wage_type", "hourly").await;
    app.fill("field-years_experience", "5").await;
    app.fill("field-duration_hours", "40").await;
    app.fill("field-address-locality", "Oakland").await;
    app.select("field-address-region", "CA").await;
    app.click("job-submit").await;
    app.wait_for_text("job-list", |t| t.contains(name)).await;
}

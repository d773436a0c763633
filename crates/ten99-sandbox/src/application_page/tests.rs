//! The page over real HTTP, against an in-memory flow.

use super::*;
use crate::coverage::Coverage;
use reqwest::redirect::Policy;

const ID: &str = "ias_01FVCHXE7PNQHA1T3S2AXL2QZE";

fn summary() -> SessionSummary {
    SessionSummary {
        session_id: ID.into(),
        contractor_name: "Joe Parker".into(),
        contractor_email: "joe@example.com".into(),
        contractor_address: vec!["1 Kearny St".into(), "San Francisco, CA 94104".into()],
        job_name: "Field technician".into(),
        job_description: "Run cable from front of commercial building to rear.".into(),
        entity_name: Some("Lake View Bowl <& Co>".into()),
        work_state: Some("IL".into()),
        coverages: vec![Coverage::WorkersComp, Coverage::General],
        net_rate: 65,
        effective_date: 1_701_561_600,
        end_date: 1_704_153_600,
        step: Step::VerifyInfo,
        expired: false,
        withhold_premium: false,
        success_url: "https://example.com/success?x=1&y=2".into(),
        cancel_url: "https://example.com/cancel".into(),
        policy_id: None,
        now: 1_701_000_000,
    }
}

struct Page {
    base: String,
    http: reqwest::Client,
    flow: Arc<InMemoryFlow>,
}

async fn serve(summary: SessionSummary) -> Page {
    let flow = Arc::new(InMemoryFlow::default());
    flow.insert(summary);
    let app: Router = routes(flow.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let http = reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .unwrap();
    Page { base, http, flow }
}

impl Page {
    async fn get(&self) -> (u16, String) {
        let r = self
            .http
            .get(format!("{}/apply/{ID}", self.base))
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), r.text().await.unwrap())
    }

    /// Posts a form; returns the status and the body (empty on a redirect).
    async fn post(&self, fields: &[(&str, &str)]) -> (u16, String) {
        let r = self
            .http
            .post(format!("{}/apply/{ID}/step", self.base))
            .form(fields)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        if status == 303 {
            assert_eq!(r.headers()["location"], format!("/apply/{ID}"));
        }
        (status, r.text().await.unwrap())
    }

    fn step(&self) -> Step {
        self.flow.summary(ID).unwrap().step
    }
}

#[tokio::test]
async fn a_contractor_walks_every_step_to_bound_coverage() {
    let page = serve(summary()).await;
    let (status, html) = page.get().await;
    assert_eq!(status, 200);
    for text in [
        "Verify your information",
        "Joe Parker",
        "San Francisco, CA 94104",
        "Lake View Bowl &lt;&amp; Co&gt;",
        "Dec 3, 2023 – Jan 2, 2024",
        "$0.65 per $100",
        r#"href="https://example.com/cancel""#,
        r#"name="step" value="verify_info""#,
    ] {
        assert!(html.contains(text), "{text} missing");
    }

    assert_eq!(
        page.post(&[("step", "verify_info"), ("confirm", "yes")])
            .await
            .0,
        303
    );
    assert_eq!(page.step(), Step::ApplicationQuestions);
    let answers = [
        ("step", "application_questions"),
        ("heights", "no"),
        ("subcontractors", "no"),
        ("prior_claims", "yes"),
        ("licensed", "yes"),
    ];
    assert_eq!(page.post(&answers).await.0, 303);
    let sign = [
        ("step", "esignature_document"),
        ("signed_name", " joe  parker "),
        ("agree", "yes"),
    ];
    assert_eq!(page.post(&sign).await.0, 303);
    let card = [
        ("step", "add_card_details"),
        ("card_name", "Joe Parker"),
        ("card_number", "4242 4242 4242 4242"),
        ("card_exp", "12/30"),
        ("card_cvc", "123"),
    ];
    assert_eq!(page.post(&card).await.0, 303);
    let (_, review) = page.get().await;
    assert!(review.contains("Bind coverage") && review.contains("$6.50 for every $1,000"));
    assert_eq!(page.post(&[("step", "final_review")]).await.0, 303);

    let (status, done) = page.get().await;
    assert_eq!(status, 200);
    let policy = page.flow.summary(ID).unwrap().policy_id.unwrap();
    assert!(
        done.contains("Coverage bound") && done.contains(&policy),
        "{done}"
    );
    assert!(done.contains(r#"href="https://example.com/success?x=1&amp;y=2""#));
    assert!(!done.contains("Cancel and return"));

    let inputs = page.flow.inputs(ID);
    assert_eq!(inputs.len(), 4);
    assert_eq!(
        inputs[1],
        StepInput::ApplicationQuestions {
            answers: vec![
                ("heights".into(), false),
                ("subcontractors".into(), false),
                ("prior_claims".into(), true),
                ("licensed".into(), true),
            ]
        }
    );
    let StepInput::AddCardDetails { card: Some(card) } = &inputs[3] else {
        panic!("{:?}", inputs[3])
    };
    assert_eq!(
        (card.brand.as_str(), card.last4.as_str(), card.exp_year),
        ("Visa", "4242", 2030)
    );
    // Submitting again changes nothing.
    assert_eq!(page.post(&[("step", "final_review")]).await.0, 303);
    assert_eq!(page.flow.summary(ID).unwrap().policy_id.unwrap(), policy);
}

#[tokio::test]
async fn invalid_forms_come_back_with_what_to_fix() {
    let page = serve(SessionSummary {
        step: Step::EsignatureDocument,
        ..summary()
    })
    .await;
    let (status, html) = page
        .post(&[("step", "esignature_document"), ("signed_name", "<Jo>")])
        .await;
    assert_eq!(status, 422);
    assert!(
        html.contains("Type your name exactly as shown: Joe Parker."),
        "{html}"
    );
    assert!(html.contains("Agree to sign"));
    assert!(
        html.contains(r#"value="&lt;Jo&gt;""#),
        "typed value kept, escaped"
    );
    assert_eq!(page.step(), Step::EsignatureDocument);

    page.flow.insert(SessionSummary {
        step: Step::AddCardDetails,
        ..summary()
    });
    let card = [
        ("step", "add_card_details"),
        ("card_name", "Joe"),
        ("card_number", DECLINED_CARD),
        ("card_exp", "01/23"),
        ("card_cvc", "12"),
    ];
    let (status, html) = page.post(&card).await;
    assert_eq!(status, 422);
    for text in ["declined", "expired", "security code"] {
        assert!(html.contains(text), "{text}");
    }
    // The card number is never echoed back into the form.
    assert!(!html.contains(&format!(r#"value="{DECLINED_CARD}""#)));
}

#[tokio::test]
async fn a_stale_step_redirects_and_withheld_premium_needs_no_card() {
    let page = serve(SessionSummary {
        step: Step::AddCardDetails,
        withhold_premium: true,
        ..summary()
    })
    .await;
    assert_eq!(
        page.post(&[("step", "verify_info"), ("confirm", "yes")])
            .await
            .0,
        303
    );
    assert_eq!(page.step(), Step::AddCardDetails);
    let (_, html) = page.get().await;
    assert!(html.contains("no card is needed") && !html.contains("card_number"));
    assert_eq!(page.post(&[("step", "add_card_details")]).await.0, 303);
    assert_eq!(page.step(), Step::FinalReview);
    assert_eq!(
        page.flow.inputs(ID),
        vec![StepInput::AddCardDetails { card: None }]
    );
}

#[tokio::test]
async fn unknown_and_expired_sessions() {
    let page = serve(SessionSummary {
        expired: true,
        ..summary()
    })
    .await;
    let (status, html) = page.get().await;
    assert_eq!(status, 410);
    assert!(html.contains("expired") && html.contains(r#"href="https://example.com/cancel""#));
    assert_eq!(
        page.post(&[("step", "verify_info"), ("confirm", "yes")])
            .await
            .0,
        410
    );

    let r = page
        .http
        .get(format!("{}/apply/ias_nope", page.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert_eq!(r.headers()["referrer-policy"], "no-referrer");
}

#[tokio::test]
async fn the_sandbox_serves_the_page_as_html() {
    let running = crate::start(crate::Options::default()).await.unwrap();
    let r = reqwest::get(format!("{}/apply/ias_unknown", running.base_url()))
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(r.headers().contains_key("request-id"));
    assert!(r.text().await.unwrap().contains("Application not found"));
    running.stop().await;
}

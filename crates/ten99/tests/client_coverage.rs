//! Quotes, sessions, policies, assignments and invoices against the stand-in over
//! HTTP. Run with `cargo test -p ten99 --features client`.
#![cfg(feature = "client")]

mod client_support;

use client_support::*;
use futures_util::TryStreamExt;
use ten99::client::{ErrorCode, ListParams};
use ten99::*;

#[tokio::test]
async fn quotes_create_get_update_and_list() {
    let (running, client) = sandbox().await;
    let parties = new_parties(&client, "joe@example.com").await;
    let quote = new_quote(&client, &parties).await;
    assert!(quote.id.starts_with("qt_"), "{}", quote.id);
    assert_eq!(quote.contractor, parties.contractor.id);
    assert_eq!(quote.job, parties.job.id);
    assert_eq!(
        quote.coverage_type,
        [CoverageType::General, CoverageType::WorkersComp]
    );
    assert!(quote.total_rate().is_some_and(|r| r.0 > 0), "{quote:?}");
    assert_eq!(client.quotes().get(&quote.id).await.unwrap(), quote);

    let start = UnixTime::now().plus_days(3);
    let updated = client
        .quotes()
        .update(
            &quote.id,
            &QuoteUpdate {
                effective_date: Some(start),
                end_date: Some(start.plus_days(10)),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.effective_date, Some(start));
    assert_eq!(updated.end_date, Some(start.plus_days(10)));
    assert_eq!(updated.coverage_type, quote.coverage_type);

    let listed = client.quotes().list(&ListParams::default()).await.unwrap();
    assert_eq!(ids(&listed, |q| &q.id), [quote.id.as_str()]);
    let streamed: Vec<Quote> = client.quotes().stream(10).try_collect().await.unwrap();
    assert_eq!(streamed.len(), 1);
    running.stop().await;
}

#[tokio::test]
async fn a_quote_in_the_past_is_refused_with_a_typed_code() {
    let (running, client) = sandbox().await;
    let parties = new_parties(&client, "joe@example.com").await;
    let error = client
        .quotes()
        .create(&QuoteInput {
            contractor: parties.contractor.id.clone(),
            job: parties.job.id.clone(),
            coverage_type: vec![CoverageType::General],
            effective_date: Some(UnixTime::now().plus_days(-2)),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(400), "{error:?}");
    assert!(
        matches!(
            error.api_code(),
            Some(ErrorCode::EffectiveDateInvalid | ErrorCode::InvalidInput)
        ),
        "{error:?}"
    );
    running.stop().await;
}

#[tokio::test]
async fn sessions_create_get_update_list_and_expire() {
    let (running, client) = sandbox().await;
    let parties = new_parties(&client, "joe@example.com").await;
    let quote = new_quote(&client, &parties).await;
    let input = SessionInput::for_quote(
        &quote.id,
        "https://platform.example/insured",
        "https://platform.example/not-insured",
    );
    let session = client.sessions().create(&input).await.unwrap();
    assert!(session.id.starts_with("ias_"), "{}", session.id);
    assert_eq!(session.quote.as_deref(), Some(quote.id.as_str()));
    assert!(session
        .url
        .as_deref()
        .is_some_and(|u| u.contains(&session.id)));
    assert!(!session.expired);
    assert_eq!(client.sessions().get(&session.id).await.unwrap(), session);

    let updated = client
        .sessions()
        .update(
            &session.id,
            &SessionUpdate {
                success_url: Some("https://platform.example/done".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        updated.success_url.as_deref(),
        Some("https://platform.example/done")
    );
    assert_eq!(updated.cancel_url, session.cancel_url);

    let listed = client
        .sessions()
        .list(&ListParams::default())
        .await
        .unwrap();
    assert_eq!(ids(&listed, |s| &s.id), [session.id.as_str()]);

    let expired = client.sessions().expire(&session.id).await.unwrap();
    assert!(expired.expired);
    let again = client.sessions().expire(&session.id).await.unwrap_err();
    assert_eq!(
        again.api_code(),
        Some(ErrorCode::SessionExpired),
        "{again:?}"
    );
    running.stop().await;
}

#[tokio::test]
async fn policies_create_filter_by_quote_update_and_delete() {
    let (running, client) = sandbox().await;
    let parties = new_parties(&client, "joe@example.com").await;
    let quote = new_quote(&client, &parties).await;
    let policy = client
        .policies()
        .create(&PolicyInput {
            quote: quote.id.clone(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(policy.id.starts_with("pl_"), "{}", policy.id);
    assert_eq!(policy.quote.as_deref(), Some(quote.id.as_str()));
    assert_eq!(
        client.policies().get(&policy.id).await.unwrap().id,
        policy.id
    );

    // A second quote and policy, for another contractor, that the filter leaves out.
    let other = new_parties(&client, "ann@example.com").await;
    let other_quote = new_quote(&client, &other).await;
    client
        .policies()
        .create(&PolicyInput {
            quote: other_quote.id.clone(),
            ..Default::default()
        })
        .await
        .unwrap();
    let for_quote = client
        .policies()
        .list_for_quote(&quote.id, &ListParams::default())
        .await
        .unwrap();
    assert_eq!(ids(&for_quote, |p| &p.id), [policy.id.as_str()]);
    let streamed: Vec<Policy> = client
        .policies()
        .stream_for_quote(&quote.id, 5)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids(&streamed, |p| &p.id), [policy.id.as_str()]);
    assert_eq!(client.policies().list_all().await.unwrap().len(), 2);
    let of_joe = client
        .contractors()
        .policies(&parties.contractor.id)
        .await
        .unwrap();
    assert_eq!(ids(&of_joe, |p| &p.id), [policy.id.as_str()]);

    let off = client
        .policies()
        .update(
            &policy.id,
            &PolicyUpdate {
                is_active: Some(false),
            },
        )
        .await
        .unwrap();
    assert_ne!(off.current_status(), Some(PolicyStatus::Active), "{off:?}");
    let deleted = client.policies().delete(&policy.id).await.unwrap();
    assert!(deleted.deleted);
    running.stop().await;
}

#[tokio::test]
async fn assignments_create_update_list_and_cancel() {
    let (running, client) = sandbox().await;
    let parties = new_parties(&client, "joe@example.com").await;
    let quote = new_quote(&client, &parties).await;
    let policy = client
        .policies()
        .create(&PolicyInput {
            quote: quote.id.clone(),
            ..Default::default()
        })
        .await
        .unwrap();
    let code = parties.job.category_code.clone();
    let next_job = client
        .jobs()
        .create(&job(&parties.entity.id, &code))
        .await
        .unwrap();
    let start = UnixTime::now().plus_days(2);
    let assignment = client
        .assignments()
        .create(&AssignmentInput {
            contractor: parties.contractor.id.clone(),
            job: next_job.id.clone(),
            effective_date: Some(start),
            end_date: Some(start.plus_days(7)),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(assignment.id.starts_with("an_"), "{}", assignment.id);
    assert_eq!(assignment.job, next_job.id);
    assert_eq!(assignment.policy.as_deref(), Some(policy.id.as_str()));
    assert_eq!(
        client.assignments().get(&assignment.id).await.unwrap(),
        assignment
    );

    let moved = client
        .assignments()
        .update(
            &assignment.id,
            &AssignmentUpdate {
                end_date: Some(start.plus_days(14)),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(moved.end_date, Some(start.plus_days(14)));
    let listed = client
        .assignments()
        .list(&ListParams::default())
        .await
        .unwrap();
    assert_eq!(ids(&listed, |a| &a.id), [assignment.id.as_str()]);

    let cancelled = client
        .assignments()
        .cancel(&AssignmentCancel {
            job_id: next_job.id.clone(),
            reason: Some(CancellationReason::ClientRequest),
        })
        .await
        .unwrap();
    assert_eq!(cancelled.id, assignment.id);
    assert!(cancelled.cancelled);
    assert_eq!(
        cancelled.cancellation_reason,
        Some(CancellationReason::ClientRequest)
    );
    running.stop().await;
}

#[tokio::test]
async fn invoices_create_get_update_list_and_delete() {
    let (running, client) = sandbox().await;
    let parties = new_parties(&client, "joe@example.com").await;
    let quote = new_quote(&client, &parties).await;
    client
        .policies()
        .create(&PolicyInput {
            quote: quote.id.clone(),
            ..Default::default()
        })
        .await
        .unwrap();
    let start = UnixTime::now().start_of_day();
    let input = InvoiceInput {
        contractor: parties.contractor.id.clone(),
        job: parties.job.id.clone(),
        gross_pay: Cents(250_000),
        paycycle_startdate: start,
        paycycle_enddate: start.plus_days(7),
        purchase_order_number: Some("PO-7".into()),
    };
    let invoice = client.invoices().create(&input).await.unwrap();
    assert!(invoice.id.starts_with("in_"), "{}", invoice.id);
    assert_eq!(invoice.gross_pay, Cents(250_000));
    assert!(invoice.premium_due.0 > 0, "{invoice:?}");
    assert_eq!(invoice.purchase_order_number.as_deref(), Some("PO-7"));
    assert_eq!(client.invoices().get(&invoice.id).await.unwrap(), invoice);

    let updated = client
        .invoices()
        .update(
            &invoice.id,
            &InvoiceUpdate {
                purchase_order_number: Some("PO-8".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.purchase_order_number.as_deref(), Some("PO-8"));
    let listed = client.invoices().list_all().await.unwrap();
    assert_eq!(ids(&listed, |i| &i.id), [updated.id.as_str()]);
    let deleted = client.invoices().delete(&updated.id).await.unwrap();
    assert!(deleted.deleted);
    running.stop().await;
}

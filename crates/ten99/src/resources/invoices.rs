//! Invoices (`/api/v1/invoices`, reference §2.9): the premium owed for one pay period.

use crate::decode;
use crate::money::Cents;
use crate::resources::{contractors, jobs};
use crate::time::UnixTime;
use crate::validation::FieldErrors;
use serde::{Deserialize, Serialize};

/// ID prefix of invoices.
pub const ID_PREFIX: &str = "in_";

/// Smallest gross pay the newest reference takes: $1.00.
pub const MIN_GROSS_PAY: Cents = Cents(100);
/// Largest gross pay: $1,000,000.
pub const MAX_GROSS_PAY: Cents = Cents(100_000_000);

/// The body of `POST /api/v1/invoices`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InvoiceInput {
    /// The contractor paid (`cn_…`); older revisions call it `contractor_id`.
    #[serde(default, alias = "contractor_id")]
    pub contractor: String,
    /// The job paid for (`jb_…`); older revisions call it `job_id`.
    #[serde(default, alias = "job_id")]
    pub job: String,
    /// What the contractor earned in the period.
    #[serde(default)]
    pub gross_pay: Cents,
    /// First day of the pay cycle.
    #[serde(default)]
    pub paycycle_startdate: UnixTime,
    /// Last day of the pay cycle.
    #[serde(default)]
    pub paycycle_enddate: UnixTime,
    /// `None` inherits the job's `custom_metadata.purchase_order_number`; `Some("")` means none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
}

impl InvoiceInput {
    /// Every problem with the input, keyed by field path.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        errors.require_id(
            "contractor",
            &self.contractor,
            contractors::ID_PREFIX,
            "contractor",
        );
        errors.require_id("job", &self.job, jobs::ID_PREFIX, "job");
        if self.gross_pay.0 == 0 {
            errors.add("gross_pay", "Gross pay is required");
        }
        check_gross_pay(&mut errors, self.gross_pay);
        if self.paycycle_startdate.0 == 0 {
            errors.add("paycycle_startdate", "Pay period start is required");
        }
        if self.paycycle_enddate.0 == 0 {
            errors.add("paycycle_enddate", "Pay period end is required");
        }
        if self.paycycle_startdate.0 != 0 {
            check_period(
                &mut errors,
                Some(self.paycycle_startdate),
                Some(self.paycycle_enddate),
            );
        }
        errors
    }
}

fn check_gross_pay(errors: &mut FieldErrors, pay: Cents) {
    if pay < MIN_GROSS_PAY {
        errors.add(
            "gross_pay",
            format!("Gross pay must be at least {MIN_GROSS_PAY}"),
        );
    } else if pay > MAX_GROSS_PAY {
        errors.add(
            "gross_pay",
            format!("Gross pay cannot be more than {MAX_GROSS_PAY} per invoice"),
        );
    }
}

fn check_period(errors: &mut FieldErrors, start: Option<UnixTime>, end: Option<UnixTime>) {
    if let (Some(start), Some(end)) = (start, end) {
        if end <= start {
            errors.add(
                "paycycle_enddate",
                format!("Pay period must end after it starts ({})", start.to_ymd()),
            );
        }
    }
}

/// The body of `PUT /api/v1/invoices/{id}` (unpaid invoices only). Changing `gross_pay`
/// re-prices by replacing the invoice.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InvoiceUpdate {
    /// Another contractor (`cn_…`); `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contractor: Option<String>,
    /// Another job (`jb_…`); `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job: Option<String>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// New gross pay in cents; `None` keeps it.
    pub gross_pay: Option<Cents>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// New first day of the pay cycle; `None` keeps it.
    pub paycycle_startdate: Option<UnixTime>,
    #[serde(
        default,
        deserialize_with = "decode::option",
        skip_serializing_if = "Option::is_none"
    )]
    /// New last day of the pay cycle; `None` keeps it.
    pub paycycle_enddate: Option<UnixTime>,
    /// `Some("")` clears it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,
}

impl InvoiceUpdate {
    /// Problems with the fields being changed.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if let Some(contractor) = &self.contractor {
            errors.require_id(
                "contractor",
                contractor,
                contractors::ID_PREFIX,
                "contractor",
            );
        }
        if let Some(job) = &self.job {
            errors.require_id("job", job, jobs::ID_PREFIX, "job");
        }
        if let Some(pay) = self.gross_pay {
            check_gross_pay(&mut errors, pay);
        }
        check_period(&mut errors, self.paycycle_startdate, self.paycycle_enddate);
        errors
    }
}

/// An invoice as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invoice {
    /// `in_…`.
    pub id: String,
    /// The contractor paid (`cn_…`).
    #[serde(alias = "contractor_id")]
    pub contractor: String,
    /// The job paid for (`jb_…`).
    #[serde(alias = "job_id")]
    pub job: String,
    /// Gross pay for the cycle, in cents.
    pub gross_pay: Cents,
    /// First day of the pay cycle.
    pub paycycle_startdate: UnixTime,
    /// Last day of the pay cycle.
    pub paycycle_enddate: UnixTime,
    /// The premium for the period.
    #[serde(default, deserialize_with = "decode::or_default")]
    pub premium_due: Cents,
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// The platform's purchase order number (from the job's metadata); `None` when absent.
    pub purchase_order_number: Option<String>,
    /// When the invoice was created.
    pub created: UnixTime,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn input() -> InvoiceInput {
        InvoiceInput {
            contractor: "cn_Ehb3bYa".into(),
            job: "jb_jsb9KEcTpc".into(),
            gross_pay: Cents(250_000),
            paycycle_startdate: UnixTime(1_646_818_364),
            paycycle_enddate: UnixTime(1_647_818_364),
            purchase_order_number: None,
        }
    }

    #[test]
    fn a_complete_invoice_is_valid() {
        assert!(input().validate().is_empty());
        assert_eq!(
            serde_json::to_value(input()).unwrap(),
            json!({"contractor": "cn_Ehb3bYa", "job": "jb_jsb9KEcTpc", "gross_pay": 250000,
                   "paycycle_startdate": 1646818364, "paycycle_enddate": 1647818364})
        );
        let cleared = InvoiceInput {
            purchase_order_number: Some(String::new()),
            ..input()
        };
        assert_eq!(
            serde_json::to_value(cleared).unwrap()["purchase_order_number"],
            ""
        );
    }

    #[test]
    fn each_rule_is_reported() {
        let errors = InvoiceInput::default().validate();
        assert_eq!(errors.get("gross_pay"), Some("Gross pay is required"));
        assert_eq!(
            errors.get("paycycle_startdate"),
            Some("Pay period start is required")
        );
        assert_eq!(
            errors.get("paycycle_enddate"),
            Some("Pay period end is required")
        );
        assert_eq!(
            InvoiceInput {
                gross_pay: Cents(99),
                ..input()
            }
            .validate()
            .get("gross_pay"),
            Some("Gross pay must be at least $1.00")
        );
        assert_eq!(
            InvoiceInput {
                gross_pay: Cents(100_000_001),
                ..input()
            }
            .validate()
            .get("gross_pay"),
            Some("Gross pay cannot be more than $1,000,000.00 per invoice")
        );
        let backwards = InvoiceInput {
            paycycle_enddate: UnixTime(1_646_818_364),
            ..input()
        };
        assert_eq!(
            backwards.validate().get("paycycle_enddate"),
            Some("Pay period must end after it starts (2022-03-09)")
        );
        let update = InvoiceUpdate {
            paycycle_startdate: Some(UnixTime(10)),
            paycycle_enddate: Some(UnixTime(5)),
            ..Default::default()
        };
        assert!(update.validate().get("paycycle_enddate").is_some());
    }

    #[test]
    fn decodes_the_reference_invoice_with_string_dates() {
        let invoice: Invoice = serde_json::from_value(json!({
            "id": "in_4RviYgc2Wt", "contractor": "cn_Ehb3bYa", "job": "jb_jsb9KEcTpc", "gross_pay": 250000,
            "paycycle_startdate": "1646818364", "paycycle_enddate": "2022-03-20", "premium_due": 4325, "created": 1646818364
        }))
        .unwrap();
        assert_eq!(invoice.premium_due.to_string(), "$43.25");
        assert_eq!(invoice.paycycle_enddate.to_ymd(), "2022-03-20");
    }
}

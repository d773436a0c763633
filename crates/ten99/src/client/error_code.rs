//! The API's `error_code` values (reference §4.3), typed.

/// Declares [`ErrorCode`] from one table, so the spelling, the parser and the list of
/// known codes cannot drift apart.
macro_rules! error_codes {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal $(| $alias:literal)* ),+ $(,)?) => {
        /// An `error_code` the API sends (reference §4.3). Codes this version does not
        /// know are kept in [`ErrorCode::Other`], exactly as sent.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorCode {
            $( $(#[$doc])*
            #[doc = concat!("\n\n`error_code: ", $text, "`.")]
            $variant, )+
            /// A code not in the reference (the stand-in's `idempotency_key_in_use`, say).
            Other(String),
        }

        impl ErrorCode {
            /// Every code this version knows, in the reference's order.
            pub const KNOWN: &'static [ErrorCode] = &[$(ErrorCode::$variant),+];

            /// The API's spelling (the first one, where the sources disagree).
            pub fn as_str(&self) -> &str {
                match self {
                    $(ErrorCode::$variant => $text,)+
                    ErrorCode::Other(text) => text,
                }
            }

            /// Never fails: an unknown code becomes [`ErrorCode::Other`].
            pub fn parse(text: &str) -> ErrorCode {
                match text.trim() {
                    $($text $(| $alias)* => ErrorCode::$variant,)+
                    _ => ErrorCode::Other(text.to_owned()),
                }
            }
        }
    };
}

error_codes! {
    /// Unspecified server failure (500).
    GeneralError = "general_error",
    /// The key is not valid (401).
    InvalidApiKey = "invalid_api_key",
    AuthTokenExpired = "auth_token_expired",
    /// No object with that id (404).
    ResourceNotFound = "resource_not_found",
    DatabaseOperationalError = "database_operational_error",
    /// The key may not do this, e.g. a test key against production (403).
    InsufficientPermissions = "insufficient_permissions",
    NoTenantFound = "no_tenant_found",
    InvalidWebhookSignature = "invalid_webhook_signature",
    /// Some fields are wrong; `message` is then a field → problem map.
    InvalidInput = "invalid_input",
    BadRequest = "bad_request",
    EffectiveDateInvalid = "effective_date_invalid",
    EndDateInvalid = "end_date_invalid",
    /// A contractor with that email exists (409).
    DuplicateEmail = "duplicate_email",
    MissingJobCategoryCode = "missing_job_category_code",
    InvalidJobCategoryCode = "invalid_job_category_code",
    JobCategoryNotApproved = "job_category_not_approved",
    /// A job cannot be edited once invoiced.
    InvoiceExists = "invoice_exists",
    InvalidEntityId = "invalid_entity_id",
    InvalidContractorId = "invalid_contractor_id",
    InvalidJobId = "invalid_job_id",
    InvalidQuoteId = "invalid_quote_id",
    InvalidPolicyId = "invalid_policy_id",
    InvalidSessionId = "invalid_session_id",
    InvalidAssignmentId = "invalid_assignment_id",
    InvalidInvoiceId = "invalid_invoice_id",
    InvalidEventId = "invalid_event_id",
    InvalidWebhookEndpointId = "invalid_webhook_endpoint_id",
    /// The contractor already holds matching cover. The docs spell it
    /// `contract_has_matching_policy`, the Python SDK `contractor_has_matching_policy`;
    /// both read as this.
    ContractorHasMatchingPolicy = "contractor_has_matching_policy" | "contract_has_matching_policy",
    SessionExpired = "session_expired",
    ApplicationAlreadyComplete = "application_already_complete",
    CustomApplicationsDisabled = "custom_applications_disabled",
    JobIsUsed = "job_is_used",
    InvoiceAlreadyPaid = "invoice_already_paid",
    AgencyPayInvoiceExists = "agency_pay_invoice_exists",
    InvoiceUneditableAlreadyExists = "invoice_uneditable_already_exists",
    InvalidPaycycleStartdate = "invalid_paycycle_startdate",
    InvalidPaycycleEnddate = "invalid_paycycle_enddate",
    NoActivePolicy = "no_active_policy",
    /// The quote is locked because a policy was issued for it.
    CantUpdateCreateNewQuote = "cant_update_create_new_quote",
    PolicyAlreadyExists = "policy_already_exists",
    MissingContractorId = "missing_contractor_id",
    MissingCertificate = "missing_certificate",
    MissingCertificates = "missing_certificates",
    InvalidFileType = "invalid_file_type",
    InvalidMimeType = "invalid_mime_type",
    InvalidFileSize = "invalid_file_size",
    NoInsuranceRequirementFound = "no_insurance_requirement_found",
    ContractorBlockedForWrites = "contractor_blocked_for_writes",
    InvalidReturnUrl = "invalid_return_url",
}

impl ErrorCode {
    /// Whether the code says an id was unknown (`resource_not_found`, `invalid_*_id`).
    pub fn is_unknown_id(&self) -> bool {
        matches!(self, ErrorCode::ResourceNotFound)
            || (self.as_str().starts_with("invalid_") && self.as_str().ends_with("_id"))
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for ErrorCode {
    type Err = std::convert::Infallible;
    fn from_str(text: &str) -> Result<ErrorCode, Self::Err> {
        Ok(ErrorCode::parse(text))
    }
}

impl From<&str> for ErrorCode {
    fn from(text: &str) -> ErrorCode {
        ErrorCode::parse(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_code_round_trips() {
        for code in ErrorCode::KNOWN {
            assert_eq!(&ErrorCode::parse(code.as_str()), code);
        }
        // 50 spellings in §4.3; the two matching-policy ones share a variant.
        assert_eq!(ErrorCode::KNOWN.len(), 49);
    }

    #[test]
    fn both_matching_policy_spellings_and_unknown_codes() {
        assert_eq!(
            ErrorCode::parse("contract_has_matching_policy"),
            ErrorCode::ContractorHasMatchingPolicy
        );
        let other = ErrorCode::parse("idempotency_key_in_use");
        assert_eq!(other, ErrorCode::Other("idempotency_key_in_use".into()));
        assert_eq!(other.to_string(), "idempotency_key_in_use");
        assert!(ErrorCode::InvalidJobId.is_unknown_id());
        assert!(!ErrorCode::InvalidInput.is_unknown_id());
    }
}

//! The `certificates` table (reference §2.12): the uploaded PDF's bytes in `pdf`, the
//! review `status` for the "still pending" lookup.

use super::table::{parse, Table};
use super::{scope, CachedStatements, Store};
use crate::auth::Tenant;
use crate::error::Error;
use rusqlite::OptionalExtension;
use serde_json::Value;
use ten99::Environment;

impl Store {
    pub fn certificates(&self) -> Table<'_> {
        Table::new(self, "certificates")
    }

    /// Records a finished review: only if the certificate is still `pending`, so
    /// that of two requests settling it at once exactly one sees `true` (and emits
    /// the event).
    pub fn finish_certificate_review(
        &self,
        tenant: &Tenant,
        id: &str,
        status: &str,
        body: &Value,
    ) -> Result<bool, Error> {
        let (key, environment) = scope(tenant);
        let n = self.lock().execute_cached(
            "UPDATE certificates SET status = ?4, body = ?5
             WHERE tenant = ?1 AND environment = ?2 AND id = ?3 AND status = 'pending'",
            (key, environment, id, status, body.to_string()),
        )?;
        Ok(n == 1)
    }

    /// The uploaded bytes of certificate `id`, whoever holds it, with the holder and
    /// the stored object: the `pdf_url` works without a key.
    pub fn certificate_pdf(&self, id: &str) -> Result<Option<(Tenant, Value, Vec<u8>)>, Error> {
        let row: Option<(String, String, String, Vec<u8>)> = self
            .lock()
            .query_row_cached(
                "SELECT tenant, environment, body, pdf FROM certificates WHERE id = ?1",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )
            .optional()?;
        let Some((key, environment, body, pdf)) = row else {
            return Ok(None);
        };
        let environment = Environment::parse(&environment).unwrap_or(Environment::Sandbox);
        Ok(Some((Tenant { key, environment }, parse(&body)?, pdf)))
    }
}

//! The fields quotes and assignments share (who, which job, which lines, when), checked
//! once for both resources and for both their create and update bodies.

use crate::coverage::{self, CoverageType};
use crate::resources::{contractors, jobs};
use crate::time::UnixTime;
use crate::validation::{CoverageWindow, FieldErrors};

/// A borrowed view of a cover request's shared fields. A create body gives every field
/// (`Some`); an update body gives only those it changes, and absent ones are not checked.
pub(crate) struct CoverRequest<'a> {
    pub contractor: Option<&'a str>,
    pub job: Option<&'a str>,
    pub coverage_type: Option<&'a [CoverageType]>,
    pub window: CoverageWindow,
}

impl CoverRequest<'_> {
    /// Records every problem as of `now`. `empty_coverage_ok` is for bodies where no
    /// coverage means "as before"; `max_term_days` caps how long the cover may last.
    pub fn check_into(
        &self,
        errors: &mut FieldErrors,
        now: UnixTime,
        empty_coverage_ok: bool,
        max_term_days: Option<i64>,
    ) {
        errors.require_id_if_given(
            "contractor",
            self.contractor,
            contractors::ID_PREFIX,
            "contractor",
        );
        errors.require_id_if_given("job", self.job, jobs::ID_PREFIX, "job");
        if let Some(types) = self.coverage_type {
            coverage::validate_into("coverage_type", types, empty_coverage_ok, errors);
        }
        self.window.check_into(errors, now, max_term_days);
    }
}

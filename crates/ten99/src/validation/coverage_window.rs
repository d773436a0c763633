//! The date rules of requested cover (reference §2.5, §2.7, §2.8), kept in one place so
//! quotes, assignments and policies cannot drift apart in what they accept.

use super::FieldErrors;
use crate::time::UnixTime;

/// The start and end of cover as a create or update body gives them; either may be left
/// to the API's default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CoverageWindow {
    pub effective: Option<UnixTime>,
    pub end: Option<UnixTime>,
}

impl CoverageWindow {
    /// Records problems under `effective_date` and `end_date` as of `now`: the start is in
    /// the future; the end is after the start (or after now, when the start is left to the
    /// API's default of the next day) and, with `max_days`, at most that many days after it.
    pub fn check_into(&self, errors: &mut FieldErrors, now: UnixTime, max_days: Option<i64>) {
        if let Some(effective) = self.effective {
            check_starts_in_future(errors, now, effective);
        }
        let Some(end) = self.end else { return };
        match self.effective {
            Some(start) => check_ends_after_start(errors, "end_date", "End date", start, end),
            None if end <= now => errors.add("end_date", "End date must be in the future"),
            None => {}
        }
        if let Some(max_days) = max_days {
            self.check_term(errors, now, end, max_days);
        }
    }

    /// The cap counts from the default start (the next day) when no start is given, so a
    /// body without one is held to the same length as one with it.
    fn check_term(&self, errors: &mut FieldErrors, now: UnixTime, end: UnixTime, max_days: i64) {
        let latest = self
            .effective
            .unwrap_or(now.plus_days(1))
            .plus_days(max_days);
        if end > latest {
            errors.add(
                "end_date",
                format!(
                    "Cover can last at most {max_days} days; the latest end date is {}",
                    latest.to_ymd()
                ),
            );
        }
    }
}

/// Records a problem under `effective_date` unless `effective` is after `now`; the message
/// suggests tomorrow, the earliest start the API takes.
fn check_starts_in_future(errors: &mut FieldErrors, now: UnixTime, effective: UnixTime) {
    if effective <= now {
        let tomorrow = now.start_of_day().plus_days(1);
        errors.add(
            "effective_date",
            format!(
                "Start date must be in the future (today is {}), e.g. {}",
                now.to_ymd(),
                tomorrow.to_ymd()
            ),
        );
    }
}

/// Records a problem under `field` unless `end` is after `start`. `label` names the end
/// in the message ("End date", "Expiration"), as the resources call it differently.
pub(crate) fn check_ends_after_start(
    errors: &mut FieldErrors,
    field: &str,
    label: &str,
    start: UnixTime,
    end: UnixTime,
) {
    if end <= start {
        errors.add(
            field,
            format!("{label} must be after the start date ({})", start.to_ymd()),
        );
    }
}

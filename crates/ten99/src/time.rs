//! Points in time as the API keeps them: Unix seconds (reference §1.7).
//!
//! Some revisions send numeric strings or ISO-8601 text instead (§7 Q7), so [`UnixTime`]
//! reads all three. The ISO reader is written here to keep the crate small and wasm-safe.

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// Seconds in a day.
pub const DAY: i64 = 86_400;

/// Seconds since 1970-01-01T00:00:00Z. Encodes as a JSON integer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct UnixTime(pub i64);

impl UnixTime {
    /// Midnight UTC at the start of a calendar day, if the day exists.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<UnixTime> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(UnixTime(days_from_civil(year, month, day) * DAY))
    }

    /// The current time, from the system clock. Not on wasm, where the UI asks the browser.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn now() -> UnixTime {
        let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
        UnixTime(since.map(|d| d.as_secs() as i64).unwrap_or(0))
    }

    /// Seconds since 1970-01-01 UTC.
    pub fn seconds(self) -> i64 {
        self.0
    }

    /// This time moved by whole days (negative for earlier).
    pub fn plus_days(self, days: i64) -> UnixTime {
        UnixTime(self.0.saturating_add(days.saturating_mul(DAY)))
    }

    /// The UTC calendar day as `(year, month, day)`.
    pub fn date(self) -> (i64, u32, u32) {
        civil_from_days(self.0.div_euclid(DAY))
    }

    /// The UTC calendar day as `2024-01-31`, for display.
    pub fn to_ymd(self) -> String {
        let (y, m, d) = self.date();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// Midnight UTC at the start of this time's day.
    pub fn start_of_day(self) -> UnixTime {
        UnixTime(self.0.div_euclid(DAY) * DAY)
    }

    /// Reads ISO-8601 / RFC 3339: `2024-01-06`, `2024-01-06T05:30:39.373Z`,
    /// `2023-09-27T05:37:06.742302` (no offset: UTC), `2024-01-06 05:30:39+05:30`.
    /// Fractions of a second are dropped.
    pub fn parse_iso(text: &str) -> Result<UnixTime, String> {
        iso::parse(text.trim()).ok_or_else(|| format!("{text:?} is not an ISO-8601 date or time"))
    }
}

impl fmt::Display for UnixTime {
    /// RFC 3339 in UTC, e.g. `2024-01-06T05:30:39Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.0.rem_euclid(DAY);
        write!(
            f,
            "{}T{:02}:{:02}:{:02}Z",
            self.to_ymd(),
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

impl From<i64> for UnixTime {
    fn from(seconds: i64) -> Self {
        UnixTime(seconds)
    }
}

impl<'de> Deserialize<'de> for UnixTime {
    /// Without `tolerant`: whole seconds, as written (see `decode`).
    #[cfg(not(feature = "tolerant"))]
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        i64::deserialize(d).map(UnixTime)
    }

    #[cfg(feature = "tolerant")]
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Int(i64),
            Float(f64),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Int(i) => Ok(UnixTime(i)),
            // Whole seconds only; a fraction is dropped rather than refused.
            Raw::Float(f) if f.is_finite() && f.abs() < 1e15 => Ok(UnixTime(f.floor() as i64)),
            Raw::Float(f) => Err(D::Error::custom(format!("{f} is not a time"))),
            Raw::Text(s) => {
                let t = s.trim();
                if let Ok(i) = t.parse::<i64>() {
                    return Ok(UnixTime(i));
                }
                UnixTime::parse_iso(t).map_err(D::Error::custom)
            }
        }
    }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

mod iso {
    use super::{UnixTime, DAY};

    /// A small cursor over ASCII digits and separators.
    struct Cursor<'a> {
        bytes: &'a [u8],
        pos: usize,
    }

    impl Cursor<'_> {
        fn digits(&mut self, n: usize) -> Option<i64> {
            let slice = self.bytes.get(self.pos..self.pos + n)?;
            if !slice.iter().all(u8::is_ascii_digit) {
                return None;
            }
            self.pos += n;
            Some(
                slice
                    .iter()
                    .fold(0, |acc, b| acc * 10 + i64::from(b - b'0')),
            )
        }

        fn eat(&mut self, byte: u8) -> bool {
            if self.bytes.get(self.pos) == Some(&byte) {
                self.pos += 1;
                true
            } else {
                false
            }
        }

        fn peek(&self) -> Option<u8> {
            self.bytes.get(self.pos).copied()
        }

        fn done(&self) -> bool {
            self.pos == self.bytes.len()
        }
    }

    pub(super) fn parse(text: &str) -> Option<UnixTime> {
        let mut c = Cursor {
            bytes: text.as_bytes(),
            pos: 0,
        };
        let year = c.digits(4)?;
        let basic = !c.eat(b'-');
        let month = c.digits(2)? as u32;
        if !basic && !c.eat(b'-') {
            return None;
        }
        let day = c.digits(2)? as u32;
        let date = UnixTime::from_ymd(year, month, day)?;
        if c.done() {
            return Some(date);
        }
        if !(c.eat(b'T') || c.eat(b't') || c.eat(b' ')) {
            return None;
        }
        let hour = c.digits(2)?;
        let colons = c.eat(b':');
        let minute = c.digits(2)?;
        let mut second = 0;
        if (colons && c.eat(b':')) || (!colons && c.peek().is_some_and(|b| b.is_ascii_digit())) {
            second = c.digits(2)?;
        }
        if c.eat(b'.') || c.eat(b',') {
            let start = c.pos;
            while c.peek().is_some_and(|b| b.is_ascii_digit()) {
                c.pos += 1;
            }
            if c.pos == start {
                return None;
            }
        }
        // 24:00:00 is the end of the day; 60 seconds is a leap second, read as 59.
        let valid = (hour < 24 && minute < 60 && second <= 60)
            || (hour == 24 && minute == 0 && second == 0);
        if !valid {
            return None;
        }
        let offset = offset(&mut c)?;
        if !c.done() {
            return None;
        }
        let local = date.0 + hour * 3600 + minute * 60 + second.min(59);
        debug_assert!(local - date.0 <= DAY);
        Some(UnixTime(local - offset))
    }

    /// `Z`, `+05:30`, `-0800`, `+05` or nothing (UTC), in seconds east of UTC.
    fn offset(c: &mut Cursor<'_>) -> Option<i64> {
        if c.done() {
            return Some(0);
        }
        if c.eat(b'Z') || c.eat(b'z') {
            return Some(0);
        }
        let sign = if c.eat(b'+') {
            1
        } else if c.eat(b'-') {
            -1
        } else {
            return None;
        };
        let hours = c.digits(2)?;
        let minutes = if c.done() {
            0
        } else {
            c.eat(b':');
            c.digits(2)?
        };
        if hours > 23 || minutes > 59 {
            return None;
        }
        Some(sign * (hours * 3600 + minutes * 60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> i64 {
        UnixTime::parse_iso(text).unwrap().0
    }

    #[test]
    fn reads_iso_dates_and_times() {
        assert_eq!(iso("1970-01-01"), 0);
        assert_eq!(iso("2023-12-03"), 1_701_561_600);
        assert_eq!(iso("20231203"), 1_701_561_600);
        assert_eq!(iso("2024-01-06T05:30:39.373Z"), 1_704_519_039);
        assert_eq!(iso("2024-01-06T05:30:39"), 1_704_519_039);
        assert_eq!(iso("2024-01-06 05:30:39+00:00"), 1_704_519_039);
        assert_eq!(iso("2024-01-06T11:00:39+05:30"), 1_704_519_039);
        assert_eq!(iso("2024-01-05T21:30:39-0800"), 1_704_519_039);
        assert_eq!(iso("2024-01-06T07:30:39+02"), 1_704_519_039);
        assert_eq!(iso("2024-01-06T05:30Z"), 1_704_519_000);
        assert_eq!(iso("2023-09-27T05:37:06.742302"), 1_695_793_026);
        assert_eq!(iso("2024-02-29T24:00:00Z"), iso("2024-03-01"));
        assert_eq!(iso("1969-12-31T23:59:59Z"), -1);
    }

    #[test]
    fn refuses_what_is_not_iso() {
        for bad in [
            "",
            "2024",
            "2024-1-06",
            "2024-02-30",
            "2023-02-29",
            "2024-13-01",
            "2024-01-06T25:00",
            "2024-01-06T05:30:39.Z",
            "2024-01-06T05:30:39+25:00",
            "2024-01-06X05:30",
            "(utcnow)",
            "2024-01-06T05:30:39 UTC",
            "２０２４-01-01",
        ] {
            assert!(UnixTime::parse_iso(bad).is_err(), "{bad:?} should fail");
        }
    }

    #[test]
    fn decodes_ints_numeric_strings_and_iso() {
        let read = |json: &str| serde_json::from_str::<UnixTime>(json).map(|t| t.0);
        assert_eq!(read("1701561600").unwrap(), 1_701_561_600);
        assert_eq!(read("\"1701561600\"").unwrap(), 1_701_561_600);
        assert_eq!(read("1701561600.9").unwrap(), 1_701_561_600);
        assert_eq!(read("\"2023-12-03\"").unwrap(), 1_701_561_600);
        assert!(read("\"soon\"")
            .unwrap_err()
            .to_string()
            .contains("ISO-8601"));
        assert!(read("true").is_err());
        assert!(read("1e300").is_err());
        assert_eq!(serde_json::to_string(&UnixTime(5)).unwrap(), "5");
    }

    #[test]
    fn displays_dates() {
        assert_eq!(UnixTime(1_701_561_600).to_ymd(), "2023-12-03");
        assert_eq!(UnixTime(1_704_519_039).to_string(), "2024-01-06T05:30:39Z");
        assert_eq!(UnixTime(-1).to_string(), "1969-12-31T23:59:59Z");
        assert_eq!(
            UnixTime(1_704_519_039).start_of_day().to_ymd(),
            "2024-01-06"
        );
        assert_eq!(UnixTime::from_ymd(2024, 2, 30), None);
    }

    #[test]
    fn calendar_round_trips_over_many_days() {
        // Year 0 to 9999: the span four-digit ISO years can write.
        for days in (-719_000..2_900_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
            assert_eq!(
                UnixTime::parse_iso(&UnixTime(days * DAY + 3723).to_string())
                    .unwrap()
                    .0,
                days * DAY + 3723
            );
        }
    }
}

//! Dates and money as people read them, for the PDFs and the application page.
//!
//! Dates are shown in UTC: the API's times are bare Unix seconds with no zone, and
//! UTC keeps a document identical wherever the sandbox runs.

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Year, month (1–12) and day of a Unix time, in UTC.
pub fn civil(unix: i64) -> (i64, u32, u32) {
    // Howard Hinnant's days-to-civil algorithm: exact for the proleptic Gregorian
    // calendar, no date crate needed.
    let z = unix.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `Dec 3, 2023`.
pub fn date_long(unix: i64) -> String {
    let (year, month, day) = civil(unix);
    format!("{} {day}, {year}", MONTHS[month as usize - 1])
}

/// `12/03/2023`, as insurance forms print dates.
pub fn date_us(unix: i64) -> String {
    let (year, month, day) = civil(unix);
    format!("{month:02}/{day:02}/{year}")
}

/// `$1,000,000` for whole dollars, `$16.25` otherwise.
pub fn dollars(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    let whole = group(cents / 100);
    match cents % 100 {
        0 => format!("{sign}${whole}"),
        rest => format!("{sign}${whole}.{rest:02}"),
    }
}

/// A net rate (cents per $100 of pay) as `$0.65 per $100`.
pub fn rate(net_rate: u32) -> String {
    format!("${}.{:02} per $100", net_rate / 100, net_rate % 100)
}

/// `1234567` → `1,234,567`.
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_match_the_seed_guides_quote() {
        // The seed guide's quote: effective 1701561600, end 1701907200.
        assert_eq!(date_long(1_701_561_600), "Dec 3, 2023");
        assert_eq!(date_long(1_701_907_200), "Dec 7, 2023");
        assert_eq!(date_us(1_701_561_600), "12/03/2023");
        assert_eq!(date_long(0), "Jan 1, 1970");
        assert_eq!(date_long(951_782_400), "Feb 29, 2000");
        assert_eq!(date_long(-86_400), "Dec 31, 1969");
    }

    #[test]
    fn money_reads_like_money() {
        assert_eq!(dollars(100_000_000), "$1,000,000");
        assert_eq!(dollars(1625), "$16.25");
        assert_eq!(dollars(5), "$0.05");
        assert_eq!(dollars(-123_456), "-$1,234.56");
        assert_eq!(rate(65), "$0.65 per $100");
        assert_eq!(rate(170), "$1.70 per $100");
    }
}

//! Date formats used by OSS, as pure functions of Unix seconds.
//!
//! The core never reads the clock: callers pass the signing instant in.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Whole seconds since the Unix epoch, flooring any sub-second part (before 1970 is 0).
pub fn unix_seconds(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The instant `secs` seconds after the Unix epoch.
pub fn from_unix_seconds(secs: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(secs)
}

/// (year, month 1-12, day 1-31) of a day count since 1970-01-01 (Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

struct Parts {
    year: i64,
    month: u32,
    day: u32,
    hour: u64,
    minute: u64,
    second: u64,
    weekday: usize,
}

fn parts(secs: u64) -> Parts {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    Parts {
        year,
        month,
        day,
        hour: rem / 3600,
        minute: rem % 3600 / 60,
        second: rem % 60,
        weekday: (days % 7) as usize,
    }
}

/// RFC 1123 form used by the `Date` header and the V1 string to sign:
/// `Wed, 28 Dec 2022 10:27:41 GMT` (two-digit day, English names).
///
/// ```
/// assert_eq!(ossio_core::time::rfc1123(1672223261), "Wed, 28 Dec 2022 10:27:41 GMT");
/// ```
pub fn rfc1123(secs: u64) -> String {
    let p = parts(secs);
    let mut s = String::with_capacity(29);
    s.push_str(DAYS[p.weekday]);
    s.push_str(", ");
    push2(&mut s, u64::from(p.day));
    s.push(' ');
    s.push_str(MONTHS[(p.month - 1) as usize]);
    s.push(' ');
    push4(&mut s, p.year);
    s.push(' ');
    push2(&mut s, p.hour);
    s.push(':');
    push2(&mut s, p.minute);
    s.push(':');
    push2(&mut s, p.second);
    s.push_str(" GMT");
    s
}

// Signing formats two dates per request: plain digit pushes instead of `format!`.
fn push2(s: &mut String, v: u64) {
    s.push((b'0' + (v / 10 % 10) as u8) as char);
    s.push((b'0' + (v % 10) as u8) as char);
}

fn push4(s: &mut String, v: i64) {
    if !(0..=9999).contains(&v) {
        s.push_str(&v.to_string());
        return;
    }
    push2(s, (v / 100) as u64);
    push2(s, (v % 100) as u64);
}

/// ISO 8601 basic form used by V4: `20231216T162057Z`.
///
/// ```
/// assert_eq!(ossio_core::time::iso8601(1702743657), "20231216T162057Z");
/// ```
pub fn iso8601(secs: u64) -> String {
    let p = parts(secs);
    let mut s = String::with_capacity(16);
    push4(&mut s, p.year);
    push2(&mut s, u64::from(p.month));
    push2(&mut s, u64::from(p.day));
    s.push('T');
    push2(&mut s, p.hour);
    push2(&mut s, p.minute);
    push2(&mut s, p.second);
    s.push('Z');
    s
}

/// ISO 8601 extended form used in XML documents: `2023-12-16T16:20:57.000Z`.
pub fn iso8601_extended(secs: u64) -> String {
    let p = parts(secs);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.000Z",
        p.year, p.month, p.day, p.hour, p.minute, p.second
    )
}

fn num(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn to_secs(year: u64, month: u64, day: u64, h: u64, m: u64, s: u64) -> Option<u64> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days = days_from_civil(year as i64, month as u32, day as u32);
    if days < 0 {
        return None;
    }
    Some(days as u64 * 86_400 + h * 3600 + m * 60 + s)
}

/// Parses the RFC 1123 form (`Wed, 28 Dec 2022 10:27:41 GMT`); `None` if it is not one.
pub fn parse_rfc1123(s: &str) -> Option<u64> {
    if !s.is_ascii() {
        return None;
    }
    let mut it = s.split_ascii_whitespace();
    let _weekday = it.next()?;
    let day = num(it.next()?)?;
    let month_name = it.next()?;
    let month = MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(month_name))? as u64
        + 1;
    let year = num(it.next()?)?;
    let mut hms = it.next()?.split(':');
    let (h, m, sec) = (num(hms.next()?)?, num(hms.next()?)?, num(hms.next()?)?);
    if hms.next().is_some() || it.next()? != "GMT" || it.next().is_some() {
        return None;
    }
    to_secs(year, month, day, h, m, sec)
}

/// Parses the ISO 8601 basic form (`20231216T162057Z`); `None` if it is not one.
pub fn parse_iso8601(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    // Byte offsets below slice the string: only ASCII makes them character boundaries.
    if !s.is_ascii() || b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    to_secs(
        num(&s[0..4])?,
        num(&s[4..6])?,
        num(&s[6..8])?,
        num(&s[9..11])?,
        num(&s[11..13])?,
        num(&s[13..15])?,
    )
}

/// Parses the ISO 8601 extended form OSS writes in XML (`2023-12-16T16:20:57.000Z`, the
/// fraction optional); `None` if it is not one.
pub fn parse_iso8601_extended(s: &str) -> Option<u64> {
    if !s.is_ascii() {
        return None;
    }
    let b = s.as_bytes();
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let rest = &s[19..];
    let frac_ok = rest == "Z"
        || rest
            .strip_prefix('.')
            .and_then(|r| r.strip_suffix('Z'))
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit()));
    if !frac_ok {
        return None;
    }
    to_secs(
        num(&s[0..4])?,
        num(&s[5..7])?,
        num(&s[8..10])?,
        num(&s[11..13])?,
        num(&s[14..16])?,
        num(&s[17..19])?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_round_trip() {
        for secs in [
            0u64,
            951_782_400,
            1_672_223_261,
            1_702_743_657,
            4_102_444_800,
        ] {
            assert_eq!(parse_rfc1123(&rfc1123(secs)), Some(secs));
            assert_eq!(parse_iso8601(&iso8601(secs)), Some(secs));
        }
        assert_eq!(rfc1123(1_701_475_200), "Sat, 02 Dec 2023 00:00:00 GMT");
        assert_eq!(iso8601_extended(1_702_743_657), "2023-12-16T16:20:57.000Z");
        assert_eq!(
            parse_iso8601_extended("2023-12-16T16:20:57.000Z"),
            Some(1_702_743_657)
        );
        assert_eq!(
            parse_iso8601_extended("2023-12-16T16:20:57Z"),
            Some(1_702_743_657)
        );
        assert_eq!(parse_iso8601_extended("2023-12-16T16:20:57.Z"), None);
        assert_eq!(parse_iso8601_extended("2023-12-16 16:20:57Z"), None);
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "",
            "Wed, 28 Dec 2022 10:27:41",
            "Wed, 28 Foo 2022 10:27:41 GMT",
            "x",
        ] {
            assert_eq!(parse_rfc1123(bad), None, "{bad}");
        }
        assert_eq!(parse_iso8601_extended("2023-12-16T16:20:5é.000Z"), None);
        assert_eq!(parse_rfc1123("Wed, 28 Dec 2022 10:27:4é GMT"), None);
        for bad in [
            "20231216T162057",
            "2023121XT162057Z",
            "20231316T162057Z",
            "2023é216T16205Z",
        ] {
            assert_eq!(parse_iso8601(bad), None, "{bad}");
        }
    }
}

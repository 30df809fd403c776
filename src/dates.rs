//! Time: the build clock, front-matter dates in the site's zone, and Thai formatting.

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc,
};
use chrono_tz::Tz;

/// Years from this one are taken to be Buddhist Era typed by mistake...
const FIRST_BE_LOOKING_YEAR: i32 = 2400;
/// ...up to this one (C.E. 2156). Later years are no plausible B.E. date of a
/// notice: they are read as "far future", so `expires = 9999-12-31` means "does not
/// expire".
const LAST_BE_LOOKING_YEAR: i32 = 2699;

/// Why `year` is refused as a Buddhist Era year typed where the Common Era is
/// expected, or `None`.
pub fn buddhist_year_problem(year: i32) -> Option<String> {
    (FIRST_BE_LOOKING_YEAR..=LAST_BE_LOOKING_YEAR)
        .contains(&year)
        .then(|| {
            crate::messages::BUDDHIST_YEAR.say(&[
                ("year", &year.to_string()),
                ("ce", &(year - BE_OFFSET).to_string()),
            ])
        })
}
/// B.E. = C.E. + 543.
pub const BE_OFFSET: i32 = 543;

/// Parses `--now` (RFC 3339, e.g. `2026-06-01T12:00:00+07:00`).
pub fn parse_now(text: &str) -> Result<DateTime<FixedOffset>, String> {
    let at = DateTime::parse_from_rfc3339(text.trim()).map_err(|e| {
        format!("`{text}` is not an RFC 3339 time ({e}); write it like 2026-06-01T12:00:00+07:00")
    })?;
    // A Buddhist Era clock would take every item down: refuse it as front matter does.
    match buddhist_year_problem(at.year()) {
        Some(why) => Err(why),
        None => Ok(at),
    }
}

/// The current time, read once per run.
pub fn now() -> DateTime<FixedOffset> {
    Utc::now().fixed_offset()
}

/// Midnight at the start of `date` in the site's time zone.
pub fn start_of_day(date: NaiveDate, tz: Tz) -> DateTime<FixedOffset> {
    local(date.and_time(NaiveTime::MIN), tz)
}

/// A wall-clock time in the site's zone (Asia/Bangkok has no DST gaps; elsewhere
/// the earliest valid reading is used).
pub fn local(naive: NaiveDateTime, tz: Tz) -> DateTime<FixedOffset> {
    tz.from_local_datetime(&naive)
        .earliest()
        .unwrap_or_else(|| tz.from_utc_datetime(&naive))
        .fixed_offset()
}

/// A front-matter date as written: a day, a local time, or a time with an offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrittenDate {
    Day(NaiveDate),
    Local(NaiveDateTime),
    Offset(DateTime<FixedOffset>),
}

impl WrittenDate {
    /// Reads a TOML datetime; the error says what to write instead.
    pub fn from_toml(value: &toml::value::Datetime) -> Result<WrittenDate, String> {
        let Some(d) = value.date else {
            return Err(crate::messages::DATE_WITHOUT_DAY.say(&[("value", &value.to_string())]));
        };
        let year = i32::from(d.year);
        if let Some(why) = buddhist_year_problem(year) {
            return Err(why);
        }
        let date = NaiveDate::from_ymd_opt(year, u32::from(d.month), u32::from(d.day))
            .ok_or_else(|| crate::messages::DATE_NOT_REAL.say(&[("value", &value.to_string())]))?;
        let Some(t) = value.time else {
            return Ok(WrittenDate::Day(date));
        };
        let time = NaiveTime::from_hms_nano_opt(
            u32::from(t.hour),
            u32::from(t.minute),
            u32::from(t.second.unwrap_or(0)),
            t.nanosecond.unwrap_or(0),
        )
        .ok_or_else(|| crate::messages::TIME_NOT_REAL.say(&[("value", &value.to_string())]))?;
        let naive = date.and_time(time);
        match value.offset {
            None => Ok(WrittenDate::Local(naive)),
            Some(toml::value::Offset::Z) => Ok(WrittenDate::Offset(naive.and_utc().fixed_offset())),
            Some(toml::value::Offset::Custom { minutes }) => {
                let offset = FixedOffset::east_opt(i32::from(minutes) * 60)
                    .ok_or_else(|| format!("`{value}` has an impossible offset"))?;
                offset
                    .from_local_datetime(&naive)
                    .single()
                    .map(WrittenDate::Offset)
                    .ok_or_else(|| format!("`{value}` is not a real time"))
            }
        }
    }

    /// The instant this means in the site's time zone.
    pub fn instant(self, tz: Tz) -> DateTime<FixedOffset> {
        match self {
            WrittenDate::Day(date) => start_of_day(date, tz),
            WrittenDate::Local(naive) => local(naive, tz),
            WrittenDate::Offset(at) => at,
        }
    }
}

const MONTHS_FULL: [&str; 12] = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
];
/// Thai month abbreviations (ม.ค. … ธ.ค.), for dates and chart labels.
pub const MONTHS_SHORT: [&str; 12] = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// How much of a date to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    /// 26 พฤศจิกายน 2569
    Full,
    /// 26 พ.ย. 69
    Short,
    /// 26 พฤศจิกายน 2569 เวลา 08.30 น. (Thai writes the hour and minute with a dot)
    DateTime,
    /// พฤศจิกายน 2569
    Month,
}

impl DateForm {
    pub fn parse(name: &str) -> Option<DateForm> {
        Some(match name {
            "full" => DateForm::Full,
            "short" => DateForm::Short,
            "datetime" => DateForm::DateTime,
            "month" => DateForm::Month,
            _ => return None,
        })
    }
}

/// A date in Thai: Buddhist Era year, Thai month names, optionally Thai digits.
pub fn thai_date(at: DateTime<FixedOffset>, tz: Tz, form: DateForm, thai_digits: bool) -> String {
    let at = at.with_timezone(&tz);
    let month = at.month0() as usize;
    let year = at.year() + BE_OFFSET;
    let text = match form {
        DateForm::Full => format!("{} {} {}", at.day(), MONTHS_FULL[month], year),
        DateForm::Short => format!("{} {} {:02}", at.day(), MONTHS_SHORT[month], year % 100),
        DateForm::DateTime => {
            format!(
                "{} {} {} เวลา {:02}.{:02} น.",
                at.day(),
                MONTHS_FULL[month],
                year,
                at.hour(),
                at.minute()
            )
        }
        DateForm::Month => format!("{} {}", MONTHS_FULL[month], year),
    };
    if thai_digits {
        to_thai_digits(&text)
    } else {
        text
    }
}

/// A date in English with the Common Era year.
pub fn english_date(at: DateTime<FixedOffset>, tz: Tz, form: DateForm) -> String {
    let at = at.with_timezone(&tz);
    let month = MONTHS_EN[at.month0() as usize];
    match form {
        DateForm::Full => format!("{} {} {}", at.day(), month, at.year()),
        DateForm::Short => format!("{} {} {}", at.day(), &month[..3], at.year()),
        DateForm::DateTime => format!(
            "{} {} {}, {:02}:{:02}",
            at.day(),
            month,
            at.year(),
            at.hour(),
            at.minute()
        ),
        DateForm::Month => format!("{} {}", month, at.year()),
    }
}

/// How people read the end of a period that stops at `end` (exclusive, like
/// `expires`): at 00:00 the last day shown is the day before ("until 8 December"
/// for an item gone at 00:00 on 9 December); at any other time, the exact time.
/// Returns the instant to print and whether to print its time of day.
pub fn last_shown(end: DateTime<FixedOffset>, tz: Tz) -> (DateTime<FixedOffset>, bool) {
    let local = end.with_timezone(&tz);
    if local.time() == NaiveTime::MIN {
        let day_before = local.date_naive().pred_opt().unwrap_or(local.date_naive());
        (start_of_day(day_before, tz), false)
    } else {
        (end, true)
    }
}

/// The end of a period in Thai: the last day shown, or the exact time.
pub fn thai_until(end: DateTime<FixedOffset>, tz: Tz, thai_digits: bool) -> String {
    match last_shown(end, tz) {
        (day, false) => thai_date(day, tz, DateForm::Full, thai_digits),
        (at, true) => thai_date(at, tz, DateForm::DateTime, thai_digits),
    }
}

/// The end of a period in English: the last day shown, or the exact time.
pub fn english_until(end: DateTime<FixedOffset>, tz: Tz) -> String {
    match last_shown(end, tz) {
        (day, false) => english_date(day, tz, DateForm::Full),
        (at, true) => english_date(at, tz, DateForm::DateTime),
    }
}

/// Replaces 0–9 with Thai digits ๐–๙.
pub fn to_thai_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32('๐' as u32 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The Thai fiscal year (B.E.) that `at` falls in: it starts on 1 October.
pub fn fiscal_year_be(at: DateTime<FixedOffset>, tz: Tz) -> i32 {
    let at = at.with_timezone(&tz);
    let year = if at.month() >= 10 {
        at.year() + 1
    } else {
        at.year()
    };
    year + BE_OFFSET
}

// ---- `--now` as a plain day (2026-12-01 = 00:00 in the site's zone) ----

/// The `--now` clock as written: a day (`2026-12-01`, midnight in `tz`, as front
/// matter reads a day) or a time with an offset (RFC 3339).
pub fn parse_now_in(text: &str, tz: Tz) -> Result<DateTime<FixedOffset>, String> {
    let trimmed = text.trim();
    match NaiveDate::parse_from_str(trimmed, "%Y-%m-%d") {
        Ok(day) if day.year() >= 2400 => Err(format!(
            "`{text}` ดูเหมือนปี พ.ศ.: เขียนปี ค.ศ. เช่น {}-{:02}-{:02} / `{text}` looks like a Buddhist Era year; write the Common Era year, e.g. {}-{:02}-{:02}",
            day.year() - BE_OFFSET,
            day.month(),
            day.day(),
            day.year() - BE_OFFSET,
            day.month(),
            day.day()
        )),
        Ok(day) => Ok(start_of_day(day, tz)),
        Err(_) if trimmed.len() == 10 => Err(format!(
            "`{text}` ไม่ใช่วันที่ / is not a date; write it like 2026-12-01 (00:00 site time) or 2026-12-01T08:30:00+07:00"
        )),
        Err(_) => parse_now(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toml_date(s: &str) -> toml::value::Datetime {
        s.parse().unwrap()
    }

    #[test]
    fn date_only_means_bangkok_midnight_whatever_the_machine_zone() {
        let d = WrittenDate::from_toml(&toml_date("2026-12-31")).unwrap();
        let at = d.instant(chrono_tz::Asia::Bangkok);
        assert_eq!(at.to_rfc3339(), "2026-12-31T00:00:00+07:00");
        assert_eq!(
            at.with_timezone(&Utc).to_rfc3339(),
            "2026-12-30T17:00:00+00:00"
        );
    }

    #[test]
    fn local_time_is_read_in_site_zone_and_offsets_are_kept() {
        let tz = chrono_tz::Asia::Bangkok;
        let local = WrittenDate::from_toml(&toml_date("2026-11-21T08:30:00")).unwrap();
        assert_eq!(local.instant(tz).to_rfc3339(), "2026-11-21T08:30:00+07:00");
        let utc = WrittenDate::from_toml(&toml_date("2026-11-21T01:30:00Z")).unwrap();
        assert_eq!(utc.instant(tz), local.instant(tz));
    }

    #[test]
    fn buddhist_era_year_is_explained() {
        let e = WrittenDate::from_toml(&toml_date("2569-12-31")).unwrap_err();
        assert!(e.contains("Buddhist Era") && e.contains("2026"), "{e}");
    }

    #[test]
    fn thai_formats() {
        let at = parse_now("2026-11-26T08:05:00+07:00").unwrap();
        let tz = chrono_tz::Asia::Bangkok;
        assert_eq!(thai_date(at, tz, DateForm::Full, false), "26 พฤศจิกายน 2569");
        assert_eq!(thai_date(at, tz, DateForm::Short, false), "26 พ.ย. 69");
        assert_eq!(
            thai_date(at, tz, DateForm::DateTime, false),
            "26 พฤศจิกายน 2569 เวลา 08.05 น."
        );
        assert_eq!(thai_date(at, tz, DateForm::Full, true), "๒๖ พฤศจิกายน ๒๕๖๙");
        assert_eq!(english_date(at, tz, DateForm::Full), "26 November 2026");
    }

    #[test]
    fn the_end_of_a_period_is_the_last_day_shown() {
        let tz = chrono_tz::Asia::Bangkok;
        // Gone at 00:00 on 9 December: shown until 8 December.
        let midnight = parse_now("2026-12-09T00:00:00+07:00").unwrap();
        assert_eq!(thai_until(midnight, tz, false), "8 ธันวาคม 2569");
        assert_eq!(thai_until(midnight, tz, true), "๘ ธันวาคม ๒๕๖๙");
        assert_eq!(english_until(midnight, tz), "8 December 2026");
        // Midnight in UTC is 07:00 in Bangkok: an exact time, not a day.
        let utc_midnight = parse_now("2026-12-09T00:00:00Z").unwrap();
        assert_eq!(
            thai_until(utc_midnight, tz, false),
            "9 ธันวาคม 2569 เวลา 07.00 น."
        );
        let noon = parse_now("2026-12-09T12:00:00+07:00").unwrap();
        assert_eq!(thai_until(noon, tz, false), "9 ธันวาคม 2569 เวลา 12.00 น.");
        assert_eq!(english_until(noon, tz), "9 December 2026, 12:00");
        // A new year: gone on 1 January, shown until 31 December of the year before.
        let new_year = parse_now("2027-01-01T00:00:00+07:00").unwrap();
        assert_eq!(thai_until(new_year, tz, false), "31 ธันวาคม 2569");
    }

    #[test]
    fn fiscal_year_starts_in_october() {
        let tz = chrono_tz::Asia::Bangkok;
        assert_eq!(
            fiscal_year_be(parse_now("2026-09-30T23:59:59+07:00").unwrap(), tz),
            2569
        );
        assert_eq!(
            fiscal_year_be(parse_now("2026-10-01T00:00:00+07:00").unwrap(), tz),
            2570
        );
        // 30 Sep 17:30 UTC is already 1 Oct in Bangkok.
        assert_eq!(
            fiscal_year_be(parse_now("2026-09-30T17:30:00Z").unwrap(), tz),
            2570
        );
    }

    #[test]
    fn buddhist_years_are_refused_far_future_is_not() {
        let e = parse_now("2569-06-01T12:00:00+07:00").unwrap_err();
        assert!(e.contains("2026") && e.contains("พ.ศ."), "{e}");
        assert!(parse_now("9999-12-31T00:00:00+07:00").is_ok());
        let never: toml::value::Datetime = "9999-12-31".parse().unwrap();
        assert!(WrittenDate::from_toml(&never).is_ok());
        let be: toml::value::Datetime = "2569-12-31".parse().unwrap();
        assert!(
            WrittenDate::from_toml(&be)
                .unwrap_err()
                .contains("9999-12-31")
        );
        let far: toml::value::Datetime = "2700-01-01".parse().unwrap();
        assert!(WrittenDate::from_toml(&far).is_ok());
    }

    #[test]
    fn now_may_be_a_plain_day_in_the_site_zone() {
        let bangkok = chrono_tz::Asia::Bangkok;
        assert_eq!(
            parse_now_in("2026-12-01", bangkok).map(|t| t.to_rfc3339()),
            Ok("2026-12-01T00:00:00+07:00".to_string())
        );
        assert_eq!(
            parse_now_in("2026-12-01T08:30:00+07:00", bangkok).map(|t| t.to_rfc3339()),
            Ok("2026-12-01T08:30:00+07:00".to_string())
        );
        assert_eq!(
            parse_now_in("2026-12-01", chrono_tz::UTC).map(|t| t.to_rfc3339()),
            Ok("2026-12-01T00:00:00+00:00".to_string())
        );
        assert!(parse_now_in("2569-12-01", bangkok).is_err_and(|e| e.contains("2026-12-01")));
        assert!(parse_now_in("2026-13-01", bangkok).is_err());
        assert!(parse_now_in("tomorrow", bangkok).is_err());
    }
}

//! Thai in Latin letters by the Royal Thai General System of Transcription (RTGS),
//! for readable file names and addresses: `ประกาศรับสมัคร` → `prakatrapsamak`.
//!
//! No crate does this, so it is a small table of our own and a syllable reader:
//! leading vowels (เ แ โ ใ ไ), an initial consonant or cluster (กร, ปล, silent ห or อ
//! before a sonorant), the vowel, and a final consonant in its final value (ด → t,
//! ร → n). A consonant under ์ (thanthakhat) is silent. Thai spelling cannot be read
//! exactly without a dictionary (where syllables break, whether ร is silent), so
//! this is an approximation; `khaosan new --slug` gives an exact name.

/// The Latin spelling of `text`: Thai words romanised, other characters kept.
pub fn romanise(text: &str) -> String {
    let chars = without_silent(text);
    let mut out = String::new();
    let mut i = 0;
    let mut last_had_final = false;
    while i < chars.len() {
        let c = chars[i];
        if let Some(digit) = thai_digit(c) {
            out.push(digit);
            i += 1;
            last_had_final = false;
            continue;
        }
        if !is_thai(c) {
            out.push(c);
            i += 1;
            last_had_final = false;
            continue;
        }
        if !is_consonant(c) && !is_leading(c) {
            // A stray mark, ๆ or ฯ, or a vowel with nothing to carry it.
            if c == 'ฤ' {
                out.push_str("rue");
            }
            i += 1;
            continue;
        }
        // A lone consonant ending a word after a closed syllable is silent (สมัคร).
        if is_consonant(c)
            && last_had_final
            && chars.get(i + 1).is_none_or(|n| !is_thai(*n))
            && !matches!(c, 'อ')
        {
            i += 1;
            continue;
        }
        // ร closing a cluster after a closed syllable, with no vowel of its own, is
        // silent (สมัคร, บัตร); after other finals it starts a syllable (ขับรถ).
        if c == 'ร'
            && last_had_final
            && i > 0
            && matches!(chars[i - 1], 'ก' | 'ค' | 'ต' | 'ท' | 'ป')
            && !chars
                .get(i + 1)
                .is_some_and(|n| is_following(*n) || matches!(n, 'อ' | 'ร' | 'ว'))
        {
            i += 1;
            continue;
        }
        let (syllable, next, had_final) = syllable(&chars, i);
        out.push_str(&syllable);
        last_had_final = had_final;
        i = next.max(i + 1);
    }
    out
}

/// Reads one syllable at `start`: its Latin spelling, where the next one starts and
/// whether it ended in a final consonant.
fn syllable(chars: &[char], start: usize) -> (String, usize, bool) {
    let at = |k: usize| chars.get(k).copied();
    let mut i = start;
    let lead = at(i).filter(|c| is_leading(*c));
    if lead.is_some() {
        i += 1;
    }
    let Some(first) = at(i).filter(|c| is_consonant(*c)) else {
        return (
            lead.map(lead_vowel).unwrap_or_default().to_string(),
            i,
            false,
        );
    };
    i += 1;
    // The initial: silent ห or อ before a sonorant, or a cluster with ร ล ว.
    let mut initial = initial_of(first).to_string();
    if let Some(second) = at(i).filter(|c| is_consonant(*c)) {
        let then = at(i + 1);
        let carries =
            then.is_some_and(|t| is_following(t) || t == 'อ' || t == 'ว') || lead.is_some();
        if (first == 'ห' && is_sonorant(second)) || (first == 'อ' && second == 'ย') {
            initial = initial_of(second).to_string();
            i += 1;
        } else if carries && matches!(second, 'ร' | 'ล' | 'ว') && is_cluster(first, second) {
            initial = match (first, second) {
                ('ท' | 'ส' | 'ศ' | 'ซ', 'ร') => "s".to_string(),
                _ => format!("{initial}{}", initial_of(second)),
            };
            i += 1;
        }
    }
    // The vowel.
    let mut vowel: Option<&str> = None;
    let mut closed = false; // a vowel that takes no final consonant
    match (lead, at(i), at(i + 1)) {
        (None, Some('ร'), Some('ร')) => {
            i += 2;
            let final_follows =
                at(i).is_some_and(is_consonant) && !at(i + 1).is_some_and(is_following);
            vowel = Some(if final_follows { "a" } else { "an" });
        }
        (None, Some('ั'), Some('ว')) => {
            vowel = Some("ua");
            i += 2;
        }
        (None, Some('ั'), Some('ย')) => {
            vowel = Some("ai");
            i += 2;
            closed = true;
        }
        (Some('เ'), Some('ี'), Some('ย')) => {
            vowel = Some("ia");
            i += 2;
        }
        (Some('เ'), Some('ื'), Some('อ')) => {
            vowel = Some("uea");
            i += 2;
        }
        (Some('เ'), Some('ิ'), _) => {
            vowel = Some("oe");
            i += 1;
        }
        (Some('เ'), Some('า'), Some('ะ')) => {
            vowel = Some("o");
            i += 2;
            closed = true;
        }
        (Some('เ'), Some('า'), _) => {
            vowel = Some("ao");
            i += 1;
            closed = true;
        }
        (Some('เ'), Some('อ'), _) => {
            vowel = Some("oe");
            i += 1;
        }
        (None, Some('อ'), next) if !next.is_some_and(is_following) => {
            vowel = Some("o");
            i += 1;
        }
        (None, Some('ว'), Some(next))
            if is_consonant(next) && !at(i + 2).is_some_and(is_following) =>
        {
            vowel = Some("ua");
            i += 1;
        }
        (_, Some(v), _) if is_following(v) => {
            vowel = Some(match v {
                'ั' | 'ะ' | 'า' => "a",
                'ำ' => "am",
                'ิ' | 'ี' => "i",
                'ึ' | 'ื' => "ue",
                'ุ' | 'ู' => "u",
                _ => "",
            });
            closed = matches!(v, 'ำ' | 'ะ');
            i += 1;
            if at(i) == Some('า') && v == 'ั' {
                i += 1;
            }
            // มือ, ถือ: the อ only carries the vowel ื.
            if at(i) == Some('อ') && v == 'ื' {
                i += 1;
            }
        }
        _ => {}
    }
    if vowel.is_none()
        && let Some(l) = lead
    {
        vowel = Some(lead_vowel(l));
        closed = matches!(l, 'ใ' | 'ไ');
    }
    if lead.is_some() && at(i) == Some('ะ') {
        i += 1;
        closed = true;
    }
    // The final consonant: one that no vowel follows.
    let mut fin = "";
    if !closed
        && let Some(c) = at(i).filter(|c| is_consonant(*c))
        && !at(i + 1).is_some_and(|n| {
            is_following(n) || (n == 'อ' && c != 'อ' && !starts_syllable(at(i + 2)))
        })
        && !(vowel.is_none() && at(i + 1).is_some_and(|n| n == 'ว' || n == 'ร'))
        && c != 'อ'
    {
        fin = final_of(c);
        i += 1;
    }
    let vowel = vowel.unwrap_or(if fin.is_empty() { "a" } else { "o" });
    (format!("{initial}{vowel}{fin}"), i, !fin.is_empty())
}

/// The text as characters, with tone marks, ็ and every consonant silenced by ์ gone.
fn without_silent(text: &str) -> Vec<char> {
    let mut chars: Vec<char> = Vec::new();
    for c in text.chars() {
        match c {
            '่' | '้' | '๊' | '๋' | '็' | 'ํ' | 'ๆ' | 'ฯ' => {}
            '์' => {
                // The consonant (with its vowel mark) under ์ is not read…
                while chars.last().is_some_and(|c| matches!(c, 'ิ' | 'ุ')) {
                    chars.pop();
                }
                chars.pop();
                // …nor one before it that closes the syllable already (จันทร์).
                let n = chars.len();
                if n >= 3
                    && is_consonant(chars[n - 1])
                    && is_consonant(chars[n - 2])
                    && is_following(chars[n - 3])
                {
                    chars.pop();
                }
            }
            c => chars.push(c),
        }
    }
    chars
}

/// An อ followed by this starts a syllable of its own (ออก, อา), not a vowel of
/// the consonant before it.
fn starts_syllable(after: Option<char>) -> bool {
    after.is_some_and(|c| c == 'อ' || is_following(c))
}

fn is_thai(c: char) -> bool {
    ('\u{0E01}'..='\u{0E5B}').contains(&c)
}

fn is_consonant(c: char) -> bool {
    ('ก'..='ฮ').contains(&c) && c != 'ฤ' && c != 'ฦ'
}

fn is_leading(c: char) -> bool {
    matches!(c, 'เ' | 'แ' | 'โ' | 'ใ' | 'ไ')
}

/// Vowels written after (or above, below) the initial consonant.
fn is_following(c: char) -> bool {
    matches!(c, 'ะ' | 'ั' | 'า' | 'ำ' | 'ิ' | 'ี' | 'ึ' | 'ื' | 'ุ' | 'ู' | 'ๅ')
}

/// Low consonants a silent ห or อ may lead.
fn is_sonorant(c: char) -> bool {
    matches!(c, 'ง' | 'ญ' | 'น' | 'ม' | 'ย' | 'ร' | 'ล' | 'ว')
}

fn is_cluster(first: char, second: char) -> bool {
    match second {
        'ร' => matches!(
            first,
            'ก' | 'ข'
                | 'ค'
                | 'ต'
                | 'ป'
                | 'พ'
                | 'ผ'
                | 'บ'
                | 'ด'
                | 'ฟ'
                | 'ท'
                | 'ส'
                | 'ศ'
        ),
        'ล' => matches!(first, 'ก' | 'ข' | 'ค' | 'ป' | 'พ' | 'ผ' | 'บ' | 'ฟ'),
        'ว' => matches!(first, 'ก' | 'ข' | 'ค'),
        _ => false,
    }
}

fn lead_vowel(lead: char) -> &'static str {
    match lead {
        'เ' => "e",
        'แ' => "ae",
        'โ' => "o",
        _ => "ai",
    }
}

fn thai_digit(c: char) -> Option<char> {
    ('๐'..='๙')
        .contains(&c)
        .then(|| char::from(b'0' + (c as u32 - '๐' as u32) as u8))
}

/// RTGS value of a consonant at the start of a syllable.
fn initial_of(c: char) -> &'static str {
    match c {
        'ก' => "k",
        'ข' | 'ฃ' | 'ค' | 'ฅ' | 'ฆ' => "kh",
        'ง' => "ng",
        'จ' | 'ฉ' | 'ช' | 'ฌ' => "ch",
        'ซ' | 'ศ' | 'ษ' | 'ส' => "s",
        'ญ' | 'ย' => "y",
        'ฎ' | 'ด' => "d",
        'ฏ' | 'ต' => "t",
        'ฐ' | 'ฑ' | 'ฒ' | 'ถ' | 'ท' | 'ธ' => "th",
        'ณ' | 'น' => "n",
        'บ' => "b",
        'ป' => "p",
        'ผ' | 'พ' | 'ภ' => "ph",
        'ฝ' | 'ฟ' => "f",
        'ม' => "m",
        'ร' => "r",
        'ล' | 'ฬ' => "l",
        'ว' => "w",
        'ห' | 'ฮ' => "h",
        _ => "", // อ carries a vowel and is not heard
    }
}

/// RTGS value of a consonant closing a syllable.
fn final_of(c: char) -> &'static str {
    match c {
        'ก' | 'ข' | 'ฃ' | 'ค' | 'ฅ' | 'ฆ' => "k",
        'ง' => "ng",
        'ญ' | 'ณ' | 'น' | 'ร' | 'ล' | 'ฬ' => "n",
        'ม' => "m",
        'ย' => "i",
        'ว' => "o",
        'บ' | 'ป' | 'พ' | 'ฟ' | 'ภ' => "p",
        'ห' | 'ฮ' | 'อ' | 'ผ' | 'ฝ' | 'ฉ' => "",
        _ => "t", // จ ช ซ ฌ ฎ ฏ ฐ ฑ ฒ ด ต ถ ท ธ ศ ษ ส
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_office_words() {
        for (thai, latin) in [
            ("ประกาศ", "prakat"),
            ("รับสมัคร", "rapsamak"),
            ("พนักงาน", "phanakngan"),
            ("ขับรถยนต์", "khaprotyon"),
            ("วัคซีน", "waksin"),
            ("ไข้หวัดใหญ่", "khaiwatyai"),
            ("โรคไข้เลือดออก", "rokkhailueatok"),
            ("ข่าว", "khao"),
            ("แมว", "maeo"),
            ("เรียน", "rian"),
            ("ตัว", "tua"),
            ("กลาง", "klang"),
            ("ครู", "khru"),
            ("ทราย", "sai"),
            ("หมอ", "mo"),
            ("อยู่", "yu"),
            ("คน", "khon"),
            ("กรรม", "kam"),
            ("จันทร์", "chan"),
            ("น้ำ", "nam"),
            ("เดิน", "doen"),
            ("เกาะ", "ko"),
            ("ใจ", "chai"),
            ("สมัครพนักงาน", "samakphanakngan"),
            ("บัตร", "bat"),
            ("ขับรถ", "khaprot"),
            ("คู่มือการขอข้อมูล", "khumuekankhokhomun"),
        ] {
            assert_eq!(romanise(thai), latin, "{thai}");
        }
    }

    #[test]
    fn other_text_and_digits_are_kept() {
        assert_eq!(romanise("ประกาศ PM2.5 ปี ๒๕๖๙"), "prakat PM2.5 pi 2569");
        assert_eq!(romanise(""), "");
        assert_eq!(romanise("่ๆ"), "");
    }

    #[test]
    fn any_thai_text_gives_ascii() {
        let text = "ฤดูฝน ฯลฯ เพื่อนร่วมงาน ศูนย์สุขภาพชุมชน ๆ ์ ั";
        assert!(romanise(text).is_ascii(), "{}", romanise(text));
    }
}

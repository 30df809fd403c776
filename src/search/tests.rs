//! Matching rules of part 2 of the search design, on a small index.

use super::*;

fn doc(title: &str, text: &str) -> Document {
    let data = DocData {
        t: title.into(),
        u: format!("/news/{}/", title.len()),
        s: String::new(),
        d: String::new(),
        x: String::new(),
    };
    Document::new(data, title.into(), text.into())
}

/// Ids 0.. in this order; the last is a list (section page).
fn index() -> Index {
    Index::build(
        vec![
            doc("เตือนภัยโรคไข้เลือดออกช่วงฤดูฝน", "กำจัดลูกน้ำยุงลาย"),
            doc("ประกาศผลการจัดซื้อจัดจ้าง", "แบบ สขร.๑ ประจำเดือน ปีงบประมาณ ๒๕๖๙"),
            doc("ประชุม อสม. ประจำเดือน", "ณ รพ.สต.บ้านดู่ สาธารณสุขมูลฐาน"),
            doc(
                "Flu vaccine for the elderly",
                "Free vaccines at the Café of the office",
            ),
            doc("แผนการจัดซื้อ", "การจัดจ้างที่ปรึกษา ไข้หวัดใหญ่ เเบบฟอร์มคำขอ"),
            doc("ข่าวทั่วไป", "ไม่มีคำค้น"),
        ],
        vec![doc("ข่าวประชาสัมพันธ์", "")],
    )
}

fn first(query: &str) -> Option<u32> {
    index().search(query).first().copied()
}

#[test]
fn word_inside_a_compound() {
    assert_eq!(index().search("ไข้เลือดออก"), [0]);
}

#[test]
fn prefix_of_a_word() {
    assert_eq!(index().search("สาธารณ"), [2]);
}

#[test]
fn compound_split_any_way() {
    assert_eq!(index().search("จัดซื้อจัดจ้าง"), [1]);
    // As two terms, both items have both words; the title hit comes first.
    assert_eq!(index().search("จัดซื้อ จัดจ้าง"), [1, 4]);
    assert_eq!(index().search("จัด ซื้อจัด จ้าง"), [1]);
}

#[test]
fn thai_and_arabic_digits_are_one() {
    assert_eq!(first("2569"), Some(1));
    assert_eq!(first("๒๕๖๙"), Some(1));
}

#[test]
fn two_sara_e_is_sara_ae() {
    assert_eq!(index().search("แบบฟอร์ม"), [4]);
    assert_eq!(index().search("เเบบฟอร์ม"), [4]);
}

#[test]
fn abbreviations_with_and_without_dots() {
    assert_eq!(index().search("อสม."), [2]);
    assert_eq!(index().search("อสม"), [2]);
    assert_eq!(index().search("รพ.สต."), [2]);
    assert_eq!(index().search("รพสต"), [2]);
    assert_eq!(index().search("สขร.1"), [1]);
    assert_eq!(index().search("สขร1"), [1]);
    assert_eq!(index().search("สขร.๑"), [1]);
}

#[test]
fn latin_case_diacritics_and_plurals() {
    assert_eq!(index().search("CAFE"), [3]);
    assert_eq!(index().search("café"), [3]);
    assert_eq!(index().search("vaccines"), [3]);
    assert_eq!(index().search("Flu Vaccine"), [3]);
}

#[test]
fn zero_width_characters_are_ignored() {
    assert_eq!(index().search("ไข้\u{200B}เลือดออก"), [0]);
}

#[test]
fn every_term_must_match() {
    assert_eq!(index().search("vaccine ไข้เลือดออก"), Vec::<u32>::new());
    assert_eq!(index().search("flu nonexistentword"), Vec::<u32>::new());
    assert!(index().search("").is_empty());
}

#[test]
fn title_and_whole_word_hits_rank_first() {
    // ประจำเดือน is in the title of 2 and the body of 1.
    assert_eq!(index().search("ประจำเดือน"), [2, 1]);
}

#[test]
fn items_rank_above_lists() {
    let found = index().search("ข่าว");
    assert_eq!(found, [5, 6]);
}

#[test]
fn ids_encode_as_gaps_or_a_bitmap() {
    assert_eq!(encode_ids(&[0, 1, 2], 1000), "AAA");
    assert_eq!(encode_ids(&[5], 1000), "F");
    assert_eq!(encode_ids(&[40], 1000), "oB");
    let dense: Vec<u32> = (0..100).step_by(2).collect();
    let encoded = encode_ids(&dense, 100);
    assert!(encoded.starts_with('!'), "{encoded}");
    // 100 documents: 13 bytes, 18 base-64 digits.
    assert_eq!(encoded.len(), 1 + 18);
    assert_eq!(&encoded[1..], format!("{}BQ", "V".repeat(16)));
}

#[test]
fn files_hold_every_posting_in_its_shard() {
    let index = index();
    let files = index.files("/");
    let meta: serde_json::Value = serde_json::from_slice(&files[0].1).expect("meta");
    let shards = meta["shards"].as_u64().expect("shards") as usize;
    let shard = &files
        .iter()
        .find(|(name, _)| *name == format!("s/{}.json", shard_of("gไข", shards)))
        .expect("shard")
        .1;
    let shard: serde_json::Value = serde_json::from_slice(shard).expect("shard json");
    assert!(shard.get("gไข").is_some());
    assert_eq!(
        files.iter().filter(|(n, _)| n.starts_with("d/")).count(),
        index.len()
    );
}

//! Writes `docs/errors.th.md` and `docs/errors.en.md` from the message catalogue
//! (`src/messages/`): `cargo run --example errors_docs`. The test
//! `tests/it/errors_docs.rs` fails when the committed guides differ from it.

use khaosan::messages::{Lang, docs};

fn main() -> std::io::Result<()> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (lang, name) in [(Lang::Th, "errors.th.md"), (Lang::En, "errors.en.md")] {
        let path = root.join("docs").join(name);
        std::fs::write(&path, docs(lang))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

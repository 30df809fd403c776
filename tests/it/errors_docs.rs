//! The guides to every message are generated from the catalogue: they must match it.

use khaosan::messages::{Lang, docs};

#[test]
fn committed_error_guides_match_the_catalogue() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (lang, name) in [(Lang::Th, "errors.th.md"), (Lang::En, "errors.en.md")] {
        let path = root.join("docs").join(name);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == docs(lang),
            "docs/{name} differs from the message catalogue in src/messages/; \
             regenerate it with `cargo run --example errors_docs` and commit the result"
        );
    }
}

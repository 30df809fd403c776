//! Where a build's time goes, for people tuning a large site: with the environment
//! variable `KHAOSAN_TIMINGS=1`, each stage prints its duration to standard error.

use std::sync::Mutex;
use std::time::Instant;

static LAST: Mutex<Option<Instant>> = Mutex::new(None);

/// Whether timings were asked for.
fn wanted() -> bool {
    std::env::var_os("KHAOSAN_TIMINGS").is_some_and(|v| v != "0")
}

/// Prints the time since `start`, labelled `stage`, leaving the marks alone: for
/// work that runs beside other stages (the search index beside the pages).
pub fn span(stage: &str, start: Instant) {
    if wanted() {
        let since = start.elapsed().as_secs_f64() * 1000.0;
        eprintln!("timing {stage:<24} {since:>9.1} ms (alongside)");
    }
}

/// Prints the time since the previous mark (or the first), labelled `stage`.
pub fn mark(stage: &str) {
    if !wanted() {
        return;
    }
    let now = Instant::now();
    if let Ok(mut last) = LAST.lock() {
        let since = last.map_or(0.0, |t| now.duration_since(t).as_secs_f64() * 1000.0);
        eprintln!("timing {stage:<24} {since:>9.1} ms");
        *last = Some(now);
    }
}

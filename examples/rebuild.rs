//! Profiling aid: builds a site several times with one cache, as `serve`
//! does after each change, and prints each build's time. The first build is
//! cold; the next ones show the cost of a rebuild when little changed.
//!
//!     cargo run --release --example rebuild -- /tmp/kc-10k [runs] [file-to-touch]
//!
//! With a file to touch, a marker is appended to it before each warm build;
//! with `front` after it, the marker goes into its title instead (a front
//! matter edit, which re-checks the whole site).

use kiemchung::pipeline::{self, BuildOptions, Cache};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let root = args.next().unwrap_or_else(|| ".".into());
    let runs: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
    let touch = args.next();
    let front = args.next().as_deref() == Some("front");
    let opts = BuildOptions {
        root: root.into(),
        base_url: None,
        origin: Some("http://127.0.0.1:1111".into()),
        today: jiff::civil::date(2026, 1, 1).into(),
        audience: kiemchung::model::audience::Audience::Review,
    };
    let cache = Cache::default();
    for i in 0..runs {
        if let (Some(path), true) = (&touch, i > 0) {
            let mut text = std::fs::read_to_string(path).expect("file to touch");
            if front {
                text = text.replacen("title: \"", &format!("title: \"{i} "), 1);
            } else {
                text.push_str(&format!("\nmarker {i}\n"));
            }
            std::fs::write(path, text).expect("write");
        }
        let t = Instant::now();
        let result = pipeline::build(&opts, Some(&cache));
        let pages = match &result {
            Ok(b) => b.output.files.len(),
            Err(d) => {
                eprintln!("{} diagnostics", d.len());
                0
            }
        };
        println!("build {i}: {:?} ({pages} files)", t.elapsed());
    }
}

//! The clock: `SOURCE_DATE_EPOCH`, and stage timings for profiling,
//! printed with `KIEMCHUNG_TIMINGS` set.

/// With `KIEMCHUNG_TIMINGS` set, prints when each stage ends (a profiling
/// aid; see bench/README.md).
pub fn stopwatch(prefix: &'static str) -> impl Fn(&str) {
    let t0 = std::time::Instant::now();
    let on = std::env::var_os("KIEMCHUNG_TIMINGS").is_some();
    move |what| {
        if on {
            // Peak memory so far, where the system tells it (Linux).
            let peak = std::fs::read_to_string("/proc/self/status")
                .ok()
                .and_then(|s| {
                    s.lines()
                        .find_map(|l| l.strip_prefix("VmHWM:").map(|v| v.trim().to_string()))
                })
                .map(|v| format!(", peak memory {v}"))
                .unwrap_or_default();
            // CPU time of the whole process so far (user + system, Linux),
            // to tell a stage that keeps both cores busy from a serial one.
            let cpu = std::fs::read_to_string("/proc/self/stat")
                .ok()
                .and_then(|s| {
                    // The fields after the command name, which is in parentheses.
                    let rest = &s[s.rfind(')')? + 2..];
                    let f: Vec<&str> = rest.split(' ').collect();
                    let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
                    // SAFETY: sysconf only reads a system constant.
                    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
                    (hz > 0).then(|| format!(", CPU {:.2} s", ticks as f64 / hz as f64))
                })
                .unwrap_or_default();
            eprintln!("{prefix}{what}: {:?}{cpu}{peak}", t0.elapsed());
        }
    }
}

/// `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds
/// convention), when it is set; an error when it is not a number.
pub fn source_date_epoch() -> Option<Result<jiff::Timestamp, crate::base::i18n::Msg>> {
    let text = std::env::var("SOURCE_DATE_EPOCH").ok()?;
    Some(
        text.trim()
            .parse::<i64>()
            .ok()
            .and_then(|secs| jiff::Timestamp::from_second(secs).ok())
            .ok_or_else(|| crate::msg!("E817-source-date-epoch", value = &text)),
    )
}

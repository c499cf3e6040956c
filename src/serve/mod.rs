//! `kiemchung serve`: live preview.
//!
//! The same [`pipeline::build`] as `build`, for the reviewers (or, with
//! `--public`, as published) and at the preview origin, kept in memory
//! (nothing is written to disk) and served over HTTP.
//! A background thread watches the site ([`watch`]), rebuilds after each
//! burst of changes with one [`Cache`] kept across rebuilds, and swaps the
//! new output in at once. A failed rebuild keeps the last good output and
//! shows its diagnostics over every page ([`live`]); every rebuild, good or
//! bad, reloads the open pages.
//!
//! Threads: the main thread accepts requests and gives each its own thread
//! ([`http::handle`]), so long-polled live-reload requests never hold up a
//! page; one thread watches and rebuilds. Ctrl-C stops the accept loop and
//! `run` returns.

pub mod http;
pub mod live;
pub mod routes;
pub mod watch;

use crate::base::diag::{self, Diagnostic};
use crate::base::i18n::{Lang, Msg};
use crate::error::Error;
use crate::load::config;
use crate::model::audience::Audience;
use crate::model::site::Site;
use crate::msg;
use crate::output::Output;
use crate::pipeline::{self, BuildOptions, Cache, Today};
use std::collections::HashSet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

#[derive(Clone, Debug)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 lets the system pick a free port (printed in the URL).
    pub port: u16,
    /// Poll the files instead of native file events.
    pub poll: bool,
    /// The build date; [`Today::Now`] is read again at each rebuild.
    pub today: Today,
    /// The reviewers' site (the default) or the public one (`--public`).
    pub audience: Audience,
    /// Colour in the diagnostics printed on the terminal.
    pub color: bool,
    /// The language of the terminal and of the overlay.
    pub lang: Lang,
}

/// What is served at one moment: the last good output, and the result of
/// the latest build.
pub struct Snapshot {
    /// Counts builds, good or bad, from 1 (the first build).
    pub generation: u64,
    /// The output of the last good build (empty until there is one).
    pub output: Arc<Output>,
    /// The base path of that output, `/cchc/`.
    pub base_path: String,
    /// The diagnostics of the latest build if it failed (errors and
    /// warnings); empty after a good build.
    pub diagnostics: Vec<Diagnostic>,
    /// The markup injected into served HTML for this generation.
    pub snippet: String,
}

impl Snapshot {
    fn new(
        generation: u64,
        output: Arc<Output>,
        base_path: String,
        failed: Vec<Diagnostic>,
        lang: Lang,
    ) -> Self {
        let snippet = live::snippet(generation, &failed, lang);
        Snapshot {
            generation,
            output,
            base_path,
            diagnostics: failed,
            snippet,
        }
    }

    /// Whether the latest build failed.
    pub fn failed(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// The snapshot being served, swapped whole, and a signal for the
/// live-reload requests waiting for the next one.
pub struct Served {
    current: Mutex<Arc<Snapshot>>,
    changed: Condvar,
}

impl Served {
    fn new(first: Snapshot) -> Self {
        Served {
            current: Mutex::new(Arc::new(first)),
            changed: Condvar::new(),
        }
    }

    pub fn current(&self) -> Arc<Snapshot> {
        self.current
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn publish(&self, snap: Snapshot) {
        let old = {
            let mut current = self.current.lock().unwrap_or_else(|e| e.into_inner());
            std::mem::replace(&mut *current, Arc::new(snap))
        };
        self.changed.notify_all();
        // The previous site (thousands of pages) is freed outside the lock.
        drop(old);
    }

    /// The current snapshot as soon as its generation differs from `since`,
    /// or after `timeout` whatever it is.
    pub fn wait_for_change(&self, since: u64, timeout: Duration) -> Arc<Snapshot> {
        let guard = self.current.lock().unwrap_or_else(|e| e.into_inner());
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |s| s.generation == since)
            .unwrap_or_else(|e| e.into_inner());
        guard.clone()
    }
}

/// Runs the builds: the first one, then one per change.
struct Builder {
    opts: BuildOptions,
    cache: Cache,
    shared: Option<Arc<Served>>,
    color: bool,
    lang: Lang,
    generation: u64,
    /// The warnings of the last build, printed already: only new ones are
    /// printed again (a big site may have thousands).
    shown: Vec<Diagnostic>,
}

impl Builder {
    /// Builds and returns the snapshot to serve next, printing the
    /// diagnostics and a one-line summary. The rest of the build comes
    /// along, to be freed once the snapshot is swapped in: on a big site
    /// that takes tens of milliseconds nobody needs to wait for.
    fn build(&mut self, changed: &[String]) -> (Snapshot, Option<Arc<Site>>) {
        self.generation += 1;
        let started = Instant::now();
        // A panic in the pipeline is a bug, but must not stop the preview.
        let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
            pipeline::build(&self.opts, Some(&self.cache))
        }))
        .unwrap_or_else(|panic| {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(vec![Diagnostic::error(
                "",
                msg!("E818-internal", detail = msg),
            )])
        });
        let took = started.elapsed();
        let what = describe(changed);
        let g = self.generation;
        let previous = self.shared.as_ref().map(|s| s.current());
        match result {
            Ok(built) => {
                self.print_new(&built.warnings);
                self.say(msg!(
                    "serve-built",
                    clock = clock(),
                    build = g,
                    changed = what,
                    pages = built.output.pages(),
                    files = built.output.files.len(),
                    ms = took.as_millis() as u64,
                    warnings = built.warnings.len()
                ));
                let base_path = built.site.config.base_path.clone();
                let snap =
                    Snapshot::new(g, Arc::new(built.output), base_path, Vec::new(), self.lang);
                (snap, Some(built.site))
            }
            Err(diags) => {
                self.print_new(&diags);
                let errors = diags.iter().filter(|d| d.is_error()).count();
                let (output, base_path, keep) = match previous {
                    Some(p) if !p.output.files.is_empty() => (
                        p.output.clone(),
                        p.base_path.clone(),
                        msg!("serve-keeps-last-good"),
                    ),
                    _ => (
                        Arc::new(Output::default()),
                        "/".to_string(),
                        msg!("serve-nothing-good-yet"),
                    ),
                };
                self.say(msg!(
                    "serve-failed",
                    clock = clock(),
                    build = g,
                    changed = what,
                    ms = took.as_millis() as u64,
                    errors = errors,
                    warnings = diags.len() - errors,
                    keep = keep
                ));
                (Snapshot::new(g, output, base_path, diags, self.lang), None)
            }
        }
    }

    /// Prints a line of the terminal in its language.
    fn say(&self, m: Msg) {
        println!("{}", m.text(self.lang));
    }

    /// Prints the errors, and the warnings the last build did not have.
    fn print_new(&mut self, diags: &[Diagnostic]) {
        if diags == self.shown.as_slice() {
            return; // the same warnings (diagnostics come sorted), no error
        }
        let shown: HashSet<&Diagnostic> = self.shown.iter().collect();
        let new: Vec<&Diagnostic> = diags
            .iter()
            .filter(|d| d.is_error() || !shown.contains(d))
            .collect();
        diag::print_all(new, self.color, self.lang);
        self.shown = diags.iter().filter(|d| !d.is_error()).cloned().collect();
    }
}

/// ` (content/1.md and 2 more)`: what changed, after `build 3`.
fn describe(changed: &[String]) -> Msg {
    let name = |p: &String| {
        if p == watch::RESCAN {
            msg!("serve-rescan")
        } else {
            msg!("serve-path", path = p)
        }
    };
    match changed {
        [] => msg!("serve-changed-nothing"),
        [one] => msg!("serve-changed-one", path = name(one)),
        [first, rest @ ..] => msg!("serve-changed-more", path = name(first), more = rest.len()),
    }
}

fn clock() -> String {
    jiff::Zoned::now().strftime("%H:%M:%S").to_string()
}

/// The origin pages are previewed at: the bound address, with loopback
/// standing in for "all interfaces".
fn origin(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}", SocketAddr::new(ip, addr.port()))
}

/// Serves the site until Ctrl-C.
pub fn run(opts: ServeOptions) -> Result<(), Error> {
    // Bind first: a busy port fails before anything is built or printed.
    let addr = SocketAddr::new(opts.bind, opts.port);
    let listener = TcpListener::bind(addr).map_err(|source| Error::Bind { addr, source })?;
    let addr = listener
        .local_addr()
        .map_err(|source| Error::Bind { addr, source })?;
    // tiny_http writes the headers and a large body in two writes; with
    // Nagle's algorithm the body then waits for the client's delayed ACK
    // (40 ms on Linux) on every response. Accepted sockets inherit this.
    if let Err(e) = socket2::SockRef::from(&listener).set_tcp_nodelay(true) {
        warn(opts.lang, msg!("serve-no-nodelay", error = &e));
    }
    let origin = origin(addr);

    let mut builder = Builder {
        opts: BuildOptions {
            root: opts.root.clone(),
            base_url: None,
            origin: Some(origin.clone()),
            today: opts.today,
            audience: opts.audience,
        },
        cache: Cache::default(),
        shared: None,
        color: opts.color,
        lang: opts.lang,
        generation: 0,
        shown: Vec::new(),
    };
    if !opts.root.join(config::FILE).is_file() {
        // The build explains it (no site.toml, run in the site folder…).
        return Err(Error::NoSite(match pipeline::build(&builder.opts, None) {
            Err(d) => d,
            Ok(_) => Vec::new(),
        }));
    }
    let root = std::fs::canonicalize(&opts.root).unwrap_or_else(|_| opts.root.clone());
    builder.opts.root = root.clone();

    // Watch before the first build, so a change made during it is not lost.
    let mut watch =
        watch::Watch::start(&root, opts.poll, opts.lang).map_err(|source| Error::Watch {
            root: root.clone(),
            source,
        })?;
    let (first, _) = builder.build(&[]);
    let url = format!("{origin}{}", first.base_path);
    let shared = Arc::new(Served::new(first));
    builder.shared = Some(shared.clone());

    let server = tiny_http::Server::from_listener(listener, None)
        .map_err(|e| Error::Server(msg!("E812-server", detail = e.to_string())))?;
    let server = Arc::new(server);
    {
        let server = server.clone();
        ctrlc::set_handler(move || server.unblock())
            .map_err(|e| Error::Server(msg!("E812-ctrl-c", detail = e.to_string())))?;
    }

    let say = |m: Msg| println!("{}", m.text(opts.lang));
    say(msg!("serve-serving", url = &url));
    if addr.ip().is_unspecified() {
        say(msg!("serve-all-interfaces", port = addr.port()));
    }
    say(if opts.poll {
        msg!("serve-watching-polling")
    } else {
        msg!("serve-watching")
    });

    {
        let shared = shared.clone();
        std::thread::Builder::new()
            .name("kiemchung-rebuild".into())
            .spawn(move || {
                while let Some(changed) = watch.next_change() {
                    let (snap, rest) = builder.build(&changed);
                    shared.publish(snap);
                    drop(rest);
                }
            })
            .map_err(|e| Error::Server(msg!("E812-server", detail = &e)))?;
    }

    // Until Ctrl-C unblocks it.
    while let Ok(rq) = server.recv() {
        let shared = shared.clone();
        let spawned = std::thread::Builder::new()
            .name("kiemchung-http".into())
            .spawn(move || http::handle(rq, &shared));
        if let Err(e) = spawned {
            warn(opts.lang, msg!("serve-cannot-answer", error = &e));
        }
    }
    say(msg!("serve-stopped"));
    Ok(())
}

/// `warning: …` on standard error, in `lang`.
pub(crate) fn warn(lang: Lang, m: Msg) {
    eprintln!("{}: {}", msg!("label-warning").text(lang), m.text(lang));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_of_the_bound_address() {
        let a = |s: &str| s.parse::<SocketAddr>().unwrap();
        assert_eq!(origin(a("127.0.0.1:1111")), "http://127.0.0.1:1111");
        assert_eq!(origin(a("0.0.0.0:8080")), "http://127.0.0.1:8080");
        assert_eq!(origin(a("192.168.1.5:1111")), "http://192.168.1.5:1111");
        assert_eq!(origin(a("[::]:1111")), "http://[::1]:1111");
    }

    #[test]
    fn waiting_for_a_new_generation() {
        let snap = |g| {
            Snapshot::new(
                g,
                Arc::new(Output::default()),
                "/".into(),
                Vec::new(),
                Lang::En,
            )
        };
        let shared = Arc::new(Served::new(snap(1)));
        // newer (or older) than asked: at once
        assert_eq!(
            shared
                .wait_for_change(0, Duration::from_secs(10))
                .generation,
            1
        );
        assert_eq!(
            shared
                .wait_for_change(9, Duration::from_secs(10))
                .generation,
            1
        );
        // nothing new: after the timeout
        let t = Instant::now();
        assert_eq!(
            shared
                .wait_for_change(1, Duration::from_millis(30))
                .generation,
            1
        );
        assert!(t.elapsed() >= Duration::from_millis(30));
        // woken by a publish
        let s2 = shared.clone();
        let waiter =
            std::thread::spawn(move || s2.wait_for_change(1, Duration::from_secs(10)).generation);
        std::thread::sleep(Duration::from_millis(20));
        shared.publish(snap(2));
        assert_eq!(waiter.join().unwrap(), 2);
    }

    #[test]
    fn describes_what_changed() {
        assert_eq!(describe(&[]).en(), "");
        assert_eq!(describe(&["content/1.md".into()]).en(), " (content/1.md)");
        assert_eq!(
            describe(&["content/1.md".into(), "a".into(), "b".into()]).en(),
            " (content/1.md and 2 more)"
        );
        assert_eq!(describe(&[watch::RESCAN.into()]).en(), " (rescan)");
    }
}

//! The `kiemchung` program: everything it does is in [`kiemchung::cmd`].

#![deny(clippy::unwrap_used)]

use std::process::ExitCode;

fn main() -> ExitCode {
    kiemchung::cmd::main()
}

/// mimalloc is the allocator: with it, builds spend markedly less time in
/// allocation than with glibc's (BENCHMARKS.md, "Figures behind the
/// code"). The `system-alloc` feature keeps the system allocator, for heap
/// profilers that only see malloc (valgrind's massif).
#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

//! `kiemchung serve`: the live preview ([`crate::serve`]).

use super::{Context, fail};
use jiff::civil::Date;
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(
    cx: &Context,
    root: PathBuf,
    bind: IpAddr,
    port: u16,
    poll: bool,
    today: Option<Date>,
) -> ExitCode {
    let opts = crate::serve::ServeOptions {
        root,
        bind,
        port,
        poll,
        today,
        color: cx.color,
    };
    match crate::serve::run(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(cx, &e),
    }
}

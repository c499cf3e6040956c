//! `kiemchung serve`: the live preview ([`crate::serve`]).

use super::{Context, fail};
use crate::model::audience::Audience;
use crate::pipeline::Today;
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(
    cx: &Context,
    root: PathBuf,
    bind: IpAddr,
    port: u16,
    poll: bool,
    public: bool,
    today: Today,
) -> ExitCode {
    let opts = crate::serve::ServeOptions {
        root,
        bind,
        port,
        poll,
        audience: if public {
            Audience::Public
        } else {
            Audience::Review
        },
        today,
        color: cx.color,
        lang: cx.lang,
    };
    match crate::serve::run(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(cx, &e),
    }
}

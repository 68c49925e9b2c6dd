//! `ossio`: an ossutil-style command line for Alibaba Cloud Object Storage Service (OSS),
//! over the `ossio` client and the sans-IO `ossio-core`.
//!
//! Exit codes: 0 success, 1 local failure, 2 usage error or input rejected before sending,
//! 3 OSS answered with an error, 4 no answer (transport), 5 CRC-64 mismatch.

mod api;
mod cli;
mod commands;
mod config;
mod ctx;
mod error;
mod transfer;
mod value;

use clap::Parser;
use cli::{Cli, Command};
use std::process::ExitCode;

fn run(cli: Cli) -> Result<(), error::CliError> {
    if let Command::Completions(a) = cli.command {
        return commands::completions(a);
    }
    let creating = matches!(cli.command, Command::Config(ref a) if !a.show);
    let mut ctx = ctx::Ctx::new(cli.global, !creating)?;
    match cli.command {
        Command::Api(op) => op.run(&mut ctx),
        Command::Ls(a) => commands::ls(&mut ctx, a),
        Command::Cp(a) => commands::cp(&mut ctx, a),
        Command::Rm(a) => commands::rm(&mut ctx, a),
        Command::Presign(a) => commands::presign(&mut ctx, a),
        Command::Mb(a) => commands::mb(&mut ctx, a),
        Command::Rb(a) => commands::rb(&mut ctx, a),
        Command::Serve(a) => commands::serve(&mut ctx, a),
        Command::Config(a) => commands::config(&mut ctx, a),
        Command::Completions(_) => unreachable!("handled above"),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(c) => c,
        Err(e) => {
            // Inside `ossio api <operation>`, a bad flag is reported on one line that names
            // the operation.
            if e.use_stderr() {
                if let Some(line) = api::usage_error(&args, &e) {
                    eprintln!("ossio: error: {line}");
                    return ExitCode::from(error::Exit::Usage as u8);
                }
            }
            // Help and --version exit 0; bad usage exits 2.
            let _ = e.print();
            return ExitCode::from(e.exit_code() as u8);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ossio: error: {e}");
            ExitCode::from(e.exit as u8)
        }
    }
}

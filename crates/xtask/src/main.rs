//! Repository tasks.
//!
//! `cargo run -p xtask -- codegen` writes every generated file from the operation registry
//! (`ossio_core::ops::OPERATIONS`); `cargo run -p xtask -- codegen --check` fails, naming the
//! files, when one is stale (`scripts/test.sh` runs it).

mod node;
mod python;
mod rust;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A generated file: its path from the repository root and its whole contents (starting
/// with a line that says `@generated`).
pub(crate) struct Generated {
    pub path: &'static str,
    pub contents: String,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the repository root")
}

fn all() -> Vec<Generated> {
    let mut files = rust::generate();
    files.extend(python::generate());
    files.extend(node::generate());
    for f in &mut files {
        if f.path.ends_with(".rs") {
            f.contents = rustfmt(&f.contents);
        }
    }
    files
}

/// Formats Rust source as `cargo fmt` would, so that formatting the tree never makes a
/// generated file look stale.
fn rustfmt(source: &str) -> String {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2024", "--emit", "stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("rustfmt (from the Rust toolchain) runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(source.as_bytes())
        .expect("feed rustfmt");
    let out = child.wait_with_output().expect("rustfmt finishes");
    assert!(out.status.success(), "rustfmt failed on generated code");
    String::from_utf8(out.stdout).expect("rustfmt writes UTF-8")
}

fn codegen(check: bool) -> ExitCode {
    let root = root();
    let mut stale = Vec::new();
    for file in all() {
        assert!(
            file.contents
                .lines()
                .take(5)
                .any(|l| l.contains("@generated")),
            "{} must say @generated in its first lines",
            file.path
        );
        let path = root.join(file.path);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == file.contents {
            continue;
        }
        if check {
            stale.push(file.path);
        } else {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).expect("create the directory");
            }
            std::fs::write(&path, &file.contents).expect("write the generated file");
            eprintln!("wrote {}", file.path);
        }
    }
    if stale.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "stale generated files (run `cargo run -p xtask -- codegen`): {}",
            stale.join(", ")
        );
        ExitCode::FAILURE
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["codegen"] => codegen(false),
        ["codegen", "--check"] => codegen(true),
        _ => {
            eprintln!("usage: cargo run -p xtask -- codegen [--check]");
            ExitCode::from(2)
        }
    }
}

//! Helpers shared by the command line's integration tests (`mod common;`):
//! run the built `funnelcast` and hand it files, as a user would.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

/// Runs the built `funnelcast` with `args`.
pub fn funnelcast(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_funnelcast"))
        .args(args)
        .output()
        .expect("runs")
}

/// Writes `contents` to `name` in a folder of this test binary's own per
/// process (`funnelcast-fit-<pid>` for `tests/fit.rs`), so test binaries
/// running at once never share a file; tests within one use distinct names.
pub fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "funnelcast-{}-{}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("writes");
    path
}

/// Fails the test, showing stderr, unless the run succeeded.
pub fn assert_success(out: &Output) {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A successful run's stdout, as JSON.
pub fn json(out: &Output) -> Value {
    assert_success(out);
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

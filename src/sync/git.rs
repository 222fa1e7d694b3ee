//! Running git on the data folder, for `sync`: one call at a time, its output captured, an
//! error that quotes what git said. Nothing here decides anything; `sync` does.

use anyhow::{Context, bail};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// git, run in one folder.
pub struct Git {
    root: PathBuf,
}

impl Git {
    /// git for the data folder at `root`; fails with a clear message when git is not installed.
    pub fn new(root: &Path) -> anyhow::Result<Git> {
        match Command::new("git").arg("--version").output() {
            Ok(out) if out.status.success() => Ok(Git {
                root: root.to_owned(),
            }),
            _ => bail!(
                "git is not installed (or not on PATH), and sync needs it: install git, then run \
                 `callbook sync --setup`"
            ),
        }
    }

    /// Runs `git ARGS` in the folder, whatever its exit status.
    pub fn output(&self, args: &[&str]) -> anyhow::Result<Output> {
        Command::new("git")
            .arg("-C")
            .arg(&self.root)
            .args(args)
            // A pull must never stop to ask for a merge message.
            .env("GIT_MERGE_AUTOEDIT", "no")
            .env("GIT_TERMINAL_PROMPT", "0")
            .output()
            .with_context(|| format!("git {} could not run", args.join(" ")))
    }

    /// Runs `git ARGS` and returns its standard output; fails quoting git's error.
    pub fn ok(&self, args: &[&str]) -> anyhow::Result<String> {
        let out = self.output(args)?;
        if !out.status.success() {
            let said = String::from_utf8_lossy(&out.stderr);
            let said = said.trim();
            let said = if said.is_empty() {
                String::from_utf8_lossy(&out.stdout).trim().to_owned()
            } else {
                said.to_owned()
            };
            bail!("git {} failed: {said}", args.join(" "));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// True when `git ARGS` succeeds.
    pub fn succeeds(&self, args: &[&str]) -> bool {
        self.output(args).is_ok_and(|o| o.status.success())
    }

    /// True when the data folder is inside a git work tree.
    pub fn is_repo(&self) -> bool {
        self.ok(&["rev-parse", "--is-inside-work-tree"])
            .is_ok_and(|s| s.trim() == "true")
    }

    /// The commit HEAD names, if there is one yet.
    pub fn head(&self) -> Option<String> {
        self.ok(&["rev-parse", "--verify", "-q", "HEAD"])
            .ok()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    }

    /// The remote to pull from and push to: the current branch's upstream's, else the only
    /// one (or `origin`), else none.
    pub fn remote(&self) -> Option<String> {
        let remotes = self.ok(&["remote"]).ok()?;
        let remotes: Vec<&str> = remotes.lines().map(str::trim).filter(|r| !r.is_empty()).collect();
        match remotes.as_slice() {
            [] => None,
            [one] => Some((*one).to_owned()),
            many => Some(
                many.iter()
                    .find(|r| **r == "origin")
                    .unwrap_or(&many[0])
                    .to_string(),
            ),
        }
    }

    /// True when the current branch tracks a branch of a remote.
    pub fn has_upstream(&self) -> bool {
        self.succeeds(&["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"])
    }
}

//! Settings: command-line flags, then the environment, then a profile file.
//!
//! The profile file (`~/.ossio/config`, or `$OSSIO_CONFIG_FILE`) is INI:
//!
//! ```text
//! [default]
//! region = cn-hangzhou
//! access_key_id = LTAI...
//! access_key_secret = ...
//!
//! [profile local]
//! endpoint = http://127.0.0.1:9000
//! ```

use crate::error::CliError;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Keys a profile may hold, in the order they are written.
pub const KEYS: [&str; 7] = [
    "region",
    "endpoint",
    "access_key_id",
    "access_key_secret",
    "security_token",
    "addressing",
    "signature_version",
];

/// Keys whose values are secrets: never printed.
pub fn is_secret(key: &str) -> bool {
    matches!(key, "access_key_secret" | "security_token")
}

/// ossutil's spellings, accepted when reading so its config files work as they are.
fn canonical_key(k: &str) -> Option<&'static str> {
    let k = k.trim();
    let lower = k.to_ascii_lowercase().replace('-', "_");
    Some(match lower.as_str() {
        "region" => "region",
        "endpoint" => "endpoint",
        "access_key_id" | "accesskeyid" => "access_key_id",
        "access_key_secret" | "accesskeysecret" => "access_key_secret",
        "security_token" | "ststoken" | "session_token" | "securitytoken" => "security_token",
        "addressing" => "addressing",
        "signature_version" | "signversion" | "sign_version" => "signature_version",
        _ => return None,
    })
}

/// The profile file's path: `$OSSIO_CONFIG_FILE`, else `$HOME/.ossio/config`.
pub fn file_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("OSSIO_CONFIG_FILE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|h| PathBuf::from(h).join(".ossio").join("config"))
}

/// A parsed profile file: profile name → key → value, and the original order of profiles.
#[derive(Debug, Default, Clone)]
pub struct ProfileFile {
    profiles: Vec<(String, BTreeMap<&'static str, String>)>,
}

impl ProfileFile {
    /// Reads the file at `path`; a missing file is an empty one.
    pub fn load(path: &std::path::Path) -> Result<Self, CliError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse(&text).map_err(|e| {
                CliError::usage(format!("cannot read profile file {}: {e}", path.display()))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(CliError::usage(format!(
                "cannot read profile file {}: {e}",
                path.display()
            ))),
        }
    }

    /// Parses INI text. Unknown keys are ignored (newer versions may add some).
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut file = ProfileFile::default();
        let mut current: Option<usize> = None;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
                continue;
            }
            if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                let section = section.trim();
                let name = section
                    .strip_prefix("profile ")
                    .map(str::trim)
                    .unwrap_or(section);
                if name.is_empty() {
                    return Err(format!("line {}: empty profile name", n + 1));
                }
                current = Some(file.index_of(name));
                continue;
            }
            let Some((k, v)) = line.split_once('=') else {
                return Err(format!("line {}: expected key = value", n + 1));
            };
            let Some(i) = current else {
                return Err(format!("line {}: a setting outside any [profile]", n + 1));
            };
            if let Some(key) = canonical_key(k) {
                file.profiles[i].1.insert(key, v.trim().to_owned());
            }
        }
        Ok(file)
    }

    fn index_of(&mut self, name: &str) -> usize {
        match self.profiles.iter().position(|(n, _)| n == name) {
            Some(i) => i,
            None => {
                self.profiles.push((name.to_owned(), BTreeMap::new()));
                self.profiles.len() - 1
            }
        }
    }

    /// The settings of profile `name`, if it exists.
    pub fn profile(&self, name: &str) -> Option<&BTreeMap<&'static str, String>> {
        self.profiles
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, p)| p)
    }

    /// Sets `key` in profile `name` (creating it).
    pub fn set(&mut self, name: &str, key: &'static str, value: String) {
        let i = self.index_of(name);
        self.profiles[i].1.insert(key, value);
    }

    /// The file's text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (i, (name, settings)) in self.profiles.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            if name == "default" {
                out.push_str("[default]\n");
            } else {
                let _ = writeln!(out, "[profile {name}]");
            }
            for key in KEYS {
                if let Some(v) = settings.get(key) {
                    let _ = writeln!(out, "{key} = {v}");
                }
            }
        }
        out
    }

    /// Writes the file, readable by its owner only (it holds secrets).
    pub fn save(&self, path: &std::path::Path) -> Result<(), CliError> {
        let fail = |e: std::io::Error| {
            CliError::local(format!("cannot write profile file {}: {e}", path.display()))
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        let tmp = path.with_extension("tmp");
        {
            use std::io::Write;
            let mut opts = std::fs::OpenOptions::new();
            opts.write(true).create(true).truncate(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                opts.mode(0o600);
            }
            let mut f = opts.open(&tmp).map_err(fail)?;
            f.write_all(self.render().as_bytes()).map_err(fail)?;
            f.sync_all().map_err(fail)?;
        }
        std::fs::rename(&tmp, path).map_err(fail)
    }
}

/// Where a setting came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A command-line flag.
    Flag,
    /// An environment variable.
    Env(&'static str),
    /// The profile file.
    Profile,
}

impl Source {
    /// How `ossio config --show` names it.
    pub fn describe(self, profile: &str) -> String {
        match self {
            Source::Flag => "flag".into(),
            Source::Env(var) => format!("env {var}"),
            Source::Profile => format!("profile {profile}"),
        }
    }
}

/// One resolved setting.
#[derive(Debug, Clone)]
pub struct Setting {
    /// The value.
    pub value: String,
    /// Where it came from.
    pub source: Source,
}

/// Environment variables read for each key, first match wins.
pub fn env_vars(key: &str) -> &'static [&'static str] {
    match key {
        "region" => &["OSS_REGION", "ALIBABA_CLOUD_REGION_ID"],
        "endpoint" => &["OSS_ENDPOINT"],
        "access_key_id" => &["OSS_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_ID"],
        "access_key_secret" => &["OSS_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"],
        "security_token" => &["OSS_SESSION_TOKEN", "ALIBABA_CLOUD_SECURITY_TOKEN"],
        "addressing" => &["OSS_ADDRESSING"],
        "signature_version" => &["OSS_SIGNATURE_VERSION"],
        _ => &[],
    }
}

/// Resolved settings, each with its source.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// The profile that was consulted.
    pub profile: String,
    /// key → setting.
    pub settings: BTreeMap<&'static str, Setting>,
}

impl Resolved {
    /// A setting's value.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.settings.get(key).map(|s| s.value.as_str())
    }
}

/// Resolves every key: `flags` first, then the environment, then `profile` in the file.
///
/// Credentials resolve as a set: the id, secret and token come from the first source that
/// has an access key id, so a key id from one place is never paired with another's secret.
pub fn resolve(
    flags: &BTreeMap<&'static str, String>,
    file: &ProfileFile,
    profile: &str,
    profile_required: bool,
) -> Result<Resolved, CliError> {
    let from_file = file.profile(profile);
    if profile_required && from_file.is_none() {
        return Err(CliError::usage(format!(
            "profile {profile:?} is not in the profile file{}",
            file_path()
                .map(|p| format!(" {}", p.display()))
                .unwrap_or_default()
        )));
    }
    let env = |key: &str| -> Option<Setting> {
        env_vars(key).iter().find_map(|var| {
            std::env::var(var)
                .ok()
                .filter(|v| !v.is_empty())
                .map(|value| Setting {
                    value,
                    source: Source::Env(var),
                })
        })
    };
    let flag = |key: &str| {
        flags.get(key).map(|v| Setting {
            value: v.clone(),
            source: Source::Flag,
        })
    };
    let prof = |key: &str| {
        from_file.and_then(|p| p.get(key)).map(|v| Setting {
            value: v.clone(),
            source: Source::Profile,
        })
    };
    let mut out = Resolved {
        profile: profile.to_owned(),
        settings: BTreeMap::new(),
    };
    for key in KEYS {
        if key.starts_with("access_key") || key == "security_token" {
            continue;
        }
        if let Some(s) = flag(key).or_else(|| env(key)).or_else(|| prof(key)) {
            out.settings.insert(key, s);
        }
    }
    // Credentials: the first source with a key id supplies all three.
    type Lookup<'a> = &'a dyn Fn(&str) -> Option<Setting>;
    let sources: [Lookup; 3] = [&flag, &env, &prof];
    for lookup in sources {
        if let Some(id) = lookup("access_key_id") {
            out.settings.insert("access_key_id", id);
            for key in ["access_key_secret", "security_token"] {
                if let Some(s) = lookup(key) {
                    out.settings.insert(key, s);
                }
            }
            break;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ossutil_and_own_spellings_and_round_trips() {
        let f = ProfileFile::parse(
            "# comment\n[default]\naccessKeyID = ak\naccessKeySecret=sk\nregion= cn-hangzhou\n\n[profile dev]\nendpoint = http://127.0.0.1:9000\nunknown = x\n",
        )
        .unwrap();
        let d = f.profile("default").unwrap();
        assert_eq!(d.get("access_key_id").map(String::as_str), Some("ak"));
        assert_eq!(d.get("access_key_secret").map(String::as_str), Some("sk"));
        assert_eq!(
            f.profile("dev")
                .unwrap()
                .get("endpoint")
                .map(String::as_str),
            Some("http://127.0.0.1:9000")
        );
        let again = ProfileFile::parse(&f.render()).unwrap();
        assert_eq!(again.render(), f.render());
        assert!(ProfileFile::parse("region = x\n").is_err());
    }

    #[test]
    fn credentials_come_as_a_set() {
        let mut file = ProfileFile::default();
        file.set("default", "access_key_id", "file-ak".into());
        file.set("default", "access_key_secret", "file-sk".into());
        file.set("default", "region", "file-region".into());
        let mut flags = BTreeMap::new();
        flags.insert("region", "flag-region".to_owned());
        let r = resolve(&flags, &file, "default", false).unwrap();
        assert_eq!(r.get("region"), Some("flag-region"));
        // (The environment of the test process has no OSS_ACCESS_KEY_ID.)
        if std::env::var_os("OSS_ACCESS_KEY_ID").is_none()
            && std::env::var_os("ALIBABA_CLOUD_ACCESS_KEY_ID").is_none()
        {
            assert_eq!(r.get("access_key_id"), Some("file-ak"));
            assert_eq!(r.get("access_key_secret"), Some("file-sk"));
        }
        assert!(resolve(&flags, &file, "nope", true).is_err());
    }
}

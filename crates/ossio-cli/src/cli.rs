//! The command line: global options and every subcommand, with their help.

use crate::api::ApiCommand;
use crate::value::Format;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Settings come from flags, then the environment (OSS_REGION, OSS_ENDPOINT, OSS_ACCESS_KEY_ID,
OSS_ACCESS_KEY_SECRET, OSS_SESSION_TOKEN, or the ALIBABA_CLOUD_* names), then the profile
file (~/.ossio/config, or $OSSIO_CONFIG_FILE) written by `ossio config`.

Exit codes: 0 success, 1 local failure, 2 usage error or input rejected before sending,
3 OSS answered with an error, 4 no answer (connection refused, reset, timed out),
5 CRC-64 mismatch.";

/// An ossutil-style command line for Alibaba Cloud Object Storage Service (OSS).
#[derive(Debug, Parser)]
#[command(name = "ossio", version, after_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: Global,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// Options shared by every command.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// Profile of the profile file to read settings from [env: OSSIO_PROFILE] [default:
    /// default]. Naming a profile that does not exist is an error.
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// Region, e.g. cn-hangzhou [env: OSS_REGION].
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,

    /// Endpoint to send to instead of the region's public one, e.g. http://127.0.0.1:9000
    /// or oss-cn-hangzhou-internal.aliyuncs.com [env: OSS_ENDPOINT].
    #[arg(long, global = true, value_name = "URL")]
    pub endpoint: Option<String>,

    /// Access key id [env: OSS_ACCESS_KEY_ID].
    #[arg(long, global = true, value_name = "ID")]
    pub access_key_id: Option<String>,

    /// Access key secret [env: OSS_ACCESS_KEY_SECRET]. Prefer the environment or the
    /// profile file: other users of the machine can see command lines.
    #[arg(long, global = true, value_name = "SECRET")]
    pub access_key_secret: Option<String>,

    /// STS security token, for temporary credentials [env: OSS_SESSION_TOKEN].
    #[arg(long, global = true, value_name = "TOKEN")]
    pub security_token: Option<String>,

    /// URL style: virtual (bucket.host, the default), path (host/bucket) or cname (the
    /// endpoint is the bucket's own domain) [env: OSS_ADDRESSING]. IP endpoints always use
    /// path style.
    #[arg(long, global = true, value_name = "STYLE", value_parser = ["virtual", "path", "cname"])]
    pub addressing: Option<String>,

    /// Signature version: v4 (OSS4-HMAC-SHA256, the default) or v1 [env:
    /// OSS_SIGNATURE_VERSION].
    #[arg(long, global = true, value_name = "VERSION", value_parser = ["v1", "v4"])]
    pub signature_version: Option<String>,

    /// Output format. `api` commands print JSON by default; the everyday commands (ls, cp,
    /// ...) print a table.
    #[arg(long, short = 'o', global = true, value_enum)]
    pub output: Option<Format>,

    /// Print the signed request (method, URL, headers, XML body) instead of sending it. The
    /// signature and any STS token are redacted.
    #[arg(long, global = true)]
    pub dry_run: bool,

    /// With --dry-run, print the signature instead of redacting it (STS tokens stay
    /// redacted).
    #[arg(long, global = true)]
    pub show_signature: bool,

    /// With --dry-run, sign as of this time instead of now: Unix seconds or an RFC 1123
    /// date ("Mon, 19 Jun 2023 03:15:40 GMT"), for reproducible output.
    #[arg(long, global = true, value_name = "TIME")]
    pub signing_time: Option<String>,

    /// Attempts per request, counting the first; transport failures and 5xx answers are
    /// retried with backoff.
    #[arg(long, global = true, value_name = "N", default_value_t = 3)]
    pub max_attempts: u32,

    /// Seconds to wait for a connection.
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 10)]
    pub connect_timeout: u64,

    /// Seconds to wait for each read from the server.
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 60)]
    pub read_timeout: u64,

    /// Never draw a progress bar (one is drawn on stderr only when stderr is a terminal).
    #[arg(long, global = true)]
    pub no_progress: bool,
}

/// Every command.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Call one OSS API operation, with flags named after its fields.
    #[command(subcommand)]
    Api(ApiCommand),

    /// List buckets, or the objects of oss://bucket[/prefix].
    Ls(LsArgs),

    /// Copy a file to OSS or an object to a file (streamed, CRC-64 checked).
    Cp(CpArgs),

    /// Delete an object, or with --recursive every object under a prefix.
    Rm(RmArgs),

    /// Print a presigned URL for an object.
    Presign(PresignArgs),

    /// Make a bucket.
    Mb(MbArgs),

    /// Remove a bucket (it must be empty unless --force).
    Rb(RbArgs),

    /// Run the local OSS-compatible server (ossio-server) in the foreground.
    Serve(ServeArgs),

    /// Write a profile to the profile file from the given flags (and by asking, when stdin
    /// is a terminal), or show the settings in effect with --show.
    Config(ConfigArgs),

    /// Print a shell completion script, e.g. `ossio completions bash > /etc/bash_completion.d/ossio`.
    Completions(CompletionsArgs),
}

/// `ossio ls`.
#[derive(Debug, Args)]
pub struct LsArgs {
    /// oss://bucket[/prefix]; without it, the buckets are listed.
    #[arg(value_name = "OSS_URL")]
    pub url: Option<String>,

    /// List every object under the prefix instead of one level ("directories" shown as
    /// PREFIX entries).
    #[arg(long, short = 'r')]
    pub recursive: bool,
}

/// `ossio cp`.
#[derive(Debug, Args)]
pub struct CpArgs {
    /// Source: a local file, `-` for stdin, or oss://bucket/key.
    #[arg(value_name = "SOURCE")]
    pub source: String,

    /// Destination: oss://bucket/key (a trailing / appends the file name), a local path (a
    /// directory appends the key's last segment) or `-` for stdout.
    #[arg(value_name = "DESTINATION")]
    pub destination: String,

    /// Content-Type of an upload (default: guessed from the file extension).
    #[arg(long, value_name = "TYPE")]
    pub content_type: Option<String>,

    /// ACL of an upload: default, private, public-read or public-read-write.
    #[arg(long, value_name = "ACL")]
    pub acl: Option<String>,

    /// Storage class of an upload: Standard, IA, Archive, ColdArchive or DeepColdArchive.
    #[arg(long, value_name = "CLASS")]
    pub storage_class: Option<String>,

    /// User metadata of an upload, NAME=VALUE (repeatable); sent as x-oss-meta-NAME.
    #[arg(long = "meta", value_name = "NAME=VALUE")]
    pub meta: Vec<String>,
}

/// `ossio rm`.
#[derive(Debug, Args)]
pub struct RmArgs {
    /// oss://bucket/key, or oss://bucket/prefix with --recursive.
    #[arg(value_name = "OSS_URL")]
    pub url: String,

    /// Delete every object whose key starts with the prefix.
    #[arg(long, short = 'r')]
    pub recursive: bool,
}

/// `ossio presign`.
#[derive(Debug, Args)]
pub struct PresignArgs {
    /// oss://bucket/key.
    #[arg(value_name = "OSS_URL")]
    pub url: String,

    /// Lifetime: seconds, or a number with s, m, h or d (at most 7d with V4).
    #[arg(long, value_name = "DURATION", default_value = "1h")]
    pub expires: String,

    /// HTTP method the URL is for: GET (download) or PUT (upload).
    #[arg(long, value_name = "METHOD", default_value = "GET", value_parser = ["GET", "PUT"])]
    pub method: String,
}

/// `ossio mb`.
#[derive(Debug, Args)]
pub struct MbArgs {
    /// oss://bucket.
    #[arg(value_name = "OSS_URL")]
    pub url: String,

    /// Bucket ACL: private (the default), public-read or public-read-write.
    #[arg(long, value_name = "ACL")]
    pub acl: Option<String>,

    /// Default storage class: Standard, IA, Archive, ColdArchive or DeepColdArchive.
    #[arg(long, value_name = "CLASS")]
    pub storage_class: Option<String>,

    /// Data redundancy: LRS or ZRS.
    #[arg(long, value_name = "TYPE")]
    pub data_redundancy_type: Option<String>,
}

/// `ossio rb`.
#[derive(Debug, Args)]
pub struct RbArgs {
    /// oss://bucket.
    #[arg(value_name = "OSS_URL")]
    pub url: String,

    /// Delete every object in the bucket first.
    #[arg(long)]
    pub force: bool,
}

/// `ossio serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free one).
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:9000")]
    pub addr: std::net::SocketAddr,

    /// Directory that keeps buckets and objects across restarts (default: in memory).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Key pair the server accepts, AK:SK (repeatable; default
    /// test-access-key-id:test-access-key-secret).
    #[arg(long = "key", value_name = "AK:SK")]
    pub keys: Vec<String>,
}

/// `ossio config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Show the settings in effect and where each comes from (secrets masked) instead of
    /// writing.
    #[arg(long)]
    pub show: bool,
}

/// `ossio completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

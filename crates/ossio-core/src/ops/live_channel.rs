//! LiveChannels (RTMP ingest into HLS): PutLiveChannel, GetLiveChannelInfo,
//! GetLiveChannelStat, PutLiveChannelStatus, ListLiveChannel, GetLiveChannelHistory,
//! PostVodPlaylist, DeleteLiveChannel (`/<channel>?live`, `?live&comp=...`, `?vod`).
//!
//! alibabacloud-oss-v2 has none of these; ali-oss's `lib/rtmp.js` requests are the
//! reference. `status`, `startTime` and `endTime` are signed in V1 as ali-oss signs them.

use super::Operation;
use super::common::EmptyOutput;
use super::decl::{self, Oss};
use crate::error::{Error, ValidationError};
use crate::request::Request;
use crate::response::Response;

wire_enum! {
    /// Whether a LiveChannel accepts streams.
    pub enum LiveChannelStatus("live channel status") {
        /// Streams may be ingested.
        Enabled = "enabled",
        /// Ingest is refused (and an ongoing stream is cut).
        Disabled = "disabled",
    }
}

wire_enum! {
    /// The format a LiveChannel writes.
    pub enum LiveChannelType("live channel type") {
        /// HTTP Live Streaming: `.ts` fragments and an `.m3u8` playlist.
        Hls = "HLS",
    }
}

/// A LiveChannel name: the object key of the channel, without `/`.
fn channel_name(name: &str) -> Result<(), ValidationError> {
    if name.is_empty() || name.contains('/') {
        return Err(ValidationError::invalid(
            "channel_name",
            name,
            "must be non-empty and contain no '/'",
        ));
    }
    Ok(())
}

/// A playlist name: 6 to 128 characters ending in `.m3u8`.
fn playlist_name(name: &str) -> Result<(), ValidationError> {
    let n = name.chars().count();
    if !(6..=128).contains(&n) || !name.ends_with(".m3u8") {
        return Err(ValidationError::invalid(
            "playlist_name",
            name,
            "must be 6 to 128 characters ending in .m3u8",
        ));
    }
    Ok(())
}

/// A channel description: at most 128 bytes.
fn description(d: &str) -> Result<(), ValidationError> {
    if d.len() > 128 {
        return Err(ValidationError::invalid(
            "description",
            d,
            "must be at most 128 bytes",
        ));
    }
    Ok(())
}

/// Where and how a LiveChannel writes its stream.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct LiveChannelTarget {
    /// The format (`HLS`).
    #[oss(xml = "Type", rename = "type")]
    pub target_type: Option<LiveChannelType>,
    /// Seconds per `.ts` fragment (1 to 100; OSS's default 5).
    #[oss(xml = "FragDuration", min = 1, max = 100)]
    pub frag_duration: Option<u32>,
    /// Fragments listed in the playlist (1 to 100; OSS's default 3).
    #[oss(xml = "FragCount", min = 1, max = 100)]
    pub frag_count: Option<u32>,
    /// The playlist's name (ends in `.m3u8`; OSS's default `playlist.m3u8`).
    #[oss(xml = "PlaylistName", validate = playlist_name)]
    pub playlist_name: Option<String>,
}

/// High-frequency snapshots of a stream, written to another bucket.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct LiveChannelSnapshot {
    /// The RAM role OSS assumes to write snapshots.
    #[oss(xml = "RoleName", required)]
    pub role_name: String,
    /// The bucket snapshots go to (in the same account).
    #[oss(xml = "DestBucket", required)]
    pub dest_bucket: String,
    /// The MNS topic told of each snapshot.
    #[oss(xml = "NotifyTopic", required)]
    pub notify_topic: String,
    /// Seconds between snapshots (1 to 100).
    #[oss(xml = "Interval", required, min = 1, max = 100)]
    pub interval: u32,
}

/// The `LiveChannelConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "LiveChannelConfiguration")]
pub struct LiveChannelConfiguration {
    /// A description (at most 128 bytes).
    #[oss(xml = "Description", validate = description)]
    pub description: Option<String>,
    /// `enabled` or `disabled`.
    #[oss(xml = "Status")]
    pub status: Option<LiveChannelStatus>,
    /// The output.
    #[oss(xml = "Target")]
    pub target: Option<LiveChannelTarget>,
    /// Snapshots, when wanted.
    #[oss(xml = "Snapshot")]
    pub snapshot: Option<LiveChannelSnapshot>,
}

/// Creates (or reconfigures) a LiveChannel: `PUT /<channel>?live`.
///
/// ```
/// use ossio_core::ops::{LiveChannelConfiguration, LiveChannelStatus, Operation, PutLiveChannel};
/// let op = PutLiveChannel::new("examplebucket", "channel-1", LiveChannelConfiguration {
///     status: Some(LiveChannelStatus::Enabled),
///     ..Default::default()
/// });
/// let req = op.to_request().unwrap();
/// assert_eq!(req.key.as_deref(), Some("channel-1"));
/// assert_eq!(req.query_value("live"), Some(None));
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<LiveChannelConfiguration><Status>enabled</Status></LiveChannelConfiguration>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutLiveChannel", method = "PUT", sub_resource = "live", output = PutLiveChannelOutput)]
pub struct PutLiveChannel {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The channel's name (no `/`).
    #[oss(key, validate = channel_name)]
    pub channel_name: String,
    /// The configuration.
    #[oss(document, required)]
    pub live_channel_configuration: LiveChannelConfiguration,
}

impl PutLiveChannel {
    /// Channel `channel_name` of `bucket` with `configuration`.
    pub fn new(
        bucket: impl Into<String>,
        channel_name: impl Into<String>,
        configuration: LiveChannelConfiguration,
    ) -> Self {
        PutLiveChannel {
            bucket: bucket.into(),
            channel_name: channel_name.into(),
            live_channel_configuration: configuration,
        }
    }
}

/// The result of [`PutLiveChannel`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "CreateLiveChannelResult")]
pub struct PutLiveChannelOutput {
    /// The RTMP URLs to push the stream to (unsigned).
    #[oss(xml = "PublishUrls>Url")]
    pub publish_urls: Vec<String>,
    /// The playlist URLs.
    #[oss(xml = "PlayUrls>Url")]
    pub play_urls: Vec<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Reads a LiveChannel's configuration: `GET /<channel>?live`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetLiveChannelInfo", method = "GET", sub_resource = "live", output = GetLiveChannelInfoOutput)]
pub struct GetLiveChannelInfo {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The channel's name.
    #[oss(key, validate = channel_name)]
    pub channel_name: String,
}

impl GetLiveChannelInfo {
    /// Channel `channel_name` of `bucket`.
    pub fn new(bucket: impl Into<String>, channel_name: impl Into<String>) -> Self {
        GetLiveChannelInfo {
            bucket: bucket.into(),
            channel_name: channel_name.into(),
        }
    }
}

/// The result of [`GetLiveChannelInfo`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetLiveChannelInfoOutput {
    /// The configuration.
    #[oss(document)]
    pub live_channel_configuration: Option<LiveChannelConfiguration>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// The video of a stream being ingested.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct LiveChannelVideo {
    /// Width in pixels.
    #[oss(xml = "Width")]
    pub width: Option<u64>,
    /// Height in pixels.
    #[oss(xml = "Height")]
    pub height: Option<u64>,
    /// Frames per second, as OSS writes it.
    #[oss(xml = "FrameRate")]
    pub frame_rate: Option<String>,
    /// Bit rate.
    #[oss(xml = "Bandwidth")]
    pub bandwidth: Option<u64>,
    /// Codec (`H264`, ...).
    #[oss(xml = "Codec")]
    pub codec: Option<String>,
}

/// The audio of a stream being ingested.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct LiveChannelAudio {
    /// Bit rate.
    #[oss(xml = "Bandwidth")]
    pub bandwidth: Option<u64>,
    /// Sample rate.
    #[oss(xml = "SampleRate")]
    pub sample_rate: Option<u64>,
    /// Codec (`AAC`, ...).
    #[oss(xml = "Codec")]
    pub codec: Option<String>,
}

/// Reads a LiveChannel's ingest state: `GET /<channel>?live&comp=stat`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "GetLiveChannelStat",
    method = "GET",
    sub_resource = "live",
    fixed_query = "comp=stat",
    output = GetLiveChannelStatOutput
)]
pub struct GetLiveChannelStat {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The channel's name.
    #[oss(key, validate = channel_name)]
    pub channel_name: String,
}

impl GetLiveChannelStat {
    /// Channel `channel_name` of `bucket`.
    pub fn new(bucket: impl Into<String>, channel_name: impl Into<String>) -> Self {
        GetLiveChannelStat {
            bucket: bucket.into(),
            channel_name: channel_name.into(),
        }
    }
}

/// The result of [`GetLiveChannelStat`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "LiveChannelStat")]
pub struct GetLiveChannelStatOutput {
    /// `Disabled`, `Live` or `Idle`.
    #[oss(xml = "Status")]
    pub status: String,
    /// When the current client started pushing (ISO 8601; `Live` only).
    #[oss(xml = "ConnectedTime")]
    pub connected_time: Option<String>,
    /// The pushing client's address (`Live` only).
    #[oss(xml = "RemoteAddr")]
    pub remote_addr: Option<String>,
    /// The video stream (`Live` only, once video arrives).
    #[oss(xml = "Video")]
    pub video: Option<LiveChannelVideo>,
    /// The audio stream (`Live` only, once audio arrives).
    #[oss(xml = "Audio")]
    pub audio: Option<LiveChannelAudio>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Enables or disables a LiveChannel: `PUT /<channel>?live&status=...`.
///
/// ```
/// use ossio_core::ops::{LiveChannelStatus, Operation, PutLiveChannelStatus};
/// let req = PutLiveChannelStatus::new("examplebucket", "channel-1", LiveChannelStatus::Disabled)
///     .to_request()
///     .unwrap();
/// assert_eq!(req.query_value("status"), Some(Some("disabled")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "PutLiveChannelStatus",
    method = "PUT",
    sub_resource = "live",
    output = EmptyOutput,
    manual
)]
pub struct PutLiveChannelStatus {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The channel's name.
    #[oss(key, validate = channel_name)]
    pub channel_name: String,
    /// The new state.
    #[oss(query = "status", required)]
    pub status: LiveChannelStatus,
}

impl PutLiveChannelStatus {
    /// Sets channel `channel_name` of `bucket` to `status`.
    pub fn new(
        bucket: impl Into<String>,
        channel_name: impl Into<String>,
        status: LiveChannelStatus,
    ) -> Self {
        PutLiveChannelStatus {
            bucket: bucket.into(),
            channel_name: channel_name.into(),
            status,
        }
    }
}

impl Operation for PutLiveChannelStatus {
    type Output = EmptyOutput;
    const NAME: &'static str = "PutLiveChannelStatus";

    fn to_request(&self) -> Result<Request, Error> {
        Ok(decl::Declared::declared_request(self)?.sub_resource("status"))
    }

    fn parse_response(&self, response: &Response<'_>) -> Result<Self::Output, Error> {
        decl::Fields::from_response(response)
    }
}

/// Lists the LiveChannels of a bucket, one page at a time: `GET /?live`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "ListLiveChannel", method = "GET", sub_resource = "live", output = ListLiveChannelOutput)]
pub struct ListLiveChannel {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// Only channels whose names start with this.
    #[oss(query = "prefix")]
    pub prefix: Option<String>,
    /// Start after this channel name.
    #[oss(query = "marker")]
    pub marker: Option<String>,
    /// Page size (1 to 1000; OSS's default 100).
    #[oss(query = "max-keys", min = 1, max = 1000)]
    pub max_keys: Option<u32>,
}

impl ListLiveChannel {
    /// Every LiveChannel of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        ListLiveChannel {
            bucket: bucket.into(),
            prefix: None,
            marker: None,
            max_keys: None,
        }
    }
}

/// One LiveChannel in a listing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct LiveChannelSummary {
    /// The channel's name.
    #[oss(xml = "Name")]
    pub name: String,
    /// Its description.
    #[oss(xml = "Description")]
    pub description: Option<String>,
    /// `enabled` or `disabled`.
    #[oss(xml = "Status")]
    pub status: String,
    /// Last modification (ISO 8601).
    #[oss(xml = "LastModified")]
    pub last_modified: String,
    /// The RTMP URLs to push to.
    #[oss(xml = "PublishUrls>Url")]
    pub publish_urls: Vec<String>,
    /// The playlist URLs.
    #[oss(xml = "PlayUrls>Url")]
    pub play_urls: Vec<String>,
}

/// One page of [`ListLiveChannel`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ListLiveChannelResult")]
pub struct ListLiveChannelOutput {
    /// Prefix as echoed.
    #[oss(xml = "Prefix", empty_none)]
    pub prefix: Option<String>,
    /// Marker as echoed.
    #[oss(xml = "Marker", empty_none)]
    pub marker: Option<String>,
    /// Page size as echoed.
    #[oss(xml = "MaxKeys")]
    pub max_keys: Option<u32>,
    /// Whether more pages follow.
    #[oss(xml = "IsTruncated")]
    pub is_truncated: bool,
    /// The marker of the next page.
    #[oss(xml = "NextMarker", empty_none)]
    pub next_marker: Option<String>,
    /// The channels of this page.
    #[oss(xml = "LiveChannel")]
    pub live_channels: Vec<LiveChannelSummary>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

super::paginated!(
    ListLiveChannel,
    LiveChannelSummary,
    marker,
    next_marker,
    live_channels
);

/// Reads the last ingest sessions of a LiveChannel (up to 10):
/// `GET /<channel>?live&comp=history`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "GetLiveChannelHistory",
    method = "GET",
    sub_resource = "live",
    fixed_query = "comp=history",
    output = GetLiveChannelHistoryOutput
)]
pub struct GetLiveChannelHistory {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The channel's name.
    #[oss(key, validate = channel_name)]
    pub channel_name: String,
}

impl GetLiveChannelHistory {
    /// Channel `channel_name` of `bucket`.
    pub fn new(bucket: impl Into<String>, channel_name: impl Into<String>) -> Self {
        GetLiveChannelHistory {
            bucket: bucket.into(),
            channel_name: channel_name.into(),
        }
    }
}

/// One ingest session.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct LiveRecord {
    /// When pushing started (ISO 8601).
    #[oss(xml = "StartTime")]
    pub start_time: String,
    /// When pushing ended (ISO 8601).
    #[oss(xml = "EndTime")]
    pub end_time: String,
    /// The pushing client's address.
    #[oss(xml = "RemoteAddr")]
    pub remote_addr: String,
}

/// The result of [`GetLiveChannelHistory`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "LiveChannelHistory")]
pub struct GetLiveChannelHistoryOutput {
    /// The sessions, most recent last.
    #[oss(xml = "LiveRecord")]
    pub live_records: Vec<LiveRecord>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// `<channel>/<playlist>`: both parts non-empty.
fn vod_key(key: &str) -> Result<(), ValidationError> {
    match key.split_once('/') {
        Some((c, p)) if !c.is_empty() && !p.is_empty() => Ok(()),
        _ => Err(ValidationError::invalid(
            "key",
            key,
            "must be <channel name>/<playlist name>",
        )),
    }
}

/// Writes a VOD playlist of what a LiveChannel recorded between two times:
/// `POST /<channel>/<playlist>?vod&startTime=...&endTime=...`.
///
/// ```
/// use ossio_core::ops::{Operation, PostVodPlaylist};
/// let req = PostVodPlaylist::new("examplebucket", "channel-1", "vod.m3u8", 1_700_000_000, 1_700_003_600)
///     .to_request()
///     .unwrap();
/// assert_eq!(req.key.as_deref(), Some("channel-1/vod.m3u8"));
/// assert_eq!(req.query_value("startTime"), Some(Some("1700000000")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "PostVodPlaylist",
    method = "POST",
    sub_resource = "vod",
    output = EmptyOutput,
    check = Self::check_times,
    manual
)]
pub struct PostVodPlaylist {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// `<channel name>/<playlist name>` (the playlist's name ends in `.m3u8`).
    #[oss(key, validate = vod_key)]
    pub key: String,
    /// Start of the recording to include (Unix seconds).
    #[oss(query = "startTime", required)]
    pub start_time: u64,
    /// End of the recording to include (Unix seconds; after the start, at most a day later).
    #[oss(query = "endTime", required)]
    pub end_time: u64,
}

impl PostVodPlaylist {
    /// Playlist `playlist_name` of channel `channel_name` over `[start_time, end_time]`.
    pub fn new(
        bucket: impl Into<String>,
        channel_name: &str,
        playlist_name: &str,
        start_time: u64,
        end_time: u64,
    ) -> Self {
        PostVodPlaylist {
            bucket: bucket.into(),
            key: format!("{channel_name}/{playlist_name}"),
            start_time,
            end_time,
        }
    }

    fn check_times(&self) -> Result<(), ValidationError> {
        if self.end_time <= self.start_time || self.end_time - self.start_time > 86_400 {
            return Err(ValidationError::invalid(
                "end_time",
                &self.end_time.to_string(),
                "must be after start_time, by at most a day",
            ));
        }
        Ok(())
    }
}

impl Operation for PostVodPlaylist {
    type Output = EmptyOutput;
    const NAME: &'static str = "PostVodPlaylist";

    fn to_request(&self) -> Result<Request, Error> {
        Ok(decl::Declared::declared_request(self)?
            .sub_resource("startTime")
            .sub_resource("endTime"))
    }

    fn parse_response(&self, response: &Response<'_>) -> Result<Self::Output, Error> {
        decl::Fields::from_response(response)
    }
}

/// Deletes a LiveChannel (the files it wrote stay): `DELETE /<channel>?live`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteLiveChannel", method = "DELETE", sub_resource = "live", output = EmptyOutput)]
pub struct DeleteLiveChannel {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The channel's name.
    #[oss(key, validate = channel_name)]
    pub channel_name: String,
}

impl DeleteLiveChannel {
    /// Channel `channel_name` of `bucket`.
    pub fn new(bucket: impl Into<String>, channel_name: impl Into<String>) -> Self {
        DeleteLiveChannel {
            bucket: bucket.into(),
            channel_name: channel_name.into(),
        }
    }
}

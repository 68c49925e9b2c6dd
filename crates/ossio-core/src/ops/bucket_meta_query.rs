//! Data indexing (meta query): OpenMetaQuery, GetMetaQueryStatus, DoMetaQuery,
//! CloseMetaQuery (`/?metaQuery`, with `comp=add|query|delete`) and DoMetaQueryAction
//! (`/?MetaQuery&action=...`).

use super::common::EmptyOutput;
use super::decl::Oss;

wire_enum! {
    /// How a bucket's objects are indexed and searched.
    pub enum MetaQueryMode("meta query mode") {
        /// Scalar search over metadata (the default).
        Basic = "basic",
        /// Vector (semantic) search over content as well.
        Semantic = "semantic",
    }
}

wire_enum! {
    /// The order of DoMetaQuery's results.
    pub enum MetaQueryOrderType("meta query order") {
        /// Ascending.
        Asc = "asc",
        /// Descending.
        Desc = "desc",
    }
}

wire_enum! {
    /// What an aggregation computes.
    pub enum MetaQueryAggregationOperation("aggregation operation") {
        /// The smallest value.
        Min = "min",
        /// The largest value.
        Max = "max",
        /// The mean.
        Average = "average",
        /// The sum.
        Sum = "sum",
        /// How many values.
        Count = "count",
        /// How many distinct values.
        Distinct = "distinct",
        /// Counts per value.
        Group = "group",
    }
}

wire_enum! {
    /// A media type semantic search covers.
    pub enum MetaQueryMediaType("media type") {
        /// Images.
        Image = "image",
        /// Videos.
        Video = "video",
        /// Audio.
        Audio = "audio",
        /// Documents.
        Document = "document",
    }
}

/// One group of a `group` aggregation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MetaQueryGroup {
    /// The grouped value.
    #[oss(xml = "Value")]
    pub value: Option<String>,
    /// How many objects have it.
    #[oss(xml = "Count")]
    pub count: Option<u64>,
}

/// An aggregation: asked for in DoMetaQuery, answered with its value or groups.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MetaQueryAggregation {
    /// The field aggregated (`Size`, ...).
    #[oss(xml = "Field")]
    pub field: Option<String>,
    /// `min`, `max`, `average`, `sum`, `count`, `distinct` or `group`.
    #[oss(xml = "Operation")]
    pub operation: Option<MetaQueryAggregationOperation>,
    /// The result (a number, as OSS writes it).
    #[oss(xml = "Value")]
    pub value: Option<String>,
    /// The groups (for `group`).
    #[oss(xml = "Groups>Group")]
    pub groups: Vec<MetaQueryGroup>,
}

/// The `MetaQuery` document of a DoMetaQuery request.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "MetaQuery")]
pub struct MetaQuery {
    /// Aggregations to compute.
    #[oss(xml = "Aggregations>Aggregation")]
    pub aggregations: Vec<MetaQueryAggregation>,
    /// The previous page's `NextToken`.
    #[oss(xml = "NextToken")]
    pub next_token: Option<String>,
    /// Page size (0 to 100; OSS's default 20).
    #[oss(xml = "MaxResults", max = 100)]
    pub max_results: Option<u32>,
    /// The query: a JSON condition (basic mode) or text (semantic mode).
    #[oss(xml = "Query")]
    pub query: Option<String>,
    /// The field to sort by (basic mode).
    #[oss(xml = "Sort")]
    pub sort: Option<String>,
    /// `asc` or `desc`.
    #[oss(xml = "Order")]
    pub order: Option<MetaQueryOrderType>,
    /// The media types to search (semantic mode).
    #[oss(xml = "MediaTypes>MediaType")]
    pub media_types: Vec<MetaQueryMediaType>,
    /// A JSON condition on scalar fields (semantic mode).
    #[oss(xml = "SimpleQuery")]
    pub simple_query: Option<String>,
}

/// Turns on data indexing for a bucket: `POST /?metaQuery&comp=add`.
///
/// ```
/// use ossio_core::ops::{MetaQueryMode, OpenMetaQuery, Operation};
/// let req = OpenMetaQuery::new("examplebucket").mode(MetaQueryMode::Semantic).to_request().unwrap();
/// assert_eq!(req.query_value("comp"), Some(Some("add")));
/// assert_eq!(req.query_value("mode"), Some(Some("semantic")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "OpenMetaQuery",
    method = "POST",
    sub_resource = "metaQuery",
    fixed_query = "comp=add",
    output = EmptyOutput
)]
pub struct OpenMetaQuery {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// `basic` (the default) or `semantic`.
    #[oss(query = "mode")]
    pub mode: Option<MetaQueryMode>,
}

impl OpenMetaQuery {
    /// Indexing for `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        OpenMetaQuery {
            bucket: bucket.into(),
            mode: None,
        }
    }

    /// Sets the mode.
    pub fn mode(mut self, mode: MetaQueryMode) -> Self {
        self.mode = Some(mode);
        self
    }
}

/// The state of a bucket's metadata index.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "MetaQueryStatus")]
pub struct MetaQueryStatus {
    /// When the index was created (RFC 3339).
    #[oss(xml = "CreateTime")]
    pub create_time: Option<String>,
    /// When the index was last updated (RFC 3339).
    #[oss(xml = "UpdateTime")]
    pub update_time: Option<String>,
    /// `Ready`, `Stop`, `Running`, `Retrying`, `Failed` or `Deleted`.
    #[oss(xml = "State")]
    pub state: Option<String>,
    /// `FullScanning` or `IncrementalScanning`.
    #[oss(xml = "Phase")]
    pub phase: Option<String>,
    /// `basic` or `semantic`.
    #[oss(xml = "MetaQueryMode")]
    pub meta_query_mode: Option<String>,
}

/// Reads the state of a bucket's metadata index: `GET /?metaQuery`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetMetaQueryStatus", method = "GET", sub_resource = "metaQuery", output = GetMetaQueryStatusOutput)]
pub struct GetMetaQueryStatus {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetMetaQueryStatus {
    /// The index state of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetMetaQueryStatus {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetMetaQueryStatus`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetMetaQueryStatusOutput {
    /// The index state.
    #[oss(document)]
    pub meta_query_status: MetaQueryStatus,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Searches a bucket's metadata index, one page at a time: `POST /?metaQuery&comp=query`.
///
/// ```
/// use ossio_core::ops::{DoMetaQuery, MetaQuery, Operation};
/// let op = DoMetaQuery::new("examplebucket", MetaQuery {
///     query: Some(r#"{"Field":"Size","Value":"1048576","Operation":"gt"}"#.into()),
///     max_results: Some(10),
///     ..Default::default()
/// });
/// assert_eq!(op.to_request().unwrap().query_value("comp"), Some(Some("query")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "DoMetaQuery",
    method = "POST",
    sub_resource = "metaQuery",
    fixed_query = "comp=query",
    output = DoMetaQueryOutput
)]
pub struct DoMetaQuery {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// `basic` (the default) or `semantic`.
    #[oss(query = "mode")]
    pub mode: Option<MetaQueryMode>,
    /// The query.
    #[oss(document, required)]
    pub meta_query: MetaQuery,
}

impl DoMetaQuery {
    /// Runs `meta_query` on `bucket`'s index.
    pub fn new(bucket: impl Into<String>, meta_query: MetaQuery) -> Self {
        DoMetaQuery {
            bucket: bucket.into(),
            mode: None,
            meta_query,
        }
    }
}

/// A tag or a user metadata item of a found object.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MetaQueryTagging {
    /// The key.
    #[oss(xml = "Key")]
    pub key: Option<String>,
    /// The value.
    #[oss(xml = "Value")]
    pub value: Option<String>,
}

/// A user metadata item of a found object.
pub type MetaQueryUserMeta = MetaQueryTagging;

/// An audio stream of a found object.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MetaQueryAudioStream {
    /// Bitrate.
    #[oss(xml = "Bitrate")]
    pub bitrate: Option<u64>,
    /// Sample rate.
    #[oss(xml = "SampleRate")]
    pub sample_rate: Option<u64>,
    /// Start time.
    #[oss(xml = "StartTime")]
    pub start_time: Option<String>,
    /// Duration.
    #[oss(xml = "Duration")]
    pub duration: Option<String>,
    /// Channels.
    #[oss(xml = "Channels")]
    pub channels: Option<u64>,
    /// Language.
    #[oss(xml = "Language")]
    pub language: Option<String>,
    /// Codec name.
    #[oss(xml = "CodecName")]
    pub codec_name: Option<String>,
}

/// A video stream of a found object.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MetaQueryVideoStream {
    /// Bitrate.
    #[oss(xml = "Bitrate")]
    pub bitrate: Option<u64>,
    /// Frame rate.
    #[oss(xml = "FrameRate")]
    pub frame_rate: Option<String>,
    /// Start time.
    #[oss(xml = "StartTime")]
    pub start_time: Option<String>,
    /// Duration.
    #[oss(xml = "Duration")]
    pub duration: Option<String>,
    /// Frame count.
    #[oss(xml = "FrameCount")]
    pub frame_count: Option<u64>,
    /// Height.
    #[oss(xml = "Height")]
    pub height: Option<u64>,
    /// Width.
    #[oss(xml = "Width")]
    pub width: Option<u64>,
    /// Codec name.
    #[oss(xml = "CodecName")]
    pub codec_name: Option<String>,
    /// Language.
    #[oss(xml = "Language")]
    pub language: Option<String>,
    /// Bit depth.
    #[oss(xml = "BitDepth")]
    pub bit_depth: Option<u64>,
    /// Pixel format.
    #[oss(xml = "PixelFormat")]
    pub pixel_format: Option<String>,
    /// Color space.
    #[oss(xml = "ColorSpace")]
    pub color_space: Option<String>,
}

/// A subtitle stream of a found object.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MetaQuerySubtitle {
    /// Codec name.
    #[oss(xml = "CodecName")]
    pub codec_name: Option<String>,
    /// Language.
    #[oss(xml = "Language")]
    pub language: Option<String>,
    /// Start time.
    #[oss(xml = "StartTime")]
    pub start_time: Option<String>,
    /// Duration.
    #[oss(xml = "Duration")]
    pub duration: Option<String>,
}

/// An address where a found image or video was taken.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MetaQueryAddress {
    /// Township.
    #[oss(xml = "Township")]
    pub township: Option<String>,
    /// Address line.
    #[oss(xml = "AddressLine")]
    pub address_line: Option<String>,
    /// City.
    #[oss(xml = "City")]
    pub city: Option<String>,
    /// Country.
    #[oss(xml = "Country")]
    pub country: Option<String>,
    /// District.
    #[oss(xml = "District")]
    pub district: Option<String>,
    /// Language.
    #[oss(xml = "Language")]
    pub language: Option<String>,
    /// Province.
    #[oss(xml = "Province")]
    pub province: Option<String>,
}

/// A caption and a description of an image or a video.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MetaQueryInsight {
    /// A short caption.
    #[oss(xml = "Caption")]
    pub caption: Option<String>,
    /// A description.
    #[oss(xml = "Description")]
    pub description: Option<String>,
}

/// What semantic indexing found in an object.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MetaQueryFileInsights {
    /// For a video.
    #[oss(xml = "Video")]
    pub video: Option<MetaQueryInsight>,
    /// For an image.
    #[oss(xml = "Image")]
    pub image: Option<MetaQueryInsight>,
}

/// One object DoMetaQuery found.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MetaQueryFile {
    /// File modified time.
    #[oss(xml = "FileModifiedTime")]
    pub file_modified_time: Option<String>,
    /// Etag.
    #[oss(xml = "ETag")]
    pub etag: Option<String>,
    /// Server side encryption.
    #[oss(xml = "ServerSideEncryption")]
    pub server_side_encryption: Option<String>,
    /// Oss tagging count.
    #[oss(xml = "OSSTaggingCount")]
    pub oss_tagging_count: Option<u64>,
    /// Oss tagging.
    #[oss(xml = "OSSTagging>Tagging")]
    pub oss_tagging: Vec<MetaQueryTagging>,
    /// Oss user meta.
    #[oss(xml = "OSSUserMeta>UserMeta")]
    pub oss_user_meta: Vec<MetaQueryUserMeta>,
    /// Filename.
    #[oss(xml = "Filename")]
    pub filename: Option<String>,
    /// Size.
    #[oss(xml = "Size")]
    pub size: Option<u64>,
    /// Oss object type.
    #[oss(xml = "OSSObjectType")]
    pub oss_object_type: Option<String>,
    /// Oss storage class.
    #[oss(xml = "OSSStorageClass")]
    pub oss_storage_class: Option<String>,
    /// Object acl.
    #[oss(xml = "ObjectACL")]
    pub object_acl: Option<String>,
    /// Oss crc64.
    #[oss(xml = "OSSCRC64")]
    pub oss_crc64: Option<String>,
    /// Server side encryption customer algorithm.
    #[oss(xml = "ServerSideEncryptionCustomerAlgorithm")]
    pub server_side_encryption_customer_algorithm: Option<String>,
    /// Cache control.
    #[oss(xml = "CacheControl")]
    pub cache_control: Option<String>,
    /// Content disposition.
    #[oss(xml = "ContentDisposition")]
    pub content_disposition: Option<String>,
    /// Content type.
    #[oss(xml = "ContentType")]
    pub content_type: Option<String>,
    /// Lat long.
    #[oss(xml = "LatLong")]
    pub lat_long: Option<String>,
    /// Server side encryption key id.
    #[oss(xml = "ServerSideEncryptionKeyId")]
    pub server_side_encryption_key_id: Option<String>,
    /// Video height.
    #[oss(xml = "VideoHeight")]
    pub video_height: Option<u64>,
    /// Bitrate.
    #[oss(xml = "Bitrate")]
    pub bitrate: Option<u64>,
    /// Meta query audio streams.
    #[oss(xml = "AudioStreams>AudioStream")]
    pub meta_query_audio_streams: Vec<MetaQueryAudioStream>,
    /// Meta query addresses.
    #[oss(xml = "Addresses>Address")]
    pub meta_query_addresses: Vec<MetaQueryAddress>,
    /// Uri.
    #[oss(xml = "URI")]
    pub uri: Option<String>,
    /// Access control request method.
    #[oss(xml = "AccessControlRequestMethod")]
    pub access_control_request_method: Option<String>,
    /// Image width.
    #[oss(xml = "ImageWidth")]
    pub image_width: Option<u64>,
    /// Title.
    #[oss(xml = "Title")]
    pub title: Option<String>,
    /// Access control allow origin.
    #[oss(xml = "AccessControlAllowOrigin")]
    pub access_control_allow_origin: Option<String>,
    /// Image height.
    #[oss(xml = "ImageHeight")]
    pub image_height: Option<u64>,
    /// Album artist.
    #[oss(xml = "AlbumArtist")]
    pub album_artist: Option<String>,
    /// Content encoding.
    #[oss(xml = "ContentEncoding")]
    pub content_encoding: Option<String>,
    /// Content language.
    #[oss(xml = "ContentLanguage")]
    pub content_language: Option<String>,
    /// Artist.
    #[oss(xml = "Artist")]
    pub artist: Option<String>,
    /// Performer.
    #[oss(xml = "Performer")]
    pub performer: Option<String>,
    /// Meta query video streams.
    #[oss(xml = "VideoStreams>VideoStream")]
    pub meta_query_video_streams: Vec<MetaQueryVideoStream>,
    /// Produce time.
    #[oss(xml = "ProduceTime")]
    pub produce_time: Option<String>,
    /// Video width.
    #[oss(xml = "VideoWidth")]
    pub video_width: Option<u64>,
    /// Album.
    #[oss(xml = "Album")]
    pub album: Option<String>,
    /// Media type.
    #[oss(xml = "MediaType")]
    pub media_type: Option<String>,
    /// Oss expiration.
    #[oss(xml = "OSSExpiration")]
    pub oss_expiration: Option<String>,
    /// Server side data encryption.
    #[oss(xml = "ServerSideDataEncryption")]
    pub server_side_data_encryption: Option<String>,
    /// Composer.
    #[oss(xml = "Composer")]
    pub composer: Option<String>,
    /// Duration.
    #[oss(xml = "Duration")]
    pub duration: Option<String>,
    /// Meta query subtitles.
    #[oss(xml = "Subtitles>Subtitle")]
    pub meta_query_subtitles: Vec<MetaQuerySubtitle>,
    /// Insights.
    #[oss(xml = "Insights")]
    pub insights: Option<MetaQueryFileInsights>,
}

/// One page of [`DoMetaQuery`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "MetaQuery", body_optional)]
pub struct DoMetaQueryOutput {
    /// The token of the next page; absent on the last.
    #[oss(xml = "NextToken", empty_none)]
    pub next_token: Option<String>,
    /// The objects found.
    #[oss(xml = "Files>File")]
    pub files: Vec<MetaQueryFile>,
    /// The aggregations asked for.
    #[oss(xml = "Aggregations>Aggregation")]
    pub aggregations: Vec<MetaQueryAggregation>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

impl crate::paginate::Paginated for DoMetaQuery {
    type Item = MetaQueryFile;

    fn next_token(output: &Self::Output) -> Option<String> {
        output.next_token.clone().filter(|t| !t.is_empty())
    }

    fn with_token(&self, token: String) -> Self {
        let mut next = self.clone();
        next.meta_query.next_token = Some(token);
        next
    }

    fn items(output: Self::Output) -> Vec<Self::Item> {
        output.files
    }
}

/// Turns off data indexing and deletes the index: `POST /?metaQuery&comp=delete`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "CloseMetaQuery",
    method = "POST",
    sub_resource = "metaQuery",
    fixed_query = "comp=delete",
    output = EmptyOutput
)]
pub struct CloseMetaQuery {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl CloseMetaQuery {
    /// Indexing of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        CloseMetaQuery {
            bucket: bucket.into(),
        }
    }
}

/// Runs a named action on a bucket's metadata index, with the body the action takes:
/// `POST /?MetaQuery&action=...`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "DoMetaQueryAction",
    method = "POST",
    sub_resource = "MetaQuery",
    output = DoMetaQueryActionOutput
)]
pub struct DoMetaQueryAction {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The action's name.
    #[oss(query = "action", required)]
    pub action: String,
    /// The action's request body, sent as is.
    #[oss(body, md5, content_type = "application/xml")]
    pub body: String,
}

/// The result of [`DoMetaQueryAction`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct DoMetaQueryActionOutput {
    /// The response body, as OSS sent it.
    #[oss(body)]
    pub body: String,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

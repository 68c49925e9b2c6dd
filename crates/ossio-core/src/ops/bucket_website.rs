//! Static website hosting: PutBucketWebsite, GetBucketWebsite, DeleteBucketWebsite
//! (`/?website` with a `WebsiteConfiguration` document: index and error documents, and
//! routing rules that redirect, rewrite or fetch from an origin).
//!
//! Elements are declared in the order alibabacloud-oss-v2 writes them.

use super::common::EmptyOutput;
use super::decl::Oss;

wire_enum! {
    /// How a routing rule answers.
    pub enum RedirectType("redirect type") {
        /// Fetch the object from an origin (mirroring back-to-origin).
        Mirror = "Mirror",
        /// Redirect to another address.
        External = "External",
        /// Rewrite to another key of the bucket.
        Internal = "Internal",
        /// Redirect through Alibaba Cloud CDN.
        AliCdn = "AliCDN",
    }
}

wire_enum! {
    /// The scheme of a redirect target.
    pub enum RedirectProtocol("redirect protocol") {
        /// `http`
        Http = "http",
        /// `https`
        Https = "https",
    }
}

/// The default page of directories.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct IndexDocument {
    /// The default page's name (`index.html`).
    #[oss(xml = "Suffix")]
    pub suffix: Option<String>,
    /// Whether a subdirectory's own default page is served.
    #[oss(xml = "SupportSubDir")]
    pub support_sub_dir: Option<bool>,
    /// With `support_sub_dir`, what a missing key is served as: 0 (the directory's default
    /// page, when a matching directory exists), 1 (404) or 2 (the directory's default page).
    #[oss(xml = "Type", rename = "type", max = 2)]
    pub index_type: Option<u32>,
}

/// The page served for a missing object.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ErrorDocument {
    /// The error page's key.
    #[oss(xml = "Key")]
    pub key: Option<String>,
    /// The status it is served with (200 or 404).
    #[oss(xml = "HttpStatus")]
    pub http_status: Option<u32>,
}

/// A request header a routing rule matches.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct RoutingRuleIncludeHeader {
    /// The header name.
    #[oss(xml = "Key")]
    pub key: Option<String>,
    /// Its value equals this.
    #[oss(xml = "Equals")]
    pub equals: Option<String>,
    /// Its value starts with this.
    #[oss(xml = "StartsWith")]
    pub starts_with: Option<String>,
    /// Its value ends with this.
    #[oss(xml = "EndsWith")]
    pub ends_with: Option<String>,
}

/// When a routing rule applies.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct RoutingRuleCondition {
    /// Keys ending with this.
    #[oss(xml = "KeySuffixEquals")]
    pub key_suffix_equals: Option<String>,
    /// Requests that would answer this status (404 for Mirror).
    #[oss(xml = "HttpErrorCodeReturnedEquals")]
    pub http_error_code_returned_equals: Option<u32>,
    /// Requests carrying these headers (at most 10).
    #[oss(xml = "IncludeHeader", max = 10)]
    pub include_headers: Vec<RoutingRuleIncludeHeader>,
    /// Keys starting with this.
    #[oss(xml = "KeyPrefixEquals")]
    pub key_prefix_equals: Option<String>,
}

/// A header set on requests to the origin.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MirrorHeadersSet {
    /// The header name.
    #[oss(xml = "Key")]
    pub key: Option<String>,
    /// Its value.
    #[oss(xml = "Value")]
    pub value: Option<String>,
}

/// Which request headers reach the origin.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MirrorHeaders {
    /// Whether every header is passed (except those OSS reserves).
    #[oss(xml = "PassAll")]
    pub pass_all: Option<bool>,
    /// Headers passed (at most 10).
    #[oss(xml = "Pass", max = 10)]
    pub passs: Vec<String>,
    /// Headers removed (at most 10).
    #[oss(xml = "Remove", max = 10)]
    pub removes: Vec<String>,
    /// Headers set (at most 10).
    #[oss(xml = "Set", max = 10)]
    pub sets: Vec<MirrorHeadersSet>,
}

/// A tag set on objects fetched from the origin.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MirrorTagging {
    /// The tag key.
    #[oss(xml = "Key")]
    pub key: Option<String>,
    /// The tag value.
    #[oss(xml = "Value")]
    pub value: Option<String>,
}

/// Tags set on objects fetched from the origin.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MirrorTaggings {
    /// The tags.
    #[oss(xml = "Taggings")]
    pub taggings: Vec<MirrorTagging>,
}

/// How OSS signs its requests to the origin.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MirrorAuth {
    /// The origin's access key id.
    #[oss(xml = "AccessKeyId")]
    pub access_key_id: Option<String>,
    /// The origin's access key secret.
    #[oss(xml = "AccessKeySecret")]
    pub access_key_secret: Option<String>,
    /// The signing scheme (`S3V4`).
    #[oss(xml = "AuthType")]
    pub auth_type: Option<String>,
    /// The origin's region.
    #[oss(xml = "Region")]
    pub region: Option<String>,
}

/// A header set on the answer to the client.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ReturnHeader {
    /// Its value.
    #[oss(xml = "Value")]
    pub value: Option<String>,
    /// The header name.
    #[oss(xml = "Key")]
    pub key: Option<String>,
}

/// Headers set on the answer to the client.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MirrorReturnHeaders {
    /// The headers.
    #[oss(xml = "ReturnHeader")]
    pub return_headers: Vec<ReturnHeader>,
}

/// A further origin.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MirrorMultiAlternate {
    /// Its position in the order origins are tried.
    #[oss(xml = "MirrorMultiAlternateNumber")]
    pub mirror_multi_alternate_number: Option<u32>,
    /// Its URL.
    #[oss(xml = "MirrorMultiAlternateURL")]
    pub mirror_multi_alternate_url: Option<String>,
    /// Its VPC id.
    #[oss(xml = "MirrorMultiAlternateVpcId")]
    pub mirror_multi_alternate_vpc_id: Option<String>,
    /// Its region.
    #[oss(xml = "MirrorMultiAlternateDstRegion")]
    pub mirror_multi_alternate_dst_region: Option<String>,
}

/// Further origins, tried in turn.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MirrorMultiAlternates {
    /// The origins.
    #[oss(xml = "MirrorMultiAlternate")]
    pub mirror_multi_alternates: Vec<MirrorMultiAlternate>,
}

/// What a routing rule does.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct RoutingRuleRedirect {
    /// The origin to fetch from (Mirror).
    #[oss(xml = "MirrorURL")]
    pub mirror_url: Option<String>,
    /// Replaces the whole key in the redirect target; `${key}` is the original key.
    #[oss(xml = "ReplaceKeyWith")]
    pub replace_key_with: Option<String>,
    /// Whether `replace_key_prefix_with` replaces the matched prefix.
    #[oss(xml = "EnableReplacePrefix")]
    pub enable_replace_prefix: Option<bool>,
    /// Whether the query string is passed on to the redirect target.
    #[oss(xml = "PassQueryString")]
    pub pass_query_string: Option<bool>,
    /// Which request headers are passed to the origin (Mirror).
    #[oss(xml = "MirrorHeaders")]
    pub mirror_headers: Option<MirrorHeaders>,
    /// 301, 302 or 307 (External and AliCDN).
    #[oss(xml = "HttpRedirectCode")]
    pub http_redirect_code: Option<u32>,
    /// Whether SNI is sent to an HTTPS origin.
    #[oss(xml = "MirrorSNI")]
    pub mirror_sni: Option<bool>,
    /// `http` or `https` for the redirect target.
    #[oss(xml = "Protocol")]
    pub protocol: Option<RedirectProtocol>,
    /// Replaces the matched prefix in the redirect target.
    #[oss(xml = "ReplaceKeyPrefixWith")]
    pub replace_key_prefix_with: Option<String>,
    /// `Mirror`, `External`, `Internal` or `AliCDN`.
    #[oss(xml = "RedirectType")]
    pub redirect_type: Option<RedirectType>,
    /// Whether the query string is passed to the origin (Mirror).
    #[oss(xml = "MirrorPassQueryString")]
    pub mirror_pass_query_string: Option<bool>,
    /// The host of the redirect target.
    #[oss(xml = "HostName")]
    pub host_name: Option<String>,
    /// Whether a 3xx from the origin is followed (Mirror).
    #[oss(xml = "MirrorFollowRedirect")]
    pub mirror_follow_redirect: Option<bool>,
    /// Whether the origin's Content-MD5 is checked (Mirror).
    #[oss(xml = "MirrorCheckMd5")]
    pub mirror_check_md5: Option<bool>,
    /// Whether consecutive slashes are kept when fetching from the origin.
    #[oss(xml = "MirrorPassOriginalSlashes")]
    pub mirror_pass_original_slashes: Option<bool>,
    /// Whether video snapshots may be fetched from the origin.
    #[oss(xml = "MirrorAllowVideoSnapshot")]
    pub mirror_allow_video_snapshot: Option<bool>,
    /// The status code that makes OSS fetch from the origin in the background.
    #[oss(xml = "MirrorAsyncStatus")]
    pub mirror_async_status: Option<u32>,
    /// Tags set on objects fetched from the origin.
    #[oss(xml = "MirrorTaggings")]
    pub mirror_taggings: Option<MirrorTaggings>,
    /// How OSS signs its requests to the origin.
    #[oss(xml = "MirrorAuth")]
    pub mirror_auth: Option<MirrorAuth>,
    /// The region of the origin VPC.
    #[oss(xml = "MirrorDstRegion")]
    pub mirror_dst_region: Option<String>,
    /// The id of the origin VPC.
    #[oss(xml = "MirrorDstVpcId")]
    pub mirror_dst_vpc_id: Option<String>,
    /// The id of the tunnel to the origin.
    #[oss(xml = "MirrorTunnelId")]
    pub mirror_tunnel_id: Option<String>,
    /// The RAM role OSS assumes to reach the origin.
    #[oss(xml = "MirrorRole")]
    pub mirror_role: Option<String>,
    /// Whether `mirror_role` is used.
    #[oss(xml = "MirrorUsingRole")]
    pub mirror_using_role: Option<bool>,
    /// Headers set on the answer to the client.
    #[oss(xml = "MirrorReturnHeaders")]
    pub mirror_return_headers: Option<MirrorReturnHeaders>,
    /// Whether the origin's answer is passed through without being stored.
    #[oss(xml = "MirrorProxyPass")]
    pub mirror_proxy_pass: Option<bool>,
    /// Whether the origin is reached over an Express Connect tunnel.
    #[oss(xml = "MirrorIsExpressTunnel")]
    pub mirror_is_express_tunnel: Option<bool>,
    /// The id of the secondary origin VPC.
    #[oss(xml = "MirrorDstSlaveVpcId")]
    pub mirror_dst_slave_vpc_id: Option<String>,
    /// Whether HeadObject may fetch from the origin.
    #[oss(xml = "MirrorAllowHeadObject")]
    pub mirror_allow_head_object: Option<bool>,
    /// Origin status codes passed through to the client, comma-separated.
    #[oss(xml = "TransparentMirrorResponseCodes")]
    pub transparent_mirror_response_codes: Option<String>,
    /// Whether `x-oss-meta-*` headers of the origin are kept.
    #[oss(xml = "MirrorSaveOssMeta")]
    pub mirror_save_oss_meta: Option<bool>,
    /// Whether image info requests may fetch from the origin.
    #[oss(xml = "MirrorAllowGetImageInfo")]
    pub mirror_allow_get_image_info: Option<bool>,
    /// The URL that probes the health of the primary origin.
    #[oss(xml = "MirrorURLProbe")]
    pub mirror_url_probe: Option<String>,
    /// The secondary origin.
    #[oss(xml = "MirrorURLSlave")]
    pub mirror_url_slave: Option<String>,
    /// Whether the origin's Last-Modified is kept.
    #[oss(xml = "MirrorUserLastModified")]
    pub mirror_user_last_modified: Option<bool>,
    /// Whether any origin error switches to the secondary origin.
    #[oss(xml = "MirrorSwitchAllErrors")]
    pub mirror_switch_all_errors: Option<bool>,
    /// Further origins, tried in turn.
    #[oss(xml = "MirrorMultiAlternates")]
    pub mirror_multi_alternates: Option<MirrorMultiAlternates>,
}

/// A Lua script run for matching requests.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct RoutingRuleLuaConfig {
    /// The script's name.
    #[oss(xml = "Script")]
    pub script: Option<String>,
}

/// One routing rule.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct RoutingRule {
    /// Its position: rules are tried by increasing number (a positive integer).
    #[oss(xml = "RuleNumber", min = 1)]
    pub rule_number: Option<u32>,
    /// When it applies.
    #[oss(xml = "Condition")]
    pub condition: Option<RoutingRuleCondition>,
    /// What it does.
    #[oss(xml = "Redirect")]
    pub redirect: Option<RoutingRuleRedirect>,
    /// A Lua script it runs.
    #[oss(xml = "LuaConfig")]
    pub lua_config: Option<RoutingRuleLuaConfig>,
}

/// The routing rules.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct RoutingRules {
    /// The rules (at most 20).
    #[oss(xml = "RoutingRule", max = 20)]
    pub routing_rules: Vec<RoutingRule>,
}

/// The `WebsiteConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "WebsiteConfiguration")]
pub struct WebsiteConfiguration {
    /// The default page.
    #[oss(xml = "IndexDocument")]
    pub index_document: Option<IndexDocument>,
    /// The error page.
    #[oss(xml = "ErrorDocument")]
    pub error_document: Option<ErrorDocument>,
    /// The routing rules.
    #[oss(xml = "RoutingRules")]
    pub routing_rules: Option<RoutingRules>,
}

/// Sets a bucket's static website configuration, replacing what it had.
///
/// ```
/// use ossio_core::ops::{Operation, PutBucketWebsite};
/// let req = PutBucketWebsite::new("examplebucket", "index.html", "error.html")
///     .to_request()
///     .unwrap();
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<WebsiteConfiguration><IndexDocument><Suffix>index.html</Suffix></IndexDocument>\
///       <ErrorDocument><Key>error.html</Key></ErrorDocument></WebsiteConfiguration>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutBucketWebsite", method = "PUT", sub_resource = "website", output = EmptyOutput)]
pub struct PutBucketWebsite {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The configuration.
    #[oss(document, required)]
    pub website_configuration: WebsiteConfiguration,
}

impl PutBucketWebsite {
    /// Serves `index` for directories and `error` for missing objects of `bucket`.
    pub fn new(
        bucket: impl Into<String>,
        index: impl Into<String>,
        error: impl Into<String>,
    ) -> Self {
        PutBucketWebsite {
            bucket: bucket.into(),
            website_configuration: WebsiteConfiguration {
                index_document: Some(IndexDocument {
                    suffix: Some(index.into()),
                    ..IndexDocument::default()
                }),
                error_document: Some(ErrorDocument {
                    key: Some(error.into()),
                    http_status: None,
                }),
                routing_rules: None,
            },
        }
    }
}

/// Reads a bucket's static website configuration.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketWebsite", method = "GET", sub_resource = "website", output = GetBucketWebsiteOutput)]
pub struct GetBucketWebsite {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketWebsite {
    /// The website configuration of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketWebsite {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketWebsite`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketWebsiteOutput {
    /// The configuration.
    #[oss(document)]
    pub website_configuration: Option<WebsiteConfiguration>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Turns a bucket's static website hosting off.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteBucketWebsite", method = "DELETE", sub_resource = "website", output = EmptyOutput)]
pub struct DeleteBucketWebsite {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl DeleteBucketWebsite {
    /// The website configuration of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        DeleteBucketWebsite {
            bucket: bucket.into(),
        }
    }
}

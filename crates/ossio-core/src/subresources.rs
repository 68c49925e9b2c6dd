//! The query parameters that select an OSS operation (sub-resources), as opposed to those
//! that refine one (`prefix`, `max-keys`, `response-content-type`, ...).
//!
//! A server or proxy decides which operation a request is from its method, its level
//! (service, bucket, object) and this set; a parameter outside it never changes the
//! operation. The list is the union of every sub-resource the official SDKs send;
//! [`PARAMETERS`] are the refining parameters.

use std::borrow::Cow;

/// Every sub-resource OSS knows, sorted.
pub const ALL: &[&str] = &[
    "MetaQuery",
    "accessPoint",
    "accessPointConfigForObjectProcess",
    "accessPointForObjectProcess",
    "accessPointPolicy",
    "accessPointPolicyForObjectProcess",
    "accessmonitor",
    "acl",
    "append",
    "asyncFetch",
    "bucketArchiveDirectRead",
    "bucketInfo",
    "cleanRestoredObject",
    "cloudboxes",
    "cname",
    "comp",
    "cors",
    "dataPipeline",
    "delete",
    "encryption",
    "httpsConfig",
    "inventory",
    "legalHold",
    "lifecycle",
    "live",
    "location",
    "logging",
    "metaQuery",
    "metadataConfiguration",
    "metadataInventoryTable",
    "metadataJournalTable",
    "objectMeta",
    "objectWorm",
    "overwriteConfig",
    "policy",
    "policyStatus",
    "publicAccessBlock",
    "qos",
    "qosInfo",
    "quota",
    "redundancyTransition",
    "referer",
    "regionList",
    "regions",
    "replication",
    "replicationLocation",
    "replicationProgress",
    "requestPayment",
    "requesterQosInfo",
    "resourceGroup",
    "resourcePool",
    "resourcePoolBuckets",
    "resourcePoolInfo",
    "restore",
    "retention",
    "rtc",
    "seal",
    "select",
    "stat",
    "style",
    "symlink",
    "tagging",
    "transferAcceleration",
    "uploadId",
    "uploads",
    "userDefinedLogFieldsConfig",
    "versioning",
    "versions",
    "vod",
    "website",
    "worm",
    "wormExtend",
    "wormId",
    "x-oss-async-process",
    "x-oss-process",
    "x-oss-write-get-object-response",
];

/// Whether `name` is an OSS sub-resource.
///
/// ```
/// use ossio_core::subresources::is_sub_resource;
/// assert!(is_sub_resource("retention"));
/// assert!(!is_sub_resource("max-keys"));
/// ```
pub fn is_sub_resource(name: &str) -> bool {
    ALL.binary_search(&name).is_ok()
}

/// Query parameters that refine an operation; they never select one, even sent bare.
pub const PARAMETERS: &[&str] = &[
    "continuation-token",
    "delimiter",
    "encoding-type",
    "fetch-owner",
    "inventoryId",
    "key-marker",
    "list-type",
    "marker",
    "max-keys",
    "max-parts",
    "max-uploads",
    "part-number-marker",
    "partNumber",
    "position",
    "prefix",
    "resourceGroupId",
    "response-cache-control",
    "response-content-disposition",
    "response-content-encoding",
    "response-content-language",
    "response-content-type",
    "response-expires",
    "rule-id",
    "start-after",
    "styleName",
    "tag-key",
    "tag-value",
    "upload-id-marker",
    "version-id-marker",
    "versionId",
];

/// Whether `name` is a query parameter that refines an operation (`max-keys`, `marker`,
/// `response-content-type`, ...).
///
/// ```
/// assert!(ossio_core::subresources::is_parameter("max-keys"));
/// assert!(!ossio_core::subresources::is_parameter("acl"));
/// ```
pub fn is_parameter(name: &str) -> bool {
    PARAMETERS.contains(&name)
}

/// What OSS answers to a GET of a bucket configuration that was never set (or was
/// deleted): an error, or a default document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unset {
    /// An error response.
    Error {
        /// The HTTP status (404).
        status: u16,
        /// OSS's error code, e.g. `NoSuchCORSConfiguration`.
        code: Cow<'static, str>,
        /// The message.
        message: Cow<'static, str>,
    },
    /// `200` with this document: the configuration every bucket starts with.
    Document(&'static str),
}

const fn missing(code: &'static str, message: &'static str) -> Unset {
    Unset::Error {
        status: 404,
        code: Cow::Borrowed(code),
        message: Cow::Borrowed(message),
    }
}

/// The documented answers to a GET of an unset bucket configuration, by sub-resource.
/// Codes from OSS's API reference and error centre (and the official SDKs' error classes);
/// the ones marked "assumed" are not documented by code (OSS documents only a 404) and
/// follow OSS's `NoSuch<Thing>` pattern.
pub const UNSET_CONFIGURATIONS: &[(&str, Unset)] = &[
    (
        "accessmonitor",
        Unset::Document(
            "<AccessMonitorConfiguration><Status>Disabled</Status></AccessMonitorConfiguration>",
        ),
    ),
    (
        "bucketArchiveDirectRead",
        Unset::Document(
            "<ArchiveDirectReadConfiguration><Enabled>false</Enabled></ArchiveDirectReadConfiguration>",
        ),
    ),
    (
        "cors",
        missing(
            "NoSuchCORSConfiguration",
            "The CORS Configuration does not exist.",
        ),
    ),
    (
        "encryption",
        missing(
            "NoSuchServerSideEncryptionRule",
            "The server side encryption configuration was not found.",
        ),
    ),
    (
        "httpsConfig",
        Unset::Document(
            "<HttpsConfiguration><TLS><Enable>false</Enable></TLS></HttpsConfiguration>",
        ),
    ),
    (
        "inventory",
        missing(
            "NoSuchInventory",
            "The inventory configuration does not exist.",
        ),
    ),
    (
        "lifecycle",
        missing("NoSuchLifecycle", "No Row found in Lifecycle Table."),
    ),
    (
        "logging",
        Unset::Document("<BucketLoggingStatus></BucketLoggingStatus>"),
    ),
    // Assumed code: OSS documents a 404.
    (
        "objectWorm",
        missing(
            "NoSuchObjectWormConfiguration",
            "The object WORM configuration does not exist.",
        ),
    ),
    // Assumed code: OSS documents a 404.
    (
        "overwriteConfig",
        missing(
            "NoSuchOverwriteConfiguration",
            "The overwrite configuration does not exist.",
        ),
    ),
    (
        "policy",
        missing("NoSuchBucketPolicy", "The bucket policy does not exist."),
    ),
    (
        "publicAccessBlock",
        Unset::Document(
            "<PublicAccessBlockConfiguration><BlockPublicAccess>false</BlockPublicAccess></PublicAccessBlockConfiguration>",
        ),
    ),
    (
        "referer",
        Unset::Document(
            "<RefererConfiguration><AllowEmptyReferer>true</AllowEmptyReferer><RefererList></RefererList></RefererConfiguration>",
        ),
    ),
    (
        "replication",
        missing(
            "NoSuchReplicationConfiguration",
            "The replication configuration does not exist.",
        ),
    ),
    (
        "requestPayment",
        Unset::Document(
            "<RequestPaymentConfiguration><Payer>BucketOwner</Payer></RequestPaymentConfiguration>",
        ),
    ),
    // Assumed code: OSS documents a 404.
    (
        "style",
        missing("NoSuchStyle", "The specified style does not exist."),
    ),
    (
        "tagging",
        Unset::Document("<Tagging><TagSet></TagSet></Tagging>"),
    ),
    (
        "transferAcceleration",
        missing(
            "NoSuchTransferAccelerationConfiguration",
            "The bucket has no transfer acceleration configuration.",
        ),
    ),
    // Assumed code: OSS documents a 404.
    (
        "userDefinedLogFieldsConfig",
        missing(
            "NoSuchUserDefinedLogFieldsConfig",
            "The user defined log fields configuration does not exist.",
        ),
    ),
    (
        "versioning",
        Unset::Document("<VersioningConfiguration></VersioningConfiguration>"),
    ),
    (
        "website",
        missing(
            "NoSuchWebsiteConfiguration",
            "The specified bucket does not have a website configuration.",
        ),
    ),
    (
        "worm",
        missing(
            "NoSuchWORMConfiguration",
            "The WORM configuration does not exist.",
        ),
    ),
];

/// What OSS answers to a GET of the bucket configuration at sub-resource `sub` when none
/// was set: the documented answer ([`UNSET_CONFIGURATIONS`]), else (assumed)
/// `404 NoSuch<Sub>Configuration`.
///
/// ```
/// use ossio_core::subresources::{unset_configuration, Unset};
/// assert!(matches!(
///     unset_configuration("cors"),
///     Unset::Error { status: 404, code, .. } if code == "NoSuchCORSConfiguration"
/// ));
/// assert!(matches!(unset_configuration("tagging"), Unset::Document(d) if d.starts_with("<Tagging>")));
/// assert!(matches!(
///     unset_configuration("somethingNew"),
///     Unset::Error { code, .. } if code == "NoSuchSomethingNewConfiguration"
/// ));
/// ```
pub fn unset_configuration(sub: &str) -> Unset {
    if let Some((_, u)) = UNSET_CONFIGURATIONS.iter().find(|(s, _)| *s == sub) {
        return u.clone();
    }
    let mut chars = sub.chars();
    let thing: String = chars
        .next()
        .map(|c| c.to_ascii_uppercase())
        .into_iter()
        .chain(chars)
        .collect();
    Unset::Error {
        status: 404,
        code: Cow::Owned(format!("NoSuch{thing}Configuration")),
        message: Cow::Owned(format!("The {sub} configuration does not exist.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unset_configurations_are_sub_resources_once() {
        for (i, (s, u)) in UNSET_CONFIGURATIONS.iter().enumerate() {
            assert!(is_sub_resource(s), "{s}");
            assert!(UNSET_CONFIGURATIONS[..i].iter().all(|(o, _)| o != s), "{s}");
            if let Unset::Document(d) = u {
                assert!(crate::xml::parse(d.as_bytes()).is_ok(), "{s}: {d}");
            }
        }
    }

    #[test]
    fn sorted_and_unique_for_binary_search() {
        assert!(ALL.windows(2).all(|w| w[0] < w[1]), "keep ALL sorted");
        assert!(ALL.iter().all(|s| is_sub_resource(s)));
    }

    #[test]
    fn covers_the_signers_operation_sub_resources() {
        // Everything an operation declares for V1 signing selects an operation, except the
        // names that only ever come with another sub-resource.
        for s in crate::signer::v1::OPERATION_SUB_RESOURCES {
            if !matches!(*s, "inventoryId" | "styleName") {
                assert!(is_sub_resource(s), "{s}");
            }
        }
    }
}

//! The query parameters that select an OSS operation (sub-resources), as opposed to those
//! that refine one (`prefix`, `max-keys`, `response-content-type`, ...).
//!
//! A server or proxy decides which operation a request is from its method, its level
//! (service, bucket, object) and this set; a parameter outside it never changes the
//! operation. The list is the union of every sub-resource the official SDKs send;
//! [`PARAMETERS`] are the refining parameters.

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

#[cfg(test)]
mod tests {
    use super::*;

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

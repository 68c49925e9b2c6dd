//! A bucket's inventory reports: Put/Get/List/DeleteBucketInventory
//! (`/?inventory&inventoryId=<id>` with an `InventoryConfiguration` document; the listing
//! is `/?inventory`, continued with `continuation-token`).

use super::decl::Oss;
use crate::error::ValidationError;

wire_enum! {
    /// The format of exported inventory lists.
    pub enum InventoryFormatType("inventory format") {
        /// GZIP-compressed CSV files.
        Csv = "CSV",
    }
}

wire_enum! {
    /// How often an inventory list is exported.
    pub enum InventoryFrequencyType("inventory frequency") {
        /// Every day.
        Daily = "Daily",
        /// Every week.
        Weekly = "Weekly",
        /// Every month (see `day_of_month`).
        Monthly = "Monthly",
        /// Once (see `auto_delete`).
        Once = "Once",
    }
}

wire_enum! {
    /// Which object versions an inventory lists.
    pub enum InventoryIncludedObjectVersions("included object versions") {
        /// Every version.
        All = "All",
        /// Only the current versions.
        Current = "Current",
    }
}

wire_enum! {
    /// An optional column of an inventory list (the last six only in incremental inventories).
    pub enum InventoryOptionalField("inventory optional field") {
        /// Object size.
        Size = "Size",
        /// Last modification time.
        LastModifiedDate = "LastModifiedDate",
        /// ETag.
        ETag = "ETag",
        /// Storage class.
        StorageClass = "StorageClass",
        /// Whether the object was uploaded in parts.
        IsMultipartUploaded = "IsMultipartUploaded",
        /// Whether the object is encrypted.
        EncryptionStatus = "EncryptionStatus",
        /// When the object moved to its storage class.
        TransitionTime = "TransitionTime",
        /// The object's ACL.
        ObjectAcl = "ObjectAcl",
        /// How many tags the object has.
        TaggingCount = "TaggingCount",
        /// Object type.
        ObjectType = "ObjectType",
        /// CRC-64 of the object.
        Crc64 = "Crc64",
        /// Sequence number (incremental inventories).
        SequenceNumber = "SequenceNumber",
        /// Event type (incremental inventories).
        RecordType = "RecordType",
        /// Event time (incremental inventories).
        RecordTimestamp = "RecordTimestamp",
        /// Who made the request (incremental inventories).
        Requester = "Requester",
        /// The requester's IP address (incremental inventories).
        SourceIp = "SourceIp",
        /// The request ID (incremental inventories).
        RequestId = "RequestId",
    }
}

/// An inventory name: 1 to 192 characters.
fn inventory_name(field: &'static str, v: &str) -> Result<(), ValidationError> {
    if v.is_empty() || v.chars().count() > 192 {
        return Err(ValidationError::invalid(
            field,
            v,
            "must be 1 to 192 characters",
        ));
    }
    Ok(())
}

fn inventory_id(v: &str) -> Result<(), ValidationError> {
    inventory_name("inventory_id", v)
}

fn configuration_id(v: &str) -> Result<(), ValidationError> {
    inventory_name("id", v)
}

/// A prefix in an inventory document: at most 1023 characters.
fn inventory_prefix(v: &str) -> Result<(), ValidationError> {
    if v.chars().count() > 1023 {
        return Err(ValidationError::invalid(
            "prefix",
            v,
            "must be at most 1023 characters",
        ));
    }
    Ok(())
}

/// The first and last second OSS accepts in a last-modified filter (2010-01-01 to 9999-12-31).
const TIMESTAMP_MIN: u64 = 1_262_275_200;
const TIMESTAMP_MAX: u64 = 253_402_271_999;

fn begin_time(v: &u64) -> Result<(), ValidationError> {
    super::decl::check_range(
        "last_modify_begin_time_stamp",
        *v,
        TIMESTAMP_MIN,
        TIMESTAMP_MAX,
    )
}

fn end_time(v: &u64) -> Result<(), ValidationError> {
    super::decl::check_range(
        "last_modify_end_time_stamp",
        *v,
        TIMESTAMP_MIN,
        TIMESTAMP_MAX,
    )
}

/// A field the OSS API requires in a document that is otherwise all optional.
fn present<T>(v: &Option<T>, field: &'static str) -> Result<(), ValidationError> {
    match v {
        Some(_) => Ok(()),
        None => Err(ValidationError::invalid(field, "", "is required")),
    }
}

fn destination_complete(d: &InventoryOssBucketDestination) -> Result<(), ValidationError> {
    present(&d.format, "format")?;
    present(&d.role_arn, "role_arn")?;
    present(&d.bucket, "bucket")
}

fn schedule_complete(s: &InventorySchedule) -> Result<(), ValidationError> {
    present(&s.frequency, "frequency")
}

fn configuration_complete(c: &InventoryConfiguration) -> Result<(), ValidationError> {
    present(&c.id, "id")?;
    present(&c.is_enabled, "is_enabled")?;
    present(&c.destination, "destination")?;
    present(&c.schedule, "schedule")?;
    present(&c.included_object_versions, "included_object_versions")
}

/// The SSE-KMS key that encrypts exported inventory lists.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct InventorySseKms {
    /// The KMS key ID.
    #[oss(xml = "KeyId", required)]
    pub key_id: String,
}

/// How exported inventory lists are encrypted: SSE-KMS with a key, or SSE-OSS.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct InventoryEncryption {
    /// SSE-KMS with this key.
    #[oss(xml = "SSE-KMS")]
    pub sse_kms: Option<InventorySseKms>,
    /// SSE-OSS (an empty element).
    #[oss(xml = "SSE-OSS")]
    pub sse_oss: Option<String>,
}

/// The bucket exported inventory lists are written to (`format`, `role_arn` and `bucket`
/// are required).
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(check = destination_complete)]
pub struct InventoryOssBucketDestination {
    /// The list format (`CSV`).
    #[oss(xml = "Format")]
    pub format: Option<InventoryFormatType>,
    /// The account that owns the destination bucket.
    #[oss(xml = "AccountId")]
    pub account_id: Option<String>,
    /// The role that reads the source and writes the destination: `acs:ram::<uid>:role/<name>`.
    #[oss(xml = "RoleArn")]
    pub role_arn: Option<String>,
    /// The destination bucket: `acs:oss:::<bucket>`.
    #[oss(xml = "Bucket")]
    pub bucket: Option<String>,
    /// Where in the destination bucket the lists go (at most 1023 characters).
    #[oss(xml = "Prefix", validate = inventory_prefix)]
    pub prefix: Option<String>,
    /// How the lists are encrypted.
    #[oss(xml = "Encryption")]
    pub encryption: Option<InventoryEncryption>,
}

/// Where exported inventory lists go.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct InventoryDestination {
    /// The destination bucket.
    #[oss(xml = "OSSBucketDestination")]
    pub oss_bucket_destination: Option<InventoryOssBucketDestination>,
}

/// When inventory lists are exported (`frequency` is required).
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(check = schedule_complete)]
pub struct InventorySchedule {
    /// `Daily`, `Weekly`, `Monthly` or `Once`.
    #[oss(xml = "Frequency")]
    pub frequency: Option<InventoryFrequencyType>,
    /// The day of the month (1 to 31), for `Monthly`.
    #[oss(xml = "DayOfMonth", min = 1, max = 31)]
    pub day_of_month: Option<u32>,
    /// Whether a `Once` inventory's configuration is deleted after it ran.
    #[oss(xml = "AutoDelete")]
    pub auto_delete: Option<bool>,
}

fn filter_bounds(f: &InventoryFilter) -> Result<(), ValidationError> {
    if let (Some(lo), Some(hi)) = (f.lower_size_bound, f.upper_size_bound) {
        if hi <= lo {
            return Err(ValidationError::invalid(
                "upper_size_bound",
                &hi.to_string(),
                "must be greater than lower_size_bound",
            ));
        }
    }
    if let (Some(b), Some(e)) = (f.last_modify_begin_time_stamp, f.last_modify_end_time_stamp) {
        if e < b {
            return Err(ValidationError::invalid(
                "last_modify_end_time_stamp",
                &e.to_string(),
                "must not be before last_modify_begin_time_stamp",
            ));
        }
    }
    Ok(())
}

/// Which objects an inventory lists.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(check = filter_bounds)]
pub struct InventoryFilter {
    /// The smallest size listed, in bytes.
    #[oss(xml = "LowerSizeBound")]
    pub lower_size_bound: Option<u64>,
    /// The largest size listed, in bytes (more than `lower_size_bound`).
    #[oss(xml = "UpperSizeBound", min = 1)]
    pub upper_size_bound: Option<u64>,
    /// Storage classes listed, comma-separated (`Standard,IA`, or `All`).
    #[oss(xml = "StorageClass")]
    pub storage_class: Option<String>,
    /// Only keys with this prefix (at most 1023 characters).
    #[oss(xml = "Prefix", validate = inventory_prefix)]
    pub prefix: Option<String>,
    /// Objects last modified at or after this Unix time (seconds, 2010 to 9999).
    #[oss(xml = "LastModifyBeginTimeStamp", validate = begin_time)]
    pub last_modify_begin_time_stamp: Option<u64>,
    /// Objects last modified at or before this Unix time (seconds, 2010 to 9999).
    #[oss(xml = "LastModifyEndTimeStamp", validate = end_time)]
    pub last_modify_end_time_stamp: Option<u64>,
}

/// The optional columns of an inventory list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct InventoryOptionalFields {
    /// The columns.
    #[oss(xml = "Field")]
    pub fields: Vec<InventoryOptionalField>,
}

/// When incremental inventory files are exported.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct IncrementalInventorySchedule {
    /// The export interval, in seconds.
    #[oss(xml = "Frequency")]
    pub frequency: Option<u64>,
}

/// An incremental inventory: changes exported as they happen.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct IncrementalInventory {
    /// Whether incremental inventory is on.
    #[oss(xml = "IsEnabled")]
    pub is_enabled: Option<bool>,
    /// When files are exported.
    #[oss(xml = "Schedule")]
    pub schedule: Option<IncrementalInventorySchedule>,
    /// The columns of the incremental files.
    #[oss(xml = "OptionalFields")]
    pub optional_fields: Option<InventoryOptionalFields>,
}

/// The `InventoryConfiguration` document (`id`, `is_enabled`, `destination`, `schedule` and
/// `included_object_versions` are required).
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "InventoryConfiguration", check = configuration_complete)]
pub struct InventoryConfiguration {
    /// `All` versions or only the `Current` ones.
    #[oss(xml = "IncludedObjectVersions")]
    pub included_object_versions: Option<InventoryIncludedObjectVersions>,
    /// The optional columns.
    #[oss(xml = "OptionalFields")]
    pub optional_fields: Option<InventoryOptionalFields>,
    /// The inventory's name, unique in the bucket (1 to 192 characters).
    #[oss(xml = "Id", validate = configuration_id)]
    pub id: Option<String>,
    /// Whether the inventory runs.
    #[oss(xml = "IsEnabled")]
    pub is_enabled: Option<bool>,
    /// Where the lists go.
    #[oss(xml = "Destination")]
    pub destination: Option<InventoryDestination>,
    /// When the lists are exported.
    #[oss(xml = "Schedule")]
    pub schedule: Option<InventorySchedule>,
    /// Which objects are listed.
    #[oss(xml = "Filter")]
    pub filter: Option<InventoryFilter>,
    /// The incremental inventory.
    #[oss(xml = "IncrementalInventory")]
    pub incremental_inventory: Option<IncrementalInventory>,
}

/// Adds or replaces an inventory of a bucket.
///
/// ```
/// use ossio_core::ops::*;
/// let config = InventoryConfiguration {
///     id: Some("report1".into()),
///     is_enabled: Some(true),
///     included_object_versions: Some(InventoryIncludedObjectVersions::Current),
///     schedule: Some(InventorySchedule {
///         frequency: Some(InventoryFrequencyType::Weekly),
///         ..Default::default()
///     }),
///     destination: Some(InventoryDestination {
///         oss_bucket_destination: Some(InventoryOssBucketDestination {
///             format: Some(InventoryFormatType::Csv),
///             role_arn: Some("acs:ram::100:role/AliyunOSSRole".into()),
///             bucket: Some("acs:oss:::destbucket".into()),
///             ..Default::default()
///         }),
///     }),
///     ..Default::default()
/// };
/// let req = PutBucketInventory::new("examplebucket", "report1", config).to_request().unwrap();
/// assert_eq!(req.query_value("inventoryId"), Some(Some("report1")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutBucketInventory", method = "PUT", sub_resource = "inventory", output = super::EmptyOutput)]
pub struct PutBucketInventory {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The inventory's name (1 to 192 characters; the document's `Id`).
    #[oss(query = "inventoryId", required, validate = inventory_id)]
    pub inventory_id: String,
    /// The inventory.
    #[oss(document, required)]
    pub inventory_configuration: InventoryConfiguration,
}

impl PutBucketInventory {
    /// Sets inventory `inventory_id` of `bucket` to `config`.
    pub fn new(
        bucket: impl Into<String>,
        inventory_id: impl Into<String>,
        config: InventoryConfiguration,
    ) -> Self {
        PutBucketInventory {
            bucket: bucket.into(),
            inventory_id: inventory_id.into(),
            inventory_configuration: config,
        }
    }
}

/// Reads one inventory of a bucket.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketInventory", method = "GET", sub_resource = "inventory", output = GetBucketInventoryOutput)]
pub struct GetBucketInventory {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The inventory's name.
    #[oss(query = "inventoryId", required, validate = inventory_id)]
    pub inventory_id: String,
}

impl GetBucketInventory {
    /// Inventory `inventory_id` of `bucket`.
    pub fn new(bucket: impl Into<String>, inventory_id: impl Into<String>) -> Self {
        GetBucketInventory {
            bucket: bucket.into(),
            inventory_id: inventory_id.into(),
        }
    }
}

/// The result of [`GetBucketInventory`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketInventoryOutput {
    /// The inventory.
    #[oss(document)]
    pub inventory_configuration: InventoryConfiguration,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Lists a bucket's inventories, up to 100 a page.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "ListBucketInventory", method = "GET", sub_resource = "inventory", output = ListBucketInventoryOutput)]
pub struct ListBucketInventory {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The previous page's `NextContinuationToken`.
    #[oss(query = "continuation-token")]
    pub continuation_token: Option<String>,
}

impl ListBucketInventory {
    /// Every inventory of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        ListBucketInventory {
            bucket: bucket.into(),
            continuation_token: None,
        }
    }
}

/// The `ListInventoryConfigurationsResult` document: one page of inventories.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "ListInventoryConfigurationsResult")]
pub struct ListInventoryConfigurationsResult {
    /// The inventories.
    #[oss(xml = "InventoryConfiguration")]
    pub inventory_configurations: Vec<InventoryConfiguration>,
    /// Whether more pages follow.
    #[oss(xml = "IsTruncated")]
    pub is_truncated: Option<bool>,
    /// The token of the next page.
    #[oss(xml = "NextContinuationToken", empty_none)]
    pub next_continuation_token: Option<String>,
}

/// The result of [`ListBucketInventory`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct ListBucketInventoryOutput {
    /// The page.
    #[oss(document)]
    pub list_inventory_configurations_result: ListInventoryConfigurationsResult,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

impl crate::paginate::Paginated for ListBucketInventory {
    type Item = InventoryConfiguration;

    fn next_token(output: &Self::Output) -> Option<String> {
        let page = &output.list_inventory_configurations_result;
        page.is_truncated
            .unwrap_or(false)
            .then(|| page.next_continuation_token.clone())
            .flatten()
    }

    fn with_token(&self, token: String) -> Self {
        ListBucketInventory {
            continuation_token: Some(token),
            ..self.clone()
        }
    }

    fn items(output: Self::Output) -> Vec<Self::Item> {
        output
            .list_inventory_configurations_result
            .inventory_configurations
    }
}

/// Deletes one inventory of a bucket.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteBucketInventory", method = "DELETE", sub_resource = "inventory", output = super::EmptyOutput)]
pub struct DeleteBucketInventory {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The inventory's name.
    #[oss(query = "inventoryId", required, validate = inventory_id)]
    pub inventory_id: String,
}

impl DeleteBucketInventory {
    /// Inventory `inventory_id` of `bucket`.
    pub fn new(bucket: impl Into<String>, inventory_id: impl Into<String>) -> Self {
        DeleteBucketInventory {
            bucket: bucket.into(),
            inventory_id: inventory_id.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::Operation;
    use crate::paginate::Paginated;

    fn config() -> InventoryConfiguration {
        InventoryConfiguration {
            id: Some("r".into()),
            is_enabled: Some(true),
            included_object_versions: Some(InventoryIncludedObjectVersions::All),
            schedule: Some(InventorySchedule {
                frequency: Some(InventoryFrequencyType::Daily),
                ..Default::default()
            }),
            destination: Some(InventoryDestination {
                oss_bucket_destination: Some(InventoryOssBucketDestination {
                    format: Some(InventoryFormatType::Csv),
                    role_arn: Some("acs:ram::1:role/r".into()),
                    bucket: Some("acs:oss:::dest".into()),
                    ..Default::default()
                }),
            }),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_configuration_is_accepted() {
        assert!(
            PutBucketInventory::new("examplebucket", "r", config())
                .to_request()
                .is_ok()
        );
        let mut missing = config();
        missing.schedule = None;
        let err = PutBucketInventory::new("examplebucket", "r", missing)
            .to_request()
            .unwrap_err()
            .to_string();
        assert!(err.contains("schedule"), "{err}");
    }

    #[test]
    fn sse_oss_is_an_empty_element() {
        let mut c = config();
        if let Some(d) = c
            .destination
            .as_mut()
            .and_then(|d| d.oss_bucket_destination.as_mut())
        {
            d.encryption = Some(InventoryEncryption {
                sse_kms: None,
                sse_oss: Some(String::new()),
            });
        }
        let req = PutBucketInventory::new("examplebucket", "r", c.clone())
            .to_request()
            .unwrap();
        let body = String::from_utf8(req.body.as_bytes().unwrap().to_vec()).unwrap();
        assert!(
            body.contains("<Encryption><SSE-OSS></SSE-OSS></Encryption>"),
            "{body}"
        );
        let back = crate::ops::decl::from_xml::<InventoryConfiguration>(body.as_bytes()).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn a_long_id_is_refused_before_sending() {
        let op = PutBucketInventory::new("examplebucket", "x".repeat(193), config());
        let err = op.to_request().unwrap_err().to_string();
        assert!(err.contains("inventory_id"), "{err}");
    }

    #[test]
    fn the_size_bounds_are_ordered() {
        let config = InventoryConfiguration {
            filter: Some(InventoryFilter {
                lower_size_bound: Some(100),
                upper_size_bound: Some(10),
                ..Default::default()
            }),
            ..config()
        };
        let err = PutBucketInventory::new("examplebucket", "r", config)
            .to_request()
            .unwrap_err()
            .to_string();
        assert!(err.contains("upper_size_bound"), "{err}");
    }

    #[test]
    fn pages_continue_with_the_token() {
        let op = ListBucketInventory::new("examplebucket");
        let out = ListBucketInventoryOutput {
            list_inventory_configurations_result: ListInventoryConfigurationsResult {
                inventory_configurations: vec![],
                is_truncated: Some(true),
                next_continuation_token: Some("t2".into()),
            },
            request_id: String::new(),
        };
        let token = ListBucketInventory::next_token(&out).unwrap();
        let next = op.with_token(token).to_request().unwrap();
        assert_eq!(next.query_value("continuation-token"), Some(Some("t2")));
        assert_eq!(next.query_value("inventory"), Some(None));
    }
}

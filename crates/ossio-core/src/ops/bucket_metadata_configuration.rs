//! A bucket's metadata tables: CreateBucketMetadataConfiguration,
//! GetBucketMetadataConfiguration, DeleteBucketMetadataConfiguration (`/?metadataConfiguration`),
//! UpdateBucketMetadataInventoryTableConfiguration (`/?metadataInventoryTable`) and
//! UpdateBucketMetadataJournalTableConfiguration (`/?metadataJournalTable`).

use super::common::EmptyOutput;
use super::decl::Oss;

wire_enum! {
    /// Whether a metadata table feature is on.
    pub enum MetadataTableState("metadata table state") {
        /// On.
        Enabled = "ENABLED",
        /// Off.
        Disabled = "DISABLED",
    }
}

wire_enum! {
    /// How a metadata table is encrypted.
    pub enum MetadataTableSseAlgorithm("metadata table encryption") {
        /// OSS-managed keys.
        Aes256 = "AES256",
        /// A KMS key.
        OssKms = "oss:kms",
    }
}

/// How a metadata table is encrypted.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MetadataTableEncryptionConfiguration {
    /// `AES256` or `oss:kms`.
    #[oss(xml = "SseAlgorithm")]
    pub sse_algorithm: Option<MetadataTableSseAlgorithm>,
    /// The KMS key, for `oss:kms`.
    #[oss(xml = "KmsKeyArn")]
    pub kms_key_arn: Option<String>,
}

/// How long a journal table keeps records.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MetadataTableRecordExpiration {
    /// `ENABLED` or `DISABLED`.
    #[oss(xml = "Expiration")]
    pub expiration: Option<MetadataTableState>,
    /// Days records are kept (at least 7).
    #[oss(xml = "Days", min = 7)]
    pub days: Option<u64>,
}

/// An error a metadata table reports.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MetadataTableError {
    /// The error code.
    #[oss(xml = "ErrorCode")]
    pub error_code: Option<String>,
    /// The error message.
    #[oss(xml = "ErrorMessage")]
    pub error_message: Option<String>,
}

/// The `JournalTableConfiguration` document: the table of object changes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "JournalTableConfiguration")]
pub struct JournalTableConfiguration {
    /// How long records are kept.
    #[oss(xml = "RecordExpiration")]
    pub record_expiration: Option<MetadataTableRecordExpiration>,
    /// How the table is encrypted.
    #[oss(xml = "EncryptionConfiguration")]
    pub encryption_configuration: Option<MetadataTableEncryptionConfiguration>,
}

/// The `InventoryTableConfiguration` document: the table of current objects.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "InventoryTableConfiguration")]
pub struct InventoryTableConfiguration {
    /// `ENABLED` or `DISABLED`.
    #[oss(xml = "ConfigurationState")]
    pub configuration_state: Option<MetadataTableState>,
    /// How the table is encrypted.
    #[oss(xml = "EncryptionConfiguration")]
    pub encryption_configuration: Option<MetadataTableEncryptionConfiguration>,
}

/// The `MetadataConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "MetadataConfiguration")]
pub struct MetadataConfiguration {
    /// The journal table.
    #[oss(xml = "JournalTableConfiguration")]
    pub journal_table_configuration: Option<JournalTableConfiguration>,
    /// The inventory table.
    #[oss(xml = "InventoryTableConfiguration")]
    pub inventory_table_configuration: Option<InventoryTableConfiguration>,
}

/// Where the metadata tables live.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MetadataTableDestinationResult {
    /// The table bucket's type.
    #[oss(xml = "TableBucketType")]
    pub table_bucket_type: Option<String>,
    /// The table bucket's ARN.
    #[oss(xml = "TableBucketArn")]
    pub table_bucket_arn: Option<String>,
    /// The namespace of the tables.
    #[oss(xml = "TableNamespace")]
    pub table_namespace: Option<String>,
}

/// The journal table as OSS reports it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct JournalTableConfigurationResult {
    /// The table's status.
    #[oss(xml = "TableStatus")]
    pub table_status: Option<String>,
    /// The table's name.
    #[oss(xml = "TableName")]
    pub table_name: Option<String>,
    /// The table's ARN.
    #[oss(xml = "TableArn")]
    pub table_arn: Option<String>,
    /// How long records are kept.
    #[oss(xml = "RecordExpiration")]
    pub record_expiration: Option<MetadataTableRecordExpiration>,
    /// How the table is encrypted.
    #[oss(xml = "EncryptionConfiguration")]
    pub encryption_configuration: Option<MetadataTableEncryptionConfiguration>,
    /// The table's error, if any.
    #[oss(xml = "Error")]
    pub error: Option<MetadataTableError>,
}

/// The inventory table as OSS reports it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct InventoryTableConfigurationResult {
    /// `ENABLED` or `DISABLED`.
    #[oss(xml = "ConfigurationState")]
    pub configuration_state: Option<String>,
    /// The table's status.
    #[oss(xml = "TableStatus")]
    pub table_status: Option<String>,
    /// The table's name.
    #[oss(xml = "TableName")]
    pub table_name: Option<String>,
    /// The table's ARN.
    #[oss(xml = "TableArn")]
    pub table_arn: Option<String>,
    /// How the table is encrypted.
    #[oss(xml = "EncryptionConfiguration")]
    pub encryption_configuration: Option<MetadataTableEncryptionConfiguration>,
    /// The table's error, if any.
    #[oss(xml = "Error")]
    pub error: Option<MetadataTableError>,
}

/// A bucket's metadata tables as OSS reports them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct MetadataConfigurationResult {
    /// Where the tables live.
    #[oss(xml = "DestinationResult")]
    pub destination_result: Option<MetadataTableDestinationResult>,
    /// The journal table.
    #[oss(xml = "JournalTableConfigurationResult")]
    pub journal_table_configuration_result: Option<JournalTableConfigurationResult>,
    /// The inventory table.
    #[oss(xml = "InventoryTableConfigurationResult")]
    pub inventory_table_configuration_result: Option<InventoryTableConfigurationResult>,
}

/// Creates a bucket's metadata tables: `POST /?metadataConfiguration`.
///
/// ```
/// use ossio_core::ops::{
///     CreateBucketMetadataConfiguration, InventoryTableConfiguration, MetadataConfiguration,
///     MetadataTableState, Operation,
/// };
/// let op = CreateBucketMetadataConfiguration {
///     bucket: "examplebucket".into(),
///     metadata_configuration: MetadataConfiguration {
///         inventory_table_configuration: Some(InventoryTableConfiguration {
///             configuration_state: Some(MetadataTableState::Enabled),
///             ..Default::default()
///         }),
///         ..Default::default()
///     },
/// };
/// assert_eq!(op.to_request().unwrap().query_value("metadataConfiguration"), Some(None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "CreateBucketMetadataConfiguration",
    method = "POST",
    sub_resource = "metadataConfiguration",
    output = EmptyOutput
)]
pub struct CreateBucketMetadataConfiguration {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The tables to create.
    #[oss(document, required)]
    pub metadata_configuration: MetadataConfiguration,
}

/// Reads a bucket's metadata tables: `GET /?metadataConfiguration`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "GetBucketMetadataConfiguration",
    method = "GET",
    sub_resource = "metadataConfiguration",
    output = GetBucketMetadataConfigurationOutput
)]
pub struct GetBucketMetadataConfiguration {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

/// The result of [`GetBucketMetadataConfiguration`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "GetBucketMetadataConfigurationResult")]
pub struct GetBucketMetadataConfigurationOutput {
    /// The tables.
    #[oss(xml = "MetadataConfigurationResult")]
    pub metadata_configuration_result: Option<MetadataConfigurationResult>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Deletes a bucket's metadata tables: `DELETE /?metadataConfiguration`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "DeleteBucketMetadataConfiguration",
    method = "DELETE",
    sub_resource = "metadataConfiguration",
    output = EmptyOutput
)]
pub struct DeleteBucketMetadataConfiguration {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

/// Changes a bucket's inventory table: `PUT /?metadataInventoryTable`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "UpdateBucketMetadataInventoryTableConfiguration",
    method = "PUT",
    sub_resource = "metadataInventoryTable",
    output = EmptyOutput
)]
pub struct UpdateBucketMetadataInventoryTableConfiguration {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The new inventory table configuration.
    #[oss(document, required)]
    pub inventory_table_configuration: InventoryTableConfiguration,
}

/// Changes a bucket's journal table: `PUT /?metadataJournalTable`.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "UpdateBucketMetadataJournalTableConfiguration",
    method = "PUT",
    sub_resource = "metadataJournalTable",
    output = EmptyOutput
)]
pub struct UpdateBucketMetadataJournalTableConfiguration {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The new journal table configuration.
    #[oss(document, required)]
    pub journal_table_configuration: JournalTableConfiguration,
}

//! Default server-side encryption: PutBucketEncryption, GetBucketEncryption,
//! DeleteBucketEncryption (`/?encryption` with a `ServerSideEncryptionRule` document).

use super::common::EmptyOutput;
use super::decl::Oss;
use crate::error::ValidationError;

wire_enum! {
    /// A server-side encryption method.
    pub enum SseAlgorithm("server-side encryption algorithm") {
        /// Keys managed by KMS (optionally the key `kms_master_key_id`).
        Kms = "KMS",
        /// Keys managed by OSS, AES-256.
        Aes256 = "AES256",
        /// Keys managed by OSS, SM4.
        Sm4 = "SM4",
    }
}

wire_enum! {
    /// The data cipher KMS encryption can use instead of AES-256.
    pub enum KmsDataEncryption("KMS data encryption") {
        /// SM4.
        Sm4 = "SM4",
    }
}

/// How new objects are encrypted by default.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(check = Self::check_kms)]
pub struct ApplyServerSideEncryptionByDefault {
    /// The KMS key id (only with `KMS`; absent: the default key OSS manages in KMS).
    #[oss(xml = "KMSMasterKeyID")]
    pub kms_master_key_id: Option<String>,
    /// `SM4` to encrypt the data with SM4 (only with `KMS`).
    #[oss(xml = "KMSDataEncryption")]
    pub kms_data_encryption: Option<KmsDataEncryption>,
    /// `KMS`, `AES256` or `SM4`.
    #[oss(xml = "SSEAlgorithm", required)]
    pub sse_algorithm: SseAlgorithm,
}

impl ApplyServerSideEncryptionByDefault {
    fn check_kms(&self) -> Result<(), ValidationError> {
        if self.sse_algorithm == SseAlgorithm::Kms {
            return Ok(());
        }
        if let Some(id) = self.kms_master_key_id.as_deref().filter(|s| !s.is_empty()) {
            return Err(ValidationError::invalid(
                "kms_master_key_id",
                id,
                "is only allowed with SSEAlgorithm KMS",
            ));
        }
        if let Some(d) = self.kms_data_encryption {
            return Err(ValidationError::invalid(
                "kms_data_encryption",
                d.as_str(),
                "is only allowed with SSEAlgorithm KMS",
            ));
        }
        Ok(())
    }
}

/// The `ServerSideEncryptionRule` document.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "ServerSideEncryptionRule")]
pub struct ServerSideEncryptionRule {
    /// The default encryption.
    #[oss(xml = "ApplyServerSideEncryptionByDefault", required)]
    pub apply_server_side_encryption_by_default: ApplyServerSideEncryptionByDefault,
}

/// Sets a bucket's default server-side encryption.
///
/// ```
/// use ossio_core::ops::{Operation, PutBucketEncryption, SseAlgorithm};
/// let req = PutBucketEncryption::new("examplebucket", SseAlgorithm::Aes256)
///     .to_request()
///     .unwrap();
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>\
///       <SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault>\
///       </ServerSideEncryptionRule>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutBucketEncryption", method = "PUT", sub_resource = "encryption", output = EmptyOutput)]
pub struct PutBucketEncryption {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The rule.
    #[oss(document, required)]
    pub server_side_encryption_rule: ServerSideEncryptionRule,
}

impl PutBucketEncryption {
    /// Encrypts new objects of `bucket` with `algorithm` by default.
    pub fn new(bucket: impl Into<String>, algorithm: SseAlgorithm) -> Self {
        PutBucketEncryption {
            bucket: bucket.into(),
            server_side_encryption_rule: ServerSideEncryptionRule {
                apply_server_side_encryption_by_default: ApplyServerSideEncryptionByDefault {
                    kms_master_key_id: None,
                    kms_data_encryption: None,
                    sse_algorithm: algorithm,
                },
            },
        }
    }

    /// With KMS, the key to use.
    pub fn kms_master_key_id(mut self, id: impl Into<String>) -> Self {
        self.server_side_encryption_rule
            .apply_server_side_encryption_by_default
            .kms_master_key_id = Some(id.into());
        self
    }
}

/// Reads a bucket's default server-side encryption.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetBucketEncryption", method = "GET", sub_resource = "encryption", output = GetBucketEncryptionOutput)]
pub struct GetBucketEncryption {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketEncryption {
    /// The default encryption of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketEncryption {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketEncryption`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketEncryptionOutput {
    /// The rule.
    #[oss(document)]
    pub server_side_encryption_rule: Option<ServerSideEncryptionRule>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Removes a bucket's default server-side encryption.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteBucketEncryption", method = "DELETE", sub_resource = "encryption", output = EmptyOutput)]
pub struct DeleteBucketEncryption {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl DeleteBucketEncryption {
    /// The default encryption of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        DeleteBucketEncryption {
            bucket: bucket.into(),
        }
    }
}

//! Custom domain names of a bucket: PutCname, ListCname, DeleteCname, CreateCnameToken,
//! GetCnameToken (`POST /?cname&comp=add|delete|token` with a `BucketCnameConfiguration`
//! document, `GET /?cname`, `GET /?comp=token&cname=<domain>`).

use super::decl::Oss;
use crate::error::ValidationError;

/// The certificate to attach to (or detach from) a domain.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct CertificateConfiguration {
    /// The certificate, PEM.
    #[oss(xml = "Certificate")]
    pub certificate: Option<String>,
    /// Its private key, PEM.
    #[oss(xml = "PrivateKey")]
    pub private_key: Option<String>,
    /// The ID of the certificate this one replaces.
    #[oss(xml = "PreviousCertId")]
    pub previous_cert_id: Option<String>,
    /// Replace an existing certificate without checking `previous_cert_id`.
    #[oss(xml = "Force")]
    pub force: Option<bool>,
    /// Detach the domain's certificate.
    #[oss(xml = "DeleteCertificate")]
    pub delete_certificate: Option<bool>,
    /// A certificate from Certificate Management Service, by ID (`<id>-cn-hangzhou`).
    #[oss(xml = "CertId")]
    pub cert_id: Option<String>,
}

/// A custom domain name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct Cname {
    /// The domain name.
    #[oss(xml = "Domain")]
    pub domain: Option<String>,
    /// Its certificate.
    #[oss(xml = "CertificateConfiguration")]
    pub certificate_configuration: Option<CertificateConfiguration>,
    /// Whether it is a wildcard domain (`*.example.com`).
    #[oss(xml = "IsWildCard")]
    pub is_wild_card: Option<bool>,
}

fn has_domain(c: &BucketCnameConfiguration) -> Result<(), ValidationError> {
    let Some(cname) = &c.cname else {
        return Err(ValidationError::invalid("cname", "", "is required"));
    };
    match cname.domain.as_deref() {
        Some(d) if !d.trim().is_empty() => Ok(()),
        other => Err(ValidationError::invalid(
            "domain",
            other.unwrap_or(""),
            "is required",
        )),
    }
}

/// The `BucketCnameConfiguration` document (`cname.domain` is required).
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "BucketCnameConfiguration", check = has_domain)]
pub struct BucketCnameConfiguration {
    /// The domain.
    #[oss(xml = "Cname")]
    pub cname: Option<Cname>,
}

impl BucketCnameConfiguration {
    /// The configuration naming `domain` alone.
    pub fn domain(domain: impl Into<String>) -> Self {
        BucketCnameConfiguration {
            cname: Some(Cname {
                domain: Some(domain.into()),
                ..Default::default()
            }),
        }
    }
}

/// Maps a custom domain to a bucket (and attaches or detaches its certificate).
///
/// ```
/// use ossio_core::ops::{Operation, PutCname};
/// let req = PutCname::new("examplebucket", "example.com").to_request().unwrap();
/// assert_eq!(req.query_value("comp"), Some(Some("add")));
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<BucketCnameConfiguration><Cname><Domain>example.com</Domain></Cname></BucketCnameConfiguration>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutCname", method = "POST", sub_resource = "cname", fixed_query = "comp=add", output = super::EmptyOutput)]
pub struct PutCname {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The domain.
    #[oss(document, required)]
    pub bucket_cname_configuration: BucketCnameConfiguration,
}

impl PutCname {
    /// Maps `domain` to `bucket`.
    pub fn new(bucket: impl Into<String>, domain: impl Into<String>) -> Self {
        PutCname {
            bucket: bucket.into(),
            bucket_cname_configuration: BucketCnameConfiguration::domain(domain),
        }
    }
}

/// Lists the custom domains of a bucket.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "ListCname", method = "GET", sub_resource = "cname", output = ListCnameOutput)]
pub struct ListCname {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl ListCname {
    /// The domains of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        ListCname {
            bucket: bucket.into(),
        }
    }
}

/// A domain's certificate, as ListCname describes it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct CnameCertificate {
    /// The certificate's fingerprint.
    #[oss(xml = "Fingerprint")]
    pub fingerprint: Option<String>,
    /// Valid from.
    #[oss(xml = "ValidStartDate")]
    pub valid_start_date: Option<String>,
    /// Valid until.
    #[oss(xml = "ValidEndDate")]
    pub valid_end_date: Option<String>,
    /// Where it comes from: `CAS` (Certificate Management Service) or `Upload`.
    #[oss(xml = "Type", rename = "type")]
    pub cert_type: Option<String>,
    /// Its ID.
    #[oss(xml = "CertId")]
    pub cert_id: Option<String>,
    /// `Enabled` or `Disabled`.
    #[oss(xml = "Status")]
    pub status: Option<String>,
    /// When it was attached.
    #[oss(xml = "CreationDate")]
    pub creation_date: Option<String>,
}

/// A custom domain of a bucket.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct CnameInfo {
    /// The domain name.
    #[oss(xml = "Domain")]
    pub domain: Option<String>,
    /// When the mapping last changed.
    #[oss(xml = "LastModified")]
    pub last_modified: Option<String>,
    /// `Enabled` or `Disabled`.
    #[oss(xml = "Status")]
    pub status: Option<String>,
    /// Its certificate.
    #[oss(xml = "Certificate")]
    pub certificate: Option<CnameCertificate>,
    /// Whether it is a wildcard domain.
    #[oss(xml = "IsWildCard")]
    pub is_wild_card: Option<bool>,
}

/// The result of [`ListCname`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(xml = "ListCnameResult")]
pub struct ListCnameOutput {
    /// The domains.
    #[oss(xml = "Cname")]
    pub cnames: Vec<CnameInfo>,
    /// The bucket.
    #[oss(xml = "Bucket")]
    pub bucket: Option<String>,
    /// The bucket owner's ID.
    #[oss(xml = "Owner")]
    pub owner: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Unmaps a custom domain from a bucket.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteCname", method = "POST", sub_resource = "cname", fixed_query = "comp=delete", output = super::EmptyOutput)]
pub struct DeleteCname {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The domain.
    #[oss(document, required)]
    pub bucket_cname_configuration: BucketCnameConfiguration,
}

impl DeleteCname {
    /// Unmaps `domain` from `bucket`.
    pub fn new(bucket: impl Into<String>, domain: impl Into<String>) -> Self {
        DeleteCname {
            bucket: bucket.into(),
            bucket_cname_configuration: BucketCnameConfiguration::domain(domain),
        }
    }
}

/// The `CnameToken` document: the TXT record that proves a domain is yours.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "CnameToken")]
pub struct CnameToken {
    /// The domain.
    #[oss(xml = "Cname")]
    pub cname: Option<String>,
    /// The token to publish.
    #[oss(xml = "Token")]
    pub token: Option<String>,
    /// When the token expires.
    #[oss(xml = "ExpireTime")]
    pub expire_time: Option<String>,
    /// The bucket.
    #[oss(xml = "Bucket")]
    pub bucket: Option<String>,
}

/// Creates the token that proves ownership of a domain.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "CreateCnameToken",
    method = "POST",
    sub_resource = "cname",
    fixed_query = "comp=token",
    output = CreateCnameTokenOutput
)]
pub struct CreateCnameToken {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The domain.
    #[oss(document, required)]
    pub bucket_cname_configuration: BucketCnameConfiguration,
}

impl CreateCnameToken {
    /// A token for `domain` on `bucket`.
    pub fn new(bucket: impl Into<String>, domain: impl Into<String>) -> Self {
        CreateCnameToken {
            bucket: bucket.into(),
            bucket_cname_configuration: BucketCnameConfiguration::domain(domain),
        }
    }
}

/// The result of [`CreateCnameToken`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct CreateCnameTokenOutput {
    /// The token.
    #[oss(document)]
    pub cname_token: CnameToken,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Reads the token created for a domain.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetCnameToken", method = "GET", fixed_query = "comp=token", output = GetCnameTokenOutput)]
pub struct GetCnameToken {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The domain.
    #[oss(query = "cname", required)]
    pub cname: String,
    /// Whether the domain is a wildcard domain.
    #[oss(query = "wildcard")]
    pub wildcard: Option<bool>,
}

impl GetCnameToken {
    /// The token of `domain` on `bucket`.
    pub fn new(bucket: impl Into<String>, domain: impl Into<String>) -> Self {
        GetCnameToken {
            bucket: bucket.into(),
            cname: domain.into(),
            wildcard: None,
        }
    }
}

/// The result of [`GetCnameToken`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetCnameTokenOutput {
    /// The token.
    #[oss(document)]
    pub cname_token: CnameToken,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::Operation;

    #[test]
    fn the_comp_value_tells_the_operations_apart() {
        let name = |r: &crate::Request| crate::ops::route(r).map(|o| o.name);
        let add = PutCname::new("bucket-1", "example.com")
            .to_request()
            .unwrap();
        let del = DeleteCname::new("bucket-1", "example.com")
            .to_request()
            .unwrap();
        let tok = CreateCnameToken::new("bucket-1", "example.com")
            .to_request()
            .unwrap();
        let get = GetCnameToken::new("bucket-1", "example.com")
            .to_request()
            .unwrap();
        let list = ListCname::new("bucket-1").to_request().unwrap();
        assert_eq!(name(&add), Some("PutCname"));
        assert_eq!(name(&del), Some("DeleteCname"));
        assert_eq!(name(&tok), Some("CreateCnameToken"));
        assert_eq!(name(&get), Some("GetCnameToken"));
        assert_eq!(name(&list), Some("ListCname"));
        // comp and cname are signed.
        for r in [&add, &get] {
            assert!(r.sub_resources.iter().any(|s| s == "comp"));
        }
        assert_eq!(get.query_value("cname"), Some(Some("example.com")));
    }

    #[test]
    fn a_domain_is_required() {
        let mut op = PutCname::new("bucket-1", "example.com");
        op.bucket_cname_configuration.cname = None;
        let err = op.to_request().unwrap_err().to_string();
        assert!(err.contains("cname"), "{err}");
        op.bucket_cname_configuration = BucketCnameConfiguration::domain(" ");
        let err = op.to_request().unwrap_err().to_string();
        assert!(err.contains("domain"), "{err}");
    }
}

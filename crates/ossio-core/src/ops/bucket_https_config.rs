//! A bucket's TLS settings: Put/GetBucketHttpsConfig (`/?httpsConfig` with an
//! `HttpsConfiguration` document).

use super::decl::Oss;

wire_enum! {
    /// A TLS protocol version.
    pub enum TlsVersion("TLS version") {
        /// TLS 1.0.
        Tls10 = "TLSv1.0",
        /// TLS 1.1.
        Tls11 = "TLSv1.1",
        /// TLS 1.2.
        Tls12 = "TLSv1.2",
        /// TLS 1.3.
        Tls13 = "TLSv1.3",
    }
}

/// Which TLS versions a bucket accepts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct Tls {
    /// Whether the version list applies.
    #[oss(xml = "Enable")]
    pub enable: Option<bool>,
    /// The accepted versions.
    #[oss(xml = "TLSVersion")]
    pub tls_versions: Vec<TlsVersion>,
}

/// Which cipher suites a bucket accepts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct CipherSuite {
    /// Whether the cipher suite settings apply.
    #[oss(xml = "Enable")]
    pub enable: Option<bool>,
    /// Only strong suites (`true`), or the custom lists below (`false`).
    #[oss(xml = "StrongCipherSuite")]
    pub strong_cipher_suite: Option<bool>,
    /// Custom suites for TLS 1.2 and earlier (OpenSSL names).
    #[oss(xml = "CustomCipherSuite")]
    pub custom_cipher_suites: Vec<String>,
    /// Custom suites for TLS 1.3.
    #[oss(xml = "TLS13CustomCipherSuite")]
    pub tls13_custom_cipher_suites: Vec<String>,
}

/// The `HttpsConfiguration` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "HttpsConfiguration")]
pub struct HttpsConfiguration {
    /// TLS versions.
    #[oss(xml = "TLS")]
    pub tls: Option<Tls>,
    /// Cipher suites.
    #[oss(xml = "CipherSuite")]
    pub cipher_suite: Option<CipherSuite>,
}

/// Sets which TLS versions and cipher suites a bucket accepts.
///
/// ```
/// use ossio_core::ops::*;
/// let config = HttpsConfiguration {
///     tls: Some(Tls { enable: Some(true), tls_versions: vec![TlsVersion::Tls12, TlsVersion::Tls13] }),
///     cipher_suite: None,
/// };
/// let req = PutBucketHttpsConfig::new("examplebucket", config).to_request().unwrap();
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<HttpsConfiguration><TLS><Enable>true</Enable><TLSVersion>TLSv1.2</TLSVersion>\
///       <TLSVersion>TLSv1.3</TLSVersion></TLS></HttpsConfiguration>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "PutBucketHttpsConfig",
    method = "PUT",
    sub_resource = "httpsConfig",
    output = super::EmptyOutput
)]
pub struct PutBucketHttpsConfig {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The settings.
    #[oss(document, required)]
    pub https_configuration: HttpsConfiguration,
}

impl PutBucketHttpsConfig {
    /// Sets the TLS settings of `bucket`.
    pub fn new(bucket: impl Into<String>, config: HttpsConfiguration) -> Self {
        PutBucketHttpsConfig {
            bucket: bucket.into(),
            https_configuration: config,
        }
    }
}

/// Reads a bucket's TLS settings.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "GetBucketHttpsConfig",
    method = "GET",
    sub_resource = "httpsConfig",
    output = GetBucketHttpsConfigOutput
)]
pub struct GetBucketHttpsConfig {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl GetBucketHttpsConfig {
    /// The settings of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        GetBucketHttpsConfig {
            bucket: bucket.into(),
        }
    }
}

/// The result of [`GetBucketHttpsConfig`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetBucketHttpsConfigOutput {
    /// The settings.
    #[oss(document)]
    pub https_configuration: HttpsConfiguration,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

//! Where requests go and how they are signed.

use crate::error::{ValidationError, ValidationKind};
use crate::validate;

/// URL scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// `https` (the default).
    Https,
    /// `http`.
    Http,
}

impl Scheme {
    /// `"https"` or `"http"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Https => "https",
            Scheme::Http => "http",
        }
    }
}

/// How the bucket appears in the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Addressing {
    /// `https://bucket.endpoint/key` (the default).
    #[default]
    VirtualHosted,
    /// `https://endpoint/bucket/key` (forced for IP-literal endpoints).
    Path,
    /// `https://cname/key`: the endpoint is a custom domain bound to one bucket.
    Cname,
}

impl std::str::FromStr for Addressing {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "virtual" | "virtual-hosted" => Ok(Addressing::VirtualHosted),
            "path" => Ok(Addressing::Path),
            "cname" => Ok(Addressing::Cname),
            _ => Err(ValidationError::new(
                ValidationKind::Config,
                "addressing",
                Some(s),
                "must be virtual, path or cname",
            )),
        }
    }
}

/// Signature algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SignatureVersion {
    /// `OSS ak:sig`, HMAC-SHA1.
    V1,
    /// `OSS4-HMAC-SHA256` (the default).
    #[default]
    V4,
}

impl std::str::FromStr for SignatureVersion {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "v1" | "1" => Ok(SignatureVersion::V1),
            "v4" | "4" => Ok(SignatureVersion::V4),
            _ => Err(ValidationError::new(
                ValidationKind::Config,
                "signature version",
                Some(s),
                "must be v1 or v4",
            )),
        }
    }
}

/// The product named in the V4 scope.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Product {
    /// Object Storage Service (`oss`).
    #[default]
    Oss,
    /// OSS on CloudBox (`oss-cloudbox`); the cloud box id replaces the region when signing.
    CloudBox {
        /// The cloud box id, e.g. `cb-123`.
        id: String,
    },
}

impl Product {
    /// The product name used in the V4 scope.
    pub fn name(&self) -> &'static str {
        match self {
            Product::Oss => "oss",
            Product::CloudBox { .. } => "oss-cloudbox",
        }
    }
}

/// The endpoint: scheme and host (with port, if any).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Endpoint {
    /// URL scheme.
    pub scheme: Scheme,
    /// Host name or IP literal, with `:port` if not the default.
    pub host: String,
}

impl Endpoint {
    /// Parses `https://host[:port]`, `http://host[:port]` or a bare `host[:port]` (https).
    ///
    /// ```
    /// use ossio_core::config::{Endpoint, Scheme};
    /// let e = Endpoint::parse("http://127.0.0.1:9000").unwrap();
    /// assert_eq!((e.scheme, e.host.as_str()), (Scheme::Http, "127.0.0.1:9000"));
    /// ```
    pub fn parse(s: &str) -> Result<Self, ValidationError> {
        let bad = |reason: &'static str| {
            ValidationError::new(ValidationKind::Config, "endpoint", Some(s), reason)
        };
        let (scheme, rest) = if let Some(r) = s.strip_prefix("https://") {
            (Scheme::Https, r)
        } else if let Some(r) = s.strip_prefix("http://") {
            (Scheme::Http, r)
        } else if s.contains("://") {
            return Err(bad("scheme must be http or https"));
        } else {
            (Scheme::Https, s)
        };
        let host = rest.trim_end_matches('/');
        if host.is_empty() {
            return Err(bad("has no host"));
        }
        if host
            .bytes()
            .any(|b| !(b.is_ascii_alphanumeric() || b"-.:[]_".contains(&b)))
        {
            return Err(bad(
                "host may contain only letters, digits, '-', '.', ':' and brackets",
            ));
        }
        Ok(Endpoint {
            scheme,
            host: host.to_ascii_lowercase(),
        })
    }

    /// The public endpoint of a region: `https://oss-<region>.aliyuncs.com`.
    pub fn from_region(region: &str) -> Self {
        Endpoint {
            scheme: Scheme::Https,
            host: format!("oss-{region}.aliyuncs.com"),
        }
    }

    /// The host without its port.
    pub fn host_name(&self) -> &str {
        if self.host.starts_with('[') {
            return self.host.split(']').next().map_or(&self.host, |h| h);
        }
        self.host.rsplit_once(':').map_or(&self.host, |(h, _)| h)
    }

    /// Whether the host is an IPv4 or IPv6 literal (then path-style addressing is forced).
    pub fn is_ip(&self) -> bool {
        let h = self.host_name();
        h.starts_with('[') || h.parse::<std::net::Ipv4Addr>().is_ok()
    }
}

/// Everything the core needs to address and sign requests for one region.
///
/// ```
/// use ossio_core::Config;
/// let cfg = Config::new("oss-cn-hangzhou").unwrap();
/// assert_eq!(cfg.region, "cn-hangzhou");
/// assert_eq!(cfg.endpoint.host, "oss-cn-hangzhou.aliyuncs.com");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Config {
    /// Region id, e.g. `cn-hangzhou` (a leading `oss-` is stripped).
    pub region: String,
    /// Endpoint; derived from the region unless given.
    pub endpoint: Endpoint,
    /// URL style.
    pub addressing: Addressing,
    /// Signature algorithm.
    pub signature_version: SignatureVersion,
    /// Product in the V4 scope.
    pub product: Product,
    /// Extra header names to sign with V4 when present on a request.
    pub additional_headers: Vec<String>,
}

impl Config {
    /// A V4, virtual-hosted configuration for `region` on its public endpoint.
    pub fn new(region: &str) -> Result<Self, ValidationError> {
        let region = region.strip_prefix("oss-").unwrap_or(region);
        validate::region(region)?;
        Ok(Config {
            region: region.to_owned(),
            endpoint: Endpoint::from_region(region),
            addressing: Addressing::default(),
            signature_version: SignatureVersion::default(),
            product: Product::default(),
            additional_headers: Vec::new(),
        })
    }

    /// Uses `endpoint` (see [`Endpoint::parse`]).
    pub fn with_endpoint(mut self, endpoint: &str) -> Result<Self, ValidationError> {
        self.endpoint = Endpoint::parse(endpoint)?;
        Ok(self)
    }

    /// Uses the addressing style `addressing`.
    pub fn with_addressing(mut self, addressing: Addressing) -> Self {
        self.addressing = addressing;
        self
    }

    /// Uses signature version `version`.
    pub fn with_signature_version(mut self, version: SignatureVersion) -> Self {
        self.signature_version = version;
        self
    }

    /// Signs for `product`.
    pub fn with_product(mut self, product: Product) -> Self {
        self.product = product;
        self
    }

    /// Signs these extra headers with V4 when a request carries them.
    pub fn with_additional_headers<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.additional_headers = names.into_iter().map(Into::into).collect();
        self
    }

    /// The region used in the V4 scope: the cloud box id for CloudBox, else the region.
    pub fn signing_region(&self) -> &str {
        match &self.product {
            Product::CloudBox { id } => id,
            Product::Oss => &self.region,
        }
    }
}

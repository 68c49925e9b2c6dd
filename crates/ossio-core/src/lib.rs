//! # ossio-core
//!
//! The sans-IO protocol core of ossio, a client for Alibaba Cloud Object Storage Service
//! (OSS). It builds requests, signs them (V1 `OSS ak:sig` and V4 `OSS4-HMAC-SHA256`),
//! presigns URLs and parses responses into typed values. It opens no sockets, starts no
//! threads and never reads the clock: the signing time is an argument.
//!
//! ```
//! use ossio_core::ops::{CreateAccessPoint, NetworkOrigin, Operation};
//! use ossio_core::{Config, Credentials, Signer};
//! use std::time::{Duration, UNIX_EPOCH};
//!
//! let op = CreateAccessPoint::new("oss-example", "ap-01", NetworkOrigin::Vpc)
//!     .vpc_id("vpc-t4nlw426y44rd3iq4xxxx");
//! let request = op.to_request()?;
//! let signer = Signer::new(Config::new("cn-hangzhou")?);
//! let at = UNIX_EPOCH + Duration::from_secs(1_687_144_540);
//! let signed = signer.sign(&request, &Credentials::new("ak", "sk"), at)?;
//! assert_eq!(signed.url, "https://oss-example.oss-cn-hangzhou.aliyuncs.com/?accessPoint");
//! assert!(signed.headers.get("Authorization").unwrap().starts_with("OSS4-HMAC-SHA256 "));
//! # Ok::<(), ossio_core::Error>(())
//! ```

extern crate self as ossio_core;

pub mod acl;
pub mod config;
pub mod crc64;
pub mod credentials;
pub mod encoding;
pub mod error;
pub mod mime;
pub mod names;
pub mod ops;
pub mod paginate;
pub mod request;
pub mod response;
pub mod signer;
pub mod subresources;
pub mod time;
pub mod url;
pub mod validate;
pub mod xml;

pub use acl::{Acl, ObjectAcl};
pub use config::{Addressing, Config, Endpoint, Product, Scheme, SignatureVersion};
pub use credentials::{Credentials, Secret};
pub use error::{Error, ParseError, ServiceError, ValidationError, ValidationKind};
pub use ops::Operation;
pub use request::{Body, Headers, Method, Request};
pub use response::Response;
pub use signer::{PresignedRequest, SignedRequest, Signer};

#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

//! # ossio
//!
//! A blocking client for Alibaba Cloud Object Storage Service (OSS). Requests, signatures
//! and response parsing come from [`ossio_core`]; this crate adds the network (ureq with
//! rustls, one connection pool per client), credentials providers, retries with
//! full-jitter backoff, clock-skew correction and streaming uploads and downloads checked
//! with CRC-64.
//!
//! ```no_run
//! use ossio::Client;
//! use ossio::ops::{PutBucketAcl, GetBucketAcl};
//! use ossio::Acl;
//!
//! let client = Client::from_env()?; // OSS_REGION, OSS_ENDPOINT, OSS_ACCESS_KEY_ID, ...
//! client.put_bucket_acl(&PutBucketAcl::new("examplebucket", Acl::PublicRead))?;
//! let acl = client.get_bucket_acl(&GetBucketAcl::new("examplebucket"))?;
//! println!("{acl:?}");
//! # Ok::<(), ossio::Error>(())
//! ```

mod client;
mod crc;
mod credentials;
mod error;
mod object;
mod retry;

pub use client::{Client, ClientBuilder};
pub use credentials::{
    CredentialsProvider, EnvironmentProvider, ExpiringCredentials, RefreshingProvider,
    StaticProvider,
};
pub use error::Error;
pub use object::ObjectReader;
pub use retry::RetryPolicy;

pub use ossio_core;
pub use ossio_core::ops;
pub use ossio_core::{
    Acl, Addressing, Credentials, ObjectAcl, PresignedRequest, Request, ServiceError,
    SignatureVersion,
};

use ossio_core::ops::*;

macro_rules! operations {
    ($($(#[$doc:meta])* $method:ident => $op:ident, $out:ident;)*) => {
        impl Client {
            $(
                $(#[$doc])*
                pub fn $method(&self, op: &$op) -> Result<$out, Error> {
                    self.send(op)
                }
            )*
        }
    };
}

operations! {
    /// Creates an access point on a bucket (`PUT /?accessPoint`).
    create_access_point => CreateAccessPoint, CreateAccessPointOutput;
    /// Reads an access point's configuration.
    get_access_point => GetAccessPoint, GetAccessPointOutput;
    /// Lists access points of the account or of one bucket (one page).
    list_access_points => ListAccessPoints, ListAccessPointsOutput;
    /// Deletes an access point.
    delete_access_point => DeleteAccessPoint, DeleteAccessPointOutput;
    /// Sets an access point's policy.
    put_access_point_policy => PutAccessPointPolicy, PutAccessPointPolicyOutput;
    /// Reads an access point's policy.
    get_access_point_policy => GetAccessPointPolicy, GetAccessPointPolicyOutput;
    /// Deletes an access point's policy.
    delete_access_point_policy => DeleteAccessPointPolicy, DeleteAccessPointPolicyOutput;
    /// Sets an access point's public access block.
    put_access_point_public_access_block => PutAccessPointPublicAccessBlock, PutAccessPointPublicAccessBlockOutput;
    /// Reads an access point's public access block.
    get_access_point_public_access_block => GetAccessPointPublicAccessBlock, GetAccessPointPublicAccessBlockOutput;
    /// Deletes an access point's public access block.
    delete_access_point_public_access_block => DeleteAccessPointPublicAccessBlock, DeleteAccessPointPublicAccessBlockOutput;
    /// Sets a bucket's ACL.
    put_bucket_acl => PutBucketAcl, PutBucketAclOutput;
    /// Reads a bucket's ACL.
    get_bucket_acl => GetBucketAcl, GetBucketAclOutput;
    /// Sets an object's ACL.
    put_object_acl => PutObjectAcl, PutObjectAclOutput;
    /// Reads an object's ACL.
    get_object_acl => GetObjectAcl, GetObjectAclOutput;
}

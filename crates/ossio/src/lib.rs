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
mod operations;
mod retry;

pub use client::{Client, ClientBuilder};
pub use credentials::{
    AssumeRoleBuilder, AssumeRoleProvider, CredentialsProvider, DefaultChain, EcsRamRoleBuilder,
    EcsRamRoleProvider, EnvironmentProvider, ExpiringCredentials, OidcBuilder, OidcProvider,
    ProcessBuilder, ProcessProvider, ProfileProvider, RefreshingProvider, StaticProvider,
    UriBuilder, UriProvider, provider_for,
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
use ossio_core::paginate::{Pages, Paginated};

impl Client {
    /// Uploads `len` bytes read from `body`, streamed, CRC-checked. The stream is not
    /// rewindable, so the upload is not retried once a byte was sent.
    pub fn put_object_from_reader(
        &self,
        op: &PutObject,
        body: impl std::io::Read + Send,
        len: u64,
    ) -> Result<PutObjectOutput, Error> {
        self.send_from_reader(op, body, len)
    }

    /// Uploads the file at `path`, streamed, CRC-checked, retried from the start of the
    /// file when the policy allows.
    pub fn put_object_from_file(
        &self,
        op: &PutObject,
        path: impl AsRef<std::path::Path>,
    ) -> Result<PutObjectOutput, Error> {
        self.send_from_file(op, path)
    }

    /// Downloads an object: the metadata at once ([`ObjectReader::meta`]), the body as it is
    /// read. A whole-object download is CRC-checked at the end.
    pub fn get_object(&self, op: &GetObject) -> Result<ObjectReader<GetObjectOutput>, Error> {
        self.send_for_reader(op)
    }

    /// Downloads an object into a new file at `path`, restarting if the transfer breaks.
    pub fn get_object_to_file(
        &self,
        op: &GetObject,
        path: impl AsRef<std::path::Path>,
    ) -> Result<GetObjectOutput, Error> {
        self.send_to_file(op, path)
    }

    /// Every page of a listing, fetched lazily as the iterator advances.
    ///
    /// ```no_run
    /// use ossio::{Client, ops::ListObjectsV2};
    /// let client = Client::from_env()?;
    /// for page in client.pages(ListObjectsV2::new("examplebucket")) {
    ///     for object in page?.contents {
    ///         println!("{}", object.key);
    ///     }
    /// }
    /// # Ok::<(), ossio::Error>(())
    /// ```
    pub fn pages<O: Paginated>(&self, first: O) -> PageIter<'_, O> {
        PageIter {
            client: self,
            pages: Pages::new(first),
            failed: false,
        }
    }
}

/// The pages of a listing; see [`Client::pages`].
pub struct PageIter<'a, O: Paginated> {
    client: &'a Client,
    pages: Pages<O>,
    failed: bool,
}

impl<O: Paginated> Iterator for PageIter<'_, O> {
    type Item = Result<O::Output, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let op = self.pages.next_op()?.clone();
        let result = self.client.send(&op).and_then(|page| {
            self.pages
                .feed(&page)
                .map(|()| page)
                .map_err(|e| Error::from_core(O::NAME, e, None))
        });
        self.failed = result.is_err();
        Some(result)
    }
}

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

//! Operations as data: each is a typed input that builds a [`Request`] and parses the
//! [`Response`] into a typed output. Each is declared once (see [`decl`]), in a file per
//! operation or per small family, and listed in the registry [`OPERATIONS`].

use crate::error::Error;
use crate::names;
use crate::request::{Body, Request};
use crate::response::Response;
use base64::Engine as _;
use md5::{Digest, Md5};

/// Pagination from the declared fields: the output's `is_truncated` and next-token field,
/// the input's token field, the output's list of items.
macro_rules! paginated {
    ($op:ident, $item:ty, $token:ident, $next:ident, $items:ident) => {
        impl $crate::paginate::Paginated for $op {
            type Item = $item;

            fn next_token(output: &Self::Output) -> Option<String> {
                output.is_truncated.then(|| output.$next.clone()).flatten()
            }

            fn with_token(&self, token: String) -> Self {
                $op {
                    $token: Some(token),
                    ..self.clone()
                }
            }

            fn items(output: Self::Output) -> Vec<Self::Item> {
                output.$items
            }
        }
    };
}
use paginated;

/// Declares an enumeration with its wire values: the enum, `as_str`, `FromStr` (an unknown
/// value is a typed error naming `$what`), `Display`, and its registry entry, in one place.
///
/// ```ignore
/// wire_enum! {
///     /// A bucket's versioning state.
///     pub enum VersioningStatus("versioning status") {
///         /// Versions are kept.
///         Enabled = "Enabled",
///         /// New writes get the null version.
///         Suspended = "Suspended",
///     }
/// }
/// ```
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident($what:literal) {
            $($(#[$vmeta:meta])* $variant:ident = $wire:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The wire value.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $wire),+
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::error::ValidationError;
            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                match s {
                    $($wire => Ok($name::$variant),)+
                    _ => Err($crate::error::ValidationError::invalid(
                        $what,
                        s,
                        concat!("must be one of:", $(" ", $wire),+),
                    )),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::ops::decl::Scalar for $name {
            const TYPE: $crate::ops::decl::TypeRef =
                $crate::ops::decl::TypeRef::Enum(&$crate::ops::decl::EnumSchema {
                    name: stringify!($name),
                    values: &[$($wire),+],
                });
            fn to_text(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Borrowed(self.as_str())
            }
            fn from_text(s: &str) -> ::core::result::Result<Self, $crate::error::ValidationError> {
                s.parse()
            }
        }
    };
}

pub mod common;
pub mod decl;
pub mod dynamic;
pub mod sample;

mod access_point;
mod access_point_object_process;
mod access_point_policy;
mod access_point_public_access_block;
mod anti_ddos;
mod async_fetch;
mod batch_job;
mod bucket;
mod bucket_access_monitor;
mod bucket_acl;
mod bucket_archive_direct_read;
mod bucket_cname;
mod bucket_cors;
mod bucket_encryption;
mod bucket_https_config;
mod bucket_info;
mod bucket_inventory;
mod bucket_lifecycle;
mod bucket_location;
mod bucket_logging;
mod bucket_meta_query;
mod bucket_metadata_configuration;
mod bucket_object_worm_configuration;
mod bucket_overwrite_config;
mod bucket_policy;
mod bucket_public_access_block;
mod bucket_redundancy_transition;
mod bucket_referer;
mod bucket_replication;
mod bucket_request_payment;
mod bucket_resource_group;
mod bucket_stat;
mod bucket_storage_quota;
mod bucket_style;
mod bucket_tags;
mod bucket_transfer_acceleration;
mod bucket_versioning;
mod bucket_website;
mod bucket_worm;
mod cloud_box;
mod data_pipeline;
mod live_channel;
mod object;
mod object_acl;
mod object_append;
mod object_batch_delete;
mod object_copy;
mod object_list;
mod object_list_v2;
mod object_multipart;
mod object_process;
mod object_restore;
mod object_select;
mod object_symlink;
mod object_tagging;
mod object_versions;
mod object_worm;
mod public_access_block;
mod region;
mod service;

pub use access_point::*;
pub use access_point_object_process::*;
pub use access_point_policy::*;
pub use access_point_public_access_block::*;
pub use anti_ddos::*;
pub use async_fetch::*;
pub use batch_job::*;
pub use bucket::*;
pub use bucket_access_monitor::*;
pub use bucket_acl::*;
pub use bucket_archive_direct_read::*;
pub use bucket_cname::*;
pub use bucket_cors::*;
pub use bucket_encryption::*;
pub use bucket_https_config::*;
pub use bucket_info::*;
pub use bucket_inventory::*;
pub use bucket_lifecycle::*;
pub use bucket_location::*;
pub use bucket_logging::*;
pub use bucket_meta_query::*;
pub use bucket_metadata_configuration::*;
pub use bucket_object_worm_configuration::*;
pub use bucket_overwrite_config::*;
pub use bucket_policy::*;
pub use bucket_public_access_block::*;
pub use bucket_redundancy_transition::*;
pub use bucket_referer::*;
pub use bucket_replication::*;
pub use bucket_request_payment::*;
pub use bucket_resource_group::*;
pub use bucket_stat::*;
pub use bucket_storage_quota::*;
pub use bucket_style::*;
pub use bucket_tags::*;
pub use bucket_transfer_acceleration::*;
pub use bucket_versioning::*;
pub use bucket_website::*;
pub use bucket_worm::*;
pub use cloud_box::*;
pub use common::{AccessControlPolicy, DataRedundancyType, EmptyOutput, ObjectMeta, StorageClass};
pub use data_pipeline::*;
pub use live_channel::*;
pub use object::*;
pub use object_acl::*;
pub use object_append::*;
pub use object_batch_delete::*;
pub use object_copy::*;
pub use object_list::*;
pub use object_list_v2::*;
pub use object_multipart::*;
pub use object_process::*;
pub use object_restore::*;
pub use object_select::*;
pub use object_symlink::*;
pub use object_tagging::*;
pub use object_versions::*;
pub use object_worm::*;
pub use public_access_block::*;
pub use region::*;
pub use service::*;

/// Every declaration registers itself here (`#[derive(Oss)]` on an operation adds its
/// entry), so no list of operations is kept by hand; [`OPERATIONS`] is the sorted view.
// linkme gathers the entries from a link section, which the unsafe-code lint counts as
// unsafe; no unsafe code is written here.
#[allow(unsafe_code)]
#[linkme::distributed_slice]
pub static REGISTERED: [&'static decl::OpSchema];

/// Every operation's builder from a plain value, registered the same way
/// ([`dynamic::build`]).
#[allow(unsafe_code)]
#[linkme::distributed_slice]
pub static DYN_OPERATIONS: [dynamic::DynEntry];

/// Every operation the core declares, sorted by name: name and spellings, doc text,
/// method, sub-resources and the input and output schemas. Code generators, the CLI and
/// the server read this.
pub static OPERATIONS: std::sync::LazyLock<Vec<&'static decl::OpSchema>> =
    std::sync::LazyLock::new(|| {
        let mut ops: Vec<_> = REGISTERED.iter().copied().collect();
        ops.sort_by_key(|o| o.name);
        ops
    });

/// The operation named `name` in any spelling: `PutBucketAcl`, `put_bucket_acl`,
/// `putBucketAcl` or `put-bucket-acl`.
///
/// ```
/// let op = ossio_core::ops::operation("put-bucket-acl").unwrap();
/// assert_eq!(op.name, "PutBucketAcl");
/// ```
pub fn operation(name: &str) -> Option<&'static decl::OpSchema> {
    OPERATIONS.iter().copied().find(|op| op.is_named(name))
}

/// The registered operation a request is for, if any: what a server dispatches on, and
/// answers `501 NotImplemented` without.
///
/// ```
/// use ossio_core::{Method, Request};
/// let req = Request::new(Method::Get).bucket("b").query_flag("acl");
/// assert_eq!(ossio_core::ops::route(&req).map(|o| o.name), Some("GetBucketAcl"));
/// let vod = Request::new(Method::Get).bucket("b").query_flag("vod");
/// assert!(ossio_core::ops::route(&vod).is_none());
/// ```
pub fn route(req: &Request) -> Option<&'static decl::OpSchema> {
    // Operations on one path are told apart by the fields they require, then by how much
    // of the request names them (`list-type=2` makes a listing ListObjectsV2).
    OPERATIONS
        .iter()
        .copied()
        .filter(|op| op.matches(req))
        .max_by_key(|op| {
            let named_by_fields = op
                .input
                .fields
                .iter()
                .filter(|f| !f.optional && f.when_true.is_none())
                .filter(|f| {
                    matches!(
                        f.location,
                        decl::Location::Header(_)
                            | decl::Location::Query(_)
                            | decl::Location::CopySource(_)
                    )
                })
                .count();
            (
                op.has_required_fields(req),
                op.sub_resources.len() + op.fixed_query.len(),
                named_by_fields,
            )
        })
}

/// An OSS operation: a typed input that becomes a request, and a parser for its response.
pub trait Operation {
    /// The typed result.
    type Output;
    /// The API name, e.g. `CreateAccessPoint`.
    const NAME: &'static str;
    /// Validates the input and builds the request (with its V1 sub-resources declared).
    fn to_request(&self) -> Result<Request, Error>;
    /// Turns a response into the typed output, or the typed error.
    fn parse_response(&self, response: &Response<'_>) -> Result<Self::Output, Error>;
}

/// Base64 MD5 of `bytes`, the `Content-MD5` header value.
pub fn content_md5(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(Md5::digest(bytes))
}

/// Attaches an XML document as the body, with `Content-Type` and `Content-MD5` (as the
/// official SDKs send them, so the signed bytes match theirs).
pub fn with_xml_body(req: Request, doc: String) -> Request {
    let md5 = content_md5(doc.as_bytes());
    req.header(names::CONTENT_TYPE, names::APPLICATION_XML)
        .header(names::CONTENT_MD5, md5)
        .body(Body::Bytes(doc.into_bytes()))
}

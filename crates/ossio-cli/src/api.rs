//! `ossio api <operation>`: one subcommand per core operation, flags named after the API's
//! fields, results as the API names them.

use crate::ctx::Ctx;
use crate::error::CliError;
use crate::value::{Format, Value, obj};
use clap::{Args, Subcommand};
use ossio_core::ops::*;
use ossio_core::{Acl, ObjectAcl};
use std::fmt::Display;
use std::path::PathBuf;
use std::str::FromStr;

/// Parses a value with the core's `FromStr`, for clap (a bad value is a usage error).
fn core_value<T>(s: &str) -> Result<T, String>
where
    T: FromStr,
    T::Err: Display,
{
    s.parse::<T>().map_err(|e| e.to_string())
}

/// `--bucket` and `--access-point-name`: the address of an access point.
#[derive(Debug, Args)]
pub struct ApTarget {
    /// The bucket the access point belongs to.
    #[arg(long)]
    pub bucket: String,
    /// The access point name: 3 to 19 lowercase letters, digits and hyphens, not starting or
    /// ending with a hyphen.
    #[arg(long, value_name = "NAME")]
    pub access_point_name: String,
}

/// `--bucket`.
#[derive(Debug, Args)]
pub struct BucketTarget {
    /// The bucket name.
    #[arg(long)]
    pub bucket: String,
}

/// `--bucket`, `--key` and `--version-id`.
#[derive(Debug, Args)]
pub struct ObjectTarget {
    /// The bucket name (or an access point alias).
    #[arg(long)]
    pub bucket: String,
    /// The object key.
    #[arg(long)]
    pub key: String,
    /// A specific version of the object.
    #[arg(long, value_name = "ID")]
    pub version_id: Option<String>,
}

/// Every operation.
#[derive(Debug, Subcommand)]
pub enum ApiCommand {
    /// CreateAccessPoint: create an access point on a bucket.
    CreateAccessPoint(CreateAccessPointArgs),
    /// GetAccessPoint: read an access point's configuration.
    GetAccessPoint(ApTarget),
    /// ListAccessPoints: list the account's (or one bucket's) access points, all pages.
    ListAccessPoints(ListAccessPointsArgs),
    /// DeleteAccessPoint: delete an access point.
    DeleteAccessPoint(ApTarget),
    /// PutAccessPointPolicy: set an access point's policy.
    PutAccessPointPolicy(PutAccessPointPolicyArgs),
    /// GetAccessPointPolicy: read an access point's policy.
    GetAccessPointPolicy(ApTarget),
    /// DeleteAccessPointPolicy: delete an access point's policy.
    DeleteAccessPointPolicy(ApTarget),
    /// PutAccessPointPublicAccessBlock: block (or allow) public access through an access
    /// point.
    PutAccessPointPublicAccessBlock(PutAccessPointPublicAccessBlockArgs),
    /// GetAccessPointPublicAccessBlock: read an access point's public access block.
    GetAccessPointPublicAccessBlock(ApTarget),
    /// DeleteAccessPointPublicAccessBlock: delete an access point's public access block.
    DeleteAccessPointPublicAccessBlock(ApTarget),
    /// PutBucketAcl: set a bucket's ACL.
    PutBucketAcl(PutBucketAclArgs),
    /// GetBucketAcl: read a bucket's ACL.
    GetBucketAcl(BucketTarget),
    /// PutObjectAcl: set an object's ACL.
    PutObjectAcl(PutObjectAclArgs),
    /// GetObjectAcl: read an object's ACL.
    GetObjectAcl(ObjectTarget),
    /// PutBucket: create a bucket.
    PutBucket(PutBucketArgs),
    /// DeleteBucket: delete an empty bucket.
    DeleteBucket(BucketTarget),
    /// ListBuckets: list the account's buckets, all pages.
    ListBuckets(ListBucketsArgs),
    /// GetBucketInfo: read a bucket's configuration.
    GetBucketInfo(BucketTarget),
    /// PutObject: upload a file (streamed, CRC-64 checked).
    PutObject(PutObjectArgs),
    /// GetObject: download an object into a file (streamed, CRC-64 checked) and print its
    /// metadata.
    GetObject(GetObjectArgs),
    /// HeadObject: read an object's metadata.
    HeadObject(ObjectTarget),
    /// DeleteObject: delete an object.
    DeleteObject(ObjectTarget),
    /// DeleteMultipleObjects: delete up to 1000 objects in one request.
    DeleteMultipleObjects(DeleteMultipleObjectsArgs),
    /// ListObjectsV2: list a bucket's objects, all pages.
    ListObjectsV2(ListObjectsV2Args),
}

/// `create-access-point`.
#[derive(Debug, Args)]
pub struct CreateAccessPointArgs {
    #[command(flatten)]
    target: ApTarget,
    /// Where requests may come from: vpc (only from --vpc-id) or internet.
    #[arg(long, value_name = "ORIGIN", value_parser = core_value::<NetworkOrigin>)]
    network_origin: NetworkOrigin,
    /// The VPC allowed to use the access point; required with --network-origin vpc.
    #[arg(long, value_name = "ID")]
    vpc_id: Option<String>,
}

/// `list-access-points`.
#[derive(Debug, Args)]
pub struct ListAccessPointsArgs {
    /// Only the access points of this bucket (default: every bucket of the account).
    #[arg(long)]
    bucket: Option<String>,
    /// Page size: 1 to 1000 (1 to 100 with --bucket); every page is fetched.
    #[arg(long, value_name = "N")]
    max_keys: Option<u32>,
    /// Start at this token (from an earlier listing).
    #[arg(long, value_name = "TOKEN")]
    continuation_token: Option<String>,
}

/// `put-access-point-policy`.
#[derive(Debug, Args)]
pub struct PutAccessPointPolicyArgs {
    #[command(flatten)]
    target: ApTarget,
    /// The policy document (JSON), or @FILE to read it from a file.
    #[arg(long, value_name = "JSON|@FILE")]
    policy: String,
}

/// `put-access-point-public-access-block`.
#[derive(Debug, Args)]
pub struct PutAccessPointPublicAccessBlockArgs {
    #[command(flatten)]
    target: ApTarget,
    /// true to block public access through the access point, false to allow it.
    #[arg(long, value_name = "BOOL", action = clap::ArgAction::Set)]
    block_public_access: bool,
}

/// `put-bucket-acl`.
#[derive(Debug, Args)]
pub struct PutBucketAclArgs {
    /// The bucket name.
    #[arg(long)]
    bucket: String,
    /// The ACL: private, public-read or public-read-write.
    #[arg(long, value_parser = core_value::<Acl>)]
    acl: Acl,
}

/// `put-object-acl`.
#[derive(Debug, Args)]
pub struct PutObjectAclArgs {
    #[command(flatten)]
    target: ObjectTarget,
    /// The ACL: default (inherit the bucket's), private, public-read or public-read-write.
    #[arg(long, value_parser = core_value::<ObjectAcl>)]
    acl: ObjectAcl,
}

/// `put-bucket`.
#[derive(Debug, Args)]
pub struct PutBucketArgs {
    /// The bucket name: 3 to 63 lowercase letters, digits and hyphens.
    #[arg(long)]
    bucket: String,
    /// The ACL: private (default), public-read or public-read-write.
    #[arg(long, value_parser = core_value::<Acl>)]
    acl: Option<Acl>,
    /// Default storage class: Standard, IA, Archive, ColdArchive or DeepColdArchive.
    #[arg(long, value_name = "CLASS", value_parser = core_value::<StorageClass>)]
    storage_class: Option<StorageClass>,
    /// Data redundancy: LRS or ZRS.
    #[arg(long, value_name = "TYPE", value_parser = core_value::<DataRedundancyType>)]
    data_redundancy_type: Option<DataRedundancyType>,
    /// Resource group to put the bucket in.
    #[arg(long, value_name = "ID")]
    resource_group_id: Option<String>,
}

/// `list-buckets`.
#[derive(Debug, Args)]
pub struct ListBucketsArgs {
    /// Only buckets whose names start with this.
    #[arg(long)]
    prefix: Option<String>,
    /// Start after this bucket name.
    #[arg(long)]
    marker: Option<String>,
    /// Page size (1 to 1000); every page is fetched.
    #[arg(long, value_name = "N")]
    max_keys: Option<u32>,
}

/// `put-object`.
#[derive(Debug, Args)]
pub struct PutObjectArgs {
    /// The bucket name (or an access point alias).
    #[arg(long)]
    bucket: String,
    /// The object key.
    #[arg(long)]
    key: String,
    /// The file to upload (`-` reads stdin into memory first).
    #[arg(long, value_name = "FILE")]
    body: Option<PathBuf>,
    /// Content-Type.
    #[arg(long, value_name = "TYPE")]
    content_type: Option<String>,
    /// Cache-Control.
    #[arg(long, value_name = "VALUE")]
    cache_control: Option<String>,
    /// Content-Disposition.
    #[arg(long, value_name = "VALUE")]
    content_disposition: Option<String>,
    /// Content-Encoding.
    #[arg(long, value_name = "VALUE")]
    content_encoding: Option<String>,
    /// The object ACL: default, private, public-read or public-read-write.
    #[arg(long, value_parser = core_value::<ObjectAcl>)]
    acl: Option<ObjectAcl>,
    /// Storage class: Standard, IA, Archive, ColdArchive or DeepColdArchive.
    #[arg(long, value_name = "CLASS", value_parser = core_value::<StorageClass>)]
    storage_class: Option<StorageClass>,
    /// User metadata NAME=VALUE, sent as x-oss-meta-NAME (repeatable).
    #[arg(long = "meta", value_name = "NAME=VALUE")]
    meta: Vec<String>,
}

/// `get-object`.
#[derive(Debug, Args)]
pub struct GetObjectArgs {
    #[command(flatten)]
    target: ObjectTarget,
    /// Where to write the body (`-` for stdout, then no metadata is printed).
    #[arg(long, value_name = "FILE")]
    outfile: PathBuf,
    /// Only these bytes: FIRST-LAST or FIRST- (inclusive).
    #[arg(long, value_name = "FIRST-[LAST]")]
    range: Option<String>,
}

/// `delete-multiple-objects`.
#[derive(Debug, Args)]
pub struct DeleteMultipleObjectsArgs {
    /// The bucket name.
    #[arg(long)]
    bucket: String,
    /// A key to delete (repeatable, at most 1000).
    #[arg(long = "key", value_name = "KEY", required = true)]
    keys: Vec<String>,
    /// Quiet mode: OSS lists only the keys it failed to delete.
    #[arg(long)]
    quiet: bool,
}

/// `list-objects-v2`.
#[derive(Debug, Args)]
pub struct ListObjectsV2Args {
    /// The bucket name (or an access point alias).
    #[arg(long)]
    bucket: String,
    /// Only keys starting with this.
    #[arg(long)]
    prefix: Option<String>,
    /// Group keys up to the next occurrence of this (usually /) into CommonPrefixes.
    #[arg(long)]
    delimiter: Option<String>,
    /// Only keys after this one.
    #[arg(long, value_name = "KEY")]
    start_after: Option<String>,
    /// Page size (1 to 1000); every page is fetched.
    #[arg(long, value_name = "N")]
    max_keys: Option<u32>,
    /// Start at this token (from an earlier listing).
    #[arg(long, value_name = "TOKEN")]
    continuation_token: Option<String>,
    /// Include each object's owner.
    #[arg(long)]
    fetch_owner: bool,
}

/// Splits NAME=VALUE metadata flags.
pub fn parse_meta(meta: &[String]) -> Result<Vec<(String, String)>, CliError> {
    meta.iter()
        .map(|m| {
            m.split_once('=')
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .ok_or_else(|| CliError::usage(format!("--meta {m:?} is not NAME=VALUE")))
        })
        .collect()
}

fn request_id(id: &str) -> (&'static str, Value) {
    ("RequestId", id.into())
}

fn empty(o: &EmptyOutput) -> Value {
    obj([request_id(&o.request_id)])
}

/// Object metadata as HeadObject and GetObject print it.
pub fn meta_value(m: &ObjectMeta, content_range: Option<&str>, rid: &str) -> Value {
    let mut fields = vec![
        ("ContentLength".to_owned(), Value::from(m.content_length)),
        ("ContentType".into(), m.content_type.clone().into()),
        ("ETag".into(), m.etag.clone().into()),
        ("LastModified".into(), m.last_modified.clone().into()),
        (
            "HashCrc64ecma".into(),
            m.crc64.map(|c| c.to_string()).into(),
        ),
        ("VersionId".into(), m.version_id.clone().into()),
        ("ObjectType".into(), m.object_type.clone().into()),
        ("StorageClass".into(), m.storage_class.clone().into()),
        (
            "Metadata".into(),
            Value::Object(
                m.metadata
                    .iter()
                    .map(|(k, v)| (k.clone(), v.into()))
                    .collect(),
            ),
        ),
    ];
    if let Some(r) = content_range {
        fields.push(("ContentRange".into(), r.into()));
    }
    fields.push(("RequestId".into(), rid.into()));
    Value::Object(fields)
}

fn access_point_summary(ap: &AccessPointSummary) -> Value {
    obj([
        ("Bucket", (&ap.bucket).into()),
        ("AccessPointName", (&ap.name).into()),
        ("Alias", (&ap.alias).into()),
        ("NetworkOrigin", (&ap.network_origin).into()),
        ("VpcId", ap.vpc_id.clone().into()),
        ("Status", (&ap.status).into()),
    ])
}

/// A bucket as listings print it.
pub fn bucket_summary(b: &BucketSummary) -> Value {
    obj([
        ("Name", (&b.name).into()),
        ("CreationDate", (&b.creation_date).into()),
        ("Location", (&b.location).into()),
        ("Region", b.region.clone().into()),
        ("ExtranetEndpoint", b.extranet_endpoint.clone().into()),
        ("IntranetEndpoint", b.intranet_endpoint.clone().into()),
        ("StorageClass", b.storage_class.clone().into()),
    ])
}

fn object_summary(o: &ObjectSummary) -> Value {
    obj([
        ("Key", (&o.key).into()),
        ("LastModified", (&o.last_modified).into()),
        ("ETag", (&o.etag).into()),
        ("Size", o.size.into()),
        ("StorageClass", o.storage_class.clone().into()),
        ("Type", o.object_type.clone().into()),
        ("OwnerId", o.owner_id.clone().into()),
    ])
}

fn access_point_name_check(t: &ApTarget) -> (&str, &str) {
    (&t.bucket, &t.access_point_name)
}

impl ApiCommand {
    /// Runs the operation and prints its result.
    pub fn run(self, ctx: &mut Ctx) -> Result<(), CliError> {
        let value = match self {
            ApiCommand::CreateAccessPoint(a) => {
                let mut op = CreateAccessPoint::new(
                    &a.target.bucket,
                    &a.target.access_point_name,
                    a.network_origin,
                );
                op.vpc_id = a.vpc_id;
                ctx.exec(&op)?.map(|o| {
                    obj([
                        ("AccessPointArn", o.access_point_arn.into()),
                        ("Alias", o.alias.into()),
                        request_id(&o.request_id),
                    ])
                })
            }
            ApiCommand::GetAccessPoint(t) => {
                let (b, n) = access_point_name_check(&t);
                ctx.exec(&GetAccessPoint::new(b, n))?.map(|o| {
                    obj([
                        ("AccessPointName", o.name.into()),
                        ("Bucket", o.bucket.into()),
                        ("AccountId", o.account_id.into()),
                        ("NetworkOrigin", o.network_origin.into()),
                        ("VpcId", o.vpc_id.into()),
                        ("AccessPointArn", o.access_point_arn.into()),
                        ("CreationDate", o.creation_date.into()),
                        ("Alias", o.alias.into()),
                        ("Status", o.status.into()),
                        ("PublicEndpoint", o.public_endpoint.into()),
                        ("InternalEndpoint", o.internal_endpoint.into()),
                        ("BlockPublicAccess", o.block_public_access.into()),
                        request_id(&o.request_id),
                    ])
                })
            }
            ApiCommand::ListAccessPoints(a) => {
                let mut op = match &a.bucket {
                    Some(b) => ListAccessPoints::for_bucket(b),
                    None => ListAccessPoints::new(),
                };
                op.max_keys = a.max_keys;
                op.continuation_token = a.continuation_token;
                if ctx.dry_run(&op)? {
                    return Ok(());
                }
                let mut account_id = String::new();
                let mut items = Vec::new();
                let mut ids = Vec::new();
                for page in ctx.client()?.pages(op) {
                    let page = page?;
                    account_id = page.account_id.clone();
                    items.extend(page.access_points.iter().map(access_point_summary));
                    ids.push(Value::from(page.request_id));
                }
                Some(obj([
                    ("AccountId", account_id.into()),
                    ("AccessPoints", Value::List(items)),
                    ("RequestIds", Value::List(ids)),
                ]))
            }
            ApiCommand::DeleteAccessPoint(t) => {
                let (b, n) = access_point_name_check(&t);
                ctx.exec(&DeleteAccessPoint::new(b, n))?.map(|o| empty(&o))
            }
            ApiCommand::PutAccessPointPolicy(a) => {
                let policy = match a.policy.strip_prefix('@') {
                    Some(path) => std::fs::read_to_string(path)
                        .map_err(|e| CliError::usage(format!("cannot read {path}: {e}")))?,
                    None => a.policy,
                };
                let op = PutAccessPointPolicy::new(
                    &a.target.bucket,
                    &a.target.access_point_name,
                    policy,
                );
                ctx.exec(&op)?.map(|o| empty(&o))
            }
            ApiCommand::GetAccessPointPolicy(t) => {
                let (b, n) = access_point_name_check(&t);
                ctx.exec(&GetAccessPointPolicy::new(b, n))?
                    .map(|o| obj([("Policy", o.policy.into()), request_id(&o.request_id)]))
            }
            ApiCommand::DeleteAccessPointPolicy(t) => {
                let (b, n) = access_point_name_check(&t);
                ctx.exec(&DeleteAccessPointPolicy::new(b, n))?
                    .map(|o| empty(&o))
            }
            ApiCommand::PutAccessPointPublicAccessBlock(a) => {
                let op = PutAccessPointPublicAccessBlock::new(
                    &a.target.bucket,
                    &a.target.access_point_name,
                    a.block_public_access,
                );
                ctx.exec(&op)?.map(|o| empty(&o))
            }
            ApiCommand::GetAccessPointPublicAccessBlock(t) => {
                let (b, n) = access_point_name_check(&t);
                ctx.exec(&GetAccessPointPublicAccessBlock::new(b, n))?
                    .map(|o| {
                        obj([
                            ("BlockPublicAccess", o.block_public_access.into()),
                            request_id(&o.request_id),
                        ])
                    })
            }
            ApiCommand::DeleteAccessPointPublicAccessBlock(t) => {
                let (b, n) = access_point_name_check(&t);
                ctx.exec(&DeleteAccessPointPublicAccessBlock::new(b, n))?
                    .map(|o| empty(&o))
            }
            ApiCommand::PutBucketAcl(a) => ctx
                .exec(&PutBucketAcl::new(&a.bucket, a.acl))?
                .map(|o| obj([request_id(&o.request_id)])),
            ApiCommand::GetBucketAcl(t) => ctx.exec(&GetBucketAcl::new(&t.bucket))?.map(|o| {
                obj([
                    (
                        "Owner",
                        obj([
                            ("ID", o.owner_id.into()),
                            ("DisplayName", o.owner_display_name.into()),
                        ]),
                    ),
                    ("Grant", o.acl.as_str().into()),
                    request_id(&o.request_id),
                ])
            }),
            ApiCommand::PutObjectAcl(a) => {
                let mut op = PutObjectAcl::new(&a.target.bucket, &a.target.key, a.acl);
                op.version_id = a.target.version_id;
                ctx.exec(&op)?.map(|o| {
                    obj([
                        ("VersionId", o.version_id.into()),
                        request_id(&o.request_id),
                    ])
                })
            }
            ApiCommand::GetObjectAcl(t) => {
                let mut op = GetObjectAcl::new(&t.bucket, &t.key);
                op.version_id = t.version_id;
                ctx.exec(&op)?.map(|o| {
                    obj([
                        (
                            "Owner",
                            obj([
                                ("ID", o.owner_id.into()),
                                ("DisplayName", o.owner_display_name.into()),
                            ]),
                        ),
                        ("Grant", o.acl.as_str().into()),
                        ("VersionId", o.version_id.into()),
                        request_id(&o.request_id),
                    ])
                })
            }
            ApiCommand::PutBucket(a) => {
                let mut op = PutBucket::new(&a.bucket);
                op.acl = a.acl;
                op.storage_class = a.storage_class;
                op.data_redundancy_type = a.data_redundancy_type;
                op.resource_group_id = a.resource_group_id;
                ctx.exec(&op)?.map(|o| empty(&o))
            }
            ApiCommand::DeleteBucket(t) => {
                ctx.exec(&DeleteBucket::new(&t.bucket))?.map(|o| empty(&o))
            }
            ApiCommand::ListBuckets(a) => {
                let mut op = ListBuckets::new();
                op.prefix = a.prefix;
                op.marker = a.marker;
                op.max_keys = a.max_keys;
                if ctx.dry_run(&op)? {
                    return Ok(());
                }
                let (mut owner_id, mut owner_name) = (String::new(), String::new());
                let mut items = Vec::new();
                let mut ids = Vec::new();
                for page in ctx.client()?.pages(op) {
                    let page = page?;
                    owner_id = page.owner_id.clone();
                    owner_name = page.owner_display_name.clone();
                    items.extend(page.buckets.iter().map(bucket_summary));
                    ids.push(Value::from(page.request_id));
                }
                Some(obj([
                    (
                        "Owner",
                        obj([("ID", owner_id.into()), ("DisplayName", owner_name.into())]),
                    ),
                    ("Buckets", Value::List(items)),
                    ("RequestIds", Value::List(ids)),
                ]))
            }
            ApiCommand::GetBucketInfo(t) => ctx.exec(&GetBucketInfo::new(&t.bucket))?.map(|o| {
                obj([
                    ("Name", o.name.into()),
                    ("CreationDate", o.creation_date.into()),
                    ("Location", o.location.into()),
                    ("Region", o.region.into()),
                    ("ExtranetEndpoint", o.extranet_endpoint.into()),
                    ("IntranetEndpoint", o.intranet_endpoint.into()),
                    ("StorageClass", o.storage_class.into()),
                    ("DataRedundancyType", o.data_redundancy_type.into()),
                    (
                        "Owner",
                        obj([
                            ("ID", o.owner_id.into()),
                            ("DisplayName", o.owner_display_name.into()),
                        ]),
                    ),
                    ("Grant", o.acl.into()),
                    ("ResourceGroupId", o.resource_group_id.into()),
                    request_id(&o.request_id),
                ])
            }),
            ApiCommand::PutObject(a) => {
                let mut op = PutObject::new(&a.bucket, &a.key);
                op.content_type = a.content_type;
                op.cache_control = a.cache_control;
                op.content_disposition = a.content_disposition;
                op.content_encoding = a.content_encoding;
                op.acl = a.acl;
                op.storage_class = a.storage_class;
                op.metadata = parse_meta(&a.meta)?;
                let source = a.body.as_ref().map(|p| p.to_string_lossy().into_owned());
                let out = crate::transfer::upload(ctx, op, source.as_deref())?;
                out.map(|o| {
                    obj([
                        ("ETag", o.etag.into()),
                        ("HashCrc64ecma", o.crc64.map(|c| c.to_string()).into()),
                        ("VersionId", o.version_id.into()),
                        request_id(&o.request_id),
                    ])
                })
            }
            ApiCommand::GetObject(a) => {
                let mut op = GetObject::new(&a.target.bucket, &a.target.key);
                op.version_id = a.target.version_id;
                if let Some(r) = &a.range {
                    let (first, last) = r.split_once('-').ok_or_else(|| {
                        CliError::usage(format!("--range {r:?} is not FIRST-LAST or FIRST-"))
                    })?;
                    let first = first
                        .parse()
                        .map_err(|_| CliError::usage(format!("--range {r:?}: bad first byte")))?;
                    let last = match last {
                        "" => None,
                        l => Some(l.parse().map_err(|_| {
                            CliError::usage(format!("--range {r:?}: bad last byte"))
                        })?),
                    };
                    op = op.range(first, last);
                }
                let to_stdout = a.outfile.as_os_str() == "-";
                let out = crate::transfer::download(ctx, &op, &a.outfile)?;
                match out {
                    Some(o) if !to_stdout => Some(meta_value(
                        &o.meta,
                        o.content_range.as_deref(),
                        &o.request_id,
                    )),
                    _ => None,
                }
            }
            ApiCommand::HeadObject(t) => {
                let mut op = HeadObject::new(&t.bucket, &t.key);
                op.version_id = t.version_id;
                ctx.exec(&op)?
                    .map(|o| meta_value(&o.meta, None, &o.request_id))
            }
            ApiCommand::DeleteObject(t) => {
                let mut op = DeleteObject::new(&t.bucket, &t.key);
                op.version_id = t.version_id;
                ctx.exec(&op)?.map(|o| {
                    obj([
                        ("DeleteMarker", o.delete_marker.into()),
                        ("VersionId", o.version_id.into()),
                        request_id(&o.request_id),
                    ])
                })
            }
            ApiCommand::DeleteMultipleObjects(a) => {
                let op = DeleteMultipleObjects::new(&a.bucket, a.keys).quiet(a.quiet);
                ctx.exec(&op)?.map(|o| {
                    obj([
                        (
                            "Deleted",
                            Value::List(
                                o.deleted
                                    .iter()
                                    .map(|d| {
                                        obj([
                                            ("Key", (&d.key).into()),
                                            ("VersionId", d.version_id.clone().into()),
                                            ("DeleteMarker", d.delete_marker.into()),
                                        ])
                                    })
                                    .collect(),
                            ),
                        ),
                        request_id(&o.request_id),
                    ])
                })
            }
            ApiCommand::ListObjectsV2(a) => {
                let mut op = ListObjectsV2::new(&a.bucket);
                op.prefix = a.prefix.clone();
                op.delimiter = a.delimiter.clone();
                op.start_after = a.start_after;
                op.max_keys = a.max_keys;
                op.continuation_token = a.continuation_token;
                op.fetch_owner = a.fetch_owner;
                if ctx.dry_run(&op)? {
                    return Ok(());
                }
                let mut contents = Vec::new();
                let mut prefixes = Vec::new();
                let mut ids = Vec::new();
                for page in ctx.client()?.pages(op) {
                    let page = page?;
                    contents.extend(page.contents.iter().map(object_summary));
                    prefixes.extend(page.common_prefixes.iter().map(Value::from));
                    ids.push(Value::from(page.request_id));
                }
                Some(obj([
                    ("Name", a.bucket.into()),
                    ("Prefix", a.prefix.into()),
                    ("Delimiter", a.delimiter.into()),
                    ("KeyCount", contents.len().into()),
                    ("Contents", Value::List(contents)),
                    ("CommonPrefixes", Value::List(prefixes)),
                    ("RequestIds", Value::List(ids)),
                ]))
            }
        };
        match value {
            Some(v) => ctx.print(&v, Format::Json),
            None => Ok(()),
        }
    }
}

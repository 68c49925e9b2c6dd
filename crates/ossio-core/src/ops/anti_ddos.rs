//! Anti-DDoS (OSS high-defense) instances: the account's instances (`/?antiDDos` on the
//! service host: InitUserAntiDDosInfo, UpdateUserAntiDDosInfo, GetUserAntiDDosInfo), the
//! protection of a bucket by one (`/<bucket>?antiDDos`: InitBucketAntiDDosInfo,
//! UpdateBucketAntiDDosInfo) and the protected buckets of the account
//! (`/?bucketAntiDDos`: ListBucketAntiDDosInfo). Shapes as in Go v2's
//! `api_op_bucket_antiddos.go`; alibabacloud-oss-v2 (Python) has none of these.

use super::Operation;
use super::decl::Oss;
use crate::error::{ValidationError, ValidationKind};

wire_enum! {
    /// The state an Anti-DDoS instance (or a bucket's protection) is set to.
    pub enum AntiDdosStatus("anti-DDoS status") {
        /// Initialized: the bucket's custom domain names must be given.
        Init = "Init",
        /// Protecting.
        Defending = "Defending",
        /// Protection off.
        HaltDefending = "HaltDefending",
    }
}

/// The `AntiDDOSConfiguration` document: the custom domain names a bucket's protection
/// covers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "AntiDDOSConfiguration")]
pub struct BucketAntiDdosConfiguration {
    /// The custom domain names to protect.
    #[oss(xml = "Cnames>Domain")]
    pub domains: Vec<String>,
}

/// One bucket's Anti-DDoS protection, as ListBucketAntiDDosInfo lists it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct BucketAntiDdosInfo {
    /// The bucket owner's id.
    #[oss(xml = "Owner")]
    pub owner: Option<String>,
    /// When the instance was created (Unix seconds).
    #[oss(xml = "Ctime")]
    pub ctime: Option<u64>,
    /// `Init`, `Defending` or `HaltDefending`.
    #[oss(xml = "Status")]
    pub status: Option<String>,
    /// The protected custom domain names.
    #[oss(xml = "Cnames>Domain")]
    pub domains: Vec<String>,
    /// The Anti-DDoS instance id.
    #[oss(xml = "InstanceId")]
    pub instance_id: Option<String>,
    /// The protected bucket.
    #[oss(xml = "Bucket")]
    pub bucket: Option<String>,
    /// When the instance was last updated (Unix seconds).
    #[oss(xml = "Mtime")]
    pub mtime: Option<u64>,
    /// When the instance was activated (Unix seconds; 0 before).
    #[oss(xml = "ActiveTime")]
    pub active_time: Option<u64>,
    /// The instance type (`AntiDDosPremimum`).
    #[oss(xml = "Type", rename = "type")]
    pub r#type: Option<String>,
}

/// One Anti-DDoS instance of the account, as GetUserAntiDDosInfo lists it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct UserAntiDdosInfo {
    /// When the instance was created (Unix seconds).
    #[oss(xml = "Ctime")]
    pub ctime: Option<u64>,
    /// When the instance was last updated (Unix seconds).
    #[oss(xml = "Mtime")]
    pub mtime: Option<u64>,
    /// When the instance was activated (Unix seconds; 0 before).
    #[oss(xml = "ActiveTime")]
    pub active_time: Option<u64>,
    /// `Init`, `Defending` or `HaltDefending`.
    #[oss(xml = "Status")]
    pub status: Option<String>,
    /// The Anti-DDoS instance id.
    #[oss(xml = "InstanceId")]
    pub instance_id: Option<String>,
    /// The owner's account id.
    #[oss(xml = "Owner")]
    pub owner: Option<String>,
}

/// The `AntiDDOSListConfiguration` document: one page of protected buckets.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "AntiDDOSListConfiguration")]
pub struct AntiDdosListConfiguration {
    /// The marker of the next page.
    #[oss(xml = "Marker", empty_none)]
    pub marker: Option<String>,
    /// Whether more pages follow.
    #[oss(xml = "IsTruncated")]
    pub is_truncated: Option<bool>,
    /// The buckets' protections.
    #[oss(xml = "AntiDDOSConfiguration", rename = "anti_ddos_configurations")]
    pub anti_ddos_configurations: Vec<BucketAntiDdosInfo>,
}

/// Creates an Anti-DDoS instance for the account (`PUT /?antiDDos`); its id comes back in
/// `x-oss-defender-instance`.
///
/// ```
/// use ossio_core::ops::{InitUserAntiDDosInfo, Operation};
/// let req = InitUserAntiDDosInfo {}.to_request().unwrap();
/// assert_eq!(req.query, vec![("antiDDos".into(), None)]);
/// assert!(req.bucket.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(op = "InitUserAntiDDosInfo", method = "PUT", sub_resource = "antiDDos", output = InitUserAntiDDosInfoOutput)]
pub struct InitUserAntiDDosInfo {}

/// The result of [`InitUserAntiDDosInfo`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct InitUserAntiDDosInfoOutput {
    /// The new instance's id (`x-oss-defender-instance`).
    #[oss(header = "x-oss-defender-instance")]
    pub defender_instance: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Changes the state of one of the account's Anti-DDoS instances (`POST /?antiDDos`);
/// OSS accepts `HaltDefending` here.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "UpdateUserAntiDDosInfo", method = "POST", sub_resource = "antiDDos", output = super::EmptyOutput)]
pub struct UpdateUserAntiDDosInfo {
    /// The instance id.
    #[oss(header = "x-oss-defender-instance", required)]
    pub defender_instance: String,
    /// The new state.
    #[oss(header = "x-oss-defender-status", required)]
    pub defender_status: AntiDdosStatus,
}

/// Lists the account's Anti-DDoS instances (`GET /?antiDDos`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(op = "GetUserAntiDDosInfo", method = "GET", sub_resource = "antiDDos", output = GetUserAntiDDosInfoOutput)]
pub struct GetUserAntiDDosInfo {}

/// The result of [`GetUserAntiDDosInfo`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "AntiDDOSListConfiguration")]
pub struct GetUserAntiDDosInfoOutput {
    /// The instances.
    #[oss(xml = "AntiDDOSConfiguration", rename = "anti_ddos_configurations")]
    pub anti_ddos_configurations: Vec<UserAntiDdosInfo>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Puts a bucket under an Anti-DDoS instance's protection (`PUT /<bucket>?antiDDos`),
/// optionally naming the custom domain names to protect.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "InitBucketAntiDDosInfo", method = "PUT", sub_resource = "antiDDos", output = InitBucketAntiDDosInfoOutput)]
pub struct InitBucketAntiDDosInfo {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The instance id.
    #[oss(header = "x-oss-defender-instance", required)]
    pub defender_instance: String,
    /// The instance type: `AntiDDosPremimum`.
    #[oss(header = "x-oss-defender-type", required)]
    pub defender_type: String,
    /// The custom domain names to protect.
    #[oss(document, rename = "bucket_anti_ddos_configuration")]
    pub bucket_anti_ddos_configuration: Option<BucketAntiDdosConfiguration>,
}

/// The result of [`InitBucketAntiDDosInfo`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct InitBucketAntiDDosInfoOutput {
    /// The instance id (`x-oss-defender-instance`).
    #[oss(header = "x-oss-defender-instance")]
    pub defender_instance: Option<String>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Changes the state of a bucket's Anti-DDoS protection (`POST /<bucket>?antiDDos`). Going
/// to `Init` needs the custom domain names to protect (OSS's documented rule, checked).
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(
    op = "UpdateBucketAntiDDosInfo",
    method = "POST",
    sub_resource = "antiDDos",
    output = super::EmptyOutput,
    check = Self::check_domains
)]
pub struct UpdateBucketAntiDDosInfo {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The instance id.
    #[oss(header = "x-oss-defender-instance", required)]
    pub defender_instance: String,
    /// The new state.
    #[oss(header = "x-oss-defender-status", required)]
    pub defender_status: AntiDdosStatus,
    /// The custom domain names to protect (required for `Init`).
    #[oss(document, rename = "bucket_anti_ddos_configuration")]
    pub bucket_anti_ddos_configuration: Option<BucketAntiDdosConfiguration>,
}

impl UpdateBucketAntiDDosInfo {
    // `Init` must name the domains; `Defending` may; `HaltDefending` needs none.
    fn check_domains(&self) -> Result<(), ValidationError> {
        let has_domains = self
            .bucket_anti_ddos_configuration
            .as_ref()
            .is_some_and(|c| !c.domains.is_empty());
        if self.defender_status == AntiDdosStatus::Init && !has_domains {
            return Err(ValidationError::new(
                ValidationKind::Argument,
                "defender_status",
                Some("Init"),
                "status Init requires the custom domain names to protect \
                 (bucket_anti_ddos_configuration)",
            ));
        }
        Ok(())
    }
}

/// Lists the account's buckets under Anti-DDoS protection (`GET /?bucketAntiDDos`), one
/// page at a time.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(op = "ListBucketAntiDDosInfo", method = "GET", sub_resource = "bucketAntiDDos", output = ListBucketAntiDDosInfoOutput)]
pub struct ListBucketAntiDDosInfo {
    /// Start after this instance (the previous page's `Marker`).
    #[oss(query = "marker")]
    pub marker: Option<String>,
    /// Page size (1 to 100; OSS's default 100).
    #[oss(query = "max-keys", min = 1, max = 100)]
    pub max_keys: Option<u32>,
}

/// One page of [`ListBucketAntiDDosInfo`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct ListBucketAntiDDosInfoOutput {
    /// The page, with whether more follow.
    #[oss(document, rename = "anti_ddos_list_configuration")]
    pub anti_ddos_list_configuration: Option<AntiDdosListConfiguration>,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

// The page state sits in the nested document (as Go v2 shapes the result), so the pager
// reads it there.
impl crate::paginate::Paginated for ListBucketAntiDDosInfo {
    type Item = BucketAntiDdosInfo;

    fn next_token(output: &<Self as Operation>::Output) -> Option<String> {
        let page = output.anti_ddos_list_configuration.as_ref()?;
        if page.is_truncated == Some(true) {
            page.marker.clone()
        } else {
            None
        }
    }

    fn with_token(&self, token: String) -> Self {
        ListBucketAntiDDosInfo {
            marker: Some(token),
            ..self.clone()
        }
    }

    fn items(output: <Self as Operation>::Output) -> Vec<Self::Item> {
        output
            .anti_ddos_list_configuration
            .map(|p| p.anti_ddos_configurations)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paginate::Pages;
    use crate::request::{Method, Request};

    const INSTANCE: &str = "cbcac8d2-4f75-4d6d-9f2e-c3447f73****";

    fn query(req: &Request) -> Vec<(&str, Option<&str>)> {
        req.query
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_deref()))
            .collect()
    }

    #[test]
    fn init_user() {
        let req = InitUserAntiDDosInfo {}.to_request().unwrap();
        assert_eq!(req.method, Method::Put);
        assert_eq!(req.bucket, None);
        assert_eq!(query(&req), vec![("antiDDos", None)]);
        assert!(req.headers.is_empty());
        assert_eq!(req.body.as_bytes().unwrap(), b"");
    }

    #[test]
    fn update_user() {
        let req = UpdateUserAntiDDosInfo {
            defender_instance: INSTANCE.into(),
            defender_status: AntiDdosStatus::HaltDefending,
        }
        .to_request()
        .unwrap();
        assert_eq!(req.method, Method::Post);
        assert_eq!(req.bucket, None);
        assert_eq!(query(&req), vec![("antiDDos", None)]);
        assert_eq!(req.headers.get("x-oss-defender-instance"), Some(INSTANCE));
        assert_eq!(
            req.headers.get("x-oss-defender-status"),
            Some("HaltDefending")
        );
        assert_eq!(req.headers.len(), 2);
        assert_eq!(req.body.as_bytes().unwrap(), b"");
    }

    #[test]
    fn get_user() {
        let req = GetUserAntiDDosInfo {}.to_request().unwrap();
        assert_eq!(req.method, Method::Get);
        assert_eq!(req.bucket, None);
        assert_eq!(query(&req), vec![("antiDDos", None)]);
        assert!(req.headers.is_empty());
        assert_eq!(req.body.as_bytes().unwrap(), b"");
    }

    #[test]
    fn init_bucket() {
        let req = InitBucketAntiDDosInfo {
            bucket: "bucket".into(),
            defender_instance: INSTANCE.into(),
            defender_type: "AntiDDosPremimum".into(),
            bucket_anti_ddos_configuration: Some(BucketAntiDdosConfiguration {
                domains: vec!["abc1.example.cn".into(), "abc2.example.cn".into()],
            }),
        }
        .to_request()
        .unwrap();
        let body: &[u8] = b"<AntiDDOSConfiguration><Cnames><Domain>abc1.example.cn</Domain>\
<Domain>abc2.example.cn</Domain></Cnames></AntiDDOSConfiguration>";
        assert_eq!(req.method, Method::Put);
        assert_eq!(req.bucket.as_deref(), Some("bucket"));
        assert_eq!(query(&req), vec![("antiDDos", None)]);
        assert_eq!(req.headers.get("x-oss-defender-instance"), Some(INSTANCE));
        assert_eq!(
            req.headers.get("x-oss-defender-type"),
            Some("AntiDDosPremimum")
        );
        assert_eq!(req.headers.get("Content-Type"), Some("application/xml"));
        assert_eq!(
            req.headers.get("Content-MD5"),
            Some(super::super::content_md5(body).as_str())
        );
        assert_eq!(req.headers.len(), 4);
        assert_eq!(req.body.as_bytes().unwrap(), body);
    }

    #[test]
    fn update_bucket() {
        let op = UpdateBucketAntiDDosInfo {
            bucket: "bucket".into(),
            defender_instance: INSTANCE.into(),
            defender_status: AntiDdosStatus::Init,
            bucket_anti_ddos_configuration: Some(BucketAntiDdosConfiguration {
                domains: vec!["abc1.example.cn".into()],
            }),
        };
        let req = op.to_request().unwrap();
        let body: &[u8] =
            b"<AntiDDOSConfiguration><Cnames><Domain>abc1.example.cn</Domain></Cnames></AntiDDOSConfiguration>";
        assert_eq!(req.method, Method::Post);
        assert_eq!(req.bucket.as_deref(), Some("bucket"));
        assert_eq!(query(&req), vec![("antiDDos", None)]);
        assert_eq!(req.headers.get("x-oss-defender-instance"), Some(INSTANCE));
        assert_eq!(req.headers.get("x-oss-defender-status"), Some("Init"));
        assert_eq!(req.headers.get("Content-Type"), Some("application/xml"));
        assert_eq!(req.headers.len(), 4);
        assert_eq!(req.body.as_bytes().unwrap(), body);

        // Init without domains is refused, naming the status; HaltDefending needs none.
        let bare = UpdateBucketAntiDDosInfo {
            bucket_anti_ddos_configuration: None,
            ..op
        };
        let err = bare.to_request().unwrap_err();
        assert!(err.to_string().contains("defender_status"), "{err}");
        let halt = UpdateBucketAntiDDosInfo {
            defender_status: AntiDdosStatus::HaltDefending,
            ..bare
        };
        let req = halt.to_request().unwrap();
        assert_eq!(
            req.headers.get("x-oss-defender-status"),
            Some("HaltDefending")
        );
        assert_eq!(req.body.as_bytes().unwrap(), b"");
    }

    #[test]
    fn list_bucket() {
        let req = ListBucketAntiDDosInfo {
            marker: Some("nextMarker".into()),
            max_keys: Some(100),
        }
        .to_request()
        .unwrap();
        assert_eq!(req.method, Method::Get);
        assert_eq!(req.bucket, None);
        assert_eq!(
            query(&req),
            vec![
                ("bucketAntiDDos", None),
                ("marker", Some("nextMarker")),
                ("max-keys", Some("100"))
            ]
        );
        assert!(req.headers.is_empty());
        assert!(
            ListBucketAntiDDosInfo {
                max_keys: Some(101),
                ..Default::default()
            }
            .to_request()
            .is_err()
        );
    }

    #[test]
    fn list_bucket_document_and_pages() {
        // Go v2's test response, abridged.
        let xml = "<AntiDDOSListConfiguration><Marker>nextMarker</Marker>\
<IsTruncated>true</IsTruncated><AntiDDOSConfiguration>\
<InstanceId>cbcac8d2-4f75-4d6d-9f2e-c3447f73****</InstanceId><Owner>114893010724****</Owner>\
<Bucket>examplebucket</Bucket><Ctime>1626769503</Ctime><Mtime>1626769840</Mtime>\
<ActiveTime>1626769845</ActiveTime><Status>Defending</Status><Type>AntiDDosPremimum</Type>\
<Cnames><Domain>abc1.example.cn</Domain><Domain>abc2.example.cn</Domain></Cnames>\
</AntiDDOSConfiguration></AntiDDOSListConfiguration>";
        let page = AntiDdosListConfiguration::from_xml(xml.as_bytes()).unwrap();
        assert_eq!(page.marker.as_deref(), Some("nextMarker"));
        assert_eq!(page.is_truncated, Some(true));
        let info = &page.anti_ddos_configurations[0];
        assert_eq!(info.bucket.as_deref(), Some("examplebucket"));
        assert_eq!(info.ctime, Some(1626769503));
        assert_eq!(info.r#type.as_deref(), Some("AntiDDosPremimum"));
        assert_eq!(info.domains, vec!["abc1.example.cn", "abc2.example.cn"]);

        let mut pages = Pages::new(ListBucketAntiDDosInfo::default());
        let out = ListBucketAntiDDosInfoOutput {
            anti_ddos_list_configuration: Some(page),
            request_id: "r".into(),
        };
        pages.feed(&out).unwrap();
        assert_eq!(
            pages.next_op().unwrap().marker.as_deref(),
            Some("nextMarker")
        );
    }
}

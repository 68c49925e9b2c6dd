//! Verifies V1 and V4 signatures (header and presigned URL) with the core's own
//! canonicalisation, so the server checks requests with exactly the code that signs them.

use crate::error::{OssError, Result};
use ossio_core::Headers;
use ossio_core::names;
use ossio_core::signer::{v1, v4};
use ossio_core::time;
use std::borrow::Cow;

/// Largest clock difference OSS tolerates, in seconds.
pub(crate) const MAX_SKEW: i64 = 15 * 60;

/// An access key the server accepts.
#[derive(Clone)]
pub(crate) struct KeyPair {
    pub access_key_id: String,
    pub secret: String,
    /// STS token the key must be used with.
    pub token: Option<String>,
    /// Set on the one entry that stands for the keys added while the server runs
    /// ([`crate::ServerHandle::add_sts`]); that entry matches no access key itself, so the
    /// request path keeps taking a plain list of keys.
    pub ring: Option<KeyRing>,
}

/// Keys added while the server runs: temporary credentials that rotate.
pub(crate) type KeyRing = std::sync::Arc<std::sync::RwLock<Vec<KeyPair>>>;

/// Who sent a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Principal {
    Anonymous,
    /// A configured key: the account owner.
    Owner,
}

/// The parts of a request a signature covers.
pub(crate) struct SignedParts<'a> {
    pub method: &'a str,
    pub bucket: Option<&'a str>,
    pub key: Option<&'a str>,
    pub query: &'a [(String, Option<String>)],
    pub headers: &'a Headers,
}

fn declared() -> Vec<Cow<'static, str>> {
    v1::signed_sub_resources().to_vec()
}

/// Names oss2 signs beyond the built-in list (its static sub-resource set), so requests
/// signed by SDKs that keep their own list verify too.
const OSS2_EXTRA: &[&str] = &[
    "logging",
    "website",
    "referer",
    "cors",
    "lifecycle",
    "qos",
    "live",
    "comp",
    "status",
    "vod",
    "startTime",
    "endTime",
    "encryption",
    "policy",
    "requestPayment",
    "qosInfo",
    "asyncFetch",
    "inventory",
    "inventoryId",
    "worm",
    "wormId",
    "wormExtend",
    "replication",
    "replicationLocation",
    "replicationProgress",
    "transferAcceleration",
    "cname",
    "metaQuery",
    "style",
    "styleName",
    "bucketArchiveDirectRead",
    "httpsConfig",
    "redundancyTransition",
    "accessPoint",
    "accessPointPolicy",
    "publicAccessBlock",
    "requesterQosInfo",
    "qosRequester",
    "resourcePoolInfo",
    "resourcePool",
    "resourcePoolBuckets",
    "objectInfo",
    "group",
    "link",
];

fn eq_ct(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The access key id a request is signed with, valid or not: from the `Authorization`
/// header (V1 `OSS ak:sig`, V4 `Credential=ak/...`) or a presigned URL's parameters.
pub(crate) fn access_key_id(
    headers: &Headers,
    query: &[(String, Option<String>)],
) -> Option<String> {
    let q = |name: &str| {
        query
            .iter()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| v.clone())
    };
    if let Some(auth) = headers.get("authorization") {
        let auth = auth.trim();
        if let Some(rest) = auth.strip_prefix(v4::ALGORITHM) {
            return rest
                .split(',')
                .find_map(|p| p.trim().strip_prefix("Credential="))
                .and_then(|c| c.split('/').next())
                .map(str::to_owned);
        }
        return auth
            .strip_prefix("OSS ")
            .and_then(|r| r.trim().split(':').next())
            .map(str::to_owned);
    }
    if let Some(cred) = q(names::presign::X_OSS_CREDENTIAL) {
        return cred.split('/').next().map(str::to_owned);
    }
    q(names::presign::OSS_ACCESS_KEY_ID)
}

pub(crate) struct Verifier<'a> {
    pub keys: &'a [KeyPair],
    pub region: &'a str,
    pub now: u64,
}

impl Verifier<'_> {
    fn key(&self, ak: &str) -> Result<KeyPair> {
        let configured = self
            .keys
            .iter()
            .find(|k| k.ring.is_none() && k.access_key_id == ak)
            .cloned();
        let added = || {
            self.keys
                .iter()
                .filter_map(|k| k.ring.as_ref())
                .find_map(|ring| {
                    let ring = ring.read().unwrap_or_else(|p| p.into_inner());
                    ring.iter().find(|k| k.access_key_id == ak).cloned()
                })
        };
        configured.or_else(added).ok_or_else(|| {
            OssError::new(
                403,
                "InvalidAccessKeyId",
                "The OSS Access Key Id you provided does not exist in our records.",
            )
            .ec("0002-00000902")
            .detail("OSSAccessKeyId", ak)
        })
    }

    fn check_token(&self, key: &KeyPair, sent: Option<&str>) -> Result<()> {
        match (&key.token, sent) {
            (None, _) => Ok(()),
            (Some(t), Some(s)) if eq_ct(t, s) => Ok(()),
            (Some(_), _) => Err(OssError::new(
                403,
                "InvalidSecurityToken",
                "The security token you provided is invalid.",
            )
            .ec("0002-00000008")),
        }
    }

    fn check_skew(&self, t: u64) -> Result<()> {
        let diff = self.now as i64 - t as i64;
        if diff.abs() > MAX_SKEW {
            return Err(OssError::new(
                403,
                "RequestTimeTooSkewed",
                "The difference between the request time and the current time is too large.",
            )
            .ec("0002-00000504")
            .detail("RequestTime", time::rfc1123(t))
            .detail("ServerTime", time::iso8601_extended(self.now))
            .detail("MaxAllowedSkewMilliseconds", "900000"));
        }
        Ok(())
    }

    /// Authenticates a request: anonymous when it carries no signature at all.
    pub fn verify(&self, p: &SignedParts<'_>) -> Result<Principal> {
        let q = |name: &str| {
            p.query
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_deref().unwrap_or(""))
        };
        if let Some(auth) = p.headers.get("authorization") {
            let auth = auth.trim();
            if let Some(rest) = auth.strip_prefix(v4::ALGORITHM) {
                return self.verify_v4_header(p, rest.trim());
            }
            if let Some(rest) = auth.strip_prefix("OSS ") {
                return self.verify_v1_header(p, rest.trim());
            }
            return Err(
                OssError::new(400, "InvalidArgument", "Authorization header is invalid.")
                    .detail("ArgumentName", "Authorization")
                    .detail("ArgumentValue", auth.split(' ').next().unwrap_or("")),
            );
        }
        if q(names::presign::X_OSS_SIGNATURE_VERSION).is_some()
            || q(names::presign::X_OSS_SIGNATURE).is_some()
            || q(names::presign::X_OSS_CREDENTIAL).is_some()
        {
            return self.verify_v4_query(p);
        }
        if q(names::presign::OSS_ACCESS_KEY_ID).is_some() || q(names::presign::SIGNATURE).is_some()
        {
            return self.verify_v1_query(p);
        }
        Ok(Principal::Anonymous)
    }

    /// V1 canonical resources to accept: Go v2's rule first (reported on mismatch), then the
    /// explicit lists other SDKs use.
    fn v1_resources(&self, p: &SignedParts<'_>) -> Vec<String> {
        let go = v1::canonical_resource(p.bucket, p.key, p.query, &declared());
        let listed: Vec<(String, Option<String>)> = p
            .query
            .iter()
            .filter(|(k, _)| {
                !k.starts_with("x-oss-")
                    || v1::OPERATION_SUB_RESOURCES.contains(&k.as_str())
                    || k == names::X_OSS_ACCESS_POINT_NAME
            })
            .cloned()
            .collect();
        let python = v1::canonical_resource(p.bucket, p.key, &listed, &declared());
        let oss2_names: Vec<Cow<'static, str>> =
            OSS2_EXTRA.iter().map(|s| Cow::Borrowed(*s)).collect();
        let oss2 = v1::canonical_resource(p.bucket, p.key, p.query, &oss2_names);
        let mut out = vec![go];
        for r in [python, oss2] {
            if !out.contains(&r) {
                out.push(r);
            }
        }
        out
    }

    fn mismatch_v1(ak: &str, provided: &str, sts: &str) -> OssError {
        OssError::new(
            403,
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
        )
        .ec("0002-00000040")
        .detail("OSSAccessKeyId", ak)
        .detail("SignatureProvided", provided)
        .detail("StringToSign", sts)
        .detail("StringToSignBytes", hex_bytes(sts))
    }

    fn verify_v1_header(&self, p: &SignedParts<'_>, cred: &str) -> Result<Principal> {
        let (ak, sig) = cred.split_once(':').ok_or_else(|| {
            OssError::new(400, "InvalidArgument", "Authorization header is invalid.")
                .detail("ArgumentName", "Authorization")
                .detail("ArgumentValue", "OSS")
        })?;
        let key = self.key(ak)?;
        let date = p
            .headers
            .get(names::X_OSS_DATE)
            .or_else(|| p.headers.get("date"))
            .ok_or_else(|| {
                OssError::access_denied("The request has no Date header.").ec("0002-00000503")
            })?;
        let t = time::parse_rfc1123(date).ok_or_else(|| {
            OssError::access_denied("The Date header is not a valid RFC 1123 date.")
        })?;
        self.check_skew(t)?;
        let token = p
            .headers
            .get(names::X_OSS_SECURITY_TOKEN)
            .or_else(|| p.headers.get(names::presign::SECURITY_TOKEN));
        let resources = self.v1_resources(p);
        let mut first = None;
        for resource in &resources {
            let sts = v1::string_to_sign(p.method, p.headers, date, resource);
            if eq_ct(&v1::signature(&key.secret, &sts), sig) {
                self.check_token(&key, token)?;
                return Ok(Principal::Owner);
            }
            first.get_or_insert(sts);
        }
        Err(Self::mismatch_v1(ak, sig, &first.unwrap_or_default()))
    }

    fn verify_v1_query(&self, p: &SignedParts<'_>) -> Result<Principal> {
        let q = |name: &str| {
            p.query
                .iter()
                .find(|(k, _)| k == name)
                .and_then(|(_, v)| v.as_deref())
        };
        let missing = |name: &str| {
            OssError::access_denied(&format!("The presigned URL has no {name} parameter."))
                .detail("ArgumentName", name)
        };
        let ak = q(names::presign::OSS_ACCESS_KEY_ID)
            .ok_or_else(|| missing(names::presign::OSS_ACCESS_KEY_ID))?;
        let expires = q(names::presign::EXPIRES).ok_or_else(|| missing(names::presign::EXPIRES))?;
        let sig = q(names::presign::SIGNATURE).ok_or_else(|| missing(names::presign::SIGNATURE))?;
        let key = self.key(ak)?;
        let exp: u64 = expires.parse().map_err(|_| {
            OssError::invalid_argument("Expires is not a number.", names::presign::EXPIRES, expires)
        })?;
        if self.now > exp {
            return Err(OssError::access_denied("Request has expired.")
                .ec("0002-00000069")
                .detail("Expires", time::iso8601_extended(exp))
                .detail("ServerTime", time::iso8601_extended(self.now)));
        }
        let mut first = None;
        for resource in &self.v1_resources(p) {
            let sts = v1::string_to_sign(p.method, p.headers, expires, resource);
            if eq_ct(&v1::signature(&key.secret, &sts), sig) {
                self.check_token(&key, q(names::presign::SECURITY_TOKEN))?;
                return Ok(Principal::Owner);
            }
            first.get_or_insert(sts);
        }
        Err(Self::mismatch_v1(ak, sig, &first.unwrap_or_default()))
    }

    /// Parses `Credential=ak/date/region/product/aliyun_v4_request` into (ak, date, region,
    /// product).
    fn credential<'c>(
        &self,
        cred: &'c str,
        presigned: bool,
    ) -> Result<(&'c str, &'c str, &'c str, &'c str)> {
        let bad = || {
            if presigned {
                OssError::invalid_argument(
                    "Invalid credential in x-oss-credential.",
                    names::presign::X_OSS_CREDENTIAL,
                    cred,
                )
                .ec("0002-00000224")
            } else {
                OssError::invalid_argument(
                    "Invalid credential in Authorization header.",
                    "Credential",
                    cred,
                )
                .ec("0002-00000213")
            }
        };
        let parts: Vec<&str> = cred.split('/').collect();
        if parts.len() != 5 || parts[4] != "aliyun_v4_request" {
            return Err(bad());
        }
        Ok((parts[0], parts[1], parts[2], parts[3]))
    }

    /// OSS words the two cases differently and gives each its own EC.
    fn check_region(&self, region: &str, presigned: bool) -> Result<()> {
        if region == self.region {
            return Ok(());
        }
        Err(if presigned {
            OssError::invalid_argument(
                "The signing region in credential is invalid.",
                names::presign::X_OSS_CREDENTIAL,
                region,
            )
            .ec("0002-00000226")
        } else {
            OssError::invalid_argument(
                "Invalid signing region in Authorization header.",
                "Credential",
                region,
            )
            .ec("0002-00000228")
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn v4_match(
        &self,
        p: &SignedParts<'_>,
        query: &[(&str, Option<&str>)],
        additional: &[String],
        datetime: &str,
        scope: &str,
        signing_key: &[u8; 32],
        sig: &str,
    ) -> std::result::Result<(), (String, String)> {
        let input = v4::CanonicalInput {
            method: p.method,
            bucket: p.bucket,
            key: p.key,
            query,
            headers: p.headers,
            additional,
        };
        let canonical = v4::canonical_request(&input);
        let sts = v4::string_to_sign(datetime, scope, &canonical);
        if eq_ct(&v4::signature(signing_key, &sts), sig) {
            return Ok(());
        }
        // ali-oss renders an empty query value as `k=` in its canonical query.
        if query.iter().any(|(_, v)| v == &Some("")) {
            let alt = canonical_with_empty_values(&input);
            let alt_sts = v4::string_to_sign(datetime, scope, &alt);
            if eq_ct(&v4::signature(signing_key, &alt_sts), sig) {
                return Ok(());
            }
        }
        Err((canonical, sts))
    }

    fn mismatch_v4(ak: &str, provided: &str, canonical: String, sts: String) -> OssError {
        OssError::new(
            403,
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
        )
        .ec("0002-00000201")
        .detail("OSSAccessKeyId", ak)
        .detail("SignatureProvided", provided)
        .detail("StringToSign", sts)
        .detail("CanonicalRequest", canonical)
    }

    fn additional(list: Option<&str>) -> Vec<String> {
        let mut out: Vec<String> = list
            .unwrap_or("")
            .split(';')
            .map(|s| s.trim().to_ascii_lowercase())
            .filter(|s| !s.is_empty() && !v4::is_default_signed(s))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    fn verify_v4_header(&self, p: &SignedParts<'_>, rest: &str) -> Result<Principal> {
        let mut cred = None;
        let mut sig = None;
        let mut extra = None;
        for part in rest.split(',') {
            let part = part.trim();
            if let Some(v) = part.strip_prefix("Credential=") {
                cred = Some(v.trim());
            } else if let Some(v) = part.strip_prefix("Signature=") {
                sig = Some(v.trim());
            } else if let Some(v) = part.strip_prefix("AdditionalHeaders=") {
                extra = Some(v.trim());
            }
        }
        let bad = |what: &str, ec: &'static str| {
            OssError::invalid_argument(
                &format!("Authorization header has no {what}."),
                "Authorization",
                what,
            )
            .ec(ec)
        };
        let cred = cred.ok_or_else(|| bad("Credential", "0002-00000205"))?;
        let sig = sig.ok_or_else(|| bad(names::presign::SIGNATURE, "0002-00000207"))?;
        if extra == Some("") {
            return Err(OssError::invalid_argument(
                "AdditionalHeaders in the Authorization header is empty.",
                "AdditionalHeaders",
                "",
            )
            .ec("0002-00000209"));
        }
        let (ak, date, region, product) = self.credential(cred, false)?;
        let key = self.key(ak)?;
        self.check_region(region, false)?;
        let datetime = p.headers.get(names::X_OSS_DATE).ok_or_else(|| {
            OssError::access_denied("V4 requests must carry an x-oss-date header.")
                .ec("0002-00000503")
        })?;
        let t = time::parse_iso8601(datetime).ok_or_else(|| {
            OssError::invalid_argument(
                "x-oss-date is not an ISO 8601 time.",
                names::X_OSS_DATE,
                datetime,
            )
            .ec("0002-00000502")
        })?;
        self.check_skew(t)?;
        if !datetime.starts_with(date) {
            return Err(OssError::invalid_argument(
                "The date in the credential does not match x-oss-date.",
                "Credential",
                date,
            )
            .ec("0002-00000204"));
        }
        let additional = Self::additional(extra);
        let scope = v4::scope(date, region, product);
        let signing_key = v4::signing_key(&key.secret, date, region, product);
        let query: Vec<(&str, Option<&str>)> = p
            .query
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_deref()))
            .collect();
        match self.v4_match(p, &query, &additional, datetime, &scope, &signing_key, sig) {
            Ok(()) => {
                self.check_token(&key, p.headers.get(names::X_OSS_SECURITY_TOKEN))?;
                Ok(Principal::Owner)
            }
            Err((canonical, sts)) => Err(Self::mismatch_v4(ak, sig, canonical, sts)),
        }
    }

    fn verify_v4_query(&self, p: &SignedParts<'_>) -> Result<Principal> {
        let q = |name: &str| {
            p.query
                .iter()
                .find(|(k, _)| k == name)
                .and_then(|(_, v)| v.as_deref())
        };
        let missing = |name: &str, ec: &'static str| {
            OssError::access_denied(&format!("The presigned URL has no {name} parameter."))
                .ec(ec)
                .detail("ArgumentName", name)
        };
        let version = q(names::presign::X_OSS_SIGNATURE_VERSION).unwrap_or("");
        if version != v4::ALGORITHM {
            return Err(OssError::invalid_argument(
                "Unsupported x-oss-signature-version.",
                names::presign::X_OSS_SIGNATURE_VERSION,
                version,
            ));
        }
        let cred = q(names::presign::X_OSS_CREDENTIAL)
            .ok_or_else(|| missing(names::presign::X_OSS_CREDENTIAL, "0002-00000217"))?;
        let datetime =
            q(names::X_OSS_DATE).ok_or_else(|| missing(names::X_OSS_DATE, "0002-00000503"))?;
        let sig = q(names::presign::X_OSS_SIGNATURE)
            .ok_or_else(|| missing(names::presign::X_OSS_SIGNATURE, "0002-00000219"))?;
        let expires_s = q(names::presign::X_OSS_EXPIRES)
            .ok_or_else(|| missing(names::presign::X_OSS_EXPIRES, "0002-00000215"))?;
        let (ak, date, region, product) = self.credential(cred, true)?;
        let key = self.key(ak)?;
        self.check_region(region, true)?;
        let t = time::parse_iso8601(datetime).ok_or_else(|| {
            OssError::invalid_argument(
                "x-oss-date is not an ISO 8601 time.",
                names::X_OSS_DATE,
                datetime,
            )
            .ec("0002-00000502")
        })?;
        let expires: u64 = expires_s.parse().map_err(|_| {
            OssError::invalid_argument(
                "x-oss-expires is not a number.",
                names::presign::X_OSS_EXPIRES,
                expires_s,
            )
        })?;
        if expires == 0 || expires > v4::MAX_PRESIGN_EXPIRES {
            return Err(OssError::invalid_argument(
                "x-oss-expires must be between 1 and 604800 seconds.",
                names::presign::X_OSS_EXPIRES,
                expires_s,
            )
            .ec("0002-00000232"));
        }
        if t as i64 > self.now as i64 + MAX_SKEW {
            self.check_skew(t)?;
        }
        if self.now > t + expires {
            return Err(OssError::access_denied("Request has expired.")
                .ec("0002-00000236")
                .detail("Expires", time::iso8601_extended(t + expires))
                .detail("ServerTime", time::iso8601_extended(self.now)));
        }
        if !datetime.starts_with(date) {
            return Err(OssError::invalid_argument(
                "The date in the credential does not match x-oss-date.",
                names::presign::X_OSS_CREDENTIAL,
                date,
            ));
        }
        let additional = Self::additional(q(names::presign::X_OSS_ADDITIONAL_HEADERS));
        let scope = v4::scope(date, region, product);
        let signing_key = v4::signing_key(&key.secret, date, region, product);
        let query: Vec<(&str, Option<&str>)> = p
            .query
            .iter()
            .filter(|(k, _)| k != names::presign::X_OSS_SIGNATURE)
            .map(|(k, v)| (k.as_str(), v.as_deref()))
            .collect();
        match self.v4_match(p, &query, &additional, datetime, &scope, &signing_key, sig) {
            Ok(()) => {
                self.check_token(&key, q(names::X_OSS_SECURITY_TOKEN))?;
                Ok(Principal::Owner)
            }
            Err((canonical, sts)) => Err(Self::mismatch_v4(ak, sig, canonical, sts)),
        }
    }
}

/// The canonical request with `k=` for parameters sent with an empty value.
fn canonical_with_empty_values(input: &v4::CanonicalInput<'_>) -> String {
    let mut pairs: Vec<(String, Option<String>)> = input
        .query
        .iter()
        .map(|(k, v)| {
            (
                ossio_core::encoding::encode_component(k),
                v.map(ossio_core::encoding::encode_component),
            )
        })
        .collect();
    pairs.sort();
    let query = pairs
        .iter()
        .map(|(k, v)| match v {
            Some(v) => format!("{k}={v}"),
            None => k.clone(),
        })
        .collect::<Vec<_>>()
        .join("&");
    let standard = v4::canonical_request(input);
    // Swap the query line (the third line) of the standard form.
    let mut lines: Vec<&str> = standard.splitn(4, '\n').collect();
    if lines.len() == 4 {
        lines[2] = &query;
    }
    lines.join("\n")
}

fn hex_bytes(s: &str) -> String {
    s.bytes()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

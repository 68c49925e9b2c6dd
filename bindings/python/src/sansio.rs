//! The sans-IO surface: credentials, requests and the signer, all delegating to
//! `ossio_core`.

use crate::errors::{self, IntoPyResult, guard};
use ossio_core::credentials::redact_tokens;
use ossio_core::{Body, Config, Headers, Method, Product};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use std::borrow::Cow;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// An access key pair with an optional STS token; `repr` never shows the secret or token.
#[pyclass(frozen, module = "ossio")]
#[derive(Clone)]
pub struct Credentials {
    pub(crate) inner: ossio_core::Credentials,
}

#[pymethods]
impl Credentials {
    #[new]
    #[pyo3(signature = (access_key_id, access_key_secret, security_token = None))]
    fn new(
        access_key_id: String,
        access_key_secret: String,
        security_token: Option<String>,
    ) -> Self {
        let mut inner = ossio_core::Credentials::new(access_key_id, access_key_secret);
        if let Some(t) = security_token {
            inner = inner.with_security_token(t);
        }
        Credentials { inner }
    }

    /// The access key id (not secret).
    #[getter]
    fn access_key_id(&self) -> &str {
        self.inner.access_key_id()
    }

    /// Whether an STS token is present (the token itself is never shown).
    #[getter]
    fn has_security_token(&self) -> bool {
        self.inner.security_token().is_some()
    }

    fn __repr__(&self) -> String {
        format!(
            "Credentials(access_key_id={:?}, access_key_secret='***', security_token={})",
            self.inner.access_key_id(),
            if self.inner.security_token().is_some() {
                "'***'"
            } else {
                "None"
            }
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .extract::<PyRef<'_, Credentials>>()
            .is_ok_and(|o| o.inner == self.inner)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.inner.access_key_id().hash(&mut h);
        h.finish()
    }
}

/// Reads a `Mapping[str, str]` (or an iterable of pairs) into an ordered list.
fn pairs<'py, V: FromPyObjectOwned<'py>>(
    obj: &Bound<'py, PyAny>,
    what: &str,
) -> PyResult<Vec<(String, V)>> {
    let py = obj.py();
    // Fast path for the common case, a dict: no `items()` call, no tuple per entry.
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut out = Vec::with_capacity(d.len());
        for (k, v) in d.iter() {
            let bad = || errors::argument(py, what, "must map names (str) to values (str)");
            out.push((
                k.extract().map_err(|_| bad())?,
                v.extract().map_err(|_| bad())?,
            ));
        }
        return Ok(out);
    }
    let items = if obj.hasattr("items")? {
        obj.call_method0("items")?
    } else {
        obj.clone()
    };
    let mut out = Vec::new();
    for item in items.try_iter()? {
        let (k, v): (String, V) = item?
            .extract()
            .map_err(|_| errors::argument(py, what, "must map names (str) to values (str)"))?;
        out.push((k, v));
    }
    Ok(out)
}

pub(crate) fn headers_dict<'py>(
    py: Python<'py>,
    headers: &Headers,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (k, v) in headers.iter() {
        d.set_item(k, v)?;
    }
    Ok(d)
}

pub(crate) fn headers_from(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Headers> {
    let mut headers = Headers::new();
    if let Some(obj) = obj.filter(|o| !o.is_none()) {
        for (k, v) in pairs::<String>(obj, "headers")? {
            headers.append(k, v);
        }
    }
    Ok(headers)
}

fn body_bytes<'py>(py: Python<'py>, body: &Body) -> Option<Bound<'py, PyBytes>> {
    match body {
        Body::Empty | Body::Stream { .. } => None,
        Body::Bytes(b) => Some(PyBytes::new(py, b)),
    }
}

/// An OSS request before signing: bucket and key stay apart from the URL.
#[pyclass(frozen, module = "ossio")]
#[derive(Clone)]
pub struct Request {
    pub(crate) inner: ossio_core::Request,
}

#[pymethods]
impl Request {
    #[new]
    #[pyo3(signature = (method, bucket = None, key = None, query = None, headers = None, body = None, *, sub_resources = None))]
    fn new(
        py: Python<'_>,
        method: &str,
        bucket: Option<String>,
        key: Option<String>,
        query: Option<&Bound<'_, PyAny>>,
        headers: Option<&Bound<'_, PyAny>>,
        body: Option<&Bound<'_, PyAny>>,
        sub_resources: Option<Vec<String>>,
    ) -> PyResult<Self> {
        guard(py, || {
            let method = method.parse::<Method>().py(py)?;
            let mut inner = ossio_core::Request::new(method);
            inner.bucket = bucket;
            inner.key = key;
            if let Some(q) = query.filter(|q| !q.is_none()) {
                inner.query = pairs::<Option<String>>(q, "query")?;
            }
            inner.headers = headers_from(headers)?;
            if let Some(b) = body.filter(|b| !b.is_none()) {
                let bytes: Vec<u8> = if let Ok(s) = b.extract::<String>() {
                    s.into_bytes()
                } else {
                    b.extract::<Vec<u8>>()
                        .or_else(|_| b.call_method0("__bytes__")?.extract())
                        .map_err(|_| errors::argument(py, "body", "must be bytes or str"))?
                };
                inner.body = if bytes.is_empty() {
                    Body::Empty
                } else {
                    Body::Bytes(bytes)
                };
            }
            inner = match sub_resources {
                Some(list) => {
                    inner.sub_resources = list.into_iter().map(Cow::Owned).collect();
                    inner
                }
                // A hand-built request signs what the operation it names would sign.
                None => inner.with_known_sub_resources(),
            };
            Ok(Request { inner })
        })
    }

    /// HTTP method.
    #[getter]
    fn method(&self) -> &'static str {
        self.inner.method.as_str()
    }

    /// Bucket name (or access point alias), if any.
    #[getter]
    fn bucket(&self) -> Option<&str> {
        self.inner.bucket.as_deref()
    }

    /// Object key, if any.
    #[getter]
    fn key(&self) -> Option<&str> {
        self.inner.key.as_deref()
    }

    /// Query parameters in order (`None` for a valueless parameter).
    #[getter]
    fn query<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in &self.inner.query {
            d.set_item(k, v.as_deref())?;
        }
        Ok(d)
    }

    /// Headers.
    #[getter]
    fn headers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        headers_dict(py, &self.inner.headers)
    }

    /// Body bytes, or `None` for no body.
    #[getter]
    fn body<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        body_bytes(py, &self.inner.body)
    }

    /// Query parameter names signed as V1 sub-resources beyond the built-in list.
    #[getter]
    fn sub_resources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.inner.sub_resources.iter().map(|s| s.as_ref()))
    }

    fn __repr__(&self) -> String {
        format!(
            "Request(method={:?}, bucket={:?}, key={:?}, query={:?}, headers={:?}, body={:?})",
            self.inner.method.as_str(),
            self.inner.bucket,
            self.inner.key,
            self.inner.query,
            self.inner.headers,
            self.inner.body,
        )
    }
}

/// A signed request: send `method` to `url` with `headers` and `body`.
#[pyclass(frozen, module = "ossio")]
pub struct SignedRequest {
    inner: ossio_core::SignedRequest,
    body: Body,
}

#[pymethods]
impl SignedRequest {
    /// HTTP method.
    #[getter]
    fn method(&self) -> &'static str {
        self.inner.method.as_str()
    }
    /// Full URL.
    #[getter]
    fn url(&self) -> &str {
        &self.inner.url
    }
    /// Every header to send, `Authorization` included.
    #[getter]
    fn headers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        headers_dict(py, &self.inner.headers)
    }
    /// Body bytes, or `None`.
    #[getter]
    fn body<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        body_bytes(py, &self.body)
    }
    /// The string that was signed.
    #[getter]
    fn string_to_sign(&self) -> &str {
        &self.inner.string_to_sign
    }
    /// The V4 canonical request (`None` for V1).
    #[getter]
    fn canonical_request(&self) -> Option<&str> {
        self.inner.canonical_request.as_deref()
    }
    fn __repr__(&self) -> String {
        format!(
            "SignedRequest(method={:?}, url={:?})",
            self.inner.method.as_str(),
            self.inner.url
        )
    }
}

/// A presigned URL and the headers whoever uses it must send.
#[pyclass(frozen, module = "ossio")]
pub struct PresignedRequest {
    pub(crate) inner: ossio_core::PresignedRequest,
}

#[pymethods]
impl PresignedRequest {
    /// HTTP method the URL is valid for.
    #[getter]
    fn method(&self) -> &'static str {
        self.inner.method.as_str()
    }
    /// The URL with its signature.
    #[getter]
    fn url(&self) -> &str {
        &self.inner.url
    }
    /// Signed headers that must be sent with the URL.
    #[getter]
    fn headers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        headers_dict(py, &self.inner.signed_headers)
    }
    /// When the URL expires (timezone-aware, UTC).
    #[getter]
    fn expiration<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let dt = py.import("datetime")?;
        let utc = dt.getattr("timezone")?.getattr("utc")?;
        dt.getattr("datetime")?
            .call_method1("fromtimestamp", (self.inner.expiration, utc))
    }
    /// The string that was signed.
    #[getter]
    fn string_to_sign(&self) -> &str {
        &self.inner.string_to_sign
    }
    /// The V4 canonical request (`None` for V1).
    #[getter]
    fn canonical_request(&self) -> Option<&str> {
        self.inner.canonical_request.as_deref()
    }
    fn __repr__(&self) -> String {
        format!(
            "PresignedRequest(method={:?}, url={:?}, expiration={})",
            self.inner.method.as_str(),
            redact_tokens(&self.inner.url),
            self.inner.expiration
        )
    }
}

/// Unix seconds of a timezone-aware `datetime` (floored), or now for `None`.
pub(crate) fn unix_of(py: Python<'_>, at: Option<&Bound<'_, PyAny>>) -> PyResult<u64> {
    let Some(at) = at.filter(|a| !a.is_none()) else {
        return Ok(ossio_core::time::unix_seconds(SystemTime::now()));
    };
    // Looked up once per process, not per signature.
    static DATETIME: pyo3::sync::PyOnceLock<Py<pyo3::types::PyType>> =
        pyo3::sync::PyOnceLock::new();
    let datetime = DATETIME.import(py, "datetime", "datetime")?;
    if !at.is_instance(datetime)? {
        return Err(errors::argument(py, "at", "must be a datetime"));
    }
    if at.call_method0(pyo3::intern!(py, "utcoffset"))?.is_none() {
        return Err(errors::argument(
            py,
            "at",
            "must be timezone-aware (a naive datetime has no defined instant)",
        ));
    }
    let ts: f64 = at.call_method0(pyo3::intern!(py, "timestamp"))?.extract()?;
    if ts.is_nan() || ts < 0.0 {
        return Err(errors::argument(py, "at", "must not be before 1970"));
    }
    Ok(ts.floor() as u64)
}

/// Seconds of an `int` or `timedelta`.
pub(crate) fn seconds_of(py: Python<'_>, v: &Bound<'_, PyAny>, what: &str) -> PyResult<u64> {
    if let Ok(n) = v.extract::<u64>() {
        return Ok(n);
    }
    if v.hasattr("total_seconds")? {
        let f: f64 = v.call_method0("total_seconds")?.extract()?;
        if f >= 0.0 {
            return Ok(f.floor() as u64);
        }
    }
    Err(errors::argument(
        py,
        what,
        "must be a non-negative number of seconds (int) or a timedelta",
    ))
}

/// Signs and presigns requests for one region / endpoint with one set of credentials.
#[pyclass(frozen, module = "ossio")]
pub struct Signer {
    inner: ossio_core::Signer,
    credentials: ossio_core::Credentials,
}

/// A core configuration from the binding's keyword arguments.
pub(crate) fn config_of(
    py: Python<'_>,
    region: &str,
    version: &str,
    product: &str,
    endpoint: Option<&str>,
    addressing: &str,
    cloudbox_id: Option<&str>,
    additional_headers: Vec<String>,
) -> PyResult<Config> {
    let mut cfg = Config::new(region).py(py)?;
    if let Some(e) = endpoint {
        cfg = cfg.with_endpoint(e).py(py)?;
    }
    cfg = cfg
        .with_addressing(addressing.parse::<ossio_core::Addressing>().py(py)?)
        .with_signature_version(version.parse::<ossio_core::SignatureVersion>().py(py)?)
        .with_additional_headers(additional_headers);
    match (product, cloudbox_id) {
        ("oss", None) => {}
        ("oss-cloudbox" | "oss", Some(id)) => {
            cfg = cfg.with_product(Product::CloudBox { id: id.to_owned() })
        }
        ("oss-cloudbox", None) => {
            return Err(errors::argument(
                py,
                "cloudbox_id",
                "product oss-cloudbox needs a cloudbox_id",
            ));
        }
        _ => {
            return Err(errors::argument(
                py,
                "product",
                "must be oss or oss-cloudbox",
            ));
        }
    }
    Ok(cfg)
}

#[pymethods]
impl Signer {
    #[new]
    #[pyo3(signature = (credentials, region, *, version = "v4", product = "oss", endpoint = None, addressing = "virtual", cloudbox_id = None, additional_headers = Vec::new()))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        credentials: &Credentials,
        region: &str,
        version: &str,
        product: &str,
        endpoint: Option<&str>,
        addressing: &str,
        cloudbox_id: Option<&str>,
        additional_headers: Vec<String>,
    ) -> PyResult<Self> {
        guard(py, || {
            let cfg = config_of(
                py,
                region,
                version,
                product,
                endpoint,
                addressing,
                cloudbox_id,
                additional_headers,
            )?;
            Ok(Signer {
                inner: ossio_core::Signer::new(cfg),
                credentials: credentials.inner.clone(),
            })
        })
    }

    /// Signs `request` at `at` (a timezone-aware datetime; now when omitted).
    #[pyo3(signature = (request, at = None, additional_headers = Vec::new()))]
    fn sign(
        &self,
        py: Python<'_>,
        request: &Request,
        at: Option<&Bound<'_, PyAny>>,
        additional_headers: Vec<String>,
    ) -> PyResult<SignedRequest> {
        guard(py, || {
            let at = UNIX_EPOCH + Duration::from_secs(unix_of(py, at)?);
            let extra: Vec<&str> = additional_headers.iter().map(String::as_str).collect();
            let signed = self
                .inner
                .sign_with_headers(&request.inner, &self.credentials, at, &extra)
                .py(py)?;
            Ok(SignedRequest {
                inner: signed,
                body: request.inner.body.clone(),
            })
        })
    }

    /// Presigns `request` at `at` for `expires` seconds (an int or a timedelta).
    #[pyo3(signature = (request, at = None, expires = None, additional_headers = Vec::new()))]
    fn presign(
        &self,
        py: Python<'_>,
        request: &Request,
        at: Option<&Bound<'_, PyAny>>,
        expires: Option<&Bound<'_, PyAny>>,
        additional_headers: Vec<String>,
    ) -> PyResult<PresignedRequest> {
        guard(py, || {
            let start = unix_of(py, at)?;
            let expires = match expires.filter(|e| !e.is_none()) {
                Some(e) => seconds_of(py, e, "expires")?,
                None => 3600,
            };
            let extra: Vec<&str> = additional_headers.iter().map(String::as_str).collect();
            let inner = self
                .inner
                .presign_until(
                    &request.inner,
                    &self.credentials,
                    start,
                    start.saturating_add(expires),
                    &extra,
                )
                .py(py)?;
            Ok(PresignedRequest { inner })
        })
    }

    /// The region.
    #[getter]
    fn region(&self) -> &str {
        &self.inner.config().region
    }

    /// `"v1"` or `"v4"`.
    #[getter]
    fn version(&self) -> &'static str {
        match self.inner.config().signature_version {
            ossio_core::SignatureVersion::V1 => "v1",
            ossio_core::SignatureVersion::V4 => "v4",
        }
    }

    fn __repr__(&self) -> String {
        let c = self.inner.config();
        format!(
            "Signer(access_key_id={:?}, region={:?}, version={:?}, endpoint={:?})",
            self.credentials.access_key_id(),
            c.region,
            self.version(),
            format!("{}://{}", c.endpoint.scheme.as_str(), c.endpoint.host)
        )
    }
}

/// The V1 HMAC-SHA1 primitive, for checking the shared signing vectors.
#[pyfunction]
pub fn _v1_signature(access_key_secret: &str, message: &str) -> String {
    ossio_core::signer::v1::signature(access_key_secret, message)
}

/// The V4 canonical header block, for checking the shared signing vectors.
#[pyfunction]
pub fn _v4_canonical_headers(headers: &Bound<'_, PyAny>) -> PyResult<String> {
    let h = headers_from(Some(headers))?;
    Ok(ossio_core::signer::v4::canonical_headers(&h, &[]))
}

/// Panics inside Rust, to prove the boundary turns panics into `ossio.OssError`.
#[pyfunction]
pub fn _panic_for_test(py: Python<'_>) -> PyResult<()> {
    guard(py, || panic!("deliberate panic for the test suite"))
}

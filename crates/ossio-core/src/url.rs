//! Builds the URL a request is sent to. Signing never reads the URL: the canonical forms
//! come from the logical bucket and key.

use crate::config::{Addressing, Config};
use crate::encoding;
use crate::request::Request;

/// The host (with port) a request goes to.
pub fn host(config: &Config, bucket: Option<&str>) -> String {
    let mut out = String::new();
    push_host(&mut out, config, bucket);
    out
}

fn push_host(out: &mut String, config: &Config, bucket: Option<&str>) {
    if let (Some(b), Addressing::VirtualHosted) = (bucket, effective_addressing(config)) {
        out.push_str(b);
        out.push('.');
    }
    out.push_str(&config.endpoint.host);
}

fn effective_addressing(config: &Config) -> Addressing {
    if config.endpoint.is_ip() && config.addressing == Addressing::VirtualHosted {
        Addressing::Path
    } else {
        config.addressing
    }
}

/// The encoded path of a request: `/key` (virtual-hosted, CNAME), `/bucket/key` (path
/// style), `/` for bucket- and service-level requests.
pub fn path(config: &Config, bucket: Option<&str>, key: Option<&str>) -> String {
    let mut out = String::from("/");
    if let (Some(b), Addressing::Path) = (bucket, effective_addressing(config)) {
        out.push_str(b);
        out.push('/');
    }
    if let Some(k) = key {
        encoding::encode_path_into(&mut out, k);
    }
    out
}

/// The full URL of `req` without any signature parameters.
///
/// ```
/// use ossio_core::{config::Addressing, url, Config, Method, Request};
/// let req = Request::new(Method::Get).bucket("bucket").key("a b+c.txt").query_flag("acl");
/// let cfg = Config::new("cn-hangzhou").unwrap();
/// assert_eq!(url::build(&cfg, &req), "https://bucket.oss-cn-hangzhou.aliyuncs.com/a%20b%2Bc.txt?acl");
/// let cfg = cfg.with_addressing(Addressing::Path);
/// assert_eq!(url::build(&cfg, &req), "https://oss-cn-hangzhou.aliyuncs.com/bucket/a%20b%2Bc.txt?acl");
/// ```
pub fn build(config: &Config, req: &Request) -> String {
    build_with_query(
        config,
        req,
        req.query.iter().map(|(k, v)| (k.as_str(), v.as_deref())),
    )
}

/// Like [`build`] with the query given explicitly (used by presigning).
pub fn build_with_query<'a, I>(config: &Config, req: &Request, query: I) -> String
where
    I: IntoIterator<Item = (&'a str, Option<&'a str>)>,
{
    let bucket = req.bucket.as_deref();
    let mut url = String::with_capacity(96 + req.key.as_ref().map_or(0, |k| k.len() * 3));
    url.push_str(config.endpoint.scheme.as_str());
    url.push_str("://");
    push_host(&mut url, config, bucket);
    url.push('/');
    if let (Some(b), Addressing::Path) = (bucket, effective_addressing(config)) {
        url.push_str(b);
        url.push('/');
    }
    if let Some(k) = &req.key {
        encoding::encode_path_into(&mut url, k);
    }
    let mut query = query.into_iter().peekable();
    if query.peek().is_some() {
        url.push('?');
        url.push_str(&encoding::render_query(query));
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Method;

    #[test]
    fn styles() {
        let req = Request::new(Method::Get).bucket("bkt").key("dir/ob j");
        let cfg = Config::new("cn-hangzhou").unwrap();
        assert_eq!(
            build(&cfg, &req),
            "https://bkt.oss-cn-hangzhou.aliyuncs.com/dir/ob%20j"
        );
        let cname = cfg
            .clone()
            .with_endpoint("http://static.example.com")
            .unwrap()
            .with_addressing(Addressing::Cname);
        assert_eq!(build(&cname, &req), "http://static.example.com/dir/ob%20j");
        let ip = cfg.clone().with_endpoint("http://127.0.0.1:9000").unwrap();
        assert_eq!(build(&ip, &req), "http://127.0.0.1:9000/bkt/dir/ob%20j");
        let bucket_level = Request::new(Method::Get).bucket("bkt");
        assert_eq!(build(&ip, &bucket_level), "http://127.0.0.1:9000/bkt/");
        let service = Request::new(Method::Get);
        assert_eq!(
            build(&cfg, &service),
            "https://oss-cn-hangzhou.aliyuncs.com/"
        );
    }
}

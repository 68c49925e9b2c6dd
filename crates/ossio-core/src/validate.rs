//! Naming rules OSS enforces, checked before anything is built or sent.

use crate::error::{ValidationError, ValidationKind};

fn lower_alnum_hyphen(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A bucket name (or access point alias): 3 to 63 characters of `[a-z0-9-]`, not starting or
/// ending with `-`.
///
/// ```
/// use ossio_core::validate::bucket_name;
/// assert!(bucket_name("examplebucket").is_ok());
/// assert!(bucket_name("Example").is_err());
/// ```
pub fn bucket_name(name: &str) -> Result<(), ValidationError> {
    let err = |reason: &'static str| {
        Err(ValidationError::new(
            ValidationKind::BucketName,
            "bucket",
            Some(name),
            reason,
        ))
    };
    if name.len() < 3 || name.len() > 63 {
        return err("must be 3 to 63 characters long");
    }
    if !lower_alnum_hyphen(name) {
        return err("may contain only lowercase letters, digits and hyphens");
    }
    if name.starts_with('-') || name.ends_with('-') {
        return err("must not start or end with a hyphen");
    }
    Ok(())
}

/// An access point name: 3 to 19 characters of `[a-z0-9-]`, not starting or ending with `-`,
/// not ending with `-ossalias`.
pub fn access_point_name(name: &str) -> Result<(), ValidationError> {
    let err = |reason: &'static str| {
        Err(ValidationError::new(
            ValidationKind::AccessPointName,
            "access point name",
            Some(name),
            reason,
        ))
    };
    if name.len() < 3 || name.len() > 19 {
        return err("must be 3 to 19 characters long");
    }
    if !lower_alnum_hyphen(name) {
        return err("may contain only lowercase letters, digits and hyphens");
    }
    if name.starts_with('-') || name.ends_with('-') {
        return err("must not start or end with a hyphen");
    }
    if name.ends_with("-ossalias") {
        return err("must not end with -ossalias");
    }
    Ok(())
}

/// An object key: 1 to 1023 bytes of UTF-8, not starting with `/` or `\`.
pub fn object_key(key: &str) -> Result<(), ValidationError> {
    let err = |reason: &'static str| {
        Err(ValidationError::new(
            ValidationKind::ObjectKey,
            "key",
            Some(key),
            reason,
        ))
    };
    if key.is_empty() {
        return err("must not be empty");
    }
    if key.len() > 1023 {
        return err("must be at most 1023 bytes of UTF-8");
    }
    if key.starts_with('/') || key.starts_with('\\') {
        return err("must not start with '/' or '\\'");
    }
    Ok(())
}

fn is_token_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// A header that can be sent and signed faithfully: a token name; a value without CR, LF or
/// other control characters and without leading or trailing whitespace (HTTP strips it in
/// transit, so any signature over it would break on the server).
pub fn header(name: &str, value: &str) -> Result<(), ValidationError> {
    if name.is_empty() || !name.bytes().all(is_token_char) {
        return Err(ValidationError::new(
            ValidationKind::Header,
            "header name",
            Some(name),
            "must be a non-empty HTTP token",
        ));
    }
    let err = |reason: &'static str| {
        let secret = name.to_ascii_lowercase().contains("security-token")
            || name.eq_ignore_ascii_case("authorization");
        Err(ValidationError::new(
            ValidationKind::Header,
            format!("value of header {name}"),
            if secret { None } else { Some(value) },
            reason,
        ))
    };
    if value.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f) {
        return err("must not contain CR, LF or other control characters");
    }
    if value.starts_with([' ', '\t']) || value.ends_with([' ', '\t']) {
        return err("must not have leading or trailing whitespace");
    }
    Ok(())
}

/// A region id: `[a-z0-9-]+`.
pub fn region(region: &str) -> Result<(), ValidationError> {
    if region.is_empty() || !lower_alnum_hyphen(region) {
        return Err(ValidationError::new(
            ValidationKind::Config,
            "region",
            Some(region),
            "must be non-empty lowercase letters, digits and hyphens, e.g. cn-hangzhou",
        ));
    }
    Ok(())
}

//! Access control values.

use crate::error::{ValidationError, ValidationKind};
use std::fmt;

/// A bucket ACL (`x-oss-acl`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Acl {
    /// Only the owner and authorised users may read and write.
    Private,
    /// Anyone may read; only the owner may write.
    PublicRead,
    /// Anyone may read and write.
    PublicReadWrite,
}

impl Acl {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            Acl::Private => "private",
            Acl::PublicRead => "public-read",
            Acl::PublicReadWrite => "public-read-write",
        }
    }
}

impl std::str::FromStr for Acl {
    type Err = ValidationError;
    /// ```
    /// use ossio_core::Acl;
    /// assert_eq!("public-read".parse::<Acl>().unwrap(), Acl::PublicRead);
    /// assert!("error-acl".parse::<Acl>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "private" => Ok(Acl::Private),
            "public-read" => Ok(Acl::PublicRead),
            "public-read-write" => Ok(Acl::PublicReadWrite),
            _ => Err(ValidationError::new(
                ValidationKind::Acl,
                "acl",
                Some(s),
                "must be private, public-read or public-read-write",
            )),
        }
    }
}

impl fmt::Display for Acl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An object ACL (`x-oss-object-acl`): a bucket ACL or `default` (follow the bucket).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ObjectAcl {
    /// Follow the bucket's ACL.
    Default,
    /// An explicit ACL.
    Explicit(Acl),
}

impl ObjectAcl {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            ObjectAcl::Default => "default",
            ObjectAcl::Explicit(a) => a.as_str(),
        }
    }
}

impl std::str::FromStr for ObjectAcl {
    type Err = ValidationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s == "default" {
            return Ok(ObjectAcl::Default);
        }
        s.parse::<Acl>().map(ObjectAcl::Explicit).map_err(|_| {
            ValidationError::new(
                ValidationKind::Acl,
                "object acl",
                Some(s),
                "must be default, private, public-read or public-read-write",
            )
        })
    }
}

impl fmt::Display for ObjectAcl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

//! The one error type of the client: which operation failed, and why.

use ossio_core::credentials::redact_tokens;
use ossio_core::{ParseError, ServiceError, ValidationError};
use std::fmt;

/// Any error the client returns. `Display` is one line that names the operation; no variant
/// ever holds an access key secret or an STS token.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// Bad input, rejected before anything was sent.
    Validation(ValidationError),
    /// OSS answered with an error status.
    Service {
        /// The API name, e.g. `PutObject`.
        operation: &'static str,
        /// Every field of the error response.
        error: Box<ServiceError>,
        /// The string this client signed (redacted of tokens), kept for
        /// `SignatureDoesNotMatch` so it can be compared with the server's.
        string_to_sign: Option<String>,
    },
    /// The request or response did not make it across the network.
    Transport {
        /// The API name.
        operation: &'static str,
        /// What went wrong, including why it was not retried when that matters.
        message: String,
        /// Whether the failure was of a kind the retry policy retries (it may still have
        /// been returned because the attempts ran out or the body could not be re-sent).
        retryable: bool,
    },
    /// OSS answered with success but the body made no sense.
    Parse {
        /// The API name.
        operation: &'static str,
        /// What could not be parsed.
        error: ParseError,
    },
    /// The CRC-64 of the data sent or received differs from the one OSS reported.
    Crc {
        /// The API name.
        operation: &'static str,
        /// The value OSS reported (`x-oss-hash-crc64ecma`).
        expected: u64,
        /// The value computed over the bytes that went through the client.
        actual: u64,
    },
    /// The client configuration is unusable (missing region, bad endpoint or proxy, ...).
    Config(String),
    /// The credentials provider failed.
    Credentials(String),
    /// The provider's temporary credentials expired and refreshing them failed.
    CredentialsExpired(String),
    /// Local IO failed (opening or reading a file, writing a download).
    Io {
        /// The API name.
        operation: &'static str,
        /// What failed.
        message: String,
    },
}

impl Error {
    /// The service error, if OSS answered with one.
    pub fn as_service(&self) -> Option<&ServiceError> {
        match self {
            Error::Service { error, .. } => Some(error),
            _ => None,
        }
    }

    /// The OSS error code (e.g. `NoSuchBucket`), if OSS answered with an error.
    pub fn code(&self) -> Option<&str> {
        self.as_service().map(|e| e.code.as_str())
    }

    /// The HTTP status, if OSS answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Service { error, .. } => Some(error.status),
            Error::Parse { error, .. } => Some(error.status),
            _ => None,
        }
    }

    /// The operation that failed, when known.
    pub fn operation(&self) -> Option<&'static str> {
        match self {
            Error::Service { operation, .. }
            | Error::Transport { operation, .. }
            | Error::Parse { operation, .. }
            | Error::Crc { operation, .. }
            | Error::Io { operation, .. } => Some(operation),
            _ => None,
        }
    }

    /// Wraps a core error for `operation`.
    pub(crate) fn from_core(
        operation: &'static str,
        e: ossio_core::Error,
        string_to_sign: Option<&str>,
    ) -> Self {
        match e {
            ossio_core::Error::Validation(v) => Error::Validation(v),
            ossio_core::Error::Service(error) => Error::Service {
                operation,
                error,
                string_to_sign: string_to_sign.map(redact_tokens),
            },
            ossio_core::Error::Parse(error) => Error::Parse { operation, error },
        }
    }

    pub(crate) fn io(operation: &'static str, what: &str, e: &std::io::Error) -> Self {
        Error::Io {
            operation,
            message: format!("{what}: {e}"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Validation(e) => e.fmt(f),
            Error::Service {
                operation,
                error,
                string_to_sign,
            } => {
                write!(f, "{operation} failed: {error}")?;
                if error.code == "SignatureDoesNotMatch" {
                    // Escaped so the comparison stays on one line.
                    if let Some(theirs) = error.detail("StringToSign") {
                        write!(f, "; server string-to-sign {:?}", redact_tokens(theirs))?;
                    }
                    if let Some(ours) = string_to_sign {
                        write!(f, "; client string-to-sign {ours:?}")?;
                    }
                }
                Ok(())
            }
            Error::Transport {
                operation, message, ..
            } => write!(f, "{operation} failed: {message}"),
            Error::Parse { operation, error } => write!(f, "{operation} failed: {error}"),
            Error::Crc {
                operation,
                expected,
                actual,
            } => write!(
                f,
                "{operation} failed: CRC-64 mismatch (OSS reported {expected}, client computed {actual}); the data was corrupted in transit"
            ),
            Error::Config(m) => write!(f, "invalid client configuration: {m}"),
            Error::Credentials(m) => write!(f, "cannot get credentials: {m}"),
            Error::CredentialsExpired(m) => {
                write!(f, "credentials expired and could not be refreshed: {m}")
            }
            Error::Io { operation, message } => write!(f, "{operation} failed: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Validation(e) => Some(e),
            Error::Service { error, .. } => Some(error.as_ref()),
            Error::Parse { error, .. } => Some(error),
            _ => None,
        }
    }
}

impl From<ValidationError> for Error {
    fn from(e: ValidationError) -> Self {
        Error::Validation(e)
    }
}

impl From<Error> for std::io::Error {
    fn from(e: Error) -> Self {
        std::io::Error::other(e)
    }
}

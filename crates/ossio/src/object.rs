//! A downloading object body: read it like any `Read`, checked with CRC-64 at the end.

use crate::Error;
use crate::crc::Crc64;
use std::fmt;
use std::io::{self, Read};

/// The body of a download, read straight from the connection. When the whole object was
/// requested and OSS sent `x-oss-hash-crc64ecma`, the last `read` fails with an
/// [`Error::Crc`] (inside the `io::Error`) if the bytes received do not match it.
pub struct ObjectReader<M> {
    meta: M,
    body: ureq::BodyReader<'static>,
    crc: Option<(Crc64, u64)>,
    operation: &'static str,
    received: u64,
    checked: bool,
}

impl<M: fmt::Debug> fmt::Debug for ObjectReader<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ObjectReader")
            .field("meta", &self.meta)
            .field("received", &self.received)
            .field("crc_check", &self.crc.is_some())
            .finish_non_exhaustive()
    }
}

impl<M> ObjectReader<M> {
    pub(crate) fn new(
        operation: &'static str,
        meta: M,
        body: ureq::Body,
        expected_crc: Option<u64>,
    ) -> Self {
        ObjectReader {
            meta,
            body: body.into_reader(),
            crc: expected_crc.map(|e| (Crc64::new(), e)),
            operation,
            received: 0,
            checked: false,
        }
    }

    /// The response metadata (status headers parsed by the operation).
    pub fn meta(&self) -> &M {
        &self.meta
    }

    /// Consumes the reader, returning the metadata.
    pub fn into_meta(self) -> M {
        self.meta
    }

    /// Bytes read so far.
    pub fn received(&self) -> u64 {
        self.received
    }
}

impl<M> Read for ObjectReader<M> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.body.read(buf).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!(
                    "{} failed after {} bytes: {e}",
                    self.operation, self.received
                ),
            )
        })?;
        self.received += n as u64;
        if let Some((crc, expected)) = &mut self.crc {
            crc.update(&buf[..n]);
            if n == 0 && !buf.is_empty() && !self.checked {
                self.checked = true;
                let actual = crc.value();
                if actual != *expected {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        Error::Crc {
                            operation: self.operation,
                            expected: *expected,
                            actual,
                        },
                    ));
                }
            }
        }
        Ok(n)
    }
}

/// The client error carried by an `io::Error` from an [`ObjectReader`], if any.
pub(crate) fn client_error(e: &io::Error) -> Option<Error> {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<Error>())
        .cloned()
}

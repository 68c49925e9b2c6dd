//! CRC-64/ECMA (the `x-oss-hash-crc64ecma` checksum), computed incrementally while bytes
//! stream through the client.

/// An incremental CRC-64/ECMA.
pub(crate) struct Crc64(crc64fast::Digest);

impl Crc64 {
    pub(crate) fn new() -> Self {
        Crc64(crc64fast::Digest::new())
    }

    pub(crate) fn update(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }

    pub(crate) fn value(&self) -> u64 {
        self.0.sum64()
    }
}

/// The checksum OSS reported in `x-oss-hash-crc64ecma`, if any and well-formed.
pub(crate) fn reported(headers: &ossio_core::Headers) -> Option<u64> {
    headers
        .get(ossio_core::names::X_OSS_HASH_CRC64ECMA)
        .and_then(|v| v.trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_value_and_incremental() {
        // The CRC-64/XZ ("ECMA" in OSS) check value.
        let mut c = Crc64::new();
        c.update(b"123456789");
        assert_eq!(c.value(), 0x995D_C9BB_DF19_39FA);
        let mut d = Crc64::new();
        d.update(b"1234");
        d.update(b"56789");
        assert_eq!(d.value(), c.value());
    }
}

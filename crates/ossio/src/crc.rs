//! CRC-64/ECMA (the `x-oss-hash-crc64ecma` checksum), computed incrementally while bytes
//! stream through the client.

pub(crate) use ossio_core::crc64::Crc64;

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

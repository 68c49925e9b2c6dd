//! Access keys held on the Rust side, so the secret never sits in a JavaScript object.

use napi_derive::napi;
use ossio_core::Credentials;

/// An access key pair with an optional STS token (wrapped by `Credentials` in `index.js`).
#[napi]
pub struct NativeCredentials {
    pub(crate) inner: Credentials,
}

#[napi]
impl NativeCredentials {
    /// Credentials from an access key id, secret and optional STS token.
    #[napi(constructor)]
    pub fn new(
        access_key_id: String,
        access_key_secret: String,
        security_token: Option<String>,
    ) -> Self {
        let c = Credentials::new(access_key_id, access_key_secret);
        NativeCredentials {
            inner: match security_token {
                Some(t) => c.with_security_token(t),
                None => c,
            },
        }
    }

    /// The access key id (not secret).
    #[napi(getter)]
    pub fn access_key_id(&self) -> String {
        self.inner.access_key_id().to_owned()
    }

    /// Whether an STS token is present (the token itself is never returned).
    #[napi(getter)]
    pub fn has_security_token(&self) -> bool {
        self.inner.security_token().is_some()
    }
}

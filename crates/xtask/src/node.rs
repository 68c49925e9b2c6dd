//! The Node typings generated from the registry.

use crate::Generated;

/// Every generated Node file.
pub(crate) fn generate() -> Vec<Generated> {
    Vec::new()
}

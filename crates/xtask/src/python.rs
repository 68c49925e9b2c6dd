//! The Python stubs generated from the registry.

use crate::Generated;

/// Every generated Python file.
pub(crate) fn generate() -> Vec<Generated> {
    Vec::new()
}

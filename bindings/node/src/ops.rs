//! Operations (filled in below).

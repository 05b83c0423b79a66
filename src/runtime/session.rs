//! The server-wide session registry, `4D.Session` and privileges.

//! `Use…End use` locking of shared groups.

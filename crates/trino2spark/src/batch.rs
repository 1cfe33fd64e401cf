//! Batch conversion of a query repository (filled in by the `convert` command's issue).

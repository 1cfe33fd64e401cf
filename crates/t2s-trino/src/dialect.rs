//! Trino dialect (being written)

//! A user's crate whose models come from `specs/` through `build.rs`.

include!(concat!(env!("OUT_DIR"), "/models.rs"));

/// The generated source, to show which models exist.
pub const MODELS_RS: &str = include_str!(concat!(env!("OUT_DIR"), "/models.rs"));

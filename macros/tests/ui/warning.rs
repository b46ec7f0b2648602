// A warning of the docs is a deprecation warning at the call; denied here, so
// that its text shows.
#![deny(deprecated)]

docmodel_macros::models!("fixtures/warning");

fn main() {}

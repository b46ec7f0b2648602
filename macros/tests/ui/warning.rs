// A warning of the docs is a deprecation warning at the call; denied here, so
// that its text shows.
#![deny(deprecated)]

docmodel_macros::models!("../../../../macros/tests/fixtures/warning");

fn main() {}

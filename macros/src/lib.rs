//! docmodel's proc-macro entry point. It will expand `models!("specs")` into
//! the generated models, through the same library call as the CLI and the
//! build-script builder; until code generation lands it exports nothing.

fn main() -> Result<(), docmodel_codegen::BuildError> {
    docmodel_codegen::Builder::new().specs("specs").build_script()
}

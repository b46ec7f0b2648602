//! Helpers shared by docmodel's end-to-end tests: where the specs and the
//! shared corpus are.

use std::path::PathBuf;

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits inside the repository")
        .to_path_buf()
}

/// `../shared/corpus/<name>` beside the checkout, or `None` when it is missing.
///
/// A missing corpus is announced on standard error so the skip is never
/// silent; under CI (`CI=true`) it is a failure, since CI has the corpus.
pub fn corpus(name: &str) -> Option<PathBuf> {
    let path = repo_root().join("../shared/corpus").join(name);
    if path.exists() {
        return Some(path);
    }
    let message = format!(
        "SKIPPED: corpus `{}` is missing (expected beside the checkout)",
        path.display()
    );
    if std::env::var_os("CI").is_some_and(|v| v == "true") {
        panic!("{message}; CI must have it");
    }
    eprintln!("{message}");
    None
}

/// The properties of `dotnet-270` whose wire names the .NET docs cannot tell
/// (`$`-prefixed, snake_case, kebab-case, all-caps, PascalCase and URN names),
/// as (model, name in the docs, wire name): the reader's rule (drop a `_Model`
/// escape, lower the first letter) recovers all the others.
pub const UNRECOVERABLE_WIRE_NAMES: &[(&str, &str, &str)] = &[
    ("ConversationJsonSchemaDocument", "Schema", "$schema"),
    ("ConversationJsonSchemaRequest", "Schema", "$schema"),
    ("DataSchemaRef", "Ref", "$ref"),
    ("DocumentationResult", "FacetFeature", "facet_feature"),
    ("DocumentationResult", "FacetRole", "facet_role"),
    ("DocumentationResult", "FacetService", "facet_service"),
    ("DocumentationResult", "FaqCategories", "faq_categories"),
    ("DocumentationResult", "GetType", "get_type"),
    (
        "DocumentationResult",
        "ReleasenoteCategory",
        "releasenote_category",
    ),
    ("DocumentationResult", "ReleasenoteTag", "releasenote_tag"),
    ("DocumentationResult", "ServiceArea", "service-area"),
    ("DocumentationResult", "VideoCategories", "video_categories"),
    ("GKNDocumentationResult", "Type", "_type"),
    ("JourneyJsonSchemaDocument", "Schema", "$schema"),
    ("JourneyJsonSchemaRequest", "Schema", "$schema"),
    ("JsonSchemaDocument", "Schema", "$schema"),
    ("JsonSchemaWithDefinitions", "Schema", "$schema"),
    ("Manager", "Ref", "$ref"),
    ("MetaData", "PairingToken", "pairing-token"),
    ("MetaData", "PairingTrust", "pairing-trust"),
    ("MetaData", "PairingUrl", "pairing-url"),
    (
        "ScimConfigResourceTypesListResponse",
        "Resources",
        "Resources",
    ),
    ("ScimGroupListResponse", "Resources", "Resources"),
    ("ScimUserListResponse", "Resources", "Resources"),
    (
        "ScimV2CreateUser",
        "Urnietfparamsscimschemasextensionenterprise20User",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
    ),
    (
        "ScimV2CreateUser",
        "Urnietfparamsscimschemasextensiongenesyspurecloud20User",
        "urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User",
    ),
    ("ScimV2GroupReference", "Ref", "$ref"),
    ("ScimV2MemberReference", "Ref", "$ref"),
    ("ScimV2PatchRequest", "Operations", "Operations"),
    ("ScimV2SchemaListResponse", "Resources", "Resources"),
    (
        "ScimV2User",
        "Urnietfparamsscimschemasextensionenterprise20User",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
    ),
    (
        "ScimV2User",
        "Urnietfparamsscimschemasextensiongenesyspurecloud20User",
        "urn:ietf:params:scim:schemas:extension:genesys:purecloud:2.0:User",
    ),
    ("StreetAddress", "A1", "A1"),
    ("StreetAddress", "A3", "A3"),
    ("StreetAddress", "HNO", "HNO"),
    ("StreetAddress", "LOC", "LOC"),
    ("StreetAddress", "NAM", "NAM"),
    ("StreetAddress", "PC", "PC"),
    ("StreetAddress", "RD", "RD"),
    ("TokenInfo", "OAuthClient", "OAuthClient"),
    ("VmPairingInfo", "AuthToken", "auth-token"),
    ("VmPairingInfo", "EdgeId", "edge-id"),
    ("VmPairingInfo", "MetaData", "meta-data"),
    ("VmPairingInfo", "OrgId", "org-id"),
];

//! Defaults of enum properties, written by the docs as language members
//! (`LanguageEnum.Fr`, `OuterEnumDefaultValue_Placed`, Rust's `Placed`), are
//! mapped back to the wire value of the member they name, once every enum is
//! known. A default that names no member is left for the emitter to report.

use crate::ir::{Enum, Ir, TypeExpr};

/// Rewrites each enum-typed default that names a member to that member's value.
pub fn to_wire_values(ir: &mut Ir) {
    let enums = &ir.enums;
    for property in ir.models.iter_mut().flat_map(|m| &mut m.properties) {
        let Some(found) =
            enum_of(&property.ty).and_then(|name| enums.iter().find(|e| e.name == name))
        else {
            continue;
        };
        if let Some(value) = property
            .default
            .as_deref()
            .and_then(|d| wire_value(found, d))
        {
            property.default = Some(value);
        }
    }
}

/// The enum a property holds directly (or nullable).
fn enum_of(ty: &TypeExpr) -> Option<&str> {
    match ty {
        TypeExpr::Enum(name) => Some(name),
        TypeExpr::Nullable(inner) => enum_of(inner),
        _ => None,
    }
}

/// The wire value a default names: itself if it is a value, else the member
/// whose name (or value, compared without case and punctuation) matches its
/// last segment after `.` or `_`.
fn wire_value(declared: &Enum, default: &str) -> Option<String> {
    if declared.values.iter().any(|v| v == default) {
        return None;
    }
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let candidates = [
        default,
        default.rsplit('.').next().unwrap_or(default),
        default.split_once('_').map_or(default, |(_, rest)| rest),
    ];
    candidates.iter().find_map(|candidate| {
        let wanted = key(candidate);
        declared
            .value_names
            .iter()
            .position(|n| !n.is_empty() && key(n) == wanted)
            .or_else(|| declared.values.iter().position(|v| key(v) == wanted))
            .map(|i| declared.values[i].clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{EnumBase, SourceRef};

    #[test]
    fn member_forms_name_their_values() {
        let language = Enum {
            name: "PetLanguage".into(),
            model: Some("Pet".into()),
            doc_name: "LanguageEnum".into(),
            base: EnumBase::String,
            values: vec!["fr".into(), "dark-blue".into()],
            value_names: vec!["FR".into(), "DARK_MINUS_BLUE".into()],
            unknown_sentinel: None,
            source: SourceRef {
                file: "p.md".into(),
                line: 1,
            },
        };
        assert_eq!(
            wire_value(&language, "LanguageEnum.Fr").as_deref(),
            Some("fr")
        );
        assert_eq!(wire_value(&language, "Language_FR").as_deref(), Some("fr"));
        assert_eq!(
            wire_value(&language, "DarkBlue").as_deref(),
            Some("dark-blue")
        );
        assert_eq!(wire_value(&language, "fr"), None);
        assert_eq!(wire_value(&language, "Other"), None);
    }
}

//! Defaults, typed once: the docs' `[default to X]` literal becomes the JSON
//! value the property takes when absent, read as a value of the property's
//! type. Enum defaults written as language members (`LanguageEnum.Fr`,
//! `OuterEnumDefaultValue_Placed`, Rust's `Placed`) become the wire value of
//! the member they name. A literal that fits no value of the type is dropped
//! with a warning; so is a typed default of an IR file that does not fit.

use serde_json::{Number, Value};

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::ir::{Enum, Primitive, Property, TypeExpr};

/// The enums a default may name, by IR name.
pub type EnumLookup<'e> = dyn Fn(&str) -> Option<&'e Enum> + 'e;

/// The JSON value of `written` as a default of type `ty`, if it is one.
pub fn typed<'e>(written: &str, ty: &TypeExpr, enums: &EnumLookup<'e>) -> Option<Value> {
    let unquoted = written.trim_matches(|c| c == '"' || c == '\'');
    let ty = value_type(ty);
    if is_number(ty) {
        let number = number_text(written);
        if number != written {
            return typed(&number, ty, enums);
        }
    }
    match ty {
        TypeExpr::Primitive(Primitive::Boolean) => match written.to_ascii_lowercase().as_str() {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        TypeExpr::Primitive(Primitive::Int32) => written.parse::<i32>().ok().map(Value::from),
        TypeExpr::Primitive(Primitive::Int64) => written.parse::<i64>().ok().map(Value::from),
        TypeExpr::Primitive(Primitive::Float) => written
            .parse::<f32>()
            .ok()
            .and_then(|n| Number::from_f64(f64::from(n)))
            .map(Value::Number),
        TypeExpr::Primitive(Primitive::Decimal) => written
            .parse::<Number>()
            .ok()
            .filter(|n| n.as_f64().is_some_and(f64::is_finite))
            .map(Value::Number),
        TypeExpr::Primitive(Primitive::Double) => written
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number),
        TypeExpr::Primitive(Primitive::String) => Some(Value::from(unquoted)),
        TypeExpr::Enum(name) => enums(name)
            .and_then(|declared| named_member(declared, unquoted))
            .map(|value| value.to_json()),
        // Any JSON value, and maps, take JSON literals (`{}`).
        TypeExpr::Primitive(Primitive::Any) => serde_json::from_str(written).ok(),
        TypeExpr::Map(_) => serde_json::from_str::<Value>(written)
            .ok()
            .filter(|value| fits(value, ty, enums)),
        TypeExpr::List(item) | TypeExpr::Set(item) => {
            let inner = written.trim().strip_prefix('[')?.strip_suffix(']')?;
            list_items(inner)
                .into_iter()
                .map(|element| typed(element, item, enums))
                .collect::<Option<Vec<Value>>>()
                .map(Value::Array)
        }
        _ => None,
    }
}

fn is_number(ty: &TypeExpr) -> bool {
    matches!(
        ty,
        TypeExpr::Primitive(
            Primitive::Int32
                | Primitive::Int64
                | Primitive::Float
                | Primitive::Double
                | Primitive::Decimal
        )
    )
}

/// A number literal in plain digits: without a language's suffix (C#'s
/// `1M`, `5L`), or the number a member of an integer enum whose values the
/// page does not list is named after (`ClusterSizeEnum.NUMBER_1`,
/// `CLUSTER_SIZE::N1`, `._1`, `XEnum.number1`, Rust's `Variant1`,
/// `NUMBER_MINUS_1`); other text
/// as it is.
fn number_text(written: &str) -> String {
    let written = written.trim();
    if let Some(number) = written
        .strip_suffix(['M', 'm', 'L', 'l', 'F', 'f', 'D', 'd'])
        .filter(|n| n.parse::<f64>().is_ok())
    {
        return number.to_string();
    }
    if !written.contains(|c: char| c.is_alphabetic() || c == '.' || c == ':')
        || written.parse::<f64>().is_ok()
    {
        return written.to_string();
    }
    let tail = written.rsplit(['.', ':']).next().unwrap_or(written);
    let tail = tail.rsplit_once("NUMBER_").map_or(tail, |(_, t)| t);
    let tail = tail
        .trim_start_matches("number")
        .trim_start_matches("Variant")
        .trim_start_matches('N')
        .trim_start_matches('_');
    let (sign, digits) = match tail.strip_prefix("MINUS_").or(tail.strip_prefix("minus")) {
        Some(rest) => ("-", rest.trim_start_matches('_')),
        None => ("", tail),
    };
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        format!("{sign}{digits}")
    } else {
        written.to_string()
    }
}

/// The elements of a list literal's inside (`"a", "b, c"`), split at the
/// commas outside quotes; none for an empty list.
fn list_items(inner: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut quote = None;
    let mut start = 0;
    for (at, c) in inner.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(open), c) if c == open => quote = None,
            (None, ',') => {
                items.push(inner[start..at].trim());
                start = at + 1;
            }
            _ => {}
        }
    }
    let last = inner[start..].trim();
    if !last.is_empty() || !items.is_empty() {
        items.push(last);
    }
    items
}

/// Whether an IR file's `default` is a value of type `ty`.
pub fn fits<'e>(value: &Value, ty: &TypeExpr, enums: &EnumLookup<'e>) -> bool {
    match (value_type(ty), value) {
        (TypeExpr::Primitive(Primitive::Boolean), Value::Bool(_))
        | (TypeExpr::Primitive(Primitive::String), Value::String(_)) => true,
        (TypeExpr::Primitive(Primitive::Int32), Value::Number(n)) => {
            n.as_i64().is_some_and(|n| i32::try_from(n).is_ok())
        }
        (TypeExpr::Primitive(Primitive::Int64), Value::Number(n)) => n.as_i64().is_some(),
        (
            TypeExpr::Primitive(Primitive::Float | Primitive::Double | Primitive::Decimal),
            Value::Number(_),
        ) => true,
        (TypeExpr::Enum(name), value) => enums(name)
            .is_some_and(|declared| declared.members.iter().any(|m| m.value.to_json() == *value)),
        (TypeExpr::List(item) | TypeExpr::Set(item), Value::Array(values)) => {
            values.iter().all(|v| fits(v, item, enums))
        }
        (TypeExpr::Map(item), Value::Object(entries)) => {
            entries.values().all(|v| fits(v, item, enums))
        }
        (TypeExpr::Primitive(Primitive::Any), _) => true,
        _ => false,
    }
}

/// The type a default is a value of: a nullable's inner type.
fn value_type(ty: &TypeExpr) -> &TypeExpr {
    match ty {
        TypeExpr::Nullable(inner) => inner,
        other => other,
    }
}

/// The warning for a default that is dropped.
pub fn unusable(model: &str, property: &Property, written: &str) -> Diagnostic {
    Diagnostic::at_line(
        Severity::Warning,
        Code::UnusableDefault,
        &property.source,
        format!(
            "`{model}.{}`: default `{written}` does not fit type `{}`; the field has no default",
            property.wire_name, property.ty
        ),
        "write the default as a value of the property's type",
    )
}

/// The member a default names: by its value, else by the member whose name
/// (or value, compared without case and punctuation) matches the default or
/// its last segment after `.` or `_`.
fn named_member<'e>(declared: &'e Enum, written: &str) -> Option<&'e crate::ir::WireValue> {
    if let Some(member) = declared
        .members
        .iter()
        .find(|m| m.value.to_string() == written)
    {
        return Some(&member.value);
    }
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let candidates = [
        written,
        written.rsplit('.').next().unwrap_or(written),
        written.split_once('_').map_or(written, |(_, rest)| rest),
    ];
    let number = number_text(written);
    if number != written
        && let Some(member) = declared
            .members
            .iter()
            .find(|m| m.value.to_string() == number)
    {
        // A member named after its number (`Variant1`, `NUMBER_1`).
        return Some(&member.value);
    }
    candidates.iter().find_map(|candidate| {
        let wanted = key(candidate);
        let by_name = declared
            .members
            .iter()
            .find(|m| m.name.as_deref().is_some_and(|n| key(n) == wanted));
        by_name
            .or_else(|| {
                declared
                    .members
                    .iter()
                    .find(|m| key(&m.value.to_string()) == wanted)
            })
            .map(|m| &m.value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{EnumMember, SourceRef, WireValue};

    fn language() -> Enum {
        let member = |name: &str, value: &str| EnumMember {
            name: Some(name.into()),
            value: WireValue::Str(value.into()),
        };
        Enum {
            name: "PetLanguage".into(),
            model: Some("Pet".into()),
            doc_name: "LanguageEnum".into(),
            members: vec![member("FR", "fr"), member("DARK_MINUS_BLUE", "dark-blue")],
            unknown_sentinel: None,
            source: SourceRef {
                file: "p.md".into(),
                line: 1,
            },
        }
    }

    #[test]
    fn member_forms_name_their_values() {
        let language = language();
        let enums = |name: &str| (name == "PetLanguage").then_some(&language);
        let ty = TypeExpr::Enum("PetLanguage".into());
        let read = |written: &str| typed(written, &ty, &enums);
        assert_eq!(read("LanguageEnum.Fr"), Some(Value::from("fr")));
        assert_eq!(read("Language_FR"), Some(Value::from("fr")));
        assert_eq!(read("DarkBlue"), Some(Value::from("dark-blue")));
        assert_eq!(read("fr"), Some(Value::from("fr")));
        assert_eq!(read("Other"), None);
        assert!(fits(&Value::from("dark-blue"), &ty, &enums));
        assert!(!fits(&Value::from("DarkBlue"), &ty, &enums));
    }

    #[test]
    fn numbers_written_as_language_literals_or_member_names() {
        let none = |_: &str| None;
        let int = TypeExpr::Primitive(Primitive::Int64);
        let decimal = TypeExpr::Primitive(Primitive::Decimal);
        for written in [
            "ClusterSizeEnum.NUMBER_1",
            "CLUSTER_SIZE::N1",
            "._1",
            "XEnum.number1",
            "ClusterSizeEnum_NUMBER_1",
            "Variant1",
        ] {
            assert_eq!(
                typed(written, &int, &none),
                Some(serde_json::json!(1)),
                "{written}"
            );
        }
        assert_eq!(
            typed("XEnum.NUMBER_MINUS_1", &int, &none),
            Some(serde_json::json!(-1))
        );
        assert_eq!(typed("0.5M", &decimal, &none), Some(serde_json::json!(0.5)));
        // A decimal keeps the number as written: `-1`, not `-1.0`.
        assert_eq!(typed("-1M", &decimal, &none), Some(serde_json::json!(-1)));
        assert_eq!(typed("7", &int, &none), Some(serde_json::json!(7)));
        assert_eq!(typed("Low", &int, &none), None);
        let any = TypeExpr::Primitive(Primitive::Any);
        let map = TypeExpr::Map(Box::new(any.clone()));
        assert_eq!(typed("{}", &any, &none), Some(serde_json::json!({})));
        assert_eq!(typed("{}", &map, &none), Some(serde_json::json!({})));
        assert_eq!(typed("[1]", &map, &none), None);
    }

    #[test]
    fn list_literals_become_arrays_of_the_item_type() {
        let none = |_: &str| None;
        let strings = TypeExpr::List(Box::new(TypeExpr::Primitive(Primitive::String)));
        let ints = TypeExpr::Set(Box::new(TypeExpr::Primitive(Primitive::Int32)));
        assert_eq!(typed("[]", &strings, &none), Some(serde_json::json!([])));
        assert_eq!(
            typed("[\"x\", \"y, z\"]", &strings, &none),
            Some(serde_json::json!(["x", "y, z"]))
        );
        assert_eq!(
            typed("[1, 2]", &ints, &none),
            Some(serde_json::json!([1, 2]))
        );
        assert_eq!(typed("[1, x]", &ints, &none), None);
        assert!(fits(&serde_json::json!([1]), &ints, &none));
        assert!(!fits(&serde_json::json!(["a"]), &ints, &none));
    }

    #[test]
    fn literals_become_values_of_the_type() {
        let none = |_: &str| None;
        let of = |p: Primitive| TypeExpr::Primitive(p);
        assert_eq!(
            typed("TRUE", &of(Primitive::Boolean), &none),
            Some(Value::Bool(true))
        );
        assert_eq!(
            typed("7", &of(Primitive::Int32), &none),
            Some(Value::from(7))
        );
        assert_eq!(typed("3000000000", &of(Primitive::Int32), &none), None);
        assert_eq!(
            typed("1.5", &of(Primitive::Double).into_nullable(), &none),
            Some(Value::from(1.5))
        );
        assert_eq!(
            typed("'x'", &of(Primitive::String), &none),
            Some(Value::from("x"))
        );
        assert_eq!(typed("2024-01-01", &of(Primitive::Date), &none), None);
        assert!(fits(&Value::from(7), &of(Primitive::Int32), &none));
        assert!(!fits(&Value::from("7"), &of(Primitive::Int32), &none));
        assert!(!fits(&Value::from(1.5), &of(Primitive::Int64), &none));
    }
}

//! Rust names for models, fields and variants: a deterministic allocator that
//! cannot fail (sanitize → keyword escape → numbered suffix in source order).

use std::collections::HashSet;

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};

/// Rust keywords (strict and reserved, all editions).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers: these get a `_` suffix instead.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// A name the allocator chose, and whether it differs from what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocated {
    /// The identifier (raw where it is a keyword).
    pub ident: Ident,
    /// The identifier's text without any `r#`.
    pub text: String,
}

/// Hands out distinct identifiers within one scope (a struct's fields, an
/// enum's variants, the file's types).
#[derive(Debug, Default)]
pub struct Scope {
    taken: HashSet<String>,
}

impl Scope {
    /// A snake_case field name for a wire name.
    pub fn field(&mut self, wire_name: &str) -> Allocated {
        let base = ascii_ident(&wire_name.to_snake_case(), "field").to_lowercase();
        self.unique(&base, "_")
    }

    /// An UpperCamel variant name for an enum value (or, failing that, its docs name).
    pub fn variant(&mut self, value: &str, doc_name: Option<&str>) -> Allocated {
        let usable = |text: &str| {
            let name = ascii_only(&text.to_upper_camel_case());
            name.starts_with(|c: char| c.is_ascii_alphabetic())
                .then_some(name)
        };
        let base = usable(value)
            .or_else(|| doc_name.and_then(usable))
            .unwrap_or_else(|| spelled(value));
        self.unique(&base, "")
    }

    /// Whether `name` is already handed out.
    pub fn is_taken(&self, name: &str) -> bool {
        self.taken.contains(name)
    }

    /// An UpperCamel type name: [`type_base`], numbered if taken.
    pub fn type_name(&mut self, name: &str) -> Allocated {
        self.unique(&type_base(name), "")
    }

    /// `base`, escaped if it is a keyword, numbered from 2 if taken.
    fn unique(&mut self, base: &str, separator: &str) -> Allocated {
        let mut text = base.to_string();
        let mut n = 1;
        while self.taken.contains(&text) {
            n += 1;
            text = format!("{base}{separator}{n}");
        }
        self.taken.insert(text.clone());
        let ident = if NOT_RAW.contains(&text.as_str()) {
            text.push('_');
            self.taken.insert(text.clone());
            Ident::new(&text, Span::call_site())
        } else if KEYWORDS.contains(&text.as_str()) {
            Ident::new_raw(&text, Span::call_site())
        } else {
            Ident::new(&text, Span::call_site())
        };
        Allocated { ident, text }
    }
}

/// An identifier's text without its raw prefix (`r#type` → `type`).
pub fn unraw(text: &str) -> &str {
    text.strip_prefix("r#").unwrap_or(text)
}

/// The Rust name a model or enum wants: as written when it already is an
/// UpperCamel identifier, else its UpperCamel form.
pub fn type_base(name: &str) -> String {
    let written = ascii_ident(name, "");
    if written == name && name.starts_with(|c: char| c.is_ascii_uppercase()) {
        written
    } else {
        let camel = ascii_only(&name.to_upper_camel_case());
        match camel.chars().next() {
            // `_2FA` → `Model2fa`: UpperCamel, as rustc wants a type name.
            Some(c) if c.is_ascii_digit() => format!("Model{camel}"),
            Some(_) => camel,
            None => "Model".to_string(),
        }
    }
}

/// The `#[allow]`s a type name kept as the docs write it needs: rustc's
/// `non_camel_case_types` for `Foo_Bar` (renaming it would merge it with a
/// `FooBar`) and clippy's `upper_case_acronyms` for `ADFS`.
pub fn lint_allowances(ident: &proc_macro2::Ident) -> proc_macro2::TokenStream {
    let name = ident.to_string();
    let snake_joined = name.trim_matches('_').contains('_');
    let all_caps = name.len() > 1
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let camel = snake_joined.then(|| quote::quote!(#[allow(non_camel_case_types)]));
    let acronym = all_caps.then(|| quote::quote!(#[allow(clippy::upper_case_acronyms)]));
    quote::quote!(#camel #acronym)
}

/// `text` reduced to ASCII letters, digits and inner `_`.
fn ascii_only(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    kept.trim_matches('_').to_string()
}

/// [`ascii_only`], never starting with a digit (prefixed with `fallback`, or
/// `N`), and `fallback` for an empty result.
fn ascii_ident(text: &str, fallback: &str) -> String {
    let kept = ascii_only(text);
    if kept.is_empty() {
        fallback.to_string()
    } else if kept.starts_with(|c: char| c.is_ascii_digit()) {
        format!(
            "{}_{kept}",
            if fallback.is_empty() { "N" } else { fallback }
        )
    } else {
        kept.to_string()
    }
}

/// A variant name for values with no letters: `-1` → `Minus1`, `+` → `Plus`, `""` → `Empty`.
fn spelled(value: &str) -> String {
    if value.is_empty() {
        return "Empty".to_string();
    }
    let mut out = String::from(if value.starts_with(|c: char| c.is_ascii_digit()) {
        "Number"
    } else {
        ""
    });
    for c in value.chars() {
        match c {
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_uppercase()),
            '-' => out.push_str("Minus"),
            '+' => out.push_str("Plus"),
            '.' => out.push_str("Dot"),
            '*' => out.push_str("Star"),
            '/' => out.push_str("Slash"),
            ' ' => out.push_str("Space"),
            other => out.push_str(&format!("U{:X}", other as u32)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_snake_case_escaped_and_distinct() {
        let mut scope = Scope::default();
        let names: Vec<String> = [
            "disconnectType",
            "type",
            "$ref",
            "self",
            "callbackURI",
            "callbackUri",
            "1st",
            "",
            "urn:a:2.0:User",
        ]
        .iter()
        .map(|w| scope.field(w).ident.to_string())
        .collect();
        assert_eq!(
            names,
            [
                "disconnect_type",
                "r#type",
                "r#ref",
                "self_",
                "callback_uri",
                "callback_uri_2",
                "field_1st",
                "field",
                "urn_a_2_0_user"
            ]
        );
    }

    #[test]
    fn variants_come_from_values_then_names_then_spelling() {
        let mut scope = Scope::default();
        let names: Vec<String> = [
            ("transfer.conference", Some("TRANSFER_CONFERENCE")),
            ("1", Some("_1")),
            ("-1", None),
            ("", None),
            ("+", None),
            ("s", None),
            ("S", None),
            ("Self", None),
        ]
        .iter()
        .map(|(v, n)| scope.variant(v, *n).ident.to_string())
        .collect();
        assert_eq!(
            names,
            [
                "TransferConference",
                "Number1",
                "Minus1",
                "Empty",
                "Plus",
                "S",
                "S2",
                "Self_"
            ]
        );
    }

    #[test]
    fn type_names_keep_their_spelling() {
        let mut scope = Scope::default();
        assert_eq!(scope.type_name("ADFS").text, "ADFS");
        assert_eq!(scope.type_name("pet_tag").text, "PetTag");
        assert_eq!(scope.type_name("PetTag").text, "PetTag2");
    }
}

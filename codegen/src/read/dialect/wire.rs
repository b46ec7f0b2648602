//! Wire names from language field names: undo the dialect's reserved-word
//! escape, then split the name into words and join them in the configured
//! [`WireCase`].

use crate::ir::WireNameRule;
use crate::settings::WireCase;

/// How a dialect escapes a field name that would be a reserved word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    /// `prefix` + keyword (`_type`, `var_property`, `pcSelf`).
    Prefix(&'static str),
    /// keyword + `suffix` (`Type_`).
    Suffix(&'static str),
    /// Rust's raw identifier `r#type`: always an escape.
    RawIdentifier,
    /// `prefix` + the class name, for a property named like its class
    /// (C#'s `VarToken` in `Token`, Genesys .NET's `_Model` in `Model`).
    ClassName(&'static str),
    /// `$` spelled out: `dollarRef`, `dollar_ref` for `$ref`.
    Dollar,
    /// `/` and `:` spelled out: `violence_slash_graphic` and
    /// `hateSlashThreatening` for `violence/graphic` and `hate/threatening`,
    /// `osdb_colon_output_type` for `osdb:output_type`.
    Symbols,
}

/// A dialect's escapes and the reserved words they protect.
#[derive(Debug)]
pub struct Escapes {
    /// The forms the dialect uses.
    pub forms: &'static [Escape],
    /// The words it escapes, as the language spells them.
    pub keywords: &'static [&'static str],
    /// What it writes before a name that starts with a digit (`_123`,
    /// `var_123`, `Var123`, `n123`, `param_123`).
    pub digit_prefixes: &'static [&'static str],
}

impl Escapes {
    /// `name` without its escape, if it has one.
    pub fn undo<'n>(&self, name: &'n str, model: &str) -> Option<&'n str> {
        let before_digit = self.digit_prefixes.iter().find_map(|prefix| {
            name.strip_prefix(prefix)
                .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        });
        if before_digit.is_some() {
            return before_digit;
        }
        self.forms.iter().find_map(|form| match form {
            Escape::RawIdentifier => name.strip_prefix("r#"),
            Escape::ClassName(prefix) => name.strip_prefix(prefix).filter(|rest| *rest == model),
            Escape::Dollar | Escape::Symbols => None,
            Escape::Prefix(prefix) => name
                .strip_prefix(prefix)
                .filter(|rest| self.is_keyword(rest)),
            Escape::Suffix(suffix) => name
                .strip_suffix(suffix)
                .filter(|rest| self.is_keyword(rest)),
        })
    }

    /// `$ref` for `dollarRef` or `dollar_ref`, where the dialect spells `$` out.
    fn dollar(&self, name: &str) -> Option<String> {
        if !self.forms.contains(&Escape::Dollar) {
            return None;
        }
        // swagger-codegen's Kotlin writes `Dollarref`.
        let rest = name
            .strip_prefix("dollar")
            .or_else(|| name.strip_prefix("Dollar"))?;
        let rest = rest.strip_prefix('_').unwrap_or(rest);
        let mut chars = rest.chars();
        let first = chars.next().filter(|c| c.is_alphabetic())?;
        Some(format!("${}{}", first.to_lowercase(), chars.as_str()))
    }

    /// The wire name of a name with `/` or `:` spelled out, where the
    /// dialect spells them: each part between the symbols in `case`.
    fn symbols(&self, name: &str, case: WireCase) -> Option<String> {
        if !self.forms.contains(&Escape::Symbols) {
            return None;
        }
        let mut parts = vec![String::new()];
        let mut symbols = Vec::new();
        let mut rest = name;
        while let Some(c) = rest.chars().next() {
            if let Some((symbol, after)) = spelled_symbol(rest, parts.last().map(String::as_str)) {
                symbols.push(symbol);
                parts.push(String::new());
                rest = after;
                continue;
            }
            parts.last_mut()?.push(c);
            rest = &rest[c.len_utf8()..];
        }
        if symbols.is_empty() || parts.iter().any(String::is_empty) {
            return None;
        }
        let mut wire = String::new();
        for (i, part) in parts.iter().enumerate() {
            wire.push_str(&convert(&lower_first(part), case));
            if let Some(symbol) = symbols.get(i) {
                wire.push(*symbol);
            }
        }
        Some(wire)
    }

    /// True for a reserved word, ignoring the case of its first letter
    /// (`Type_` escapes `type` in PascalCase dialects).
    fn is_keyword(&self, word: &str) -> bool {
        let lowered = lower_first(word);
        self.keywords.iter().any(|k| *k == word || *k == lowered)
    }
}

/// The wire name of field `name` of `model`, and how sure it is.
pub fn wire_name(
    name: &str,
    model: &str,
    escapes: &Escapes,
    case: WireCase,
) -> (String, WireNameRule) {
    let (unescaped, escaped) = match escapes.undo(name, model) {
        Some(rest) => (lower_first_if_keyword(rest, escapes), true),
        None => {
            if let Some(wire) = escapes.symbols(name, case) {
                return (wire, WireNameRule::Unescaped);
            }
            match escapes.dollar(name) {
                Some(spelled) => (spelled, true),
                None => (name.to_string(), false),
            }
        }
    };
    if escaped && unescaped.starts_with('$') {
        // `$ref` is a wire name no case conversion applies to.
        return (unescaped, WireNameRule::Unescaped);
    }
    let converted = convert(&unescaped, case);
    let rule = if converted != unescaped {
        WireNameRule::Derived
    } else if escaped {
        WireNameRule::Unescaped
    } else {
        WireNameRule::AsWritten
    };
    (converted, rule)
}

/// The symbols openapi-generator spells out in names: snake_case and
/// camelCase spellings.
const SPELLED: &[(&str, &str, char)] = &[("_slash_", "Slash", '/'), ("_colon_", "Colon", ':')];

/// The symbol `text` starts with, spelled out, and the text after it: the
/// snake_case spelling anywhere, the camelCase one only between a lower-case
/// letter or digit (ending `before`) and an upper-case letter.
fn spelled_symbol<'t>(text: &'t str, before: Option<&str>) -> Option<(char, &'t str)> {
    SPELLED.iter().find_map(|(snake, camel, symbol)| {
        if let Some(after) = text.strip_prefix(snake) {
            return Some((*symbol, after));
        }
        let after = text.strip_prefix(camel)?;
        let joins_words = before
            .and_then(|b| b.chars().next_back())
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            && after.starts_with(char::is_uppercase);
        joins_words.then_some((*symbol, after))
    })
}

/// `word` with its first letter in lower case.
fn lower_first(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `Self` (from `pcSelf`) is the keyword `self`: the keyword's own spelling.
fn lower_first_if_keyword(rest: &str, escapes: &Escapes) -> String {
    if escapes.keywords.contains(&rest) {
        return rest.to_string();
    }
    lower_first(rest)
}

/// Rewrites `name` in `case`. Words split at `_`, `-` and spaces, before an
/// upper-case letter that follows a lower-case letter or digit, and before
/// the last capital of an acronym followed by a lower-case letter
/// (`ATTRName` → `ATTR`, `Name`). Digits stay with the word before them.
pub fn convert(name: &str, case: WireCase) -> String {
    if case == WireCase::AsWritten {
        return name.to_string();
    }
    let words = words(name);
    // A name that is all separators (`_`) or begins with one (`_links`, `$ref`)
    // is kept: the leading mark is part of the wire name.
    if words.is_empty() || name.starts_with(['_', '-']) {
        return name.to_string();
    }
    let capitalized = |word: &str| {
        let mut chars = word.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect::<String>())
            .unwrap_or_default()
    };
    match case {
        WireCase::AsWritten => name.to_string(),
        WireCase::Camel => words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if i == 0 {
                    w.to_lowercase()
                } else {
                    capitalized(w)
                }
            })
            .collect(),
        WireCase::Pascal => words.iter().map(|w| capitalized(w)).collect(),
        WireCase::Snake => lower_joined(&words, "_"),
        WireCase::Kebab => lower_joined(&words, "-"),
    }
}

fn lower_joined(words: &[&str], separator: &str) -> String {
    words
        .iter()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(separator)
}

/// The words of a name, by the rules of [`convert`].
pub fn words(name: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    for (i, &(at, c)) in chars.iter().enumerate() {
        if matches!(c, '_' | '-' | ' ') {
            if let Some(s) = start.take() {
                words.push(&name[s..at]);
            }
            continue;
        }
        let previous = i.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(i + 1).map(|n| n.1);
        let boundary = c.is_uppercase()
            && previous.is_some_and(|p| {
                p.is_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_uppercase() && next.is_some_and(char::is_lowercase))
            });
        match start {
            Some(s) if boundary => {
                words.push(&name[s..at]);
                start = Some(at);
            }
            None => start = Some(at),
            Some(_) => {}
        }
    }
    if let Some(s) = start {
        words.push(&name[s..]);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_into_words_the_same_way_in_every_case() {
        assert_eq!(words("ATTRName"), ["ATTR", "Name"]);
        assert_eq!(words("httpURL"), ["http", "URL"]);
        assert_eq!(words("snake_case_name"), ["snake", "case", "name"]);
        assert_eq!(words("addressLine1Foo"), ["address", "Line1", "Foo"]);
        assert_eq!(convert("SsoTargetURI", WireCase::Camel), "ssoTargetURI");
        assert_eq!(convert("snake_case_name", WireCase::Camel), "snakeCaseName");
        assert_eq!(convert("PascalName", WireCase::Snake), "pascal_name");
        assert_eq!(convert("kebabName", WireCase::Kebab), "kebab-name");
        assert_eq!(convert("camel_case", WireCase::Pascal), "CamelCase");
        assert_eq!(convert("_links", WireCase::Camel), "_links");
        assert_eq!(convert("$ref", WireCase::Camel), "$ref");
    }

    #[test]
    fn escapes_are_undone_only_around_reserved_words() {
        const ESCAPES: Escapes = Escapes {
            forms: &[
                Escape::RawIdentifier,
                Escape::ClassName("_"),
                Escape::Prefix("_"),
                Escape::Prefix("var_"),
                Escape::Suffix("_"),
                Escape::Prefix("pc"),
            ],
            keywords: &["type", "property", "self"],
            digit_prefixes: &["_"],
        };
        let as_written = |name: &str| wire_name(name, "Model", &ESCAPES, WireCase::AsWritten);
        assert_eq!(
            as_written("r#type"),
            ("type".into(), WireNameRule::Unescaped)
        );
        assert_eq!(as_written("_type").0, "type");
        assert_eq!(as_written("var_property").0, "property");
        assert_eq!(as_written("Type_").0, "type");
        assert_eq!(as_written("pcSelf").0, "self");
        assert_eq!(as_written("_Model").0, "model");
        assert_eq!(
            as_written("_underscore"),
            ("_underscore".into(), WireNameRule::AsWritten)
        );
        assert_eq!(as_written("_123number").0, "123number");
        const DOLLAR: Escapes = Escapes {
            forms: &[Escape::Dollar],
            keywords: &[],
            digit_prefixes: &[],
        };
        assert_eq!(
            wire_name("dollarRef", "M", &DOLLAR, WireCase::Camel).0,
            "$ref"
        );
        assert_eq!(
            wire_name("dollar_ref", "M", &DOLLAR, WireCase::Snake).0,
            "$ref"
        );
        const SLASH: Escapes = Escapes {
            forms: &[Escape::Symbols],
            keywords: &[],
            digit_prefixes: &[],
        };
        assert_eq!(
            wire_name("violence_slash_graphic", "M", &SLASH, WireCase::Camel),
            ("violence/graphic".into(), WireNameRule::Unescaped)
        );
        let symbols = |name: &str, case| wire_name(name, "M", &SLASH, case).0;
        assert_eq!(
            symbols("hateSlashThreatening", WireCase::AsWritten),
            "hate/threatening"
        );
        assert_eq!(
            symbols("osdbColonBodyDataRaw", WireCase::Snake),
            "osdb:body_data_raw"
        );
        assert_eq!(
            symbols("osdb_colon_output_type", WireCase::Snake),
            "osdb:output_type"
        );
        assert_eq!(symbols("slashdot", WireCase::AsWritten), "slashdot");
        assert_eq!(
            symbols("fooSlash", WireCase::AsWritten),
            "fooSlash",
            "not between words"
        );
        let camel = wire_name("SchemaId", "M", &ESCAPES, WireCase::Camel);
        assert_eq!(camel, ("schemaId".into(), WireNameRule::Derived));
    }
}

//! The Notes cell in every dialect's vocabulary: `[optional]`, `[readonly]`,
//! `[default to X]` (X a language literal), `[one of: …]`, R's constraint
//! notes, and python-prior's prose (`defaults to X`, `must be one of […]`,
//! `if omitted the server will use the default value of X`).

use super::cells::plain_text;

/// What a Notes cell says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    /// `[optional]` was present.
    pub optional: bool,
    /// `[readonly]` was present.
    pub readonly: bool,
    /// The default value, quotes removed; `null`/`undefined` are not defaults.
    pub default: Option<String>,
    /// Allowed values the notes list (`[one of: …]`, `must be one of […]`).
    pub values: Vec<String>,
    /// Anything else in the cell, kept for a warning.
    pub unknown: Vec<String>,
}

/// Constraint notes of the R docs: validation, not shape; read and set aside.
const CONSTRAINTS: &[&str] = &[
    "Max:",
    "Min:",
    "Pattern:",
    "Max. items:",
    "Min. items:",
    "Max. length:",
    "Min. length:",
];

const OMITTED_DEFAULT: &str = "if omitted the server will use the default value of ";

/// Reads a Notes cell, entities decoded.
pub fn notes(raw: &str) -> Notes {
    let text = plain_text(raw);
    let mut notes = Notes::default();
    let mut rest = text.trim();
    while !rest.is_empty() {
        rest = if let Some(inner) = rest.strip_prefix('[') {
            let Some(end) = closing_bracket(inner) else {
                notes.unknown.push(rest.to_string());
                break;
            };
            group(&inner[..end], &mut notes);
            &inner[end + 1..]
        } else if let Some(after) = rest.strip_prefix(OMITTED_DEFAULT) {
            let (value, after) = literal_token(after);
            notes.default = literal(value);
            after
        } else if let Some(after) = rest.strip_prefix("defaults to ") {
            let (value, after) = literal_token(after);
            notes.default = literal(value);
            after
        } else if let Some(after) = rest.strip_prefix("must be one of [") {
            let end = closing_bracket(after).unwrap_or(after.len());
            notes.values = values(&after[..end]);
            after.get(end + 1..).unwrap_or_default()
        } else {
            notes.unknown.push(rest.to_string());
            break;
        };
        rest = rest.trim_start_matches([' ', ',']);
    }
    notes
}

/// One `[…]` group.
fn group(note: &str, notes: &mut Notes) {
    let note = note.trim();
    match note {
        "optional" => notes.optional = true,
        "readonly" => notes.readonly = true,
        _ => {
            if let Some(value) = note.strip_prefix("default to ") {
                notes.default = literal(value);
            } else if let Some(list) = note.strip_prefix("one of:") {
                notes.values = values(list);
            } else if let Some(list) = note.strip_prefix("Enum:") {
                let list = list.trim();
                let list = list
                    .strip_prefix('[')
                    .and_then(|l| l.strip_suffix(']'))
                    .unwrap_or(list);
                notes.values = values(list);
            } else if !CONSTRAINTS.iter().any(|c| note.starts_with(c)) {
                notes.unknown.push(format!("[{note}]"));
            }
        }
    }
}

/// A language literal as a plain value: quotes removed, Python's `True` as
/// `true`; `None` for the literals that mean "no default".
pub fn literal(text: &str) -> Option<String> {
    let text = text.trim();
    // Dart writes `const []` for every list: a language default, not the spec's.
    if matches!(text, "" | "null" | "undefined" | "None" | "nil" | "NULL")
        || text.starts_with("const ")
    {
        return None;
    }
    if let Some(inner) = unquote(text) {
        return Some(inner);
    }
    Some(match text {
        "True" | "TRUE" | "$true" => "true".to_string(),
        "False" | "FALSE" | "$false" => "false".to_string(),
        other => other.to_string(),
    })
}

/// The content of a `"…"` or `'…'` literal, backslash escapes undone.
fn unquote(text: &str) -> Option<String> {
    let quote = text.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let inner = text.strip_prefix(quote)?.strip_suffix(quote)?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// The next literal of prose notes: a quoted string, or a run to a comma or space.
fn literal_token(text: &str) -> (&str, &str) {
    let text = text.trim_start();
    if let Some(quote) = text.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let mut escaped = false;
        for (i, c) in text.char_indices().skip(1) {
            if c == quote && !escaped {
                return (&text[..=i], &text[i + 1..]);
            }
            escaped = c == '\\' && !escaped;
        }
        return (text, "");
    }
    let end = text.find([',', ' ']).unwrap_or(text.len());
    (&text[..end], &text[end..])
}

/// A comma-separated list of literals (quoted or bare), trailing comma allowed.
pub fn values(list: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = list.trim();
    while !rest.is_empty() {
        let (token, after) = if rest.starts_with(['"', '\'']) {
            literal_token(rest)
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            (rest[..end].trim(), &rest[end..])
        };
        if !token.is_empty() {
            out.push(unquote(token).unwrap_or_else(|| token.to_string()));
        }
        rest = after.trim_start_matches([' ', ',']).trim();
    }
    out
}

/// Position of the `]` closing a group whose `[` was already consumed.
fn closing_bracket(inner: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote = None;
    for (i, c) in inner.char_indices() {
        match (c, quote) {
            ('"' | '\'', None) => quote = Some(c),
            (c, Some(q)) if c == q => quote = None,
            (_, Some(_)) => {}
            ('[', None) => depth += 1,
            (']', None) if depth == 0 => return Some(i),
            (']', None) => depth -= 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracketed_notes() {
        let read = notes("[optional] [default to false]");
        assert!(read.optional && !read.readonly);
        assert_eq!(read.default.as_deref(), Some("false"));
        assert!(notes(" [readonly]").readonly);
        assert!(notes("[optional][readonly]").readonly);
        assert_eq!(
            notes("[default to &#39;fr&#39;]").default.as_deref(),
            Some("fr")
        );
        assert_eq!(
            notes("[default to \"red\"]").default.as_deref(),
            Some("red")
        );
        assert_eq!(notes("[default to null]").default, None);
        assert_eq!(notes("[default to undefined]").default, None);
        assert_eq!(notes("[default to True]").default.as_deref(), Some("true"));
        assert_eq!(
            notes("[default to $false]").default.as_deref(),
            Some("false")
        );
        assert_eq!(notes("[default to const []]").default, None);
        assert_eq!(notes("[Max: 3] junk").unknown, ["junk"]);
        assert_eq!(
            notes("[optional]  [one of: \"a.b\", \"c\"]").values,
            ["a.b", "c"]
        );
        assert_eq!(notes("[Enum: [x, y]]").values, ["x", "y"]);
        assert_eq!(notes(""), Notes::default());
    }

    #[test]
    fn python_prior_prose() {
        let read = notes("[optional]  if omitted the server will use the default value of 0");
        assert!(read.optional);
        assert_eq!(read.default.as_deref(), Some("0"));
        let read = notes("defaults to \"-efg\",  must be one of [\"_abc\", \"-efg\", \"(xyz)\", ]");
        assert_eq!(read.default.as_deref(), Some("-efg"));
        assert_eq!(read.values, ["_abc", "-efg", "(xyz)"]);
        assert!(read.unknown.is_empty(), "{:?}", read.unknown);
    }
}

//! Enum values in every form the dialects write them: `Name | Value`
//! tables (quoted or raw values, Kotlin's one comma-joined row), bullet lists
//! (`` * `UPPER` (value: `"upper"`) ``, also inside Kotlin's indented code
//! block), and value lists found in notes or descriptions. Synthetic members
//! (`UNKNOWN_DEFAULT_OPEN_API`, the Genesys sentinel) are set aside.

use super::cells::{name_cell, plain_text, split_row};
use super::sections::{Listing, Table};

/// One member as the page writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The member name the docs give (`AVAILABLE`), empty when they give none.
    pub name: String,
    /// The wire value, quotes removed.
    pub value: String,
    /// Whether the value was quoted (a quoted `"1"` is a string).
    pub quoted: bool,
}

/// What a listing's values read as.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Values {
    /// The wire values with their names.
    pub members: Vec<Member>,
    /// The SDK-only "unknown value" member, if one was listed.
    pub sentinel: Option<String>,
    /// Rows that could not be read, by line range.
    pub bad_rows: Vec<std::ops::Range<usize>>,
}

impl Values {
    /// True when every value is an unquoted integer.
    pub fn all_integers(&self) -> bool {
        !self.members.is_empty()
            && self
                .members
                .iter()
                .all(|m| !m.quoted && m.value.parse::<i64>().is_ok())
    }

    fn push(&mut self, member: Member) {
        if is_sentinel(&member) {
            self.sentinel = Some(member.value);
        } else if !is_synthetic(&member) {
            self.members.push(member);
        }
    }
}

/// The values of a listing, from its table, its bullets or its code block.
pub fn read(text: &str, listing: &Listing<'_>, joined_row: bool) -> Values {
    let mut values = Values::default();
    if let Some(table) = listing.table {
        table_values(text, table, joined_row, &mut values);
    }
    for item in &listing.items {
        if let Some(member) = bullet(&text[item.clone()]) {
            values.push(member);
        }
    }
    for code in &listing.code {
        for line in text[code.clone()].lines() {
            if let Some(member) = bullet(line) {
                values.push(member);
            }
        }
    }
    values
}

/// `| NAME | &quot;value&quot; |` rows; with `joined_row`, Kotlin's single
/// `| name | a, b, c |` row.
fn table_values(text: &str, table: Table<'_>, joined_row: bool, values: &mut Values) {
    let rows: Vec<_> = table
        .rows
        .iter()
        .filter(|r| super::cells::has_pipe(&text[(*r).clone()]))
        .collect();
    for line in &rows {
        let cells = split_row(text, (*line).clone());
        let [name, value, ..] = cells.as_slice() else {
            values.bad_rows.push((*line).clone());
            continue;
        };
        let name = name_cell(name.raw);
        let value = plain_text(value.raw);
        // Kotlin names the row after the property, escaped or not
        // (`propertyClass` under `## Enum: class`), and joins the values with
        // `, ` (values may hold commas); a trailing comma ends the list with
        // the empty value.
        if joined_row && rows.len() == 1 && value.contains(", ") && !value.starts_with('"') {
            let (joined, empty_last) = match value.strip_suffix(',') {
                Some(joined) => (joined, true),
                None => (value.as_str(), false),
            };
            let parts = joined.split(", ").chain(empty_last.then_some(""));
            for part in parts {
                values.push(Member {
                    name: String::new(),
                    value: part.to_string(),
                    quoted: false,
                });
            }
            continue;
        }
        values.push(member(name, &value));
    }
}

/// Whether two spellings of a name have the same letters and digits, case
/// aside: Kotlin heads the section of `type` `## Enum: _type`, and that of
/// `snakeName` `## Enum: snake_name`.
pub fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    words(a) == words(b)
}

/// A `` * `NAME` (value: `"value"`) `` bullet (the `*` may already be gone).
fn bullet(line: &str) -> Option<Member> {
    let line = line.trim().trim_start_matches(['*', '-']).trim();
    let name = line.strip_prefix('`')?;
    let (name, rest) = name.split_once('`')?;
    let value = rest.trim().strip_prefix("(value: `")?;
    let value = value.strip_suffix("`)").unwrap_or(value);
    Some(member(
        html_escape::decode_html_entities(name).into_owned(),
        &html_escape::decode_html_entities(value),
    ))
}

fn member(name: String, value: &str) -> Member {
    let value = value.trim();
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return Member {
                name,
                value: inner.to_string(),
                quoted: true,
            };
        }
    }
    Member {
        name,
        value: value.to_string(),
        quoted: false,
    }
}

/// Members from a plain list of values (notes, descriptions): no names, and
/// numbers stay numbers.
pub fn from_list(list: &[String]) -> Values {
    let mut values = Values::default();
    for value in list {
        values.push(Member {
            name: String::new(),
            value: value.clone(),
            quoted: false,
        });
    }
    values
}

/// The values of a trailing `(enum: a, b, c)` in a description (OAG Rust).
pub fn in_description(description: &str) -> Option<Vec<String>> {
    let start = description.rfind("(enum: ")?;
    let list = description[start + "(enum: ".len()..]
        .trim_end()
        .strip_suffix(')')?;
    Some(list.split(", ").map(str::to_string).collect())
}

/// The Genesys SDKs' member for values the SDK does not know.
fn is_sentinel(member: &Member) -> bool {
    member.value == "OutdatedSdkVersion"
        || member.name.eq_ignore_ascii_case("OUTDATEDSDKVERSION")
        || member.name.eq_ignore_ascii_case("OUTDATED_SDK_VERSION")
}

/// openapi-generator's `enumUnknownDefaultCase` member: not a wire value.
fn is_synthetic(member: &Member) -> bool {
    member.value == "11184809"
        || member.value == "unknown_default_open_api"
        || member.name == "UNKNOWN_DEFAULT_OPEN_API"
        || member.name == "UnknownDefaultOpenApi"
}

/// The enum's own name in a section title that is a type:
/// `List<EventsEnum>` → `EventsEnum`, `Map<String, InnerEnum>` → `InnerEnum`.
pub fn section_enum_name(doc_name: &str) -> &str {
    let inner = doc_name.trim_end_matches(['>', ']', '}', ' ']);
    inner
        .rsplit(['<', ',', '[', '{', ':', ' '])
        .find(|s| !s.is_empty())
        .unwrap_or(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_in_every_quoting() {
        assert_eq!(
            bullet("* `UPPER` (value: `\"upper\"`)"),
            Some(Member {
                name: "UPPER".into(),
                value: "upper".into(),
                quoted: true
            })
        );
        assert_eq!(
            bullet("    * `AAL0` (value: `'aal0'`)").unwrap().value,
            "aal0"
        );
        let one = bullet("* `NUMBER_1` (value: `1`)").unwrap();
        assert!(!one.quoted && one.value == "1");
        assert_eq!(bullet("plain text"), None);
    }

    #[test]
    fn values_in_descriptions_and_section_names() {
        assert_eq!(
            in_description("pet status (enum: available, pending, sold)").unwrap(),
            ["available", "pending", "sold"]
        );
        assert_eq!(in_description("no list"), None);
        assert_eq!(section_enum_name("List<EventsEnum>"), "EventsEnum");
        assert_eq!(section_enum_name("Map<String, InnerEnum>"), "InnerEnum");
        assert_eq!(section_enum_name("StateEnum"), "StateEnum");
    }

    #[test]
    fn spellings_of_one_name_have_the_same_words() {
        assert!(same_words("type", "_type"));
        assert!(same_words("snakeName", "snake_name"));
        assert!(!same_words("status", "state"));
    }
}

//! Telling a page's dialect from the page itself, by the cheap signals of
//! `dialects.md` §5, strongest first: headings, table shape, distinctive type
//! spellings, notes, trailing sections; then, for pages with none of those,
//! which vocabulary knows most of its type words. Never the file name.

use crate::ir::Dialect;

use super::Rules;

/// What a page shows of itself before its rows are read.
#[derive(Debug, Default)]
pub struct Signals<'a> {
    /// The whole page.
    pub text: &'a str,
    /// Level and text of each heading, in order.
    pub headings: Vec<(u8, &'a str)>,
    /// Whether the page starts with YAML front matter.
    pub front_matter: bool,
    /// The properties table's header and separator lines.
    pub header: Option<(&'a str, &'a str)>,
    /// How many columns the properties table has.
    pub columns: usize,
    /// The raw type cells (entities decoded) and notes cells of its rows.
    pub type_cells: Vec<String>,
    /// The raw notes cells.
    pub notes_cells: Vec<&'a str>,
    /// The info strings of the page's fenced code blocks.
    pub code_langs: Vec<&'a str>,
}

/// Type-cell spellings that only one dialect writes.
const TYPE_MARKS: &[(&str, Dialect)] = &[
    ("Pointer to ", Dialect::Go),
    ("Option<", Dialect::Rust),
    ("Vec<", Dialect::Rust),
    ("serde_json::", Dialect::Rust),
    ("models::", Dialect::Rust),
    ("kotlin.", Dialect::Kotlin),
    ("none_type", Dialect::PythonPrior),
    ("{str: (", Dialect::PythonPrior),
    ("Dict[", Dialect::Python),
    ("List[", Dialect::Python),
    ("dict(", Dialect::Python),
    ("list[", Dialect::Python),
    ("[***", Dialect::Go),
    ("map[string]", Dialect::Go),
    ("interface{}", Dialect::Go),
    ("time.Time", Dialect::Go),
    ("{ [key: string]:", Dialect::Typescript),
    ("{String: ", Dialect::Javascript),
    ("[String: ", Dialect::Swift),
    ("BuiltList", Dialect::Dart),
    ("BuiltMap", Dialect::Dart),
    ("BuiltSet", Dialect::Dart),
    ("JsonObject", Dialect::Dart),
    ("array<string,", Dialect::Php),
    ("\\DateTime", Dialect::Php),
    ("\\SplFileObject", Dialect::Php),
    ("\\Model\\", Dialect::Php),
    ("Hash<", Dialect::Ruby),
    ("Dictionary<", Dialect::Csharp),
];

/// Notes that only one dialect writes.
const NOTE_MARKS: &[(&str, Dialect)] = &[
    ("[default to undefined]", Dialect::Typescript),
    ("must be one of [", Dialect::PythonPrior),
    (
        "if omitted the server will use the default value of",
        Dialect::PythonPrior,
    ),
];

/// Page text that only one dialect writes (PHP's back-link anchors).
const TEXT_MARKS: &[(&str, Dialect)] = &[("README.md#models)", Dialect::Php)];

/// Section headings that only one dialect writes.
const SECTION_MARKS: &[(&str, Dialect)] = &[
    ("Methods", Dialect::Go),
    ("Enum Variants", Dialect::Rust),
    ("Class instance methods", Dialect::Ruby),
    ("Code Sample", Dialect::Ruby),
    ("Load the model package", Dialect::Dart),
    ("oneOf", Dialect::Php),
    ("anyOf", Dialect::Php),
];

/// Example code languages and their dialects.
const CODE_MARKS: &[(&str, Dialect)] = &[
    ("python", Dialect::Python),
    ("ruby", Dialect::Ruby),
    ("typescript", Dialect::Typescript),
    ("powershell", Dialect::Powershell),
    ("dart", Dialect::Dart),
    ("R", Dialect::R),
    ("r", Dialect::R),
];

/// What a page says of its own dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detection {
    /// The dialect the page is read in.
    pub dialect: Dialect,
    /// Whether the page carries a mark of it (a heading, table shape, type
    /// spelling, note or section only that dialect writes); unmarked pages
    /// were told by their type words, or not at all, and their folder's
    /// dialect wins over it.
    pub marked: bool,
    /// For an unmarked page: how many of its type words each dialect's
    /// vocabulary knows, in the order of [`Dialect::ALL`].
    pub known_words: KnownWords,
}

/// How many type words each dialect knows, in the order of [`Dialect::ALL`].
pub type KnownWords = [u32; Dialect::ALL.len()];

/// The dialect of a page.
pub fn detect(signals: &Signals<'_>) -> Detection {
    let marked = by_heading(signals)
        .or_else(|| by_shape(signals))
        .or_else(|| by_marks(signals));
    if let Some(dialect) = marked {
        return Detection {
            dialect,
            marked: true,
            known_words: [0; Dialect::ALL.len()],
        };
    }
    let known_words = known_words(signals);
    Detection {
        dialect: best_known(&known_words).unwrap_or_else(|| fallback(signals)),
        marked: false,
        known_words,
    }
}

/// The dialect that knows the most words, the first declared on a tie;
/// `None` when none knows any.
pub fn best_known(known_words: &KnownWords) -> Option<Dialect> {
    let (index, &most) = known_words
        .iter()
        .enumerate()
        .max_by(|(a, a_known), (b, b_known)| a_known.cmp(b_known).then(b.cmp(a)))?;
    (most > 0).then(|| Dialect::ALL[index])
}

/// Headings: `# # X` (PHP), namespaces (C#, Genesys .NET), `A::B` (Ruby, R),
/// `pkg.model.X` (Dart), `.X` (TypeScript), `Module.X` (JavaScript), and the
/// Genesys Java marks (front matter, `#Enum--` anchors, the artifact footer).
fn by_heading(signals: &Signals<'_>) -> Option<Dialect> {
    let text = signals.text;
    let titles: Vec<&str> = signals
        .headings
        .iter()
        .filter(|(level, _)| *level == 1)
        .map(|(_, t)| *t)
        .collect();
    let any = |test: &dyn Fn(&str) -> bool| signals.headings.iter().any(|(_, t)| test(t));
    if any(&|t| t.contains("PureCloudApi.Model.")) || text.contains("PureCloudPlatform.Client") {
        return Some(Dialect::GenesysDotnet);
    }
    if signals.front_matter || text.contains("com.mypurecloud") || text.contains("(#Enum--") {
        return Some(Dialect::GenesysJava);
    }
    if titles.iter().any(|t| t.starts_with("# ")) {
        return Some(Dialect::Php);
    }
    if any(&|t| super::namespace_model_name(t).is_some()) {
        return Some(Dialect::Csharp);
    }
    let title = titles.first().copied().unwrap_or_default();
    if title.contains("::") {
        // R writes its own type words and bare tables; Ruby 7 pipes its
        // tables, swagger-codegen's Ruby writes bare ones with Ruby's words.
        let has = |words: &[&str]| {
            signals
                .type_cells
                .iter()
                .any(|t| words.iter().any(|w| has_mark(t, w)))
        };
        let bare_table = signals
            .header
            .is_some_and(|(h, _)| !h.trim_start().starts_with('|'));
        let is_r = has(&["character", "numeric", "integer", "logical"])
            || (bare_table
                && !has(&["Array<", "Hash<", "BOOLEAN", "Integer", "Float", "DateTime"]));
        return Some(if is_r { Dialect::R } else { Dialect::Ruby });
    }
    if title.contains(".model.") {
        return Some(Dialect::Dart);
    }
    if title.starts_with('.') {
        return Some(Dialect::Typescript);
    }
    let module_dot_class = title.split('.').count() == 2
        && title
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '_'));
    module_dot_class.then_some(Dialect::Javascript)
}

/// Table shapes: two columns (typescript-fetch), Ruby's short separator,
/// Java 7's half-piped rows.
fn by_shape(signals: &Signals<'_>) -> Option<Dialect> {
    if signals.header.is_some() && signals.columns == 2 {
        return Some(Dialect::Typescript);
    }
    let separator = compact_separator(signals)?;
    if separator == RUBY_SEPARATOR {
        return Some(Dialect::Ruby);
    }
    // Java 7 writes the long separator with half-piped rows (`|**name** |`).
    (separator == LONG_SEPARATOR && signals.text.contains("\n|**")).then_some(Dialect::Java)
}

/// Ruby 7's separator, without whitespace.
const RUBY_SEPARATOR: &str = "|----|----|-----------|-----|";
/// The long separator between pipes (Java 7, Kotlin, Genesys Java), without whitespace.
const LONG_SEPARATOR: &str = "|------------|-------------|-------------|-------------|";

/// The properties table's separator line without whitespace.
fn compact_separator(signals: &Signals<'_>) -> Option<String> {
    let (_, separator) = signals.header?;
    Some(separator.chars().filter(|c| !c.is_whitespace()).collect())
}

/// Distinctive type spellings, notes and sections.
fn by_marks(signals: &Signals<'_>) -> Option<Dialect> {
    let in_types = TYPE_MARKS.iter().find(|(mark, _)| {
        signals.type_cells.iter().any(|t| has_mark(t, mark))
            || (*mark == "[***" && signals.text.contains(mark))
    });
    let in_notes = || {
        NOTE_MARKS
            .iter()
            .find(|(mark, _)| signals.notes_cells.iter().any(|n| n.contains(mark)))
    };
    let in_sections = || {
        SECTION_MARKS
            .iter()
            .find(|(mark, _)| signals.headings.iter().any(|(l, t)| *l >= 2 && t == mark))
    };
    let in_text = || {
        TEXT_MARKS
            .iter()
            .find(|(mark, _)| signals.text.contains(mark))
    };
    let in_code = || {
        CODE_MARKS
            .iter()
            .find(|(mark, _)| signals.code_langs.contains(mark))
    };
    in_types
        .or_else(in_notes)
        .or_else(in_sections)
        .or_else(in_code)
        .or_else(in_text)
        .map(|(_, dialect)| *dialect)
}

/// Whether `text` holds `mark` where a word starts: `Playlist[]` is not
/// Python's `list[`.
fn has_mark(text: &str, mark: &str) -> bool {
    let word_mark = mark.starts_with(|c: char| c.is_alphanumeric());
    text.match_indices(mark).any(|(at, _)| {
        !word_mark
            || !text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// The dialect of a page without any known type word: Kotlin for its fully
/// piped table with the long separator (Genesys Java, which shares it, was
/// told apart by its headings), else Java.
fn fallback(signals: &Signals<'_>) -> Dialect {
    let fully_piped = signals
        .header
        .is_some_and(|(header, _)| header.trim_start().starts_with("| "));
    if fully_piped && compact_separator(signals).as_deref() == Some(LONG_SEPARATOR) {
        Dialect::Kotlin
    } else {
        Dialect::Java
    }
}

/// How many of the page's type words each dialect's vocabulary knows (the
/// Genesys dialects, told by their headings, know none here).
fn known_words(signals: &Signals<'_>) -> KnownWords {
    let words: Vec<&str> = signals
        .type_cells
        .iter()
        .flat_map(|t| t.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '_')))
        .filter(|w| !w.is_empty())
        .collect();
    let mut known = [0; Dialect::ALL.len()];
    for (count, &dialect) in known.iter_mut().zip(Dialect::ALL) {
        if matches!(dialect, Dialect::GenesysJava | Dialect::GenesysDotnet) {
            continue;
        }
        let vocabulary = Rules::of(dialect).vocabulary;
        let knows = |w: &&&str| {
            vocabulary.scalars.iter().any(|(s, _)| s == *w)
                || vocabulary.lists.contains(w)
                || vocabulary.sets.contains(w)
                || vocabulary.maps.contains(w)
        };
        *count = words.iter().filter(knows).count() as u32;
    }
    known
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str, headings: &[(u8, &'static str)], types: &[&str]) -> Dialect {
        detection(text, headings, types).dialect
    }

    fn detection(text: &str, headings: &[(u8, &'static str)], types: &[&str]) -> Detection {
        detect(&Signals {
            text,
            headings: headings.to_vec(),
            header: Some((
                "Name | Type | Description | Notes",
                "------------ | ------------- | ------------- | -------------",
            )),
            columns: 4,
            type_cells: types.iter().map(|t| t.to_string()).collect(),
            ..Signals::default()
        })
    }

    #[test]
    fn headings_then_types_then_vocabulary() {
        assert_eq!(page("", &[(1, "# Pet")], &[]), Dialect::Php);
        assert_eq!(
            page("", &[(1, "Org.OpenAPITools.Model.Pet")], &[]),
            Dialect::Csharp
        );
        // `A::B` over a bare table is R; Ruby 7 pipes its tables.
        assert_eq!(page("", &[(1, "Petstore::Pet")], &["String"]), Dialect::R);
        assert_eq!(
            page(
                "",
                &[(1, "SwaggerClient::Pet")],
                &["Array<String>", "BOOLEAN"]
            ),
            Dialect::Ruby,
            "swagger-codegen's Ruby: a bare table of Ruby's words"
        );
        assert_eq!(page("", &[(1, "petstore.model.Pet")], &[]), Dialect::Dart);
        assert_eq!(
            page("", &[(1, "OpenApiPetstore.Pet")], &[]),
            Dialect::Javascript
        );
        assert_eq!(page("", &[(1, "Pet")], &["Pointer to string"]), Dialect::Go);
        assert_eq!(
            page("", &[(1, "Pet")], &["Option<Vec<String>>"]),
            Dialect::Rust
        );
        assert_eq!(
            page("", &[(1, "Pet")], &["str", "int", "bool"]),
            Dialect::Python
        );
        assert_eq!(page("", &[(1, "Pet")], &["Int", "Bool"]), Dialect::Swift);
        assert_eq!(
            page("", &[(1, "Pet")], &["Long", "OffsetDateTime"]),
            Dialect::Java
        );
        assert_eq!(page("", &[(1, "Pet")], &[]), Dialect::Java);
    }

    #[test]
    fn a_mark_starts_a_word() {
        assert_eq!(page("", &[(1, "Pet")], &["list[str]"]), Dialect::Python);
        assert!(!detection("", &[(1, "Pet")], &["Playlist[]"]).marked);
    }

    #[test]
    fn only_marks_make_a_page_sure_of_its_dialect() {
        assert!(detection("", &[(1, "Pet")], &["Pointer to string"]).marked);
        assert!(detection("", &[(1, "# Pet")], &[]).marked);
        assert!(!detection("", &[(1, "Pet")], &["Int", "Bool"]).marked);
        assert!(!detection("", &[(1, "Pet")], &[]).marked);
    }
}

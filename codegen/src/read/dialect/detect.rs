//! Telling a page's dialect from the page itself, by the cheap signals of
//! `dialects.md` §5, strongest first: headings, table shape, distinctive type
//! spellings, notes, trailing sections; then, for pages with none of those,
//! which vocabulary knows most of its type words. Never the file name.

use crate::ir::Dialect;

use super::Marks;

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
    let marked = first_marked(|marks| marks.heading.is_some_and(|shows| shows(signals)))
        .or_else(|| first_marked(|marks| marks.shape.is_some_and(|shows| shows(signals))))
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
        dialect: best_known(&known_words)
            .or_else(|| first_marked(|marks| marks.fallback.is_some_and(|holds| holds(signals))))
            .unwrap_or(LAST_RESORT),
        marked: false,
        known_words,
    }
}

/// The dialect of a page that shows nothing of itself: Java writes the
/// plainest pages.
const LAST_RESORT: Dialect = Dialect::Java;

/// The first dialect, in declaration order, whose marks pass `shows`.
fn first_marked(shows: impl Fn(&Marks) -> bool) -> Option<Dialect> {
    Dialect::ALL
        .iter()
        .copied()
        .find(|d| shows(&d.spec().marks))
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

impl<'a> Signals<'a> {
    /// The first level-1 heading's text.
    pub fn title(&self) -> &'a str {
        self.headings
            .iter()
            .find(|(level, _)| *level == 1)
            .map_or("", |(_, t)| *t)
    }

    /// Whether any heading passes `test`.
    pub fn any_heading(&self, test: impl Fn(&str) -> bool) -> bool {
        self.headings.iter().any(|(_, t)| test(t))
    }

    /// Whether any type cell holds one of `words` where a word starts.
    pub fn any_type_mark(&self, words: &[&str]) -> bool {
        self.type_cells
            .iter()
            .any(|t| words.iter().any(|w| has_mark(t, w)))
    }

    /// Whether the properties table's header starts with a pipe and a space.
    pub fn fully_piped(&self) -> bool {
        self.header
            .is_some_and(|(header, _)| header.trim_start().starts_with("| "))
    }

    /// Whether the properties table's header has no leading pipe.
    pub fn bare_table(&self) -> bool {
        self.header
            .is_some_and(|(header, _)| !header.trim_start().starts_with('|'))
    }

    /// The properties table's separator line without whitespace.
    pub fn compact_separator(&self) -> Option<String> {
        let (_, separator) = self.header?;
        Some(separator.chars().filter(|c| !c.is_whitespace()).collect())
    }
}

/// The long separator between pipes (Java 7, Kotlin, Genesys Java), without whitespace.
pub const LONG_SEPARATOR: &str = "|------------|-------------|-------------|-------------|";

/// Distinctive type spellings, then notes, sections, code languages and text.
fn by_marks(signals: &Signals<'_>) -> Option<Dialect> {
    first_marked(|marks| signals.any_type_mark(marks.types))
        .or_else(|| {
            first_marked(|marks| {
                marks
                    .notes
                    .iter()
                    .any(|mark| signals.notes_cells.iter().any(|n| n.contains(mark)))
            })
        })
        .or_else(|| {
            first_marked(|marks| {
                marks
                    .sections
                    .iter()
                    .any(|mark| signals.headings.iter().any(|(l, t)| *l >= 2 && t == mark))
            })
        })
        .or_else(|| {
            first_marked(|marks| {
                marks
                    .code
                    .iter()
                    .any(|mark| signals.code_langs.contains(mark))
            })
        })
        .or_else(|| first_marked(|marks| marks.text.iter().any(|mark| signals.text.contains(mark))))
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

/// How many of the page's type words each dialect's vocabulary knows (the
/// dialects told only by their headings know none here).
fn known_words(signals: &Signals<'_>) -> KnownWords {
    let words: Vec<&str> = signals
        .type_cells
        .iter()
        .flat_map(|t| t.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '_')))
        .filter(|w| !w.is_empty())
        .collect();
    let mut known = [0; Dialect::ALL.len()];
    for (count, &dialect) in known.iter_mut().zip(Dialect::ALL) {
        let spec = dialect.spec();
        if !spec.marks.by_words {
            continue;
        }
        let vocabulary = &spec.vocabulary;
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
        // `A::B` over R's words is R, over Ruby's words Ruby; over neither,
        // the folder decides.
        assert_eq!(
            page("", &[(1, "Petstore::Pet")], &["character"]),
            Dialect::R
        );
        assert!(!detection("", &[(1, "Petstore::Pet")], &["Tag"]).marked);
        assert_eq!(
            page("", &[(1, "SwaggerClient::Pet")], &["String"]),
            Dialect::Ruby,
            "swagger-codegen's Ruby"
        );
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

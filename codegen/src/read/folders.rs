//! One dialect per folder. The pages of a folder almost always come from one
//! generator run, so the folder's dialect is decided from the evidence of all
//! its pages: the dialect most of its marked pages show (or, in a folder
//! without marks, the one whose vocabulary knows most of the type words of
//! all its pages). A page keeps a dialect of
//! its own only on a mark of its own; the others are read in the folder's.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::ir::{Dialect, Primitive, SourceRef, TypeExpr, WireNameRule};
use crate::settings::{Resolved, WireCase};

use super::dialect::detect::{KnownWords, best_known};
use super::dialect::wire;
use super::{Declared, Detection, PageProperty};

/// The dialect a folder's pages were read in, and how sure that was.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FolderDialect {
    /// The folder, as its pages' paths name it (`.` for bare file names).
    pub folder: String,
    /// The folder's dialect.
    pub dialect: Dialect,
    /// Model pages whose dialect was detected (pages given a dialect by an
    /// override are not counted).
    pub pages: usize,
    /// Pages with a mark of `dialect`.
    pub marked: usize,
    /// Pages without a mark of any dialect, read in `dialect`.
    pub unmarked: usize,
    /// Pages with a mark of another dialect, each read in its own.
    pub other: usize,
    /// The wire case the folder was read in because its pages show JSON
    /// names in it (Kotlin's enum headings), where no `wire_case` is
    /// configured and it is not the dialect's default.
    pub shown_wire_case: Option<WireCase>,
}

impl FolderDialect {
    /// The share of the folder's pages that carry a mark of its dialect.
    pub fn certainty(&self) -> f64 {
        if self.pages == 0 {
            return 0.0;
        }
        self.marked as f64 / self.pages as f64
    }
}

/// The folder of a page path.
pub(crate) fn folder_of(path: &str) -> String {
    match Path::new(path).parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.display().to_string(),
        _ => ".".to_string(),
    }
}

/// The dialect of each folder, by folder, from the detections of its pages.
pub(crate) fn folder_dialects<'p>(
    pages: impl IntoIterator<Item = (&'p str, Detection)>,
) -> Vec<FolderDialect> {
    let mut by_folder: BTreeMap<String, Vec<Detection>> = BTreeMap::new();
    for (path, detection) in pages {
        by_folder
            .entry(folder_of(path))
            .or_default()
            .push(detection);
    }
    by_folder
        .into_iter()
        .map(|(folder, detections)| decide(folder, &detections))
        .collect()
}

/// The dialect of one folder: the most common among marked pages; without
/// marks, the one that knows most of the folder's type words; without those,
/// the most common guess. A tie goes to the dialect declared first, so that
/// the outcome does not depend on page order.
fn decide(folder: String, detections: &[Detection]) -> FolderDialect {
    let dialect = most_common(detections.iter().filter(|d| d.marked))
        .or_else(|| {
            let mut known: KnownWords = [0; Dialect::ALL.len()];
            for detection in detections {
                for (sum, count) in known.iter_mut().zip(detection.known_words) {
                    *sum += count;
                }
            }
            best_known(&known)
        })
        .or_else(|| most_common(detections.iter()))
        .unwrap_or(Dialect::Java);
    let marked_as = |same: bool| {
        detections
            .iter()
            .filter(|d| d.marked && (d.dialect == dialect) == same)
            .count()
    };
    FolderDialect {
        folder,
        dialect,
        pages: detections.len(),
        marked: marked_as(true),
        unmarked: detections.iter().filter(|d| !d.marked).count(),
        other: marked_as(false),
        shown_wire_case: None,
    }
}

/// The wire case a folder's pages show their JSON names in, where they show
/// some apart from the field names (Kotlin's enum headings) and no
/// `wire_case` is configured for the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShownCase {
    /// The case most shown names are in.
    pub case: WireCase,
    /// How many shown names it explains, of how many tell a case apart.
    pub agreeing: usize,
    /// Shown names of several words, which tell a case apart.
    pub telling: usize,
    /// The first shown name.
    pub first: SourceRef,
}

/// The cases shown names can be in, in the order a tie is broken.
fn cases() -> impl Iterator<Item = WireCase> {
    WireCase::NAMES.iter().map(|(case, _)| *case)
}

/// The folders whose shown wire names are, by a majority, in another case
/// than their dialect's default, and that case.
pub(crate) fn shown_cases<'d>(
    declared: impl IntoIterator<Item = &'d Declared>,
    settings: &Resolved,
) -> BTreeMap<String, ShownCase> {
    let mut folders: BTreeMap<String, Shown<'d>> = BTreeMap::new();
    for model in declared.into_iter().filter_map(|d| match d {
        Declared::Model(model) => Some(model),
        Declared::Enum(_) => None,
    }) {
        let Some(page) = model.sources.first() else {
            continue;
        };
        if settings.for_page(page).wire_case.is_some() {
            continue;
        }
        let telling = model
            .properties
            .iter()
            .filter(|p| p.wire_name_rule == WireNameRule::Shown && wire::words(&p.name).len() > 1);
        for property in telling {
            folders
                .entry(folder_of(page))
                .or_insert_with(|| Shown::new(model.dialect))
                .add(property);
        }
    }
    folders
        .into_iter()
        .filter_map(|(folder, shown)| Some((folder, shown.case()?)))
        .collect()
}

/// The shown wire names of one folder, tallied by the cases that explain them.
struct Shown<'d> {
    dialect: Dialect,
    /// Each case, in the order a tie is broken, with the names it explains.
    votes: Vec<(WireCase, usize)>,
    telling: usize,
    first: Option<&'d SourceRef>,
}

impl<'d> Shown<'d> {
    fn new(dialect: Dialect) -> Self {
        Shown {
            dialect,
            votes: cases().map(|case| (case, 0)).collect(),
            telling: 0,
            first: None,
        }
    }

    fn add(&mut self, property: &'d PageProperty) {
        for (case, votes) in &mut self.votes {
            *votes += usize::from(wire::convert(&property.name, *case) == property.wire_name);
        }
        self.telling += 1;
        let source = &property.source;
        self.first = Some(self.first.map_or(source, |first| first.min(source)));
    }

    /// The case most shown names are in, if that is a majority and the
    /// dialect's default does not explain as many (a tie keeps the default).
    fn case(self) -> Option<ShownCase> {
        // `rev`: of equal counts, `max_by_key` keeps the last, the first case.
        let &(case, agreeing) = self.votes.iter().rev().max_by_key(|(_, n)| *n)?;
        let default = self.dialect.spec().wire_case;
        let default_agrees = self
            .votes
            .iter()
            .any(|&(c, n)| c == default && n == agreeing);
        let first = self.first?.clone();
        (2 * agreeing > self.telling && !default_agrees).then_some(ShownCase {
            case,
            agreeing,
            telling: self.telling,
            first,
        })
    }
}

/// One note per folder read in the case its shown wire names are in.
pub(crate) fn shown_case_notes(shown: &BTreeMap<String, ShownCase>) -> Vec<Diagnostic> {
    shown
        .iter()
        .map(|(folder, shown)| {
            Diagnostic::at_line(
                Severity::Note,
                Code::ShownWireCase,
                &shown.first,
                format!(
                    "{folder}: field names are read as `{}` wire names: {} of the {} JSON names the pages show (in enum headings) are in that case",
                    shown.case, shown.agreeing, shown.telling
                ),
                "set `wire_case` to read this folder in another case",
            )
        })
        .collect()
}

/// A folder's wire names that follow from field names by a case rule.
#[derive(Default)]
struct Guessed<'d> {
    count: usize,
    of: usize,
    cases: BTreeSet<WireCase>,
    first: Option<&'d SourceRef>,
}

/// One note per folder whose wire names follow from field names by a case
/// rule: derived by it, or taken as written where the name has a case the
/// generator may have made (`autoAway` for `auto_away`). It says how many,
/// by which rule, and the setting that changes it, at the first such name.
pub(crate) fn wire_case_notes(
    declared: &[Declared],
    settings: &Resolved,
    shown: &BTreeMap<String, ShownCase>,
) -> Vec<Diagnostic> {
    let mut folders: BTreeMap<String, Guessed<'_>> = BTreeMap::new();
    for item in declared {
        let Declared::Model(model) = item else {
            continue;
        };
        let Some(page) = model.sources.first() else {
            continue;
        };
        let folder_name = folder_of(page);
        let case = shown
            .get(&folder_name)
            .map_or_else(|| settings.wire_case_of(page, model.dialect), |s| s.case);
        let folder = folders.entry(folder_name).or_default();
        let renames = model.dialect.spec().renames_fields;
        folder.of += model.properties.len();
        for property in model
            .properties
            .iter()
            .filter(|p| guessed(p, case, renames))
        {
            folder.count += 1;
            folder.cases.insert(case);
            let source = &property.source;
            folder.first = Some(folder.first.map_or(source, |first| first.min(source)));
        }
    }
    folders
        .into_iter()
        .filter_map(|(name, folder)| {
            let cases: Vec<String> = folder.cases.iter().map(|c| format!("`{c}`")).collect();
            Some(Diagnostic::at_line(
                Severity::Note,
                Code::DerivedWireNames,
                folder.first?,
                format!(
                    "{name}: {} of {} wire names follow from field names by the {} rule; the docs cannot confirm them",
                    folder.count,
                    folder.of,
                    cases.join(" and ")
                ),
                "if the API's JSON uses another case, set `wire_case` (docmodel.yaml, `--wire-case`, `Builder::wire_case`, `models!(…, wire_case = …)`); `docmodel check --derived` lists them",
            ))
        })
        .collect()
}

/// Whether a property's wire name is a guess: derived by the case rule, or
/// taken as written from a cased name of a dialect whose generator re-cases.
fn guessed(property: &PageProperty, case: WireCase, renames_fields: bool) -> bool {
    let cased = property.name.chars().skip(1).any(|c| c.is_uppercase());
    match property.wire_name_rule {
        WireNameRule::Derived => true,
        WireNameRule::AsWritten => case == WireCase::AsWritten && renames_fields && cased,
        _ => false,
    }
}

/// The dialect most of `detections` have, the first declared on a tie.
fn most_common<'d>(detections: impl Iterator<Item = &'d Detection>) -> Option<Dialect> {
    let mut votes: HashMap<Dialect, usize> = HashMap::new();
    for detection in detections {
        *votes.entry(detection.dialect).or_default() += 1;
    }
    votes
        .into_iter()
        .max_by(|(a, a_votes), (b, b_votes)| a_votes.cmp(b_votes).then(b.cmp(a)))
        .map(|(dialect, _)| dialect)
}

/// Settles the date-or-date-time types of the dialects that write one type
/// for both unless the folder writes dates apart
/// ([`Quirks::date_time_where_dates_apart`](super::dialect::Quirks)): in a
/// folder where such a dialect's pages type a property as a date, their
/// date-or-date-time types are date-times.
pub(crate) fn settle_date_times(declared: &mut [Declared]) {
    let models = || {
        declared.iter().filter_map(|d| match d {
            Declared::Model(model) if model.dialect.spec().quirks.date_time_where_dates_apart => {
                Some(model)
            }
            _ => None,
        })
    };
    let dates_apart: BTreeSet<(String, Dialect)> = models()
        .filter(|model| {
            model
                .types()
                .any(|ty| *ty.innermost() == TypeExpr::Primitive(Primitive::Date))
        })
        .filter_map(|model| Some((folder_of(model.sources.first()?), model.dialect)))
        .collect();
    if dates_apart.is_empty() {
        return;
    }
    for declared in declared.iter_mut() {
        let Declared::Model(model) = declared else {
            continue;
        };
        let folder = model.sources.first().map(|page| folder_of(page));
        if !folder.is_some_and(|f| dates_apart.contains(&(f, model.dialect))) {
            continue;
        }
        for ty in model.types_mut() {
            let inner = ty.innermost_mut();
            if *inner == TypeExpr::Primitive(Primitive::DateOrDateTime) {
                *inner = TypeExpr::Primitive(Primitive::DateTime);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(dialect: Dialect, marked: bool) -> Detection {
        let mut known_words = [0; Dialect::ALL.len()];
        if !marked {
            let index = Dialect::ALL.iter().position(|d| *d == dialect).unwrap();
            known_words[index] = 1;
        }
        Detection {
            dialect,
            marked,
            known_words,
        }
    }

    #[test]
    fn marked_pages_decide_and_unmarked_ones_follow() {
        let pages = [
            ("docs/A.md", seen(Dialect::Kotlin, true)),
            ("docs/B.md", seen(Dialect::Java, false)),
            ("docs/C.md", seen(Dialect::Kotlin, true)),
            ("docs/D.md", seen(Dialect::Go, true)),
            ("other/E.md", seen(Dialect::Swift, false)),
            ("F.md", seen(Dialect::Swift, false)),
        ];
        let folders = folder_dialects(pages);
        let docs = &folders[1];
        assert_eq!(
            (docs.folder.as_str(), docs.dialect),
            ("docs", Dialect::Kotlin)
        );
        assert_eq!(
            (docs.pages, docs.marked, docs.unmarked, docs.other),
            (4, 2, 1, 1)
        );
        assert_eq!(docs.certainty(), 0.5);
        assert_eq!(
            (folders[0].folder.as_str(), folders[0].dialect),
            (".", Dialect::Swift)
        );
        assert_eq!(
            folders[2].dialect,
            Dialect::Swift,
            "no marks: the type words decide"
        );
    }

    #[test]
    fn a_tie_does_not_depend_on_page_order() {
        let one = [
            ("d/A.md", seen(Dialect::Go, true)),
            ("d/B.md", seen(Dialect::Java, true)),
        ];
        let mut other = one;
        other.reverse();
        assert_eq!(folder_dialects(one)[0].dialect, Dialect::Java);
        assert_eq!(folder_dialects(other)[0].dialect, Dialect::Java);
    }
}

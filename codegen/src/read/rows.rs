//! Property rows: assigning a row's cells to the header's columns, even when
//! unescaped pipes split a cell.

use super::cells::{Cell, plain_text, strip_html_noise};

/// The columns of a property table, by position in its header.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Columns {
    /// How many columns the header has.
    pub count: usize,
    /// Whether the header has a Description column.
    pub description: bool,
    /// Whether the header has a Notes column (the last one).
    pub notes: bool,
}

impl Columns {
    /// Reads a header row; `None` unless it starts with `Name | Type`.
    pub fn from_header(cells: &[Cell<'_>]) -> Option<Columns> {
        let titles: Vec<String> = cells
            .iter()
            .map(|c| plain_text(c.raw).to_lowercase())
            .collect();
        let starts_right = titles.len() >= 2 && titles[0] == "name" && titles[1] == "type";
        starts_right.then(|| Columns {
            count: titles.len(),
            description: titles.iter().any(|t| t == "description"),
            notes: titles.last().is_some_and(|t| t == "notes"),
        })
    }
}

/// A row's cells, one per column, as source spans (several raw cells joined
/// where unescaped pipes split one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowCells<'a> {
    /// The Name cell.
    pub name: Cell<'a>,
    /// The Type cell.
    pub ty: Cell<'a>,
    /// The Description cell, if the table has one and the row fills it.
    pub description: Option<Cell<'a>>,
    /// The Notes cell, if the table has one and the row fills it.
    pub notes: Option<Cell<'a>>,
    /// How many raw cells had to be joined back (0 for a regular row).
    pub rejoined: usize,
}

/// Assigns the raw cells of a row to `columns`. Unescaped `|` in a type
/// (inside `<…>`, `[…]` or bold) stays in the type; other extra cells belong
/// to the description, and the Notes cell is always the last one.
pub fn assign<'a>(text: &'a str, cells: &[Cell<'a>], columns: Columns) -> Option<RowCells<'a>> {
    if cells.len() < 2 {
        return None;
    }
    if cells.len() <= columns.count {
        return Some(RowCells {
            name: cells[0].clone(),
            ty: cells[1].clone(),
            description: columns.description.then(|| cells.get(2).cloned()).flatten(),
            notes: columns
                .notes
                .then(|| cells.get(columns.count - 1).cloned())
                .flatten(),
            rejoined: 0,
        });
    }
    let (name, rest) = cells.split_first()?;
    let type_len = balanced_prefix(rest)?;
    let (ty_cells, rest) = rest.split_at(type_len);
    let (notes, description_cells) = match notes_start(rest, columns) {
        Some(start) => (Some(join(text, &rest[start..])), &rest[..start]),
        None => (None, rest),
    };
    let description = (columns.description && !description_cells.is_empty())
        .then(|| join(text, description_cells));
    Some(RowCells {
        name: name.clone(),
        ty: join(text, ty_cells),
        description,
        notes,
        rejoined: cells.len() - columns.count,
    })
}

/// Where the Notes cell starts among the cells after the type: at the first
/// cell (after the Description's first) that opens with a note, so that an
/// unescaped `|` inside a note (`[default to "(|(a=b))"]`) stays in it;
/// otherwise the Notes cell is the last one.
fn notes_start(cells: &[Cell<'_>], columns: Columns) -> Option<usize> {
    if !columns.notes || cells.is_empty() {
        return None;
    }
    const OPENERS: &[&str] = &["[optional]", "[readonly]", "[default to ", "[one of"];
    let first = usize::from(columns.description).min(cells.len() - 1);
    let opens_a_note = |cell: &Cell<'_>| {
        let trimmed = cell.raw.trim_start();
        OPENERS.iter().any(|o| trimmed.starts_with(o))
    };
    (first..cells.len())
        .find(|&i| opens_a_note(&cells[i]))
        .or(Some(cells.len() - 1))
}

/// One cell spanning `cells` (which are adjacent), pipes between them included.
fn join<'a>(text: &'a str, cells: &[Cell<'a>]) -> Cell<'a> {
    let span = cells[0].span.start..cells[cells.len() - 1].span.end;
    Cell {
        raw: &text[span.clone()],
        span,
    }
}

/// The fewest leading cells that, joined, make a type whose angle, square
/// and curly brackets and bold markers are all closed. Counted cell by cell
/// (no entity, tag or comment spans a `|`), so a row costs time linear in
/// its length.
fn balanced_prefix(cells: &[Cell<'_>]) -> Option<usize> {
    // Opened less closed angle, square and curly brackets; bold markers.
    let (mut angle, mut square, mut curly, mut bold) = (0i64, 0i64, 0i64, 0usize);
    for (n, cell) in cells.iter().enumerate() {
        let cleaned = strip_html_noise(cell.raw);
        let decoded = html_escape::decode_html_entities(&cleaned);
        let count = |c: char| decoded.matches(c).count() as i64;
        angle += count('<') - count('>');
        square += count('[') - count(']');
        curly += count('{') - count('}');
        bold += decoded.matches("**").count();
        if (angle, square, curly) == (0, 0, 0) && bold.is_multiple_of(2) {
            return Some(n + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::cells::split_row;

    const FOUR: Columns = Columns {
        count: 4,
        description: true,
        notes: true,
    };

    fn assigned(row: &str) -> (String, String, String, String, usize) {
        let cells = split_row(row, 0..row.len());
        let got = assign(row, &cells, FOUR).unwrap();
        let text = |c: Option<Cell<'_>>| c.map_or(String::new(), |c| c.raw.to_string());
        (
            got.name.raw.to_string(),
            got.ty.raw.to_string(),
            text(got.description),
            text(got.notes),
            got.rejoined,
        )
    }

    #[test]
    fn extra_pipes_stay_in_the_description_and_notes_survive() {
        let (name, ty, description, notes, rejoined) = assigned(
            "| **H** | **string** | https://&lt;a&gt; | mailto:&lt;b&gt; | c | [optional] |",
        );
        assert_eq!((name.as_str(), ty.as_str()), ("**H**", "**string**"));
        assert_eq!(description, "https://&lt;a&gt; | mailto:&lt;b&gt; | c");
        assert_eq!((notes.as_str(), rejoined), ("[optional]", 2));
    }

    #[test]
    fn a_pipe_inside_a_note_stays_in_the_notes() {
        let (_, _, description, notes, rejoined) =
            assigned("**filter** | **String** |  | [optional] [default to \"(|(a=b))\"]");
        assert_eq!(description, "");
        assert_eq!(notes.trim(), "[optional] [default to \"(|(a=b))\"]");
        assert_eq!(rejoined, 1);
    }

    #[test]
    fn pipes_inside_a_type_stay_in_the_type() {
        let (_, ty, description, notes, _) =
            assigned("|**n** | **Array&lt;object | null&gt;** | d |  [optional] |");
        assert_eq!(ty, "**Array&lt;object | null&gt;**");
        assert_eq!((description.as_str(), notes.as_str()), ("d", "[optional]"));
        let (_, ty, _, _, _) =
            assigned("|**m** | **{ [key: string]: Array&lt;A | B&gt;; }** | d |  [optional] |");
        assert_eq!(ty, "**{ [key: string]: Array&lt;A | B&gt;; }**");
    }
}

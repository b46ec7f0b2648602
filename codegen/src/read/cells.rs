//! Table cells taken from the source text of a row: splitting on unescaped
//! pipes, removing the docs sites' markup noise and decoding HTML entities.

use std::ops::Range;

/// One cell of a row: its raw source text and where it sits in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell<'a> {
    /// The cell's source text, trimmed.
    pub raw: &'a str,
    /// Byte range of `raw` in the page.
    pub span: Range<usize>,
}

/// Splits the row line at `line` of `text` into cells on pipes not escaped
/// with a backslash; the outer pipes (either or both may be missing) are dropped.
pub fn split_row(text: &str, line: Range<usize>) -> Vec<Cell<'_>> {
    let row = &text[line.clone()];
    let pipes: Vec<usize> = pipe_positions(row).collect();
    let starts = std::iter::once(0).chain(pipes.iter().map(|p| p + 1));
    let ends = pipes.iter().copied().chain(std::iter::once(row.len()));
    let mut cells: Vec<Cell<'_>> = starts
        .zip(ends)
        .map(|(start, end)| trimmed(text, line.start + start..line.start + end))
        .collect();
    if row.trim_start().starts_with('|') {
        cells.remove(0);
    }
    // A closing pipe is dropped only in piped rows: in a bare row
    // (`**n** | T | d | `) the empty text after the last pipe is an empty cell.
    let after_last_pipe = pipes.last().map(|p| &row[p + 1..]);
    let piped = row.trim_start().starts_with('|');
    if piped && after_last_pipe.is_some_and(|rest| rest.trim().is_empty()) {
        cells.pop();
    }
    cells
}

/// True when the line has at least one unescaped pipe: a real table row.
pub fn has_pipe(line: &str) -> bool {
    pipe_positions(line).next().is_some()
}

/// Byte positions of the pipes in `row` that no backslash escapes.
fn pipe_positions(row: &str) -> impl Iterator<Item = usize> + '_ {
    let mut escaped = false;
    row.char_indices().filter_map(move |(i, c)| {
        let is_separator = c == '|' && !escaped;
        escaped = c == '\\' && !escaped;
        is_separator.then_some(i)
    })
}

fn trimmed(text: &str, range: Range<usize>) -> Cell<'_> {
    let raw = &text[range.clone()];
    let start = range.start + (raw.len() - raw.trim_start().len());
    let end = start + raw.trim().len();
    Cell {
        raw: &text[start..end],
        span: start..end,
    }
}

/// The cell's text for people: HTML comments and anchors removed, `\|` unescaped,
/// entities decoded, whitespace trimmed. Markdown emphasis and links are kept.
pub fn plain_text(raw: &str) -> String {
    let without_markup = strip_html_noise(raw).replace("\\|", "|");
    html_escape::decode_html_entities(without_markup.trim()).into_owned()
}

/// Removes HTML comments (`<!---->`) and empty anchors (`<a name="X"></a>`),
/// which docs sites sprinkle into cells and which carry no content.
pub fn strip_html_noise(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    // Once a comment or a tag is found unclosed, none after it closes either:
    // the text is not searched again (linear time).
    let (mut comments_close, mut tags_close) = (true, true);
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let skip = if tail.starts_with("<!--") && comments_close {
            let end = tail.find("-->");
            comments_close = end.is_some();
            end.map(|end| end + 3)
        } else if (tail.starts_with("<a ") || tail.starts_with("</a>")) && tags_close {
            let end = tail.find('>');
            tags_close = end.is_some();
            end.map(|end| end + 1)
        } else {
            None
        };
        match skip {
            Some(len) => rest = &tail[len..],
            None => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A type cell taken apart: `[**List&lt;X&gt;**](X.md)` → text `List<X>`, link `X.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeCell {
    /// The type as written, markup removed and entities decoded.
    pub text: String,
    /// The link target, if the type was a link (`#StateEnum`, `Segment.html`, `X`).
    pub link: Option<String>,
}

/// Takes the markup off a type cell: an optional link around optional bold or code.
pub fn type_cell(raw: &str) -> TypeCell {
    let cleaned = strip_html_noise(raw);
    let cleaned = cleaned.trim();
    let (label, link) = match split_link(cleaned) {
        Some((label, link)) => (label, link),
        None => (cleaned, None),
    };
    let label = label
        .trim()
        .trim_matches('*')
        .trim_matches('`')
        .replace("\\|", "|");
    TypeCell {
        text: html_escape::decode_html_entities(label.trim()).into_owned(),
        link: link.map(str::to_string),
    }
}

/// Splits `[label](target)` or `[label]` into label and target.
fn split_link(text: &str) -> Option<(&str, Option<&str>)> {
    let inner = text.strip_prefix('[')?;
    let close = matching(inner, '[', ']')?;
    let label = &inner[..close];
    let after = inner[close + 1..].trim();
    if after.is_empty() {
        // `[**OffsetDateTime**]` is a link without a target; Swift's raw
        // `[Tag]` and `[String: Tag]` are types.
        return label.starts_with("**").then_some((label, None));
    }
    let target = after.strip_prefix('(')?;
    let end = matching(target, '(', ')')?;
    target[end + 1..]
        .trim()
        .is_empty()
        .then_some((label, Some(target[..end].trim())))
}

/// The index of the `close` that balances an already opened `open`.
fn matching(text: &str, open: char, close: char) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            if depth == 0 {
                return Some(i);
            }
            depth -= 1;
        }
    }
    None
}

/// The name cell's name: `**State**` → `State`, `` `id` `` → `id`.
pub fn name_cell(raw: &str) -> String {
    let text = plain_text(raw);
    text.trim_matches('*').trim_matches('`').trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(row: &str) -> Vec<&str> {
        split_row(row, 0..row.len())
            .into_iter()
            .map(|c| c.raw)
            .collect()
    }

    #[test]
    fn splits_with_and_without_outer_pipes() {
        assert_eq!(cells("| a | b |  [optional] |"), ["a", "b", "[optional]"]);
        assert_eq!(cells("|**a** | b | c|"), ["**a**", "b", "c"]);
        assert_eq!(cells("a | b | c"), ["a", "b", "c"]);
        assert_eq!(cells("| a | b | "), ["a", "b"]);
        assert_eq!(cells("**a** | b | c | "), ["**a**", "b", "c", ""]);
        assert_eq!(cells("| a | x \\| y | |"), ["a", "x \\| y", ""]);
    }

    #[test]
    fn type_cells_lose_markup_and_keep_links() {
        let cell = type_cell("<!----><!---->[**List&lt;Segment&gt;**](Segment.html)<!---->");
        assert_eq!(cell.text, "List<Segment>");
        assert_eq!(cell.link.as_deref(), Some("Segment.html"));
        let cell = type_cell("[**StateEnum**](#Enum--StateEnum)");
        assert_eq!(
            (cell.text.as_str(), cell.link.as_deref()),
            ("StateEnum", Some("#Enum--StateEnum"))
        );
        assert_eq!(type_cell("**bool?**").text, "bool?");
        assert_eq!(type_cell("[**OffsetDateTime**]").text, "OffsetDateTime");
        assert_eq!(type_cell("[String: [Tag]]").text, "[String: [Tag]]");
        assert_eq!(type_cell("[***Category**](Category.md)").text, "Category");
    }

    #[test]
    fn plain_text_decodes_entities_and_drops_noise() {
        assert_eq!(
            plain_text("<a name=\"x\"></a>the participant&#39;s &lt;url&gt; &#x60;a\\|b&#x60;"),
            "the participant's <url> `a|b`"
        );
        assert_eq!(name_cell("**disconnectType**"), "disconnectType");
    }
}

//! How the fuzzer changes a page: edits a hostile user (or a broken
//! generator) makes to Markdown model pages. Each edit keeps the text valid
//! UTF-8 and is a pure function of the random source, so a case is rebuilt
//! from its seed and number alone.

use fastrand::Rng;

/// Fragments that mean something to the reader: table syntax, type syntax,
/// notes, headings, encodings and characters that Rust treats specially.
const TOKENS: &[&str] = &[
    "|",
    "||",
    "\\|",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "**",
    "*",
    "[",
    "]",
    "(",
    ")",
    "](",
    "<",
    ">",
    "&lt;",
    "&gt;",
    "&amp;",
    "&#124;",
    "List&lt;",
    "Map&lt;String, ",
    "Array[",
    "{ [key: string]: ",
    "}",
    "Pointer to ",
    "Option<",
    "Vec<",
    "#",
    "# ",
    "## ",
    "`",
    "```\n",
    "<!-- x -->\n",
    "<!--",
    "-->",
    "[optional]",
    "[readonly]",
    "[default to ",
    "[default to null]",
    "[default to 0]",
    "[default to \"x\"]",
    "[default to true]",
    "[optional] [default to 12345678901234567890]",
    "[**Pet**](Pet.md)",
    "[**string**](string.md)",
    "nullable",
    "null",
    "\\",
    "\u{feff}",
    "\u{202e}",
    "\u{200b}",
    "\t",
    "\0",
    "é",
    "💥",
    "_",
    "-",
    "::",
    ".",
    "$",
    "0",
    "-1",
    "8",
    "NaN",
    "type",
    "self",
    "Self",
    "crate",
    "string",
    "String",
    "Object",
    "DateTime",
    "Integer",
    "Long",
    "Boolean",
    "enum",
    "Unknown",
    " | ---- | ---- | ",
    "| **id** | **Long** |  | [optional] |\n",
    "| **id** | **String** |  | [default to \"a\"] |\n",
    "## Enum: StatusEnum\n\n| Name | Value |\n| ---- | ----- |\n| LOW | \"low\" |\n| TWO | 2 |\n",
    "## Properties\n\n| Name | Type | Description | Notes |\n| ------------ | ------------- | ------------- | ------------- |\n",
    "---\ntitle: X\n---\n",
];

/// Names a heading may be given: keywords, names that are no Rust
/// identifier, names of primitives and of std types, names that collide
/// after case conversion.
const NAMES: &[&str] = &[
    "_2FA",
    "é8",
    "Foo_Bar",
    "FooBar",
    "string",
    "String",
    "Option",
    "Self",
    "self",
    "type",
    "r#type",
    "",
    " ",
    "2",
    "a::b",
    "Pet",
    "Pet Store",
    "💥",
    "Enum",
    "StatusEnum",
    "Unknown",
    "Vec",
    "Box",
    "Result",
    "serde",
    "std",
    "Default",
    "Value",
    "PetStore",
    "pet_store",
    "PET_STORE",
    "Callback",
    "Tag",
    "ListEnum",
    "\u{202e}Evil",
];

/// Wrappers a type cell can be nested in, opening and closing.
const WRAPPERS: &[(&str, &str)] = &[
    ("List&lt;", "&gt;"),
    ("Map&lt;String, ", "&gt;"),
    ("[", "]"),
    ("{ [key: string]: ", "; }"),
    ("Array[", "]"),
    ("Option<", ">"),
    ("Pointer to ", ""),
    ("[**", "**]"),
];

/// Nesting depths to try: around the limit of 64, and far beyond it.
const DEPTHS: &[usize] = &[1, 2, 3, 5, 10, 63, 64, 65, 100, 500, 3000];

/// Applies one random edit to `text`; `other` is another seed page, for
/// edits that splice pages together. Returns the edit's name.
pub fn mutate(rng: &mut Rng, text: &mut String, other: &str) -> &'static str {
    match rng.usize(..14) {
        0 => {
            let at = char_boundary(rng, text);
            text.insert_str(at, TOKENS[rng.usize(..TOKENS.len())]);
            "insert token"
        }
        1 => {
            let start = char_boundary(rng, text);
            let end = floor_boundary(text, start + rng.usize(1..=64));
            text.replace_range(start..end, "");
            "delete bytes"
        }
        2 => {
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            if let Some(&(at, c)) = chars.get(rng.usize(..chars.len().max(1))) {
                let by = TOKENS[rng.usize(..TOKENS.len())];
                text.replace_range(at..at + c.len_utf8(), by);
            }
            "replace a character"
        }
        3 => edit_lines(text, |lines| {
            let line = pick(rng, lines);
            let at = rng.usize(..=lines.len());
            lines.insert(at, line);
            "duplicate a line"
        }),
        4 => edit_lines(text, |lines| {
            if !lines.is_empty() {
                lines.remove(rng.usize(..lines.len()));
            }
            "delete a line"
        }),
        5 => edit_lines(text, |lines| {
            if !lines.is_empty() {
                let (a, b) = (rng.usize(..lines.len()), rng.usize(..lines.len()));
                lines.swap(a, b);
            }
            "swap two lines"
        }),
        6 => {
            let theirs: Vec<&str> = other.split_inclusive('\n').collect();
            let start = rng.usize(..theirs.len().max(1));
            let taken: Vec<String> = theirs
                .iter()
                .skip(start)
                .take(rng.usize(1..=10))
                .map(|l| (*l).to_string())
                .collect();
            edit_lines(text, |lines| {
                let at = rng.usize(..=lines.len());
                lines.splice(at..at, taken);
                "splice lines of another page"
            })
        }
        7 => edit_lines(text, |lines| replace_cell(rng, lines)),
        8 => rename_heading(rng, text, other),
        9 => edit_lines(text, |lines| nest_type(rng, lines)),
        10 => edit_lines(text, |lines| {
            if let Some(i) = row_index(rng, lines) {
                let copies = [2, 10, 100, 500][rng.usize(..4)];
                let row = lines[i].clone();
                lines.splice(i..i, std::iter::repeat_n(row, copies));
            }
            "repeat a row"
        }),
        11 => {
            *text = match rng.usize(..3) {
                0 => text.replace('\n', "\r\n"),
                1 => text.replace('\n', "\r"),
                _ => text.replace("\r\n", "\n"),
            };
            "change line endings"
        }
        12 => {
            text.insert(0, '\u{feff}');
            "add a byte-order mark"
        }
        _ => {
            let at = char_boundary(rng, text);
            text.truncate(at);
            "truncate"
        }
    }
}

/// Runs `edit` on the lines of `text` (each with its line ending) and joins
/// them again.
fn edit_lines(
    text: &mut String,
    edit: impl FnOnce(&mut Vec<String>) -> &'static str,
) -> &'static str {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    let name = edit(&mut lines);
    *text = lines.concat();
    name
}

/// A random line, or an empty one when there are none.
fn pick(rng: &mut Rng, lines: &[String]) -> String {
    lines
        .get(rng.usize(..lines.len().max(1)))
        .cloned()
        .unwrap_or_default()
}

/// The index of a random table row (a line with a `|` inside), if any.
fn row_index(rng: &mut Rng, lines: &[String]) -> Option<usize> {
    let rows: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].trim().trim_matches('|').contains('|'))
        .collect();
    rows.get(rng.usize(..rows.len().max(1))).copied()
}

/// Replaces one cell of a table row with a token or with a cell of another row.
fn replace_cell(rng: &mut Rng, lines: &mut [String]) -> &'static str {
    let (Some(row), Some(donor)) = (row_index(rng, lines), row_index(rng, lines)) else {
        return "replace a cell";
    };
    let donor_cells: Vec<String> = lines[donor].split('|').map(str::to_string).collect();
    let mut cells: Vec<String> = lines[row].split('|').map(str::to_string).collect();
    let at = rng.usize(..cells.len());
    cells[at] = if rng.bool() {
        format!(" {} ", TOKENS[rng.usize(..TOKENS.len())])
    } else {
        donor_cells[rng.usize(..donor_cells.len())].clone()
    };
    lines[row] = cells.join("|");
    "replace a cell"
}

/// Gives the page's first heading another name: one from [`NAMES`], or the
/// other page's.
fn rename_heading(rng: &mut Rng, text: &mut String, other: &str) -> &'static str {
    let name = if rng.bool() {
        NAMES[rng.usize(..NAMES.len())].to_string()
    } else {
        heading_name(other).unwrap_or_default().to_string()
    };
    edit_lines(text, |lines| {
        if let Some(line) = lines.iter_mut().find(|l| l.starts_with('#')) {
            let level = line.chars().take_while(|&c| c == '#').count();
            *line = format!("{} {name}\n", "#".repeat(level));
        }
        "rename the heading"
    })
}

/// The name of the first heading of `text`.
fn heading_name(text: &str) -> Option<&str> {
    text.lines()
        .find(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim())
}

/// Wraps the type cell (the second cell) of a random row in a wrapper, to a
/// random depth.
fn nest_type(rng: &mut Rng, lines: &mut [String]) -> &'static str {
    let Some(row) = row_index(rng, lines) else {
        return "nest a type";
    };
    let mut cells: Vec<String> = lines[row].split('|').map(str::to_string).collect();
    let at = if cells[0].trim().is_empty() { 2 } else { 1 };
    if let Some(cell) = cells.get_mut(at) {
        let (open, close) = WRAPPERS[rng.usize(..WRAPPERS.len())];
        let depth = DEPTHS[rng.usize(..DEPTHS.len())];
        *cell = format!(
            " {}{}{} ",
            open.repeat(depth),
            cell.trim(),
            close.repeat(depth)
        );
    }
    lines[row] = cells.join("|");
    "nest a type"
}

/// A random character boundary of `text` (its end included).
fn char_boundary(rng: &mut Rng, text: &str) -> usize {
    floor_boundary(text, rng.usize(..=text.len()))
}

/// The last character boundary of `text` at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_edit_is_made_and_is_repeatable() {
        let page = "# Pet\n\n## Properties\n\n| Name | Type | Description | Notes |\n| ---- | ---- | ---- | ---- |\n| **id** | **Long** | é | [optional] |\n";
        let run = |seed| {
            let mut rng = Rng::with_seed(seed);
            let mut text = page.to_string();
            let name = mutate(&mut rng, &mut text, "# Other\n| a | b |\n");
            (name, text)
        };
        let mut made = std::collections::BTreeSet::new();
        for seed in 0..2_000 {
            let (name, text) = run(seed);
            assert_eq!((name, &text), (run(seed).0, &run(seed).1), "seed {seed}");
            made.insert(name);
        }
        assert_eq!(made.len(), 14, "{made:?}");
    }
}

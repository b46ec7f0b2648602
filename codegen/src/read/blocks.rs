//! The block structure of a page, found with pulldown-cmark: front matter,
//! headings, paragraphs and tables, each with its byte range in the source.
//!
//! Table rows are kept as source ranges, not as parsed cells: GFM drops cells
//! beyond the header's count, and the reader needs every one of them.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A block of a page, in source order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// YAML front matter between `---` lines (its inner text).
    FrontMatter {
        /// The YAML text.
        yaml: String,
        /// Byte range of the whole block.
        range: Range<usize>,
    },
    /// A heading, with its rendered text (entities decoded, markup dropped).
    Heading {
        /// 1 to 6.
        level: u8,
        /// The heading's text.
        text: String,
        /// Byte range of the heading line.
        range: Range<usize>,
    },
    /// A paragraph, as its source range.
    Paragraph {
        /// Byte range of the paragraph.
        range: Range<usize>,
    },
    /// A table: its header line and each body line, as source ranges of whole lines.
    Table {
        /// Byte range of the header line.
        header: Range<usize>,
        /// Byte ranges of the body lines, in order.
        rows: Vec<Range<usize>>,
    },
}

/// Splits `text` into blocks.
pub fn blocks(text: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut blocks = Vec::new();
    let mut heading: Option<(u8, String, Range<usize>)> = None;
    let mut front_matter: Option<(String, Range<usize>)> = None;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => front_matter = Some((String::new(), range)),
            Event::End(TagEnd::MetadataBlock(_)) => {
                if let Some((yaml, range)) = front_matter.take() {
                    blocks.push(Block::FrontMatter { yaml, range });
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, String::new(), range))
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text, range)) = heading.take() {
                    let text = text.trim().to_string();
                    blocks.push(Block::Heading { level, text, range });
                }
            }
            Event::Text(piece) | Event::Code(piece) => {
                if let Some((_, text, _)) = heading.as_mut() {
                    text.push_str(&piece);
                } else if let Some((yaml, _)) = front_matter.as_mut() {
                    yaml.push_str(&piece);
                }
            }
            Event::Start(Tag::Paragraph) if heading.is_none() => {
                blocks.push(Block::Paragraph { range })
            }
            Event::Start(Tag::TableHead) => blocks.push(Block::Table {
                header: whole_line(text, range.start),
                rows: Vec::new(),
            }),
            Event::Start(Tag::TableRow) => {
                if let Some(Block::Table { rows, .. }) = blocks.last_mut() {
                    rows.push(whole_line(text, range.start));
                }
            }
            _ => {}
        }
    }
    blocks
}

/// The byte range of the line holding `offset`, without its line break.
fn whole_line(text: &str, offset: usize) -> Range<usize> {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let end = if text[..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_front_matter_headings_and_every_row_line() {
        let text = "---\ntitle: X\n---\n## X\n\n|Name | Type|\n|--|--|\n| a | b | c | d |\n{: class=\"t\"}\n";
        let found = blocks(text);
        assert!(matches!(&found[0], Block::FrontMatter { yaml, .. } if yaml.contains("title: X")));
        assert!(matches!(&found[1], Block::Heading { level: 2, text, .. } if text == "X"));
        let Block::Table { header, rows } = &found[2] else {
            panic!("no table in {found:?}")
        };
        assert_eq!(&text[header.clone()], "|Name | Type|");
        let lines: Vec<&str> = rows.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(lines, ["| a | b | c | d |", "{: class=\"t\"}"]);
    }
}

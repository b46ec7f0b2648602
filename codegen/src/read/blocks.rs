//! The block structure of a page, found with pulldown-cmark: front matter,
//! headings, paragraphs and tables, each with its byte range in the source.
//!
//! Table rows are kept as source ranges, not as parsed cells: GFM drops cells
//! beyond the header's count, and the reader needs every one of them.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

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
    /// A list item (bullet or numbered), as the source range of its text.
    Item {
        /// Byte range of the item.
        range: Range<usize>,
    },
    /// A fenced or indented code block.
    Code {
        /// The fence's info string (`ruby`, `python`), empty when indented.
        lang: String,
        /// Byte range of the block's content.
        range: Range<usize>,
    },
    /// An HTML anchor (`<a id="X"></a>` or `<a name="X"></a>`) outside tables.
    Anchor {
        /// The anchor's id.
        id: String,
    },
}

/// Splits `text` into blocks.
pub fn blocks(text: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut blocks = Vec::new();
    let mut heading: Option<(u8, String, Range<usize>)> = None;
    let mut front_matter: Option<(String, Range<usize>)> = None;
    let mut code: Option<(String, Option<Range<usize>>)> = None;
    // Python pages quote the model's import path under the heading
    // (`> vendor.models.card`): quoted paragraphs are no description.
    let mut quote_depth = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
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
            Event::Text(_) if code.is_some() => {
                if let Some((_, content)) = code.as_mut() {
                    let start = content.as_ref().map_or(range.start, |r| r.start);
                    *content = Some(start..range.end);
                }
            }
            Event::Text(piece) | Event::Code(piece) => {
                if let Some((_, text, _)) = heading.as_mut() {
                    text.push_str(&piece);
                } else if let Some((yaml, _)) = front_matter.as_mut() {
                    yaml.push_str(&piece);
                }
            }
            Event::Start(Tag::Paragraph) if heading.is_none() && quote_depth == 0 => {
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
            Event::Start(Tag::Item) => blocks.push(Block::Item { range }),
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.trim().to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, None));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, content)) = code.take() {
                    let range = content.unwrap_or(0..0);
                    blocks.push(Block::Code { lang, range });
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(id) = anchor_id(&html) {
                    blocks.push(Block::Anchor { id });
                }
            }
            _ => {}
        }
    }
    blocks
}

/// The id of an `<a id="X">` or `<a name="X">` tag.
fn anchor_id(html: &str) -> Option<String> {
    let html = html.trim();
    let rest = html.strip_prefix("<a ")?;
    let (_, after) = rest
        .split_once("id=\"")
        .or_else(|| rest.split_once("name=\""))?;
    let (id, _) = after.split_once('"')?;
    Some(html_escape::decode_html_entities(id).into_owned())
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

//! Descriptions → doc comments that rustdoc renders as text: no accidental
//! HTML, intra-doc links, bare-URL warnings or doc tests.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::Model;

/// `#[doc]` attributes for `paragraphs`, one per line, blank lines between paragraphs.
pub fn attributes<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> TokenStream {
    let mut lines: Vec<String> = Vec::new();
    for paragraph in paragraphs {
        let text = safe_markdown(paragraph);
        if text.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(text);
    }
    let lines = lines.iter().map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        }
    });
    quote! { #( #[doc = #lines] )* }
}

/// A model's docs: its description, then `lead` and the pages it was read from.
pub fn model_attributes(model: &Model, lead: &str) -> TokenStream {
    let sources = model
        .sources
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let read_from = format!("{lead}Read from {sources}.");
    attributes(
        model
            .description
            .iter()
            .map(String::as_str)
            .chain([read_from.as_str()]),
    )
}

/// One paragraph of docs text made safe for rustdoc, on one line: whitespace
/// collapsed (no indented code blocks), `<`/`>` as entities, `[`/`]` escaped,
/// URLs as autolinks, text-direction controls as their escapes; code spans
/// are left as they are.
pub fn safe_markdown(text: &str) -> String {
    let collapsed = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| match c {
            // Text-direction controls, which rustc denies in comments, are
            // written as their escapes.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => c.escape_unicode().to_string(),
            other => other.to_string(),
        })
        .collect::<String>();
    let mut out = String::with_capacity(collapsed.len() + 16);
    if collapsed.starts_with('#') {
        // Not a heading.
        out.push('\\');
    }
    let mut rest = collapsed.as_str();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('`') {
            match after.find('`') {
                Some(end) if end > 0 => {
                    out.push_str(&rest[..end + 2]);
                    rest = &after[end + 1..];
                }
                _ => {
                    out.push_str("\\`");
                    rest = after;
                }
            }
        } else if let Some(len) = url_length(rest) {
            out.push('<');
            out.push_str(&rest[..len]);
            out.push('>');
            rest = &rest[len..];
        } else {
            let c = rest.chars().next().unwrap_or_default();
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '[' | ']' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The length of a URL at the start of `text` that can be an autolink.
fn url_length(text: &str) -> Option<usize> {
    if !(text.starts_with("https://") || text.starts_with("http://")) {
        return None;
    }
    let end = text
        .find(|c: char| c.is_whitespace() || "<>\"'`|[](){}\\".contains(c))
        .unwrap_or(text.len());
    let url = text[..end].trim_end_matches(['.', ',', ';', ':', '!', '?']);
    let has_host = url
        .split("://")
        .nth(1)
        .is_some_and(|rest| rest.contains('.') && !rest.starts_with('.'));
    has_host.then_some(url.len())
}

#[cfg(test)]
mod tests {

    #[test]
    fn text_direction_controls_are_escaped() {
        // Escaped, then the backslash escaped for Markdown: rustdoc shows `\u{202e}`.
        assert_eq!(
            safe_markdown("a\u{202e}b\u{2066}"),
            "a\\\\u{202e}b\\\\u{2066}"
        );
    }

    use super::*;

    #[test]
    fn text_that_looks_like_html_links_or_code_stays_text() {
        assert_eq!(
            safe_markdown("For example: yyyy-MM-ddTHH:mm:ss[.mmm]Z"),
            "For example: yyyy-MM-ddTHH:mm:ss\\[.mmm\\]Z"
        );
        assert_eq!(
            safe_markdown("https://<url link> | mailto:<e>"),
            "https://&lt;url link&gt; | mailto:&lt;e&gt;"
        );
        assert_eq!(
            safe_markdown("See https://example.com/a?b=1."),
            "See <https://example.com/a?b=1>."
        );
        assert_eq!(safe_markdown("a `<b>` c ` d"), "a `<b>` c \\` d");
        assert_eq!(safe_markdown("  x\n    y  "), "x y");
    }
}

//! Type cells (`List<Segment>`, `Dictionary<string, List<string>>`, `int?`,
//! `byte[]`) parsed into [`TypeExpr`] with a dialect's vocabulary.

use crate::ir::{Primitive, TypeExpr};

use super::dialect::Rules;

/// Parses the text of a type cell (markup already removed, entities decoded).
pub fn parse(text: &str, rules: &Rules) -> Result<TypeExpr, String> {
    let tokens = tokenize(text)?;
    let mut parser = Parser {
        tokens: &tokens,
        at: 0,
        rules,
    };
    let ty = parser.ty()?;
    match parser.peek() {
        None => Ok(ty),
        Some(token) => Err(format!("unexpected `{token}` after the type")),
    }
}

/// A token of a type: a (possibly dotted) name or one punctuation character.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token<'a> {
    Name(&'a str),
    Punct(char),
}

impl std::fmt::Display for Token<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Token::Name(name) => f.write_str(name),
            Token::Punct(c) => write!(f, "{c}"),
        }
    }
}

fn tokenize(text: &str) -> Result<Vec<Token<'_>>, String> {
    let is_name_char = |c: char| c.is_alphanumeric() || matches!(c, '_' | '.' | '$');
    let mut tokens = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
        } else if is_name_char(c) {
            let end = rest.find(|c| !is_name_char(c)).unwrap_or(rest.len());
            tokens.push(Token::Name(&rest[..end]));
            rest = &rest[end..];
        } else if "<>,?[]".contains(c) {
            tokens.push(Token::Punct(c));
            rest = &rest[1..];
        } else {
            return Err(format!("`{c}` cannot appear in a type"));
        }
    }
    if tokens.is_empty() {
        return Err("the type cell is empty".to_string());
    }
    Ok(tokens)
}

struct Parser<'t, 'a> {
    tokens: &'t [Token<'a>],
    at: usize,
    rules: &'t Rules,
}

impl<'a> Parser<'_, 'a> {
    fn peek(&self) -> Option<&Token<'a>> {
        self.tokens.get(self.at)
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(&Token::Punct(c));
        if found {
            self.at += 1;
        }
        found
    }

    /// `Name [<args>] [?] ([])*`
    fn ty(&mut self) -> Result<TypeExpr, String> {
        let name = match self.peek() {
            Some(Token::Name(name)) => *name,
            Some(token) => return Err(format!("expected a type name, found `{token}`")),
            None => return Err("expected a type name, found the end".to_string()),
        };
        self.at += 1;
        let mut args = Vec::new();
        if self.eat('<') {
            loop {
                args.push(self.ty()?);
                if self.eat('>') {
                    break;
                }
                if !self.eat(',') {
                    return Err(format!("expected `,` or `>` in the arguments of `{name}`"));
                }
            }
        }
        self.eat('?');
        let mut ty = self.named(name, args)?;
        while self.eat('[') {
            if !self.eat(']') {
                return Err("expected `]` after `[`".to_string());
            }
            ty = match ty {
                TypeExpr::Model(ref byte) if byte == "byte" => {
                    TypeExpr::Primitive(Primitive::Binary)
                }
                other => TypeExpr::List(Box::new(other)),
            };
        }
        Ok(ty)
    }

    /// The meaning of `name<args>` in this dialect.
    fn named(&self, name: &str, mut args: Vec<TypeExpr>) -> Result<TypeExpr, String> {
        let rules = self.rules;
        let container = |names: &[&str]| names.contains(&name);
        match args.len() {
            0 => Ok(self.scalar(name)),
            1 if container(rules.lists) => Ok(TypeExpr::List(Box::new(args.remove(0)))),
            1 if container(rules.sets) => Ok(TypeExpr::Set(Box::new(args.remove(0)))),
            2 if container(rules.maps) => {
                if args[0] != TypeExpr::Primitive(Primitive::String) {
                    return Err(format!(
                        "`{name}` keys must be strings to be a JSON object, found `{}`",
                        args[0]
                    ));
                }
                Ok(TypeExpr::Map(Box::new(args.remove(1))))
            }
            n => Err(format!(
                "`{name}` with {n} type argument(s) is not a known container"
            )),
        }
    }

    /// A scalar of the vocabulary, or a model reference (by its last dotted segment).
    fn scalar(&self, name: &str) -> TypeExpr {
        match self.rules.scalars.iter().find(|(word, _)| *word == name) {
            Some((_, primitive)) => TypeExpr::Primitive(*primitive),
            None => TypeExpr::Model(name.rsplit('.').next().unwrap_or(name).to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Dialect;

    fn java(text: &str) -> String {
        parse(text, Rules::of(Dialect::GenesysJava))
            .unwrap()
            .to_string()
    }

    fn dotnet(text: &str) -> String {
        parse(text, Rules::of(Dialect::GenesysDotnet))
            .unwrap()
            .to_string()
    }

    #[test]
    fn java_vocabulary() {
        assert_eq!(java("List<String>"), "list<string>");
        assert_eq!(java("Map<String, List<Segment>>"), "map<list<Segment>>");
        assert_eq!(java("Set<UUID>"), "set<uuid>");
        assert_eq!(java("Date"), "datetime");
        assert_eq!(java("LocalDate"), "date");
        assert_eq!(java("BigDecimal"), "decimal");
        assert_eq!(java("byte[]"), "binary");
        assert_eq!(java("Object"), "any");
    }

    #[test]
    fn dotnet_vocabulary() {
        assert_eq!(dotnet("bool?"), "boolean");
        assert_eq!(dotnet("DateTime?"), "datetime");
        assert_eq!(dotnet("String"), "date");
        assert_eq!(
            dotnet("Dictionary<string, List<string>>"),
            "map<list<string>>"
        );
        assert_eq!(dotnet("List<int?>"), "list<int32>");
        assert_eq!(dotnet("PureCloudPlatform.Client.V2.Model.Action"), "Action");
        assert_eq!(dotnet("Guid?"), "uuid");
    }

    #[test]
    fn malformed_types_are_errors() {
        let rules = Rules::of(Dialect::GenesysDotnet);
        assert!(parse("List<string", rules).is_err());
        assert!(parse("Dictionary<int?, string>", rules).is_err());
        assert!(parse("", rules).is_err());
        assert!(parse("a b", rules).is_err());
        assert!(parse("Foo<string>", rules).is_err());
    }
}

//! Type cells parsed into [`TypeExpr`]. One grammar reads every dialect's
//! syntax; the dialect supplies only its words ([`Vocabulary`]):
//!
//! - generics `List<T>`, `Map<String, T>`, `List[T]`, `Dict[str, T]`, `dict(str, T)`
//! - brackets `[T]`, `[]T`, `T[]`, `[String: T]`, `{String: T}`, `{str: (T,)}`,
//!   `{ [key: string]: T; }`, `map[string]T`
//! - nullable forms `T?`, `T | null`, `str, none_type`, `Option<T>`, `NullableT`
//! - namespaced names `\Ns\Model\X`, `Org.Model.X`, `crate::models::X`, `*X`

use crate::ir::{MAX_TYPE_DEPTH, Primitive, TypeExpr};

use super::dialect::vocab::{NULL_WORDS, Vocabulary};

/// Parses the text of a type cell (markup already removed, entities decoded).
pub fn parse(text: &str, vocabulary: &Vocabulary) -> Result<TypeExpr, String> {
    let tokens = tokenize(text)?;
    let mut parser = Parser {
        tokens: &tokens,
        at: 0,
        depth: 0,
        vocabulary,
    };
    let ty = parser.alternatives()?.into_type()?;
    if let Some(token) = parser.peek() {
        return Err(format!("unexpected `{token}` after the type"));
    }
    if ty.depth() > MAX_TYPE_DEPTH {
        return Err(too_deep());
    }
    Ok(ty)
}

/// Why a type nested too deeply is not read.
fn too_deep() -> String {
    format!("it nests deeper than {MAX_TYPE_DEPTH} levels")
}

/// A token of a type: a name (with `.`, `::` or `\` paths) or one punctuation character.
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
    let is_name_char = |c: char| c.is_alphanumeric() || matches!(c, '_' | '.' | '$' | '\\');
    let mut tokens = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
        } else if is_name_char(c) || rest.starts_with("::") {
            let end = name_end(rest, is_name_char);
            tokens.push(Token::Name(&rest[..end]));
            rest = &rest[end..];
        } else if "<>,?[]{}():;|*".contains(c) {
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

/// The end of a name starting `rest`: name characters and `::` separators.
fn name_end(rest: &str, is_name_char: impl Fn(char) -> bool) -> usize {
    let mut end = 0;
    loop {
        if rest[end..].starts_with("::") {
            end += 2;
        } else if let Some(c) = rest[end..].chars().next().filter(|c| is_name_char(*c)) {
            end += c.len_utf8();
        } else {
            return end;
        }
    }
}

/// A member of a union or tuple: a type or JSON `null`.
enum Member {
    Null,
    Type(TypeExpr),
}

impl Member {
    fn into_type(self) -> Result<TypeExpr, String> {
        match self {
            Member::Type(ty) => Ok(ty),
            Member::Null => Err("a type cannot be only `null`".to_string()),
        }
    }
}

struct Parser<'t, 'a> {
    tokens: &'t [Token<'a>],
    at: usize,
    /// How many types enclose the one being read.
    depth: usize,
    vocabulary: &'t Vocabulary,
}

impl<'a> Parser<'_, 'a> {
    fn peek(&self) -> Option<&Token<'a>> {
        self.tokens.get(self.at)
    }

    fn peek_punct(&self, c: char) -> bool {
        self.peek() == Some(&Token::Punct(c))
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek_punct(c);
        if found {
            self.at += 1;
        }
        found
    }

    fn expect(&mut self, c: char, context: &str) -> Result<(), String> {
        if self.eat(c) {
            Ok(())
        } else {
            let found = self
                .peek()
                .map_or("the end".to_string(), |t| format!("`{t}`"));
            Err(format!("expected `{c}` {context}, found {found}"))
        }
    }

    fn name(&mut self) -> Result<&'a str, String> {
        match self.peek() {
            Some(Token::Name(name)) => {
                let name = *name;
                self.at += 1;
                Ok(name)
            }
            Some(token) => Err(format!("expected a type name, found `{token}`")),
            None => Err("expected a type name, found the end".to_string()),
        }
    }

    /// Python type tuples: `str, none_type`; several non-null members
    /// (`bool, date, …, str`) mean any JSON value. A trailing comma is allowed.
    fn alternatives(&mut self) -> Result<Member, String> {
        let mut members = vec![self.union()?];
        while self.eat(',') {
            if self.peek().is_none() || self.peek_punct(')') || self.peek_punct(']') {
                break;
            }
            members.push(self.union()?);
        }
        Ok(combine(members))
    }

    /// `T | null` (TypeScript); members are combined as in [`combine`].
    fn union(&mut self) -> Result<Member, String> {
        let mut members = vec![self.postfix()?];
        while self.eat('|') {
            members.push(self.postfix()?);
        }
        Ok(combine(members))
    }

    /// A primary type followed by `?` (nullable, unless the dialect marks
    /// every value type so) or `[]` (array; `byte[]` is binary).
    fn postfix(&mut self) -> Result<Member, String> {
        let mut member = self.primary()?;
        loop {
            if self.eat('?') {
                if !self.vocabulary.question_marks_value_types {
                    member = Member::Type(nullable(member.into_type()?));
                }
            } else if self.peek_punct('[')
                && self.tokens.get(self.at + 1) == Some(&Token::Punct(']'))
            {
                self.at += 2;
                member = Member::Type(match member.into_type()? {
                    TypeExpr::Model(byte) if byte == "byte" => {
                        TypeExpr::Primitive(Primitive::Binary)
                    }
                    other => TypeExpr::List(Box::new(other)),
                });
            } else {
                return Ok(member);
            }
        }
    }

    fn primary(&mut self) -> Result<Member, String> {
        if self.depth > MAX_TYPE_DEPTH {
            return Err(too_deep());
        }
        self.depth += 1;
        let member = self.enclosed();
        self.depth -= 1;
        member
    }

    /// A primary type inside the depth limit.
    fn enclosed(&mut self) -> Result<Member, String> {
        if self.eat('*') {
            return self.primary();
        }
        if self.eat('[') {
            return self.bracketed().map(Member::Type);
        }
        if self.eat('{') {
            return self.braced().map(Member::Type);
        }
        if self.eat('(') {
            let inner = self.alternatives()?;
            self.expect(')', "to close the tuple")?;
            return Ok(inner);
        }
        let name = self.name()?;
        if NULL_WORDS.contains(&name) {
            return Ok(Member::Null);
        }
        self.named_or_generic(name).map(Member::Type)
    }

    /// After `[`: Go's `[]T`, Swift's `[K: V]`, or a list `[T]`.
    fn bracketed(&mut self) -> Result<TypeExpr, String> {
        if self.eat(']') {
            let item = self.postfix()?.into_type()?;
            return Ok(TypeExpr::List(Box::new(item)));
        }
        let first = self.alternatives()?;
        if self.eat(':') {
            let key = first.into_type()?;
            let value = self.alternatives()?.into_type()?;
            self.expect(']', "to close the dictionary")?;
            return map_of(key, value, "[K: V]");
        }
        self.expect(']', "to close the list")?;
        Ok(TypeExpr::List(Box::new(first.into_type()?)))
    }

    /// After `{`: TypeScript's `{ [key: string]: T; }`, or `{K: V}` / `{str: (V,)}`.
    fn braced(&mut self) -> Result<TypeExpr, String> {
        let key = if self.eat('[') {
            self.name()?;
            self.expect(':', "after the index name")?;
            let key = self.postfix()?.into_type()?;
            self.expect(']', "to close the index signature")?;
            key
        } else {
            self.postfix()?.into_type()?
        };
        self.expect(':', "between key and value")?;
        let value = self.alternatives()?.into_type()?;
        self.eat(';');
        self.expect('}', "to close the object type")?;
        map_of(key, value, "{K: V}")
    }

    /// A name with its arguments: `Name<…>`, `Name[…]`, `dict(…)`, `map[K]V`, `interface{}`.
    fn named_or_generic(&mut self, name: &'a str) -> Result<TypeExpr, String> {
        if name == "interface" && self.eat('{') {
            self.expect('}', "after `interface{`")?;
            return Ok(TypeExpr::Primitive(Primitive::Any));
        }
        if name == "map" && self.peek_punct('[') {
            self.at += 1;
            let key = self.postfix()?.into_type()?;
            if self.eat(',') {
                // swagger-codegen PHP: `map[string,T]`.
                let value = self.union()?.into_type()?;
                self.expect(']', "after the map's value type")?;
                return map_of(key, value, "map[K,V]");
            }
            self.expect(']', "after the map's key type")?;
            let value = self.postfix()?.into_type()?;
            return map_of(key, value, "map[K]V");
        }
        let close = if self.eat('<') {
            Some('>')
        } else if self.peek_punct('(') && self.is_container(name) {
            self.at += 1;
            Some(')')
        } else if self.peek_punct('[') && self.tokens.get(self.at + 1) != Some(&Token::Punct(']')) {
            self.at += 1;
            Some(']')
        } else {
            None
        };
        let mut args = Vec::new();
        if let Some(close) = close {
            loop {
                args.push(self.union()?);
                if self.eat(close) {
                    break;
                }
                self.expect(',', &format!("or `{close}` in the arguments of `{name}`"))?;
            }
        }
        self.named(name, args)
    }

    fn is_container(&self, name: &str) -> bool {
        let v = self.vocabulary;
        v.lists.contains(&name) || v.sets.contains(&name) || v.maps.contains(&name)
    }

    /// The meaning of `name<args>` in this dialect.
    fn named(&self, name: &str, args: Vec<Member>) -> Result<TypeExpr, String> {
        let v = self.vocabulary;
        if v.unions.contains(&name) && !args.is_empty() {
            return combine(args).into_type();
        }
        let mut args = args
            .into_iter()
            .map(Member::into_type)
            .collect::<Result<Vec<_>, _>>()?;
        let is_scalar = v.scalars.iter().any(|(w, _)| *w == name);
        match args.len() {
            // A scalar's own parameters (`chrono::DateTime<FixedOffset>`) do not change its JSON.
            _ if is_scalar => Ok(self.scalar(name)),
            0 if v.any_lists.contains(&name) => Ok(TypeExpr::List(Box::new(TypeExpr::Primitive(
                Primitive::Any,
            )))),
            0 => Ok(self.scalar(name)),
            1 if v.nullables.contains(&name) => Ok(nullable(args.remove(0))),
            1 if v.lists.contains(&name) => Ok(TypeExpr::List(Box::new(args.remove(0)))),
            1 if v.sets.contains(&name) => Ok(TypeExpr::Set(Box::new(args.remove(0)))),
            1 if v.maps.contains(&name) => Ok(TypeExpr::Map(Box::new(args.remove(0)))),
            2 if v.maps.contains(&name) => {
                let value = args.remove(1);
                map_of(args.remove(0), value, name)
            }
            n => Err(format!(
                "`{name}` with {n} type argument(s) is not a known container"
            )),
        }
    }

    /// A scalar of the vocabulary, a nullable-prefixed scalar (`NullableString`),
    /// or a model reference by its last path segment.
    fn scalar(&self, name: &str) -> TypeExpr {
        let lookup = |word: &str| {
            self.vocabulary
                .scalars
                .iter()
                .find(|(w, _)| *w == word)
                .map(|(_, p)| TypeExpr::Primitive(*p))
        };
        if let Some(found) = lookup(name) {
            return found;
        }
        let prefixed = self
            .vocabulary
            .nullable_prefix
            .and_then(|p| name.strip_prefix(p));
        // `NullableString` is `string`, `NullableTime` is `time.Time`.
        let qualified = |rest: &str| {
            self.vocabulary
                .scalars
                .iter()
                .find(|(w, _)| w.rsplit('.').next() == Some(rest) && w.contains('.'))
                .map(|(_, p)| TypeExpr::Primitive(*p))
        };
        if let Some(found) = prefixed.and_then(|rest| {
            lookup(rest)
                .or_else(|| lookup(&rest.to_lowercase()))
                .or_else(|| qualified(rest))
        }) {
            return nullable(found);
        }
        TypeExpr::Model(self.vocabulary.unescape_model(model_name(name)).to_string())
    }
}

/// Combines union or tuple members: `null` makes the rest nullable, several
/// non-null members mean any JSON value.
fn combine(mut members: Vec<Member>) -> Member {
    if members.len() == 1 {
        return members.remove(0);
    }
    let has_null = members.iter().any(|m| matches!(m, Member::Null));
    let mut types: Vec<TypeExpr> = members
        .into_iter()
        .filter_map(|m| match m {
            Member::Type(ty) => Some(ty),
            Member::Null => None,
        })
        .collect();
    let ty = match types.len() {
        0 => return Member::Null,
        1 => types.remove(0),
        _ => TypeExpr::Primitive(Primitive::Any),
    };
    Member::Type(if has_null { nullable(ty) } else { ty })
}

fn nullable(ty: TypeExpr) -> TypeExpr {
    ty.into_nullable()
}

/// A JSON object type; its keys must be strings.
fn map_of(key: TypeExpr, value: TypeExpr, form: &str) -> Result<TypeExpr, String> {
    if key != TypeExpr::Primitive(Primitive::String) {
        return Err(format!(
            "`{form}` keys must be strings to be a JSON object, found `{key}`"
        ));
    }
    Ok(TypeExpr::Map(Box::new(value)))
}

/// The model name of a possibly namespaced name: the last segment after
/// `.`, `::` or `\`.
fn model_name(name: &str) -> &str {
    name.rsplit(['.', '\\', ':'])
        .find(|s| !s.is_empty())
        .unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Dialect;

    fn read(dialect: Dialect, text: &str) -> String {
        match parse(text, &dialect.spec().vocabulary) {
            Ok(ty) => ty.to_string(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn types_nested_beyond_the_limit_are_refused_not_overflowed() {
        let python = &Dialect::Python.spec().vocabulary;
        let nested = |depth: usize| format!("{}str{}", "List[".repeat(depth), "]".repeat(depth));
        assert!(parse(&nested(MAX_TYPE_DEPTH), python).is_ok());
        for depth in [MAX_TYPE_DEPTH + 1, 3_000] {
            let why = parse(&nested(depth), python).unwrap_err();
            assert!(why.contains("deeper than 64"), "{why}");
        }
        let go = &Dialect::Go.spec().vocabulary;
        assert!(parse(&format!("{}string", "[]".repeat(3_000)), go).is_err());
        let php = &Dialect::Php.spec().vocabulary;
        assert!(parse(&format!("int{}", "[]".repeat(3_000)), php).is_err());
    }

    #[test]
    fn genesys_vocabularies() {
        use Dialect::{GenesysDotnet as Net, GenesysJava as Java};
        assert_eq!(
            read(Java, "Map<String, List<Segment>>"),
            "map<list<Segment>>"
        );
        assert_eq!(read(Java, "Date"), "datetime");
        assert_eq!(read(Java, "byte[]"), "binary");
        // Every value type is `T?` there: the `?` is no nullability.
        assert_eq!(read(Net, "bool?"), "boolean");
        assert_eq!(read(Net, "String"), "date");
        assert_eq!(
            read(Net, "Dictionary<string, List<string>>"),
            "map<list<string>>"
        );
        assert_eq!(
            read(Net, "PureCloudPlatform.Client.V2.Model.Action"),
            "Action"
        );
    }

    #[test]
    fn every_container_syntax() {
        use Dialect::*;
        let cases = [
            (Java, "List<Map<String, Set<Tag>>>", "list<map<set<Tag>>>"),
            (Python, "list[Tag]", "list<Tag>"),
            (Python, "List[List[int]]", "list<list<int64>>"),
            (Python, "Dict[str, List[Tag]]", "map<list<Tag>>"),
            (Python, "dict(str, dict(str, str))", "map<map<string>>"),
            (PythonPrior, "[Tag]", "list<Tag>"),
            (PythonPrior, "{str: ([Tag],)}", "map<list<Tag>>"),
            (PythonPrior, "{str: ({str: (Data,)},)}", "map<map<Data>>"),
            (PythonPrior, "str, none_type", "nullable<string>"),
            (
                PythonPrior,
                "bool, date, datetime, dict, float, int, list, str, none_type",
                "any",
            ),
            (
                PythonPrior,
                "[{str: (bool, date, str,)}, none_type]",
                "list<nullable<map<any>>>",
            ),
            (Go, "[]Tag", "list<Tag>"),
            (Go, "[][]int32", "list<list<int32>>"),
            (Go, "map[string][]Tag", "map<list<Tag>>"),
            (Go, "map[string]interface{}", "map<any>"),
            (Php, "map[string,string]", "map<string>"),
            (Php, "map[string,\\Vendor\\Model\\Tag]", "map<Tag>"),
            (Python, "Union[int, str]", "any"),
            (Python, "Union[str, None]", "nullable<string>"),
            (Ruby, "Hash<String, Array<Tag>>", "map<list<Tag>>"),
            (Go, "NullableString", "nullable<string>"),
            (Go, "*os.File", "binary"),
            (Php, "\\OpenAPI\\Client\\Model\\Tag[]", "list<Tag>"),
            (
                Php,
                "array<string,\\Fastly\\Model\\Usage>[]",
                "list<map<Usage>>",
            ),
            (Javascript, "{String: [Tag]}", "map<list<Tag>>"),
            (
                Typescript,
                "{ [key: string]: Array<Tag>; }",
                "map<list<Tag>>",
            ),
            (Typescript, "Array<string | null>", "list<nullable<string>>"),
            (Swift, "[String: [Tag]]", "map<list<Tag>>"),
            (
                Kotlin,
                "kotlin.collections.Map<kotlin.String, kotlin.collections.List<Tag>>",
                "map<list<Tag>>",
            ),
            (Ruby, "Hash<String, Array<Tag>>", "map<list<Tag>>"),
            (Dart, "BuiltMap<String, BuiltList<Tag>>", "map<list<Tag>>"),
            (
                Rust,
                "std::collections::HashMap<String, Vec<models::Tag>>",
                "map<list<Tag>>",
            ),
            (Rust, "Option<crate::models::Tag>", "nullable<Tag>"),
            (Rust, "chrono::DateTime<chrono::FixedOffset>", "datetime"),
            (Swift, "[[String: String]]", "list<map<string>>"),
            (
                Csharp,
                "Dictionary<string, MapTest.InnerEnum>",
                "map<InnerEnum>",
            ),
            (Csharp, "List<long?>", "list<nullable<int64>>"),
        ];
        for (dialect, text, expected) in cases {
            assert_eq!(read(dialect, text), expected, "{dialect:?} {text}");
        }
    }

    #[test]
    fn malformed_types_are_errors() {
        let v = &Dialect::GenesysDotnet.spec().vocabulary;
        for bad in [
            "List<string",
            "Dictionary<int?, string>",
            "",
            "a b",
            "Foo<string>",
            "null",
            "[a: b]",
        ] {
            assert!(parse(bad, v).is_err(), "{bad}");
        }
    }
}

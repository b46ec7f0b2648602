//! What differs between docs dialects, as data: type vocabularies
//! ([`vocab`]), reserved-word escapes and wire names ([`wire`]), and the
//! signals that give a page's dialect away ([`detect`]). Everything else in
//! the reader is shared.

pub mod detect;
pub mod vocab;
pub mod wire;

use crate::ir::{Dialect, WireNameRule};
use crate::settings::WireCase;

use vocab::Vocabulary;
use wire::{Escape, Escapes};

/// The rules of one dialect.
#[derive(Debug)]
pub struct Rules {
    /// The dialect these rules describe.
    pub dialect: Dialect,
    /// Its type words.
    pub vocabulary: &'static Vocabulary,
    /// How it escapes reserved words in field names.
    pub escapes: &'static Escapes,
    /// Whether its generator re-cases JSON names into field names (most
    /// camelCase or snake_case every name; Genesys Java and R keep them), so
    /// that a name taken as written is a guess.
    pub renames_fields: bool,
}

const NO_ESCAPES: Escapes = Escapes {
    forms: &[],
    keywords: &[],
};

const CSHARP_ESCAPES: Escapes = Escapes {
    forms: &[
        Escape::ClassName("_"),
        Escape::ClassName("Var"),
        Escape::Prefix("Var"),
    ],
    // Names the C# generator keeps for `System` types and its own classes
    // (`VarVersion`, seen on real folders).
    keywords: &[
        "Version",
        "TimeZone",
        "Configuration",
        "Environment",
        "Client",
    ],
};

const JAVA_ESCAPES: Escapes = Escapes {
    forms: &[
        Escape::Prefix("_"),
        Escape::Prefix("property"),
        Escape::Dollar,
    ],
    keywords: &[
        "abstract",
        "assert",
        "boolean",
        "break",
        "byte",
        "case",
        "catch",
        "char",
        "class",
        "const",
        "continue",
        "default",
        "do",
        "double",
        "else",
        "enum",
        "extends",
        "final",
        "finally",
        "float",
        "for",
        "goto",
        "if",
        "implements",
        "import",
        "instanceof",
        "int",
        "interface",
        "long",
        "native",
        "new",
        "package",
        "private",
        "protected",
        "public",
        "return",
        "short",
        "static",
        "strictfp",
        "super",
        "switch",
        "synchronized",
        "this",
        "throw",
        "throws",
        "transient",
        "try",
        "void",
        "volatile",
        "while",
        "null",
        "true",
        "false",
        "object",
        "list",
        "file",
        "localVarPath",
        // Names the generator reserves for its own code (seen on real folders).
        "configuration",
        // Kotlin, which shares these escapes, also escapes the names of
        // `Map`'s members (`propertySize`, seen on real folders).
        "size",
        "values",
        "keys",
        "entries",
    ],
};

const PYTHON_ESCAPES: Escapes = Escapes {
    forms: &[Escape::Prefix("var_"), Escape::Prefix("_")],
    keywords: &[
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "false", "finally", "for", "from", "global", "if", "import",
        "in", "is", "lambda", "none", "nonlocal", "not", "or", "pass", "raise", "return", "true",
        "try", "while", "with", "yield", "print", "exec", "self", "property", "schema", "base64",
        "json", "date", "float", "int", "str", "bool", "dict", "list", "object", "type",
    ],
};

const GO_ESCAPES: Escapes = Escapes {
    forms: &[Escape::Suffix("_")],
    keywords: &[
        "break",
        "case",
        "chan",
        "const",
        "continue",
        "default",
        "defer",
        "else",
        "fallthrough",
        "for",
        "func",
        "go",
        "goto",
        "if",
        "import",
        "interface",
        "map",
        "package",
        "range",
        "return",
        "select",
        "struct",
        "switch",
        "type",
        "var",
    ],
};

const RUBY_ESCAPES: Escapes = Escapes {
    forms: &[Escape::Prefix("_")],
    keywords: &[
        "alias", "and", "begin", "break", "case", "class", "def", "defined?", "do", "else",
        "elsif", "end", "ensure", "false", "for", "if", "in", "module", "next", "nil", "not", "or",
        "redo", "rescue", "retry", "return", "self", "super", "then", "true", "undef", "unless",
        "until", "when", "while", "yield", "object", "hash",
    ],
};

const JAVASCRIPT_ESCAPES: Escapes = Escapes {
    forms: &[Escape::Prefix("_")],
    keywords: &[
        "abstract",
        "arguments",
        "boolean",
        "break",
        "byte",
        "case",
        "catch",
        "char",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "double",
        "else",
        "enum",
        "eval",
        "export",
        "extends",
        "false",
        "final",
        "finally",
        "float",
        "for",
        "function",
        "goto",
        "if",
        "implements",
        "import",
        "in",
        "instanceof",
        "int",
        "interface",
        "let",
        "long",
        "native",
        "new",
        "null",
        "package",
        "private",
        "protected",
        "public",
        "return",
        "short",
        "static",
        "super",
        "switch",
        "synchronized",
        "this",
        "throw",
        "throws",
        "transient",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "volatile",
        "while",
        "with",
        "yield",
        // Names the TypeScript generators reserve for their own code (seen on real folders).
        "configuration",
        "options",
    ],
};

const SWIFT_ESCAPES: Escapes = Escapes {
    forms: &[Escape::Prefix("_"), Escape::Prefix("pc")],
    keywords: &[
        "associatedtype",
        "class",
        "deinit",
        "enum",
        "extension",
        "fileprivate",
        "func",
        "import",
        "init",
        "inout",
        "internal",
        "let",
        "open",
        "operator",
        "private",
        "protocol",
        "public",
        "rethrows",
        "static",
        "struct",
        "subscript",
        "typealias",
        "var",
        "break",
        "case",
        "continue",
        "default",
        "defer",
        "do",
        "else",
        "fallthrough",
        "for",
        "guard",
        "if",
        "in",
        "repeat",
        "return",
        "switch",
        "where",
        "while",
        "as",
        "catch",
        "false",
        "is",
        "nil",
        "super",
        "self",
        "throw",
        "throws",
        "true",
        "try",
        "type",
        "description",
        "hashValue",
        // Contextual keywords the generator escapes too (seen on real folders).
        "prefix",
        "required",
        "set",
    ],
};

const DART_ESCAPES: Escapes = Escapes {
    forms: &[
        Escape::Prefix("_"),
        Escape::Prefix("$"),
        Escape::Suffix("_"),
        Escape::Dollar,
    ],
    keywords: &[
        "abstract",
        "as",
        "assert",
        "async",
        "await",
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "covariant",
        "default",
        "deferred",
        "do",
        "dynamic",
        "else",
        "enum",
        "export",
        "extends",
        "extension",
        "external",
        "factory",
        "false",
        "final",
        "finally",
        "for",
        "get",
        "hide",
        "if",
        "implements",
        "import",
        "in",
        "interface",
        "is",
        "late",
        "library",
        "mixin",
        "new",
        "null",
        "on",
        "operator",
        "part",
        "required",
        "rethrow",
        "return",
        "set",
        "show",
        "static",
        "super",
        "switch",
        "sync",
        "this",
        "throw",
        "true",
        "try",
        "typedef",
        "var",
        "void",
        "while",
        "with",
        "yield",
    ],
};

const RUST_ESCAPES: Escapes = Escapes {
    forms: &[
        Escape::Slash,
        Escape::RawIdentifier,
        Escape::Prefix("_"),
        Escape::Prefix("param_"),
        Escape::Dollar,
    ],
    keywords: &[
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
        "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move",
        "mut", "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true",
        "type", "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final",
        "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
    ],
};

const PHP_ESCAPES: Escapes = Escapes {
    forms: &[Escape::Prefix("_")],
    keywords: &[
        "abstract",
        "and",
        "array",
        "as",
        "break",
        "callable",
        "case",
        "catch",
        "class",
        "clone",
        "const",
        "continue",
        "declare",
        "default",
        "die",
        "do",
        "echo",
        "else",
        "elseif",
        "empty",
        "enddeclare",
        "endfor",
        "endforeach",
        "endif",
        "endswitch",
        "endwhile",
        "eval",
        "exit",
        "extends",
        "final",
        "for",
        "foreach",
        "function",
        "global",
        "goto",
        "if",
        "implements",
        "include",
        "instanceof",
        "insteadof",
        "interface",
        "isset",
        "list",
        "namespace",
        "new",
        "or",
        "print",
        "private",
        "protected",
        "public",
        "require",
        "return",
        "static",
        "switch",
        "throw",
        "trait",
        "try",
        "unset",
        "use",
        "var",
        "while",
        "xor",
    ],
};

const R_ESCAPES: Escapes = Escapes {
    forms: &[Escape::Prefix("_"), Escape::Prefix("item_")],
    keywords: &[
        "if", "else", "repeat", "while", "function", "for", "next", "break", "true", "false",
        "null", "inf", "nan", "na", "self", "private", "super",
    ],
};

const POWERSHELL_ESCAPES: Escapes = Escapes {
    forms: &[Escape::ClassName("_"), Escape::Prefix("Var")],
    keywords: &[
        "begin",
        "break",
        "catch",
        "class",
        "continue",
        "data",
        "define",
        "do",
        "dynamicparam",
        "else",
        "elseif",
        "end",
        "exit",
        "filter",
        "finally",
        "for",
        "foreach",
        "from",
        "function",
        "if",
        "in",
        "param",
        "process",
        "return",
        "switch",
        "throw",
        "trap",
        "try",
        "until",
        "using",
        "var",
        "while",
    ],
};

macro_rules! rules {
    ($name:ident, $dialect:ident, $vocabulary:ident, $escapes:ident) => {
        rules!($name, $dialect, $vocabulary, $escapes, renames_fields: true);
    };
    ($name:ident, $dialect:ident, $vocabulary:ident, $escapes:ident, renames_fields: $renames:expr) => {
        static $name: Rules = Rules {
            dialect: Dialect::$dialect,
            vocabulary: &vocab::$vocabulary,
            escapes: &$escapes,
            renames_fields: $renames,
        };
    };
}

rules!(
    GENESYS_JAVA,
    GenesysJava,
    GENESYS_JAVA,
    NO_ESCAPES,
    renames_fields: false
);
rules!(
    GENESYS_DOTNET,
    GenesysDotnet,
    GENESYS_DOTNET,
    CSHARP_ESCAPES
);
rules!(JAVA, Java, JAVA, JAVA_ESCAPES);
rules!(KOTLIN, Kotlin, KOTLIN, JAVA_ESCAPES);
rules!(CSHARP, Csharp, CSHARP, CSHARP_ESCAPES);
rules!(PYTHON, Python, PYTHON, PYTHON_ESCAPES);
rules!(PYTHON_PRIOR, PythonPrior, PYTHON_PRIOR, PYTHON_ESCAPES);
rules!(GO, Go, GO, GO_ESCAPES);
rules!(RUBY, Ruby, RUBY, RUBY_ESCAPES);
rules!(PHP, Php, PHP, PHP_ESCAPES);
rules!(JAVASCRIPT, Javascript, JAVASCRIPT, JAVASCRIPT_ESCAPES);
rules!(TYPESCRIPT, Typescript, TYPESCRIPT, JAVASCRIPT_ESCAPES);
rules!(SWIFT, Swift, SWIFT, SWIFT_ESCAPES);
rules!(DART, Dart, DART, DART_ESCAPES);
rules!(RUST, Rust, RUST, RUST_ESCAPES);
rules!(R, R, R, R_ESCAPES, renames_fields: false);
rules!(POWERSHELL, Powershell, POWERSHELL, POWERSHELL_ESCAPES);

impl Rules {
    /// The rules of `dialect`.
    pub fn of(dialect: Dialect) -> &'static Rules {
        match dialect {
            Dialect::GenesysJava => &GENESYS_JAVA,
            Dialect::GenesysDotnet => &GENESYS_DOTNET,
            Dialect::Java => &JAVA,
            Dialect::Kotlin => &KOTLIN,
            Dialect::Csharp => &CSHARP,
            Dialect::Python => &PYTHON,
            Dialect::PythonPrior => &PYTHON_PRIOR,
            Dialect::Go => &GO,
            Dialect::Ruby => &RUBY,
            Dialect::Php => &PHP,
            Dialect::Javascript => &JAVASCRIPT,
            Dialect::Typescript => &TYPESCRIPT,
            Dialect::Swift => &SWIFT,
            Dialect::Dart => &DART,
            Dialect::Rust => &RUST,
            Dialect::R => &R,
            Dialect::Powershell => &POWERSHELL,
        }
    }

    /// The wire name of a property the docs call `name` in model `model`,
    /// under `case` (`None`: the dialect's default).
    pub fn wire_name(
        &self,
        name: &str,
        model: &str,
        case: Option<WireCase>,
    ) -> (String, WireNameRule) {
        let case = case.unwrap_or(WireCase::default_for(self.dialect));
        wire::wire_name(name, model, self.escapes, case)
    }
}

/// The model name of a C# namespace heading: `ININ.PureCloudApi.Model.Callback` → `Callback`.
pub fn namespace_model_name(heading: &str) -> Option<&str> {
    let (namespace, name) = heading.rsplit_once(".Model.")?;
    let is_path = |s: &str| {
        !s.is_empty()
            && s.split('.').all(|part| {
                !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || c == '_')
            })
    };
    (is_path(namespace) && is_path(name) && !name.contains('.')).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotnet_wire_names_lower_the_first_word() {
        let rules = Rules::of(Dialect::GenesysDotnet);
        assert_eq!(rules.wire_name("SsoTargetURI", "M", None).0, "ssoTargetURI");
        assert_eq!(rules.wire_name("Id", "M", None).0, "id");
        assert_eq!(rules.wire_name("_Digits", "Digits", None).0, "digits");
        assert_eq!(rules.wire_name("_Digits", "Other", None).0, "_Digits");
        let java = Rules::of(Dialect::GenesysJava);
        assert_eq!(
            java.wire_name("Id", "M", None),
            ("Id".into(), WireNameRule::AsWritten)
        );
    }

    #[test]
    fn namespace_headings_name_models() {
        assert_eq!(
            namespace_model_name("ININ.PureCloudApi.Model.Callback"),
            Some("Callback")
        );
        assert_eq!(
            namespace_model_name("PureCloudPlatform.Client.V2.Api.AIStudioApi"),
            None
        );
        assert_eq!(namespace_model_name("Callback"), None);
    }
}

//! Settings that choose how the generated types treat the wire, each
//! declared once: its values, their names (the same in `docmodel.yaml`, CLI
//! flags and macro arguments), its default, parsing and display.

use std::fmt;
use std::str::FromStr;

/// Declares a setting's enum (its default marked `#[default]`) with its
/// names, `Display`, `FromStr` and `Deserialize` (from the name).
macro_rules! choice {
    (
        $(#[$doc:meta])*
        $name:ident, $what:literal {
            $( $(#[$value_doc:meta])* $value:ident = $text:literal, )+
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        #[non_exhaustive]
        pub enum $name {
            $(
                $(#[$value_doc])*
                #[doc = concat!("\n\nWritten `", $text, "`.")]
                $value,
            )+
        }

        impl $name {
            /// Every value with its name.
            pub(crate) const NAMES: &[($name, &str)] = &[$(($name::$value, $text)),+];

            /// The name the settings write.
            pub fn name(self) -> &'static str {
                name_of(Self::NAMES, self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }

        impl FromStr for $name {
            type Err = String;

            /// Reads a name as [`Self::name`] writes it.
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                by_name(Self::NAMES, text, $what)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// The name of `value` in `names`.
pub(crate) fn name_of<T: Copy + PartialEq>(names: &[(T, &'static str)], value: T) -> &'static str {
    names
        .iter()
        .find(|(v, _)| *v == value)
        .map_or("", |(_, name)| name)
}

/// The value named `text` in `names`; an error naming `what` and every
/// name when there is none.
pub(crate) fn by_name<T: Copy>(names: &[(T, &str)], text: &str, what: &str) -> Result<T, String> {
    names
        .iter()
        .find(|(_, name)| *name == text)
        .map(|(value, _)| *value)
        .ok_or_else(|| {
            let all: Vec<&str> = names.iter().map(|(_, n)| *n).collect();
            format!(
                "unknown {what} `{text}`; expected one of {}",
                all.join(", ")
            )
        })
}

choice! {
    /// What a struct does with JSON keys its page does not list.
    UnknownFields, "unknown_fields value" {
        /// Drops them (serde's default): they are not written back.
        #[default]
        Ignore = "ignore",
        /// Keeps them in a `unknown_fields` map and writes them back.
        Keep = "keep",
        /// Rejects them: a key the page does not list is an error.
        Deny = "deny",
    }
}

choice! {
    /// Whether properties the docs mark required are required in the types.
    Required, "required value" {
        /// A required property is a plain field: a JSON value without it is
        /// an error.
        #[default]
        Strict = "strict",
        /// Every property is an `Option`, for APIs whose docs overstate what
        /// is required; the field's docs still say it is required.
        Lenient = "lenient",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_and_others_are_refused() {
        for (value, name) in UnknownFields::NAMES {
            assert_eq!(name.parse::<UnknownFields>(), Ok(*value));
            assert_eq!(value.to_string(), *name);
        }
        assert_eq!("lenient".parse(), Ok(Required::Lenient));
        assert_eq!(Required::default(), Required::Strict);
        assert_eq!(UnknownFields::default(), UnknownFields::Ignore);
        assert_eq!(
            "loose".parse::<Required>(),
            Err("unknown required value `loose`; expected one of strict, lenient".to_string())
        );
    }
}

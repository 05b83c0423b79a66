//! The names the prompt knows without asking the session: keywords, catalog
//! commands and constants. Used for colouring and completion.

use std::collections::HashMap;

/// What a known name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Keyword,
    Command,
    Constant,
}

/// Keywords as 4D's editor spells them (multi-word ones included).
pub const KEYWORDS: &[&str] = &[
    "If",
    "Else",
    "End if",
    "Case of",
    "End case",
    "While",
    "End while",
    "Repeat",
    "Until",
    "For",
    "End for",
    "For each",
    "End for each",
    "Use",
    "End use",
    "Try",
    "Catch",
    "End try",
    "Begin SQL",
    "End SQL",
    "return",
    "break",
    "continue",
    "var",
    "property",
    "Function",
    "Class constructor",
    "Class extends",
    "shared",
    "singleton",
    "session singleton",
    "This",
    "cs",
    "#DECLARE",
];

/// Type names, offered after `var $x :` and in `#DECLARE`.
pub const TYPES: &[&str] = &[
    "Text",
    "Integer",
    "Real",
    "Boolean",
    "Date",
    "Time",
    "Object",
    "Collection",
    "Variant",
    "Pointer",
    "Picture",
    "Blob",
];

/// Every name with its kind, and a case-insensitive lookup for multi-word matching.
pub struct Vocab {
    names: Vec<(String, NameKind)>,
    lookup: HashMap<String, NameKind>,
    /// The most words any name has: the longest run worth trying.
    pub max_words: usize,
}

impl Vocab {
    /// Keywords plus the given catalog names.
    #[cfg(test)]
    pub fn new<'a>(
        commands: impl IntoIterator<Item = &'a str>,
        constants: impl IntoIterator<Item = &'a str>,
    ) -> Vocab {
        let commands = commands.into_iter().map(|n| (n, NameKind::Command));
        let constants = constants.into_iter().map(|n| (n, NameKind::Constant));
        Vocab::build(constants.chain(commands), std::iter::empty())
    }

    /// Keywords and types, then `catalog` (completed and coloured), then
    /// `aliases` (other spellings: coloured only).
    fn build<'a>(
        catalog: impl IntoIterator<Item = (&'a str, NameKind)>,
        aliases: impl IntoIterator<Item = (&'a str, NameKind)>,
    ) -> Vocab {
        // Later kinds win a shared spelling: `Date` is the command, `Use` the keyword.
        let mut names: Vec<(String, NameKind)> = Vec::new();
        names.extend(TYPES.iter().map(|n| (n.to_string(), NameKind::Keyword)));
        names.extend(catalog.into_iter().map(|(n, k)| (n.to_string(), k)));
        names.extend(KEYWORDS.iter().map(|n| (n.to_string(), NameKind::Keyword)));
        let mut lookup = HashMap::new();
        let mut max_words = 1;
        for (name, kind) in aliases.into_iter() {
            max_words = max_words.max(name.split(' ').count());
            lookup.insert(name.to_lowercase(), kind);
        }
        for (name, kind) in &names {
            max_words = max_words.max(name.split(' ').count());
            lookup.insert(name.to_lowercase(), *kind);
        }
        // Obsolete `_O_` names stay recognised but are not offered.
        names.retain(|(n, _)| !n.to_ascii_lowercase().starts_with("_o_"));
        names.sort_by_key(|(n, _)| n.to_lowercase());
        names.dedup_by(|a, b| a.0.eq_ignore_ascii_case(&b.0));
        Vocab {
            names,
            lookup,
            max_words,
        }
    }

    /// The names of the language and of the command catalog.
    pub fn standard() -> Vocab {
        let kind = |constant: bool| {
            if constant {
                NameKind::Constant
            } else {
                NameKind::Command
            }
        };
        let all: Vec<(&str, &str, bool)> = crate::syntax::lexer::catalog_names().collect();
        Vocab::build(
            all.iter().map(|&(_, name, c)| (name, kind(c))),
            all.iter().map(|&(key, _, c)| (key, kind(c))),
        )
    }

    /// The kind of `name` (words joined by single spaces), matched case-insensitively.
    pub fn kind_of(&self, name: &str) -> Option<NameKind> {
        self.lookup.get(&name.to_lowercase()).copied()
    }

    /// Names starting with `prefix` (case-insensitive), in alphabetical order.
    pub fn starting_with(&self, prefix: &str) -> impl Iterator<Item = (&str, NameKind)> {
        let p = prefix.to_lowercase();
        let from = self.names.partition_point(|(n, _)| n.to_lowercase() < p);
        self.names[from..]
            .iter()
            .take_while(move |(n, _)| n.to_lowercase().starts_with(&p))
            .map(|(n, k)| (n.as_str(), *k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_is_case_insensitive_and_multi_word() {
        let v = Vocab::new(["Current date", "ALERT", "USE SET"], ["Is text"]);
        assert_eq!(v.kind_of("current DATE"), Some(NameKind::Command));
        assert_eq!(v.kind_of("end IF"), Some(NameKind::Keyword));
        assert_eq!(v.kind_of("is text"), Some(NameKind::Constant));
        assert_eq!(v.kind_of("use set"), Some(NameKind::Command));
        assert_eq!(v.kind_of("use"), Some(NameKind::Keyword));
        assert_eq!(v.kind_of("current"), None);
        assert_eq!(v.max_words, 3);
    }

    #[test]
    fn the_standard_vocabulary_has_the_catalog() {
        let v = Vocab::standard();
        assert_eq!(v.kind_of("current date"), Some(NameKind::Command));
        assert_eq!(v.kind_of("Is text"), Some(NameKind::Constant));
        assert_eq!(v.kind_of("End for each"), Some(NameKind::Keyword));
        // An alias is coloured but only the current name is offered.
        assert_eq!(v.kind_of("Get localized string"), Some(NameKind::Command));
        let offered: Vec<&str> = v.starting_with("Localized s").map(|(n, _)| n).collect();
        assert_eq!(offered, vec!["Localized string"]);
        assert!(v.starting_with("_o_").next().is_none());
    }

    #[test]
    fn prefix_search() {
        let v = Vocab::new(["Current date", "Current time", "ALERT"], []);
        let got: Vec<&str> = v.starting_with("current d").map(|(n, _)| n).collect();
        assert_eq!(got, vec!["Current date"]);
        let got: Vec<&str> = v.starting_with("end f").map(|(n, _)| n).collect();
        assert_eq!(got, vec!["End for", "End for each"]);
    }
}

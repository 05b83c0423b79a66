//! Tab completion: keywords, command and constant names with their spaces
//! (`Current da` → `Current date`), variables in scope, and the properties of
//! an object (`$o.` → `$o.name`).

use super::scan::is_word_char;
use super::vocab::Vocab;

/// What completion needs to know about the running session.
pub trait Scope {
    /// Variable (`$x`, `<>x`, process variables), method and class names in scope.
    fn names(&self) -> Vec<String>;
    /// Property names of the object that `path` (`$o`, `$o.a.b`, `Storage`) denotes now.
    fn properties(&self, path: &str) -> Vec<String>;
}

/// Where the replaced text starts and the candidates for it.
pub fn complete(line: &str, pos: usize, vocab: &Vocab, scope: &dyn Scope) -> (usize, Vec<String>) {
    let before = &line[..pos];
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map(|(i, _)| i)
        .unwrap_or(pos);
    let partial = &before[word_start..];
    let prev = before[..word_start].chars().next_back();

    // `$o.na` + Tab: properties of the object.
    if prev == Some('.') {
        let path_start = before[..word_start - 1]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word_char(c) || matches!(c, '$' | '.' | '<' | '>' | '◊'))
            .last()
            .map(|(i, _)| i)
            .unwrap_or(word_start - 1);
        let path = &before[path_start..word_start - 1];
        if path.is_empty() {
            return (pos, Vec::new());
        }
        let mut props = scope.properties(path);
        props.retain(|p| p.starts_with(partial));
        props.sort();
        props.dedup();
        return (word_start, props);
    }

    // `$na` / `<>na` + Tab: variables.
    let sigil = ["$", "<>", "◊"]
        .into_iter()
        .find(|s| before[..word_start].ends_with(s));
    if let Some(sigil) = sigil {
        let start = word_start - sigil.len();
        let typed = &before[start..];
        let mut vars: Vec<String> = scope
            .names()
            .into_iter()
            .filter(|n| starts_with_ci(n, typed))
            .collect();
        vars.sort_by_key(|n| n.to_lowercase());
        vars.dedup();
        return (start, vars);
    }

    // Names with spaces: try the longest run of words before the cursor first.
    let region_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c) || c == ' ')
        .last()
        .map(|(i, _)| i)
        .unwrap_or(pos);
    let scope_names = scope.names();
    for (i, c) in before[region_start..].char_indices() {
        let start = region_start + i;
        let word_begins = c != ' '
            && (start == region_start || before[..start].ends_with(' '))
            && !before[start..].starts_with(' ');
        if !word_begins || start == pos {
            continue;
        }
        let typed = &before[start..];
        let mut found: Vec<String> = vocab
            .starting_with(typed)
            .map(|(n, _)| n.to_string())
            .collect();
        found.extend(
            scope_names
                .iter()
                .filter(|n| !n.starts_with(['$', '<', '◊']) && starts_with_ci(n, typed))
                .cloned(),
        );
        if !found.is_empty() {
            found.sort_by_key(|n| n.to_lowercase());
            found.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
            return (start, found);
        }
    }
    (pos, Vec::new())
}

fn starts_with_ci(name: &str, prefix: &str) -> bool {
    name.len() >= prefix.len()
        && name.is_char_boundary(prefix.len())
        && name[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct FakeScope;
    impl Scope for FakeScope {
        fn names(&self) -> Vec<String> {
            vec![
                "$total".into(),
                "$text".into(),
                "<>count".into(),
                "myMethod".into(),
            ]
        }
        fn properties(&self, path: &str) -> Vec<String> {
            match path {
                "$o" => vec!["name".into(), "nested".into(), "age".into()],
                "$o.nested" => vec!["deep".into()],
                _ => Vec::new(),
            }
        }
    }

    fn vocab() -> Vocab {
        Vocab::new(
            [
                "Current date",
                "Current time",
                "Current method name",
                "ALERT",
            ],
            ["Is text", "Is date"],
        )
    }

    fn run(line: &str) -> (usize, Vec<String>) {
        complete(line, line.len(), &vocab(), &FakeScope)
    }

    #[test]
    fn multi_word_commands() {
        assert_eq!(run("Current da"), (0, vec!["Current date".to_string()]));
        assert_eq!(run("$d:=current d"), (4, vec!["Current date".to_string()]));
        assert_eq!(
            run("ALERT(String(Current "),
            (
                13,
                vec![
                    "Current date".to_string(),
                    "Current method name".to_string(),
                    "Current time".to_string()
                ]
            )
        );
        // `If (Is d`: the keyword `If` does not swallow the name after it.
        assert_eq!(run("If (Is d"), (4, vec!["Is date".to_string()]));
        assert_eq!(run("x := Is t"), (5, vec!["Is text".to_string()]));
    }

    #[test]
    fn keywords_and_methods() {
        assert_eq!(
            run("End f"),
            (0, vec!["End for".to_string(), "End for each".to_string()])
        );
        assert_eq!(run("mym"), (0, vec!["myMethod".to_string()]));
        assert_eq!(run("var $x : Te"), (9, vec!["Text".to_string()]));
    }

    #[test]
    fn variables() {
        assert_eq!(
            run("ALERT($t"),
            (6, vec!["$text".to_string(), "$total".to_string()])
        );
        assert_eq!(run("<>c"), (0, vec!["<>count".to_string()]));
    }

    #[test]
    fn properties() {
        assert_eq!(
            run("$o.n"),
            (3, vec!["name".to_string(), "nested".to_string()])
        );
        assert_eq!(run("ALERT($o.nested."), (16, vec!["deep".to_string()]));
        assert_eq!(
            run("$o."),
            (3, vec!["age".into(), "name".into(), "nested".into()])
        );
    }

    #[test]
    fn nothing_to_offer() {
        assert_eq!(run(""), (0, vec![]));
        assert_eq!(run("zzz"), (3, vec![]));
        assert_eq!(run("ALERT(\"x\" + "), (12, vec![]));
    }
}

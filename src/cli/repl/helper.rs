//! The rustyline side of the prompt: completion, colouring, bracket
//! matching, history hints and the multi-line validator.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Context, Helper};

use super::blocks::entry_state;
use super::complete::{complete, Scope};
use super::highlight::highlight;
use super::vocab::Vocab;

pub struct ReplHelper<S: Scope> {
    pub vocab: Rc<Vocab>,
    pub scope: Rc<RefCell<S>>,
    hinter: HistoryHinter,
    /// Whether the cursor sits on a bracket, so the next refresh shows its partner.
    on_bracket: Cell<bool>,
}

impl<S: Scope> ReplHelper<S> {
    pub fn new(vocab: Rc<Vocab>, scope: Rc<RefCell<S>>) -> Self {
        ReplHelper {
            vocab,
            scope,
            hinter: HistoryHinter::new(),
            on_bracket: Cell::new(false),
        }
    }
}

impl<S: Scope> Completer for ReplHelper<S> {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        if line[..pos].trim().is_empty() {
            // Tab at the start of a line indents, as in an editor.
            let indent = Pair {
                display: String::new(),
                replacement: "  ".to_string(),
            };
            return Ok((pos, vec![indent]));
        }
        let scope = self.scope.borrow();
        let (start, names) = complete(line, pos, &self.vocab, &*scope);
        let pairs = names
            .into_iter()
            .map(|n| Pair {
                display: n.clone(),
                replacement: n,
            })
            .collect();
        Ok((start, pairs))
    }
}

impl<S: Scope> Hinter for ReplHelper<S> {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        // Grey suggestions from history, only for one-line entries (a multi-line
        // hint would push the screen around).
        self.hinter
            .hint(line, pos, ctx)
            .filter(|h| !h.contains('\n'))
    }
}

impl<S: Scope> Highlighter for ReplHelper<S> {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        let cursor = self.on_bracket.get().then_some(pos);
        Cow::Owned(highlight(line, cursor, &self.vocab))
    }

    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        _default: bool,
    ) -> Cow<'b, str> {
        Cow::Owned(format!("\x1b[1;32m{prompt}\x1b[0m"))
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        Cow::Owned(format!("\x1b[90m{hint}\x1b[0m"))
    }

    fn highlight_char(&self, line: &str, pos: usize, kind: CmdKind) -> bool {
        // The final refresh (Enter) drops the bracket mark but keeps the colours.
        let bracket = kind != CmdKind::ForcedRefresh && {
            let b = line.as_bytes();
            let is_bracket = |i: usize| b.get(i).is_some_and(|c| b"()[]{}".contains(c));
            is_bracket(pos) || (pos > 0 && is_bracket(pos - 1))
        };
        self.on_bracket.set(bracket);
        true
    }
}

impl<S: Scope> Validator for ReplHelper<S> {
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        // One-line entries are continued by the REPL loop itself, which shows a `...`
        // prompt; rustyline cannot show one. An entry that already holds several lines
        // (recalled from history, or pasted) is edited here as a whole: Enter adds a
        // line until its blocks are closed.
        let input = ctx.input();
        if input.contains('\n') && !entry_state(input).complete {
            return Ok(ValidationResult::Incomplete);
        }
        Ok(ValidationResult::Valid(None))
    }
}

impl<S: Scope> Helper for ReplHelper<S> {}

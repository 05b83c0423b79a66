//! Named 4D constants with their values, for the commands of this library and
//! the type constants. Values come from the constants catalog where it lists
//! one; the `ck …` collection options, character codes and math constants are
//! from the 4D documentation.

use crate::value::Value;

#[derive(Clone, Copy)]
enum C {
    Int(i32),
    Real(f64),
}

/// The value of the constant named `name_lowercase` (the catalog name in lower case).
pub fn constant_value(name_lowercase: &str) -> Option<Value> {
    CONSTANTS
        .binary_search_by(|(n, _)| n.cmp(&name_lowercase))
        .ok()
        .map(|i| match CONSTANTS[i].1 {
            C::Int(x) => Value::Int(x),
            C::Real(x) => Value::Real(x),
        })
}

/// Sorted by name (checked by a test).
#[allow(clippy::approx_constant)]
static CONSTANTS: &[(&str, C)] = &[
    ("4d client database folder", C::Int(3)),
    ("4d desktop", C::Int(3)),
    ("4d local mode", C::Int(0)),
    ("4d remote mode", C::Int(4)),
    ("4d server", C::Int(5)),
    ("4d volume desktop", C::Int(1)),
    ("_o_hidden modal dialog", C::Int(6)),
    ("_o_is float", C::Int(35)),
    ("aborted", C::Int(-1)),
    ("active 4d folder", C::Int(0)),
    ("array 2d", C::Int(13)),
    ("at sign", C::Int(64)),
    ("backspace", C::Int(8)),
    ("blank if null date", C::Int(100)),
    ("blank if null time", C::Int(100)),
    ("blob array", C::Int(31)),
    ("boolean array", C::Int(22)),
    ("carriage return", C::Int(13)),
    ("ck ascending", C::Int(0)),
    ("ck count values", C::Int(32)),
    ("ck descending", C::Int(1)),
    ("ck diacritical", C::Int(8)),
    ("ck ignore null or empty", C::Int(4)),
    ("ck keep null", C::Int(32)),
    ("ck resolve pointers", C::Int(1)),
    ("ck shared", C::Int(2)),
    ("current resources folder", C::Int(6)),
    ("data folder", C::Int(9)),
    ("database folder", C::Int(4)),
    ("database folder unix syntax", C::Int(5)),
    ("date array", C::Int(17)),
    ("date rfc 1123", C::Int(10)),
    ("degree", C::Real(0.0174532925199433)),
    ("delayed", C::Int(1)),
    ("delete only if empty", C::Int(0)),
    ("delete with contents", C::Int(1)),
    ("does not exist", C::Int(-100)),
    ("double quote", C::Int(34)),
    ("e number", C::Real(2.71828182845904)),
    ("enter", C::Int(3)),
    ("error message", C::Int(2)),
    ("escape", C::Int(27)),
    ("executing", C::Int(0)),
    ("fk applications folder", C::Int(116)),
    ("fk data folder", C::Int(9)),
    ("fk database folder", C::Int(4)),
    ("fk desktop folder", C::Int(115)),
    ("fk documents folder", C::Int(117)),
    ("fk home folder", C::Int(118)),
    ("fk licenses folder", C::Int(1)),
    ("fk logs folder", C::Int(7)),
    ("fk mobileapps folder", C::Int(10)),
    ("fk overwrite", C::Int(4)),
    ("fk platform path", C::Int(1)),
    ("fk posix path", C::Int(0)),
    ("fk remote database folder", C::Int(3)),
    ("fk resources folder", C::Int(6)),
    ("fk system folder", C::Int(100)),
    ("fk user preferences folder", C::Int(0)),
    ("fk web root folder", C::Int(8)),
    ("hh mm", C::Int(2)),
    ("hh mm am pm", C::Int(5)),
    ("hh mm ss", C::Int(1)),
    ("hour min", C::Int(4)),
    ("hour min sec", C::Int(3)),
    ("html root folder", C::Int(8)),
    ("information message", C::Int(0)),
    ("integer array", C::Int(15)),
    ("internal date abbreviated", C::Int(6)),
    ("internal date long", C::Int(5)),
    ("internal date short", C::Int(7)),
    ("internal date short special", C::Int(4)),
    ("into 4d commands log", C::Int(3)),
    ("into 4d debug message", C::Int(1)),
    ("into 4d diagnostic log", C::Int(5)),
    ("into 4d request log", C::Int(2)),
    ("into system standard outputs", C::Int(6)),
    ("into windows log events", C::Int(0)),
    ("is a document", C::Int(1)),
    ("is a folder", C::Int(0)),
    ("is alpha field", C::Int(0)),
    ("is blob", C::Int(30)),
    ("is boolean", C::Int(6)),
    ("is collection", C::Int(42)),
    ("is date", C::Int(4)),
    ("is integer", C::Int(8)),
    ("is integer 64 bits", C::Int(25)),
    ("is longint", C::Int(9)),
    ("is null", C::Int(255)),
    ("is object", C::Int(38)),
    ("is picture", C::Int(3)),
    ("is pointer", C::Int(23)),
    ("is real", C::Int(1)),
    ("is string var", C::Int(24)),
    ("is subtable", C::Int(7)),
    ("is text", C::Int(2)),
    ("is time", C::Int(11)),
    ("is undefined", C::Int(5)),
    ("is variant", C::Int(12)),
    ("iso date", C::Int(8)),
    ("iso date gmt", C::Int(9)),
    ("iso time", C::Int(8)),
    ("licenses folder", C::Int(1)),
    ("line feed", C::Int(10)),
    ("logs folder", C::Int(7)),
    ("longint array", C::Int(16)),
    ("mac c string", C::Int(0)),
    ("mac pascal string", C::Int(1)),
    ("mac text with length", C::Int(2)),
    ("mac text without length", C::Int(3)),
    ("maxint", C::Int(32767)),
    ("maxlong", C::Int(2147483647)),
    ("maxtextlenbeforev11", C::Int(32000)),
    ("md5 digest", C::Int(0)),
    ("min sec", C::Int(7)),
    ("mm ss", C::Int(6)),
    ("mobileapps folder", C::Int(10)),
    ("object array", C::Int(39)),
    ("on activate", C::Int(11)),
    ("on after edit", C::Int(45)),
    ("on after keystroke", C::Int(28)),
    ("on after sort", C::Int(30)),
    ("on alternative click", C::Int(38)),
    ("on before data entry", C::Int(41)),
    ("on before keystroke", C::Int(17)),
    ("on begin drag over", C::Int(46)),
    ("on begin url loading", C::Int(47)),
    ("on bound variable change", C::Int(54)),
    ("on clicked", C::Int(4)),
    ("on close box", C::Int(22)),
    ("on close detail", C::Int(26)),
    ("on collapse", C::Int(44)),
    ("on column moved", C::Int(32)),
    ("on column resize", C::Int(33)),
    ("on data change", C::Int(20)),
    ("on deactivate", C::Int(12)),
    ("on delete action", C::Int(58)),
    ("on display detail", C::Int(8)),
    ("on double clicked", C::Int(13)),
    ("on drag over", C::Int(21)),
    ("on drop", C::Int(16)),
    ("on end url loading", C::Int(49)),
    ("on expand", C::Int(43)),
    ("on footer click", C::Int(57)),
    ("on getting focus", C::Int(15)),
    ("on header", C::Int(5)),
    ("on header click", C::Int(42)),
    ("on load", C::Int(1)),
    ("on load record", C::Int(40)),
    ("on long click", C::Int(39)),
    ("on losing focus", C::Int(14)),
    ("on menu selected", C::Int(18)),
    ("on mouse enter", C::Int(35)),
    ("on mouse leave", C::Int(36)),
    ("on mouse move", C::Int(37)),
    ("on mouse up", C::Int(2)),
    ("on open detail", C::Int(25)),
    ("on open external link", C::Int(52)),
    ("on outside call", C::Int(10)),
    ("on page change", C::Int(56)),
    ("on plug in area", C::Int(19)),
    ("on printing break", C::Int(6)),
    ("on printing detail", C::Int(23)),
    ("on printing footer", C::Int(7)),
    ("on resize", C::Int(29)),
    ("on row moved", C::Int(34)),
    ("on row resize", C::Int(60)),
    ("on scroll", C::Int(59)),
    ("on selection change", C::Int(31)),
    ("on timer", C::Int(27)),
    ("on unload", C::Int(24)),
    ("on url filtering", C::Int(51)),
    ("on url loading error", C::Int(50)),
    ("on url resource loading", C::Int(48)),
    ("on validate", C::Int(3)),
    ("on vp range changed", C::Int(61)),
    ("on vp ready", C::Int(9)),
    ("on window opening denied", C::Int(53)),
    ("paused", C::Int(5)),
    ("pi", C::Real(3.14159265358979)),
    ("picture array", C::Int(19)),
    ("pointer array", C::Int(20)),
    ("processes and sessions", C::Int(0)),
    ("processes only", C::Int(1)),
    ("quote", C::Int(39)),
    ("radian", C::Real(57.2957795130823)),
    ("real array", C::Int(14)),
    ("sessions only", C::Int(2)),
    ("sha1 digest", C::Int(1)),
    ("sha256 digest", C::Int(3)),
    ("sha512 digest", C::Int(4)),
    ("sk case insensitive", C::Int(2)),
    ("sk char codes", C::Int(1)),
    ("sk diacritic insensitive", C::Int(4)),
    ("sk ignore empty strings", C::Int(1)),
    ("sk kana insensitive", C::Int(8)),
    ("sk strict", C::Int(0)),
    ("sk trim spaces", C::Int(2)),
    ("sk whole word", C::Int(32)),
    ("sk width insensitive", C::Int(16)),
    ("space", C::Int(32)),
    ("string array", C::Int(21)),
    ("system date abbreviated", C::Int(2)),
    ("system date long", C::Int(3)),
    ("system date short", C::Int(1)),
    ("system time long", C::Int(11)),
    ("system time long abbreviated", C::Int(10)),
    ("system time short", C::Int(9)),
    ("tab", C::Int(9)),
    ("text array", C::Int(18)),
    ("time array", C::Int(32)),
    ("tool4d", C::Int(6)),
    ("utf8 c string", C::Int(4)),
    ("utf8 text with length", C::Int(5)),
    ("utf8 text without length", C::Int(6)),
    ("waiting for input output", C::Int(3)),
    ("waiting for internal flag", C::Int(4)),
    ("waiting for user event", C::Int(2)),
    ("warning message", C::Int(1)),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_and_found() {
        for w in CONSTANTS.windows(2) {
            assert!(w[0].0 < w[1].0, "{} / {}", w[0].0, w[1].0);
        }
        let int = |n: &str| match constant_value(n) {
            Some(Value::Int(x)) => x,
            other => panic!("{n}: {other:?}"),
        };
        assert_eq!(int("is text"), 2);
        assert_eq!(int("is real"), 1);
        assert_eq!(int("is longint"), 9);
        assert_eq!(int("is boolean"), 6);
        assert_eq!(int("is date"), 4);
        assert_eq!(int("is time"), 11);
        assert_eq!(int("is object"), 38);
        assert_eq!(int("is collection"), 42);
        assert_eq!(int("is null"), 255);
        assert_eq!(int("is undefined"), 5);
        assert_eq!(int("is pointer"), 23);
        assert_eq!(int("is blob"), 30);
        assert_eq!(int("is picture"), 3);
        assert_eq!(int("is variant"), 12);
        assert_eq!(int("into system standard outputs"), 6);
        assert_eq!(int("sk ignore empty strings"), 1);
        assert_eq!(int("sk trim spaces"), 2);
        assert_eq!(int("iso date"), 8);
        assert_eq!(int("maxlong"), i32::MAX);
        assert_eq!(int("ck descending"), 1);
        assert!(matches!(constant_value("pi"), Some(Value::Real(_))));
        assert!(constant_value("no such constant").is_none());
    }
}

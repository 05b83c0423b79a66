//! Privileges and roles from a project's `Project/Sources/roles.json`.
//!
//! Format (docs/ORDA/privileges.md): `privileges` (required) is a list of
//! `{privilege, includes:[names]}`; `roles` (optional) a list of
//! `{role, privileges:[names]}`; `permissions` `{allowed:[…]}` (kept unparsed
//! beyond its shape: fourd has no ORDA datastore to protect); `forceLogin`.
//! Names are case-insensitive. `WebAdmin` is reserved by 4D and always
//! exists. A name that is not declared is ignored wherever it appears.
//!
//! 4D opens a project whose roles.json is malformed with protection disabled
//! and writes `Logs/Roles_Errors.json`; fourd refuses to start with it
//! instead (a clear error beats running unprotected), see [`RolesError`].

use indexmap::IndexMap;
use parking_lot::RwLock;
use serde_json::Value as Json;
use std::path::Path;
use std::sync::Arc;

/// The built-in privilege reserved by 4D.
pub const WEB_ADMIN: &str = "WebAdmin";

/// Why a roles.json was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: invalid roles.json: {message}")]
pub struct RolesError {
    pub path: String,
    pub message: String,
}

#[derive(Debug, Clone)]
struct Privilege {
    name: String,
    includes: Vec<String>,
}

/// The privileges and roles a project declares.
#[derive(Debug, Clone, Default)]
pub struct Roles {
    /// Case-folded name → declaration, in file order.
    privileges: IndexMap<String, Privilege>,
    /// Case-folded role name → the privilege names it grants.
    roles: IndexMap<String, Vec<String>>,
    /// `"forceLogin": true`: clearing privileges does not make a session Guest.
    pub force_login: bool,
}

fn fold(name: &str) -> String {
    name.to_lowercase()
}

impl Roles {
    /// Parses the text of a roles.json; `path` is only used in messages.
    pub fn parse(text: &str, path: &str) -> Result<Roles, RolesError> {
        let err = |message: String| RolesError {
            path: path.to_string(),
            message,
        };
        let json: Json = serde_json::from_str(text)
            .map_err(|e| err(format!("{} (line {}, column {})", e, e.line(), e.column())))?;
        let top = json
            .as_object()
            .ok_or_else(|| err("the file must hold one JSON object".into()))?;
        let mut roles = Roles::default();

        let privs = top
            .get("privileges")
            .ok_or_else(|| err("\"privileges\" is required".into()))?
            .as_array()
            .ok_or_else(|| err("\"privileges\" must be an array".into()))?;
        for (i, p) in privs.iter().enumerate() {
            let name = p
                .get("privilege")
                .and_then(Json::as_str)
                .ok_or_else(|| err(format!("privileges[{i}] needs a \"privilege\" name (text)")))?;
            let includes = string_list(p.get("includes"))
                .map_err(|m| err(format!("privileges[{i}].includes {m}")))?;
            roles.privileges.insert(
                fold(name),
                Privilege {
                    name: name.to_string(),
                    includes,
                },
            );
        }

        if let Some(rs) = top.get("roles") {
            let rs = rs
                .as_array()
                .ok_or_else(|| err("\"roles\" must be an array".into()))?;
            for (i, r) in rs.iter().enumerate() {
                let name = r
                    .get("role")
                    .and_then(Json::as_str)
                    .ok_or_else(|| err(format!("roles[{i}] needs a \"role\" name (text)")))?;
                let privileges = string_list(r.get("privileges"))
                    .map_err(|m| err(format!("roles[{i}].privileges {m}")))?;
                roles.roles.insert(fold(name), privileges);
            }
        }

        // The docs mark "permissions" mandatory; fourd accepts a file without
        // it (nothing to protect) but refuses a wrongly shaped one.
        if let Some(perms) = top.get("permissions") {
            let allowed = perms
                .as_object()
                .ok_or_else(|| err("\"permissions\" must be an object".into()))?
                .get("allowed");
            if let Some(a) = allowed {
                if !a.is_array() {
                    return Err(err("\"permissions.allowed\" must be an array".into()));
                }
            }
        }

        match top.get("forceLogin") {
            None => {}
            Some(Json::Bool(b)) => roles.force_login = *b,
            Some(_) => return Err(err("\"forceLogin\" must be true or false".into())),
        }
        Ok(roles)
    }

    /// Reads `roles.json` in a project's `Sources` folder. No file → `Ok(None)`
    /// (no restriction, as in 4D).
    pub fn load(sources_dir: &Path) -> Result<Option<Roles>, RolesError> {
        let path = sources_dir.join("roles.json");
        match std::fs::read_to_string(&path) {
            Ok(text) => Roles::parse(&text, &path.display().to_string()).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(RolesError {
                path: path.display().to_string(),
                message: e.to_string(),
            }),
        }
    }

    /// The declared spelling of privilege `name` (WebAdmin is always declared).
    pub fn privilege(&self, name: &str) -> Option<&str> {
        if let Some(p) = self.privileges.get(&fold(name)) {
            return Some(&p.name);
        }
        name.eq_ignore_ascii_case(WEB_ADMIN).then_some(WEB_ADMIN)
    }

    /// True if `name` is a declared role.
    pub fn is_role(&self, name: &str) -> bool {
        self.roles.contains_key(&fold(name))
    }

    /// Adds privilege `name` and everything it includes to `out`, included
    /// ones first (so role "Medium" → medium → `["simple","medium"]`, the
    /// docs' order). Undeclared names are ignored; include cycles are cut.
    pub fn grant_privilege(&self, name: &str, out: &mut Vec<String>) {
        let Some(canon) = self.privilege(name) else {
            return;
        };
        if out.iter().any(|p| p.eq_ignore_ascii_case(canon)) {
            return;
        }
        // Mark first, then expand, so a cycle stops here; then move the name
        // after its includes.
        out.push(canon.to_string());
        let at = out.len() - 1;
        if let Some(p) = self.privileges.get(&fold(name)) {
            for inc in &p.includes {
                self.grant_privilege(inc, out);
            }
        }
        let me = out.remove(at);
        out.push(me);
    }

    /// Adds the privileges of role `name` (ignored if not declared).
    pub fn grant_role(&self, name: &str, out: &mut Vec<String>) {
        if let Some(ps) = self.roles.get(&fold(name)) {
            for p in ps {
                self.grant_privilege(p, out);
            }
        }
    }
}

fn string_list(v: Option<&Json>) -> Result<Vec<String>, String> {
    match v {
        None | Some(Json::Null) => Ok(Vec::new()),
        Some(Json::Array(a)) => a
            .iter()
            .map(|x| {
                x.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| "must hold only names (text)".to_string())
            })
            .collect(),
        Some(_) => Err("must be an array of names".into()),
    }
}

/// For a method file inside a 4D project (`…/Project/Sources/Methods/x.4dm`),
/// loads and installs `…/Project/Sources/roles.json` if there is one. A file
/// outside a project, or a project without roles.json: nothing to do.
pub fn load_for_method_file(file: &Path) -> Result<(), RolesError> {
    let Some(methods) = file.parent() else {
        return Ok(());
    };
    let Some(sources) = methods.parent() else {
        return Ok(());
    };
    let in_project = methods.file_name().is_some_and(|n| n == "Methods")
        && sources.file_name().is_some_and(|n| n == "Sources");
    if !in_project {
        return Ok(());
    }
    if let Some(r) = Roles::load(sources)? {
        install(r);
    }
    Ok(())
}

static ACTIVE: RwLock<Option<Arc<Roles>>> = RwLock::new(None);

/// Installs the roles of the loaded project (the interpreter calls this when
/// it loads a project's roles.json).
pub fn install(roles: Roles) {
    *ACTIVE.write() = Some(Arc::new(roles));
}

/// The roles of the running project (none declared when there is no roles.json).
pub fn active() -> Arc<Roles> {
    ACTIVE.read().clone().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"{
       "privileges":[
          {"privilege":"simple","includes":[]},
          {"privilege":"medium","includes":["simple"]}
       ],
       "roles":[{"role":"Medium","privileges":["medium"]}],
       "permissions":{"allowed":[]}
    }"#;

    #[test]
    fn roles_role_grants_included_privileges_in_doc_order() {
        let r = Roles::parse(DOC, "roles.json").unwrap();
        let mut out = Vec::new();
        r.grant_role("MEDIUM", &mut out);
        assert_eq!(out, ["simple", "medium"]);
    }

    #[test]
    fn roles_names_are_case_insensitive_and_undeclared_ignored() {
        let r = Roles::parse(DOC, "roles.json").unwrap();
        assert_eq!(r.privilege("SIMPLE"), Some("simple"));
        assert_eq!(r.privilege("webadmin"), Some("WebAdmin"));
        let mut out = Vec::new();
        r.grant_privilege("Admn", &mut out);
        r.grant_role("nobody", &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn roles_include_cycles_terminate() {
        let text = r#"{"privileges":[{"privilege":"a","includes":["b"]},{"privilege":"b","includes":["a"]}]}"#;
        let r = Roles::parse(text, "roles.json").unwrap();
        let mut out = Vec::new();
        r.grant_privilege("a", &mut out);
        assert_eq!(out, ["b", "a"]);
    }

    #[test]
    fn roles_malformed_files_are_refused_with_a_clear_message() {
        let e = Roles::parse("{\"privileges\": [", "p/roles.json").unwrap_err();
        assert!(e
            .to_string()
            .starts_with("p/roles.json: invalid roles.json:"));
        assert!(e.message.contains("line"));
        let e = Roles::parse("{}", "roles.json").unwrap_err();
        assert!(e.message.contains("\"privileges\" is required"));
        let e = Roles::parse(r#"{"privileges":[{"includes":[]}]}"#, "roles.json").unwrap_err();
        assert!(e.message.contains("privileges[0]"));
        let e = Roles::parse(r#"{"privileges":[],"forceLogin":"yes"}"#, "roles.json").unwrap_err();
        assert!(e.message.contains("forceLogin"));
    }

    #[test]
    fn roles_load_for_method_file_finds_the_project_file() {
        let dir = std::env::temp_dir().join(format!("fourd-roles-{}", std::process::id()));
        let methods = dir.join("Project/Sources/Methods");
        std::fs::create_dir_all(&methods).unwrap();
        let m = methods.join("m.4dm");
        // Outside a project, or no roles.json: fine.
        assert!(load_for_method_file(&dir.join("m.4dm")).is_ok());
        assert!(load_for_method_file(&m).is_ok());
        std::fs::write(dir.join("Project/Sources/roles.json"), "{ nope").unwrap();
        let e = load_for_method_file(&m).unwrap_err();
        assert!(e.to_string().contains("roles.json: invalid roles.json"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn roles_default_file_parses_with_force_login() {
        let text = r#"{"privileges":[{"privilege":"none","includes":[]}],"roles":[],
          "permissions":{"allowed":[{"applyTo":"ds","type":"datastore","read":["none"]}]},
          "forceLogin":true}"#;
        let r = Roles::parse(text, "roles.json").unwrap();
        assert!(r.force_login);
        assert_eq!(r.privilege("none"), Some("none"));
    }
}

// Harness for the examples of the 4D doc page API/SessionClass (seed 004),
// sessionclass_02.4dm to sessionclass_07.4dm, run verbatim as project methods
// in the standalone session of a CLI run, printing what each leaves behind.
sessionclass_02
ALERT("after clearPrivileges, isGuest: "+String(Session.isGuest()))
sessionclass_03
ALERT("expirationDate is Null: "+String(Session.expirationDate=Null))
sessionclass_04
sessionclass_05
ALERT("idleTimeout is Null: "+String(Session.idleTimeout=Null))
sessionclass_06
sessionclass_07
ALERT("privileges: "+JSON Stringify(Session.getPrivileges()))
ALERT("hasPrivilege(WebAdmin): "+String(Session.hasPrivilege("WebAdmin")))

// Harness for session_storage_01.4dm, the example of the 4D doc page
// commands/session-storage ("Session storage", seed 002), run verbatim as a
// project method, then called again from a second process of the same session.
var $id : Text
$id:=Session.id
session_storage_01($id; "first")
ALERT(Session storage($id).settings.text)
session_storage_01($id; "second")
ALERT(Session.storage.settings.text)
ALERT(String(Session storage($id)=Session.storage))
ALERT(String(Session storage("not-a-session-id")=Null))

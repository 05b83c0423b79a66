// Harness for session_storage_by_id_01.4dm, the example of the 4D doc page
// commands-legacy/session-storage-by-id ("Session storage by ID", English, seed 000),
// which runs verbatim as a project method: first call creates the settings,
// second call updates them.
var $id : Text
$id:=Session.id
session_storage_by_id_01($id; "hello")
ALERT(Session storage by ID($id).settings.text)
session_storage_by_id_01($id; "world")
ALERT(Session storage by ID($id).settings.text)
ALERT(String(OB Is shared(Session storage($id).settings)))

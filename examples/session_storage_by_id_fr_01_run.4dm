// Harness for session_storage_by_id_fr_01.4dm, the example of the French 4D doc
// page commands/session-storage-by-id ("Session storage by ID", seed 001), run
// verbatim as a project method.
var $id : Text
$id:=Session.id
session_storage_by_id_fr_01($id; "bonjour")
ALERT(Session storage by ID($id).settings.text)
session_storage_by_id_fr_01($id; "le monde")
ALERT(Session storage($id).settings.text)

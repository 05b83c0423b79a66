// docs/commands/get-4d-folder.md: outside a project, the database folder is the
// folder of the method run; the data folder is in it
$db:=Get 4D folder(Database folder)
ALERT(String(Test path name($db+"get_4d_folder.4dm")=Is a document))
ALERT(String(Get 4D folder(Data folder)=($db+"Data/")))
ALERT(String(Position("/";$db;Length($db))=Length($db)))

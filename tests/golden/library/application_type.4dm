// docs/commands/application-type.md: a single-user run is "4D Local mode"
// (fourd run --server is "4D Server")
If(Application type=4D Server)
	ALERT("4D Server")
Else
	ALERT("not a server: "+String(Application type=4D Local mode))
End if

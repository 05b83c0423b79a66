// Golden test: docs/commands/string.md (date and time expressions)
// (the documented example verbatim, then prints of its results)
$vsResult:=String(!2023-11-27!) //"11/27/2023"
ALERT($vsResult)
$vsResult:=String(!2023-11-27!;Internal date long) // "November 27, 2023"
ALERT($vsResult)
$vsResult:=String(!2023-11-27!;"EEEE d MMMM y GGGG") //"Monday 27 November 2023 Anno Domini"
ALERT($vsResult)
$vsResult:=String(?17:30:45?;HH MM AM PM) //"5:30 PM"
ALERT($vsResult)
$vsResult:=String(?17:30:45?;Hour Min Sec) //"17 hours 30 minutes 45 seconds"
ALERT($vsResult)
$vsResult:=String(?17:30:45?;"'It is' K a") //"It is 5 PM"
ALERT($vsResult)
ALERT(String(True))
ALERT(String(Null))

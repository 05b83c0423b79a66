// docs/commands/string.md: date and time formats and patterns (the examples
// that do not depend on the time zone), and a day-first date literal
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
$mydate:=String(!13/09/2010!;ISO Date) // returns 2010-09-13T00:00:00 regardless of the time zone
ALERT($mydate)
ALERT(String(!2023-11-27!;"D QQQ QQQQ"))

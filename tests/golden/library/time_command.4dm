// docs/commands/time.md: examples 1 and 2
ALERT("1:00 P.M. = "+String(Time("13:00:00");Hour Min))
vTime:=Time(10000)
//vTime is 02:46:40
ALERT(String(vTime))
vTime2:=Time((60*60)+(20*60)+5200)
//vTime2 is 02:46:40
ALERT(String(vTime2))
// docs/commands/string.md: time display formats
ALERT(String(?01:02:03?;Hour min)+" / "+String(?01:02:03?;Hour min sec)+" / "+String(?01:02:03?;Min sec))

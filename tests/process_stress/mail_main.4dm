#DECLARE($n : Integer)
var $st : Object
var $done : 4D.Signal
$st:=New shared object("last"; 0; "count"; 0; "bad"; 0)
$done:=New signal
For ($i; 1; $n)
	CALL WORKER("mail"; "mail_take"; $st; $i)
End for
CALL WORKER("mail"; Formula($1.trigger()); $done)
$done.wait(600)
ALERT(String($st.count)+" "+String($st.last)+" "+String($st.bad))

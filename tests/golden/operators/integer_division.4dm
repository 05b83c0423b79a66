// docs/Concepts/dt_number.md: "\" is integer division, "%" the modulo;
// spaces around the operator are allowed, and a "\" ending a line continues it
ALERT(String(10 \ 3)+" "+String(10\3)+" "+String(10 % 3))
$total:=17 \ \
	5
ALERT(String($total))

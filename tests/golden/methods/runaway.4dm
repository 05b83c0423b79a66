// helper: never stops once started with a positive number
#DECLARE($n : Integer)
If ($n>0)
	runaway($n+1)
End if

// Process method of contend.4dm.
#DECLARE($c : Object; $n : Integer; $s : 4D.Signal)
For ($i; 1; $n)
	Use ($c)
		$c.count:=$c.count+1
	End use
End for
$s.trigger()

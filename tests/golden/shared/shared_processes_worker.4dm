// Process method of shared_processes.4dm: 1000 locked increments.
#DECLARE($inv : Object)
var $k : Integer
If ($inv#Null)
	For ($k; 1; 1000)
		Use ($inv)
			$inv.n:=$inv.n+1
		End use
	End for
	Use ($inv)
		$inv.done:=$inv.done+1
	End use
End if

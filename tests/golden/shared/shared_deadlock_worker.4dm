// Process method of shared_deadlock.4dm: holds $b, then wants $a.
#DECLARE($a : Object; $b : Object; $res : Object)
If ($res#Null)
	Use ($b)
		Use ($res)
			$res.hasB:=True
		End use
		Try
			Use ($a)
			End use
		Catch
			Use ($res)
				$res.deadlocks:=$res.deadlocks+1
				$res.code:=Last errors[0].errCode
			End use
		End try
	End use
	Use ($res)
		$res.done:=True
	End use
End if

#DECLARE($st : Object; $i : Integer)
Use ($st)
	If ($i#($st.last+1))
		$st.bad:=$st.bad+1
	End if
	$st.last:=$i
	$st.count:=$st.count+1
End use

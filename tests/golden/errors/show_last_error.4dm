// helper of throw_forms and throw_deferred: prints the first error of Last errors
If (Last errors=Null)
	ALERT("no error")
Else
	ALERT(String(Last errors[0].errCode)+" | "+Last errors[0].message+" | "+Last errors[0].componentSignature)
End if

// Compiler declarations name methods; a method may be named like a keyword
C_COLLECTION(CATCH; $1)
C_OBJECT(Repeat; $0)
$x:=Use+1
If (False)
	C_TEXT(Catch; $2)
End if 

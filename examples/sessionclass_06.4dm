If (Session.isGuest())
	//Do something for Guest user
End if

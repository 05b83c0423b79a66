Else

// docs/Concepts/classes.md: "Singleton classes" (cs.Counter.me is the one instance)
singleton Class constructor()
	This.count:=0

Function inc() : Integer
	This.count+=1
	return This.count

// docs/API/ClassClass.md: .me, .isSingleton, .isShared, .isSessionSingleton
ALERT(String(cs.Counter.me.inc()))
ALERT(String(cs.Counter.me.inc()))
ALERT(String(cs.Counter.me=cs.Counter.me))
ALERT(String(cs.Counter.isSingleton)+" "+String(cs.Counter.isShared)+" "+String(cs.Counter.isSessionSingleton))
ALERT(String(cs.Person.isSingleton)+" "+String(cs.Person.isShared))

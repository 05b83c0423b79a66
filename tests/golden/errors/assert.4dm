// ASSERT stops with an error when its condition is False
ASSERT(1=1)
ALERT("ok")
ASSERT(1=2; "one is not two")

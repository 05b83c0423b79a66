$t:="never closed

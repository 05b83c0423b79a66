// helper: raises error 7 (run alone, it fails with that error)
throw(7; "seven")

// An error in another process: reported, exit status 1.
New process("child_fails"; 0; "failing")

// Process 1 is a worker: messages posted to it run once the main method has
// returned, before the run ends. CALL WORKER(1;"") does nothing.
CALL WORKER(1; Formula(ALERT("message to process 1 from "+$1)); "main")
CALL WORKER(1; "")
ALERT("main method returns")

"""Runtime plumbing: the qasync loop, tasks, the GUI-thread collector and the loop monitor."""

"""`python -m assistant`: start the app."""

import sys

from assistant.shell.main import main

sys.exit(main())

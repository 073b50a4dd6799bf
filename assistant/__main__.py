"""`python -m assistant`: start the app."""

import sys

from assistant.app.main import main

sys.exit(main())

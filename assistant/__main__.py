"""`python -m assistant`: start the app."""

import sys

from assistant.app import main

sys.exit(main())

"""``python -m officer_desk.cli``."""

import sys

from officer_desk.cli import main

sys.exit(main())

"""``python -m frister``: the same as the ``frister`` command."""

import sys

from frister.cli import main

sys.exit(main())

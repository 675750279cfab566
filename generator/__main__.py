"""`python -m generator` runs the podsite command line."""

import sys

from generator.cli import main

sys.exit(main())

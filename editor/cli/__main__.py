"""python -m editor.cli: the same as the policy-editor command."""
import sys

from . import main

sys.exit(main())

"""Entry script of the frozen app (PyInstaller): the same `main` as the `policy-editor` command."""
import sys

from editor.cli import main

if __name__ == "__main__":
    sys.exit(main())

"""Command line: the same pipeline as the GUI, headless — for agencies and scripts.

policy-editor                      start the desktop app
policy-editor FILE                 open FILE in the desktop app
policy-editor catalog [--json] [--language de|en]
policy-editor new -o FILE [--language de|en] [--company NAME] [--state LAND] [--service ID]... [--example]
policy-editor export FILE -o OUT [--format docx|html|md|txt|pdf] [--language de|en] [--fragment [--no-title]
                     [--stylesheet]] [--review] [--stand today|YYYY-MM-DD] [--record] [--strict]
policy-editor check FILE [--json] [--language de|en] [--site SOURCE]...
policy-editor add-service FILE --name NAME --role ROLE --category CAT --purpose TEXT --basis BASIS [...]
policy-editor screenshot PROJECT -o FILE.png [--language de|en] [--size 1400x900] [--select SERVICE]
                         [--tab company|service|sections]
policy-editor scan SOURCE... [--json] [--pages N] [--language de|en]
policy-editor import POLICY [--json] [--language de|en]

Errors go to stderr as one plain sentence, with a non-zero exit status.

The parts: parser.py (every command and its options), common.py (what the commands share), and
a module per command group: list_catalog.py, project_file.py (new, add-service), export_policy.py,
findings.py (check, scan, import), screenshot.py.
"""
from __future__ import annotations

import sys

from .common import CliError

__all__ = ["COMMANDS", "CliError", "build_parser", "main"]


def build_parser():
    """The parser of every command (imported here: starting the desktop app needs none of it)."""
    from .parser import build_parser as build

    return build()


COMMANDS = ("catalog", "new", "export", "check", "add-service", "screenshot", "scan", "import")
FINDING_COMMANDS = ("check", "scan", "import")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (len(argv) == 1 and argv[0] not in COMMANDS and not argv[0].startswith("-")):
        from ..gui.app import main as gui_main

        return gui_main(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    from ..core.compose import ComposeError
    from ..core.project import ProjectError
    from ..export import ExportError

    try:
        return args.run(args)
    except ProjectError as exc:  # in the language of the command's output: that of its findings (German by
        # default, as they are) for the commands that list findings, else the English of the other messages
        # (--language is the document's language elsewhere: export, new and screenshot speak English)
        lang = (getattr(args, "language", None) or "de") if args.command in FINDING_COMMANDS else "en"
        print(f"policy-editor: {exc.text(lang)}", file=sys.stderr)
        return 1
    except (CliError, ExportError, ComposeError) as exc:
        print(f"policy-editor: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. piped into `head`; not an error for the user
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        print(f"policy-editor: {exc.strerror or exc}{': ' + str(exc.filename) if exc.filename else ''}.", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug of ours: still one sentence, the details on request
        import os

        if os.environ.get("POLICY_EDITOR_DEBUG"):
            raise
        detail = str(exc).replace("\n", " ")[:200]
        print(f"policy-editor: Something went wrong that Policy Editor did not expect ({type(exc).__name__}: {detail}). "
              "Nothing was changed; please report this (POLICY_EDITOR_DEBUG=1 shows the details).", file=sys.stderr)
        return 1



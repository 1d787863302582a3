"""policy-editor screenshot: the main window with a project, rendered to a PNG."""
from __future__ import annotations

import argparse

from .common import CliError, load_catalog, load_project


def cmd_screenshot(args: argparse.Namespace) -> int:
    size = _window_size(args.size)
    project = load_project(args.project)  # a clear error before Qt starts
    if args.select:
        from ..core.own_services import overlay

        if args.select not in overlay(load_catalog(), project).services:
            raise CliError(f"No service '{args.select}' in the catalog or the project's own services "
                           "(see 'policy-editor catalog').")
    from ..gui.screenshot import render_screenshot

    render_screenshot(args.project, args.output, language=args.language or "de", size=size,
                      select=args.select, tab=args.tab)
    print(f"Wrote {args.output}")
    return 0


def _window_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise CliError(f"Size '{text}' is not like 1400x900.") from None
    if not (400 <= width <= 8000 and 300 <= height <= 8000):
        raise CliError(f"Size '{text}' is outside 400x300 to 8000x8000.")
    return width, height


"""policy-editor export: the project composed and written by the writer its file name or
--format chooses — refused for unknown services, marked as a draft (or refused with --strict)
while the checks find errors."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import CliError, load_catalog, load_file, warn


def cmd_export(args: argparse.Namespace) -> int:
    from ..core.compose import compose
    from ..core.export_history import record_export
    from ..core.project import save
    from ..export import check_options, export, format_for, writer

    loaded = load_file(args.file)
    project = loaded.project
    out = Path(args.output)
    fmt = format_for(out, args.format)
    options = check_options(fmt, fragment=args.fragment, review=args.review, no_title=args.no_title,
                            stylesheet=args.stylesheet)
    catalog = load_catalog()
    _refuse_unknown_services(catalog, project)
    lang = args.language or (project.languages[0] if project.languages else "de")
    if args.stand:
        project.stand = args.stand
    document = compose(catalog, project, lang)
    if options.get("review"):  # the review edition's notes: provider facts, decisions, tasks
        from ..core.review import review_notes

        options["review"] = review_notes(catalog, project, document)
    if out.parent and not out.parent.exists():
        raise CliError(f"The folder {out.parent} does not exist.")
    _gate_open_errors(catalog, project, document, args)
    from ..core.export_gate import as_exported

    document = as_exported(catalog, project, document)  # open errors: a visible draft notice
    if writer(fmt).gui_thread:  # Qt lays the PDF out: this command owns the QApplication while it runs
        from ..export.pdf import qt_application

        with qt_application():
            export(document, out, fmt, **options)
    else:
        export(document, out, fmt, **options)
    if args.record:  # the path relative to the project file: a shared project names no local folders
        project.export_history.append(record_export(out, fmt, lang, fragment=bool(options.get("fragment")),
                                                    project_file=args.file))
        warn(save(project, args.file, expected=loaded.fingerprint).warnings)
    print(f"Wrote {out}")
    return 0


def _gate_open_errors(catalog, project, document, args: argparse.Namespace) -> None:
    """Errors the checks still find: named on stderr before the export, or with --strict the
    reason not to export at all."""
    from ..core.export_gate import open_errors

    errors = open_errors(catalog, project, document, lang="en")
    if not errors:
        return
    count = f"{len(errors)} open error{'s' if len(errors) != 1 else ''}"
    if args.strict:
        raise CliError(f"The policy was not exported because the project has {count} (--strict). "
                       f"'policy-editor check {args.file}' lists them.")
    print(f"policy-editor: warning: the project has {count}; the export is marked as a draft and lists "
          "them at its top. Fix them before you publish the policy:", file=sys.stderr)
    for error in errors[:10]:
        print(f"  - {error.message}", file=sys.stderr)
    if len(errors) > 10:
        print(f"  … and {len(errors) - 10} more ('policy-editor check {args.file}' lists them all)", file=sys.stderr)


def _refuse_unknown_services(catalog, project) -> None:
    """A policy without a service the project selected would be wrong without saying so."""
    from ..core.own_services import unknown_selected

    unknown = unknown_selected(catalog, project)
    if unknown:
        from ..core.own_services import named

        names = ", ".join(named(project.selected(sid)) for sid in unknown)
        raise CliError(f"The policy was not exported because the selected service{'s' if len(unknown) > 1 else ''} "
                       f"{names} {'are' if len(unknown) > 1 else 'is'} in no installed clause pack; "
                       "install the pack again or remove the service from the project.")


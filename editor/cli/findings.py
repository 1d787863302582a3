"""policy-editor check / scan / import: what the checks find in a project, which services a
website uses, and what an old policy names."""
from __future__ import annotations

import argparse
import json
import sys

from .common import CliError, load_catalog, load_file, warn


def cmd_check(args: argparse.Namespace) -> int:
    from ..core.checks import checks

    loaded = load_file(args.file, tell=False)
    project = loaded.project
    lang = args.language or (project.languages[0] if project.languages else "de")
    warn(loaded.warnings, lang)  # in the findings' language
    catalog = load_catalog()
    findings = checks(catalog, project, lang=lang)
    if args.site:
        from ..core.scan import site_findings

        findings += site_findings(catalog, project, _scan(catalog, args.site, args.pages, lang), lang)
    tasks = [f for f in findings if f.severity == "task"]
    findings = [f for f in findings if f.severity != "task"]
    if args.json:
        rows = [{"severity": f.severity, "code": f.code, "message": f.message, "target": f.target} for f in findings]
        rows += [{"severity": "task", "code": f.code, "task": f.task, "message": f.message, "target": f.target,
                  "link": f.link, "done": f.done} for f in tasks]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for f in findings:
            print(f"{f.severity:<8} {f.message}  [{f.target}]")
        errors = sum(f.severity == "error" for f in findings)
        print(f"{errors} error(s), {sum(f.severity == 'warning' for f in findings)} warning(s)")
        if tasks:  # the site owner's to-do list: never an error, so it does not change the exit status
            print(f"\nTo do on your website and in your business ({sum(not f.done for f in tasks)} open):")
            for f in tasks:
                print(f"  [{'x' if f.done else ' '}] {f.message}" + (f" {f.link}" if f.link else "") + f"  ({f.task})")
    return 1 if any(f.severity == "error" for f in findings) else 0


def _scan(catalog, sources, pages, lang):
    from ..core.evidence import Cancelled
    from ..core.scan import ScanError, scan

    try:
        return scan(catalog, sources, pages=pages, lang=lang)
    except (ScanError, Cancelled) as exc:
        raise CliError(str(exc)) from None


def cmd_scan(args: argparse.Namespace) -> int:
    from ..core.scan import describe

    catalog = load_catalog()
    result = _scan(catalog, args.source, args.pages, args.language)
    if args.json:
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        for note in result.notes:
            print(f"policy-editor: note: {note}", file=sys.stderr)
        return 0
    for line in describe(result):
        print(line)
    for note in result.notes:
        print(f"\nNote: {note}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from ..core.evidence import Cancelled
    from ..core.policy_import import ImportError_, import_policy

    catalog = load_catalog()
    try:
        result = import_policy(catalog, args.policy, lang=args.language)
    except (ImportError_, Cancelled) as exc:
        raise CliError(str(exc)) from None
    if args.json:
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"Services named ({len(result.suggestions)}):" if result.suggestions else "No known service named.")
    for s in result.suggestions:
        print(f"  {s.id:<32} {s.name}")
        if s.evidence:
            print(f"      {s.evidence[0].source}: {s.evidence[0].match}")
    if result.company:
        print("\nCompany details:")
        for key, value in result.company.items():
            print(f"  {key:<9} {value}")
    if result.findings:
        print("\nAbout the old text:")
        for f in result.findings:
            print(f"  {f.severity:<8} {f.message}")
    return 0


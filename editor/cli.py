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
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__

COMMANDS = ("catalog", "new", "export", "check", "add-service", "screenshot", "scan", "import")


class CliError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one plain sentence, exit 2
        self.exit(2, f"policy-editor: {message[0].upper() + message[1:]}. See 'policy-editor --help'.\n")


def _catalog():
    from .core.catalog_cache import default_catalog

    catalog = default_catalog()
    for error in catalog.errors:
        print(f"policy-editor: warning: clause pack problem: {error}", file=sys.stderr)
    return catalog


def _state_code(value: str) -> str:
    from .core.project import STATE_CODES
    from .core.states import state_names

    if value.upper() in STATE_CODES:
        return value.upper()
    for lang in ("de", "en"):
        for code, name in state_names(lang).items():
            if name.casefold() == value.casefold():
                return code
    raise CliError(f"Unknown federal state '{value}'. Use a code such as NW or a name such as Bayern.")


def _stand(value: str) -> str:
    """--stand: "today" or a date as YYYY-MM-DD, as the ISO date the project stores."""
    import datetime as _dt

    if value.strip().casefold() == "today":
        return _dt.date.today().isoformat()
    try:
        return _dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected 'today' or a date such as 2026-12-03, not '{value}'") from None


def _recipient_json(recipient) -> dict:
    """{recipient, country, safeguard} and, for the USA, dpf: {certified, checked, source} or
    null where the DPF list was not checked (the service's uncertain says so)."""
    from .core.schema import Recipient

    if isinstance(recipient, Recipient):
        entity, country, safeguard, dpf = recipient.entity, recipient.country, recipient.safeguard, recipient.dpf
    else:
        (entity, country, safeguard), dpf = recipient, None
    out = {"recipient": entity, "country": country, "safeguard": safeguard}
    if country == "US":
        out["dpf"] = None if dpf is None else {"certified": dpf.certified, "checked": dpf.checked.isoformat(),
                                               "source": dpf.source}
    return out


def cmd_catalog(args: argparse.Namespace) -> int:
    from .core.inherit import transfer_recipients

    catalog = _catalog()
    lang = args.language
    services = sorted(catalog.services.values(), key=lambda s: (catalog.categories[s.category].order, s.id))
    if args.json:
        out = []
        for s in services:
            out.append({
                "id": s.id,
                "category": s.category,
                "category_title": catalog.categories[s.category].title.get(lang),
                "names": {"de": s.names.de, "en": s.names.en},
                "keywords": list(s.keywords),
                "role": s.role,
                "provider": None if s.provider is None else {
                    "entity": s.provider.entity,
                    "address": s.provider.address,
                    "country": s.provider.country,
                    "privacy_url": s.provider.privacy_url,
                },
                "transfer": [_recipient_json(r) for r in transfer_recipients(s)],
                "uncertain": list(s.uncertain),
                "consent": s.uses_consent,
                "options": [o.id for o in s.options],
                "verified": s.verified.isoformat(),
                "pack": catalog.service_pack[s.id],
                "version": s.version,
            })
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    current = None
    for s in services:
        if s.category != current:
            current = s.category
            print(f"\n{catalog.categories[current].title.get(lang)}")
        provider = s.provider.entity if s.provider else ("selbst betrieben" if lang == "de" else "self-hosted")
        print(f"  {s.id:<32} {s.name(lang)} — {provider}")
    print(f"\n{len(services)} {'Dienste' if lang == 'de' else 'services'}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from .core import project as P

    out = Path(args.output)
    if out.exists() and not args.force:
        raise CliError(f"{out} already exists. Choose another name or add --force to replace it.")
    project = P.example_project() if args.example else P.Project()
    if args.company:
        project.controller.name = args.company
    if args.state:
        project.state = _state_code(args.state)
    if args.language:
        project.languages = [args.language] + [x for x in ("de", "en") if x != args.language]
    if args.service:
        catalog = _catalog()
        unknown = [s for s in args.service if s not in catalog.services]
        if unknown:
            raise CliError(f"Unknown service id(s): {', '.join(unknown)}. 'policy-editor catalog' lists them.")
        project.services = [P.SelectedService(id=s, pack=catalog.service_pack[s]) for s in dict.fromkeys(args.service)]
    _warn(P.save(project, out).warnings)
    print(f"Created {out}")
    return 0


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        print(f"policy-editor: warning: {warning}", file=sys.stderr)


def _load_file(path: str):
    """The loaded file (project, fingerprint); what loading settled (e.g. a service listed
    twice) is printed as warnings."""
    from .core.project import load_file

    loaded = load_file(path)
    _warn(loaded.warnings)
    return loaded


def _load(path: str):
    return _load_file(path).project


def cmd_export(args: argparse.Namespace) -> int:
    from .core.compose import compose
    from .core.export_history import record_export
    from .core.project import save
    from .export import check_options, export, format_for, writer

    loaded = _load_file(args.file)
    project = loaded.project
    out = Path(args.output)
    fmt = format_for(out, args.format)
    options = check_options(fmt, fragment=args.fragment, review=args.review, no_title=args.no_title,
                            stylesheet=args.stylesheet)
    catalog = _catalog()
    _refuse_unknown_services(catalog, project)
    lang = args.language or (project.languages[0] if project.languages else "de")
    if args.stand:
        project.stand = args.stand
    document = compose(catalog, project, lang)
    if options.get("review"):  # the review edition's notes: provider facts, decisions, tasks
        from .core.review import review_notes

        options["review"] = review_notes(catalog, project, document)
    if out.parent and not out.parent.exists():
        raise CliError(f"The folder {out.parent} does not exist.")
    _gate_open_errors(catalog, project, document, args)
    from .core.export_gate import as_exported

    document = as_exported(catalog, project, document)  # open errors: a visible draft notice
    if writer(fmt).gui_thread:  # Qt lays the PDF out: this command owns the QApplication while it runs
        from .export.pdf import qt_application

        with qt_application():
            export(document, out, fmt, **options)
    else:
        export(document, out, fmt, **options)
    if args.record:  # the path relative to the project file: a shared project names no local folders
        project.export_history.append(record_export(out, fmt, lang, fragment=bool(options.get("fragment")),
                                                    project_file=args.file))
        _warn(save(project, args.file, expected=loaded.fingerprint).warnings)
    print(f"Wrote {out}")
    return 0


def _gate_open_errors(catalog, project, document, args: argparse.Namespace) -> None:
    """Errors the checks still find: named on stderr before the export, or with --strict the
    reason not to export at all."""
    from .core.export_gate import open_errors

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
    from .core.own_services import unknown_selected

    unknown = unknown_selected(catalog, project)
    if unknown:
        from .core.own_services import named

        names = ", ".join(named(project.selected(sid)) for sid in unknown)
        raise CliError(f"The policy was not exported because the selected service{'s' if len(unknown) > 1 else ''} "
                       f"{names} {'are' if len(unknown) > 1 else 'is'} in no installed clause pack; "
                       "install the pack again or remove the service from the project.")


def cmd_add_service(args: argparse.Namespace) -> int:
    """Describe a service the catalog lacks, inside the project (for agencies and scripts)."""
    from .core import countries, own_services, schema
    from .core.project import SelectedService, save

    loaded = _load_file(args.file)
    project = loaded.project
    catalog = _catalog()
    name = args.name.strip()
    if not name:
        raise CliError("Give the service a name with --name.")
    if args.category not in catalog.categories:
        raise CliError(f"Unknown category '{args.category}'. Use one of: {', '.join(sorted(catalog.categories))}.")
    purposes, bases = args.purpose or [], args.basis or []
    if not purposes:
        raise CliError("Name at least one purpose with --purpose, each followed by its --basis.")
    if len(purposes) != len(bases):
        raise CliError(f"Each --purpose needs its --basis at the same position; you gave {len(purposes)} "
                       f"purpose(s) and {len(bases)} basis/bases.")
    if "legitimate_interest" in bases and not (args.interest or "").strip():
        raise CliError("A purpose on legitimate interest (Art. 6(1)(f) GDPR) needs the interest spelled out with --interest.")
    country = (args.country or "").strip().upper()
    hosted = args.role == "self_hosted"
    if not hosted:
        missing = [flag for flag, value in (("--entity", args.entity), ("--address", args.address),
                                            ("--country", country), ("--privacy-url", args.privacy_url)) if not (value or "").strip()]
        if missing:
            raise CliError(f"A service with a provider needs {', '.join(missing)}.")
    if country and (len(country) != 2 or not country.isalpha()):
        raise CliError(f"Country '{args.country}' is not a two-letter code such as DE or US.")
    if args.privacy_url and not args.privacy_url.strip().startswith("https://"):
        raise CliError(f"The privacy address '{args.privacy_url}' must start with https://.")
    if args.safeguard and country in countries.EEA:
        raise CliError(f"{country} is in the EU/EEA: a transfer safeguard (--safeguard) is only for providers outside it.")
    lang = args.language or (project.languages[0] if project.languages else "de")

    def text(value: str | None) -> schema.Text:
        value = (value or "").strip()
        return schema.Text(de=value if lang == "de" else "", en=value if lang == "en" else "")

    service_id = own_services.new_id(name, [*catalog.services, *(r.get("id") for r in project.own_services
                                                                  if isinstance(r, dict))])
    interest = text(args.interest)
    record = own_services.build(
        id=service_id, name=schema.Text(de=name, en=name), category=args.category, role=args.role,
        entity=args.entity or "", address=args.address or "", country=country, privacy_url=args.privacy_url or "",
        purposes=[schema.Purpose(text=text(p), basis=b, interest=interest if b == "legitimate_interest" else None)
                  for p, b in zip(purposes, bases)],
        data=schema.TextList(de=[d.strip() if lang == "de" else "" for d in args.data or []],
                             en=[d.strip() if lang == "en" else "" for d in args.data or []]),
        retention=text(args.retention), safeguard=args.safeguard or "none", device_access=args.device_access,
    )
    project.own_services.append(own_services.to_record(record))
    project.services.append(SelectedService(id=service_id))
    _warn(save(project, args.file, expected=loaded.fingerprint).warnings)
    print(f"Added '{name}' as {service_id} to {args.file}")
    notes = {"language": "{field} is not given in {message} yet",
             "transfer": "{message} is outside the EU/EEA and no --safeguard was given; 'check' reports it as an error"}
    for problem in own_services.read(catalog, project).problems:
        if problem.service == service_id:
            note = notes.get(problem.kind, "{field}: {message}")
            print(f"policy-editor: note: {note.format(field=problem.field, message=problem.message)}.", file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .core.checks import checks

    project = _load(args.file)
    catalog = _catalog()
    lang = args.language or (project.languages[0] if project.languages else "de")
    findings = checks(catalog, project, lang=lang)
    if args.site:
        from .core.scan import site_findings

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
    from .core.evidence import Cancelled
    from .core.scan import ScanError, scan

    try:
        return scan(catalog, sources, pages=pages, lang=lang)
    except (ScanError, Cancelled) as exc:
        raise CliError(str(exc)) from None


def cmd_scan(args: argparse.Namespace) -> int:
    from .core.scan import describe

    catalog = _catalog()
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
    from .core.evidence import Cancelled
    from .core.policy_import import ImportError_, import_policy

    catalog = _catalog()
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


def cmd_screenshot(args: argparse.Namespace) -> int:
    size = _window_size(args.size)
    project = _load(args.project)  # a clear error before Qt starts
    if args.select:
        from .core.own_services import overlay

        if args.select not in overlay(_catalog(), project).services:
            raise CliError(f"No service '{args.select}' in the catalog or the project's own services "
                           "(see 'policy-editor catalog').")
    from .gui.screenshot import render_screenshot

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


def own_services_safeguards() -> tuple[str, ...]:
    from .core.own_services import SAFEGUARDS

    return SAFEGUARDS


def build_parser() -> argparse.ArgumentParser:
    from .export import FORMATS  # the writer registry: declarations only, no writer is imported

    parser = _Parser(prog="policy-editor", description="Compose GDPR privacy policies offline (German and English).")
    parser.add_argument("--version", action="version", version=f"policy-editor {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("catalog", help="list every service of the installed clause packs")
    p.add_argument("--json", action="store_true")
    p.add_argument("--language", choices=("de", "en"), default="de")
    p.set_defaults(run=cmd_catalog)

    p = sub.add_parser("new", help="create a new project file")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--language", choices=("de", "en"))
    p.add_argument("--company")
    p.add_argument("--state", help="federal state code (e.g. NW) or name")
    p.add_argument("--service", action="append", metavar="ID")
    p.add_argument("--example", action="store_true", help="fill every company field with sample data")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(run=cmd_new)

    p = sub.add_parser("export", help="write the policy as DOCX, HTML, Markdown, text or PDF")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--format", choices=FORMATS)
    p.add_argument("--language", choices=("de", "en"))
    p.add_argument("--fragment", action="store_true", help="HTML for embedding instead of a full page")
    p.add_argument("--no-title", action="store_true", help="fragment without the <h1> (the website's page has its own)")
    p.add_argument("--stylesheet", action="store_true", help="fragment with a small stylesheet scoped to the policy")
    p.add_argument("--review", action="store_true", help="DOCX review edition with provenance comments")
    p.add_argument("--record", action="store_true", help="note the export in the project's history")
    p.add_argument("--stand", type=_stand, metavar="today|YYYY-MM-DD",
                   help="the 'Stand' date the policy prints (kept in the project with --record)")
    p.add_argument("--strict", action="store_true", help="refuse to export (exit 1) while the checks find errors")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("check", help="list findings; exit status 1 if any is an error")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.add_argument("--language", choices=("de", "en"))
    p.add_argument("--site", action="append", metavar="SOURCE",
                   help="also compare with what the site uses (a saved page, folder, HAR file or http(s) address)")
    p.add_argument("--pages", type=int, default=20, help="pages to fetch when --site is an address (default 20)")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("add-service", help="describe a service the catalog lacks, inside the project",
                       description="Add your own service to the project: its provider, role, purposes (each --purpose "
                                   "pairs with the --basis at the same position), data and retention. It is checked "
                                   "by the same rules as a clause pack's services and composed like one.")
    p.add_argument("file")
    p.add_argument("--name", required=True)
    p.add_argument("--entity", help="the provider's legal entity, e.g. 'Acme Inc.'")
    p.add_argument("--address", help="the provider's address")
    p.add_argument("--country", help="the provider's country, two letters (DE, US)")
    p.add_argument("--role", required=True, choices=("processor", "controller", "joint_controller", "self_hosted"))
    p.add_argument("--category", required=True, help="a category id ('policy-editor catalog' shows them)")
    p.add_argument("--purpose", action="append", metavar="TEXT")
    p.add_argument("--basis", action="append", choices=("consent", "contract", "legal_obligation", "legitimate_interest"))
    p.add_argument("--interest", metavar="TEXT", help="the legitimate interest (Art. 6(1)(f) GDPR)")
    p.add_argument("--data", action="append", metavar="TEXT", help="a category of data processed (repeat for more)")
    p.add_argument("--safeguard", choices=own_services_safeguards(), help="for a provider outside the EU/EEA")
    p.add_argument("--privacy-url", help="the provider's privacy policy (https://)")
    p.add_argument("--retention", metavar="TEXT", help="how long the data is kept")
    p.add_argument("--device-access", action="store_true", help="it stores or reads information on the visitor's device")
    p.add_argument("--language", choices=("de", "en"), help="the language of your texts (default: the project's first)")
    p.set_defaults(run=cmd_add_service)

    p = sub.add_parser(
        "scan", help="find the services a website uses",
        description="Find the services a website uses, with the evidence, and every third-party host no service explains. "
                    "SOURCE is a saved page (.html), a folder of a saved or exported site, a HAR file, or an http(s) address "
                    "of your own site (fetched only because you ask, same-site links up to --pages). Scripts are not "
                    "executed, so services that load late are seen only in a HAR file: open your site in Firefox or Chrome, "
                    "press F12, Network tab, reload and click through (accept the cookie banner), then right-click → "
                    "'Save all as HAR' (Firefox) or the download arrow 'Export HAR…' (Chrome).")
    p.add_argument("source", nargs="+")
    p.add_argument("--json", action="store_true")
    p.add_argument("--pages", type=int, default=20, help="pages to fetch from an address (default 20)")
    p.add_argument("--language", choices=("de", "en"), default="de", help="language of the service names")
    p.set_defaults(run=cmd_scan)

    p = sub.add_parser("import", help="find the services, company details and outdated points of an old policy",
                       description="Read an existing privacy policy (.txt, .md, .html, .docx or .pdf): the services it "
                                   "names, the company details it gives, and what is outdated in it. Nothing is changed.")
    p.add_argument("policy")
    p.add_argument("--json", action="store_true")
    p.add_argument("--language", choices=("de", "en"), default="de", help="language of the service names")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("screenshot", help="render the main window with a project to a PNG")
    p.add_argument("project")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--language", choices=("de", "en"))
    p.add_argument("--size", default="1400x900", help="window size WIDTHxHEIGHT")
    p.add_argument("--select", metavar="SERVICE", help="highlight this service (ticks nothing) so its options show")
    p.add_argument("--tab", choices=("company", "service", "sections"), help="the middle column's tab to show")
    p.set_defaults(run=cmd_screenshot)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (len(argv) == 1 and argv[0] not in COMMANDS and not argv[0].startswith("-")):
        from .gui.app import main as gui_main

        return gui_main(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    from .core.compose import ComposeError
    from .core.project import ProjectError
    from .export import ExportError

    try:
        return args.run(args)
    except (CliError, ProjectError, ExportError, ComposeError) as exc:
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""The argument parser: every command, its options and the function that runs it. The
command modules import their heavy parts only when they run."""
from __future__ import annotations

import argparse

from .. import __version__
from .list_catalog import cmd_catalog
from .export_policy import cmd_export
from .findings import cmd_check, cmd_import, cmd_scan
from .project_file import cmd_add_service, cmd_new
from .screenshot import cmd_screenshot


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one plain sentence, exit 2
        self.exit(2, f"policy-editor: {message[0].upper() + message[1:]}. See 'policy-editor --help'.\n")


def _stand(value: str) -> str:
    """--stand: "today" or a date as YYYY-MM-DD, as the ISO date the project stores."""
    import datetime as _dt

    if value.strip().casefold() == "today":
        return _dt.date.today().isoformat()
    try:
        return _dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected 'today' or a date such as 2026-12-03, not '{value}'") from None


def own_services_safeguards() -> tuple[str, ...]:
    from ..core.own_services import SAFEGUARDS

    return SAFEGUARDS


def build_parser() -> argparse.ArgumentParser:
    from ..export import FORMATS  # the writer registry: declarations only, no writer is imported

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
    p.add_argument("--basis", action="append", choices=("consent", "explicit_consent", "contract", "legal_obligation", "legitimate_interest"))
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


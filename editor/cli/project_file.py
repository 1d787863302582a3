"""policy-editor new / add-service: create a project file, describe an own service in it."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import CliError, load_catalog, load_file, state_code, warn


def cmd_new(args: argparse.Namespace) -> int:
    from ..core import project as P

    out = Path(args.output)
    if out.exists() and not args.force:
        raise CliError(f"{out} already exists. Choose another name or add --force to replace it.")
    project = P.example_project() if args.example else P.new_project()
    if args.company:
        project.controller.name = args.company
    if args.state:
        project.state = state_code(args.state)
    if args.language:
        project.languages = [args.language] + [x for x in ("de", "en") if x != args.language]
    if args.service:
        catalog = load_catalog()
        unknown = [s for s in args.service if s not in catalog.services]
        if unknown:
            raise CliError(f"Unknown service id(s): {', '.join(unknown)}. 'policy-editor catalog' lists them.")
        project.services = [P.SelectedService(id=s, pack=catalog.service_pack[s]) for s in dict.fromkeys(args.service)]
    warn(P.save(project, out).warnings)
    print(f"Created {out}")
    return 0


def cmd_add_service(args: argparse.Namespace) -> int:
    """Describe a service the catalog lacks, inside the project (for agencies and scripts)."""
    from ..core import countries, own_services, schema
    from ..core.project import SelectedService, save

    loaded = load_file(args.file)
    project = loaded.project
    catalog = load_catalog()
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
    warn(save(project, args.file, expected=loaded.fingerprint).warnings)
    print(f"Added '{name}' as {service_id} to {args.file}")
    notes = {"language": "{field} is not given in {message} yet",
             "transfer": "{message} is outside the EU/EEA and no --safeguard was given; 'check' reports it as an error"}
    for problem in own_services.read(catalog, project).problems:
        if problem.service == service_id:
            note = notes.get(problem.kind, "{field}: {message}")
            print(f"policy-editor: note: {note.format(field=problem.field, message=problem.message)}.", file=sys.stderr)
    return 0


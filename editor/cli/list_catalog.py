"""policy-editor catalog: every service of the installed clause packs, as a list or as JSON."""
from __future__ import annotations

import argparse
import json
import sys

from .common import load_catalog


def _recipient_json(recipient) -> dict:
    """{recipient, country, safeguard} and, for the USA, dpf: {certified, checked, source} or
    null where the DPF list was not checked (the service's uncertain says so)."""
    from ..core.schema import Recipient

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
    from ..core.inherit import transfer_recipients

    catalog = load_catalog()
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
                    "privacy_url_en": s.provider.privacy_url_en,
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


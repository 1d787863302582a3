"""Migrations of project files: each step takes the raw dict of schema version N and returns
version N+1; MIGRATIONS lists them by N. Loading runs them in order (migrate)."""
from __future__ import annotations

from types import MappingProxyType
from typing import Any, Callable, Mapping

from .legalforms import from_text
from .projectlimits import Unusable, shown
from .projectmodel import LANGUAGES, SCHEMA_VERSION, ProjectError
from .websites import normalize

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """v1 (first preview): ``company`` was a flat block, ``services`` a list of ids, one
    ``language``, and the DPO was flagged by ``has_dpo`` beside ``dpo_*`` fields."""
    out = dict(data)
    company = out.pop("company", None) or {}
    if not isinstance(company, dict):
        raise Unusable("'company' should hold the company's details", "„company“ sollte die Angaben zum Unternehmen enthalten")
    out["controller"] = {
        "name": company.get("name", ""),
        "legal_form": company.get("legal_form", ""),
        "representative": company.get("owner", ""),
        "street": company.get("street", ""),
        "postcode": company.get("zip", ""),
        "city": company.get("city", ""),
        "country": company.get("country", "Deutschland"),
        "email": company.get("email", ""),
        "phone": company.get("phone", ""),
        "website": company.get("website", ""),
    }
    services = out.get("services", [])
    if not isinstance(services, list):
        raise Unusable("'services' should be a list of services", "„services“ sollte eine Liste von Diensten sein")
    out["services"] = [{"id": s, "options": {}} if isinstance(s, str) else s for s in services]
    language = out.pop("language", "de")
    if language not in LANGUAGES:
        raise Unusable(f"'language' should be de or en, not {shown(language)}",
                       f"„language“ sollte de oder en sein, nicht {shown(language)}")
    out["languages"] = [language] + [lang for lang in LANGUAGES if lang != language]
    has_dpo = out.pop("has_dpo", False)
    dpo = {k[4:]: out.pop(k) for k in list(out) if k.startswith("dpo_")}
    out["dpo"] = dpo if has_dpo else None
    out["schema_version"] = 2
    return out


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """v3 adds the user's own services (``own_services``, full service records) and, per
    override, the fingerprint of the pack text it replaced (``override_basis``); v2 files had neither."""
    out = dict(data)
    out.setdefault("own_services", [])
    if not isinstance(out["own_services"], list):
        raise Unusable("'own_services' should be a list of service records",
                       "„own_services“ sollte eine Liste von Dienst-Beschreibungen sein")
    out["schema_version"] = 3
    return out


def _v3_to_v4(data: dict[str, Any]) -> dict[str, Any]:
    """v4 stores the legal form as a key of a fixed list (legalforms.py) instead of free text —
    text it does not recognise becomes "other" with the text kept in ``legal_form_other`` — and
    has one list of websites: the controller's own ``website`` field joins ``websites`` (first,
    as the main site) unless it is there already; https:// is added where none was typed."""
    out = dict(data)
    controller = out.get("controller")
    if isinstance(controller, dict):
        controller = out["controller"] = dict(controller)
        if isinstance(controller.get("legal_form"), str):
            controller["legal_form"], other = from_text(controller["legal_form"])
            if other:
                controller["legal_form_other"] = other
        site = controller.get("website")
        sites = out.get("websites", [])
        if isinstance(site, str) and isinstance(sites, list):
            del controller["website"]
            sites = [normalize(s) if isinstance(s, str) else s for s in sites]  # https:// where none was typed
            if site.strip() and normalize(site).casefold() not in {s.casefold() for s in sites if isinstance(s, str)}:
                sites = [normalize(site), *sites]
            out["websites"] = sites
    out["schema_version"] = 4
    return out


MIGRATIONS: Mapping[int, Migration] = MappingProxyType({1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4})


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectError("The file has no valid schema version, so it is not a Policy Editor project.",
                           de="Die Datei hat keine gültige Versionsnummer, ist also kein Projekt von Policy Editor.")
    if version > SCHEMA_VERSION:
        shown = f"file version {version}, " if version < 10**6 else ""
        raise ProjectError(
            f"This project was saved by a newer Policy Editor ({shown}this program "
            f"reads up to {SCHEMA_VERSION}). Please update Policy Editor to open it; the file was not changed.",
            de=f"Dieses Projekt wurde mit einer neueren Version von Policy Editor gespeichert ({shown.replace('file version', 'Dateiversion')}"
               f"dieses Programm liest bis {SCHEMA_VERSION}). Bitte aktualisieren Sie Policy Editor, um es zu öffnen; "
               "die Datei wurde nicht verändert.")
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version = data["schema_version"]
    return data

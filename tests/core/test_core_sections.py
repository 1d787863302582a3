"""The fixed sections of the core pack (intro … changes), rendered for many project variants.

Behaviour that Art. 13 GDPR and the brief ask for: DPO only when there is one, the chosen
state's authority with its address, the Art. 21 box set apart, withdrawal only with consent,
placeholders for missing controller data, current law names only, and German and English
producing the same sections.
"""
from __future__ import annotations

import datetime as _dt
import re

import pytest

from editor.core import schema
from editor.core.compose import compose
from editor.core.document import Box, BulletList, Heading, Paragraph, Run, Table
from editor.core.catalog_cache import default_catalog
from editor.core.project import STATE_CODES, Controller, Dpo, SelectedService, example_project

LANGS = ("de", "en")
FIXED = ("intro", "controller", "dpo", "legal-bases", "recipients", "transfers", "retention", "rights",
         "withdrawal", "complaint", "obligation", "automated-decisions", "security", "changes")
OUTDATED = re.compile(r"TTDSG|\bTMG\b|Privacy Shield|Safe Harbou?r|2010/87", re.I)


def _text(de: str, en: str) -> schema.Text:
    return schema.Text(de=de, en=en)


def _service(id: str, category: str, *, role: str = "processor", bases=("contract",), device_access: bool = False,
             transfer: schema.Transfer | None = None, provider: bool = True) -> schema.Service:
    """A synthetic service that uses core's generic template, so the test does not depend on
    category templates other packs or helpers may add."""
    purposes = [
        schema.Purpose(text=_text(f"Zweck {b}.", f"Purpose {b}."), basis=b,
                       interest=_text("Sicherheit.", "Security.") if b == "legitimate_interest" else None)
        for b in bases
    ]
    return schema.Service(
        id=id, category=category, version="1", names=_text(f"Test {id}", f"Test {id}"), keywords=[],
        role=role, description=_text("Beschreibung.", "Description."), purposes=purposes,
        data=schema.TextList(de=["Name"], en=["name"]), retention=_text("Ein Jahr.", "One year."),
        verified=_dt.date(2026, 11, 21), sources=["test"],
        provider=schema.Provider(entity=f"{id} Ltd", address="Street 1", country="IE",
                                 privacy_url="https://example.org/privacy") if provider else None,
        device_access=device_access, transfer=transfer, template="service",
    )


SYNTHETIC = [
    _service("t-banner", "consent", device_access=True, bases=("legal_obligation",)),
    _service("t-news", "newsletter", bases=("consent",)),
    _service("t-credit", "credit", role="controller", bases=("legitimate_interest",)),
    _service("t-fan", "social", role="joint_controller", bases=("legitimate_interest",)),
    _service("t-self", "analytics", role="self_hosted", bases=("consent",), device_access=True, provider=False),
    _service("t-scc", "crm", transfer=schema.Transfer(countries=["US"], safeguard="scc")),
    _service("t-bcr", "chat", transfer=schema.Transfer(countries=["US", "IN"], safeguard="bcr", recipient="Parent Inc.")),
    _service("t-adq", "office", transfer=schema.Transfer(countries=["CH"], safeguard="adequacy")),
    _service("t-none", "ai", bases=("consent",), transfer=schema.Transfer(countries=["CN"], safeguard="none")),
    _service("t-dpf", "booking", transfer=schema.Transfer(countries=["US"], safeguard="dpf_scc")),
    _service("t-contract", "contact", bases=("contract",)),
]


def _us_provider(id: str, dpf: bool | None) -> schema.Provider:
    checked = None if dpf is None else schema.Dpf(certified=dpf, checked=_dt.date(2026, 12, 3),
                                                   source="https://www.dataprivacyframework.gov/list")
    return schema.Provider(entity=f"{id} Ltd", address="Street 1", country="IE", privacy_url="https://example.org/privacy",
                           transfers=[schema.Recipient(entity=f"{id} Inc.", country="US", safeguard="dpf_scc", dpf=checked)])


# US recipients whose DPF status was checked (certified / not certified), not checked, and one
# an independent controller transfers on its own account
for _id, _dpf, _role in (("t-us-yes", True, "processor"), ("t-us-no", False, "processor"),
                         ("t-us-open", None, "processor"), ("t-us-own", True, "controller"),
                         ("t-us-own-open", None, "controller")):
    _base = _service(_id, "crm", role=_role)
    _provider = _us_provider(_id, _dpf)
    SYNTHETIC.append(schema.Service(**{**{f: getattr(_base, f) for f in _base.__struct_fields__},
                                       "provider": _provider,
                                       "transfer": schema.Transfer(countries=["US"], safeguard="dpf_scc",
                                                                   recipient=f"{_id} Inc.")}))


@pytest.fixture(scope="module")
def catalog():
    c = default_catalog(False)
    assert c.errors == []
    for s in SYNTHETIC:
        assert s.category in c.categories, s.category
        c.services[s.id] = s
        c.service_pack[s.id] = "core"
    return c


def _project(*ids: str, **kw):
    p = example_project()
    p.stand = "2026-11-21"
    p.services = [SelectedService(id=i) for i in ids]
    for k, v in kw.items():
        setattr(p, k, v)
    return p


def _sections(doc) -> dict:
    return {s.id: s for s in doc.sections}


def _runs(blocks) -> list[Run]:
    out: list[Run] = []
    for b in blocks:
        if isinstance(b, (Paragraph, Heading)):
            out.extend(b.runs)
        elif isinstance(b, BulletList):
            for item in b.items:
                out.extend(item)
        elif isinstance(b, Table):
            for cell in b.header:
                out.extend(cell)
            for row in b.rows:
                for cell in row:
                    out.extend(cell)
        elif isinstance(b, Box):
            out.extend(_runs(b.blocks))
    return out


def _plain(section) -> str:
    text = "".join(r.text for r in _runs(section.blocks))
    for sub in section.subsections:
        text += "\n" + _plain(sub)
    return text


def _all_text(doc) -> str:
    return "\n".join(s.title + "\n" + _plain(s) for s in doc.sections)


def _variants(catalog):
    every = [i for i in catalog.services]
    real = [i for i in catalog.services if not i.startswith("t-")]
    return {
        "none": _project(),
        "all": _project(*every, dpo=Dpo(name="Dr. D", email="dsb@example.de")),
        "real": _project(*real),
        "no-state": _project("t-contract", state=""),
        "empty-controller": _project("t-news", controller=Controller(), websites=[], state=""),
        "consent-only": _project("t-news"),
        "legit": _project("t-credit"),
        "dpo-blank": _project(dpo=Dpo()),
    }


# ---------------------------------------------------------------------------------------------


def test_every_variant_renders_without_stub_or_outdated_law(catalog):
    for name, project in _variants(catalog).items():
        for lang in LANGS:
            doc = compose(catalog, project, lang)
            text = _all_text(doc)
            assert "STUB" not in text, (name, lang)
            assert not OUTDATED.search(text), (name, lang, OUTDATED.search(text).group(0))
            # leftover template syntax or Markdown that failed to parse would show up as text
            for marker in ("{{", "{%", "}}", "**", "\\", "|---"):
                assert marker not in text, (name, lang, marker)


def test_german_and_english_have_the_same_sections(catalog):
    for name, project in _variants(catalog).items():
        de, en = compose(catalog, project, "de"), compose(catalog, project, "en")
        assert [s.id for s in de.sections] == [s.id for s in en.sections], name
        # services inside a category are sorted by their name in each language
        assert sorted(s.id for s in de.walk()) == sorted(s.id for s in en.walk()), name
        de = [s.id for s in de.sections]
        assert "intro" in de and "changes" in de and "rights" in de and "complaint" in de


@pytest.mark.parametrize("lang", LANGS)
def test_dpo_section_only_with_a_dpo(catalog, lang):
    without = _sections(compose(catalog, _project("t-contract"), lang))
    assert "dpo" not in without
    dpo = Dpo(name="Dr. Daten Schutz", company="DSB Extern GmbH", email="dsb@example.de", phone="+49 30 1")
    section = _sections(compose(catalog, _project("t-contract", dpo=dpo), lang))["dpo"]
    text = _plain(section)
    for value in ("Dr. Daten Schutz", "DSB Extern GmbH", "dsb@example.de", "+49 30 1"):
        assert value in text
    assert any(r.link == "mailto:dsb@example.de" for r in _runs(section.blocks))
    # a DPO without contact details gets a placeholder, not an empty section
    blank = _sections(compose(catalog, _project(dpo=Dpo()), lang))["dpo"]
    assert any(r.placeholder for r in _runs(blank.blocks))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("state", sorted(STATE_CODES))
def test_authority_of_each_state_with_address(catalog, lang, state):
    authority = catalog.authorities[state]
    section = _sections(compose(catalog, _project(state=state), lang))["complaint"]
    text = _plain(section)
    assert authority.name in text
    assert authority.address in text
    if authority.postal_address:
        assert authority.postal_address in text
    assert any(r.link == authority.website for r in _runs(section.blocks))
    assert "Art. 77" in text
    assert not any(r.placeholder for r in _runs(section.blocks))
    # no other state's authority slips in
    for other in catalog.authorities.values():
        if other.state != state and other.name != authority.name:
            assert other.name not in text


@pytest.mark.parametrize("lang", LANGS)
def test_no_state_gives_authority_placeholder(catalog, lang):
    section = _sections(compose(catalog, _project(state=""), lang))["complaint"]
    assert [r.text for r in _runs(section.blocks) if r.placeholder] == [
        "zuständige Aufsichtsbehörde" if lang == "de" else "competent supervisory authority"]


def _objection_box(section) -> Box | None:
    return next((b for b in section.blocks if isinstance(b, Box)), None)


@pytest.mark.parametrize("lang", LANGS)
def test_objection_box_when_legitimate_interest_or_marketing(catalog, lang):
    title = "Widerspruchsrecht nach Art. 21 DSGVO" if lang == "de" else "Right to object under Art. 21 GDPR"
    for ids in (("t-credit",), ("t-fan",), ("t-news",), ("t-scc",)):  # (f), (f), newsletter, crm
        rights = _sections(compose(catalog, _project(*ids), lang))["rights"]
        box = _objection_box(rights)
        assert box is not None, ids
        box_text = "".join(r.text for r in _runs(box.blocks))
        assert box_text.startswith(title)
        assert ("lit. e oder f" if lang == "de" else "(e) or (f)") in box_text
        assert ("Direktwerbung" if lang == "de" else "direct marketing") in box_text
        assert "datenschutz@tischlerei-beispiel.de" in box_text
    for ids in ((), ("t-contract",), ("t-adq",)):
        rights = _sections(compose(catalog, _project(*ids), lang))["rights"]
        assert _objection_box(rights) is None, ids
        assert "Art. 21" in _plain(rights)  # still listed among the rights


@pytest.mark.parametrize("lang", LANGS)
def test_withdrawal_only_with_consent(catalog, lang):
    assert "withdrawal" not in _sections(compose(catalog, _project("t-contract", "t-credit"), lang))
    assert "withdrawal" not in _sections(compose(catalog, _project(), lang))
    text = _plain(_sections(compose(catalog, _project("t-news"), lang))["withdrawal"])
    assert ("Art. 7 Abs. 3 DSGVO" if lang == "de" else "Art. 7(3) GDPR") in text
    assert "TDDDG" not in text  # no device access → no § 25 TDDDG
    # the consent banner is named, device access brings in § 25 TDDDG
    text = _plain(_sections(compose(catalog, _project("t-banner", "t-self"), lang))["withdrawal"])
    assert "Test t-banner" in text
    assert "25" in text and "TDDDG" in text


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_for_missing_controller_details(catalog, lang):
    doc = compose(catalog, _project(controller=Controller(name="Muster & *Co* [GmbH]")), lang)
    controller = _sections(doc)["controller"]
    placeholders = [r.text for r in _runs(controller.blocks) if r.placeholder]
    if lang == "de":
        assert {"E-Mail-Adresse", "Straße und Hausnummer", "PLZ", "Ort"} <= set(placeholders)
    else:
        assert {"email address", "street and number", "postcode", "town"} <= set(placeholders)
    # a phone number is not required (Art. 13(1)(a) GDPR: address and email suffice): no gap, no line
    assert not {"Telefonnummer", "phone number"} & set(placeholders)
    assert "Telefon" not in _plain(controller) and "Phone" not in _plain(controller)
    # user text is printed literally, not read as Markdown
    assert "Muster & *Co* [GmbH]" in _plain(controller)
    # the rights section tells people where to write, so it shows the gap too
    assert any(r.placeholder for r in _runs(_sections(doc)["rights"].blocks))


@pytest.mark.parametrize("lang", LANGS)
def test_filled_controller_has_no_placeholders(catalog, lang):
    doc = compose(catalog, _project("t-contract"), lang)
    for sid in FIXED:
        section = _sections(doc).get(sid)
        if section is not None:
            assert not any(r.placeholder for r in _runs(section.blocks)), sid
    controller = _plain(_sections(doc)["controller"])
    for value in ("Tischlerei Beispiel GmbH", "Anna Beispiel", "Hauptstraße 12", "50667 Köln",
                  "+49 221 1234567", "Amtsgericht Köln, HRB 123456"):
        assert value in controller
    assert "GmbH GmbH" not in controller  # the legal form is already part of the name


@pytest.mark.parametrize("lang", LANGS)
def test_transfers_listed_with_their_safeguards(catalog, lang):
    assert "transfers" not in _sections(compose(catalog, _project("t-contract"), lang))
    ids = ("t-scc", "t-bcr", "t-adq", "t-none", "t-dpf")
    section = _sections(compose(catalog, _project(*ids), lang))["transfers"]
    text = _plain(section)
    table = next(b for b in section.blocks if isinstance(b, Table))
    rows = [["".join(r.text for r in cell) for cell in row] for row in table.rows]
    assert sorted({row[2] for row in rows}) == sorted(f"Test {i}" for i in ids)  # every service, by recipient
    bcr = [row for row in rows if row[2] == "Test t-bcr"]
    # the recipient with its country, one row per country
    assert sorted(row[0] for row in bcr) == (["Parent Inc. (Indien)", "Parent Inc. (USA)"] if lang == "de"
                                             else ["Parent Inc. (India)", "Parent Inc. (USA)"])
    assert {row[1] for row in bcr} == {catalog.labels["safeguard_short"][lang]["bcr"]}
    assert "2021/914" in text and "2023/1795" in text and "Art. 47" in text and "Art. 49" in text
    # each safeguard used is explained once, as its own item (adequacy, DPF, SCC, BCR, none)
    (explained,) = [b for b in section.blocks if isinstance(b, BulletList)]
    assert len(explained.items) == 5
    links = {r.link for r in _runs(section.blocks)}
    assert "https://www.dataprivacyframework.gov/list" in links
    # explanations only for safeguards actually used
    only_scc = _plain(_sections(compose(catalog, _project("t-scc"), lang))["transfers"])
    assert "2021/914" in only_scc and "2023/1795" not in only_scc and "Art. 49" not in only_scc


def _table_rows(table) -> dict[str, list[str]]:
    return {"".join(r.text for r in row[0]): ["".join(r.text for r in cell) for cell in row[1:]] for row in table.rows}


@pytest.mark.parametrize("lang", LANGS)
def test_each_us_recipient_gets_its_own_dpf_statement_and_controllers_stand_apart(catalog, lang):
    ids = ("t-us-yes", "t-us-no", "t-us-open", "t-us-own")
    document = compose(catalog, _project(*ids), lang)
    section = _sections(document)["transfers"]
    ours, theirs = [b for b in section.blocks if isinstance(b, Table)]
    short = catalog.labels["safeguard_short"][lang]
    rows = _table_rows(ours)  # recipient (country) → safeguard, services
    assert sorted(rows) == ["t-us-no Inc. (USA)", "t-us-open Inc. (USA)", "t-us-yes Inc. (USA)"]
    assert rows["t-us-yes Inc. (USA)"] == [short["dpf"], "Test t-us-yes"]  # checked: certified
    assert rows["t-us-no Inc. (USA)"][0] == short["scc"]  # checked: not certified, so the clauses apply
    assert rows["t-us-open Inc. (USA)"][0] == short["dpf_scc"]  # unchecked: says what applies either way
    assert _table_rows(theirs) == {"t-us-own Inc. (USA)": [short["dpf"], "Test t-us-own"]}
    text = _plain(section)
    # the DPF is explained once, not once per recipient
    assert text.count("2023/1795") == 1
    # a copy of the clauses is offered for our processors' transfers only
    assert ("auf Anfrage" if lang == "de" else "on request") in text
    only_theirs = _plain(_sections(compose(catalog, _project("t-us-own"), lang))["transfers"])
    assert ("auf Anfrage" if lang == "de" else "on request") not in only_theirs
    # their transfers are theirs: their responsibility and their safeguards, as they state them
    assert ("in eigener Verantwortung und mit eigenen Garantien" if lang == "de"
            else "under their own responsibility and with their own safeguards") in only_theirs
    # the service section points to the table instead of repeating the safeguard
    service = next(s for s in document.walk() if s.id == "service-t-us-yes")
    assert "t-us-yes Inc." in _plain(service) and "2023/1795" not in _plain(service)


@pytest.mark.parametrize("lang", LANGS)
def test_a_controllers_unstated_safeguard_reads_not_stated_and_is_not_explained(catalog, lang):
    """Our default for an unchecked US recipient (DPF if certified, else SCCs) holds where we
    answer for the transfer (our processors); a controller's own transfer has only the safeguard it
    states: none stated, none claimed — in the table and in the explanations below it."""
    short = catalog.labels["safeguard_short"][lang]
    assert short["not_stated"] == ("vom Anbieter nicht angegeben" if lang == "de" else "not stated by the provider")
    section = _sections(compose(catalog, _project("t-us-own-open", "t-us-open"), lang))["transfers"]
    ours, theirs = [b for b in section.blocks if isinstance(b, Table)]
    assert _table_rows(theirs) == {"t-us-own-open Inc. (USA)": [short["not_stated"], "Test t-us-own-open"]}
    assert _table_rows(ours)["t-us-open Inc. (USA)"][0] == short["dpf_scc"]  # ours keep the default
    # with no processor beside it, nothing below the table claims a safeguard for it
    alone = _sections(compose(catalog, _project("t-us-own-open"), lang))["transfers"]
    text = _plain(alone)
    assert "2023/1795" not in text and "2021/914" not in text and not any(isinstance(b, BulletList) for b in alone.blocks)
    # the same for a controller whose own transfer record names no recipient records (dpf_scc, unchecked)
    base = _service("t-own-plain", "crm", role="controller", transfer=schema.Transfer(countries=["US"], safeguard="dpf_scc"))
    catalog.services[base.id], catalog.service_pack[base.id] = base, "core"
    try:
        (table,) = [b for b in _sections(compose(catalog, _project("t-own-plain"), lang))["transfers"].blocks
                    if isinstance(b, Table)]
        assert [row[0] for row in _table_rows(table).values()] == [short["not_stated"]]
    finally:
        del catalog.services[base.id], catalog.service_pack[base.id]


@pytest.mark.parametrize("lang", LANGS)
def test_recipients_role_paragraphs_without_a_second_list_of_providers(catalog, lang):
    ids = ("t-scc", "t-credit", "t-fan", "t-self")
    section = _sections(compose(catalog, _project(*ids), lang))["recipients"]
    # each service names its provider; the section explains the roles once, with no table repeating them
    assert not any(isinstance(b, Table) for b in section.blocks)
    text = _plain(section)
    assert "Art. 28" in text and "Art. 26" in text
    assert ("Eigenständig Verantwortliche" if lang == "de" else "Independent controllers") in text
    only_processor = _plain(_sections(compose(catalog, _project("t-scc"), lang))["recipients"])
    assert "Art. 28" in only_processor and "Art. 26" not in only_processor
    # with no services: the statutory recipients are still named
    bare = _sections(compose(catalog, _project(), lang))["recipients"]
    assert ("Finanzbehörden" if lang == "de" else "tax authorities") in _plain(bare)


@pytest.mark.parametrize("lang", LANGS)
def test_legal_bases_cover_the_bases_used(catalog, lang):
    section = _sections(compose(catalog, _project("t-news", "t-credit", "t-contract"), lang))["legal-bases"]
    text = _plain(section)
    for code in ("consent", "legitimate_interest", "contract"):
        assert catalog.labels["basis"][lang][code] in text
    assert catalog.labels["basis"][lang]["vital_interest"] not in text
    assert "TDDDG" not in text  # no device access among these
    assert "Art. 9" in text
    with_device = _plain(_sections(compose(catalog, _project("t-banner"), lang))["legal-bases"])
    assert catalog.labels["device"][lang]["consent"] in with_device
    assert catalog.labels["device"][lang]["necessary"] in with_device


@pytest.mark.parametrize("lang", LANGS)
def test_automated_decisions_credit_check(catalog, lang):
    plain = _plain(_sections(compose(catalog, _project("t-contract"), lang))["automated-decisions"])
    assert "Art. 22" in plain and "Test" not in plain
    credit = _plain(_sections(compose(catalog, _project("t-credit"), lang))["automated-decisions"])
    assert "Test t-credit" in credit
    assert ("Art. 22 Abs. 3 DSGVO" if lang == "de" else "Art. 22(3) GDPR") in credit


@pytest.mark.parametrize("lang", LANGS)
def test_retention_security_and_changes(catalog, lang):
    doc = _sections(compose(catalog, _project(), lang))
    retention = _plain(doc["retention"])
    assert "§ 257 HGB" in retention or "Section 257 HGB" in retention
    assert ("acht" if lang == "de" else "eight") in retention  # BEG IV: vouchers 8 years
    assert "TLS" in _plain(doc["security"])
    changes = _plain(doc["changes"])
    assert changes.endswith("Stand: 21.11.2026" if lang == "de" else "Last updated: 21 November 2026")
    no_site = _sections(compose(catalog, _project(websites=[]), lang))
    assert "TLS" not in _plain(no_site["security"])


def test_ordering_of_fixed_sections(catalog):
    doc = compose(catalog, _project("t-news", "t-credit", "t-dpf", dpo=Dpo(email="d@example.de")), "de")
    ids = [s.id for s in doc.sections if s.id in FIXED]
    assert ids == list(FIXED)

"""The user's own services: stored in the project, validated like pack services, composed and
checked as if a pack held them — without touching the shared catalog."""
import json

import msgspec
import pytest

from editor.core import own_services as O
from editor.core import project as P
from editor.core import schema
from editor.core.checks import checks
from editor.core.compose import compose
from editor.core.overrides import record_override
from editor.export.markdown import render


def T(de, en=""):
    return schema.Text(de=de, en=en)


def crm(id="own-acme-crm", country="US", safeguard="scc", en=True, role="processor"):
    return O.build(
        id=id, name=T("Acme CRM", "Acme CRM"), category="crm", role=role, entity="Acme *Inc.* [US]",
        address="1 Main St, Boston", country=country, privacy_url="https://acme.example/privacy",
        purposes=[schema.Purpose(text=T("Kunden {{ 7*7 }} pflegen", "Customer care" if en else ""), basis="contract"),
                  schema.Purpose(text=T("Auswertung", "Analysis" if en else ""), basis="legitimate_interest",
                                 interest=T("Besserer Service", "Better service" if en else ""))],
        data=schema.TextList(de=["Name", "E-Mail [*privat*]"], en=["name", "email"] if en else ["", ""]),
        retention=T("Bis Vertragsende", "Until the contract ends" if en else ""), safeguard=safeguard)


def with_own(*services):
    project = P.example_project()
    project.own_services = [O.to_record(s) for s in services]
    project.services += [P.SelectedService(id=s.id) for s in services]
    return project


def codes(findings):
    return {f.code for f in findings}


def test_own_service_is_stored_whole_and_survives_save_and_load(tmp_path):
    project = with_own(crm())
    path = tmp_path / "p.policy.json"
    P.save(project, path)
    stored = json.loads(path.read_text("utf-8"))["own_services"][0]
    assert stored["provider"] == {"entity": "Acme *Inc.* [US]", "address": "1 Main St, Boston", "country": "US",
                                  "privacy_url": "https://acme.example/privacy"}  # inline provider
    assert stored["transfer"]["countries"] == ["US"] and stored["transfer"]["safeguard"] == "scc"
    assert O.decode(P.load(path).own_services[0]) == crm()


def test_own_service_composes_in_its_category_recipients_and_transfers(catalog):
    before = dict(catalog.services)
    project = with_own(crm())
    for lang in ("de", "en"):
        document = compose(catalog, project, lang)
        text = render(document)
        section = next(s for top in document.sections for s in top.subsections if s.id == "service-own-acme-crm")
        assert section.provenance.pack == "project" and section.provenance.service == "own-acme-crm"
        assert text.count("Acme \\*Inc.\\* \\[US\\]") >= 3  # recipients, third countries, its own section
        assert not document.errors
    assert "Kunden {{ 7\\*7 }} pflegen" in render(compose(catalog, project, "de"))
    section = next(s for top in compose(catalog, project, "de").sections for s in top.subsections
                   if s.id == "service-own-acme-crm")
    text = "\n".join(b.text for b in section.blocks if hasattr(b, "text"))
    assert "E-Mail [*privat*]" in text and "\\" not in text  # printed as typed, nothing escaped twice
    assert catalog.services == before and "own-acme-crm" not in catalog.services  # shared catalog untouched
    assert catalog.base is catalog


def test_overlay_is_reused_for_the_same_records_and_renewed_when_they_change(catalog):
    project = with_own(crm())
    first = O.overlay(catalog, project)
    project.controller.name = "Andere GmbH"
    assert O.overlay(catalog, project) is first  # company edits keep the overlay and its caches
    assert O.overlay(first, project) is first  # an overlay of an overlay is the same overlay
    project.own_services[0]["names"]["de"] = "Acme Kundenverwaltung"
    second = O.overlay(catalog, project)
    assert second is not first and second.services["own-acme-crm"].names.de == "Acme Kundenverwaltung"
    assert "Acme Kundenverwaltung" in render(compose(catalog, project, "de"))


def test_same_rules_as_pack_services_become_findings_never_a_crash(catalog):
    broken = O.to_record(crm())
    broken["provider"]["privacy_url"] = "http://insecure.example"
    broken["purposes"][1].pop("interest")
    project = with_own()
    project.own_services = [broken, {"id": "own-x", "purposes": "none"}, {"id": "own-y", **{
        k: v for k, v in O.to_record(crm()).items() if k != "id"}, "category": "no-such-category"}]
    project.services = [P.SelectedService(id=i) for i in ("own-acme-crm", "own-x", "own-y")]
    findings = checks(catalog, project, lang="en")
    rule = [f for f in findings if f.code == "own-rule"]
    assert {f.severity for f in rule} == {"error"}
    assert any("https" in f.message for f in rule) and any("legitimate interest" in f.message for f in rule)
    invalid = [f.target for f in findings if f.code == "own-invalid"]
    assert invalid == ["service:own-x", "service:own-y"]
    compose(catalog, project, "de")  # composes what it can


def test_id_of_a_pack_service_is_refused(catalog):
    taken = next(iter(catalog.services))
    project = with_own(crm(id=taken))
    found = [f for f in checks(catalog, project, lang="en") if f.code == "own-invalid"]
    assert found and "already used" in found[0].message
    assert O.overlay(catalog, project).services[taken] is catalog.services[taken]


def test_missing_language_is_a_finding_and_the_policy_uses_the_other(catalog):
    project = with_own(crm(en=False))
    findings = [f for f in checks(catalog, project, lang="en") if f.code == "own-language"]
    assert len(findings) == 1 and findings[0].severity == "warning"  # one per service, not one per field
    assert "in English (purpose 1, purpose 2, interest of purpose 2, data, storage period)" in findings[0].message, findings[0].message
    assert "[" not in findings[0].message and "retention" not in findings[0].message  # no internal field names
    german = [f.message for f in checks(catalog, project, lang="de") if f.code == "own-language"]
    assert len(german) == 1 and "auf Englisch (Zweck 1, Zweck 2, Interesse zu Zweck 2, Daten, Speicherdauer)" in german[0], german
    text = render(compose(catalog, project, "en"))
    assert "Bis Vertragsende" in text  # never an empty storage period
    project.languages = ["de"]
    assert not [f for f in checks(catalog, project) if f.code == "own-language"]


def test_us_recipient_without_safeguard_is_an_error_naming_it(catalog):
    project = with_own(crm(safeguard=""))
    found = [f for f in checks(catalog, project, lang="en") if f.code == "transfer-safeguard"]
    assert len(found) == 1 and found[0].severity == "error" and "Acme CRM" in found[0].message
    assert "USA" in found[0].message and found[0].target == "service:own-acme-crm"
    assert "transfer-safeguard" not in codes(checks(catalog, with_own(crm(country="DE")), lang="en"))


def test_selected_service_no_pack_knows_is_an_error(catalog):
    project = P.example_project()
    project.services = [P.SelectedService(id="gone-service")]
    found = [f for f in checks(catalog, project) if f.code == "unknown-service"]
    assert found[0].severity == "error" and O.unknown_selected(catalog, project) == ["gone-service"]
    assert O.unknown_selected(catalog, with_own(crm())) == []
    broken = with_own(crm())
    broken.own_services[0]["purposes"] = "none"  # unusable: its own finding, not "no pack knows it"
    assert O.unknown_selected(catalog, broken) == []


def test_review_edition_says_described_by_you(catalog):
    import tempfile
    import zipfile
    from pathlib import Path

    from editor.export import export

    document = compose(catalog, with_own(crm()), "en")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.docx"
        export(document, path, "docx", review=True)
        comments = zipfile.ZipFile(path).read("word/comments.xml").decode("utf-8")
    assert "Described by you, not checked by us" in comments


def test_save_as_user_pack_loads_as_a_pack(tmp_path, catalog):
    from editor.core.packs import load_catalog
    from editor.resources import clause_packs_dir

    from editor.core.user_pack import save_as_pack

    folder = save_as_pack([crm(), crm(id="own-local", country="DE")], tmp_path)
    loaded = load_catalog([clause_packs_dir()], [tmp_path])
    assert not [e for e in loaded.errors if "own-services" in str(e.file)], loaded.errors
    assert loaded.service_pack["own-acme-crm"] == "own-services" == folder.name
    assert loaded.services["own-acme-crm"].provider.entity == "Acme *Inc.* [US]"


def test_saving_a_user_pack_again_is_atomic(tmp_path, monkeypatch):
    """A full disk while the pack is written again: the pack saved before stays whole, and no
    temporary file is left beside it (the same atomic write as projects and exports)."""
    import errno
    import os

    import editor.core.atomic as atomic
    from editor.core.atomic import temp_files
    from editor.core.user_pack import save_as_pack

    folder = save_as_pack([crm()], tmp_path)
    before = {p: p.read_bytes() for p in folder.rglob("*.toml")}

    def half_then_full(fd, data):
        os.write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", half_then_full)
    with pytest.raises(OSError, match="No space left"):
        save_as_pack([crm(), crm(id="own-local", country="DE")], tmp_path)
    assert {p: p.read_bytes() for p in folder.rglob("*.toml")} == before
    assert [t for p in before for t in temp_files(p)] == []


def test_override_of_a_vanished_section_and_of_changed_pack_text_are_findings(catalog):
    project = P.example_project()
    project.overrides = {"no-such-section": P.LocalText(de="Mein Text")}
    assert "override-orphan" in codes(checks(catalog, project))
    project = P.example_project()
    section_id = catalog.sections[0][1].id
    record_override(catalog, project, section_id, "de", "Mein eigener Text")
    assert project.override_basis[section_id]["de"]
    assert "override-outdated" not in codes(checks(catalog, project))
    project.override_basis[section_id]["de"] = "0" * 16  # as if saved under an older pack text
    found = [f for f in checks(catalog, project, lang="en") if f.code == "override-outdated"]
    assert found and found[0].target == f"section:{section_id}"


def test_unknown_keys_inside_own_records_are_kept(tmp_path):
    project = with_own(crm())
    project.own_services[0]["x-ticket"] = "T-1"
    path = tmp_path / "p.policy.json"
    P.save(project, path)
    loaded = P.load(path)
    assert loaded.own_services[0]["x-ticket"] == "T-1" and O.decode(loaded.own_services[0]).id == "own-acme-crm"


def test_cached_composition_after_editing_an_own_service_equals_one_from_scratch(catalog):
    from editor.core.packs import load_catalog
    from editor.resources import clause_packs_dir

    project = with_own(crm())
    compose(catalog, project, "de")
    project.own_services[0]["retention"]["de"] = "Drei Jahre"  # same id and version, new content
    project.own_services[0]["provider"]["entity"] = "Acme Two"
    cached = compose(catalog, project, "de")
    fresh = compose(load_catalog([clause_packs_dir()]), project, "de")
    assert cached.sections == fresh.sections
    assert "Drei Jahre" in render(cached) and "Acme Two" in render(cached)


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_json = st.recursive(st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
                     max_leaves=12)
_field = st.sampled_from(["id", "category", "names", "role", "provider", "purposes", "data", "retention", "transfer",
                          "device_access", "joint_control", "x-extra"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.dictionaries(_field, _json, max_size=4))
def test_any_own_record_becomes_findings_never_a_crash(catalog, changes):
    record = {**O.to_record(crm()), **changes}
    project = P.example_project()
    project.own_services = [record]
    project.services = [P.SelectedService(id=str(record.get("id")))]
    try:
        loaded = P.loads(P.dumps(project))  # a file may hold it
    except P.ProjectError as refused:  # e.g. an id longer than a file may hold: refused in words
        assert str(refused)
        return
    for lang in ("de", "en"):
        compose(catalog, loaded, lang)
    findings = checks(catalog, loaded, lang="en")
    assert all(f.message for f in findings)


# -- what an own service prints: the user's words, nothing of the Markdown escaping (walk6 1) -------

def _bullets(document, service_id):
    """The purpose lines of a service's section, as a reader sees them."""
    section = next(s for top in document.sections for s in top.subsections if s.id == f"service-{service_id}")
    lines = []
    for block in section.blocks:
        for item in getattr(block, "items", ()):
            lines.append(" ".join("".join(r.text for r in item).split()))
    return lines


def _one_purpose(text, basis="contract"):
    return O.build(id="own-vr-payment", name=T("VR Payment", "VR Payment"), category="payment", role="processor",
                   entity="VR Payment GmbH", country="DE", privacy_url="https://vr.example/datenschutz",
                   purposes=[schema.Purpose(text=T(text, text), basis=basis)],
                   data=schema.TextList(de=["Kartennummer"], en=["card number"]), retention=T("10 Jahre", "10 years"))


@pytest.mark.parametrize("typed", ["Kartenzahlung im Laden", "Kartenzahlung im Laden.", " Kartenzahlung im Laden. "])
def test_own_purpose_prints_without_a_stray_backslash(catalog, typed):
    project = with_own(_one_purpose(typed))
    assert _bullets(compose(catalog, project, "de"), "own-vr-payment") == [
        "Kartenzahlung im Laden (Art. 6 Abs. 1 lit. b DSGVO)."]
    assert _bullets(compose(catalog, project, "en"), "own-vr-payment") == [
        "Kartenzahlung im Laden (Art. 6(1)(b) GDPR)."]


def test_own_purpose_of_two_sentences_states_its_basis_as_a_sentence(catalog):
    # the second sentence would otherwise seem to carry the basis; user text reaches one_clause escaped
    project = with_own(_one_purpose("Zahlung (siehe Art. 6 DSGVO). Danach Abrechnung"))
    assert _bullets(compose(catalog, project, "de"), "own-vr-payment") == [
        "Zahlung (siehe Art. 6 DSGVO). Danach Abrechnung. Rechtsgrundlage: Art. 6 Abs. 1 lit. b DSGVO."]


_WORD = st.text(alphabet="abcdefgxyzABCXYZäöüß0123456789\\`*_{}[]()#+-.!<>|~&\"'=:^$;,?%/@", min_size=1, max_size=8)


@settings(max_examples=40, deadline=None)
@given(words=st.lists(_WORD, min_size=1, max_size=5), stop=st.booleans())
def test_any_own_purpose_prints_literally_with_its_basis(words, stop):
    from editor.core.catalog_cache import default_catalog
    catalog = default_catalog(include_user=False)  # not the fixture: a failing example would print it whole
    typed = " ".join(words) + ("." if stop else "")
    project = with_own(_one_purpose(typed))
    for lang, basis in (("de", "Art. 6 Abs. 1 lit. b DSGVO"), ("en", "Art. 6(1)(b) GDPR")):
        [line] = _bullets(compose(catalog, project, lang), "own-vr-payment")
        text = " ".join(typed.split())
        sentence = text if text[-1] in ".!?:;" else text + "."
        label = "Rechtsgrundlage" if lang == "de" else "Legal basis"
        # the user's words as typed, then the basis: in brackets in place of the full stop (a space
        # typed before that stop goes with it: "0 ." reads "0 (…)."), or as a sentence
        assert line in (f"{sentence[:-1].rstrip()} ({basis}).", f"{sentence} {label}: {basis}."), (typed, line)
        assert line.count("\\") == typed.count("\\")


@pytest.mark.parametrize("markdown, clause", [
    ("Kartenzahlung im Laden\\.", "Kartenzahlung im Laden"),  # an escaped stop goes with its backslash
    ("Pfad C:\\\\.", "Pfad C:\\\\"),  # an escaped backslash, then the stop: the backslash stays
    ("Zahlung \\(Art\\. 6 DSGVO\\)\\. Danach Abrechnung\\.", None),  # two sentences, also when escaped
    ("Werbung \\(§ 7 Abs\\. 3 UWG\\)\\.", None),  # ends in a bracket citing a law
])
def test_one_clause_judges_escaped_text_by_its_words(markdown, clause):
    from editor.core.mdsafe import MdSafe
    from editor.core.views import one_clause
    assert one_clause(MdSafe(markdown)) == clause


def _section_text(catalog, project, lang, sid="own-vr-payment"):
    from editor.core.document import iter_runs
    section = next(s for s in compose(catalog, project, lang).walk() if s.id == f"service-{sid}")
    return "\n".join(" ".join("".join(r.text for r in iter_runs(b)).split()) for b in section.blocks)


def test_own_data_and_storage_period_print_as_the_catalogs_do(catalog):
    """walk6 11: an own service printed a storage period without its full stop; the catalog
    writes its storage periods as sentences. Data items keep the user's capitals: lowering a
    first word would also lower names ("Apple ID")."""
    service = msgspec.structs.replace(
        _one_purpose("Kartenzahlung im Laden"),
        data=schema.TextList(de=["Kartennummer (gekürzt)", "Betrag und Zeitpunkt", "IP-Adresse", "VR-Terminal-ID"],
                             en=["Card number (shortened)", "Amount and time", "IP address", "VR Payment terminal ID"]),
        retention=T("10 Jahre (Buchungsbelege)", "10 years (accounting records)"))
    project = with_own(service)
    de, en = _section_text(catalog, project, "de"), _section_text(catalog, project, "en")
    assert "Daten: Kartennummer (gekürzt), Betrag und Zeitpunkt, IP-Adresse, VR-Terminal-ID." in de, de
    assert "Data: Card number (shortened), Amount and time, IP address, VR Payment terminal ID." in en, en
    assert "Speicherdauer: 10 Jahre (Buchungsbelege)." in de and "Retention: 10 years (accounting records)." in en, en
    # what the user typed stays in the project as typed
    assert project.own_services[0]["data"]["en"][0] == "Card number (shortened)"
    # German filled in for a missing English item keeps its nouns
    named = msgspec.structs.replace(service, data=schema.TextList(de=["Apple-ID", "Nachrichten"], en=["Apple ID", ""]))
    assert "Data: Apple ID, Nachrichten." in _section_text(catalog, with_own(named), "en")


def test_a_processors_address_is_kept_and_a_controllers_printed(catalog):
    """A processor acts for us only: named with its country, as every catalog processor is; a
    controller, whom the reader may contact, with its address."""
    processor = msgspec.structs.replace(_one_purpose("Kartenzahlung im Laden"))
    processor = msgspec.structs.replace(processor, provider=msgspec.structs.replace(
        processor.provider, address="Saonestraße 3a, 60528 Frankfurt am Main"))
    text = _section_text(catalog, with_own(processor), "de")
    assert "VR Payment GmbH (Deutschland)" in text and "Saonestraße" not in text
    controller = msgspec.structs.replace(processor, role="controller")
    assert "VR Payment GmbH, Saonestraße 3a, 60528 Frankfurt am Main, Deutschland" in _section_text(
        catalog, with_own(controller), "de")


@pytest.mark.parametrize("lang, says", [
    ("de", "braucht deren Einwilligung (§ 25 Abs. 1 TDDDG): Geben Sie einen Zweck mit der Rechtsgrundlage „Einwilligung“ an."),
    ("en", "needs their consent (Section 25(1) TDDDG): add a purpose with the legal basis “consent”.")])
def test_an_own_service_reading_the_device_is_told_in_the_users_words(catalog, lang, says):
    """lawyer6 7: the finding quoted the pack authors' rule in English ("name the exception in
    device_access_exception …") inside the German sentence."""
    service = msgspec.structs.replace(_one_purpose("Anzeige des Widgets"), device_access=True)
    found = [f.message for f in checks(catalog, with_own(service), lang=lang) if f.code == "own-rule"]
    assert len(found) == 1 and found[0].endswith(says), found
    assert "device_access" not in found[0]
    consented = msgspec.structs.replace(service, purposes=[schema.Purpose(text=T("Widget", "Widget"), basis="consent")])
    assert not [f for f in checks(catalog, with_own(consented), lang=lang) if f.code == "own-rule"]


def test_own_data_print_escaped_however_a_template_prints_them(catalog):
    """Data items are plain text (an own service's are the user's words): a pack template that
    prints one on its own (``first``, an index, a loop) escapes it like any value — they were
    marked Markdown-safe and only the join in the bundled templates escaped them."""
    from editor.core.composer import composer_for
    from editor.core.mdsafe import md_escape
    from editor.core.templating import make_environment
    from editor.core.views import DATA_TYPES

    service = crm()
    catalog = O.overlay(catalog, with_own(service))
    view = composer_for(catalog).service_view(catalog.services[service.id], "de", {})
    env = make_environment(data_types=DATA_TYPES)
    for source in ("{{ service.data[1] }}", "{{ service.data | last }}",
                   "{% for d in service.data %}{% if loop.last %}{{ d }}{% endif %}{% endfor %}"):
        assert env.from_string(source).render(service=view) == md_escape("E-Mail [*privat*]"), source
    assert env.from_string('{{ service.data | join(", ") }}').render(service=view) == md_escape("Name, E-Mail [*privat*]")


@pytest.mark.parametrize("interest", ["Sicherheit & *Schutz*", "Kosten_senken [intern]", "a\\b"])
def test_own_legitimate_interest_prints_literally(catalog, interest):
    # the templates built "basis; interest" in a {% set %} block and printed it escaped once more:
    # "Sicherheit \& \*Schutz\*" with the backslashes showing
    service = O.build(id="own-vr-payment", name=T("VR Payment", "VR Payment"), category="payment", role="processor",
                      entity="VR Payment GmbH", country="DE", privacy_url="https://vr.example/datenschutz",
                      purposes=[schema.Purpose(text=T("Betrugsabwehr", "Fraud prevention"), basis="legitimate_interest",
                                               interest=T(interest, interest))],
                      data=schema.TextList(de=["Kartennummer"], en=["card number"]), retention=T("10 Jahre", "10 years"))
    project = with_own(service)
    assert _bullets(compose(catalog, project, "de"), "own-vr-payment") == [
        f"Betrugsabwehr (Art. 6 Abs. 1 lit. f DSGVO; berechtigtes Interesse: {interest})."]
    assert _bullets(compose(catalog, project, "en"), "own-vr-payment") == [
        f"Fraud prevention (Art. 6(1)(f) GDPR; legitimate interest: {interest})."]

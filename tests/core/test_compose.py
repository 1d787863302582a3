"""compose(): pure, ordered, numbered, only what is selected, same structure in both languages."""
import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.compose import compose
from editor.core.options import option_values
from editor.core.document import Box, BulletList, Paragraph, iter_runs
from editor.core.markup import to_blocks
from editor.core.packs import load_catalog
from editor.core.project import CustomSection, Dpo, LocalText, Project, SelectedService, example_project
from editor.core.mdsafe import md_escape, placeholder
from editor.resources import clause_packs_dir


def text_of(section):
    return " ".join(r.text for b in section.blocks for r in iter_runs(b))


def fresh_compose(project, *langs):
    """compose() with nothing cached: a newly loaded catalog (its own, empty composer, not read
    from the disk cache). One document per language, in order."""
    fresh = load_catalog([clause_packs_dir()])
    return [compose(fresh, project, lang) for lang in langs]


def test_same_input_same_output(catalog, full_project):
    """Same input, same output — from the caches as well as from nothing; the input is left alone."""
    before = msgspec.json.encode(full_project)
    first = compose(catalog, full_project, "de")
    cached = compose(catalog, full_project, "de")
    assert cached == first
    (fresh,) = fresh_compose(full_project, "de")
    assert fresh == cached
    assert len(list(fresh.walk())) > len(catalog.services)  # a whole document, not two empty ones
    assert msgspec.json.encode(full_project) == before


def _consent_months(project):
    next(s for s in project.services if s.id == "cookiebot").options["choice_months"] = 6


def _swap_consent_tool(project):
    project.services = [SelectedService(id="usercentrics") if s.id == "cookiebot" else s for s in project.services]


EDITS = {  # every kind of input a cache key has to notice
    "company": lambda p: setattr(p.controller, "name", "Andere Firma & *Co.* KG"),
    "email": lambda p: setattr(p.controller, "email", "neu@example.de"),
    "dpo": lambda p: setattr(p, "dpo", Dpo(name="Dr. Daten", email="dsb@example.de")),
    "state": lambda p: setattr(p, "state", "BY"),
    "websites": lambda p: setattr(p, "websites", ["https://neu.example", "https://zwei.example"]),
    "stand": lambda p: setattr(p, "stand", "2026-01-02"),
    "service option": lambda p: p.services[0].options.update(signals=True, retention_months="14"),
    "consent tool option": _consent_months,
    "consent tool": _swap_consent_tool,
    "service added": lambda p: p.services.append(SelectedService(id="stripe")),
    "service removed": lambda p: p.services.pop(0),
    "custom section": lambda p: setattr(p, "custom_sections", [
        CustomSection(id="k", title=LocalText(de="Kundenkarte", en="Loyalty card"), body=LocalText(de="Punkte.", en="Points."))]),
    "override": lambda p: setattr(p, "overrides", {"security": LocalText(de="Eigener Text.", en="Own text.")}),
}


def test_caches_follow_every_edit(catalog):
    """compose after each edit, with caches warmed by the states before it, equals compose of the
    same states in the opposite order with a new catalog: every state is reached from another
    history, the last one from nothing. A cache key that misses an input shows as a difference."""
    project = example_project()
    project.services = [SelectedService(id="google-analytics"), SelectedService(id="cookiebot")]
    states = [msgspec.json.encode(project)]
    documents = [[compose(catalog, project, lang) for lang in ("de", "en")]]
    for name, edit in EDITS.items():
        edit(project)
        states.append(msgspec.json.encode(project))
        documents.append([compose(catalog, project, lang) for lang in ("de", "en")])
        assert documents[-1] != documents[-2], f"{name}: the document did not change (a stale cache, or an edit that tests nothing)"
    fresh = fresh_compose(project, "de", "en")
    assert fresh == documents[-1], "the last state composed from nothing differs from the cached one"
    names = ["start", *EDITS]
    other = load_catalog([clause_packs_dir()])
    for state, name, expected in reversed(list(zip(states, names, documents))):
        project = msgspec.json.decode(state, type=Project)
        assert [compose(other, project, lang) for lang in ("de", "en")] == expected, f"after '{name}': stale cache"


def test_sections_are_numbered_in_order(catalog, full_project):
    document = compose(catalog, full_project, "de")
    assert [s.number for s in document.sections] == [str(n) for n in range(1, len(document.sections) + 1)]
    for section in document.sections:
        for n, sub in enumerate(section.subsections, start=1):
            assert sub.number == f"{section.number}.{n}"


def test_only_selected_services_appear(catalog):
    project = example_project()
    project.services = [SelectedService(id="stripe"), SelectedService(id="no-such-service")]
    ids = [s.id for s in compose(catalog, project, "de").walk()]
    assert "service-stripe" in ids and "category-payment" in ids
    assert "service-google-analytics" not in ids and "category-analytics" not in ids
    assert not any("no-such-service" in i for i in ids)


def test_german_and_english_have_the_same_structure(catalog, full_project):
    de = compose(catalog, full_project, "de")
    en = compose(catalog, full_project, "en")
    assert [(s.id, s.number) for s in de.walk()] == [(s.id, s.number) for s in en.walk()]
    assert de.title == "Datenschutzerklärung" and en.title == "Privacy Policy"
    assert de.stand == en.stand and de.stand_text() != en.stand_text()  # one date, formatted per language


def test_fixed_sections_frame_the_services(catalog, full_project):
    ids = [s.id for s in compose(catalog, full_project, "de").sections]
    assert ids.index("controller") < ids.index("category-hosting" if "category-hosting" in ids else "category-analytics")
    assert ids.index("category-analytics") < ids.index("rights") < ids.index("changes")


def test_provenance_names_pack_service_version_and_options(catalog):
    project = example_project()
    project.services = [SelectedService(id="google-analytics", options={"signals": True})]
    section = next(s for s in compose(catalog, project, "de").walk() if s.id == "service-google-analytics")
    p = section.provenance
    assert (p.pack, p.service, p.service_version) == ("core", "google-analytics", "1")
    assert ("signals", "yes") in p.options and p.verified
    assert p.pack_version == catalog.packs["core"].manifest.version


def test_options_change_the_text(catalog):
    project = example_project()
    project.services = [SelectedService(id="google-analytics", options={"signals": False})]
    off = next(s for s in compose(catalog, project, "de").walk() if s.id == "service-google-analytics")
    project.services = [SelectedService(id="google-analytics", options={"signals": True, "retention_months": "14"})]
    on = next(s for s in compose(catalog, project, "de").walk() if s.id == "service-google-analytics")
    assert "Google Signals" not in text_of(off) and "Google Signals" in text_of(on)
    assert "14 Monaten" in text_of(on) and "2 Monaten" in text_of(off)


def test_invalid_option_values_fall_back_to_defaults(catalog):
    service = catalog.services["google-analytics"]
    values = option_values(service, {"signals": "yes please", "retention_months": "99", "bogus": 1}, [])
    assert values == {"retention_months": "2", "signals": False}


def test_every_purpose_shows_its_legal_basis(catalog):
    project = example_project()
    project.services = [SelectedService(id="bank-transfer")]
    section = next(s for s in compose(catalog, project, "de").walk() if s.id == "service-bank-transfer")
    lists = [b for b in section.blocks if isinstance(b, BulletList)]
    items = [" ".join(r.text for r in item) for item in lists[0].items]
    assert len(items) == len(catalog.services["bank-transfer"].purposes) == 3
    assert "Art. 6 Abs. 1 lit. b DSGVO" in items[0] and "Art. 6 Abs. 1 lit. c DSGVO" in items[1]
    assert "Art. 6 Abs. 1 lit. f DSGVO; berechtigtes Interesse:" in items[2]  # (f) always names the interest


def test_payment_providers_own_processing_is_theirs_not_our_purpose(catalog):
    """Anti-money-laundering, fraud and credit checks are the provider's own processing as an
    independent controller: our basis is passing the data on for the contract (Art. 6(1)(b))."""
    payment = [s for s in catalog.services.values() if s.category == "payment" and s.role == "controller"]
    assert len(payment) >= 8
    for service in payment:
        assert {p.basis for p in service.purposes} <= {"contract", "consent"}, service.id
    # said once, in the category's intro, however many providers are selected
    project = example_project()
    project.services = [SelectedService(id=sid) for sid in ("stripe", "paypal", "klarna")]
    for lang, words in (("de", "Geldwäschegesetz"), ("en", "anti-money-laundering")):
        document = compose(catalog, project, lang)
        section = next(s for s in document.walk() if s.id == "category-payment")
        intro = " ".join(r.text for b in section.blocks for r in iter_runs(b))
        everything = " ".join(r.text for s in document.walk() for b in s.blocks for r in iter_runs(b))
        assert words in intro and everything.count(words) == 1


def test_custom_section_placed_after_named_section_and_override(catalog):
    project = example_project()
    project.custom_sections = [
        CustomSection(id="a", title=LocalText(de="Kundenkarte", en="Loyalty card"), body=LocalText(de="Wir **speichern** Punkte.", en="We store points."), after="controller"),
        CustomSection(id="b", title=LocalText(de="Sonstiges", en="Other"), body=LocalText(de="Text.", en="Text.")),
    ]
    project.overrides = {"security": LocalText(de="Unser eigener Sicherheitstext.", en="")}
    de = compose(catalog, project, "de")
    ids = [s.id for s in de.sections]
    assert ids[ids.index("controller") + 1] == "custom-a"
    assert ids.index("custom-b") < ids.index("rights")
    custom = de.sections[ids.index("custom-a")]
    assert custom.blocks[0].runs[1].bold and custom.title == "Kundenkarte"
    security = de.sections[ids.index("security")]
    assert text_of(security) == "Unser eigener Sicherheitstext." and security.provenance.template == "override"
    en = compose(catalog, project, "en")  # empty English override → pack text stays
    assert next(s for s in en.sections if s.id == "security").provenance.template != "override"


def test_dpo_section_only_with_a_dpo(catalog):
    project = example_project()
    assert "dpo" not in [s.id for s in compose(catalog, project, "de").sections]
    project.dpo = Dpo(name="Dr. Daten", email="dsb@example.de")
    assert "dpo" in [s.id for s in compose(catalog, project, "de").sections]


def test_unknown_language_is_refused(catalog):
    from editor.core.compose import ComposeError

    with pytest.raises(ComposeError, match="language"):
        compose(catalog, example_project(), "fr")


# --- escaping of user text -------------------------------------------------------------------

TRICKY = "Müller & *Söhne* [GmbH] <b>x</b> `code` # _a_ \\ 1. - > | ~~ ![i](http://x) &amp;"


def rendered(catalog, value):
    return "".join(r.text for b in to_blocks(catalog.templates.inline("{{ v }}").render(v=value)) for r in iter_runs(b))


def test_markdown_metacharacters_print_literally(catalog):
    assert rendered(catalog, TRICKY) == TRICKY


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_any_user_text_prints_literally_on_one_line(catalog, value):
    import unicodedata

    # control characters, private-use characters and Unicode noncharacters (U+FDD0–FDEF, U+xFFFE/xFFFF,
    # which no output format may hold) are dropped; everything else must survive
    def noncharacter(ch: str) -> bool:
        return 0xFDD0 <= ord(ch) <= 0xFDEF or ord(ch) & 0xFFFE == 0xFFFE

    expected = "".join(ch for ch in value if (unicodedata.category(ch) not in ("Cc", "Co") or ch in "\t\n\r\x0b\x0c\x85")
                       and not noncharacter(ch))
    got = rendered(catalog, value)
    assert " ".join(got.split()) == " ".join(expected.split())


def test_user_text_cannot_forge_placeholders_or_markup(catalog):
    blocks = to_blocks(catalog.templates.inline("{{ v }}").render(v="\ue000fake\ue001 **bold**"))
    runs = [r for b in blocks for r in iter_runs(b)]
    assert not any(r.placeholder or r.bold for r in runs)


def test_placeholder_becomes_a_marked_run():
    (paragraph,) = to_blocks(f"Telefon: {placeholder('Telefonnummer')}.")
    assert isinstance(paragraph, Paragraph)
    assert [(r.text, r.placeholder) for r in paragraph.runs] == [("Telefon: ", False), ("Telefonnummer", True), (".", False)]


def test_blockquote_becomes_box_and_links_are_kept_safe():
    blocks = to_blocks("> **Widerspruch**\n> Text [hier](https://ok.example) und [böse](javascript:alert(1))\n")
    (box,) = blocks
    assert isinstance(box, Box)
    runs = list(iter_runs(box))
    assert any(r.link == "https://ok.example" for r in runs)
    assert not any(r.link and r.link.startswith("javascript") for r in runs)


def test_md_escape_removes_control_characters_and_newlines():
    assert md_escape("a\x00b\nc\x1bd") == "ab cd"


def test_documents_name_the_app_version(catalog, tmp_path):
    """About dialog, DOCX properties and the HTML page all show the one version in editor/__init__."""
    import zipfile

    from editor import __version__
    from editor.export import export

    document = compose(catalog, example_project(), "de")
    assert document.meta_dict()["generator"] == f"Policy Editor {__version__}"
    export(document, tmp_path / "p.docx", "docx")
    export(document, tmp_path / "p.html", "html")
    core = zipfile.ZipFile(tmp_path / "p.docx").read("docProps/core.xml").decode()
    assert f"Policy Editor {__version__}" in core
    assert f'<meta name="generator" content="Policy Editor {__version__}">' in (tmp_path / "p.html").read_text()


def test_company_name_ending_in_a_period_is_not_doubled(catalog):
    project = example_project(company="Kaffeerösterei Bohnenglück e.K.")
    for lang in ("de", "en"):
        intro = next(s for s in compose(catalog, project, lang).sections if s.id == "intro")
        assert "e.K.." not in text_of(intro) and "e.K." in text_of(intro)


def test_several_custom_sections_keep_their_order_around_named_ones(catalog):
    def custom(cid, after=""):
        return CustomSection(id=cid, title=LocalText(de=cid, en=cid), body=LocalText(de="Text.", en="Text."), after=after)

    project = example_project()
    project.custom_sections = [custom("a", after="controller"), custom("b"), custom("c"), custom("d", after="intro")]
    ids = [s.id for s in compose(catalog, project, "de").sections]
    assert ids[ids.index("intro") + 1] == "custom-d"
    assert ids[ids.index("controller") + 1] == "custom-a"
    assert ids.index("custom-b") + 1 == ids.index("custom-c") and ids[ids.index("custom-c") + 1] == "rights"


def test_script_analytics_read_the_device_so_they_need_consent(catalog):
    """§ 25 Abs. 1 TDDDG covers reading from the device too (EDPB Guidelines 2/2023): an analytics
    script that reads browser details needs consent even without cookies; only the analysis of
    server log files, where no script runs, goes without."""
    for sid in ("matomo-self-hosted", "plausible", "fathom", "umami-self-hosted"):
        service = catalog.services[sid]
        assert service.device_access and not service.device_access_exception, sid
        assert {p.basis for p in service.purposes} == {"consent"}, sid
        assert not any(o.id == "consent" for o in service.options), sid  # no consent-free switch
    logs = catalog.services["matomo-log-analytics"]
    assert not logs.device_access and "matomo-self-hosted" in logs.conflicts
    project = example_project()
    project.services = [SelectedService(id="matomo-self-hosted")]
    text = " ".join(r.text for s in compose(catalog, project, "de").walk() if s.id == "service-matomo-self-hosted"
                    for b in s.blocks for r in getattr(b, "runs", ()))
    assert "Bildschirmgröße" in text and "Einwilligung" in text and "erkennt" not in text


def test_sections_without_a_provider_name_who_processes_their_data_for_us(catalog):
    """No hedge such as "ourselves or through a provider named in this policy": the e-mail and
    contact-form sections name the selected office suite and web hoster (handled_by), and a
    self-hosted tool names the hoster it runs on — never another self-hosted service."""
    project = example_project()
    project.services = [SelectedService(id=i) for i in ("strato", "server-logs", "google-workspace", "email-contact",
                                                        "contact-form", "matomo-self-hosted")]

    def plain(document, sid):
        section = next(s for s in document.walk() if s.id == f"service-{sid}")
        return " ".join(r.text for b in section.blocks for r in getattr(b, "runs", ()))

    de, en = compose(catalog, project, "de"), compose(catalog, project, "en")
    assert "Google Workspace (Auftragsverarbeiter, siehe dort)" in plain(de, "email-contact")
    assert "STRATO, Google Workspace (Auftragsverarbeiter" in plain(de, "contact-form")
    assert "STRATO, Google Workspace (processors" in plain(en, "contact-form")
    assert "auf Servern von STRATO" in plain(de, "matomo-self-hosted")
    assert "Server-Logdateien" not in plain(de, "contact-form") + plain(de, "matomo-self-hosted")
    project.services = [SelectedService(id="email-contact")]  # no office suite: said plainly, no hedge
    text = plain(compose(catalog, project, "de"), "email-contact")
    assert "Wir verarbeiten diese Daten selbst" in text and "in dieser Erklärung nennen" not in text


def test_collector_paused_only_while_composing(catalog, full_project):
    """compose() pauses the cyclic garbage collector (a full pass walks the whole loaded catalog)
    and leaves it as it found it — also when composing fails."""
    import gc
    import sys

    from editor.core.compose import ComposeError

    def composing() -> bool:
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_name != "_compose":
            frame = frame.f_back
        return frame is not None

    passes = []
    gc.callbacks.append(lambda phase, info: passes.append(composing()) if phase == "start" else None)
    try:
        fresh = load_catalog([clause_packs_dir()])
        gc.collect()
        passes.clear()
        compose(fresh, full_project, "de")  # allocates hundreds of thousands of objects
        assert True not in passes and gc.isenabled()
        gc.disable()
        compose(catalog, full_project, "de")
        assert not gc.isenabled()  # a caller that disabled it keeps it disabled
        gc.enable()
        with pytest.raises(ComposeError):
            compose(catalog, full_project, "xx")
        assert gc.isenabled()
    finally:
        gc.callbacks.pop()
        gc.enable()


def test_company_field_edit_keeps_the_service_sections_and_their_errors(tmp_path):
    """Typing in a company field changes nothing the services read: their category sections are
    the ones composed before (not built again), a broken service still reports its error, and
    the document equals one composed from nothing. An option rebuilds its service's category
    only; the others stay as they were."""
    from packtools import MINIMAL_SERVICE, write_pack

    broken = MINIMAL_SERVICE.format(id="tool").replace('retention = { de = "7 Tage.", en = "7 days." }',
                                                       'retention = { de = "{{ 1 / 0 }}", en = "{{ 1 / 0 }}" }')
    write_pack(tmp_path / "packs", services=broken)

    def fresh_catalog():
        return load_catalog([clause_packs_dir()], [tmp_path / "packs"])

    def categories(document):
        return {s.id: s for s in document.sections if s.id.startswith("category-")}

    catalog = fresh_catalog()
    project = example_project()
    project.services = [SelectedService(id="tool"), SelectedService(id="stripe"), SelectedService(id="ai-chatbot")]
    before = compose(catalog, project, "de")
    project.controller.phone = "+49 30 123"
    after = compose(catalog, project, "de")
    assert len(categories(after)) >= 3
    assert all(s is categories(before)[sid] for sid, s in categories(after).items())
    assert after.errors == before.errors and any("tool" in e and "ZeroDivisionError" in e for e in after.errors)
    assert after == compose(fresh_catalog(), project, "de")

    chatbot = catalog.services["ai-chatbot"]
    option = next(o for o in chatbot.options if o.type == "int")
    project.services[2].options = {option.id: (option.min or 1) + 7}
    again = compose(catalog, project, "de")
    assert again == compose(fresh_catalog(), project, "de") and again.errors == after.errors
    rebuilt = {sid for sid, s in categories(again).items() if s is not categories(after)[sid]}
    assert rebuilt == {f"category-{chatbot.category}"}


def test_kept_category_sections_are_bounded(catalog, monkeypatch):
    """Each keystroke in a service section's override keeps one more category section: past the
    bound they start afresh, and the document stays the one composed from nothing."""
    from editor.core import compose as compose_module
    from editor.core.compose import composer_for

    monkeypatch.setattr(compose_module, "MAX_CATEGORY_SECTIONS", 3)
    project = example_project()
    project.services = [SelectedService(id="stripe"), SelectedService(id="google-analytics")]
    for text in ("E", "Ei", "Eig", "Eige", "Eigen"):
        project.overrides = {"service-stripe": LocalText(de=text, en=text)}
        document = compose(catalog, project, "de")
        assert len(composer_for(catalog).selection.sections) <= 3
    assert document == fresh_compose(project, "de")[0]

"""Company data that helps: the legal form as a key of a fixed list (and the text that follows
it), one list of websites with https added, the federal state from the postcode, and the
migration of v3 files that held free text and two website fields."""
import json
import shutil
from pathlib import Path

import pytest

from editor.core import legalforms, postcodes, websites
from editor.core import project as P
from editor.core.checks import checks
from editor.core.compose import compose
from editor.core.document import Paragraph

FIXTURE = Path(__file__).parent.parent / "fixtures" / "projects" / "blumenladen-v3.policy.json"


def _text(document, section_id):
    section = next(s for s in document.walk() if s.id == section_id)
    return "\n".join("".join(r.text for r in b.runs) for b in section.blocks if isinstance(b, Paragraph))


# --- legal forms --------------------------------------------------------------------------------

def test_the_list_has_every_form_the_owner_needs_with_both_labels():
    keys = set(legalforms.FORMS)
    assert {"sole_trader", "ek", "freelancer", "gbr", "ohg", "kg", "gmbh", "ug", "gmbh_co_kg", "ag", "ev", "eg",
            "foundation", "other"} <= keys
    assert legalforms.FORMS["sole_trader"].label("de") == "Einzelunternehmen (nicht im Handelsregister)"
    for form in legalforms.FORMS.values():
        assert form.label("de") and form.label("en") and form.label("de") != form.key


def test_what_people_type_names_exactly_one_form():
    seen = {}
    for form in legalforms.FORMS.values():
        for text in (form.de, form.en, form.suffix, *form.known):
            if text:
                assert legalforms.recognise(text) == form.key, text
                seen.setdefault(legalforms._normal(text), form.key)
                assert seen[legalforms._normal(text)] == form.key, f"{text!r} names two forms"


@pytest.mark.parametrize("typed, key", [
    ("e.K.", "ek"), ("e. K.", "ek"), ("eK", "ek"), ("GmbH", "gmbh"), ("gmbh", "gmbh"), ("UG (haftungsbeschränkt)", "ug"),
    ("GmbH & Co. KG", "gmbh_co_kg"), ("GmbH & Co KG", "gmbh_co_kg"), ("e.V.", "ev"), ("Einzelunternehmen", "sole_trader"),
    ("Freiberuflerin", "freelancer"), ("eG", "eg"), ("Stiftung", "foundation"), ("OHG", "ohg"),
])
def test_old_free_text_is_recognised(typed, key):
    assert legalforms.from_text(typed) == (key, "")


def test_text_that_is_no_form_of_the_list_stays_as_other():
    assert legalforms.from_text("  Ltd. ") == ("other", "Ltd.")
    assert legalforms.from_text("gGmbH") == ("other", "gGmbH")
    assert legalforms.from_text("") == ("", "")


@pytest.mark.parametrize("name, form, other, shown", [
    ("Müller", "gmbh", "", "Müller GmbH"),
    ("Müller GmbH", "gmbh", "", "Müller GmbH"),  # never "Müller GmbH GmbH"
    ("Müller gmbh", "gmbh", "", "Müller gmbh"),
    ("Holzwerk Meyer e.K.", "ek", "", "Holzwerk Meyer e.K."),
    ("Bäckerei Schönbeek", "ek", "", "Bäckerei Schönbeek e. K."),  # "…eek" is no "e. K."
    ("Terminfuchs UG (haftungsbeschränkt)", "ug", "", "Terminfuchs UG (haftungsbeschränkt)"),
    ("Terminfuchs", "ug", "", "Terminfuchs UG (haftungsbeschränkt)"),
    ("Meyer GmbH & Co. KG", "kg", "", "Meyer GmbH & Co. KG"),
    ("Blumenladen Rosenrot", "sole_trader", "", "Blumenladen Rosenrot"),  # no "Einzelunternehmen" glued on
    ("Dr. Eva Alt", "freelancer", "", "Dr. Eva Alt"),
    ("Turnverein Kassel", "ev", "", "Turnverein Kassel e. V."),
    ("Acme", "other", "Ltd.", "Acme Ltd."),
    ("Acme Ltd.", "other", "Ltd.", "Acme Ltd."),
    ("Acme", "Ltd", "", "Acme Ltd"),  # a hand-edited file's text where a key belongs: printed as it is
    ("", "gmbh", "", ""),  # no name: the template shows its placeholder
])
def test_the_controller_line_names_the_form_once(name, form, other, shown):
    assert legalforms.full_name(P.Controller(name=name, legal_form=form, legal_form_other=other)) == shown


def test_merchants_are_the_forms_the_commercial_code_makes_merchants():
    merchant = {k for k, f in legalforms.FORMS.items() if f.merchant}
    assert merchant == {"ek", "ohg", "kg", "gmbh", "ug", "gmbh_co_kg", "ag", "eg"}
    assert {k for k, f in legalforms.FORMS.items() if f.merchant is False} == {
        "sole_trader", "freelancer", "gbr", "partg", "partg_mbb", "ev", "foundation"}
    assert legalforms.merchant(P.Controller(legal_form="other")) is None
    assert legalforms.merchant(P.Controller()) is None


@pytest.mark.parametrize("lang, merchant_text, other_text", [
    ("de", "Aufbewahrungspflichten des Handels- und Steuerrechts (§ 257 HGB, § 147 AO)",
     "Aufbewahrungspflichten des Steuerrechts (§ 147 AO)"),
    ("en", "commercial and tax law apply in particular (Section 257 HGB, Section 147 AO)",
     "tax law apply in particular (Section 147 AO)"),
])
def test_retention_cites_the_commercial_code_only_for_merchants(catalog, lang, merchant_text, other_text):
    project = P.example_project()
    for form in ("gmbh", "ek", "eg", "", "other"):
        project.controller.legal_form = form
        text = _text(compose(catalog, project, lang), "retention")
        assert merchant_text in text, form
    for form in ("sole_trader", "freelancer", "ev", "gbr"):
        project.controller.legal_form = form
        text = _text(compose(catalog, project, lang), "retention")
        assert other_text in text and "257" not in text, form


def test_the_controller_section_prints_name_and_form_once(catalog):
    project = P.example_project(company="Müller GmbH")
    for lang in ("de", "en"):
        text = _text(compose(catalog, project, lang), "controller")
        assert "Müller GmbH" in text and "GmbH GmbH" not in text
    project.controller.legal_form = "sole_trader"
    project.controller.name = "Blumenladen Rosenrot"
    assert "Einzelunternehmen" not in _text(compose(catalog, project, "de"), "controller")


# --- websites -----------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, url, problem", [
    ("www.blumenladen-rosenrot.de", "https://www.blumenladen-rosenrot.de", None),
    (" blumen.de/laden ", "https://blumen.de/laden", None),
    ("http://alt.example", "http://alt.example", None),
    ("https://müller-blumen.de", "https://müller-blumen.de", None),
    ("shop.example.de:8443", "https://shop.example.de:8443", None),
    ("blumen laden.de", "https://blumen laden.de", "space"),
    ("rosenrot", "https://rosenrot", "host"),
    ("ftp://files.example.de", "ftp://files.example.de", "scheme"),
    ("javascript:alert(1)", "javascript:alert(1)", "scheme"),
    ("https://shop.example.de:port", "https://shop.example.de:port", "host"),
    ("", "", None),
])
def test_an_address_gets_https_and_a_judgement(typed, url, problem):
    assert websites.normalize(typed) == url
    assert websites.problem(typed) == problem


def test_the_overview_and_the_controller_show_the_one_website_with_https(catalog):
    project = P.example_project()
    project.websites = ["blumenladen-rosenrot.de"]
    for lang in ("de", "en"):
        document = compose(catalog, project, lang)
        assert "https://blumenladen-rosenrot.de" in _text(document, "controller")
        intro = next(s for s in document.walk() if s.id == "intro")
        links = [r.link for b in intro.blocks if isinstance(b, Paragraph) for r in b.runs if r.link]
        assert "https://blumenladen-rosenrot.de" in links


def test_an_invalid_website_is_a_finding_not_a_crash(catalog):
    project = P.example_project()
    project.websites = ["blumen laden", "https://ok.example.de", "ftp://x.example.de"]
    found = [f for f in checks(catalog, project, lang="en") if f.code == "website-invalid"]
    assert [f.target for f in found] == ["websites", "websites"]
    assert "“blumen laden”" in found[0].message and "ftp://x.example.de" in found[1].message
    for lang in ("de", "en"):
        compose(catalog, project, lang)  # composes; the link stays within https/mailto/tel


# --- postcode → federal state -----------------------------------------------------------------

@pytest.mark.parametrize("postcode, state", [
    ("50667", "NW"), ("D-50667", "NW"), ("10435", "BE"), ("80331", "BY"), ("20095", "HH"), ("28195", "HB"),
    ("01067", "SN"), ("99084", "TH"), ("39104", "ST"), ("19053", "MV"), ("14467", "BB"), ("24103", "SH"),
    ("30159", "NI"), ("65183", "HE"), ("55116", "RP"), ("66111", "SL"), ("70173", "BW"),
    ("34117", "HE"),  # Kassel
])
def test_a_postcode_tells_its_state(postcode, state):
    assert postcodes.state_for(postcode) == state


@pytest.mark.parametrize("postcode", [
    "07919",  # places in Saxony and Thuringia
    "59969",  # Hallenberg (NRW) and Bromskirchen (Hesse)
    "69434",  # Hirschhorn (Hesse) and Heddesbach (Baden-Württemberg)
    "00000", "01001",  # below every range
    "5066", "506677", "Köln", "", "1 0435",
])
def test_a_postcode_that_crosses_a_border_or_is_none_cannot_tell(postcode):
    assert postcodes.state_for(postcode) is None


def test_a_foreign_address_tells_no_german_state():
    assert postcodes.state_for("50667", "Deutschland") == postcodes.state_for("50667", " germany ") == "NW"
    assert postcodes.state_for("50667", "Österreich") is None and postcodes.state_for("80331", "Schweiz") is None


def test_the_ranges_are_sorted_and_do_not_overlap():
    ranges = postcodes._RANGES
    assert len(ranges) > 100
    for (first, last, state), (nxt, _, _) in zip(ranges, ranges[1:]):
        assert first <= last < nxt and state in P.STATE_CODES


def test_a_state_that_does_not_match_the_postcode_is_a_warning_naming_both(catalog):
    project = P.example_project(state="BY")  # Köln, 50667
    (found,) = [f for f in checks(catalog, project, lang="de") if f.code == "state-postcode"]
    assert found.severity == "warning" and found.target == "state"
    assert "50667" in found.message and "Nordrhein-Westfalen" in found.message and "Bayern" in found.message
    (found,) = [f for f in checks(catalog, project, lang="en") if f.code == "state-postcode"]
    assert "North Rhine-Westphalia" in found.message and "Bavaria" in found.message


@pytest.mark.parametrize("postcode, state, country", [
    ("50667", "NW", "Deutschland"),  # matches
    ("07919", "TH", "Deutschland"),  # a border postcode: cannot tell, no false warning
    ("07919", "SN", "Deutschland"),
    ("50667", "BY", "Österreich"),  # a foreign address: German postcodes say nothing
    ("5020", "BY", "Deutschland"),  # not a German postcode
    ("50667", "", "Deutschland"),  # no state: "state-missing" says it already
])
def test_no_state_warning_where_the_postcode_cannot_tell(catalog, postcode, state, country):
    project = P.example_project()
    project.controller.postcode, project.state, project.controller.country = postcode, state, country
    assert not [f for f in checks(catalog, project, lang="de") if f.code == "state-postcode"]


# --- migration of v3 files ------------------------------------------------------------------------

def test_a_v3_file_migrates_legal_form_and_website_and_keeps_everything_else(tmp_path):
    path = tmp_path / "blumenladen.policy.json"
    shutil.copy(FIXTURE, path)
    project = P.load(path)
    c = project.controller
    assert project.schema_version == P.SCHEMA_VERSION == 4
    assert (c.name, c.legal_form, c.legal_form_other) == ("Blumenladen Rosenrot", "sole_trader", "")
    assert project.websites == ["https://blumenladen-rosenrot.de"]  # the one list, with https
    assert (c.representative, c.postcode, project.state, project.stand) == ("Inhaberin: Rosa Rot", "10435", "BE", "2025-03-01")
    P.save(project, path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["schema_version"] == 4 and "website" not in saved["controller"]
    assert saved["controller"]["x-crm"] == "kunde-17" and saved["x-agency"] == "Nordlicht"  # unknown keys kept
    assert json.loads((tmp_path / "blumenladen.policy.json.bak").read_text(encoding="utf-8"))["schema_version"] == 3


def _v3(**controller):
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data["controller"].update(controller)
    return data


def test_v3_text_that_is_no_listed_form_is_kept_as_other():
    project = P.loads(json.dumps(_v3(legal_form="Limited (Ltd.)")))
    assert (project.controller.legal_form, project.controller.legal_form_other) == ("other", "Limited (Ltd.)")
    assert legalforms.full_name(project.controller) == "Blumenladen Rosenrot Limited (Ltd.)"


def test_v3_website_already_listed_is_not_listed_twice():
    data = _v3(website="https://WWW.Rosenrot.de")
    data["websites"] = ["www.rosenrot.de", "https://shop.rosenrot.de"]
    assert P.loads(json.dumps(data)).websites == ["https://www.rosenrot.de", "https://shop.rosenrot.de"]
    data = _v3(website="https://rosenrot.de")
    data["websites"] = ["https://shop.rosenrot.de"]
    assert P.loads(json.dumps(data)).websites == ["https://rosenrot.de", "https://shop.rosenrot.de"]  # main site first
    assert P.loads(json.dumps(_v3(website="  "))).websites == []


@pytest.mark.parametrize("controller", [{"legal_form": 5}, {"website": ["x"]}, {"legal_form": None}])
def test_v3_junk_gives_a_message_or_loads_never_a_traceback(controller):
    data = _v3(**controller)
    try:
        project = P.loads(json.dumps(data))
    except P.ProjectError as exc:
        assert "cannot use" in str(exc)
    else:
        assert project.schema_version == 4
    data = _v3()
    data["controller"] = "Blumenladen"
    with pytest.raises(P.ProjectError, match="cannot use"):
        P.loads(json.dumps(data))


def test_the_examples_load_with_their_legal_forms():
    examples = Path(__file__).parent.parent.parent / "resources" / "examples"
    forms = {p.name: P.load(p).controller.legal_form for p in sorted(examples.glob("*.policy.json"))}
    assert set(forms.values()) <= set(legalforms.FORMS) and "other" not in forms.values(), forms


def test_the_table_builder_leaves_out_postcodes_of_two_states():
    import importlib.util

    path = Path(__file__).parent.parent.parent / "scripts" / "postcodes_from_geonames.py"
    spec = importlib.util.spec_from_file_location("postcodes_from_geonames", path)
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    rows = [{"zipcode": z, "state": s} for z, s in [
        ("07318", "Thüringen"), ("07907", "Thuringia"), ("07919", "Sachsen"), ("07919", "Thüringen"),
        ("07922", "Thüringen"), ("08037", "Sachsen"), ("10115", "Berlin"), ("10117", "Land Berlin")]]
    assert builder.ranges(rows) == [(7318, 7907, "TH"), (7922, 7922, "TH"), (8037, 8037, "SN"), (10115, 10117, "BE")]

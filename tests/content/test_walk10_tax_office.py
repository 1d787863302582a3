"""walk10 (a tax adviser's office): 'Mandantenportal', 'Mandat' or 'Steuerkanzlei' found nothing, and
'DATEV' / 'Steuerberater' found only the service of a business that *has* a tax adviser ('Our tax
adviser handles our bookkeeping'). The office's own work for its clients — as a controller of its
own (§ 11 Abs. 2 StBerG), bound by secrecy, keeping its files ten years (§ 66 StBerG) — was missing."""
import pytest
from test_special_categories import CATALOG, section_text  # the test folder is on sys.path (no package)

from editor.core.service_search import SearchIndex

INDEX = SearchIndex.of_catalog(CATALOG)
SERVICE = "tax-office-mandates"


@pytest.mark.parametrize("query", ["Mandantenportal", "Mandant", "Steuerkanzlei", "Kanzlei Steuerberater",
                                   "DATEV Unternehmen online", "SmartTransfer", "Handakte", "tax adviser clients"])
def test_a_tax_office_finds_its_client_work_by_its_words(query):
    assert SERVICE in [hit.id for hit in (INDEX.search(query) or [])[:3]]


def test_the_office_is_the_controller_and_datev_its_processor():
    service = CATALOG.services[SERVICE]
    assert service.role == "processor" and service.provider.entity == "DATEV eG"


@pytest.mark.parametrize("lang, words", [
    ("de", ["§ 11 Abs. 2 StBerG", "§ 57 Abs. 1 StBerG", "§ 203 StGB", "§ 62a StBerG", "zehn Jahre",
            "§ 66 Abs. 1 StBerG", "Geldwäschegesetz", "Art. 6 Abs. 1 lit. b DSGVO", "Art. 6 Abs. 1 lit. c DSGVO",
            "Identifizierung verlangt das Geldwäschegesetz"]),
    ("en", ["Section 11(2) StBerG", "Section 57(1) StBerG", "Section 203", "Section 62a StBerG", "ten years",
            "Section 66(1) StBerG", "Money Laundering Act", "Art. 6(1)(b) GDPR", "Art. 6(1)(c) GDPR"]),
])
def test_the_mandate_names_its_role_secrecy_files_and_laws(lang, words):
    text = section_text(SERVICE, lang)
    for word in words:
        assert word in text
    assert "unser Steuerberater" not in text and "our tax adviser" not in text


@pytest.mark.parametrize("lang, portal", [("de", "DATEV Unternehmen online"), ("en", "DATEV Unternehmen online")])
def test_the_client_portal_is_said_only_when_the_office_uses_it(lang, portal):
    assert portal in section_text(SERVICE, lang)
    assert portal not in section_text(SERVICE, lang, client_portal=False)


def test_the_client_side_datev_record_is_flagged_next_to_the_office_s_own():
    from editor.core.checks import checks
    from editor.core.project import SelectedService, example_project

    def conflicts(*ids):
        project = example_project()
        project.services = [SelectedService(id=i) for i in ids]
        return [f for f in checks(CATALOG, project) if f.code == "conflict"]

    assert conflicts(SERVICE, "datev")
    assert not conflicts(SERVICE) and not conflicts("datev")


@pytest.mark.parametrize("lang, duty, none", [
    ("de", "verpflichtet, uns die Angaben zu ihrer Identifizierung zu geben (§ 11 Abs. 6 GwG)", "grundsätzlich weder"),
    ("en", "required by the Money Laundering Act to give us the details for their identification (Section 11(6) GwG)",
     "As a rule, you are under no"),
])
def test_the_duty_to_give_identification_details_stands_in_the_section_on_providing_data(lang, duty, none):
    # Art. 13(2)(e): the record's statutory_duty, said where the policy says what one must provide
    from editor.core.compose import compose
    from editor.core.document import iter_runs
    from editor.core.project import SelectedService, example_project

    def obligation(*ids):
        project = example_project()
        project.services = [SelectedService(id=i) for i in ids]
        section = next(s for s in compose(CATALOG, project, lang).walk() if s.id == "obligation")
        return " ".join("".join(r.text for r in iter_runs(b)) for b in section.blocks)

    assert duty in obligation(SERVICE) and none not in obligation(SERVICE)
    assert duty not in obligation("contact-form") and none in obligation("contact-form")

"""checks(): every Art. 13 gap and cross-service problem becomes a finding with a target."""
from editor.core.checks import checks
from editor.core.compose import compose
from editor.core.project import Dpo, Project, SelectedService, example_project


def codes(findings):
    return {f.code for f in findings}


def by_code(findings, code):
    return [f for f in findings if f.code == code]


def test_empty_project_lists_missing_controller_details_as_errors(catalog):
    findings = checks(catalog, Project())
    missing = by_code(findings, "controller-missing")
    assert {f.target for f in missing} == {"controller.name", "controller.street", "controller.postcode",
                                           "controller.city", "controller.email"}
    assert all(f.severity == "error" for f in missing)
    assert "state-missing" in codes(findings) and "no-services" in codes(findings)
    assert findings[0].severity == "error"  # errors come first


def test_findings_speak_the_requested_language(catalog):
    de = by_code(checks(catalog, Project(), lang="de"), "state-missing")[0].message
    en = by_code(checks(catalog, Project(), lang="en"), "state-missing")[0].message
    assert "Bundesland" in de and "federal state" in en


def test_consent_service_without_consent_tool_is_an_error(catalog):
    project = example_project()
    project.services = [SelectedService(id="google-analytics")]
    (finding,) = by_code(checks(catalog, project), "consent-tool-missing")
    assert finding.severity == "error" and finding.target == "service:google-analytics"
    consent_tools = [s.id for s in catalog.services.values() if s.category == "consent"]
    assert consent_tools, "the bundled catalog offers consent tools"
    project.services.append(SelectedService(id=consent_tools[0]))
    assert not by_code(checks(catalog, project), "consent-tool-missing")


def test_unknown_service_is_kept_and_reported(catalog):
    project = example_project()
    project.services = [SelectedService(id="vanished-tool")]
    (finding,) = by_code(checks(catalog, project), "unknown-service")
    assert finding.target == "service:vanished-tool" and "vanished-tool" in finding.message
    assert project.service_ids() == ["vanished-tool"]


def test_unfilled_placeholders_are_errors_pointing_at_their_section(catalog):
    project = example_project()
    project.controller.phone = ""
    document = compose(catalog, project, "de")
    findings = checks(catalog, project, document)
    placeholders = by_code(findings, "placeholder")
    from editor.core.document import placeholders as find

    assert len(placeholders) == len(find(document))
    assert all(f.severity == "error" and f.target.startswith(("section:", "service:")) for f in placeholders)


def test_dpo_without_contact_is_an_error_and_no_dpo_is_a_hint(catalog):
    project = example_project()
    assert project.dpo is None and not project.staff_20_plus
    assert by_code(checks(catalog, project), "dpo-hint") == []  # a small shop: § 38 BDSG cannot apply
    project.staff_20_plus = True
    assert by_code(checks(catalog, project), "dpo-hint")[0].severity == "info"
    project.dpo = Dpo(name="Dr. D")
    assert by_code(checks(catalog, project), "dpo-incomplete")[0].target == "dpo.email"
    project.dpo = Dpo(name="Dr. D", email="not-an-address")
    assert by_code(checks(catalog, project), "email-invalid")[0].target == "dpo.email"


def test_invalid_option_value_is_reported(catalog):
    project = example_project()
    project.services = [SelectedService(id="google-analytics", options={"retention_months": "99", "nonsense": True})]
    assert len(by_code(checks(catalog, project), "unknown-option")) == 2


def test_website_without_hosting_and_http(catalog):
    project = example_project()
    project.websites = ["http://example.de"]
    project.services = [SelectedService(id="stripe")]
    found = codes(checks(catalog, project))
    assert {"no-hosting", "website-http"} <= found


def test_stand_in_future_and_unknown_state(catalog):
    project = example_project()
    project.stand = "2999-01-01"
    project.state = "XX"
    found = codes(checks(catalog, project))
    assert {"stand-future", "state-unknown"} <= found


def test_complete_example_has_no_errors_with_hosting_and_consent(catalog):
    project = example_project()
    wanted = [s for s in ("ionos", "server-logs", "contact-form") if s in catalog.services]
    project.services = [SelectedService(id=s) for s in wanted]
    errors = [f for f in checks(catalog, project) if f.severity == "error"]
    assert errors == []


def test_pack_errors_become_warnings(tmp_path):
    from packtools import write_pack
    from editor.core.packs import load_catalog
    from editor.resources import clause_packs_dir

    write_pack(tmp_path, services="not toml [")
    catalog = load_catalog([clause_packs_dir(), tmp_path])
    (finding,) = by_code(checks(catalog, example_project()), "pack-error")
    assert finding.severity == "warning" and finding.target.startswith("pack:demo/")


def test_unverified_facts_are_one_summary_not_one_finding_per_service(catalog):
    project = example_project()
    unsure = [s.id for s in catalog.services.values() if s.uncertain][:3]
    project.services = [SelectedService(id=s) for s in unsure]
    (finding,) = by_code(checks(catalog, project), "uncertain-facts")
    assert finding.severity == "info" and str(len(unsure)) in finding.message
    assert all(catalog.services[s].name("de") in finding.message for s in unsure)


def test_a_required_service_that_is_missing_is_named_with_the_service_that_needs_it(catalog):
    # ai-chatbot declares requires = [{ any_of = ["category:ai"], … }] in its pack record
    project = example_project()
    project.services = [SelectedService(id="ai-chatbot")]
    (de,) = by_code(checks(catalog, project, lang="de"), "requires")
    (en,) = by_code(checks(catalog, project, lang="en"), "requires")
    assert de.severity == en.severity == "warning" and de.target == "service:ai-chatbot"
    assert catalog.services["ai-chatbot"].name("en") in en.message and "AI model providers" in en.message
    assert "Anbieter von KI-Modellen" in de.message and "Modell" in de.message
    ai = next(s.id for s in catalog.services.values() if s.category == "ai")
    project.services.append(SelectedService(id=ai))
    assert not by_code(checks(catalog, project), "requires")


def test_conflicting_services_are_reported_once_from_the_record_that_declares_it(catalog):
    assert "google-fonts-local" in catalog.services["google-fonts"].conflicts
    project = example_project()
    project.services = [SelectedService(id="google-fonts"), SelectedService(id="google-fonts-local")]
    (finding,) = by_code(checks(catalog, project, lang="en"), "conflict")
    assert finding.target == "service:google-fonts"
    project.services = [SelectedService(id="matomo-cloud"), SelectedService(id="matomo-self-hosted")]
    assert len(by_code(checks(catalog, project), "conflict")) == 1


def test_category_flags_carry_what_the_checks_knew_in_code(catalog):
    assert {c.id for c in catalog.categories.values() if c.tracking} == {"analytics", "advertising"}
    assert [c.id for c in catalog.categories.values() if c.consent_manager] == ["consent"]

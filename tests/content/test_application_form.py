"""Job applications through a form on the own website: the form's own section (what it collects,
where it arrives, the hoster's servers) and "Job applications" naming whoever holds them."""
import pytest

from editor.core.checks import checks
from editor.core.compose import compose
from editor.core.document import iter_runs
from editor.core.project import SelectedService, example_project
from test_special_categories import CATALOG

RECIPIENT_SELF = {"de": "Wir verarbeiten diese Daten selbst", "en": "We process these data ourselves"}


def sections(lang, *services):
    project = example_project()
    project.services = [SelectedService(id=s[0], options=s[1]) if isinstance(s, tuple) else SelectedService(id=s)
                        for s in services]
    return {s.id.removeprefix("service-"): " ".join(" ".join(r.text for b in s.blocks for r in iter_runs(b)).split())
            for s in compose(CATALOG, project, lang).walk() if s.id.startswith("service-")}


def test_the_record_states_its_basis_and_sources():
    form = CATALOG.services["application-form"]
    assert form.category == "recruiting" and form.role == "self_hosted" and form.provider is None
    assert [p.basis for p in form.purposes] == ["contract"]  # Art. 6(1)(b) alone (CJEU C-34/21), no § 26 BDSG
    assert any("C-34/21" in s for s in form.sources)
    assert any(s.endswith("agg/__15.html") for s in form.sources) and any(s.endswith("arbgg/__61b.html") for s in form.sources)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_form_runs_on_the_hosters_servers_and_the_applications_name_the_hoster_as_recipient(lang):
    found = sections(lang, "ionos", "job-applications", "application-form")
    form, applications = found["application-form"], found["job-applications"]
    for text in (form, applications):  # the form's entries, as the contact form's, reach us through the hoster
        assert {"de": "Empfänger: IONOS (Auftragsverarbeiter, siehe dort)",
                "en": "Recipient: IONOS (processor, see there)"}[lang] in text
        assert RECIPIENT_SELF[lang] not in text
    # the purpose with its basis; the period after a rejection is said once, under "Job applications"
    assert {"de": "Entgegennahme Ihrer Bewerbung über das Formular, um über die Einstellung zu entscheiden (Art. 6 Abs. 1 lit. b DSGVO)",
            "en": "Receiving your application through the form in order to decide on hiring (Art. 6(1)(b) GDPR)"}[lang] in form
    assert {"de": "unter „Bewerbungen“", "en": "under “Job applications”"}[lang] in form
    assert {"de": "§ 15 Abs. 4 AGG, § 61b ArbGG", "en": "Section 15(4) AGG, Section 61b ArbGG"}[lang] in applications
    assert "6" in applications and "6" not in form.replace("Art. 6", "")  # the number stands once
    for text in (form, applications):
        assert "26 BDSG" not in text and "Section 26 BDSG" not in text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_where_the_applications_arrive_follows_the_delivery_option(lang):
    by_mail = sections(lang, "ionos", "job-applications", "application-form")["application-form"]
    stored = sections(lang, "ionos", "job-applications", ("application-form", {"delivery": "database"}))["application-form"]
    assert {"de": "als E-Mail", "en": "as an email"}[lang] in by_mail
    assert {"de": "aus unserem Postfach", "en": "from our mailbox"}[lang] in by_mail
    assert {"de": "Datenbank unserer Website", "en": "website's database"}[lang] in stored
    assert {"de": "Postfach", "en": "mailbox"}[lang] not in stored


@pytest.mark.parametrize("lang", ["de", "en"])
def test_applications_by_mail_or_post_only_still_have_no_recipient(lang):
    assert RECIPIENT_SELF[lang] in sections(lang, "ionos", "job-applications")["job-applications"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_applications_by_email_name_the_mail_suite_they_arrive_in(lang):
    applications = sections(lang, "ionos", "job-applications", "microsoft-365")["job-applications"]
    assert {"de": "Empfänger: Microsoft 365 (Auftragsverarbeiter", "en": "Recipient: Microsoft 365 (processor"}[lang] in applications


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_applicant_tracking_processor_is_named_as_the_recipient_of_the_applications(lang):
    applications = sections(lang, "ionos", "job-applications", "personio-recruiting")["job-applications"]
    assert {"de": "Empfänger: Personio", "en": "Recipient: Personio"}[lang] in applications
    assert "IONOS" not in applications  # no form of ours on the site: the hoster holds no applications


def test_the_form_without_the_applications_service_is_reported():
    project = example_project()
    project.services = [SelectedService(id="ionos"), SelectedService(id="application-form")]
    (finding,) = [f for f in checks(CATALOG, project, lang="de") if f.code == "requires" and "Bewerbungsformular" in f.message]
    assert finding.target == "service:job-applications" and "Bewerbungen" in finding.message


@pytest.mark.parametrize("lang", ["de", "en"])
def test_applications_through_the_wordpress_job_plugin_name_the_hoster_too(lang):
    applications = sections(lang, "ionos", "job-applications", "wp-job-manager")["job-applications"]
    assert {"de": "Empfänger: IONOS (Auftragsverarbeiter", "en": "Recipient: IONOS (processor"}[lang] in applications


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("portal", [False, True])
def test_the_applications_do_not_list_ways_to_apply_that_leave_out_the_form(lang, portal):
    """"by email or by post" read as the only ways while the form's section stood right after it."""
    applications = sections(lang, "ionos", ("job-applications", {"portal": portal}), "application-form")["job-applications"]
    assert {"de": "per Post", "en": "by post"}[lang] not in applications
    assert ({"de": "Unser Bewerberportal betreibt ein Dienstleister", "en": "Our application portal is run for us"}[lang]
            in applications) == portal


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_form_on_a_site_builder_names_the_builder_in_both_sections(lang):
    """review9: with a site builder and no web hoster the form's section said 'we process these data
    ourselves, no service provider' (the builder's stand-in read the category's without_provider,
    not the form's own), and "Job applications", following the form one step, looked only for a
    hoster — while the entries reach the builder's servers."""
    builder = CATALOG.services["ionos-website-builder"].name(lang)
    found = sections(lang, "ionos-website-builder", "job-applications", "application-form")
    for text in (found["application-form"], found["job-applications"]):
        assert {"de": f"Empfänger: {builder} (Auftragsverarbeiter", "en": f"Recipient: {builder} (processor"}[lang] in text
        assert RECIPIENT_SELF[lang] not in text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_software_we_run_ourselves_in_a_category_of_forms_is_never_said_to_run_on_a_hosted_shop(lang):
    """review9: CiviCRM is self-hosted in a category whose services are our own processing: the
    stand-in read the category and put CiviCRM 'on servers of Shopify'."""
    found = sections(lang, "shopify", "civicrm-self-hosted")
    assert "Shopify" not in found["civicrm-self-hosted"]
    assert "CiviCRM" not in found["shopify"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_practice_form_on_a_site_builder_names_the_builder(lang):
    builder = CATALOG.services["ionos-website-builder"].name(lang)
    assert builder in sections(lang, "ionos-website-builder", "practice-online-requests")["practice-online-requests"]

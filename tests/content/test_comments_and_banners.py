"""The lawyer's reading of the comment services and the self-hosted consent banners, checked in
the text a visitor reads (both languages)."""
import pytest

from editor.core.compose import compose
from editor.core.document import iter_runs
from editor.core.project import SelectedService, example_project

from test_special_categories import CATALOG


def _service_text(lang, service_id, options=None, *others) -> str:
    project = example_project()
    project.services = [SelectedService(id=service_id, options=options or {})] + [SelectedService(id=o) for o in others]
    document = compose(CATALOG, project, lang)
    section = next(s for s in document.walk() if s.id == f"service-{service_id}")
    return " ".join(r.text for b in section.blocks for r in iter_runs(b))


@pytest.mark.parametrize("service_id", ["klaro", "complianz"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_banner_that_keeps_the_choice_only_in_the_browser_claims_no_proof_of_consent(service_id, lang):
    """A cookie on the visitor's device is no record the controller can show (Art. 7(1) GDPR)."""
    text = _service_text(lang, service_id)
    assert "Nachweis" not in text and "record of your consent" not in text and "documenting" not in text
    assert ("Einholen Ihrer Einwilligungen" if lang == "de" else "Obtaining your consents") in text
    tasks = [t.id for t in CATALOG.services[service_id].tasks]
    assert f"{service_id}-consent-records" in tasks


@pytest.mark.parametrize("lang, kept, deleted", [
    ("de", "IP-Adresse und Browserkennung löschen wir 14 Tage nach dem Kommentar", "bis er gelöscht wird"),
    ("en", "We delete the IP address and browser identifier 14 days after the comment", "until it is deleted"),
])
def test_comment_ip_addresses_are_kept_for_the_days_set_not_as_long_as_the_comment(lang, kept, deleted):
    text = _service_text(lang, "wordpress-comments", {"ip_days": 14})
    assert kept in text and deleted in text
    assert ("Pflichtangaben" if lang == "de" else "are required") in text
    assert ("bei Rückfragen zu Ihrem Kommentar" if lang == "de" else "questions about your comment") in text


@pytest.mark.parametrize("lang, wrong", [("de", "nicht umkehrbar"), ("en", "irreversible")])
def test_antispam_bee_does_not_claim_the_ip_is_kept_only_as_a_hash(lang, wrong):
    text = _service_text(lang, "antispam-bee", None, "wordpress-comments")
    assert wrong not in text
    assert ("zusätzlich einen Hashwert" if lang == "de" else "also stores a hash") in text
    tasks = {t.id for t in CATALOG.services["antispam-bee"].tasks}
    assert {"antispam-bee-language-check-off", "antispam-bee-delete-spam-on", "antispam-bee-country-check-off"} <= tasks


def test_hosted_and_self_hosted_pretix_exclude_each_other():
    assert "pretix-self-hosted" in CATALOG.services["pretix-hosted"].conflicts


@pytest.mark.parametrize("lang, where, wrong", [
    ("de", "nur mit Ihrer Einwilligung (§ 25 Abs. 1 TDDDG), erteilt mit dem Kästchen im Kommentarformular", "ohne Einwilligung"),
    ("en", "only with your consent (Section 25(1) TDDDG), given with the tick box in the comment form", "without consent"),
])
def test_the_comment_cookies_rest_on_the_tick_box_consent_and_say_how_to_withdraw_it(lang, where, wrong):
    """The tick box is the consent (§ 25 Abs. 1 TDDDG): no banner is named for it, no exception
    claimed beside a consent purpose, and the withdrawal route is the box or the browser."""
    for banner in ((), ("ccm19",)):
        text = _service_text(lang, "wordpress-comments", None, *banner)
        assert where in text and wrong not in text
        assert "CCM19" not in text
        assert ("Kästchen nicht ankreuzen" if lang == "de" else "not ticking the box") in text


def test_the_comment_cookies_need_no_consent_banner():
    from editor.core.checks import checks

    project = example_project()
    project.services = [SelectedService(id="wordpress-comments"), SelectedService(id="hetzner"), SelectedService(id="server-logs")]
    findings = checks(CATALOG, project, lang="de")
    assert not [f for f in findings if f.code == "consent-tool-missing"]


@pytest.mark.parametrize("lang, quoted", [("de", "„Complianz“"), ("en", "“Complianz”")])
def test_complianz_is_quoted_by_its_product_name(lang, quoted):
    text = _service_text(lang, "google-analytics", None, "complianz")
    assert quoted in text and "WordPress" not in text.split(quoted)[0][-60:]


@pytest.mark.parametrize("lang, off, on", [
    ("de", "wird dabei nicht erfasst.", "Antworten, die Sie in Hotjar-Umfragen geben, dagegen schon"),
    ("en", "is not recorded.", "answers you give in Hotjar surveys are"),
])
def test_hotjar_says_survey_answers_are_recorded_when_surveys_are_on(lang, off, on):
    assert off in _service_text(lang, "hotjar", {"surveys": False})
    with_surveys = _service_text(lang, "hotjar", {"surveys": True, "survey_months": 4})
    assert on in with_surveys and ("4 Monate nach der Umfrage" if lang == "de" else "4 months after the survey") in with_surveys


@pytest.mark.parametrize("lang, how", [("de", "„embed-privacy“ in Ihrem Browser löschen"), ("en", "deleting the “embed-privacy” cookie")])
def test_embed_privacy_says_how_to_cancel_always_loading(lang, how):
    assert how in _service_text(lang, "embed-privacy")

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

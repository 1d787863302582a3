"""lawyer6's reading of the session's changed texts: each test names the finding and checks the
rendered text, a check or the tasks, in both languages."""
from editor.core.checks import checks
from editor.core.project import SelectedService, example_project
from test_lawyer5_findings import task_text
from test_special_categories import CATALOG, section_text  # one service's rendered text


def test_opencart_currency_cookie_needs_consent_until_the_task_is_done():
    """Finding 1 (open question a): a 30-day currency cookie the visitor never chose is not
    strictly necessary (the session holds the currency) — as shipped it needs consent, not § 25(2)."""
    de, en = (" ".join(section_text("opencart-self-hosted", lang).split()) for lang in ("de", "en"))
    device_de = de.split("Zugriff auf Ihr Endgerät: ohne Einwilligung (§ 25 Abs. 2 Nr. 2 TDDDG).")[1].split("Daten:")[0]
    device_en = en.split("Access to your device: without consent (Section 25(2) no. 2 TDDDG).")[1].split("Data:")[0]
    assert "currency" not in device_de and "currency" not in device_en
    assert "„currency“ auf Ihrem Endgerät, mit Ihrer Einwilligung nach § 25 Abs. 1 TDDDG (Art. 6 Abs. 1 lit. a DSGVO)" in de
    assert "“currency” on your device, with your consent under Section 25(1) TDDDG (Art. 6(1)(a) GDPR)" in en
    assert "Bis dahin braucht das Cookie eine Einwilligung" in task_text("opencart-self-hosted", "opencart-currency-cookie", "de")
    # a consent banner is required while the task is undone, and not once the option says it is done
    project = example_project()
    project.services = [SelectedService(id="hetzner"), SelectedService(id="opencart-self-hosted")]
    assert [f for f in checks(CATALOG, project) if f.target == "service:opencart-self-hosted" and f.severity == "error"]
    project.services[1] = SelectedService(id="opencart-self-hosted", options={"currency_cookie_on_choice": True})
    assert not [f for f in checks(CATALOG, project) if f.target == "service:opencart-self-hosted" and f.severity == "error"]
    de = section_text("opencart-self-hosted", "de", currency_cookie_on_choice=True)
    assert "Einwilligung nach § 25 Abs. 1" not in de and "Wählen Sie selbst eine andere Währung" in de

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
    name = CATALOG.services["opencart-self-hosted"].name("de")
    assert [f for f in checks(CATALOG, project) if f.severity == "error" and name in f.message]
    project.services[1] = SelectedService(id="opencart-self-hosted", options={"currency_cookie_on_choice": True})
    assert not [f for f in checks(CATALOG, project) if f.severity == "error"]
    de = section_text("opencart-self-hosted", "de", currency_cookie_on_choice=True)
    assert "Einwilligung nach § 25 Abs. 1" not in de and "Wählen Sie selbst eine andere Währung" in de


def test_akismet_task_says_the_banner_holds_the_script_back_until_it_is_removed():
    """Finding 3: the text promises the form script only after consent, but the plugin loads it
    unasked — until the script is removed the banner must block it (handle akismet-frontend)."""
    assert "Einwilligungs-Banner das Skript (akismet-frontend.js) zurückhalten" in task_text("akismet", "akismet-form-script-off", "de")
    assert "consent banner must hold the script (akismet-frontend.js) back" in task_text("akismet", "akismet-form-script-off", "en")


def test_wordpress_does_not_deny_storing_comments_of_visitors():
    """Finding 4: 'no data of visitors without sign-in stored permanently' contradicted the
    comments WordPress itself keeps for visitors without an account."""
    de, en = section_text("wordpress", "de"), section_text("wordpress", "en")
    assert "keine Daten dauerhaft" not in de and "does not permanently store any data" not in en
    assert "dauerhaft nur, was sie eingeben, etwa einen Kommentar" in de
    assert "permanently stores only what they enter, such as a comment" in en


def test_cryptpad_cache_is_said_to_be_unneeded_and_when_it_empties():
    """Finding 2 (open question b): no § 25(2) exception is claimed for the cache; the text says
    it is not needed for using CryptPad and that parts unused for 90 days are removed."""
    de, en = section_text("cryptpad-self-hosted", "de"), section_text("cryptpad-self-hosted", "en")
    assert "Nötig ist er für die Nutzung nicht" in de and "It is not needed to use CryptPad" in en
    assert "Teile, die 90 Tage nicht genutzt wurden, entfernt es" in de and "removes parts not used for 90 days" in en
    device = de.split("Zugriff auf Ihr Endgerät:")[1].split("Daten:")[0]
    assert "Zwischenspeicher" not in device


def test_meeting_contract_purpose_covers_offers_only_at_the_persons_request():
    """Finding 5: Art. 6(1)(b) covers steps before a contract only at the person's request —
    a meeting about our offers that we start ourselves falls under the lit. f purpose."""
    for service in ("mumble-self-hosted", "zoom"):
        de, en = (" ".join(section_text(service, lang).split()) for lang in ("de", "en"))
        assert "zu einem Auftrag, einer Mitgliedschaft oder auf Ihre Anfrage zu unseren Angeboten (Art. 6 Abs. 1 lit. b DSGVO)" in de
        assert "about an order, a membership or, at your request, our offers (Art. 6(1)(b) GDPR)" in en
        assert "soweit sie unsere Angebote" not in de and "insofar as they concern our offers" not in en


def test_matomo_cloud_says_it_shortens_ip_addresses_in_both_modes():
    """Finding 6: the data list names the shortened IP address in both modes; the description
    said the setting only without cookies."""
    for mode in ("consent", "cookieless"):
        de, en = section_text("matomo-cloud", "de", mode=mode), section_text("matomo-cloud", "en", mode=mode)
        assert "dass es IP-Adressen kürzt" in de and "shortens IP addresses" in en
    assert "kürzt und keine Cookies setzt." in section_text("matomo-cloud", "de", mode="cookieless")

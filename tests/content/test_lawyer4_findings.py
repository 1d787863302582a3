"""lawyer4's findings on the self-hosted community tools, alfaview and ClickMeeting, in both
languages: each test names the finding and checks the rendered text or the site owner's tasks."""
import pytest

from editor.core.project import SelectedService, example_project
from editor.core.tasks import site_tasks
from test_special_categories import CATALOG, section_text  # one service's rendered text


def task_ids(service_id, **options):
    project = example_project()
    project.services = [SelectedService(id=service_id, options=options)]
    return {t.id for t in site_tasks(CATALOG, project, "de")}


def test_matrix_federation_is_off_by_default_and_when_on_has_a_purpose_and_names_other_controllers():
    """Finding 1: federation sends data to other controllers, possibly outside the EU."""
    assert "synapse-federation-off" in task_ids("matrix-synapse-self-hosted")
    assert "andere Matrix-Server" not in section_text("matrix-synapse-self-hosted", "de")
    de = section_text("matrix-synapse-self-hosted", "de", no_federation=False)
    en = section_text("matrix-synapse-self-hosted", "en", no_federation=False)
    assert "Zustellen Ihrer Nachrichten, Dateien und Profilangaben an die Server der anderen Teilnehmer" in de
    assert "Delivering your messages, files and profile details to the servers of the other participants" in en
    assert "selbst verantwortlich" in de and "außerhalb der EU" in de
    assert "responsible for this themselves" in en and "outside the EU" in en
    assert "Art. 49" not in de  # no safeguard over-claimed
    assert "synapse-federation-off" not in task_ids("matrix-synapse-self-hosted", no_federation=False)


def test_matrix_push_notifications_name_the_route_and_the_owner_turns_content_off():
    """Finding 2: push goes via the app maker's gateway and Google/Apple; content off by task."""
    assert "synapse-push-no-content" in task_ids("matrix-synapse-self-hosted")
    de = section_text("matrix-synapse-self-hosted", "de")
    en = section_text("matrix-synapse-self-hosted", "en")
    assert "Push-Dienst des App-Herstellers" in de and "Google oder Apple (USA)" in de
    assert "nicht aber den Text der Nachricht" in de
    assert "app maker's push service" in en and "Google or Apple (USA)" in en
    assert "not the text of the message" in en


def test_matrix_retention_says_what_synapse_really_deletes():
    """Finding 3: files count from the last access, the last message stays hidden, state stays."""
    de = section_text("matrix-synapse-self-hosted", "de", message_days=90)
    en = section_text("matrix-synapse-self-hosted", "en", message_days=90)
    assert "Nachrichten löscht der Server 90 Tage nach dem Senden" in de
    assert "Dateien 90 Tage nach dem letzten Abruf" in de and "verborgen" in de
    assert "Mitgliedschaften, Name und Thema eines Raums bleiben" in de
    assert "files 90 days after they were last accessed" in en and "hidden" in en
    assert "Memberships, name and topic of a room remain" in en
    retention = next(t for t in CATALOG.services["matrix-synapse-self-hosted"].tasks if t.id == "synapse-retention-on")
    assert "allowed_lifetime_max" in retention.text.de and "remote_media_lifetime" in retention.text.en


def test_matrix_device_exception_covers_only_the_element_we_provide():
    """Finding 4: the member's own app is not our device access; Element Web's defaults are a task."""
    de = section_text("matrix-synapse-self-hosted", "de")
    assert "Element im Browser, das wir bereitstellen" in de and "Matrix-App oder" not in de
    assert "Element in the browser, which we provide" in section_text("matrix-synapse-self-hosted", "en")
    assert "element-web-config" in task_ids("matrix-synapse-self-hosted")


def test_clickmeeting_recording_has_its_purposes_basis_withdrawal_and_period_only_when_chosen():
    """Finding 5: recording without the participants under Art. 6(1)(f), with them by consent."""
    de = section_text("clickmeeting", "de", recording=True, recording_months=3)
    en = section_text("clickmeeting", "en", recording=True, recording_months=3)
    assert "Aufzeichnung eines vorher angekündigten Webinars ohne Bild und Ton der Teilnehmenden" in de
    assert "Inhalte später erneut anbieten zu können" in de
    assert "Aufzeichnung Ihres Kamerabilds und Ihrer Wortbeiträge (Art. 6 Abs. 1 lit. a DSGVO)" in de
    assert "Widerruf:" in de and "Aufzeichnungen 3 Monate nach dem Webinar" in de
    assert "Recording your camera picture and what you say (Art. 6(1)(a) GDPR)" in en
    assert "Withdrawal:" in en and "recordings 3 months after the webinar" in en
    de_off, en_off = section_text("clickmeeting", "de"), section_text("clickmeeting", "en")
    assert "Aufzeichnung" not in de_off and "Wir zeichnen Webinare nicht auf." in de_off
    assert "Recording" not in en_off and "We do not record webinars." in en_off


def test_clickmeeting_lists_its_own_data_and_names_its_entity_once():
    """Findings 6 and 19: no course-area data; the entity only in the provider line."""
    de, en = section_text("clickmeeting", "de"), section_text("clickmeeting", "en")
    assert "Kursbereich" not in de and "Lektionen" not in de and "Angaben im Anmeldeformular" in de
    assert "course area" not in en and "details in the registration form" in en
    assert de.count("Sp. z o.o.") == 1 and en.count("Sp. z o.o.") == 1


@pytest.mark.parametrize("service_id, tasks", [
    ("etherpad-self-hosted", {"etherpad-edit-only", "etherpad-pad-cleanup"}),
    ("hedgedoc-self-hosted", {"hedgedoc-closed", "hedgedoc-note-cleanup", "hedgedoc-no-embeds"}),
    ("cryptpad-self-hosted", {"cryptpad-registration-closed"}),
])
def test_open_creation_deletion_and_embeds_are_the_owners_tasks(service_id, tasks):
    """Findings 7, 8, 9: by default anyone creates content, nothing is deleted, HedgeDoc embeds load."""
    assert tasks <= task_ids(service_id)


@pytest.mark.parametrize("service_id", ["etherpad-self-hosted", "hedgedoc-self-hosted"])
def test_pads_and_notes_about_an_order_say_how_long_they_are_kept(service_id):
    """Finding 8: the exception for orders names the statutory periods."""
    assert "nach den gesetzlichen Fristen auf (siehe „Speicherdauer“)" in section_text(service_id, "de")
    assert "for the statutory periods (see “Storage period”)" in section_text(service_id, "en")


def test_etherpad_reason_names_the_cookie_test_and_cryptpad_reason_no_cache():
    """Findings 10 and 11: the reasons say what is stored and only what is strictly necessary."""
    assert "prüft, ob Cookies funktionieren" in section_text("etherpad-self-hosted", "de")
    assert "checks whether cookies work" in section_text("etherpad-self-hosted", "en")
    reason = CATALOG.services["cryptpad-self-hosted"].device_access_reason
    assert "Zwischenspeicher" not in reason.de and "cache" not in reason.en
    assert "in den Einstellungen von CryptPad abschalten" in section_text("cryptpad-self-hosted", "de")
    assert "switch it off and clear it in CryptPad's settings" in section_text("cryptpad-self-hosted", "en")


def test_hedgedoc_lists_its_sign_in_cookies_and_refers_to_the_server_logs():
    """Finding 22."""
    de, en = section_text("hedgedoc-self-hosted", "de"), section_text("hedgedoc-self-hosted", "en")
    assert "Anmeldestatus, Benutzerkennung, Einstellungen und Sprache in Cookies" in de and "„Server-Logdateien“" in de
    assert "sign-in state, user identifier, settings and language in cookies" in en and "“Server log files”" in en


def test_dokuwiki_strips_ips_from_its_history_after_the_chosen_period():
    """Finding 13: no open-ended IP storage; reading without an account is the ACL's, not said."""
    de = section_text("dokuwiki-self-hosted", "de", ip_days=30)
    en = section_text("dokuwiki-self-hosted", "en", ip_days=30)
    assert "IP-Adressen in der Versionsgeschichte löschen wir 30 Tage nach der Änderung" in de
    assert "delete the IP addresses in the version history 30 days after the change" in en
    assert "kein Konto" not in de and "no account" not in en
    assert "dokuwiki-strip-ips" in task_ids("dokuwiki-self-hosted")


def test_bookstack_sign_in_cookie_lasts_400_days_at_most():
    """Finding 12: Laravel 10's remember-me cookie (576000 minutes)."""
    de, en = section_text("bookstack-self-hosted", "de"), section_text("bookstack-self-hosted", "en")
    assert "spätestens nach 400 Tagen" in de and "für bis zu 400 Tage" in de
    assert "after 400 days at the latest" in en and "for up to 400 days" in en


def test_galene_promise_not_to_record_is_backed_by_a_task():
    """Finding 15."""
    assert "galene-no-recording" in task_ids("galene-self-hosted")


SELF_HOSTED = ["etherpad-self-hosted", "cryptpad-self-hosted", "matrix-synapse-self-hosted", "hedgedoc-self-hosted",
               "framadate-self-hosted", "mumble-self-hosted", "bookstack-self-hosted", "dokuwiki-self-hosted",
               "galene-self-hosted"]


@pytest.mark.parametrize("service_id", SELF_HOSTED)
def test_self_hosted_descriptions_leave_the_server_to_the_provider_line(service_id):
    """Finding 16: the provider line says where the service runs; the description does not repeat it."""
    description = CATALOG.services[service_id].description
    assert "Hosting-Dienstleister" not in description.de and "unserem Server" not in description.de
    assert "hosting provider" not in description.en and "our server or" not in description.en


@pytest.mark.parametrize("service_id", SELF_HOSTED + ["alfaview", "clickmeeting"])
def test_purposes_say_about_an_order_plainly(service_id):
    """Findings 18 and 19: no 'that belong to an order', no 'on our behalf' above the processor line."""
    for lang, phrases in (("de", ["die zu einem Auftrag", "in unserem Auftrag"]),
                          ("en", ["that belong to an order", "on matters of", "on our behalf"])):
        text = section_text(service_id, lang)
        assert not [p for p in phrases if p in text]


def test_matrix_guests_who_are_neither_members_nor_customers_have_a_basis():
    """Finding 3 (minor): people we invite without a contract, like the other records."""
    de = section_text("matrix-synapse-self-hosted", "de")
    assert "weiteren Personen, die wir dazu einladen (Art. 6 Abs. 1 lit. f DSGVO; berechtigtes Interesse:" in de
    assert "other people we invite to do so (Art. 6(1)(f) GDPR; legitimate interest:" in section_text("matrix-synapse-self-hosted", "en")

"""lawyer3's findings on the analytics tools and the device-access rules, each checked in the text
a visitor reads (both languages) and in what checks() tells the site owner."""
import datetime as _dt

import pytest

from editor.core import schema
from editor.core.checks import checks
from editor.core.compose import compose
from editor.core.document import iter_runs
from editor.core.inherit import applied_safeguard
from editor.core.project import SelectedService, example_project
from editor.core.scan import scan

from test_special_categories import CATALOG
from test_special_categories import section_text as _section_text

CONSENT_LINE = {"de": "Zugriff auf Ihr Endgerät: nur mit Ihrer Einwilligung (§ 25 Abs. 1 TDDDG)",
                "en": "Access to your device: only with your consent (Section 25(1) TDDDG)"}


def section_text(service_id, lang, **options):
    """The service's section as one line (runs are joined with spaces)."""
    return " ".join(_section_text(service_id, lang, **options).split())


def _project(*selection):
    project = example_project()
    project.services = [SelectedService(id=sid, options=options) for sid, options in selection]
    return project


def _task_ids(*selection):
    return {f.task for f in checks(CATALOG, _project(*selection), lang="de") if f.severity == "task"}


# finding 3 (and 4): a banner is required exactly when the text says consent
@pytest.mark.parametrize("service_id, options, consent", [
    ("statify", {"tracking": "server"}, False),
    ("statify", {"tracking": "javascript"}, True),
    ("koko-analytics", {"mode": "cookie"}, True),
    ("koko-analytics", {"mode": "fingerprint"}, True),  # the script reads the referrer in every method
    ("koko-analytics", {"mode": "none"}, True),
    ("wp-statistics", {"tracking": "javascript"}, True),
    ("wp-statistics", {"tracking": "server"}, False),
    # two records the lawyer did not read: their scripts read the browser in both modes (textfix6 1)
    ("matomo-cloud", {"mode": "consent"}, True),
    ("matomo-cloud", {"mode": "cookieless"}, True),  # the tracker still reads the browser
    ("etracker", {"mode": "consent"}, True),
    ("etracker", {"mode": "cookieless"}, True),  # the script records referrer, time and clicks
])
def test_a_banner_is_required_exactly_when_the_text_says_consent(service_id, options, consent):
    for lang in ("de", "en"):
        text = section_text(service_id, lang, **options)
        assert (CONSENT_LINE[lang] in text) is consent, (lang, text)
        # lit. f only where no script reads the browser; otherwise consent is the basis
        assert ("lit. f" in text or "(1)(f)" in text) is not consent
    missing = [f for f in checks(CATALOG, _project(("strato", {}), (service_id, options)), lang="de")
               if f.code == "consent-tool-missing"]
    assert [f.target for f in missing] == (["category:consent"] if consent else [])  # the tools to choose from (walk8)
    withdrawal = " ".join(" ".join(r.text for s in compose(CATALOG, _project((service_id, options)), "de").walk()
                                   if s.id == "withdrawal" for b in s.blocks for r in iter_runs(b)).split())
    assert ("Zugriffe auf Ihr Endgerät" in withdrawal) is consent


def test_the_device_access_follows_the_options_in_the_composed_view():
    statify = CATALOG.services["statify"]
    assert statify.device_access and statify.device_access_when == "options.tracking == 'javascript'"
    text = section_text("statify", "de", tracking="server")
    assert "kein Skript" in text and "Zugriff auf Ihr Endgerät" not in text


def test_koko_says_which_method_it_uses_instead_of_what_it_can_do():
    for mode, de, en in (("cookie", "setzt ein Cookie", "sets a cookie"),
                         ("fingerprint", "bildet es auf unserem Server", "computes a checksum on our server"),
                         ("none", "erkennt es nicht wieder", "does not recognise visitors")):
        assert de in section_text("koko-analytics", "de", mode=mode)
        assert en in section_text("koko-analytics", "en", mode=mode)
    for mode in ("cookie", "fingerprint", "none"):
        assert "kann" not in section_text("koko-analytics", "de", mode=mode).split("Zwecke")[0]


# finding 15: the consent is said once, with what the script reads after it
@pytest.mark.parametrize("service_id", ["burst-statistics", "goatcounter-self-hosted", "pirsch", "plausible",
                                        "plausible-self-hosted", "statify", "wp-statistics"])
def test_the_script_reading_follows_the_consent_line_and_consent_is_said_once(service_id):
    options = {"tracking": "javascript"} if service_id == "statify" else {}
    for lang, reads, again in (("de", ". Das Skript", ("der Ihre Einwilligung braucht", "Das geschieht nur mit Ihrer Einwilligung")),
                               ("en", ". The script", ("which needs your consent", "This happens only with your consent"))):
        text = section_text(service_id, lang, **options)
        line = text[text.index(CONSENT_LINE[lang]):]
        assert reads in line.split("Daten:" if lang == "de" else "Data:")[0] or (
            service_id == "statify" and (". Ein kleines Skript" if lang == "de" else ". A small script") in line), text
        assert not any(phrase in text for phrase in again), text


def test_a_reason_beside_consent_renders_even_without_a_banner():
    de = section_text("goatcounter-self-hosted", "de")
    assert "nur mit Ihrer Einwilligung (§ 25 Abs. 1 TDDDG). Das Skript liest die Bildschirmbreite" in de


# finding 16: Burst names the identifier its setting uses
def test_burst_lists_the_identifier_of_its_setting():
    for on, de_in, de_out in ((False, "zufällige Kennung im Cookie", "Browsermerkmalen berechnete"),
                              (True, "aus Browsermerkmalen berechnete Kennung", "Kennung im Cookie")):
        data = section_text("burst-statistics", "de", cookieless=on).split("Daten:")[1].split("Speicherdauer")[0]
        assert de_in in data and de_out not in data
    en = section_text("burst-statistics", "en", cookieless=True).split("Data:")[1]
    assert "identifier computed from browser features" in en and "in a cookie" not in en.split("Retention")[0]


# finding 5: AWStats keeps no IP addresses unless its hosts report is on
def test_awstats_names_ip_addresses_only_with_the_hosts_report_and_then_their_period():
    off = section_text("awstats", "de")
    assert "IP-Adresse" not in off.split("Speicherdauer")[0].split("Daten:")[1]
    on = section_text("awstats", "de", hosts_report=True, hosts_days=5)
    assert "IP-Adresse (in der Rechner-Übersicht" in on and "IP-Adressen in der Monatsauswertung löschen wir nach 5 Tagen" in on
    assert "We delete IP addresses in the monthly report after 5 days" in section_text("awstats", "en", hosts_report=True, hosts_days=5)
    assert "awstats-no-hosts" in _task_ids(("awstats", {}))
    assert "awstats-hosts-deletion" not in _task_ids(("awstats", {}))
    tasks_on = _task_ids(("awstats", {"hosts_report": True}))
    assert "awstats-no-hosts" not in tasks_on and "awstats-hosts-deletion" in tasks_on


# finding 12: a deletion the software does not do by itself is a task for the site owner
@pytest.mark.parametrize("service_id, task", [
    ("wp-statistics", "wp-statistics-purge"), ("burst-statistics", "burst-statistics-purge"),
    ("awstats", "awstats-deletion"), ("yourls-self-hosted", "yourls-deletion"), ("shlink-self-hosted", "shlink-deletion"),
])
def test_deletion_the_software_does_not_do_itself_is_a_task(service_id, task):
    assert task in _task_ids((service_id, {}))
    declared = next(t for t in CATALOG.services[service_id].tasks if t.id == task)
    assert "sonst stimmt" in declared.text.de and "otherwise" in declared.text.en


# finding 13: GoatCounter's script from our own server, and only our own server suggests the record
def test_goatcounter_task_and_detection_leave_out_the_hosted_service(tmp_path):
    assert "goatcounter-own-script" in _task_ids(("goatcounter-self-hosted", {}))

    def found(tag):
        page = tmp_path / "page.html"
        page.write_text(f"<!DOCTYPE html><html><head>{tag}</head><body></body></html>", encoding="utf-8")
        return "goatcounter-self-hosted" in {s.id for s in scan(CATALOG, [page]).suggestions}

    assert found('<script data-goatcounter="https://stats.example.de/count" async src="https://stats.example.de/count.js"></script>')
    assert not found('<script data-goatcounter="https://example.goatcounter.com/count" async src="//gc.zgo.at/count.js"></script>')
    assert not found('<script async src="//gc.zgo.at/count.js" data-goatcounter="https://stats.example.de/count"></script>')


# finding 14: YOURLS keeps the full IP address for a reason the interest names
def test_yourls_names_misuse_detection_in_its_interest():
    assert "Missbrauch unserer Kurzlinks zu erkennen" in section_text("yourls-self-hosted", "de")
    assert "detecting misuse of our short links" in section_text("yourls-self-hosted", "en")


# finding 20: Plausible CE names region and city only with a MaxMind city database
def test_plausible_ce_names_the_city_only_with_its_setting():
    country = section_text("plausible-self-hosted", "de").split("Daten:")[1]
    assert "Stadt" not in country and "Land" in country
    city = section_text("plausible-self-hosted", "en", city=True).split("Data:")[1]
    assert "country, region and city" in city


# finding 11: a certification is "checked" only when read on the DPF list
def test_a_dpf_status_from_the_recipients_own_page_is_worded_as_its_statement():
    day = _dt.date(2026, 12, 3)
    on_list = schema.Dpf(certified=True, checked=day, source="https://www.dataprivacyframework.gov/participant/5780")
    own_page = schema.Dpf(certified=True, checked=day, source="https://www.uber.com/legal/privacy")
    assert applied_safeguard("controller", "dpf_scc", on_list) == "dpf"
    assert applied_safeguard("controller", "dpf_scc", own_page) == "dpf_stated"
    assert applied_safeguard("processor", "dpf_scc", schema.Dpf(certified=False, checked=day, source=own_page.source)) == "scc"
    google = CATALOG.services["google-analytics"].provider
    assert not any("dataprivacyframework.gov" in r.dpf.source for r in google.transfers if r.dpf)
    for lang, row, meaning, checked in (
            ("de", "DPF, zertifiziert nach Angabe des Empfängers (Stand 03.12.2026)", "„Nach Angabe des Empfängers“ heißt",
             "Wir haben die Zertifizierung"),
            ("en", "DPF, certified as stated by the recipient (as of 3 December 2026)", "“As stated by the recipient” means",
             "we have checked the certification")):
        document = compose(CATALOG, _project(("google-analytics", {})), lang)
        transfers = " ".join(" ".join(r.text for s in document.walk() if s.id == "transfers"
                                      for b in s.blocks for r in iter_runs(b)).split())
        assert row in transfers and checked not in transfers, transfers
        assert meaning.replace("“", '"').replace("”", '"') in transfers.replace("“", '"').replace("”", '"')


# textfix6 1: in their cookieless modes Matomo Cloud and etracker rest on consent and claim no cookie
@pytest.mark.parametrize("service_id", ["matomo-cloud", "etracker"])
def test_cookieless_modes_rest_on_consent_and_name_no_cookie(service_id):
    for lang, basis, cookie in (("de", "Art. 6 Abs. 1 lit. a DSGVO", "Cookie"), ("en", "Art. 6(1)(a) GDPR", "cookie")):
        text = section_text(service_id, lang, mode="cookieless")
        assert basis in text and CONSENT_LINE[lang] in text
        assert cookie not in text.split("Zugriff auf Ihr Endgerät" if lang == "de" else "Access to your device")[1]
        assert cookie in section_text(service_id, lang, mode="consent").split("Speicherdauer" if lang == "de" else "Retention")[0]

"""textfix6: the text leftovers of the last session, each checked in the composed text (both languages)."""
import pytest

from editor.core.compose import compose
from editor.core.document import iter_runs
from editor.core.project import SelectedService, example_project

from test_special_categories import CATALOG


def _project(*selection):
    project = example_project()
    project.services = [SelectedService(id=s, options=o) for s, o in
                        ((s, {}) if isinstance(s, str) else s for s in selection)]
    return project


def section_texts(lang, *selection):
    """Each composed section's text (runs joined, whitespace folded), by section id."""
    document = compose(CATALOG, _project(*selection), lang)
    return {s.id: " ".join(" ".join(r.text for b in s.blocks for r in iter_runs(b)).split())
            for s in document.walk()}


# point 2: meeting tools selected together say the category's purposes once
def test_meeting_tools_selected_together_print_each_purpose_once():
    for lang, purposes in (("de", ("Durchführung von Online-Besprechungen und -Beratungen",
                                    "Durchführung sonstiger Online-Besprechungen")),
                           ("en", ("Holding online meetings and consultations", "Holding other online meetings"))):
        texts = section_texts(lang, "hetzner", "alfaview", "galene-self-hosted", "mumble-self-hosted")
        whole = " ".join(texts.values())
        for purpose in purposes:
            assert whole.count(purpose) == 1, (purpose, whole)
        # Mumble's own purpose (its connection log) stays in its own section
        assert ("Protokoll der Verbindungen" if lang == "de" else "A log of connections") in texts["service-mumble-self-hosted"]


# point 3: the hoster's section names the self-hosted tools whose data it also holds
def test_the_hosters_section_names_the_self_hosted_tools_it_holds():
    for lang, also, other in (("de", "Auch auf diesen Servern:", "auf Servern von Hetzner"),
                              ("en", "Also on these servers:", "on servers of Hetzner")):
        texts = section_texts(lang, "hetzner", "etherpad-self-hosted", "matrix-synapse-self-hosted", "google-fonts")
        hetzner = texts["service-hetzner"]
        names = [CATALOG.services[s].names.get(lang) for s in ("etherpad-self-hosted", "matrix-synapse-self-hosted")]
        assert f"{also} {names[0]}, {names[1]};" in hetzner, hetzner
        assert other in texts["service-etherpad-self-hosted"] and other in texts["service-matrix-synapse-self-hosted"]
        assert CATALOG.services["google-fonts"].names.get(lang) not in hetzner  # it has a provider of its own
        # without self-hosted tools the hoster's section says nothing of the kind
        assert also not in section_texts(lang, "hetzner", "google-fonts")["service-hetzner"]


# point 4: a CMS or website builder claims no form contents: forms are services of their own
@pytest.mark.parametrize("service_id", ["wordpress", "typo3", "contao", "joomla", "drupal", "zeta-producer",
                                        "ionos-website-builder", "strato-website-builder"])
def test_cms_sections_claim_no_form_contents(service_id):
    for lang, word in (("de", "Formulare senden"), ("en", "send through forms")):
        text = section_texts(lang, "hetzner", service_id)[f"service-{service_id}"]
        assert word not in text, text


# point 5: Akismet as shipped loads its form script: consent for it until the task removed it
def test_akismet_as_shipped_asks_consent_for_its_form_script():
    for lang, consent, counts in (("de", "nur mit Ihrer Einwilligung", "zählt ein Skript von Akismet Tastenanschläge"),
                                  ("en", "only with your consent", "a script from Akismet counts keystrokes")):
        shipped = section_texts(lang, "wordpress-comments", "akismet")["service-akismet"]
        assert consent in shipped and counts in shipped
        assert ("Art. 6 Abs. 1 lit. a DSGVO" if lang == "de" else "Art. 6(1)(a) GDPR") in shipped
        removed = section_texts(lang, "wordpress-comments", ("akismet", {"form_script_removed": True}))["service-akismet"]
        assert consent not in removed and counts not in removed


# point 5: CryptPad as shipped removes nothing by itself; the period only once the option says the task is done
def test_cryptpad_states_its_removal_period_only_when_switched_on():
    for lang, period, kept in (("de", "90 Tage nach der letzten Nutzung", "bleiben auf dem Server, bis Sie oder wir sie löschen"),
                               ("en", "90 days after their last use", "remain on the server until you or we delete them")):
        shipped = section_texts(lang, "hetzner", "cryptpad-self-hosted")["service-cryptpad-self-hosted"]
        assert kept in shipped and period not in shipped
        on = section_texts(lang, "hetzner", ("cryptpad-self-hosted", {"eviction_on": True}))["service-cryptpad-self-hosted"]
        assert period in on and kept not in on
    assert CATALOG.services["cryptpad-self-hosted"].uncertain  # the cache's footing stays open (info finding)


def test_the_hosters_own_server_logs_are_not_called_a_tool_on_its_servers():
    for lang, also in (("de", "Auch auf diesen Servern"), ("en", "Also on these servers")):
        assert also not in section_texts(lang, "hetzner", "server-logs")["service-hetzner"]

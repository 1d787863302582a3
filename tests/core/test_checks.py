"""checks(): every Art. 13 gap and cross-service problem becomes a finding with a target."""
import pytest

from editor.core.checks import checks
from editor.core.compose import compose
from editor.core.project import CustomSection, Dpo, LocalText, Project, SelectedService, example_project


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
    # it leads to the consent tools to choose from (walk8: it selected the service that needs one)
    assert finding.severity == "error" and finding.target == "category:consent"
    consent_tools = [s.id for s in catalog.services.values() if s.category == "consent"]
    assert consent_tools, "the bundled catalog offers consent tools"
    project.services.append(SelectedService(id=consent_tools[0]))
    assert not by_code(checks(catalog, project), "consent-tool-missing")


def test_strictly_necessary_storage_needs_no_consent_tool(catalog):
    """A service that stores only what § 25 Abs. 2 TDDDG exempts (a shop's session cookie) asks no consent."""
    exempt = [s.id for s in catalog.services.values() if s.device_access and s.device_access_exception
              and not any(p.basis == "consent" for p in s.purposes)]
    assert exempt, "the bundled catalog has a service with an exempt device access"
    project = example_project()
    project.services = [SelectedService(id=exempt[0])]
    assert not by_code(checks(catalog, project), "consent-tool-missing")


def test_unknown_service_is_kept_and_reported(catalog):
    project = example_project()
    project.services = [SelectedService(id="vanished-tool")]
    (finding,) = by_code(checks(catalog, project), "unknown-service")
    assert finding.target == "service:vanished-tool" and "vanished-tool" in finding.message
    assert project.service_ids() == ["vanished-tool"]


def test_a_placeholder_no_project_field_explains_is_an_error_once_pointing_at_its_section(catalog):
    from editor.core.document import Paragraph, Run, replace

    project = example_project()
    document = compose(catalog, project, "de")
    extra = Paragraph((Run("Ansprechpartner", placeholder=True),))  # e.g. from a third-party template
    first, second = document.sections[:2]
    document = replace(document, sections=(replace(first, blocks=(*first.blocks, extra, extra)),
                                           replace(second, blocks=(*second.blocks, extra)), *document.sections[2:]))
    (finding,) = by_code(checks(catalog, project, document), "placeholder")
    assert "Ansprechpartner" in finding.message and first.title in finding.message
    assert finding.severity == "error" and finding.target == f"section:{first.id}"


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("doc_lang", ["de", "en"])
def test_a_blank_project_gets_exactly_one_finding_per_empty_required_field(catalog, lang, doc_lang):
    project = Project(languages=[doc_lang])
    findings = [f for f in checks(catalog, project, lang=lang) if f.severity in ("error", "warning")]
    targets = [f.target for f in findings if f.severity == "error"]
    assert sorted(targets) == sorted(["controller.name", "controller.street", "controller.postcode",
                                      "controller.city", "controller.email", "state"])
    assert [f.code for f in findings if f.severity == "warning"] == ["no-services"]
    assert not by_code(findings, "placeholder")  # each field is said once, not once per section


def test_no_phone_number_is_neither_an_error_nor_a_warning_and_leaves_no_placeholder(catalog):
    # Art. 13(1)(a) GDPR asks for contact details: address and email suffice
    project = example_project()
    project.controller.phone = ""
    assert not [f for f in checks(catalog, project) if f.target == "controller.phone" or f.code == "placeholder"]
    for lang in ("de", "en"):
        text = " ".join(r.text for s in compose(catalog, project, lang).walk() if s.id == "controller"
                        for b in s.blocks for r in getattr(b, "runs", ()))
        assert "Telefon" not in text and "Phone" not in text
    project.controller.phone = "+49 221 1234567"
    assert "+49 221 1234567" in str(compose(catalog, project, "de").sections)


def test_messages_are_entirely_in_the_interface_language(catalog):
    project = Project(languages=["de"])
    project.custom_sections = [CustomSection(id="x", title=LocalText(de="Hinweis", en="Note"), body=LocalText())]
    (finding,) = by_code(checks(catalog, project, lang="en"), "custom-empty")
    assert finding.message == "The custom section “Note” has no text in German."


def test_a_custom_section_needs_text_only_in_the_projects_languages(catalog):
    section = CustomSection(id="x", title=LocalText(de="Hinweis"), body=LocalText(de="Nur auf Deutsch."))
    german_only = Project(languages=["de"], custom_sections=[section])
    assert not by_code(checks(catalog, german_only, lang="de"), "custom-empty")
    both = Project(languages=["de", "en"], custom_sections=[section])
    (finding,) = by_code(checks(catalog, both, lang="de"), "custom-empty")
    assert finding.message == "Der eigene Abschnitt „Hinweis“ hat keinen Text auf Englisch."


def test_dpo_without_contact_is_an_error_and_no_dpo_is_a_task_only_where_it_can_apply(catalog):
    project = example_project()
    assert not project.staff_20_plus
    assert not [f for f in checks(catalog, project) if f.task == "dpo-check"]  # a small business: § 38 BDSG cannot apply
    project.staff_20_plus = True
    assert [f for f in checks(catalog, project) if f.task == "dpo-check"]
    project.staff_20_plus = False
    project.services = [SelectedService(id="schufa")]  # credit scoring: § 38 Abs. 1 S. 2 BDSG whatever the size
    assert [f for f in checks(catalog, project) if f.task == "dpo-check"]
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
    assert finding.severity == "info"
    assert all(catalog.services[s].name("de") in finding.message for s in unsure)


@pytest.mark.parametrize("count", [1, 3])
def test_unverified_facts_read_right_for_one_service_and_for_several(catalog, count):
    """walk6 15: "For 1 selected services …" — the names say how many, in words that fit any number."""
    project = example_project()
    unsure = [s.id for s in catalog.services.values() if s.uncertain][:count]
    project.services = [SelectedService(id=s) for s in unsure]
    de_names = [f"„{catalog.services[s].name('de')}“" for s in unsure]
    en_names = [f"“{catalog.services[s].name('en')}”" for s in unsure]
    names = {"de": de_names[0] if count == 1 else f"{de_names[0]}, {de_names[1]} und {de_names[2]}",
             "en": en_names[0] if count == 1 else f"{en_names[0]}, {en_names[1]} and {en_names[2]}"}
    (de,) = by_code(checks(catalog, project, lang="de"), "uncertain-facts")
    (en,) = by_code(checks(catalog, project, lang="en"), "uncertain-facts")
    assert de.message.startswith("Einzelne Angaben (etwa eine Anschrift oder eine Zertifizierung) sind bei "
                                 f"{names['de']} noch nicht abschließend geprüft."), de.message
    assert en.message.startswith("Some facts (such as an address or a certification) for "
                                 f"{names['en']} are not fully verified."), en.message


def test_a_required_service_that_is_missing_is_named_with_the_service_that_needs_it(catalog):
    # ai-chatbot declares requires = [{ any_of = ["category:ai"], … }] in its pack record
    project = example_project()
    project.services = [SelectedService(id="ai-chatbot")]
    (de,) = by_code(checks(catalog, project, lang="de"), "requires")
    (en,) = by_code(checks(catalog, project, lang="en"), "requires")
    # it leads to what is missing (walk8: it selected the chatbot, the model providers stayed hidden)
    assert de.severity == en.severity == "warning" and de.target == "category:ai"
    assert catalog.services["ai-chatbot"].name("en") in en.message and "AI model providers" in en.message
    assert "Anbieter von KI-Modellen" in de.message and "Modell" in de.message
    ai = next(s.id for s in catalog.services.values() if s.category == "ai")
    project.services.append(SelectedService(id=ai, options={"feature": "voice"}))  # the model serves another bot
    (unset,) = by_code(checks(catalog, project, lang="en"), "requires-setting")  # selected: lead to its options
    assert unset.target == f"service:{ai}" and "is selected but not set up for it" in unset.message
    assert not by_code(checks(catalog, project), "requires")
    project.services[-1] = SelectedService(id=ai)  # its default: the chatbot
    assert not by_code(checks(catalog, project), "requires")


def test_a_voice_assistant_alone_is_an_error_until_its_providers_and_the_phone_section_agree(catalog):
    project = example_project()
    project.services = [SelectedService(id="ai-voice-assistant")]
    missing = by_code(checks(catalog, project, lang="en"), "requires")
    assert len(missing) == 3 and all(f.severity == "error" for f in missing)
    text = " ".join(f.message for f in missing)
    assert "AI model" in text and "telephony provider" in text and "Contact by phone" in text
    # each leads to what is missing: a category of alternatives before one service of them
    assert sorted(f.target for f in missing) == ["category:ai", "category:telephony", "service:phone-contact"]
    # the model provider, the carrier and a phone section that says the assistant answers first
    ai = next(s.id for s in catalog.services.values() if s.category == "ai")
    project.services += [SelectedService(id=ai), SelectedService(id="twilio"), SelectedService(id="phone-contact")]
    # a model set up for the chatbot only: its section would not name the calls (walk8 4)
    # (and a phone section that says a human answers): both selected, neither set up for it
    (model, phone) = by_code(checks(catalog, project, lang="en"), "requires-setting")
    assert model.target == f"service:{ai}" and "“What do you use the model for?” set to the voice assistant" in model.message
    assert model.severity == "error" and "“AI voice assistant”" in model.message
    assert not by_code(checks(catalog, project), "requires")
    project.services[-3] = SelectedService(id=ai, options={"feature": "both"})
    (phone,) = by_code(checks(catalog, project, lang="en"), "requires-setting")
    assert phone.target == "service:phone-contact" and "assistant answers calls first" in phone.message
    project.services[-1] = SelectedService(id="phone-contact", options={"ai_assistant": True})
    assert not by_code(checks(catalog, project), "requires")
    # on the website the assistant needs no carrier and no phone section (`when` of the requirement)
    project.services = [SelectedService(id="ai-voice-assistant", options={"channel": "web"}),
                        SelectedService(id=ai, options={"feature": "voice"})]
    assert not by_code(checks(catalog, project), "requires")


def test_the_model_provider_must_say_it_serves_the_voice_assistant_and_the_chatbot(catalog):
    """walk8: with a chatbot and a voice assistant, Mistral AI (used for "AI chatbot", its default)
    said "for our AI chatbot" only, and nothing asked to set it for the voice assistant too."""
    project = example_project()
    assistant = SelectedService(id="ai-voice-assistant", options={"channel": "web"})
    for feature, missing in (("chatbot", ["AI voice assistant"]), ("voice", ["AI chatbot on our website"]),
                             ("both", []), ("internal", ["AI chatbot on our website", "AI voice assistant"])):
        project.services = [SelectedService(id="ai-chatbot"), assistant,
                            SelectedService(id="mistral-ai", options={"feature": feature})]
        found = by_code(checks(catalog, project, lang="en"), "requires-setting")
        assert sorted(f.message.split("“")[1].split("”")[0] for f in found) == missing, feature
        assert all(f.target == "service:mistral-ai" and "What do you use the model for?" in f.message for f in found)
        assert not by_code(checks(catalog, project, lang="en"), "requires")  # a model is selected
    # one provider for the chatbot and another for the assistant will do as well
    project.services = [SelectedService(id="ai-chatbot"), assistant, SelectedService(id="mistral-ai"),
                        SelectedService(id="openai-api", options={"feature": "voice"})]
    assert not by_code(checks(catalog, project), "requires")
    project.services[-1] = SelectedService(id="deepl")  # a translation service is no speech model
    assert [f.target for f in by_code(checks(catalog, project), "requires-setting")] == ["service:mistral-ai"]
    project.services = [assistant, SelectedService(id="deepl")]  # and nothing to set up: a model is missing
    assert [f.target for f in by_code(checks(catalog, project), "requires")] == ["category:ai"]


def test_phone_and_voice_assistant_sections_say_the_same(catalog):
    project = example_project()
    ai = next(s.id for s in catalog.services.values() if s.category == "ai")
    project.services = [SelectedService(id="ai-voice-assistant"), SelectedService(id=ai), SelectedService(id="twilio"),
                        SelectedService(id="phone-contact", options={"ai_assistant": True})]
    for lang, says_ai, no_recording in (("de", "KI-Sprachassistent an", "Wir zeichnen Telefongespräche nicht auf."),
                                        ("en", "AI voice assistant", "We do not record phone calls.")):
        document = compose(catalog, project, lang)
        phone = next(s for s in document.walk() if s.id == "service-phone-contact")
        text = " ".join(r.text for b in phone.blocks for r in getattr(b, "runs", ()))
        assert says_ai in text and no_recording not in text
        assistant = next(s for s in document.walk() if s.id == "service-ai-voice-assistant")
        text = " ".join(r.text for b in assistant.blocks for r in getattr(b, "runs", ()))
        assert ("Telefonie-Anbieter" if lang == "de" else "telephony provider") in text


def test_conflicting_services_are_reported_once_from_the_record_that_declares_it(catalog):
    assert "google-fonts-local" in catalog.services["google-fonts"].conflicts
    project = example_project()
    project.services = [SelectedService(id="google-fonts"), SelectedService(id="google-fonts-local")]
    (finding,) = by_code(checks(catalog, project, lang="en"), "conflict")
    assert finding.target == "service:google-fonts"
    project.services = [SelectedService(id="matomo-cloud"), SelectedService(id="matomo-self-hosted")]
    assert len(by_code(checks(catalog, project), "conflict")) == 1


def test_category_flags_carry_what_the_checks_knew_in_code(catalog):
    assert {c.id for c in catalog.categories.values() if c.tracking} == {"analytics", "advertising", "affiliate"}
    assert [c.id for c in catalog.categories.values() if c.consent_manager] == ["consent"]


def _tasks(findings):
    return {f.task: f for f in findings if f.severity == "task"}


def test_tasks_are_their_own_kind_of_finding_declared_in_the_packs_and_derived_from_roles(catalog):
    project = example_project()
    project.services = [SelectedService(id=s) for s in ("cookiebot", "ai-chatbot", "cloudflare", "meta-pixel", "server-logs")]
    findings = checks(catalog, project, lang="en")
    tasks = _tasks(findings)
    assert {"cookie-settings-link", "ai-disclosure-chat", "art28-cloudflare", "art26-meta-pixel"} <= set(tasks)
    assert "Cookie settings" in tasks["cookie-settings-link"].message
    assert tasks["art28-cloudflare"].link.startswith("https://") and "Cloudflare, Inc." in tasks["art28-cloudflare"].message
    assert "Art. 26" in tasks["art26-meta-pixel"].message and tasks["art26-meta-pixel"].target == "service:meta-pixel"
    assert not any(t.startswith("art28-server-logs") for t in tasks)  # self-hosted: no contract
    assert findings[-len(tasks):] == list(tasks.values())  # after every error, warning and info
    assert not {"joint-control", "processor-contract", "dpo-hint"} & codes(findings)  # now tasks


def test_a_task_marked_done_in_the_project_stays_listed_as_done(catalog):
    project = example_project()
    project.services = [SelectedService(id="cookiebot")]
    assert not _tasks(checks(catalog, project))["cookie-settings-link"].done
    project.tasks_done = ["cookie-settings-link"]
    assert _tasks(checks(catalog, project))["cookie-settings-link"].done


def test_an_option_switches_a_declared_task_on(catalog):
    project = example_project()
    project.services = [SelectedService(id="mailchimp")]
    assert "uwg-objection-notice" not in _tasks(checks(catalog, project))
    project.services = [SelectedService(id="mailchimp", options={"existing_customers": True})]
    task = _tasks(checks(catalog, project, lang="de"))["uwg-objection-notice"]
    assert "§ 7 Abs. 3 UWG" in task.message and "jeder Werbe-E-Mail" in task.message


def test_the_voice_assistant_task_announces_the_ai_and_the_transcription(catalog):
    project = example_project()
    project.services = [SelectedService(id="ai-voice-assistant")]
    task = _tasks(checks(catalog, project, lang="en"))["ai-disclosure-call"]
    assert "start of each call" in task.message and "transcribed" in task.message


def test_two_retention_periods_for_the_same_data_are_a_warning(catalog):
    project = example_project()
    # 7 vs 14 days the user set (left alone, the log period follows STRATO's: test_followed_periods)
    project.services = [SelectedService(id="strato"), SelectedService(id="server-logs", options={"retention_days": 14})]
    (de,) = by_code(checks(catalog, project, lang="de"), "retention-conflict")
    (en,) = by_code(checks(catalog, project, lang="en"), "retention-conflict")
    assert de.severity == "warning" and de.target == "service:server-logs"  # the one the user can change
    assert "Server-Logdateien" in de.message and "7 Tage" in de.message and "14 Tage" in de.message
    assert "server log files" in en.message and "7 days" in en.message
    project.services[1].options = {"retention_days": 7}
    assert not by_code(checks(catalog, project), "retention-conflict")


def test_existing_customer_advertising_without_the_objection_notice_is_an_error(catalog):
    project = example_project()
    project.services = [SelectedService(id="mailchimp", options={"existing_customers": True})]
    assert not by_code(checks(catalog, project), "uwg-notice-missing")  # the rights section has the box
    project.overrides = {"rights": LocalText(de="Sie haben Rechte.", en="You have rights.")}
    (finding,) = by_code(checks(catalog, project, lang="en"), "uwg-notice-missing")
    assert finding.severity == "error" and finding.target == "section:rights" and "7(3) UWG" in finding.message
    project.services[0].options = {}
    assert not by_code(checks(catalog, project), "uwg-notice-missing")


def test_a_replaced_section_is_named_by_its_title_not_our_id(catalog):
    project = example_project()
    project.overrides = {"security": LocalText(de="Eigener Text.", en="Own text.")}
    (finding,) = by_code(checks(catalog, project, lang="en"), "override")
    title = next(s for s in compose(catalog, project, "de").walk() if s.id == "security")
    assert f"“{title.number} {title.title}”" in finding.message and "security" not in finding.message


def test_a_two_click_placeholder_asks_for_consent_itself_so_no_banner_is_required(catalog):
    with_two_click = [s for s in catalog.services.values() if s.device_access and not s.device_access_exception
                      and any(o.id == "two_click" for o in s.options)]
    assert with_two_click, "the catalog has services with a two-click placeholder"
    service = with_two_click[0]
    project = example_project()
    project.services = [SelectedService(id=service.id, options={"two_click": True})]
    assert not by_code(checks(catalog, project), "consent-tool-missing")
    project.services = [SelectedService(id=service.id, options={"two_click": False})]
    assert by_code(checks(catalog, project), "consent-tool-missing")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_two_consent_banners_are_a_warning_naming_both(catalog, lang):
    """The withdrawal text names one banner; with two the visitor cannot tell where a consent sits."""
    project = example_project()
    project.services = [SelectedService(id="strato"), SelectedService(id="cookiebot"), SelectedService(id="complianz")]
    (found,) = by_code(checks(catalog, project, lang=lang), "consent-tools-several")
    assert found.severity == "warning" and "Cookiebot" in found.message and "Complianz" in found.message
    project.services = [SelectedService(id="strato"), SelectedService(id="cookiebot")]
    assert not by_code(checks(catalog, project, lang=lang), "consent-tools-several")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_embed_behind_placeholders_with_two_click_off_is_a_warning(catalog, lang):
    """With Embed Privacy the placeholder's click is the consent; YouTube's text says so only
    with its two-click option on."""
    project = example_project()
    project.services = [SelectedService(id="strato"), SelectedService(id="cookiebot"), SelectedService(id="embed-privacy"),
                        SelectedService(id="youtube", options={"two_click": False})]
    (found,) = by_code(checks(catalog, project, lang=lang), "two-click-off")
    assert found.target == "service:youtube" and "Embed Privacy" in found.message and "YouTube" in found.message
    project.services[3] = SelectedService(id="youtube", options={"two_click": True})
    assert not by_code(checks(catalog, project, lang=lang), "two-click-off")
    project.services = [SelectedService(id="strato"), SelectedService(id="cookiebot"), SelectedService(id="youtube")]
    assert not by_code(checks(catalog, project, lang=lang), "two-click-off")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_banner_no_selected_service_needs_is_a_warning(catalog, lang):
    """The banner's section says we obtain consents; with nothing that asks for one that is untrue."""
    project = example_project()
    project.services = [SelectedService(id="strato"), SelectedService(id="cookiebot")]
    (found,) = by_code(checks(catalog, project, lang=lang), "consent-tool-unneeded")
    assert found.severity == "warning" and found.target == "service:cookiebot" and "Cookiebot" in found.message
    project.services.append(SelectedService(id="google-analytics"))
    assert not by_code(checks(catalog, project, lang=lang), "consent-tool-unneeded")


def test_a_banner_is_needed_only_by_consent_its_services_ask_for(catalog):
    """A placeholder that asks for the consent itself (two-click) needs no banner."""
    project = example_project()
    project.services = [SelectedService(id="strato"), SelectedService(id="cookiebot"),
                        SelectedService(id="youtube", options={"two_click": True})]
    assert by_code(checks(catalog, project), "consent-tool-unneeded")
    project.services[2] = SelectedService(id="youtube", options={"two_click": False})
    assert not by_code(checks(catalog, project), "consent-tool-unneeded")


def test_a_service_whose_consent_purpose_the_banner_may_hold_keeps_the_banner_needed(catalog):
    """Gravatar loads its pictures only after consent without touching the device itself: the
    banner is where that consent is given, so it is not reported as unneeded."""
    project = example_project()
    project.services = [SelectedService(id="strato"), SelectedService(id="cookiebot"),
                        SelectedService(id="wordpress-comments", options={"avatars": True}), SelectedService(id="gravatar")]
    assert not by_code(checks(catalog, project), "consent-tool-unneeded")


def test_wordpress_avatars_on_require_gravatar_and_drop_the_switch_off_task(catalog):
    from editor.core.tasks import site_tasks

    project = example_project()
    project.services = [SelectedService(id="strato"), SelectedService(id="server-logs"), SelectedService(id="wordpress-comments")]
    assert not by_code(checks(catalog, project), "requires")
    ids = {t.id for t in site_tasks(catalog, project)}
    assert "wordpress-comments-avatars-off" in ids
    project.services[2] = SelectedService(id="wordpress-comments", options={"avatars": True})
    (missing,) = [f for f in checks(catalog, project) if "Gravatar" in f.message and f.severity == "error"]
    assert missing.target == "service:gravatar"  # leads to what is missing (walk8)
    assert "wordpress-comments-avatars-off" not in {t.id for t in site_tasks(catalog, project)}


def test_a_german_postcode_that_is_not_five_digits_is_a_finding_at_the_field(catalog):
    """walk6 #7: "7909" was accepted silently while an invalid e-mail got a warning."""
    project = example_project()
    for postcode, country, bad in (("7909", "", True), ("7909", "Deutschland", True), ("790981", "Germany", True),
                                   ("79O98", "", True), ("79098", "", False), ("D-79098", "", False), ("DE-79098", "", False),
                                   (" 79098 ", "Deutschland", False), ("", "", False), ("1010", "Österreich", False),
                                   ("SW1A 1AA", "United Kingdom", False)):
        project.controller.postcode, project.controller.country = postcode, country
        for lang in ("de", "en"):
            found = by_code(checks(catalog, project, lang=lang), "postcode-invalid")
            assert bool(found) == bad, (postcode, country)
            if bad:
                assert found[0].target == "controller.postcode" and found[0].severity == "warning"
                assert (f"„{postcode.strip()}“" if lang == "de" else f"“{postcode.strip()}”") in found[0].message
                assert "79098" in found[0].message  # says what a right one looks like


def test_a_voice_assistant_in_the_browser_asks_no_phone_number_and_no_announcement_of_calls(catalog):
    """walk8 4: in the browser the data list named a phone number and the task spoke of calls."""
    from editor.core.tasks import site_tasks

    project = example_project()
    project.services = [SelectedService(id="ai-voice-assistant", options={"channel": "web"}),
                        SelectedService(id="mistral-ai", options={"feature": "voice"})]
    for channel, data, task in (("web", "IP address", "ai-disclosure-web"), ("phone", "phone number", "ai-disclosure-call")):
        project.services[0] = SelectedService(id="ai-voice-assistant", options={"channel": channel})
        section = next(s for s in compose(catalog, project, "en").walk() if s.id == "service-ai-voice-assistant")
        text = " ".join(r.text for b in section.blocks for r in getattr(b, "runs", ()))
        assert data in text and ("phone number" in text) == (channel == "phone"), text
        assert "under “AI model providers”" in text and ("telephony provider" in text) == (channel == "phone"), text
        ids = [t.id for t in site_tasks(catalog, project, "en") if t.id.startswith("ai-disclosure")]
        assert ids == [task], ids


def test_a_practice_is_told_to_say_that_patients_write_health_data_through_its_channels(catalog):
    """walk8: a physiotherapy practice with Dr. Flex ticked the contact form and WhatsApp; their text
    gave no Art. 9 basis for the complaints patients write there, and nothing said so."""
    project = example_project()
    project.services = [SelectedService(id="dr-flex"), SelectedService(id="contact-form"),
                        SelectedService(id="whatsapp-business"),
                        SelectedService(id="email-contact", options={"health_data": True})]
    found = by_code(checks(catalog, project, lang="en"), "health-data-off")
    assert sorted(f.target for f in found) == ["service:contact-form", "service:whatsapp-business"]
    assert all(f.severity == "warning" for f in found)
    message = next(f.message for f in found if f.target == "service:contact-form")
    assert "“Dr. Flex (appointment booking for practices)”" in message and "“Contact form”" in message
    assert "“Patients send us health data (practice)”" in message and "Art. 9 GDPR" in message
    (de,) = [f for f in by_code(checks(catalog, project, lang="de"), "health-data-off") if f.target == "service:contact-form"]
    assert "„Patienten schreiben uns Gesundheitsdaten (Praxis)“" in de.message and "Art. 9 DSGVO" in de.message
    # switched on everywhere: nothing left to say
    for chosen in project.services:
        chosen.options["health_data"] = True
    assert not by_code(checks(catalog, project), "health-data-off")
    # a shop's contact form is no practice's
    project.services = [SelectedService(id="contact-form"), SelectedService(id="woocommerce")]
    assert not by_code(checks(catalog, project), "health-data-off")
    # practice software (its category serves patients) makes a practice as well
    project.services = [SelectedService(id="practice-software-local"), SelectedService(id="phone-contact")]
    assert [f.target for f in by_code(checks(catalog, project), "health-data-off")] == ["service:phone-contact"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_published_email_or_phone_without_its_contact_service_is_a_warning_leading_to_it(catalog, lang):
    """walk9: the controller block prints the e-mail address and the phone number, but with "Contact by
    email/phone" not ticked the policy said nothing of what happens to the messages sent there."""
    project = example_project()  # e-mail and phone given
    project.services = [SelectedService(id="strato"), SelectedService(id="contact-form")]
    found = by_code(checks(catalog, project, lang=lang), "contact-channel-missing")
    assert [f.target for f in found] == ["service:email-contact", "service:phone-contact"]
    assert all(f.severity == "warning" for f in found)
    email, phone = (f.message for f in found)
    if lang == "de":
        assert "E-Mail-Adresse" in email and "„Kontakt per E-Mail“" in email
        assert "Telefonnummer" in phone and "„Kontakt per Telefon“" in phone
    else:
        assert "email address" in email and "“Contact by email”" in email
        assert "phone number" in phone and "“Contact by phone”" in phone
    # each channel ticked: nothing left to say about it
    project.services.append(SelectedService(id="email-contact"))
    assert [f.target for f in by_code(checks(catalog, project, lang=lang), "contact-channel-missing")] == [
        "service:phone-contact"]
    project.controller.phone = "  "  # no phone number printed: no phone calls to describe
    assert not by_code(checks(catalog, project, lang=lang), "contact-channel-missing")
    project.controller.email = ""  # a missing address is "controller-missing", not this
    project.services = [SelectedService(id="strato")]
    assert not by_code(checks(catalog, project, lang=lang), "contact-channel-missing")


@pytest.mark.parametrize("handler, channel", [("sipgate", "phone"), ("twilio", "phone"), ("google-workspace", "email")])
def test_a_selected_service_that_handles_the_channel_says_what_happens_to_its_messages(catalog, handler, channel):
    """A phone system (its "Taking your calls …" purposes) or the office suite the e-mails arrive in
    (the contact services' handled_by) already says it: no warning for that channel."""
    project = example_project()
    project.services = [SelectedService(id="strato"), SelectedService(id=handler)]
    targets = [f.target for f in by_code(checks(catalog, project), "contact-channel-missing")]
    assert targets == [t for t in ("service:email-contact", "service:phone-contact") if channel not in t]
    # as for the text's "handled by": only a service with a provider; a self-run pad receives no e-mails
    project.services = [SelectedService(id="etherpad-self-hosted")]
    assert "service:email-contact" in [f.target for f in by_code(checks(catalog, project), "contact-channel-missing")]

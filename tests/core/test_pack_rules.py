"""Every legal and authoring rule runs at load, for every pack (editor/core/packrules.py): one
small pack per rule that breaks it, and the finding names file, line and field while the other
records load on."""
import shutil

import pytest
from packtools import MINIMAL_SERVICE, write_pack

from editor.core import packrules
from editor.core.packs import load_catalog
from editor.resources import clause_packs_dir

PROVIDER = '''
[service.provider]
entity = "Example Inc."
address = "1 Main St, Springfield"
country = "{country}"
privacy_url = "https://example.com/privacy"
'''


def record(extra: str = "", *, id: str = "tool", role: str = "self_hosted", purpose_extra: str = "",
           country: str | None = None, transfer: str = "") -> str:
    """A valid minimal record, changed by ``extra`` (top-level keys) and the tables after it."""
    text = MINIMAL_SERVICE.format(id=id).replace('role = "self_hosted"', f'role = "{role}"')
    head, _, purpose = text.partition("[[service.purposes]]")
    head += extra + "\n"
    text = head + "[[service.purposes]]" + purpose + purpose_extra + "\n"
    if country:
        text += PROVIDER.format(country=country)
    if transfer:
        text += "\n[service.transfer]\n" + transfer + "\n"
    return text


def load(tmp_path, services: str, **pack):
    """Load the bundled pack and a demo pack holding ``services`` plus one good record."""
    write_pack(tmp_path / "packs", services=services + MINIMAL_SERVICE.format(id="good"), **pack)
    catalog = load_catalog([clause_packs_dir()], [tmp_path / "packs"])
    assert "good" in catalog.services, "one broken record must not stop the rest"
    return catalog, [e for e in catalog.errors if e.file.startswith("demo")]


def line_of(tmp_path, rel: str, needle: str) -> int:
    lines = (tmp_path / "packs" / "demo" / rel).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def refused(tmp_path, services: str, field: str, words: str):
    catalog, errors = load(tmp_path, services)
    assert "tool" not in catalog.services
    assert any(e.field == f"tool.{field}" and words in e.message and e.line for e in errors), errors
    return errors


# ---------------------------------------------------------------------------------------------
# transfers: EEA, adequacy, safeguards, US recipients


def test_a_transfer_to_an_eea_state_is_an_error(tmp_path):
    refused(tmp_path, record(role="processor", country="DE", transfer='countries = ["FR"]\nsafeguard = "scc"'),
            "transfer.countries", "EU/EEA")


def test_adequacy_claimed_without_a_decision_is_an_error(tmp_path):
    refused(tmp_path, record(role="processor", country="IE", transfer='countries = ["IN"]\nsafeguard = "adequacy"'),
            "transfer.safeguard", "no adequacy decision")


def test_adequacy_is_never_enough_for_the_usa(tmp_path):
    refused(tmp_path, record(role="processor", country="IE", transfer='countries = ["US"]\nsafeguard = "adequacy"'),
            "transfer.safeguard", "dpf_scc")


def test_a_country_with_a_decision_may_rely_on_it(tmp_path):
    catalog, errors = load(tmp_path, record(role="processor", country="CH", transfer='countries = ["CH", "BR"]\nsafeguard = "adequacy"'))
    assert errors == [] and "tool" in catalog.services


def test_a_third_country_recipient_must_be_declared_as_a_transfer(tmp_path):
    refused(tmp_path, record(role="processor", country="US"), "provider.country", "declare that transfer")


def test_a_us_recipient_needs_its_dpf_status(tmp_path):
    refused(tmp_path, record(role="processor", country="US", transfer='countries = ["US"]\nsafeguard = "none"'),
            "transfer.safeguard", "DPF status")


# ---------------------------------------------------------------------------------------------
# § 25 TDDDG


def test_device_access_without_consent_or_exception_is_an_error(tmp_path):
    refused(tmp_path, record("device_access = true"), "device_access", "§ 25 Abs. 1 TDDDG")


def test_a_named_section_25_exception_with_its_reason_is_accepted(tmp_path):
    reason = 'device_access_reason = { de = "Der Warenkorb braucht das Cookie.", en = "The cart needs the cookie." }'
    catalog, errors = load(tmp_path, record(f'device_access = true\ndevice_access_exception = "strictly_necessary"\n{reason}'))
    assert errors == [] and catalog.services["tool"].device_access_exception == "strictly_necessary"


def test_an_exception_needs_its_reason(tmp_path):
    refused(tmp_path, record('device_access = true\ndevice_access_exception = "transmission"'), "device_access_reason", "reason")


OPTION = '\n[[service.options]]\nid = "mode"\ntype = "choice"\ndefault = "script"\nlabel = { de = "Modus", en = "Mode" }\n' \
         'choices = [{ value = "script", label = { de = "Skript", en = "script" } }, ' \
         '{ value = "server", label = { de = "Server", en = "server" } }]\n'
CONSENT = '\n[[service.purposes]]\ntext = { de = "Zählen.", en = "Counting." }\nbasis = "consent"\n'


def test_a_device_access_that_depends_on_options_is_accepted_with_a_consent_purpose(tmp_path):
    when = 'device_access = true\ndevice_access_when = "options.mode == \'script\'"'
    catalog, errors = load(tmp_path, record(when, purpose_extra=CONSENT + 'when = "options.mode == \'script\'"\n' + OPTION))
    assert errors == [] and catalog.services["tool"].device_access_when == "options.mode == 'script'"
    refused(tmp_path, record(when, purpose_extra=OPTION), "device_access", "§ 25 Abs. 1 TDDDG")


def test_device_access_when_needs_device_access_and_a_known_option(tmp_path):
    refused(tmp_path, record('device_access_when = "options.mode == \'script\'"', purpose_extra=OPTION),
            "device_access_when", "device_access is false")
    refused(tmp_path, record('device_access = true\ndevice_access_when = "options.nothing"', purpose_extra=CONSENT),
            "device_access_when", "nothing")


def test_a_reason_may_follow_consent_but_not_stand_without_device_access(tmp_path):
    reason = 'device_access_reason = { de = "Das Skript liest die Fensterbreite aus.", en = "The script reads the window width." }'
    catalog, errors = load(tmp_path, record(f"device_access = true\n{reason}", purpose_extra=CONSENT))
    assert errors == [] and "tool" in catalog.services
    refused(tmp_path, record(reason), "device_access_reason", "without device_access")


def test_a_task_that_depends_on_options_names_a_known_option(tmp_path):
    task = '\n[[service.tasks]]\nid = "off"\ntext = { de = "Abschalten.", en = "Switch off." }\nwhen = "options.nothing"\n'
    refused(tmp_path, record(purpose_extra=task), "tasks[0].when", "nothing")


# ---------------------------------------------------------------------------------------------
# Art. 6(1)(f)


def test_legitimate_interest_must_name_the_interest(tmp_path):
    services = record().replace('basis = "contract"', 'basis = "legitimate_interest"')
    refused(tmp_path, services, "purposes[0].interest", "Art. 6(1)(f)")


# ---------------------------------------------------------------------------------------------
# current law, https, German and English alike


def test_an_outdated_law_name_in_a_record_is_found_on_its_own_line(tmp_path):
    text = 'text = { de = """Erster Absatz.\n\nNach § 25 TTDSG fragen wir.""", en = """First paragraph.\n\nUnder Section 25 TDDDG we ask."""}'
    errors = refused(tmp_path, record(text), "text.de", "TTDSG")
    assert errors[0].line == line_of(tmp_path, "services/tools.toml", "TTDSG")


def test_a_sentence_explaining_the_rename_may_name_the_old_law(tmp_path):
    text = 'text = { de = "Das TDDDG (früher TTDSG) regelt § 25.", en = "The TDDDG (formerly TTDSG) holds Section 25." }'
    catalog, errors = load(tmp_path, record(text))
    assert errors == [] and "tool" in catalog.services


@pytest.mark.parametrize("old", ["Privacy Shield", "Safe Harbor", "Telemediengesetz", "2010/87/EU"])
def test_every_outdated_law_name_is_found(old):
    assert [m for _, m in packrules.outdated_law(f"Wir stützen uns auf {old}.")]


def test_an_http_link_in_a_text_is_an_error_but_mailto_is_fine(tmp_path):
    text = 'text = { de = "[Seite](http://example.com) oder [Mail](mailto:a@b.de).", en = "[Page](http://example.com) or [Mail](mailto:a@b.de)." }'
    errors = refused(tmp_path, record(text), "text.de", "https://")
    assert not any("mailto" in e.message for e in errors)


def test_an_http_privacy_url_is_an_error(tmp_path):
    services = record(role="processor", country="DE").replace("https://example.com/privacy", "http://example.com/privacy")
    refused(tmp_path, services, "provider.privacy_url", "https://")


def test_german_and_english_must_say_the_same_numbers_and_paragraphs(tmp_path):
    text = r'retention = { de = "14 Tage.\n\nDanach gelöscht.", en = "30 days, then deleted." }'
    services = record(text).replace('retention = { de = "7 Tage.", en = "7 days." }\n', "")
    errors = refused(tmp_path, services, "retention", "paragraphs")
    assert any("only in German 14" in e.message for e in errors)


def test_an_outdated_law_name_in_a_template_refuses_it_with_its_line(tmp_path):
    bad = "Erste Zeile.\n\nDas Impressum steht nach § 5 TMG bereit.\n"
    catalog, errors = load(tmp_path, MINIMAL_SERVICE.format(id="x"),
                           templates={"de/note.md.j2": bad, "en/note.md.j2": "First line.\n\nThe imprint per Section 5 DDG.\n"})
    assert [(e.file, e.line) for e in errors if "TMG" in e.message] == [("demo/templates/de/note.md.j2", 3)]
    assert "demo/de/note" not in catalog.templates.sources


def test_a_template_pair_that_differs_is_a_warning(tmp_path):
    catalog, errors = load(tmp_path, MINIMAL_SERVICE.format(id="x"),
                           templates={"de/note.md.j2": "Nach 14 Tagen.\n", "en/note.md.j2": "After 30 days.\n"})
    (warning,) = errors
    assert warning.message.startswith(packrules.WARNING) and "14" in warning.message
    assert "demo/en/note" in catalog.templates.sources


def test_an_outdated_label_and_section_title_are_refused(tmp_path):
    labels = '[extra.de]\nnote = "nach dem TTDSG"\n[extra.en]\nnote = "under the TDDDG"\n'
    sections = '[[section]]\nid = "old"\norder = 900\ntitle = { de = "Privacy Shield", en = "Privacy Shield" }\ntemplate = "old"\n'
    catalog, errors = load(tmp_path, MINIMAL_SERVICE.format(id="x"), extra_files={"labels.toml": labels}, sections=sections,
                           templates={"de/old.md.j2": "Text.\n", "en/old.md.j2": "Text.\n"})
    assert any(e.file == "demo/labels.toml" and e.line == 2 and "TTDSG" in e.message for e in errors), errors
    assert "note" not in catalog.labels["extra"]["de"]
    assert any(e.file == "demo/sections.toml" and e.line and "Privacy Shield" in e.message for e in errors), errors
    assert "old" not in {s.id for _, s in catalog.sections}


def test_a_category_intro_with_an_outdated_law_name_is_refused(tmp_path):
    categories = ('[[category]]\nid = "tools"\norder = 150\ntitle = { de = "Werkzeuge", en = "Tools" }\n'
                  '[[category]]\nid = "old"\norder = 900\ntitle = { de = "Alt", en = "Old" }\nintro = { de = "Nach dem TMG.", en = "Under the DDG." }\n')
    catalog, errors = load(tmp_path, MINIMAL_SERVICE.format(id="x"), extra_files={"categories.toml": categories})
    assert [(e.file, e.line, e.field) for e in errors if "TMG" in e.message] == [("demo/categories.toml", 9, "category old.intro.de")]
    assert "old" not in catalog.categories


# ---------------------------------------------------------------------------------------------
# the issue's check: a user pack is held to the same rules as the bundled one


def test_a_copy_of_the_bundled_pack_with_an_outdated_law_name_is_caught_in_the_user_folder(tmp_path):
    bundled = load_catalog([clause_packs_dir()])
    copy = tmp_path / "user" / "copy"
    shutil.copytree(clause_packs_dir() / "core", copy)
    manifest = copy / "pack.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('id = "core"', 'id = "copy"'), encoding="utf-8")
    file = copy / "services" / "crm.toml"
    lines = file.read_text(encoding="utf-8").splitlines()
    n = next(k for k, line in enumerate(lines) if line.startswith("de = ") and "(§ 25 Abs. 1 TDDDG und" in line)
    lines[n] = lines[n].replace("(§ 25 Abs. 1 TDDDG und", "(§ 25 Abs. 1 TTDSG und")
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")

    catalog = load_catalog([clause_packs_dir()], [tmp_path / "user"])
    found = [e for e in catalog.errors if "TTDSG" in e.message]
    assert [(e.file, e.line) for e in found] == [("copy/services/crm.toml", n + 1)]
    assert set(bundled.services) <= set(catalog.services)
    assert all(catalog.service_pack[s] == "core" for s in bundled.services)


def test_a_named_exception_is_what_the_policy_says_not_consent(tmp_path):
    from editor.core.compose import compose
    from editor.core.document import iter_runs
    from editor.core.project import SelectedService, example_project

    reason = 'device_access_reason = { de = "Der Warenkorb braucht das Cookie.", en = "The cart needs the cookie." }'
    catalog, errors = load(tmp_path, record(f'device_access = true\ndevice_access_exception = "strictly_necessary"\n{reason}'))
    assert errors == [] and not catalog.services["tool"].uses_consent
    project = example_project()
    project.services = [SelectedService(id="tool")]
    for lang, words in (("de", "Warenkorb braucht"), ("en", "cart needs")):
        section = next(s for s in compose(catalog, project, lang).walk() if s.id == "service-tool")
        text = " ".join(r.text for b in section.blocks for r in iter_runs(b))
        assert words in text and "25" in text and ("Einwilligung nach" not in text and "consent under" not in text), text

"""Facts declared once: provider records (providers.toml) and category defaults."""
from packtools import MINIMAL_SERVICE, write_pack

from editor.core.packs import load_catalog
from editor.resources import clause_packs_dir

PROVIDERS = '''
[[provider]]
id = "acme-eu"
entity = "ACME Europe Ltd"
address = "1 Quay, Dublin 2"
country = "IE"
privacy_url = "https://acme.example/privacy"
[[provider.transfers]]
entity = "ACME, Inc."
country = "US"
safeguard = "dpf_scc"
'''

DPF = '''dpf = { certified = true, checked = 2026-11-21, source = "https://www.dataprivacyframework.gov/list" }
'''


def _service(provider_line: str, extra: str = "") -> str:
    return MINIMAL_SERVICE.format(id="tool").replace('role = "self_hosted"', f'role = "processor"\n{provider_line}\n{extra}')


def _load(tmp_path, services, providers=PROVIDERS, categories=None):
    extra = {"providers.toml": providers}
    if categories:
        extra["categories.toml"] = categories
    write_pack(tmp_path, services=services, extra_files=extra)
    return load_catalog([clause_packs_dir(), tmp_path])


def test_a_service_names_its_provider_and_takes_its_transfer_and_an_open_dpf_point(tmp_path):
    catalog = _load(tmp_path, _service('provider = "acme-eu"'))
    assert not catalog.errors
    service = catalog.services["tool"]
    assert service.provider.entity == "ACME Europe Ltd" and service.provider.id == "acme-eu"
    assert (service.transfer.countries, service.transfer.safeguard, service.transfer.recipient) == (["US"], "dpf_scc", "ACME, Inc.")
    assert service.uncertain == ["DPF certification of ACME, Inc. not checked against the live DPF list."]


def test_a_checked_dpf_status_is_no_open_point(tmp_path):
    catalog = _load(tmp_path, _service('provider = "acme-eu"'), providers=PROVIDERS + DPF)
    assert not catalog.errors
    assert catalog.providers["acme-eu"].transfers[0].dpf.certified is True
    assert catalog.services["tool"].uncertain == []


def test_a_service_may_override_single_provider_fields_and_its_transfer(tmp_path):
    catalog = _load(tmp_path, _service('provider = { id = "acme-eu", privacy_url = "https://acme.example/other" }',
                                       'transfer = { countries = [], safeguard = "none" }'))
    assert not catalog.errors
    service = catalog.services["tool"]
    assert service.provider.privacy_url == "https://acme.example/other" and service.provider.address == "1 Quay, Dublin 2"
    assert service.transfer.countries == []


def test_an_inline_provider_still_loads(tmp_path):
    inline = 'provider = { entity = "Own GmbH", address = "Weg 1, Berlin", country = "DE", privacy_url = "https://own.example/p" }'
    catalog = _load(tmp_path, _service(inline), providers="")
    assert not catalog.errors and catalog.services["tool"].provider.entity == "Own GmbH"
    assert catalog.services["tool"].transfer is None


def test_unknown_or_incomplete_providers_are_load_errors(tmp_path):
    catalog = _load(tmp_path, _service('provider = "nobody"'))
    assert "tool" not in catalog.services and any("unknown provider 'nobody'" in e.message for e in catalog.errors)
    catalog = _load(tmp_path / "b", _service('provider = { entity = "Half Ltd" }'), providers="")
    assert "tool" not in catalog.services and any("needs 'address'" in e.message for e in catalog.errors)


def test_dpf_outside_the_usa_is_refused(tmp_path):
    bad = PROVIDERS.replace('country = "US"', 'country = "CA"').replace('"dpf_scc"', '"adequacy"') + DPF
    catalog = _load(tmp_path, _service('provider = "acme-eu"'), providers=bad)
    assert "acme-eu" not in catalog.providers and any("only recipients in the USA" in e.message for e in catalog.errors)


def test_a_service_inherits_its_categorys_purposes_data_and_retention(tmp_path):
    categories = '''
[[category]]
id = "tools"
order = 150
title = { de = "Werkzeuge", en = "Tools" }
retention = { de = "30 Tage.", en = "30 days." }
data = { de = ["Name"], en = ["name"] }
'''
    service = MINIMAL_SERVICE.format(id="tool").replace('data = { de = ["IP-Adresse"], en = ["IP address"] }\n', "") \
        .replace('retention = { de = "7 Tage.", en = "7 days." }\n', "")
    catalog = _load(tmp_path, service, providers="", categories=categories)
    assert not catalog.errors
    assert catalog.services["tool"].retention.en == "30 days." and catalog.services["tool"].data.en == ["name"]
    catalog = _load(tmp_path / "b", service, providers="")  # no default: the record must say it
    assert "tool" not in catalog.services and any("'data' is missing" in e.message for e in catalog.errors)


def test_the_bundled_pack_declares_google_ireland_once(catalog):
    google = [s for s in catalog.services.values() if s.provider and s.provider.id == "google-ireland"]
    assert len(google) >= 5
    assert {s.provider.address for s in google} == {catalog.providers["google-ireland"].address}


def test_a_recipient_not_on_the_dpf_list_cannot_claim_the_dpf(tmp_path):
    bad = PROVIDERS + DPF.replace("certified = true", "certified = false")
    catalog = _load(tmp_path, _service('provider = "acme-eu"'), providers=bad)
    assert "acme-eu" not in catalog.providers and any("not DPF-certified" in e.message for e in catalog.errors)
    fine = bad.replace('"dpf_scc"', '"scc"')
    catalog = _load(tmp_path / "b", _service('provider = "acme-eu"'), providers=fine)
    assert not catalog.errors and catalog.services["tool"].uncertain == []


PER_LANGUAGE = PROVIDERS.replace('privacy_url = "https://acme.example/privacy"\n', '''privacy_url = "https://acme.example/datenschutz"
privacy_url_en = "https://acme.example/en/privacy"
privacy_title = { de = "Angaben zu den Daten", en = "information on the data" }
''')


def _provider_link(catalog, lang):
    """(words, address) of the provider's privacy link in the service's section."""
    from editor.core.compose import compose
    from editor.core.document import iter_runs
    from editor.core.project import SelectedService, example_project

    project = example_project()
    project.services = [SelectedService(id="tool")]
    section = next(s for s in compose(catalog, project, lang).walk() if s.id == "service-tool")
    links = [r for b in section.blocks for r in iter_runs(b) if r.link and "acme" in r.link]
    assert len(links) == 1, links
    return links[0].text, links[0].link


def test_a_provider_gives_its_privacy_page_per_document_language(tmp_path):
    """The German policy links privacy_url, the English one privacy_url_en where there is one."""
    catalog = _load(tmp_path, _service('provider = "acme-eu"'), providers=PER_LANGUAGE)
    assert not catalog.errors
    assert _provider_link(catalog, "de") == ("Angaben zu den Daten", "https://acme.example/datenschutz")
    assert _provider_link(catalog, "en") == ("information on the data", "https://acme.example/en/privacy")
    # without an English address both policies link the one address, called a privacy notice
    plain = _load(tmp_path / "b", _service('provider = "acme-eu"'))
    assert _provider_link(plain, "de") == ("Datenschutzhinweise", "https://acme.example/privacy")
    assert _provider_link(plain, "en") == ("privacy notice", "https://acme.example/privacy")


def test_an_inline_privacy_page_replaces_the_records_english_page_and_title(tmp_path):
    """A service that links another page of the provider (Instagram's for Meta) must not keep the
    record's English address or title, which belong to the record's page."""
    catalog = _load(tmp_path, _service('provider = { id = "acme-eu", privacy_url = "https://acme.example/other" }'),
                    providers=PER_LANGUAGE)
    provider = catalog.services["tool"].provider
    assert (provider.privacy_url, provider.privacy_url_en, provider.privacy_title) == ("https://acme.example/other", None, None)
    assert _provider_link(catalog, "en") == ("privacy notice", "https://acme.example/other")
    both = _load(tmp_path / "b", _service('provider = { id = "acme-eu", privacy_url = "https://acme.example/o", '
                                          'privacy_url_en = "https://acme.example/en/o" }'), providers=PER_LANGUAGE)
    assert _provider_link(both, "en")[1] == "https://acme.example/en/o"


def test_an_english_privacy_page_must_be_https(tmp_path):
    catalog = _load(tmp_path, _service('provider = "acme-eu"'),
                    providers=PER_LANGUAGE.replace("https://acme.example/en/privacy", "http://acme.example/en/privacy"))
    assert any(e.field == "acme-eu.privacy_url_en" and "https://" in e.message for e in catalog.errors), catalog.errors

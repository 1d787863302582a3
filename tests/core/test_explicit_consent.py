"""An explicit consent under Art. 9(2)(a) GDPR is a consent: where a rule or check asks whether a
service rests on consent (device access, the withdrawal section), it counts like Art. 6(1)(a)."""
from test_pack_rules import load, record

from editor.core import schema


def _explicit(extra: str = "") -> str:
    return record(extra).replace('basis = "contract"', 'basis = "explicit_consent"')


def test_explicit_consent_is_a_consent_basis():
    assert schema.CONSENT_BASES == {"consent", "explicit_consent"}
    assert schema.Purpose(text=schema.Text(de="x", en="x"), basis="explicit_consent").is_consent


def test_device_access_with_an_explicit_consent_purpose_needs_no_exception(tmp_path):
    catalog, errors = load(tmp_path, _explicit("device_access = true"))
    assert errors == []
    assert catalog.services["tool"].uses_consent


def test_a_service_resting_only_on_explicit_consent_uses_consent(tmp_path):
    catalog, errors = load(tmp_path, _explicit())
    assert errors == [] and catalog.services["tool"].uses_consent

"""The lawyer's last findings on payment and donation records (issue #12), in both languages:
each test names the finding and checks the rendered service text, not the record."""
import re

import pytest

from test_special_categories import CATALOG, section_text  # one service's rendered text


def test_ratepay_fingerprinting_is_device_access_with_consent():
    """Ratepay's fraud script reads the device (§ 25 Abs. 1 TDDDG); no exception is claimed."""
    service = CATALOG.services["ratepay"]
    assert service.device_access and service.device_access_exception is None
    assert any(p.basis == "consent" and "Fingerprinting" in p.text.de for p in service.purposes)
    de, en = section_text("ratepay", "de"), section_text("ratepay", "en")
    assert "§ 25 Abs. 1 TDDDG" in de and "Art. 6 Abs. 1 lit. a DSGVO" in de
    assert "Section 25(1) TDDDG" in en and "Art. 6(1)(a) GDPR" in en
    assert "Fingerprinting" in de and "fingerprinting" in en


# what the visitor types into the provider's own form is the provider's, not in our data list
CARD_DE = re.compile(r"Kartennummer|Kartendaten|Zahlungsdaten")
CARD_EN = re.compile(r"card number|card details|payment details", re.I)


def _passes_on_card_data(item, pattern):
    return pattern.search(item) and not re.search(r"statt|instead of", item)


def test_the_payment_category_default_lists_only_what_we_pass_on():
    category = CATALOG.categories["payment"]
    assert not [d for d in category.data.de if CARD_DE.search(d)]
    assert not [d for d in category.data.en if CARD_EN.search(d)]


@pytest.mark.parametrize("service_id", sorted(s.id for s in CATALOG.services.values()
                                               if s.category == "payment" and s.role != "self_hosted"))
def test_payment_data_lists_leave_card_data_to_the_provider(service_id):
    service = CATALOG.services[service_id]
    assert not [d for d in service.data.de if _passes_on_card_data(d, CARD_DE)]
    assert not [d for d in service.data.en if _passes_on_card_data(d, CARD_EN)]
    de, en = section_text(service_id, "de"), section_text(service_id, "en")
    data_de = de.split("Daten:")[1].split(".")[0]
    data_en = en.split("Data:")[1].split(".")[0]
    assert not _passes_on_card_data(data_de, CARD_DE)
    assert not _passes_on_card_data(data_en, CARD_EN)


@pytest.mark.parametrize("service_id", ["donation-administration", "fundraisingbox", "paypal-donate"])
def test_clubs_that_issue_donation_receipts_keep_them_10_years_under_a_legal_obligation(service_id):
    de, en = section_text(service_id, "de"), section_text(service_id, "en")
    assert "Art. 6 Abs. 1 lit. c DSGVO" in de and "Art. 6(1)(c) GDPR" in en
    assert "§ 50 EStDV" in de and "Section 50 EStDV" in en
    assert "10 Jahre" in de and "10 years" in en
    assert "§ 147 AO" in de and "Section 147 AO" in en


def test_a_platform_that_issues_the_receipt_itself_leaves_us_the_booking_record():
    """betterplace.org issues the receipt; we keep what we receive as a booking record (Art. 6(1)(c))."""
    de, en = section_text("betterplace", "de"), section_text("betterplace", "en")
    assert "Art. 6 Abs. 1 lit. c DSGVO" in de and "Art. 6(1)(c) GDPR" in en
    assert "§ 147 AO" in de and "Section 147 AO" in en

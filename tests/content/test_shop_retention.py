"""Shop records point to the retention section for order and invoice data instead of stating
"8 years (§ 147 AO, § 257 HGB)" themselves (lawyer8): eight years is the period for invoices, not
for order correspondence (six), and § 257 HGB binds merchants only — the retention section says
which applies, from the legal form."""


def test_no_shop_record_states_the_statutory_periods_itself(catalog):
    shops = [s for s in catalog.services.values() if s.category == "ecommerce" and s.retention is not None]
    assert len(shops) > 10
    stating = [s.id for s in shops if "§ 257 HGB" in s.retention.de or "Section 257 HGB" in s.retention.en]
    assert stating == []
    pointing = [s.id for s in shops if "Bestell- und Rechnungsdaten" in s.retention.de]
    assert pointing and all("„Speicherdauer“" in catalog.services[i].retention.de
                            and "“Storage period”" in catalog.services[i].retention.en for i in pointing)

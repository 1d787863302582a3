"""A pasted address block taken apart into the company form's fields (core.address_lines)."""
from __future__ import annotations

import pytest

from editor.core.address_lines import recognise, spread

BAKERY = "Bäckerei Sonnenschein GmbH\nHauptstraße 5\n79098 Freiburg"


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_every_line_ending_gives_name_street_postcode_and_city(ending):
    address = recognise(BAKERY.replace("\n", ending) + ending)
    assert (address.name, address.street, address.postcode, address.city) == (
        "Bäckerei Sonnenschein GmbH", "Hauptstraße 5", "79098", "Freiburg")
    assert address.rest == ()


def test_letterhead_with_country_phone_and_email_lines():
    address = recognise(BAKERY + "\nDeutschland\nTel.: +49 761 123456\nE-Mail: info@sonnenschein.de")
    assert address.country == "Deutschland"
    assert address.phone == "+49 761 123456"
    assert address.email == "info@sonnenschein.de"
    assert address.rest == ()


@pytest.mark.parametrize("line, postcode, city, country", [
    ("D-79098 Freiburg", "79098", "Freiburg", "Deutschland"),
    ("DE-50667 Köln", "50667", "Köln", "Deutschland"),
    ("A-1060 Wien", "1060", "Wien", "Österreich"),
    ("CH-8001 Zürich", "8001", "Zürich", "Schweiz"),
    ("1060 Wien", "1060", "Wien", ""),  # four digits alone: Austria or Switzerland, not said
    ("8001 Zürich", "8001", "Zürich", ""),
    ("79098 Freiburg im Breisgau", "79098", "Freiburg im Breisgau", ""),
])
def test_postcodes_of_germany_austria_and_switzerland(line, postcode, city, country):
    address = recognise(f"Tischlerei Holz\nMarktplatz 3-5\n{line}")
    assert (address.postcode, address.city, address.country) == (postcode, city, country)
    assert address.street == "Marktplatz 3-5"


def test_a_country_line_wins_over_the_postcode_prefix():
    assert recognise("Holz AG\nBahnhofstrasse 12\nCH-8001 Zürich\nSuisse").country == "Suisse"


def test_care_of_line_goes_before_the_street():
    address = recognise("Café Lisl\nc/o Bürohaus Mitte\nMariahilfer Straße 12/3\nA-1060 Wien")
    assert address.name == "Café Lisl"
    assert address.street == "c/o Bürohaus Mitte, Mariahilfer Straße 12/3"


def test_a_name_without_legal_form_and_a_representative():
    address = recognise("Friseursalon Haarscharf\nInhaberin: Maria Huber\nLindenweg 7a\n04109 Leipzig")
    assert address.name == "Friseursalon Haarscharf"
    assert address.representative == "Maria Huber"
    assert address.street == "Lindenweg 7a"


def test_a_legal_form_on_its_own_line_belongs_to_the_name():
    assert recognise("Bäckerei Sonnenschein\nGmbH\nHauptstraße 5\n79098 Freiburg").name == "Bäckerei Sonnenschein GmbH"


def test_register_lines_and_website():
    address = recognise(BAKERY + "\nAmtsgericht Freiburg\nHRB 12345\nwww.sonnenschein.de")
    assert address.register == "Amtsgericht Freiburg, HRB 12345"
    assert address.website == "www.sonnenschein.de"


def test_a_name_that_looks_like_a_register_number_stays_the_name():
    assert recognise("VR Payment GmbH\nSaonestraße 3a\n60528 Frankfurt am Main").name == "VR Payment GmbH"


def test_unrecognised_lines_are_kept_in_order_and_spread_into_the_pasted_field():
    text = BAKERY + "\nTelefax: 0761 99999\nTel. 0761 123456\nTel. 0761 654321\nUSt-IdNr. DE123456789"
    address = recognise(text)
    assert address.phone == "0761 123456"
    assert address.rest == ("Telefax: 0761 99999", "Tel. 0761 654321", "USt-IdNr. DE123456789")
    values = spread(text, "street")
    assert values["street"] == "Hauptstraße 5, Telefax: 0761 99999, Tel. 0761 654321, USt-IdNr. DE123456789"
    assert values["name"] == "Bäckerei Sonnenschein GmbH"


@pytest.mark.parametrize("text, into, expected", [
    ("Bäckerei Sonnenschein\nGmbH", "name", {"name": "Bäckerei Sonnenschein GmbH"}),
    ("Freiburg\n", "city", {"city": "Freiburg"}),  # one line is no name: it stays where it was pasted
    ("Hauptstraße 5\n79098 Freiburg", "street", {"street": "Hauptstraße 5", "postcode": "79098", "city": "Freiburg"}),
    ("Haus am See\nim Grünen", "name", {"name": "Haus am See, im Grünen"}),
])
def test_spread_into_a_field(text, into, expected):
    assert spread(text, into) == expected


def test_nothing_pasted_is_lost():
    text = (BAKERY + "\nDeutschland\nFax 0761 1\nÖffnungszeiten Mo–Fr\nInh. Max Sonne\n"
            "info@sonnenschein.de\n0761 123456\nhttps://sonnenschein.de\nHRA 7")
    values = spread(text, "name")
    kept = " ".join(values.values())
    for line in text.splitlines():
        words = line.replace("Inh. ", "").split()
        assert all(word in kept for word in words), line


def test_a_name_ending_with_a_number_is_no_street():
    address = recognise("Studio 54\nHauptstraße 5\n79098 Freiburg")
    assert (address.name, address.street) == ("Studio 54", "Hauptstraße 5")


def test_a_postcode_with_a_prefix_it_does_not_know_is_kept_as_it_is():
    address = recognise("Chez Paul\nRue de Rivoli 5\nF-75001 Paris")
    assert address.postcode == "" and address.rest == ("F-75001 Paris",)


def test_the_shorthand_brd_becomes_the_country_s_name():
    # a policy names the country; "BRD" is a letterhead's shorthand (a name as typed is kept, above)
    assert recognise("Holz GmbH\nHauptstr. 1\n12345 Berlin\nBRD").country == "Deutschland"

"""walk10: a tax adviser's partnership (PartG mbB) pasted its letterhead; the legal form stayed
'not chosen' (the list had no PartG) and 'PR 720123 Amtsgericht Stuttgart' — its entry in the
partnership register — stayed in the company's name."""
import pytest

from editor.core import address_lines, legalforms

BLOCK = """Dr. Jana Özdemir und Markus Lenz, Steuerberater PartG mbB
Schillerstraße 40
70173 Stuttgart
kanzlei@oezdemir-stb.de
0711 555 66 77
PR 720123 Amtsgericht Stuttgart"""


@pytest.mark.parametrize("name, key", [
    ("Dr. Jana Özdemir und Markus Lenz, Steuerberater PartG mbB", "partg_mbb"),
    ("Lenz & Partner PartGmbB", "partg_mbb"),
    ("Lenz und Kollegen Partnerschaftsgesellschaft mbB", "partg_mbb"),
    ("Lenz & Partner PartG", "partg"),
])
def test_a_partnership_s_name_tells_its_legal_form(name, key):
    assert legalforms.named_in(name) == key


def test_a_partnership_is_no_merchant_and_keeps_its_name_once():
    assert legalforms.FORMS["partg_mbb"].merchant is False and legalforms.FORMS["partg"].merchant is False
    assert legalforms.recognise("PartG mbB") == "partg_mbb"


def test_the_partnership_register_line_is_the_register():
    address = address_lines.recognise(BLOCK)
    assert address.register == "PR 720123 Amtsgericht Stuttgart"
    assert address.name == "Dr. Jana Özdemir und Markus Lenz, Steuerberater PartG mbB" and not address.rest

"""Filters our clause templates have beyond Jinja's own (editor.core.sandbox)."""
import pytest

from editor.core.mdsafe import md_escape
from editor.core.sandbox import TemplateBudgetError
from editor.core.templating import make_environment


def render(source: str, **values) -> str:
    return make_environment().from_string(source).render(**values)


def test_items_joins_a_plain_list_with_commas():
    assert render("{{ xs | items }}", xs=["Name", "Anschrift", "Telefonnummer"]) == "Name, Anschrift, Telefonnummer"


@pytest.mark.parametrize("odd", ["Metadaten: Größe und Zeitpunkt", "Anschrift (Straße, Ort)"])
def test_items_joins_with_semicolons_once_an_item_holds_a_comma_or_colon(odd):
    assert render("{{ xs | items }}", xs=["Name", odd, "Telefonnummer"]) == f"Name; {md_escape(odd)}; Telefonnummer"


def test_items_escapes_what_it_prints_like_any_value():
    assert render("{{ xs | items }}", xs=["*fett*", "[Link]"]) == r"\*fett\*, \[Link\]"


def test_items_keeps_the_size_budget():
    with pytest.raises(TemplateBudgetError):
        render("{{ xs | items }}", xs=["x" * 200_000] * 10)


@pytest.mark.parametrize("value", ["Müller & *Söhne* [GmbH]", "1. Etage", r"C:\Daten"])
def test_the_md_filter_escapes_once(value):
    """``md`` escapes a value for Markdown; printing it must not escape it a second time (its
    backslashes showed in the policy: "Müller \\& \\*Söhne\\*")."""
    assert render("{{ x | md }}", x=value) == render("{{ x }}", x=value) == md_escape(value)

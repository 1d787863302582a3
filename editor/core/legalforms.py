"""The controller's legal form: a fixed list (resources/law/legal_forms.toml) with labels in both
languages, the suffix the policy prints after the company's name, and whether the form makes the
controller a merchant (Kaufmann), which decides whether § 257 HGB applies besides § 147 AO.

A project stores the form's key (``Controller.legal_form``); "other" keeps the user's own text
(``Controller.legal_form_other``). A key this list does not know is treated as such a text, so
nothing a file holds is lost or printed wrongly.
"""
from __future__ import annotations

import re
from types import MappingProxyType
from typing import TYPE_CHECKING, Mapping

import msgspec

if TYPE_CHECKING:
    from .projectmodel import Controller

OTHER = "other"


class LegalForm(msgspec.Struct, frozen=True):  # a Struct: a dataclass cost ~0.8 ms of every start
    key: str
    de: str
    en: str
    suffix: str
    merchant: bool | None  # None: cannot tell ("other")
    known: tuple[str, ...]
    person: bool = False  # the controller is the owner as a person: the policy names the owner

    def label(self, lang: str) -> str:
        return self.de if lang == "de" else self.en


def _load() -> Mapping[str, LegalForm]:
    from ..resources import resource
    from .tomldata import parse

    data = parse(resource("law", "legal_forms.toml").read_bytes())
    return MappingProxyType({f["key"]: LegalForm(f["key"], f["de"], f["en"], f["suffix"], f.get("merchant"),
                                                 tuple(f["known"]), f.get("person", False)) for f in data["form"]})


FORMS: Mapping[str, LegalForm] = _load()


def _tokens(text: str) -> list[str]:
    """Words and signs, without spaces and dots: "e.K." and "e. K." are the same form."""
    return re.findall(r"\w+|[^\w\s.]", text)


def _normal(text: str) -> str:
    return "".join(_tokens(text)).casefold()


def recognise(text: str) -> str | None:
    """The key of the form ``text`` names ("e.K." → "ek"); None when it is none of the list."""
    wanted = _normal(text)
    if not wanted:
        return None
    return next((f.key for f in FORMS.values() if any(_normal(k) == wanted for k in (f.de, f.en, f.suffix, *f.known)
                                                      if k)), None)


def from_text(text: str) -> tuple[str, str]:
    """(key, own text) for the free text older projects held: a recognised form by its key, any
    other text as "other" with the text kept; nothing for an empty text."""
    text = text.strip()
    if not text:
        return "", ""
    key = recognise(text)
    return (key, "") if key and key != OTHER else (OTHER, text)


def suffix(controller: "Controller") -> str:
    """What follows the company's name: the form's suffix, or the user's own text."""
    form = FORMS.get(controller.legal_form)
    if form is None:  # not a key of the list (a hand-edited file): the text is the form
        return controller.legal_form.strip()
    return controller.legal_form_other.strip() if form.key == OTHER else form.suffix


def _ends_with(name: str, text: str) -> bool:
    tokens = _tokens(text)
    if not tokens:
        return False
    pattern = r"(?:^|[\s,])" + r"[\s.]*".join(map(re.escape, tokens)) + r"[\s.]*$"
    return re.search(pattern, name, re.IGNORECASE) is not None


def named_in(name: str) -> str | None:
    """The key of the legal form ``name`` ends with ("Bäckerei Sonne GmbH" → "gmbh"), the longest
    one that fits ("… GmbH & Co. KG" is no "KG"); None when it ends with none."""
    found = [(len(text), form.key) for form in FORMS.values() if form.key != OTHER
             for text in (form.suffix, *form.known) if text and _ends_with(name.strip(), text)]
    return max(found)[1] if found else None


def full_name(controller: "Controller") -> str:
    """The company's name with its legal form, once: "Müller" + GmbH → "Müller GmbH", and
    "Müller GmbH" stays "Müller GmbH". Empty while the name is empty."""
    name = controller.name.strip()
    tail = suffix(controller)
    if not name or not tail:
        return name
    form = FORMS.get(controller.legal_form)
    written = (tail, *(form.known if form else ()))
    return name if any(_ends_with(name, t) for t in written) else f"{name} {tail}"


def merchant(controller: "Controller") -> bool | None:
    """True for a merchant (§ 257 HGB applies), False for a form that is none, None when the form
    is not chosen or is the user's own text."""
    form = FORMS.get(controller.legal_form)
    return None if form is None else form.merchant


def owned_by_person(controller: "Controller") -> bool:
    """True for a sole trader, an e. K. or a freelancer: the controller is the owner as a person,
    so the policy names the owner ("Inhaber/in") rather than a representative."""
    form = FORMS.get(controller.legal_form)
    return form is not None and form.person

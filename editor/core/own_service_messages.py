"""What the record rules find in a user's own service, in the words of its form and in the
user's language. The rules are written for pack authors ("name the exception in
device_access_exception …"); the form's list of open points and the checks' findings both say
them this way. A rule without a wording here keeps its own text, after the field's name."""
from __future__ import annotations

from .own_services import field_label

_RULES = {  # field → (de, en)
    "provider.privacy_url": ("Die Datenschutzhinweise müssen eine https://-Adresse sein.",
                             "The privacy notice must be an https:// address."),
    "provider.privacy_url_en": ("Die englischen Datenschutzhinweise müssen eine https://-Adresse sein.",
                                "The English privacy notice must be an https:// address."),
    "provider.country": ("Wählen Sie das Land des Anbieters aus der Liste oder geben Sie seinen Namen oder "
                         "Ländercode mit zwei Buchstaben ein, z. B. Niederlande oder NL.",
                         "Choose the provider's country from the list, or type its name or its two-letter code, "
                         "e.g. Netherlands or NL."),
    "provider": ("Nennen Sie den Anbieter.", "Name the provider."),
    "purposes": ("Nennen Sie mindestens einen Zweck.", "Name at least one purpose."),
    "data": ("Nennen Sie mindestens eine Art von Daten.", "Name at least one kind of data."),
    "joint_control": ("Sagen Sie, was die Vereinbarung zur gemeinsamen Verantwortung regelt.",
                      "Say what the joint-control arrangement covers."),
    "category": ("Wählen Sie eine Kategorie.", "Choose a category."),
    # own services have no field for a § 25 Abs. 2 exception: consent is the way they can take
    "device_access": ("Der Zugriff auf das Endgerät der Besucher braucht deren Einwilligung (§ 25 Abs. 1 TDDDG): "
                      "Geben Sie einen Zweck mit der Rechtsgrundlage „Einwilligung“ an.",
                      "Access to the visitor's device needs their consent (Section 25(1) TDDDG): add a purpose "
                      "with the legal basis “consent”."),
}
_INTEREST = ("Nennen Sie das berechtigte Interesse zu %1.", "Spell out the legitimate interest of %1.")


def rule_text(field: str, message: str, lang: str) -> str:
    """A rule's finding about ``field`` of an own service, as its form says it, in ``lang``."""
    index = lang != "de"
    if field in _RULES:
        return _RULES[field][index]
    if field.startswith("purposes[") and field.endswith(".interest"):
        return _INTEREST[index].replace("%1", field_label(field, lang))
    text = f"{field_label(field, lang)}: {message}" if field else message
    return text if text.endswith(".") else text + "."

"""Shared pieces of the writer tests: a small hand-built German policy that uses every block
and run kind, and the golden-file comparison."""
import os
from pathlib import Path

from editor.core.document import Box, BulletList, Document, Heading, Paragraph, Run, Section, Table

COMPANY = "Müller & *Söhne* [GmbH]"


def sample(language: str = "de", company: str = COMPANY) -> Document:
    """A small German policy that uses every block and run kind."""
    intro = Section("intro", "1", "Überblick", (
        Paragraph((Run("Wir sind "), Run("verantwortlich", bold=True), Run(" für "), Run("Ihre", italic=True),
                   Run(" Daten. Mehr auf "), Run("unserer Website", link="https://example.com/datenschutz?a=1&b=2"),
                   Run(". Telefon: "), Run("Telefonnummer", placeholder=True), Run(".\nZweite Zeile <ok> & gut."))),
        BulletList(((Run("Name"),), (Run("E-Mail-Adresse"),))),
        BulletList(((Run("erstens"),), (Run("zweitens"),)), ordered=True),
    ))
    analytics = Section("category-analytics", "2", "Analyse", (Paragraph((Run("Wir messen Besuche."),)),), (
        Section("service-matomo", "2.1", "Matomo (selbst gehostet)", (
            Heading((Run("Speicherdauer"),)),
            Table(((Run("Daten"),), (Run("Dauer"),)),
                  (((Run("IP-Adresse"),), (Run("gekürzt", italic=True),)), ((Run("Besuche"),), (Run("180 Tage"),)))),
            Box((Paragraph((Run("Widerspruchsrecht", bold=True),)),
                 Paragraph((Run("Sie können jederzeit widersprechen: "), Run("E-Mail", link="mailto:datenschutz@example.com"),
                            Run(".")),))),
        )),
    ))
    return Document(language, "Datenschutzerklärung", company, "21.11.2026", (intro, analytics),
                    (("generator", "Policy Editor"),))


GOLDEN = Path(__file__).resolve().parent / "golden"


def check_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/<name>; UPDATE_GOLDEN=1 writes the file instead."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.read_text(encoding="utf-8") == actual, f"{name} differs from the golden file (UPDATE_GOLDEN=1 to accept)"

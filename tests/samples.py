"""Shared piece of the writer tests: a small hand-built German policy that uses every block
and run kind (the golden-file comparison is in golden_files.py)."""
from datetime import date

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
    return Document(language, "Datenschutzerklärung", company, date(2026, 11, 21), (intro, analytics),
                    (("generator", "Policy Editor"),))


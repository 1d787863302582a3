"""A practice's policy names the patient-record period in its general retention section, not only
under one booking tool (walk8 14); a shop's does not."""
import pytest

from editor.core.compose import compose
from editor.core.project import SelectedService, example_project
from editor.export.markdown import render

# § 630f Abs. 3 BGB: ten years after the treatment ended "soweit nicht nach anderen Vorschriften
# andere Aufbewahrungsfristen bestehen" — other periods, not only longer ones (X-ray records of a
# minor: to the 28th birthday, § 85 Abs. 2 StrlSchG)
RECORDS = {"de": "Patientenakten bewahren wir zehn Jahre nach Abschluss der Behandlung auf, soweit nicht andere "
                 "Vorschriften eine andere Frist bestimmen (§ 630f Abs. 3 BGB).",
           "en": "We keep patient records for ten years after the treatment has ended, unless other rules set a "
                 "different period (Section 630f(3) German Civil Code)."}


def retention(catalog, services, lang):
    project = example_project()
    project.services = [SelectedService(id=s) for s in services]
    (section,) = [s for s in compose(catalog, project, lang).walk() if s.id == "retention"]
    return " ".join(" ".join(r.text for r in block.runs) for block in section.blocks if hasattr(block, "runs"))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_practice_names_the_patient_record_period_a_shop_does_not(catalog, lang):
    assert RECORDS[lang] in retention(catalog, ["dr-flex", "contact-form"], lang)
    assert RECORDS[lang] in retention(catalog, ["practice-software-local"], lang)  # by its category
    assert RECORDS[lang] not in retention(catalog, ["contact-form", "woocommerce"], lang)


def test_the_cached_section_follows_the_selection(catalog):
    project = example_project()
    project.services = [SelectedService(id="contact-form")]
    assert RECORDS["de"] not in render(compose(catalog, project, "de"))
    project.services.append(SelectedService(id="dr-flex"))
    assert RECORDS["de"] in render(compose(catalog, project, "de"))


def test_the_patient_record_period_is_said_once_in_the_retention_section(catalog):
    # lawyer9: five practice services repeated "10 Jahre … (§ 630f Abs. 3 BGB)"; each now points to
    # "Speicherdauer", which states the rule whenever a service for patients is selected
    repeating = [s.id for s in catalog.services.values() if s.retention is not None
                 for text in (s.retention.de, s.retention.en) if "630f" in text]
    assert repeating == []
    # a text that points to the patient record belongs to a practice's service or to a health-data
    # option, both of which make the retention section state the period
    assert all(catalog.serves_patients(s) or any(o.id == "health_data" for o in s.options)
               for s in catalog.services.values() if s.retention is not None and "Patientenakte" in s.retention.de)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_contact_channel_taking_health_data_names_the_period_in_the_retention_section(catalog, lang):
    # its text points there ("Aufbewahrung siehe „Speicherdauer“"), also without a practice's service
    project = example_project()
    project.services = [SelectedService(id="contact-form", options={"health_data": True})]
    (section,) = [s for s in compose(catalog, project, lang).walk() if s.id == "retention"]
    assert RECORDS[lang] in " ".join(" ".join(r.text for r in b.runs) for b in section.blocks if hasattr(b, "runs"))

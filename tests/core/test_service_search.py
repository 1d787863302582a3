"""The checklist's search (editor.core.service_search) finds what a German shop owner types."""
import pytest

from editor.core.service_search import CATEGORY, KEYWORD, NAME, SearchIndex, normalise, one_edit_apart, stem


@pytest.fixture(scope="module")
def index(catalog):
    return SearchIndex.of_catalog(catalog)


def ids(hits):
    return [h.id for h in hits]


def in_category(catalog, category):
    return {s.id for s in catalog.services.values() if s.category == category}


def test_normalise_spells_out_umlauts_and_sharp_s():
    assert normalise("Überweisung") == "ueberweisung"
    assert normalise("Straße GRÜSSE Café") == "strasse gruesse cafe"


@pytest.mark.parametrize("word, expected", [("zahlungs", "zahlung"), ("termine", "termin"), ("payments", "payment"),
                                            ("rechnungen", "rechnung"), ("abo", "abo"), ("gmbh", "gmbh")])
def test_stem_takes_off_one_ending(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize("a, b, apart", [("kalender", "kalnder", True), ("stripe", "strpie", True),
                                         ("klarna", "klarma", True), ("klarna", "klarnaa", True),
                                         ("kalender", "kalendar", True), ("kalender", "kalender", False),
                                         ("kalender", "kelendar", False), ("abc", "cba", False)])
def test_one_edit_apart(a, b, apart):
    assert one_edit_apart(a, b) is apart
    assert one_edit_apart(b, a) is apart


def test_a_word_with_an_ending_finds_every_payment_provider(index, catalog):
    """Today only SumUp ("Online-Zahlungen"): the ending hid the rest."""
    payment = in_category(catalog, "payment")
    assert len(payment) > 5
    assert set(ids(index.search("Zahlungs"))) >= payment
    assert set(ids(index.search("Zahlungen"))) >= payment


def test_a_word_stem_finds_prepayment_and_invoice_through_its_category(index, catalog):
    hits = ids(index.search("Zahlung"))
    assert "bank-transfer" in hits  # "Vorkasse und Kauf auf Rechnung": only its category says "Zahlung…"
    assert set(hits) >= in_category(catalog, "payment")


@pytest.mark.parametrize("query", ["Payment providers", "Zahlungsdienstleister", "zahlungsdienstleister"])
def test_category_names_in_either_language(index, catalog, query):
    assert set(ids(index.search(query))) >= in_category(catalog, "payment")


def test_a_part_inside_a_compound_and_a_compound_of_known_words(index, catalog):
    assert "bank-transfer" in ids(index.search("kauf"))  # "Kauf auf Rechnung"
    assert "unzer" in ids(index.search("kauf"))  # keyword "Rechnungskauf"
    found = ids(index.search("Onlinezahlungen"))  # "zahlung" is the longer part: payments first
    assert "sumup" in found and catalog.services[found[0]].category == "payment"


@pytest.mark.parametrize("query", ["Ueberweisung", "Überweisung", "ueberweisungen", "UEBERWEISUNG"])
def test_umlauts_spelled_out_or_not(index, query):
    assert ids(index.search(query))[0] == "bank-transfer"


def test_umlauts_and_sharp_s_match_both_ways():
    index = SearchIndex([("street", [("Straßenkarte", NAME)]), ("greetings", [("Gruesse", NAME)]),
                         ("cafe", [("Café Müller", NAME)])])
    assert ids(index.search("Strasse")) == ["street"]
    assert ids(index.search("Straße")) == ["street"]
    assert ids(index.search("Grüße")) == ["greetings"]
    assert ids(index.search("cafe mueller")) == ["cafe"]


def test_several_words_are_ranked_by_how_many_match(index):
    hits = index.search("Google Kalender Termine")
    assert "google-workspace" in ids(hits[:3])  # "Google" and "Termine"
    assert ids(hits)[0] == "google-calendar-integration"  # both words in its name
    assert hits[0].matched == 2 and hits[-1].matched == 1
    assert [h.matched for h in hits] == sorted((h.matched for h in hits), reverse=True)
    found = ids(hits)
    assert "calendly" in found  # "Termin" alone is enough to be offered
    assert "google-analytics" in found and found.index("google-analytics") > found.index("google-workspace")


@pytest.mark.parametrize("query", ["Google Business", "google business profile", "Google Bewertungen",
                                   "Google Unternehmensprofil"])
def test_words_narrow_the_search_when_a_service_has_them_all(index, query):
    """walk9: "Google Business" listed the Business Profile among twenty Google services and
    WhatsApp Business, each with one of the words. A service with every word is what was meant."""
    hits = index.search(query)
    assert ids(hits)[0] == "google-reviews"
    assert all(h.matched == len(index.query_words(query)) for h in hits)
    assert not {"google-analytics", "google-fonts", "whatsapp-business"} & set(ids(hits))


def test_without_a_service_that_has_every_word_each_word_still_finds_its_services():
    index = SearchIndex([("maps", [("Google Maps", NAME)]), ("osm", [("OpenStreetMap Karten", NAME)]),
                         ("fonts", [("Google Fonts", NAME)])])
    assert ids(index.search("Google Maps")) == ["maps"]
    assert ids(index.search("Google Karten")) == ["maps", "osm", "fonts"]  # none has both: either word


def test_joining_words_do_not_count():
    index = SearchIndex([("transfer", [("Vorkasse und Kauf auf Rechnung", NAME)]),
                         ("hosting", [("Hosting und Bereitstellung", CATEGORY)])])
    assert ids(index.search("Vorkasse und Rechnung")) == ["transfer"]
    assert ids(index.search("und")) == ["transfer", "hosting"]  # nothing else typed: it is looked for


@pytest.mark.parametrize("query, expected", [("Kalnder", "google-calendar-integration"), ("Strpie", "stripe"),
                                             ("Klarma", "klarna"), ("Uberweisung", "bank-transfer"),
                                             ("Calendyl", "calendly")])
def test_one_typo_in_a_word_of_five_letters_or_more(index, query, expected):
    assert expected in ids(index.search(query))


def test_short_words_are_not_corrected(index):
    assert "zoom" not in ids(index.search("Zoon"))  # four letters: too many neighbours
    assert "zoom" in ids(index.search("Zoom"))


def test_names_count_more_than_keywords_and_categories():
    index = SearchIndex([("category", [("Karten", CATEGORY)]), ("keyword", [("Karten", KEYWORD)]),
                         ("name", [("Karten", NAME)])])
    assert ids(index.search("karten")) == ["name", "keyword", "category"]


def test_exact_beats_a_beginning_beats_a_part_and_a_typo_only_without_them():
    index = SearchIndex([("typo", [("Kalendar", NAME)]), ("part", [("Terminkalender", NAME)]),
                         ("prefix", [("Kalenderwoche", NAME)]), ("exact", [("Kalender", NAME)])])
    assert ids(index.search("Kalender")) == ["exact", "prefix", "part"]  # spelled as a known word: no typo
    assert ids(index.search("Kalendr")) == ["typo", "exact"]


def test_no_words_means_no_search_and_nonsense_finds_nothing(index):
    assert index.search("") is None and index.search("  -- ") is None
    assert index.search("zzzzqx") == []


def test_ties_keep_the_order_given():
    index = SearchIndex([(str(n), [("Dienst", NAME)]) for n in range(5)])
    assert ids(index.search("dienst")) == ["0", "1", "2", "3", "4"]


def test_a_prefix_search_costs_no_scan_of_every_word(monkeypatch):
    """Typing one letter looks up a sorted run, it does not search the whole vocabulary text."""
    index = SearchIndex([(str(n), [(f"wort{n} anderes{n}", NAME)]) for n in range(2000)])
    text = index._text
    calls = []

    class Counting(str):
        def find(self, *args):
            calls.append(args)
            return str.find(self, *args)
    index._text = Counting(text)
    assert len(index.search("w")) == 2000
    assert calls == []


def test_a_stem_inside_another_compound_is_no_match(index, catalog):
    """"Schriften" listed PayPal, Ratepay and SEPA: its stem "schrift" is inside "Lastschrift"."""
    found = ids(index.search("Schriften"))
    assert found and {catalog.services[s].category for s in found} == {"fonts"}
    assert "google-fonts" in found and "sepa-direct-debit" not in found and "paypal" not in found


def test_a_word_is_no_match_for_its_opposite(index, catalog):
    """"Kontakt" listed the card terminals (keyword "kontaktlos", contactless)."""
    found = ids(index.search("Kontakt"))
    assert {"email-contact", "contact-form"} <= set(found)
    assert not [s for s in found if catalog.services[s].category == "offline"]
    assert ids(SearchIndex([("cash", [("bargeldlos", NAME)]), ("money", [("Bargeld", NAME)])]).search("Bargeld")) == ["money"]


def test_a_part_inside_a_word_must_be_able_to_be_a_member_of_the_compound():
    index = SearchIndex([("end", [("Rechnungskauf", NAME)]), ("middle", [("Verkaufsstelle", NAME)]),
                         ("long", [("Onlinezahlungsdienst", NAME)])])
    assert ids(index.search("kauf")) == ["end"]  # "kauf" inside "verkaufsstelle" is too short to be sure
    assert ids(index.search("zahlung")) == ["long"]  # six letters and more: a member wherever it is


def test_a_service_the_catalog_lacks_gets_no_guesses(index):
    """"Blumenabo-Plattform XY" listed ~20 learning, delivery and form services."""
    assert index.search("Blumenabo-Plattform XY") == []
    assert index.search("Blumenabo Zahlung")  # a word that is known for sure still finds its services
    assert all(h.matched == 1 for h in index.search("Blumenabo Zahlung"))
    assert index.search("Plattform")  # on its own, the word is offered its compounds


def test_a_compound_is_split_only_into_known_words():
    """"Shopify" listed every shop system ("shop" + "ify"), "Usercentrics" the login services
    ("user"), "Kartenterminal" the booking services ("termin" inside "terminal")."""
    index = SearchIndex([("shopify", [("Shopify", NAME)]), ("shops", [("Online-Shop", NAME)]),
                         ("login", [("User", NAME)]), ("terminal", [("Card terminal", NAME)]),
                         ("booking", [("Termin", NAME)]), ("maps", [("Karten", NAME)]),
                         ("pay", [("Zahlung", NAME)]), ("mail", [("Newsletter", NAME)]), ("ship", [("Versand", NAME)]),
                         ("post", [("Letters", NAME)]), ("club", [("News", NAME)])])
    assert ids(index.search("Shopify")) == ["shopify"]
    assert index.search("Usercentrics") == []
    assert set(ids(index.search("Kartenterminal"))) == {"terminal", "maps"}
    assert set(ids(index.search("Newsletterversand"))) == {"mail", "ship"}
    assert ids(index.search("Kartenzahlungen"))[0] == "pay"  # the last part with an ending, the longer part first
    assert set(ids(index.search("Zahlungsversand"))) == {"pay", "ship"}  # joined by a linking s
    assert set(ids(index.search("Kartenzahl"))) == {"maps", "pay"}  # the last part still being typed
    assert ids(index.search("Newsletter")) == ["mail"]  # a known word: not "News" + a beginning of "Letters"
    assert ids(index.search("Newslettertool")) == ["mail"]  # a generic tail closes the compound
    assert ids(index.search("Zahlungsvergleich")) == ["pay"]
    assert index.search("Tool") == []  # on its own the tail finds nothing


def test_a_shop_system_or_banner_name_finds_itself_not_its_neighbours(index, catalog):
    assert ids(index.search("shopify")) == ["shopify"]
    assert not [s for s in ids(index.search("usercentrics")) if catalog.services[s].category == "accounts"]
    assert not [s for s in ids(index.search("Kartenterminal")) if catalog.services[s].category == "booking"]


@pytest.mark.parametrize("query", ["Hoster", "Webhoster", "webhoster", "Hoster Passau"])
def test_what_people_call_a_hosting_provider_finds_the_hosting_providers_first(index, catalog, query):
    """walk8: "Hoster" found 70 self-hosted programs ("hosted" one letter off) and no hosting provider;
    "Webhoster" found nothing — the words of the app's own texts ("auf dem Server unseres Hosters")."""
    hits = index.search(query)
    hosting = in_category(catalog, "hosting")
    assert {"strato", "ionos", "all-inkl", "hetzner"} <= set(ids(hits))
    best = {h.id for h in hits if h.score == hits[0].score}  # every provider before the guesses
    assert hosting <= best and best - hosting <= {"awstats"}  # AWStats: "Hoster-Statistik"


def test_a_word_spelled_right_is_not_corrected(index, catalog):
    """walk9 9: "Bewertungen" listed job applications ("Bewerbungen", one letter apart) with the
    reviews: a word that finds services as typed is no typo."""
    for query in ("Bewertungen", "Bewertung"):
        hits = ids(index.search(query))
        assert set(hits) >= in_category(catalog, "reviews")
        assert not set(hits) & ({"job-applications"} | in_category(catalog, "recruiting"))
    assert "job-applications" in ids(index.search("Bewerbungen"))


def test_a_whole_word_ranks_before_the_first_member_of_a_compound(index, catalog):
    """walk9 9: "Karte" put card terminals ("Kartenterminal") before Google Maps, whose keyword
    is "Karte": a compound that merely starts with the word is a kind of its last member."""
    for query in ("Karte", "Karten"):
        hits = ids(index.search(query))
        assert catalog.services[hits[0]].category == "maps", query  # the checklist shows it first
        terminals = [n for n, sid in enumerate(hits) if sid.endswith("card-terminal")]
        assert terminals and hits.index("google-maps") < min(terminals), query
    assert ids(index.search("Zahl"))[:1] and set(ids(index.search("Zahl"))) >= in_category(catalog, "payment")

"""Finding services by what a German shop owner types: the checklist's search, without Qt.

A query is split into words; a service is a hit when it matches every word ("Google Business" is
the Business Profile, not every Google service) — or, when no service matches them all, any of
them, ranked by how many match. Hits are ranked by how well they match. A word matches

- a word of the service exactly, as its beginning ("Zahl" → "Zahlung") — unless the rest turns
  it into its opposite ("Kontakt" is not "kontaktlos") — or, from four letters, inside a compound
  where it can be a member of it: at its end ("kauf" → "Rechnungskauf") or with six letters;
- after a German or English ending is taken off ("Zahlungs", "Termine", "payments"), as a word
  or its beginning only ("Schriften" → "Schriftarten", not "Lastschrift");
- when the query word holds a known word ("Onlinezahlung" → "Zahlung");
- with one letter wrong, missing, extra or swapped, in words of five letters or more — unless the
  word finds services as typed ("Bewertungen" is no misspelt "Bewerbungen").

A word that begins a longer one with more than an ending is the first member of a compound
("Karte" → "Kartenterminal", a kind of terminal): it ranks below a whole word ("Karte" as a keyword
of Google Maps).

A match inside a compound or with a typo is a guess: when a query word of four letters or more
finds nothing at all (a service the catalog lacks: "Blumenabo-Plattform"), guesses are not shown.

Umlauts and ß count the same as their spelled-out forms (ä = ae, ß = ss), both ways, and the
words of a service are its names in both languages, id, keywords, provider and the names of
its category in both languages and its category's keywords — names count most, the category's
title least.

Everything the matching needs is worked out once per catalog (``SearchIndex``); a keystroke
costs a few dictionary look-ups and string searches per query word.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from itertools import repeat
from typing import Iterable, NamedTuple, Sequence

# how much a match in each kind of text counts
NAME, KEYWORD, PROVIDER, CATEGORY = 1.0, 0.8, 0.7, 0.5
# how good each kind of match is
EXACT, PREFIX, STEM, FIRST_MEMBER, PART, TYPO = 1.0, 0.9, 0.85, 0.65, 0.6, 0.5
SURE = FIRST_MEMBER  # a match at least this good is no guess (below a whole word as a keyword, its stem too)
MIN_PART = 4  # a word part (inside a compound) has at least this many letters
MIN_TYPO = 5  # words shorter than this are not corrected: too many near neighbours
MIN_INNER_PART = 6  # a part neither at the start nor the end of a word has at least this many letters
# what turns a word into its opposite when added to it ("kontaktlos", "werbefrei", "cashless")
_NEGATING = ("los", "lose", "losen", "loser", "frei", "freie", "freien", "less", "free")

# endings of a query word and what stays of them, longest first; a stem keeps at least MIN_PART
# letters. Not "-er": it is part of too many words (Kalender, Anbieter, Server).
_ENDINGS = (("ungen", "ung"), ("innen", "in"), ("ies", "y"), ("en", ""), ("es", ""),
            ("e", ""), ("n", ""), ("s", ""))
# what closes many a compound a shop owner types without naming a kind of service ("Newsletter|tool",
# "Zahlungsanbieter|vergleich"): taken as its last part, matched by nothing
# what may follow a query word in a known word that is the same word, not a compound ("Karte|n")
_INFLECTIONS = frozenset({"e", "n", "en", "s", "es", "er", "ern", "in", "innen"})
_GENERIC_TAILS = frozenset({"tool", "tools", "system", "systeme", "software", "programm", "app", "apps", "plugin",
                            "plugins", "dienst", "dienste", "loesung", "loesungen", "vergleich", "anbieter",
                            "plattform", "service", "services", "anbindung", "integration", "funktion"})
# words that only join others: ignored unless the query has nothing else
_JOINERS = frozenset({"und", "oder", "der", "die", "das", "den", "dem", "des", "mit", "fuer", "von", "vom", "auf",
                      "im", "in", "zu", "zum", "zur", "am", "an", "and", "or", "the", "of", "for", "with", "a", "to"})
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_SPLIT = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """Lower case, umlauts and ß spelled out, other accents dropped (é → e)."""
    text = text.casefold().translate(_FOLD)  # casefold turns ß into ss already, ẞ too
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The normalised words of ``text`` ("Google-Kalender-Anbindung" → google, kalender, anbindung)."""
    return [w for w in _SPLIT.split(normalise(text)) if w]


def stem(word: str) -> str:
    """``word`` without one German or English ending ("zahlungs" → "zahlung", "termine" → "termin")."""
    for ending, kept in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) + len(kept) >= MIN_PART:
            return word[: -len(ending)] + kept
    return word


def one_edit_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter changed, added, removed or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    return a[i + 1:] == b[i + 1:] or (i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:])


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _negated(known: str, part: str) -> bool:
    """Whether ``known`` is ``part`` with an ending that says "without" it."""
    return known[len(part):] in _NEGATING


def _plausible_member(known: str, part: str, position: int) -> bool:
    """Whether ``part``, found at ``position`` inside ``known``, can be a member of that compound."""
    return position + len(part) == len(known) or len(part) >= MIN_INNER_PART


class Hit(NamedTuple):
    id: str
    matched: int  # how many query words match
    score: float  # how well, summed over the words


class SearchIndex:
    """The normalised words of every service, worked out once."""

    def __init__(self, records: Iterable[tuple[str, Sequence[tuple[str, float]]]]) -> None:
        """``records``: (service id, [(text, weight), …]) in the order results tie in."""
        self.ids: list[str] = []
        self._postings: dict[str, dict[int, float]] = {}  # word → service index → best weight
        postings = self._postings
        split: dict[str, list[str]] = {}  # text → its words: category names come once per service
        for index, (sid, texts) in enumerate(records):
            self.ids.append(sid)
            for text, weight in texts:
                found_words = split.get(text)
                if found_words is None:
                    found_words = split[text] = words(text)
                for word in found_words:
                    found = postings.get(word)
                    if found is None:
                        found = postings[word] = {}
                    if found.get(index, 0.0) < weight:
                        found[index] = weight
        vocabulary = sorted(self._postings)
        # every word on a line of its own: substring search runs in C; a position → its word
        self._text = "\n".join(vocabulary)
        self._vocabulary = vocabulary
        self._starts, position = [], 0
        for word in vocabulary:
            self._starts.append(position)
            position += len(word) + 1
        # a word with one letter deleted → the words it came from, separated by spaces: strings, not
        # lists, which the cyclic collector would walk (tens of thousands; its passes during the
        # build cost more than the build)
        self._near: dict[str, str] = {}
        near = self._near
        for word in vocabulary:
            if len(word) >= MIN_TYPO:  # (a shorter known word is reached by deleting from the query)
                for short in _deletions(word):
                    found = near.get(short)
                    near[short] = word if found is None else found + " " + word
        self._cache: dict[str, tuple[dict[int, float], set[int]]] = {}  # query word → _word_scores()
        self._before: tuple | None = None  # the words before the last one typed, and _combined() of them

    @classmethod
    def of_catalog(cls, catalog, lang: str = "de") -> "SearchIndex":
        """The services of ``catalog`` in the checklist's order: by category, then by name in ``lang``."""
        def texts(service, category):
            found = [(service.id, NAME), (service.names.de, NAME), (service.names.en, NAME)]
            found += [(k, KEYWORD) for k in (*service.keywords, *category.keywords)]
            if service.provider is not None and getattr(service.provider, "entity", None):
                found.append((service.provider.entity, PROVIDER))
            return found + [(category.title.de, CATEGORY), (category.title.en, CATEGORY)]

        def records():  # one service at a time: the texts of all of them at once kept the collector busy
            for category in catalog.ordered_categories():
                for service in sorted(catalog.services_in(category.id), key=lambda s: s.name(lang).casefold()):
                    yield service.id, texts(service, category)

        return cls(records())

    # ------------------------------------------------------------------ searching
    @staticmethod
    def query_words(query: str) -> list[str]:
        """The words of ``query`` that are looked for: each once, joining words ("und") left out
        unless there is nothing else."""
        typed = list(dict.fromkeys(words(query)))
        return [w for w in typed if w not in _JOINERS] or typed

    def search(self, query: str) -> list[Hit] | None:
        """The services matching ``query``, best first; None when it has no words (show all)."""
        looked_for = self.query_words(query)
        if not looked_for:
            return None
        # typing changes the last word only: what the words before it found is kept
        before = tuple(looked_for[:-1])
        if self._before is None or self._before[0] != before:
            self._before = (before, *self._combined(before, {}, {}, set(), False))
        _, matched, score, sure, unknown_word = self._before
        matched, score, sure, unknown_word = self._combined(looked_for[-1:], dict(matched), dict(score), set(sure),
                                                            unknown_word)
        if unknown_word:  # the query names what the catalog does not know: no guesses about the rest
            matched = {i: n for i, n in matched.items() if i in sure}
        every = len(looked_for)
        if every > 1 and every in matched.values():  # the words narrow the search: the services with them all
            matched = {i: n for i, n in matched.items() if n == every}
        # best first: most words matched, then the best score, then the catalog's order (stable sorts)
        order = sorted(matched)
        order.sort(key=score.__getitem__, reverse=True)
        order.sort(key=matched.__getitem__, reverse=True)
        # tuple.__new__ through map: a thousand hits without a Python call each (NamedTuple's __new__)
        fields = zip(map(self.ids.__getitem__, order), map(matched.__getitem__, order), map(score.__getitem__, order))
        return list(map(tuple.__new__, repeat(Hit), fields))

    def _combined(self, looked_for, matched: dict[int, int], score: dict[int, float], sure: set[int],
                  unknown_word: bool) -> tuple[dict[int, int], dict[int, float], set[int], bool]:
        """``matched``, ``score`` and ``sure`` (found by a match that is no guess) with the words
        ``looked_for`` added, and whether one of them is a word the catalog does not know."""
        for word in looked_for:
            found, certain = self._word_scores(word)
            unknown_word = unknown_word or (not found and len(word) >= MIN_PART)
            for index, value in found.items():
                matched[index] = matched.get(index, 0) + 1
                score[index] = score.get(index, 0.0) + value
            sure |= certain
        return matched, score, sure, unknown_word

    def _word_scores(self, word: str) -> tuple[dict[int, float], set[int]]:
        """Service index → score for ``word``, and the indexes found by more than a guess."""
        cached = self._cache.get(word)
        if cached is None:
            found: dict[int, float] = {}
            certain: set[int] = set()
            for known, quality in self._matches(word).items():
                for index, weight in self._postings[known].items():
                    value = quality * weight
                    if found.get(index, 0.0) < value:
                        found[index] = value
                    if quality >= SURE:
                        certain.add(index)
            if len(self._cache) > 512:  # typing makes a new word per key: keep the cache small
                self._cache.clear()
            cached = self._cache[word] = (found, certain)
        return cached

    def _matches(self, word: str) -> dict[str, float]:
        """The known words ``word`` matches, each with the quality of its best match."""
        best: dict[str, float] = {}

        def note(known: str, quality: float) -> None:
            if best.get(known, 0.0) < quality:
                best[known] = quality

        stemmed = stem(word)
        # a stem is looked for at the start of words only: the shorter part hides in too many compounds
        for part, exact, prefix, inside in ((word, EXACT, PREFIX, len(word) >= MIN_PART),) + (
                ((stemmed, STEM, STEM, False),) if stemmed != word else ()):
            for known, position in self._containing(part, inside=inside):
                if position:
                    if _plausible_member(known, part, position):
                        note(known, PART)
                elif len(known) == len(part):
                    note(known, exact)
                elif not _negated(known, part):
                    note(known, prefix if known[len(part):] in _INFLECTIONS else min(prefix, FIRST_MEMBER))
        for start, end, known in self._compound_parts(word):
            # the longer part carries the meaning ("Online|zahlungen" is about payments)
            note(known, PART * (end - start) / len(word))
        if len(word) >= MIN_TYPO and not any(quality >= SURE for quality in best.values()):
            candidates = set(self._near.get(word, "").split())  # a letter missing in the query
            for short in _deletions(word):
                if short in self._postings:  # a letter too many
                    candidates.add(short)
                candidates.update(self._near.get(short, "").split())  # a letter wrong, or two swapped
            for known in candidates:
                if one_edit_apart(word, known):
                    note(known, TYPO)
        return best

    def _compound_parts(self, word: str) -> list[tuple[int, int, str]]:
        """(start, end, known word) of the parts of ``word`` when it is made of known words and
        nothing else — a linking s may join two ("Zahlungs|anbieter"), the last may carry an ending
        or be typed only in part ("Karten|zahl") or a generic tail ("Newsletter|tool"). "Shopify" is
        not "Shop" + "ify", and "termin" in "Kartenterminal" is no part of it."""
        postings, n = self._postings, len(word)
        # a word that is known, or begins one, is typed whole: its last part must be a word too
        # ("Newsletter" is no "news" + a beginning of "letters")
        typed_whole = next(self._containing(word, inside=False), None) is not None
        parts: list[tuple[int, int, str]] = []
        splits: dict[int, bool] = {}  # start → whether the rest of the word from there is made of known words

        def last(part: str) -> list[str]:
            if part in postings:
                return [part]
            if stem(part) in postings:
                return [stem(part)]
            return [] if typed_whole else [known for known, _ in self._containing(part, inside=False)]

        def rest_splits(start: int) -> bool:
            if start not in splits:
                found = False
                for end in range(start + MIN_PART, n + 1):
                    part = word[start:end]
                    if (start, end) == (0, n):
                        continue
                    if end == n:
                        known = last(part)
                        if not known and part in _GENERIC_TAILS and start:
                            found = True  # the parts before it are what was looked for
                            continue
                    elif part in postings and (rest_splits(end) or (word[end] == "s" and rest_splits(end + 1))):
                        known = [part]
                    else:
                        known = []
                    parts.extend((start, end, k) for k in known)
                    found = found or bool(known)
                splits[start] = found
            return splits[start]

        rest_splits(0)
        return parts

    def _containing(self, part: str, inside: bool):
        """(known word, where ``part`` is in it) for the known words holding ``part`` — only those
        that start with it unless ``inside``."""
        vocabulary = self._vocabulary
        first = bisect.bisect_left(vocabulary, part)  # sorted: the words starting with it are a run
        n = first
        while n < len(vocabulary) and vocabulary[n].startswith(part):
            yield vocabulary[n], 0
            n += 1
        if not inside:
            return
        text, starts = self._text, self._starts
        position = text.find(part)
        while position >= 0:
            n = bisect.bisect_right(starts, position) - 1
            if starts[n] != position:
                yield vocabulary[n], position - starts[n]
            position = text.find(part, position + 1)

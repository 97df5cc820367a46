"""What a visitor searched for, marked in the results' titles and snippets, and the country words a query means."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from casted_site.search.chinese import CJK_RUN

# A visitor writes "Korean" where the content says "Korea" (China-Korea…, …Strategy of Korea): neither stemmer
# makes one of the other, so the search looks for the country.
COUNTRY_ADJECTIVES = {
    "korean": "korea",
    "japanese": "japan",
    "swedish": "sweden",
    "norwegian": "norway",
    "austrian": "austria",
    "vietnamese": "vietnam",
    "canadian": "canada",
}

# English endings a word is marked without: "workshops" marks "Workshop", as the stemming search found it.
ENDINGS = re.compile(r"(?:ies|es|s|ing|ed)$")


def searched_words(terms):
    """The query's words as the search looks for them: a country adjective as its country."""
    return [COUNTRY_ADJECTIVES.get(term.casefold(), term) for term in terms]


def word_pattern(terms):
    """One pattern that finds each searched word in a text: a Chinese word as written, an English one by its stem
    followed by any ending, from the start of a word."""
    parts = []
    for term in sorted(set(terms), key=len, reverse=True):
        if CJK_RUN.fullmatch(term):
            parts.append(re.escape(term))
        else:
            stem = ENDINGS.sub("", term.casefold()) if len(term) > 4 else term.casefold()
            parts.append(r"\b" + re.escape(stem) + r"\w*")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def highlighted(text, pattern):
    """The text, escaped, with each searched word in <mark>."""
    text = str(text or "")
    if pattern is None:
        return escape(text)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces += [escape(text[last : match.start()]), "<mark>", escape(match.group()), "</mark>"]
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of the text is escaped

#!/usr/bin/env python3
"""Generates notebooks/data/translation.tsv: English sentences and their rule-based translation into
"Tavi", a small invented language, one `english<TAB>tavi` pair per line.

    python3 scripts/make_translation_tsv.py notebooks/data/translation.tsv

Tavi's rules, chosen so that a translation model has to reorder and not just substitute words:
- word order is subject, object, verb (SOV); a prepositional phrase comes after the subject;
- in a noun phrase the noun comes first, then its adjective, then the article: `le` for "the",
  `un` for "a"/"an" ("the big dog" -> "kana gros le");
- plural nouns add `i` ("dogs" -> "kanai"), and the object phrase is followed by the marker `ko`;
- the verb takes `ta` in the past tense ("saw" -> "vesata") and is followed by `na` when negated;
- "in/on/near the X" becomes "X le ine/supe/apu".
The seed is fixed, so running the script again gives the same file byte for byte.
"""
import random
import sys

SEED = 7
PAIRS = 800

NOUNS = {  # english singular, english plural, tavi
    "dog": ("dogs", "kana"), "cat": ("cats", "miro"), "bird": ("birds", "tila"),
    "child": ("children", "nuvo"), "teacher": ("teachers", "sefa"), "farmer": ("farmers", "ruko"),
    "fish": ("fish", "pesi"), "horse": ("horses", "ulma"), "friend": ("friends", "amiko"),
    "apple": ("apples", "pomo"), "book": ("books", "libro"), "letter": ("letters", "skiva"),
    "boat": ("boats", "navo"), "tree": ("trees", "arbo"), "king": ("kings", "rega"),
}
AGENTS = ["dog", "cat", "bird", "child", "teacher", "farmer", "horse", "friend", "king"]
PLACES = {"house": "domo", "garden": "gardo", "river": "rivo", "city": "urbo", "field": "kampo"}
PREPOSITIONS = {"in": "ine", "on": "supe", "near": "apu"}
ADJECTIVES = {"big": "gros", "small": "mik", "old": "vek", "young": "jun", "red": "ruz", "happy": "fela",
              "quiet": "kvie"}
VERBS = {  # english base, third person singular, past, tavi; objects each verb takes
    "see": ("sees", "saw", "vesa", ["dog", "cat", "bird", "child", "teacher", "farmer", "fish", "horse",
                                    "friend", "boat", "tree", "king"]),
    "like": ("likes", "liked", "ama", ["dog", "cat", "bird", "child", "teacher", "fish", "horse", "friend",
                                       "apple", "book", "king"]),
    "find": ("finds", "found", "trova", ["apple", "book", "letter", "boat", "fish", "cat", "dog"]),
    "eat": ("eats", "ate", "manga", ["apple", "fish"]),
    "read": ("reads", "read", "lega", ["book", "letter"]),
    "carry": ("carries", "carried", "porta", ["apple", "book", "letter", "fish", "child"]),
    "help": ("helps", "helped", "juva", ["child", "teacher", "farmer", "friend", "king"]),
}
READERS = {"child", "teacher", "farmer", "friend", "king"}


def noun_phrase(rng, noun, plural):
    english_noun = NOUNS[noun][0] if plural else noun
    tavi = [NOUNS[noun][1] + ("i" if plural else "")]
    english = []
    article = rng.choice(["the", "a"]) if not plural else "the"
    english.append(article)
    if rng.random() < 0.45:
        adjective = rng.choice(sorted(ADJECTIVES))
        english.append(adjective)
        tavi.append(ADJECTIVES[adjective])
    english.append(english_noun)
    tavi.append("le" if article == "the" else "un")
    if english[0] == "a" and english[1][0] in "aeiou":
        english[0] = "an"
    return english, tavi


def sentence(rng):
    verb = rng.choice(sorted(VERBS))
    third, past, tavi_verb, objects = VERBS[verb]
    agents = sorted(READERS) if verb == "read" else AGENTS
    subject = rng.choice(agents)
    subject_plural = rng.random() < 0.3
    english, tavi = noun_phrase(rng, subject, subject_plural)
    tense = rng.choice(["present", "present", "past"])
    negated = rng.random() < 0.2
    if rng.random() < 0.3:
        preposition = rng.choice(sorted(PREPOSITIONS))
        place = rng.choice(sorted(PLACES))
        english_pp = [preposition, "the", place]
        tavi_pp = [PLACES[place], "le", PREPOSITIONS[preposition]]
    else:
        english_pp, tavi_pp = [], []
    obj = rng.choice(objects)
    english_obj, tavi_obj = noun_phrase(rng, obj, rng.random() < 0.3)
    if tense == "past":
        english_verb = ["did", "not", verb] if negated else [past]
        tavi_verb_words = [tavi_verb + "ta"] + (["na"] if negated else [])
    else:
        if negated:
            english_verb = ["do" if subject_plural else "does", "not", verb]
        else:
            english_verb = [verb if subject_plural else third]
        tavi_verb_words = [tavi_verb] + (["na"] if negated else [])
    english_words = english + english_verb + english_obj + english_pp
    tavi_words = tavi + tavi_pp + tavi_obj + ["ko"] + tavi_verb_words
    return " ".join(english_words), " ".join(tavi_words)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "notebooks/data/translation.tsv"
    rng = random.Random(SEED)
    seen = set()
    pairs = []
    while len(pairs) < PAIRS:
        english, tavi = sentence(rng)
        if english in seen:
            continue
        seen.add(english)
        pairs.append((english, tavi))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for english, tavi in pairs:
            f.write(f"{english}\t{tavi}\n")


if __name__ == "__main__":
    main()

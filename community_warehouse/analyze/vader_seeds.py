"""Write VADER's lexicons as seeds, from the pinned vaderSentiment package (MIT licence).

    python -m community_warehouse.analyze.vader_seeds

seeds/vader_lexicon.csv: `vader_lexicon.txt` (token, mean valence; of a token listed twice, the later line).
Lookups are by the lower-cased token, so the 14 keys with capitals (`:D`, `O_o`, …) never match, exactly as in
the package.
seeds/vader_boosters.csv, vader_negations.csv, vader_special_cases.csv: the package's BOOSTER_DICT (degree
words and their ±0.293, including the two- and three-word ones its idiom check adds), NEGATE and
SPECIAL_CASES.
seeds/vader_emoji.csv: the entries of `emoji_utf8_lexicon.txt` that are one code point. The package reads a
text one code point at a time, so its 2,358 multi-code-point keys (flags, skin tones, ZWJ sequences) never
match either; leaving them out changes no score.
"""

from __future__ import annotations

import csv
from importlib import resources

from community_warehouse import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"


def lexicon_rows() -> list[tuple[str, str]]:
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    valences: dict[str, str] = {}
    for line in text.rstrip("\n").split("\n"):
        if line:
            token, measure = line.strip().split("\t")[0:2]
            # A token listed twice (`lol`, `fav`, …) has the later line's value, as in the package's dict.
            valences[token] = measure
    return list(valences.items())


def emoji_rows() -> list[tuple[str, str]]:
    text = resources.files("vaderSentiment").joinpath("emoji_utf8_lexicon.txt").read_text(encoding="utf-8")
    rows = []
    for line in text.rstrip("\n").split("\n"):
        emoji, description = line.strip().split("\t")[0:2]
        if len(emoji) == 1:
            rows.append((emoji, description))
    return rows


def write(name: str, header: tuple[str, str], rows: list) -> None:
    with (SEEDS / name).open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    from vaderSentiment import vaderSentiment as vader

    write("vader_lexicon.csv", ("token", "valence"), lexicon_rows())
    write("vader_emoji.csv", ("emoji", "description"), emoji_rows())
    write("vader_boosters.csv", ("word", "scalar"), sorted((w, repr(v)) for w, v in vader.BOOSTER_DICT.items()))
    write("vader_negations.csv", ("word", "rule"), [(w, "negates") for w in sorted(set(vader.NEGATE))])
    write(
        "vader_special_cases.csv",
        ("ngram", "valence"),
        sorted((k, repr(float(v))) for k, v in vader.SPECIAL_CASES.items()),
    )


if __name__ == "__main__":
    main()

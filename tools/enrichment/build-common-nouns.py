"""
Builds libs/enrichment/src/data/common-nouns.de.json: German common nouns (every inflected form
of a Wiktionary noun that is not also a place, surname, first name or other proper noun), kept
when they are frequent enough to turn up in news (wordfreq Zipf >= 3.0); and apart from them, the
equally frequent forms that are both a common noun and a place's name ("Zug", "Essen", "Halle"),
which are the noun after an article ("in dem Zug") and the town alone ("in Zug").

German capitalises every noun, so the entity tagger cannot tell "Ton", "Salon" or "Fußballer"
from a name by its shape; the extractor uses this list to drop a lone common noun the tagger
took for a name and to cut a role noun off the front of a person ("Fußballer Lionel Messi").

Sources (both CC BY-SA 4.0, so the list is too; see the README, "Dependencies and why"):
  german-nouns 1.2.5 (PyPI; gambolputty/german-nouns, compiled from Wiktionary DE)
  wordfreq 3.1.1 (PyPI; rspeer/wordfreq, frequency data)

  python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1 german-nouns==1.2.5
  /tmp/wf/bin/python tools/enrichment/build-common-nouns.py
"""
import csv
import json
import re
from pathlib import Path

import german_nouns
import wordfreq

MIN_ZIPF = 3.0
PROPER = {'Toponym', 'Nachname', 'Vorname', 'Eigenname'}
CASES = re.compile(r'(nominativ|genitiv|dativ|akkusativ) (singular|plural)( \d|\*)?$')
WORD = re.compile(r'[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?')

source = Path(list(german_nouns.__path__)[0]) / 'nouns.csv'
common, proper, toponyms = set(), set(), set()
with source.open(encoding='utf-8') as f:
    for row in csv.DictReader(f):
        tags = set(row['pos'].split(','))
        forms = {row['lemma']} | {v for k, v in row.items() if CASES.match(k or '') and v}
        forms = {w.strip() for w in forms if WORD.fullmatch(w.strip())}
        if tags & PROPER:
            proper |= forms
            if 'Toponym' in tags:
                toponyms |= forms
        elif 'Substantiv' in tags:
            common |= forms
frequent = lambda w: wordfreq.zipf_frequency(w.lower(), 'de') >= MIN_ZIPF
kept = sorted(w for w in common - proper if frequent(w))
also_places = sorted(w for w in common & toponyms if frequent(w))
out = Path(__file__).resolve().parents[2] / 'libs/enrichment/src/data/common-nouns.de.json'
out.write_text(json.dumps({'source': 'german-nouns 1.2.5 (Wiktionary DE, CC BY-SA 4.0) filtered by wordfreq 3.1.1 Zipf >= 3.0 (CC BY-SA 4.0)', 'licence': 'CC BY-SA 4.0', 'words': kept, 'alsoPlaceNames': also_places}, ensure_ascii=False, indent=0) + '\n', encoding='utf-8')
print(f'{len(kept)} forms, {len(also_places)} also places -> {out}')

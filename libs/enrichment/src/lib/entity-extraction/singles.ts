/**
 * Rules that run once every full name of the text is known: single words (a surname, "the Commission",
 * a club's nickname, "X said", "in X"), a body's head word alone after its full name, unsure people the
 * English tagger confirms, and places that stand for a club. Kept apart because they read the mentions
 * of the whole text, not one run.
 */
import { type EntityType, type Mention, titleCase } from '../entity-mentions';
import { fold } from '../tokens';
import { DESK_LABELS, ERA_WORDS, JOB_CUES, MATCH_FORMATS } from '../english-cues';
import { isEnglishWord } from '../english-words';
import { AREA_NOUNS_AFTER, clubTowns, clubWords, COINED_CAPITAL_INSIDE, NATIONS, PLACE_NOUNS_BEFORE_OF, SHORT_FORM_HEADS, SOURCE_NOUNS, SURNAME_CAPITAL_INSIDE } from '../entity-words';
import type { OrgEntry } from '../gazetteer';
import { taggerFor } from '../ner/models';
import type { TaggedSpan } from '../ner/tagger';
import { RunSegmentation } from './segments';
import { knownBody } from './cues';
import { type Single, spanEnd, townOrRegion } from './state';
import { SpanIndex } from './span-index';

export abstract class SingleWords extends RunSegmentation {
  protected resolveSingles(): void {
    const people = this.tokenIndex('person');
    const orgs = this.tokenIndex('organisation');
    const decided = new Map<string, Mention>();
    const pending: Single[] = [];
    for (const s of this.singles) {
      const m = this.resolveSingle(s, people, orgs);
      if (m) {
        this.add(m);
        decided.set(fold(s.tok.text), m);
      } else pending.push(s);
    }
    // A word typed by a cue once ("group Greenpeace") keeps that type elsewhere.
    for (const s of pending) {
      const m = decided.get(fold(s.tok.text));
      if (m) this.add({ ...m, surface: s.tok.text, start: s.tok.start });
    }
  }

  private resolveSingle(s: Single, people: Map<string, string>, orgs: Map<string, Mention>): Mention | undefined {
    const { tok, index } = s;
    const key = fold(tok.text);
    const at = (type: EntityType, name: string, extra?: Partial<Mention>): Mention => ({ type, name, surface: tok.text, start: tok.start, ...extra });
    const person = people.get(key);
    if (person) return at('person', person);
    const org = orgs.get(key) ?? this.bodyByHeadWord(index);
    if (org) return at('organisation', org.name, { org: org.org });
    if (s.weakOnly) return undefined;
    // "Novo Nordisk A/S said": one letter is no name a cue can make (the gazetteer's "X" is found above).
    if (tok.text.length === 1) return undefined;
    // "Putin warned", "Trump's tariffs", "Poutine a averti": a public figure news copy names by surname alone (people.public.json);
    // not a word the text also writes in lower case, nor where nouns are capitalised one of the language's nouns ("Fink").
    const figure = !this.isAllCaps(index) && !this.lowerWords.has(key) && !this.commonNouns?.has(tok.text) ? this.g.publicFigures?.get(key) : undefined;
    if (figure) return at('person', figure, { figure: true });
    // "The Heat led from the start", "the Hawks struggled": a club's nickname after "the", in copy about sport.
    const club = this.english ? this.nicknameClub(index) : undefined;
    if (club) {
      // "Miami won 102-98": the nickname names the club, so its town is the club too (placesAsTeams).
      this.noteClubPlace(club.name);
      return at('organisation', club.name, { org: club });
    }
    // "a 2-1 win over Leverkusen", "Getafe beat Betis": a word that names one known club and nothing else, in a team's role.
    const clubByWord = this.english ? this.clubInTeamRole(index, key) : undefined;
    if (clubByWord) return at('organisation', clubByWord.name, { org: clubByWord });
    const state = this.apState(index);
    if (state) return at('place', state.name, { places: [state] });
    if (this.r.orgSuffix?.test(tok.text)) return at('organisation', tok.text);
    if (s.titled && !this.isAllCaps(index)) return at('person', s.titled === 'Pope' ? `Pope ${tok.text}` : tok.text, { titled: true });
    const next = this.word(index + 1);
    const prev = this.word(index - 1);
    // "SPORT:", "UPDATE:": a section label, not a name.
    if (this.isAllCaps(index) && this.toks[index + 1]?.text === ':') return undefined;
    // "JACKSON, Miss. (AP) —": a dateline's town in capitals before an AP state abbreviation, however long.
    if (this.isAllCaps(index) && this.datelinePosition(index, index + 1) && this.toks[index + 1]?.text === ',' && this.apState(index + 2)) return at('place', titleCase(tok.text));
    // "GROSSETO, Italy (AP) --": so is one before a country's name, however small the town (no list need know it).
    if (this.english && this.isAllCaps(index) && this.datelinePosition(index, index + 1) && this.toks[index + 1]?.text === ',' && this.knownAt(index + 2, index + 6)?.places?.some((p) => p.kind === 'country')) return at('place', titleCase(tok.text));
    // "the third ODI", "300 BC", "AD 1200": a match format or an era beside a year, no body.
    // "(SANTOS WRAP to come)": a desk's label in a slug line, no body.
    if (this.english && DESK_LABELS.has(tok.text)) return undefined;
    if (this.english && (MATCH_FORMATS.has(tok.text) || (ERA_WORDS.has(tok.text) && (/^\d+$/.test(this.toks[index - 1]?.text ?? '') || /^\d+$/.test(this.toks[index + 1]?.text ?? ''))))) return undefined;
    // "kept Germany at AAA", "an AA- rating": a credit rating, not the motoring club.
    if (this.english && CREDIT_RATING.test(tok.text) && (/^(?:at|to|from|rated|of)$/.test(prev?.text ?? '') || /^(?:rating|ratings|grade|credit)$/.test(next?.text ?? ''))) return undefined;
    // "Apple Inc (AAPL.O)", "(NYSE: GM)": a stock ticker is the company's code, not another name.
    if (this.english && this.isAllCaps(index) && this.tickerAt(index)) return undefined;
    // "the MP spoke", "an MEP said": an all-caps title alone is no body.
    // ... and in a line written all in capitals ("MARKETS AT A GLANCE", "UN SAYS AID BLOCKED") a word in capitals is a word.
    // "SPORT Arsenal beat Chelsea": an English word in capitals opening a sentence before a name is a section's label.
    if (this.english && tok.sentStart && tok.text.length >= 4 && this.isAllCaps(index) && this.toks[index + 1]?.cap && isEnglishWord(tok.text.toLowerCase())) return undefined;
    // "in HTML", "2 USD", "XIX": a thing, a measure, a currency or a number in capitals is no name of any kind.
    if (this.isAllCaps(index) && this.thingAcronym(tok.text)) return undefined;
    if (this.isAllCaps(index) && /^\p{Lu}{2,6}$/u.test(tok.text) && !this.isCommon(tok.text) && !this.isTitle(tok.text) && !this.inCapitalsLine(index)) {
      if (this.datelinePosition(index, index + 1)) return at('place', titleCase(tok.text));
      return at('organisation', tok.text);
    }
    if (!s.titled && this.crossingName(index, index + 1)) return at('place', tok.text);
    // "Ruralco shares jumped", "Santos fell 2 per cent": a company by what its stock does, also opening a sentence.
    // ("Rescue workers pulled...", "Healthcare workers struck": a body's head word opening a sentence is the noun it is.)
    // "UnitedHealthcare CEO Brian Thompson": so is a word right before an officer's title in capitals and that officer's name.
    const officerAfter = /^(?:CEO|CFO|COO|CTO|CIO|CMO)$/.test(this.toks[index + 1]?.text ?? '') && this.capWordAt(index + 2) && !this.isFirstName(tok.text);
    // ("Temperatures rose", "Exports jumped": an English plural opening a sentence is the noun it is.)
    const stock = this.english && !this.isCommon(tok.text) && !this.lowerWords.has(key) && !(tok.sentStart && (this.r.ORG_HEADS.has(tok.text) || (/\p{Ll}s$/u.test(tok.text) && isEnglishWord(key)))) && (this.orgCueAfter(index + 1) || this.marketMoveAt(index + 1) || officerAfter);
    if (stock) return at('organisation', tok.text);
    // "Gomery, who led the inquiry": at a sentence's start too, for a word the text never writes in lower case and no plural ("Officials, who").
    if (this.english && tok.sentStart && !this.isCommon(tok.text) && !this.isAllCaps(index) && !this.lowerWords.has(key) && !/s$/.test(tok.text) && this.whoAfter(index, /^who$/)) return at('person', tok.text);
    // "ScotRail said", "ScotRail cancelled services": a word coined with a capital inside, before a speech verb or a verb in
    // the past with no article before it, is a firm's name, opening a sentence too (not a product's: "PlayStation", "JavaScript").
    const actsAsFirm = !!next && (this.r.SPEECH_VERBS.has(next.text) || this.orgCueAfter(index + 1) || (/^\p{Ll}+ed$/u.test(next.text) && !/^(?:the|a|an)$/i.test(prev?.text ?? '')));
    if (this.english && actsAsFirm && !this.isAllCaps(index) && COINED_CAPITAL_INSIDE.test(tok.text) && !SURNAME_CAPITAL_INSIDE.test(tok.text)) return at('organisation', tok.text);
    // "Wolfspeed said its chief executive would leave", "Codelco cut its forecast": a body's "its" after its verb.
    if (this.english && !this.isAllCaps(index) && !this.isCommon(tok.text) && !this.lowerWords.has(key) && !this.isFirstName(tok.text) && this.itsAfterVerb(index + 1)) return at('organisation', tok.text);
    // "Wintour herself appears briefly": a reflexive personal pronoun right after the name, opening a sentence too.
    // "Caplan dismisses retrospective voting", "Vega suggested that": a sentence opening on a word no dictionary holds and a
    // reporting verb (not "Acme said it", "said in a statement": a body; not a plural, "Officials said").
    // (The cue first: the dictionary is asked only where one stands.)
    const unknownWord = () => !this.isAllCaps(index) && !this.isCommon(tok.text) && !this.lowerWords.has(key) && !isEnglishWord(key) && !/s$/.test(tok.text);
    const reflexive = next?.text === 'himself' || next?.text === 'herself';
    const reporting = tok.sentStart && !!next && OPENING_REPORT_VERBS.has(next.text) && !/^(?:it|in|on)$/.test(this.word(index + 2)?.text ?? '');
    if (this.english && (reflexive || reporting) && unknownWord()) return at('person', tok.text);
    if (this.isCommon(tok.text) || (tok.sentStart && (this.lowerWords.has(key) || !this.capMidSentence.has(key)))) return undefined;
    // "Colombian singer Shakira", "his son Kiefer": one name right after a noun for a person's role or kin.
    if (this.english && !tok.sentStart && !this.isAllCaps(index) && !this.lowerWords.has(key) && prev && !prev.cap && PERSON_ROLE_NOUNS.has(prev.text)) return at('person', tok.text);
    // "..., says Tarlo.", "said Mailis, a doctor": the speaker named after the verb; "by Tarlo, who studies hair": a person.
    if (this.english && !tok.sentStart && !this.isAllCaps(index) && !this.lowerWords.has(key) && (this.spokenBy(index) || this.whoAfter(index))) return at('person', tok.text);
    if (this.r.nounsCapitalised) return prev && this.r.PLACE_CUES_BEFORE.has(prev.text) ? at('place', tok.text) : undefined;
    if (this.english && (this.listOfCompanies(index) || this.companyAppositive(index + 1))) return at('organisation', tok.text);
    // "medics in Nuseirat said": after "in" the speakers are the place's people.
    const inPlace = this.english && prev && !prev.cap && /^(?:in|near|outside)$/.test(prev.text);
    // "officials in Paiporta and Catarroja said": the second of two places joined by "and" speaks through its people.
    const secondPlace = this.english && prev?.text === 'and' && this.listOfPlaces(index);
    // "Maersk Line said": a word right after a body's name is the rest of that name, no person.
    if (this.english && next && this.r.SPEECH_VERBS.has(next.text) && this.rightAfterBody(tok.start)) return undefined;
    if (next && !inPlace && !secondPlace && this.r.SPEECH_VERBS.has(next.text) && !(this.orgCueBefore(index) && !JOB_CUES.has(this.toks[index - 1].text))) {
      const after = this.word(index + 2)?.text;
      // "Acme said in a statement" is a body; "Mailis said in an interview", "in a phone interview" is a person.
      const interview = after === 'in' && [3, 4, 5].some((k) => /^interviews?$/.test(this.word(index + k)?.text ?? ''));
      return (after === 'it' || after === 'in') && !interview ? at('organisation', tok.text) : at('person', tok.text);
    }
    if (this.orgCueBefore(index) || this.orgCueAfter(index + 1)) return at('organisation', tok.text);
    // "Asheville, North Carolina": the state after the comma may take two words.
    const comma = this.toks[index + 1]?.text === ',' ? this.knownAt(index + 2, index + 4) : undefined;
    if (comma?.places && comma.places[0].kind !== 'city') return at('place', tok.text, { places: [{ name: tok.text, countryCode: comma.places[0].countryCode, kind: 'city' }] });
    // "according to Pollstar.", "according to LSEG data": a source, no destination ("according to Pythagorean tradition" is neither).
    const source = !next?.isWord || SOURCE_NOUNS.has(next.text);
    if (this.english && prev?.text === 'to' && this.toks[index - 2]?.text === 'according' && source) return at('organisation', tok.text);
    if (prev && !prev.cap && (this.r.PLACE_CUES_BEFORE.has(prev.text) || this.listOfPlaces(index))) return at('place', tok.text);
    // "Russia's Rostov region", "in the Kursk oblast": a name before a lower-case word for a country's area (not an adjective
    // no demonym list holds: "the Zionist region", "the Kurdish region", "the Gaullist district").
    if (this.english && next && !next.cap && AREA_NOUNS_AFTER.has(next.text) && !this.g.demonyms.has(key) && !/(?:ist|ish|ese|ian)$/.test(tok.text)) return at('place', tok.text);
    // "In Kurrajong, residents fled": a sentence opening on a preposition of place ("At Google" may be the company: not "At";
    // "In Judaism", "In Islam", "In Christianity", "In Sumerian", "In Hymenoptera" are faiths, a language, an order of insects).
    if (this.english && prev?.sentStart && /^(?:In|Near|Outside|Across)$/.test(prev.text) && !/(?:ism|ity|ian|ic|ics|era|ae|ia)$|^Islam$/.test(tok.text) && !this.g.demonyms.has(key)) return at('place', tok.text);
    // "the island of Giglio", "the town of Bilpin", "residents of Winmalee": a place noun and "of" before the name ("I" is a pronoun).
    if (this.english && tok.text !== 'I' && prev?.text === 'of' && PLACE_NOUNS_BEFORE_OF.has((this.toks[index - 2]?.text ?? '').toLowerCase())) return at('place', tok.text);
    return undefined;
  }

  /** A ticker in brackets: "(AAPL.O)", "(7203.T)"'s code and market suffix, or "(NYSE: GM)", "(Nasdaq:NVDA)" after an exchange. */
  private tickerAt(index: number): boolean {
    const t = (k: number) => this.toks[k]?.text ?? '';
    if (t(index - 1) === '(' && t(index + 1) === '.' && /^[A-Z]{1,2}$/.test(t(index + 2)) && t(index + 3) === ')') return true;
    return t(index - 1) === ':' && t(index - 3) === '(' && /^(?:NYSE|NASDAQ|Nasdaq|LSE|TSX|ASX|AMEX|OTC|NYSEAMERICAN)$/.test(t(index - 2)) && t(index + 1) === ')';
  }

  /** A speech verb right before the word, and the clause ending right after it. */
  private spokenBy(index: number): boolean {
    const prev = this.toks[index - 1];
    const next = this.toks[index + 1];
    return !!prev?.isWord && !prev.cap && /^(?:says|said|adds|added|explains|explained|writes|wrote|argues|argued|recalls|recalled)$/.test(prev.text) && (!next || /^[.,;:!?]$/.test(next.text));
  }

  /** ", who" or ", whose" (or only the pronouns given) right after the word. */
  private whoAfter(index: number, pronoun = /^(?:who|whose)$/): boolean {
    return this.toks[index + 1]?.text === ',' && pronoun.test(this.toks[index + 2]?.text ?? '');
  }

  /** Surname, first name and other parts of full names -> the full name. */
  protected tokenIndex(type: 'person'): Map<string, string>;
  protected tokenIndex(type: 'organisation'): Map<string, Mention>;
  protected tokenIndex(type: EntityType): Map<string, string> | Map<string, Mention> {
    if (type === 'person') {
      const out = new Map<string, string>();
      const full = this.mentions.filter((m) => m.type === 'person' && m.name.includes(' '));
      for (const m of full) {
        const parts = m.name.replace(/^Pope /, '').split(' ').filter((p) => !this.r.PARTICLES.has(p));
        for (const p of parts.slice(0, -1)) if (!out.has(fold(p))) out.set(fold(p), m.name);
      }
      for (const m of full) out.set(fold(m.name.split(' ').pop()!), m.name); // surnames win
      return out;
    }
    const out = new Map<string, Mention>();
    for (const m of this.mentions) {
      if (m.type !== 'organisation') continue;
      // "Parti socialiste (PS)": the bracketed acronym names the body just written out.
      const acronym = this.bracketedAcronym(m);
      if (acronym) out.set(fold(acronym), m);
      const words = m.name.split(/\s+/);
      if (words.length > 1) {
        const initials = words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
        if (initials.length >= 2) out.set(fold(initials), m);
        if (!words.some((w) => this.r.ORG_HEADS.has(w)))
          for (const w of words) if (!this.g.places.has(fold(w)) && !this.isCommon(w)) out.set(fold(w), m);
      }
    }
    return out;
  }

  /** The acronym in brackets right after a body's name ("Asamblea Nacional Catalana (ANC)"), if any. */
  protected bracketedAcronym(m: Mention): string | undefined {
    const end = m.start + m.surface.length;
    const bracketed = /^\s*\((\p{Lu}(?:[\p{Lu}\d&-]{1,9}|\p{Ll}{2,6}))\)/u.exec(this.text.slice(end, end + 16))?.[1];
    // Written as a word ("Inpe", "Alesp", "Copom", "Ingv": Portuguese and Italian copy), only when its letters
    // are the name's, in order, from the first: "(Reuters)" after a body is no acronym.
    return bracketed && /\p{Ll}/u.test(bracketed) && !lettersInOrder(fold(bracketed), fold(m.surface)) ? undefined : bracketed;
  }

  /**
   * "the Commission" after (or before) "the European Commission": a head word alone, with "the", is the
   * one body of the text whose full name ends in it. Already found alone ("Parliament" as a chamber), it is
   * renamed; not found, it is added. Two bodies with that head ("European Council", "Security Council"):
   * the short form names neither.
   */
  protected resolveBodyShortForms(): void {
    const byHead = new Map<string, Set<string>>();
    for (const m of this.mentions) {
      if (m.type !== 'organisation' || !m.name.includes(' ')) continue;
      const head = m.name.slice(m.name.lastIndexOf(' ') + 1);
      if (SHORT_FORM_HEADS.has(head)) byHead.set(head, (byHead.get(head) ?? new Set()).add(m.name));
    }
    const fullName = (head: string) => {
      const names = byHead.get(head);
      return names?.size === 1 ? [...names][0] : undefined;
    };
    if (byHead.size === 0) return;
    for (const m of this.mentions) {
      const full = m.type === 'organisation' && !m.name.includes(' ') ? fullName(m.name) : undefined;
      if (full) {
        m.name = full;
        delete m.org;
      }
    }
    const covered = this.mentions.map((m) => [m.start, m.start + m.surface.length]);
    this.toks.forEach((tok, k) => {
      const full = tok.cap && !tok.poss ? fullName(tok.text) : undefined;
      if (!full || !/^the$/i.test(this.toks[k - 1]?.text ?? '') || covered.some(([a, b]) => tok.start < b && a < tok.end)) return;
      // "the Commission President": part of a longer capitalised run is another name's.
      if (this.toks[k + 1]?.cap && this.toks[k + 1].isWord && this.toks[k + 1].start - tok.end === 1) return;
      this.add({ type: 'organisation', name: full, surface: tok.text, start: tok.start });
    });
  }

  /**
   * The English tagger runs only for texts with unsure runs, over their sentences only; a run is a
   * person when a person span of the tagger covers it.
   */
  protected confirmUnsurePeople(): void {
    if (this.unsurePeople.length === 0) return;
    const tagger = taggerFor('en');
    if (!tagger) return;
    // Only the sentences that hold an unsure run are decoded, as the tagger decodes each sentence alone.
    const words = this.toks.map((t) => t.text);
    const tagged: TaggedSpan[] = [];
    const done = new Set<number>();
    // The last sentence decoded: runs come in text order, so most lie in it and need no walk back to its start (a text
    // of one endless sentence made that walk quadratic).
    let last = { from: 0, to: 0 };
    for (const u of this.unsurePeople) {
      if (u.from >= last.from && u.from < last.to) continue;
      let from = u.from;
      while (from > 0 && !this.toks[from].sentStart) from--;
      if (done.has(from)) continue;
      done.add(from);
      let to = from + 1;
      while (to < words.length && !this.toks[to].sentStart) to++;
      last = { from, to };
      // Only the windows around unsure runs: spans elsewhere in the sentence are never read.
      tagger.tagRange(words, from, to, this.toks[from].sentStart, tagged, this.unsurePeople);
    }
    const spans = tagged.filter((s) => s.type === 'person');
    const spanIndex = new SpanIndex(spans.map((s) => ({ start: s.from, end: s.to })));
    const taggedIndex = new SpanIndex(tagged.map((s) => ({ start: s.from, end: s.to })));
    for (const u of this.unsurePeople) {
      if (this.inTitleCaseSentence(u.from)) continue;
      if (spanIndex.some(u.from, u.to, (k) => spans[k].from <= u.from && u.to <= spans[k].to) || this.joinedToPerson(u.from, u.to)) this.add(u.mention);
      // "families in Deir al-Balah": the tagger's place, exactly the run, right after a preposition of place.
      else if (taggedIndex.some(u.from, u.to, (k) => tagged[k].type === 'place' && tagged[k].from === u.from && tagged[k].to === u.to) && /^(?:in|near|outside|across)$/.test(this.toks[u.from - 1]?.text ?? '')) {
        const { surface, start } = u.mention;
        this.add({ type: 'place', name: surface, surface, start });
      }
    }
  }

  /**
   * "goals from Bukayo Saka and Kai Havertz", "Kai Havertz, Bukayo Saka and ...": a run joined by "and" or a comma to a
   * person's name the rules found on their own (a first name, a title) is a name of the same kind.
   */
  private joinedToPerson(from: number, to: number): boolean {
    return this.listedBeside(from, to, (m) => m.type === 'person' && m.surface.includes(' '), /^(?:and|,)$/, /^(?:and|,)$/);
  }


  /** The token's line has three words or more and none in lower case. */
  private inCapitalsLine(k: number): boolean {
    const t = this.toks;
    const sameLine = (x: number) => !this.lineBreakBefore(x);
    return this.perStretch((this.capitalsLines ??= new Int8Array(t.length)), k, sameLine, (from, to) => {
      let words = 0;
      for (let x = from; x < to; x++) {
        if (!t[x].isWord) continue;
        if (/\p{Ll}/u.test(t[x].text)) return false;
        words++;
      }
      return words >= 3;
    });
  }

  private capitalsLines?: Int8Array;
  private titleCaseSentences?: Int8Array;

  /**
   * A question asked of the stretch of tokens around k that `joined` binds (a line, a sentence), answered once for the
   * whole stretch and kept in `answers` (0 not yet asked, 1 yes, 2 no): asked again at each of its words, the walk to
   * the stretch's ends made a text of one endless line quadratic.
   */
  private perStretch(answers: Int8Array, k: number, joined: (x: number) => boolean, answer: (from: number, to: number) => boolean): boolean {
    if (answers[k] === 0) {
      let from = k;
      while (from > 0 && joined(from)) from--;
      let to = k + 1;
      while (to < this.toks.length && joined(to)) to++;
      answers.fill(answer(from, to) ? 1 : 2, from, to);
    }
    return answers[k] === 1;
  }

  /** A headline, a label list ("Also Stocks Aust, Dollar Aust, Data Review"): fewer than two lower-case words in its sentence or line. */
  private inTitleCaseSentence(k: number): boolean {
    const t = this.toks;
    // The sentence, or the line if shorter: label lists run on without a full stop.
    const joined = (x: number) => !t[x].sentStart && !this.lineBreakBefore(x);
    return this.perStretch((this.titleCaseSentences ??= new Int8Array(t.length)), k, joined, (from, to) => {
      let lower = 0;
      for (let x = from; x < to && lower < 2; x++) if (t[x].isWord && !t[x].cap) lower++;
      return lower < 2;
    });
  }

  /**
   * Sports copy names a club by its place once the club has been named: "the Arizona Diamondbacks
   * ... Arizona (25-27) scored twice". A place mention that is the place of exactly one club named in
   * the text is that club, unless a place cue comes before it ("in Arizona", "to Philadelphia") or it is
   * written in capitals (a dateline).
   */
  protected placesAsTeams(): void {
    if (this.teams.size === 0) return;
    for (const m of this.mentions) {
      if (m.type !== 'place') continue;
      const clubs = this.teams.get(fold(m.surface));
      const k = this.tokenAt(m.start);
      if (!clubs || clubs.size !== 1 || k === undefined || m.surface === m.surface.toUpperCase()) continue;
      if (this.placeCueBefore(k)) continue;
      m.type = 'organisation';
      m.name = [...clubs][0];
      delete m.places;
    }
  }

  /**
   * English sports copy names a team by its town or county where it plays: "Cleveland beat Detroit 5-3",
   * "a nine-wicket win over Leicestershire", "won a title with Cleveland", "Essex were bowled out". A town or
   * region (not a country: national sides stay their country, as CoNLL labels them) in such a role is the
   * team, a body named as written.
   */
  protected placesInTeamRoles(): void {
    for (const m of this.mentions) {
      if (m.type !== 'place' || !townOrRegion(m.places) || NATIONS.has(m.surface) || m.surface === m.surface.toUpperCase()) continue;
      const i = this.tokenAt(m.start);
      if (i === undefined) continue;
      const j = this.tokenAfter(i, m.surface);
      // "The match in Cleveland drew 40,000": a place cue before it keeps the town.
      if (!this.teamRoleBefore(i) && !this.listedWithClub(i, j) && !this.managersClub(i, m.surface) && (this.placeCueBefore(i) || !this.teamRoleAfter(j, m.surface))) continue;
      if (!this.aboutSport()) return;
      m.type = 'organisation';
      m.name = m.surface;
      delete m.places;
    }
  }

  /**
   * "level with Arsenal and Liverpool", "Liverpool or Chelsea": a town (tokens i to j) joined to a known club by "and", "or",
   * "&" ("Chelsea, London" after a comma is where the club is).
   */
  private listedWithClub(i: number, j: number): boolean {
    return this.listedBeside(i, j, knownBody('club'), CLUB_JOINERS, CLUB_JOINERS);
  }

  /**
   * "Slot's Liverpool", "Guardiola's City": a club's town right after a name in the possessive that is no place (the club's
   * manager or owner; "England's Liverpool" is the city).
   */
  private managersClub(i: number, surface: string): boolean {
    const before = this.toks[i - 1];
    return !!before?.poss && before.cap && !this.knownAt(i - 1, i)?.places && clubTowns(this.g).has(fold(surface));
  }

  /**
   * "Powell Signals Patience on Cuts" over a body naming "Jerome Powell": a headline in title case names no one by its
   * capitals (inWeakHeadline), but a word there that is part of a person's full name in the body, or a word the body's
   * bodies are known by, is that entity. Words of one person next to each other are one mention ("Donald Trump").
   */
  protected headlineShortForms(): void {
    const t = this.toks;
    if (t.length === 0 || !this.inWeakHeadline(0)) return;
    const people = this.tokenIndex('person');
    const orgs = this.tokenIndex('organisation');
    const covered = this.coveredByMentions();
    const candidate = (k: number) => k < t.length && this.inWeakHeadline(k) && t[k].cap && t[k].isWord && !covered(t[k].start) && !this.isCommon(t[k].text) && t[k].text.length > 1;
    for (let i = 0; i < t.length && this.inWeakHeadline(i); i++) {
      if (!candidate(i)) continue;
      const key = fold(t[i].text);
      const person = people.get(key);
      if (person) {
        let j = i + 1;
        while (candidate(j) && people.get(fold(t[j].text)) === person && t[j].start === t[j - 1].end + 1) j++;
        const surface = this.slice(i, j);
        this.add({ type: 'person', name: person, surface, start: t[i].start });
        i = j - 1;
        continue;
      }
      const org = orgs.get(key);
      if (org) this.add({ type: 'organisation', name: org.name, surface: t[i].text, start: t[i].start, ...(org.org ? { org: org.org } : {}) });
    }
  }

  /** The one club the word names (clubWords), where the word stands in a team's role in sports copy. */
  private clubInTeamRole(index: number, key: string): OrgEntry | undefined {
    const club = clubWords(this.g).get(key);
    if (!club || this.isAllCaps(index) || !(this.teamRoleBefore(index) || this.teamRoleAfter(index + 1, this.toks[index].text))) return undefined;
    return this.aboutSport() ? club : undefined;
  }

  /** A body's name ends one space before this offset. */
  private rightAfterBody(start: number): boolean {
    return this.mentions.some((m) => m.type === 'organisation' && spanEnd(this.text, m.start, m.surface) === start - 1 && this.text[start - 1] === ' ');
  }

  /** The index of the first token after a mention starting at token i. */
  private tokenAfter(i: number, surface: string): number {
    const end = this.toks[i].start + surface.length;
    let j = i;
    while (j < this.toks.length && this.toks[j].start < end) j++;
    return j;
  }

  /** "beat Detroit", "against Surrey", "win over Leicestershire", "lost to Baltimore", "drew with Kent", "28 points for Dallas". */
  private teamRoleBefore(i: number): boolean {
    const p1 = this.toks[i - 1];
    if (!p1?.isWord || p1.cap) return false;
    if (TEAM_OBJECT_VERBS.has(p1.text)) return true;
    // "drew 1-1 with Napoli", "lost 2-1 to Leeds": the word before a score.
    let k = i - 2;
    while (k > 0 && i - 2 - k < 3 && /^(?:\d{1,3}|-|–|\d{1,3}[-–]\d{1,3})$/.test(this.toks[k].text)) k--;
    const p2 = this.toks[k]?.text ?? '';
    const within = (words: Set<string>, back: number) => this.toks.slice(Math.max(0, i - back), i - 1).some((t) => words.has(t.text));
    switch (p1.text) {
      case 'over':
        return /^(?:win|wins|victory|victories)$/.test(p2);
      case 'to':
        // "traded forward Pascal Siakam to Indiana": a trade's destination too.
        return /^(?:lost|loss|losses|lose|losing|defeat|defeats|fell)$/.test(p2) || within(TRADE_WORDS, 6);
      case 'off':
        // "held off Memphis", "fought off Leeds".
        return /^(?:held|holding|holds|fought|fended|staved)$/.test(p2);
      case 'by':
        // "held 1-1 by Brighton", "stunned by Ipswich", "knocked out by Leeds" ("out" before "by" is no score: p2 is "out").
        return /^(?:beaten|defeated|edged|thrashed|routed|swept|held|stunned|humbled|hammered|crushed|upset|eliminated|ousted|dumped|outclassed|whitewashed)$/.test(p2) || (p2 === 'out' && /^(?:knocked|dumped)$/.test(this.toks[k - 1]?.text ?? ''));
      case 'with':
        return /^(?:drew|draw|draws|tied)$/.test(p2) || within(TITLE_WORDS, 5);
      case 'for':
        return STAT_WORDS.has(p2);
      default:
        return false;
    }
  }

  /** "Cleveland beat", "Essex were bowled out", "Boston has won six straight", "Cleveland 5, Detroit 3". */
  private teamRoleAfter(j: number, surface: string): boolean {
    const n1 = this.toks[j];
    if (!n1) return false;
    if (/^\d{1,3}$/.test(n1.text) && /^[,;]$/.test(this.toks[j + 1]?.text ?? '') && this.capWordAt(j + 2)) return true;
    if (!n1.isWord || n1.cap) return false;
    if (TEAM_SUBJECT_VERBS.has(n1.text)) return true;
    // "Liverpool's lead at the top was cut", "Boston's win streak": a team's standing or squad, in the possessive.
    if (this.toks[j - 1]?.poss && TEAM_POSSESSIONS.has(n1.text)) return true;
    const n2 = this.toks[j + 1];
    if ((n1.text === 'has' || n1.text === 'have' || n1.text === 'had') && n2?.isWord && TEAM_SUBJECT_VERBS.has(n2.text)) return true;
    // "Oklahoma City held off Memphis".
    if ((n1.text === 'held' || n1.text === 'fought') && n2?.text === 'off') return true;
    // British copy gives a team a plural verb; a place takes the singular ("Yorkshire are top", not "Yorkshire is").
    return (n1.text === 'were' || n1.text === 'are') && !/s$/.test(surface);
  }
}

/** Words a team is named right after: verbs it is the object of ("beat Detroit") and nouns for its standing ("behind leaders Liverpool"). */
const TEAM_OBJECT_VERBS = new Set('beat beating defeated defeating edged thrashed routed swept downed blanked outscored outlasted against versus vs joined joining rejoined leaders champions holders rivals promoted relegated'.split(' '));
/** Verbs a team is the subject of: "Cleveland beat", "Yorkshire sealed promotion", and British headlines' plural present ("Yorkshire clinch promotion"). */
const TEAM_SUBJECT_VERBS = new Set(
  'beat beats defeated edged thrashed routed swept drew draw lost won win wins clinched clinch sealed seal rallied rally trailed trail led leads hosts hosted host faces faced face visits visited visit outscored finish finished play played topped tops stunned stuns upset upsets routs blanked downed snapped traded acquired'.split(' '),
);
/** What a team has and a town has not: "Liverpool's lead", "Arsenal's title hopes", "Boston's goalkeeper" (not "season": "Miami's rainy season"). */
const TEAM_POSSESSIONS = new Set('lead win wins victory defeat loss losses title unbeaten streak goalkeeper striker midfielder defender captain manager coach squad fans supporters'.split(' '));
/** "traded forward Pascal Siakam to Indiana", "was dealt to Boston". */
const TRADE_WORDS = new Set('traded trades trade dealt'.split(' '));
/** "won a title with Cleveland", "signed with Leeds". */
const TITLE_WORDS = new Set('title titles championship signed won played'.split(' '));
/** "28 points for Dallas", "played for Yorkshire". */
const STAT_WORDS = new Set('points goals runs assists rebounds wickets yards appearances played plays playing starts scored signed starred appeared debut'.split(' '));

const CLUB_JOINERS = /^(?:and|or|&)$/;

/** Nouns for a person's role or kin, right before a lone name (not "rival", "leader", "official": "rival Nissan"). */
const PERSON_ROLE_NOUNS = new Set(
  'singer rapper actor actress musician artist filmmaker director chef writer novelist poet journalist reporter photographer author doctor physician nurse surgeon scientist researcher professor economist lawyer attorney wife husband son daughter brother sister mother father widow widower friend teammate coach striker midfielder goalkeeper defender forward winger pitcher quarterback batter bowler jockey cyclist driver'.split(
    ' ',
  ),
);

/** A credit rating as the agencies write it ("AAA", "AA-", "BBB+"). */
const CREDIT_RATING = /^(?:AAA|AA|BBB|BB|CCC|CC)[+-]?$/;

/** Whether every letter of `short` comes in `long`, in order, starting with its first letter. */
export function lettersInOrder(short: string, long: string): boolean {
  if (short[0] !== long[0]) return false;
  let at = 0;
  for (const ch of short) {
    at = long.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** Verbs of saying and thinking that follow a person opening a sentence ("Caplan dismisses", "Vega suggested"). */
const OPENING_REPORT_VERBS = new Set(
  'said says told added wrote writes insisted insists argued argues noted notes replied explained explains recalled recalls acknowledged admitted suggested suggests dismissed dismisses stressed stresses emphasised emphasized conceded concedes countered remarked cautioned urged predicted believes thinks laughs laughed smiled'.split(' '),
);

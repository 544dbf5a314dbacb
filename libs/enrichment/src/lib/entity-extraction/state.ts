/**
 * The shared state of one entity extraction (the text, its tokens, the mentions found so far) and the
 * small lookups every rule family uses: the gazetteer match at a token (knownAt), word tests (isCommon,
 * isTitle, isArticle), slices and folded keys. The base of the layered Extraction class (extraction.ts);
 * kept apart so that each rule family's file holds its rules only.
 */
import { isTitleCase, type Mention } from '../entity-mentions';
import { DEFAULT_GAZETTEER, type Gazetteer, type OrgEntry, type PlaceEntry } from '../gazetteer';
import { fold, isAscii, tokenize, type Token } from '../tokens';
import type { EntityRules } from '../entity-languages';
import { PLURAL_TITLES, ROMAN_NUMERAL, THING_ACRONYMS } from '../entity-words';
import type { BlendMode } from '../ner/blend';
import type { Tagger } from '../ner/tagger';

/**
 * Portuguese contractions of a preposition and a determiner, capitalised only where they open a sentence ("Neste ano" read as
 * the Finnish company Neste): never a name alone.
 */
const SENTENCE_OPENING_CONTRACTIONS = new Set('Neste Nesta Nestes Nestas Nesse Nessa Nesses Nessas Deste Desta Destes Destas Desse Dessa Desses Dessas Naquele Naquela Daquele Daquela Numa Pelo Pela Pelos Pelas'.split(' '));

/** findKnown's prefixes of one start token, reused (it runs to completion before it is called again). */
const KEY_SCRATCH: string[] = [];

/** A known place or body's name over `len` tokens. */
export type KnownName = { len: number; places?: PlaceEntry[]; org?: OrgEntry };

/** A one-word chunk, typed once every full name of the text is known (singles.ts). */
export interface Single {
  tok: Token;
  index: number;
  titled?: string;
  weakOnly: boolean;
}

export abstract class ExtractionState {
  protected readonly toks: Token[];
  protected readonly lowerWords = new Set<string>();
  protected readonly capMidSentence = new Set<string>();
  protected readonly mentions: Mention[] = [];
  protected readonly singles: Single[] = [];
  private readonly weakHeadline: boolean;
  /** The current run's last "<head> for" join (lastForPurposeJoin), or -1. */
  protected runForJoin = -1;
  /** Words written right after a first name (surnameInText), gathered on first use. */
  protected afterFirstNames?: Set<string>;
  /** Strings looked for in the text (textIncludes). */
  protected found?: Map<string, boolean>;
  /** The text is about sport (aboutSport), decided on first use. */
  protected sportText?: boolean;

  /** Each token's fold, made once (folded). */
  private readonly foldCache: string[] = [];

  /** Runs the rules could not call people on their own (chunk): the English tagger decides. */
  protected readonly unsurePeople: { from: number; to: number; mention: Mention }[] = [];

  /** Place (folded) -> the clubs named "<place> <nickname>" in this text. */
  protected readonly teams = new Map<string, Set<string>>();

  constructor(
    protected readonly text: string,
    protected readonly g: Gazetteer,
    private readonly bodyStart: number,
    protected readonly r: EntityRules,
    /** Rules written for English copy only (AP state abbreviations, "Toronto Blue Jays", "the House"). */
    protected readonly english: boolean,
    protected readonly model?: { tagger: Tagger; blend: BlendMode },
    /**
     * The language writes its genitive as -s on the name (S_GENITIVE_LANGUAGES): of the names the text gives ('owners'), and
     * also of any known place ('places'; not Dutch, whose adjectives and language names end in -s: "Nederlands", "Limburgs").
     */
    protected readonly sGenitive: false | 'owners' | 'places' = false,
    /** Common nouns of a language that capitalises them (German): not names by their shape (common-nouns.ts). */
    protected readonly commonNouns?: ReadonlySet<string>,
    /** Base forms an inflected last word may stand for (Finnish "Helsingissä"; finnish-cases.ts). */
    protected readonly baseForms?: (word: string) => string[],
    /** Nouns that are also towns' names ("Zug", "Essen"), in a language that capitalises nouns (common-nouns.ts). */
    protected readonly placeNouns?: ReadonlySet<string>,
  ) {
    this.toks = tokenize(text);
    this.articleAnswers = new Uint8Array(this.toks.length);
    // Each word folded once here, kept for every later lookup (folded).
    for (let i = 0; i < this.toks.length; i++) {
      const t = this.toks[i];
      if (t.isWord && !t.cap) this.lowerWords.add((this.foldCache[i] = fold(t.text)));
      else if (t.cap && !t.sentStart) this.capMidSentence.add((this.foldCache[i] = fold(t.text)));
    }
    // The headline's words: tokens come in text order, so the scan stops at the body (it filtered every token).
    const headline: Token[] = [];
    for (const t of this.toks) {
      if (t.end > bodyStart) break;
      if (t.isWord) headline.push(t);
    }
    this.weakHeadline = isTitleCase(headline);
  }

  /**
   * The first-name list's answers for this text's words. The rules ask about 280 times an article of about 90 distinct words
   * (3-5 KB English); the list's table (36,000 names) is large and mostly out of cache, this one small and warm.
   */
  private readonly firstNameAnswers = new Map<string, boolean>();

  protected isFirstName(word: string): boolean {
    let answer = this.firstNameAnswers.get(word);
    if (answer === undefined) this.firstNameAnswers.set(word, (answer = this.g.firstNames.has(word)));
    return answer;
  }

  /** Whether an offset lies inside a mention found so far: the lone-word rules add a name only where none is. */
  protected coveredByMentions(): (start: number) => boolean {
    // Sorted by start with the furthest end so far, so each question is a binary search: the rules that ask it
    // ask it of every capitalised word, and a scan of every mention per word grew with the square of a long text.
    const covered = this.mentions.map((m) => [m.start, spanEnd(this.text, m.start, m.surface)]).sort((x, y) => x[0] - y[0]);
    const starts = covered.map(([a]) => a);
    const furthest: number[] = [];
    for (let k = 0; k < covered.length; k++) furthest.push(Math.max(covered[k][1], k > 0 ? furthest[k - 1] : -Infinity));
    return (start) => {
      // The last mention starting at or before `start`.
      let lo = 0;
      let hi = starts.length - 1;
      let last = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] <= start) {
          last = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return last >= 0 && start < furthest[last];
    };
  }

  /** The index of the token that starts at this offset, if one does (tokens are in text order: a binary search). */
  protected tokenAt(start: number): number | undefined {
    let lo = 0;
    let hi = this.toks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.toks[mid].start;
      if (at === start) return mid;
      if (at < start) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** The tokens a mention covers, [from, to), if it starts on a token. */
  protected tokenSpanOf(m: Mention): { from: number; to: number } | undefined {
    const from = this.tokenAt(m.start);
    if (from === undefined) return undefined;
    const end = spanEnd(this.text, m.start, m.surface);
    let to = from;
    while (to < this.toks.length && this.toks[to].start < end) to++;
    return { from, to };
  }

  protected capWordAt(k: number): boolean {
    return k >= 0 && k < this.toks.length && this.toks[k].isWord && this.toks[k].cap;
  }

  protected lineBreakBefore(j: number): boolean {
    // At the end of the text there is no next word to be broken from (a text ending in "Commission" threw here).
    if (j <= 0 || j >= this.toks.length) return false;
    // The gap read in place (most are one space), not copied out and searched: the run cutter asks this at every word it
    // passes, and the rules again of the same words.
    for (let k = this.toks[j - 1].end, end = this.toks[j].start; k < end; k++) if (this.text.charCodeAt(k) === 10) return true;
    return false;
  }

  /**
   * The longest known place or body starting at token i and ending by token `to`. Remembered per start and bound (the
   * tokens never change): the rules ask the same question at the same token up to four times.
   */
  protected knownAt(i: number, to: number): KnownName | undefined {
    const bound = Math.min(to, this.toks.length, i + this.g.maxWords);
    if (bound <= i) return undefined;
    const key = i * (this.g.maxWords + 1) + (bound - i);
    let known = this.knownNames.get(key);
    if (known === undefined) {
      known = this.findKnown(i, bound) ?? null;
      this.knownNames.set(key, known);
    }
    return known ?? undefined;
  }

  private readonly knownNames = new Map<number, KnownName | null>();

  /** knownAt's search, tokens [i, to) with `to` within the text and at most the gazetteer's longest name on. */
  private findKnown(i: number, to: number): KnownName | undefined {
    const t = this.toks;
    // Longest match first, but never longer than a known name's prefix allows.
    let maxLen = 0;
    let prefix = '';
    // Each prefix kept: the key of `len` words below is the prefix of that length (it was built again per length).
    const keys = KEY_SCRATCH;
    for (let k = i; k < to; k++) {
      prefix += (k > i ? ' ' : '') + this.folded(k);
      if (!this.g.prefixes.has(prefix)) break;
      keys[k - i] = prefix;
      maxLen = k - i + 1;
    }
    for (let len = maxLen; len >= 1; len--) {
      const key = keys[len - 1];
      if (t[i + len - 1].poss) {
        const org = this.g.orgs.get(`${key}'s`);
        if (org) return { len, org };
        // "at Lord's", "St John's": a place named with a possessive.
        const places = this.english ? this.g.places.get(`${key}'s`) : undefined;
        if (places) return { len, places };
      }
      if (len === 1 && (!t[i].cap || (t[i].sentStart && SENTENCE_OPENING_CONTRACTIONS.has(t[i].text)))) return undefined;
      const org = this.g.orgs.get(key);
      if (org && !(len === 1 && (this.acronymMisread(i, key) || this.accentMisread(i, org.name)))) return { len, org };
      const places = this.g.places.get(key);
      if (places && !(len === 1 && (this.shortAliasMisread(i, key, places) || this.placeAccentMisread(i, places)))) return { len, places };
    }
    // "ITV4", "More4": a known broadcaster's channel written with its number.
    if (t[i].cap && /\d$/.test(t[i].text)) {
      const channel = /^(\p{L}+)(\d{1,2})$/u.exec(t[i].text);
      if (channel && this.g.orgs.get(fold(channel[1]))?.kind === 'media') return { len: 1, org: { name: t[i].text, kind: 'media' } };
    }
    return undefined;
  }

  /**
   * "Über das Programm" read as the company Uber: a common word of the language, written with an accent the body's name
   * lacks, matched the name only through the folding of accents.
   */
  private accentMisread(i: number, name: string): boolean {
    const word = this.toks[i].text;
    return !isAscii(word) && isAscii(name) && this.isCommon(word);
  }

  /**
   * "Para ello, el Gobierno..." read as the Brazilian state Pará: a word the text also writes in lower case (or a common word
   * of the language) matched a place only through the folding of the accents every name of that place has.
   */
  private placeAccentMisread(i: number, places: PlaceEntry[]): boolean {
    const word = this.toks[i].text;
    if (!isAscii(word) || !places.every((p) => !isAscii(p.name))) return false;
    return this.isCommon(word) || this.lowerWords.has(word.toLowerCase());
  }

  /** '"Not Like Us"': a place's short alias ("US", "UK") counts only in capitals, unless it is the place's own name ("Ely", "Rye"). */
  private shortAliasMisread(i: number, key: string, places: PlaceEntry[]): boolean {
    return key.length <= 3 && !/^[\p{Lu}\d.]+$/u.test(this.toks[i].text) && !places.some((p) => fold(p.name) === key);
  }

  /** A known club whose name starts with a known place: "Arizona Diamondbacks", "New York Yankees" (not "Real Madrid"). */
  protected noteClubPlace(club: string): void {
    const words = club.split(' ');
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      const place = words.slice(0, n).join(' ');
      if (this.g.places.has(fold(place))) return this.noteTeam(place, club);
    }
  }

  protected noteTeam(place: string, club: string): void {
    const key = fold(place);
    const clubs = this.teams.get(key) ?? new Set<string>();
    this.teams.set(key, clubs.add(club));
  }

  /**
   * An acronym matched by a word that is not in capitals: "Mit" is not MIT, and "Unido" in "Reino Unido"
   * is not UNIDO; "Nato" and "Unesco" alone are (British and German copy write them so), and so is one with a digit, no
   * ordinary word ("M5s", Italian copy's Five Star Movement).
   */
  private acronymMisread(i: number, key: string): boolean {
    if (!this.g.acronyms?.has(key) || /^[\p{Lu}\d&.-]+$/u.test(this.toks[i].text) || /\d/.test(key)) return false;
    const prev = this.toks[i - 1];
    return key.length <= 3 || (!!prev && prev.isWord && prev.cap && !this.lineBreakBefore(i));
  }

  /** First word of the body, followed by the dateline's comma, bracket or dash. */
  protected datelinePosition(i: number, j: number): boolean {
    const after = this.toks[j]?.text;
    const first = this.toks[i].start >= this.bodyStart && (i === 0 || this.toks[i - 1].start < this.bodyStart);
    return first && (after === ',' || after === '(' || after === '-' || after === '–' || after === '—');
  }

  /** "in Nelson", "at Anfield", "of Arizona": a lower-case place cue right before token k. */
  protected placeCueBefore(k: number): boolean {
    const prev = this.toks[k - 1];
    if (!prev?.isWord) return false;
    // A sentence may open on the preposition: "In München gewann der FC Bayern", "In Cleveland, the Indians won".
    const word = prev.cap && prev.sentStart ? prev.text.toLowerCase() : prev.text;
    return (!prev.cap || prev.sentStart) && (this.r.PLACE_CUES_BEFORE.has(word) || word === 'at' || word === 'of');
  }

  protected inheritCountry(i: number, j: number): PlaceEntry[] | undefined {
    // "Allianz Arena", "Río de Janeiro", made places by a head or opening word: the gazetteer's entry when it knows the whole name.
    const whole = this.g.places.get(this.foldedRange(i, j));
    if (whole) return whole;
    for (let k = i; k < j; k++) {
      const p = this.g.places.get(fold(this.toks[k].text));
      if (p?.[0].countryCode) return [{ name: this.slice(i, j), countryCode: p[0].countryCode, kind: 'feature' }];
    }
    return undefined;
  }

  protected inWeakHeadline(i: number): boolean {
    return this.weakHeadline && this.toks[i].end <= this.bodyStart;
  }

  protected isAllCaps(i: number): boolean {
    const s = this.toks[i].text;
    return s.length > 1 && s === s.toUpperCase() && /\p{Lu}/u.test(s);
  }

  /** A word in capitals naming a thing, a measure, a currency or a number, in any language ("DVD", "PIB", "USD", "XIX"). */
  protected thingAcronym(word: string): boolean {
    return ROMAN_NUMERAL.test(word) || THING_ACRONYMS.has(word) || DEFAULT_GAZETTEER.common.has(word);
  }

  protected isCommon(word: string): boolean {
    return this.g.common.has(word) || this.r.common.has(word);
  }

  protected isTitle(word: string): boolean {
    return this.g.titles.has(word) || this.r.titles.has(word) || (this.english && PLURAL_TITLES.has(word));
  }

  /** A definite article, also capitalised at a sentence start ("The Government"). */
  protected isArticle(i: number): boolean {
    // Answered once per token (0 not yet, 1 yes, 2 no): the run rules ask it of the same tokens again and again.
    let answer = this.articleAnswers[i];
    if (answer === 0) {
      const word = this.toks[i].text;
      answer = this.articleAnswers[i] = this.r.articles.has(word) || this.r.articles.has(word.toLowerCase()) ? 1 : 2;
    }
    return answer === 1;
  }
  private readonly articleAnswers: Uint8Array;

  protected foldedRange(i: number, j: number): string {
    let key = '';
    for (let k = i; k < j; k++) key += (k > i ? ' ' : '') + this.folded(k);
    return key;
  }

  protected folded(i: number): string {
    return (this.foldCache[i] ??= fold(this.toks[i].text));
  }

  protected word(i: number): Token | undefined {
    const t = this.toks[i];
    return t?.isWord ? t : undefined;
  }

  protected slice(i: number, j: number): string {
    return this.text.slice(this.toks[i].start, this.toks[j - 1].end).replace(/\s+/g, ' ');
  }

  protected orgName(i: number, to: number): { name: string; surface: string } {
    const surface = this.slice(i, to);
    return { name: surface.replace(/^(?:the|The) /, ''), surface };
  }

  protected add(m: Mention): void {
    this.mentions.push(m);
  }

  /** Removes the mentions found so far that `drop` picks, in place (later passes hold the same array). */
  protected dropMentions(drop: (m: Mention) => boolean): void {
    if (this.mentions.some(drop)) this.mentions.splice(0, this.mentions.length, ...this.mentions.filter((m) => !drop(m)));
  }

  /** The person a surname names: one the text names in full ("Wladimir Putin" for "putin"), else a public figure. */
  protected personNamed(surname: string, mentions: Iterable<Mention>): Mention | undefined {
    for (const m of mentions) if (m.type === 'person' && fold(m.name.split(' ').pop() ?? '') === surname) return m;
    const figure = this.g.publicFigures?.get(surname);
    return figure ? { type: 'person', name: figure, surface: figure, start: 0, figure: true } : undefined;
  }
}

/** Surfaces have their whitespace runs collapsed to one space: walk the source to find where one ends. */
/** A town or a region only (no country, capital or venue): the places a surname or a club may share its name with. */
export function townOrRegion(places: PlaceEntry[] | undefined): boolean {
  return !!places?.every((p) => p.kind === 'city' || p.kind === 'region');
}

export function spanEnd(text: string, start: number, surface: string): number {
  let i = start;
  for (let k = 0; k < surface.length && i < text.length; k++) {
    if (surface[k] === ' ' && /\s/.test(text[i])) while (i < text.length && /\s/.test(text[i])) i++;
    else i++;
  }
  return i;
}

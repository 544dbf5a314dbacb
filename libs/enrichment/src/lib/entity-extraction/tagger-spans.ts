/**
 * The statistical tagger's spans, corrected before they become mentions: a first name running on into
 * the surname, a known name leading a span, titles and function words trimmed, German role nouns before
 * a name, an office's portfolio, inflected names (knownBaseForm), head words that make a body. Kept apart
 * from the blend (tagger-blend.ts) because these rules fix one span at a time.
 */
import { type EntityType, type Mention, titleCase } from '../entity-mentions';
import { inRawFirstNameLists, type OrgEntry, type PlaceEntry } from '../gazetteer';
import { fold, type Token } from '../tokens';
import { anyFirstName, BODY_NOUNS_BEFORE, BODY_OPENERS, BUILDING_WORDS, ELIDED, ELIDED_OF, GERMAN_NAME_JOINERS, GOVERNMENT_WORDS, LOWER_ARTICLES, NAME_PARTICLES, OF_WORDS, OFFICE_WORDS, PRESIDENT_WORDS, ROMANCE_ARTICLE_PARTICLES, STATE_WORDS, TRAILING_FUNCTION_WORDS } from '../entity-words';
import type { TaggedSpan } from '../ner/tagger';
import { SingleWords } from './singles';
import { MONTH_DAY_WORDS } from '../entity-languages';

export abstract class TaggerSpans extends SingleWords {
  /**
   * "Luís Montenegro" tagged as the person "Luís" (and the country), "Ursula von der Leyen" as the place
   * "Ursula" and the person "Leyen": a span that is one first name (in any language's list, not a
   * known place or body) runs on through the capitalised words and name particles right after it, as
   * a person, and takes the tagger's spans there with it.
   */
  protected firstNamesRunOn(spans: TaggedSpan[]): TaggedSpan[] {
    const t = this.toks;
    return this.grownPeople(spans, (s) => {
      const word = t[s.from].text;
      if (s.to - s.from !== 1 || !firstNameWord(word) || this.knownAt(s.from, s.to) || this.isTitle(word)) return undefined;
      let to = s.to;
      for (;;) {
        let k = to;
        // "und", "y": two people ("William und Harry"), not one name.
        while (this.spacedOn(k) && !t[k].cap && NAME_PARTICLES.has(t[k].text) && t[k].text !== 'und' && t[k].text !== 'y') k++;
        if (!this.spacedOn(k) || !t[k].cap || !t[k].isWord || t[k].sentStart || this.isTitle(t[k].text)) break;
        // "Anna von der Polizei": after "von der" a German common noun is where the person is from (beforeVonNoun).
        if (k > to && this.commonNouns && this.isRoleNoun(t[k].text)) break;
        to = k + 1;
      }
      return to === s.to ? undefined : to;
    });
  }

  /**
   * "le ministre Jean-Noël Barrot" tagged as the body "ministre Jean-Noël": where nouns are not capitalised (German has
   * withSurnameAfterFirstName), a span of office words or titles in lower case that ends on a first name is that person,
   * with the capitalised word right after it as the surname.
   */
  protected officeThenFirstName(span: TaggedSpan): TaggedSpan {
    const t = this.toks;
    const last = span.to - 1;
    if (this.commonNouns || last <= span.from || !firstNameWord(t[last].text)) return span;
    // Written in lower case: a capitalised title opens names ("King Crimson", "Reina Cordelia" as the corpus marks her).
    for (let k = span.from; k < last; k++) if (t[k].cap || (!this.isTitle(t[k].text) && !OFFICE_WORDS.has(t[k].text))) return span;
    const surname = this.spacedOn(span.to) && t[span.to].cap && t[span.to].isWord && !t[span.to].sentStart && !this.knownAt(span.to, span.to + 1);
    return { from: last, to: surname ? span.to + 1 : span.to, type: 'person' };
  }

  /**
   * "John F. Kennedy" tagged "John F" and "Kennedy", "Michael J. Fox" tagged "Michael J" and the body "Fox": the tagger
   * ends a name at the full stop of a middle initial. A person's span (or one opening on a first name) ending on an
   * initial, or right before one, runs on through its stop to the capitalised words after it, and takes their spans.
   */
  protected throughInitials(spans: TaggedSpan[]): TaggedSpan[] {
    const t = this.toks;
    const initial = (k: number) => k < t.length && t[k].cap && t[k].text.length === 1 && t[k + 1]?.text === '.' && t[k + 1].start === t[k].end;
    return this.grownPeople(spans, (s) => {
      if (s.type !== 'person' && !anyFirstName(t[s.from].text)) return undefined;
      let to = s.to;
      for (;;) {
        // Only after a first name: "Philippe Daudet M. Jean Galmot" (a headline run into the body) is two men and a "Monsieur".
        if (this.spacedOn(to) && initial(to) && !initial(to - 1) && anyFirstName(t[to - 1].text)) to++;
        if (!initial(to - 1) || !this.spacedOn(to + 1) || !t[to + 1].cap || !t[to + 1].isWord) break;
        to += 2;
        while (this.spacedOn(to) && t[to].cap && t[to].isWord && !initial(to) && !this.isTitle(t[to].text)) to++;
      }
      // The initial alone, no surname after its stop: the span as the tagger read it.
      return to <= s.to + 1 ? undefined : to;
    });
  }

  /** Each span `grow` gives a new end (undefined: kept as it is) becomes a person to there, and takes the spans it runs over. */
  private grownPeople(spans: TaggedSpan[], grow: (s: TaggedSpan) => number | undefined): TaggedSpan[] {
    const out: TaggedSpan[] = [];
    for (let n = 0; n < spans.length; n++) {
      const to = grow(spans[n]);
      if (to === undefined) {
        out.push(spans[n]);
        continue;
      }
      out.push({ from: spans[n].from, to, type: 'person' });
      while (n + 1 < spans.length && spans[n + 1].from < to) n++;
    }
    return out;
  }

  /** Token k follows the one before it after one space, on the same line. */
  private spacedOn(k: number): boolean {
    return k < this.toks.length && this.toks[k].start === this.toks[k - 1].end + 1 && !this.lineBreakBefore(k);
  }

  /**
   * "Gary Moore & Phil Lynott", "Gary Moore y Phil Lynott": a person's span the tagger ran over a list is one person per
   * item. Cut at "&", a comma or a conjunction where a first name and a surname follow and two words at least precede:
   * "José Ortega y Gasset" is one man, "Saskia & Serge", "Harland & Wolff", "Blood, Sweat & Tears" one act or firm each.
   */
  protected atListJoins(span: TaggedSpan): TaggedSpan[] {
    const t = this.toks;
    if (span.to - span.from < 3 || (span.type !== 'person' && !anyFirstName(t[span.from].text))) return [span];
    const out: TaggedSpan[] = [];
    let from = span.from;
    for (let k = span.from + 1; k < span.to - 1; k++) {
      const w = t[k].text;
      const join = w === '&' || w === ',' || LIST_CONJUNCTIONS.has(w);
      if (!join || k - from < 2 || span.to - k < 3 || !anyFirstName(t[k + 1].text) || !t[k + 2].cap || !t[k - 1].cap) continue;
      out.push({ from, to: k, type: 'person' });
      from = k + 1;
    }
    if (!out.length) return [span];
    out.push({ from, to: span.to, type: 'person' });
    return out;
  }

  /**
   * A tagger span that opens with a whole name the gazetteer knows and goes on past it: "Nato Mark Rutte"
   * (the body, then a first name: two names), "Milano la Borsa" (the place, then an article: the place).
   */
  protected afterKnownLead(span: TaggedSpan): TaggedSpan[] {
    const t = this.toks;
    for (let k = span.from + 1; k < span.to; k++) {
      const lowerArticle = LOWER_ARTICLES.has(t[k].text);
      const person = span.type !== 'person' && k + 1 < span.to && t[k + 1].cap && this.isFirstName(t[k].text);
      // "le ministre des Armées Sébastien Lecornu" tagged as one body: the portfolio, then the minister.
      // "le ministre de l'Économie Bruno Le Maire" tagged "Économie Bruno": a first name ending the span, a capitalised word after it.
      const holderNext = k + 1 < span.to || (k + 1 < t.length && t[k + 1].start === t[k].end + 1 && t[k + 1].isWord);
      if (span.type !== 'person' && holderNext && t[k + 1].cap && anyFirstName(t[k].text) && this.afterOffice(span.from, true)) return [{ from: k, to: span.to, type: 'person' }];
      // "el Barcelona de Hansi Flick", "il Napoli di Antonio Conte": a known name, "of", then a person (the team's coach).
      // ("la Commission d'Ursula von der Leyen": "of" elided too.)
      // ("O Porto de Vítor Bruno", "la Roma di Claudio Ranieri" tagged a place: a town "of" a person is its club.)
      const ofPerson = span.type !== 'person' && k + 2 < span.to && !t[k].cap && (NAME_PARTICLES.has(t[k].text) || ELIDED_OF.test(t[k].text)) && (t[k + 2].cap || NAME_PARTICLES.has(t[k + 2].text)) && anyFirstName(t[k + 1].text);
      if (!lowerArticle && !person && !ofPerson) continue;
      // "el Gobierno de Pedro Sánchez": a government "of" its head is the body and the person.
      if (ofPerson && k === span.from + 1 && GOVERNMENT_WORDS.has(t[span.from].text)) return [{ from: span.from, to: k, type: 'organisation' }, { from: k + 1, to: this.nameEnd(k + 1, span.to), type: 'person' }];
      const known = this.knownAt(span.from, k);
      if (!known || known.len !== k - span.from) continue;
      // "Spurs de San Antonio", "Warriors de Golden State" (the French order of "Golden State Warriors"): the team's town, not a person.
      if (ofPerson && (this.knownAt(k + 1, span.to) || known.org?.name.includes(this.slice(k + 1, span.to)))) continue;
      if (ofPerson && span.type === 'place' && !known.org && !known.places?.every((p) => p.kind === 'city' || p.kind === 'capital')) continue;
      if (ofPerson) return [{ from: span.from, to: k, type: 'organisation' }, { from: k + 1, to: this.nameEnd(k + 1, span.to), type: 'person' }];
      const lead: TaggedSpan = { from: span.from, to: k, type: known.org ? 'organisation' : 'place' };
      return person ? [lead, { from: k, to: span.to, type: 'person' }] : [lead];
    }
    return [span];
  }

  /**
   * "Acionistas Uber vendem ações" tagged as the person "Acionistas Uber": a person's span opened by a sentence's first word
   * that is no first name or title, the rest of it a whole name the gazetteer knows as a body (and not as a place), is that body.
   */
  protected afterSentenceOpener(span: TaggedSpan): TaggedSpan {
    const t = this.toks;
    const opener = t[span.from];
    if (span.type !== 'person' || span.to - span.from < 2 || !opener.sentStart || anyFirstName(opener.text) || this.isTitle(opener.text)) return span;
    const known = this.knownAt(span.from + 1, span.to);
    // (A place's name is too often a surname: "Christian Bale", "Jools Holland".)
    if (!known?.org || known.places || known.len !== span.to - span.from - 1 || this.knownAt(span.from, span.to)) return span;
    return { from: span.from + 1, to: span.to, type: 'organisation' };
  }

  /** A comma right before `from`, after an office and what it is of ("el ministro de Economía, ", "la portavoz del Gobierno, "). */
  private officeApposition(from: number): boolean {
    const t = this.toks;
    if (from < 3 || t[from - 1].text !== ',') return false;
    let j = from - 2;
    while (j > 0 && from - j <= 6 && (t[j].cap || OF_WORDS.has(t[j].text) || LOWER_ARTICLES.has(t[j].text) || ELIDED.test(t[j].text))) j--;
    // (Or the office alone before the comma: "su portavoz, Rubén del Campo".)
    return j <= from - 2 && !t[j].cap && (OFFICE_WORDS.has(t[j].text) || PRESIDENT_WORDS.has(t[j].text));
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

  protected modelMention(span: TaggedSpan): Mention | undefined {
    let from = span.from;
    // "Premier ministre Benjamin Netanyahu": a title, also one written in lower case ("ministre"), opens no name.
    while (from < span.to - 1 && (this.isTitle(this.toks[from].text) || (!this.toks[from].cap && this.isTitle(titleCase(this.toks[from].text))))) from++;
    // "du Premier ministre Ousmane Sonko", "el Papa Francisco" tagged as bodies: a title, then a first name (and the rest of
    // the name), is a person.
    if (from > span.from && span.type !== 'person' && this.isFirstName(this.toks[from].text) && (from + 1 === span.to || this.toks[from + 1].cap)) span = { ...span, type: 'person' };
    // "Selon Météo-France", "Según Iberdrola", "Laut Siemens": a sentence's opening "according to" is no part of the name.
    // ("Segundo de Chomón" is a man: a capitalised word must follow.)
    while (from < span.to - 1 && this.toks[from].sentStart && ATTRIBUTION_WORDS.test(this.toks[from].text) && this.toks[from + 1].cap) from++;
    // "le marché de Noël [de Colmar]": a body's or a place's span never opens on a lower-case particle ("van Rompuy" is a person's).
    while (span.type !== 'person' && from < span.to - 1 && !this.toks[from].cap && this.r.PARTICLES.has(this.toks[from].text) && this.toks[from + 1].cap) from++;
    // "l'agence météorologique Aemet": a body's span opening on a lower-case word (an adjective of the noun before), the rest
    // a body the gazetteer knows whole, is that body ("río Amazonas", "océano Ártico" are places' names whole).
    if (span.type === 'organisation' && from < span.to - 1 && /^\p{Ll}/u.test(this.toks[from].text)) {
      const rest = this.knownAt(from + 1, span.to);
      if (rest?.org && rest.len === span.to - from - 1) from++;
    }
    // "El Gobierno", "La Fiscalía": an article opening a body's or a place's span is the sentence's, unless the whole is known ("La Paz", "Le Monde").
    if (span.type !== 'person' && from < span.to - 1 && this.toks[from].cap && this.r.articles.has(this.toks[from].text) && this.toks[from + 1].cap && !this.knownAt(from, span.to)) from++;
    // "l'Américain John Textor": a nationality noun before a name is no part of it; before a first name it speaks of a person.
    if (from < span.to - 1 && (this.r.nationalityNouns?.has(this.toks[from].text) || this.inhabitantBeforeName(from, span.to)) && this.toks[from + 1].cap) {
      from++;
      if (this.isFirstName(this.toks[from].text)) {
        // The tagger, misled by the noun, may stop at the first name ("la Française Caroline | Garcia").
        const next = this.toks[span.to];
        const surname = span.to === from + 1 && next?.cap && next.isWord && next.start === this.toks[from].end + 1 && !this.knownAt(span.to, span.to + 1);
        span = { ...span, type: 'person', to: surname ? span.to + 1 : span.to };
      }
    }
    // "la empresa Inditex", "le groupe LVMH": a noun saying what kind of body follows is no part of its name ("río Amazonas",
    // "mar Caribe" are names whole: only these nouns).
    while (from < span.to - 1 && BODY_DESCRIPTORS.has(this.toks[from].text) && this.toks[from + 1].cap) from++;
    // "de PVV van Geert Wilders": "of" before a first name (or two capitalised words) opens no name; "van Rompuy" is one.
    if (from < span.to - 2 && !this.toks[from].cap && NAME_PARTICLES.has(this.toks[from].text) && this.toks[from + 1].cap && (anyFirstName(this.toks[from + 1].text) || this.toks[from + 2].cap)) from++;
    // "Marine Le Pen" tagged "Le Pen" at a sentence start: a known first name right before a person's span opens it.
    const firstNameBefore = from === span.from && from > 0 && this.toks[from - 1].cap && this.toks[from - 1].end + 1 === this.toks[from].start && this.isFirstName(this.toks[from - 1].text) && !this.isTitle(this.toks[from - 1].text);
    // "lobte Jamal Musiala" tagged "Musiala": before a person's span, a first name of any language opens it too, mid-sentence,
    // where it is no noun of the language, no body's opening word ("Câmara Michel Temer") and no name a list knows.
    const anyFirstNameBefore = () => {
      const w = this.toks[from - 1];
      return from === span.from && from > 0 && w.cap && !w.sentStart && w.end + 1 === this.toks[from].start && !this.commonNouns?.has(w.text) && !BODY_OPENERS.has(w.text) && !this.knownAt(from - 1, from) && anyFirstName(w.text) && !this.isTitle(w.text);
    };
    if (span.type === 'person' && (firstNameBefore || anyFirstNameBefore())) from--;
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
      if (this.commonNouns) to = this.beforeClosingNoun(span.type, from, to);
    }
    // "Servicio Nacional de Prevención y Respuesta ante Desastres (Senapred": an opening bracket ends a name (its short form follows).
    for (let k = from + 1; k < to; k++) if (this.toks[k].text === '(' || this.toks[k].text === '[') to = k;
    // Where nouns are capitalised (German), a name never ends on a lower-case word either ("Sächsische Kommission habe").
    // "l'Union Bordeaux-Bègles 59-3": a score after a club is no part of its name.
    while (to - 1 > from && /^\d+(?:[-–:]\d+)?$/.test(this.toks[to - 1].text) && /[-–:]/.test(this.text.slice(this.toks[to - 1].start, this.toks[to - 1].end + 3))) to--;
    while (to - 1 > from && !this.toks[to - 1].cap && (this.r.PARTICLES.has(this.toks[to - 1].text) || TRAILING_FUNCTION_WORDS.has(this.toks[to - 1].text) || ELIDED.test(this.toks[to - 1].text) || /^[([{«“",;:»”]$/.test(this.toks[to - 1].text) || (this.r.nounsCapitalised && /^\p{Ll}{2,}$/u.test(this.toks[to - 1].text)))) to--;
    // "die Hafen Hamburg Marketing am Mittwoch" tagged a place (as "Frankfurt am Main" is one): a day or a month after a
    // particle ends no name; the name ends before the particle.
    if (!this.english && to - 2 > from && MONTH_DAY_WORDS.has(this.toks[to - 1].text) && !this.toks[to - 2].cap && this.toks[to - 2].isWord) to -= 2;
    // "relaciones con Billy Hughes", "músico King Diamond", "actual Irak" tagged places: a place's or a body's name opens on no
    // lower-case word but a particle or a noun that opens such names in lower case ("océano Índico", "selección de Inglaterra").
    // (French and Spanish: Dutch heads its names with lower-case nouns too, "ministerie van", "graafschap Holland".)
    if (span.type !== 'person' && this.r.orgAdjective)
      while (from < to - 1 && /^\p{Ll}{2,}$/u.test(this.toks[from].text) && !this.r.PARTICLES.has(this.toks[from].text) && !NAME_PARTICLES.has(this.toks[from].text) && !LOWER_NAME_OPENERS.has(this.toks[from].text) && !this.opensNames(titleCase(this.toks[from].text)) && this.toks[from + 1].cap) from++;
    // "le héros national José Martí", "l'impératrice Eugénie": a person's name never opens on a lower-case word but a particle
    // ("van Rompuy", "de Gaulle"); "João Saldanha por Zagallo", "Angel ou Tool": a lower-case word that is no particle ends it.
    if (span.type === 'person') {
      while (from < to - 1 && /^\p{Ll}{2,}$/u.test(this.toks[from].text) && !NAME_PARTICLES.has(this.toks[from].text) && this.toks[from + 1].cap) from++;
      for (let k = from + 1; k < to - 1; k++)
        if (/^\p{Ll}{2,}$/u.test(this.toks[k].text) && !NAME_PARTICLES.has(this.toks[k].text) && !this.r.PARTICLES.has(this.toks[k].text)) to = k;
    }
    // "Fernando Haddad disse.": a person's name never ends on a lower-case word (the tagger ran on into a short sentence's verb).
    if (span.type === 'person') while (to - 1 > from && /^\p{Ll}{2,}$/u.test(this.toks[to - 1].text) && !NAME_PARTICLES.has(this.toks[to - 1].text)) to--;
    // "Alexander Van der Bellen" tagged "Alexander Van": a capitalised particle ending a person's span goes on to the surname.
    if (span.type === 'person' && to === span.to && to > from + 1 && this.toks[to - 1].cap && NAME_PARTICLES.has(this.toks[to - 1].text.toLowerCase())) {
      const t = this.toks;
      let k = to;
      while (k < t.length && t[k].start === t[k - 1].end + 1 && !t[k].cap && NAME_PARTICLES.has(t[k].text)) k++;
      if (k < t.length && t[k].start === t[k - 1].end + 1 && t[k].cap && t[k].isWord && !t[k].sentStart) to = k + 1;
    }
    if (span.type === 'person') for (let k = from + 2; k < to; k++) if (this.romanceArticleAt(k, from)) to = k;
    // "Macron nomme Bayrou Premier ministre": a title opening an office written on in lower case after a person's name is
    // that office, not part of the name (a title word alone after a name may be a surname: "Francisco Franco", "Martin King").
    if (span.type === 'person' && to - 1 > from && to === span.to && this.toks[to - 1].cap && this.isTitle(this.toks[to - 1].text) && OFFICE_WORDS.has(this.toks[to]?.text ?? '')) to--;
    // "Abdel Fattah al-Sissi": a surname written with "al-" or "el-" right after a person's span goes on from it.
    if (span.type === 'person' && to === span.to && /^(?:al|el)-\p{Lu}/u.test(this.toks[to]?.text ?? '') && this.toks[to].start === this.toks[to - 1].end + 1) to++;
    // The span's bounds are final here: what the gazetteer knows by them, looked up once for every check below.
    const known = this.knownAt(from, to);
    // "la Ferrari", "la Tyrrell" tagged places in motor-racing copy: a span the gazetteer knows whole as a club, and as no place,
    // is that club (not a company: "Mars" may be a month; not in German, whose corpora keep the tagger's place: GermEval).
    if (span.type === 'place' && !this.r.nounsCapitalised && known?.org?.kind === 'club' && !known.places && known.len === to - from) span = { ...span, type: 'organisation' };
    // "le parti Pastef", "la société Veolia": a lone name right after a lower-case noun for a body is that body.
    const bodyNounBefore = !this.english && span.type !== 'organisation' && to - from === 1 && from > 0 && !this.toks[from - 1].cap && (this.r.ORG_CUES_BEFORE.has(this.toks[from - 1].text) || BODY_NOUNS_BEFORE.has(this.toks[from - 1].text));
    if (bodyNounBefore && !known?.places) span = { ...span, type: 'organisation' };
    // "à Rádio Nacional" tagged a person: a word that opens only bodies' names makes a body.
    // ("Ministério da Saúde", "Comissão de Valores Mobiliários" tagged a place are bodies; a university or a bank may be
    // labelled a place, as its site.)
    const bodyOpener = BODY_OPENERS.has(this.toks[from].text) && (span.type === 'person' || NEVER_A_SITE.test(this.toks[from].text));
    if (span.type !== 'organisation' && !this.english && to - from >= 2 && bodyOpener && !anyFirstName(this.toks[from].text)) span = { ...span, type: 'organisation' };
    // "Dinamo Zagreb", "Slovan Liberec", "Hapoel Tel Aviv" tagged a place or a person: a word that opens only clubs' names
    // makes a club of the name it opens (not "Viktoria", "Hertha", "Lech": "Viktoria Rebensburg", "Lech Wałęsa").
    if (span.type !== 'organisation' && to - from >= 2 && CLUB_OPENERS.has(this.toks[from].text) && this.toks[from + 1].cap) span = { ...span, type: 'organisation' };
    // "Johan Cruijff ArenA", "Stadio Diego Armando Maradona" tagged a person: a ground named for someone is a place.
    if (span.type === 'person' && to - from >= 2 && (VENUE_LAST.test(this.toks[to - 1].text) || VENUE_FIRST.test(this.toks[from].text))) span = { ...span, type: 'place' };
    // "A Câmara da capital" tagged a place: such a word alone is the body, no place.
    if (span.type === 'place' && !this.english && to - from === 1 && BODY_OPENERS.has(this.toks[from].text) && !known?.places) span = { ...span, type: 'organisation' };
    // "Reino Unido" tagged a person in a title-case headline: a country's name, or a known town's or region's of several
    // words, is the place ("Jordan" alone may be a person).
    const whole = span.type === 'person' ? known : undefined;
    const placeKind = (p: PlaceEntry) => p.kind === 'country' || (to - from > 1 && (p.kind === 'capital' || p.kind === 'region' || p.kind === 'city'));
    if (whole?.len === to - from && whole.places?.some(placeKind) && (to - from > 1 || !anyFirstName(this.toks[from].text))) span = { ...span, type: 'place' };
    // "de Colmar" tagged a body outside sports copy: a known town's name alone, which names no body, is the town. (Not in the
    // Nordic languages or German, whose corpora label a town's council by the town's name: the Swedish choose half lost .0017.)
    if (span.type === 'organisation' && !this.sGenitive && !this.r.nounsCapitalised && to - from === 1 && known?.len === 1 && !known.org && known.places?.some((p) => p.kind === 'city' || p.kind === 'capital') && !this.aboutSport()) span = { ...span, type: 'place' };
    // "Maccabi Tel Aviv" tagged a person: a name that ends on a known town's name of several words, opening with no first
    // name, is a club or a body of that town.
    if (span.type === 'person' && to - from >= 3 && !anyFirstName(this.toks[from].text) && !this.knownAt(from, from + 1)) {
      for (let k = from + 1; k <= to - 2; k++) {
        const town = this.knownAt(k, to);
        if (town?.len === to - k && town.places?.some((p) => p.kind === 'city' || p.kind === 'capital')) {
          span = { ...span, type: 'organisation' };
          break;
        }
      }
    }
    // "Deutsche Bahn" tagged a place: a body the gazetteer knows by the whole span of several words, and no place so named, is
    // that body (one word alone is too often a club's town or a party's short form the corpora label a place: NorNE cost .013).
    const asBody = span.type === 'place' ? known : undefined;
    if (to - from > 1 && asBody?.len === to - from && asBody.org && !asBody.places) span = { ...span, type: 'organisation' };
    // "A ministra Nísia Trindade" tagged a place: a name right after an office written in lower case is its holder.
    const office = from > 0 && !this.toks[from - 1].cap && (OFFICE_WORDS.has(this.toks[from - 1].text) || PRESIDENT_WORDS.has(this.toks[from - 1].text));
    if (span.type !== 'person' && office && !this.english && !known) span = { ...span, type: 'person' };
    // "La portavoz del Gobierno, Pilar Alegría, ..." tagged a place: a first-named name set off after an office and its body.
    if (span.type !== 'person' && !this.english && to - from >= 2 && anyFirstName(this.toks[from].text) && this.officeApposition(from) && known?.len !== to - from) span = { ...span, type: 'person' };
    const s = { ...span, from, to };
    if (!this.toks[from].isWord) return undefined;
    // "Le", "Der", "The" alone (a sentence's first word after a dateline): a function word names nothing.
    if (s.to - from === 1 && TRAILING_FUNCTION_WORDS.has(this.toks[from].text.toLowerCase())) return undefined;
    if (s.to - from === 1 && STATE_WORDS.has(this.toks[from].text) && STATE_BEFORE.test(this.toks[from - 1]?.text ?? '')) return undefined;
    // "le Premier ministre", "Ministre" alone: a title names no one by itself.
    if (s.to - from === 1 && this.isTitle(this.toks[from].text)) return undefined;
    const surface = this.slice(from, s.to);
    const start = this.toks[from].start;
    // "Dominique de Villepin" tagged a body (the gazetteer's "Dominique" is Dominica in French, so the tagger saw a country):
    // a first name that is also a country's name, a name particle and a capitalised word no gazetteer knows are a person's
    // name. (Only where the country misled it: "Carolina del Sur", "Isla de Wight", "canton de Schwytz" are places.)
    const countryFirstName = this.knownAt(from, from + 1)?.places?.some((p) => p.kind === 'country') && inRawFirstNameLists(this.toks[from].text);
    if (s.type !== 'person' && s.to - from === 3 && countryFirstName && NAME_PARTICLES.has(this.toks[from + 1].text) && this.toks[from + 2].cap && !this.knownAt(from + 2, s.to)) return { type: 'person', name: surface, surface, start };
    const exact = known && known.len === s.to - from ? known : undefined;
    // "MADRID, 3 dic (EFE)": a known place opening the body before a comma or the agency is the dateline, whatever the tagger says.
    if (exact?.places && this.datelinePosition(from, s.to)) return { type: 'place', name: exact.places[0].name, surface, start, places: exact.places };
    if (s.type !== 'organisation' && !exact?.places && this.namesBody(from, s.to, s.type)) return { type: 'organisation', ...this.orgName(from, s.to), start };
    const base = exact ? undefined : this.knownBaseForm(from, s.to);
    if (base?.places && (s.type === 'place' || !base.org)) return { type: 'place', name: base.places[0].name, surface, start, places: base.places };
    if (base?.org) return { type: 'organisation', name: base.org.name, surface, start, org: base.org };
    // "Iberdrola y Telefónica subieron", "Die CSU hatte geklagt": a name the gazetteer knows as a company or a party and as no
    // place is that body, whatever the tagger read (not other bodies: corpora label "EU" a place as often as a body), unless
    // it is also a word ("Mars", a month).
    if (s.type === 'place' && (exact?.org?.kind === 'company' || exact?.org?.kind === 'party') && !exact.places && !this.isCommon(surface) && !this.lowerWords.has(fold(surface))) return { type: 'organisation', name: exact.org.name, surface, start, org: exact.org };
    // "la gestión del Ejecutivo", "il Governo": a government is a body, never a place.
    if (s.type === 'place' && s.to - from === 1 && GOVERNMENT_WORDS.has(surface) && !exact?.places) return { type: 'organisation', name: surface, surface, start };
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
      for (let i = 1; i < this.toks.length; i++) if (this.toks[i - 1].cap && this.isFirstName(this.toks[i - 1].text)) this.afterFirstNames.add(this.toks[i].text);
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
  protected withoutRoleNouns(tagged: TaggedSpan): TaggedSpan[] {
    const span = this.withSurnameAfterFirstName(tagged);
    let { from, type } = span;
    // "Putins Armee" tagged as a body: the name in the genitive alone, typed by what it names.
    if (type !== 'person' && span.to - from === 2 && this.genitiveBeforeNoun(from)) return [{ from, to: from + 1, type: this.ownerType(from, from + 1) }];
    const isNoun = (i: number) => this.isRoleNoun(this.toks[i].text);
    // "Kölner Kardinal Joachim Meisner" tagged as a body: role words, then a first name and a surname, are that person.
    let first = from;
    while (first < span.to - 2 && isNoun(first)) first++;
    if (type === 'organisation' && first > from && this.isFirstName(this.toks[first].text) && this.toks[first + 1].cap) type = 'person';
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
    // "Hermann Ecksteins Karriere": a common noun after a name in the genitive is what the name owns; so a role noun after a
    // place's genitive ("Sachsens Regierungschef", where no name follows).
    if (to - from >= 3 && /s$/.test(this.toks[to - 2].text) && this.commonNouns?.has(this.toks[to - 1].text)) to--;
    else if (to - from === 2 && /s$/.test(this.toks[from].text) && this.g.places.has(fold(this.toks[from].text).slice(0, -1)) && isNoun(from + 1)) to--;
    // "Putins Krieg", "Selenskyjs Appell": one name in the genitive and the common noun it owns.
    else if (to - from === 2 && this.genitiveBeforeNoun(from)) {
      to--;
      type = this.ownerType(from, to);
    }
    // "Ehrenbürger Europas": what is left after the role noun is a place (here in the genitive), not a person.
    const word = fold(this.toks[from].text);
    if (from > stripped && to - from === 1 && (this.g.places.has(word) || this.g.places.has(word.replace(/s$/, '')))) type = 'place';
    return owner ? [owner, { ...span, from, to, type }] : [{ ...span, from, to, type }];
  }

  /**
   * "Le Lyonnais Alexandre Lacazette", "le Toulousain Antoine Dupont": where the language capitalises an inhabitant used as
   * a noun, an article, a capitalised word that is no first name, then a first name and another capitalised word inside
   * the span: the first word says where the person is from (a person's name takes no article).
   */
  private inhabitantBeforeName(i: number, to: number): boolean {
    const t = this.toks;
    return !this.english && !this.r.nounsCapitalised && i > 0 && i + 2 < to && this.r.articles.has(t[i - 1].text) && !this.isFirstName(t[i].text) && this.isFirstName(t[i + 1].text) && t[i + 2].cap;
  }

  /**
   * "Finanzminister Christian Lindner" tagged as the body "Finanzminister Christian": a body's span of role nouns that
   * ends on a first name, right before a capitalised word that is no common noun, is a person whose surname follows.
   */
  private withSurnameAfterFirstName(span: TaggedSpan): TaggedSpan {
    const last = span.to - 1;
    const next = this.toks[span.to];
    if (span.type !== 'organisation' || last <= span.from || !this.isFirstName(this.toks[last].text) || !this.capWordAt(span.to) || next.start !== this.toks[last].end + 1 || this.commonNouns?.has(next.text)) return span;
    for (let k = span.from; k < last; k++) if (!this.isRoleNoun(this.toks[k].text)) return span;
    return { ...span, type: 'person', to: span.to + 1 };
  }

  /** Token k is a name in the genitive ("Putins", "Merkels") right before a common noun it owns, and not a known name itself ("Siemens", "Paris"). */
  protected genitiveBeforeNoun(k: number): boolean {
    const [owner, noun] = [this.toks[k], this.toks[k + 1]];
    return !!this.commonNouns && !!noun && /[^s]s$/.test(owner.text) && this.commonNouns.has(noun.text) && !this.isFirstName(noun.text) && !this.knownAt(k, k + 1) && !this.knownAt(k, k + 2);
  }

  /** The type of a genitive owner cut from a person's span: a known body or place as the gazetteer says ("Microsofts", "Berlins"), else a person. */
  private ownerType(from: number, to: number): EntityType {
    const key = fold(this.slice(from, to).replace(/s$/, ''));
    if (this.g.orgs.has(key)) return 'organisation';
    return this.g.places.has(key) ? 'place' : 'person';
  }

  /** A word that opens names of places or bodies in this language ("Río", "Universidad", "Museo"). */
  private opensNames(word: string): boolean {
    return this.r.PLACE_PREFIXES.has(word) || this.r.ORG_PREFIXES.has(word) || BUILDING_WORDS.has(word) || BODY_OPENERS.has(word);
  }

  /**
   * Where nouns are capitalised, the tagger runs a name on into the sentence's next noun: "FK Zemun von Beginn", "FC Fulham
   * im Raum" (a preposition and a noun), "SC Heerenveen 26 Spiele" (a count and a noun), "Markus Eisenbichler Weltmeister"
   * (a noun after a name of two words). The noun must be in the list as written and no known name; after a person's name only
   * where the word before it is no first name ("Karl Heinz Müller" keeps the miller).
   */
  private beforeClosingNoun(type: EntityType, from: number, to: number): number {
    const t = this.toks;
    const nouns = this.commonNouns;
    if (!nouns) return to;
    const noun = (k: number) => {
      const w = t[k].text;
      return nouns.has(w) && !this.isFirstName(w) && !this.g.orgs.has(fold(w)) && !this.g.places.has(fold(w));
    };
    if (to - from >= 3 && noun(to - 1) && (CLOSING_PREPOSITIONS.has(t[to - 2].text) || /^\d+$/.test(t[to - 2].text))) return to - 2;
    if (type === 'person' && to - from >= 3 && noun(to - 1) && !this.isFirstName(t[to - 2].text)) return to - 1;
    return to;
  }

  /**
   * A German common noun that may stand before a name: a role ("Kardinal", "Fotograf"), a compound
   * ending in one ("Kriegsfotograf", "Ortsbeauftragter"), an inhabitant ("Kölner"), or one of those in
   * the genitive ("Geigers Adolf Gebauer"). Never a known first name; a compound's last part is five
   * letters at least ("Siegmund" is no "Mund").
   */
  protected isRoleNoun(word: string): boolean {
    const nouns = this.commonNouns as ReadonlySet<string>;
    if (this.isFirstName(word)) return false;
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
   * Token i follows an office word and "of" ("ministra de", "ministre de l'", "ministro dell'"); with
   * `presidents`, a president's too ("presidente del Consiglio": what follows may be a body, but a first
   * name after it starts the holder's name).
   */
  protected afterOffice(i: number, presidents = false): boolean {
    let k = i - 1;
    while (k >= 0 && k >= i - 2 && (this.r.PARTICLES.has(this.toks[k].text.toLowerCase()) || ELIDED.test(this.toks[k].text) || OF_WORDS.has(this.toks[k].text))) k--;
    if (k === i - 1 || k < 0) return false;
    const office = (word: string) => OFFICE_WORDS.has(word) || (presidents && PRESIDENT_WORDS.has(word));
    const word = this.toks[k].text.toLowerCase();
    // "el comisario europeo de Economía", "le commissaire européen à l'Économie": one adjective after the office.
    return office(word) || (k > 0 && /^\p{Ll}+(?:eo|ea|ean|éen|éenne|eu|eia|al|ale|aux|ano|ana|ais|aise|ese|esa|ien|ienne|ico|ica|ique|adjunto|adjunta|adjoint|adjointe)$/u.test(this.toks[k].text) && office(this.toks[k - 1].text.toLowerCase()));
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
    if (type === 'person') return to - from > 1 && this.r.ORG_PREFIXES.has(first) && !this.isFirstName(first);
    return (this.r.ORG_PREFIXES.has(first) || !!this.r.orgSuffix?.test(first)) && !BUILDING_WORDS.has(first);
  }
}

/** Words opening the names of bodies that have no site a text would name them for: a ministry, a commission, a council, an agency, a party. */
const NEVER_A_SITE = /^(?:Minist\p{L}+|Comissão|Commissione|Comisión|Commission|Conselho|Consiglio|Consejo|Conseil|Agência|Agenzia|Agencia|Agence|Partido|Partito|Parti)$/u;

/** A ground's head word, last or first in its name, in the tagged languages. */
const VENUE_LAST = /^(?:Arena|ArenA|Stadium|Stadion)$/;
const VENUE_FIRST = /^(?:Stade|Stadio|Estadio|Estádio|Stadion)$/;

/** Nouns the Romance languages write in lower case at the head of a place's or a body's name: "océano Índico", "selección de Inglaterra". */
const LOWER_NAME_OPENERS = new Set(
  'pôle polo pic pico picco cimetière cementerio cimitero cemitério parc parque parco jardin jardín océano oceano océan mar mare mer río rio rivière fleuve fiume lac lago laguna isla île ilha isola islas îles ilhas isole monte mont montes sierra cordillera serra golfo golfe bahía baie baía baia cabo cap capo península péninsule penisola istmo isthme estrecho détroit stretto canal canale valle vallée vale desierto désert deserto volcán volcan vulcano archipiélago archipel arquipélago cerro provincia province província región région região regione departamento département estado état stato condado comté contea distrito district distretto municipio commune município comune aeropuerto aéroport aeroporto estación gare estação stazione puerto port porto plaza place praça piazza calle rue rua via avenida avenue barrio quartier bairro quartiere selección sélection seleção selezione equipo équipe equipa squadra antigua antiguo antiga antico antica ancienne ancien grand grande gran'.split(' '),
);
/**
 * Words that open sports clubs' names only, across Europe and beyond ("Stade" also opens grounds: "Stade de France"; "Ural",
 * "Dnipro", "Sturm" name mountains, a river, a storm too).
 */
const CLUB_OPENERS = new Set(
  'Dinamo Dynamo Slovan Spartak Lokomotiv Lokomotive Torpedo Zenit Legia Wisła Górnik Partizan Sparta Slavia Baník Steaua Universitatea Levski Hapoel Maccabi Beitar Olympique Olympiacos Olympiakos Racing Deportivo Atlético Sporting Athletic Borussia Eintracht Fortuna Alemannia Arminia Kickers Rot-Weiss Rot-Weiß Schalke Werder Ferencváros Honvéd Dukla Crvena Hajduk Rijeka Shakhtar Metalist Karpaty Vorskla Krylia Anzhi Admira Wacker Grasshopper Servette Feyenoord Ajax Vitesse Anderlecht Standard Besiktas Beşiktaş Fenerbahçe Galatasaray Trabzonspor Panathinaikos PAOK Apollon Omonia Anorthosis'.split(' '),
);
/** Conjunctions joining two people's names in the tagged languages. */
const LIST_CONJUNCTIONS = new Set('and y e et und en och og i ou o oder or'.split(' '));
/** German prepositions that open no part of a name before a common noun ("von Beginn", "im Raum"; not "für": "Institut für Arbeitsmarktforschung"). */
const CLOSING_PREPOSITIONS = new Set('von vom im am beim seit mit nach vor bei und'.split(' '));
/** "According to" opening a sentence, in the tagged languages (in TRAILING_FUNCTION_WORDS too, but for "Segundo", also a first name). */
const ATTRIBUTION_WORDS = /^(?:Selon|Según|Segun|Laut|Secondo|Segundo|Volgens|Ifølge|Enligt)$/;

/**
 * Lower-case nouns of the tagged languages that say what kind of body a name is ("la empresa Inditex", "le groupe LVMH"), and
 * the adjectives and trades written between such a noun and the name ("la petrolera estatal Pemex", "l'entreprise publique").
 */
const BODY_DESCRIPTORS = new Set(
  'estatal pública público privada privado publique privée pubblica statale petrolera naviera eléctrica farmacéutica aseguradora minera energética pétrolier opérateur petrolifera petrolífera empresa compañía firma aerolínea constructora operadora multinacional fabricante grupo entreprise société compagnie firme groupe constructeur fabricant multinationale companhia fabricante azienda società compagnia gruppo ditta diario periódico quotidien journal jornal giornale quotidiano'.split(' '),
);

/**
 * "golpe de Estado", "coup d'État", "l'intervention de l'État", "capo di Stato", "lo Stato", "el Estado": the state as an
 * institution (not "do Estado", often a Brazilian state).
 */
const STATE_BEFORE = /^(?:de|d['’]|l['’]|el|del|di|lo|allo|dello|nello|sullo)$/iu;

/** A first name, or first names joined by hyphens, each one a first name ("Jean-Noël", "Hans-Peter"). */
function firstNameWord(word: string): boolean {
  return anyFirstName(word) || (word.includes('-') && word.split('-').every((part) => part.length > 1 && anyFirstName(part)));
}

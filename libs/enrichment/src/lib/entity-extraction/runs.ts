/**
 * Candidate runs: where a capitalised run starts and ends (lower-case words inside a known name, "Office
 * for Students", "Ministry of Land, Infrastructure, Transport and Tourism", initials), and the shapes that
 * make a run a body or a place from some word on (orgSpanFrom, placeSpanFrom, headFirstBodyLead). Kept
 * apart from the segmenting (segments.ts), which asks these shape tests run by run.
 */
import { fold } from '../tokens';
import { GEOGRAPHIC_PREFIXES } from '../english-cues';
import { CALENDAR_WORDS, COMPASS_WORDS, ELIDED, FOR_PURPOSE_HEADS, GEOGRAPHIC_HEADS, GROUP_POSSESSORS, INDUSTRY_COMPOUND, LOWER_ARTICLES, NAME_PARTICLES, NATIONAL_HEADS, NATIONS_OF_THE_UK, NOT_BODY_WORDS, ON_TOPIC_HEADS, PLACE_ADJECTIVES, PORTFOLIO_WORDS, ROLE_NOUNS, ROMANCE_PURPOSE_WORDS, SAINT_WORDS, STRICT_PLACE_HEADS, VENUE_HEADS, VENUE_PAIRS } from '../entity-words';
import { ContextCues } from './cues';
import { isEnglishWord } from '../english-words';

export abstract class CandidateRuns extends ContextCues {
  protected runs(): [number, number][] {
    const out: [number, number][] = [];
    const t = this.toks;
    for (let i = 0; i < t.length; ) {
      if (!t[i].cap) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < t.length && j - i < MAX_RUN_TOKENS && !this.lineBreakBefore(j)) {
        const prev = t[j - 1];
        if (prev.poss && !(t[j].cap && (this.r.PLACE_HEADS.has(t[j].text) || this.r.ORG_HEADS.has(t[j].text) || (this.english && GROUP_POSSESSORS.has(prev.text)) || this.saintsBodyAfter(i, j) || this.knownGoesOn(i, j)))) break;
        // "Australia's Senate", "London's Metropolitan Police": a known place's own body is named after the possessive.
        const possessor = prev.poss && this.english && !SAINT_WORDS.has(t[i].text) ? this.knownAt(i, j) : undefined;
        if (possessor?.len === j - i && possessor.places && !possessor.org) break;
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
        // "Sky Sports 1", "Channel 4 News", "Schalke 04": a number that continues a known name, or a known channel's
        // numbered sibling ("TNT Sports 2").
        if (/^\d{1,3}$/.test(low) && t[j].start - t[j - 1].end === 1 && (this.g.prefixes.has(this.foldedRange(i, j + 1)) || this.numberedChannel(i, j) > 0)) {
          j++;
          continue;
        }
        if (nextCap && (this.initialDot(j) || this.abbreviationDot(j))) {
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
        // ... or after one word no dictionary knows, in a Dutch or German surname ("Botic van de Zandschulp").
        const twoParticles = !this.r.englishLists
          ? this.r.PARTICLES.has(low) && this.r.PARTICLES.has(t[j + 1]?.text ?? '')
          : NAME_PARTICLES.has(low) && NAME_PARTICLES.has(t[j + 1]?.text ?? '') && (this.isFirstName(t[j - 1].text) || this.germanicSurnameAfter(i, j));
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
        const purposeEnd = this.english ? 0 : this.romancePurposeEnd(i, j);
        if (purposeEnd) {
          j = purposeEnd;
          continue;
        }
        if (nextCap && this.r.ORG_JOINERS.has(low) && this.orgJoinOk(i, j)) {
          j += 2;
          continue;
        }
        // "the Supreme Court of the United States", "the Central Bank of the Philippines": an institution "of the" country.
        const country = this.english && low === 'of' && t[j + 1]?.text === 'the' && NATIONAL_HEADS.has(t[j - 1].text) ? this.knownAt(j + 2, j + 2 + this.g.maxWords) : undefined;
        if (country?.places?.some((p) => p.kind === 'country') && !country.org) {
          j += 2 + country.len;
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

  /** "Botic van de Zandschulp": one word opening the run, no English word and no known name, then "van de", "von der", "van den". */
  private germanicSurnameAfter(runStart: number, j: number): boolean {
    const t = this.toks;
    return j - 1 === runStart && GERMANIC_PAIR.test(`${t[j].text} ${t[j + 1]?.text ?? ''}`) && !isEnglishWord(t[runStart].text) && !this.knownAt(runStart, j);
  }

  /**
   * "TNT Sports 2", "Fox Sports 1": a number of one or two digits right after a broadcaster the gazetteer knows, ending at
   * `j`, numbers one of its channels. Returns where the broadcaster's name starts, or -1.
   */
  protected numberedChannel(from: number, j: number): number {
    const number = this.toks[j]?.text ?? '';
    if (!/^\d{1,2}$/.test(number)) return -1;
    for (let s = Math.max(from, j - 3); s < j; s++) {
      const known = this.knownAt(s, j);
      // Channels are numbered 1 to 9 ("Sky Sports 1", "BBC Radio 4"), a "Channel" or "Network" beyond ("Network 10"):
      // "Amazon Prime Video 20, the league said" counts matches.
      if (known?.org?.kind === 'media' && known.len === j - s && (number.length === 1 || /^(?:Channel|Network)$/.test(this.toks[j - 1].text))) return s;
    }
    return -1;
  }

  /**
   * The end of a name the gazetteer knows that runs through the lower-case word at `j` ("Trinidad and
   * Tobago", "Court of Arbitration for Sport", "Fonds monétaire international"), or 0.
   */
  private knownNameEnd(runStart: number, j: number): number {
    const t = this.toks;
    // Most lower-case words after a capitalised run ("said", "sagte") are inside no known name: asked once, not once per start.
    if (!innerWordsOf(this.g.prefixes).has(this.folded(j))) return 0;
    for (let s = Math.max(runStart, j - this.g.maxWords + 1); s < j; s++) {
      let key = this.foldedRange(s, j + 1);
      if (!this.g.prefixes.has(key)) continue;
      // "Police judiciaire", "Force ouvrière": the lower-case word may end the name outside English.
      let end = !this.english && (this.g.orgs.has(key) || this.g.places.has(key)) && this.casingFits(s, j + 1, key) ? j + 1 : 0;
      for (let e = j + 1; e < t.length && e - s < this.g.maxWords && !this.lineBreakBefore(e); e++) {
        key += ` ${this.folded(e)}`;
        if (!this.g.prefixes.has(key)) break;
        // French and Spanish names may end in lower case ("Fonds monétaire international"); English ones do not.
        if ((t[e].cap || !this.english) && (this.g.orgs.has(key) || this.g.places.has(key)) && this.casingFits(s, e + 1, key)) end = e + 1;
      }
      if (end) return end;
    }
    return 0;
  }

  /**
   * "Le monde connaît une pénurie", "El país vive una crisis": a sentence's capitalised article and a common noun are not
   * the newspaper. A word the text writes in lower case may be inside a known name only where the gazetteer writes it
   * in lower case too ("Fonds monétaire international"). Known only by an alias, whose casing is not kept, it may.
   */
  private casingFits(from: number, to: number, key: string): boolean {
    const written = [this.g.orgs.get(key)?.name, ...(this.g.places.get(key) ?? []).map((p) => p.name)].filter((n): n is string => !!n && fold(n) === key);
    if (!written.length) return true;
    return written.some((name) => {
      const words = name.split(/\s+/);
      if (words.length !== to - from) return true;
      for (let k = from; k < to; k++) if (!this.toks[k].cap && /^\p{Lu}/u.test(words[k - from])) return false;
      return true;
    });
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
    if (!this.headJoinAt(j, false) && !this.topicJoinAt(j)) return 0;
    const first = t[j + 1]?.text === 'the' ? j + 2 : j + 1;
    return this.nameWordAt(first) ? this.listInNameEnd(this.nameWordsFrom(first)) : 0;
  }

  /**
   * A deliberating body's head and "on" before its topic ("Commission on Human Rights", "Council on Foreign
   * Relations", "Intergovernmental Panel on Climate Change"); not "the Commission on Monday", "the Council on
   * Capitol Hill": the topic opens with no day, month, first name or known name.
   */
  private topicJoinAt(k: number): boolean {
    const t = this.toks;
    const first = t[k + 1];
    if (t[k].text !== 'on' || !ON_TOPIC_HEADS.has(t[k - 1].text) || !first?.cap || CALENDAR_WORDS.has(first.text)) return false;
    return !this.startsOtherName(k + 1);
  }

  /**
   * "Instituto Nacional contra la Discriminación", "Comité pour l'Élimination": a body named head first (its run opens
   * on the head, or an article and the head) goes on through a preposition of purpose, an article and capitalised words.
   */
  private romancePurposeEnd(runStart: number, j: number): number {
    const t = this.toks;
    const head = this.r.articles.has(t[runStart].text) ? runStart + 1 : runStart;
    if (!ROMANCE_PURPOSE_WORDS.has(t[j].text) || head >= j || !this.r.ORG_PREFIXES.has(t[head].text)) return 0;
    const first = t[j + 1] && (this.r.articles.has(t[j + 1].text) || ELIDED.test(t[j + 1].text)) ? j + 2 : j + 1;
    return this.nameWordAt(first) ? this.nameWordsFrom(first) : 0;
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
  protected countryNamedBody(from: number, to: number): boolean {
    const t = this.toks;
    const first = this.isArticle(from) ? from + 1 : from;
    if (to - first < 2 || to - first > 4 || this.inWeakHeadline(first) || this.knownAt(first, to)?.len === to - first) return false;
    // The country (or a state: "Events South Australia", "Tourism New Zealand") that ends the run, of one word or more.
    let served = -1;
    let country = NATIONS_OF_THE_UK.has(t[to - 1].text);
    for (let k = first + 1; k < to && served < 0; k++) {
      const known = this.knownAt(k, to);
      if (known?.len === to - k && known.places?.some((p) => p.kind === 'country' || p.kind === 'region')) {
        served = k;
        country ||= known.places.some((p) => p.kind === 'country');
      }
    }
    if (served < 0 && country) served = to - 1;
    if (served < 0) return false;
    // "In Germany", "From Japan", "Following Pakistan": a sentence's first word; '"Deadly Reunion"': a title. Inside a
    // sentence a capitalised common noun does open such a body ("approved by Health Canada", "said Sport England"); a day does not.
    const opener = t[first];
    if ((opener.sentStart ? this.skippable(first) && !PORTFOLIO_WORDS.has(opener.text) : CALENDAR_WORDS.has(opener.text)) || /^["“«']$/.test(t[first - 1]?.text ?? '')) return false;
    for (let k = first; k < served; k++) {
      const word = t[k].text;
      // "LATEST FROM SPAIN": a heading in capitals; "Southern California", "Greater Sydney": a part of the place.
      if (!t[k].cap || !t[k].isWord || (word.length > 1 && word === word.toUpperCase()) || NOT_BODY_WORDS.has(word) || this.isFirstName(word) || (this.isTitle(word) && !PORTFOLIO_WORDS.has(word)) || this.g.demonyms.has(fold(word)) || this.knownAt(k, k + 1)) return false;
      // "Roman Britain", "Victorian England": an era's adjective, the country then ("Historic England" is a body).
      if (COMPASS_WORDS.has(word) || PLACE_ADJECTIVES.has(word) || /^(?:Greater|Inner|Outer|Rural|Regional|Metro)$/.test(word) || /^\p{Lu}\p{Ll}{2,}(?:an|ish|ese)$/u.test(word)) return false;
      // A state serves a body named with a plural or an activity ("Events", "Tourism"), not any word before it.
      if (!country && !/(?:s|ism)$/.test(word)) return false;
    }
    return true;
  }

  /** Where the run's last "<head> for" join is ("Africa Centres for Disease Control"), or -1: found once per run. */
  protected lastForPurposeJoin(from: number, to: number): number {
    for (let k = to - 2; k > from; k--) if (this.headJoinAt(k, false) || this.topicJoinAt(k)) return k;
    return -1;
  }

  /** A first name or the start of a name the gazetteer knows: a new name, not a list inside this one. */
  private startsOtherName(k: number, places = true): boolean {
    const known = this.knownAt(k, k + this.g.maxWords);
    return this.isFirstName(this.toks[k].text) || !!known?.org || (places && !!known?.places);
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
    // "the United Nations and Hang Seng Bank": a body the gazetteer knows by all the words before "and" is one of two names.
    const knownBefore = this.toks[joiner].text === 'and' && joiner - nameStart >= 2 ? this.knownAt(nameStart, joiner) : undefined;
    if (knownBefore?.org && knownBefore.len === joiner - nameStart) return false;
    const aloneHead = this.toks[joiner].text === 'and' && joiner - 1 === nameStart && this.r.ORG_HEADS.has(before.text) && !this.g.orgs.has(fold(before.text));
    // ... when two or more words and a head word follow: not "the Army and Navy".
    if (aloneHead) return this.headAfterJoiner(joiner, false);
    // "Devon and Somerset Fire and Rescue Service", "Avon and Somerset Police": two places and "and" open one body's name
    // when the capitalised words after the second end on a body's head ("Paris and Lyon police" stays two places).
    const placesJoined = this.english && this.toks[joiner].text === 'and' && this.g.places.has(fold(before.text)) && this.knownAt(joiner + 1, joiner + 4)?.places && joiner - 1 === nameStart;
    if (placesJoined && this.headAfterJoiner(joiner, true)) return true;
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

  /** A name the gazetteer knows runs on through the word at j ("Moody's Investors Service"; keys keep the possessive). */
  private knownGoesOn(runStart: number, j: number): boolean {
    const t = this.toks;
    for (let s = Math.max(runStart, j - this.g.maxWords + 1); s < j; s++) {
      const key = t.slice(s, j + 1).map((x) => fold(x.text) + (x.poss ? "'s" : '')).join(' ');
      if (this.g.prefixes.has(key)) return true;
    }
    return false;
  }

  /** "St Mary's Catholic Primary School", "St John's Roman Catholic Church": a saint's name in the possessive opening a body's name that ends on its head. */
  private saintsBodyAfter(runStart: number, j: number): boolean {
    const t = this.toks;
    if (!this.english || !SAINT_WORDS.has(t[runStart].text)) return false;
    let k = j;
    while (k < t.length && t[k].cap && !t[k].poss && !this.lineBreakBefore(k)) k++;
    return k > j && this.r.ORG_HEADS.has(t[k - 1].text);
  }

  /**
   * Two or more capitalised words on the joiner's line follow it and end on a body's head; with `inner`, "and", "of" and
   * "for" between capitalised words are part of them ("Somerset Fire and Rescue Service").
   */
  private headAfterJoiner(joiner: number, inner: boolean): boolean {
    const t = this.toks;
    const inName = (x: number) => (t[x].cap || (inner && /^(?:and|of|for)$/.test(t[x].text) && !!t[x + 1]?.cap)) && !this.lineBreakBefore(x);
    let k = joiner + 1;
    while (k < t.length && inName(k)) k++;
    return k - joiner - 1 >= 2 && this.r.ORG_HEADS.has(t[k - 1].text);
  }

  /** The run from i is an organisation by its shape: "... Council", "Ministry of ...". */
  protected orgSpanFrom(i: number, to: number, known: { len: number } | undefined): boolean {
    const t = this.toks;
    const last = t[to - 1].text;
    if (to - i < 2 || (known && known.len === to - i) || this.r.PLACE_HEADS.has(last) || !t[i].cap) return false;
    // "The Government said": an article and a common head name no one body.
    if (to - i === 2 && this.isArticle(i) && this.isCommon(last)) return false;
    // "If the European Council agrees": a sentence's first word is not the body's.
    // ("Bay Area Rapid Transit", "Lake County Council", "Greater Manchester Police": a place's first word does open one.)
    // ("West Yorkshire Police", "North Wales Police": a compass word before a known place does too.)
    const placeOpener = this.r.PLACE_PREFIXES.has(t[i].text) || (t[i].text === 'Greater' && !!this.knownAt(i + 1, to)?.places) || (COMPASS_WORDS.has(t[i].text) && !!this.knownAt(i + 1, to)?.places);
    if (t[i].sentStart && !known && this.isCommon(t[i].text) && !this.r.ORG_PREFIXES.has(t[i].text) && !this.r.ORG_HEADS.has(t[i].text) && !placeOpener) return false;
    // "Shares of General Motors", "Workers of Siemens Energy": a plural noun opening the sentence is about the body, not its name.
    if (!known && this.pluralAboutBody(i)) return false;
    if (this.r.ORG_HEADS.has(last) || (this.english && INDUSTRY_COMPOUND.test(last))) return true;
    // "the Austin American-Statesman", "the Pittsburgh Post-Gazette": a head after a hyphen.
    if (this.english && /-\p{Lu}/u.test(last) && this.r.ORG_HEADS.has(last.slice(last.lastIndexOf('-') + 1))) return true;
    // "Florida Power & Light", "Simon & Schuster": an ampersand between names the gazetteer does not know whole is a firm's.
    // (Not words all in capitals: "BRIGHT, BROTHERS & CU., MELBOURNE" is an old advertisement's line.)
    if (this.english && t.slice(i + 1, to - 1).some((x) => x.text === '&') && t.slice(i, to).some((x) => /\p{Ll}/u.test(x.text))) return true;
    // A "<head> for" join at or after i: segment() finds the run's last one once (runForJoin).
    if (this.english && this.runForJoin > i) return true;
    if (this.r.nounsCapitalised && t[i].cap && this.r.articles.has(t[i].text)) return false;
    // French and Spanish name bodies noun first: "Parti communiste", "Partido Popular", "Banco de España".
    return this.r.ORG_PREFIXES.has(t[i].text) && !known && (this.r.PARTICLES.has(t[i + 1].text) || this.r.ORG_JOINERS.has(t[i + 1].text) || !!this.r.orgAdjective);
  }

  /**
   * "People's Bank of China", "Children's Hospital of Philadelphia", "Women's Tennis Association": a plural of people in
   * the possessive at `i` opening a body's name (its head ends the run, joins "of"/"for" inside it, or a known body
   * follows). Returns the name's end, or 0 ("Children's Commissioner Anne Longfield" names her office's holder).
   */
  protected groupBodyEnd(i: number, to: number): number {
    const t = this.toks;
    if (!t[i].poss || !GROUP_POSSESSORS.has(t[i].text) || i + 1 >= to) return 0;
    if (this.r.ORG_HEADS.has(t[to - 1].text)) return to;
    for (let k = i + 2; k < to - 1; k++) if (this.headJoinAt(k, true) || (t[k].text === 'of' && this.r.ORG_HEADS.has(t[k - 1].text))) return to;
    const known = this.knownAt(i + 1, to);
    return known?.org ? i + 1 + known.len : 0;
  }

  /** "Shares of General Motors", "Workers of Siemens Energy": a plural noun opening an English sentence before "of", about the body after it. */
  protected pluralAboutBody(i: number): boolean {
    const t = this.toks;
    return this.english && t[i].sentStart && t[i + 1]?.text === 'of' && /^\p{Lu}\p{Ll}+s$/u.test(t[i].text) && !this.r.ORG_PREFIXES.has(t[i].text) && !this.r.ORG_HEADS.has(t[i].text) && !this.knownAt(i, i + 1);
  }

  /** A head-first body's head at k: "Association of", "Institute for". */
  private headFirstAt(k: number): boolean {
    const next = this.toks[k + 1]?.text;
    return this.r.ORG_PREFIXES.has(this.toks[k].text) && (next === 'of' || next === 'for');
  }

  /**
   * "Motion Picture Association of America", "Real Estate Council of Ontario", "Glasgow School of Art":
   * capitalised words inside a sentence before a head-first body ("Association of ...") are part of its
   * name, though each alone is a common word or a place; so is a demonym ("Chinese Academy of Sciences", "Royal
   * Swedish Academy of Sciences", as "Japanese Defense Ministry" is one name). Returns where the name starts, or -1
   * when no such words precede the head (or the gazetteer knows the run's names, or one is a title or an article).
   */
  protected headFirstBodyLead(from: number, to: number): number {
    const t = this.toks;
    // (A first name opens no body's name here, unless it is also a state's or a country's: "the Virginia Department of Transportation".)
    const region = (x: number) => !!this.knownAt(x, x + 1)?.places?.some((p) => p.kind === 'region' || p.kind === 'country');
    for (let k = from + 1; k < to - 2; k++) {
      if (!this.headFirstAt(k)) continue;
      // A state's own department, though the gazetteer knows the federal one ("Department of Transportation"); a country's
      // ("the US Department of Justice") stays the country and the body.
      const known = this.knownAt(k, to);
      const statesOwn = !!known?.org && known.len === to - k && !!this.knownAt(k - 1, k)?.places?.some((p) => p.kind === 'region');
      if (!statesOwn && !this.orgSpanFrom(k, to, known)) return -1;
      // "Federal Reserve Bank of New York President John Williams": a known name from the run's start reaching past the head,
      // or a title and a first name after it (the body's officer), is for the word-by-word segmentation.
      const lead = this.knownAt(from, to);
      const officer = (x: number) => t[x].cap && this.isTitle(t[x].text) && this.isFirstName(t[x + 1]?.text ?? '');
      if ((lead?.org && from + lead.len > k) || t.slice(k + 1, to - 1).some((_, n) => officer(k + 1 + n))) return -1;
      let j = k;
      const partOfName = (x: number) => t[x].cap && t[x].isWord && !t[x].poss && !this.isArticle(x) && !this.isTitle(t[x].text) && (!this.isFirstName(t[x].text) || region(x)) && (!t[x].sentStart || !!this.knownAt(x, x + 1)?.places);
      while (j > from && partOfName(j - 1)) j--;
      if (j === k || this.knownAt(j, to)?.org) return -1;
      return j;
    }
    return -1;
  }

  /** "Jomo Kenyatta International Airport", "River Corrib", "Stade de France". */
  protected placeSpanFrom(i: number, to: number): boolean {
    const t = this.toks;
    if (to - i < 2 || !t[i].cap) return false;
    // "Wrigley Field", "Citizens Bank Park", "Melbourne Cricket Ground": a venue, whatever its first words name.
    const venue = VENUE_HEADS.has(t[to - 1].text) || (to - i > 2 && VENUE_PAIRS.has(`${t[to - 2].text} ${t[to - 1].text}`));
    if (this.english && venue && !this.isFirstName(t[i].text) && !this.isArticle(i)) return true;
    // "the Great Barrier Reef", "Second Thomas Shoal": a common adjective opens a name that ends on a geographic head.
    if (this.english && PLACE_ADJECTIVES.has(t[i].text) && !t[i].sentStart && GEOGRAPHIC_HEADS.has(t[to - 1].text)) return true;
    // "St Peter's Square", "St. Paul's Cathedral": a saint's possessive before a place's head names one place, though "St Paul" alone is a town.
    if (this.english && SAINT_WORDS.has(t[i].text) && this.r.PLACE_HEADS.has(t[to - 1].text) && t[to - 2].poss) return true;
    if (this.isCommon(t[i].text) && !this.r.PLACE_PREFIXES.has(t[i].text)) return false;
    // "Port Authority", "Bay Area Rapid Transit", "Lake County Sheriff's Office": a name ending on a body's head is no place.
    if (this.english && this.r.ORG_HEADS.has(t[to - 1].text) && !this.r.PLACE_HEADS.has(t[to - 1].text)) return false;
    // "Downing Street", "Wall Street Journal": a body the gazetteer knows by the whole name is no place.
    if (this.knownAt(i, to)?.org && this.knownAt(i, to)?.len === to - i) return false;
    // "Lake Victoria", "Mount Elizabeth": a first name after these is still a place; "Camp David" may be a man.
    const prefix = t[i].text;
    // "Kangaroo Island", "Yellowstone National Park": a known place heading a place name.
    if (this.r.PLACE_HEADS.has(t[to - 1].text) && this.knownAt(i, to)?.places && this.english) return true;
    // "marched through Hyde Park", "a rally in Victoria Park": after a preposition of place, a first name and a place's head
    // ("Park", "Hill", "Castle") name the place, though "Grace Park" alone may be a woman.
    if (this.english && this.r.PLACE_HEADS.has(t[to - 1].text) && !t[i - 1]?.cap && /^(?:in|at|near|outside|through|across|around|into)$/.test(t[i - 1]?.text ?? '')) return true;
    // "chief economist Philip Lane", "his lawyer Grace Street": a role noun before a first name and a surname that is a street's head.
    if (this.english && to - i === 2 && this.isFirstName(t[i].text) && i > 0 && !t[i - 1].cap && ROLE_NOUNS.has(t[i - 1].text)) return false;
    // "the River Clyde": after an article a river's name is the river, though "River Phoenix" was an actor.
    const river = prefix === 'River' && i > 0 && this.isArticle(i - 1);
    return STRICT_PLACE_HEADS.has(t[to - 1].text) || (this.r.PLACE_PREFIXES.has(prefix) && (GEOGRAPHIC_PREFIXES.has(prefix) || river || !this.isFirstName(t[i + 1]?.text ?? '')));
  }
}

/**
 * The longest run a segment may span, in tokens: the longest known name is 11 words and a name with its holder's title
 * about as many ("Federal Reserve Bank of New York President John Williams"). The segmenting asks shape tests that read
 * the rest of the run at each of its words, so a run as long as the text ("U.S. U.S. ...", a line of capitalised words
 * without a stop) made one hostile 300 KB article take 45 s; cut here, the work stays linear in the text.
 */
const MAX_RUN_TOKENS = 40;

/** Two surname particles of Dutch and German names. */
const GERMANIC_PAIR = /^(?:van de|van der|van den|von der|von den|van het)$/;

/**
 * The words that follow another in some known name's prefix (its second word on), per prefix set: made once per
 * gazetteer, and again should the set have grown since (a gazetteer is built by adding to it).
 */
function innerWordsOf(prefixes: ReadonlySet<string>): ReadonlySet<string> {
  let inner = INNER_WORDS.get(prefixes);
  if (!inner || inner.from !== prefixes.size) {
    const words = new Set<string>();
    for (const prefix of prefixes) {
      const space = prefix.lastIndexOf(' ');
      if (space >= 0) words.add(prefix.slice(space + 1));
    }
    INNER_WORDS.set(prefixes, (inner = { from: prefixes.size, words }));
  }
  return inner.words;
}
const INNER_WORDS = new WeakMap<ReadonlySet<string>, { from: number; words: ReadonlySet<string> }>();

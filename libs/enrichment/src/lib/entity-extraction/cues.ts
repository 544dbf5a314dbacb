/**
 * Context cues: tests of the words around a position ("shares of X", "MP for X", "X fell 2 per cent",
 * "the House", "NASHVILLE, Tenn.", "the Heat" in copy about sport) and of club, product, event and vessel
 * shapes. None adds a mention; the segmenting and single-word rules ask them. Kept apart so that the rules
 * that decide (segments.ts, singles.ts) read as decisions, with the tests they ask named here.
 */
import { isEnglishWord } from '../english-words';
import type { Mention } from '../entity-mentions';
import type { OrgEntry, PlaceEntry } from '../gazetteer';
import { fold } from '../tokens';
import { CHAMBER_MODIFIED, CHAMBERS, EVENT_HEADS, EVENT_PREFIXES, NOT_CLUBS, US_STATE_ABBREVIATIONS } from '../english-cues';
import { ABBREVIATED_NAME_OPENERS, ABBREVIATED_TITLES, CLUB_ROLES, PORTFOLIO_WORDS, ROLE_NOUNS, clubNicknames, clubTowns, MARKET_MOVES, NAME_PARTICLES, SPORT_WORDS, STRICT_PLACE_HEADS, VESSEL_DETERMINERS, SHIP_PREFIXES, VESSEL_WORDS } from '../entity-words';
import { ExtractionState, spanEnd, townOrRegion } from './state';

export abstract class ContextCues extends ExtractionState {
  /** "Jordan Henderson", "Georgia May", "Sydney Sweeney": a place that is really a first name. */
  protected firstNameBeforeName(i: number, len: number, to: number): boolean {
    const word = this.toks[i].text;
    // A town that is also a first name, in English copy only: German capitalises the noun after it ("in Florenz Platz zehn").
    if (len !== 1 || !(this.isFirstName(word) || (this.english && !!this.g.placeFirstNames?.has(word))) || i + 1 >= to || !this.toks[i + 1].cap || this.isTitle(this.toks[i + 1].text)) return false;
    // "Harrison Ford", "Francis Ford Coppola", "Michael Dell": a company's one-word name after a first name is a surname.
    return !this.knownAt(i + 1, to) || (this.english && this.companyWordAt(i + 1, to));
  }

  /**
   * The word at j alone is a company the gazetteer knows (or an armed group, named like a firm for a man: "Richard Wagner"
   * was the Wagner Group), and no longer known name starts there.
   */
  protected companyWordAt(j: number, to: number): boolean {
    const known = this.knownAt(j, to);
    return !!known && known.len === 1 && (known.org?.kind === 'company' || known.org?.kind === 'armed group') && !known.places;
  }

  /** "St. Louis", "Mt. Everest": the full stop of an abbreviation that opens a place's name, before a capitalised word. */
  protected abbreviationDot(j: number): boolean {
    const t = this.toks;
    const opener = t[j - 1]?.text ?? '';
    return t[j]?.text === '.' && j > 0 && t[j].start === t[j - 1].end && (ABBREVIATED_NAME_OPENERS.has(opener) || this.abbreviatedTitle(opener)) && j + 1 < t.length && t[j + 1].cap;
  }

  /** A title written short before a name: "Sen." in English copy, any short title of the language elsewhere ("Sr.", "Dr.", "Prof."). */
  protected abbreviatedTitle(word: string): boolean {
    return this.english ? ABBREVIATED_TITLES.has(word) : word.length >= 2 && word.length <= 4 && this.r.titles.has(word);
  }

  /** "George H. W. Bush", "David G. Victor": a full stop after an initial inside a name. */
  protected initialDot(j: number): boolean {
    const t = this.toks;
    const initial = t[j - 1];
    if (t[j].text !== '.' || t[j].start !== initial.end || !/^\p{Lu}$/u.test(initial.text) || j + 1 >= t.length) return false;
    const next = t[j + 1].text;
    if (this.isCommon(next) || this.r.articles.has(next)) return false;
    // Inside a name ("George H. W."), or opening one with a further initial or a first name ("J. K. Rowling").
    return (j >= 2 && (this.isFirstName(t[j - 2].text) || t[j - 2].text === '.')) || /^\p{Lu}$/u.test(next) || this.isFirstName(next);
  }

  /**
   * "Toronto Blue Jays", "Kansas City Royals", "Leeds Rhinos": a known place
   * followed, to the end of the run, by one or two capitalised words ending in
   * a plural is a sports club (English copy); "Indonesia AirAsia" is a company.
   * Returns the organisation's end, or 0.
   */
  protected placeLedOrgEnd(k: number, to: number): number {
    const n = to - k;
    if (!this.english || n < 1 || n > 2) return 0;
    const last = this.toks[to - 1].text;
    // "Indonesia AirAsia": a company's camel-cased name after its home country.
    if (n === 1 && /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u.test(last) && !this.knownAt(k, to)) return to;
    if (!/^\p{Lu}\p{Ll}+[^s]s$/u.test(last) || NOT_CLUBS.has(last) || this.r.PLACE_HEADS.has(last) || this.r.ORG_HEADS.has(last)) return 0;
    if (this.g.demonyms.has(fold(last.slice(0, -1))) || this.knownAt(to - 1, to)) return 0;
    // "Austin Reaves scored": after a town's name that is also a first name, a word no dictionary knows is a surname, not a
    // club's nickname ("Dallas Mavericks", "Orlando Magic" are words).
    if (n === 1 && this.g.placeFirstNames?.has(this.toks[k - 1].text) && !isEnglishWord(last) && !isEnglishWord(last.slice(0, -1))) return 0;
    for (let x = k; x < to; x++) if (!this.toks[x].cap || this.toks[x].poss || this.isAllCaps(x)) return 0;
    return to;
  }

  /** A club role word right after a place, in lower case ("Liverpool manager Arne Slot"). */
  protected clubRoleAt(k: number): boolean {
    const next = this.toks[k];
    return !!next && next.isWord && !next.cap && CLUB_ROLES.has(next.text) && !this.toks[k - 1].poss;
  }

  /** "Liverpool's Mohamed Salah" in sports copy: a club's town in the possessive before a player's first name is the club. */
  protected clubBeforePlayer(i: number, end: number): boolean {
    const next = this.toks[end];
    return this.toks[end - 1].poss && !!next?.cap && this.isFirstName(next.text) && clubTowns(this.g).has(this.foldedRange(i, end)) && this.aboutSport();
  }

  /**
   * "an Airbus crashed", "bought a Tesla.": a company's name after "a"/"an" that ends its clause or is
   * followed by a past-tense verb is one of its products. "a Google spokesman" stays the company.
   */
  protected productAfterArticle(i: number, end: number): boolean {
    const prev = this.toks[i - 1];
    if (!this.english || !prev || !/^an?$/i.test(prev.text) || this.toks[end - 1].poss) return false;
    const next = this.toks[end];
    return !next || !next.isWord || (!next.cap && /ed$/.test(next.text));
  }

  /** A model designation after a maker's name: "A330", "737", "787-9", "A320neo" (not a year, nor an amount: "fined Meta 798 million euros"). */
  protected modelCodeAt(k: number): boolean {
    const code = this.toks[k]?.text ?? '';
    if (/^\d/.test(code) && AMOUNT_WORDS.test(this.toks[k + 1]?.text ?? '')) return false;
    return /^[A-Z]{0,2}\d{2,4}(?:-?\d{0,2}[a-zA-Z]{0,4})?$/.test(code) && !/^(?:19|20)\d\d$/.test(code) && this.toks[k].start - this.toks[k - 1].end === 1;
  }

  /**
   * "the Ryder Cup", "Super Bowl LVIII", "Cannes Film Festival", "Tour de France", "Hurricane Helene":
   * events, storms and agreements are not entities (nor is the place inside them).
   */
  protected eventRun(from: number, to: number): boolean {
    const t = this.toks;
    let last = to - 1;
    if (last > from && /^[IVXLC]+$/.test(t[last].text)) last--; // "Super Bowl LVIII"
    const first = this.isArticle(from) ? from + 1 : from;
    if (last <= first) return false;
    // (The event words first: most runs have none, and the gazetteer lookup costs more.)
    if (!EVENT_HEADS.has(t[last].text) && !EVENT_PREFIXES.has(t[first].text)) return false;
    // "Institute for the Study of War", "Museum of the Great War": a body named after an event.
    return !this.r.ORG_PREFIXES.has(t[first].text) && this.knownAt(first, to)?.len !== to - first;
  }

  /**
   * "the cruise ship Costa Concordia", "aboard the Ever Given": a ship's or a spacecraft's name, which is no
   * person, body or place (not labelled, like products). A name before the noun is often its owner: "a
   * Royal Navy warship", "the Carnival Cruise Line ship".
   */
  protected vesselName(from: number): boolean {
    const before = this.toks[from - 1];
    // A noun only after a determiner or a kind of vessel: "to ship Nvidia chips", "helicopters ferry Red Cross workers" are verbs.
    if (before && !before.cap && VESSEL_WORDS.has(before.text) && VESSEL_DETERMINERS.has((this.toks[from - 2]?.text ?? '').toLowerCase())) return true;
    // "HMS Richmond", "USS Carney": a navy's or a merchant ship's prefix before a name (CoNLL's miscellany, no body and no place).
    if (SHIP_PREFIXES.has(this.toks[from].text) && this.toks[from + 1]?.cap && this.toks[from + 1].start === this.toks[from].end + 1) return true;
    return before?.text === 'the' && /^(?:aboard|onboard)$/i.test(this.toks[from - 2]?.text ?? '');
  }

  /** "MEP Alain Lipietz": an all-caps title before a name in ordinary case. */
  protected beforeMixedCaseName(i: number): boolean {
    const next = this.toks[i + 1];
    return !!next && next.cap && !this.isAllCaps(i + 1);
  }

  /** "NASHVILLE, Tenn. (AP)", "Trenton, N.J.": an AP-style state abbreviation after a comma. */
  protected apState(i: number): PlaceEntry | undefined {
    const t = this.toks;
    const name = this.english && t[i - 1]?.text === ',' ? US_STATE_ABBREVIATIONS.get(t[i].text) : undefined;
    if (!name || (!t[i].text.endsWith('.') && (t[i + 1]?.text !== '.' || t[i + 1].start !== t[i].end))) return undefined;
    return this.g.places.get(fold(name))?.find((p) => p.countryCode === 'US') ?? { name, countryCode: 'US', kind: 'region' };
  }

  /** "the House", "the Senate": a legislative chamber named alone (English copy). */
  protected chamberAt(i: number, to: number): boolean {
    if (!this.english || !CHAMBERS.has(this.toks[i].text)) return false;
    // "House Speaker Nancy Pelosi", "House Democrats", "Senate leaders": the chamber as a modifier.
    return (to === i + 1 && /^the$/i.test(this.toks[i - 1]?.text ?? '')) || CHAMBER_MODIFIED.has(this.toks[i + 1]?.text ?? '');
  }

  protected skippable(i: number): boolean {
    const tok = this.toks[i];
    if (!tok.cap) return true;
    // "Mr", "Ms", "Dr", "Prof." are in the common-word list (no name alone) but are titles: "told Ms Pugh" names a person.
    const title = () => HONORIFICS.has(tok.text) || (this.abbreviatedTitle(tok.text) && this.abbreviationDot(i + 1)) || this.generalBeforeName(i);
    const skip =
      (this.isCommon(tok.text) && !title() && !this.firstNameBeforeName(i, 1, i + 2) && !this.firstNameBeforeTown(i)) ||
      // "Right-hander Freddy Garcia", "Co-founder Jane Doe": a hyphenated description, not a name.
      (tok.sentStart && /-\p{Ll}/u.test(tok.text) && this.english) ||
      (tok.sentStart && (this.lowerWords.has(fold(tok.text)) || /ing$/.test(tok.text)) && !this.isFirstName(tok.text));
    // "Theresa May said ... May, who led the country": a common word that is the surname of someone named in full before is
    // that person. (Asked last: it reads every mention so far, and only a word skipped otherwise needs it.)
    return skip && !(this.english && this.surnameNamedBefore(i));
  }

  /**
   * "the army chief, General Waker-Uz-Zaman, said": "General" (a common word: "General Assembly", "General Election") is
   * an officer's rank before a name that is no common word, body's head or known body.
   */
  private generalBeforeName(i: number): boolean {
    const next = this.toks[i + 1];
    if (this.toks[i].text !== 'General' || !this.english || !next?.cap || !next.isWord || this.lineBreakBefore(i + 1)) return false;
    return !this.isCommon(next.text) && !this.r.ORG_HEADS.has(next.text) && !this.r.PLACE_HEADS.has(next.text) && !this.knownAt(i + 1, i + 2)?.org;
  }

  /** The word alone (no capitalised word or number after it: "May 5" is a date) is the last word of a person named earlier. */
  private surnameNamedBefore(i: number): boolean {
    const word = this.toks[i].text;
    const next = this.toks[i + 1];
    if (next && (next.cap || /^\d/.test(next.text)) && !this.lineBreakBefore(i + 1)) return false;
    if (word.length < 3 || PRONOUNS.test(word) || this.r.ORG_HEADS.has(word) || this.r.PLACE_HEADS.has(word)) return false;
    // A first name the seed list knows opens the full name: "Trinity University", "Rock You" are no one's.
    return this.mentions.some((m) => m.type === 'person' && m.start < this.toks[i].start && m.surface.endsWith(` ${word}`) && this.isFirstName(m.surface.split(' ')[0]));
  }

  /** "officer Yoichi Miyazaki", "Yoichi Miyazaki said": see RunSegmentation.segment. */
  protected nameBeforeTownSurname(i: number, to: number): boolean {
    const t = this.toks;
    if (i + 2 !== to || t[i].sentStart || !/^\p{Lu}\p{Ll}+$/u.test(t[i].text) || this.isCommon(t[i].text) || this.isTitle(t[i].text) || this.g.demonyms.has(fold(t[i].text))) return false;
    if (!townOrRegion(this.knownAt(i + 1, i + 2)?.places)) return false;
    const before = t[i - 1];
    const after = t[i + 2];
    return (!!before && !before.cap && ROLE_NOUNS.has(before.text)) || (!!after && this.r.SPEECH_VERBS.has(after.text));
  }

  /** "Bill Nelson", "Will Preston": a first name that is also a word, before a town's name, is the person's (nameLike reads the surname on). */
  private firstNameBeforeTown(i: number): boolean {
    const next = this.toks[i + 1];
    // Not at a sentence start: "Will Texas vote?" asks a question.
    return this.isFirstName(this.toks[i].text) && !this.toks[i].sentStart && !!next?.cap && townOrRegion(this.knownAt(i + 1, i + 2)?.places);
  }

  protected nameLike(j: number, to: number, chunkStart: number): boolean {
    const tok = this.toks[j];
    if (!tok.cap) {
      if (this.initialDot(j)) return j + 1 < to && this.toks[j + 1].cap;
      if (!this.r.PARTICLES.has(tok.text) && !NAME_PARTICLES.has(tok.text)) return false;
      // "Jonas Vingegaard of Visma-Lease", "Tom Smith of Goldman Sachs": "of" after a first name and a surname says where
      // the person works or lives ("Catherine of Aragon", a first name alone before it, keeps it).
      if (this.english && tok.text === 'of' && j - chunkStart >= 2 && this.isFirstName(this.toks[chunkStart].text)) return false;
      // "von der Leyen": a second particle, then the name.
      const next = j + 1 < to && !this.toks[j + 1].cap && NAME_PARTICLES.has(this.toks[j + 1].text) ? j + 2 : j + 1;
      return next < to && this.toks[next].cap;
    }
    // "Martin Luther King III", "Henry VIII", "Elizabeth II": a regnal or generational number ends the name.
    if (this.english && REGNAL_NUMBERS.test(tok.text) && this.toks[j - 1].cap && tok.start === this.toks[j - 1].end + 1) return true;
    // "Stephen King said", "John Major, the former prime minister": a title word right after a first name, with no name after
    // it, is the surname ("Queen Elizabeth Prince Philip" is two people).
    // ("Martin Luther King Jr.": a generational suffix after it is no other name.)
    if (this.english && this.isTitle(tok.text) && !PORTFOLIO_WORDS.has(tok.text) && this.isFirstName(this.toks[j - 1].text) && !this.toks[j - 1].poss && !(this.toks[j + 1]?.cap && this.toks[j + 1].isWord && !REGNAL_NUMBERS.test(this.toks[j + 1].text) && !GENERATIONAL.test(this.toks[j + 1].text))) return true;
    if (this.toks[j - 1].poss || this.isTitle(tok.text) || this.g.demonyms.has(fold(tok.text))) return false;
    // After a first name, a word that is also a town or a noun is a surname: "Jessica Hull", "Lewis Hill".
    const afterFirstName = j === chunkStart + 1 && this.isFirstName(this.toks[chunkStart].text);
    if (afterFirstName && !STRICT_PLACE_HEADS.has(tok.text) && (this.knownAt(j, j + 1)?.places || this.isCommon(tok.text))) return true;
    // ... and so is a company's one-word name: "Michael Dell", "Harrison Ford" (not a known name going on: "Tom Ford Beauty").
    if (afterFirstName && this.english && this.companyWordAt(j, to)) return true;
    // ... and a town closing a first name and a middle name: "Henry Huttleston Rogers", "Mary Ann Lincoln".
    // So after a first name no list holds and a middle name that is one: "Ketanji Brown Jackson".
    // (Asked only at a run's third and last word: the dictionary lookup is the costliest test here.)
    const unlistedFirst = () => this.english && !isEnglishWord(this.toks[chunkStart].text) && !this.knownAt(chunkStart, chunkStart + 1) && this.isFirstName(this.toks[j - 1].text);
    const afterMiddleName = j === chunkStart + 2 && j === to - 1 && (this.isFirstName(this.toks[chunkStart].text) || unlistedFirst()) && !this.knownAt(j - 1, j);
    if (afterMiddleName && !STRICT_PLACE_HEADS.has(tok.text) && townOrRegion(this.knownAt(j, j + 1)?.places)) return true;
    // "Rideau Hall", "Carnegie Hall": a common place word closing the run heads the name.
    if (j === to - 1 && this.r.PLACE_HEADS.has(tok.text) && this.isCommon(tok.text)) return true;
    return !this.isCommon(tok.text) && !this.knownAt(j, to);
  }

  protected demonymLen(i: number, to: number): number {
    if (i + 1 < to && this.g.demonyms.has(fold(`${this.toks[i].text} ${this.toks[i + 1].text}`))) return 2;
    return this.g.demonyms.has(fold(this.toks[i].text)) ? 1 : 0;
  }

  protected orgCueBefore(i: number): boolean {
    if (this.lowerOrgCueBefore(i)) return true;
    const p1 = this.toks[i - 1];
    const p2 = this.toks[i - 2];
    if (!p1 || !p1.isWord || p1.cap) return false;
    return (
      (p1.text === 'at' && !!p2 && /^(?:analysts?|economists?|strategists?|researchers?)$/i.test(p2.text)) ||
      // "a spokesperson for Automated Insights": a body's voice (a person's is named with a first name).
      (p1.text === 'for' && !!p2 && /^(?:spokesperson|spokesman|spokeswoman)$/.test(p2.text)) ||
      (p1.text === 'of' && !!p2 && /^(?:shares|executive|ceo|owner|maker)$/.test(p2.text)) ||
      // "Shares in Ruralco", "a stake in Darktrace": the company, not a place.
      (p1.text === 'in' && !!p2 && /^(?:[Ss]hares|stakes?|holdings?|investments?)$/.test(p2.text))
    );
  }

  /** A lower-case noun for a company right before token i ("utility", "carmaker"; orgCueBefore also reads "shares of", "analysts at"). */
  protected lowerOrgCueBefore(i: number): boolean {
    const before = this.toks[i - 1];
    return !!before && before.isWord && !before.cap && this.r.ORG_CUES_BEFORE.has(before.text);
  }

  /** The one known club whose name ends on this word, when "the" precedes it and the text is about sport. */
  protected nicknameClub(i: number): OrgEntry | undefined {
    const before = this.toks[i - 1]?.text;
    // "the Magic of the season": a noun phrase.
    if ((before !== 'the' && before !== 'The') || this.toks[i + 1]?.text === 'of') return undefined;
    const clubs = clubNicknames(this.g).get(this.toks[i].text);
    if (!clubs || !this.aboutSport()) return undefined;
    // "Heat": Miami's or Brisbane's, whichever town the text names.
    const named = clubs.length === 1 ? clubs : clubs.filter((c) => this.textIncludes(c.name.slice(0, c.name.lastIndexOf(' '))));
    if (named.length === 1) return named[0];
    // "the Tigers" where no town of theirs is named: a club all the same, known by its nickname.
    return named.length === 0 ? { name: this.toks[i].text, kind: 'club' } : undefined;
  }

  /** Whether the text contains a string, remembered: a text may repeat a nickname thousands of times. */
  private textIncludes(part: string): boolean {
    this.found ??= new Map();
    let hit = this.found.get(part);
    if (hit === undefined) this.found.set(part, (hit = this.text.includes(part)));
    return hit;
  }

  /** A score ("102-98"), a club the gazetteer knows, or sports words in lower case. */
  protected aboutSport(): boolean {
    if (this.sportText === undefined) {
      this.sportText =
        /\b\d{1,3}-\d{1,3}\b/.test(this.text) ||
        this.mentions.some((m) => m.org?.kind === 'club') ||
        [...SPORT_WORDS].some((w) => this.lowerWords.has(w));
    }
    return this.sportText;
  }

  /** "MP for Tottenham", "the member for Islington North": the word at i names a constituency. */
  protected seatOf(i: number): boolean {
    return this.toks[i - 1]?.text === 'for' && /^(?:MPs?|MEPs?|MSPs?|member|Member|constituency|seat)$/.test(this.toks[i - 2]?.text ?? '');
  }

  /** "fell 2 per cent", "rose as much as 5%": a stock's move right after a name (English copy). */
  protected marketMoveAt(k: number): boolean {
    const verb = this.toks[k];
    const next = this.toks[k + 1];
    return !!verb && !!next && MARKET_MOVES.has(verb.text) && (/^\d/.test(next.text) || (next.text === 'as' && this.toks[k + 2]?.text === 'much'));
  }

  /** "Acme Copper cut its forecast", "Wolfspeed said its chief executive": a verb, then "its", right after the name (token j). */
  protected itsAfterVerb(j: number): boolean {
    return /^\p{Ll}+$/u.test(this.toks[j]?.text ?? '') && this.toks[j + 1]?.text === 'its';
  }

  protected orgCueAfter(j: number): boolean {
    const n = this.toks[j];
    const prev = this.toks[j - 1];
    return !!n && n.isWord && this.r.ORG_CUES_AFTER.has(n.text) && (!prev || !prev.poss || n.text !== 'workers');
  }

  /**
   * "Automated Insights, a Durham-based startup,", "Brightline, the Florida rail operator,": a comma and "a"/"an"/"the"
   * after the name (token j is the comma), then a noun for a company ending the phrase. Not "the company's chief
   * executive" (a possessive noun says whose the person is).
   */
  protected companyAppositive(j: number): boolean {
    const t = this.toks;
    if (!this.english || t[j]?.text !== ',' || !/^(?:a|an|the)$/.test(t[j + 1]?.text ?? '')) return false;
    // The phrase's own words only: a preposition starts another phrase ("a doctor at the bank").
    for (let k = j + 2; k < Math.min(t.length, j + 8) && t[k].isWord && !APPOSITIVE_BREAKS.has(t[k].text); k++) {
      if (t[k].poss || !(COMPANY_NOUNS.has(t[k].text) || /[a-z]maker$/.test(t[k].text))) continue;
      const next = t[k + 1];
      return !next || !next.isWord || APPOSITIVE_CLOSERS.has(next.text);
    }
    return false;
  }

  /** "the Kerem Shalom crossing", "the Erez checkpoint": a name between "the" and a crossing is the place's ("the Biden camp" is no place). */
  protected crossingName(i: number, j: number): boolean {
    return this.english && this.toks[i - 1]?.text === 'the' && /^(?:crossing|checkpoint)$/.test(this.toks[j]?.text ?? '');
  }

  /** "towns of Paiporta and Catarroja": a list whose earlier member is a place. */
  protected listOfPlaces(i: number): boolean {
    const prev = this.toks[i - 1];
    if (prev?.text === 'of') return /^(?:town|towns|city|cities|village|villages|region|province|suburb|district)$/.test(this.toks[i - 2]?.text ?? '');
    if (prev?.text !== 'and' && prev?.text !== ',') return false;
    // "South Carolina and French-Canadians": a people, not a place.
    const word = fold(this.toks[i].text).split('-').pop() ?? '';
    if (this.g.demonyms.has(word) || this.g.demonyms.has(word.replace(/s$/, ''))) return false;
    const before = this.toks[i - 2];
    // The place may take several words ("Gaza City and Jabalia").
    return !!before && this.mentions.some((m) => m.type === 'place' && spanEnd(this.text, m.start, m.surface) === before.end);
  }

  /**
   * "supermarket giants Woolworths and Coles", "Coles and Woolworths", "Nvidia, AMD and Broadcom": one word listed
   * right beside a company the gazetteer knows is a company too (a word with capitals inside is more often a product:
   * "Microsoft SQL Server and PostgreSQL").
   */
  protected listOfCompanies(i: number): boolean {
    return !/^.\p{Ll}*\p{Lu}/u.test(this.toks[i].text) && this.listedBeside(i, i + 1, knownBody('company'), /^(?:and|or|,)$/, /^(?:and|or)$/);
  }

  /**
   * Tokens i to j joined, by a word `before` matches, to a mention `listed` picks that ends right before them, or by a
   * word `after` matches to one that starts right after them.
   */
  protected listedBeside(i: number, j: number, listed: (m: Mention) => boolean, before: RegExp, after: RegExp): boolean {
    const t = this.toks;
    if (i >= 2 && before.test(t[i - 1].text) && this.mentions.some((m) => listed(m) && spanEnd(this.text, m.start, m.surface) === t[i - 2].end)) return true;
    return j + 1 < t.length && after.test(t[j].text) && this.mentions.some((m) => listed(m) && m.start === t[j + 1].start);
  }

  /** "la Commission" / "die Kommission" / "the Commission" after the body's full name. */
  protected bodyByHeadWord(i: number): Mention | undefined {
    const prev = this.toks[i - 1];
    if (!prev || !this.r.articles.has(prev.text)) return undefined;
    const word = this.toks[i].text;
    if (!this.r.ORG_HEADS.has(word) && !this.r.ORG_PREFIXES.has(word)) return undefined;
    const bodies = new Set(this.mentions.filter((m) => m.type === 'organisation' && m.name !== word && m.name.split(/\s+/).includes(word)).map((m) => m.name));
    return bodies.size === 1 ? this.mentions.find((m) => m.type === 'organisation' && bodies.has(m.name)) : undefined;
  }
}

/** Courtesy titles: a name follows (the other words of the title list, "Finance", "State", open bodies' names too). */
const HONORIFICS = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Sir', 'Dame', 'Lord']);

/** "We Will Rock You ... You": a pronoun is no one's surname. */
const PRONOUNS = /^(?:You|Me|We|They|He|She|It|Him|Her|Us|Them|My|Your|Our|His|Its|Their|Who|What|This|That|These|Those|One|All)$/;

/** Nouns an appositive uses for a company ("a Durham-based startup", "the Florida rail operator"). */
const COMPANY_NOUNS = new Set(
  'startup start-up company firm manufacturer operator retailer lender insurer bank conglomerate carrier airline developer producer supplier provider platform brand subsidiary broadcaster publisher newspaper distributor miner refiner utility chain wholesaler exporter importer outfit group organisation organization charity association coalition alliance movement party union agency foundation nonprofit non-profit'.split(' '),
);
/** Words that end the appositive's first noun phrase before its noun. */
const APPOSITIVE_BREAKS = new Set('at of in for with from on by to the a an and or who which that'.split(' '));
/** Words that may close such an appositive's noun phrase: "a startup based in", "a unit of", "a firm that". */
const APPOSITIVE_CLOSERS = new Set('that which whose based in of with owned backed for from known founded run listed headquartered'.split(' '));

/** Regnal and generational numbers after a name ("Henry VIII", "Martin Luther King III"); not "I", "V", "X", also letters. */
const GENERATIONAL = /^(?:Jr|Sr)$/;
const REGNAL_NUMBERS = /^(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI)$/;

/** Words after a number that make it an amount, not a model designation. */
const AMOUNT_WORDS = /^(?:million|billion|trillion|mln|bln|euros?|dollars?|pounds?|yen|yuan|francs?|crowns?|rupees?|percent|per|%|points?|shares?|jobs|workers|employees|people|users|customers|times)$/i;

/** A body of this kind the gazetteer knows (listedBeside's pick). */
export function knownBody(kind: string): (m: Mention) => boolean {
  return (m) => m.type === 'organisation' && m.org?.kind === kind;
}

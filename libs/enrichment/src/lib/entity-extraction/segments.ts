/**
 * Segmenting one run: known places and bodies (longest match first), titles, demonyms, chambers, clubs
 * and name chunks, each typed by its head word and context and added as a mention. A one-word chunk waits
 * for the single-word rules (singles.ts); a run the English rules cannot call a person alone waits for the
 * tagger (unsurePeople). Kept apart from the cue and shape tests it asks (cues.ts, runs.ts).
 */
import { titleCase } from '../entity-mentions';
import { inRawFirstNameLists, isFirstNameInAnyLanguage, type PlaceEntry } from '../gazetteer';
import { fold } from '../tokens';
import { INDEX_HEADS, MARKET_INDEXES, OIL_GRADES, OIL_WORDS, SURNAME_HEADS } from '../english-cues';
import { anyFirstName, CAPITAL_INSIDE_GIVEN_NAME, COINED_CAPITAL_INSIDE, COMPASS_WORDS, ELIDED_OF, GOVERNMENT_WORDS, NATIONS, INITIALS, NAME_PARTICLES, NATIONAL_HEADS, PORTFOLIO_WORDS, ROLE_NOUNS, SAYING_AUXILIARIES, SURNAME_CAPITAL_INSIDE, VESSEL_WORDS } from '../entity-words';
import { isEnglishWord } from '../english-words';
import { CandidateRuns } from './runs';

export abstract class RunSegmentation extends CandidateRuns {
  protected segment(from: number, to: number): void {
    const t = this.toks;
    // "Dow Jones Industrial Average", "Consumer Price Index": a measure, not a name.
    if (this.english && (INDEX_HEADS.has(t[to - 1].text) || this.eventRun(from, to) || this.vesselName(from) || this.vesselNamedBefore(from, to))) {
      // "U.S. West Texas Intermediate": the country before the measure is still named.
      const country = INDEX_HEADS.has(t[to - 1].text) ? this.knownAt(from, to) : undefined;
      if (country?.places?.some((p) => p.kind === 'country') && country.len < to - from - 1) this.segment(from, from + country.len);
      return;
    }
    // "(Reporting by Lucy Craymer; Editing by Lincoln Feast)": the names in an agency's credit line are its staff's, whatever
    // else their words name ("Lincoln") and whether or not a list knows their first names ("Foo Yun Chee").
    if (this.english && to - from >= 2 && to - from <= 4 && this.inCreditLine(from) && this.knownAt(from, to)?.len !== to - from) {
      let k = from;
      while (k < to && t[k].cap && t[k].isWord && !this.isTitle(t[k].text)) k++;
      if (k === to) {
        const surface = this.slice(from, to);
        this.add({ type: 'person', name: surface, surface, start: t[from].start });
        return;
      }
    }
    // "publicist Jeff Sanderson of Chasen & Co.", "said Tom Smith of Acme Holdings Inc": a first name and one or two more
    // words, then "of" and a body, are a person and the body they speak for (not "Mary of Teck", "Duke of Edinburgh").
    if (this.english) {
      const of = this.personOfBody(from, to);
      if (of > 0) {
        this.segment(from, of);
        this.segment(of + 1, to);
        return;
      }
    }
    // "Minister for Foreign Affairs Penny Wong", "Secretary of State for Education Gillian Keegan": after an office's "for",
    // the portfolio's words up to a first name are part of the title, and the name after them is the holder's.
    if (this.english && from > 1 && t[from - 1].text === 'for' && this.officeBefore(from - 1) && this.knownAt(from, to)?.len !== to - from) {
      for (let k = from + 1; k < to - 1; k++) {
        if (!this.isFirstName(t[k].text)) continue;
        this.segment(k, to);
        return;
      }
    }
    // "the Abbott government", "the Albanese administration": a government named for its leader, not the company
    // "Abbott" also names (only a company's one-word short form: a name written out, "Toyota", stays the company).
    const leader = this.isArticle(from) ? from + 1 : from;
    if (this.english && to - leader === 1 && /^(?:government|administration)$/.test(t[to]?.text ?? '')) {
      const company = this.knownAt(leader, to)?.org;
      if (company?.kind === 'company' && fold(company.name) !== fold(t[leader].text)) {
        this.add({ type: 'person', name: t[leader].text, surface: t[leader].text, start: t[leader].start });
        return;
      }
    }
    // "Galaxy S24", "iPhone 16 Pro", "Pixel 9": a product line and its model code, no one's name (a maker before it is still named,
    // "Samsung Galaxy S24").
    const named = this.isArticle(from) ? from + 1 : from;
    if (this.english && to - named >= 2 && PRODUCT_CODE.test(t[to - 1].text) && this.knownAt(named, to)?.len !== to - named && !this.knownAt(to - 1, to)) {
      const maker = this.knownAt(named, to - 1);
      if (maker?.org && maker.len < to - named) this.segment(named, named + maker.len);
      return;
    }
    // "Reading the report, analysts said": a sentence opening on a verb in -ing before a determiner, whatever town it names.
    if (this.english && to - from === 1 && t[from].sentStart && /\p{Ll}ing$/u.test(t[from].text) && /^(?:the|a|an|his|her|its|their|our|this|that|these|those)$/.test(t[to]?.text ?? '')) return;
    // "Brent crude", "Urals oil prices": an oil grade, not the place it is named for.
    if (this.english && to - from === 1 && OIL_GRADES.has(t[from].text) && OIL_WORDS.has(t[to]?.text ?? '')) return;
    // "the Hang Seng fell", "the Kospi rose": an index news names without the word "index".
    if (this.english && MARKET_INDEXES.has(this.slice(from, to))) return;
    // "the Hang Seng index", "the Nikkei index", "the Standard & Poor's 500 index": a market index named in lower case is a measure too.
    const indexWord = to < t.length && /^\d{1,4}$/.test(t[to].text) ? to + 1 : to;
    if (this.english && indexWord < t.length && /^ind(?:ex|ices|exes)$/.test(t[indexWord].text)) return;
    // "the 737 MAX", "A320 NEO": a capitalised variant right after a model number is part of a product's name.
    if (this.english && to - from === 1 && from > 0 && /^\p{Lu}{2,5}$/u.test(t[from].text) && /^\p{Lu}?\d{2,4}$/u.test(t[from - 1].text) && t[from].start === t[from - 1].end + 1) return;
    // "Automated Insights, a Durham-based startup,": a run the text calls a company right after it (a single word: singles.ts).
    const described = this.isArticle(from) ? from + 1 : from;
    if (this.english && to - described >= 2 && this.companyAppositive(to) && !this.knownAt(described, to) && !this.isFirstName(t[described].text) && !this.isTitle(t[described].text)) {
      this.add({ type: 'organisation', ...this.orgName(described, to), start: t[described].start });
      return;
    }
    // "the utility Commonwealth Edison", "carmaker Great Wall Motor": right after a lower-case noun for a company, a run of
    // two or more words the gazetteer does not know whole is one company's name, whatever its words name alone (not where a
    // title or a first name opens someone's name: "union Unite General Secretary Sharon Graham", "producer Barry Letts").
    if (this.english && to - from >= 2 && this.lowerOrgCueBefore(from) && this.knownAt(from, to)?.len !== to - from && this.oneCompanyRun(from, to)) {
      this.add({ type: 'organisation', ...this.orgName(from, to), start: t[from].start });
      return;
    }
    // "Queensland Police Service Commissioner Steve Gollschewski", "Acme Widgets Corporation President John Smith": a body's
    // name ending on its head, then its officer's title and name, are two names.
    const officer = this.english ? this.officerAfterBody(from, to) : -1;
    if (officer > 0) {
      this.segment(from, officer);
      this.segment(officer, to);
      return;
    }
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
      // "Defence Minister Israel Katz": after a title, a country's name that is also a first name, then one more word no
      // gazetteer knows, is a person.
      if (this.english && titled && known?.places && !known.org && known.len === 1 && i + 2 === to && t[i + 1].cap && !this.knownAt(i + 1, to) && inRawFirstNameLists(t[i].text)) {
        this.chunk(i, to, titled);
        return;
      }
      // "Chief Financial Officer John David Rainey": an officer's title written out is a title, whatever its middle word.
      if (this.english && t[i].text === 'Chief' && i + 3 < to && t[i + 2].text === 'Officer') {
        titled = 'Officer';
        i += 3;
        continue;
      }
      // "WASHINGTON (Reuters) - The U.S. Justice Department sued": "The" after a dateline's dash opens no name it does not know.
      if (this.english && !known && t[i].text === 'The' && i > 0 && /^[-–—]$/.test(t[i - 1].text) && i + 1 < to) {
        i++;
        continue;
      }
      // "Sen. Warren opposed", "Queen Victoria": a town's name alone right after a personal title is a person's (a
      // country's is not, "President Jordan"; nor one after "of", "the Bishop of London").
      if (titled && known?.places && !known.org && known.len === 1 && i + 1 === to && known.places.every((p) => p.kind !== 'country') && this.titleRightBefore(i)) {
        this.chunk(i, i + 1, titled);
        titled = undefined;
        i++;
        continue;
      }
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
      // "Angaben der Polizei", "Spaltung der Gesellschaft", "Präsidentin der Europäischen Kommission": a German noun and a
      // genitive article open no body's name; what follows may be one.
      if (this.commonNouns?.has(t[i].text) && !known && i + 2 < to && (t[i + 1].text === 'der' || t[i + 1].text === 'des')) {
        i += 2;
        continue;
      }
      // "Drugmaker Vertex Pharmaceuticals said", "Lender Metro Bank": a sentence's first word that describes the body after it.
      // Agent nouns only: "Bank Leumi", "Union Pacific", "Network Rail" open with other words of the list.
      // (After a dateline's dash too: "MELBOURNE - Agribusiness Ruralco says".)
      const opening = t[i].sentStart || (i > 1 && /^[-–—]$/.test(t[i - 1].text) && this.isAllCaps(i - 2));
      if (this.english && opening && i + 1 < to && !known && this.openingCompanyNoun(t[i].text)) {
        // "Retailer Myer posted", "Brewer Lion Nathan said": what follows, names no list holds with no first name, title
        // or country among them, is the company the noun describes, one word or several ("Telco TPG Telecom").
        if (!this.knownAt(i + 1, to) && this.oneCompanyRun(i + 1, to) && (i + 2 < to || !this.lowerWords.has(t[i + 1].text.toLowerCase()))) {
          this.add({ type: 'organisation', ...this.orgName(i + 1, to), start: t[i + 1].start });
          return;
        }
        i++;
        continue;
      }
      // "Shares of Coles fell": the plural and "of" are no part of a name, whoever "Coles" turns out to be.
      if (!known && i + 2 < to && this.pluralAboutBody(i)) {
        i += 2;
        continue;
      }
      // "El Banco Central de Chile": a sentence's opening article and a head word that together name a town ("El Banco",
      // Colombia) open a body whose name goes on.
      if (known && known.len < to - i && t[i].sentStart && this.r.articles.has(t[i].text) && this.orgSpanFrom(i + 1, to, this.knownAt(i + 1, to))) {
        i++;
        continue;
      }
      // "el Gobierno de Pedro Sánchez": the government, then the person it is named for.
      // So a commission named for its president ("la Commission d'Ursula von der Leyen"; not "Instituto de Salud Carlos III").
      const headOf = GOVERNMENT_WORDS.has(t[i].text) || COMMISSION_WORDS.has(t[i].text);
      if (!known && !this.english && headOf && i + 3 <= to && (NAME_PARTICLES.has(t[i + 1].text) || ELIDED_OF.test(t[i + 1].text)) && anyFirstName(t[i + 2].text)) {
        this.add({ type: 'organisation', name: t[i].text, surface: t[i].text, start: t[i].start });
        i += 2;
        continue;
      }
      const groupBody = this.english && !known ? this.groupBodyEnd(i, to) : 0;
      if (groupBody) {
        this.add({ type: 'organisation', ...this.orgName(i, groupBody), start: t[i].start });
        i = groupBody;
        titled = undefined;
        continue;
      }
      const national = this.english ? this.countrysBodyEnd(i, to, known) : 0;
      if (national) {
        this.add({ type: 'organisation', ...this.orgName(i, national), start: t[i].start });
        i = national;
        titled = undefined;
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
      const part = this.english ? this.compassPartOf(i, to, known) : 0;
      if (part) {
        const surface = this.slice(i, part);
        this.add({ type: 'place', name: surface, surface, start: t[i].start, places: this.inheritCountry(i, part) });
        i = part;
        titled = undefined;
        continue;
      }
      if (!known && this.chamberAt(i, to)) {
        this.add({ type: 'organisation', name: t[i].text, surface: t[i].text, start: t[i].start });
        i++;
        continue;
      }
      // "Sale, Greater Manchester", "Greater Sydney": the area around a known town or city is one place, in its country;
      // so is an Irish county or a county named for its town ("County Galway", "County Durham").
      const around = this.english && !known && (t[i].text === 'Greater' || t[i].text === 'County') && i + 1 < to ? this.knownAt(i + 1, to) : undefined;
      if (around?.places && !around.org && around.places.every((p) => p.kind !== 'country')) {
        const surface = this.slice(i, i + 1 + around.len);
        const cc = around.places[0].countryCode;
        this.add({ type: 'place', name: surface, surface, start: t[i].start, places: [{ name: surface, kind: 'region', ...(cc ? { countryCode: cc } : {}) }] });
        i += 1 + around.len;
        titled = undefined;
        continue;
      }
      // "near New Carlisle", "New Plymouth": "New" before a known town's name names another town ("New York" is known whole).
      const newTown = this.english && !known && t[i].text === 'New' && i + 1 < to ? this.knownAt(i + 1, to) : undefined;
      if (newTown?.places && !newTown.org && i + 1 + newTown.len === to && newTown.places.every((p) => p.kind !== 'country')) {
        const surface = this.slice(i, to);
        // Not the old town's country: a "New" town is most often across an ocean from it.
        this.add({ type: 'place', name: surface, surface, start: t[i].start });
        return;
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
      // "Chief financial officer Yoichi Miyazaki said": an unknown name before a town's or region's name, after a role
      // noun or before a speech verb, is a person whose surname is the place's.
      if (!known && this.english && this.nameBeforeTownSurname(i, to)) {
        this.chunk(i, i + 2, titled);
        titled = undefined;
        i += 2;
        continue;
      }
      // "Labor Secretary Julie Su", "Labor Day": a body's one-word name that is also a title word opens that title or
      // name, not the body ("Labor won 94 seats", "Labour MP Jo Cox" are the party).
      if (known?.org && known.len === 1 && this.isTitle(t[i].text) && /^(?:Secretary|Day|Department)$/.test(t[i + 1]?.text ?? '')) {
        i++;
        continue;
      }
      // "The X Factor", "Plan B Productions": a one-letter body's name ("X") before more of the run's capitalised words is a
      // letter in another name, not that body.
      if (this.english && known?.org && known.len === 1 && t[i].text.length === 1 && i + 1 < to && t[i + 1].cap) return;
      if (known && !this.firstNameBeforeName(i, known.len, to)) {
        const surface = this.slice(i, i + known.len);
        if (known.org && known.org.kind === 'club' && this.english && this.seatOf(i)) {
          // "the Labour MP for Tottenham": a constituency, not the club named for it.
          this.add({ type: 'place', name: surface, surface, start: t[i].start });
        } else if (known.org && i + known.len < to && this.numberedChannel(i, i + known.len) === i) {
          // "TNT Sports 2": the broadcaster's numbered channel, named as written.
          const channel = this.slice(i, i + known.len + 1);
          this.add({ type: 'organisation', name: channel, surface: channel, start: t[i].start, org: { name: channel, kind: 'media' } });
          i++;
        } else if (known.org) {
          // "Airbus A330", "Boeing 737": the product, not the maker; so is "an Airbus crashed", "bought a Tesla.".
          // A club before a number is before its score ("the Atlanta Hawks 102-98"), never a model.
          if ((known.org.kind === 'club' || !this.modelCodeAt(i + known.len)) && !this.productAfterArticle(i, i + known.len)) this.add({ type: 'organisation', name: known.org.name, surface, start: t[i].start, org: known.org });
          if (known.org.kind === 'club') this.noteClubPlace(known.org.name);
        } else if (this.english && (this.clubRoleAt(i + known.len) || this.clubBeforePlayer(i, i + known.len)) && known.places!.every((p) => p.kind !== 'country') && !NATIONS.has(surface)) {
          // "Liverpool manager Arne Slot", "Arizona pitcher Doug Davis": the club of the place (a country's team stays the country).
          this.add({ type: 'organisation', name: surface, surface, start: t[i].start });
        } else if (!(this.english && to - i > known.len && CRAFT_NOUNS.has(t[to]?.text ?? ''))) {
          // Not a craft's model named after a place: "a SpaceX Falcon Heavy rocket".
          this.add({ type: 'place', name: known.places![0].name, surface, start: t[i].start, places: known.places });
        }
        i += known.len;
        titled = undefined;
        continue;
      }
      const word = t[i].text;
      // "Trade Secretary Liz Truss", not "the Trade Operations agency": a portfolio word is a title only before another one.
      const portfolioAlone = this.english && PORTFOLIO_WORDS.has(word) && !titled && i + 1 < to && !this.isTitle(t[i + 1].text);
      // "Shadow Home Secretary Chris Grayling": a portfolio word no title list holds, between two titles, is part of the title.
      const portfolioBetween = this.english && !!titled && PORTFOLIO_WORDS.has(word) && i + 1 < to && this.isTitle(t[i + 1].text);
      if (((this.isTitle(word) || this.isTitle(word.split('-')[0])) && (!this.isAllCaps(i) || this.beforeMixedCaseName(i)) && !portfolioAlone) || portfolioBetween) {
        titled = titled === 'Pope' ? titled : word;
        i++;
        continue;
      }
      const dem = this.demonymLen(i, to);
      // "vaccine maker Bavarian Nordic", "Carmaker British Leyland said": after a noun for a company, a demonym opens its name.
      if (dem && this.english && !titled && i + dem < to && this.describedAsCompany(i)) {
        this.add({ type: 'organisation', ...this.orgName(i, to), start: t[i].start });
        return;
      }
      if (dem) {
        i += dem;
        continue;
      }
      if (this.r.PARTICLES.has(word) || !t[i].cap) {
        i++;
        continue;
      }
      // "Yesterday James said": a sentence's first word before a first name is not part of the name; a word with a capital
      // inside is no ordinary word ("LeBron James had 30 points", "DeAndre Jordan").
      // ("Tyler Smith scored": a town's name that is also a first name opens the name; in English copy, so does a word no
      // dictionary knows, unless it is shaped like a role: "Ketanji Brown Jackson", not "Seamer Matthew Fisher".)
      if (t[i].sentStart && i + 1 < to && !this.isFirstName(word) && !this.townFirstName(i, to) && this.isFirstName(t[i + 1].text) && !/^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u.test(word) && (!this.english || isEnglishWord(word) || this.isCommon(word) || AGENT_NOUN.test(word))) {
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

  /** A country's name in the possessive ends right before token i ("South Korea's"). */
  private afterCountrysPossessive(i: number): boolean {
    if (i === 0 || !this.toks[i - 1].poss) return false;
    for (let s = Math.max(0, i - 3); s < i; s++) {
      const known = this.knownAt(s, i);
      if (known?.len === i - s && !known.org && known.places?.some((p) => p.kind === 'country')) return true;
    }
    return false;
  }

  /** No word of the run is a title, a country, or in lower case, and no first name opens a run of two or more ("producer Barry Letts"). */
  private oneCompanyRun(from: number, to: number): boolean {
    for (let k = from; k < to; k++) {
      const tok = this.toks[k];
      if (!tok.cap || !tok.isWord || this.isTitle(tok.text)) return false;
      // A first name opening two or more words opens someone's name ("producer Barry Letts"); alone, or inside a
      // company's name, it is the company's word ("Retailer Myer", "brewer Lion Nathan").
      if (k === from && to - from >= 2 && this.isFirstName(tok.text)) return false;
      if (this.knownAt(k, k + 1)?.places?.some((p) => p.kind === 'country')) return false;
    }
    return true;
  }

  /** Where a title follows a body's head inside the run and comes before a capitalised word (an officer after the body), or -1. */
  private officerAfterBody(from: number, to: number): number {
    const t = this.toks;
    // A portfolio word is part of a title or a body's name ("Energy Minister", "International Energy Agency"), never the split.
    // ("Chief Financial Officer" is one title.)
    const split = (k: number) => t[k].cap && this.isTitle(t[k].text) && !PORTFOLIO_WORDS.has(t[k].text) && this.r.ORG_HEADS.has(t[k - 1].text) && !PORTFOLIO_WORDS.has(t[k - 1].text) && t[k + 1].cap && !(t[k].text === 'Officer' && t[k - 2]?.text === 'Chief');
    for (let k = from + 1; k < to - 1; k++) if (split(k)) return k;
    return -1;
  }

  /** A title right before the word at i, or a title and its full stop ("Sen."). */
  private titleRightBefore(i: number): boolean {
    const t = this.toks;
    return i > 0 && (this.isTitle(t[i - 1].text) || (t[i - 1].text === '.' && i > 1 && this.isTitle(t[i - 2].text)));
  }

  /**
   * "North London", "East Jerusalem", "South India", "the Pacific Northwest", "Southeast Austin": a compass word and a
   * known place name one place; its end, or 0. A compass word after the place ("the Pacific Northwest") joins a town,
   * region or sea only.
   */
  private compassPartOf(i: number, to: number, known: { len: number; places?: PlaceEntry[] } | undefined): number {
    const t = this.toks;
    const noCountry = (p: { places?: PlaceEntry[]; org?: unknown } | undefined) => !!p?.places && !p.org && p.places.every((e) => e.kind !== 'country');
    if (!known && COMPASS_WORDS.has(t[i].text) && !t[i].sentStart && i + 1 < to) {
      const after = this.knownAt(i + 1, to);
      // A country too, where the gazetteer does not know the whole ("South India", "Northern Syria"; "South Korea" it does).
      if (after?.places && !after.org) return i + 1 + after.len;
    }
    const end = known && noCountry(known) ? i + known.len : 0;
    return end && end < to && /^(?:North|South)(?:east|west)$/.test(t[end].text) ? end + 1 : 0;
  }

  /**
   * A sentence's first word that describes the body after it: an agent noun of the company nouns ("Drugmaker", "Lender"),
   * or one of a few others never a name's first word ("Airline Virgin Australia"; not "Bank Leumi", "Union Pacific").
   */
  private openingCompanyNoun(word: string): boolean {
    const lower = word.toLowerCase();
    return OPENING_COMPANY_NOUNS.has(lower) || (/(?:maker|er|or)$/.test(lower) && this.r.ORG_CUES_BEFORE.has(lower));
  }

  /** Token i opens a name an agency's credit line gives: "Reporting by", "Editing by" and the names listed after them. */
  private inCreditLine(i: number): boolean {
    const t = this.toks;
    for (let k = i - 1; k >= 0 && k >= i - 12; k--) {
      const w = t[k].text;
      if (w === 'by') return k >= 1 && CREDIT_WORDS.test(t[k - 1].text) && (k === i - 1 || /^(?:and|,)$/.test(t[i - 1].text));
      // Only names, their commas and "and", and a place's "in" between them: "by Kate Holton in London and Foo Yun Chee".
      if (!(t[k].cap || w === 'and' || w === ',' || w === 'in')) return false;
    }
    return false;
  }

  /**
   * "the shipwrecked Costa Concordia cruise liner", "the Ever Given container ship": a name right before the word for a
   * vessel, or a kind of vessel and that word, is the vessel's (no person, body or place).
   */
  private vesselNamedBefore(from: number, to: number): boolean {
    const t = this.toks;
    const next = t[to];
    if (!next || next.cap || !next.isWord) return false;
    const vessel = VESSEL_WORDS.has(next.text) || (VESSEL_KINDS.test(next.text) && VESSEL_WORDS.has(t[to + 1]?.text ?? ''));
    // A known owner keeps its name: "the Maersk container ship", "the Greenpeace ship".
    const named = this.isArticle(from) ? from + 1 : from;
    return vessel && this.knownAt(named, to)?.len !== to - named;
  }

  /** Where "of" splits a run into a person's name (a first name and one or two more words) and a body's, or -1. */
  private personOfBody(from: number, to: number): number {
    const t = this.toks;
    if (!this.isFirstName(t[from].text) || this.isTitle(t[from].text)) return -1;
    for (let k = from + 1; k <= from + 3 && k < to - 1; k++) {
      if (t[k].text === 'of' && k > from + 1) {
        const whole = this.knownAt(from, to);
        return (whole && whole.len > k - from) || this.knownAt(from, k)?.len === k - from ? -1 : k;
      }
      // "Trinity University of Asia", "Frank Church River of No Return Wilderness": a body's or a place's head is no surname.
      if (!t[k].cap || !t[k].isWord || this.isTitle(t[k].text) || this.r.ORG_HEADS.has(t[k].text) || this.r.PLACE_HEADS.has(t[k].text)) return -1;
    }
    return -1;
  }

  /** An office's title ending right before token i ("Minister", "Assistant Minister", "Secretary of State"). */
  private officeBefore(i: number): boolean {
    const t = this.toks;
    const last = t[i - 1];
    if (!last?.cap) return false;
    if (last.text === 'State') return t[i - 2]?.text === 'of' && t[i - 3]?.text === 'Secretary';
    return /^(?:Minister|Secretary|Spokesperson|Spokesman|Spokeswoman|Commissioner)$/.test(last.text);
  }

  /** A noun for a company right before token i, in lower case or opening the sentence ("Drugmaker"). */
  private describedAsCompany(i: number): boolean {
    const before = this.toks[i - 1];
    return this.orgCueBefore(i) || (!!before && before.sentStart && before.isWord && this.r.ORG_CUES_BEFORE.has(before.text.toLowerCase()));
  }

  /** A comma at j, then a state, region or country the gazetteer knows, then no further capitalised word ("Florida Governor"). */
  private townBeforeRegion(j: number): boolean {
    if (this.toks[j]?.text !== ',') return false;
    const region = this.knownAt(j + 1, j + 4);
    if (!region?.places || region.org || region.places.some((p) => p.kind === 'city')) return false;
    const after = this.toks[j + 1 + region.len];
    return !after || !after.cap;
  }

  private chunk(i: number, j: number, titled?: string): void {
    const t = this.toks;
    const first = t[i].text;
    const last = t[j - 1].text;
    const surface = this.slice(i, j);
    const start = t[i].start;
    // Mixed-case wire dateline: "Sevilla, 25 may (EFE)", "Lyon, 3 mars (AFP)".
    if (!this.r.englishLists && this.datelinePosition(i, j) && /^\d{1,2}$/.test(t[j + 1]?.text ?? '')) {
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
    // "Lewis Hill", "Stuart Hall": a first name and a surname that is also a place word; any such word after a role noun
    // ("chief economist Philip Lane").
    const roleBefore = this.english && i > 0 && !t[i - 1].cap && ROLE_NOUNS.has(t[i - 1].text);
    const surnameHead = j - i === 2 && (SURNAME_HEADS.has(last) || roleBefore) && this.isFirstName(first) && !this.knownAt(i, i + 1);
    if ((this.r.PLACE_HEADS.has(last) && !surnameHead) || this.r.PLACE_PREFIXES.has(first)) {
      this.add({ type: 'place', name: surface, surface, start, places: this.inheritCountry(i, j) });
      return;
    }
    if (!titled && this.crossingName(i, j)) {
      this.add({ type: 'place', name: surface, surface, start });
      return;
    }
    // "Spirit AeroSystems said": a last word coined the way companies name themselves is no surname.
    if (this.english && !titled && j - i >= 2 && COINED_CAPITAL_INSIDE.test(last) && !SURNAME_CAPITAL_INSIDE.test(last)) {
      this.add({ type: 'organisation', name: surface, surface, start });
      return;
    }
    if (!titled && !this.isFirstName(first) && (this.orgCueBefore(i) || this.orgCueAfter(j) || (this.english && this.itsAfterVerb(j)))) {
      this.add({ type: 'organisation', name: surface, surface, start });
      return;
    }
    // "near Siesta Key, Florida, on Wednesday": words before a comma and a state or country are a town in it.
    if (this.english && !titled && !this.isFirstName(first) && this.townBeforeRegion(j)) {
      this.add({ type: 'place', name: surface, surface, start });
      return;
    }
    // German capitalises nouns: "Die Regierung" is no one, "Otto Bauer" is.
    if (this.r.nounsCapitalised && !titled && !this.isFirstName(first)) return;
    // "Mine Fire", "Lunch Combos", "Biological Passport": a run that ends on a word the text also writes
    // in lower case, with no first name or title, is a capitalised noun phrase, not a person.
    if (!titled && !this.isFirstName(first) && this.lowerWords.has(fold(last))) return;
    // English copy: a run with no title and no first name of any language is a person only when the text
    // treats it as one ("Lunch Combos", "Costa Concordia", "Automated Insights" are not).
    const name = titled === 'Pope' ? `Pope ${surface}` : surface;
    if (this.r.englishLists && !titled && !this.isFirstName(first) && !this.personEvidence(i, j)) {
      // Still a person if the statistical tagger reads it as one in its sentence ("Xi Jinping", "Olusegun Obasanjo"),
      // unless one of its words is one the text also writes in lower case ("Stocks Aust" beside "stocks").
      if (!t.slice(i, j).some((x) => this.lowerWords.has(fold(x.text)))) this.unsurePeople.push({ from: i, to: j, mention: { type: 'person', name, surface, start, weak: true } });
      return;
    }
    this.add({ type: 'person', name, surface, start, weak: !titled, ...(titled ? { titled: true } : {}) });
  }

  /**
   * "Tyler Herro", "Florence Pugh": in English copy, a town's name that is also a first name, before a capitalised word that
   * is no English word or is a first name too ("Tyler Smith"; not "Jackson Hole", "Miami Bass").
   */
  private townFirstName(i: number, to: number): boolean {
    const next = this.toks[i + 1];
    return this.english && i + 1 < to && !!this.g.placeFirstNames?.has(this.toks[i].text) && next.cap && (!isEnglishWord(next.text) || this.isFirstName(next.text));
  }

  /**
   * Where each word stands in the text, ascending, found in one pass: reading every token for each run's last word made a
   * text of thousands of runs quadratic. An article's few dozen runs read the tokens (wholeReadsLeft), which costs less
   * than building the map.
   */
  private placesOfWord(word: string): readonly number[] {
    if (!this.wordPlaces) {
      const byWord = new Map<string, number[]>();
      this.toks.forEach((tok, k) => {
        const places = byWord.get(tok.text);
        if (places) places.push(k);
        else byWord.set(tok.text, [k]);
      });
      this.wordPlaces = byWord;
    }
    return this.wordPlaces.get(word) ?? [];
  }

  private wordPlaces?: Map<string, number[]>;
  private wholeReadsLeft = 64;

  /**
   * The text treats the run t[i..j) as a person: its first word is a first name in some language's list,
   * its last word stands alone elsewhere (the surname on second mention), a speech verb follows or
   * precedes it ("X said", "said X"), or an age or relative clause follows ("X, 54,", "X, who").
   */
  private personEvidence(i: number, j: number): boolean {
    const t = this.toks;
    const SPEECH = this.r.SPEECH_VERBS;
    if (isFirstNameInAnyLanguage(t[i].text) || INITIALS.test(t[i].text) || this.townFirstName(i, j)) return true;
    // "South Korea's Yoon Suk Yeol", "Japan's Shigeru Ishiba": after a country's name in the possessive, words no dictionary
    // or gazetteer knows ("Japan's Toyota Motor" is known; "Britain's Royal Navy" holds English words).
    if (this.afterCountrysPossessive(i) && t.slice(i, j).every((x, k) => !isEnglishWord(x.text) && !this.knownAt(i + k, i + k + 1))) return true;
    // "J. Robert Oppenheimer", "F. Scott Fitzgerald": an initial and its full stop before a first name.
    if (j - i >= 4 && t[i + 1].text === '.' && t[i + 1].start === t[i].end && /^\p{Lu}$/u.test(t[i].text) && isFirstNameInAnyLanguage(t[i + 2].text)) return true;
    // "Ruud van Nistelrooy will ...": a word no dictionary knows, a Dutch or German surname particle, a capitalised word.
    if (j - i >= 3 && GERMANIC_PARTICLE.test(t[i + 1].text) && (t[i + 2].cap || (j - i >= 4 && /^(?:de|der|den|het)$/.test(t[i + 2].text) && t[i + 3].cap)) && !isEnglishWord(t[i].text) && !this.knownAt(i, j)) return true;
    // "Jasprit Bumrah took eight wickets": two words no dictionary knows, then a verb in the past tense, is someone acting.
    if (j - i === 2 && !isEnglishWord(t[i].text) && !isEnglishWord(t[i + 1].text) && /^\p{Lu}\p{Ll}+$/u.test(t[i + 1].text) && PAST_ACTION.test(t[j]?.text ?? '') && !this.knownAt(i, j) && !this.knownAt(i + 1, j)) return true;
    const last = t[j - 1].text;
    const standsAlone = (k: number) => (k < i || k >= j) && !this.capWordAt(k - 1) && !this.capWordAt(k + 1);
    if (this.wholeReadsLeft > 0) {
      this.wholeReadsLeft--;
      for (let k = 0; k < t.length; k++) if (t[k].text === last && standsAlone(k)) return true;
    } else if (this.placesOfWord(last).some(standsAlone)) return true;
    const before = t[i - 1];
    if (before?.isWord && !before.cap && ROLE_NOUNS.has(before.text)) return true;
    // "the Lakers' LeBron James", "DeAndre Jordan" ("LaGuardia Airport" ends on a place's head and is read before this).
    if (j - i === 2 && CAPITAL_INSIDE_GIVEN_NAME.test(t[i].text)) return true;
    // "its new CEO Lip-Bu Tan", "Labour MP Jo Cox": an officer's or a member's title in capitals.
    if (before && /^(?:CEO|CFO|COO|CTO|CIO|MP|MEP|MSP|TD)$/.test(before.text)) return true;
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
  /**
   * "the Supreme Court of India", "the Central Bank of Nigeria", "the Communist Party of China": a body's name ending on an
   * institution's head (the gazetteer may know it alone, "Supreme Court"), then "of" and a country, is that country's body,
   * one name. Returns the name's end (the country's), or 0.
   */
  private countrysBodyEnd(i: number, to: number, known: ReturnType<RunSegmentation['knownAt']>): number {
    const t = this.toks;
    if (this.isArticle(i)) return 0;
    for (let k = i + 1; k < to - 1; k++) {
      if (t[k].text !== 'of') continue;
      if (!NATIONAL_HEADS.has(t[k - 1].text)) return 0;
      // "the Supreme Court of the United States": the country may take its article.
      const at = t[k + 1]?.text === 'the' ? k + 2 : k + 1;
      const country = this.knownAt(at, to);
      if (!country?.places?.some((p) => p.kind === 'country') || country.org) return 0;
      // The words before "of" name a body: known as one ("Supreme Court") or by their shape ("Constitutional Court").
      const body = known?.len === k - i && known.org ? true : !known && t.slice(i, k).every((w) => w.cap && w.isWord) && !this.isFirstName(t[i].text) && !this.isTitle(t[i].text);
      return body ? at + country.len : 0;
    }
    return 0;
  }

}

/** A model code closing a product's name: a capital or two and digits ("S24", "X5", "A320neo"), not a year or a plain number. */
/** A commission, named for its president in Romance copy ("la Commission Juncker", "la Comisión de Ursula von der Leyen"). */
const COMMISSION_WORDS = new Set(['Commission', 'Comisión', 'Commissione', 'Comissão']);
/** Kinds of vessel before the word for one: "cruise liner", "container ship", "oil tanker". */
const VESSEL_KINDS = /^(?:cruise|container|cargo|oil|research|passenger|fishing|supply|naval|patrol|chemical|gas|bulk|training)$/;
/** The work an agency credits its staff for: "Reporting by", "Additional reporting by", "Editing by", "Writing by". */
const CREDIT_WORDS = /^(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled|[Rr]esearch)$/;
/**
 * Sentence-opening nouns for a company besides the company nouns' agent nouns ("Carrier", "Chipmaker" are those):
 * "Airline Qantas", "Explorer Sundance Resources", "Brewer Lion Nathan".
 */
const OPENING_COMPANY_NOUNS = new Set(['airline', 'telco', 'agribusiness', 'conglomerate', 'explorer', 'brewer']);
/** A noun for who someone is, by its ending ("Seamer", "Midfielder", "Paceman", "Playmaker"): dictionaries miss sport's. */
const AGENT_NOUN = /\p{Ll}(?:er|or|man|ist)$/u;
const PRODUCT_CODE = /^\p{Lu}{1,2}\d{1,4}[a-z]{0,3}$/u;

/** Craft a model name comes before in lower case ("a Falcon Heavy rocket", "a Typhoon Eurofighter jet"). */
const CRAFT_NOUNS = new Set('rocket rockets missile missiles spacecraft capsule airliner airliners jet jets aircraft helicopter helicopters satellite satellites'.split(' '));

/** Lower-case particles that open Dutch and German surnames ("van Nistelrooy", "von Trier", "ten Hag"). */
const GERMANIC_PARTICLE = /^(?:van|von|ten|ter|vom)$/;

/** A verb in the past tense right after a name: the name acts ("took", "scored", "won"; any regular -ed form). */
const PAST_ACTION = /^(?:\p{Ll}{2,}ed|took|made|won|beat|hit|ran|led|scored|struck|threw|kept|gave|got|went|came|became|began|left|lost|met|paid|put|saw|sent|set|spent|stood|told|wrote|broke|brought|built|bought|caught|chose|drew|drove|fell|felt|fought|found|flew|grew|held|heard|knew|rode|rose|sang|sat|shot|spoke|stole|swam|taught|thought|understood|wore|wound)$/u;

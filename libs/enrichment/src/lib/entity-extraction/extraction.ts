/**
 * The entity extraction as one class: the order the rule families run in (run), the passes over all
 * mentions at the end (German nouns after articles, -s genitives, acronyms as the text defines them,
 * fixtures such as "Benfica-Sporting") and the output. The class is a chain of layers, one a file, each
 * using only those before it: state, cues, runs, segments, singles, tagger-spans, tagger-blend, here.
 */
import type { FoundEntityT } from '@newswire/contracts';
import { countryVotes, type EntityType, type Mention, mergePersonNames, pickPlace, Tally } from '../entity-mentions';
import type { OrgEntry, PlaceEntry } from '../gazetteer';
import { fold } from '../tokens';
import { lowercaseOrgMentions } from '../lowercase-orgs';
import { anyFirstName, clubNicknames, ELIDED_OF, GERMAN_DETERMINERS, LOWER_ARTICLES, NAME_PARTICLES, NATIONS, OF_WORDS, REPUBLIC_WORDS, ROLE_NOUNS, STORM_WORDS, WORD_FIRST_NAMES } from '../entity-words';
import { TaggerBlend } from './tagger-blend';
import { lettersInOrder } from './singles';
import { MONTH_DAY_WORDS } from '../entity-languages';
import { spanEnd, townOrRegion } from './state';
import { isEnglishWord } from '../english-words';

export interface ExtractedEntities {
  people: FoundEntityT[];
  organisations: FoundEntityT[];
  places: FoundEntityT[];
}

/** One occurrence of an entity: its type, the entity's full name (short forms resolved) and where it is. */
export interface EntityMention {
  type: EntityType;
  name: string;
  surface: string;
  start: number;
  end: number;
}

export class Extraction extends TaggerBlend {
  run(): ExtractedEntities {
    for (const [from, to] of this.runs()) this.segment(from, to);
    this.nicknamedPeople();
    this.mentions.push(...lowercaseOrgMentions(this.toks, this.g, (i) => this.folded(i)));
    this.resolveSingles();
    this.confirmUnsurePeople();
    if (this.english) {
      this.placesAsTeams();
      this.placesInTeamRoles();
      this.resolveBodyShortForms();
      this.headlineShortForms();
    }
    if (this.model) this.blend(this.model.tagger, this.model.blend);
    if (this.commonNouns) this.withoutNounsAfterArticles(this.commonNouns);
    if (this.r.nounsCapitalised) this.withoutDescriptors();
    if (this.sGenitive) {
      if (this.sGenitive === 'places') this.genitivesOfKnownPlaces();
      this.resolveGenitives();
    }
    this.acronymsAsDefined();
    this.joinSplitFigures();
    this.bodiesOfTheRepublic();
    this.withoutDutchPortfolios();
    this.splitFixtures();
    this.placesAsSurnames();
    this.withoutStormNames();
    this.withoutLoneMonths();
    if (this.commonNouns) this.withoutGermanTimesAndDirections();
    this.withoutFeastDays();
    if (!this.english) this.scorersNotPlaces();
    if (!this.english) this.unreadScorers();
    this.withoutQuotedWorks();
    this.withoutEventPlaces();
    if (this.r.nationalityNouns) this.withoutNationalityNouns(this.r.nationalityNouns);
    if (this.r.clubArticles) this.townsAfterClubArticles(this.r.clubArticles);
    if (!this.english) this.townsOfTheirCoach();
    if (!this.english && !this.r.nounsCapitalised) this.clubsOfTheirTown();
    if (!this.english && !this.r.nounsCapitalised) this.sportBodies();
    if (this.r.teamRoles) this.townsInTeamRoles(this.r.teamRoles);
    if (this.english) this.universityCampuses();
    if (this.english) this.withoutWordPeople();
    if (this.english) this.possessiveNames();
    if (this.english) this.sponsorsGrounds();
    this.seasAndGulfs();
    if (!this.english && !this.r.nounsCapitalised) this.ministriesInLowerCase();
    if (this.r.lowerCaseBodyTails) this.bodiesWithLowerCaseTails();
    this.countryArms();
    this.republicsByFullName();
    this.celestialBodies();
    if (!this.english) this.townDistricts();
    if (!this.english && !this.r.nounsCapitalised) this.compassParts();
    if (this.english) this.numberedRoads();
    if (this.english) this.abbreviationDots();
    return this.collect();
  }

  /**
   * "Love Away", "Star Search", "Turner Field", "Kingdom Hearts": a name of two or more words, none of them a first name
   * and every one an English word, is a title, a thing or a place, not a person (unless a personal title or the public
   * figures list says so). One word is left alone: "Gates said", "Brown" are people.
   */
  private withoutWordPeople(): void {
    // A first name that is an English word counts as one only if people are commonly so called ("Will Smith", not "Star Search").
    const givenName = (w: string) => this.isFirstName(w) && (!isEnglishWord(w) || WORD_FIRST_NAMES.has(w));
    // ... unless a noun for a person's role comes right before it ("rapper Young Thug", "singer Ice Spice").
    const afterRole = (m: Mention) => {
      const i = this.tokenAt(m.start);
      const before = i === undefined ? undefined : this.toks[i - 1];
      return !!before && !before.cap && ROLE_NOUNS.has(before.text);
    };
    const wordsOnly = (m: Mention) => {
      if (m.type !== 'person' || m.titled || m.figure || afterRole(m)) return false;
      const words = m.surface.split(/[ -]/).filter(Boolean);
      return words.length >= 2 && words.every((w) => isEnglishWord(w) && !givenName(w));
    };
    this.dropMentions(wordsOnly);
  }

  /**
   * "Moody's", "Standard & Poor's", "at Lord's", "St John's": a body or place whose own name ends in the possessive is
   * named with it (the tokens drop the "'s").
   */
  private possessiveNames(): void {
    for (const m of this.mentions) {
      if (m.type === 'person' || /['’]s$/.test(m.surface)) continue;
      const end = spanEnd(this.text, m.start, m.surface);
      const ending = /^['’]s\b/.exec(this.text.slice(end, end + 3));
      const known = m.type === 'organisation' ? this.g.orgs.has(fold(`${m.surface}'s`)) : this.g.places.has(fold(`${m.surface}'s`));
      if (ending && (/['’]s$/.test(m.name) || known)) m.surface += ending[0];
    }
  }

  /**
   * "ganó 1-0 al Sevilla", "el Getafe empató": a town (no capital, country or region) right after a masculine article is
   * its club, as a town's name takes no article ("El Cairo" is known whole; "al Cairo" is a capital, left alone).
   */
  private townsAfterClubArticles(articles: ReadonlySet<string>): void {
    for (const m of this.mentions) {
      if (m.type !== 'place' || !m.places?.length || !m.places.every((p) => p.kind === 'city')) continue;
      const k = this.tokenAt(m.start);
      if (k === undefined || k === 0 || !articles.has(this.toks[k - 1].text)) continue;
      m.type = 'organisation';
      m.name = m.surface;
      delete m.places;
    }
  }

  /**
   * "la Ligue nationale de hockey", "la Fédération française de tennis", "la Liga Nacional de Baloncesto": where a body's name
   * is written in lower case after its first words, the sport it governs ends it (and the place it serves after that: "la Ligue
   * de hockey de l'Ontario").
   */
  private sportBodies(): void {
    for (let k = 0; k < this.mentions.length; k++) {
      const m = this.mentions[k];
      if (m.type !== 'organisation' || !this.r.ORG_PREFIXES.has(m.surface.split(' ')[0])) continue;
      const end = spanEnd(this.text, m.start, m.surface);
      // The sport right after the name, or ending it already (the tagger's "Ligue de hockey").
      const after = SPORT_AFTER_BODY.exec(this.text.slice(end, end + 40));
      if (!after && !endsOnSport(m.surface)) continue;
      let last = end + (after ? after[0].length : 0);
      // The place it serves, named right after: "de l'Ontario", "du Québec".
      const served = /^\s+(?:de l['’]|de la |du |de |d['’]|del |di |da |do )/u.exec(this.text.slice(last, last + 12));
      const place = served ? this.mentions.findIndex((p) => p.type === 'place' && p.start === last + served[0].length) : -1;
      if (place >= 0) last = spanEnd(this.text, this.mentions[place].start, this.mentions[place].surface);
      const surface = this.text.slice(m.start, last);
      if (m.name === m.surface) m.name = surface;
      m.surface = surface;
      delete m.org;
      if (place >= 0) {
        this.mentions.splice(place, 1);
        if (place < k) k--;
      }
    }
  }

  /**
   * "les Oilers d'Edmonton", "les Pacers de l'Indiana", "los Spurs de San Antonio": French, Spanish, Italian and Portuguese
   * write a North American club as its nickname "of" its town. A known club's nickname, then "of" and its town, is that club.
   */
  private clubsOfTheirTown(): void {
    const t = this.toks;
    const nicknames = clubNicknames(this.g);
    const ofWord = (w: string) => OF_WORDS.has(w) || ELIDED_OF.test(w) || LOWER_ARTICLES.has(w) || /^l['’]$/.test(w);
    for (let k = 0; k < this.mentions.length; k++) {
      const town = this.mentions[k];
      if (town.type === 'person') continue;
      const j = this.tokenAt(town.start);
      if (j === undefined) continue;
      let i = j - 1;
      while (i > j - 3 && i > 0 && !t[i].cap && ofWord(t[i].text)) i--;
      if (i === j - 1 || i < 0 || !t[i].cap || !t[i].isWord) continue;
      const at = this.mentions.findIndex((m) => m.start === t[i].start);
      const nick = at >= 0 ? this.mentions[at] : undefined;
      if (nick && (nick.type === 'person' || nick.surface !== t[i].text)) continue;
      const clubs = nicknames.get(t[i].text);
      const club = clubs?.find((c) => fold(c.name).startsWith(`${fold(town.surface)} `) || fold(c.name).startsWith(`${fold(town.name)} `));
      // "les Sénateurs d'Ottawa", "los Yankees de Nueva York": a nickname the lists lack, plural after a plural article, in sports copy.
      const translated = !club && /\p{Ll}[sx]$/u.test(t[i].text) && PLURAL_ARTICLES.has(t[i - 1]?.text ?? '') && !!town.places?.every((p) => p.kind !== 'country') && this.aboutSport();
      if (!club && !translated) continue;
      const surface = this.text.slice(t[i].start, spanEnd(this.text, town.start, town.surface));
      this.mentions[k] = { type: 'organisation', name: club?.name ?? surface, surface, start: t[i].start, ...(club ? { org: club } : {}) };
      if (at >= 0) {
        this.mentions.splice(at, 1);
        if (at < k) k--;
      }
    }
  }

  /**
   * "Lens a battu Lyon 2-0", "face à Nice": in sports copy, a town's or capital's name in a team's role (the language's
   * teamRoles) is its club, named as written. A country's stays the country, as for English (national sides), and so does
   * a city-state's ("le match amical face à Singapour").
   */
  private townsInTeamRoles(roles: { before: RegExp; after: RegExp }): void {
    const t = this.toks;
    const words = (from: number, to: number) => t.slice(Math.max(0, from), to).map((x) => x.text).join(' ');
    const town = (p: PlaceEntry) => p.kind === 'city' || (p.kind === 'capital' && !CITY_STATES.has(p.countryCode ?? ''));
    for (const m of this.mentions) {
      if (m.type !== 'place' || !m.places?.length || !m.places.every(town)) continue;
      const at = this.tokenSpanOf(m);
      if (!at) continue;
      // "In München gewann der FC Bayern": a place cue before the town keeps it the place, whatever verb follows.
      if (!(roles.before.test(words(at.from - 2, at.from)) || (roles.after.test(words(at.to, at.to + 3)) && !this.placeCueBefore(at.from) && !LOCATIVES.has(t[at.from - 1]?.text.toLowerCase() ?? '')))) continue;
      if (!this.aboutSport()) return;
      m.type = 'organisation';
      m.name = m.surface;
      delete m.places;
    }
  }

  /**
   * "beat Manchester City 2-0 at the Emirates": in sports copy, a company's name after "at the" that names a known ground
   * with "Stadium" or "Arena" after it is that ground, not the airline.
   */
  private sponsorsGrounds(): void {
    for (const m of this.mentions) {
      if (m.type !== 'organisation' || m.surface.includes(' ')) continue;
      const i = this.tokenAt(m.start);
      if (i === undefined || i < 2 || this.toks[i - 1].text !== 'the' || !/^(?:at|to)$/.test(this.toks[i - 2].text)) continue;
      const ground = ['stadium', 'arena'].map((head) => this.g.places.get(`${fold(m.surface)} ${head}`)?.[0]).find((p) => p?.kind === 'venue');
      if (!ground || !this.aboutSport()) continue;
      Object.assign(m, { type: 'place', name: ground.name, places: [ground] });
      delete m.org;
    }
  }

  /**
   * "la Roma di Claudio Ranieri", "O Porto de Vítor Bruno": a town, "of", then a person named in full is the town's club and
   * its coach (a town belongs to no one: "la Madrid de los Austrias" is rare in news).
   */
  private townsOfTheirCoach(): void {
    const t = this.toks;
    for (const m of this.mentions) {
      if (m.type !== 'place' || !m.places?.every((p) => p.kind === 'city' || p.kind === 'capital')) continue;
      const at = this.tokenSpanOf(m);
      // After an article only: "l'arrivo a Cosenza di Gianni Di Marzio" is a coach coming to the town.
      if (!at || at.from === 0 || !CLUB_ARTICLES.test(t[at.from - 1].text)) continue;
      const j = at.to;
      if (j + 1 >= t.length || !(NAME_PARTICLES.has(t[j].text) || ELIDED_OF.test(t[j].text))) continue;
      const coach = this.mentions.find((p) => p.type === 'person' && p.start === t[j + 1].start && p.surface.includes(' ') && anyFirstName(p.surface.split(' ')[0]));
      if (!coach) continue;
      m.type = 'organisation';
      m.name = m.surface;
      delete m.places;
    }
  }

  /**
   * "Ihr Roman \"Kairos\"", "le film « Emilia Pérez »", "his novel \"Wolf Hall\"": a name that fills the quotes right after a
   * noun for a work is the work's title, not a place, body or person.
   */
  private withoutQuotedWorks(): void {
    const t = this.toks;
    const quotedWork = (m: Mention) => {
      const i = this.tokenAt(m.start);
      // "le dernier film Gravity", "his album Thriller": unquoted, a title right after the noun, where no list knows the name
      // (a person of several words is the work's maker: "escrita por el cocreador de la serie Trey Parker").
      // Or set off by commas: "cuya última película, Gravity, ganadora de un Oscar".
      const unlisted = !m.places && !m.org && !m.figure && !(m.type === 'person' && m.surface.includes(' '));
      if (i !== undefined && i >= 1 && unlisted && (WORK_NOUNS.has(t[i - 1].text) || (i >= 2 && t[i - 1].text === ',' && WORK_NOUNS.has(t[i - 2].text) && this.commaAfter(m)))) return true;
      if (i === undefined || i < 2 || !OPENING_QUOTES.has(t[i - 1].text) || !WORK_NOUNS.has(t[i - 2].text.toLowerCase())) return false;
      const end = spanEnd(this.text, m.start, m.surface);
      const after = t.find((x) => x.start >= end);
      return !!after && CLOSING_QUOTES.has(after.text);
    };
    this.dropMentions(quotedWork);
  }

  /** Mention m is followed right away by a comma. */
  private commaAfter(m: Mention): boolean {
    const end = spanEnd(this.text, m.start, m.surface);
    return this.text[end] === ',' || (this.text[end] === ' ' && this.text[end + 1] === ',');
  }

  /**
   * "die Tour de France", "la Vuelta a España", "el Gran Premio de Mónaco": the place inside a race's name is no place of
   * the story (English copy reads events by their heads already: eventRun). So with a treaty's: "l'Accord de Paris", "el
   * acuerdo de París", "das Abkommen von Kigali", "the Paris agreement" name the pact (a MISC name in CoNLL and UNER),
   * not the town, in either case.
   */
  private withoutEventPlaces(): void {
    const t = this.toks;
    // Whether a pact's word follows any word at all: one test of the text, not a walk past every place (most texts have none).
    const treatyWords = TREATY_WORD_IN_TEXT.test(this.text);
    const inEvent = (m: Mention) => {
      // "il Gran Premio di Gran Bretagna" tagged whole, as a place or a body: the race, named as no one and nowhere.
      if (EVENT_NAME.test(m.surface)) return true;
      if (m.type !== 'place') return false;
      if (TREATY_NAME.test(m.surface)) return true;
      const i = this.tokenAt(m.start);
      if (i === undefined) return false;
      if (treatyWords && this.treatyWordAfter(i, m)) return true;
      // "la Copa América", "la Coupe Stanley", "la Coppa Italia": a cup's name; "au Festival de Cannes" below.
      if (i >= 1 && CUP_WORDS.has(t[i - 1].text) && t[i - 1].end + 1 === t[i].start) return true;
      if (i < 2) return false;
      const opener = `${t[i - 2].text} ${t[i - 1].text}`;
      return EVENT_OPENERS.test(opener) || TREATY_OPENERS.test(opener) || (i >= 3 && EVENT_OPENERS.test(`${t[i - 3].text} ${opener}`));
    };
    this.dropMentions(inEvent);
  }

  /** "the Paris agreement": the token right after mention m (opening at token i) is a pact's word. */
  private treatyWordAfter(i: number, m: Mention): boolean {
    const t = this.toks;
    const end = spanEnd(this.text, m.start, m.surface);
    let next = i;
    while (next < t.length && t[next].start < end) next++;
    return next < t.length && TREATY_WORDS_AFTER.test(t[next].text);
  }

  /** "Le Suisse Marco Odermatt": a nationality noun that is also a country's name, right before a person, is the person's nationality. */
  private withoutNationalityNouns(nouns: ReadonlySet<string>): void {
    const starts = new Map(this.mentions.map((m) => [m.start, m]));
    const beforePerson = (m: Mention) => {
      if (m.type !== 'place' || !nouns.has(m.surface)) return false;
      const i = this.tokenAt(m.start);
      const next = i === undefined ? undefined : this.toks[i + 1];
      return !!next && next.start === this.toks[i!].end + 1 && starts.get(next.start)?.type === 'person';
    };
    this.dropMentions(beforePerson);
  }

  /**
   * "el Mar de Irlanda", "la mer de Chine méridionale", "the Irish Sea", "im Indischen Ozean": a sea, an ocean or a gulf named
   * with its head word is one place, where the tagger and the gazetteer read the head apart, the country inside as the
   * place, or nothing (a nationality adjective opens it). Whatever was found inside the span gives way to it.
   */
  private seasAndGulfs(): void {
    const found: { start: number; end: number; surface: string }[] = [];
    const t = this.toks;
    // Matched only where a head word stands (a set lookup per token): scanning the whole text with these patterns cost 4% of
    // all enrichment time on English wire copy.
    const matchAt = (re: RegExp, from: number) => {
      re.lastIndex = from;
      const hit = re.exec(this.text);
      if (hit && found[found.length - 1]?.start !== hit.index) found.push({ start: hit.index, end: hit.index + hit[0].length, surface: hit[0].replace(/\s+/g, ' ') });
    };
    for (let i = 0; i < t.length; i++) {
      if (WATER_HEADS_FIRST.has(t[i].text)) matchAt(WATER_HEAD_FIRST, t[i].start);
      else if (i > 0 && WATER_HEADS_LAST.has(t[i].text)) matchAt(WATER_HEAD_LAST, t[i - 1].start);
    }
    if (!found.length) return;
    // In text order already: each hit starts at the head's token or the one before it.
    // A span some pass already found whole keeps its mention, and with it any link ("Mar del Plata", "Golfo de México").
    const whole = new Set(this.mentions.map((m) => `${m.start}:${spanEnd(this.text, m.start, m.surface)}`));
    const fresh = found.filter((f) => !whole.has(`${f.start}:${f.end}`));
    if (!fresh.length) return;
    this.replaceInside(fresh, (f) => ({ type: 'place', name: f.surface, surface: f.surface, start: f.start }));
  }

  /**
   * Names a pass found whole (in text order, none inside another) take the place of every mention inside them. Each mention
   * is tested against the last span opening at or before it, by binary search: a text of thousands stays linear-ish.
   */
  private replaceInside<T extends { start: number; end: number }>(spans: T[], mention: (span: T) => Mention): void {
    const inside = (m: Mention) => {
      const end = spanEnd(this.text, m.start, m.surface);
      let lo = 0;
      let hi = spans.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (spans[mid].start <= m.start) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return at >= 0 && end <= spans[at].end && m.start < spans[at].end;
    };
    this.dropMentions(inside);
    for (const span of spans) this.add(mention(span));
  }

  /**
   * "le ministère de l'Intérieur", "le ministère des Affaires étrangères", "el ministerio de Defensa": French (and Romance copy
   * that follows it) writes a ministry's head word in lower case, so the capitalised-run scan starts at its field, which the
   * tagger reads as a place ("Économie") or nothing. The head, its "de", the field and the field's own adjectives and "et
   * des ..." are one body; whatever was found inside gives way.
   */
  private ministriesInLowerCase(): void {
    const t = this.toks;
    const found: { start: number; end: number; surface: string }[] = [];
    for (let i = 0; i < t.length; i++) {
      if (!LOWER_MINISTRY_HEADS.has(t[i].text)) continue;
      LOWER_MINISTRY.lastIndex = t[i].start;
      const hit = LOWER_MINISTRY.exec(this.text);
      if (hit) found.push({ start: hit.index, end: hit.index + hit[0].length, surface: hit[0].replace(/\s+/g, ' ') });
    }
    if (found.length) this.replaceInside(found, (f) => ({ type: 'organisation', name: f.surface, surface: f.surface, start: f.start }));
  }

  /**
   * "le Conseil supérieur de l'audiovisuel", "la Haute Autorité de santé", "l'Agence nationale de sécurité du médicament": French
   * writes only a body's first word (and a proper noun) with a capital, so its name goes on in lower case after "de", "du",
   * "des" or "pour"; a body that opens on a body's head word takes that tail (no determiner or pronoun inside it), up to the
   * next capital or punctuation.
   */
  private bodiesWithLowerCaseTails(): void {
    for (let k = 0; k < this.mentions.length; k++) {
      const m = this.mentions[k];
      if (m.type !== 'organisation' || !this.r.ORG_PREFIXES.has(m.surface.split(' ')[0])) continue;
      const end = spanEnd(this.text, m.start, m.surface);
      FRENCH_BODY_TAIL.lastIndex = end;
      const tail = FRENCH_BODY_TAIL.exec(this.text);
      if (!tail || tail[0].split(/\s+/).some((w) => NOT_IN_A_BODY_TAIL.has(w))) continue;
      const surface = `${m.surface}${tail[0].replace(/\s+/g, ' ')}`;
      this.mentions[k] = { type: 'organisation', name: surface, surface, start: m.start };
    }
  }

  /**
   * "Sony Australia", "Google France", "Amazon España", "BBC Scotland": a company or a broadcaster the gazetteer knows, then a
   * country (or a nation of the UK) one space on, is the company's arm there, one body, not the company and a place.
   */
  private countryArms(): void {
    if (!this.mentions.some((m) => m.type === 'organisation' && m.org && ARM_KINDS.has(m.org.kind))) return;
    const byStart = new Map<number, number>();
    this.mentions.forEach((m, k) => byStart.set(m.start, k));
    const arms = new Set<number>();
    for (let k = 0; k < this.mentions.length; k++) {
      const m = this.mentions[k];
      if (m.type !== 'organisation' || !m.org || !ARM_KINDS.has(m.org.kind)) continue;
      const end = spanEnd(this.text, m.start, m.surface);
      if (this.text[end] !== ' ') continue;
      const p = byStart.get(end + 1);
      if (p === undefined) continue;
      const place = this.mentions[p];
      if (place.type !== 'place' || !(NATIONS.has(place.surface) || place.places?.some((e) => e.kind === 'country'))) continue;
      const surface = `${m.surface} ${place.surface}`;
      this.mentions[k] = { type: 'organisation', name: surface, surface, start: m.start };
      arms.add(p);
    }
    if (arms.size) {
      const gone = new Set([...arms].map((p) => this.mentions[p]));
      this.dropMentions((m) => gone.has(m));
    }
  }

  /**
   * "la República Popular de China", "la République islamique d'Iran", "der Demokratischen Republik Kongo", "the People's
   * Republic of China": a country named in full, its republic word with the adjectives around it and "of", is one place
   * (read as a body "República Popular" and "China", or a place "République" and "Iran"). Linked only where the gazetteer
   * knows the whole name: "Republik Kongo" alone is the other Congo.
   */
  private republicsByFullName(): void {
    const t = this.toks;
    const found: FoundPlace[] = [];
    for (let i = 0; i < t.length; i++) {
      if (!REPUBLIC_WORDS.has(t[i].text) && t[i].text !== 'Volksrepublik') continue;
      let from = i;
      // ("People's": the token ends before its 's.)
      while (from > 0 && t[from - 1].end + (t[from - 1].poss ? 3 : 1) === t[from].start && (REPUBLIC_ADJECTIVES.has(t[from - 1].text) || (t[from - 1].text === 'People' && t[from - 1].poss))) from--;
      let j = i + 1;
      while (j < t.length && REPUBLIC_ADJECTIVES.has(t[j].text)) j++;
      if (j < t.length && REPUBLIC_OF.has(t[j].text)) j++;
      if (j < t.length && (t[j].text === 'the' || t[j].text === 'la' || t[j].text === "l'")) j++;
      const country = j < t.length ? this.knownAt(j, Math.min(t.length, j + 4)) : undefined;
      if (!country?.places?.some((p) => p.kind === 'country') || (from === i && j === i + 1)) continue;
      const end = t[j + country.len - 1].end;
      const surface = this.text.slice(t[from].start, end).replace(/\s+/g, ' ');
      found.push({ start: t[from].start, end, surface, places: this.knownAt(from, j + country.len)?.places });
      i = j + country.len - 1;
    }
    if (found.length) this.replaceInside(found, knownOrPlain);
  }

  /**
   * "l'Afrique du Nord", "l'Europe de l'Ouest", "l'Allemagne de l'Ouest", "el África del Norte", "l'Europa dell'Est": a known
   * place, "of the" and a compass point is one place, another than the one it opens on (read as "Afrique" and a place or a
   * body "Nord", "Ouest"). Not linked: North Africa is not Africa. German and Dutch write these as one word ("Nordafrika").
   */
  private compassParts(): void {
    const found: FoundPlace[] = [];
    // A continent, a country or a region ("Paris du Nord" is no part of Paris).
    const sorted = this.mentions.filter((m) => m.type === 'place' && m.places?.some((p) => p.kind !== 'city' && p.kind !== 'capital')).sort((a, b) => a.start - b.start);
    for (const m of sorted) {
      const end = spanEnd(this.text, m.start, m.surface);
      if (found.length && m.start < found[found.length - 1].end) continue;
      COMPASS_PART.lastIndex = end;
      const hit = COMPASS_PART.exec(this.text);
      if (!hit) continue;
      const to = end + hit[0].length;
      const surface = this.text.slice(m.start, to).replace(/\s+/g, ' ');
      // A whole name the gazetteer knows ("Corea del Sur") keeps its entry and link.
      found.push({ start: m.start, end: to, surface, places: this.g.places.get(fold(surface)) });
    }
    if (found.length) this.replaceInside(found, knownOrPlain);
  }

  /**
   * "Berlin-Mitte", "Münster-Nord", "Amsterdam-Noord", "Köln-Ehrenfeld": a town the gazetteer knows, a hyphen and a
   * district's name is one place, the district (the tagger reads some, "Hamburg-Altona", and misses those whose second part
   * is a compass word or a noun). Not a compound of the town and a word of the language ("Berlin-Besuch", "Paris-Reise",
   * "Berlin-Chemie"), nor two places ("Köln-Bonn", "Paris-Dakar": a route, an airport, a race), nor an adjective
   * ("Berlin-Brandenburger"), nor a name the gazetteer knows whole ("Baden-Württemberg", "Mercedes-Benz") or that another
   * name already covers.
   */
  private townDistricts(): void {
    let inside: ((start: number) => boolean) | undefined;
    for (let i = 0; i < this.toks.length; i++) {
      const t = this.toks[i];
      const dash = t.cap ? t.text.indexOf('-') : -1;
      if (dash < 3 || dash !== t.text.lastIndexOf('-')) continue;
      const head = t.text.slice(0, dash);
      const tail = t.text.slice(dash + 1);
      if (!/^\p{Lu}\p{Ll}{2,}$/u.test(tail) || !this.g.places.get(fold(head))?.some((p) => p.kind === 'city' || p.kind === 'capital')) continue;
      const district =
        DISTRICT_WORDS.has(tail) ||
        (!tail.endsWith('er') && !this.g.places.has(fold(tail)) && !this.g.orgs.has(fold(tail)) && !this.isCommon(tail) && !this.commonNouns?.has(tail) && !this.lowerWords.has(fold(tail)));
      if (!district || this.knownAt(i, i + 1)) continue;
      const k = this.mentions.findIndex((m) => m.start === t.start);
      if (k >= 0) {
        // The town alone, or the whole word read as a place already.
        if (this.mentions[k].type === 'place') this.mentions[k] = { type: 'place', name: t.text, surface: t.text, start: t.start };
        continue;
      }
      inside ??= this.coveredByMentions();
      if (!inside(t.start)) this.add({ type: 'place', name: t.text, surface: t.text, start: t.start });
    }
  }

  /**
   * "la órbita de la Tierra", "sur Mars", "auf der Erde", "on the Moon": Earth, its Moon and the planets are places (UNER
   * and CoNLL label them so), not the company Mars, a woman called Luna or nothing. Only right after an article or a
   * preposition and standing alone, so "Mars Inc", "Bruno Mars", "Venus Williams", "Moon Jae-in" keep what they are;
   * not the suns ("The Sun", "Le Soleil" are newspapers).
   */
  private celestialBodies(): void {
    const t = this.toks;
    const cued: number[] = [];
    for (let i = 1; i < t.length; i++) {
      if (!t[i].cap || !CELESTIAL_BODIES.has(t[i].text) || t[i].sentStart || this.capWordAt(i + 1)) continue;
      const cue = t[i - 1].text.toLowerCase();
      // (English "a" is the article: "a Mars bar".)
      if (!t[i - 1].cap && CELESTIAL_CUES.has(cue) && t[i - 1].end + 1 === t[i].start && !(this.english && cue === 'a')) cued.push(i);
    }
    if (!cued.length) return;
    // "Candy maker Mars agreed ...", then "chief executive of Mars": a word the text also names a body or a person by
    // without such a cue is that body or person throughout.
    const at = new Set(cued.map((i) => t[i].start));
    const otherwise = new Set(this.mentions.filter((m) => m.type !== 'place' && !at.has(m.start)).map((m) => m.surface));
    let inside: ((start: number) => boolean) | undefined;
    for (const i of cued) {
      if (otherwise.has(t[i].text)) continue;
      const place: Mention = { type: 'place', name: t[i].text, surface: t[i].text, start: t[i].start };
      const k = this.mentions.findIndex((m) => m.start === t[i].start);
      if (k >= 0) {
        if (this.mentions[k].surface === t[i].text) this.mentions[k] = place;
        continue;
      }
      inside ??= this.coveredByMentions();
      if (!inside(t[i].start)) this.add(place);
    }
  }

  /**
   * "closed Interstate 70", "on State Route 1", "the M32", "the A-7 motorway": a road known by its number is a place. Only the
   * road words and the British and Spanish letter-and-number forms after "the" (not "the A4 paper", "the M16 rifle").
   */
  private numberedRoads(): void {
    const taken = (start: number, end: number) => this.mentions.some((m) => m.start < end && spanEnd(this.text, m.start, m.surface) > start);
    for (const re of [NUMBERED_ROAD, LETTERED_ROAD]) {
      re.lastIndex = 0;
      for (let hit = re.exec(this.text); hit; hit = re.exec(this.text)) {
        const surface = hit[1];
        const start = hit.index + hit[0].length - surface.length;
        if (!taken(start, start + surface.length)) this.add({ type: 'place', name: surface, surface, start });
      }
    }
  }

  /**
   * "con un gol de Lewandowski", "una doppietta di Lautaro", "un doublé de Mbappé": the one word after a goal's noun and "de"
   * is its scorer, not a place (a known place stays: "el gol de Madrid" is rare, and the gazetteer decides it).
   */
  private scorersNotPlaces(): void {
    for (const m of this.mentions) {
      if (m.type !== 'place' || m.places || m.surface.includes(' ')) continue;
      const k = this.tokenAt(m.start);
      if (k === undefined || k < 2 || !/^(?:de|di|da|do)$/.test(this.toks[k - 1].text) || !GOAL_NOUNS.test(this.toks[k - 2].text)) continue;
      m.type = 'person';
    }
  }

  /**
   * "con goles de Jude Bellingham y Kylian Mbappé" where the tagger read nothing in "Jude Bellingham": the capitalised words
   * right after a goal's noun and "de", that no name covers and the gazetteer does not know, are the scorer.
   */
  private unreadScorers(): void {
    const t = this.toks;
    const inside = this.coveredByMentions();
    for (let k = 2; k < t.length; k++) {
      if (!t[k].cap || !t[k].isWord || !/^(?:de|di|da|do)$/.test(t[k - 1].text) || !GOAL_NOUNS.test(t[k - 2].text) || inside(t[k].start)) continue;
      // ("un gol de Siem de Jong": a particle inside the name; "y" joins the next scorer.)
      let end = k + 1;
      while (end < t.length && end < k + 4 && t[end].start === t[end - 1].end + 1 && ((t[end].cap && t[end].isWord) || (NAME_PARTICLES.has(t[end].text) && !/^(?:y|e|i|et|and|und)$/.test(t[end].text) && t[end + 1]?.cap))) end++;
      if (this.knownAt(k, end) || (end - k === 1 && this.isCommon(t[k].text))) continue;
      const surface = this.slice(k, end);
      this.mentions.push({ type: 'person', name: surface, surface, start: t[k].start });
    }
  }

  /**
   * "MADRID, 5 Dic (EFE)", "Bogotá, 12 Ene": a month or a day alone is no name, whatever the tagger says; nor a scripture
   * ("le Coran", "el Corán" were places): a book, where CoNLL and UNER label nothing.
   */
  private withoutLoneMonths(): void {
    this.dropMentions((m) => ((MONTH_DAY_WORDS.has(m.surface) || SCRIPTURES.has(m.surface)) && !m.org && !m.places) || this.bornAt(m));
  }

  /** "Nato a Malé Svatoňovice", "Nata nel 1950": Italian "born" opening a sentence, not NATO (which Italian copy writes "Nato"). */
  private bornAt(m: Mention): boolean {
    if (!ITALIAN_BORN.has(m.surface)) return false;
    const i = this.tokenAt(m.start);
    return i !== undefined && this.toks[i].sentStart && ITALIAN_BORN_NEXT.has(this.toks[i + 1]?.text ?? '');
  }

  /**
   * "Der Vertrag läuft Mitte 2009 aus", "bis Mitte März": German writes a time as "Mitte" and a year, a month or "der"
   * ("Mitte der 1990er Jahre"); and "in Richtung Norden", "im Norden": a direction or a region, not the town of Norden
   * nor the Berlin district of Mitte (both in the gazetteers). Those words stay places elsewhere ("Die Polizei in Mitte").
   * A town's name right after a number is a plural noun ("nach drei Siegen").
   */
  private withoutGermanTimesAndDirections(): void {
    const t = this.toks;
    this.dropMentions((m) => {
      if (m.type !== 'place' || m.surface.includes(' ')) return false;
      const k = this.tokenAt(m.start);
      if (k === undefined) return false;
      const before = t[k - 1]?.text ?? '';
      // "nach nur drei Siegen", "zum ersten Male": a known place named like a plural noun, counted, is the noun.
      if (m.places && !m.places.some((p) => p.kind === 'country') && (/^\d+$/.test(before) || GERMAN_COUNTS.has(before))) return true;
      if (!GERMAN_TIME_OR_DIRECTION.has(m.surface)) return false;
      const next = t[k + 1]?.text ?? '';
      if (m.surface === 'Mitte') return /^(?:\d|der$|des$)/.test(next) || MONTH_DAY_WORDS.has(next);
      return GERMAN_DIRECTION_CUES.has(before);
    });
  }

  /**
   * "nas festas de Natal", "À Noël", "no Natal": a feast's name alone is no place and no person. Natal the Brazilian city
   * keeps its place after "em" or after a noun for a town's body or site ("a prefeitura de Natal", "o aeroporto de Natal").
   */
  private withoutFeastDays(): void {
    const isFeast = (m: Mention) => {
      if (m.type === 'organisation' || !FEAST_DAYS.has(m.surface)) return false;
      const k = this.tokenAt(m.start);
      if (k === undefined) return false;
      const before = this.toks[k - 1]?.text.toLowerCase();
      if (before === 'em' || before === 'en' || before === 'in') return false;
      return !(before === 'de' && TOWN_BODY_NOUNS.test(this.toks[k - 2]?.text ?? ''));
    };
    this.dropMentions(isFeast);
  }

  /** "le cyclone Chido", "el huracán Milton", "Sturmtief Bernd", "storm Darragh": a storm's name is no person and no place. */
  private withoutStormNames(): void {
    const afterStormWord = (m: Mention) => {
      const k = this.tokenAt(m.start);
      return k !== undefined && k > 0 && STORM_WORDS.has(this.toks[k - 1].text.toLowerCase());
    };
    this.dropMentions(afterStormWord);
  }

  /** "the University of California, San Diego": a campus after the comma is part of the university's name, not a place. */
  private universityCampuses(): void {
    const campuses = new Set<Mention>();
    for (const m of this.mentions) {
      if (m.type !== 'organisation' || !/^University of \p{Lu}/u.test(m.surface)) continue;
      const end = spanEnd(this.text, m.start, m.surface);
      const after = /^, (\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)?)/u.exec(this.text.slice(end, end + 40));
      // A town ("San Diego"), not the country or state the university is in ("University of Oxford, England").
      const campus = after ? this.mentions.find((p) => p.type === 'place' && p.start === end + 2 && p.surface === after[1] && !p.places?.some((e) => e.kind === 'country' || e.kind === 'region')) : undefined;
      if (!campus) continue;
      m.surface = this.text.slice(m.start, campus.start + campus.surface.length);
      m.name = m.surface;
      delete m.org;
      campuses.add(campus);
    }
    if (campuses.size) this.dropMentions((m) => campuses.has(m));
  }

  /**
   * "NASA Administrator Bill Nelson ... Nelson noted": a town or region the text also names as a person's surname is
   * that person, unless a place cue comes before it ("in Nelson"). A country stays the country ("Jordan" after "Michael Jordan" may not).
   */
  private placesAsSurnames(): void {
    const people = new Map<string, string>();
    for (const m of this.mentions) if (m.type === 'person' && m.name.includes(' ')) people.set(m.name.slice(m.name.lastIndexOf(' ') + 1), m.name);
    if (people.size === 0) return;
    for (const m of this.mentions) {
      const person = m.type === 'place' ? people.get(m.surface) : undefined;
      const k = this.tokenAt(m.start);
      if (!person || !townOrRegion(m.places) || k === undefined || this.placeCueBefore(k)) continue;
      m.type = 'person';
      m.name = person;
      delete m.places;
    }
  }

  /**
   * "Der Energiekonzern RWE", "die Großbank UBS", "Sportvorstand Max Eberl": where nouns are capitalised, a one-word body
   * no gazetteer knows, right before another name, is the noun describing it ("die Commerzbank" alone stays a body).
   */
  private withoutDescriptors(): void {
    const starts = new Set(this.mentions.map((m) => m.start));
    for (let k = this.mentions.length - 1; k >= 0; k--) {
      const m = this.mentions[k];
      if (m.type !== 'organisation' || m.org || m.surface.includes(' ')) continue;
      const i = this.tokenAt(m.start);
      if (i === undefined) continue;
      const next = this.toks[i + 1];
      if (next && next.start === this.toks[i].end + 1 && starts.has(next.start)) this.mentions.splice(k, 1);
    }
  }

  /**
   * "die Lage", "ein Zug", "in der Halle": a one-word place that is also a German common noun, after an
   * article or a determiner, is the noun; a town's name takes no article ("Lage", "Essen", "Halle" alone).
   */
  private withoutNounsAfterArticles(nouns: ReadonlySet<string>): void {
    for (let k = this.mentions.length - 1; k >= 0; k--) {
      const m = this.mentions[k];
      if (m.type !== 'place' || m.surface.includes(' ')) continue;
      const i = this.tokenAt(m.start);
      const before = i === undefined || i === 0 ? undefined : this.toks[i - 1];
      // "Ein Zug der Deutschen Bahn", "bei einem Essen": no place takes an indefinite article, whatever the noun list holds
      // (it leaves out nouns that are also names: "Zug", "Essen", "Halle").
      if (before && INDEFINITE_DETERMINERS.test(before.text)) {
        this.mentions.splice(k, 1);
        continue;
      }
      // "Seine Frau sagte": a sentence's opening determiner before its noun, not the river.
      // ("Seine erste Single": so before an inflected adjective.)
      const next = i === undefined ? undefined : this.toks[i + 1];
      const nounOrAdjective = !!next?.isWord && (next.cap || /\p{Ll}(?:e|en|er|es|em)$/u.test(next.text));
      if (i !== undefined && this.toks[i].sentStart && GERMAN_DETERMINERS.has(m.surface.toLowerCase()) && nounOrAdjective && next?.start === this.toks[i].end + 1) {
        this.mentions.splice(k, 1);
        continue;
      }
      // "die Art des Belegmaterials", "in der Nähe des Steuerrads": after a genitive article, an unknown word in the genitive
      // whose stem ends in a common noun is that noun's compound, not a place ("des Sauerlands" keeps its place's ending).
      if (!m.places && before && (before.text === 'des' || before.text === 'eines') && this.genitiveOfCompound(m.surface, nouns)) {
        this.mentions.splice(k, 1);
        continue;
      }
      // "in dem Zug", "das Essen": a noun that is also a town's name is the noun after an article (the town takes none;
      // a river or a region does: "an der Elbe", "in der Pfalz").
      const townNoun = !!m.places?.length && m.places.every((p) => p.kind === 'city') && !!this.placeNouns?.has(m.surface);
      if (!nouns.has(m.surface) && !townNoun) continue;
      // "die Lage", "35 Grad": after a determiner or a number the word is the noun; so after a determiner and an
      // inflected adjective ("von einer schwierigen Lage").
      const adjectiveAfterDeterminer = !!before && !before.cap && /\p{Ll}(?:e|en|er|em|es)$/u.test(before.text) && i !== undefined && GERMAN_DETERMINERS.has(this.toks[i - 2]?.text.toLowerCase() ?? '');
      // "Mitte der 1990er Jahre", "Norden des Landes": the noun, with what it is of in the genitive after it.
      const genitiveAfter = i !== undefined && /^(?:der|des)$/.test(this.toks[i + 1]?.text ?? '');
      // So after a quantity: "viele Kleidungsstücke und wenig Essen".
      if ((before && (GERMAN_DETERMINERS.has(before.text.toLowerCase()) || GERMAN_QUANTIFIERS.has(before.text) || /^\d/.test(before.text) || adjectiveAfterDeterminer)) || genitiveAfter) this.mentions.splice(k, 1);
    }
  }

  /** "Steuerrads", "Belegmaterials": a genitive (-s, -es) whose stem is a noun or ends in one of three letters at least ("Rad"). */
  private genitiveOfCompound(word: string, nouns: ReadonlySet<string>): boolean {
    const stem = /[^s]es$/.test(word) && nouns.has(word.slice(0, -2)) ? word.slice(0, -2) : word.endsWith('s') ? word.slice(0, -1) : undefined;
    if (!stem) return false;
    if (nouns.has(stem)) return true;
    for (let i = 2; i <= stem.length - 3; i++) {
      const tail = stem[i].toUpperCase() + stem.slice(i + 1);
      if (/\p{Ll}/u.test(stem[i]) && nouns.has(tail)) return !PLACE_TAILS.test(tail);
    }
    return false;
  }

  /**
   * "in Teilen Bayerns und Sachsens", "Thüringens Landesregierung": a lone word that is a known country's, region's or
   * city's name and the genitive -s is that place, where no other name covers it (the word as written is no known name,
   * common noun or first name: "Hans" is no genitive of a place). The tagger's lone person there is that place too
   * ("Bayerns Innenminister").
   */
  private genitivesOfKnownPlaces(): void {
    const inside = this.coveredByMentions();
    const owners = new Set(['country', 'capital', 'region', 'city']);
    // The rules' one-word people by offset, found once (a scan of every mention per capitalised word in -s was quadratic).
    const peopleAt = new Map<number, number[]>();
    this.mentions.forEach((m, k) => {
      if (m.type !== 'person' || m.figure || m.surface.includes(' ')) return;
      const at = peopleAt.get(m.start);
      if (at) at.push(k);
      else peopleAt.set(m.start, [k]);
    });
    for (let i = 0; i < this.toks.length; i++) {
      const t = this.toks[i];
      // ("Sachsen-Anhalts", "Nordrhein-Westfalens": a hyphenated region's too.)
      if (!t.cap || t.text.length < 5 || !/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?s$/u.test(t.text) || this.isAllCaps(i)) continue;
      const person = peopleAt.get(t.start)?.find((k) => this.mentions[k].surface === t.text) ?? -1;
      if (person < 0 && inside(t.start)) continue;
      const word = this.folded(i);
      if (this.g.places.has(word) || this.g.orgs.has(word) || this.commonNouns?.has(t.text) || this.isFirstName(t.text) || this.isCommon(t.text)) continue;
      const places = this.g.places.get(word.slice(0, -1));
      if (!places?.every((p) => owners.has(p.kind)) || this.commonNouns?.has(t.text.slice(0, -1))) continue;
      const place: Mention = { type: 'place', name: places[0].name, surface: t.text, start: t.start, places };
      if (person >= 0) this.mentions[person] = place;
      else this.mentions.push(place);
    }
  }

  /**
   * "Microsofts" where the text also names Microsoft, "Deutschlands" (a known place's genitive): the
   * entity the -s genitive is of, with its type and links, its surface the word as written. A
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
      // The owner's name is the word without its ending; the mention is the word as written, ending and all, as
      // annotators mark it (CoNLL, GermEval, WikiNEuRal, Universal NER: "Deutschlands", "Sveriges").
      const surface = genitive[0];
      const base = fold(genitive[1]);
      // "Paris", "Las Vegas": known as written. "Las" is no genitive of "La".
      if (known(fold(genitive[0])) || known(fold(whole.surface)) || base.length < 3) continue;
      // "Putins Armee", "Merkels Regierung": the army and the government of a person the text or the public-figure list
      // names so are the person's, not a body of that name.
      // So is a person's genitive alone ("Putins" after "Wladimir Putin"); a first name that ends in -s ("Hans") is nobody's.
      const owner = whole.surface !== surface || (whole.type === 'person' && !this.isFirstName(surface)) ? this.personNamed(base, this.mentions) : undefined;
      // "Københavns Kommune", "Göteborgs Universitet": a body named for its place, when the rest ends on a body's head word.
      const last = whole.surface.split(' ').pop() ?? '';
      if (!owner && whole.type === 'organisation' && last !== genitive[0] && (this.r.ORG_HEADS.has(last) || this.r.orgSuffix?.test(last))) continue;
      // "Deutschlands Wirtschaft", "Microsofts Chef": a span opened by a genitive is the genitive's owner and what it owns.
      const same = named.get(base) ?? owner;
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

  /**
   * "la Asamblea Nacional Catalana (ANC)": the text defines the acronym, and every use of it in that text
   * is that body, whatever else the gazetteer knows by it (the African National Congress).
   */
  private acronymsAsDefined(): void {
    this.bodiesJoinedByTheirAcronym();
    this.lowerWordsBeforeAcronym();
    const defined = new Map<string, Mention>();
    for (const m of this.mentions) {
      if (m.type === 'place' || !m.surface.includes(' ')) continue;
      const acronym = this.bracketedAcronym(m);
      if (!acronym || defined.has(acronym)) continue;
      // "Petróleos Mexicanos (Pemex)" read as a person: a name with an acronym of its letters is a body's, unless a first name
      // opens it ("Andrés Manuel López Obrador (AMLO)"); a person's brackets mostly hold a party ("Christian Lindner (FDP)").
      if (m.type === 'person' && (m.figure || anyFirstName(m.surface.split(' ')[0]) || !lettersInOrder(fold(acronym), fold(m.surface)))) continue;
      if (m.type === 'person') {
        m.type = 'organisation';
        delete m.weak;
      }
      defined.set(acronym, m);
    }
    if (!defined.size) return;
    // The acronym, in its brackets and wherever the text uses it after, is a mention of the body too where nothing read it
    // ("(Inpe)", "(Copom)", "La SHCP dijo").
    const inside = this.coveredByMentions();
    for (const tok of this.toks) {
      const body = tok.cap ? defined.get(tok.text) : undefined;
      if (body && tok.start > body.start && !inside(tok.start)) this.mentions.push({ type: body.type, name: body.name, surface: tok.text, start: tok.start, ...(body.org ? { org: body.org } : {}) });
    }
    for (let k = 0; k < this.mentions.length; k++) {
      const m = this.mentions[k];
      const body = defined.get(m.surface);
      // Named alike but typed otherwise is still the body ("(IBGE)" tagged a place after its full name).
      if (!body || (body.name === m.name && m.type === body.type)) continue;
      this.mentions[k] = { type: body.type, name: body.name, surface: m.surface, start: m.start, ...(body.org ? { org: body.org } : {}) };
    }
  }

  /**
   * "l'Agence de presse sénégalaise (APS)" read as "Agence de presse": lower-case words between a body and a bracketed
   * acronym belong to the body when the initials of its words, function words left out, spell the acronym only with them.
   */
  private lowerWordsBeforeAcronym(): void {
    for (const m of this.mentions) {
      if (m.type !== 'organisation') continue;
      const end = spanEnd(this.text, m.start, m.surface);
      const tail = /^((?:\s+\p{Ll}[\p{L}\p{M}'’-]*){1,3})\s*\((\p{Lu}{2,8})\)/u.exec(this.text.slice(end, end + 80));
      if (!tail) continue;
      const surface = `${m.surface}${tail[1].replace(/\s+/g, ' ')}`;
      const acronym = fold(tail[2]);
      if ((contentInitials(surface) !== acronym || contentInitials(m.surface) === acronym) && !this.namedOnToAcronym(m, tail[1])) continue;
      if (m.name === m.surface) m.name = surface;
      m.surface = surface;
      delete m.org;
    }
  }

  /**
   * "l'Institut américain de géophysique (USGS)", "l'Institut national de la statistique (INSEE)": in a language that writes
   * a body's name in lower case after its first words, a name opened by a body's head word ("Institut", "Agencia") goes on
   * through "de" and lower-case words to a bracketed acronym, whatever language the acronym's letters come from.
   */
  private namedOnToAcronym(m: Mention, tail: string): boolean {
    return !this.english && !this.r.nounsCapitalised && this.r.ORG_PREFIXES.has(m.surface.split(' ')[0]) && m.surface.includes(' ') && /^\s+(?:de|del|des|du|di|do|da|dos|das|della|delle|dello|degli|dei)\s/.test(tail);
  }

  /**
   * "la Secretaría de Hacienda y Crédito Público (SHCP)" read as the body "Secretaría de Hacienda" and the person "Crédito
   * Público": two names joined by "and" (or a comma) right before a bracketed acronym made of the initials of both are one body.
   */
  private bodiesJoinedByTheirAcronym(): void {
    const end = (m: Mention) => spanEnd(this.text, m.start, m.surface);
    const initials = (text: string) => fold(text.split(/[\s,]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join(''));
    for (const last of this.mentions) {
      const acronym = /^\s*\((\p{Lu}{3,8})\)/u.exec(this.text.slice(end(last), end(last) + 12))?.[1];
      if (!acronym) continue;
      // Walk back over names joined by "and" or commas ("Ciência, Tecnologia e Inovação") to a body whose initials, with theirs, spell it.
      const chain = [last];
      for (let prev = this.joinedBefore(chain[0]); prev && chain.length < 5; prev = this.joinedBefore(chain[0])) {
        chain.unshift(prev);
        const surface = this.text.slice(prev.start, end(last));
        if (prev.type !== 'organisation' || initials(surface) !== fold(acronym)) continue;
        Object.assign(prev, { surface, name: prev.name === prev.surface ? surface : prev.name });
        delete prev.org;
        this.dropMentions((m) => chain.includes(m) && m !== prev);
        return this.bodiesJoinedByTheirAcronym();
      }
    }
  }

  /** The mention right before this one, joined to it by "and" or a comma, if any. */
  private joinedBefore(m: Mention): Mention | undefined {
    return this.mentions.find((o) => o !== m && o.start < m.start && JOINED_BY_AND.test(this.text.slice(spanEnd(this.text, o.start, o.surface), m.start)));
  }

  /**
   * "Santiago Abascal" read as the place "Santiago" and the person "Abascal", whom the text or the public figures list names
   * "Santiago Abascal": the mention right before a person, one space apart, that makes up that person's full name is part of it.
   */
  private joinSplitFigures(): void {
    for (let k = 1; k < this.mentions.length; k++) {
      const person = this.mentions[k];
      if (person.type !== 'person' || person.name === person.surface || !person.name.endsWith(` ${person.surface}`)) continue;
      const lead = this.mentions.find((m) => m !== person && spanEnd(this.text, m.start, m.surface) + 1 === person.start && this.text[person.start - 1] === ' ');
      if (!lead || `${lead.surface} ${person.surface}` !== person.name) continue;
      person.surface = person.name;
      person.start = lead.start;
      this.mentions.splice(this.mentions.indexOf(lead), 1);
      k = 0; // the list shifted: look again from the start
    }
  }

  /**
   * "la Contraloría General de la República" read as the body "Contraloría General" and the place (or a body) "República": the republic
   * right after a body and "of" ("de la", "della", "da") is the end of the body's name, no place.
   */
  private bodiesOfTheRepublic(): void {
    const t = this.toks;
    for (let k = 0; k < this.mentions.length; k++) {
      const rep = this.mentions[k];
      // (Tagged a body alone too: "la Cour de justice de la République".)
      const i = rep.type !== 'person' && REPUBLIC_WORDS.has(rep.surface) ? this.tokenAt(rep.start) : undefined;
      if (i === undefined) continue;
      let j = i - 1;
      while (j > 0 && !t[j].cap && (OF_WORDS.has(t[j].text) || LOWER_ARTICLES.has(t[j].text))) j--;
      if (j === i - 1 || j < 0) continue;
      const body = this.mentions.find((m) => m.type === 'organisation' && spanEnd(this.text, m.start, m.surface) === t[j].end);
      if (!body) continue;
      const surface = this.text.slice(body.start, rep.start + rep.surface.length);
      if (body.name === body.surface) body.name = surface;
      body.surface = surface;
      delete body.org;
      this.mentions.splice(k--, 1);
    }
  }

  /**
   * "minister Eelco Heinen van Financiën", "Marjolein Faber van Asiel en Migratie": a Dutch ministry's portfolio after
   * "van" names no one: a name run on into it ends before "van", and a name inside it ("Migratie") is dropped.
   */
  private withoutDutchPortfolios(): void {
    DUTCH_PORTFOLIO.lastIndex = 0;
    for (let at = DUTCH_PORTFOLIO.exec(this.text); at; at = DUTCH_PORTFOLIO.exec(this.text)) {
      const [from, to] = [at.index, at.index + at[0].length];
      // "van Defensie Ruben Brekelmans" read as one person: the name after the portfolio stays.
      for (const m of this.mentions) {
        const end = spanEnd(this.text, m.start, m.surface);
        if (m.start < from || m.start >= to || end <= to + 1) continue;
        const surface = this.text.slice(to + 1, end);
        if (m.name === m.surface) m.name = surface;
        m.surface = surface;
        m.start = to + 1;
      }
      this.dropMentions((m) => m.start >= from && m.start < to);
      for (const m of this.mentions) {
        if (m.type !== 'person' || m.start >= from || spanEnd(this.text, m.start, m.surface) <= from) continue;
        const surface = this.text.slice(m.start, from);
        if (m.name === m.surface) m.name = surface;
        m.surface = surface;
      }
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

  /**
   * 'Sean "Diddy" Combs', 'Earvin "Magic" Johnson', 'Joaquín "El Chapo" Guzmán': a first name, a nickname of one to three
   * capitalised words in quotes, and a surname are one person, named without the nickname (so "Combs" alone is him too).
   * The quotes broke the run into three lone words, none of which a rule could type.
   */
  private nicknamedPeople(): void {
    const t = this.toks;
    for (let i = 0; i + 4 < t.length; i++) {
      // The quote is tested first: the first-name test folds accents, and runs on every capitalised word otherwise.
      if (!NICKNAME_QUOTES.has(t[i + 1].text) || !t[i].cap || !t[i].isWord || !anyFirstName(t[i].text)) continue;
      let close = i + 2;
      while (close < t.length && close <= i + 4 && t[close].cap && t[close].isWord) close++;
      const surname = close + 1;
      if (close === i + 2 || !NICKNAME_QUOTES.has(t[close]?.text ?? '') || !t[surname]?.cap || !t[surname].isWord || t[surname].sentStart || this.knownAt(surname, surname + 1)) continue;
      const start = t[i].start;
      const end = t[surname].end;
      if (this.mentions.some((m) => m.start < end && start < spanEnd(this.text, m.start, m.surface))) continue;
      const inside = (k: number) => k >= i && k <= surname;
      this.singles.splice(0, this.singles.length, ...this.singles.filter((s) => !inside(s.index)));
      this.add({ type: 'person', name: `${t[i].text} ${t[surname].text}`, surface: this.text.slice(start, end), start });
      i = surname;
    }
  }

  /**
   * "Scripps Networks Interactive Inc.", "Knoxville, Tenn.": a name ending on an abbreviation ends on its full stop too (even
   * where it also ends the sentence), as annotators mark it.
   */
  private abbreviationDots(): void {
    for (const m of this.mentions) {
      const end = spanEnd(this.text, m.start, m.surface);
      if (this.text[end] !== '.' || !NAME_ABBREVIATION_END.test(m.surface)) continue;
      if (m.name === m.surface) m.name += '.';
      m.surface += '.';
    }
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

/** Countries that are one city, named as their capital: a side so named is the national one. */
const NUMBERED_ROAD = /(?<![\p{L}\d])((?:Interstate|State Route|U\.S\. Route|US Route|Route|State Highway|Highway) \d{1,3})(?![\p{L}\d.,]\d)/gu;
const LETTERED_ROAD = /(?<![\p{L}\d])the ([AM]-?\d{1,2}(?:\(M\))?)(?![\p{L}\d])(?! (?:paper|sheet|size|format|rifle|rifles|carbine|tank|tanks|jet|jets|engine)\b)/gu;
/** Spanish, Portuguese, Italian and French nouns for a goal or its making, before "de"/"di" and the player. */
const GOAL_NOUNS = /^(?:gol|goles|golo|golos|tanto|tantos|doblete|triplete|hat-trick|pase|asistencia|penalti|rete|reti|doppietta|tripletta|assist|but|buts|doublé|triplé|passe)$/;
/** Feasts (Portuguese, French, Spanish, Italian) whose name is also a town's or a first name: "Natal" (Rio Grande do Norte), "Noël". */
const FEAST_DAYS: ReadonlySet<string> = new Set(['Natal', 'Páscoa', 'Noël', 'Pâques', 'Toussaint', 'Navidad', 'Nochebuena', 'Natale', 'Pasqua']);
/** Nouns for a town's bodies and sites before "de <town>" ("prefeitura de Natal"). */
const TOWN_BODY_NOUNS = /^(?:prefeitura|[Pp]refeito|cidade|aeroporto|região|município|governo|bairro|porto|universidade|[Cc]âmara|centro|arredores|estado)$/;
/** "de hockey", "de fútbol", "di calcio": a sport's name after "of", in the Romance languages (and the words joining it: "sur glace"). */
const SPORT_AFTER_BODY = /^\s+(?:de|du|d['’]|del|di|da|do)\s*(?:hockey(?: sur glace)?|football|soccer|baseball|basket-ball|basketball|basket|rugby|handball|volley-ball|volleyball|tennis|golf|boxe|cyclisme|athlétisme|natation|ski|fútbol|futbol|baloncesto|balonmano|béisbol|atletismo|ciclismo|natación|boxeo|calcio|pallacanestro|pallavolo|atletica|futebol|basquetebol|voleibol|andebol)(?![\p{L}-])/u;
/** A body's name of two or more words whose words after the first are "of" and a sport ("Ligue de hockey"). */
function endsOnSport(surface: string): boolean {
  const space = surface.indexOf(' ');
  const sport = space > 0 ? SPORT_AFTER_BODY.exec(surface.slice(space)) : null;
  return !!sport && sport[0].length === surface.length - space;
}
/** Abbreviations a company's or a person's name ends on, and AP's abbreviations of US states. */
const NAME_ABBREVIATION_END = /(?:^|\s)(?:Inc|Corp|Co|Cos|Ltd|Bros|Jr|Sr|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Vt|Va|Wash|Wis|Wyo)$/;
/** Plural definite articles of French, Spanish, Italian and Portuguese: before a club's nickname ("les Sénateurs d'Ottawa"). */
const PLURAL_ARTICLES = new Set(['les', 'des', 'aux', 'Les', 'los', 'Los', 'i', 'gli', 'I', 'Gli', 'os', 'Os', 'dos', 'aos', 'nos', 'dei', 'degli', 'ai', 'agli']);
/** Prepositions of place a town's name may follow in any of the rule languages ("In München", "à Lyon", "en Sevilla", "nel"); not Spanish "a", which also marks a team as the object ("venció a Osasuna"). */
const LOCATIVES = new Set(['in', 'im', 'aus', 'à', 'dans', 'en', 'em', 'no', 'na', 'nel', 'nella', 'i', 'på']);
/** A place a pass found whole (republicsByFullName, compassParts), with the gazetteer's entries when it knows the whole name. */
type FoundPlace = { start: number; end: number; surface: string; places?: PlaceEntry[] };
/** Its mention: the gazetteer's name and link where it knows the place, the words as written otherwise. */
const knownOrPlain = (f: FoundPlace): Mention => ({ type: 'place', name: f.places?.[0]?.name ?? f.surface, surface: f.surface, start: f.start, ...(f.places ? { places: f.places } : {}) });
/** A town's district named by a compass point or its centre, after a hyphen (townDistricts): German, Dutch, French, Spanish, Portuguese, Italian. */
const DISTRICT_WORDS = new Set('Nord Süd Ost West Mitte Nordost Nordwest Südost Südwest Zentrum Innenstadt Altstadt Noord Zuid Oost Centrum Noordoost Noordwest Zuidoost Zuidwest Sud Est Ouest Centre Norte Sur Sul Este Oeste Centro Ovest'.split(' '));
/** German words that name a place and also a time ("Mitte 2009") or a direction ("Richtung Norden"). */
const GERMAN_TIME_OR_DIRECTION = new Set(['Mitte', 'Norden', 'Süden', 'Osten', 'Westen']);
/** Numbers, quantities and ordinals before a plural noun: "drei Siegen", "vielen Siegen", "zum ersten Male". */
const GERMAN_COUNTS = new Set('zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig vierzig fünfzig hundert tausend beiden mehreren vielen wenigen einigen zahlreichen etlichen ersten zweiten dritten letzten'.split(' '));
/** What comes before a compass noun that is a direction or a region: "im Norden", "gen Süden", "Richtung Osten". */
const GERMAN_DIRECTION_CUES = new Set(['im', 'vom', 'zum', 'gen', 'Richtung', 'den', 'dem', 'der', 'des', 'Im', 'Vom', 'Zum', 'Den', 'Der']);
/** "of the" and a compass point after a place (compassParts); sticky, tried right at the place's end. */
const COMPASS_PART = /\s+(?:du|de l['’]\s?|de la|del|dell['’]\s?|do|da|de)\s*(?:Nord-Est|Nord-Ouest|Sud-Est|Sud-Ouest|Nord|Sud|Est|Ouest|Norte|Sur|Este|Oeste|Leste|Sul|Ovest|Nordeste|Noroeste|Sudeste|Sudoeste)(?![\p{L}-])/uy;
/** Scriptures by their names in the tagged languages (withoutLoneMonths). */
const SCRIPTURES = new Set('Coran Koran Corán Corano Alcorão Corão Bible Bibel Biblia Bibbia Bíblia Bijbel Torah Thora Tora Talmud Évangile Evangelium Evangelio Vangelo Evangelho'.split(' '));
const CITY_STATES = new Set(['SG', 'MC', 'LU', 'VA', 'SM', 'KW', 'DJ', 'AD', 'LI', 'BH', 'QA', 'MT']);
/** Words a body's acronym leaves out, in the languages with entity rules. */
const ACRONYM_FUNCTION_WORDS = new Set(
  "of the and for de du des la le les l' d' et y e del di da do dos das della delle degli dei für der die das den und van voor het en og och i".split(' '),
);

/** The folded initials of a name's words, function words left out: "Agence de presse sénégalaise" -> "aps". */
function contentInitials(name: string): string {
  return fold(
    name
      .split(/[\s,]+/)
      .map((w) => w.replace(/^(?:l|d)['’]/i, ''))
      .filter((w) => w && !ACRONYM_FUNCTION_WORDS.has(w.toLowerCase()))
      .map((w) => w[0])
      .join(''),
  );
}

/** Quotation marks around a nickname inside a person's name. */
const NICKNAME_QUOTES = new Set(['"', '“', '”', "'", '‘', '’']);
/** The ends of German places' names that are also nouns: "Sauerland", "Schwarzwald", "Ruhrgebiet" are places, not compounds. */
const PLACE_TAILS = /^(?:Land|Berg|Tal|Wald|Burg|Dorf|Stadt|Hausen|Heim|Bach|See|Feld|Gebiet|Kreis|Hof|Hafen|Brücke|Insel|Gau|Mark)$/;
/** Italian "born", which Italian copy also writes NATO's name as ("la Nato"). */
const ITALIAN_BORN = new Set(['Nato', 'Nata', 'Nati', 'Nate']);
/** What follows "born" in Italian and in no other language's "Nato ...": a town ("a", "ad") or a date ("il", "nel"). */
const ITALIAN_BORN_NEXT = new Set(['a', 'ad', 'il', "l'", 'nel', 'nella', 'nello', 'nei', 'negli']);
/** Nouns for a work whose title may follow (in quotes, or not), in the languages with entity rules. */
const WORK_NOUNS = new Set(
  ('novel book film movie album song single series show play opera documentary memoir poem painting ' +
    'roman buch film album lied song serie sendung stück oper dokumentation gedicht gemälde ' +
    'roman livre film album chanson série émission pièce opéra documentaire poème tableau ' +
    'novela libro película filme álbum canción serie programa obra ópera documental poema cuadro ' +
    'romanzo libro canzone singolo programma documentario ' +
    'livro romance canção série telenovela documentário ' +
    'boek lied programma documentaire').split(' '),
);
/** A cup's word right before the place it is named for ("Copa América", "Coupe Stanley", "Coppa Italia"). */
const CUP_WORDS = new Set(['Copa', 'copa', 'Coupe', 'coupe', 'Coppa', 'coppa', 'Taça', 'taça']);
/** How cups, festivals, games, races and grands prix open their names before a place, in the languages with entity rules. */
const EVENT_OPENERS = /^(?:(?:Copa|Coupe|Coppa|Taça|Festival|festival|Festspiele|Mostra) (?:de|du|di|del|do|da|von)|(?:Juegos|Jeux|Jogos|Giochi) (?:Olímpicos|olympiques|Olympiques|olimpici|Olimpici|Panamericanos|Paralímpicos|paralympiques|Paralympiques|Mediterráneos|méditerranéens) (?:de|d'|d’|di)|Olympischen (?:Spiele|Spielen|Sommerspiele|Sommerspielen|Winterspiele|Winterspielen) (?:von|in)|(?:Millas|Miles|Milhas|Miglia) (?:de|di|of)|Tour (?:de|du|of)|Vuelta (?:a|al)|Volta (?:a|ao)|Giro (?:d'|d’|di|del)|Grand Prix (?:de|du|of|von)|Gran Premio (?:de|del|di|d'|d’)|Großer Preis (?:von|der)|Grande Prémio (?:de|do|da)|Rallye (?:de|du|von)|Rally (?:de|of))$/;
/** A race's whole name, or its head alone: "Gran Premio di Gran Bretagna", "Grand Prix", "Großer Preis von Monaco". */
const EVENT_NAME = /^(?:(?:Tour (?:de|du|of)|Vuelta (?:a|al)|Volta (?:a|ao)|Giro (?:d'|d’|di|del)|Grand Prix (?:de|du|of|von)|Gran Premio (?:de|del|di|d'|d’)|Großer Preis (?:von|der)|Grande Prémio (?:de|do|da)) ?\p{Lu}|(?:Gran Premio|Grand Prix|Großer Preis|Großen Preis|Grande Prémio)$)/u;
/** Seas, oceans and gulfs by their head word (seasAndGulfs), the head first: Romance head + "de" + name. Sticky: tried at a head. */
const WATER_HEADS_FIRST = new Set('Mar mar Mare mare Mer mer Océano océano Oceano oceano Océan océan Golfo golfo Golfe golfe'.split(' '));
const WATER_HEAD_FIRST =
  /\p{L}+[ \t]+(?:de la[ \t]+|de l['’]|del[ \t]+|de[ \t]+|d['’]|di[ \t]+|della[ \t]+|dello[ \t]+|du[ \t]+|do[ \t]+|da[ \t]+)\p{Lu}[\p{L}'’-]*(?:[ \t]+(?:\p{Lu}[\p{L}-]*|méridionale|septentrionale|orientale|occidentale|meridional|septentrional|oriental|occidental))*/uy;
/**
 * The head last, tried at the word before it: one English word after "the" or an opening quote (not ship names in a
 * shipping list: "Marco Polo Lightning Ocean"), or a German adjective ("Indischen Ozean", "Irische See").
 */
const WATER_HEADS_LAST = new Set('Sea Ocean Meer Ozean Golf See'.split(' '));
const WATER_HEAD_LAST =
  /(?:(?<=(?:^|[^\p{L}\p{N}])[Tt]he[ \t]+|^|[“"«„‘(][ \t]*)\p{Lu}\p{Ll}+[ \t]+(?:Sea|Ocean)|\p{Lu}\p{Ll}*(?:isch|ländisch)(?:e|en|er|es)?[ \t]+(?:Meer|Ozean|Golf|See))(?![\p{L}\p{N}])/uy;
/** A pact named for the town it was signed in, the town after: "Accord de Paris", "Protocolo de Kioto", "Vertrag von Lissabon". */
const TREATY_WORDS =
  '(?:[Aa]ccord|[Aa]cuerdo|[Aa]cordo|[Aa]ccordo|Abkommen|Übereinkommen|[Tt]raité|[Tt]ratado|[Tt]rattato|Vertrag|[Pp]rotocole|[Pp]rotocolo|[Pp]rotocollo|Protokoll|[Aa]mendement|[Ee]nmienda|[Ee]menda|[Ee]mendamento|[Cc]onvention|[Cc]onvención|[Cc]onvenção|[Cc]onvenzione) (?:de|d\'|d’|di|von|of)';
const TREATY_OPENERS = new RegExp(`^${TREATY_WORDS}$`);
/** The tagger's span over the whole name ("Protocolo de Kioto" as one place): the pact, no place either. */
const TREATY_NAME = new RegExp(`^${TREATY_WORDS} ?\\p{Lu}`, 'u');
/** The same, the town first: "the Paris agreement", "the Kyoto Protocol". */
const TREATY_WORDS_AFTER = /^(?:[Aa]greement|[Aa]ccords?|[Tt]reaty|[Pp]rotocol|[Aa]mendment|[Cc]onvention)$/;
const TREATY_WORD_IN_TEXT = /[Aa]greement|[Aa]ccord|[Tt]reaty|[Pp]rotocol|[Aa]mendment|[Cc]onvention/;
const OPENING_QUOTES = new Set(['"', '“', '„', '«', '‘', "'", '‹']);
const CLOSING_QUOTES = new Set(['"', '”', '“', '»', '’', "'", '›']);
/** German words of quantity before a bare noun: "wenig Essen", "mehr Zug". */
const GERMAN_QUANTIFIERS = new Set('wenig viel mehr weniger genug etwas kaum reichlich'.split(' '));
/** German indefinite determiners, as written at a sentence's start too. */
const INDEFINITE_DETERMINERS = /^(?:[Ee]in|[Ee]ine|[Ee]inen|[Ee]inem|[Ee]iner|[Ee]ines|[Kk]ein|[Kk]eine|[Kk]einen|[Kk]einem|[Kk]einer|[Kk]eines)$/;

/** " van Financiën", " van Buitenlandse Zaken", " van Asiel en Migratie": a Dutch ministry's portfolio after "van". */
const DUTCH_PORTFOLIO = / van (?:Financiën|Defensie|Justitie|Buitenlandse|Binnenlandse|Economische|Sociale|Onderwijs|Volksgezondheid|Infrastructuur|Landbouw|Klimaat|Asiel|Volkshuisvesting)(?: (?:en )?(?:Zaken|Veiligheid|Handel|Migratie|Ontwikkelingshulp|Ontwikkelingssamenwerking|Werkgelegenheid|Cultuur|Wetenschap|Welzijn|Sport|Waterstaat|Natuur|Visserij|Voedselkwaliteit|Groene|Groei|Ruimtelijke|Ordening|Koninkrijksrelaties))*/gu;

/** Articles (with their contractions) before a town that make it its club in the tagged Romance languages: "la Roma", "del Napoli", "o Porto". */
const CLUB_ARTICLES = /^(?:il|la|lo|el|le|o|del|della|al|alla|do|ao|Il|La|Lo|El|Le|O|Del|Al|Do)$/;

/** What joins the two halves of one body's name ("Hacienda y Crédito Público", "Ciência, Tecnologia e Inovação"). */
const JOINED_BY_AND = /^(?:,? (?:y|e|et|and|und|en|och|og) |, )$/;

/** A ministry's head word in lower case, in the Romance languages. */
const LOWER_MINISTRY_HEADS = new Set('ministère ministerio ministério ministero'.split(' '));
/**
 * The head, its "de", a capitalised field, the field's lower-case adjectives, and "et des ..." fields joined on, or one more
 * capitalised word before a lower-case one ("de Sanidad y Consumo"; not "de la Justice et Emmanuel Macron"). Sticky.
 */
const LOWER_MINISTRY_FIELD = "(?:de l['’]|de la |des |du |de |del |della |dell['’]|degli |do |da |dos |das )\\p{Lu}[\\p{L}'’-]*(?: (?:[a-zàâçéèêëîïôûùüÿñæœáíóúãõ]+(?:ères|ère|ières|ière|ales|ale|aux|al|ique|iques|ieure|ieures|ieur|ieurs|elle|elles|el|els|ais|aise|aises|ienne|iennes|ien|iens|icos|ico|icas|ica|ores|ora|oras|or|nal|nais|nales|eras|era|eros|ero|iore|iori|ali)|\\p{Lu}[\\p{L}'’-]*))*";
const LOWER_MINISTRY = new RegExp(`(?:ministère|ministerio|ministério|ministero) ${LOWER_MINISTRY_FIELD}(?: (?:et|y|e) (?:${LOWER_MINISTRY_FIELD}|\\p{Lu}[\\p{L}'’-]*(?=[ ]\\p{Ll}|[.,;:)]|$)))*`, 'uy');

/** A French body's lower-case tail: "de santé", "de sécurité du médicament", "pour le développement". Sticky. */
const FRENCH_BODY_TAIL = /(?:[ ](?:de la|de l['’]|du|des|de|d['’]|pour(?: la| le| les| l['’])?|aux|à la|à l['’])[ ]?[a-zàâçéèêëîïôûùüÿœæ][a-zàâçéèêëîïôûùüÿœæ'’-]{2,}(?:[ ][a-zàâçéèêëîïôûùüÿœæ]+(?:al|ale|aux|ales|ique|iques|ien|ienne|iens|iennes|el|elle|els|elles|aire|aires|if|ive|ifs|ives|ier|ière|iers|ières|ain|aine|ains|aines|éen|éenne|éens|éennes|ais|aise|aises))?)+(?=[ ]*[.,;:)»"]|[ ](?:a|ont|est|sont|et|a-t-il|avait|avaient|va|vont|doit|doivent|peut|veut|qui|dont|en|dans|sur|pour|par|avec|depuis|selon|au|aux|aussi|également|ne|se|lui|leur)\b)/uy;
/** Words no lower-case tail of a body holds: determiners, pronouns, quantities. */
const NOT_IN_A_BODY_TAIL = new Set('son sa ses leur leurs notre nos votre vos ce cet cette ces tout toute tous toutes plus moins plusieurs certains certaines chaque aucun aucune cela ceux celle celui nouveau nouvelle manière façon part côté fait'.split(' '));

/** Adjectives around a republic's word in a country's full name, in the languages with entity rules. */
const REPUBLIC_ADJECTIVES = new Set(
  ('Democratic Islamic Federal Socialist Arab Popular Democrática Democrático Islámica Árabe Federativa Bolivariana Socialista Democratica ' +
    'Islamica Federale Araba Popolare populaire démocratique islamique fédérale arabe socialiste Demokratische Demokratischen Islamische ' +
    'Islamischen Arabische Arabischen Sozialistische Sozialistischen Föderative Föderativen').split(' '),
);
/** "of" between a republic's word and its country. */
const REPUBLIC_OF = new Set(['of', 'de', 'du', "d'", 'del', 'della', "dell'", 'do', 'da', 'der', 'des']);

/** Kinds of bodies that have arms named for a country ("Sony Australia", "BBC Scotland", "AFP Deutschland"). */
const ARM_KINDS = new Set(['company', 'media', 'news agency']);

/** Earth, its Moon and the planets, as the languages with entity rules write them (not the suns: newspapers' names). */
const CELESTIAL_BODIES = new Set(
  ('Earth Erde Terre Tierra Terra Aarde Moon Mond Lune Luna Lua Maan Mars Marte Venus Vénus Venere Vênus Jupiter Júpiter Giove ' +
    'Saturn Saturne Saturno Uranus Urano Neptune Neptun Neptuno Nettuno Netuno Pluto Pluton Plutón Plutone Plutão').split(' '),
);

/** Articles and prepositions a celestial body is named after ("la Tierra", "sur Mars", "auf dem Mond", "on Earth"). */
const CELESTIAL_CUES = new Set(
  ('the on to from of around orbit orbiting la le l\' sur vers de du autour del al a en hacia desde sobre der die den dem des zum zur vom auf um ' +
    'sulla della alla dalla verso sulla nella a da na à para pela ao do het naar op van').split(' '),
);

/**
 * Rules that run once every full name of the text is known: single words (a surname, "the Commission",
 * a club's nickname, "X said", "in X"), a body's head word alone after its full name, unsure people the
 * English tagger confirms, and places that stand for a club. Kept apart because they read the mentions
 * of the whole text, not one run.
 */
import { type EntityType, type Mention, titleCase } from '../entity-mentions';
import { fold } from '../tokens';
import { JOB_CUES } from '../english-cues';
import { PLACE_NOUNS_BEFORE_OF, SHORT_FORM_HEADS, SOURCE_NOUNS } from '../entity-words';
import { taggerFor } from '../ner/models';
import type { TaggedSpan } from '../ner/tagger';
import { RunSegmentation } from './segments';
import type { Single } from './state';

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
    // "JACKSON, Miss. (AP) —": a dateline's town in capitals before an AP state abbreviation, however long.
    if (this.isAllCaps(index) && this.datelinePosition(index, index + 1) && this.toks[index + 1]?.text === ',' && this.apState(index + 2)) return at('place', titleCase(tok.text));
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
    return /^\s*\((\p{Lu}[\p{Lu}\d&-]{1,9})\)/u.exec(this.text.slice(end, end + 16))?.[1];
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
}

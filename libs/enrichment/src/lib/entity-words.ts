/**
 * Word lists and small lookups the entity extractor (entity-extraction/) reads: function words, offices, cues,
 * heads of names and the club-nickname index. Kept apart so the extractor's files hold its logic.
 */
import { type Gazetteer, isFirstNameInAnyLanguage, type OrgEntry } from './gazetteer';
import { fold, isAscii } from './tokens';

/**
 * Languages that write the genitive as -s on the name itself ("Microsofts Cloud", "Merkels Politik",
 * "Sveriges regering", "Norges bank"), so "Microsofts" is Microsoft, not a name of its own.
 */
export const S_GENITIVE_LANGUAGES = new Set(['de', 'nl', 'sv', 'nb', 'nn', 'no', 'da']);
/** Of those, the languages whose adjectives and language names also end in -s on a place's name ("Nederlands", "Limburgs"). */
export const S_ADJECTIVE_LANGUAGES = new Set(['nl']);

/**
 * Words that open the name of a building as well as of the body in it: "Iglesia de San Pedro", "Museo del Prado". Schools
 * and hospitals are not here: "Escuela de Arte de Glasgow", "Hospital Clínico" are read as the body that teaches or treats,
 * as CoNLL and UNER label them (and the PUD news dev half agrees; WikiNEuRal's museums, which it labels places, stay).
 */
export const BUILDING_WORDS = new Set(
  'Church Iglesia Église Eglise Kirche Chiesa Igreja Museum Museo Musée Museu Centre Center Centro Zentrum Théâtre Teatro Opéra Ópera House Palace Palais Palacio Palazzo Cathedral Catedral Cathédrale Stadium Estadio Stade Conservatoire Observatoire Observatorio'.split(' '),
);

/** Nations of the United Kingdom, which the gazetteer knows as regions: "Historic England", "Sport Wales". */
export const NATIONS_OF_THE_UK = new Set(['England', 'Scotland', 'Wales']);
/** Nations the gazetteer keeps as regions of their state: their sides are national sides, named as the country. */
export const NATIONS = new Set(['England', 'Scotland', 'Wales', 'Northern Ireland', 'Catalonia', 'Basque Country']);

/** Words before a country that make a place or a period of it, not a body: "Western Australia", "Modern Britain". */
export const NOT_BODY_WORDS = new Set(
  'North Northern South Southern East Eastern West Western Central Upper Lower New Great Greater Old Modern Middle Little Mainland Rural Urban Inner Outer Coastal Tropical Republic Kingdom Democratic People Federal Ancient Classical Medieval Imperial Nazi Soviet Occupied Copa Miss From In On At To By With After Before Under Over Against Without Across Inside Latest'.split(' '),
);

/** Heads of bodies named for what they deliberate on: "Commission on Human Rights", "Panel on Climate Change". */
export const ON_TOPIC_HEADS = new Set('Commission Committee Subcommittee Council Conference Panel Forum Institute Centre Center Caucus Force'.split(' '));

/** Plurals of people that open a body's name in the possessive: "People's Bank of China", "Women's Tennis Association". */
export const GROUP_POSSESSORS = new Set("People Children Women Men Workers Veterans Citizens Farmers Teachers Nurses Writers Artists Peoples Girls Boys Mothers Soldiers Sailors Miners Students".split(' '));

/**
 * Titles' portfolio words ("Health Minister"): no title alone, and they name a country's department ("Health Canada", "Justice
 * Canada"). "Home" is in no title list ("Home Office", "Home Depot"): it joins a title only between two ("Shadow Home Secretary").
 */
export const PORTFOLIO_WORDS = new Set('Defense Defence Foreign Interior Finance Health Education Justice Energy Trade Culture Labor Labour Home'.split(' '));

/** Days and months, capitalised in English inside a sentence too: no name's first word ("by Monday Canada had"). */
export const CALENDAR_WORDS = new Set('Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'.split(' '));

/** Lower-case words no name ends on, in the tagged languages: prepositions, articles and conjunctions. */
export const TRAILING_FUNCTION_WORDS = new Set(
  "a al and au aux con da de del della der des di do du e el en et for in la las le les los na no o of och og para per por pour the to und van von y zu selon según segun laut secondo volgens ifølge enligt".split(' '),
);
/** Definite articles as written inside a sentence, in the tagged languages ("a" and "o" are also prepositions, "de" a particle: left out). */
export const LOWER_ARTICLES = new Set('la le les il lo gli el los las der die das het the'.split(' '));
/** A first name in any language's list, also without its accents ("Luís", "María": a list may hold "Luis", "Maria"). */
export const anyFirstName = (word: string) =>
  // An ASCII word has no accents to fold: the second lookup would ask the same question (and the fold costs more than both).
  isFirstNameInAnyLanguage(word) || (!isAscii(word) && isFirstNameInAnyLanguage(word.normalize('NFD').replace(/\p{M}/gu, '')));
/** Offices named for a portfolio ("ministra de Seguridad", "jefe de Gabinete", "ministro da Saúde", "ministre de l'Intérieur"). */
export const OFFICE_WORDS = new Set(
  'ministro ministra ministros ministre ministres ministerio ministério ministero secretario secretaria secrétaire secretário segretario consejero consejera conseller consellera conselheiro jefe jefa chef capo portavoz porte-parole portavoce delegado delegada délégué comisario comisaria commissaire commissario titular director directora directeur directrice diretor diretora direttore viceministro vicepresidente vicepresidenta viceprimer vice-ministro assessore assessora fiscal procurador procuradora procureur procuratore'.split(' '),
);
/** Presidents of a body ("presidente del Consiglio", "président du Conseil"). */
export const PRESIDENT_WORDS = new Set('presidente presidenta président présidente president vicepresidente vice-président'.split(' '));
/** Name particles that are also a Romance preposition and article ("al Maradona", "el Sevilla") once a full name is written. */
export const ROMANCE_ARTICLE_PARTICLES = new Set(['al', 'el']);
/** A government named for its head ("el Gobierno de Pedro Sánchez", "il Governo di Giorgia Meloni"). */
export const GOVERNMENT_WORDS = new Set(['Gobierno', 'Gouvernement', 'Governo', 'Government', 'Ejecutivo', 'Executivo', 'Esecutivo', 'Gabinete']);
/** The state a president presides over, named as such ("président de la République"). */
export const REPUBLIC_WORDS = new Set(['République', 'República', 'Repubblica', 'Republik', 'Republiek', 'Republic']);
/**
 * Lower-case nouns for a body before its name in the tagged languages without their own word lists (Italian,
 * Portuguese): "la società Equalize", "a estatal Petrobras" (the other languages' lists hold theirs).
 */
export const BODY_NOUNS_BEFORE = new Set('società azienda gruppo banca partito sindacato compagnia colosso quotidiano empresa companhia grupo banco partido sindicato estatal montadora operadora construtora jornal'.split(' '));
/**
 * Words that open a body's name, never a person's, in the Romance languages: "Rádio Nacional" tagged a person is a broadcaster;
 * alone, after the body named in full, the body ("a Câmara" after "a Câmara dos Deputados").
 */
export const BODY_OPENERS = new Set('Rádio Radio Rede Televisão Televisión Télévision Televisione Banco Banca Banque Instituto Istituto Institut Universidade Università Universidad Université Fundação Fondazione Fundación Fondation Associação Associazione Asociación Association Agência Agenzia Agencia Agence Ministério Ministero Ministerio Ministère Partido Partito Parti Sindicato Sindacato Syndicat Companhia Compagnia Compañía Compagnie Câmara Camera Cámara Assembleia Assemblea Asamblea Assemblée Tribunal Tribunale Conselho Consiglio Consejo Conseil Comissão Commissione Comisión'.split(' '));
/** "golpe de Estado", "lo Stato", "l'État": the state as an institution, a common noun written with a capital, never a name alone. */
export const STATE_WORDS = new Set('Estado Stato État Etat Estat'.split(' '));
/** "of" and its contracted forms after an office word, in the tagged Romance languages. */
export const OF_WORDS = new Set('de del da do das dos di dell della dello degli delle des du'.split(' '));
/** Lower-case words inside German names of bodies and places ("Bundesministerium für Finanzen", "Frankfurt am Main"). */
export const GERMAN_NAME_JOINERS = new Set('für und der die das des dem den im am an auf in zur zum vom von bei mit über gegen aus'.split(' '));
/** German articles and determiners: a capitalised word after one is a noun, not a town ("die Lage"). */
export const GERMAN_DETERMINERS = new Set(
  'der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines dieser diese dieses diesen diesem jeder jede jedes jeden jedem sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unser unsere unseren unserem unserer im am zum zur vom beim ins'.split(' '),
);
/** "of" elided before a vowel ("la Commission d'Ursula von der Leyen"), a name particle as "de" is. */
export const ELIDED_OF = /^d['’]$/;
/** French and Italian elided words ("qu'", "l'", "d'", also with a typographic apostrophe): a name never ends on one. */
export const ELIDED = /^(?:qu|l|d|n|s|c|j|m|t|lorsqu|puisqu|jusqu|dell|nell|sull|all)['’]$/i;

/** Words before a vessel noun that make it a noun: "the tanker", "a container ship". */
export const VESSEL_DETERMINERS = new Set('the a an its their his her cruise container cargo oil research passenger fishing supply naval navy patrol chemical gas bulk training'.split(' '));

/** Ship prefixes: Royal Navy and Commonwealth navies, US Navy and its supply ships, merchant and royal mail ships. */
export const SHIP_PREFIXES = new Set('HMS HMAS HMCS HMNZS USS USNS RFA MV RMS'.split(' '));

/** Nouns for vessels and craft whose names are no entity: "the tanker Front Altair", "the probe Juno". */
export const VESSEL_WORDS = new Set('ship cruise-ship liner vessel tanker freighter ferry yacht frigate destroyer submarine warship trawler schooner steamer barge icebreaker spacecraft lander rover'.split(' '));

/** Lower-case words of sports copy. */
export const SPORT_WORDS = new Set('game games season coach playoffs playoff quarterback touchdown innings inning rebounds assists points goals striker midfielder league match fixture title wicket wickets batsman bowler bowled'.split(' '));
/** Nickname -> the clubs whose names end on it ("Heat" -> Miami Heat, Brisbane Heat), up to three ("United", "City" end on many). */
const nicknamesByGazetteer = new WeakMap<Gazetteer, Map<string, OrgEntry[]>>();
export function clubNicknames(g: Gazetteer): Map<string, OrgEntry[]> {
  let out = nicknamesByGazetteer.get(g);
  if (out) return out;
  const names = new Map<string, OrgEntry>();
  for (const entry of g.orgs.values()) if (entry.kind === 'club') names.set(entry.name, entry);
  out = new Map();
  for (const entry of names.values()) {
    const words = entry.name.split(' ');
    const last = words[words.length - 1];
    if (words.length < 2 || !/^\p{Lu}\p{Ll}{2,}$/u.test(last)) continue;
    out.set(last, [...(out.get(last) ?? []), entry]);
  }
  for (const [word, clubs] of out) if (clubs.length > 3) out.delete(word);
  nicknamesByGazetteer.set(g, out);
  return out;
}
/** Towns that name a club the gazetteer knows ("liverpool" for Liverpool FC, "aston" is none): folded. */
const clubTownsByGazetteer = new WeakMap<Gazetteer, Set<string>>();
export function clubTowns(g: Gazetteer): Set<string> {
  let out = clubTownsByGazetteer.get(g);
  if (out) return out;
  out = new Set();
  for (const entry of g.orgs.values()) {
    if (entry.kind !== 'club') continue;
    const words = entry.name.split(' ');
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      const town = fold(words.slice(0, n).join(' '));
      if (g.places.get(town)?.some((p) => p.kind === 'city' || p.kind === 'capital')) {
        out.add(town);
        break;
      }
    }
  }
  clubTownsByGazetteer.set(g, out);
  return out;
}
/**
 * Words that name exactly one club the gazetteer knows and nothing else it knows ("Leverkusen" for Bayer
 * Leverkusen, "Getafe" for Getafe CF): folded word -> club. Not a word several clubs share ("Madrid",
 * "United"), a known place or body, a first name or a common word: "beat Leverkusen" is the club only
 * because no other reading is at hand.
 */
// Words of club names that are also plain words or surnames ("Chicago White Sox", "Heart of Midlothian", "Casa Pia").
const NOT_CLUB_WORDS = new Set('white heart boys kick casa gama alpine salt trail caps blacks ferns crows cats demons fire wild duck ducks'.split(' '));
const clubWordsByGazetteer = new WeakMap<Gazetteer, Map<string, OrgEntry>>();
export function clubWords(g: Gazetteer): Map<string, OrgEntry> {
  let out = clubWordsByGazetteer.get(g);
  if (out) return out;
  const seen = new Map<string, { entry: OrgEntry; word: string } | null>();
  for (const entry of new Set(g.orgs.values())) {
    if (entry.kind !== 'club') continue;
    for (const word of new Set(entry.name.split(' '))) {
      if (!/^\p{Lu}\p{Ll}{3,}$/u.test(word)) continue;
      const key = fold(word);
      const before = seen.get(key);
      seen.set(key, before === undefined || before?.entry.name === entry.name ? { entry, word } : null);
    }
  }
  out = new Map();
  for (const [key, hit] of seen) {
    if (!hit || NOT_CLUB_WORDS.has(key) || g.places.has(key) || g.orgs.has(key) || g.common.has(hit.word) || isFirstNameInAnyLanguage(hit.word)) continue;
    out.set(key, hit.entry);
  }
  clubWordsByGazetteer.set(g, out);
  return out;
}

/** What a share price does ("Santos fell 2 per cent"). */
export const MARKET_MOVES = new Set('rose fell jumped slid gained dropped climbed tumbled surged slumped sank soared plunged eased advanced added lost rallied slipped edged'.split(' '));
/** Adjectives that open English place names ("Great Barrier Reef", "Second Thomas Shoal", "Little Rock"). */
export const PLACE_ADJECTIVES = new Set('Great Little Upper Lower Second First Third Old Grand'.split(' '));
/** Heads of natural features: a name ending on one is a place whatever word opens it. */
export const GEOGRAPHIC_HEADS = new Set('Reef Shoal Shoals Atoll Island Islands Lake Lakes River Mountains Mountain Valley Sea Bay Gulf Strait Canyon Desert Plains Basin Falls Peninsula Coast'.split(' '));
/** What a data provider provides ("according to LSEG data"). */
export const SOURCE_NOUNS = new Set('data figures estimates calculations statistics research analysis survey polls tracking'.split(' '));
/** Heads of English bodies named for a purpose: "Office for Students", "Institute for Fiscal Studies". */
export const FOR_PURPOSE_HEADS = new Set(
  'Institute Institution Centre Center Centres Centers Office Department Ministry Commission Committee Council Court Agency Foundation Fund Society Association Union Endowment Trust Board Campaign Alliance Coalition Federation Organisation Organization Tribunal Authority School College Academy Bureau Forum Partnership Programme Program Movement League Network Secretariat Observatory Watch Project Initiative'.split(' '),
);

/** Lower-case nouns for what a person is, directly before a name or heading its apposition ("his counterpart X", "X, a Nigerian doctor"). */
export const ROLE_NOUNS = new Set(
  ('counterpart colleague predecessor successor spokesman spokeswoman spokesperson doctor physician nurse surgeon virologist epidemiologist ' +
    'scientist researcher professor economist analyst strategist lawyer attorney judge author writer novelist poet journalist reporter ' +
    'photographer actor actress singer rapper musician artist filmmaker chef founder chairman chairwoman minister governor senator mayor ' +
    'president leader official officer commander wife husband son daughter brother sister mother father widow friend teammate rival ' +
    'opponent winner champion athlete runner swimmer cyclist boxer golfer skier sprinter player striker goalkeeper defender midfielder ' +
    'winger coach manager captain driver rider jockey pilot resident victim suspect student teacher priest activist campaigner candidate ' +
    'lawmaker legislator diplomat envoy ambassador negotiator prosecutor detective inspector farmer worker owner boss veteran grandmother grandfather').split(' '),
);
export const SAYING_AUXILIARIES = new Set(['has', 'have', 'had']);
export const INITIALS = /^(\p{Lu}\.){1,3}$/u;
/** Compass words that make a part of a place a place of its own: "North London", "East Jerusalem", "the Pacific Northwest". */
export const COMPASS_WORDS = new Set('North South East West Northeast Northwest Southeast Southwest Northern Southern Eastern Western Central'.split(' '));
/** Prepositions of purpose inside French, Spanish, Italian and Portuguese bodies' names: "Instituto Nacional contra la Discriminación". */
export const ROMANCE_PURPOSE_WORDS = new Set('para contra pour contre per contro'.split(' '));
/** Abbreviations written with a full stop that open a place's name: "St. Louis", "Mt. Everest", "Ft. Lauderdale". */
export const ABBREVIATED_NAME_OPENERS = new Set(['St', 'Ste', 'Mt', 'Ft']);
/** Titles written with a full stop before a name ("Mr. Pugh", "Sen. Warren", "Prof. Okonjo"): the stop ends no name. */
export const ABBREVIATED_TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Gov', 'Sen', 'Rep', 'Gen', 'Lt', 'Col', 'Sgt', 'Capt', 'Prof', 'Rev', 'Maj']);
/** A saint's name opening a place: "St Peter's Square", "Saint Paul's Cathedral". */
export const SAINT_WORDS = new Set(['St', 'Saint', 'Ste', 'Sainte']);

/** Last words of sports and event venues, whose first words are often a sponsor's or a person's ("Citizens Bank Park", "Wrigley Field"). */
export const VENUE_HEADS = new Set('Field Park Oval Dome Speedway Raceway Velodrome Coliseum Racecourse Ground Ballpark Stadium Arena'.split(' '));
/** Two-word venue heads whose last word alone heads other things too ("Random House", "Hall" the surname). */
export const VENUE_PAIRS = new Set(['Opera House', 'Town Hall', 'City Hall', 'Concert Hall', 'Music Hall', 'Festival Hall', 'Exhibition Centre', 'Convention Center', 'Convention Centre']);
/** Roles of a club's people: a place right before one is the club ("Liverpool manager", "Arizona pitcher"). */
export const CLUB_ROLES = new Set('manager coach boss striker midfielder defender goalkeeper keeper winger forward captain pitcher quarterback catcher shortstop outfielder infielder linebacker receiver playmaker fullback full-back centre-back center-back'.split(' '));

/** Head words an English text uses alone, with "the", for a body it names in full: "the Commission" for the European Commission. */
export const SHORT_FORM_HEADS = new Set(
  'Commission Parliament Council Court Senate Assembly Committee Ministry Bank Union Party Government Agency Authority Department Board Fund Organisation Organization Federation Association Tribunal Office Congress Cabinet Army Navy Police Company Group University Institute Foundation Alliance Coalition League Club'.split(' '),
);
/** Heads so clearly about infrastructure that they beat a first name: "Victoria Street". */
export const STRICT_PLACE_HEADS = new Set('Street Avenue Road Lane Boulevard Square Bridge Airport Stadium Arena Station Motorway Highway Garden Island Islands'.split(' '));


/** "Justices Elena Kagan and Stephen Breyer", "Congressmen Ron Dellums": an office in the plural before the names of its holders. */
export const PLURAL_TITLES = new Set('Justices Senators Sens Judges Representatives Reps Congressmen Congresswomen Ministers Presidents Generals Governors Ambassadors Commissioners Cardinals Bishops Princes Princesses Drs'.split(' '));
/** Lower-case words inside a person's name ("Ursula von der Leyen", "Ludwig van Beethoven", "Osama bin Laden"). */
export const NAME_PARTICLES = new Set(['von', 'vom', 'van', 'der', 'den', 'de', 'du', 'di', 'da', 'del', 'della', 'dos', 'das', 'zu', 'zur', 'ten', 'ter', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'y', 'und']);

/** Nouns for a place before "of" and its name ("the island of Giglio", "the town of Bilpin"). */
/**
 * Lower-case words for a country's areas that follow the area's name in English copy ("Russia's Rostov region"). Not "state"
 * ("the Jewish state" names no place) nor "county", whose lower case is older spelling of the name itself ("Stutsman county").
 */
export const AREA_NOUNS_AFTER = new Set('region province oblast prefecture governorate district territory municipality canton krai emirate'.split(' '));
export const PLACE_NOUNS_BEFORE_OF = new Set('island islands town city village hamlet port suburb suburbs outskirts residents inhabitants region province district county state municipality commune township'.split(' '));

/**
 * A company's last word that joins a prefix to an industry ("Lumora Biotherapeutics", "Arcturus Biosciences",
 * "Zymeworks Biopharma", "Helix Nanotechnologies"): a body, as "Therapeutics" or "Technologies" alone is (ORG_HEADS).
 */
export const INDUSTRY_COMPOUND = /^\p{Lu}\p{Ll}{2,}(?:therapeutics|biosciences?|pharmaceuticals?|pharma|genomics|robotics|technologies|semiconductors?|diagnostics|biologics|analytics|logistics|aerospace|minerals)$/u;

/** Words before a storm's given name, in the languages with entities ("cyclone Chido", "huracán Milton", "Sturmtief Bernd", "stormen Hans"). */
export const STORM_WORDS = new Set(
  'hurricane storm typhoon cyclone ouragan tempête typhon huracán huracan tormenta borrasca tifón tifon ciclón ciclon hurrikan sturm sturmtief orkan orkantief taifun zyklon wirbelsturm uragano tempesta tifone ciclone orkaan tyfoon furacão furacao tempestade tufão tufao stormen orkanen ovädret uværet myrsky myrskyn hirmumyrsky'.split(' '),
);

/**
 * Given names that are also English words ("Bill", "Grace", "Will"), as people are commonly called: the long English
 * first-name list also holds words rarely given as names ("Kingdom", "Star", "Mystery"), which name no one alone.
 */
export const WORD_FIRST_NAMES = new Set(
  ('Bill Bob Brad Carol Chuck Dean Ed Faith Frank Grace Harry Heather Jack Jimmy John Josh Ken Lee Maria Marina Mark Martin Matt Max ' +
    'Maxim Mike Min Nick Peter Ray Rick Rob Robin Roger Sally Terry Tom Tony Victor Will Sue Pat Art Gene Rose Joy Hope Drew Rich Sky ' +
    'Dawn Ivy Iris Holly Amber Ruby Pearl Daisy Lily Violet Jade Crystal Summer April June Hazel Rusty Buck Chip Clay Dale Glen Heath ' +
    'Lance Miles Rod Wade Chase Grant Rex Sterling Earl Ben Al Don Jay Guy Bud Hank Jean Gail Kay Sandy Penny Bonnie Hunter Mason ' +
    'Carter Cooper Parker Tyler Taylor Hunter Jordan Page Paige Christian Prince Duke King Lincoln Sonny Sunny Sage Faye Nat Ted Tim Sam Pam Kim Kit Mo ' +
    // Given names and their pet forms that the dictionary also holds ("Bobby Cox" was all English words, so no one).
    'Billy Bobby Buddy Butch Cliff Curt Derrick Dirk Dolly Dusty Eddy Fanny Hector Homer Kitty Lacy Meg Mickey Misty Noel Olive Patsy ' +
    'Patty Phoebe Pierce Piers Randy Rocky Sherry Tad Woody Colleen Eve Felicity Gabby Ginger Jasmine Jasper Laurel Mercy Rhea Serge Viola').split(' '),
);

/** Head words of a state's institutions, named "<head> of <country>": "the Supreme Court of India", "the Central Bank of Nigeria". */
export const NATIONAL_HEADS = new Set(['Court', 'Bank', 'Parliament', 'Assembly', 'Congress', 'Senate', 'Party', 'Church', 'Council', 'Federation', 'Association', 'Union', 'Government', 'Army', 'Navy', 'Police', 'Academy', 'Tribunal', 'Cabinet', 'Commission', 'Authority', 'Exchange']);

/**
 * A word capitalised inside after a stem of two or more letters, the way companies coin names ("AeroSystems",
 * "BlackRock", "AirAsia"), and not the way surnames are written (SURNAME_CAPITAL_INSIDE).
 */
export const COINED_CAPITAL_INSIDE = /^\p{Lu}\p{Ll}{2,}\p{Lu}\p{Ll}/u;

/** Surnames with a capital inside after a prefix: "McDonald", "MacKenzie", "FitzGerald", "DeSantis", "DiCaprio", "LaGuardia", "VanDyke". */
export const SURNAME_CAPITAL_INSIDE = /^(?:Mc|Mac|Fitz|De|Del|Dela|Della|Des|Di|Da|Du|La|Le|Lo|Van|Vander|Von|St|San|Ten|Ter|Ben|Bin|Abu|Al|El)\p{Lu}/u;

/** A given name written with a capital inside after Le, La, De, Da or Di: "LeBron", "DeAndre", "LaMelo", "DaQuan". */
export const CAPITAL_INSIDE_GIVEN_NAME = /^(?:Le|La|De|Da|Di)\p{Lu}\p{Ll}{2,}$/u;

/** A Roman numeral in capitals ("XIX", "II", "XXIV"): a century, a monarch's or a sequel's number, never a body. */
export const ROMAN_NUMERAL = /^(?=[MDCLXVI]{2,}$)M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/**
 * Acronyms of things, measures and currencies in the languages with entity rules, beside the English ones the common-word
 * list holds ("DVD", "GDP", "HIV"): "PIB", "ONG", "VIH", "TVA", "KI", "USD". A word in capitals that is none of these,
 * nor a known word, is a body's short name in news ("la RSPB", "der KHG", "el CRTC").
 */
export const THING_ACRONYMS = new Set(
  ('PIB PNB IVA TVA IPC SIDA VIH ADN ARN ONG OGM PME PYME TIC IRPF CSG SMIC RSA HLM TGV RER SUV BD ESO EGB BUP PAU EBAU ' +
    'KI EDV PKW LKW BIP NGO DJ MC LP EP MV PAL NTSC IP CGI SDK UNIX VIP USD EUR GBP JPY CHF CNY RUB INR BRL ' +
    'MXN ARS SEK NOK DKK PLN TRY AUD CAD HKD KRW CET CEST MEZ EDT PDT WC UHF VHF AM FM CV ' +
    // Computing's (tech copy, as heise writes it): languages, protocols, parts.
    'PHP SQL CSS JSON HTTP HTTPS TCP UDP SSL TLS SSH FTP LTE UMTS GSM WLAN DSL ADSL VDSL HDMI NAS ISDN CAD PDF XML HTML').split(' '),
);

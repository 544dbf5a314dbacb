/**
 * Word lists for English copy only: the extractor consults them when the
 * article's language is English (entity-extraction/), never for the languages that
 * fall back to the English rule lists (Italian, Dutch, Portuguese).
 */
/** Plural words after a place that name no club: "London Games", "Faroe Islanders" aside. */
export const NOT_CLUBS = new Set('Games Olympics Paralympics Championships Awards Talks Elections Affairs News Times Chronicles Studios Records Markets Forces Islanders Residents Officials Authorities Police Rules Accords Protocols Brothers Sisters Sons Mountains'.split(' '));

/** The AP stylebook's state abbreviations (the two-letter ones keep their full stops in the token). */
export const US_STATE_ABBREVIATIONS = new Map(
  Object.entries({
    Ala: 'Alabama', Ariz: 'Arizona', Ark: 'Arkansas', Calif: 'California', Colo: 'Colorado', Conn: 'Connecticut', Del: 'Delaware', Fla: 'Florida', Ga: 'Georgia',
    Ill: 'Illinois', Ind: 'Indiana', Kan: 'Kansas', Ky: 'Kentucky', La: 'Louisiana', Md: 'Maryland', Mass: 'Massachusetts', Mich: 'Michigan', Minn: 'Minnesota',
    Miss: 'Mississippi', Mo: 'Missouri', Mont: 'Montana', Neb: 'Nebraska', Nev: 'Nevada', 'N.H.': 'New Hampshire', 'N.J.': 'New Jersey', 'N.M.': 'New Mexico',
    'N.Y.': 'New York', 'N.C.': 'North Carolina', 'N.D.': 'North Dakota', Okla: 'Oklahoma', Ore: 'Oregon', Pa: 'Pennsylvania', 'R.I.': 'Rhode Island',
    'S.C.': 'South Carolina', 'S.D.': 'South Dakota', Tenn: 'Tennessee', Vt: 'Vermont', Va: 'Virginia', Wash: 'Washington', 'W.Va.': 'West Virginia', Wis: 'Wisconsin', Wyo: 'Wyoming',
  }),
);

/** Place heads that are also common surnames. */
export const SURNAME_HEADS = new Set(['Hill', 'Hall', 'Park', 'Camp']);

/** Last words of events and agreements: "Ryder Cup", "Australian Open", "Paris Agreement". */
export const EVENT_HEADS = new Set('Cup Open Games Olympics Paralympics Championship Championships Festival Awards Award Prize Prizes Medal Nations Bowl Series Prix Marathon Classic Trophy Final Finals Summit Agreement Accord Accords Treaty Protocol Declaration War Revolution Week Expo Biennale'.split(' '));

/** First words of events and storms: "Tour de France", "Hurricane Helene". */
export const EVENT_PREFIXES = new Set('Tour Giro Vuelta Hurricane Storm Typhoon Cyclone Operation'.split(' '));

/** Stock indices news names without "index" after them ("the Hang Seng fell", "the Kospi rose"): measures, not names. */
export const MARKET_INDEXES = new Set(['Hang Seng', 'Kospi', 'KOSPI', 'Sensex', 'Nifty', 'Topix', 'TOPIX', 'Stoxx', 'STOXX', 'Euro Stoxx', 'Bovespa', 'Ibovespa', 'Merval', 'Ibex', 'IBEX', 'Jakarta Composite', 'Shanghai Composite', 'Straits Times Index', 'All Ordinaries', 'All Ords']);
/** Last words of market indices and statistics. */
export const INDEX_HEADS = new Set(['Average', 'Index', 'Indices', 'Indexes', 'Intermediate', 'Composite']);
/** Oil grades named for a place ("Brent crude", "Urals oil"): before these words a measure, not the place. */
export const OIL_GRADES = new Set(['Brent', 'Urals', 'Dubai', 'Oman', 'WTI']);
export const OIL_WORDS = new Set(['crude', 'oil', 'futures', 'prices', 'price', 'benchmark', 'contract', 'contracts']);

/** Place prefixes never followed by a person's name. */
export const GEOGRAPHIC_PREFIXES = new Set(['Mount', 'Mt', 'Lake', 'Loch', 'Lough', 'Cape', 'Isle', 'Gulf', 'Lac']);

/** Words after a chamber's name that make it the chamber: "House Speaker", "Senate Republicans", "House leaders". */
export const CHAMBER_MODIFIED = new Set(
  'Speaker Democrats Republicans Democrat Republican GOP Majority Minority Judiciary Intelligence Oversight Appropriations Ethics leaders leader members committee committees panel vote votes floor speaker majority minority lawmakers investigators impeachment hearing hearings passed approved voted'.split(' '),
);

/** Legislative chambers that news names alone after "the". */
export const CHAMBERS = new Set(['House', 'Senate', 'Congress', 'Parliament']);

/**
 * Trade nouns of the organisation cues that also name a person's job: after one of these a single
 * name before "said" stays a person ("the producer Weinstein said"); after any other cue it is the
 * company ("the constructor Vinci said", "the carmaker Renault said").
 */
export const JOB_CUES = new Set('developer producer publisher broker builder contractor miner operator manufacturer supplier provider'.split(' '));
/** A desk's labels for a story's kind or state, in capitals in its slug line ("(TELSTRA WRAP to come)", "FACTBOX"): no name. */
export const DESK_LABELS = new Set('WRAP WRAPUP UPDATE REFILE CORRECTED CORRECTION FACTBOX EXPLAINER PREVIEW ROUNDUP ADVISORY BULLETIN TIMELINE'.split(' '));
/** Cricket's match formats, written in capitals ("the third ODI"): no body. */
export const MATCH_FORMATS = new Set(['ODI', 'ODIs', 'T20', 'T20I', 'T20Is']);
/** Era words beside a year ("300 BC", "AD 1200"); "BC" alone is British Columbia. */
export const ERA_WORDS = new Set(['BC', 'BCE', 'AD', 'CE']);

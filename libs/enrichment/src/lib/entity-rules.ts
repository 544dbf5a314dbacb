/**
 * Word lists that decide what a capitalised run is. Kept apart from the
 * extractor so the rules can be read (and tested) on their own.
 */
const set = (s: string) => new Set(s.split(' '));

/** Last word of an organisation name: "... Bank", "... University". */
export const ORG_HEADS = set(
  'Productions Films Games Microsystems Brewery Pharma Publishing Books Orchestra Choir Ensemble Quartet Racing Union Assembly Ministry Party Bank Council Company Corporation Corp Inc Ltd Plc Group Agency Organization Organisation Committee Commission Parliament Congress Senate Court Fund University Institute Institution Association Federation Police Army Navy Office Department Authority Service Services Survey Board Foundation Trust Society Museum Clinic Hospital Infirmary Laboratory Laboratories School College Academy Centre Center Centers Programme Network Times Post News Journal Airlines Airways Motors Systems Technologies Holdings Partners Holding Networks Pharmaceuticals Electronics Industries Church Alliance Coalition League Championship Cooperative Endowment Administration Bureau Tribunal Forces Guard Corps Club Chamber Exchange Reserve Rally Front Movement Mail Herald Telegraph Gazette Tribune FC AG SA GmbH LLC NV Sons Brothers FK IK IF FF BK AK IL AFC RFC FBK BIF GIF Rescue Intelligence Ministry Cabinet Government Secretariat Treasury Capital Ventures Bancorp Records Studios Pictures Media Press Broadcasting Railway Railways Energy Petroleum Steel Motor Communications Telecom Trading Securities Insurance Bancshares Assurance Brands Foods Group Worldwide International Labs Authority Taskforce Union Healthcare Research TV Television Radio Channel Resources Minerals Mining Solutions Software Therapeutics Biosciences Logistics Properties Entertainment Aerospace Automotive Investments Financial Platforms Semiconductor Semiconductors Robotics Devices Instruments Chemicals Payments Cruises Hotels Resorts Retail Products Enterprises Computing Computer Patrol Community',
);

/** First word of an organisation name: "Ministry of ...", "University of ...". */
export const ORG_PREFIXES = set(
  'Ministry Department Office University Bank Institute Court Church House Federation Association Order Board Chamber Council Society Federal National Royal Foundation Commission Committee Centers Center Centre College School Museum Agency Bureau Organization Organisation League Union Academy Corps Community',
);

/** Last word of a place name: "... Street", "... Valley". */
export const PLACE_HEADS = set(
  'Street St Avenue Ave Road Rd Lane Boulevard Square Bridge River Valley Glacier Airport Stadium Arena Park Quarter Island Islands Lake Mountains Mountain Heights Sea Ocean Bay Gulf Coast Peninsula Canal Desert Forest Falls Garden Gardens Strait Corridor Plaza Beach Station Harbour Harbor Province County District Region Oblast Territory Territories Canyon Hill Hills Estuary Delta Basin Plateau Reservoir Dam Motorway Highway Causeway Parkway Freeway Expressway Promenade Embankment Wharf Quay Tunnel Crossing Border Camp Village Town City Hall Palace Castle Cathedral Abbey Basilica Shoal Shoals Reef Atoll Marina Palisades Circuit Raceway Speedway Synagogue Mosque Shrine Chapel Theatre Theater Springs Spillway Levee Creek Peak Gorge Ridge Cove Fjord Dunes Marsh Wetlands',
);

/** First word of a place name: "River ...", "Mount ...", "Stade ...". */
export const PLACE_PREFIXES = set('River Lake Loch Lough Mount Mt Gulf Bay Cape Isle Stade Estadio Lac Rio Sierra Port Fort Camp');

/** Lower-case words that may sit inside a name: "Bank of England", "Lula da Silva". */
export const PARTICLES = set("of de da das do dos du des del della di la le van von der den ter ten bin ibn al el y & d'");

/** Joiners allowed only inside organisation names: "Department for Environment, Food and Rural Affairs". */
export const ORG_JOINERS = set('and for the on');

/** Lower-case words just before a name that make it an organisation: "chipmaker Nvidia". */
export const ORG_CUES_BEFORE = set(
  'company firm group maker chipmaker carmaker drugmaker automaker planemaker giant bank lender insurer retailer startup start-up airline carrier union charity agency regulator exchange broker brokerage conglomerate subsidiary unit operator provider developer publisher newspaper broadcaster network club team manufacturer producer supplier platform watchdog organisation organization institute association party tank outlet daily channel website constructor contractor builder housebuilder miner utility shipbuilder steelmaker consultancy supermarket grocer chain studio label magazine tabloid',
);

/** Lower-case words just after a name that make it an organisation: "Nvidia shares". */
export const ORG_CUES_AFTER = set('union shares stock stocks shareholders spokesman spokeswoman spokesperson unit subsidiary employees workers chief boss executive executives investors founder co-founder cofounder chairman chairwoman');

/** Verbs of speech that follow a person's name: "Putin said". */
export const SPEECH_VERBS = set('said says told tells added adds wrote writes insisted insists argued argues noted notes replied explained explains recalled recalls acknowledged admitted asked testified tweeted posted warned warns');

/** Words before a single name that make it a place: "in Kazan". */
export const PLACE_CUES_BEFORE = set('in near outside from to towards across via village town city port suburb region province district capital');

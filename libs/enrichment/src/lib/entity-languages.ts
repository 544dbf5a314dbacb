/**
 * Per-language word lists for the entity rules. English is the base
 * (entity-rules.ts); each other language adds its own cue words, title
 * words and capitalised function words. Written from grammar, not from the
 * evaluation corpus.
 */
import { MODEL_LANGUAGES } from './ner/languages';
import { ORG_CUES_AFTER, ORG_CUES_BEFORE, ORG_HEADS, ORG_JOINERS, ORG_PREFIXES, PARTICLES, PLACE_CUES_BEFORE, PLACE_HEADS, PLACE_PREFIXES, SPEECH_VERBS } from './entity-rules';

export interface EntityRules {
  ORG_HEADS: Set<string>;
  ORG_PREFIXES: Set<string>;
  PLACE_HEADS: Set<string>;
  PLACE_PREFIXES: Set<string>;
  PARTICLES: Set<string>;
  ORG_JOINERS: Set<string>;
  ORG_CUES_BEFORE: Set<string>;
  ORG_CUES_AFTER: Set<string>;
  SPEECH_VERBS: Set<string>;
  PLACE_CUES_BEFORE: Set<string>;
  /** Capitalised words that are not names: sentence-initial function words, months, days. */
  common: Set<string>;
  titles: Set<string>;
  /** Definite articles: "la Commission" after "la Commission européenne" is that body. */
  articles: Set<string>;
  /** German and Swedish write organisations as compounds: "Bundesministerium", "Socialdemokraterna". */
  orgSuffix?: RegExp;
  /** French and Spanish write the adjectives of a body's name in lower case: "Assemblée nationale". */
  orgAdjective?: RegExp;
  /** German capitalises every noun: a capitalised run is a name only with positive evidence. */
  nounsCapitalised: boolean;
  /** French capitalises a nationality used as a noun ("l'Américain John Textor"): never part of the name after it. */
  nationalityNouns?: Set<string>;
  /** Spanish names a club by its town after a masculine article ("ganó al Sevilla", "el Getafe"); a town takes none. */
  clubArticles?: Set<string>;
  /**
   * Where a town's name is its club in sports copy: the words right before it ("a battu Lyon", "face à Nice") and right
   * after it ("Lens a battu", "Lyon s'est imposé"), each tested on the tokens joined by spaces.
   */
  teamRoles?: { before: RegExp; after: RegExp };
  /** Bodies' names go on in lower case after their head ("le Conseil supérieur de l'audiovisuel"): French. */
  lowerCaseBodyTails?: boolean;
  /** The English lists, used as they are for English and, with the tagger leading, for Italian and Dutch. */
  englishLists?: true;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const plus = (base: Set<string>, more = '') => new Set([...base, ...words(more)]);
const minus = (base: Set<string>, less = '') => new Set([...base].filter((w) => !words(less).includes(w)));

export const ENGLISH_RULES: EntityRules = {
  // English only: "Le Réveil de la Force" is a film, "Thunder Force" a game; "Gloucestershire Constabulary", "Nigeria Police
  // Force", "Honda Motor Co", "Airbus SE", "Equinor ASA", "the Metropolitan Opera", "the Berlin Philharmonic", "National
  // Highways", "Hawaiian Electric", "New Jersey Transit", "Queensland Rail", "Sydney Trains", "English Heritage",
  // "British Gas" are bodies ("Water" too, but as a head it cost the choose half: "Fresh Water" and the like).
  ORG_HEADS: plus(ORG_HEADS, 'Constabulary Force Co SE ASA Oyj SpA PLC Opera Ballet Orchestra Philharmonic Highways Electric Transit Rail Railroad Trains Heritage Gas Chronicle Courier Observer Examiner Inquirer Enquirer Dispatch Sentinel Statesman Bulletin Analytics'),
  ORG_PREFIXES,
  PLACE_HEADS,
  PLACE_PREFIXES,
  PARTICLES,
  ORG_JOINERS,
  ORG_CUES_BEFORE,
  ORG_CUES_AFTER,
  SPEECH_VERBS,
  PLACE_CUES_BEFORE,
  common: new Set(),
  titles: new Set(),
  articles: new Set(words('the')),
  nounsCapitalised: false,
  englishLists: true,
};

/** Italian over the English lists, plus its clubs: "il Napoli", "del Milan" (a town takes no article; "il Cairo" is a capital). */
const ITALIAN_RULES: EntityRules = { ...ENGLISH_RULES, clubArticles: new Set(words('il del al dal nel sul col Il Del Al Dal Nel')) };

const MONTHS_DAYS = {
  fr: 'Janvier Février Mars Avril Mai Juin Juillet Août Septembre Octobre Novembre Décembre Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche',
  es: 'Enero Febrero Marzo Abril Mayo Junio Julio Agosto Septiembre Setiembre Octubre Noviembre Diciembre Ene Feb Abr Jun Jul Ago Sep Sept Oct Nov Dic Lunes Martes Miércoles Jueves Viernes Sábado Domingo',
  de: 'Januar Jänner Februar März April Mai Juni Juli August September Oktober November Dezember Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag',
  sv: 'Januari Februari Mars April Maj Juni Juli Augusti September Oktober November December Måndag Tisdag Onsdag Torsdag Fredag Lördag Söndag',
  nb: 'Januar Februar Mars April Mai Juni Juli August September Oktober November Desember Mandag Tirsdag Onsdag Torsdag Fredag Lørdag Søndag Laurdag Sundag Måndag Tysdag',
  da: 'Januar Februar Marts April Maj Juni Juli August September Oktober November December Mandag Tirsdag Onsdag Torsdag Fredag Lørdag Søndag',
  pt: 'Janeiro Fevereiro Março Abril Maio Junho Julho Agosto Setembro Outubro Novembro Dezembro Segunda-feira Terça-feira Quarta-feira Quinta-feira Sexta-feira Sábado Domingo',
  fi: 'Tammikuu Helmikuu Maaliskuu Huhtikuu Toukokuu Kesäkuu Heinäkuu Elokuu Syyskuu Lokakuu Marraskuu Joulukuu Maanantai Tiistai Keskiviikko Torstai Perjantai Lauantai Sunnuntai',
};

/**
 * The months and days of the languages with their own rules (not English: "May" is a surname), as a dateline or a date
 * writes them capitalised ("MADRID, 5 Dic (EFE)", "Bogotá, 12 Ene"): alone, never a name, whatever the tagger says.
 */
export const MONTH_DAY_WORDS: ReadonlySet<string> = new Set(
  Object.values(MONTHS_DAYS)
    .flatMap((list) => words(list))
    // March in French and the Nordic languages is also the planet and a place's name (a Swedish dev item's "Mars").
    .filter((w) => w !== 'Mars'),
);

type WordLists = Partial<Record<Exclude<keyof EntityRules, 'orgSuffix' | 'orgAdjective' | 'nounsCapitalised' | 'nationalityNouns' | 'teamRoles' | 'lowerCaseBodyTails'> | 'notParticles', string>>;

function language(over: WordLists & { orgSuffix?: RegExp; orgAdjective?: RegExp; nounsCapitalised?: boolean; nationalityNouns?: Set<string>; clubArticles?: string; teamRoles?: EntityRules['teamRoles']; lowerCaseBodyTails?: boolean; months: string }): EntityRules {
  return {
    ORG_HEADS: plus(ORG_HEADS, over.ORG_HEADS),
    ORG_PREFIXES: plus(ORG_PREFIXES, over.ORG_PREFIXES),
    PLACE_HEADS: plus(PLACE_HEADS, over.PLACE_HEADS),
    PLACE_PREFIXES: plus(PLACE_PREFIXES, over.PLACE_PREFIXES),
    PARTICLES: minus(plus(PARTICLES, over.PARTICLES), over.notParticles),
    ORG_JOINERS: new Set(words(over.ORG_JOINERS ?? '')),
    ORG_CUES_BEFORE: new Set(words(over.ORG_CUES_BEFORE ?? '')),
    ORG_CUES_AFTER: new Set(words(over.ORG_CUES_AFTER ?? '')),
    SPEECH_VERBS: new Set(words(over.SPEECH_VERBS ?? '')),
    PLACE_CUES_BEFORE: new Set(words(over.PLACE_CUES_BEFORE ?? '')),
    common: new Set(words(`${over.common ?? ''} ${over.months}`)),
    titles: new Set(words(over.titles ?? '')),
    articles: new Set(words(over.articles ?? '')),
    ...(over.orgSuffix ? { orgSuffix: over.orgSuffix } : {}),
    ...(over.orgAdjective ? { orgAdjective: over.orgAdjective } : {}),
    nounsCapitalised: over.nounsCapitalised ?? false,
    ...(over.nationalityNouns ? { nationalityNouns: over.nationalityNouns } : {}),
    ...(over.clubArticles ? { clubArticles: new Set(words(over.clubArticles)) } : {}),
    ...(over.teamRoles ? { teamRoles: over.teamRoles } : {}),
    ...(over.lowerCaseBodyTails ? { lowerCaseBodyTails: true } : {}),
  };
}

/** French nationalities as nouns, masculine given: with their feminine and plural forms ("Américaine", "Coréennes", "Grecque"). */
function frenchNationalities(masculine: string): Set<string> {
  const out = new Set<string>();
  for (const m of words(masculine)) {
    const feminine = m.endsWith('e') ? m : m.endsWith('en') ? `${m}ne` : m.endsWith('c') ? `${m.slice(0, -1)}que` : `${m}e`;
    for (const form of [m, feminine]) out.add(form).add(/[sx]$/.test(form) ? form : `${form}s`);
  }
  return out;
}

const RULES: Record<string, EntityRules> = {
  en: ENGLISH_RULES,
  it: ITALIAN_RULES,
  fr: language({
    months: MONTHS_DAYS.fr,
    lowerCaseBodyTails: true,
    teamRoles: {
      before: /(?:^| )(?:battu|battre|bat|battra|affronte|affronter|affrontera|affronté|reçoit|recevra|accueille|accueillera|éliminé|élimine|dominé|domine|contre|face à)$/,
      after: /^(?:a (?:battu|concédé|dominé|perdu|gagné|éliminé|arraché|renversé|écrasé|étrillé|surpris|accroché|tenu|corrigé)|bat |domine |l' emporte|s' (?:est (?:imposé|incliné|qualifié)|impose|incline))/,
    },
    ORG_PREFIXES:
      'Ministère Parti Banque Université Assemblée Conseil Commission Cour Tribunal Société Compagnie Fédération Association Comité Institut Académie Gouvernement Sénat Chambre Parlement Armée Front Mouvement Confédération Syndicat Caisse Crédit Agence Office Direction Groupe Fondation Église Musée École Lycée Hôpital Mairie Préfecture Conservatoire Théâtre Opéra Club Régie Chemins Ligue Union Délégation Commissariat Ecole Eglise Forces Centre Conférence Haut Tribunal Bureau Service Secrétariat Observatoire Cercle Orchestre Brigade',
    ORG_HEADS: 'SA SARL SAS',
    PLACE_PREFIXES: 'Rue Avenue Boulevard Place Quai Pont Mont Lac Île Iles Îles Golfe Col Forêt Gare Port Fort Saint Sainte Cap Vallée',
    PARTICLES: "de du des d' l' la le les",
    notParticles: 'y',
    ORG_CUES_BEFORE: 'société groupe entreprise banque constructeur journal quotidien parti syndicat association club équipe agence compagnie firme',
    SPEECH_VERBS: 'a dit déclare déclaré affirme affirmé estime estimé indique indiqué souligne souligné ajoute ajouté explique expliqué précise précisé assure assuré raconte raconté confie confié rappelle rappelé insiste insisté commente commenté reconnaît reconnu admet admis avertit averti déplore déploré poursuit suggère suggéré suggérait réfute réfuté juge jugé dénonce dénoncé annonce annoncé confirme confirmé répond répondu écrit conclut nie nié critique critiqué prévient témoigne témoigné martèle plaide regrette regretté raconte',
    PLACE_CUES_BEFORE: 'à au aux en vers près depuis ville village commune région département province capitale',
    titles: 'Premier Première M Mme Mmes Mlle MM Monsieur Madame Mademoiselle Me Maître Mgr Dr Docteur Professeur Général Colonel Capitaine Lieutenant Maréchal Amiral Président Ministre Roi Reine Prince Princesse Comte Comtesse Baron Duc Duchesse Marquis Abbé Père Sœur Cardinal Pape Empereur Impératrice Sir Lord Lady',
    common:
      "Le La Les L Un Une Des Du De D Dans Pour Par Sur Mais Et Ou Où Il Elle Ils Elles On Nous Vous Je Tu Ce Cette Ces Cet Ça Son Sa Ses Leur Leurs Notre Nos Votre Vos Mon Ma Mes Au Aux En À A Selon Après Avant Depuis Lors Quand Comme Si Alors Enfin Ainsi Pendant Durant Entre Chez Sans Avec Contre Vers Tout Tous Toute Toutes Qui Que Quoi Quel Quelle Quels Quelles Pourquoi Comment Aucun Aucune Chaque Plusieurs Certains Certaines Rien Personne Oui Non Voici Voilà Puis Donc Car Or Ni Aussi Encore Déjà Ici Là Hier Aujourd Demain Cependant Pourtant Toutefois Néanmoins Bien Très Plus Moins Même Autre Autres Seul Seule État Etat Gouvernement Dieu Messieurs Mesdames Etats Nord Sud Est Ouest Chambre Conseil",
    articles: "la le les l' La Le Les L'",
    orgAdjective: /^\p{Ll}+(?:éen|éenne|ien|ienne|al|ale|aux|ique|ais|aise|ain|aine|if|ive|el|elle|aire|iste|uel|uelle)s?$/u,
    nationalityNouns: frenchNationalities(
      'Américain Français Britannique Anglais Écossais Gallois Irlandais Allemand Autrichien Suisse Belge Néerlandais Luxembourgeois Italien Espagnol Portugais Grec Turc Russe Ukrainien Biélorusse Polonais Tchèque Slovaque Hongrois Roumain Bulgare Serbe Croate Slovène Bosnien Albanais Kosovar Monténégrin Macédonien Suédois Norvégien Danois Finlandais Islandais Estonien Letton Lituanien Géorgien Arménien Azerbaïdjanais Kazakh Ouzbek Chinois Japonais Coréen Sud-Coréen Nord-Coréen Vietnamien Thaïlandais Indonésien Philippin Malaisien Indien Pakistanais Afghan Iranien Irakien Syrien Libanais Israélien Palestinien Jordanien Saoudien Qatari Émirati Yéménite Égyptien Libyen Tunisien Algérien Marocain Mauritanien Sénégalais Malien Burkinabè Nigérien Nigérian Ivoirien Ghanéen Guinéen Camerounais Congolais Gabonais Tchadien Soudanais Éthiopien Érythréen Somalien Kényan Ougandais Rwandais Tanzanien Sud-Africain Angolais Mozambicain Malgache Canadien Québécois Mexicain Cubain Haïtien Colombien Vénézuélien Péruvien Équatorien Bolivien Chilien Argentin Uruguayen Paraguayen Brésilien Australien Néo-Zélandais',
    ),
  }),
  es: language({
    months: MONTHS_DAYS.es,
    clubArticles: 'el al del El Al Del',
    ORG_PREFIXES:
      'Ministerio Partido Banco Universidad Gobierno Congreso Senado Tribunal Corte Consejo Comisión Asamblea Junta Ayuntamiento Diputación Generalitat Sociedad Compañía Federación Asociación Confederación Instituto Fundación Unión Ejército Policía Guardia Agencia Grupo Club Museo Fiscalía Audiencia Cámara Colegio Hospital Sindicato Frente Movimiento Iglesia Organización Departamento Servicio Servicios Secretaría Dirección Real Caja Bolsa Cruz Consejería Conselleria Delegación Subdelegación Jefatura Comisaría Unidad Comité Escuela Fuerzas Administración Mancomunidad Consorcio Cabildo Agrupación Brigada Patronato Oficina Observatorio Centro Conferencia Parlamento Defensor',
    ORG_HEADS: 'SA S.A. SL',
    PLACE_PREFIXES: 'Calle Avenida Plaza Paseo Puerto Monte Sierra Río Lago Isla Islas Golfo Cabo Valle Estadio Playa San Santa Santo Villa',
    PARTICLES: 'de del la las los el',
    // "UGT y CCOO" are two bodies; "Ortega y Gasset" is the rarer case.
    notParticles: 'y',
    ORG_CUES_BEFORE: 'empresa grupo compañía banco diario periódico partido sindicato asociación club equipo agencia firma constructora aerolínea',
    SPEECH_VERBS: 'dijo afirmó declaró señaló aseguró explicó añadió indicó manifestó subrayó destacó precisó dice afirma declara señala asegura explica añade indica manifiesta subraya destaca precisa sostiene sostuvo comenta comentó advierte advirtió agrega agregó apunta apuntó reconoce reconoció admite admitió relató relata descarta descartó sugiere sugirió recuerda recordó insiste insistió opina opinó considera consideró estima estimó defiende defendió critica criticó niega negó denuncia denunció anuncia anunció confirma confirmó aclara aclaró responde respondió escribe escribió cuenta contó lamenta lamentó advierte',
    PLACE_CUES_BEFORE: 'en a desde hacia hasta ciudad localidad pueblo provincia región capital municipio',
    titles: 'Sr Sra Srta Señor Señora Señorita Don Doña Dña D Dr Dra Presidente Presidenta Ministro Ministra Rey Reina Príncipe Princesa General Coronel Capitán Alcalde Alcaldesa Papa Obispo Cardenal Padre Fray Sor Infanta Infante',
    common:
      'El La Los Las Lo Un Una Unos Unas De Del En Con Por Para Sin Sobre Entre Desde Hasta Hacia Según Tras Ante Bajo Y O Pero Mas Si No Sí Como Cuando Donde Que Qué Quien Quién Cual Cuál Este Esta Estos Estas Ese Esa Esos Esas Aquel Aquella Su Sus Mi Mis Tu Tus Nuestro Nuestra Él Ella Ellos Ellas Nosotros Usted Ustedes Todo Toda Todos Todas Otro Otra Otros Otras Además También Sin Embargo Así Ahora Hoy Ayer Mañana Entonces Luego Después Antes Durante Mientras Aunque Porque Cada Ya Aquí Allí Al Gobierno Estado Dios Norte Sur Este Oeste Es Son Fue Era Hay Ha Han Se',
    articles: 'el la los las El La Los Las',
    orgAdjective: /^\p{Ll}+(?:al|ales|ano|ana|anos|anas|ico|ica|icos|icas|ista|istas|ense|enses|eo|ea|ol|ola|ivo|iva|ario|aria)$/u,
  }),
  // Portuguese (Portugal and Brazil): its own function words, titles, speech verbs and heads, where it read the English lists
  // ("disse Mailis," was a place; "Sr.ª Pugh" had no title).
  pt: language({
    months: MONTHS_DAYS.pt,
    ORG_PREFIXES:
      'Ministério Partido Banco Universidade Governo Congresso Senado Tribunal Supremo Conselho Comissão Assembleia Câmara Prefeitura Sociedade Companhia Federação Associação Confederação Instituto Fundação União Exército Polícia Guarda Agência Grupo Clube Museu Procuradoria Ministério Colégio Hospital Sindicato Frente Movimento Igreja Organização Departamento Serviço Serviços Secretaria Direção Direcção Caixa Bolsa Cruz Comitê Comité Escola Forças Centro Conferência Parlamento Defensoria Ordem Superintendência Autoridade Gabinete Marinha Força',
    ORG_HEADS: 'SA S.A. Lda Ltda',
    PLACE_PREFIXES: 'Rua Avenida Praça Largo Monte Serra Rio Lago Ilha Ilhas Golfo Cabo Vale Estádio Praia São Santa Santo Vila Baía',
    PARTICLES: 'de da do das dos',
    notParticles: 'y',
    ORG_CUES_BEFORE: 'empresa grupo companhia banco jornal diário partido sindicato associação clube equipe equipa time agência firma construtora operadora fabricante companhia aérea',
    SPEECH_VERBS: 'disse afirmou declarou explicou acrescentou indicou sublinhou destacou garantiu assegurou contou referiu salientou frisou observou comentou admitiu reconheceu alertou advertiu defendeu lembrou considerou avaliou diz afirma declara explica acrescenta indica sublinha destaca garante assegura conta refere salienta frisa observa comenta admite reconhece alerta adverte defende lembra considera avalia',
    PLACE_CUES_BEFORE: 'em no na nos nas ao à para desde até cidade município estado região capital distrito concelho freguesia província',
    titles: 'Sr Sra Srta Senhor Senhora Dom Dona D Dr Dra Doutor Doutora Presidente Presidenta Ministro Ministra Rei Rainha Príncipe Princesa General Coronel Capitão Tenente Almirante Prefeito Prefeita Governador Governadora Bispo Cardeal Padre Frei Irmã Deputado Deputada Senador Senadora Juiz Juíza Sir Lord Lady',
    common:
      'O A Os As Um Uma Uns Umas De Do Da Dos Das Em No Na Nos Nas Num Numa Por Pelo Pela Pelos Pelas Para Com Sem Sobre Entre Desde Até Após Ante Sob Segundo Conforme E Ou Mas Se Não Sim Como Quando Onde Que Quem Qual Quais Este Esta Estes Estas Esse Essa Esses Essas Isto Isso Aquele Aquela Aquilo Seu Sua Seus Suas Meu Minha Ele Ela Eles Elas Nós Você Vocês Eu Tu Todo Toda Todos Todas Outro Outra Outros Outras Além Também Porém Contudo Assim Agora Hoje Ontem Amanhã Então Depois Antes Durante Enquanto Embora Porque Cada Já Aqui Ali Lá Ao Aos À Às Governo Estado Deus',
    articles: 'o a os as O A Os As',
    orgAdjective: /^\p{Ll}+(?:al|ais|ano|ana|anos|anas|ico|ica|icos|icas|ista|istas|ense|enses|eu|eia|ol|ola|ivo|iva|ário|ária|ês|esa)$/u,
  }),
  de: language({
    months: MONTHS_DAYS.de,
    teamRoles: {
      before: /(?:^| )(?:gegen|schlug|besiegte|bezwang|empfängt|empfing)$/,
      after: /^(?:gewann|gewinnt|verlor|verliert|siegte|siegt|unterlag|unterliegt|schlug|besiegte|bezwang|trennte|spielte) /,
    },
    ORG_HEADS:
      'Partei Bank Regierung Ministerium Verein Verband Gesellschaft Gericht Bundestag Reichstag Landtag Rat Kommission Zeitung Universität Akademie Kammer Armee Polizei GmbH KG AG Stiftung Institut Kirche Bund Gewerkschaft Konzern Werke Versicherung Sparkasse Genossenschaft Bahn Post Amt Senat Parlament Union Club Klub',
    ORG_PREFIXES: 'Bundesministerium Ministerium Universität Bank Verein Verband Institut Stiftung Gesellschaft Kommission Rat',
    PLACE_HEADS: 'Straße Strasse Platz Gasse Allee Weg Brücke Bahnhof Berg Tal See Fluss Insel Kanal Hafen',
    PLACE_PREFIXES: 'Bad Sankt St',
    PARTICLES: 'von vom zu zum van',
    // "Politik der Regierung", "Peter und Paul": German articles and conjunctions join nouns, not names.
    notParticles: 'der den y & el al',
    ORG_JOINERS: 'für und der',
    SPEECH_VERBS: 'sagte sagt erklärte erklärt betonte betont meinte meint schrieb sprach erinnerte bezeichnete kritisierte kritisiert forderte fordert warnte warnt räumte kündigte verwies versicherte ergänzte fügte antwortete erwartet erwartete',
    PLACE_CUES_BEFORE: 'nach Stadt Ort Dorf Gemeinde Provinz Hauptstadt',
    titles: 'Herr Herrn Frau Fräulein Hr Dr Prof Professor Präsident Präsidenten Minister Ministers Kanzler Bundeskanzler Reichskanzler Kaiser Kaisers König Königs Königin Prinz Prinzessin Graf Gräfin Freiherr Fürst Herzog Erzherzog Bischof Papst Pfarrer General Generals Oberst Hauptmann Leutnant Bürgermeister Abgeordnete Abgeordneten Direktor Sir Lord',
    common:
      'Der Die Das Den Dem Des Ein Eine Einer Einem Einen Eines Im In Am An Auf Aus Bei Mit Nach Von Vom Zu Zum Zur Für Über Unter Vor Hinter Neben Zwischen Durch Gegen Ohne Um Und Oder Aber Doch Denn Wenn Als Wie Weil Dass Daß Ob Er Sie Es Wir Ihr Ich Man Dieser Diese Dieses Jener Jene Sein Seine Ihre Unser Unsere Kein Keine Alle Alles Auch Noch Schon Nur Nicht So Da Dort Hier Dann Nun Jetzt Heute Gestern Morgen Regierung Staat Gott Nord Süd Ost West Land Stadt',
    articles: 'der die das den dem des Der Die Das',
    orgSuffix: /^\p{Lu}\p{Ll}+(?:ministerium|partei|bank|verband|verein|gesellschaft|gericht|regierung|kammer|kommission|amt|werke|konzern|gewerkschaft|versicherung|rat)$/u,
    nounsCapitalised: true,
  }),
  sv: language({
    months: MONTHS_DAYS.sv,
    ORG_HEADS: 'AB Bank Banken Partiet Riksdagen Regeringen Universitet Universitetet Förening Föreningen Förbund Förbundet Bolag Bolaget Kommun Kommunen Tidning Tidningen Verket Styrelsen',
    PLACE_HEADS: 'Gatan Torget Vägen Sjön Ön Bron',
    PARTICLES: 'af av von',
    notParticles: 'der den y & el al',
    ORG_JOINERS: 'och',
    SPEECH_VERBS: 'sa sade säger uppger skriver förklarar',
    PLACE_CUES_BEFORE: 'i till från vid på staden byn socknen',
    titles: 'Herr Fru Fröken Hr Dr Prof Kung Konung Drottning Prins Prinsessan Greve Friherre Statsminister Minister Biskop Kyrkoherde Kapten General Överste Sir Lord Försvarsminister Utrikesminister Finansminister Justitieminister Inrikesminister Näringsminister Socialminister Utbildningsminister Kulturminister Migrationsminister Statsrådet Kommunalrådet Partiledaren Ordföranden',
    common:
      'Den Det De En Ett I På Av Till Från Med För Om Som Och Men Eller Att Han Hon Vi Ni Jag Man Denna Detta Dessa Hans Hennes Deras Vår Vårt Alla Allt Även Också Nu Då Där Här Så När Efter Före Under Över Vid Hos Mot Genom Utan Sedan Redan Icke Inte Ej Kungen Regeringen Gud Norr Söder Öster Väster Enligt Dessutom Samtidigt',
    articles: '',
    orgSuffix: /^\p{Lu}\p{Ll}+(?:partiet|banken|verket|bolaget|förbundet|föreningen|departementet|styrelsen|kommun)$/u,
  }),
  // Norwegian (Bokmål, with the commonest Nynorsk forms): the tagger's lexicon and the rules' fallback.
  nb: language({
    months: MONTHS_DAYS.nb,
    ORG_HEADS: 'AS ASA Bank Banken Partiet Stortinget Regjeringen Universitet Universitetet Forening Foreningen Forbund Forbundet Selskap Selskapet Kommune Kommunen Avis Avisen Direktoratet Tilsynet Styret Departementet',
    PLACE_HEADS: 'Gata Gaten Torget Veien Vegen Sjøen Øya Brua Broen Fjorden',
    PARTICLES: 'av von',
    notParticles: 'der den y & el al',
    ORG_JOINERS: 'og',
    SPEECH_VERBS: 'sa sier sier uttaler skriver forklarer opplyser',
    PLACE_CUES_BEFORE: 'i til fra ved på byen bygda kommunen',
    titles: 'Herr Fru Frøken Dr Prof Kong Kongen Dronning Prins Prinsesse Statsminister Minister Biskop Kaptein General Oberst Sir Lord Forsvarsminister Utenriksminister Utanriksminister Finansminister Justisminister Helseminister Næringsminister Kulturminister Kunnskapsminister Ordfører Ordførar Stortingsrepresentant Partileder Borgmester Udenrigsminister Forsvarsministeren',
    common:
      'Den Det De En Et Ei I På Av Til Fra Med For Om Som Og Men Eller Å At Han Hun Ho Vi Dere Jeg Eg Man Denne Dette Disse Hans Hennes Deres Vår Vårt Alle Alt Også Nå Da Der Her Så Når Etter Før Under Over Ved Hos Mot Gjennom Uten Siden Allerede Ikke Ikkje Kongen Regjeringen Gud Nord Sør Øst Vest Ifølge Ifølgje Dessuten Samtidig',
    articles: '',
    orgSuffix: /^\p{Lu}\p{Ll}+(?:partiet|banken|verket|selskapet|forbundet|foreningen|departementet|direktoratet|tilsynet|styret|kommune)$/u,
  }),
  da: language({
    months: MONTHS_DAYS.da,
    ORG_HEADS: 'A/S ApS Bank Banken Partiet Folketinget Regeringen Universitet Universitetet Forening Foreningen Forbund Forbundet Selskab Selskabet Kommune Kommunen Avis Avisen Styrelsen Tilsynet Ministeriet Amt Amtsråd Byråd Råd Rådet Region Regionen Politi Politiet Hospital',
    PLACE_HEADS: 'Gade Gaden Torv Torvet Vej Vejen Søen Øen Broen Fjorden',
    PARTICLES: 'af von',
    notParticles: 'der den y & el al',
    ORG_JOINERS: 'og',
    SPEECH_VERBS: 'sagde siger udtaler skriver forklarer oplyser',
    PLACE_CUES_BEFORE: 'i til fra ved på byen kommunen',
    titles: 'Hr Fru Frøken Dr Prof Kong Kongen Dronning Dronningen Prins Prinsesse Statsminister Minister Biskop Kaptajn General Oberst Sir Lord Forsvarsminister Udenrigsminister Finansminister Justitsminister Sundhedsminister Erhvervsminister Kulturminister Borgmester Folketingsmedlem Partiformand Direktør',
    common:
      'Den Det De En Et I På Af Til Fra Med For Om Som Og Men Eller At Han Hun Vi I Jeg Man Denne Dette Disse Hans Hendes Deres Vores Alle Alt Også Nu Da Der Her Så Når Efter Før Under Over Ved Hos Mod Gennem Uden Siden Allerede Ikke Kongen Regeringen Gud Nord Syd Øst Vest Ifølge Desuden Samtidig',
    articles: '',
    orgSuffix: /^\p{Lu}\p{Ll}+(?:partiet|banken|selskabet|forbundet|foreningen|ministeriet|styrelsen|tilsynet|kommune|råd|rådet|hospital|politi)$/u,
  }),
  // Finnish: word lists for the tagger's lexicon and the rules' fallback. Names are inflected in the text.
  fi: language({
    months: MONTHS_DAYS.fi,
    ORG_HEADS: 'Oy Oyj Ab Ry Pankki Puolue Yliopisto Liitto Ministeriö Virasto Yhtiö',
    PARTICLES: 'von af',
    notParticles: 'der den y & el al de da di du la le',
    ORG_JOINERS: 'ja',
    SPEECH_VERBS: 'sanoi sanoo kertoi kertoo totesi toteaa arvioi',
    titles: 'Pääministeri Presidentti Ministeri Ulkoministeri Valtiovarainministeri Puolustusministeri Sisäministeri Oikeusministeri Kansanedustaja Toimitusjohtaja Puheenjohtaja Professori Tohtori Kuningas Kuningatar Prinssi Pormestari Kenraali Piispa',
    common:
      'Hän Se Ne Me Te Minä Sinä Tämä Tämän Nämä Ja Tai Mutta Kun Jos Että Kuin Myös Nyt Sitten Siksi Koska Vaikka Lisäksi Mukaan Kuitenkin Jo Vielä Ei En Emme He Heidän Hänen Sen Niiden Tässä Siinä Sekä Eli Noin Viime Ensi Tänään Eilen Huomenna Suomen Pohjois Etelä Itä Länsi',
    articles: '',
  }),
};

/** Languages with entity rules; others get no entities rather than English guesses. */
/** Languages with word lists, or with a trained model (Italian, Dutch, Portuguese: the model over the English lists). */
export const ENTITY_LANGUAGES = new Set([...Object.keys(RULES), ...MODEL_LANGUAGES]);

export function rulesFor(language: string): EntityRules {
  return RULES[language] ?? ENGLISH_RULES;
}

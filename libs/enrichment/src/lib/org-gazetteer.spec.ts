import { extractEntities } from './entities';

const orgs = (text: string) => extractEntities(text).organisations.map((o) => o.name);
const places = (text: string) => extractEntities(text).places.map((p) => p.name);

describe('organisation gazetteer', () => {
  it('types teams, and their short forms after the full name, as organisations', () => {
    const text = 'The Atlanta Braves beat the Arizona Diamondbacks 5-2. The Braves scored early, and the Miami Heat lost to the Utah Jazz as the Heat ran out of time.';
    expect(orgs(text).sort()).toEqual(['Arizona Diamondbacks', 'Atlanta Braves', 'Miami Heat', 'Utah Jazz']);
    expect(places(text)).toEqual([]);
    expect(orgs('Fans of Bayern München and Borussia Mönchengladbach met.').sort()).toEqual(['Bayern Munich', 'Borussia Mönchengladbach']);
  });

  it('knows broadcasters, channels and agencies, lower-case ones included', () => {
    expect(orgs('The match is live on Sky Sports 1 and British Eurosport 2, with highlights on BBC One.').sort()).toEqual(['BBC One', 'British Eurosport 2', 'Sky Sports 1']);
    expect(orgs('The minister told dpa and PA Media that easyJet would cut flights.').sort()).toEqual(['PA Media', 'dpa', 'easyJet']);
  });

  it('keeps companies named like people or places whole', () => {
    expect(orgs('Shares in Regis Healthcare, James Hardie and Medibank Private rose.').sort()).toEqual(['James Hardie', 'Medibank Private', 'Regis Healthcare']);
    const r = extractEntities('Indonesia AirAsia resumed flights to Bali.');
    expect(r.organisations.map((o) => o.name)).toEqual(['Indonesia AirAsia']);
    expect(r.places.map((p) => p.name)).toEqual(['Bali']);
    expect(extractEntities('The PSOE and the CDU spoke to the Bundesrat.').people).toEqual([]);
  });

  it('keeps a known company a company where the tagger reads a place, but not a body corpora call a place', () => {
    const es = extractEntities('Iberdrola y Telefónica subieron en la Bolsa.', { language: 'es' });
    expect(es.organisations.map((o) => o.name)).toEqual(expect.arrayContaining(['Iberdrola', 'Telefónica']));
    expect(es.places.map((p) => p.name)).not.toContain('Iberdrola');
  });

  it('leaves a sentence\'s opening "according to" out of the name after it', () => {
    expect(extractEntities('Selon Météo-France, la tempête arrive.', { language: 'fr' }).organisations.map((o) => o.name)).toEqual(['Météo-France']);
    expect(extractEntities('Según Iberdrola, la luz volvió.', { language: 'es' }).people).toEqual([]);
    expect(extractEntities('Laut Siemens stiegen die Aufträge.', { language: 'de' }).people).toEqual([]);
  });

  it("names international bodies as other languages' news write them, linked to the English entry", () => {
    const fr = extractEntities("L'ONU et l'OTAN ont répondu, comme le Fonds monétaire international.", { language: 'fr' }).organisations;
    expect(fr.map((o) => o.name).sort()).toEqual(['International Monetary Fund', 'NATO', 'United Nations']);
    const es = extractEntities('CCOO y UGT convocaron una huelga, según la Organización Mundial de la Salud y Efecom.', { language: 'es' }).organisations;
    expect(es.map((o) => o.name).sort()).toEqual(['CCOO', 'EFE', 'UGT', 'World Health Organization']);
    const de = extractEntities('Die Gewerkschaft Verdi und der DGB kritisierten die EZB.', { language: 'de' }).organisations;
    expect(de.map((o) => o.name)).toEqual(expect.arrayContaining(['DGB', 'European Central Bank']));
    // "Verdi" alone is also a composer: only "ver.di" is the union's.
    expect(de.map((o) => o.name)).not.toContain('Vereinte Dienstleistungsgewerkschaft');
    // A known name may end on a lower-case word outside English; a written-out short form is read as written.
    expect(extractEntities('Selon la Police judiciaire, Force ouvrière a porté plainte.', { language: 'fr' }).organisations.map((o) => o.name).sort()).toEqual(['Force ouvrière', 'Police judiciaire']);
    expect(extractEntities('Il Pd ha votato contro la legge a Roma.', { language: 'it' }).organisations.map((o) => o.name)).toEqual(['Partito Democratico']);
  });

  it("reads a short form as the text's language means it, and only there", () => {
    const names = (text: string, language: string) => extractEntities(text, { language }).organisations.map((o) => o.name).sort();
    expect(names('O PS e o PSD votaram contra, disse a PSP.', 'pt')).toEqual(['Partido Social Democrata', 'Partido Socialista', 'Polícia de Segurança Pública']);
    expect(names('La CGT et le PS ont manifesté.', 'fr')).toEqual(['CGT', 'Parti socialiste']);
    expect(names('La CGT convocó una huelga en Madrid.', 'es')).toEqual(['Confederación General del Trabajo']);
    // In English "PS" is a postscript and "MP" a member of parliament: no party, no prosecutor.
    const english = names('PS: the MP wrote back.', 'en');
    for (const body of ['Partido Socialista', 'Parti socialiste', 'Ministério Público']) expect(english).not.toContain(body);
  });

  it('finds names the tokenizer splits at an elision or an apostrophe, but no surname in a possessive name', () => {
    expect(extractEntities("Le Conseil d'État a rejeté le recours.", { language: 'fr' }).organisations.map((o) => o.name)).toEqual(["Conseil d'État"]);
    const r = extractEntities("The Kurdistan Workers' Party said so. Moody said Moody's cut the rating.");
    expect(r.organisations.map((o) => o.name).sort()).toEqual(["Kurdistan Workers' Party", "Moody's"]);
    expect(r.people.map((p) => p.name)).toEqual(['Moody']);
  });

  it('takes a seat of power named like a street for the institution, and other streets for places', () => {
    expect(orgs('A spokesman for Downing Street said on Monday.')).toEqual(['Downing Street']);
    expect(places('Crowds gathered on Baker Street and Victoria Street.').sort()).toEqual(['Baker Street', 'Victoria Street']);
  });

  it('leaves ambiguous words alone', () => {
    expect(orgs('The heat was intense and the magic was gone.')).toEqual([]);
    expect(extractEntities('Chelsea Clinton spoke in Phoenix, Arizona.').people.map((p) => p.name)).toEqual(['Chelsea Clinton']);
    expect(orgs('Chelsea Clinton spoke in Phoenix, Arizona.')).toEqual([]);
    expect(places('Heat struck Phoenix, Arizona.')).toEqual(['Phoenix', 'Arizona']);
    expect(orgs('Heat struck Phoenix, Arizona. Leonardo painted it; Dr Smith agreed.')).toEqual([]);
  });
  it("reads the Nordic agencies' and parties' short forms in their own language, and a known company the tagger took for a person", () => {
    const sv = extractEntities('STOCKHOLM (TT) Volvo och Ericsson steg på börsen, uppger TT. SD och KD kritiserade beslutet.', { language: 'sv' }).organisations;
    expect(sv.map((o) => o.name)).toEqual(expect.arrayContaining(['TT Nyhetsbyrån', 'Ericsson', 'Sverigedemokraterna', 'Kristdemokraterna']));
    const nb = extractEntities('Statsminister Jonas Gahr Støre (Ap) svarte Frp og SV i Stortinget.', { language: 'nb' }).organisations;
    expect(nb.map((o) => o.name)).toEqual(expect.arrayContaining(['Arbeiderpartiet', 'Fremskrittspartiet', 'Sosialistisk Venstreparti']));
    // "TT" in English copy is no agency.
    expect(extractEntities('The TT races start on the Isle of Man.', { language: 'en' }).organisations.map((o) => o.name)).not.toContain('TT Nyhetsbyrån');
  });
});

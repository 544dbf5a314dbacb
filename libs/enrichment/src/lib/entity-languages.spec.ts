import { enrich } from './enrich';
import { extractEntities, extractEntityMentions } from './entities';
import { gazetteerFor } from './gazetteer';

const run = (language: string, bodyText: string) => enrich({ headline: '', bodyText, language }, new Date('2026-01-01T00:00:00Z'));
const names = (list: { name: string }[]) => list.map((x) => x.name);

describe('entities beyond English', () => {
  it('French: titles, lower-case adjectives of a body, elided articles, acronyms after the full name', () => {
    const e = run('fr', "Le président Emmanuel Macron a reçu le chancelier Olaf Scholz à l'Élysée. Macron a vu la Commission européenne. Le Parti socialiste (PS) a critiqué la décision, selon le PS.");
    expect(names(e.people)).toEqual(expect.arrayContaining(['Emmanuel Macron', 'Olaf Scholz']));
    expect(e.people.find((p) => p.name === 'Emmanuel Macron')?.surfaceForms).toContain('Macron');
    expect(names(e.organisations)).toEqual(expect.arrayContaining(['European Commission', 'Parti socialiste']));
    // The gazetteer links the Commission to its English entry; the text's form stays a surface form.
    expect(e.organisations.find((o) => o.name === 'European Commission')?.surfaceForms).toEqual(['Commission européenne']);
    // A body the gazetteer does not know: its lower-case adjective is part of its name.
    expect(names(run('fr', 'Le texte a été adopté par la Commission régionale.').organisations)).toEqual(['Commission régionale']);
    expect(e.organisations.find((o) => o.name === 'Parti socialiste')?.surfaceForms).toContain('PS');
    expect(e.provenance.map((p) => p.annotation)).toContain('entities');
  });

  it("tagger spans: no name ends on an elided word or is a lone article, a dateline is a place, a German compound is the noun it ends in", () => {
    const fr = run('fr', "PARIS, 3 déc (AFP) - Le Premier ministre Michel Barnier a annoncé mardi devant l'Assemblée nationale qu'il engagerait la responsabilité du gouvernement.");
    expect(names(fr.organisations)).toContain('Assemblée nationale');
    expect(names(fr.organisations).some((n) => /qu'|^Le$/.test(n))).toBe(false);
    const es = run('es', 'MADRID, 3 dic (EFE) - El presidente del Gobierno, Pedro Sánchez, anunció un plan en Andalucía.');
    expect(names(es.places)).toEqual(expect.arrayContaining(['Madrid', 'Andalucía']));
    expect(names(es.organisations)).not.toContain('MADRID');
    const de = run('de', 'Die Europäische Zentralbank hat die Zinsen gesenkt, sagte EZB-Präsidentin Christine Lagarde in Frankfurt.');
    expect(names(de.people)).toEqual(['Christine Lagarde']);
    // A lone capitalised word the text also writes in lower case is a word: "Interior" beside "interior".
    const pt = run('pt', 'O ministro do Interior falou em Lisboa. A política interior do país mudou, disse o ministro Paulo Rangel.');
    expect([...names(pt.organisations), ...names(pt.people), ...names(pt.places)]).not.toContain('Interior');
  });

  it('Spanish: towns resolve to the Spanish city, not a smaller namesake abroad', () => {
    const e = run('es', 'El presidente del Gobierno, Pedro Sánchez, viajó a Sevilla. Sánchez se reunió con el Banco de España en Madrid.');
    expect(e.people.find((p) => p.name === 'Pedro Sánchez')?.surfaceForms).toEqual(['Pedro Sánchez', 'Sánchez']);
    // The gazetteer names the bank as English news does; the text's form stays a surface form.
    expect(e.organisations.find((o) => o.name === 'Bank of Spain')?.surfaceForms).toEqual(['Banco de España']);
    expect(e.places.filter((p) => p.name === 'Madrid' || p.name === 'Sevilla').map((p) => p.countryCode)).toEqual(['ES', 'ES']);
  });

  it("Spanish: a body's head word overrules the tagger's place or person, but not for a building", () => {
    // Before: the tagger's places "Guardia Civil", "Policía Nacional", "Junta", "Jefatura Superior de Policía ...".
    const e = run('es', 'La Guardia Civil detuvo ayer a dos hombres en Sevilla, según informó la Policía Nacional. Las Fuerzas Armadas se reunieron con la Junta. El portavoz de la Jefatura Superior de Policía de Andalucía Occidental habló en Cádiz.');
    expect(names(e.organisations).sort()).toEqual(['Fuerzas Armadas', 'Guardia Civil', 'Jefatura Superior de Policía de Andalucía Occidental', 'Junta', 'Policía Nacional']);
    expect(names(e.places).sort()).toEqual(['Cádiz', 'Sevilla']);
    // A head word that is also a first name opens a person's name.
    expect(names(run('es', 'Los Mossos detuvieron a Cruz Martínez en Girona.').organisations)).not.toContain('Cruz Martínez');
    // A museum may be the building: the tagger's place stands.
    expect(names(run('es', 'Los turistas visitaron el Museo del Prado en Madrid.').places).sort()).toEqual(['Madrid', 'Museo del Prado']);
  });

  it("regions by the language's own names; a region the gazetteer knows by the tagger's whole body span is a place", () => {
    const es = run('es', 'El Gobierno anunció ayudas para la Comunidad Valenciana y Cataluña, y la ANC convocó una marcha con Òmnium Cultural.');
    expect(names(es.places).sort()).toEqual(['Catalonia', 'Valencian Community']);
    expect(names(es.organisations)).toEqual(expect.arrayContaining(['Asamblea Nacional Catalana', 'Òmnium Cultural']));
    expect(names(run('de', 'Israel griff Ziele im Gazastreifen und im Westjordanland an, während Russland die Krim hält.').places).sort()).toEqual(['Crimea', 'Gaza Strip', 'Israel', 'Russia', 'West Bank']);
    expect(names(run('fr', 'Les colons de Cisjordanie et les habitants de Corse ont manifesté.').places).sort()).toEqual(['Corsica', 'West Bank']);
  });

  it('German: a town that is also a noun, after a determiner and an adjective, is the noun; a known venue the tagger calls a body is a place', () => {
    expect(names(run('de', 'Bahnchef Richard Lutz sprach von einer schwierigen Lage in Hamburg.').places)).toEqual(['Hamburg']);
    const arena = run('de', 'Harry Kane traf in der Allianz Arena doppelt.');
    expect(names(arena.places)).toEqual(['Allianz Arena']);
    expect(names(arena.organisations)).toEqual([]);
  });

  it("French: a nationality noun is no part of the name after it; a score no part of a club's; a capital the tagger calls a government is the place", () => {
    const e = run('fr', "L'Olympique lyonnais, propriété de l'Américain John Textor, et la Française Caroline Garcia ont perdu. Le Kremlin a accusé Kiev, et l'Union Bordeaux-Bègles 59-3.");
    expect(names(e.people).sort()).toEqual(['Caroline Garcia', 'John Textor']);
    expect(names(e.places)).toContain('Kyiv');
    expect(names(e.organisations)).not.toContain('Kyiv');
    expect(e.organisations.flatMap((o) => o.surfaceForms).every((f) => !/\d/.test(f))).toBe(true);
  });

  it('Spanish bodies: through a preposition of purpose, after an opening article that also names a town, and the government after a dateline', () => {
    const e = run('es', 'BUENOS AIRES (EFE) - El Gobierno de Javier Milei cerró el Instituto Nacional contra la Discriminación. El Banco Central de Chile mantuvo su tasa.');
    expect(names(e.organisations).sort()).toEqual(['Banco Central de Chile', 'EFE', 'Gobierno', 'Instituto Nacional contra la Discriminación']);
    expect(names(e.places)).toEqual(['Buenos Aires']);
    expect(names(e.people)).toEqual(['Javier Milei']);
  });

  it('German: a noun and a genitive article open no body; the body named after them stays', () => {
    const e = run('de', 'Gauck warnte vor einer Spaltung der Gesellschaft. Nach Angaben der Polizei kam die Präsidentin der Europäischen Kommission.');
    expect(names(e.organisations)).toEqual(['European Commission']);
  });

  it('German: a one-word body no gazetteer knows, right before another name, is the noun describing it', () => {
    const e = run('de', 'Der Energiekonzern RWE hat seine Prognose bestätigt. Sportvorstand Max Eberl sagte das. Die Commerzbank meldete Gewinne.');
    expect(names(e.organisations).sort()).toEqual(['Commerzbank', 'RWE']);
    expect(names(e.people)).toEqual(['Max Eberl']);
  });

  it('bodies by their names in the language: the Security Council, the White House, BCE where it is the ECB', () => {
    expect(names(run('fr', "Le Conseil de sécurité s'est réuni, a indiqué la Maison Blanche, et la BCE a baissé ses taux.").organisations).sort()).toEqual(['European Central Bank', 'UN Security Council', 'White House']);
    expect(names(run('es', 'El Consejo de Seguridad se reunió y la CPI emitió una orden.').organisations).sort()).toEqual(['International Criminal Court', 'UN Security Council']);
  });

  it("Spanish: a tagger's name never ends on a preposition or an article", () => {
    // The tagger reads "Jefatura Superior de Policía de la" here; the name is without "de la".
    const text = 'El portavoz de la Jefatura Superior de Policía de la ciudad habló ayer.';
    const mentions = extractEntityMentions(text, { language: 'es' });
    expect(mentions.map((m) => [m.type, text.slice(m.start, m.end)])).toEqual([['organisation', 'Jefatura Superior de Policía']]);
  });

  it('Spanish: a government is a body, never a place; parties and the royal household are known', () => {
    const text = 'El líder del PP criticó la gestión del Ejecutivo. Vox y Compromís pidieron su dimisión. La Casa Real no hizo comentarios.';
    const mentions = extractEntityMentions(text, { language: 'es' });
    expect(mentions.map((m) => [m.type, text.slice(m.start, m.end)])).toEqual([
      ['organisation', 'PP'],
      ['organisation', 'Ejecutivo'],
      ['organisation', 'Vox'],
      ['organisation', 'Compromís'],
      ['organisation', 'Casa Real'],
    ]);
  });

  it('French and Spanish: an inhabitant named before a person is no part of the name; an opening bracket ends a name', () => {
    const text = 'Le Lyonnais Alexandre Lacazette a marqué contre Nantes.';
    expect(extractEntityMentions(text, { language: 'fr' }).map((m) => [m.type, text.slice(m.start, m.end)])).toEqual([
      ['person', 'Alexandre Lacazette'],
      ['place', 'Nantes'],
    ]);
    const body = 'Un terremoto sacudió Chile, según el Servicio Nacional de Prevención y Respuesta ante Desastres (Senapred).';
    expect(extractEntityMentions(body, { language: 'es' }).map((m) => body.slice(m.start, m.end))).toContain('Servicio Nacional de Prevención y Respuesta ante Desastres');
  });

  it('French: a title in lower case after another is no part of a name; a lone name after "le parti" is the party; "al-" goes on', () => {
    const text = 'Le parti Pastef du Premier ministre Ousmane Sonko a gagné. Le Premier ministre Benjamin Netanyahu et le président Abdel Fattah al-Sissi ont parlé.';
    const mentions = extractEntityMentions(text, { language: 'fr' });
    expect(mentions.map((m) => [m.type, text.slice(m.start, m.end)])).toEqual([
      ['organisation', 'Pastef'],
      ['person', 'Ousmane Sonko'],
      ['person', 'Benjamin Netanyahu'],
      ['person', 'Abdel Fattah al-Sissi'],
    ]);
    const pope = 'El Papa Francisco recibió en el Vaticano al presidente.';
    expect(extractEntityMentions(pope, { language: 'es' }).map((m) => [m.type, pope.slice(m.start, m.end)])).toEqual([
      ['person', 'Francisco'],
      ['place', 'Vaticano'],
    ]);
  });

  it("a name filling the quotes right after a noun for a work is the work's title, in every language", () => {
    const de = 'Ihr Roman "Kairos" erzählt von einer Liebe in Ost-Berlin.';
    expect(extractEntityMentions(de, { language: 'de' }).map((m) => de.slice(m.start, m.end))).toEqual(['Ost-Berlin']);
    const fr = 'Le film « Emilia Pérez » de Jacques Audiard a été primé à Cannes.';
    expect(extractEntityMentions(fr, { language: 'fr' }).map((m) => fr.slice(m.start, m.end))).toEqual(['Jacques Audiard', 'Cannes']);
    const en = 'Her novel "Orbital" won a prize in London, and "Sydney" said nothing.';
    expect(extractEntityMentions(en, { language: 'en' }).map((m) => en.slice(m.start, m.end))).toEqual(['London', 'Sydney']);
    // Unquoted too, where no list knows the name; the work's maker named in full after the noun stays a person.
    const unquoted = 'Cuarón, dont le dernier film Gravity a reçu un Oscar, tourne à Mexico. La série Trey Parker a écrit reste.';
    const read = extractEntityMentions(unquoted, { language: 'fr' }).map((m) => unquoted.slice(m.start, m.end));
    expect(read).not.toContain('Gravity');
    expect(read).toContain('Trey Parker');
    const es = 'Cuarón, cuya última película, Gravity, ganadora de un Oscar, no estaba en Londres.';
    expect(extractEntityMentions(es, { language: 'es' }).map((m) => m.surface)).not.toContain('Gravity');
  });

  it("reads no capitalised function word as a name, whatever the tagger says, nor Italian's \"born\" as NATO", () => {
    const fr = 'Elle a été diffusée en France. Chez Toyota, ce moteur est prélevé.';
    expect(extractEntityMentions(fr, { language: 'fr' }).map((m) => m.surface)).toEqual(['France', 'Toyota']);
    const it = 'Nato a Milano nel 1950, è cresciuto a Roma. La Nato ha deciso.';
    expect(extractEntityMentions(it, { language: 'it' }).map((m) => [m.type, m.surface])).toEqual([
      ['place', 'Milano'],
      ['place', 'Roma'],
      ['organisation', 'Nato'],
    ]);
    expect(extractEntityMentions('Nato in der Krise. Die Nato warnt.', { language: 'de' }).map((m) => m.surface)).toEqual(['Nato', 'Nato']);
  });

  it('reads an English name opened by a compass point or a fort as a place in other languages\' copy, not a person', () => {
    const es = 'La circunscripción se encuentra en la región municipal de North Kesteven, donde el 62 % votó salir. El ejército atacó Fort Sumter en abril.';
    const places = extractEntityMentions(es, { language: 'es' }).filter((m) => m.type === 'place').map((m) => m.surface);
    expect(places).toEqual(['North Kesteven', 'Fort Sumter']);
  });

  it('reads a person after an office word in lower case, hyphenated first names and all', () => {
    const fr = 'Le ministre Jean-Noël Barrot a rencontré Marie-Christine Dalloz.';
    expect(extractEntityMentions(fr, { language: 'fr' }).map((m) => [m.type, m.surface])).toEqual([
      ['person', 'Jean-Noël Barrot'],
      ['person', 'Marie-Christine Dalloz'],
    ]);
  });

  it("the place inside a race's name is no place of the story", () => {
    const es = 'Pogacar ganó el Tour de Francia y la Vuelta a España antes de volver a Madrid.';
    expect(extractEntityMentions(es, { language: 'es' }).filter((m) => m.type === 'place').map((m) => es.slice(m.start, m.end))).toEqual(['Madrid']);
    const de = 'Ullrich hatte 1997 die Tour de France gewonnen. Er lebt in Frankreich.';
    expect(extractEntityMentions(de, { language: 'de' }).filter((m) => m.type === 'place').map((m) => de.slice(m.start, m.end))).toEqual(['Frankreich']);
  });

  it('a school or a hospital opened by its head word is a body; a museum may be the building', () => {
    const text = 'Estudió en la Escuela de Arte de Glasgow, fue atendido en el Hospital Clínico y visitó el Museo del Prado.';
    expect(extractEntityMentions(text, { language: 'es' }).map((m) => [m.type, text.slice(m.start, m.end)])).toEqual([
      ['organisation', 'Escuela de Arte de Glasgow'],
      ['organisation', 'Hospital Clínico'],
      ['place', 'Museo del Prado'],
    ]);
  });

  it('a sea, an ocean or a gulf named with its head word is one place, and a known town in such a name keeps its link', () => {
    const places = (text: string, language: string) => extractEntityMentions(text, { language }).filter((m) => m.type === 'place').map((m) => text.slice(m.start, m.end));
    expect(places('Recortes en el Mar Céltico y el Mar de Irlanda.', 'es')).toEqual(['Mar Céltico', 'Mar de Irlanda']);
    expect(places("Des navires dans la mer de Chine méridionale et la mer d'Irlande.", 'fr')).toEqual(['mer de Chine méridionale', "mer d'Irlande"]);
    expect(places('Schiffe im Indischen Ozean und in der Irischen See.', 'de')).toEqual(['Indischen Ozean', 'Irischen See']);
    expect(places('Cuts in the Celtic Sea and the Irish Sea.', 'en')).toEqual(['Celtic Sea', 'Irish Sea']);
    expect(extractEntities('Llegó a Mar del Plata.', { language: 'es' }).places.map((p) => [p.name, p.countryCode])).toEqual([['Mar del Plata', 'AR']]);
  });

  it("a person's name opens on no lower-case word but a particle, and a lower-case word that is no particle ends it", () => {
    const people = (text: string, language: string) => extractEntities(text, { language }).people.map((p) => p.surfaceForms[0]);
    // The tagger's span ran over the misspelt title ("impératice") here, and over "ou" in the next.
    expect(people('L’ ouvrage est créé en présence de Napoléon III et de l’ impératice Eugénie . L’ inquisition portugaise', 'fr')).toEqual(['Napoléon III', 'Eugénie']);
    const bands = 'Le groupe a joué avec Morbid Angel ou Tool.';
    expect(extractEntityMentions(bands, { language: 'fr' }).map((m) => bands.slice(m.start, m.end))).toEqual(['Morbid Angel']);
    expect(people('Un portrait de Charles de Gaulle.', 'fr')).toEqual(['Charles de Gaulle']);
  });

  it('a middle initial joins a first name to the surname after its full stop, in every tagged language', () => {
    for (const language of ['fr', 'es', 'it', 'pt']) {
      const people = extractEntities('George W. Bush, John F. Kennedy et Ronald F. Maxwell.', { language }).people.map((p) => p.surfaceForms[0]);
      expect([language, people]).toEqual([language, ['George W. Bush', 'John F. Kennedy', 'Ronald F. Maxwell']]);
    }
    // A "Monsieur" after a surname opens the next man's name, it is no initial of the first.
    const text = 'Autour de la mort de Philippe Daudet M. Jean Galmot, député de la Guyane, a déposé.';
    const people = extractEntities(text, { language: 'fr' }).people.map((p) => p.surfaceForms[0]);
    expect(people).toContain('Philippe Daudet');
    expect(people.filter((p) => p.includes('M.'))).toEqual([]);
  });

  it("German: a name ends before the sentence's next noun, after a preposition or a count, and after a person's two names", () => {
    const text = 'Er spielte für den FK Zemun von Beginn an. Danach kam Markus Eisenbichler Weltmeister wurde er nie. Karl Heinz Müller lobte. Der SC Heerenveen 26 Spiele lang ohne Sieg.';
    expect(extractEntityMentions(text, { language: 'de' }).map((m) => [m.type, text.slice(m.start, m.end)])).toEqual([
      ['organisation', 'FK Zemun'],
      ['person', 'Markus Eisenbichler'],
      ['person', 'Karl Heinz Müller'],
      ['organisation', 'SC Heerenveen'],
    ]);
  });

  it("a person's span run over two people joined by \"&\" is two people; a duo's name of one word each stays whole", () => {
    const people = (text: string) => extractEntities(text, { language: 'es' }).people.map((p) => p.surfaceForms[0]);
    expect(people('El disco fue grabado por Gary Moore & Phil Lynott en 1978.')).toEqual(['Gary Moore', 'Phil Lynott']);
    const duo = 'El dúo Saskia & Serge cantó.';
    expect(extractEntityMentions(duo, { language: 'es' }).map((m) => duo.slice(m.start, m.end))).toEqual(['Saskia & Serge']);
  });

  it("French and Spanish: a place's or a body's name opens on no lower-case word but a noun that heads such names", () => {
    // The tagger read "músico King Diamond" as one name (of the wrong type still: the span is what this checks).
    const text = 'El músico King Diamond tocó en el océano Índico.';
    expect(extractEntityMentions(text, { language: 'es' }).map((m) => text.slice(m.start, m.end))).toEqual(['King Diamond', 'océano Índico']);
    const fr = 'Il est enterré au cimetière Vagankovo de Moscou, loin du pôle Sud.';
    expect(extractEntityMentions(fr, { language: 'fr' }).map((m) => fr.slice(m.start, m.end))).toEqual(['cimetière Vagankovo de Moscou', 'pôle Sud']);
  });

  it('a word that opens only clubs\' names makes a club of the name it opens', () => {
    const text = 'Er wechselte von Dinamo Zagreb zu Slovan Liberec und später zu Hapoel Tel Aviv.';
    expect(extractEntities(text, { language: 'de' }).organisations.map((o) => o.surfaceForms[0])).toEqual(['Dinamo Zagreb', 'Slovan Liberec', 'Hapoel Tel Aviv']);
  });

  it('German: a lone name right after a finite verb and before a lower-case word is the person acting', () => {
    const text = 'Rückendeckung erhielt Mixa vom Kölner Kardinal. Wenn die Grünen regieren, wird Trittin nicht am Steuer stehen.';
    expect(extractEntities(text, { language: 'de' }).people.map((p) => p.surfaceForms[0])).toEqual(['Mixa', 'Trittin']);
    // A noun there is the subject, no person.
    expect(extractEntities('Im Sommer erhielt Deutschland mehr Regen. Dann trägt Verantwortung niemand.', { language: 'de' }).people).toEqual([]);
  });

  it('German: a noun that is also a town is the noun after a word of quantity ("wenig Essen"), the town after "nach"', () => {
    const text = 'Es gibt viele Kleidungsstücke und wenig Essen. Er fuhr nach Essen.';
    expect(extractEntityMentions(text, { language: 'de' }).map((m) => [m.type, m.start])).toEqual([['place', text.lastIndexOf('Essen')]]);
  });

  it('navies and air forces are bodies, not the first name that opens them ("la Marine nationale")', () => {
    expect(extractEntities('La Marine nationale a envoyé une frégate. Marine Le Pen a parlé.', { language: 'fr' })).toMatchObject({
      organisations: [{ name: 'Marine nationale' }],
      people: [{ name: 'Marine Le Pen' }],
    });
    expect(extractEntities('Hubo pedidos de la Marina Real Británica.', { language: 'es' }).organisations.map((o) => [o.name, o.surfaceForms])).toEqual([['Royal Navy', ['Marina Real Británica']]]);
  });

  it('Spanish: "Servicios" opens a body\'s name as "Servicio" does', () => {
    const e = extractEntities('Lo afirman los Servicios Canadienses de Sangre (CBS).', { language: 'es' });
    expect([e.places, e.organisations.map((o) => o.surfaceForms)]).toEqual([[], [['Servicios Canadienses de Sangre', 'CBS']]]);
  });

  it("the town a pact is named for is no place of the story, in either case; a town of the story still is", () => {
    const places = (text: string, language: string) => extractEntityMentions(text, { language }).filter((m) => m.type === 'place').map((m) => text.slice(m.start, m.end));
    expect(places("L'Accord de Paris va ralentir le changement climatique, a-t-il dit à Lyon.", 'fr')).toEqual(['Lyon']);
    expect(places('El acuerdo de París y el Protocolo de Kioto se discutieron en Madrid.', 'es')).toEqual(['Madrid']);
    expect(places('Das Abkommen von Paris wird den Klimawandel verlangsamen, sagte er in Berlin.', 'de')).toEqual(['Berlin']);
    expect(places('He could use a provision in the Paris agreement, he said in Ottawa.', 'en')).toEqual(['Ottawa']);
  });

  it('French: a body "of" a person is the body and the person; a nationality noun before a person is no place', () => {
    const text = 'La Commission d\'Ursula von der Leyen a été approuvée. Le Suisse Marco Odermatt a gagné. La Suisse a voté.';
    expect(extractEntityMentions(text, { language: 'fr' }).map((m) => [m.type, text.slice(m.start, m.end)])).toEqual([
      ['organisation', 'Commission'],
      ['person', 'Ursula von der Leyen'],
      ['person', 'Marco Odermatt'],
      ['place', 'Suisse'],
    ]);
  });

  it("French: a tagger's body that runs through \"de\" into a person the rules name in full ends before the particle", () => {
    const text = 'Le Rassemblement national de Marine Le Pen a déposé une motion de censure.';
    const mentions = extractEntityMentions(text, { language: 'fr' });
    expect(mentions.map((m) => [m.type, text.slice(m.start, m.end)])).toEqual([
      ['organisation', 'Rassemblement national'],
      ['person', 'Marine Le Pen'],
    ]);
  });

  it('German: role nouns, compounds of them and a genitive owner are not part of a name; a lower-case word after a name ends it', () => {
    const text =
      'Der Kölner Kardinal Joachim Meisner hat am Sonntag in Köln gepredigt. Die Ausstellung zeigt Bilder von Kriegsfotograf Jewgeni Chaldej. ' +
      'Nach dem Ausbruch stellte die Justizbehörde in der JVA Billwerder erhebliche Sicherheitslücken fest. Obamas Sonderberaterin Kori Schulman schrieb am Montag.';
    const mentions = extractEntityMentions(text, { language: 'de' });
    expect(mentions.map((m) => [m.type, text.slice(m.start, m.end)])).toEqual([
      ['person', 'Joachim Meisner'],
      ['place', 'Köln'],
      ['person', 'Jewgeni Chaldej'],
      ['organisation', 'JVA Billwerder'],
      ['person', 'Obamas'],
      ['person', 'Kori Schulman'],
    ]);
    // The lower-case word that ends a name is not a word that joins one ("für", "am").
    const body = 'Die Internationale Organisation für erneuerbare Energien tagte in Frankfurt am Main.';
    expect(extractEntityMentions(body, { language: 'de' }).map((m) => body.slice(m.start, m.end))).toContain('Internationale Organisation für erneuerbare Energien');
  });

  it("German: a known party is a body whatever the tagger reads; a place's genitive before a role noun is the place", () => {
    const text = 'Die CSU hatte gegen die Reform geklagt, wie Sachsens Regierungschef mitteilte.';
    const mentions = extractEntityMentions(text, { language: 'de' });
    expect(mentions.map((m) => [m.type, text.slice(m.start, m.end)])).toEqual([
      ['organisation', 'CSU'],
      ['place', 'Sachsens'],
    ]);
  });

  it('German: a role noun and a first name the tagger reads as a body, with the surname left out, are the person', () => {
    const text = 'Finanzminister Christian Lindner (FDP) sagte am Mittwoch im Bundestag, er sei zufrieden.';
    const mentions = extractEntityMentions(text, { language: 'de' });
    expect(mentions.map((m) => [m.type, text.slice(m.start, m.end)])).toEqual([
      ['person', 'Christian Lindner'],
      ['organisation', 'FDP'],
      ['organisation', 'Bundestag'],
    ]);
  });

  it('German: a hyphenated pair of first names opens a name; a noun after an article is no town; the surname alone later is the person', () => {
    const text = 'Außenminister Frank-Walter Steinmeier reiste am Montag nach Paris. Dort betonte Steinmeier, die Lage sei ernst.';
    const mentions = extractEntityMentions(text, { language: 'de' });
    expect(mentions.map((m) => [m.type, m.name, text.slice(m.start, m.end)])).toEqual([
      ['person', 'Frank-Walter Steinmeier', 'Frank-Walter Steinmeier'],
      ['place', 'Paris', 'Paris'],
      ['person', 'Frank-Walter Steinmeier', 'Steinmeier'],
    ]);
  });

  it("reads no dash into a name: a dateline's town before its date and agency", () => {
    const dateline = 'Los Angeles - 27. Februar - dpa - Einen Tag vor der Oscar-Gala sind in Hollywood viele Stars.';
    expect(extractEntityMentions(dateline, { language: 'de' }).slice(0, 2).map((m) => [m.type, m.surface])).toEqual([
      ['place', 'Los Angeles'],
      ['organisation', 'dpa'],
    ]);
  });

  it('German and Nordic -s genitives: the owner named in the text or known as a place; the span is the word as written', () => {
    const text = 'Microsoft hat neue Cloud-Dienste angekündigt. Microsofts Chef Satya Nadella sagte in Berlin, Deutschlands Wirtschaft brauche Tempo. Später traf er Hans.';
    const mentions = extractEntityMentions(text, { language: 'de' });
    const at = (surface: string) => mentions.filter((m) => m.surface === surface);
    // Both are the company; the genitive's span is the word with its ending, as annotators mark it (CoNLL, GermEval, Universal NER).
    expect(mentions.filter((m) => m.name === 'Microsoft').map((m) => [m.type, text.slice(m.start, m.end)])).toEqual([
      ['organisation', 'Microsoft'],
      ['organisation', 'Microsofts'],
    ]);
    expect(at('Deutschlands')).toMatchObject([{ type: 'place', name: 'Germany', start: text.indexOf('Deutschlands') }]);
    expect(mentions.some((m) => /Wirtschaft|Chef/.test(m.surface))).toBe(false);
    // A known place's genitive alone is that place ("Bayerns Innenminister" was a person); not in Dutch, where "Nederlands" is the language.
    const lands = 'Glätte in Teilen Bayerns und Sachsens. Bayerns Innenminister Joachim Herrmann sprach.';
    expect(extractEntityMentions(lands, { language: 'de' }).map((m) => [m.type, m.surface, m.name])).toEqual([
      ['place', 'Bayerns', 'Bayern'],
      ['place', 'Sachsens', 'Sachsen'],
      ['place', 'Bayerns', 'Bayern'],
      ['person', 'Joachim Herrmann', 'Joachim Herrmann'],
    ]);
    expect(extractEntityMentions('Hij spreekt vloeiend Nederlands en woont in Utrecht.', { language: 'nl' }).map((m) => m.surface)).toEqual(['Utrecht']);
    // A first name that ends in -s is nobody's genitive.
    expect(mentions.filter((m) => m.surface.startsWith('Han')).map((m) => m.surface)).not.toContain('Han');
    expect(extractEntityMentions('Sveriges regering meddelade i Stockholm att Sverige ska delta.', { language: 'sv' }).map((m) => [m.surface, m.name])).toEqual([
      ['Sveriges', 'Sweden'],
      ['Stockholm', 'Stockholm'],
      ['Sverige', 'Sweden'],
    ]);
    // A person's genitive before the noun it owns: the person alone, whoever the tagger read there ("Putins Krieg" was one
    // person, "Putins Armee" a body) or if it read nothing ("Trumps Zölle"); a known place's too, though the noun list holds "Chinas".
    const owners = 'Wladimir Putin drohte. Putins Krieg geht weiter, Putins Armee rückt vor. Trumps Zölle treffen Chinas Exporte.';
    expect(extractEntityMentions(owners, { language: 'de' }).map((m) => [m.type, m.surface, m.name])).toEqual([
      ['person', 'Wladimir Putin', 'Wladimir Putin'],
      ['person', 'Putins', 'Wladimir Putin'],
      ['person', 'Putins', 'Wladimir Putin'],
      ['person', 'Trumps', 'Donald Trump'],
      ['place', 'Chinas', 'China'],
    ]);
    // After "des", an unknown genitive whose stem ends in a common noun is that noun's compound; a region's name is not.
    const compounds = 'Er stand in der Nähe des Steuerrads. Die Art des Belegmaterials ist heterogen. Die Wälder des Sauerlands.';
    expect(extractEntityMentions(compounds, { language: 'de' }).map((m) => m.surface)).toEqual(['Sauerlands']);
    // A name known as written is no genitive ("Las" is not of "La").
    expect(extractEntityMentions('Er flog nach Las Vegas und weiter nach Paris.', { language: 'de' }).map((m) => m.surface)).toEqual(['Las Vegas', 'Paris']);
    // English possessives are not this rule's: "Jones" stays Jones.
    expect(extractEntityMentions('Jones said on Monday that Jones would stay in London.', { language: 'en' }).map((m) => m.surface)).toContain('Jones');
  });

  it('German: capitalised nouns are not names, compounds and heads make organisations', () => {
    const e = run('de', 'Bundeskanzler Olaf Scholz hat am Montag in Berlin gesprochen. Die Regierung erklärte, die Sächsische Kommission habe zugestimmt. Das Bundesministerium für Finanzen schwieg.');
    expect(names(e.people)).toEqual(['Olaf Scholz']);
    expect(names(e.organisations)).toEqual(expect.arrayContaining(['Sächsische Kommission', 'Bundesministerium für Finanzen']));
    expect(names(e.organisations)).not.toContain('Die Regierung');
    expect(e.places.find((p) => p.name === 'Berlin')?.countryCode).toBe('DE');
  });

  it('Swedish: a country name in the language links to its ISO code', () => {
    const e = run('sv', 'Statsminister Ulf Kristersson besökte Göteborg och reste sedan till Tyskland.');
    expect(names(e.people)).toEqual(['Ulf Kristersson']);
    expect(e.places.find((p) => p.surfaceForms.includes('Tyskland'))?.countryCode).toBe('DE');
    expect(e.places.find((p) => p.name === 'Göteborg')?.geonameId).toBeGreaterThan(0);
  });

  it('Norwegian (Bokmål, Nynorsk, "no") and Danish: their models find people, organisations and places', () => {
    const bokmal = 'Statsminister Jonas Gahr Støre sa torsdag at regjeringen vil styrke beredskapen. Han besøkte Bodø og Tromsø sammen med representanter fra Equinor og Norsk Hydro.';
    for (const language of ['nb', 'no', 'nb-NO']) {
      const e = run(language, bokmal);
      expect(names(e.people)).toEqual(['Jonas Gahr Støre']);
      expect(names(e.organisations)).toEqual(expect.arrayContaining(['Equinor', 'Norsk Hydro']));
      expect(e.places.find((p) => p.name === 'Tromsø')?.countryCode).toBe('NO');
      expect(e.provenance.some((p) => p.annotation === 'entities')).toBe(true);
    }
    const nynorsk = run('nn', 'Forsvarsminister Bjørn Arild Gram vitja Bodø saman med representantar frå Equinor.');
    expect(names(nynorsk.people)).toEqual(['Bjørn Arild Gram']);
    const danish = run('da', 'Statsminister Mette Frederiksen sagde torsdag, at regeringen vil styrke beredskabet. Hun besøgte Esbjerg sammen med repræsentanter fra Novo Nordisk.');
    expect(names(danish.people)).toEqual(['Mette Frederiksen']);
    expect(names(danish.organisations)).toContain('Novo Nordisk');
    expect(danish.places.find((p) => p.name === 'Esbjerg')?.countryCode).toBe('DK');
    // The Danish name of the capital links; a body named for it in the genitive stays the body.
    expect(run('da', 'Hun flyttede til København sidste år.').places.find((p) => p.surfaceForms.includes('København'))?.name).toBe('Copenhagen');
    const body = extractEntityMentions('Det oplyser Københavns Kommune i en pressemeddelelse.', { language: 'da' });
    expect(body.filter((m) => m.type === 'organisation').map((m) => m.surface)).toEqual(['Københavns Kommune']);
  });

  it('Finnish: the model finds names as the text inflects them', () => {
    const e = run('fi', 'Pääministeri Petteri Orpo sanoi torstaina, että hallitus tukee Nokiaa. Orpo vieraili Tampereella ja tapasi Nokian toimitusjohtajan Pekka Lundmarkin.');
    expect(names(e.people)).toEqual(expect.arrayContaining(['Petteri Orpo']));
    expect([...names(e.organisations), ...names(e.places)].length).toBeGreaterThan(0);
    // A case form whose base form the gazetteer knows is that place or body, with its links; the surface stays as written.
    const linked = run('fi', 'Orpo vieraili Tampereella. Suomen talous kasvoi, ja Helsingissä pörssi nousi.');
    expect(linked.places.map((p) => [p.name, p.countryCode, p.surfaceForms])).toEqual(expect.arrayContaining([['Tampere', 'FI', ['Tampereella']], ['Finland', 'FI', ['Suomen']], ['Helsinki', 'FI', ['Helsingissä']]]));
  });

  it('Portuguese, Italian and Dutch know countries by their own names, and their home towns', () => {
    expect(run('pt', 'O presidente viajou para a Alemanha e depois para Coimbra.').places.map((p) => [p.name, p.countryCode])).toEqual(expect.arrayContaining([['Germany', 'DE'], ['Coimbra', 'PT']]));
    expect(run('it', 'Il ministro è partito per la Germania.').places.map((p) => p.countryCode)).toContain('DE');
    expect(run('nl', 'De minister reisde naar Duitsland.').places.map((p) => p.countryCode)).toContain('DE');
  });

  it("the language's own name of a foreign city links to the GeoNames entry", () => {
    const de = run('de', 'Der Zug fuhr von München nach Wien.');
    const fr = run('fr', 'Le ministre est arrivé à Londres mardi.');
    const munich = de.places.find((p) => p.surfaceForms.includes('München'));
    expect(munich).toMatchObject({ countryCode: 'DE', geonameId: 2867714 });
    expect(de.places.find((p) => p.surfaceForms.includes('Wien'))?.countryCode).toBe('AT');
    expect(fr.places.find((p) => p.surfaceForms.includes('Londres'))).toMatchObject({ name: 'London', countryCode: 'GB' });
    // Capitals of the Middle East and Ukrainian cities were unknown in their German, French and Spanish forms.
    const ids = (language: string, text: string) => run(language, text).places.map((p) => p.geonameId).sort();
    expect(ids('de', 'Raketen trafen Charkiw, während Teheran und Damaskus schwiegen.')).toEqual([112931, 170654, 706483]);
    expect(ids('es', 'Misiles alcanzaron Járkov, mientras Teherán y Damasco callaban.')).toEqual([112931, 170654, 706483]);
    // World capitals and the cities of the wars in the news, each language's own spelling.
    const names = (language: string, text: string) => run(language, text).places.map((p) => p.name).sort();
    expect(names('fr', 'Des émissaires ont quitté Kaboul pour Riyad, puis Alep et Marioupol.')).toEqual(['Aleppo', 'Kabul', 'Mariupol', 'Riyadh']);
    expect(names('de', 'Die Delegation reiste von Kapstadt über Tiflis nach Pjöngjang.')).toEqual(['Cape Town', 'Pyongyang', 'Tbilisi']);
    expect(names('pt', 'A comitiva saiu da Cidade do Cabo para Xangai.')).toEqual(['Cape Town', 'Shanghai']);
  });

  it('a language without rules gets no entities rather than English guesses', () => {
    const e = run('pl', 'Premier Donald Tusk spotkał się w Warszawie z prezydentem.');
    expect(e.people).toEqual([]);
    expect(e.provenance.map((p) => p.annotation)).not.toContain('entities');
  });
});

describe('extractEntityMentions', () => {
  it('keeps every mention with offsets into the text and resolves short forms to the full entity', () => {
    const text = "Le président Vladimir Poutine a parlé.\nPoutine a ensuite reçu le Parti socialiste (PS). Le PS a refusé.";
    const mentions = extractEntityMentions(text, { language: 'fr', gazetteer: gazetteerFor('fr') });
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.surface);
    expect(mentions.filter((m) => m.type === 'person').map((m) => [m.surface, m.name])).toEqual([
      ['Vladimir Poutine', 'Vladimir Poutine'],
      ['Poutine', 'Vladimir Poutine'],
    ]);
    expect(mentions.filter((m) => m.type === 'organisation').map((m) => m.name)).toEqual(['Parti socialiste', 'Parti socialiste', 'Parti socialiste']);
  });

  it('finds the end of a name written with a run of spaces inside', () => {
    const text = 'Herr Otto  Bauer sprach in Wien.';
    const [otto] = extractEntityMentions(text, { language: 'de', gazetteer: gazetteerFor('de') });
    expect(otto).toMatchObject({ type: 'person', surface: 'Otto Bauer', start: 5, end: 16 });
  });
});

describe('names as other languages write them', () => {
  const mentions = (language: string, text: string) => extractEntityMentions(text, { language }).map((m) => `${m.type}:${m.surface}=${m.name}`);

  it('German: a body or place named in the dative or genitive links to the same entry', () => {
    const got = mentions('de', 'Der Präsident der Europäischen Zentralbank sprach nach Angaben des Statistischen Bundesamtes über die Lage der Vereinten Nationen.');
    expect(got).toEqual(
      expect.arrayContaining(['organisation:Europäischen Zentralbank=European Central Bank', 'organisation:Statistischen Bundesamtes=Destatis', 'organisation:Vereinten Nationen=United Nations']),
    );
    expect(mentions('de', 'Die Alternative für Deutschland (AfD) legte zu.')).toContain('organisation:Alternative für Deutschland=AfD');
  });

  it('reads a public figure named alone as that person in every language, whatever the tagger read there', () => {
    expect(mentions('es', 'Milei y Lula no se reunieron.')).toEqual(expect.arrayContaining(['person:Lula=Luiz Inácio Lula da Silva', 'person:Milei=Javier Milei']));
    expect(mentions('it', 'Meloni ha incontrato Musk a Roma.')).toEqual(expect.arrayContaining(['person:Musk=Elon Musk', 'person:Meloni=Giorgia Meloni']));
    expect(mentions('fr', "Poutine a averti l'Occident.")).toContain('person:Poutine=Vladimir Putin');
    // Where the tagger reads the person itself, the figure still names it.
    expect(mentions('de', 'Von der Leyen will in Kiew Präsident Selenskyj treffen.')).toContain('person:Selenskyj=Volodymyr Zelenskyy');
  });

  it('German: a lone surname that speaks is a person; a noun, a company or an adjective as a noun is not', () => {
    expect(mentions('de', 'Steinmeier sagte bei einem Besuch in Südkorea, er hoffe auf eine Einigung.')).toContain('person:Steinmeier=Frank-Walter Steinmeier');
    expect(mentions('de', 'Das sei ein Armutszeugnis, sagte Neururer.')).toContain('person:Neururer=Neururer');
    const none = ['Der Verband erklärte, man sei zufrieden.', 'Daimler-Benz bezeichnete den Wagen als Sportwagen.', 'Betroffene kritisiert die Pläne. Teilnehmende sagt, es sei kalt.', 'Das Dialogbuch schrieb ein Autor.'];
    for (const text of none) expect(mentions('de', text).filter((m) => m.startsWith('person:'))).toEqual([]);
  });

  it('an acronym the text defines in brackets is that body, whatever else the gazetteer knows by it', () => {
    const got = mentions('es', 'Miles de personas marcharon convocadas por la Asamblea Nacional Catalana (ANC). La ANC reclama la amnistía.');
    expect(got.filter((m) => m.startsWith('organisation:ANC='))).toEqual(['organisation:ANC=Asamblea Nacional Catalana', 'organisation:ANC=Asamblea Nacional Catalana']);
    // Without the definition the gazetteer's reading stands.
    expect(mentions('en', 'The ANC won the election in South Africa.')).toContain('organisation:ANC=African National Congress');
  });

  it("an office's portfolio, then its holder, then the ministry by its seat", () => {
    const got = mentions('fr', "Le ministre de l'Économie Bruno Le Maire a annoncé lundi que Bercy allait revoir sa prévision.");
    expect(got).toEqual(['person:Bruno Le Maire=Bruno Le Maire', 'organisation:Bercy=Ministry of the Economy (France)']);
  });

  it('a match written as two clubs joined by a hyphen names both clubs; two towns so joined stay a route', () => {
    expect(mentions('pt', 'Hugo Miguel é o árbitro escolhido para apitar o Benfica-Sporting, esta quarta-feira.')).toEqual(
      expect.arrayContaining(['organisation:Benfica=SL Benfica', 'organisation:Sporting=Sporting CP']),
    );
    expect(mentions('fr', 'Le choc PSG-OM aura lieu dimanche.')).toEqual(['organisation:PSG=Paris St Germain', 'organisation:OM=Olympique de Marseille']);
    expect(mentions('en', 'Fans gathered before the Liverpool-Everton derby.')).toEqual(['organisation:Liverpool=Liverpool', 'organisation:Everton=Everton']);
    expect(mentions('de', 'Der Zug Berlin-Hamburg fiel aus.').filter((m) => /^organisation:(Berlin|Hamburg)=/.test(m))).toEqual([]);
  });

  it("a body's name that opens with its head word takes the tagger's person inside it", () => {
    const got = mentions('es', 'Según el informe del Instituto de Salud Carlos III, la gripe avanza.');
    expect(got).toEqual(['organisation:Instituto de Salud Carlos III=Instituto de Salud Carlos III']);
    // A government named for its head is the body and the person.
    expect(mentions('es', 'El Gobierno de Pedro Sánchez aprobó el plan.')).toEqual(['organisation:Gobierno=Gobierno', 'person:Pedro Sánchez=Pedro Sánchez']);
  });

  it('German: role nouns before a known body, a first name before an unknown word, a capitalised particle, a noun after a number', () => {
    expect(mentions('de', 'Der Autobauer Volkswagen will Stellen abbauen.')).toContain('organisation:Volkswagen=Volkswagen');
    expect(mentions('de', 'Bayern-Trainer Vincent Kompany lobte seinen Stürmer.')).toContain('person:Vincent Kompany=Vincent Kompany');
    expect(mentions('de', 'Bundespräsident Alexander Van der Bellen sprach in Wien.')).toContain('person:Alexander Van der Bellen=Alexander Van der Bellen');
    expect(mentions('de', 'Am Wochenende wird es in Sachsen bis zu 35 Grad heiß.').filter((m) => m.includes('Grad'))).toEqual([]);
  });

  it('"of" before a first name opens no name', () => {
    expect(mentions('nl', 'Het kabinet hoort kritiek van de PVV van Geert Wilders.')).toContain('person:Geert Wilders=Geert Wilders');
  });

  it('a title alone, or the republic a president presides over, names nothing', () => {
    expect(mentions('fr', 'Le président de la République a reçu le Premier ministre.')).toEqual([]);
    expect(mentions('pt', 'O Presidente da República promulgou o diploma.')).toEqual([]);
    expect(mentions('it', 'Il presidente della Repubblica ha firmato il decreto.')).toEqual([]);
    // A known name that opens with the title word keeps it.
    expect(mentions('fr', 'Arsenal est en tête de la Premier League.')).toContain('organisation:Premier League=Premier League');
    // A country after "president of" is still the country.
    expect(mentions('es', 'El presidente de Francia viajó a Madrid.')).toContain('place:Francia=France');
  });

  it("a coach's name ends before the preposition after it", () => {
    expect(mentions('es', 'El Real Madrid visitará al Liverpool de Arne Slot en Anfield.')).toContain('person:Arne Slot=Arne Slot');
    expect(mentions('it', 'Il Napoli ospita la Roma di Claudio Ranieri al Maradona.')).toContain('person:Claudio Ranieri=Claudio Ranieri');
    // A particle inside a name stays: "Lula da Silva".
    expect(mentions('pt', 'O presidente Luiz Inácio Lula da Silva falou em Brasília.')).toContain('person:Luiz Inácio Lula da Silva=Luiz Inácio Lula da Silva');
  });

  it('a team "of" its coach is two names, the team "of" its town one', () => {
    expect(mentions('es', 'El Barcelona de Hansi Flick empató en Montjuïc.')).toEqual(expect.arrayContaining(['organisation:Barcelona=Barcelona', 'person:Hansi Flick=Hansi Flick']));
    expect(mentions('fr', 'Il a signé avec les Warriors de Golden State.').filter((m) => m.startsWith('person:'))).toEqual([]);
  });

  it("Italian elided article-prepositions are their own word: \"all'Allianz Stadium\" is no part of the team before it", () => {
    expect(mentions('it', "La Juventus ha battuto 2-0 la Lazio all'Allianz Stadium di Torino.").some((m) => m.includes("all'"))).toBe(false);
  });

  it('a body the tagger ran on into the person after it ("della Lega Matteo Salvini") is the two names', () => {
    const got = mentions('it', 'Il leader della Lega Matteo Salvini è stato assolto. La segretaria del Pd Elly Schlein ha commentato la sentenza.');
    expect(got.filter((m) => /Salvini|Schlein|Lega|Pd/.test(m))).toEqual(expect.arrayContaining(['person:Matteo Salvini=Matteo Salvini', 'person:Elly Schlein=Elly Schlein']));
    expect(got.some((m) => /Lega Matteo|Pd Elly/.test(m))).toBe(false);
  });

  it('an acronym written as a word in brackets after its body ("(Inpe)") is that body, also where the tagger read a place', () => {
    const got = mentions('pt', 'O desmatamento caiu 30,6%, de acordo com o Instituto Nacional de Pesquisas Espaciais (Inpe). O Comitê de Política Monetária (Copom) seguirá vigilante.');
    expect(got).toEqual(expect.arrayContaining(['organisation:Inpe=Inpe', 'organisation:Instituto Nacional de Pesquisas Espaciais=Inpe', 'organisation:Copom=Comitê de Política Monetária']));
    // One the gazetteer does not know, defined by the text alone.
    expect(mentions('pt', 'A Agência Estadual de Pesquisas Rurais (Aepr) divulgou o estudo.')).toContain('organisation:Aepr=Agência Estadual de Pesquisas Rurais');
    const ibge = mentions('pt', 'Segundo o Instituto Brasileiro de Geografia e Estatística (IBGE), a taxa de desemprego caiu.');
    expect(ibge.filter((m) => m.includes(':IBGE='))).toEqual([expect.stringMatching(/^organisation:IBGE=/)]);
    // A bracketed word whose letters are not the name's is no acronym.
    expect(mentions('pt', 'O Banco Central (Reuters) manteve a taxa.').some((m) => m.startsWith('organisation:Reuters=Banco'))).toBe(false);
  });

  it('a ministry\'s portfolio the tagger read as a person names no one; a person\'s name ends before a lower-case verb', () => {
    expect(mentions('pt', 'Em entrevista, a ministra do Meio Ambiente, Marina Silva, disse que o desmatamento caiu.').filter((m) => m.startsWith('person:'))).toEqual(['person:Marina Silva=Marina Silva']);
    expect(mentions('pt', 'O ministro da Fazenda Fernando Haddad disse.').filter((m) => m.startsWith('person:'))).toEqual(['person:Fernando Haddad=Fernando Haddad']);
  });

  it('a body named after a noun for a body or by a word that opens only bodies; the state as an institution names nothing', () => {
    expect(mentions('it', "La Procura ha aperto un'inchiesta sulla società Equalize.")).toContain('organisation:Equalize=Equalize');
    expect(mentions('pt', 'Em entrevista à Rádio Nacional, a ministra falou.')).toEqual(['organisation:Rádio Nacional=Rádio Nacional']);
    expect(mentions('pt', 'A Polícia Federal investiga uma tentativa de golpe de Estado.').some((m) => m.includes(':Estado='))).toBe(false);
    expect(mentions('fr', "La maire a réclamé l'intervention de l'État après la fusillade.").some((m) => m.includes(':État='))).toBe(false);
    // Lower-case words between a body and its bracketed acronym are the body's when the acronym needs their initials.
    expect(mentions('fr', "L'Office national des forêts (ONF) a alerté.")).toContain('organisation:Office national des forêts=Office national des forêts');
    // Rivers as each language names them.
    expect(mentions('de', 'Die Elbe und der Rhein führen Hochwasser, auch an der Donau steigt der Pegel.')).toEqual(['place:Elbe=Elbe', 'place:Rhein=Rhine', 'place:Donau=Danube']);
    expect(mentions('fr', "Les Républicains ont voté contre. Malgré l'opposition des Républicains, le texte passe.")).toContain('organisation:Républicains=Les Républicains');
    // An adjective or a trade between the noun and the name is no part of the name.
    expect(mentions('es', 'La petrolera estatal Pemex reportó pérdidas.')).toEqual(['organisation:Pemex=Pemex']);
  });

  it('Italian clubs after a masculine article, a person right after a known place, an office before its holder, a ministry tagged a place', () => {
    const it = mentions('it', 'Il Milan ha pareggiato con il Napoli. Il sindaco di Roma Roberto Gualtieri era presente.');
    expect(it).toEqual(expect.arrayContaining(['organisation:Milan=Milan', 'organisation:Napoli=Napoli', 'person:Roberto Gualtieri=Roberto Gualtieri']));
    expect(mentions('it', 'Siamo arrivati a Napoli.')).toEqual(['place:Napoli=Naples']);
    // An acronym written with a digit is no ordinary word, whatever its case: the party, and the leader after it.
    expect(mentions('it', 'Lo ha criticato il leader del M5s Giuseppe Conte.')).toEqual(['organisation:M5s=Five Star Movement', 'person:Giuseppe Conte=Giuseppe Conte']);
    // A ground named for someone, read as a person by the tagger, is the place.
    expect(mentions('it', 'Il Napoli ha vinto allo Stadio Diego Armando Maradona.')).toContain('place:Stadio Diego Armando Maradona=Stadio Diego Armando Maradona');
    expect(mentions('nl', 'Ajax heeft zondag in de Johan Cruijff ArenA gewonnen.')).toContain('place:Johan Cruijff ArenA=Johan Cruijff ArenA');
    // A commission, a council, an agency or a party has no site a text names it for: read as a place, it is the body.
    expect(mentions('pt', 'Segundo comunicado enviado à Comissão de Valores Mobiliários (CVM), a empresa pagará dividendos.')).toContain('organisation:Comissão de Valores Mobiliários=Comissão de Valores Mobiliários');
    const pt = mentions('pt', 'O Ministério da Saúde confirmou os casos. A ministra Nísia Trindade visitou o hospital.');
    expect(pt).toEqual(['organisation:Ministério da Saúde=Ministério da Saúde', 'person:Nísia Trindade=Nísia Trindade']);
  });

  it("national bodies only that language's news names; a chamber's first word alone after its full name is that chamber", () => {
    expect(mentions('pt', 'O Ibama e o ICMBio enviaram brigadistas para Corumbá.')).toEqual(expect.arrayContaining(['organisation:Ibama=Ibama', 'organisation:ICMBio=ICMBio']));
    expect(mentions('nl', 'De Raad van State had eerder kritiek geuit. Het Openbaar Ministerie onderzoekt de zaak.')).toEqual(['organisation:Raad van State=Raad van State', 'organisation:Openbaar Ministerie=Openbaar Ministerie']);
    const got = mentions('pt', 'A Câmara dos Deputados aprovou a reforma. O presidente da Câmara, Arthur Lira, disse que o texto segue para o Senado.');
    expect(got).toContain('organisation:Câmara=Câmara dos Deputados');
  });

  it('Spanish doubled-letter plurals are one word: "EE.UU." (also "EE. UU.") is the United States, "CC.OO." the union', () => {
    const got = mentions('es', 'Se reunió con el secretario de Estado de EE.UU., Antony Blinken. Los EE. UU. y las CC.OO. lo criticaron.');
    expect(got).toEqual(['place:EE.UU.=United States', 'person:Antony Blinken=Antony Blinken', 'place:EE. UU.=United States', 'organisation:CC.OO.=CCOO']);
  });

  it('a Dutch minister\'s portfolio after "van" is no part of the name', () => {
    const got = mentions('nl', 'Het wetsvoorstel van minister Eelco Heinen van Financiën werd aangenomen. Minister Caspar Veldkamp van Buitenlandse Zaken reist af.');
    expect(got.filter((m) => m.startsWith('person:'))).toEqual(['person:Eelco Heinen=Eelco Heinen', 'person:Caspar Veldkamp=Caspar Veldkamp']);
  });

  it('Latin American capitals as EFE writes them; a body "of the Republic" is one name; the prosecutor "of the Republic" names no place', () => {
    expect(mentions('es', 'Santiago de Chile, 5 dic (EFE).- El Gobierno anunció la venta de Aerolíneas Argentinas.')).toEqual(
      expect.arrayContaining(['place:Santiago de Chile=Santiago', 'organisation:Aerolíneas Argentinas=Aerolíneas Argentinas']),
    );
    expect(mentions('es', 'La Contraloría General de la República investiga la obra.')).toEqual(['organisation:Contraloría General de la República=Contraloría General de la República']);
    expect(mentions('es', 'El fiscal de la República habló ayer.')).toEqual([]);
  });

  it('German: a hyphenated region\'s genitive, an agency\'s lower-case credit in brackets, inflected seas', () => {
    expect(mentions('de', 'Sachsen-Anhalts Innenministerin Tamara Zieschang sprach von einer schrecklichen Tat.')).toEqual(['place:Sachsen-Anhalts=Sachsen-Anhalt', 'person:Tamara Zieschang=Tamara Zieschang']);
    expect(mentions('de', 'Zürich (sda) - Die Nationalbank senkt den Leitzins.')).toContain('organisation:sda=Keystone-SDA');
    expect(mentions('de', 'Die Angriffe im Roten Meer nehmen zu.')).toEqual(['place:Roten Meer=Red Sea']);
  });

  it('a country\'s name the tagger read as a person is the country; a chamber alone read as a place is a body', () => {
    const got = mentions('pt', 'Tempestade Eleanor atinge França, Alemanha, Suíça e Reino Unido\n\nUma violenta tempestade afeta o Reino Unido, a Irlanda e a França.');
    expect(got.filter((m) => m.includes('Reino Unido'))).toEqual(['place:Reino Unido=United Kingdom', 'place:Reino Unido=United Kingdom']);
    expect(mentions('pt', 'Lisboa quer passes sociais. A Câmara da capital vai criar pacotes de mobilidade.')).toContain('organisation:Câmara=Câmara');
  });

  it('a town "of" its coach, after an article, is its club; a coach arriving "at" a town leaves the town', () => {
    expect(mentions('it', "La Roma di Claudio Ranieri ha battuto il Lecce 4-1 all'Olimpico.")).toEqual(expect.arrayContaining(['organisation:Roma=Roma', 'person:Claudio Ranieri=Claudio Ranieri']));
    expect(mentions('pt', 'O Porto de Vítor Bruno empatou em Guimarães.')).toEqual(expect.arrayContaining(['organisation:Porto=Porto', 'person:Vítor Bruno=Vítor Bruno']));
    expect(mentions('it', "L'esonero determinò l'arrivo a Cosenza di Gianni Di Marzio.")).toContain('place:Cosenza=Cosenza');
  });

  it('a Dutch portfolio of two words names no one, a name after it stays; a name ending on a known town is its club', () => {
    expect(mentions('nl', 'Dat zei minister Marjolein Faber van Asiel en Migratie.')).toEqual(['person:Marjolein Faber=Marjolein Faber']);
    expect(mentions('nl', 'De minister van Defensie Ruben Brekelmans sprak.')).toEqual(['person:Ruben Brekelmans=Ruben Brekelmans']);
    expect(mentions('nl', 'Na de wedstrijd van Ajax tegen Maccabi Tel Aviv werden supporters aangevallen.')).toContain('organisation:Maccabi Tel Aviv=Maccabi Tel Aviv');
  });

  it('a known figure read as a town and a surname is the one person; a club named for its town "de" the town is one club', () => {
    expect(mentions('es', 'El líder de Vox, Santiago Abascal, y la presidenta coincidieron.')).toEqual(['organisation:Vox=Vox', 'person:Santiago Abascal=Santiago Abascal']);
    expect(mentions('es', 'El Real Zaragoza perdió ante el Racing de Santander.')).toContain('organisation:Racing de Santander=Racing de Santander');
  });

  it('Swiss, Belgian and Quebec bodies French copy names', () => {
    expect(mentions('fr', "L'UDC a salué ce choix. La Caisse de dépôt et placement du Québec a enregistré un rendement.")).toEqual([
      'organisation:UDC=Union démocratique du centre',
      'organisation:Caisse de dépôt et placement du Québec=Caisse de dépôt et placement du Québec',
    ]);
  });

  it('names joined by "and" or commas before a bracketed acronym of all their initials are one body', () => {
    expect(mentions('es', 'La Secretaría de Hacienda y Crédito Público (SHCP) presentó el paquete. La SHCP dijo que crecerá.')).toEqual([
      'organisation:Secretaría de Hacienda y Crédito Público=Secretaría de Hacienda y Crédito Público',
      'organisation:SHCP=Secretaría de Hacienda y Crédito Público',
      'organisation:SHCP=Secretaría de Hacienda y Crédito Público',
    ]);
    expect(mentions('pt', 'O Ministério da Ciência, Tecnologia e Inovação (MCTI) anunciou.')[0]).toBe('organisation:Ministério da Ciência, Tecnologia e Inovação=Ministério da Ciência, Tecnologia e Inovação');
  });

  it('a body opened by its head word runs on through "de" and lower-case words to a bracketed acronym of another language', () => {
    expect(mentions('fr', "Le séisme a frappé Hualien, selon l'Institut américain de géophysique (USGS).").slice(1)).toEqual([
      'organisation:Institut américain de géophysique=Institut américain de géophysique',
      'organisation:USGS=Institut américain de géophysique',
    ]);
    // In French the lower-case tail is the name's without the acronym too (bodiesWithLowerCaseTails).
    expect(mentions('fr', "Selon l'Institut américain de géophysique, le séisme était fort.")).toEqual(['organisation:Institut américain de géophysique=Institut américain de géophysique']);
  });

  it('a first-named name set off by a comma after an office and its body is the holder, whatever the tagger typed', () => {
    expect(mentions('es', 'La portavoz del Gobierno, Pilar Alegría, les acusó de bloquear los presupuestos.')).toContain('person:Pilar Alegría=Pilar Alegría');
    // The office alone before the comma ("place" before).
    expect(mentions('es', 'El aviso llegó temprano, según recordó su portavoz, Rubén del Campo.')).toContain('person:Rubén del Campo=Rubén del Campo');
  });

  it('a tagged place or body ends before "en"/"in" read as a preposition; regional parliaments are bodies', () => {
    expect(mentions('fr', 'Le PSG recevra Gérone mercredi au Parc des Princes en Ligue des champions.')).toContain('place:Parc des Princes=Parc des Princes');
    expect(mentions('es', 'El presidente compareció ante las Cortes Valencianas y reconoció errores.')).toEqual(['organisation:Cortes Valencianas=Corts Valencianes']);
    // Dutch "en" is "and", inside a ministry's name.
    expect(mentions('nl', 'Het Ministerie van Verkeer en Waterstaat keurde het plan goed.')).toContain('organisation:Ministerie van Verkeer en Waterstaat=Ministerie van Verkeer en Waterstaat');
  });

  it('French sports copy: a town in a team\'s role is its club; a city-state\'s side stays the country', () => {
    const text = 'Lens a battu Lyon 2-0, et Marseille s\'est imposé face à Nice. Plus tard, match amical face à Singapour.';
    const types = mentions('fr', text).map((m) => m.split('=')[0]);
    expect(types).toEqual(expect.arrayContaining(['organisation:Lens', 'organisation:Lyon', 'organisation:Marseille', 'organisation:Nice', 'place:Singapour']));
    // Outside sports copy the town stays a town.
    expect(mentions('fr', 'Le ministre a battu le rappel de ses troupes à Lyon.')).toEqual(['place:Lyon=Lyon']);
  });

  it('a body in capitals alone in brackets stands where the tagger missed it; a republic tagged a body ends the body before it', () => {
    expect(mentions('fr', "Le Haut-Commissariat de l'ONU pour les réfugiés (HCR) a appelé à soutenir le Liban.").map((m) => m.split('=')[0])).toContain('organisation:HCR');
    expect(mentions('fr', 'Il a été entendu par la Cour de justice de la République.')).toEqual(['organisation:Cour de justice de la République=Cour de justice de la République']);
  });

  it('a name with a bracketed acronym and no first name is a body; a person\'s brackets hold a party', () => {
    expect(mentions('es', 'El Gobierno enviará una reforma para fortalecer a Petróleos Mexicanos (Pemex) este año.').slice(1)).toEqual([
      'organisation:Petróleos Mexicanos=Petróleos Mexicanos',
      'organisation:Pemex=Petróleos Mexicanos',
    ]);
    expect(mentions('es', 'Lo dijo Felipe González (PSOE) en su conferencia.')).toEqual(['person:Felipe González=Felipe González', 'organisation:PSOE=PSOE']);
  });

  it('a lower-case adjective before a known body is no part of its name', () => {
    expect(mentions('fr', "Des pluies ont frappé Valence, selon l'agence météorologique Aemet.")).toEqual(['place:Valence=Valence', 'organisation:Aemet=AEMET']);
  });

  it('a sentence\'s first word before a known body is no first name of a person', () => {
    expect(mentions('pt', 'Acionistas Uber vendem ações com desconto mas alguns ganham muito.')).toEqual(['organisation:Uber=Uber']);
  });

  it('a club written as its nickname "of" its town is one body; a league\'s name ends on its sport', () => {
    expect(mentions('fr', "Les Sénateurs d'Ottawa ont battu les Oilers d'Edmonton 3-2.")).toEqual([
      "organisation:Sénateurs d'Ottawa=Sénateurs d'Ottawa",
      "organisation:Oilers d'Edmonton=Edmonton Oilers",
    ]);
    // Not outside sports copy, nor without a plural article before the word.
    expect(mentions('fr', 'Les habitants de Paris ont voté.')).toEqual(['place:Paris=Paris']);
    expect(mentions('fr', 'Il joue dans la Ligue nationale de hockey depuis 2010.')).toEqual(['organisation:Ligue nationale de hockey=Ligue nationale de hockey']);
    expect(mentions('fr', "Il a joué dans la Ligue de hockey de l'Ontario.")).toEqual(["organisation:Ligue de hockey de l'Ontario=Ligue de hockey de l'Ontario"]);
  });

  it('German: a noun that also names a town is the noun before a genitive article', () => {
    expect(mentions('de', 'Mitte der 1990er Jahre zog er nach Berlin.')).toEqual(['place:Berlin=Berlin']);
    // A sentence's opening possessive before an inflected adjective is no river either.
    expect(mentions('de', 'Seine erste Single erschien 1999.')).toEqual([]);
    expect(mentions('de', 'Er wohnt in Norden und arbeitet in Essen.')).toEqual(['place:Norden=Norden', 'place:Essen=Essen']);
  });

  it('a club the gazetteer knows, and knows as no place, is the club where the tagger read a place', () => {
    expect(mentions('it', 'Nel 1999 corse con la Ferrari e poi con la Sauber.')).toEqual(['organisation:Ferrari=Ferrari', 'organisation:Sauber=Kick Sauber']);
  });

  it('a day or a month after a particle ends a name the tagger ran on into it', () => {
    expect(mentions('de', 'Das teilte die Hafen Hamburg Marketing am Mittwoch mit.')).toEqual(['place:Hamburg=Hamburg']);
  });

  it('a common word written with an accent is no body named without it', () => {
    // "Über" folds to the company Uber; the preposition it is says nothing about Uber.
    expect(mentions('de', 'Über das Programm stimmen die Teilnehmer selbst ab.')).toEqual([]);
    expect(mentions('de', 'Der Fahrdienst Uber verlor vor Gericht.')).toEqual(['organisation:Uber=Uber']);
    // Nor is a word the text writes in lower case a place whose every name has an accent ("Para" is not Pará).
    expect(mentions('es', 'Para ello, el Gobierno aprobó un plan para la región.')).toEqual(['organisation:Gobierno=Gobierno']);
    expect(mentions('es', 'El gobernador de Pará habló.')).toEqual(['place:Pará=Pará']);
    // A Portuguese contraction opening a sentence is no company either.
    expect(mentions('pt', 'Neste ano, a empresa cresceu cinco por cento.')).toEqual([]);
    expect(mentions('pt', 'A finlandesa Neste anunciou lucro.')).toEqual(['organisation:Neste=Neste']);
  });

  it('German sports copy: a town in a team\'s role is its club too', () => {
    const types = mentions('de', 'Der FC Bayern spielte 1:1 gegen Leverkusen. Stuttgart gewann gegen Dortmund 3:1.').map((m) => m.split('=')[0]);
    expect(types).toEqual(['organisation:FC Bayern', 'organisation:Leverkusen', 'organisation:Stuttgart', 'organisation:Dortmund']);
    expect(mentions('de', 'Die Kanzlerin protestierte gegen Berlin.')).toEqual(['place:Berlin=Berlin']);
    // After a preposition of place, at a sentence's start too, the town is where the match was, whatever verb follows.
    expect(mentions('de', 'In München gewann der FC Bayern gegen Borussia Dortmund mit 2:1.').map((m) => m.split('=')[0])).toEqual(['place:München', 'organisation:FC Bayern', 'organisation:Borussia Dortmund']);
  });

  it('US states as each language names them; a German compound ending in a role noun is no one', () => {
    expect(mentions('es', 'La central nuclear está en Carolina del Norte.')).toEqual(['place:Carolina del Norte=North Carolina']);
    expect(mentions('fr', 'Des tornades ont frappé la Floride et la Virginie.')).toEqual(['place:Floride=Florida', 'place:Virginie=Virginia']);
    expect(mentions('de', 'Die Grünen-Fraktionschefin Katharina Dröge verteidigte die Bilanz.')).toEqual(['person:Katharina Dröge=Katharina Dröge']);
  });
});

describe('Feasts named like towns', () => {
  it('reads "festas de Natal", "no Natal", "À Noël" as the feast, and Natal the city after "em" or a town\'s body', () => {
    const places = (text: string, language: string) => extractEntities(text, { language }).places.map((p) => p.name);
    expect(places('A PSP deteve 800 pessoas nas festas de Natal. No Natal, as famílias reúnem-se em Lisboa.', 'pt')).toEqual(['Lisbon']);
    expect(places('A prefeitura de Natal anunciou obras. Choveu em Natal.', 'pt')).toEqual(['Natal']);
    expect(places('À Noël, les familles se réunissent à Strasbourg.', 'fr')).toEqual(['Strasbourg']);
  });
});

describe('Tagger spans opening on a particle', () => {
  it('drops the particle, and a lone town the tagger called a body outside sport is the town', () => {
    const e = extractEntities('Le marché de Noël de Colmar ouvre vendredi.', { language: 'fr' });
    expect([e.organisations.map((o) => o.name), e.places.map((p) => p.name)]).toEqual([[], ['Colmar']]);
  });

  it('ends a place before an article that opens the next clause', () => {
    const e = extractEntities('A Piazza Affari il Ftse Mib ha chiuso in rialzo, trainato da Stellantis.', { language: 'it' });
    expect(e.places.map((p) => p.name)).toEqual(['Piazza Affari']);
  });

  it('opens a tagged person on a first name of any language before it', () => {
    const e = extractEntities('Bayern-Trainer Vincent Kompany lobte Jamal Musiala nach dem Sieg in Leipzig.', { language: 'de' });
    expect(e.people.map((p) => p.name)).toEqual(['Vincent Kompany', 'Jamal Musiala']);
  });
});

describe('Dates in datelines and goal scorers', () => {
  it('reads a capitalised month in an EFE dateline as no name, and the word after "gol de" as the scorer', () => {
    const e = extractEntities('MADRID, 5 Dic (EFE).- El Tribunal Supremo ha confirmado la condena.', { language: 'es' });
    expect([e.people.map((p) => p.name), e.organisations.map((o) => o.name)]).toEqual([[], ['EFE', 'Tribunal Supremo']]);
    const goal = extractEntities('El Barça empató 1-1 en Mestalla ante el Valencia, con un gol de Lewandowski.', { language: 'es' });
    expect([goal.people.map((p) => p.name), goal.places.map((p) => p.name)]).toEqual([['Robert Lewandowski'], ['Mestalla']]);
    // A scorer the tagger read nothing in is the scorer too, particles and all; "y" joins the next one.
    const goals = extractEntities('El Real Madrid venció 3-0 al Getafe con goles de Jude Bellingham y Kylian Mbappé.', { language: 'es' });
    expect(goals.people.map((p) => p.name)).toEqual(['Jude Bellingham', 'Kylian Mbappé']);
    expect(extractEntities('El Ajax ganó con un gol de Siem de Jong.', { language: 'es' }).people.map((p) => p.name)).toEqual(['Siem de Jong']);
  });
});

describe('speakers and the names the press gives countries', () => {
  it('reads a lone unknown word after a speech verb, before the full stop, as the person speaking, in any tagged language', () => {
    expect(extractEntities('En Chine, les cheveux sont placés dans un bain chimique, explique Tarlo.', { language: 'fr' }).people.map((p) => p.name)).toEqual(['Tarlo']);
    expect(extractEntities('Es posible tener niveles normales de hemoglobina, dijo Mailis.', { language: 'es' }).people.map((p) => p.name)).toEqual(['Mailis']);
    // Present tense too, as feature copy writes it.
    expect(extractEntities('En China, el pelo se coloca en un baño químico, explica Tarlo.', { language: 'es' }).people.map((p) => p.name)).toEqual(['Tarlo']);
    // The auxiliary of "a dit" is no speech verb: the republic has received, nobody spoke.
    const republic = extractEntities('Le président de la République a reçu le Premier ministre.', { language: 'fr' });
    expect(republic.people).toEqual([]);
  });

  it('links the short name a language gives a country (CLDR), and leaves a town the name it already had', () => {
    const code = (language: string, text: string, surface: string) => extractEntities(text, { language }).places.find((p) => p.surfaceForms.includes(surface))?.countryCode;
    expect(code('fr', 'Trudeau invitera le président des États-Unis.', 'États-Unis')).toBe('US');
    expect(code('fr', 'Les Etats-Unis ont répondu.', 'Etats-Unis')).toBe('US');
    expect(code('es', 'Dos golfistas jugaron en Corea del Norte.', 'Corea del Norte')).toBe('KP');
    expect(code('es', 'El conflicto en Siria continúa.', 'Siria')).toBe('SY');
    expect(code('it', 'Il presidente degli Stati Uniti è arrivato.', 'Stati Uniti')).toBe('US');
    // French CLDR calls El Salvador "Salvador": the Brazilian city keeps that name.
    expect(code('fr', 'Le carnaval de Salvador attire des foules.', 'Salvador')).toBe('BR');
  });

  it('reads a sentence\'s capitalised article and a common noun as no newspaper ("Le monde", "El país")', () => {
    const orgs = (language: string, text: string) => extractEntities(text, { language }).organisations.map((o) => o.name);
    expect(orgs('fr', 'Le monde connaît une pénurie de main-d\'œuvre qualifiée.')).toEqual([]);
    expect(orgs('es', 'El país vive una crisis sin precedentes.')).toEqual([]);
    expect(orgs('fr', 'Selon Le Monde, le plan est prêt.')).toEqual(['Le Monde']);
    expect(orgs('es', 'Según El País, la crisis sigue.')).toEqual(['El País']);
    // A name the gazetteer writes in lower case keeps its lower-case words.
    expect(orgs('fr', 'Le Fonds monétaire international a publié ses prévisions.')).toEqual(['International Monetary Fund']);
  });

  it('reads an English body\'s name in French, Spanish or German copy as one body, not a place and a fragment', () => {
    const orgs = (language: string, text: string) => extractEntities(text, { language }).organisations.map((o) => o.surfaceForms[0]);
    expect(orgs('fr', 'Catalano a étudié la création de bijoux à la Glasgow School of Art.')).toEqual(['Glasgow School of Art']);
    expect(orgs('es', 'Es embajador global de la New York City Health and Hospitals Corporation.')).toEqual(['New York City Health and Hospitals Corporation']);
    expect(orgs('de', 'Die Kunden der Bank of Scotland erhalten 3 Prozent, sagt die Canadian Blood Services.')).toEqual(['Bank of Scotland', 'Canadian Blood Services']);
    // The language's own names are the tagger's: no English head word, or not English words.
    expect(orgs('fr', 'Air France et la Deutsche Bank.')).toEqual(['Air France', 'Deutsche Bank']);
  });

  it('ends a German person before "von der" and a common noun, where she is from, not her name', () => {
    const people = extractEntities('Das sagte Anna von der Polizei am Montag. Ein Schmerzmittel, sagte Dietrich von der Hauptgeschäftsstelle. Ursula von der Leyen kam auch, mit Karl von Habsburg.', { language: 'de' }).people.map((p) => p.name);
    expect(people).toEqual(['Anna', 'Dietrich', 'Ursula von der Leyen', 'Karl von Habsburg']);
  });

  it('reads one word in capitals as no person, whatever the tagger says', () => {
    const e = extractEntities('Aber es scheint, dass BA und IAG die Lösung gefunden haben.', { language: 'de' });
    expect(e.people).toEqual([]);
  });
});

describe('short names in capitals', () => {
  const orgs = (language: string, text: string) => extractEntities(text, { language }).organisations.map((o) => o.surfaceForms[0]);

  it('reads a word in capitals that no list knows as a body, in every language with a tagger', () => {
    expect(orgs('fr', 'Le CRTC a approuvé la vente. Selon la RSPB, le nombre a chuté.')).toEqual(['CRTC', 'RSPB']);
    expect(orgs('es', 'Según la BA, los vuelos se cancelaron, y el portavoz de RIM lo confirmó.')).toEqual(['BA', 'RIM']);
    expect(orgs('de', 'Die NADA ermittelt. Der Vertrag der KHG wurde gekündigt.')).toEqual(['NADA', 'KHG']);
  });

  it('leaves out numerals, things, measures and currencies in capitals, and a short name that is part of a longer one', () => {
    expect(orgs('it', 'Nel XIX secolo la città crebbe, come il PIB.')).toEqual([]);
    expect(orgs('es', 'Compró un DVD por 20 USD y un PC nuevo.')).toEqual([]);
    expect(orgs('de', 'Die Lücke in PHP betrifft auch Server mit HTTPS.')).toEqual([]);
    expect(extractEntities('The page is written in HTML.', { language: 'en' }).places).toEqual([]);
    expect(orgs('de', 'Der Trainer der TSG 1899 kam, und RTL II sendete live.')).not.toContain('TSG');
  });
});

describe('clubs named with a club\'s letters after the town', () => {
  it('reads the town and the letters as one club ("Grazer AK", "Huddinge IF", "Ängelholms FF")', () => {
    const orgs = (language: string, text: string) => extractEntities(text, { language }).organisations.map((o) => o.surfaceForms[0]);
    expect(orgs('en', 'He joined Molde FK and later Grazer AK, then Huddinge IF and Ängelholms FF.')).toEqual(['Molde FK', 'Grazer AK', 'Huddinge IF', 'Ängelholms FF']);
    expect(orgs('de', 'Dann wechselte er zu Huddinge IF und Ängelholms FF.')).toEqual(['Huddinge IF', 'Ängelholms FF']);
  });
});

describe('Earth, its Moon and the planets', () => {
  const places = (language: string, text: string) => extractEntities(text, { language }).places.map((p) => p.surfaceForms[0]);

  it('reads them as places after an article or a preposition, in every language', () => {
    expect(places('es', 'La sonda dejó la órbita de la Tierra y voló a Marte.')).toEqual(['Tierra', 'Marte']);
    expect(places('fr', 'La sonde a quitté la Terre pour aller sur Mars et la Lune.')).toEqual(['Terre', 'Mars', 'Lune']);
    expect(places('de', 'Die Sonde verließ die Erde und flog zum Mars.')).toEqual(['Erde', 'Mars']);
    expect(places('en', 'The rover landed on Mars, far from Earth.')).toEqual(['Mars', 'Earth']);
  });

  it('leaves the company, the singer and the body a text names otherwise what they are', () => {
    const e = extractEntities('Candy maker Mars agreed to buy Kellanova, said the chief executive of Mars. Bruno Mars sang.', { language: 'en' });
    expect(e.places).toEqual([]);
    expect(e.organisations.map((o) => o.name)).toContain('Mars');
  });
});

describe('more reporting verbs', () => {
  it('reads a lone name before or after a French or Spanish reporting verb as the person speaking', () => {
    const people = (language: string, text: string) => extractEntities(text, { language }).people.map((p) => p.name);
    expect(people('es', 'Caplan descarta el voto de castigo.')).toEqual(['Caplan']);
    expect(people('fr', 'Caplan réfute les votes a posteriori.')).toEqual(['Caplan']);
  });
});

describe('races', () => {
  it('reads a race named whole by the tagger as no place and no body', () => {
    const e = extractEntities('La gara del Gran Premio di Gran Bretagna fu vinta dal pilota di casa.', { language: 'it' });
    expect([...e.places, ...e.organisations].map((x) => x.name)).toEqual([]);
  });
});

describe('Portuguese word lists', () => {
  it('reads a speaker after a Portuguese speech verb and a name after a Portuguese title as people', () => {
    const people = (text: string) => extractEntities(text, { language: 'pt' }).people.map((p) => p.name);
    expect(people('Este é um desastre para os pacientes, disse Mailis, em uma entrevista.')).toEqual(['Mailis']);
    expect(people('No Brasil, o cabelo é colocado em um banho químico, explica Tarlo.')).toEqual(['Tarlo']);
    expect(people('A Sra. Pugh foi tratada no hospital.')).toEqual(['Pugh']);
  });
});

describe('single letters and plurals', () => {
  it('reads no single letter as a name, whatever the tagger says ("2° C.")', () => {
    const e = extractEntities('Les températures sous le seuil de 2° C. De nombreux scientifiques disent que.', { language: 'fr' });
    expect([...e.people, ...e.organisations, ...e.places]).toEqual([]);
  });

  it('reads an English plural opening a sentence before a market verb as the noun it is', () => {
    const orgs = extractEntities('Temperatures rose 2C. Exports jumped. Apple rose 2%.', { language: 'en' }).organisations.map((o) => o.name);
    expect(orgs).toEqual(['Apple']);
  });
});

describe("a company's arm in a country", () => {
  it('reads a known company or broadcaster and the country after it as one body', () => {
    const orgs = (language: string, text: string) => extractEntities(text, { language }).organisations.map((o) => o.name);
    expect(orgs('en', 'Someone in Sony Australia noticed it. BBC Scotland reported it.')).toEqual(['Sony Australia', 'BBC Scotland']);
    expect(orgs('es', 'Google España fue multada.')).toEqual(['Google España']);
    // The country after a comma is where the company is.
    expect(extractEntities('Sony, Australia and Japan agreed.', { language: 'en' }).places.map((p) => p.name)).toContain('Australia');
  });
});

describe('German dative of a plural country', () => {
  it('reads "in den Niederlanden" as the Netherlands', () => {
    const places = extractEntities('Er lebte lange in den Niederlanden.', { language: 'de' }).places;
    expect(places.map((p) => [p.surfaceForms[0], p.countryCode])).toEqual([['Niederlanden', 'NL']]);
  });
});

describe('ministries written in lower case', () => {
  it('reads the head word, its field and the fields joined on as one body, not a place', () => {
    const e = extractEntities("Le ministère de l'Économie et des Finances a publié. Selon le ministère des Affaires étrangères, c'est faux.", { language: 'fr' });
    expect(e.organisations.map((o) => o.name)).toEqual(["ministère de l'Économie et des Finances", 'ministère des Affaires étrangères']);
    expect(e.places).toEqual([]);
    expect(extractEntities('El ministerio de Sanidad y Consumo lo aprobó.', { language: 'es' }).organisations.map((o) => o.name)).toEqual(['ministerio de Sanidad y Consumo']);
    expect(extractEntities('Le ministère de la Justice et Emmanuel Macron ont signé.', { language: 'fr' }).people.map((p) => p.name)).toEqual(['Emmanuel Macron']);
  });
});

describe('French bodies named on in lower case', () => {
  it('reads the lower-case tail after a body\'s head word as part of its name, and no determiner', () => {
    const orgs = (text: string) => extractEntities(text, { language: 'fr' }).organisations.map((o) => o.name);
    expect(orgs("Le Conseil supérieur de l'audiovisuel a réagi. L'Agence nationale de sécurité du médicament aussi.")).toEqual(["Conseil supérieur de l'audiovisuel", 'Agence nationale de sécurité du médicament']);
    expect(orgs('La Commission européenne de son côté a réagi.')).toEqual(['European Commission']);
  });
});

describe('countries by their full names', () => {
  it('reads a republic named in full as one place, in every language', () => {
    const places = (language: string, text: string) => extractEntities(text, { language }).places.map((p) => p.surfaceForms[0]);
    expect(places('es', 'Es parte de la República Popular de China.')).toEqual(['República Popular de China']);
    expect(places('fr', "Ils ont visité la République islamique d'Iran.")).toEqual(["République islamique d'Iran"]);
    expect(places('de', 'Die Kämpfe in der Demokratischen Republik Kongo gehen weiter.')).toEqual(['Demokratischen Republik Kongo']);
    expect(places('en', "They swear allegiance to the People's Republic of China.")).toEqual(["People's Republic of China"]);
  });
});

describe("a town's districts and the regions other languages name", () => {
  const places = (language: string, text: string) => extractEntities(text, { language }).places.map((p) => p.surfaceForms[0]);

  it('reads a known town, a hyphen and a district as one place, not a compound of the town and a word', () => {
    expect(places('de', 'Die Polizei in Berlin-Mitte nahm zwei Männer fest. In Münster-Nord brannte es.')).toEqual(['Berlin-Mitte', 'Münster-Nord']);
    expect(places('nl', 'De politie in Amsterdam-Noord meldde een brand.')).toEqual(['Amsterdam-Noord']);
    expect(places('de', 'Beim Berlin-Besuch des Präsidenten und auf der Paris-Reise wurde die Firma Berlin-Chemie gelobt.')).toEqual([]);
  });

  it('reads German "Mitte 2009" as a time and "Richtung Norden" as a direction, and the district and the town as places', () => {
    expect(places('de', 'Der Vertrag läuft Mitte 2009 aus. Mitte der 1990er Jahre zog er weg. Bis Mitte März bleibt es so.')).toEqual([]);
    expect(places('de', 'Der Verkehr staute sich in Richtung Norden. Im Norden regnet es.')).toEqual([]);
    expect(places('de', 'Die Polizei in Mitte ermittelt. Er wohnt in Norden.')).toEqual(['Mitte', 'Norden']);
  });

  it('reads no place inside a cup, a festival, the Olympics or a race named for it, nor in a counted German plural', () => {
    expect(places('fr', 'Il dispute la Copa América de 2001. Il gagne la Coupe Stanley. Présenté au Festival de Cannes 1995, il vit à Cannes.')).toEqual(['Cannes']);
    expect(places('it', 'Vince la Coppa Italia a Roma.')).toEqual(['Roma']);
    const mentions = extractEntityMentions('En los Juegos Olímpicos de Río de Janeiro 2016 ganó, y en las 500 Millas de Indianápolis. Vive en Río de Janeiro.', { language: 'es' });
    expect(mentions.map((m) => `${m.type}:${m.surface}@${m.start}`)).toEqual(['place:Río de Janeiro@98']);
    expect(places('de', 'Nach nur drei Siegen aus zwölf Spielen ging er. Er studierte in Siegen.')).toEqual(['Siegen']);
    expect(extractEntityMentions('Zum ersten Male sah er das Meer. Er flog nach Male.', { language: 'de' }).map((m) => m.start)).toEqual([46]);
  });

  it('reads a continent, a country or a region and "of the" compass point as one place, linked only where the gazetteer knows it whole', () => {
    expect(places('fr', "Il vit en Afrique du Nord et en Europe de l'Ouest, puis en Allemagne de l'Ouest.")).toEqual(['Afrique du Nord', "Europe de l'Ouest", "Allemagne de l'Ouest"]);
    const linked = extractEntities('Vive en África del Norte y en Corea del Sur.', { language: 'es' }).places.map((p) => `${p.surfaceForms[0]}=${p.name}`);
    expect(linked).toEqual(['África del Norte=África del Norte', 'Corea del Sur=South Korea']);
  });

  it('reads no scripture as a place, and no elided article as a body', () => {
    expect(places('es', 'Citó el Corán y la Biblia en El Cairo.')).toEqual(['El Cairo']);
    expect(places('fr', 'Il a cité le Coran au Caire.')).toEqual(['Caire']);
    expect(extractEntities('Il vit là. À l’ ouest, elle est présente.', { language: 'fr' }).organisations).toEqual([]);
  });

  it("knows the UK's nations, former states, seas, breakaway regions, mountains, a river and a province by their names in French, Spanish and German", () => {
    expect(places('de', 'Der Konflikt um Südossetien und Abchasien hält an, auch im Kaukasus und am Nil.')).toEqual(['Südossetien', 'Abchasien', 'Kaukasus', 'Nil']);
    expect(places('fr', "La Tchétchénie et l'Ossétie du Sud. La police de la Colombie-Britannique a réagi.")).toEqual(['Tchétchénie', 'Ossétie du Sud', 'Colombie-Britannique']);
    expect(places('es', 'Las tropas en Transnistria y Abjasia.')).toEqual(['Transnistria', 'Abjasia']);
    const linked = (language: string, text: string) => extractEntities(text, { language }).places.map((p) => `${p.surfaceForms[0]}=${p.name}`);
    expect(linked('de', 'Die Wahl in Schottland und Nordirland erinnerte an die Sowjetunion. Urlaub am Mittelmeer und an der Ostsee.')).toEqual([
      'Schottland=Scotland',
      'Nordirland=Northern Ireland',
      'Sowjetunion=Soviet Union',
      'Mittelmeer=Mediterranean',
      'Ostsee=Baltic',
    ]);
    expect(linked('fr', "L'Écosse et l'Irlande du Nord votent. La Tchécoslovaquie.")).toEqual(['Écosse=Scotland', 'Irlande du Nord=Northern Ireland', 'Tchécoslovaquie=Czechoslovakia']);
    expect(linked('es', 'Escocia e Irlanda del Norte votan en los Pirineos.')).toEqual(['Escocia=Scotland', 'Irlanda del Norte=Northern Ireland', 'Pirineos=Pyrenees']);
    expect(linked('de', 'Die Krise in Nahost und in Lateinamerika.')).toEqual(['Nahost=Middle East', 'Lateinamerika=Latin America']);
    expect(linked('fr', "Le Moyen-Orient et l'Amérique latine.")).toEqual(['Moyen-Orient=Middle East', 'Amérique latine=Latin America']);
    // Not the Jupiter moon Europa, nor Ayrton Senna: no alias "Europa" or "Senna".
    expect(linked('en', 'The Europa Clipper will study Jupiter.')).toEqual(['Jupiter=Jupiter']);
    // "B.C." is also the era: no alias there.
    expect(places('en', 'The temple was built in 300 B.C. by the king.')).toEqual([]);
  });

  it("knows France's departments, Germany's states, islands and Great Britain by each language's names", () => {
    const linked = (language: string, text: string) => extractEntities(text, { language }).places.map((p) => `${p.surfaceForms[0]}=${p.name}`);
    expect(linked('fr', 'Des incendies en Gironde et dans les Bouches-du-Rhône ; la Grande-Bretagne envoie des avions.')).toEqual([
      'Gironde=Gironde',
      'Bouches-du-Rhône=Bouches-du-Rhône',
      'Grande-Bretagne=United Kingdom',
    ]);
    expect(linked('fr', 'Les élections en Saxe-Anhalt et en Rhénanie-Palatinat.')).toEqual(['Saxe-Anhalt=Saxony-Anhalt', 'Rhénanie-Palatinat=Rhineland-Palatinate']);
    expect(linked('es', 'Los incendios de Nueva Gales del Sur llegaron a Tasmania.')).toEqual(['Nueva Gales del Sur=New South Wales', 'Tasmania=Tasmania']);
    expect(linked('it', 'Il governo della Gran Bretagna ha deciso.')).toEqual(['Gran Bretagna=United Kingdom']);
    // Departments whose names are words elsewhere stay out: Landes (German "des Landes"), Somme ("Somme toute"), Var ("VAR").
    expect(places('de', 'Die Regierung des Landes schweigt.')).toEqual([]);
  });
});

describe('chambers and seats of power by their names in other languages', () => {
  it("reads Britain's and America's chambers and the Pentagon as the English entries' bodies", () => {
    const orgs = (language: string, text: string) => extractEntities(text, { language }).organisations.map((o) => `${o.surfaceForms[0]}=${o.name}`);
    expect(orgs('fr', 'La Chambre des communes a voté. Le Pentagone a confirmé.')).toEqual(['Chambre des communes=House of Commons', 'Pentagone=Pentagon']);
    expect(orgs('es', 'La Cámara de Representantes aprobó la ley.')).toEqual(['Cámara de Representantes=House of Representatives']);
    expect(orgs('de', 'Das Europaparlament stimmte zu.')).toEqual(['Europaparlament=European Parliament']);
    // Spanish names the US parties by their members, in the plural ("los Demócratas"); German's "des Demokraten Bill
    // Foster" is one member, so German has no such alias.
    expect(orgs('es', 'Los Demócratas y los Republicanos votaron.')).toEqual(['Demócratas=Democratic Party', 'Republicanos=Republican Party']);
  });
});

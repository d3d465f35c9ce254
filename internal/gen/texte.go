package gen

// The words the generated concept is made of: a fictional Landkreis Emsmoor
// with towns, offices, associations and people, and for each field of action
// the titles, goals, indicators and sentences it draws from.

const (
	traeger = "Landkreis Emsmoor"
	titel   = "Integrationskonzept des Landkreises Emsmoor"
)

// orte are the towns of the county.
var orte = []string{
	"Hasebrück", "Großenmoor", "Süderwiek", "Lähdingen", "Dörpenmoor", "Bückeloh",
	"Wesuwe", "Sögelhausen", "Haselünne-Nord", "Twistmoor", "Börgerwald", "Rütenbrock",
	"Fleeste", "Klein Berßen", "Herzlake", "Groß Hesepe", "Dalum", "Wietmarschen-Süd",
	"Spelle", "Freren", "Lünne", "Emsbüren", "Salzbergen", "Geeste",
}

// zielgruppen are the people a measure addresses, for the titles.
var zielgruppen = []string{
	"Frauen mit kleinen Kindern", "junge Geflüchtete", "Zugewanderte aus EU-Staaten",
	"Saisonarbeitskräfte in der Landwirtschaft", "ältere Zugewanderte", "Auszubildende mit Fluchtgeschichte",
	"Eltern von Schulkindern", "Pflegefachkräfte aus dem Ausland", "unbegleitete minderjährige Geflüchtete",
	"Beschäftigte der fleischverarbeitenden Industrie",
}

// zusaetze qualify a measure title; %s is a town or a group.
var zusaetzeOrt = []string{" im Nordkreis", " im Südkreis", " in %s", " – Pilotprojekt in %s", " (Ausweitung auf alle Samtgemeinden)"}

var zusaetzeGruppe = []string{" für %s", " mit besonderem Blick auf %s"}

// feldVorlage is what a field of action is written from.
type feldVorlage struct {
	id, prefix, titel string
	ausgangslage      string
	kerne             []string // cores of measure titles
	ziele             []string // goal sentences
	indikatoren       []string
	saetze            []string // sentences of descriptions
}

var feldVorlagen = []feldVorlage{
	{
		id: "sprache", prefix: "SP", titel: "Sprache und Bildung",
		ausgangslage: `Im Landkreis Emsmoor leben rund 330.000 Menschen, davon gut 41.000 (12,4 %) mit
ausländischer Staatsangehörigkeit. 2024 haben 2.480 Personen bei sieben Kursträgern einen
Integrationskurs begonnen; die Wartezeit bis zum Kursbeginn lag im Nordkreis bei durchschnittlich
**15 Wochen**.

An den allgemeinbildenden Schulen lernen 2.950 Schülerinnen und Schüler in Sprachlernklassen oder
mit zusätzlichem Förderunterricht Deutsch als Zweitsprache. 2024 verließen 13,9 % der ausländischen
Jugendlichen die Schule ohne Abschluss, gegenüber 5,4 % insgesamt.`,
		kerne: []string{
			"Kinderbeaufsichtigung parallel zu Integrationskursen",
			"Integrationskursträgerkonferenz zur kreisweiten Kursplanung",
			"Berufssprachkurse in Teilzeit",
			"Alphabetisierungskurse für Erwachsene",
			"Sprachcafés und Sprachpatenschaften",
			"Sprachlernklassen an weiterführenden Schulen",
			"Mehrsprachige Bildungsberatung",
			"Hausaufgabenhilfe mit Lernpatinnen und Lernpaten",
			"Digitale Lernplattform für Deutsch als Zweitsprache",
			"Fortbildungsreihe Deutsch als Zweitsprache für Lehrkräfte",
			"Herkunftssprachlicher Unterricht in Türkisch, Polnisch und Ukrainisch",
			"Sprachförderkoordinierungsstelle des Landkreises",
			"Elternabende mit Sprachmittlung",
		},
		ziele: []string{
			"Integrationskurse und berufsbezogene Sprachkurse sind im ganzen Kreisgebiet ohne lange Wartezeit erreichbar.",
			"Kinder und Jugendliche mit Zuwanderungsgeschichte erreichen die gleichen Schulabschlüsse wie ihre Mitschülerinnen und Mitschüler.",
			"Erwachsene ohne ausreichende Lese- und Schreibkenntnisse finden ein passendes Alphabetisierungsangebot.",
			"Sprachförderung ist mit Arbeit und Familie vereinbar.",
			"Lehrkräfte sind für den Unterricht in mehrsprachigen Klassen qualifiziert.",
			"Mehrsprachigkeit wird als Ressource anerkannt.",
		},
		indikatoren: []string{
			"Durchschnittliche Wartezeit bis zum Kursbeginn in Wochen",
			"Anzahl Kursplätze je 1.000 Einwohnerinnen und Einwohner",
			"Anteil der Teilnehmenden, die das Niveau B1 erreichen",
			"Anteil der Schulabgängerinnen und Schulabgänger ohne Abschluss",
			"Anzahl fortgebildeter Lehrkräfte",
		},
		saetze: []string{
			"Die Kreisvolkshochschule bietet an allen Kursorten eine kursbegleitende Kinderbeaufsichtigung an.",
			"Zweimal im Jahr stimmen Kursträger, Jobcenter und Ausländerbehörde Kursangebot und Bedarf ab.",
			"Die Koordinierungsstelle führt eine gemeinsame Warteliste für alle Kursträger.",
			"Die Kurse finden am Abend und am Samstag statt, damit auch Berufstätige teilnehmen können.",
			"Ehrenamtliche Sprachpatinnen und Sprachpaten begleiten Neuangekommene ein halbes Jahr lang.",
			"Lehrkräfte erhalten eine zweitägige Fortbildung zu **Deutsch als Zweitsprache**.",
		},
	},
	{
		id: "arbeit", prefix: "AR", titel: "Ausbildung, Arbeit und Anerkennung ausländischer Berufsqualifikationen",
		ausgangslage: `Die Arbeitslosenquote im Landkreis liegt bei 3,1 %, unter Ausländerinnen und Ausländern bei
9,8 %. Zugleich meldeten die Betriebe 2024 mehr als 4.200 offene Stellen, vor allem in Pflege,
Handwerk, Logistik und Lebensmittelindustrie.

Die Anerkennungs- und Qualifizierungsberatung hat 2024 rund 640 Menschen beraten; ein
Anerkennungsverfahren dauert im Mittel **elf Monate**.`,
		kerne: []string{
			"Anerkennungs- und Qualifizierungsberatung in den Jobcentern",
			"Ausbildungslotsinnen und Ausbildungslotsen an den Berufsbildenden Schulen",
			"Willkommenslotsen für Betriebe des Handwerks",
			"Einstiegsqualifizierung mit begleitendem Sprachunterricht",
			"Beschäftigungsduldungsberatung für Arbeitgeberinnen und Arbeitgeber",
			"Nachqualifizierungsoffensive für ausländische Pflegefachkräfte",
			"Jobmesse „Arbeit ohne Grenzen“",
			"Arbeitnehmerrechteberatung für Werkvertragsbeschäftigte",
			"Mentoringprogramm für zugewanderte Akademikerinnen",
			"Existenzgründungsberatung für Migrantinnen und Migranten",
			"Praktikumsbörse für Schülerinnen und Schüler aus Sprachlernklassen",
		},
		ziele: []string{
			"Ausländische Berufsabschlüsse werden schneller anerkannt.",
			"Junge Zugewanderte beginnen und beenden eine Berufsausbildung so häufig wie Gleichaltrige ohne Zuwanderungsgeschichte.",
			"Betriebe finden Unterstützung, wenn sie Zugewanderte einstellen und ausbilden.",
			"Beschäftigte aus dem Ausland kennen ihre Rechte am Arbeitsplatz.",
			"Zugewanderte Frauen sind häufiger sozialversicherungspflichtig beschäftigt.",
		},
		indikatoren: []string{
			"Dauer der Anerkennungsverfahren in Monaten",
			"Anzahl abgeschlossener Ausbildungsverträge von Zugewanderten",
			"Beschäftigungsquote von Ausländerinnen",
			"Anzahl beratener Betriebe",
		},
		saetze: []string{
			"Die Beratung findet an festen Tagen in den Geschäftsstellen des Jobcenters statt.",
			"Betriebe erhalten eine feste Ansprechperson für alle Fragen zu Aufenthaltsrecht und Förderung.",
			"Die Lotsinnen und Lotsen begleiten Auszubildende bis zur Abschlussprüfung.",
			"Die Industrie- und Handelskammer und die Handwerkskammer werben gemeinsam bei ihren Mitgliedsbetrieben.",
			"Die Beratung ist kostenlos und wird auf Wunsch auf Polnisch, Rumänisch oder Bulgarisch angeboten.",
		},
	},
	{
		id: "wohnen", prefix: "WO", titel: "Wohnen und Zusammenleben in Nachbarschaft und Quartier",
		ausgangslage: `In den Gemeinschaftsunterkünften des Landkreises leben derzeit 1.870 Menschen, davon 420 seit
mehr als zwei Jahren. Bezahlbarer Wohnraum ist vor allem in den Mittelzentren knapp.

Die Wohnraumvermittlung hat 2024 insgesamt 310 Haushalte in eigene Wohnungen vermittelt. Viele
Vermieterinnen und Vermieter berichten von Unsicherheit im Umgang mit Behörden.`,
		kerne: []string{
			"Wohnraumvermittlung und Mietschuldenprävention",
			"Quartiersmanagement im Stadtteil",
			"Konfliktmoderation in Gemeinschaftsunterkünften",
			"Nachbarschaftsfeste „Emsmoor isst bunt“",
			"Mietführerschein für Geflüchtete",
			"Ansprechstelle für Vermieterinnen und Vermieter",
			"Dezentrale Unterbringungskonzeption",
			"Begegnungszentrum mit offenem Nachbarschaftstreff",
			"Wohnungsbauförderprogramm für bezahlbaren Wohnraum",
		},
		ziele: []string{
			"Geflüchtete ziehen schneller aus Gemeinschaftsunterkünften in eigene Wohnungen.",
			"Nachbarschaften in den Quartieren sind lebendig und konfliktarm.",
			"Vermieterinnen und Vermieter sind bereit, an Zugewanderte zu vermieten.",
			"Die Unterbringung von Geflüchteten ist menschenwürdig und dezentral.",
		},
		indikatoren: []string{
			"Durchschnittliche Verweildauer in Gemeinschaftsunterkünften",
			"Anzahl vermittelter Wohnungen",
			"Anzahl moderierter Konflikte",
		},
		saetze: []string{
			"Die Quartiersmanagerin ist an drei Tagen in der Woche vor Ort erreichbar.",
			"Die Teilnehmenden lernen Rechte und Pflichten als Mieterinnen und Mieter kennen.",
			"Vermieterinnen und Vermieter erhalten eine feste Ansprechperson beim Landkreis.",
			"Bewohnerinnen und Bewohner gestalten Spielplätze und Grünflächen mit.",
		},
	},
	{
		id: "gesundheit", prefix: "GE", titel: "Gesundheit und Pflege",
		ausgangslage: `Bei den Schuleingangsuntersuchungen 2024 hatten 83 % der Kinder mit Fluchtgeschichte einen
vollständigen Masern-Impfschutz, im Kreisdurchschnitt waren es 95 %. In den Krankenhäusern des
Landkreises war 2024 bei rund **4.100 Behandlungen** eine Sprachmittlung nötig.

Auf einen Therapieplatz im Psychosozialen Zentrum warten traumatisierte Geflüchtete etwa acht
Monate.`,
		kerne: []string{
			"Gesundheitslotsinnen- und Gesundheitslotsenprogramm",
			"Mehrsprachige Impfsprechstunden in Gemeinschaftsunterkünften",
			"Videodolmetschpool für Arztpraxen und Krankenhäuser",
			"Psychosoziale Erstberatung für traumatisierte Geflüchtete",
			"Kultursensible Pflegeberatung im Pflegestützpunkt",
			"Muttersprachliche Betreuungsgruppen für Menschen mit Demenz",
			"Schulung der Gemeindedolmetscherinnen und Gemeindedolmetscher in medizinischer Fachterminologie",
			"Hebammensprechstunde mit Sprachmittlung",
			"Krankenversicherungsberatung für Saisonbeschäftigte",
		},
		ziele: []string{
			"Zugewanderte kennen das Gesundheitssystem und nutzen Vorsorge- und Impfangebote.",
			"Sprachbarrieren verhindern keine medizinische Behandlung.",
			"Psychosoziale Versorgung und Pflegeangebote sind für Zugewanderte zugänglich.",
			"Fachkräfte in Gesundheit und Pflege arbeiten kultursensibel und mehrsprachig.",
		},
		indikatoren: []string{
			"Impfquote Masern bei der Schuleingangsuntersuchung nach Fluchtgeschichte",
			"Anzahl Einsätze von Sprachmittlerinnen und Sprachmittlern im Gesundheitswesen",
			"Wartezeit auf einen Therapieplatz in Monaten",
			"Anzahl Pflegeberatungen für Menschen mit Zuwanderungsgeschichte",
		},
		saetze: []string{
			"Geschulte Lotsinnen und Lotsen informieren in ihrer Muttersprache über Vorsorge und Impfungen.",
			"Praxen und Krankenhäuser buchen kurzfristig Video- und Telefondolmetschen in 40 Sprachen.",
			"Der Landkreis trägt die Grundgebühr, die Einsätze rechnen die Einrichtungen selbst ab.",
			"Die Beratung findet auf Wunsch zu Hause statt.",
		},
	},
	{
		id: "teilhabe", prefix: "TE", titel: "Gesellschaftliche Teilhabe, Ehrenamt und Antidiskriminierung",
		ausgangslage: `Rund 3.400 Menschen engagieren sich im Landkreis ehrenamtlich für und mit Zugewanderten. Von
den 27 bekannten Migrantenorganisationen haben nur sieben hauptamtliche Unterstützung.

An der letzten Wahl zum Integrationsbeirat haben sich nur **7,9 %** der Wahlberechtigten beteiligt.
Die Antidiskriminierungsberatung hat 2024 insgesamt 118 Anfragen aus dem Landkreis erhalten.`,
		kerne: []string{
			"Qualifizierungsprogramm und Förderfonds für Migrantenorganisationen",
			"Mehrsprachige Kampagne zur Wahl des Integrationsbeirats",
			"Ehrenamtskoordinierungsstelle mit Fortbildungsprogramm",
			"Integration durch Sport – Vereinspatenschaften und Übungsleiterausbildung",
			"Antidiskriminierungsberatungsstelle für den Landkreis",
			"Interkulturelle Öffnung der Kreisverwaltung",
			"Dialogreihe „Emsmoor im Gespräch“ mit Religionsgemeinschaften",
			"Ehrenamtskarte für Sprachpatinnen und Sprachpaten",
			"Jugendwerkstatt Demokratie und Mitbestimmung",
		},
		ziele: []string{
			"Migrantenorganisationen sind gleichberechtigte Partner der Integrationsarbeit.",
			"Ehrenamtliches Engagement wird verlässlich koordiniert und anerkannt.",
			"Niemand wird im Landkreis wegen Herkunft, Religion oder Sprache benachteiligt.",
			"Zugewanderte wirken in Vereinen, Gremien und Parteien mit.",
		},
		indikatoren: []string{
			"Anzahl Migrantenorganisationen mit geförderten Projekten",
			"Wahlbeteiligung bei der Wahl zum Integrationsbeirat",
			"Anzahl aktiver Ehrenamtlicher",
			"Anzahl Beratungsfälle der Antidiskriminierungsberatung",
		},
		saetze: []string{
			"Workshops behandeln Vereinsrecht, Fördermittelakquise und Öffentlichkeitsarbeit.",
			"Ein Kleinprojektefonds fördert Vorhaben mit bis zu 2.500 Euro.",
			"Die Beratungsstelle dokumentiert Fälle und berichtet jährlich dem Integrationsbeirat.",
			"Übungsleiterinnen und Übungsleiter mit Zuwanderungsgeschichte werden gezielt angesprochen.",
		},
	},
	{
		id: "familie", prefix: "FA", titel: "Frühe Bildung, Kinder und Familie",
		ausgangslage: `In den Kindertageseinrichtungen des Landkreises spricht jedes fünfte Kind zu Hause überwiegend
eine andere Sprache als Deutsch. Für 640 Kinder unter sechs Jahren mit Fluchtgeschichte fehlte 2024
ein Betreuungsplatz.

Familienzentren gibt es bisher in neun von 19 Städten und Gemeinden.`,
		kerne: []string{
			"Elternlotsinnen und Elternlotsen für den Kita-Einstieg",
			"Brückenangebote für Kinder ohne Kita-Platz",
			"Kindertagespflegepersonenqualifizierung für zugewanderte Frauen",
			"Familienzentren als Anlaufstellen im ländlichen Raum",
			"Rucksack-Programm zur Sprachbildung in Familien",
			"Mehrsprachige Informationsmappe „Willkommen, Baby!“",
			"Frühe Hilfen mit Sprachmittlung",
			"Fortbildung zu vorurteilsbewusster Erziehung für Kita-Fachkräfte",
		},
		ziele: []string{
			"Kinder mit Zuwanderungsgeschichte besuchen so früh wie andere Kinder eine Kindertageseinrichtung.",
			"Eltern kennen das Bildungssystem und begleiten die Bildungswege ihrer Kinder.",
			"Familien finden wohnortnah Beratung und Begegnung.",
			"Kita-Fachkräfte begleiten mehrsprachige Kinder und ihre Familien kompetent.",
		},
		indikatoren: []string{
			"Betreuungsquote der Kinder unter sechs Jahren nach Zuwanderungsgeschichte",
			"Anzahl begleiteter Familien",
			"Anzahl Familienzentren",
		},
		saetze: []string{
			"Elternlotsinnen begleiten Familien bei der Anmeldung und in den ersten Wochen in der Kita.",
			"Die Spielgruppen treffen sich zweimal in der Woche in Räumen der Gemeinden.",
			"Die Informationsmappe gibt es auf Deutsch, Arabisch, Türkisch, Polnisch, Ukrainisch und Russisch.",
			"Die Fachkräfte werden in einer Fortbildungsreihe über ein Jahr begleitet.",
		},
	},
}

// allgemeineSaetze close descriptions of any field.
var allgemeineSaetze = []string{
	"Die Maßnahme wird nach zwei Jahren ausgewertet.",
	"Die Ergebnisse fließen in die nächste Fortschreibung des Integrationskonzepts ein.",
	"Der Integrationsbeirat wird regelmäßig über den Stand der Umsetzung informiert.",
	"Die Finanzierung ist bis Ende 2026 gesichert; eine Verlängerung wird angestrebt.",
	"Angebote werden in Leichter Sprache und in den häufigsten Herkunftssprachen beworben.",
	"Die Federführung lädt die Partner zweimal im Jahr zu einem Austausch ein.",
	"Ein Schwerpunkt liegt auf dem ländlichen Raum, wo der öffentliche Nahverkehr kaum fährt.",
	"Die Maßnahme setzt eine Empfehlung der Dialogveranstaltung um.",
}

// zielBeschreibungen follow a goal's title.
var zielBeschreibungen = []string{
	"Wer Unterstützung braucht, findet sie innerhalb weniger Wochen und in zumutbarer Entfernung – auch ohne eigenes Auto.",
	"Das Ziel greift eine zentrale Forderung der Onlinebefragung auf.",
	"Verwaltung, freie Träger und Migrantenorganisationen arbeiten dafür eng zusammen.",
	"Fortschritte werden jährlich im Fachausschuss berichtet.",
}

var indikatorenMassnahme = []string{
	"Anzahl erreichter Personen", "Anzahl durchgeführter Veranstaltungen", "Anteil der Frauen unter den Teilnehmenden",
	"Zufriedenheit der Teilnehmenden", "Anzahl beteiligter Organisationen", "Anzahl Beratungen je Quartal",
}

var finanzierungen = []string{
	"Eigenmittel", "Landesmittel", "Bundesmittel (BAMF)", "ESF Plus", "Drittmittel (Sparkassenstiftung Emsmoor)",
	"Eigenmittel und Landesmittel", "Bundesmittel (Programm „Integration durch Sport“)", "Drittmittel (Krankenkassen)",
	"Landesmittel (Kommunale Integrationszentren)",
}

var finanzierungGewicht = []int{30, 20, 10, 10, 6, 8, 4, 4, 8}

// akteurBasis are the actors every generated concept has; kurz is unique.
var akteurBasis = []akteur{
	{"kmt", "Koordinierungsstelle Migration und Teilhabe", "KMT", "verwaltung"},
	{"auslaenderbehoerde", "Ausländerbehörde des Landkreises Emsmoor", "ABH", "verwaltung"},
	{"fd-soziales", "Fachbereich Soziales und Unterbringung", "", "verwaltung"},
	{"jugendamt", "Fachbereich Jugend und Familie (Jugendamt)", "Jugendamt", "verwaltung"},
	{"gesundheitsamt", "Gesundheitsamt des Landkreises Emsmoor", "Gesundheitsamt", "verwaltung"},
	{"pflegestuetzpunkt", "Pflegestützpunkt Landkreis Emsmoor", "", "verwaltung"},
	{"schulamt", "Regionales Landesamt für Schule und Bildung – Standort Emsmoor", "RLSB", "bildung"},
	{"integrationsbeirat", "Integrationsbeirat des Landkreises Emsmoor", "", "gremium"},
	{"ak-sprache", "Arbeitskreis Sprache und Bildung", "AK Sprache", "arbeitskreis"},
	{"ak-arbeit", "Arbeitskreis Ausbildung und Arbeit", "AK Arbeit", "arbeitskreis"},
	{"ak-gesundheit", "Arbeitskreis Gesundheit und Migration", "AK Gesundheit", "arbeitskreis"},
	{"ak-familie", "Arbeitskreis Frühe Hilfen und Familie", "AK Familie", "arbeitskreis"},
	{"vhs", "Kreisvolkshochschule Emsmoor", "VHS", "bildung"},
	{"bbs", "Berufsbildende Schulen Hasebrück", "BBS", "bildung"},
	{"ihk", "Industrie- und Handelskammer Osnabrück–Emsmoor", "IHK", "wirtschaft"},
	{"hwk", "Handwerkskammer Osnabrück–Emsmoor", "HWK", "wirtschaft"},
	{"wirtschaftsfoerderung", "Wirtschaftsförderungsgesellschaft Emsmoor mbH", "WFE", "wirtschaft"},
	{"wohnungsbau", "Kreiswohnungsbaugesellschaft Emsmoor mbH", "KWE", "wirtschaft"},
	{"caritas", "Caritasverband für den Landkreis Emsmoor e. V. – Migrationsberatung für erwachsene Zugewanderte", "MBE", "freier-traeger"},
	{"jmd", "Diakonisches Werk Emsmoor – Jugendmigrationsdienst", "JMD", "freier-traeger"},
	{"awo", "AWO Kreisverband Emsmoor e. V. – Flüchtlingssozialarbeit", "AWO", "freier-traeger"},
	{"drk", "DRK-Kreisverband Emsmoor e. V.", "DRK", "freier-traeger"},
	{"ksb", "Kreissportbund Emsmoor e. V.", "KSB", "ehrenamt"},
	{"ehrenamtsnetzwerk", "Ehrenamtsnetzwerk „Willkommen in Emsmoor“", "Ehrenamtsnetzwerk", "ehrenamt"},
	{"gemeindedolmetscher", "Gemeindedolmetscherdienst Emsmoor", "", "ehrenamt"},
	{"tdkv", "Türkisch-Deutscher Kulturverein Hasebrück e. V.", "TDKV", "migrantenorganisation"},
	{"ditib", "DİTİB Türkisch-Islamische Gemeinde zu Großenmoor e. V.", "DİTİB Großenmoor", "migrantenorganisation"},
	{"przyjazn", "Deutsch-Polnische Gesellschaft Emsmoor „Przyjaźń“ e. V.", "Przyjaźń", "migrantenorganisation"},
	{"mrija", "Ukrainische Gemeinschaft Emsmoor „Мрія“ e. V.", "Мрія", "migrantenorganisation"},
	{"syrischer-elternverein", "Syrisch-Deutscher Elternverein Süderwiek e. V.", "", "migrantenorganisation"},
	{"jobcenter", "Jobcenter Landkreis Emsmoor", "Jobcenter", "extern"},
	{"agentur", "Agentur für Arbeit Nordhorn–Emsmoor", "Agentur für Arbeit", "extern"},
	{"iq", "IQ Netzwerk – Anerkennungs- und Qualifizierungsberatung Region Ems", "IQ", "extern"},
	{"klinikum", "Krankenhaus Ludmillenstift Hasebrück gGmbH", "Ludmillenstift", "extern"},
	{"psz", "Psychosoziales Zentrum für Geflüchtete Nord-West", "PSZ", "extern"},
	{"gleichstellung", "Gleichstellungsbeauftragte des Landkreises Emsmoor", "", "verwaltung"},
}

// akteurArten are the kinds of the actors added per town; %s is the town.
var akteurArten = []struct {
	id, name, art string
}{
	{"gemeinde", "Gemeinde %s", "verwaltung"},
	{"sv", "Sportverein Grün-Weiß %s e. V.", "ehrenamt"},
	{"gs", "Grundschule %s", "bildung"},
	{"fz", "Familienzentrum St. Marien %s", "freier-traeger"},
	{"mo", "Internationaler Frauentreff %s", "migrantenorganisation"},
	{"betrieb", "Wójcik & Öztürk Bau GmbH %s", "wirtschaft"},
}

// querschnitt are the cross-cutting themes.
var querschnitt = []struct{ id, titel string }{
	{"gleichstellung", "Geschlechtergleichstellung"},
	{"digitalisierung", "Digitalisierung"},
	{"antirassismus", "Antirassismus und Antidiskriminierung"},
	{"laendlicher-raum", "Ländlicher Raum und Mobilität"},
}

// personen speak in the Beteiligung chapter.
var personen = []struct{ name, funktion, zitat string }{
	{"Ayşe Yıldırım", "Elternlotsin, Türkisch-Deutscher Kulturverein Hasebrück e. V.",
		"Als ich vor zwanzig Jahren nach Hasebrück kam, hat mir niemand erklärt, wie die Schule hier funktioniert. Heute begleite ich andere Mütter zu Elternabenden."},
	{"Małgorzata Kamińska", "Vorsitzende des Integrationsbeirats",
		"Beteiligung heißt für uns: Wir sitzen nicht nur am Tisch, wenn es um Feste geht, sondern auch, wenn über Geld und Personal entschieden wird."},
	{"Олена Коваленко", "Ehrenamtliche Sprachpatin, Ukrainische Gemeinschaft Emsmoor „Мрія“ e. V.",
		"Ми хочемо не лише отримувати допомогу, а й допомагати. – Wir wollen nicht nur Hilfe bekommen, sondern auch helfen."},
	{"Łukasz Wiśniewski", "Ausbildungsmeister, Dachdeckerei Różycki & Dębski GmbH, Großenmoor",
		"Ich kam 2009 aus Opole und habe hier meinen Meister gemacht. Heute bilde ich selbst aus: Zwei meiner drei Azubis kommen aus Syrien und Afghanistan."},
	{"Hüseyin Çelik", "Vorstand, DİTİB Türkisch-Islamische Gemeinde zu Großenmoor e. V.",
		"Unsere Gemeinde öffnet jeden Freitag ihre Türen für die Nachbarschaft. Wer kommt, trinkt Tee mit uns – und lernt uns kennen."},
	{"Jürgen Weßling", "Bürgermeister der Gemeinde Süderwiek",
		"Ohne die Familien, die in den letzten Jahren zugezogen sind, hätten wir unsere Grundschule schließen müssen."},
	{"Grzegorz Wójcik", "Betriebsrat in der Lebensmittelindustrie",
		"Viele Kolleginnen und Kollegen kennen ihre Rechte nicht. Eine Beratung in unserer Sprache hilft mehr als jedes Merkblatt."},
	{"Fatma Şahin", "Teilnehmerin der Jugendwerkstatt",
		"Wir wollen mitreden, nicht nur gefragt werden. In der Werkstatt haben wir gemerkt, dass unsere Ideen ernst genommen werden."},
}

// veranstaltungsArten are the participation events.
var veranstaltungsArten = []struct{ titel, format string }{
	{"Dialogveranstaltung „Emsmoor gemeinsam gestalten“", "Dialogveranstaltung mit World-Café"},
	{"Fachworkshop Sprache, Bildung und Familie", "Workshop"},
	{"Fachworkshop Arbeit und Anerkennung", "Workshop"},
	{"Fachworkshop Gesundheit und Pflege", "Workshop"},
	{"Jugendwerkstatt „Meine Zukunft in Emsmoor“", "Werkstatt für Jugendliche von 14 bis 21 Jahren"},
	{"Runder Tisch Wohnen", "Gesprächsrunde mit Vermieterinnen und Vermietern"},
}

var abkuerzungen = map[string]string{
	"ABH":      "Ausländerbehörde",
	"AWO":      "Arbeiterwohlfahrt",
	"BAMF":     "Bundesamt für Migration und Flüchtlinge",
	"BBS":      "Berufsbildende Schulen",
	"DRK":      "Deutsches Rotes Kreuz",
	"ESF Plus": "Europäischer Sozialfonds Plus",
	"HWK":      "Handwerkskammer",
	"IHK":      "Industrie- und Handelskammer",
	"IQ":       "Förderprogramm „Integration durch Qualifizierung“",
	"JMD":      "Jugendmigrationsdienst",
	"KMT":      "Koordinierungsstelle Migration und Teilhabe",
	"MBE":      "Migrationsberatung für erwachsene Zugewanderte",
	"PSZ":      "Psychosoziales Zentrum",
	"RLSB":     "Regionales Landesamt für Schule und Bildung",
	"SGB II":   "Zweites Buch Sozialgesetzbuch – Bürgergeld",
	"VHS":      "Volkshochschule",
}

const vorwortText = `Liebe Leserinnen und Leser,

jede und jeder Achte im Landkreis Emsmoor hat eine ausländische Staatsangehörigkeit, fast jede und
jeder Vierte hat eine Zuwanderungsgeschichte. Viele leben seit Jahrzehnten hier, andere sind gerade
erst angekommen. Sie arbeiten in unseren Betrieben, Krankenhäusern und Schlachthöfen, sie
trainieren Jugendmannschaften, sie gründen Unternehmen – und sie wollen mitreden.

Integration ist deshalb keine Aufgabe „für“ Zugewanderte, sondern eine Aufgabe **mit** ihnen. Mehr
als 400 Menschen haben in Workshops, in der Jugendwerkstatt und in der Onlinebefragung ihre
Erfahrungen und Ideen eingebracht. Ihnen allen danke ich herzlich.

Das Konzept benennt für jede Maßnahme, wer sie verantwortet, bis wann sie umgesetzt wird und wie wir
den Erfolg messen. Über den Stand berichten wir jedes Jahr im Kreistag.`

const leichteSprache = `Das ist eine Zusammen·fassung in Leichter Sprache.

Im Landkreis Emsmoor leben viele Menschen.
Manche Menschen kommen aus einem anderen Land.
Sie sollen hier gut leben können.
Das nennt man: **Integration**.

Der Landkreis hat dafür einen Plan gemacht.
In dem Plan steht:

- Was wollen wir erreichen?
- Was tun wir dafür?
- Wer ist dafür verantwortlich?

Der Plan hat 6 Themen:

1. Deutsch lernen und Schule.
2. Ausbildung und Arbeit.
3. Wohnen und Nachbarschaft.
4. Gesundheit und Pflege.
5. Mitmachen in Vereinen.
6. Kinder und Familien.

Jedes Jahr prüfen wir:
Was haben wir schon geschafft?`

const sachverhalt = `Der Kreistag hat am 12. Dezember 2019 das erste Integrationskonzept des Landkreises Emsmoor
beschlossen. Seitdem hat der Landkreis rund **5.800 Geflüchtete aus der Ukraine** aufgenommen, und
Betrieben, Krankenhäusern und Pflegeeinrichtungen fehlen Fach- und Arbeitskräfte.

Die Koordinierungsstelle Migration und Teilhabe hat das Konzept deshalb zwischen September 2024 und
Juni 2025 gemeinsam mit den Akteuren der Integrationsarbeit fortgeschrieben. Grundlage waren:

- eine Dialogveranstaltung mit 96 Teilnehmenden,
- vier Fachworkshops und eine Jugendwerkstatt,
- eine Onlinebefragung in deutscher, englischer und Leichter Sprache sowie
- die Auswertung der Sozial- und Arbeitsmarktdaten des Landkreises.

Die Fortschreibung ordnet die Arbeit in **sechs Handlungsfelder** mit Zielen, Indikatoren und
Maßnahmen.`

var grundsaetze = []struct{ titel, text string }{
	{"Teilhabe", "Alle Menschen im Landkreis sollen gleichberechtigt am wirtschaftlichen, sozialen, kulturellen und politischen Leben teilhaben können – unabhängig von Herkunft, Aufenthaltsstatus, Religion oder Sprache."},
	{"Wertschätzung", "Wir begegnen einander mit Respekt. Mehrsprachigkeit, Berufserfahrung und Qualifikationen aus dem Herkunftsland sind ein **Gewinn** für den Landkreis."},
	{"Identität", "Emsmoor ist Heimat für Menschen mit unterschiedlichen Geschichten. Niemand muss seine Herkunft aufgeben, um dazuzugehören."},
	{"Beteiligung", "Zugewanderte sind nicht Zielgruppe, sondern Mitgestaltende. Migrantenorganisationen und der Integrationsbeirat werden an Planung, Umsetzung und Überprüfung beteiligt."},
}

// Survey: the options of the questions, as in konzept.yaml.
var (
	umfrageDauer        = []string{"weniger als 1 Jahr", "1 bis 5 Jahre", "mehr als 5 Jahre", "seit meiner Geburt"}
	umfrageDauerGewicht = []int{3, 10, 9, 6}
	umfrageAngebote     = []string{"Sprachkurs", "Migrationsberatung", "Jobcenter oder Agentur für Arbeit", "Sportverein", "Kulturverein", "Familienzentrum"}
	umfrageQuote        = []int{45, 30, 25, 30, 15, 12}
	umfrageKeines       = "keines davon"
	umfrageFreitexte    = []string{
		"Mehr Sprachkurse am Abend, damit man nach der Arbeit lernen kann.",
		"Die Wartezeit bei der Ausländerbehörde ist viel zu lang.",
		"Ich suche seit einem Jahr eine Wohnung; auf meine Anfragen antwortet niemand.",
		"Während der Kurse fehlt eine Kinderbetreuung.",
		"Mehr Begegnung zwischen alten und neuen Nachbarn – zum Beispiel Feste im Dorf.",
		"Meine Ausbildung aus Polen wird hier nicht anerkannt.",
		"Erst einmal die Busverbindungen verbessern – für alle.",
		"Das Sprachcafé ist super.\nAber der Raum ist zu klein – wir sind oft 30 Leute in einem \"Klassenzimmer\".",
		"Dolmetscher beim Arzt, bitte: Türkçe, polski, українська.",
	}
	umfrageFreitexteEN = []string{
		"Please provide more information in English at the district office.",
		"The bus connection to the language school is very poor.",
	}
)

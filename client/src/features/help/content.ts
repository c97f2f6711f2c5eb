// The help texts live with the help pages, not in shared/i18n: they are long and only needed here, so they load with
// this page's chunk instead of weighing on every page's first load. German first, English second, as everywhere.

export interface Term {
  id: string;
  term: string;
  text: string;
}

export interface HelpContent {
  title: string;
  intro: string;
  glossaryTitle: string;
  glossary: Term[];
  faqTitle: string;
  faq: Array<{ q: string; a: string }>;
  ranking: {
    title: string;
    intro: string;
    componentsTitle: string;
    componentsIntro: string;
    weightsTitle: string;
    weights: string[];
    evaluationTitle: string;
    evaluationIntro: string;
    tableCaption: string;
    columns: [string, string, string, string];
    rows: Array<[string, string, string, string]>;
    evaluationText: string[];
    limitsTitle: string;
    limits: string[];
    moreTitle: string;
    more: string;
  };
}

export const HELP: Record<'de' | 'en', HelpContent> = {
  de: {
    title: 'Hilfe',
    intro: 'Begriffe aus dem Atlas kurz erklärt, häufige Fragen, und wie die Rangfolge der Partnervorschläge entsteht.',
    glossaryTitle: 'Begriffe',
    glossary: [
      {
        id: 'ikz',
        term: 'Interkommunale Zusammenarbeit (IKZ)',
        text: 'Kommunen erfüllen eine Aufgabe gemeinsam oder eine für die andere, um Geld zu sparen, Fachleute zu teilen oder Risiken zu verteilen. Das Land NRW fördert neue Kooperationen.',
      },
      {
        id: 'gkg',
        term: 'GkG NRW',
        text: 'Das Gesetz über kommunale Gemeinschaftsarbeit des Landes Nordrhein-Westfalen. Es regelt die Formen, in denen Gemeinden und Kreise zusammenarbeiten: Arbeitsgemeinschaft, Zweckverband, öffentlich-rechtliche Vereinbarung und gemeinsames Kommunalunternehmen.',
      },
      {
        id: 'zweckverband',
        term: 'Zweckverband',
        text: 'Eine eigene Körperschaft des öffentlichen Rechts, zu der sich Kommunen zusammenschließen, um eine Aufgabe gemeinsam zu erfüllen, etwa Wasser, Abwasser, Volkshochschule oder IT. Die Aufgabe geht auf den Verband über; er hat eine Satzung und eine Verbandsversammlung.',
      },
      {
        id: 'orv',
        term: 'Öffentlich-rechtliche Vereinbarung',
        text: 'Ein Vertrag nach dem GkG NRW, mit dem eine Kommune eine Aufgabe der anderen übernimmt (delegierend: die Zuständigkeit geht über) oder für sie durchführt (mandatierend: die Zuständigkeit bleibt). Es entsteht keine neue Körperschaft; die Aufsichtsbehörde genehmigt die Vereinbarung.',
      },
      {
        id: 'verwaltungsvereinbarung',
        term: 'Verwaltungsvereinbarung',
        text: 'Eine Absprache zwischen Verwaltungen über die Zusammenarbeit, etwa gemeinsame Beschaffung oder gegenseitige Vertretung. Die Zuständigkeit für die Aufgabe bleibt bei jeder Kommune.',
      },
      {
        id: 'arbeitsgemeinschaft',
        term: 'Arbeitsgemeinschaft',
        text: 'Ein Zusammenschluss nach dem GkG NRW ohne eigene Rechtspersönlichkeit, in dem Kommunen Planungen und Aufgaben abstimmen. Die Zuständigkeiten bleiben bei den Mitgliedern.',
      },
      {
        id: 'aoer',
        term: 'Gemeinsames Kommunalunternehmen (AöR)',
        text: 'Eine Anstalt des öffentlichen Rechts, die mehrere Kommunen gemeinsam tragen. Sie erfüllt Aufgaben, die ihr die Träger übertragen, mit eigenem Vorstand und Verwaltungsrat.',
      },
      {
        id: 'ssc',
        term: 'Shared Service Center',
        text: 'Eine Stelle, die Dienstleistungen wie Personalabrechnung, IT oder Beschaffung für mehrere Verwaltungen erbringt. Rechtlich ist es meist eine öffentlich-rechtliche Vereinbarung, ein Zweckverband oder eine AöR.',
      },
      {
        id: 'ags',
        term: 'AGS (Amtlicher Gemeindeschlüssel)',
        text: 'Die achtstellige Kennziffer jeder Gemeinde: zwei Ziffern für das Land (NRW: 05), eine für den Regierungsbezirk, zwei für den Kreis, drei für die Gemeinde. Der Atlas findet eine Kommune auch über ihren AGS oder ihre Postleitzahl.',
      },
      {
        id: 'kreis',
        term: 'Kreis und kreisfreie Stadt',
        text: 'NRW hat 31 Kreise (einschließlich der Städteregion Aachen) und 22 kreisfreie Städte. Eine kreisfreie Stadt erfüllt die Aufgaben eines Kreises selbst und gehört zu keinem Kreis.',
      },
      {
        id: 'regierungsbezirk',
        term: 'Regierungsbezirk',
        text: 'NRW ist in fünf Regierungsbezirke geteilt: Düsseldorf, Köln, Münster, Detmold und Arnsberg. Die Bezirksregierung ist unter anderem Aufsichtsbehörde der Kreise und kreisfreien Städte.',
      },
      {
        id: 'altkreis',
        term: 'Altkreis',
        text: 'Der Kreis, zu dem eine Gemeinde vor der Gebietsreform von 1966 bis 1975 gehörte. Viele Zweckverbände, Volkshochschulen und Musikschulen folgen noch den alten Grenzen; darum zählt der Atlas einen gemeinsamen Altkreis als gemeinsame Geschichte.',
      },
      {
        id: 'leader',
        term: 'LEADER-Region',
        text: 'Ein Gebiet, in dem Kommunen mit einer lokalen Aktionsgruppe EU-Mittel für die ländliche Entwicklung einsetzen. Gemeinsame Regionen (auch VITAL.NRW, ILEK, REGIONALE) bringen Kommunen in gemeinsame Gremien und Projekte.',
      },
      {
        id: 'luecke',
        term: 'Kooperationslücke',
        text: 'Eine Kommune erledigt eine Aufgabe laut Register allein, während mehr als die Hälfte ihrer Nachbarn in NRW darin kooperiert. Das ist ein Ansatzpunkt, kein Mangel: Das Register ist nicht vollständig.',
      },
      {
        id: 'louvain',
        term: 'Louvain-Verfahren',
        text: 'Ein Verfahren (Blondel u. a., 2008), das ein Netz in Gemeinschaften teilt: Gruppen, die untereinander dicht und nach außen schwächer verbunden sind. Es verschiebt Knoten schrittweise so, dass die Modularität steigt.',
      },
      {
        id: 'gemeinschaft',
        term: 'Gemeinschaft (Community)',
        text: 'Eine Gruppe von Kommunen, die das Louvain-Verfahren zusammenfasst, weil sie besonders viele Kooperationen miteinander teilen. Im Atlas sind sie nach Größe nummeriert; dieselbe Nummer steht in den Exporten.',
      },
      {
        id: 'modularitaet',
        term: 'Modularität',
        text: 'Ein Maß dafür, wie deutlich ein Netz in Gruppen zerfällt: der Anteil der Verbindungen innerhalb der Gruppen abzüglich des Anteils, den man bei zufällig verteilten Verbindungen erwarten würde. Der Wert liegt unter 1; ab etwa 0,3 gilt die Gruppenstruktur als deutlich.',
      },
      {
        id: 'betweenness',
        term: 'Betweenness (Zwischenzentralität)',
        text: 'Wie oft eine Kommune auf den kürzesten Wegen zwischen zwei anderen Kommunen des Netzes liegt, hier auf 0 bis 1 normiert. Hohe Werte zeigen Brücken zwischen Gruppen.',
      },
      {
        id: 'grad',
        term: 'Grad',
        text: 'Die Zahl der Kommunen, mit denen eine Kommune mindestens eine Kooperation teilt. Der gewichtete Grad zählt die gemeinsamen Kooperationen zusammen.',
      },
      {
        id: 'dichte',
        term: 'Kooperationsdichte',
        text: 'Der Anteil der möglichen Verbindungen zwischen den Kommunen eines Kreises, die tatsächlich bestehen (0 bis 1).',
      },
    ],
    faqTitle: 'Häufige Fragen',
    faq: [
      {
        q: 'Woher stammen die Kooperationen?',
        a: 'Aus einem Register, das aus Satzungen, Amtsblättern, Ratsunterlagen und den Seiten der Beteiligten zusammengetragen ist. Jeder Eintrag nennt seine Quelle und wie sicher er ist. Es enthält etwa ein Sechstel der geschätzten Kooperationen in NRW; nichts ist erfunden.',
      },
      {
        q: 'Warum fehlt eine Kooperation, die wir haben?',
        a: 'Viele Kooperationen sind nirgends öffentlich verzeichnet. Fehlende Einträge verändern auch die Vorschläge und die Lückenanalyse; Kommunen sollen sie künftig selbst melden können.',
      },
      {
        q: 'Was bedeuten die Gewichte 0 bis 10?',
        a: 'Jedes Gewicht sagt, wie stark ein Kriterium in die 0 bis 100 Punkte eingeht; 0 heißt: zählt nicht. Nur das Verhältnis der Gewichte zählt: alle verdoppeln ändert nichts. Die Standardwerte sind am Register angepasst.',
      },
      {
        q: 'Warum wird eine Nachbarkommune nicht vorgeschlagen?',
        a: 'Wer mit Ihnen in der Aufgabe schon kooperiert, wird nicht als neuer Partner vorgeschlagen; die Liste über der Rangfolge nennt diese Kommunen. Sonst liegt sie außerhalb des Suchumkreises.',
      },
      {
        q: 'Ist die Förderabschätzung verbindlich?',
        a: 'Nein. Sie rechnet die Förderrichtlinie IKZ NRW nach (bis zu 175.000 € für zwei NRW-Partner, 35.000 € je weiterem, höchstens 90 % der Kosten) und ersetzt keinen Antrag bei der Bezirksregierung.',
      },
      {
        q: 'Wie teile ich eine Ansicht?',
        a: 'Alle Einstellungen stehen in der Adresse, auch die Sprache. „Link kopieren“ im Partnerfinder und im Dossier kopiert sie; wer den Link öffnet, sieht dieselbe Ansicht.',
      },
      {
        q: 'Kann ich die Daten weiterverwenden?',
        a: 'Ja: Netzwerk, Register und Lücken stehen als CSV, GeoJSON, GraphML und GEXF zum Download, mit Datum und Quellenangaben. Den Gemeindeschlüssel (AGS) beim Einlesen als Text behandeln, sonst fällt die führende Null weg.',
      },
    ],
    ranking: {
      title: 'Wie die Rangfolge entsteht',
      intro:
        'Für Ihre Kommune und eine Aufgabe bewertet der Atlas jede Kommune im Suchumkreis, die mit Ihnen in dieser Aufgabe noch nicht kooperiert. Jede erhält 0 bis 100 Punkte: den gewichteten Durchschnitt mehrerer benannter Kriterien, jedes mit seinen Punkten und einem Satz, warum es zählt.',
      componentsTitle: 'Die Kriterien',
      componentsIntro: 'Jedes Kriterium ergibt einen Wert zwischen 0 und 1; die Gewichte bestimmen, wie viel davon in die Punkte eingeht.',
      weightsTitle: 'Woher die Gewichte kommen',
      weights: [
        'Die Standardgewichte sind nicht von Hand gesetzt, sondern am Register angepasst: Für jedes Mitglied einer Kooperation mit 2 bis 8 Kommunen fragt der Atlas, wen er als Partner vorgeschlagen hätte, wenn es diese Kooperation nicht gäbe (730 Fälle aus 245 Kooperationen). Die Gewichte sind so gewählt, dass die tatsächlichen Partner möglichst weit oben stehen.',
        'Nähe zählt je nach Aufgabe unterschiedlich: Für Bauhof, Feuerwehr oder Abwasser wiegt sie schwerer als für IT oder Personalabrechnung. Die übrigen Gewichte gelten für alle Aufgaben gleich. Im Partnerfinder können Sie jedes Gewicht von 0 bis 10 ändern; die Rangfolge folgt sofort.',
      ],
      evaluationTitle: 'Wie gut es funktioniert',
      evaluationIntro:
        'Geprüft mit Kreuzvalidierung: Die Gewichte werden jeweils ohne die Kooperationen angepasst, an denen sie gemessen werden. Verglichen wird mit zwei einfachen Regeln.',
      tableCaption: 'Trefferquoten auf dem Register (730 Fälle)',
      columns: ['Verfahren', 'MRR', 'Treffer unter den ersten 5', 'Treffer unter den ersten 10'],
      rows: [
        ['Atlas, Gewichte kreuzvalidiert', '0,698', '85,9 %', '92,6 %'],
        ['Regel: nächstgelegene Kommune', '0,609', '82,6 %', '91,0 %'],
        ['Regel: gemeinsame Grenze, dann gleicher Kreis, dann Entfernung', '0,678', '85,9 %', '92,9 %'],
      ],
      evaluationText: [
        'MRR ist der Mittelwert von 1 durch den Rang des ersten echten Partners (1 heißt: immer auf Platz 1). In 86 von 100 Fällen steht ein echter Partner unter den ersten fünf Vorschlägen.',
        'Der Atlas liegt beim MRR vor beiden Regeln, bei den ersten fünf gleichauf mit der Regel „Grenze, dann Kreis“ und bei den ersten zehn 0,3 Punkte dahinter: Die meisten Partner im Register sind Nachbarn im selben Kreis, und die einfache Regel findet sie schon. Der Atlas gewinnt, wo er Nachbarn unterscheiden muss (Sparkasse, VHS, Wirtschaftsförderung, IT).',
      ],
      limitsTitle: 'Grenzen',
      limits: [
        'In 10 von 28 Aufgabenfeldern, meist kleinen, ist eine der einfachen Regeln so gut oder besser (etwa Feuerwehr, Wasser, Abfall).',
        'Das Register enthält etwa ein Sechstel der Kooperationen in NRW; was fehlt, kann weder als Verbindung zählen noch geprüft werden.',
        'Die Förderfähigkeit ist kein Kriterium, sondern eine Tatsache neben der Rangfolge; kein Vorschlag wird ihretwegen ausgeblendet.',
      ],
      moreTitle: 'Mehr dazu',
      more: 'Die vollständige Beschreibung mit Formeln, Quellen und Ergebnissen je Aufgabenfeld steht in docs/matching.md und docs/matching-evaluation.md im Projekt.',
    },
  },
  en: {
    title: 'Help',
    intro: 'The atlas’s terms in brief, frequently asked questions, and how the ranking of partner suggestions comes about.',
    glossaryTitle: 'Terms',
    glossary: [
      {
        id: 'ikz',
        term: 'Inter-municipal cooperation (IKZ)',
        text: 'Municipalities perform a task together, or one for another, to save money, share specialists or spread risk. The Land of NRW funds new cooperation.',
      },
      {
        id: 'gkg',
        term: 'GkG NRW',
        text: 'North Rhine-Westphalia’s act on joint municipal work (Gesetz über kommunale Gemeinschaftsarbeit). It sets out the forms in which municipalities and Kreise work together: working group, special-purpose association, public-law agreement and joint municipal enterprise.',
      },
      {
        id: 'zweckverband',
        term: 'Zweckverband (special-purpose association)',
        text: 'A separate public-law corporation that municipalities form to perform a task together, such as water, waste water, adult education or IT. The task passes to the association, which has statutes and an assembly of its members.',
      },
      {
        id: 'orv',
        term: 'Public-law agreement (öffentlich-rechtliche Vereinbarung)',
        text: 'A contract under the GkG NRW by which one municipality takes over another’s task (delegating: responsibility passes to it) or performs it on the other’s behalf (mandating: responsibility stays). No new body is created; the supervisory authority approves the agreement.',
      },
      {
        id: 'verwaltungsvereinbarung',
        term: 'Administrative agreement (Verwaltungsvereinbarung)',
        text: 'An arrangement between administrations about working together, such as joint procurement or standing in for each other. Each municipality keeps responsibility for the task.',
      },
      {
        id: 'arbeitsgemeinschaft',
        term: 'Working group (Arbeitsgemeinschaft)',
        text: 'An association under the GkG NRW without legal personality, in which municipalities coordinate plans and tasks. Responsibilities stay with the members.',
      },
      {
        id: 'aoer',
        term: 'Joint municipal enterprise (AöR)',
        text: 'A public-law institution owned jointly by several municipalities. It performs the tasks its owners transfer to it, with its own executive board and supervisory board.',
      },
      {
        id: 'ssc',
        term: 'Shared service centre',
        text: 'A unit that provides services such as payroll, IT or procurement for several administrations. Legally it is usually a public-law agreement, a Zweckverband or an AöR.',
      },
      {
        id: 'ags',
        term: 'AGS (official municipality key)',
        text: 'The eight-digit code of every municipality: two digits for the Land (NRW: 05), one for the Regierungsbezirk, two for the Kreis, three for the municipality. The atlas also finds a municipality by its AGS or its postcode.',
      },
      {
        id: 'kreis',
        term: 'Kreis and kreisfreie Stadt',
        text: 'NRW has 31 Kreise (districts, including the Städteregion Aachen) and 22 kreisfreie Städte (district-free cities). A kreisfreie Stadt performs a Kreis’s tasks itself and belongs to no Kreis.',
      },
      {
        id: 'regierungsbezirk',
        term: 'Regierungsbezirk (administrative region)',
        text: 'NRW is divided into five Regierungsbezirke: Düsseldorf, Köln, Münster, Detmold and Arnsberg. Among other things, the Bezirksregierung supervises the Kreise and kreisfreie Städte.',
      },
      {
        id: 'altkreis',
        term: 'Altkreis (former district)',
        text: 'The Kreis a municipality belonged to before the 1966–1975 local government reform. Many special-purpose associations, adult-education centres and music schools still follow the old borders, so the atlas counts a shared Altkreis as shared history.',
      },
      {
        id: 'leader',
        term: 'LEADER region',
        text: 'An area in which municipalities use EU funds for rural development through a local action group. Shared regions (also VITAL.NRW, ILEK, REGIONALE) bring municipalities into joint bodies and projects.',
      },
      {
        id: 'luecke',
        term: 'Cooperation gap',
        text: 'According to the register, a municipality does a task alone while more than half of its NRW neighbours cooperate in it. It is an opening, not a failing: the register is not complete.',
      },
      {
        id: 'louvain',
        term: 'Louvain method',
        text: 'A method (Blondel et al., 2008) that divides a network into communities: groups that are densely linked among themselves and more weakly to the rest. It moves nodes step by step so that modularity rises.',
      },
      {
        id: 'gemeinschaft',
        term: 'Community',
        text: 'A group of municipalities that the Louvain method puts together because they share particularly many cooperations. The atlas numbers them by size; the exports carry the same number.',
      },
      {
        id: 'modularitaet',
        term: 'Modularity',
        text: 'A measure of how clearly a network falls into groups: the share of links within the groups minus the share expected if links were spread at random. It is below 1; from about 0.3 the group structure counts as clear.',
      },
      {
        id: 'betweenness',
        term: 'Betweenness centrality',
        text: 'How often a municipality lies on the shortest paths between two other municipalities of the network, normalised here to 0–1. High values show bridges between groups.',
      },
      {
        id: 'grad',
        term: 'Degree',
        text: 'The number of municipalities with which a municipality shares at least one cooperation. The weighted degree adds up the shared cooperations.',
      },
      {
        id: 'dichte',
        term: 'Cooperation density',
        text: 'The share of the possible links between the municipalities of a Kreis that actually exist (0 to 1).',
      },
    ],
    faqTitle: 'Frequently asked questions',
    faq: [
      {
        q: 'Where do the cooperations come from?',
        a: 'From a register compiled from statutes, official gazettes, council papers and the bodies’ own sites. Each record names its source and how certain it is. It holds about a sixth of the estimated cooperations in NRW; nothing is invented.',
      },
      {
        q: 'Why is a cooperation of ours missing?',
        a: 'Many cooperations are not listed publicly anywhere. Missing records also change the suggestions and the gap analysis; municipalities are to report them themselves in future.',
      },
      {
        q: 'What do the weights 0 to 10 mean?',
        a: 'Each weight says how strongly a criterion counts towards the 0 to 100 points; 0 means it does not count. Only the ratio of the weights matters: doubling all of them changes nothing. The defaults are fitted on the register.',
      },
      {
        q: 'Why is a neighbouring municipality not suggested?',
        a: 'A municipality that already cooperates with you in the task is not suggested as a new partner; the note above the ranking names them. Otherwise it lies outside the search radius.',
      },
      {
        q: 'Is the funding estimate binding?',
        a: 'No. It applies the NRW IKZ funding guideline (up to €175,000 for two NRW partners, €35,000 for each further one, at most 90 % of the cost) and does not replace an application to the Bezirksregierung.',
      },
      {
        q: 'How do I share a view?',
        a: 'All settings are in the address, the language too. “Copy link” in the partner finder and the dossier copies it; whoever opens the link sees the same view.',
      },
      {
        q: 'May I reuse the data?',
        a: 'Yes: the network, the register and the gaps can be downloaded as CSV, GeoJSON, GraphML and GEXF, with a date and attributions. Read the municipality key (AGS) as text, or its leading zero is lost.',
      },
    ],
    ranking: {
      title: 'How the ranking works',
      intro:
        'For your municipality and a task, the atlas scores every municipality within the search radius that does not yet cooperate with you in this task. Each gets 0 to 100 points: the weighted mean of several named criteria, each with its points and a sentence saying why it counts.',
      componentsTitle: 'The criteria',
      componentsIntro: 'Each criterion gives a value between 0 and 1; the weights decide how much of it goes into the points.',
      weightsTitle: 'Where the weights come from',
      weights: [
        'The default weights are not set by hand but fitted on the register: for each member of a cooperation with 2 to 8 municipalities the atlas asks whom it would have suggested if that cooperation did not exist (730 cases from 245 cooperations). The weights are chosen so that the real partners rank as high as possible.',
        'Proximity counts differently by task: it weighs more for a works depot, the fire brigade or waste water than for IT or payroll. The other weights are the same for all tasks. In the partner finder you can change each weight from 0 to 10; the ranking follows at once.',
      ],
      evaluationTitle: 'How well it works',
      evaluationIntro:
        'Checked by cross-validation: the weights are each fitted without the cooperations they are measured on, and compared with two simple rules.',
      tableCaption: 'Hit rates on the register (730 cases)',
      columns: ['Method', 'MRR', 'Hit in the top 5', 'Hit in the top 10'],
      rows: [
        ['Atlas, weights cross-validated', '0.698', '85.9 %', '92.6 %'],
        ['Rule: nearest municipality', '0.609', '82.6 %', '91.0 %'],
        ['Rule: shared border, then same Kreis, then distance', '0.678', '85.9 %', '92.9 %'],
      ],
      evaluationText: [
        'MRR is the mean of 1 divided by the rank of the first real partner (1 means: always first). In 86 of 100 cases a real partner is among the first five suggestions.',
        'The atlas is ahead of both rules in MRR, level with “border, then Kreis” in the top five and 0.3 points behind it in the top ten: most partners in the register are neighbours in the same Kreis, and the simple rule already finds them. The atlas gains where it has to tell neighbours apart (savings banks, adult education, economic development, IT).',
      ],
      limitsTitle: 'Limits',
      limits: [
        'In 10 of 28 task areas, mostly small ones, one of the simple rules is as good or better (for example fire brigade, water, waste).',
        'The register holds about a sixth of the cooperations in NRW; what is missing can neither count as a tie nor be checked.',
        'Funding eligibility is not a criterion but a fact beside the ranking; no suggestion is hidden because of it.',
      ],
      moreTitle: 'More',
      more: 'The full description with formulas, sources and results per task area is in docs/matching.md and docs/matching-evaluation.md in the project.',
    },
  },
};

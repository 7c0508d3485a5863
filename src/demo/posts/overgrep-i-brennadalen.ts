// Norwegian (bokmål) translation of the lead story.
import type { DemoPost } from '../demo-site.types.js';
import { a, doc, figure, h2, i, p, quote } from '../doc-builders.js';

export const overgrepIBrennadalen: DemoPost = {
  slug: 'overgrep-i-brennadalen',
  type: 'post',
  title: '«De kom om natta»: Landsbyboere i Brennadalen forteller om overgrep fra Kessans styrker',
  standfirst:
    'Beretninger samlet inn av en regional avis, en menneskerettighetsorganisasjon og juridiske analytikere tyder på et mønster av pågripelser, plyndring og tvangsfordrivelse etter at Nordskjold-brigaden tok kontroll over dalen.',
  excerpt:
    'Fire måneder etter at Nordskjold-brigaden tok Brennadalen, forteller tidligere innbyggere om pågripelser om natta, beslaglagte avlinger og press for å få dem til å flytte. Hva vi vet – og hva vi ikke vet.',
  metaDescription:
    'Tidligere innbyggere i Brennadalen i Estavia forteller om pågripelser, beslag og fordrivelse utført av Nordskjold-brigaden under kommandør Davor Kessan.',
  language: 'nb',
  translationOf: 'brenna-valley-abuses-kessan-forces',
  authors: ['tomas-alden', 'ragnhild-saether-brekke'],
  tags: ['menneskerettigheter', 'brenna-valley', 'davor-kessan', 'northern-shield-brigade', 'estavia'],
  featuredImage: 'brenna-valley-road',
  featuredImageText: {
    alt: 'Illustrasjon: en blek vei som slynger seg gjennom en dal mellom mørke åser under en lav sol',
    caption: 'Veien inn i Brennadalen fra Orsava, der brigadens kontrollposter nå styrer all ferdsel.',
    credit: 'Illustrasjon: Arne Vik / Nordlys Agency',
  },
  workType: 'news',
  publishedDaysAgo: 1,
  body: doc(
    p(
      'I de fire månedene siden Nordskjold-brigaden tok kontroll over Brennadalen, har det kommet en jevn strøm av beretninger fra landsbyene langs elva: hus som ransakes om natta, menn som føres bort uten siktelse, husdyr og landbruksmaskiner som lastes opp på brigadens lastebiler. Brigaden, som ledes av Davor Kessan, er formelt en del av Estavias væpnede styrker, men har operert svært selvstendig siden dalen gled ut av regjeringens kontroll i fjor høst.',
    ),
    p(
      'Skerry Review har ikke fått reise inn i dalen, der journalister stanses ved brigadens kontrollposter. Denne artikkelen bygger på reportasjer i ',
      i('The Northern Ledger'),
      ', en rapport fra Calder Sea Rights Monitor og juridisk analyse fra bloggen ',
      i('Lex Bellica'),
      ', i tillegg til telefonintervjuer vi har gjort med fire tidligere innbyggere som nå bor i provinshovedstaden Orsava. Etter ønske fra dem selv gjengir vi ikke navnene deres.',
    ),
    h2('Et mønster, ikke en enkelthendelse'),
    p(
      'Beretningene følger det samme mønsteret. Soldatene kommer etter at det har blitt mørkt, som regel i umerkede kjøretøy. Beboerne blir bedt om å vise identitetspapirer og dokumentasjon på at de eier jorda si – papirer mange mistet da det regionale grunnboksarkivet brant under kampene i fjor. De som ikke kan legge dem fram, får beskjed om at eiendommen deres nå er «under forvaltning».',
    ),
    quote(
      'De ba om et papir som ikke finnes noe sted lenger. Da far sa det, skrev de navnet hans på en liste. Det var siste gang vi så traktoren, og i elleve dager så vi ikke ham heller.',
      p(i('— En tidligere innbygger i Velko, som nå bor i Orsava')),
    ),
    p(
      'Ifølge ',
      i('The Northern Ledger'),
      ', som intervjuet mer enn tretti fordrevne familier over seks uker, ble minst 140 personer fra ni landsbyer pågrepet mellom november og februar. De fleste ble løslatt etter noen dager, men avisa har telt 23 som fortsatt er savnet. Journalistene har også fått tak i kopier av håndskrevne kvitteringer som brigadens offiserer har skrevet ut for beslaglagt korn og maskiner. Ingen av dem er blitt innfridd.',
    ),
    figure(
      'brenna-witness-statements',
      'Illustrasjon: maskinskrevne ark som ligger over hverandre på et mørkt skrivebord, med én linje markert i rødt',
      'Vitneforklaringer samlet inn av frivillige i Orsava. Mange av de tidligere innbyggerne vi snakket med, hadde gitt lignende forklaringer til flere organisasjoner.',
      'Illustrasjon: Skerry Reviews grafikkdesk',
    ),
    h2('Hva menneskerettighetsorganisasjonen fant'),
    p(
      'Rapporten fra Calder Sea Rights Monitor, som ble publisert forrige måned, er det mest systematiske forsøket så langt på å dokumentere hva som har skjedd. Forskerne intervjuet 61 personer og analyserte satellittbilder av dalen. De peker på tre gjentakende praksiser: vilkårlige pågripelser uten tilgang til advokat, beslag av landbrukseiendom og press på familier for å få dem til å flytte – noen ganger gjennom direkte trusler, andre ganger ganske enkelt ved at de fratas livsgrunnlaget.',
    ),
    p(
      'Rapporten er nøye med å skille mellom det som er dokumentert, og det som ikke er det. Den knytter ikke enkelthendelser til navngitte offiserer, og den påpeker at noen av overgrepene i området skjedde før brigaden kom. Men konklusjonen er at praksisen er «for ensartet på tvers av landsbyer og over tid til å kunne forklares som handlinger begått av udisiplinerte enkeltpersoner».',
    ),
    h2('Spørsmålet om kommandoansvar'),
    p(
      'Det skillet har juridisk betydning. I et innlegg på ',
      i('Lex Bellica'),
      ', en blogg om folkeretten i væpnet konflikt, skriver advokat Hanne Rudstad at dersom mønsteret i rapporten holder, handler det ikke lenger bare om hvem som utførte hver enkelt handling, men om hva brigadens ledelse visste og unnlot å forhindre. Etter prinsippet om kommandoansvar kan en sjef som visste eller burde ha visst om overgrep begått av styrker under hans faktiske kontroll, og som ikke gjorde det som med rimelighet kunne ventes for å stanse eller straffe dem, selv stilles til ansvar.',
    ),
    p(
      'Rudstad advarer mot å trekke forhastede slutninger. Det er vanskelig å bevise faktisk kontroll over en så løst organisert styrke som Nordskjold-brigaden, påpeker hun, og enhver etterforskning vil kreve en tilgang til dalen som ingen uavhengig instans har i dag.',
    ),
    p(
      'Kommandør Kessan har ikke svart på gjentatte henvendelser via brigadens pressekontor. I en TV-tale i januar omtalte han beretningene om overgrep som «en kampanje fra folk som vil at dalen skal forbli ustyrt», og sa at eiendom som styrkene hans har tatt, blir holdt «i forvaring» til eierforholdene er bekreftet.',
    ),
    h2('Hva skjer nå?'),
    p(
      'Estavias regjering, som fortsatt formelt regner brigaden som en del av sine styrker, har sagt at den vil nedsette en kommisjon for å granske anklagene, men har verken oppnevnt medlemmer eller satt noen tidsplan. I mellomtiden venter familiene i Orsava – på nytt om de savnede, på jorda si og på et tegn på at forklaringene de har gitt, gang på gang, til journalister og forskere, skal føre noe sted.',
    ),
    p(
      'Vi kommer til å følge saken videre. Har du opplysninger om hendelser i Brennadalen, kan du kontakte utenriksdesken vår på en sikker måte. Du finner detaljene på ',
      a('Om oss-siden', '/about/'),
      '.',
    ),
  ),
  sources: [
    {
      publisher: 'The Northern Ledger',
      title: 'Nine villages, one pattern: the detentions of the Brenna Valley',
      url: 'https://northernledger.example/2026/03/brenna-valley-detentions',
      note: 'Vi bygger på avisas tall for pågripelser, de 23 som fortsatt er savnet, og de håndskrevne beslagskvitteringene.',
    },
    {
      publisher: 'Lex Bellica',
      title: 'Command responsibility and the Northern Shield Brigade: what would have to be proven',
      url: 'https://lexbellica.example/posts/command-responsibility-northern-shield',
      note: 'Vi bruker bloggens analyse av kommandoansvar og av grensene for hva som kan fastslås i dag.',
    },
    {
      publisher: 'Calder Sea Rights Monitor',
      title: '“Under Administration”: Detention and Dispossession in the Brenna Valley',
      url: 'https://caldermonitor.example/reports/2026/under-administration',
      note: 'Vi siterer rapportens tre gjentakende praksiser, basert på 61 intervjuer og satellittbilder, og konklusjonen om ensartethet.',
    },
  ],
};

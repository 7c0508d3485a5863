// Demo content loaded by `npm start` on a fresh install: The Skerry Review, a fictional
// independent news and commentary site. Every person, place and publication is invented,
// and every URL uses the reserved .example top-level domain.
import { demoImages } from './demo-images.js';
import type {
  DemoAuthor,
  DemoNewsletter,
  DemoPost,
  DemoPromotion,
  DemoSite,
  DemoTag,
} from './demo-site.types.js';
import { aboutPage } from './posts/about.js';
import { policyPages } from './posts/policies.js';
import { brennaValleyAbuses } from './posts/brenna-valley-abuses.js';
import { correctionsLog } from './posts/corrections-log.js';
import { countingTheMissing } from './posts/counting-the-missing.js';
import { estaviaCeasefire } from './posts/estavia-ceasefire.js';
import { estaviaMediaLaw } from './posts/estavia-media-law.js';
import { grainSanctions } from './posts/grain-sanctions.js';
import { overgrepIBrennadalen } from './posts/overgrep-i-brennadalen.js';
import { sorvikHarbour } from './posts/sorvik-harbour.js';
import { vesterhavnQuota } from './posts/vesterhavn-quota.js';

const authors: DemoAuthor[] = [
  {
    slug: 'ragnhild-saether-brekke',
    name: 'Ragnhild Sæther Brekke',
    email: 'ragnhild@skerryreview.example',
    bio: 'Editor of The Skerry Review. She spent fifteen years as a correspondent around the Calder Sea before founding the site, and is the author of The Quiet Border.',
    photo: 'author-ragnhild',
    website: 'https://ragnhildbrekke.example',
    location: 'Vesterhavn',
    jobTitle: 'Editor and publisher',
    expertise: 'Borders and migration around the Calder Sea; local government on the coast.',
    contact: 'ragnhild@skerryreview.example',
    fediverse: '@ragnhild@calder.social.example',
    profileLinks: ['https://ragnhildbrekke.example/about'],
  },
  {
    slug: 'tomas-alden',
    name: 'Tomas Aldén',
    email: 'tomas@skerryreview.example',
    bio: 'Foreign affairs correspondent covering Estavia and the eastern Calder region, with a focus on armed conflict, displacement and the law of war.',
    location: 'Lindhamn',
    jobTitle: 'Foreign affairs correspondent',
    expertise: 'Estavia; armed conflict, displacement and the law of war.',
    contact: 'tomas@skerryreview.example',
  },
  {
    slug: 'selma-okafor-lie',
    name: 'Selma Okafor-Lie',
    email: 'selma@skerryreview.example',
    bio: 'Economics editor. Writes about trade, fisheries, sanctions and the economics of small coastal communities. Previously an analyst at a regional development bank.',
    location: 'Vesterhavn',
    jobTitle: 'Economics editor',
    expertise: 'Trade, fisheries and sanctions; public budgets of small municipalities.',
    contact: 'selma@skerryreview.example',
  },
  {
    slug: 'eirik-mjaland',
    name: 'Eirik Mjåland',
    email: 'eirik@skerryreview.example',
    bio: 'Media editor. Covers press freedom, newsroom practice and the laws that shape what journalists can publish around the Calder Sea.',
    website: 'https://mjaland.example',
    jobTitle: 'Media editor',
    expertise: 'Press freedom, media law and newsroom practice.',
    contact: 'eirik@skerryreview.example',
    profileLinks: ['https://mjaland.example'],
  },
];

const tags: DemoTag[] = [
  {
    slug: 'human-rights',
    name: 'Human rights',
    kind: 'topic',
    description: 'Reporting on detention, displacement and accountability, and the people documenting them.',
  },
  {
    slug: 'geopolitics',
    name: 'Geopolitics',
    kind: 'topic',
    description: 'Conflict, diplomacy and power around the Calder Sea.',
  },
  {
    slug: 'media',
    name: 'Media',
    kind: 'topic',
    description: 'How news is made, funded and trusted – including by us.',
  },
  {
    slug: 'press-freedom',
    name: 'Press freedom',
    kind: 'topic',
    description: 'Laws, pressure and threats that shape what journalists can report.',
  },
  {
    slug: 'economy',
    name: 'Economy',
    kind: 'topic',
    description: 'Trade, sanctions, fisheries and the economics of small places.',
  },
  {
    slug: 'menneskerettigheter',
    name: 'Menneskerettigheter',
    kind: 'topic',
    description: 'Saker om pågripelser, fordrivelse og ansvar – på norsk.',
    language: 'nb',
  },
  {
    slug: 'davor-kessan',
    name: 'Davor Kessan',
    kind: 'person',
    description:
      'Commander of the Northern Shield Brigade, which controls the Brenna Valley in eastern Estavia.',
  },
  {
    slug: 'mirela-dostan',
    name: 'Mirela Dostan',
    kind: 'person',
    description: 'Retired schoolteacher from Velko and founder of the Velko List, a register of the missing.',
  },
  {
    slug: 'northern-shield-brigade',
    name: 'Northern Shield Brigade',
    kind: 'organisation',
    description: 'Armed brigade nominally within Estavia’s forces, commanded by Davor Kessan.',
  },
  {
    slug: 'calder-sea-rights-monitor',
    name: 'Calder Sea Rights Monitor',
    kind: 'organisation',
    description: 'Regional human rights organisation documenting abuses around the Calder Sea.',
  },
  {
    slug: 'estavia',
    name: 'Estavia',
    kind: 'place',
    description:
      'Republic on the eastern shore of the Calder Sea, whose eastern provinces are held by armed brigades.',
  },
  {
    slug: 'brenna-valley',
    name: 'Brenna Valley',
    kind: 'place',
    description:
      'Farming valley in eastern Estavia, under the control of the Northern Shield Brigade since last autumn.',
  },
  {
    slug: 'vesterhavn',
    name: 'Vesterhavn',
    kind: 'place',
    description: 'Our home town: a fishing port and the surrounding coastal municipality, including Sørvik.',
  },
];

const posts: DemoPost[] = [
  brennaValleyAbuses,
  overgrepIBrennadalen,
  estaviaCeasefire,
  estaviaMediaLaw,
  countingTheMissing,
  grainSanctions,
  vesterhavnQuota,
  sorvikHarbour,
  correctionsLog,
  aboutPage,
  ...policyPages,
];

const promotions: DemoPromotion[] = [
  {
    title: 'The Quiet Border',
    body: 'Ragnhild Sæther Brekke’s account of fifteen years reporting along the Calder Sea: the checkpoints, the ferries and the people who live between two states. Out now from Saltwater Books.',
    image: 'book-quiet-border',
    linkUrl: 'https://saltwaterbooks.example/the-quiet-border',
    ctaLabel: 'Order the book',
    slot: 'after-article',
    language: 'en',
  },
  {
    title: 'Den stille grensen',
    body: 'Ragnhild Sæther Brekke forteller om femten år som reporter langs Caldersjøen: kontrollpostene, fergene og menneskene som lever mellom to stater. Ute nå på Saltwater Forlag.',
    image: 'book-quiet-border-nb',
    linkUrl: 'https://saltwaterbooks.example/no/den-stille-grensen',
    ctaLabel: 'Bestill boka',
    slot: 'after-article',
    language: 'nb',
  },
  {
    title: 'Independent journalism needs independent funding',
    body: 'The Skerry Review has no owner, no advertisers and no paywall. Our reporting from the Brenna Valley and the coast is paid for by readers. Membership starts at 60 kroner a month.',
    linkUrl: 'https://skerryreview.example/support/',
    ctaLabel: 'Become a member',
    slot: 'sidebar',
    language: 'en',
  },
];

const newsletters: DemoNewsletter[] = [
  {
    slug: 'the-weekly-review',
    name: 'The Weekly Review',
    language: 'en',
    senderName: 'The Skerry Review',
    senderEmail: 'newsletter@skerryreview.example',
    footer: 'You get this because you subscribed at skerryreview.example.',
  },
  {
    slug: 'ukebrevet',
    name: 'Ukebrevet',
    language: 'nb',
    senderName: 'The Skerry Review',
    senderEmail: 'nyhetsbrev@skerryreview.example',
    footer: 'Du får dette fordi du meldte deg på hos skerryreview.example.',
  },
];

export const demoSite: DemoSite = {
  settings: {
    title: 'The Skerry Review',
    description:
      'Independent news and commentary from the Calder Sea coast: conflict, human rights, press freedom and the economics of small places.',
    languages: ['en', 'nb'],
    defaultLanguage: 'en',
    timezone: 'Europe/Oslo',
    navigation: [
      { label: 'Home', url: '/' },
      { label: 'Estavia', url: '/tag/estavia/' },
      { label: 'Human rights', url: '/tag/human-rights/' },
      { label: 'Economy', url: '/tag/economy/' },
      { label: 'Media', url: '/tag/media/' },
      { label: 'About', url: '/about/' },
    ],
    policies: {
      ethics: 'ethics',
      corrections: 'corrections-policy',
      ownership: 'ownership-and-funding',
      masthead: 'masthead',
      feedback: 'feedback',
    },
  },
  images: demoImages,
  authors,
  tags,
  posts,
  promotions,
  newsletters,
};

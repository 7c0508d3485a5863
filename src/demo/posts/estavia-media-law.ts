// Explainer: a (fictional) 'foreign agent' media law in Estavia.
import type { DemoPost } from '../demo-site.types.js';
import { doc, h2, i, p, ul } from '../doc-builders.js';

export const estaviaMediaLaw: DemoPost = {
  slug: 'estavia-foreign-agent-media-law-explained',
  type: 'post',
  title: 'Estavia’s “foreign agent” media law, explained',
  standfirst:
    'A bill passed by Estavia’s parliament last week would require outlets that receive funding from abroad to register and label their work. Supporters call it transparency. Journalists call it a trap.',
  excerpt:
    'The Media Transparency Act would force most of Estavia’s independent newsrooms to label their work as “acting in foreign interests” – while exempting the state advertising that funds their rivals.',
  language: 'en',
  authors: ['eirik-mjaland'],
  tags: ['press-freedom', 'media', 'estavia', 'geopolitics'],
  featuredImage: 'media-law-protest',
  workType: 'background',
  publishedDaysAgo: 16,
  body: doc(
    p(
      'Estavia’s parliament voted 71 to 48 last Thursday to adopt the Media Transparency Act, a law that will require any news organisation receiving more than a fifth of its income from outside the country to register as an “organisation acting in foreign interests”. Registered outlets will have to label every article, broadcast and social media post with that phrase, submit annual financial audits to a new state office, and open their records to inspection at short notice.',
    ),
    p(
      'The government says the law is about transparency: readers deserve to know who pays for the news they consume. On its face, that is hard to argue with. The details tell a different story.',
    ),
    h2('What the law does'),
    ul(
      'Outlets above the 20 per cent threshold must register within 60 days or face fines and, after repeated violations, suspension.',
      'The threshold counts grants, advertising from foreign companies and donations from readers who live abroad.',
      'A new Office for Media Registration, whose director is appointed by the prime minister, decides who must register and can carry out audits without a court order.',
      'Registered outlets lose standing accreditation to parliament and government briefings and must apply separately for each event.',
    ),
    h2('Who it hits'),
    p(
      'Estavia’s media market is small and poor. Advertising revenue collapsed when the fighting began, and most independent outlets survive on a mix of foundation grants, international partnerships and donations from the large Estavian diaspora. According to an analysis by the Lanternhouse Press Freedom Trust, at least 14 of the country’s 20 largest independent newsrooms would cross the threshold. Almost none of the outlets aligned with the governing coalition would, because they depend on state advertising, which the law exempts.',
    ),
    p(
      'That asymmetry is the core of the criticism. A transparency law that treats a donation from a reader in Lindhamn as foreign influence, but does not count millions in government advertising as influence at all, is not neutral about whom it makes look suspicious.',
    ),
    h2('The label is the point'),
    p(
      'The label matters more than the paperwork. In a country at war, “acting in foreign interests” will not be read as a neutral description of a funding model. Reporters at two Orsava-based outlets told ',
      i('The Northern Ledger'),
      ' that sources in the east have already begun refusing interviews, worried about being quoted in a publication that will soon carry the phrase. One editor described it as “a warning sign we are being made to hang on our own door”.',
    ),
    p(
      'This matters well beyond the media. The reporting that has brought alleged abuses in the Brenna Valley to light has come overwhelmingly from outlets that would now have to register. If their sources stop talking, that reporting will dry up too – and so will much of what the rest of the world knows about the conflict.',
    ),
    h2('What could still change'),
    p(
      'The law still needs the president’s signature, and she has 21 days to return it to parliament with objections. Press freedom groups have asked her to do so. They have also proposed amendments: counting all sources of funding, including state advertising; replacing the label with a public register of funders; and moving oversight to an independent regulator. Any of these would bring the law closer to what its supporters say it is.',
    ),
    p(
      'Until then, Estavia’s independent newsrooms are preparing for the worst. Several have begun publishing their full accounts voluntarily – a way of showing that transparency was never what they feared.',
    ),
  ),
  sources: [
    {
      publisher: 'Lanternhouse Press Freedom Trust',
      title: 'Counting the foreign: who Estavia’s media law will reach',
      url: 'https://lanternhouse.example/analysis/estavia-media-transparency-act',
      note: 'Our estimate that 14 of the 20 largest independent newsrooms would cross the threshold comes from this analysis.',
    },
    {
      publisher: 'The Northern Ledger',
      title: 'Reporters in the east say sources are going silent ahead of media law',
      url: 'https://northernledger.example/2026/02/sources-going-silent',
      note: 'We quote its accounts of sources refusing interviews and the editor’s description of the label.',
    },
  ],
};

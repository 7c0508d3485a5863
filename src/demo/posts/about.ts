// The About page.
import type { DemoPost } from '../demo-site.types.js';
import { a, b, doc, h2, i, p } from '../doc-builders.js';

export const aboutPage: DemoPost = {
  slug: 'about',
  type: 'page',
  title: 'About The Skerry Review',
  excerpt: 'Who we are, how we are funded, how we correct mistakes and how to reach us securely.',
  language: 'en',
  authors: ['ragnhild-saether-brekke'],
  tags: [],
  workType: 'news',
  publishedDaysAgo: 60,
  body: doc(
    p(
      'The Skerry Review is an independent news and commentary site based in Vesterhavn. We cover the coast we live on and the conflicts and politics of the wider Calder Sea region, with a particular focus on human rights, press freedom and the economics of small places.',
    ),
    h2('Independence'),
    p(
      'We have no owner, no advertisers and no paywall. The site is funded by its readers through voluntary membership, and by occasional grants that come with no editorial conditions. We publish a list of every funder above 10,000 kroner each year.',
    ),
    h2('How we work'),
    p(
      'We say where our information comes from. When an article relies on reporting by other publications, we name them and link to their work. When we make mistakes, we correct them openly and log every correction on a public page. We publish in English and, where we can, in Norwegian.',
    ),
    h2('Contact'),
    p(
      'General enquiries: ',
      a('editor@skerryreview.example', 'mailto:editor@skerryreview.example'),
      '. Tips and documents: ',
      a('tips@skerryreview.example', 'mailto:tips@skerryreview.example'),
      '. If you need to contact us securely, ',
      b('write to the tips address first without sensitive details'),
      ' and we will reply with safer options.',
    ),
    p(
      i(
        'This is demonstration content that ships with Broadsheet. Estavia, Vesterhavn, the people quoted and every publication cited here are fictional, and the images are generated illustrations.',
      ),
    ),
  ),
  sources: [],
};

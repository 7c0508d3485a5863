// The Skerry Review's policy pages (the Trust Project's "best practices"): chosen in the settings,
// linked from every page's footer and named in the site's structured data.
import type { DemoPost } from '../demo-site.types.js';
import { a, doc, h2, p, ul } from '../doc-builders.js';

const page = (fields: Pick<DemoPost, 'slug' | 'title' | 'excerpt' | 'body'>): DemoPost => ({
  ...fields,
  type: 'page',
  language: 'en',
  authors: ['ragnhild-saether-brekke'],
  tags: [],
  publishedDaysAgo: 60,
  workType: 'news',
  sources: [],
});

export const ethicsPage = page({
  slug: 'ethics',
  title: 'Our ethics policy',
  excerpt: 'The standards every article on The Skerry Review is held to, and who holds us to them.',
  body: doc(
    p(
      'We report what we can verify and say how we verified it. When we rely on the work of other publications, we name them and link to it. When a source cannot be named, we explain why, and at least one editor knows who the source is.',
    ),
    h2('Independence'),
    p(
      'Nobody outside the newsroom sees an article before it is published. Staff do not accept gifts, travel or payment from the people and organisations they cover, and declare any interest that a reader might reasonably want to know about.',
    ),
    h2('Kinds of work'),
    p(
      'Every article says what kind of work it is, above its headline: news, analysis, opinion, review, background or fact check. Sponsored content is labelled as such and is never written or edited by the newsroom.',
    ),
    h2('People in the news'),
    p(
      'We give people we criticise a fair chance to answer before we publish. We do not name victims of crime or minors without their consent, and we take particular care with people who have little power to answer back.',
    ),
  ),
});

export const correctionsPolicyPage = page({
  slug: 'corrections-policy',
  title: 'How we correct our mistakes',
  excerpt: 'When we get something wrong, we say so, on the article and on our corrections page.',
  body: doc(
    p(
      'When we get a fact wrong, we correct it and say so. The correction is published at the end of the article, with its date and a plain description of what was wrong and what is right. If the mistake changed the substance of the story, the article says at the top that it has been corrected.',
    ),
    p(
      'Every correction is also listed on our ',
      a('corrections page', '/corrections/'),
      ', newest first, with its own feed. We never edit a correction once it is published: if a correction is itself wrong, we publish another.',
    ),
    h2('What we do not log'),
    p(
      'Changes to spelling, grammar or layout that do not change the meaning are made without a note. Everything else is logged. Clarifications, which add context without correcting a fact, and updates, which add new information, are noted on the article in the same way.',
    ),
    h2('Telling us about a mistake'),
    p(
      'Write to ',
      a('corrections@skerryreview.example', 'mailto:corrections@skerryreview.example'),
      ' with the article and what you believe is wrong. An editor reads every message and replies within two working days.',
    ),
  ),
});

export const ownershipPage = page({
  slug: 'ownership-and-funding',
  title: 'Ownership and funding',
  excerpt: 'Who owns The Skerry Review, and where its money comes from.',
  body: doc(
    p(
      'The Skerry Review is published by Skerry Review AS, a company owned by a foundation whose statutes require it to keep the site independent and forbid it to pay dividends. No person or company owns more than that.',
    ),
    h2('Where the money comes from'),
    ul(
      'Reader memberships: about two thirds of our income.',
      'Grants from foundations that attach no editorial conditions: about a quarter.',
      'Book sales and events: the rest.',
    ),
    p(
      'We take no advertising. Each year we publish a list of every funder who gave more than 10,000 kroner, and no funder is told in advance what we will report.',
    ),
  ),
});

export const mastheadPage = page({
  slug: 'masthead',
  title: 'Masthead',
  excerpt: 'The people responsible for what The Skerry Review publishes.',
  body: doc(
    ul(
      'Ragnhild Sæther Brekke, editor and publisher: responsible under the law for everything we publish.',
      'Selma Okafor-Lie, economics editor.',
      'Eirik Mjåland, media editor.',
      'Tomas Aldén, foreign affairs correspondent.',
    ),
    p(
      'The Skerry Review is edited in Vesterhavn and follows the press ethics code of the Calder Press Council.',
    ),
  ),
});

export const feedbackPage = page({
  slug: 'feedback',
  title: 'Tell us what we missed',
  excerpt: 'How to send us tips, complaints and corrections, and what happens next.',
  body: doc(
    p(
      'We want to hear when we got something wrong, missed something important or treated someone unfairly. Every message is read by an editor.',
    ),
    ul(
      'Corrections: corrections@skerryreview.example',
      'Tips and documents: tips@skerryreview.example',
      'Complaints about our conduct: editor@skerryreview.example',
    ),
    p(
      'If you are not satisfied with our answer to a complaint, you can take it to the Calder Press Council, which hears complaints against its members free of charge.',
    ),
  ),
});

export const policyPages = [ethicsPage, correctionsPolicyPage, ownershipPage, mastheadPage, feedbackPage];

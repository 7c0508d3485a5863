// Media commentary: why small newsrooms should publish their corrections.
import type { DemoPost } from '../demo-site.types.js';
import { doc, figure, h2, p, ol } from '../doc-builders.js';

export const correctionsLog: DemoPost = {
  slug: 'publish-your-corrections-log',
  type: 'post',
  title: 'Why every small newsroom should publish its corrections log',
  standfirst:
    'Readers are more forgiving of mistakes than editors fear, and far less forgiving of mistakes that are quietly fixed. A public log of corrections is the cheapest trust-building tool a small newsroom has.',
  excerpt:
    'A silent edit looks like hiding; a dated correction looks like checking. Readers notice the difference, and a public corrections log is the simplest way for a small newsroom to show it.',
  language: 'en',
  authors: ['eirik-mjaland'],
  tags: ['media', 'press-freedom'],
  workType: 'opinion',
  publishedDaysAgo: 57,
  body: doc(
    p(
      'Every newsroom makes mistakes. Names are misspelled, figures transposed, a quotation attributed to the wrong person, a caption places an event in the wrong town. Small newsrooms, with fewer editors and tighter deadlines, make them at least as often as large ones.',
    ),
    p(
      'What differs is what happens next. Too often, at outlets of every size, the answer is a silent edit: the error is fixed, the article republished, and nobody is told. It is understandable. Corrections feel like admissions of failure, and for a small publication fighting for credibility every admission seems costly.',
    ),
    h2('What readers actually think'),
    p(
      'The evidence points the other way. A reader survey by the Fjordside Institute for Journalism asked participants to rate the trustworthiness of articles that were identical except for how an error had been handled. Articles carrying a clear, dated correction were rated as more trustworthy than the same article with no error at all. Articles in which readers discovered a silent edit, by comparing versions, were rated lowest by a wide margin.',
    ),
    p(
      'The finding makes intuitive sense. A correction shows that someone is checking. A silent edit suggests that someone is hiding.',
    ),
    figure(
      'newsroom-windows',
      'Illustration: dark buildings at night with scattered lit office windows',
      'Late shifts are when most errors are caught – and when most are made.',
      'Illustration: Skerry Review graphics desk',
    ),
    h2('How we do it'),
    p('At The Skerry Review we follow a simple policy, and we publish it:'),
    ol(
      'Every factual correction is noted at the end of the article, with the date and a plain description of what was wrong.',
      'Corrections are collected on a single public page, newest first.',
      'Changes to spelling, grammar or formatting that do not alter the meaning are not logged; everything else is.',
      'If a correction changes the substance of a story, we say so at the top, not only at the bottom.',
    ),
    p(
      'The log is not long, but it is not empty either. An empty corrections page is not a sign of perfection. It is a sign that nobody is looking.',
    ),
    h2('The tools matter'),
    p(
      'One practical obstacle for small newsrooms is software. Many publishing systems make it easy to edit an article and hard to record why. A corrections log should be a first-class feature: a dated note attached to the article that feeds both the article page and a site-wide list. If your tools do not support this, a plain page updated by hand will do. What matters is that it exists and that readers can find it.',
    ),
    p(
      'Trust is built slowly and lost quickly. A corrections log will not win it back on its own. But it gives readers a reason to believe that when you get something wrong, you will tell them – and in a crowded, noisy media landscape, that promise is worth a great deal.',
    ),
  ),
  sources: [
    {
      publisher: 'Fjordside Institute for Journalism',
      title: 'Do corrections cost trust? Results of a reader survey',
      url: 'https://fjordside.example/research/corrections-and-trust',
      note: 'We summarise its finding that dated corrections raise trust while discovered silent edits lower it sharply.',
    },
  ],
};

// Commentary: conditions for a durable ceasefire in (fictional) Estavia.
import type { DemoPost } from '../demo-site.types.js';
import { doc, h2, i, p, quote } from '../doc-builders.js';

export const estaviaCeasefire: DemoPost = {
  slug: 'estavia-ceasefire-conditions',
  type: 'post',
  title: 'What any ceasefire in Estavia will have to include',
  standfirst:
    'Talks between Estavia’s government and the commanders who hold its eastern provinces are expected to resume next month. Previous truces collapsed for predictable reasons. Here is what a durable one would need.',
  excerpt:
    'Three ceasefires in eastern Estavia have failed over the same unresolved questions: who controls the brigades, where monitors may go, and what happens to the detained. A fourth should answer them first.',
  language: 'en',
  authors: ['tomas-alden'],
  tags: ['geopolitics', 'estavia', 'davor-kessan', 'northern-shield-brigade', 'human-rights'],
  featuredImage: 'lindhamn-talks',
  workType: 'news',
  publishedDaysAgo: 9,
  body: doc(
    p(
      'There have been three ceasefires in eastern Estavia since the fighting began, and each ended the same way: quietly at first, with a few incidents at checkpoints, then all at once. Each was signed amid optimism, and each left the hardest questions for later. If the talks expected to resume next month in the neutral port of Lindhamn are to do better, the negotiators will have to settle several of those questions at the start rather than the end.',
    ),
    h2('Who controls whom'),
    p(
      'The first problem is the most basic. Estavia’s government negotiates as though it speaks for every armed group that formally belongs to its forces. It does not. The Northern Shield Brigade under Davor Kessan has taken orders from the capital only when it suited the brigade, and other units in the east behave in much the same way. A ceasefire that binds the ministry but not the brigades is a press release, not an agreement. Any text should name the armed groups it covers and require each commander to sign it individually, so that no one can later claim to have been merely informed.',
    ),
    h2('Monitors with real access'),
    p(
      'The second lesson concerns verification. The last truce relied on reports from both sides and a small observer mission that needed permission to travel. Permission was routinely refused. Monitors must be able to go anywhere at short notice, including the Brenna Valley, where credible reports of detentions and seizures of property have accumulated for months. An agreement that keeps observers out of the places where violations are most likely is designed to fail.',
    ),
    h2('The detained and the missing'),
    p(
      'Third, the fate of people detained during the conflict cannot wait for a final settlement. Families in the east have been told for two years that the question of prisoners belongs in “phase two”. Every delay makes the missing harder to find and feeds the distrust that brings ceasefires down. A first agreement should include an exchange of lists of people held, access for an independent humanitarian body and a timetable for releases.',
    ),
    h2('Property and return'),
    p(
      'Fourth, negotiators need at least a mechanism for property claims. In the valley, land and machinery have been taken under the pretext of “administration”. If people cannot return to land they can prove is theirs – or cannot prove anything, because the records were destroyed – displacement becomes permanent by default. A joint claims commission that accepts satellite imagery and village testimony as evidence would be a start.',
    ),
    p(
      'None of this is new. A briefing by the Orsava Policy Forum on the three failed truces found that each collapsed over exactly these issues: unclear chains of command, obstructed monitoring and the unresolved question of detainees. Its authors are blunt about why.',
    ),
    quote(
      'The parties did not fail to foresee the problems. They chose to postpone them.',
      p(i('— Orsava Policy Forum')),
    ),
    h2('The cost of postponing'),
    p(
      'There will be pressure, again, to sign something quickly. Aid budgets are stretched, donors are tired, and a signature is a tangible achievement that can be announced. But a fourth collapsed ceasefire would do more damage than a delayed first success. It would confirm to every commander in the region that agreements are temporary and that whatever is taken in the meantime can be kept.',
    ),
    p(
      'The people of eastern Estavia have heard promises of peace before. What they need now is an agreement specific enough to be broken visibly – and a commitment that, when it is, someone will act.',
    ),
  ),
  sources: [
    {
      publisher: 'Orsava Policy Forum',
      title: 'Three truces, one pattern: why ceasefires in eastern Estavia have failed',
      url: 'https://orsavaforum.example/briefings/2026/three-truces',
      note: 'We take from it the analysis of why the three previous ceasefires collapsed, and the quotation on postponed problems.',
    },
  ],
};

// Local economy: rebuilding a storm-damaged harbour. Title exercises ø and an en dash.
import type { DemoPost } from '../demo-site.types.js';
import { doc, h2, p, ul } from '../doc-builders.js';

export const sorvikHarbour: DemoPost = {
  slug: 'sorvik-harbour-rebuild-costs',
  type: 'post',
  title: 'After the storm in Sørvik – what rebuilding a harbour really costs',
  standfirst:
    'January’s storm destroyed the breakwater that protected Sørvik’s small harbour. The municipality must now decide whether to rebuild it, move it or let it go.',
  excerpt:
    'Rebuilding Sørvik’s breakwater would cost a third of the municipality’s annual investment budget. Letting it go would be cheaper on paper – and might cost the village its school.',
  language: 'en',
  authors: ['ragnhild-saether-brekke'],
  tags: ['economy', 'vesterhavn'],
  featuredImage: 'sorvik-breakwater',
  workType: 'news',
  dateline: 'Sørvik',
  publishedDaysAgo: 45,
  body: doc(
    p(
      'It took about six hours on the night of 15 January for the sea to undo what had taken three summers to build in the 1970s. By morning a forty-metre section of Sørvik’s breakwater had collapsed, two boats had sunk at their moorings and the fish landing shed was open to the sky.',
    ),
    p(
      'Nobody was hurt. For a village of 380 people, that was the news that mattered that week. The harder conversation began afterwards.',
    ),
    h2('Three options, three price tags'),
    p('Engineers commissioned by Vesterhavn municipality presented three options to the council last month:'),
    ul(
      'Rebuild the breakwater on its current line, raised by a metre to allow for higher storm surges: roughly 48 million kroner.',
      'Build a shorter, stronger breakwater and move the harbour basin 200 metres south, into the lee of the headland: about 61 million kroner, but with lower maintenance costs.',
      'Repair only the landing shed, let the harbour serve small leisure boats and move commercial landings to Vesterhavn: around 9 million kroner.',
    ),
    p('The municipality’s entire annual investment budget is a little over 150 million kroner.'),
    h2('What a harbour is for'),
    p(
      'Framed as an engineering problem, the third option looks sensible. Sørvik has four working boats. Vesterhavn’s harbour is twenty minutes away by road and has spare capacity.',
    ),
    p(
      'But a harbour is not only infrastructure for boats. In Sørvik it is the reason the shop stays open, the reason the ferry calls twice a day and the reason young families consider moving there at all. Residents at a packed meeting in the village hall last week made that case with some force. “If the boats go, the school goes next,” one parent said. “Then you have a village of holiday homes.”',
    ),
    p(
      'Economists would call these spillover effects. They are real, but they are hard to put a number on – which, in budget discussions, often means they are counted as zero.',
    ),
    h2('The bill nobody wants to see'),
    p(
      'There is a further complication. Sørvik is unlikely to be the last harbour on this coast to face the same choice. Storm surges have grown more frequent, and several breakwaters built in the same decade are nearing the end of their design life. Whatever the council decides will become a precedent, and the next request may come from a village with even fewer boats.',
    ),
    p(
      'That argues for a decision that is honest about costs on both sides of the ledger: not only the concrete, but what is lost when a working village becomes a place people merely visit. The council votes in April. Whichever option it chooses, it should publish its reasoning in full, so that the next community facing the same storm knows what the choice really involved.',
    ),
  ),
  sources: [],
  notes: [
    {
      kind: 'correction',
      body: 'An earlier version of this article said the storm struck Sørvik on the night of 14 January. It struck on the night of 15 January.',
      daysAfterPublication: 2,
    },
    {
      kind: 'clarification',
      body: 'The 48 million kroner for rebuilding the breakwater on its current line is the engineers’ estimate before value added tax, as are the other two figures.',
      daysAfterPublication: 3,
    },
  ],
};

// Local economy: a coastal fishing quota reform in (fictional) Vesterhavn.
import type { DemoPost } from '../demo-site.types.js';
import { doc, h2, i, p } from '../doc-builders.js';

export const vesterhavnQuota: DemoPost = {
  slug: 'quota-deal-vesterhavn-economy',
  type: 'post',
  title: 'The quota deal that quietly rewired Vesterhavn’s economy',
  standfirst:
    'Three years after the coastal quota reform, fewer boats are landing more fish, the harbour is busier than ever and the town has fewer fishermen. All of those things are true at once.',
  excerpt:
    'Pooled, tradeable quotas have modernised Vesterhavn’s fleet and concentrated half the district’s catch in six companies. The council now has to decide what kind of fishing town it wants to be.',
  language: 'en',
  authors: ['selma-okafor-lie'],
  tags: ['economy', 'vesterhavn'],
  featuredImage: 'vesterhavn-harbour',
  workType: 'analysis',
  dateline: 'Vesterhavn',
  publishedDaysAgo: 38,
  body: doc(
    p(
      'When the regional fisheries council approved the coastal quota reform three years ago, the debate in Vesterhavn was fierce but brief. The reform allowed quotas, previously tied to individual boats, to be pooled and traded between vessels in the same district. Supporters said it would let an ageing fleet consolidate and modernise. Opponents warned that it would hollow out the small-boat fishery that had defined the town for a century.',
    ),
    p('Both sides were partly right, and the figures now available make it possible to say how.'),
    h2('Fewer boats, more fish'),
    p(
      'The number of active vessels registered in Vesterhavn has fallen from 64 to 41. Total landings by value are up by about a fifth, helped by good prices for cod and a new freezing plant on the north quay. According to figures compiled by ',
      i('Vesterhavn Tidende'),
      ' from council records, more than half of the district’s quota is now controlled by six companies, up from roughly a quarter before the reform.',
    ),
    p(
      'That concentration has brought investment. The newer boats are safer, more fuel-efficient and better at keeping fish fresh, which is part of the reason prices have held up. Jobs at the freezing plant and in the harbour workshops have partly replaced those lost on deck, and the quay is busier in winter than anyone can remember.',
    ),
    h2('Who left'),
    p(
      'But the people who left the fleet were not a random sample. They were disproportionately owners of the smallest boats, many of them in their fifties and sixties, who sold their quota at prices they could hardly refuse. For them the reform worked as a pension. For the young people who might have followed them, it raised the price of entry beyond reach: a starter quota for a small coastal boat now costs more than a house in town.',
    ),
    p(
      '“My father sold when I was nineteen,” one former deckhand told us. “It was the right decision for him. It also meant I would never own a boat.”',
    ),
    p(
      'The effects reach beyond the harbour. Fewer owner-operators means fewer small firms buying nets, fuel and repairs locally, and more of the profit from the catch flowing to shareholders who do not live in the district.',
    ),
    h2('What the town can still decide'),
    p(
      'None of this is irreversible, but the window is narrowing. The council is due to revisit the reform next year. Options under discussion include a reserved pool of quota for new entrants, leased at below-market rates; a cap on how much of a district’s quota any one company may hold; and a requirement that quota stay attached to the district where it was issued.',
    ),
    p(
      'Each of these would slow consolidation, and each would cost the larger companies something. The honest question for Vesterhavn is not whether the reform was good or bad, but what kind of fishing town it wants to be in twenty years – and whether it is willing to pay for that choice now.',
    ),
  ),
  sources: [
    {
      publisher: 'Vesterhavn Tidende',
      title: 'Seks selskaper eier nå halvparten av kvotene i distriktet',
      url: 'https://vesterhavntidende.example/2026/01/kvotekonsentrasjon',
      note: 'We use its count of active vessels and its figures for the share of quota held by the six largest companies.',
    },
  ],
};

// Economy analysis: sanctions on grain from brigade-held (fictional) territory.
import type { DemoPost } from '../demo-site.types.js';
import { doc, h2, i, ol, p } from '../doc-builders.js';

export const grainSanctions: DemoPost = {
  slug: 'estavian-grain-sanctions-who-pays',
  type: 'post',
  title: 'Sanctions on Estavian grain: who actually pays?',
  standfirst:
    'Measures against grain traded from brigade-held territory were meant to squeeze the commanders. Six months on, the evidence suggests farmers and small importers are carrying most of the cost.',
  excerpt:
    'Blocking grain from brigade-held areas of Estavia was supposed to cut off the commanders’ money. Instead the grain is being laundered through government-held depots, and farmgate prices have collapsed.',
  language: 'en',
  authors: ['selma-okafor-lie'],
  tags: ['economy', 'estavia', 'geopolitics', 'northern-shield-brigade', 'brenna-valley'],
  featuredImage: 'grain-fields',
  workType: 'analysis',
  publishedDaysAgo: 30,
  body: doc(
    p(
      'When the Calder Sea Trade Council agreed last autumn to block imports of grain shipped from territory held by eastern Estavia’s armed brigades, the logic was straightforward. The brigades, including Davor Kessan’s Northern Shield Brigade, were financing themselves partly by taking a cut of the harvest – sometimes by taxing it, sometimes by simply seizing it. Cut off the market, the argument went, and you cut off the money.',
    ),
    p(
      'Six months later the measures are in place, and the money has not obviously dried up. What has changed is who absorbs the loss.',
    ),
    h2('A leaky barrier'),
    p(
      'Grain is hard to trace. Once wheat from the Brenna Valley has been mixed with wheat from neighbouring provinces in a storage depot, there is no practical way to tell them apart. According to an analysis in ',
      i('The Coastal Economist'),
      ', exports from Estavia’s government-held eastern provinces rose by almost a third in the first quarter after the sanctions took effect, even though the area under cultivation barely changed. The likeliest explanation is that brigade grain is being routed through government-held depots and sold as clean.',
    ),
    h2('Who loses'),
    p(
      'The people least able to reroute are the farmers themselves. Smallholders in the valley who still work their land now face two kinds of buyer: the brigade, which sets the price, and traders willing to risk smuggling, who demand a steep discount. Farmgate prices in brigade-held areas have fallen by as much as 40 per cent, the magazine estimates, while the brigades’ own margins appear largely intact.',
    ),
    p(
      'Further down the chain, importers around the Calder Sea must now prove the origin of every shipment from Estavia. The extra paperwork and delays fall hardest on small mills, some of which have stopped buying Estavian grain altogether – hurting farmers in government-held provinces who were never the target.',
    ),
    h2('Better-aimed tools'),
    p(
      'None of this means the sanctions were wrong in principle. Commanders who finance themselves from seized harvests should not enjoy open access to regional markets. But a measure aimed at them that mostly lands on others needs rethinking. Several options are on the table:',
    ),
    ol(
      'Certify depots rather than regions, with independent inspectors and published records of what each depot receives and ships.',
      'Target the individuals and trading companies known to handle brigade grain, instead of an entire area of origin.',
      'Offer a supported price to farmers in affected areas who sell through certified channels, so that the honest route is not also the ruinous one.',
    ),
    p(
      'Each has costs, and each demands more administrative effort than a line drawn on a map. That is rather the point. Sanctions that are easy to impose are often easy to evade, and the burden of evasion tends to fall on those with the least room to manoeuvre.',
    ),
    p(
      'The trade council is due to review the measures in the summer. It should begin by asking not whether the barrier exists, but who is standing on which side of it.',
    ),
  ),
  sources: [
    {
      publisher: 'The Coastal Economist',
      title: 'Clean wheat, dirty wheat: how brigade grain reaches the market',
      url: 'https://coastaleconomist.example/2026/02/brigade-grain-depots',
      note: 'Our figures on rising exports from government-held provinces and falling farmgate prices come from this analysis.',
    },
  ],
};

// Feature: volunteers documenting disappearances from the (fictional) Brenna Valley.
import type { DemoPost } from '../demo-site.types.js';
import { doc, figure, h2, p } from '../doc-builders.js';

export const countingTheMissing: DemoPost = {
  slug: 'counting-the-missing-velko-list',
  type: 'post',
  title: 'Counting the missing: the volunteers keeping a register of the disappeared',
  standfirst:
    'In a rented room above a pharmacy in Orsava, a group of teachers, students and retired clerks have built the most complete list of people missing from the Brenna Valley. Their method is slow, careful and deliberately unspectacular.',
  excerpt:
    'The Velko List began as one teacher’s notebook. It now holds 212 names, each confirmed by two independent accounts – and it has become a model for how communities can document disappearances.',
  language: 'en',
  authors: ['ragnhild-saether-brekke', 'tomas-alden'],
  tags: ['human-rights', 'mirela-dostan', 'brenna-valley', 'media', 'calder-sea-rights-monitor'],
  workType: 'analysis',
  publishedDaysAgo: 23,
  body: doc(
    p(
      'The register began with a notebook. In December, Mirela Dostan, a retired schoolteacher from the village of Velko, started writing down the names of neighbours who had not come home. By the end of the month the notebook held 40 names. Today the register kept by the group she founded, which calls itself simply the Velko List, has 212 entries, each supported by at least two independent accounts.',
    ),
    p(
      '“We are not investigators,” Dostan said when we spoke by video call. “We are people who know how to keep records. That turned out to be what was missing.”',
    ),
    h2('Two sources, every time'),
    p(
      'The group’s rules are strict. A name goes on the register only when two people who are not related to each other confirm that the person was detained or has disappeared, and at least one of them can give a date and a place. Every entry records who reported it, how the volunteers reached them and what remains uncertain. Entries are never deleted: when someone is found, released or confirmed dead, the entry is updated and the change is dated.',
    ),
    p(
      'The rules echo guidance published by the Calder Sea Rights Monitor for community groups documenting disappearances, which puts consistency ahead of volume. A smaller list that can be trusted, the guidance argues, is worth more than a larger one that cannot – to families, to journalists and, eventually, to any court.',
    ),
    figure(
      'orsava-volunteers',
      'Illustration: rows of figures in warm brown tones, seen from behind, a few holding up pale sheets',
      'Families attend a weekly meeting in Orsava where volunteers read out updates to the register.',
      'Illustration: Arne Vik / Nordlys Agency',
    ),
    h2('Why it matters to reporting'),
    p(
      'For journalists, lists like the Velko List are both valuable and hazardous. They offer a ground-level view that no outsider could assemble quickly. But they are also easy to misuse: a number lifted from a register without its caveats can travel far beyond anything the volunteers ever claimed. When The Skerry Review reports figures from the register, we quote them as the group’s own count, state how many entries are confirmed by two sources, and ask the volunteers what has changed since the figure was last published.',
    ),
    p(
      'That discipline runs both ways. On several occasions the volunteers have removed entries from their public summary after families asked them to, fearing reprisals against relatives still in the valley. The full register is kept offline, on encrypted drives held by three different people.',
    ),
    h2('The cost of keeping count'),
    p(
      'The work has a price. Several volunteers have received anonymous messages telling them to stop. Dostan says she no longer travels to the outskirts of Orsava alone. And the weight of listening, week after week, to people describing the last time they saw a son or a husband does not lift when the laptop is closed.',
    ),
    p(
      'The group has also had to learn when to say no. Journalists, researchers and officials now ask for access to the register almost daily. The volunteers share aggregate figures freely, but individual entries only with a family’s explicit consent, and never with anyone who cannot explain how the information will be protected.',
    ),
    p(
      'Asked why she continues, Dostan paused before answering. “Because when this is over, someone will say these people never existed. I want there to be a list that says they did, with dates, written down properly.”',
    ),
  ),
  sources: [
    {
      publisher: 'Calder Sea Rights Monitor',
      title: 'Documenting enforced disappearances: guidance for community groups',
      url: 'https://caldermonitor.example/guidance/documenting-disappearances',
      note: 'We compare the Velko List’s rules with this guidance on consistent, verifiable documentation.',
    },
  ],
};

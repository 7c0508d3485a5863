// Lead story: reported abuses in the (fictional) Brenna Valley by Commander Kessan's forces.
import type { DemoPost } from '../demo-site.types.js';
import { a, doc, figure, h2, i, p, quote } from '../doc-builders.js';

export const brennaValleyAbuses: DemoPost = {
  slug: 'brenna-valley-abuses-kessan-forces',
  type: 'post',
  title: '‘They came at night’: villagers in the Brenna Valley describe abuses by Commander Kessan’s forces',
  standfirst:
    'Accounts gathered by a regional newspaper, a rights monitor and legal analysts point to a pattern of detentions, looting and forced displacement since the Northern Shield Brigade took control of the valley.',
  excerpt:
    'Four months after the Northern Shield Brigade took the Brenna Valley, former residents describe night-time detentions, seized harvests and pressure to leave. What the evidence shows, and what it does not.',
  metaDescription:
    'Former residents of Estavia’s Brenna Valley describe detentions, seizures and forced displacement by the Northern Shield Brigade under Commander Davor Kessan.',
  language: 'en',
  authors: ['tomas-alden', 'ragnhild-saether-brekke'],
  tags: [
    'human-rights',
    'brenna-valley',
    'davor-kessan',
    'northern-shield-brigade',
    'calder-sea-rights-monitor',
    'estavia',
    'geopolitics',
  ],
  featuredImage: 'brenna-valley-road',
  isFeatured: true,
  workType: 'news',
  publishedDaysAgo: 2,
  body: doc(
    p(
      'In the four months since the Northern Shield Brigade took control of the Brenna Valley, a steady stream of accounts has emerged from the villages along the river: homes searched at night, men taken away without charge, livestock and harvest machinery loaded onto brigade trucks. The brigade, commanded by Davor Kessan, is formally part of Estavia’s armed forces but has operated with wide independence since the valley slipped out of government control last autumn.',
    ),
    p(
      'The Skerry Review has not been able to visit the valley, where access for journalists is restricted by brigade checkpoints. This article draws on reporting published by ',
      i('The Northern Ledger'),
      ', a report by the Calder Sea Rights Monitor and legal analysis from the ',
      i('Lex Bellica'),
      ' blog, alongside interviews we conducted by phone with four former residents who now live in the provincial capital, Orsava. We have withheld their names at their request.',
    ),
    h2('A pattern, not an incident'),
    p(
      'The accounts share a common shape. Units arrive after dark, usually in unmarked vehicles. Residents are told to produce identity papers and proof that they own their land – documents that many lost when the regional land registry burned during the fighting last year. Those who cannot produce them are told that their property is now “under administration”.',
    ),
    quote(
      'They asked for a paper that no longer exists anywhere. When my father said so, they wrote his name on a list. That was the last time we saw the tractor, and for eleven days we did not see him either.',
      p(i('— A former resident of Velko, now living in Orsava')),
    ),
    p(
      'According to ',
      i('The Northern Ledger'),
      ', which interviewed more than thirty displaced families over six weeks, at least 140 people from nine villages were detained between November and February. Most were released within days; the newspaper counted 23 who remain unaccounted for. Its reporters also obtained copies of handwritten receipts issued by brigade officers for seized grain and machinery. None of them has been honoured.',
    ),
    figure(
      'brenna-witness-statements',
      'Illustration: overlapping typed pages on a dark desk, one line marked with a red highlight',
      'Witness statements collected by volunteers in Orsava. Many of the former residents we spoke to had given similar accounts to several organisations.',
      'Illustration: Skerry Review graphics desk',
    ),
    h2('What the rights monitor found'),
    p(
      'The Calder Sea Rights Monitor’s report, published last month, is the most systematic attempt so far to document what has happened. Its researchers interviewed 61 people and analysed satellite imagery of the valley. They identify three recurring practices: arbitrary detention without access to a lawyer, the seizure of agricultural property, and pressure on families to leave – sometimes through explicit threats, sometimes simply by removing the means to make a living.',
    ),
    p(
      'The report is careful about what it cannot establish. It does not attribute specific incidents to named officers, and it notes that some abuses in the area predate the brigade’s arrival. But it concludes that the practices are “too consistent across villages and over time to be explained as the actions of undisciplined individuals”.',
    ),
    h2('The question of command responsibility'),
    p(
      'That distinction matters in law. Writing on ',
      i('Lex Bellica'),
      ', a blog on the law of armed conflict, the lawyer Hanne Rudstad argues that if the pattern described in the report holds up, the question is no longer only who carried out each act but what the brigade’s leadership knew and failed to prevent. Under the doctrine of command responsibility, a commander who knew or should have known of abuses by forces under his effective control, and who took no reasonable steps to stop or punish them, can himself be held to account.',
    ),
    p(
      'Rudstad is cautious about getting ahead of the evidence. Establishing effective control over a force as loosely organised as the Northern Shield Brigade is difficult, she notes, and any investigation would need access to the valley that no independent body currently has.',
    ),
    p(
      'Commander Kessan has not responded to repeated requests for comment sent through the brigade’s press office. In a televised address in January he described reports of abuses as “a campaign by people who want the valley to remain ungoverned”, and said that property taken by his forces was being held “for safekeeping” until ownership could be verified.',
    ),
    h2('What comes next'),
    p(
      'Estavia’s government, which still formally counts the brigade among its forces, has said it will appoint a commission to examine the allegations, but it has not named its members or set a timetable. Meanwhile the families in Orsava are waiting – for news of the missing, for their land, and for some sign that the accounts they have given, again and again, to reporters and researchers will lead anywhere.',
    ),
    p(
      'We will continue to follow the story. If you have information about events in the Brenna Valley, you can contact our foreign desk securely; details are on our ',
      a('About page', '/about/'),
      '.',
    ),
  ),
  sources: [
    {
      publisher: 'The Northern Ledger',
      title: 'Nine villages, one pattern: the detentions of the Brenna Valley',
      url: 'https://northernledger.example/2026/03/brenna-valley-detentions',
      note: 'We rely on its reporting for the detention figures, the count of 23 people still missing and the handwritten seizure receipts.',
    },
    {
      publisher: 'Lex Bellica',
      title: 'Command responsibility and the Northern Shield Brigade: what would have to be proven',
      url: 'https://lexbellica.example/posts/command-responsibility-northern-shield',
      note: 'We draw on its analysis of command responsibility and of the limits of what can currently be established.',
    },
    {
      publisher: 'Calder Sea Rights Monitor',
      title: '“Under Administration”: Detention and Dispossession in the Brenna Valley',
      url: 'https://caldermonitor.example/reports/2026/under-administration',
      note: 'We cite its three recurring practices, identified from 61 interviews and satellite imagery, and its conclusion on consistency.',
    },
  ],
};

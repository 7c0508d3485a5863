import type { DomainContext } from '../domain/context.js';
import type { SourceArchivePorts } from '../domain/ports.js';
import { archiveFromCopy } from '../domain/sources/archive-sources.js';
import { recordLinkCheck } from '../domain/sources/link-health.js';
import { systemActor } from '../domain/staff/permissions.js';

/**
 * The demo's evidence story: the lead story's first source, The Northern Ledger's detentions
 * report, was archived when the story was published and has since gone from its address (404). The
 * page below stands for what the archiver fetched then (a fictional site, like every demo source);
 * it passes through the real page reader and sanitizer, so its script, tracking pixel, comment form
 * and embedded frame are stripped exactly as a fetched page's would be. No network is used.
 */
export const demoArchivedUrl = 'https://northernledger.example/2026/03/brenna-valley-detentions';

const demoArchivedPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Nine villages, one pattern: the detentions of the Brenna Valley | The Northern Ledger</title>
<script>window.ledgerAnalytics = { page: 'detentions' };</script>
<style>body { font-family: serif; }</style>
</head>
<body onload="ledgerAnalytics.start()">
<header><nav><a href="/">The Northern Ledger</a> <a href="/world/">World</a> <a href="/subscribe/">Subscribe</a></nav></header>
<main>
<article>
<h1>Nine villages, one pattern: the detentions of the Brenna Valley</h1>
<p><em>By our correspondent in Orsava · 14 March 2026</em></p>
<p>Over six weeks, reporters for The Northern Ledger spoke to families in nine villages of the Brenna Valley who described the same sequence of events: men taken from their homes at night by soldiers of the Northern Shield Brigade, held without charge, and in many cases not seen again.</p>
<p>We were able to document 112 detentions between October and February. Of those detained, 23 are still missing; their families say they have received no word from the brigade or from the authorities in the capital.</p>
<p>In four villages, families showed us handwritten receipts for livestock, vehicles and grain taken during the raids. The receipts carry the brigade's stamp and, in several cases, the same signature.</p>
<h2>A pattern, not an accident</h2>
<p>Former residents and two people who served with the brigade told the Ledger that the detentions followed lists drawn up in advance. "They knew which doors to knock on," said one woman in Orsava whose husband and brother were taken on the same night.</p>
<p>The brigade did not answer our written questions. A government spokesperson said any allegation would be examined by a commission whose members have not yet been named.</p>
<figure><iframe src="https://video.example/embed/brenna"></iframe><figcaption>Video: families in Orsava describe the night raids.</figcaption></figure>
<button onclick="share()">Share this report</button>
</article>
</main>
<aside><form action="/comments" method="post"><label>Comment <textarea name="c"></textarea></label><button>Post</button></form></aside>
<footer><p>© 2026 The Northern Ledger</p><img src="https://pixel.example/t.gif" alt=""></footer>
<script src="https://cdn.example/ledger.js"></script>
</body>
</html>
`;

/** A page fetcher that answers only from the copy above and refuses everything else (images too). */
const offline: SourceArchivePorts['fetcher'] = {
  get: async () => {
    throw new Error('the demo fetches nothing');
  },
};

/**
 * Archives the copy for every demo post citing it, as of the post's publication, then records the
 * later check that found it gone. `archive` is the site's own archive, with the fetcher replaced so
 * that nothing leaves the machine.
 */
export async function archiveDemoSource(
  ctx: DomainContext,
  archive: SourceArchivePorts,
  posts: { id: string; publishedAt: Date }[],
): Promise<void> {
  const actor = systemActor('demo');
  const ports = { ...archive, fetcher: offline };
  const fetched = {
    url: demoArchivedUrl,
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: Buffer.from(demoArchivedPage, 'utf8'),
  };
  for (const post of posts) {
    const asOfPublication = { ...ctx, clock: { now: () => post.publishedAt } };
    const sourceId = await archiveFromCopy(asOfPublication, ports, actor, {
      postId: post.id,
      url: demoArchivedUrl,
      fetched,
    });
    if (sourceId)
      await recordLinkCheck(ctx, actor, {
        sourceId,
        state: 'gone',
        httpStatus: 404,
        finalUrl: demoArchivedUrl,
      });
  }
}

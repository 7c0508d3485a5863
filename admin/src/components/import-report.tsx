// An import's plan or report: counts per kind, then every skip with its reason, the missing media and
// what was not understood (blocks, shortcodes, cards), as the server's ImportReport says.
import type { ImportReport } from '../api.js';
import { formatNumber, t, type Key } from '../i18n.js';

type Counts = ImportReport['posts'];

function countRows(report: ImportReport): [Key, Counts][] {
  const rows: [Key, Counts][] = [
    ['importKindPosts', report.posts],
    ['importKindPages', report.pages],
    ['importKindAuthors', report.authors],
    ['importKindTags', report.tags],
    ['importKindMedia', report.media],
    ['importKindRedirects', report.redirects],
  ];
  if (report.ghost)
    rows.push(
      ['importKindNewsletters', report.ghost.newsletters],
      ['importKindMembers', report.ghost.members],
    );
  return rows;
}

const tallied = (record: Record<string, number>) =>
  Object.entries(record).map(([name, n]) => `${name} (${formatNumber(n)})`);

function Listed(props: { id: string; title: string; items: string[]; more?: number }) {
  if (props.items.length === 0) return null;
  return (
    <>
      <h3 id={props.id}>{props.title}</h3>
      <ul class="import-list" aria-labelledby={props.id}>
        {props.items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
      {props.more ? <p class="muted">{t('importListMore', { count: formatNumber(props.more) })}</p> : null}
    </>
  );
}

export function ImportReportView({ report, prefix }: { report: ImportReport; prefix: string }) {
  const ghost = report.ghost;
  return (
    <div class="import-report">
      <table class="list">
        <caption>{report.isDryRun ? t('importPlanCaption') : t('importReportCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('importWhat')}</th>
            <th scope="col">{report.isDryRun ? t('importToCreate') : t('importCreated')}</th>
            <th scope="col">{report.isDryRun ? t('importToUpdate') : t('importUpdated')}</th>
            <th scope="col">{t('importSkipped')}</th>
          </tr>
        </thead>
        <tbody>
          {countRows(report).map(([label, counts]) => (
            <tr key={label}>
              <th scope="row">{t(label)}</th>
              <td>{formatNumber(counts.created)}</td>
              <td>{formatNumber(counts.updated)}</td>
              <td>{formatNumber(counts.skipped)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('importMissingMediaCount', {
          count: formatNumber(report.media.missing.length + report.omitted.missingMedia),
        })}{' '}
        {report.source === 'wordpress'
          ? t('importCommentsNotImported', { count: formatNumber(report.comments) })
          : null}
        {ghost ? t('importNobodyEmailed') : null}
      </p>
      <Listed
        id={`${prefix}-skips`}
        title={t('importSkips')}
        items={report.skips.map((s) => t('importSkipLine', { item: s.item, reason: s.reason }))}
        more={report.omitted.skips}
      />
      <Listed
        id={`${prefix}-missing`}
        title={t('importMissingMedia')}
        items={report.media.missing}
        more={report.omitted.missingMedia}
      />
      <Listed
        id={`${prefix}-blocks`}
        title={t('importUnknownBlocks')}
        items={tallied(report.unknownBlocks)}
      />
      <Listed
        id={`${prefix}-shortcodes`}
        title={t('importUnknownShortcodes')}
        items={tallied(report.unknownShortcodes)}
      />
      {ghost ? (
        <>
          <Listed
            id={`${prefix}-cards`}
            title={t('importUnknownCards')}
            items={tallied(ghost.unknownCards)}
          />
          <Listed
            id={`${prefix}-dropped`}
            title={t('importDroppedCards')}
            items={tallied(ghost.droppedCards)}
          />
          <Listed id={`${prefix}-injection`} title={t('importCodeInjection')} items={ghost.codeInjection} />
        </>
      ) : null}
      <Listed
        id={`${prefix}-notes`}
        title={t('importNotes')}
        items={report.notes.map((n) => t('importSkipLine', { item: n.item, reason: n.note }))}
        more={report.omitted.notes}
      />
      <Listed id={`${prefix}-reader`} title={t('importReaderNotices')} items={report.readerNotices} />
    </div>
  );
}

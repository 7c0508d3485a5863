import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { BareAmpersandRepair } from '../../src/adapters/import/bare-ampersands.js';
import { readWxr, readWxrFile, type WxrLimits } from '../../src/adapters/import/wxr-reader.js';
import { WxrReadError, type WxrItem, type WxrRecord } from '../../src/domain/import/wordpress-export.js';

/*
 * The WordPress export reader against every WXR file in test/fixtures/wxr (real exports and the
 * WordPress importer's own test files) and against hostile documents.
 */

const fixtures = 'test/fixtures/wxr';
const wp = (path: string) => join(fixtures, 'wordpress-importer/phpunit-data', path);

async function readAll(records: AsyncIterable<WxrRecord>): Promise<WxrRecord[]> {
  const all: WxrRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}

const items = (records: WxrRecord[]): WxrItem[] =>
  records.flatMap((r) => (r.kind === 'item' ? [r.item] : []));

async function refusal(records: AsyncIterable<WxrRecord>): Promise<WxrReadError> {
  try {
    await readAll(records);
  } catch (error) {
    assert.ok(error instanceof WxrReadError, `expected a WxrReadError, got ${String(error)}`);
    return error;
  }
  assert.fail('the file was expected to be refused');
}

async function* chunked(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

function wxr(body: string, { prolog = '', version = '1.2' } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${prolog}
<rss version="2.0" xmlns:wp="http://wordpress.org/export/${version}/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:excerpt="http://wordpress.org/export/${version}/excerpt/">
<channel><title>Fjord Post</title><link>https://fjordpost.example</link><wp:wxr_version>${version}</wp:wxr_version>
${body}</channel></rss>`;
}

function allXmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return allXmlFiles(path);
    return name.endsWith('.xml') ? [path] : [];
  });
}

/** Files that are not well-formed or not WXR on purpose, and the error each must give. */
const refusedFixtures: Record<string, RegExp> = {
  'branch-fixtures/namespace-attacks.xml': /not well-formed XML: may not assign a prefix/,
  'phpunit-data/crazy-cdata.xml': /not well-formed XML: the string "\]\]>" is disallowed/,
  'phpunit-data/invalid-version-tag.xml': /does not appear to be a WordPress export .*version is "abc"/,
  'phpunit-data/malformed-simple.xml': /not well-formed XML: unclosed tag: item \(line 14/,
  'phpunit-data/malformed.xml': /does not appear to be a WordPress export .*<notachanneltag>/,
  'phpunit-data/missing-version-tag.xml': /does not appear to be a WordPress export .*no <wp:wxr_version>/,
};

describe('every WXR fixture is read, or refused with its documented error', () => {
  for (const path of allXmlFiles(fixtures).sort()) {
    const refused = Object.entries(refusedFixtures).find(([suffix]) => path.endsWith(suffix));
    test(path.slice(fixtures.length + 1), async () => {
      if (refused) {
        assert.match((await refusal(readWxrFile(path))).message, refused[1]);
        return;
      }
      const records = await readAll(readWxrFile(path));
      assert.equal(records[0]?.kind, 'site');
      assert.equal(records.filter((r) => r.kind === 'site').length, 1);
    });
  }
});

describe('the Theme Unit Test', () => {
  const path = join(fixtures, 'theme-test-data/themeunittestdata.wordpress.xml');

  test('186 items of the right types, with authors and terms', async () => {
    const records = await readAll(readWxrFile(path));
    const byType = new Map<string, number>();
    for (const item of items(records)) byType.set(item.postType, (byType.get(item.postType) ?? 0) + 1);
    assert.equal(items(records).length, 186);
    assert.deepEqual(Object.fromEntries(byType), { post: 58, page: 21, attachment: 37, nav_menu_item: 70 });
    assert.equal(records.filter((r) => r.kind === 'author').length, 2);
    const terms = records.flatMap((r) => (r.kind === 'term' ? [r.term] : []));
    // 68 <wp:category> and one category declared as a <wp:term> ("6.1").
    assert.equal(terms.filter((t) => t.taxonomy === 'category').length, 69);
    assert.ok(terms.some((t) => t.taxonomy === 'category' && t.slug === '6-1' && t.name === '6.1'));
    assert.equal(terms.filter((t) => t.taxonomy === 'post_tag').length, 110);
  });

  test('exact fields: dates, statuses, sticky, comments, meta and filed terms', async () => {
    const all = items(await readAll(readWxrFile(path)));
    const posts = all.filter((i) => i.postType === 'post');
    assert.ok(posts.every((p) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(p.postDate)));
    assert.ok(posts.some((p) => p.status === 'future'));
    assert.ok(posts.some((p) => p.status === 'draft'));
    assert.ok(posts.some((p) => p.password !== ''));
    assert.ok(posts.some((p) => p.isSticky));
    assert.equal(
      all.reduce((sum, i) => sum + i.commentCount, 0),
      33,
    );
    assert.ok(all.some((i) => i.content.includes('<!--more-->')));
    const withThumbnail = posts.find((p) => p.meta.some((m) => m.key === '_thumbnail_id'));
    assert.ok(withThumbnail, 'a post has a featured image');
    const attachments = all.filter((i) => i.postType === 'attachment');
    assert.ok(attachments.every((a) => /^https?:\/\//.test(a.attachmentUrl)));
    assert.ok(
      posts.some((p) => p.terms.some((t) => t.domain === 'post_tag' && t.slug !== '' && t.name !== '')),
    );
  });
});

describe('text exactly as exported', () => {
  const only = async (path: string) => items(await readAll(readWxrFile(wp(path))))[0]!;

  test('CDATA split around "]]>", several CDATA sections, and a near-miss ending', async () => {
    const item = await only('crazy-cdata-escaped.xml');
    assert.equal(item.content, 'Content with nested <![CDATA[ tags ]]> :)');
    assert.deepEqual(
      item.meta.map((m) => m.value),
      ['Foo', ']]>', 'This has <![CDATA[ opening and ]]> closing <![CDATA[ tags like this: ]]>'],
    );
    assert.equal((await only('cdata-edge.xml')).content, 'ends with sequence ]] >');
    const multiple = await only('multiple-cdata.xml');
    assert.ok(!multiple.content.includes('CDATA'), multiple.content);
  });

  test('backslashes, quotes and blank lines survive', async () => {
    assert.equal((await only('backslashes.xml')).content, 'C:\\xampp\\htdocs\\wp-content');
    const blank = await only('post-content-blank-lines.xml');
    assert.match(blank.content, /\n\n/);
    const slashes = await readAll(readWxrFile(wp('slashes.xml')));
    const names = slashes.flatMap((r) => (r.kind === 'term' ? [r.term.name] : []));
    assert.ok(names.includes('a \\"great\\" category'), names.join(' | '));
  });

  test('serialized PHP meta is kept byte for byte', async () => {
    const source = readFileSync(wp('test-serialized-postmeta-no-cdata.xml'), 'utf8');
    const item = items(await readAll(readWxr(chunked(source, 97))))[0]!;
    const serialized = item.meta.find((m) => m.value.startsWith('a:'));
    assert.ok(serialized, 'a serialized array is among the meta');
    assert.match(serialized.value, /^a:\d+:\{.*\}$/s);
  });

  test('UTF-8 challenges: emoji, bidi controls and zero-width characters are kept', async () => {
    const source = readFileSync(wp('wxr-utf-8-challenges.xml'), 'utf8');
    const whole = await readAll(readWxr(chunked(source, source.length)));
    const drip = await readAll(readWxr(chunked(source, 3)));
    assert.deepEqual(drip, whole, 'a multi-byte character cut between chunks reads the same');
    const item = items(whole)[0]!;
    assert.match(item.title + item.content, /\p{Extended_Pictographic}/u);
  });

  test('the result does not depend on where the chunks end', async () => {
    const source = readFileSync(join(fixtures, 'tryghost-migrate-mg-wp-xml/sample.xml'), 'utf8');
    const whole = await readAll(readWxr(chunked(source, source.length)));
    for (const size of [1, 7, 64, 1000])
      assert.deepEqual(await readAll(readWxr(chunked(source, size))), whole);
  });
});

describe('namespaces by URI, never by prefix', () => {
  test('a hijacked wp prefix yields nothing; WXR namespaces under other prefixes are read', async () => {
    const records = await readAll(readWxrFile(wp('namespace-edge-cases.xml')));
    const byTitle = new Map(items(records).map((i) => [i.title, i]));
    assert.equal(byTitle.get('Mixed Namespaces')?.postId, '1');
    assert.equal(byTitle.get('No Prefix')?.postId, '2');
    assert.equal(byTitle.get('Hijacked Namespace')?.postId, '');
    const authors = records.flatMap((r) => (r.kind === 'author' ? [r.author] : []));
    assert.ok(authors.length >= 1);
    assert.equal(
      records.filter((r) => r.kind === 'term').length,
      2,
      'the term under a foreign namespace is not a term',
    );
  });

  test('WXR 1.0 exports, with the old category form', async () => {
    const records = await readAll(readWxrFile(wp('valid-wxr-1.0.xml')));
    assert.equal(records[0]?.kind === 'site' && records[0].site.wxrVersion, '1.0');
    assert.ok(items(records).some((i) => i.terms.some((t) => t.domain === 'tag')));
  });
});

describe('the unescaped "&" of real exports', () => {
  test('an attachment URL with a raw query string is read, and the repair is reported', async () => {
    const records = await readAll(readWxrFile(join(fixtures, 'tryghost-migrate-mg-wp-xml/sample.xml')));
    const attachment = items(records).find((i) => i.attachmentUrl.includes('unsplash'))!;
    assert.match(attachment.attachmentUrl, /\?ixlib=rb-1\.2\.1&ixid=[^&]+&auto=format&fit=crop&w=1268&q=80$/);
    const notice = records.find((r) => r.kind === 'notice');
    assert.ok(notice?.kind === 'notice' && /^10 unescaped "&" characters/.test(notice.notice));
  });

  test('the repair changes nothing that is well-formed, however the chunks fall', () => {
    const input =
      '<a href="x?a=1&amp;b=2">&lt;&#233;&#xE9;&nbsp;</a><![CDATA[ raw & ok ]]><!-- a & b --><?pi a & b?>' +
      '<u>1 & 2 &wp; &#; & end</u>';
    const expected =
      '<a href="x?a=1&amp;b=2">&lt;&#233;&#xE9;&nbsp;</a><![CDATA[ raw & ok ]]><!-- a & b --><?pi a & b?>' +
      '<u>1 &amp; 2 &wp; &amp;#; &amp; end</u>';
    for (let size = 1; size <= input.length; size++) {
      const repair = new BareAmpersandRepair();
      let out = '';
      for (let i = 0; i < input.length; i += size) out += repair.push(input.slice(i, i + size));
      out += repair.push('', true);
      assert.equal(out, expected, `chunks of ${size}`);
      assert.equal(repair.repaired, 3);
    }
  });
});

describe('hostile documents are refused at once, expanding nothing', () => {
  const hostileDir = 'test/fixtures/badinput/xml';
  for (const name of readdirSync(hostileDir).filter((n) => n.startsWith('patt_'))) {
    test(name, async () => {
      const error = await refusal(readWxrFile(join(hostileDir, name)));
      // The out-of-band sample has prose before its prolog: refused as broken before its DTD is met.
      assert.match(error.message, /declares a DTD|not well-formed XML: text data outside of root node/);
    });
  }

  const entityBomb = `<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`;
  const cases: Record<string, [string, RegExp]> = {
    'billion laughs inside a WXR file': [
      wxr('<item><title>&c;</title><wp:post_type>post</wp:post_type></item>', { prolog: entityBomb }),
      /declares a DTD/,
    ],
    'XXE to a file': [
      wxr('<item><title>&x;</title></item>', {
        prolog: '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
      }),
      /declares a DTD/,
    ],
    'XXE to a metadata address': [
      wxr('<item><title>&x;</title></item>', {
        prolog: '<!DOCTYPE rss [<!ENTITY x SYSTEM "http://169.254.169.254/latest/meta-data/">]>',
      }),
      /declares a DTD/,
    ],
    'an entity never declared': [wxr('<item><title>&x;</title></item>'), /not well-formed XML/],
    'XInclude is only an unknown element': [
      wxr(
        '<item xmlns:xi="http://www.w3.org/2001/XInclude"><title>t</title><xi:include href="file:///etc/passwd" parse="text"/></item>',
      ).replace('<title>t</title>', '<title>t&amp;</title>'),
      /$^/,
    ],
    'a CDATA break-out': [
      wxr('<item><content:encoded><![CDATA[ a ]]> <script>x</script> ]]></content:encoded></item>'),
      /not well-formed XML/,
    ],
    'an export in another encoding': [
      wxr('').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'),
      /encoded as ISO-8859-1; only UTF-8/,
    ],
    'not RSS at all': ['<?xml version="1.0"?><html><body>hi</body></html>', /root element is <html>/],
    'an empty file': ['', /not well-formed XML|no <wp:wxr_version>/],
    'JSON instead of XML': ['{"db":[]}', /not well-formed XML/],
    'a truncated export': [wxr('<item><title>cut').slice(0, -30), /not well-formed XML/],
  };
  for (const [name, [text, expected]] of Object.entries(cases)) {
    test(name, async () => {
      if (expected.source === '$^') {
        const item = items(await readAll(readWxr(chunked(text, 512))))[0]!;
        assert.equal(item.title, 't&');
        return;
      }
      assert.match((await refusal(readWxr(chunked(text, 512)))).message, expected);
    });
  }

  test('50,000-deep nesting is refused by depth, not by exhausting memory or the stack', async () => {
    const deep = wxr(`<item>${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</item>`);
    assert.match((await refusal(readWxr(chunked(deep, 65536)))).message, /nested more than 48 deep/);
  });

  test('an item larger than the limit is refused, as is one with too many elements', async () => {
    const limits: Partial<WxrLimits> = { maxElementChars: 10_000, maxElementNodes: 100 };
    const big = wxr(`<item><content:encoded>${'x'.repeat(20_000)}</content:encoded></item>`);
    assert.match((await refusal(readWxr(chunked(big, 4096), limits))).message, /more than 10000 characters/);
    const many = wxr(`<item>${'<wp:postmeta/>'.repeat(500)}</item>`);
    assert.match((await refusal(readWxr(chunked(many, 4096), limits))).message, /more than 100 elements/);
  });

  test('records stream out while the file is still being read', async () => {
    let produced = 0;
    async function* endless(): AsyncGenerator<string> {
      yield wxr('').replace('</channel></rss>', '');
      for (;;) {
        produced++;
        yield `<item><title>Story ${produced}</title><wp:post_type>post</wp:post_type></item>`;
      }
    }
    let seen = 0;
    for await (const record of readWxr(endless())) if (record.kind === 'item' && ++seen === 1000) break;
    assert.equal(seen, 1000);
    assert.ok(produced < 1100, `read ${produced} items ahead to yield 1000`);
  });
});

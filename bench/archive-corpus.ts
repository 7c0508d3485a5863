/**
 * A newsroom's archive, generated fast: N published posts of realistic varied text (~800 words,
 * English and Norwegian bokmål), 500 tags, 20 authors, sources on every third post. Rows go in
 * with batched inserts straight through SQL (not the HTTP API, not one save at a time); the search
 * index is then built by the same `reindexAll` that `broadsheet search reindex` runs.
 * Used by `npm run bench:search`; `bench:archive` reuses it.
 */
import type { Kysely } from 'kysely';
import { reindexAll } from '../src/domain/search/index-posts.js';
import type { Repositories } from '../src/domain/ports.js';
import type { Database } from '../src/storage/tables.js';

export interface ArchiveCorpusOptions {
  posts: number;
  tags?: number;
  authors?: number;
  wordsPerPost?: number;
  /** Share of posts in Norwegian bokmål (the rest are English). */
  norwegianShare?: number;
  seed?: number;
  /** Build the search index too (default true). */
  isIndexed?: boolean;
  onProgress?: (message: string) => void;
}

export interface ArchiveCorpus {
  postIds: string[];
  tagNames: string[];
  authorNames: string[];
  vocabulary: { en: string[]; nb: string[] };
}

const en = `government minister election parliament court ruling judge police investigation report reported
reports reporting journalist newspaper editor press freedom human rights abuses village villagers valley
harbour fishing quota fleet ferry coast storm flood drought harvest grain wheat exports sanctions trade
tariff market prices inflation budget deficit taxes pension hospital doctors nurses patients health
school teachers students university research climate emissions energy oil gas wind solar power grid
railway road bridge tunnel construction housing rent mayor council city district region border refugees
migrants asylum camp aid agency charity donors conflict ceasefire army soldiers militia general commander
attack strike protest demonstrators arrests prison detention torture witnesses testimony evidence documents
leaked emails contract company chief executive shareholders profits losses workers union wages jobs
factory mine copper gold timber forest wildlife whales salmon farming pollution river lake mountain
island airport airline flights tourism hotel festival museum library church mosque election campaign
candidate vote ballot turnout opposition coalition party leader spokesman statement interview survey
poll majority minority law bill amendment constitution treaty summit delegation embassy ambassador
diplomats negotiations talks agreement deal corruption bribery fraud audit inquiry commission hearing
verdict appeal sentence fine compensation victims families children women elders community residents`
  .split(/\s+/)
  .filter(Boolean);

const nb =
  `regjeringen statsråd valget stortinget domstol dommen dommer politiet etterforskning rapport rapporterte
rapporten journalist avisen redaktør pressefrihet menneskerettigheter overgrep overgrepene bygda landsbyen
dalen havna fiske kvote flåten ferja kysten storm flom tørke innhøsting korn hvete eksport sanksjoner handel
toll markedet prisene inflasjon budsjettet underskudd skatter pensjon sykehuset leger sykepleiere pasienter
helse skolen lærere studenter universitetet forskning klima utslipp energi olje gass vind sol strøm nettet
jernbane veien brua tunnelen bygging boliger husleie ordfører kommunestyret byen bydelen regionen grensen
flyktninger migranter asyl leiren bistand organisasjonen givere konflikten våpenhvile hæren soldater milits
generalen angrep streik protest demonstranter arrestasjoner fengsel varetekt tortur vitner vitneforklaring
bevis dokumenter lekket eposter kontrakt selskapet konsernsjef aksjonærer overskudd tap arbeidere forbundet
lønn jobber fabrikken gruva kobber gull tømmer skogen dyreliv hval laks oppdrett forurensning elva innsjøen
fjellet øya flyplassen flyselskap turisme hotellet festivalen museet biblioteket kirken moskeen kampanjen
kandidat stemme oppslutning opposisjonen koalisjonen partiet lederen talsperson uttalelse intervju
undersøkelse flertall mindretall loven lovforslag grunnloven avtalen toppmøte delegasjon ambassaden
forhandlinger korrupsjon bestikkelser svindel revisjon granskning kommisjonen høring anke straff bot
erstatning ofrene familiene barna kvinnene lokalsamfunnet innbyggerne`
    .split(/\s+/)
    .filter(Boolean);

const glue = {
  en: 'the of and to in a that for on with as was at by from has have said were is it their after over'.split(
    ' ',
  ),
  nb: 'og i det som på er en til av for med at de har sa var om etter fra ved ikke seg også'.split(' '),
};

const givenNames =
  'Kari Ola Ingrid Lars Amina Jonas Sofie Henrik Maria Erik Leila Nils Astrid Tor Elin Omar Sara Per Hanna Johan'.split(
    ' ',
  );
const familyNames =
  'Nordmann Haugen Berg Dahl Lund Strand Moen Bakke Solberg Hansen Eriksen Larsen Aas Vik Holm Lie Ruud Foss Nygaard Brekke'.split(
    ' ',
  );
const publishers = [
  'The Guardian',
  'Reuters',
  'NRK',
  'Aftenposten',
  'Just Security',
  'Associated Press',
  'BBC',
  'VG',
];

/** A small seeded PRNG (mulberry32), so every run builds the same archive. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
/** Zipf-like: a few words are common, most are rare (as in real text). */
const zipf = <T>(rng: Rng, items: T[]) => items[Math.floor(items.length * rng() ** 2.2)]!;
const pick = <T>(rng: Rng, items: T[]) => items[Math.floor(rng() * items.length)]!;

function sentence(rng: Rng, language: 'en' | 'nb'): string {
  const words: string[] = [];
  const length = 8 + Math.floor(rng() * 14);
  for (let i = 0; i < length; i++)
    words.push(rng() < 0.45 ? pick(rng, glue[language]) : zipf(rng, language === 'en' ? en : nb));
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function bodyOf(rng: Rng, language: 'en' | 'nb', words: number): string[] {
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences = Array.from({ length: 3 + Math.floor(rng() * 4) }, () => sentence(rng, language));
    const paragraph = sentences.join(' ');
    count += paragraph.split(' ').length;
    paragraphs.push(paragraph);
  }
  return paragraphs;
}

/** The words the archive's text is drawn from (realisticQueries draws from them too). */
export const archiveVocabulary = { en, nb };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const idOf = (prefix: string, n: number) => `${prefix}${n.toString(16).padStart(24 - prefix.length, '0')}`;

async function insertAll<T>(db: Kysely<Database>, table: keyof Database, rows: T[], batch: number) {
  for (let i = 0; i < rows.length; i += batch)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + batch) as never)
      .execute();
}

async function insertPeople(db: Kysely<Database>, rng: Rng, authors: number, tags: number, now: string) {
  const authorNames = Array.from(
    { length: authors },
    (_, i) => `${givenNames[i % 20]} ${familyNames[(i * 7) % 20]}`,
  );
  await insertAll(
    db,
    'staff_users',
    authorNames.map((name, i) => ({
      id: idOf('a', i),
      slug: `bench-author-${i}`,
      name,
      email: `bench-author-${i}@news.example`,
      role: 'author',
      status: 'active',
      password_hash: null,
      bio: '',
      location: '',
      website: '',
      photo_media_id: null,
      locale: 'en',
      created_at: now,
      updated_at: now,
    })),
    100,
  );
  const tagNames = Array.from({ length: tags }, (_, i) => {
    const word = i % 2 ? pick(rng, en) : pick(rng, nb);
    return `${word[0]!.toUpperCase()}${word.slice(1)} ${i}`;
  });
  await insertAll(
    db,
    'tags',
    tagNames.map((name, i) => ({
      id: idOf('t', i),
      slug: `bench-tag-${i}`,
      name,
      kind: pick(rng, ['topic', 'person', 'organisation', 'place']),
      description: '',
      language: null,
      created_at: now,
      updated_at: now,
    })),
    200,
  );
  return { authorNames, tagNames };
}

function postRow(rng: Rng, i: number, words: number, norwegianShare: number) {
  const language = rng() < norwegianShare ? 'nb' : 'en';
  const paragraphs = bodyOf(rng, language, words);
  const title = sentence(rng, language)
    .slice(0, -1)
    .split(' ')
    .slice(0, 6 + Math.floor(rng() * 5))
    .join(' ');
  const standfirst = sentence(rng, language);
  const published = new Date(Date.UTC(2016, 0, 1) + Math.floor(rng() * 10 * 365 * 86_400_000)).toISOString();
  return {
    id: idOf('p', i),
    type: 'post',
    slug: `bench-post-${i}`,
    title,
    standfirst,
    excerpt: '',
    body_json: '{"type":"doc","content":[]}',
    body_html: paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n'),
    body_text: paragraphs.join('\n\n'),
    status: 'published',
    is_featured: 0,
    language,
    translation_group: null,
    featured_media_id: null,
    featured_alt: null,
    featured_caption: null,
    featured_credit: null,
    canonical_url: null,
    meta_title: null,
    meta_description: null,
    og_title: null,
    og_description: null,
    twitter_title: null,
    twitter_description: null,
    promotion_mode: 'site',
    promotion_id: null,
    published_at: published,
    first_published_at: published,
    created_at: published,
    updated_at: published,
  };
}

async function insertPosts(
  db: Kysely<Database>,
  rng: Rng,
  o: Required<Omit<ArchiveCorpusOptions, 'onProgress'>>,
  onProgress?: (m: string) => void,
) {
  const postIds: string[] = [];
  const chunk = 500;
  for (let start = 0; start < o.posts; start += chunk) {
    const posts: ReturnType<typeof postRow>[] = [];
    const authors: Record<string, string | number | null>[] = [];
    const tags: Record<string, string | number | null>[] = [];
    const sources: Record<string, string | number>[] = [];
    for (let i = start; i < Math.min(o.posts, start + chunk); i++) {
      const post = postRow(rng, i, o.wordsPerPost, o.norwegianShare);
      posts.push(post);
      postIds.push(post.id);
      // The post's place in readers' tag and author lists (migration 016).
      const listing = { listed_at: post.published_at, post_created_at: post.created_at, shadowed_in: '' };
      const authorCount = rng() < 0.15 ? 2 : 1;
      const first = Math.floor(rng() * o.authors);
      for (let a = 0; a < authorCount; a++)
        authors.push({
          post_id: post.id,
          staff_id: idOf('a', (first + a) % o.authors),
          sort_order: a,
          ...listing,
        });
      const tagStart = Math.floor(rng() ** 1.5 * o.tags);
      for (let t = 0; t < 2 + Math.floor(rng() * 4); t++)
        tags.push({
          post_id: post.id,
          tag_id: idOf('t', (tagStart + t * 37) % o.tags),
          sort_order: t,
          ...listing,
        });
      if (i % 3 === 0)
        sources.push({
          id: idOf('s', i),
          post_id: post.id,
          publisher: pick(rng, publishers),
          title: sentence(rng, 'en').slice(0, 80),
          url: `https://source.example/${i}`,
          note: '',
          sort_order: 0,
          archive_status: 'pending',
          link_status: 'unchecked',
        });
    }
    await db.transaction().execute(async (trx) => {
      await insertAll(trx, 'posts', posts, 100);
      await insertAll(trx, 'post_authors', authors, 500);
      await insertAll(trx, 'post_tags', tags, 500);
      await insertAll(trx, 'post_sources', sources, 300);
    });
    onProgress?.(`inserted ${Math.min(o.posts, start + chunk)} posts`);
  }
  return postIds;
}

/** Builds the archive into an empty site's database. */
export async function buildArchiveCorpus(
  db: Kysely<Database>,
  repos: Repositories,
  options: ArchiveCorpusOptions,
): Promise<ArchiveCorpus> {
  const o = {
    tags: 500,
    authors: 20,
    wordsPerPost: 800,
    norwegianShare: 0.3,
    seed: 20261201,
    isIndexed: true,
    ...options,
  };
  const rng = random(o.seed);
  const { authorNames, tagNames } = await insertPeople(db, rng, o.authors, o.tags, new Date().toISOString());
  const postIds = await insertPosts(db, rng, o, options.onProgress);
  if (o.isIndexed)
    await reindexAll(repos, {
      batchSize: 500,
      onProgress: (done) => {
        if (done % 5000 === 0 || done === o.posts) options.onProgress?.(`indexed ${done} posts`);
      },
    });
  return { postIds, tagNames, authorNames, vocabulary: { en, nb } };
}

/** 100 realistic reader queries over the corpus: common and rare words, pairs, phrases, prefixes, exclusions, names. */
export function realisticQueries(corpus: ArchiveCorpus, count = 100, seed = 7): string[] {
  const rng = random(seed);
  const word = () => (rng() < 0.7 ? zipf(rng, corpus.vocabulary.en) : zipf(rng, corpus.vocabulary.nb));
  const shapes: (() => string)[] = [
    () => word(),
    () => `${word()} ${word()}`,
    () => `${word()} ${word()} ${word()}`,
    () => `"${word()} ${pick(rng, glue.en)} ${word()}"`,
    () => `${word().slice(0, 4)}*`,
    () => `${word()} -${word()}`,
    () => pick(rng, corpus.authorNames).split(' ')[1]!,
    () => pick(rng, corpus.tagNames).split(' ')[0]!,
    () => pick(rng, publishers),
  ];
  return Array.from({ length: count }, (_, i) => shapes[i % shapes.length]!());
}

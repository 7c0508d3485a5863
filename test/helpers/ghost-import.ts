import { deflateRawSync } from 'node:zlib';
import type { DomainContext } from '../../src/domain/context.js';
import { importGhostExport } from '../../src/domain/import/import-ghost.js';
import type { GhostImportPorts } from '../../src/domain/import/import-ports.js';
import { systemActor } from '../../src/domain/staff/permissions.js';
import { createGhostImportPorts } from '../../src/main.js';
import type { TestSite } from './sites.js';

export const ghostFixtures = 'test/fixtures/ghost-export';
export const lexicalExport = `${ghostFixtures}/broadsheet/ghost-5-lexical.json`;
export const mobiledocExport = `${ghostFixtures}/broadsheet/ghost-4-mobiledoc.json`;
export const redirectsYaml = `${ghostFixtures}/broadsheet/redirects.yaml`;
export const redirectsJson = `${ghostFixtures}/broadsheet/redirects.json`;

export const importGhost = (
  ctx: DomainContext,
  file: string,
  extra: Partial<{ ports: GhostImportPorts; isDryRun: boolean; redirectsFile: string }> = {},
) =>
  importGhostExport(ctx, systemActor('import test'), {
    file,
    ports: createGhostImportPorts(),
    ...extra,
  });

type Table =
  | 'posts'
  | 'tags'
  | 'staff_users'
  | 'redirects'
  | 'media'
  | 'imported_items'
  | 'members'
  | 'member_newsletters'
  | 'newsletters'
  | 'settings';

/** Every row a Ghost import could write, counted: a refused or dry-run import leaves these as they were. */
export async function ghostFootprint(site: TestSite): Promise<Record<Table, number>> {
  const { db } = site.storage;
  const tables: Table[] = [
    'posts',
    'tags',
    'staff_users',
    'redirects',
    'media',
    'imported_items',
    'members',
    'member_newsletters',
    'newsletters',
    'settings',
  ];
  const counts = {} as Record<Table, number>;
  for (const table of tables)
    counts[table] = Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return counts;
}

/** A ZIP of these files (deflated), written by hand so that tests need no ZIP writer. */
export function zipOf(files: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, bytes] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = deflateRawSync(bytes);
    const crc = crc32(bytes);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(bytes.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(bytes.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

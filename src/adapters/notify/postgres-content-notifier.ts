import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { parseContentChange, type ContentEventHub } from '../../domain/content-events.js';
import type { ContentChange } from '../../domain/ports.js';

/** NOTIFY payloads must stay under 8000 bytes; a larger change is sent as "everything". */
const maxPayload = 7000;

function payloadFor(instance: string, change: ContentChange): string {
  const payload = JSON.stringify({ from: instance, change });
  return Buffer.byteLength(payload) <= maxPayload
    ? payload
    : JSON.stringify({ from: instance, change: { everything: true } });
}

function readPayload(payload: string | undefined): { from?: unknown; change: ContentChange } {
  try {
    const parsed = JSON.parse(payload ?? '') as { from?: unknown; change?: unknown };
    return { from: parsed.from, change: parseContentChange(parsed.change) };
  } catch {
    return { change: { everything: true } };
  }
}

export interface ContentNotifier {
  close(): Promise<void>;
}

/**
 * Keeps the page caches of several processes on one PostgreSQL database in step: a change made here
 * is announced with NOTIFY, its payload saying what to drop, and changes announced by others drop
 * the same pages from the local cache. If the listening connection drops, the whole cache is cleared
 * and the listener reconnects, so no change is missed for longer than the reconnect takes.
 */
export async function startPostgresContentNotifier(options: {
  url: string;
  schema: string | undefined;
  hub: ContentEventHub;
  onError: (error: unknown) => void;
}): Promise<ContentNotifier> {
  const channel = `broadsheet_content_${options.schema ?? 'public'}`;
  const instance = randomUUID();
  const sender = new pg.Pool({ connectionString: options.url, max: 1 });
  let listener: pg.Client | undefined;
  let isClosed = false;

  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: options.url });
    client.on('notification', (message) => {
      if (message.channel !== channel) return;
      const { from, change } = readPayload(message.payload);
      if (from !== instance) options.hub.remoteChanged(change);
    });
    client.on('error', (error) => {
      options.onError(error);
      options.hub.remoteChanged();
      if (!isClosed) setTimeout(() => void listen().catch(options.onError), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    listener = client;
  };

  await listen();
  options.hub.addBroadcaster((change) => {
    sender.query('SELECT pg_notify($1, $2)', [channel, payloadFor(instance, change)]).catch(options.onError);
  });
  return {
    async close() {
      isClosed = true;
      await listener?.end().catch(() => undefined);
      await sender.end();
    },
  };
}

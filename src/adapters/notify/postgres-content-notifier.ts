import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ContentEventHub } from '../../domain/content-events.js';

export interface ContentNotifier {
  close(): Promise<void>;
}

/**
 * Keeps the page caches of several processes on one PostgreSQL database in step: a change made here
 * is announced with NOTIFY, and changes announced by others clear the local cache. If the listening
 * connection drops, the cache is cleared and the listener reconnects, so no change is missed for
 * longer than the reconnect takes.
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
      if (message.channel === channel && message.payload !== instance) options.hub.remoteChanged();
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
  options.hub.addBroadcaster(() => {
    sender.query('SELECT pg_notify($1, $2)', [channel, instance]).catch(options.onError);
  });
  return {
    async close() {
      isClosed = true;
      await listener?.end().catch(() => undefined);
      await sender.end();
    },
  };
}

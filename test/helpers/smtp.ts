import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The SMTP envelope: who the server was told to deliver to, whatever the headers say. */
  envelopeFrom: string;
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** Resolves once `count` emails in all have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** The first email not yet taken by `next` (waiting for it to arrive). */
  next(timeoutMs?: number): Promise<ReceivedMail>;
  /** How many emails `next` has taken. */
  readonly taken: number;
  /**
   * Recipients of transactions still open when their connection closed (given at RCPT TO, the message
   * never received whole): what a client killed mid-message leaves.
   */
  interrupted: string[];
  /** Resolves once no client is connected (a killed client's connections are closed); rejects after `timeoutMs`. */
  waitForNoConnections(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  /**
   * An SMTP reply for a recipient (`{ code: 451 }` temporary, `{ code: 550 }` permanent) given at RCPT
   * TO, or undefined to accept. Called for every attempt, so it can fail the first and accept the next.
   */
  answerFor?: (address: string) => { code: number; message?: string } | undefined;
  /** Waits this long before accepting each message (a slow sink). */
  delayMs?: number;
}

/**
 * A real SMTP server on 127.0.0.1 (a random port) that keeps every message it is given. With `auth`,
 * it demands that user and password (over plain text: it is a test).
 */
export async function startSmtpServer(
  auth?: { user: string; pass: string },
  options: TestSmtpOptions = {},
): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const interrupted: string[] = [];
  /** Per open connection, the recipients of its transaction not yet received whole. */
  const openTransactions = new Map<string, string[]>();
  let parsing = 0;
  const server = new SMTPServer({
    size: 0,
    maxClients: 100,
    onConnect(session, callback) {
      openTransactions.set(session.id, []);
      callback();
    },
    onClose(session) {
      interrupted.push(...(openTransactions.get(session.id) ?? []));
      openTransactions.delete(session.id);
    },
    onMailFrom(_address, session, callback) {
      openTransactions.set(session.id, []);
      callback();
    },
    onRcptTo(address, session, callback) {
      const answer = options.answerFor?.(address.address);
      if (!answer) {
        openTransactions.get(session.id)?.push(address.address);
        return callback();
      }
      const error = new Error(answer.message ?? `Refused ${answer.code}`) as Error & { responseCode: number };
      error.responseCode = answer.code;
      return callback(error);
    },
    authOptional: !auth,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(login, _session, callback) {
      if (auth && login.username === auth.user && login.password === auth.pass)
        return callback(null, { user: login.username });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        parsing++;
        // Tests read text and html, never the text turned into links: skipping it halves parse time.
        simpleParser(raw, { skipTextToHtml: true, skipTextLinks: true })
          .finally(() => parsing--)
          .then((parsed) => {
            const from = session.envelope.mailFrom;
            received.push({
              envelopeFrom: from ? from.address : '',
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              raw,
              parsed,
            });
            if (openTransactions.has(session.id)) openTransactions.set(session.id, []);
            if (options.delayMs) setTimeout(() => callback(), options.delayMs);
            else callback();
          })
          .catch(callback);
      });
    },
  });
  // A client killed mid-conversation resets its connection: that is the client's problem, not the test's.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  let taken = 0;
  const waitFor = async (count: number, timeoutMs = 120_000) => {
    const deadline = Date.now() + timeoutMs;
    while (received.length < count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} emails, ${received.length} arrived in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return received;
  };
  return {
    port,
    received,
    interrupted,
    async waitForNoConnections(timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (openTransactions.size > 0 || parsing > 0) {
        if (Date.now() > deadline) throw new Error(`${openTransactions.size} SMTP clients still connected`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    waitFor,
    async next(timeoutMs) {
      await waitFor(taken + 1, timeoutMs);
      return received[taken++]!;
    },
    get taken() {
      return taken;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

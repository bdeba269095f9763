import net from 'node:net';

/** A Simple Query message (`Q`, its length, its text) starting with `text`: knex sends statements without parameters so. */
const simpleQuery = (text: string) => new RegExp(`Q[\\s\\S]{4}${text}\\b`, 'i');
/** The compiled read path's message (its settings and `EXECUTE`s, one Simple Query). */
export const COMPILED_READ = /Q[\s\S]{4}[\s\S]*execute doorstep_read_/;
const pattern = (statement: string | RegExp) =>
  typeof statement === 'string' ? simpleQuery(statement) : statement;

type Fault =
  | { kind: 'cut'; statement: RegExp }
  | { kind: 'cut-after'; statement: RegExp }
  | { kind: 'hold'; statement: RegExp; held: (link: Held) => void };

/** A connection whose statement the relay holds back: its server side's port, and its end. */
export interface Held {
  backendPort: number;
  closed: Promise<void>;
}

/**
 * A TCP relay between the gateway and the real PostgreSQL, which a test can break as a network or
 * a dying server would:
 * - `cut()` drops every connection and refuses new ones until `restore()`;
 * - `cutAt(statement)` drops the connection that next sends it, before it reaches PostgreSQL;
 * - `cutAtCommit()` lets the next COMMIT reach PostgreSQL, then drops that connection before the
 *   answer gets back (the commit happened; the gateway cannot know); `cutAfter(statement)` the
 *   same for another statement (`COMPILED_READ`, which commits as it runs);
 * - `holdAt(statement)` keeps the next one back and says which server connection (its local port,
 *   `client_port` in `pg_stat_activity`) it was for, so the test can end that backend as PostgreSQL
 *   would (`pg_terminate_backend`): its error reaches the gateway at once, the connection's end
 *   200 ms later (`closed`).
 */
export async function startRelay(databaseUrl: string) {
  const target = new URL(databaseUrl);
  const links = new Set<{ end(): void }>();
  let down = false;
  let fault: Fault | undefined;

  const relay = net.createServer((client) => {
    if (down) return void client.destroy();
    const server = net.connect(Number(target.port), target.hostname);
    let swallow = false;
    let slowEnd = false;
    let closed!: () => void;
    const link = {
      closed: new Promise<void>((resolve) => (closed = resolve)),
      end() {
        client.destroy();
        server.destroy();
        links.delete(link);
        closed();
      },
    };
    links.add(link);
    client.on('error', link.end);
    client.on('close', link.end);
    server.on('error', link.end);
    server.on('close', () => (slowEnd ? setTimeout(link.end, 200) : link.end()));
    client.on('data', (chunk: Buffer) => {
      const now = fault?.statement.test(chunk.toString('latin1')) ? fault : undefined;
      if (now) fault = undefined;
      if (now?.kind === 'cut') return link.end();
      if (now?.kind === 'hold') {
        slowEnd = true;
        return now.held({ backendPort: server.localPort!, closed: link.closed });
      }
      if (now?.kind === 'cut-after') swallow = true;
      server.write(chunk);
    });
    server.on('data', (chunk: Buffer) => (swallow ? link.end() : client.write(chunk)));
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));

  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String((relay.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    cut() {
      down = true;
      for (const link of [...links]) link.end();
    },
    restore() {
      down = false;
    },
    cutAt(statement: string | RegExp) {
      fault = { kind: 'cut', statement: pattern(statement) };
    },
    cutAfter(statement: string | RegExp) {
      fault = { kind: 'cut-after', statement: pattern(statement) };
    },
    cutAtCommit() {
      this.cutAfter('COMMIT');
    },
    holdAt(statement: string | RegExp): Promise<Held> {
      return new Promise((held) => (fault = { kind: 'hold', statement: pattern(statement), held }));
    },
    close() {
      this.cut();
      return new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}

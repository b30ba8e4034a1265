/**
 * The server's connection: IPC for the VS Code client, stdio for other editors (the transport is
 * read from argv, as vscode-languageserver does). Over stdio each message leaves in one write:
 * the JSON-RPC writer writes a message's header and its content separately, and an editor woken
 * by the header then waits for the content (two wake-ups per keystroke's diagnostics).
 */
import { Writable } from 'node:stream';
import { format, inspect } from 'node:util';
import { type Connection, createConnection, ProposedFeatures } from 'vscode-languageserver/node';

const HEADER = Buffer.from('Content-Length:');

/** Passes each message's header on together with the content that follows it. */
class OneWritePerMessage extends Writable {
  private header: Buffer | undefined;

  constructor(private readonly out: NodeJS.WritableStream) {
    super({ decodeStrings: true });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const isHeader = chunk.length > HEADER.length && chunk.subarray(0, HEADER.length).equals(HEADER) && chunk.at(-1) === 10 && chunk.at(-2) === 13;
    if (isHeader && !this.header) {
      this.header = chunk;
      done();
      return;
    }
    const data = this.header ? Buffer.concat([this.header, chunk]) : chunk;
    this.header = undefined;
    this.out.write(data, (e) => done(e));
  }

  override _final(done: (error?: Error | null) => void): void {
    if (this.header) this.out.write(this.header);
    this.header = undefined;
    done();
  }
}

export function createServerConnection(): Connection {
  if (!process.argv.slice(2).includes('--stdio')) return createConnection(ProposedFeatures.all);
  const connection = createConnection(ProposedFeatures.all, process.stdin, new OneWritePerMessage(process.stdout));
  // what createConnection does for --stdio itself: nothing else may write to stdout (Node's other
  // console methods go through these)
  const remote = connection.console;
  console.log = (...args: unknown[]) => remote.log(format(...args));
  console.info = (...args: unknown[]) => remote.info(format(...args));
  console.debug = (...args: unknown[]) => remote.log(format(...args));
  console.warn = (...args: unknown[]) => remote.warn(format(...args));
  console.error = (...args: unknown[]) => remote.error(format(...args));
  console.trace = (...args: unknown[]) => remote.error(`${format(...args)}\n${new Error().stack ?? ''}`);
  console.dir = (item: unknown) => remote.log(inspect(item));
  return connection;
}

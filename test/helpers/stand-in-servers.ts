// Loopback servers that stand in for remote engines in tests: a mutual-TLS front that forwards
// every byte to a unix socket (an engine, or the suite's recorder in front of it), and a TCP
// server that accepts connections and never answers (a hung engine).
import { connect, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';

export interface StandIn {
  port: number;
  /** Connections accepted so far (a TLS front counts only those whose handshake passed). */
  accepted(): number;
  close(): Promise<void>;
}

function listen(server: Server, sockets: Set<Socket>): Promise<number> {
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve((server.address() as { port: number }).port);
    }),
  );
}

function closer(server: Server, sockets: Set<Socket>): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => {
        resolve();
      });
    });
}

/** A TLS server that requires and verifies a client certificate, then pipes bytes to `socketPath`. */
export async function startTlsFront(tls: { key: Buffer; cert: Buffer; ca: Buffer }, socketPath: string): Promise<StandIn> {
  let accepted = 0;
  const sockets = new Set<Socket>();
  const server = createTlsServer({ ...tls, requestCert: true, rejectUnauthorized: true }, (client: TLSSocket) => {
    accepted++;
    const upstream = connect(socketPath);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  server.on('tlsClientError', () => undefined); // a refused client certificate is the point of some tests
  const port = await listen(server, sockets);
  return { port, accepted: () => accepted, close: closer(server, sockets) };
}

/** A TCP server that accepts and then says nothing: the engine behind it is hung. */
export async function startSilentServer(): Promise<StandIn> {
  let accepted = 0;
  const sockets = new Set<Socket>();
  const server = createTcpServer((s) => {
    accepted++;
    s.on('error', () => undefined);
  });
  const port = await listen(server, sockets);
  return { port, accepted: () => accepted, close: closer(server, sockets) };
}

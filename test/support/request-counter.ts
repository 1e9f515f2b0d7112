/**
 * A listener on 127.0.0.1 that counts everything that reaches it: each TCP
 * connection, each HTTP request and each WebSocket upgrade (which Node's
 * http server reports as 'upgrade', not 'request'). The sandbox tests point
 * user code at it and expect nothing to arrive.
 */
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';

export interface RequestCounter {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** What arrived, in order: `connection`, `GET /path`, `upgrade /path`. */
  arrivals(): string[];
  reset(): void;
  close(): Promise<void>;
}

export async function startRequestCounter(): Promise<RequestCounter> {
  let arrivals: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    arrivals.push(`${request.method} ${request.url}`);
    // Whatever the page asked for, it would get something usable: a script
    // that would run, open CORS, so that only the sandbox stops the request.
    response.writeHead(200, { 'Content-Type': 'text/javascript', 'Access-Control-Allow-Origin': '*' });
    response.end('globalThis.__reached = true; export default 1;');
  });
  server.on('connection', (socket: Socket) => {
    arrivals.push('connection');
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (request, socket: Socket) => {
    arrivals.push(`upgrade ${request.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the request counter has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    arrivals: () => [...arrivals],
    reset: () => void (arrivals = []),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

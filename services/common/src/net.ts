import net from 'node:net';

/**
 * Ports handed out below Linux's ephemeral range (32768–60999 by default). A port taken from the
 * ephemeral range and released can be taken again at once by any outgoing connection (a database
 * client's socket) before the caller listens on it; CI once failed with EADDRINUSE that way.
 */
const LOW = 20_000;
const HIGH = 32_000;
const handedOut = new Set<number>();

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    // The wildcard address: the hub's services may listen on every interface.
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

/** A TCP port that is free right now, and not handed out before by this process. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    if (await bindable(port)) return port;
  }
  throw new Error(`no free port between ${LOW} and ${HIGH} after 100 tries`);
}

/** `count` distinct free ports, e.g. one for the gateway and one for each subgraph. */
export const freePorts = (count: number): Promise<number[]> => Promise.all(Array.from({ length: count }, () => freePort()));

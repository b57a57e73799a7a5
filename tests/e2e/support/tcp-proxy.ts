import net from "node:net";

/**
 * A TCP proxy between the app and PostgreSQL that a test can turn into an
 * outage: "black hole" (connections stay open, nothing arrives, as when a
 * network path dies) or "cut" (every connection is reset and new ones are
 * dropped, as when the server goes away). "restore" lets traffic flow again.
 */
export type TcpProxy = { port: number; blackHole: () => void; cut: () => void; restore: () => void; close: () => Promise<void> };

type Pair = { client: net.Socket; upstream?: net.Socket };

export async function startTcpProxy(target: { host: string; port: number }, port: number): Promise<TcpProxy> {
  let mode: "open" | "black-hole" | "cut" = "open";
  const pairs = new Set<Pair>();

  const connectUpstream = (pair: Pair) => {
    const upstream = net.connect(target.port, target.host);
    pair.upstream = upstream;
    pair.client.pipe(upstream);
    upstream.pipe(pair.client);
    upstream.on("error", () => pair.client.destroy());
    upstream.on("close", () => pair.client.destroy());
  };
  const hold = (pair: Pair) => {
    pair.client.unpipe();
    pair.upstream?.unpipe();
    pair.client.pause();
    pair.upstream?.pause();
  };

  const server = net.createServer((client) => {
    if (mode === "cut") {
      client.destroy();
      return;
    }
    const pair: Pair = { client };
    pairs.add(pair);
    client.on("error", () => pair.upstream?.destroy());
    client.on("close", () => {
      pair.upstream?.destroy();
      pairs.delete(pair);
    });
    if (mode === "black-hole") client.pause();
    else connectUpstream(pair);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));

  return {
    port,
    blackHole: () => {
      mode = "black-hole";
      pairs.forEach(hold);
    },
    cut: () => {
      mode = "cut";
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream?.destroy();
      }
      pairs.clear();
    },
    restore: () => {
      // Idempotent (the spec's afterEach restores again): piping a flowing pair twice would send every byte twice.
      if (mode === "open") return;
      mode = "open";
      for (const pair of pairs) {
        if (!pair.upstream) {
          connectUpstream(pair);
        } else {
          pair.client.pipe(pair.upstream);
          pair.upstream.pipe(pair.client);
        }
        pair.client.resume();
        pair.upstream?.resume();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of pairs) {
          pair.client.destroy();
          pair.upstream?.destroy();
        }
        server.close(() => resolve());
      }),
  };
}

// The production HTTP server: Next's request handler behind a door that
// decides who the client is. Only this layer sees the TCP socket, so it is the
// one place that can tell a proxy's X-Forwarded-For from a client's claim:
// without TRUST_PROXY every forwarded header is replaced by what the socket
// says; with TRUST_PROXY=N the address N proxies back is believed.
import { createServer } from "node:http";
import next from "next";
import { FORWARDED_HEADERS, parseTrustProxy, resolveClient } from "../lib/net/forwarded.mjs";

const port = Number(process.env.PORT || "3000");
const hostname = process.env.HOST || undefined;
let hops;
try {
  hops = parseTrustProxy(process.env.TRUST_PROXY);
} catch (err) {
  console.error(`\nPlumbline could not start: ${err.message}\n`);
  process.exit(1);
}

const app = next({ dev: false, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();

/** @param {import("node:http").IncomingMessage} req */
function normaliseForwarded(req) {
  const h = req.headers;
  const first = (/** @type {string | string[] | undefined} */ v) => (Array.isArray(v) ? v.join(",") : v);
  const client = resolveClient({
    xForwardedFor: first(h["x-forwarded-for"]),
    xForwardedProto: first(h["x-forwarded-proto"]),
    socketAddress: req.socket.remoteAddress,
    encrypted: Boolean(/** @type {{ encrypted?: boolean }} */ (req.socket).encrypted),
    hops,
  });
  const forwardedHost = hops > 0 ? first(h["x-forwarded-host"])?.split(",")[0]?.trim() : undefined;
  for (const name of FORWARDED_HEADERS) delete h[name];
  // Downstream (Auth.js, the audit log, HSTS) reads these; they now say only what we vouch for.
  if (client.ip) h["x-forwarded-for"] = client.ip;
  h["x-forwarded-proto"] = client.proto;
  if (forwardedHost) h["x-forwarded-host"] = forwardedHost;
}

await app.prepare();
createServer((req, res) => {
  normaliseForwarded(req);
  handle(req, res);
}).listen(port, hostname, () => {
  console.log(`Listening on http://${hostname ?? "localhost"}:${port}${hops ? ` (trusting ${hops} proxy hop${hops > 1 ? "s" : ""})` : ""}`);
});

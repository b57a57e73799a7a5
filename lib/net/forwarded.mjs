// @ts-check
// Plain ESM so the HTTP server (scripts/server.mjs) can use it without a build
// step; lib/net/forwarded.d.mts gives TypeScript its types.
import { isIP } from "node:net";

/**
 * TRUST_PROXY is the number of reverse proxies in front of the app (0 or unset:
 * none). "true" means one. Anything else is a configuration error.
 * @param {string | undefined} raw
 * @returns {number}
 */
export function parseTrustProxy(raw) {
  const value = (raw ?? "").trim().toLowerCase();
  if (value === "" || value === "0" || value === "false") return 0;
  if (value === "true") return 1;
  if (/^[1-9]$/.test(value)) return Number(value);
  throw new Error(`TRUST_PROXY must be the number of proxies in front of the app (1-9), or unset; got "${raw}"`);
}

/** @param {string} address */
function stripMapped(address) {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}

/**
 * The client's address and scheme, believing X-Forwarded-For and
 * X-Forwarded-Proto only from the number of proxies the operator declared:
 * each trusted proxy appends the address it saw, so with N proxies the client
 * is the Nth entry from the right once the socket's own peer is appended.
 * @param {{ xForwardedFor?: string | undefined, xForwardedProto?: string | undefined, socketAddress?: string | undefined, encrypted: boolean, hops: number }} input
 * @returns {{ ip: string | null, proto: "http" | "https" }}
 */
export function resolveClient({ xForwardedFor, xForwardedProto, socketAddress, encrypted, hops }) {
  const socket = socketAddress ? stripMapped(socketAddress) : "";
  if (hops === 0) return { ip: isIP(socket) ? socket : null, proto: encrypted ? "https" : "http" };
  const chain = (xForwardedFor ?? "").split(",").map((s) => stripMapped(s.trim())).filter(Boolean);
  chain.push(socket);
  // Fewer entries than proxies: the left-most one is as far back as anyone vouches for.
  const candidate = chain[Math.max(0, chain.length - 1 - hops)] ?? "";
  // The proxy nearest the client speaks first; a proxy chain lists schemes left to right.
  const proto = (xForwardedProto ?? "").split(",")[0]?.trim().toLowerCase();
  return { ip: isIP(candidate) ? candidate : null, proto: proto === "https" ? "https" : proto === "http" ? "http" : encrypted ? "https" : "http" };
}

/** Headers a client could use to claim an address, scheme or host; rewritten or dropped at the door. */
export const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-real-ip", "forwarded"];

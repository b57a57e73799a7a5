import { describe, expect, it } from "vitest";
import { parseTrustProxy, resolveClient } from "@/lib/net/forwarded.mjs";

describe("client address behind proxies", () => {
  it("without TRUST_PROXY believes only the socket", () => {
    const c = resolveClient({ xForwardedFor: "203.0.113.9", xForwardedProto: "https", socketAddress: "::ffff:198.51.100.4", encrypted: false, hops: 0 });
    expect(c).toEqual({ ip: "198.51.100.4", proto: "http" });
  });

  it("with one proxy takes the address that proxy saw, not what the client claimed", () => {
    // The client sent "1.2.3.4"; nginx appended the real peer 203.0.113.9.
    const c = resolveClient({ xForwardedFor: "1.2.3.4, 203.0.113.9", xForwardedProto: "https", socketAddress: "10.0.0.2", encrypted: false, hops: 1 });
    expect(c).toEqual({ ip: "203.0.113.9", proto: "https" });
  });

  it("with two proxies looks two hops back", () => {
    const c = resolveClient({ xForwardedFor: "1.2.3.4, 203.0.113.9, 10.0.0.7", socketAddress: "10.0.0.2", encrypted: false, hops: 2 });
    expect(c.ip).toBe("203.0.113.9");
  });

  it("a malformed address is no address", () => {
    expect(resolveClient({ xForwardedFor: "not-an-ip", socketAddress: "10.0.0.2", encrypted: false, hops: 1 }).ip).toBeNull();
  });

  it("reads TRUST_PROXY as a hop count and refuses anything else", () => {
    expect(parseTrustProxy(undefined)).toBe(0);
    expect(parseTrustProxy("true")).toBe(1);
    expect(parseTrustProxy("2")).toBe(2);
    expect(() => parseTrustProxy("yes please")).toThrow(/TRUST_PROXY/);
  });
});

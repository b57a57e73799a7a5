import { describe, expect, it } from "vitest";
import { dropSessionRenewal, isRenewalDue, sessionUpdateAgeSeconds } from "@/lib/auth/session-renewal";

const MAX_AGE = 30 * 60;
const UPDATE_AGE = sessionUpdateAgeSeconds(MAX_AGE);
const NOW = 1_800_000_000;

describe("isRenewalDue (session cookie re-issued only once the token has aged)", () => {
  it("renews after a sixth of the idle window: 5 of 30 minutes", () => {
    expect(UPDATE_AGE).toBe(300);
  });

  it("keeps a token issued a minute ago", () => {
    expect(isRenewalDue(NOW - 60 + MAX_AGE, NOW, MAX_AGE, UPDATE_AGE)).toBe(false);
  });

  it("renews a token issued exactly updateAge ago", () => {
    expect(isRenewalDue(NOW - UPDATE_AGE + MAX_AGE, NOW, MAX_AGE, UPDATE_AGE)).toBe(true);
  });

  it("renews a token close to expiry", () => {
    expect(isRenewalDue(NOW + 60, NOW, MAX_AGE, UPDATE_AGE)).toBe(true);
  });

  it("renews when the token's expiry is unknown", () => {
    expect(isRenewalDue(undefined, NOW, MAX_AGE, UPDATE_AGE)).toBe(true);
  });
});

describe("dropSessionRenewal", () => {
  const headersWith = (...cookies: string[]) => {
    const h = new Headers({ "content-type": "text/html" });
    for (const c of cookies) h.append("set-cookie", c);
    return h;
  };

  it("removes the re-issued session token and keeps other cookies", () => {
    const h = headersWith("authjs.session-token=eyJabc; Path=/; HttpOnly", "plumbline-flash=saved; Path=/");
    dropSessionRenewal(h);
    expect(h.getSetCookie()).toEqual(["plumbline-flash=saved; Path=/"]);
    expect(h.get("content-type")).toBe("text/html");
  });

  it("removes the __Secure- and chunked forms", () => {
    const h = headersWith("__Secure-authjs.session-token.0=part; Path=/; Secure", "__Secure-authjs.session-token.1=rest; Path=/; Secure");
    dropSessionRenewal(h);
    expect(h.getSetCookie()).toEqual([]);
  });

  it("keeps a cookie that clears the session", () => {
    const clear = "authjs.session-token=; Path=/; Max-Age=0";
    const h = headersWith(clear);
    dropSessionRenewal(h);
    expect(h.getSetCookie()).toEqual([clear]);
  });

  it("leaves a response without the session cookie alone", () => {
    const h = headersWith("authjs.csrf-token=x; Path=/");
    dropSessionRenewal(h);
    expect(h.getSetCookie()).toEqual(["authjs.csrf-token=x; Path=/"]);
  });
});

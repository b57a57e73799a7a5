import { describe, expect, it } from "vitest";
import { checkMediaUpload, detectMediaType, IMAGE_LIMIT_BYTES } from "@/lib/exercise-media/signature";
import { computeProgrammeLinkExpiry } from "@/lib/patient-links/expiry";
import { escapeHtml, html } from "@/lib/patient-links/html";
import { createLinkToken, hashLinkToken, isPatientLinkPath, isWellFormedToken } from "@/lib/patient-links/token";
import { readRecordPath } from "@/lib/routing/record-path";
import { drawPosePng, DEMO_POSES } from "@/db/seed/demo-pictures";

describe("link tokens", () => {
  it("are 256 random bits in base64url, different every time", () => {
    const tokens = new Set(Array.from({ length: 200 }, createLinkToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(Buffer.from(t, "base64url")).toHaveLength(32);
    expect([...tokens].every(isWellFormedToken)).toBe(true);
  });

  it("are kept as their SHA-256 only", () => {
    expect(hashLinkToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("are no record id to the proxy's record check", () => {
    const token = createLinkToken();
    expect(isPatientLinkPath(`/p/${token}`)).toBe(true);
    expect(isPatientLinkPath("/patients")).toBe(false);
    expect(readRecordPath(`/p/${token}`)).toEqual([]);
    expect(readRecordPath(`/p/${token}/media/0b9c8a3e-8f7c-4f55-9b0a-0d1f3f4b2a11`)).toEqual([]);
  });
});

describe("computeProgrammeLinkExpiry", () => {
  const now = new Date("2026-03-04T12:00:00Z");
  it("ends at the close of the review day in the clinic's zone", () => {
    expect(computeProgrammeLinkExpiry("2026-04-10", "Europe/London", now)?.toISOString()).toBe("2026-04-10T22:59:59.999Z");
    expect(computeProgrammeLinkExpiry("2026-04-10", "America/New_York", now)?.toISOString()).toBe("2026-04-11T03:59:59.999Z");
  });
  it("never lasts more than 90 days, and 90 without a review date", () => {
    expect(computeProgrammeLinkExpiry("2027-01-01", "UTC", now)?.toISOString()).toBe("2026-06-02T12:00:00.000Z");
    expect(computeProgrammeLinkExpiry(null, "UTC", now)?.toISOString()).toBe("2026-06-02T12:00:00.000Z");
  });
  it("gives none when the review date has passed, and the review day itself still counts", () => {
    expect(computeProgrammeLinkExpiry("2026-03-03", "UTC", now)).toBeNull();
    expect(computeProgrammeLinkExpiry("2026-03-04", "UTC", now)?.toISOString()).toBe("2026-03-04T23:59:59.999Z");
  });
});

describe("exercise media checks", () => {
  const png = drawPosePng(DEMO_POSES[0]!);
  it("knows a picture by its bytes", () => {
    expect(detectMediaType(png)).toBe("image/png");
    expect(detectMediaType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe("image/jpeg");
    expect(detectMediaType(new Uint8Array([0, 0, 0, 0x20, ...Buffer.from("ftypisom")]))).toBe("video/mp4");
    expect(detectMediaType(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1]))).toBe("video/webm");
  });
  it("refuses a text file, whatever it is called, and SVG", () => {
    expect(checkMediaUpload(Buffer.from("just some text, saved as exercise.png"))).toEqual({ ok: false, problem: "not-media" });
    expect(checkMediaUpload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toEqual({ ok: false, problem: "not-media" });
    expect(checkMediaUpload(new Uint8Array())).toEqual({ ok: false, problem: "missing" });
  });
  it("refuses a picture over the limit", () => {
    const big = new Uint8Array(IMAGE_LIMIT_BYTES + 1);
    big.set(png.subarray(0, 8));
    expect(checkMediaUpload(big)).toEqual({ ok: false, problem: "too-large" });
    expect(checkMediaUpload(png)).toEqual({ ok: true, type: "image/png" });
  });
});

describe("patient page markup", () => {
  it("escapes every value and keeps literal markup", () => {
    expect(escapeHtml(`<b a="1">'&'</b>`)).toBe("&lt;b a=&quot;1&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;");
    const name = `<img src=x onerror=alert(1)>`;
    expect(html`<h1>Hello ${name}</h1>${[html`<li>${"&"}</li>`]}`.__html).toBe("<h1>Hello &lt;img src=x onerror=alert(1)&gt;</h1><li>&amp;</li>");
  });
});

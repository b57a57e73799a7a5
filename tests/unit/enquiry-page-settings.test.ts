import { describe, expect, it } from "vitest";
import { enquiryPageSchema } from "@/lib/enquiries/page-settings";
import { isEnquiryEmbedPath, isEnquiryPath } from "@/lib/enquiries/path";
import { buildPatientCsp } from "@/lib/security/headers";

describe("the enquiry page's settings", () => {
  const parse = (slug: string, websiteOrigin: string, phone = "") => enquiryPageSchema.safeParse({ slug, websiteOrigin, phone });

  it("keeps the website as an origin, whatever path was pasted", () => {
    expect(parse("northside", "https://www.Example.com/contact?x=1#form").data).toEqual({ slug: "northside", websiteOrigin: "https://www.example.com", phone: null });
    expect(parse("northside", "", " +44 20 7946 0000 ").data?.phone).toBe("+44 20 7946 0000");
    expect(parse("northside", "", "call us").success).toBe(false);
    expect(parse("northside", "http://localhost:8080/").data?.websiteOrigin).toBe("http://localhost:8080");
    expect(parse("northside", "").data?.websiteOrigin).toBeNull();
  });

  it("refuses what is no web origin, with a message", () => {
    for (const bad of ["ftp://example.com", "example", "https://user:pw@example.com", "javascript:alert(1)"]) {
      const r = parse("northside", bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(["websiteOrigin"]);
    }
  });

  it("turns a blank address into no page, lower-cases it, and refuses other shapes", () => {
    expect(parse("  ", "").data?.slug).toBeNull();
    expect(parse("North-Side", "").data?.slug).toBe("north-side");
    for (const bad of ["a", "two--hyphens", "-edge", "spaces here", "ünï"]) expect(parse(bad, "").success, bad).toBe(false);
  });

  it("tells the embed path from the page, and names only the clinic's site as a frame ancestor", () => {
    expect(isEnquiryEmbedPath("/enquire/northside/embed")).toBe(true);
    expect(isEnquiryEmbedPath("/enquire/northside")).toBe(false);
    expect(isEnquiryEmbedPath("/enquire/northside/embed/x")).toBe(false);
    expect(isEnquiryPath("/enquire/northside/embed")).toBe(true);
    expect(buildPatientCsp("n", { frameAncestors: ["https://www.example.com"] })).toContain("frame-ancestors https://www.example.com");
    expect(buildPatientCsp("n")).toContain("frame-ancestors 'none'");
  });
});

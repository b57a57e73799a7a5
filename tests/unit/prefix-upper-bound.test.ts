import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prefixUpperBound } from "@/lib/patients/search";

/** text_pattern_ops order: the bytes of the UTF-8 encoding. */
const cmp = (a: string, b: string) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
// Letters a search may hold, and the code points where a bound has to carry or skip.
const unit = fc.oneof(
  fc.constantFrom("a", "z", "é", "ø", "\u{d7ff}", "\u{e000}", "\u{ffff}", "\u{10ffff}"),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);
const text = (max: number) => fc.array(unit, { maxLength: max }).map((parts) => parts.join(""));

describe("prefixUpperBound", () => {
  it("raises the last letter", () => {
    expect(prefixUpperBound("tho")).toBe("thp");
    expect(prefixUpperBound("z")).toBe("{");
    expect(prefixUpperBound("\u{d7ff}")).toBe("\u{e000}");
    expect(prefixUpperBound("a\u{10ffff}")).toBe("b");
    expect(prefixUpperBound("")).toBeNull();
    expect(prefixUpperBound("\u{10ffff}\u{10ffff}")).toBeNull();
  });

  it("bounds exactly the strings that start with the prefix", () => {
    fc.assert(
      fc.property(text(4), text(4), (prefix, rest) => {
        const bound = prefixUpperBound(prefix);
        const s = prefix + rest;
        // every string with the prefix lies in [prefix, bound)
        expect(cmp(s, prefix)).toBeGreaterThanOrEqual(0);
        if (bound !== null) expect(cmp(s, bound)).toBeLessThan(0);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(text(4), text(6), (prefix, other) => {
        const bound = prefixUpperBound(prefix);
        const inRange = cmp(other, prefix) >= 0 && (bound === null || cmp(other, bound) < 0);
        // and nothing else does
        expect(inRange).toBe(other.startsWith(prefix));
      }),
      { numRuns: 5000 },
    );
  });
});

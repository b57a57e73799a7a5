import fc from "fast-check";

/**
 * Hostile form values: any code point (NUL, other C0, lone surrogates),
 * numbers at and past every edge, dates from year 0 to 9999, and the shapes
 * a real form sends, so refusals are exercised field by field.
 */
const EDGE_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0007",
  "\t",
  "line\nbreak",
  "\r\n",
  "\uD800",
  "x\uDFFFy",
  "\u{1F600}",
  "0000-01-01",
  "1899-12-31",
  "1900-01-01",
  "9999-12-31",
  "2026-02-30",
  "9999-12-31T23:59",
  "0000-01-01T00:00",
  "1e309",
  "-1",
  "-0",
  "NaN",
  "Infinity",
  "0x10",
  "11",
  "3.5",
  "00000000-0000-0000-0000-000000000000",
  "'; drop table patient; --",
  "x".repeat(5_000),
];

const isoDay = fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const localDateTime = fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16));

export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...EDGE_STRINGS), weight: 3 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 1 },
  { arbitrary: fc.double().map(String), weight: 1 },
  { arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String), weight: 1 },
  { arbitrary: isoDay, weight: 2 },
  { arbitrary: localDateTime, weight: 1 },
);

/** A valid sample with some fields replaced by hostile values (and sometimes a stray extra field). */
export function hostileForm(sample: Record<string, string>): fc.Arbitrary<Record<string, string>> {
  const keys = Object.keys(sample);
  return fc
    .record({
      replace: fc.dictionary(fc.constantFrom(...keys), hostileValue, { maxKeys: Math.min(4, keys.length) }),
      drop: fc.subarray(keys, { maxLength: Math.min(2, keys.length) }),
      extra: fc.option(fc.tuple(fc.string({ unit: "binary", minLength: 1, maxLength: 10 }), hostileValue), { nil: undefined }),
    })
    .map(({ replace, drop, extra }) => {
      const out: Record<string, string> = { ...sample, ...replace };
      for (const key of drop) delete out[key];
      if (extra && !extra[0].startsWith("$ACTION")) out[extra[0]] = extra[1];
      return out;
    });
}

export function toFormData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string anywhere in a parsed value: none may carry a character PostgreSQL cannot store. */
export function findUnstorableString(value: unknown, path = "$"): string | undefined {
  if (typeof value === "string") return CONTROL.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const hit = findUnstorableString(v, `${path}[${i}]`);
      if (hit) return hit;
    }
    return undefined;
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      // Passwords are hashed or compared, never stored as text.
      if (/password/i.test(k)) continue;
      const hit = findUnstorableString(v, `${path}.${k}`);
      if (hit) return hit;
    }
  }
  return undefined;
}

import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { ACTION_FORMS } from "../fuzz/action-forms";
import { findUnstorableString, hostileForm, toFormData } from "../fuzz/arbitraries";

const RUNS = 300;
const tally = { inputs: 0, refused: 0, accepted: 0, issues: 0, zodWording: 0 };

describe("every action's schema under hostile input", () => {
  afterAll(() => {
    console.log(
      `Fuzzed ${ACTION_FORMS.length} action schemas: ${tally.inputs} inputs, ${tally.refused} refused with field messages, ${tally.accepted} accepted clean; ` +
        `${tally.issues} messages, ${tally.zodWording} in zod's generic wording (missing or hidden fields only a crafted request omits).`,
    );
  });

  it.each(ACTION_FORMS.map((form) => [form.name, form] as const))("%s: the valid sample passes", (_name, form) => {
    const parsed = form.schema.safeParse(form.parse(toFormData(form.sample)));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it.each(ACTION_FORMS.map((form) => [form.name, form] as const))("%s: never throws; refuses with a message per field, or accepts only storable text", (_name, form) => {
    fc.assert(
      fc.property(hostileForm(form.sample), (fields) => {
        tally.inputs++;
        const parsed = form.schema.safeParse(form.parse(toFormData(fields)));
        if (parsed.success) {
          tally.accepted++;
          expect(findUnstorableString(parsed.data)).toBeUndefined();
          return;
        }
        tally.refused++;
        for (const issue of parsed.error.issues) {
          tally.issues++;
          // Every message sits beside a field (or is one of ours for the whole form).
          expect(issue.message.length).toBeGreaterThan(3);
          if (/^Invalid input|^Too (big|small)/.test(issue.message)) {
            tally.zodWording++;
            expect(issue.path.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

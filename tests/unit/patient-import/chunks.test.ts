import { describe, expect, it } from "vitest";
import { chunkRows } from "@/components/patient-import/parse-file";
import { STAGE_CHUNK_BYTES, STAGE_CHUNK_ROWS } from "@/lib/patient-import/limits";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/outage/limits";

describe("chunks of file rows sent for checking", () => {
  it("keep every row once, in order, at most the row limit per chunk", () => {
    const rows = Array.from({ length: 2_345 }, (_, i) => [String(i), "Maya", "Okafor"]);
    const chunks = chunkRows(rows);
    expect(chunks.flat()).toEqual(rows);
    expect(Math.max(...chunks.map((c) => c.length))).toBe(STAGE_CHUNK_ROWS);
  });

  it("stay under the action body limit however wide the rows are", () => {
    const wide = Array.from({ length: 300 }, (_, i) => [String(i), "x".repeat(9_000)]);
    const chunks = chunkRows(wide);
    expect(chunks.flat()).toHaveLength(300);
    for (const chunk of chunks) expect(JSON.stringify(chunk).length).toBeLessThanOrEqual(STAGE_CHUNK_BYTES + 10_000);
    expect(STAGE_CHUNK_BYTES + 10_000).toBeLessThan(ACTION_BODY_LIMIT_BYTES);
  });
});

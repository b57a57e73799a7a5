import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";

/** Tables whose sequential scan the benchmark reports (the list). */
export const WATCHED_TABLES = ["measurement", "decompression_session", "adherence_entry", "audit_event"];

export type CapturedQuery = { query: string; params: unknown[] };

/** A database whose every statement is recorded, so a page's queries can be replayed under EXPLAIN. */
export function openCapturingDb(url: string) {
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const captured: CapturedQuery[] = [];
  const db = drizzle(client, { schema, logger: { logQuery: (query, params) => void captured.push({ query, params }) } }) as unknown as Database;
  return {
    db,
    /** Runs `fn` and returns the statements it issued. */
    capture: async (fn: (db: Database) => Promise<unknown>) => {
      captured.length = 0;
      await fn(db);
      return [...captured];
    },
    close: () => client.end({ timeout: 5 }),
  };
}

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Total Time"?: number;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  Plans?: PlanNode[];
};

export type ScanNode = { node: string; relation: string; index: string | null; rows: number | null };

export type ExplainedQuery = {
  sql: string;
  executionMs: number | null;
  scans: ScanNode[];
  watchedSeqScans: string[];
};

function collectScans(node: PlanNode, out: ScanNode[]) {
  if (node["Relation Name"]) {
    out.push({
      node: node["Node Type"],
      relation: node["Relation Name"],
      index: node["Index Name"] ?? null,
      rows: node["Actual Rows"] === undefined ? null : node["Actual Rows"] * (node["Actual Loops"] ?? 1),
    });
  }
  for (const child of node.Plans ?? []) collectScans(child, out);
}

/**
 * EXPLAIN of each captured statement with its parameters: ANALYZE for reads,
 * the plan alone for writes (an analysed INSERT would add audit rows).
 */
export async function explainAll(url: string, queries: CapturedQuery[]): Promise<ExplainedQuery[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const out: ExplainedQuery[] = [];
    for (const q of queries) {
      const isRead = /^\s*(select|with)\b/i.test(q.query);
      const options = isRead ? "analyze, buffers, format json" : "format json";
      const rows = await sql.unsafe(`explain (${options}) ${q.query}`, q.params as never[]);
      const plan = (rows[0] as Record<string, { Plan: PlanNode; "Execution Time"?: number }[]>)["QUERY PLAN"]?.[0];
      if (!plan) throw new Error(`no plan for: ${q.query}`);
      const scans: ScanNode[] = [];
      collectScans(plan.Plan, scans);
      out.push({
        sql: q.query.replace(/\s+/g, " ").trim(),
        executionMs: plan["Execution Time"] ?? null,
        scans,
        watchedSeqScans: scans.filter((s) => s.node.includes("Seq Scan") && WATCHED_TABLES.includes(s.relation)).map((s) => s.relation),
      });
    }
    return out;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Sequential and index scans so far on the watched tables (pg_stat_user_tables), to catch any scan the explicit list missed. */
export async function readScanCounters(url: string): Promise<Record<string, { seq: number; idx: number }>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ relname: string; seq: string; idx: string }[]>`
      select relname, seq_scan::text as seq, coalesce(idx_scan, 0)::text as idx from pg_stat_user_tables where relname = any(${WATCHED_TABLES})`;
    return Object.fromEntries(rows.map((r) => [r.relname, { seq: Number(r.seq), idx: Number(r.idx) }]));
  } finally {
    await sql.end({ timeout: 5 });
  }
}

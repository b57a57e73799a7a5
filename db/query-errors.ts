import { createHash } from "node:crypto";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { PgPreparedQuery } from "drizzle-orm/pg-core";

/**
 * A failed query, told without its values. drizzle throws DrizzleQueryError
 * whose message is the SQL followed by `params: ...` (patient names, dates of
 * birth, notes, search terms), and the driver's own error can quote values too
 * (`invalid input syntax for type uuid: "..."`, `Key (email)=(...)`). Next
 * prints uncaught errors with their cause chain, so scrubbing has to happen
 * where the error is made, not where it is logged: this is the only error
 * that leaves the database layer.
 */
export class DatabaseQueryError extends Error {
  readonly code: string | undefined;
  readonly table: string | undefined;
  readonly constraint_name: string | undefined;
  readonly fingerprint: string;
  readonly statement: string;

  constructor(info: { code?: string; table?: string; constraint?: string; fingerprint: string; statement: string; raised?: string }) {
    const where = [info.table && `table ${info.table}`, info.constraint && `constraint ${info.constraint}`].filter(Boolean).join(", ");
    const raised = info.raised ? `: ${info.raised}` : "";
    super(`Database query failed: ${info.code ?? "no SQLSTATE"}${where ? ` on ${where}` : ""} (${info.statement}, statement ${info.fingerprint})${raised}`);
    this.name = "DatabaseQueryError";
    this.code = info.code;
    this.table = info.table;
    this.constraint_name = info.constraint;
    this.fingerprint = info.fingerprint;
    this.statement = info.statement;
  }
}

type DriverError = { message?: unknown; code?: unknown; table_name?: unknown; table?: unknown; constraint_name?: unknown; constraint?: unknown };

const MESSAGE_KEPT_FOR = new Set(["P0001", "42501"]);

const asText = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);

/** A stable id for a statement's shape: the same query text gives the same id, whatever its values. */
export function fingerprintStatement(sql: string): string {
  return createHash("sha256").update(sql.replace(/\s+/g, " ").trim()).digest("hex").slice(0, 12);
}

/** The statement's verb and first table ("insert patient"), read from the SQL text, which holds placeholders, not values. */
function describeStatement(sql: string): { statement: string; table?: string } {
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? "query";
  const table = /\b(?:from|into|update|join)\s+"?([a-z_][a-z0-9_]*)"?/i.exec(sql)?.[1];
  return { statement: table ? `${verb} ${table}` : verb, table };
}

export function toDatabaseQueryError(err: DrizzleQueryError): DatabaseQueryError {
  const cause = (err.cause ?? {}) as DriverError;
  const { statement, table } = describeStatement(err.query);
  const error = new DatabaseQueryError({
    code: asText(cause.code),
    table: asText(cause.table_name) ?? asText(cause.table) ?? table,
    constraint: asText(cause.constraint_name) ?? asText(cause.constraint),
    fingerprint: fingerprintStatement(err.query),
    statement,
    // Messages of these codes name objects, never values: our own triggers' RAISE
    // (e.g. "audit_event is append-only: UPDATE is not allowed") and PostgreSQL's
    // "permission denied for table ...". Every other driver message is dropped.
    raised: MESSAGE_KEPT_FOR.has(asText(cause.code) ?? "") ? asText(cause.message)?.slice(0, 200) : undefined,
  });
  // Keep where it was thrown from; the stack's first line is our own message.
  error.stack = `${error.name}: ${error.message}\n${(err.stack ?? "").split("\n").slice(2).join("\n")}`;
  return error;
}

let installed = false;

/**
 * drizzle has no hook for query errors: every driver's prepared query runs
 * through PgPreparedQuery.queryWithCache, which builds the DrizzleQueryError,
 * so that method is wrapped once to hand out DatabaseQueryError instead.
 */
export function installQueryErrorScrubbing(): void {
  if (installed) return;
  installed = true;
  type QueryWithCache = (this: unknown, ...args: unknown[]) => Promise<unknown>;
  const proto = PgPreparedQuery.prototype as unknown as { queryWithCache: QueryWithCache };
  const original = proto.queryWithCache;
  proto.queryWithCache = async function scrubbedQueryWithCache(this: unknown, ...args: unknown[]) {
    try {
      return await original.apply(this, args);
    } catch (err) {
      throw err instanceof DrizzleQueryError ? toDatabaseQueryError(err) : err;
    }
  };
}

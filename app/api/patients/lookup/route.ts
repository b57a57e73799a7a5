import { z } from "zod";
import { getDb } from "@/db/runtime";
import { readScope } from "@/lib/auth/scope";
import { searchText } from "@/lib/forms/text";
import { answerUnlessDatabaseDown } from "@/lib/outage/responses";
import { findPatientsByName } from "@/lib/patients/queries";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };
const querySchema = z.object({ q: searchText });

/**
 * Command palette lookup: a few patients of the signed-in user's clinic whose
 * names start with the words typed, each with its safety marker (red flag,
 * contraindication). Names and markers only (no record is opened), so no
 * audit event; another clinic's patients can never match.
 */
export function GET(request: Request) {
  return answerUnlessDatabaseDown(request, () => lookUp(request));
}

async function lookUp(request: Request) {
  const scope = await readScope();
  if (!scope) return Response.json({ error: "Sign in first." }, { status: 401, headers: NO_STORE });
  const parsed = querySchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message }, { status: 400, headers: NO_STORE });
  const db = await getDb(scope);
  const rows = await findPatientsByName(db, scope, parsed.data.q);
  const patients = rows.map((p) => ({
    id: p.id,
    name: `${p.firstName} ${p.lastName}`,
    dateOfBirth: p.dateOfBirth,
    archived: p.archivedAt !== null,
    marker: p.marker,
  }));
  return Response.json({ patients }, { headers: NO_STORE });
}

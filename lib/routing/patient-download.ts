import type { Database } from "@/db/client";
import { getDb } from "@/db/runtime";
import { readScope } from "@/lib/auth/scope";
import type { Scope } from "@/lib/auth/scope-types";
import { NotFoundError } from "@/lib/errors";
import { answerUnlessDatabaseDown } from "@/lib/outage/responses";

const NO_STORE = { "cache-control": "no-store" };

export type PatientFile = { body: BodyInit; contentType: string; fileName: string };

/**
 * One patient's record as a download (the FHIR export, the outcome report):
 * 401 without a staff session, 404 for an id this clinic does not have, 503
 * while the database is down, never cached. `produce` loads, builds and
 * audits in its own transaction; the file it names should carry ids only,
 * since a name in a file name travels wherever the file goes.
 */
export function answerPatientDownload(
  request: Request,
  params: Promise<{ id: string }>,
  produce: (db: Database, scope: Scope, patientId: string) => Promise<PatientFile>,
): Promise<Response> {
  return answerUnlessDatabaseDown(request, async () => {
    const scope = await readScope();
    if (!scope) return Response.json({ error: "Sign in first." }, { status: 401, headers: NO_STORE });
    const { id } = await params;
    try {
      const file = await produce(await getDb(scope), scope, id);
      return new Response(file.body, {
        headers: { ...NO_STORE, "content-type": file.contentType, "content-disposition": `attachment; filename="${file.fileName}"` },
      });
    } catch (err) {
      if (err instanceof NotFoundError) return Response.json({ error: "Patient not found." }, { status: 404, headers: NO_STORE });
      throw err;
    }
  });
}

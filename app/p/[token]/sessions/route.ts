import { recordPatientSession } from "@/lib/adherence/patient-reported";
import { toFieldErrors } from "@/lib/actions/form-data";
import { RuleError } from "@/lib/errors";
import { findTextProblem } from "@/lib/forms/text";
import { answerWithLink } from "@/lib/patient-links/context";
import { LINK_HEADERS } from "@/lib/patient-links/responses";
import { patientSessionSchema, readSessionForm } from "@/lib/patient-links/schemas";
import { linkPath } from "@/lib/patient-links/token";

export const dynamic = "force-dynamic";

/**
 * A home session from the phone. The form posts here without JS (then 303
 * back to the page); the offline queue sends the same fields and asks for
 * JSON. The client id makes a resent session count once.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const json = (request.headers.get("accept") ?? "").includes("application/json");
  return answerWithLink(
    request,
    params,
    async ({ link, actor, db }) => {
      const answer = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: LINK_HEADERS });
      let form: FormData;
      try {
        form = await request.formData();
      } catch {
        return answer(400, { error: "The session could not be read." });
      }
      const fields = readSessionForm(form);
      const parsed = patientSessionSchema.safeParse(fields);
      const unstorable = typeof fields.note === "string" ? findTextProblem(fields.note, "Note", "multi") : null;
      if (!parsed.success || unstorable) {
        return answer(400, { error: "Some answers need attention.", errors: parsed.success ? { note: [unstorable] } : toFieldErrors(parsed.error) });
      }
      const input = { clientId: parsed.data.clientId, doneOn: parsed.data.doneOn, itemsDone: parsed.data.item, pain: parsed.data.pain, effort: parsed.data.effort, note: parsed.data.note };
      try {
        const { duplicate } = await db.transaction((tx) => recordPatientSession(tx, { ...actor, programmeId: link.programmeId ?? "" }, input));
        if (!json) return new Response(null, { status: 303, headers: { ...LINK_HEADERS, location: `${linkPath((await params).token)}?done=saved` } });
        return answer(duplicate ? 200 : 201, { ok: true, duplicate });
      } catch (err) {
        // A refusal is final: the queue drops the session rather than resend it for ever.
        if (err instanceof RuleError) return answer(422, { error: err.message, field: err.field });
        throw err;
      }
    },
    { json: true, purpose: "programme" },
  );
}

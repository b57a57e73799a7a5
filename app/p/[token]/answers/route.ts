import { answerWithLink } from "@/lib/patient-links/context";
import { answerQuestionnaire } from "@/lib/patient-links/questionnaire-route";

export const dynamic = "force-dynamic";

/** One screen of a questionnaire link, posted by a plain form (no script needed). */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  return answerWithLink(request, params, (ctx) => answerQuestionnaire({ request, token, ...ctx }), { purpose: "questionnaire" });
}

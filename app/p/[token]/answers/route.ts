import { answerWithLink } from "@/lib/patient-links/context";
import { answerIntake } from "@/lib/patient-links/intake-route";
import { answerQuestionnaire } from "@/lib/patient-links/questionnaire-route";
import { respondLinkRefused } from "@/lib/patient-links/responses";

export const dynamic = "force-dynamic";

/** One screen of a questionnaire or intake link, posted by a plain form (no script needed). */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  return answerWithLink(request, params, (ctx) => {
    if (ctx.link.purpose === "questionnaire") return answerQuestionnaire({ request, token, ...ctx });
    if (ctx.link.purpose === "intake") return answerIntake({ request, token, ...ctx });
    return Promise.resolve(respondLinkRefused("unknown", request));
  });
}

import { writeLinkAudit } from "@/lib/audit";
import { answerWithLink } from "@/lib/patient-links/context";
import { loadPatientProgramme, renderProgrammePage } from "@/lib/patient-links/programme-page";
import { showIntake } from "@/lib/patient-links/intake-route";
import { showQuestionnaire } from "@/lib/patient-links/questionnaire-route";
import { readNonce, respondLinkHtml, respondLinkRefused } from "@/lib/patient-links/responses";

export const dynamic = "force-dynamic";

const FLASH: Record<string, string> = {
  saved: "Saved. Thank you: your clinic will see it.",
  "reminder-on": "Daily reminder set. Each email has a link to stop it.",
  "reminder-off": "Daily reminders stopped.",
};

/** A patient link on the phone: the programme, a questionnaire or the intake; plain HTML, no sign-in (lib/patient-links). */
export function GET(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  return answerWithLink(request, params, async ({ link, actor, db }) => {
    if (link.purpose === "questionnaire") return showQuestionnaire({ request, token: (await params).token, link, actor, db });
    if (link.purpose === "intake") return showIntake({ request, token: (await params).token, link, actor, db });
    if (link.purpose !== "programme") return respondLinkRefused("unknown", request);
    const data = await loadPatientProgramme(db, link);
    await writeLinkAudit(db, actor, { action: "view", detail: { purpose: link.purpose, programmeId: link.programmeId } });
    const flash = FLASH[new URL(request.url).searchParams.get("done") ?? ""] ?? null;
    return respondLinkHtml(200, renderProgrammePage(data, (await params).token, readNonce(request), flash));
  });
}

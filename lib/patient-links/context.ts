import type { Database } from "@/db/client";
import { getDb, getUnscopedDb } from "@/db/runtime";
import { writeLinkAudit, type LinkActor } from "@/lib/audit";
import { readClientIp } from "@/lib/auth/ip";
import { answerUnlessDatabaseDown } from "@/lib/outage/responses";
import { openLinkToken, type OpenLink } from "./gate";
import { respondLinkRefused } from "./responses";

export type LinkRequest = { link: OpenLink; actor: LinkActor; db: Database };

/**
 * Every route under /p/<token> runs through here: the token is opened
 * (throttled, found by its hash), a revoked or expired one is refused with
 * its plain page and that attempt audited, and the handler gets a database
 * scoped to the link's own clinic, so nothing of another clinic can be read.
 */
export function answerWithLink(
  request: Request,
  params: Promise<{ token: string }>,
  handle: (ctx: LinkRequest) => Promise<Response>,
  options: { json?: boolean; purpose?: OpenLink["purpose"] } = {},
): Promise<Response> {
  return answerUnlessDatabaseDown(request, async () => {
    const { token } = await params;
    const ip = readClientIp(request.headers);
    const outcome = await openLinkToken(await getUnscopedDb(), token, ip);
    if (outcome.kind !== "open") {
      if (outcome.kind === "revoked" || outcome.kind === "expired") {
        const { link } = outcome;
        const db = await getDb({ clinicId: link.clinicId });
        await writeLinkAudit(db, { linkId: link.linkId, clinicId: link.clinicId, patientId: link.patientId, ip }, { action: "denied", reason: outcome.kind });
      }
      return respondLinkRefused(outcome.kind, request, options.json);
    }
    const { link } = outcome;
    if (options.purpose && link.purpose !== options.purpose) return respondLinkRefused("unknown", request, options.json);
    const actor: LinkActor = { linkId: link.linkId, clinicId: link.clinicId, patientId: link.patientId, ip };
    return handle({ link, actor, db: await getDb({ clinicId: link.clinicId }) });
  });
}

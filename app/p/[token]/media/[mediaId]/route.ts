import { readMedia, respondMedia } from "@/lib/exercise-media/store";
import { answerWithLink } from "@/lib/patient-links/context";
import { LINK_HEADERS } from "@/lib/patient-links/responses";
import { getProgramme } from "@/lib/programmes/queries";

export const dynamic = "force-dynamic";

/** An exercise's picture or video, only for an exercise of the link's own programme. */
export function GET(request: Request, { params }: { params: Promise<{ token: string; mediaId: string }> }): Promise<Response> {
  return answerWithLink(
    request,
    params,
    async ({ link, db }) => {
      const { mediaId } = await params;
      const scope = { clinicId: link.clinicId };
      const media = await readMedia(db, scope, { id: mediaId });
      const programme = await getProgramme(db, scope, link.programmeId ?? "");
      const keys = new Set(programme.items.flatMap((i) => (i.exercise ? [i.exercise.key] : [])));
      if (!media || !keys.has(media.exerciseKey)) return Response.json({ error: "Not found." }, { status: 404, headers: LINK_HEADERS });
      return respondMedia(media, { "referrer-policy": "no-referrer" });
    },
    { json: true, purpose: "programme" },
  );
}

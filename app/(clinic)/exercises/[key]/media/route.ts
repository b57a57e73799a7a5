import { getDb } from "@/db/runtime";
import { readScope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/errors";
import { checkMediaUpload, VIDEO_LIMIT_BYTES } from "@/lib/exercise-media/signature";
import { readMedia, respondMedia, saveExerciseMedia } from "@/lib/exercise-media/store";
import { getLibraryExercise } from "@/lib/exercises/queries";
import { answerUnlessDatabaseDown } from "@/lib/outage/responses";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };
type Params = { params: Promise<{ key: string }> };

/** The clinic's picture or video of the exercise, for a staff session (204 when it has none). */
export function GET(request: Request, { params }: Params): Promise<Response> {
  return answerUnlessDatabaseDown(request, async () => {
    const scope = await readScope();
    if (!scope) return Response.json({ error: "Sign in first." }, { status: 401, headers: NO_STORE });
    const { key } = await params;
    const db = await getDb(scope);
    try {
      await getLibraryExercise(db, scope, key);
    } catch (err) {
      if (err instanceof NotFoundError) return Response.json({ error: "Exercise not found." }, { status: 404, headers: NO_STORE });
      throw err;
    }
    // The exercise exists and has no picture yet: nothing to send, which is no error.
    const media = await readMedia(db, scope, { exerciseKey: key });
    if (!media) return new Response(null, { status: 204, headers: NO_STORE });
    return respondMedia(media);
  });
}

/**
 * Upload from the exercise page (a plain multipart form, so a short video
 * fits: server actions stop at 1 MB). Checked by content, then back to the
 * page with the outcome, which shows it next to the field.
 */
export function POST(request: Request, { params }: Params): Promise<Response> {
  return answerUnlessDatabaseDown(request, async () => {
    const scope = await readScope();
    if (!scope) return Response.json({ error: "Sign in first." }, { status: 401, headers: NO_STORE });
    const { key } = await params;
    const back = (outcome: string) => new Response(null, { status: 303, headers: { ...NO_STORE, location: `/exercises/${encodeURIComponent(key)}?media=${outcome}#media` } });
    const db = await getDb(scope);
    try {
      const exercise = await getLibraryExercise(db, scope, key);
      if (exercise.archived) return back("archived");
    } catch (err) {
      if (err instanceof NotFoundError) return Response.json({ error: "Exercise not found." }, { status: 404, headers: NO_STORE });
      throw err;
    }
    if (Number(request.headers.get("content-length") ?? 0) > VIDEO_LIMIT_BYTES + 64 * 1024) return back("too-large");
    let file: FormDataEntryValue | null = null;
    try {
      file = (await request.formData()).get("file");
    } catch {
      return back("unreadable");
    }
    if (!file || typeof file === "string") return back("missing");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const verdict = checkMediaUpload(bytes);
    if (!verdict.ok) return back(verdict.problem);
    await db.transaction((tx) => saveExerciseMedia(tx, scope, key, verdict.type, bytes));
    return back("saved");
  });
}

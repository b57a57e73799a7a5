import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { IMAGE_LIMIT_BYTES, MEDIA_OUTCOMES, VIDEO_LIMIT_BYTES } from "@/lib/exercise-media/signature";

type Media = { contentType: string; byteSize: number } | null;

/**
 * The clinic's own picture or short video of the exercise, shown to patients
 * on their phone. A plain multipart form (no client JS): the upload route
 * checks the file by its content and comes back here with the outcome.
 */
export function ExerciseMediaCard({ exerciseKey, name, media, outcome, canUpload }: { exerciseKey: string; name: string; media: Media; outcome: string | undefined; canUpload: boolean }) {
  const src = `/exercises/${encodeURIComponent(exerciseKey)}/media`;
  const message = outcome && outcome in MEDIA_OUTCOMES ? MEDIA_OUTCOMES[outcome as keyof typeof MEDIA_OUTCOMES] : null;
  const refused = Boolean(message) && outcome !== "saved";
  return (
    <Card id="media">
      <CardHeader>
        <CardTitle asChild>
          <h2>Picture or video for patients</h2>
        </CardTitle>
        <CardDescription>Shown beside this exercise on the patient&apos;s phone. PNG, JPEG, WebP or GIF up to {IMAGE_LIMIT_BYTES / 1048576} MB, or MP4 or WebM up to {VIDEO_LIMIT_BYTES / 1048576} MB.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {media ? (
          <div className="grid gap-2">
            {media.contentType.startsWith("video/") ? (
              <video src={src} controls preload="metadata" className="max-h-72 w-full max-w-md rounded-md border" aria-label={`Video: ${name}`} />
            ) : (
              // eslint-disable-next-line @next/next/no-img-element -- served from the database behind the session; next/image would fetch it without the cookie
              <img src={src} alt={`How to do ${name}`} className="max-h-72 w-auto max-w-full rounded-md border" />
            )}
            <a href={src} className="text-sm underline-offset-4 hover:underline">
              Open the {media.contentType.startsWith("video/") ? "video" : "picture"} ({Math.max(1, Math.round(media.byteSize / 1024))} kB)
            </a>
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">No picture or video yet.</p>
        )}
        {canUpload && (
          <form method="post" action={src} encType="multipart/form-data" className="grid max-w-md gap-2">
            <Label htmlFor="media-file">{media ? "Replace with" : "Upload"} a picture or video</Label>
            <input
              id="media-file"
              name="file"
              type="file"
              required
              accept="image/png,image/jpeg,image/webp,image/gif,video/mp4,video/webm"
              aria-invalid={refused || undefined}
              aria-describedby={message ? "media-outcome" : undefined}
              className="text-sm file:mr-3 file:rounded-md file:border file:bg-secondary file:px-3 file:py-1.5 file:text-secondary-foreground"
            />
            {message &&
              (refused ? (
                <Alert variant="destructive" id="media-outcome">
                  <AlertDescription>{message}</AlertDescription>
                </Alert>
              ) : (
                <p id="media-outcome" role="status" className="text-sm font-medium text-success">
                  {message}
                </p>
              ))}
            <Button type="submit" className="justify-self-start">
              Upload
            </Button>
          </form>
        )}
      </CardContent>
    </Card>
  );
}

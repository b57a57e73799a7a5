/**
 * What an upload is, read from its first bytes (its magic number), never
 * from its name or the type the browser claims. SVG is not accepted: it is
 * a document that can carry script, and sanitising it is not worth it here.
 */
export const MEDIA_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif", "video/mp4", "video/webm"] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** Pictures up to 2 MB, short videos up to 8 MB [U: our choice; the proxy buffers up to 10 MB]. */
export const IMAGE_LIMIT_BYTES = 2 * 1024 * 1024;
export const VIDEO_LIMIT_BYTES = 8 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

// ISO base media (MP4) major brands a phone or an editor writes.
const MP4_BRANDS = ["isom", "iso2", "mp41", "mp42", "avc1", "M4V ", "dash", "3gp4", "3gp5"];

export function detectMediaType(bytes: Uint8Array): MediaType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("ftyp"), 4) && MP4_BRANDS.some((brand) => startsWith(bytes, ascii(brand), 8))) return "video/mp4";
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return "video/webm";
  return null;
}

export type MediaProblem = "missing" | "not-media" | "too-large";
export type MediaCheck = { ok: true; type: MediaType } | { ok: false; problem: MediaProblem };

/** What the exercise page says next to the upload field for each outcome. */
export const MEDIA_OUTCOMES: Record<MediaProblem | "saved" | "unreadable" | "archived", string> = {
  saved: "Saved: patients with a link to a programme with this exercise now see it.",
  missing: "Choose a picture or a short video.",
  "not-media": "This file is not a PNG, JPEG, WebP or GIF picture, nor an MP4 or WebM video, whatever its name says.",
  "too-large": `Too large: the limit is ${IMAGE_LIMIT_BYTES / 1048576} MB for a picture and ${VIDEO_LIMIT_BYTES / 1048576} MB for a video.`,
  unreadable: "The upload did not arrive whole. Try again.",
  archived: "This exercise is archived: restore it first.",
};

/** The upload's verdict: its real type, or what is wrong with it. */
export function checkMediaUpload(bytes: Uint8Array): MediaCheck {
  if (bytes.length === 0) return { ok: false, problem: "missing" };
  const type = detectMediaType(bytes);
  if (!type) return { ok: false, problem: "not-media" };
  const limit = type.startsWith("video/") ? VIDEO_LIMIT_BYTES : IMAGE_LIMIT_BYTES;
  return bytes.length > limit ? { ok: false, problem: "too-large" } : { ok: true, type };
}

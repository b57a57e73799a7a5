import { plainText } from "@/lib/forms/text";

// Bidirectional embedding, override and isolate controls (U+202A-U+202E,
// U+2066-U+2069): they make text display in an order other than the one
// stored ("Trojan Source", CVE-2021-42574), so a name could read as someone else's.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

export const BIDI_MESSAGE = "Remove the hidden text-direction characters: they make a name display differently from how it is stored";

export function hasBidiControls(value: string): boolean {
  return BIDI_CONTROLS.test(value);
}

/**
 * A person's or record's name: the shared text rule (one line, no control
 * characters, lib/forms/text.ts), trimmed, required, bounded, and shown as stored.
 */
export function nameField(messages: { required: string; tooLong: string; label?: string }, max = 100) {
  return plainText(messages.label ?? "Name")
    .min(1, messages.required)
    .max(max, messages.tooLong)
    .refine((v) => !hasBidiControls(v), BIDI_MESSAGE);
}

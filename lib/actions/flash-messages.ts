/**
 * Confirmations shown after a save that ends in a redirect. The cookie
 * carries only the code, never patient data; the text lives here, read by
 * the shell's toast in the browser.
 */
export const FLASH_MESSAGES = {
  "patient-created": "Patient created.",
  "patient-created-intake": "Patient created, and the intake link queued by email: their answers arrive under Questionnaires by link.",
  "patient-saved": "Patient details saved.",
  "programme-saved": "Programme saved.",
  "exercise-created": "Exercise added to the library.",
  "exercise-saved": "Exercise saved.",
  "course-created": "Decompression course created.",
  "session-saved": "Session saved.",
  "session-saved-extended": "Session saved; the course is extended by a replacement session (see the calendar).",
  "assessment-signed": "Assessment signed.",
  "assessment-amended": "Amendment saved as a new revision.",
  "draft-created": "Draft saved.",
} as const;

export type FlashCode = keyof typeof FLASH_MESSAGES;

export const FLASH_COOKIE = "plumbline-flash";

export function readFlashMessage(code: string | undefined): string | null {
  return code && code in FLASH_MESSAGES ? FLASH_MESSAGES[code as FlashCode] : null;
}

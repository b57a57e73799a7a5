/** What a form action returns to `useActionState`. */
export type ActionState = {
  ok?: boolean;
  message?: string;
  /** Messages per field name, shown next to the field. */
  errors?: Record<string, string[] | undefined>;
  /** What was typed, so the form can keep it after a refusal (never passwords). */
  values?: Record<string, string>;
  /** A warning the user may confirm past (e.g. a force above threshold). */
  confirm?: string;
  /** What an action hands back: an import's progress figures, or a new patient link's address to show once. */
  data?: Record<string, string | number | boolean>;
  /** A plan checked before saving (a course's bookings): one row per item, with what is wrong and what is proposed. */
  preview?: { rows: PreviewRow[]; planKey: string };
};

export type PreviewRow = { key: string; label: string; problems: string[]; proposal: string | null };

export const initialActionState: ActionState = {};

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
  /** What a successful action hands back to show once (a new patient link's address). */
  data?: Record<string, string>;
};

export const initialActionState: ActionState = {};

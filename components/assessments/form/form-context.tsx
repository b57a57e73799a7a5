"use client";

import { createContext, useContext } from "react";

type FormValuesContext = {
  /** What the input shows: the echoed submission after a refusal, else the saved values. */
  value: (name: string) => string;
  errors: (name: string) => string[] | undefined;
};

const Context = createContext<FormValuesContext>({ value: () => "", errors: () => undefined });

export const AssessmentFormValues = Context.Provider;

export function useFormValues(): FormValuesContext {
  return useContext(Context);
}

/** A DOM id for an input name (names hold dots, which CSS selectors and anchors dislike). */
export function toInputId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

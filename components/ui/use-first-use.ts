"use client";

import { useState, type KeyboardEvent } from "react";

/**
 * For a menu, sheet or dialog whose code loads on first use: until then the
 * page shows a plain button that looks the same. Pointer or focus on it
 * starts loading; a click (or Enter, Space, ArrowDown) marks it used, and the
 * caller renders the real component opened (its own trigger replaces this one,
 * and takes focus back when it closes).
 */
export function useFirstUse(load: () => Promise<unknown>) {
  const [used, setUsed] = useState(false);
  const triggerProps = {
    onClick: () => setUsed(true),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === "ArrowDown") {
        e.preventDefault();
        setUsed(true);
      }
    },
    onPointerEnter: () => void load(),
    onFocus: () => void load(),
    "aria-expanded": false,
  } as const;
  return { used, triggerProps };
}

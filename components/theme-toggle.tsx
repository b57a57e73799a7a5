"use client";

import * as React from "react";
import { Moon as MoonIcon, Sun as SunIcon } from "@/components/ui/icons";

import { Button } from "@/components/ui/button";
import { useFirstUse } from "@/components/ui/use-first-use";
import { cn } from "@/lib/utils";

type ThemeToggleProps = {
  className?: string;
  align?: "start" | "center" | "end";
};

/**
 * The icon button. The icon is switched purely with the `dark` class, so
 * server and client render the same markup (no hydration mismatch).
 */
function ThemeToggleButton({ className, ...props }: React.ComponentProps<typeof Button>) {
  return (
    <Button variant="ghost" size="icon" data-print-hide="" aria-label="Colour theme" aria-haspopup="menu" className={cn("relative", className)} {...props}>
      <SunIcon aria-hidden="true" className="scale-100 rotate-0 transition-transform dark:scale-0 dark:-rotate-90" />
      <MoonIcon aria-hidden="true" className="absolute scale-0 rotate-90 transition-transform dark:scale-100 dark:rotate-0" />
    </Button>
  );
}

const loadMenu = () => import("./theme-menu");
const ThemeMenu = React.lazy(() => loadMenu().then((m) => ({ default: m.ThemeMenu })));

/** Icon button opening a menu to choose Light / Dark / System; the menu (theme-menu.tsx, Radix) loads on first use. */
function ThemeToggle({ className, align = "end" }: ThemeToggleProps) {
  const { used, triggerProps } = useFirstUse(loadMenu);
  if (!used) return <ThemeToggleButton className={className} {...triggerProps} />;
  return (
    <React.Suspense fallback={<ThemeToggleButton className={className} />}>
      <ThemeMenu className={className} align={align} />
    </React.Suspense>
  );
}

export { ThemeToggle, ThemeToggleButton, type ThemeToggleProps };

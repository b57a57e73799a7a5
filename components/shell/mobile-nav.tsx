"use client";

import * as React from "react";
import { Menu } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { useFirstUse } from "@/components/ui/use-first-use";

export function MobileNavButton(props: React.ComponentProps<typeof Button>) {
  return (
    <Button variant="ghost" size="icon" className="lg:hidden" aria-label="Open navigation" aria-haspopup="dialog" {...props}>
      <Menu className="size-5" />
    </Button>
  );
}

const loadSheet = () => import("./mobile-nav-sheet");
const MobileNavSheet = React.lazy(() => loadSheet().then((m) => ({ default: m.MobileNavSheet })));

/** The menu button below the lg breakpoint; the navigation sheet (mobile-nav-sheet.tsx) loads on first use. */
export function MobileNav({ clinicName }: { clinicName: string }) {
  const { used, triggerProps } = useFirstUse(loadSheet);
  if (!used) return <MobileNavButton {...triggerProps} />;
  return (
    <React.Suspense fallback={<MobileNavButton />}>
      <MobileNavSheet clinicName={clinicName} />
    </React.Suspense>
  );
}

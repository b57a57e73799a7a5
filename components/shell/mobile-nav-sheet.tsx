"use client";

import { useState } from "react";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { MobileNavButton } from "./mobile-nav";
import { NavLinks } from "./nav-links";

/** The navigation sheet (Radix dialog), loaded by mobile-nav.tsx on first use and opened at once. */
export function MobileNavSheet({ clinicName }: { clinicName: string }) {
  const [open, setOpen] = useState(true);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <MobileNavButton />
      </SheetTrigger>
      <SheetContent side="left" className="w-64 bg-sidebar p-4">
        <SheetHeader>
          <SheetTitle>{clinicName}</SheetTitle>
          <SheetDescription className="sr-only">Main navigation</SheetDescription>
        </SheetHeader>
        <nav aria-label="Main" className="mt-4">
          <NavLinks onNavigate={() => setOpen(false)} />
        </nav>
      </SheetContent>
    </Sheet>
  );
}

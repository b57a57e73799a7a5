"use client";

import { LogOut, ShieldCheck } from "@/components/ui/icons";
import Link from "next/link";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { signOutAction } from "@/lib/auth/actions";
import { AccountButton, type UserMenuProps } from "./user-menu";

/** The account menu (Radix), loaded by user-menu.tsx on first use and opened at once. */
export function AccountMenu({ name, email, clinicName, role }: UserMenuProps) {
  return (
    // Not modal: a modal menu hides the page with aria-hidden while focusable
    // elements stay inside it (axe aria-hidden-focus); Escape and outside clicks still close it
    <DropdownMenu modal={false} defaultOpen>
      <DropdownMenuTrigger asChild>
        <AccountButton name={name} />
      </DropdownMenuTrigger>
      <DropdownMenuContent inline align="end" className="w-64">
        <DropdownMenuLabel className="grid gap-0.5">
          <span className="font-semibold">{name}</span>
          <span className="text-xs font-normal text-muted-foreground">{email}</span>
          <span className="text-xs font-normal text-muted-foreground">
            {clinicName} · <span className="capitalize">{role}</span>
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account/security">
            <ShieldCheck className="size-4" aria-hidden />
            Sign-in security
          </Link>
        </DropdownMenuItem>
        <form action={signOutAction}>
          <DropdownMenuItem asChild>
            <button type="submit" className="w-full">
              <LogOut className="size-4" aria-hidden />
              Sign out
            </button>
          </DropdownMenuItem>
        </form>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

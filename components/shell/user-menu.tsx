"use client";

import * as React from "react";
import { UserRound } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { useFirstUse } from "@/components/ui/use-first-use";

export type UserMenuProps = { name: string; email: string; clinicName: string; role: string };

export function AccountButton({ name, ...props }: { name: string } & React.ComponentProps<typeof Button>) {
  return (
    <Button variant="ghost" className="gap-2" aria-label={`Account menu for ${name}`} aria-haspopup="menu" {...props}>
      <UserRound className="size-4" aria-hidden />
      <span className="hidden max-w-40 truncate sm:inline">{name}</span>
    </Button>
  );
}

const loadMenu = () => import("./account-menu");
const AccountMenu = React.lazy(() => loadMenu().then((m) => ({ default: m.AccountMenu })));

/** The account button in the top bar; its menu (account-menu.tsx, Radix) loads on first use. */
export function UserMenu(props: UserMenuProps) {
  const { used, triggerProps } = useFirstUse(loadMenu);
  if (!used) return <AccountButton name={props.name} {...triggerProps} />;
  return (
    <React.Suspense fallback={<AccountButton name={props.name} />}>
      <AccountMenu {...props} />
    </React.Suspense>
  );
}

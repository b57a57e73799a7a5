import Link from "next/link";
import { ThemeToggle } from "@/components/theme-toggle";
import { FlashToast } from "./flash-toast";
import { ListLinkNavigation } from "./list-link-navigation";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

type Props = {
  user: { name: string; email: string; role: string };
  clinicName: string;
  /** Slot for the command palette trigger, added by the dashboard capability. */
  search?: React.ReactNode;
  /** The alerts link with its count (components/alerts/alerts-link.tsx). */
  alerts?: React.ReactNode;
  children: React.ReactNode;
};

export function AppShell({ user, clinicName, search, alerts, children }: Props) {
  return (
    <div className="flex min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-background focus:p-2">
        Skip to content
      </a>
      <aside data-print-hide className="hidden w-56 shrink-0 flex-col border-r bg-sidebar p-4 lg:flex">
        <Link href="/" className="mb-1 text-lg font-semibold tracking-tight text-sidebar-foreground">
          Plumbline
        </Link>
        <p className="mb-6 text-xs text-muted-foreground">{clinicName}</p>
        <nav aria-label="Main">
          <NavLinks />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header data-print-hide className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/95 px-4 backdrop-blur">
          <MobileNav clinicName={clinicName} />
          <div className="flex-1">{search}</div>
          {alerts}
          <ThemeToggle />
          <UserMenu name={user.name} email={user.email} clinicName={clinicName} role={user.role} />
        </header>
        <main id="main" className="flex-1 p-4 md:p-6 lg:p-8">
          {children}
        </main>
        <FlashToast />
        <ListLinkNavigation />
      </div>
    </div>
  );
}

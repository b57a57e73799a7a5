import { CalendarDays, Dumbbell, Inbox, LayoutDashboard, Settings, Users } from "@/components/ui/icons";

export const NAV_ITEMS = [
  { href: "/", label: "Dashboard", icon: LayoutDashboard },
  { href: "/calendar", label: "Calendar", icon: CalendarDays },
  { href: "/patients", label: "Patients", icon: Users },
  { href: "/enquiries", label: "Enquiries", icon: Inbox },
  { href: "/exercises", label: "Exercises", icon: Dumbbell },
  { href: "/settings", label: "Settings", icon: Settings },
] as const;

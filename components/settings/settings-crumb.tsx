import Link from "next/link";

/** The way back to Settings above the title of every settings page. */
export function SettingsCrumb() {
  return (
    <Link href="/settings" className="underline-offset-4 hover:underline">
      Settings
    </Link>
  );
}

import type { Metadata } from "next";
import "./print.css";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** Printable pages: no app shell, no navigation; the page is the paper. */
export default function PrintLayout({ children }: { children: React.ReactNode }) {
  return <div className="print-root min-h-dvh bg-background text-foreground">{children}</div>;
}

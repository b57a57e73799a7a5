"use client";

import { DATABASE_DOWN_MESSAGE } from "@/lib/outage/messages";

/**
 * When the root layout itself fails there is no shell, theme or stylesheet to
 * lean on: a plain page with its own markup and inline styles.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en-GB">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "36rem", margin: "4rem auto", padding: "0 1rem", lineHeight: 1.5 }}>
        <main>
          <h1 style={{ fontSize: "1.25rem" }}>Plumbline could not show this page</h1>
          <p>If the database is not answering: {DATABASE_DOWN_MESSAGE}</p>
          {error.digest && <p>Reference {error.digest}</p>}
          <p>
            {/* A full reload, not reset(): the shell itself failed. */}
            <a href="">Try again</a>
          </p>
        </main>
      </body>
    </html>
  );
}

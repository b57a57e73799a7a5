"use client";

import * as React from "react";
import { ThemeProvider as NextThemesProvider, type ThemeProviderProps } from "next-themes";
import { readDocumentNonce } from "./csp-nonce";

/**
 * next-themes provider: toggles the `dark` class on `<html>`, follows the OS
 * setting by default and persists an explicit choice. Put it inside `<body>`
 * in the root layout and add `suppressHydrationWarning` to `<html>`.
 */
function ThemeProvider({ children, nonce, ...props }: ThemeProviderProps) {
  // The server's nonce for the first render; in the browser, the document's own (see csp-nonce.tsx).
  const documentNonce = readDocumentNonce() ?? nonce;
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      {...props}
      nonce={documentNonce}
    >
      {children}
    </NextThemesProvider>
  );
}

export { ThemeProvider };

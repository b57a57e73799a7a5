"use client";

import { setNonce } from "get-nonce";
import { z } from "zod";

// zod compiles object parsers with `new Function` when it may; under a strict
// CSP even its probe for that is reported as a violation, so forms parse without it.
z.config({ jitless: true });

/**
 * The nonce the current document's policy allows. Read from the page's own
 * scripts (their `nonce` property survives the browser's attribute hiding),
 * not from server props: after a client-side navigation those would carry the
 * nonce of a later request, which this document's policy does not know.
 */
export function readDocumentNonce(): string | undefined {
  if (typeof document === "undefined") return undefined;
  return document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce || undefined;
}

/**
 * Hands the nonce to the libraries that inject <style> elements in the
 * browser (Radix dialogs and menus lock scrolling through
 * react-style-singleton, which asks get-nonce).
 */
export function CspNonce() {
  const nonce = readDocumentNonce();
  if (nonce) setNonce(nonce);
  return null;
}

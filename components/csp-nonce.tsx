"use client";

import { setNonce } from "get-nonce";
import { z } from "zod";

// zod compiles object parsers with `new Function` when it may; under a strict
// CSP even its probe for that is reported as a violation, so forms parse without it.
z.config({ jitless: true });

/**
 * Hands the request's CSP nonce to the libraries that inject <style> elements
 * in the browser (Radix dialogs lock scrolling through react-style-singleton,
 * which asks get-nonce). Without it the policy blocks those styles.
 */
export function CspNonce({ nonce }: { nonce: string | undefined }) {
  if (nonce && typeof window !== "undefined") setNonce(nonce);
  return null;
}

"use client";

import { setNonce } from "get-nonce";

/**
 * Hands the request's CSP nonce to the libraries that inject <style> elements
 * in the browser (Radix dialogs lock scrolling through react-style-singleton,
 * which asks get-nonce). Without it the policy blocks those styles.
 */
export function CspNonce({ nonce }: { nonce: string | undefined }) {
  if (nonce && typeof window !== "undefined") setNonce(nonce);
  return null;
}

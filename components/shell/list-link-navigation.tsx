"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { LIST_LINK_ATTRIBUTE } from "@/components/ui/list-link";

/**
 * One click handler for the links of long lists (components/ui/list-link.tsx): a plain click on
 * one navigates inside the app like a Link, keeping the shell. A click with a modifier key or
 * another button, on a link that opens elsewhere or downloads, or one already handled, is left to
 * the browser; before this runs (during hydration) the link simply loads the page.
 */
export function ListLinkNavigation() {
  const router = useRouter();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(`a[${LIST_LINK_ATTRIBUTE}]`) : null;
      if (!link || link.target || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      event.preventDefault();
      router.push(url.pathname + url.search + url.hash);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [router]);
  return null;
}

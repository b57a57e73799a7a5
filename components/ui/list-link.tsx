import type * as React from "react";

/** Marks a plain `<a>` that components/shell/list-link-navigation.tsx navigates client-side. */
export const LIST_LINK_ATTRIBUTE = "data-list-link";

/**
 * A link in a long server-rendered list (a dashboard card's rows, the patient list): a plain
 * `<a>` rather than `next/link`, never prefetched, that still navigates inside the app on a
 * plain click (the shell's ListLinkNavigation). Sixty Link components cost their rendering, their
 * props in the RSC payload and their hydration on every load of such a page (issue 11).
 */
export function ListLink(props: React.ComponentProps<"a"> & { href: string }) {
  return <a {...{ [LIST_LINK_ATTRIBUTE]: "" }} {...props} />;
}

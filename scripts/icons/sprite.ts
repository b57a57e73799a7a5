import { createHash } from "node:crypto";
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import * as lucide from "lucide-react";
import * as icons from "../../components/ui/icons";

export const SPRITE_FILE = "public/icons.svg";
export const VERSION_FILE = "components/ui/icon-sprite-version.ts";

/** Every icon components/ui/icons.tsx exports, by name. */
export function iconNames(): string[] {
  return Object.values(icons)
    .filter((v): v is icons.IconComponent => typeof v === "function" && "iconName" in v)
    .map((v) => v.iconName)
    .sort();
}

/**
 * The sprite behind components/ui/icons.tsx: one <symbol> per icon, holding
 * Lucide's own drawing of it, rendered from lucide-react, so the shapes and
 * stroke are Lucide's exact ones. Refuses markup of a shape it does not know.
 */
export function renderIconSprite(): string {
  const symbols = iconNames().map((name) => {
    const component = (lucide as unknown as Record<string, ComponentType | undefined>)[name];
    if (!component) throw new Error(`lucide-react has no icon ${name}`);
    const markup = renderToStaticMarkup(createElement(component));
    const match = /^<svg xmlns="[^"]*" width="24" height="24" viewBox="0 0 24 24" ([^>]*) class="[^"]*" aria-hidden="true">([\s\S]*)<\/svg>$/.exec(markup);
    if (!match) throw new Error(`unexpected markup for ${name}: ${markup.slice(0, 200)}`);
    // Lucide's drawing attributes (fill, stroke, its width, caps and joins) go on a group inside the symbol.
    return `<symbol id="${name}" viewBox="0 0 24 24"><g ${match[1]}>${match[2]}</g></symbol>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg"><!-- Lucide icons, ISC License, Copyright (c) Lucide Icons and Contributors (node_modules/lucide-react/LICENSE). Written by npm run icons from components/ui/icons.tsx. -->\n${symbols.join("\n")}\n</svg>\n`;
}

/** The module naming the sprite's version, so a changed sprite has a new URL and the old one can be cached for good. */
export function renderVersionModule(sprite: string): string {
  const version = createHash("sha256").update(sprite).digest("hex").slice(0, 12);
  return `// Written by npm run icons (scripts/icons/build.ts): the hash of public/icons.svg.\nexport const ICON_SPRITE_VERSION = "${version}";\n`;
}

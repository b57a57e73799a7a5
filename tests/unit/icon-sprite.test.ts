import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as icons from "@/components/ui/icons";
import { ICON_SPRITE_VERSION } from "@/components/ui/icon-sprite-version";
import { iconNames, renderIconSprite, renderVersionModule, SPRITE_FILE, VERSION_FILE } from "@/scripts/icons/sprite";

describe("icon sprite", () => {
  it("is current: public/icons.svg and its version are what npm run icons writes from components/ui/icons.tsx", () => {
    const sprite = renderIconSprite();
    expect(readFileSync(SPRITE_FILE, "utf8"), "run npm run icons").toBe(sprite);
    expect(readFileSync(VERSION_FILE, "utf8"), "run npm run icons").toBe(renderVersionModule(sprite));
    expect(renderVersionModule(sprite)).toContain(ICON_SPRITE_VERSION);
  });

  it("holds one symbol per exported icon, with Lucide's drawing", () => {
    const sprite = renderIconSprite();
    const ids = [...sprite.matchAll(/<symbol id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(iconNames());
    expect(ids.length).toBeGreaterThan(50);
    // Pencil, as Lucide draws it.
    expect(sprite).toMatch(
      /<symbol id="Pencil" viewBox="0 0 24 24"><g fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M21.174 6.812[^"]*"><\/path><path d="m15 5 4 4"><\/path><\/g><\/symbol>/,
    );
  });

  it("draws an icon as one <use> of the versioned sprite, decorative unless labelled", () => {
    const plain = icons.Pencil({ className: "size-4" });
    expect(plain.props).toMatchObject({ "aria-hidden": true, className: "lucide size-4", width: 24, height: 24 });
    const use = plain.props.children as { type: string; props: { href: string } };
    expect(use.type).toBe("use");
    expect(use.props.href).toBe(`/icons.svg?v=${ICON_SPRITE_VERSION}#Pencil`);
    expect(icons.Pencil({ "aria-label": "Edit" }).props["aria-hidden"]).toBeUndefined();
  });
});

// npm run icons: writes public/icons.svg from the icons components/ui/icons.tsx exports, and its version.
import { writeFileSync } from "node:fs";
import { iconNames, renderIconSprite, renderVersionModule, SPRITE_FILE, VERSION_FILE } from "./sprite";

const sprite = renderIconSprite();
writeFileSync(SPRITE_FILE, sprite);
writeFileSync(VERSION_FILE, renderVersionModule(sprite));
console.log(`${SPRITE_FILE}: ${iconNames().length} icons`);

// Written by npm run icons (scripts/icons/build.ts): the hash of public/icons.svg.
export const ICON_SPRITE_VERSION = "e4a70301c60e";

import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";

/**
 * Extensions every PGlite instance must load before the migrations run or a
 * dump is opened: btree_gist backs the no-double-booking exclusion constraints
 * (migration 0016). Pass to `PGlite.create({ extensions: PGLITE_EXTENSIONS })`.
 */
export const PGLITE_EXTENSIONS = { btree_gist };

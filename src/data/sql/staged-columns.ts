/** Names of the internal columns a staged source carries beside its own. */

/** Internal column of a staged source: the data record number (from 1). */
export const ROW_COLUMN = '__cvi_row';
/** Internal column of a staged text source: its physical line (header = its own line number). */
export const LINE_COLUMN = '__cvi_line';

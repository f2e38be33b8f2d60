/** The IR's version (in every IR as `irVersion`; part of the page cache's key). Its own module: the cache reads it without loading the IR's schema. */
export const IR_VERSION = '1.15.0';

/** The erasure's own event source: the one source the tombstone filter never skips. */
export const ERASURE_SOURCE_NAME = 'Erasure→erasure';

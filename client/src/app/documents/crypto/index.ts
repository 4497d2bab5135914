/**
 * The document crypto the UI uses: keys from a wallet signature (keys.ts), the encrypted envelope
 * (envelope.ts), per-reader key wrapping (wrap.ts) and the hash the chain anchors (hash.ts).
 * Pure functions over bytes: no HTTP, no storage, no Angular.
 */
export * from './envelope';
export * from './errors';
export * from './hash';
export * from './keys';
export * from './wrap';

/**
 * The HTTP contract between server and client: zod schemas of every request the server validates and
 * every response body it sends, with the types inferred from them. No I/O, and no imports from
 * server/ or client/. The server parses requests with these schemas and types its responses with
 * these types; the client imports the types only (`import type`), plus the plain values of
 * chain-values.ts. One file per domain.
 */
export * from './activity';
export * from './address';
export * from './admins';
export * from './appointments';
export * from './audit';
export * from './auth';
export * from './chain-values';
export * from './consent';
export * from './doctor-codes';
export * from './doctors';
export * from './document-keys';
export * from './document-format';
export * from './emergency';
export * from './erasure';
export * from './errors';
export * from './fhir';
export * from './ipfs';
export * from './patients';
export * from './personal-data';
export * from './platform';
export * from './practice';
export * from './records';
export * from './research';
export * from './route-spec';
export * from './stats';
export * from './transaction-values';
export * from './transactions';

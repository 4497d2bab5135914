/**
 * The variables that point the stack at services outside it (scripts/dev/stack.ts). A test that runs the stack on
 * its embedded defaults removes them, so a developer's RPC_URL or MONGODB_URI never leaks into it.
 */
export const EXTERNAL_SERVICE_VARIABLES = [
  'RPC_URL',
  'GANACHE_URL',
  'MONGODB_URI',
  'IPFS_API_URL',
  'DEPLOYMENTS_FILE',
  'PUBLIC_RPC_URL',
  'PUBLIC_ORIGIN',
  'ALLOWED_ORIGINS',
] as const;

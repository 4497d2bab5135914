/**
 * Reads the deployments file written by scripts/export-contracts.ts (`{ "<chainId>": { Name: { address, ... } } }`).
 * Addresses are never hard-coded: the file belongs to one chain's state.
 */
import { promises as fs } from 'node:fs';
import { z } from 'zod';

const deploymentSchema = z.object({
  address: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  transactionHash: z.string().optional(),
  blockNumber: z.number().int().min(0),
});
export type Deployment = z.infer<typeof deploymentSchema>;
export type ChainDeployments = Record<string, Deployment>;

/** The contracts the API reads; a deployment without them is from an older version of the system. */
const REQUIRED_CONTRACTS = ['Registry', 'Consent'] as const;

/** The contracts deployed on `chainId`, with a message that says how to fix a missing or stale file. */
export async function readDeployments(file: string, chainId: number): Promise<ChainDeployments> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new Error(`Deployments file ${file} not found: deploy the contracts first (npm start does it, or scripts/dev/contracts.ts)`);
  }
  let all: Record<string, unknown>;
  try {
    all = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`Deployments file ${file} is not valid JSON`);
  }
  const entry = all[String(chainId)];
  if (!entry || typeof entry !== 'object') {
    throw new Error(`Deployments file ${file} has no contracts for chain id ${chainId}: deploy to that chain first`);
  }
  const parsed = z.record(z.string(), deploymentSchema).safeParse(entry);
  if (!parsed.success) throw new Error(`Deployments file ${file}, chain ${chainId}: ${parsed.error.issues[0]?.message}`);
  for (const required of REQUIRED_CONTRACTS) {
    if (!parsed.data[required]) throw new Error(`Deployments file ${file} has no ${required} for chain id ${chainId}: migrate again (delete the file)`);
  }
  return parsed.data;
}

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

/**
 * The contracts deployed on `chainId`, with a message that says how to fix a missing or stale file.
 * `required`: the contracts the server components read (their `contracts`); a deployment without one
 * of them is from an older version of the system.
 */
export async function readDeployments(
  file: string,
  chainId: number,
  required: readonly string[] = [],
): Promise<ChainDeployments> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new Error(
      `Deployments file ${file} not found: deploy the contracts first (npm start does it, or scripts/dev/contracts.ts)`,
    );
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
  if (!parsed.success)
    throw new Error(`Deployments file ${file}, chain ${chainId}: ${parsed.error.issues[0]?.message}`);
  for (const name of required) {
    if (!parsed.data[name])
      throw new Error(
        `Deployments file ${file} has no ${name} for chain id ${chainId}: migrate again (delete the file)`,
      );
  }
  return parsed.data;
}

/** The deployment of a contract the component declared it reads (so startup has checked it is there). */
export function deploymentOf(deployments: ChainDeployments, name: string): Deployment {
  const deployment = deployments[name];
  if (!deployment)
    throw new Error(`No ${name} deployment: list it in the component's contracts so startup checks for it`);
  return deployment;
}

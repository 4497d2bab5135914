/** The Erasure contract's tombstones as the chain holds them: PatientErased logs and erasedAtBlock. */
import { getAddress, type JsonRpcProvider } from 'ethers';
import { Erasure__factory, type Erasure } from '@contracts/types';
import type { Deployment } from '../../../libraries/chain';

const erasureInterface = Erasure__factory.createInterface();
const PATIENT_ERASED_TOPIC = erasureInterface.getEvent('PatientErased').topicHash;

/** Lowercase patient address → block of their latest erasure, for every PatientErased up to `toBlock`. */
export async function erasuresUpTo(
  provider: JsonRpcProvider,
  erasure: Deployment,
  toBlock: number,
): Promise<Map<string, number>> {
  if (toBlock < erasure.blockNumber) return new Map();
  const logs = await provider.getLogs({
    address: erasure.address,
    topics: [PATIENT_ERASED_TOPIC],
    fromBlock: erasure.blockNumber,
    toBlock,
  });
  const erased = new Map<string, number>();
  for (const log of logs) {
    const patient = String(erasureInterface.parseLog(log)!.args.patient).toLowerCase();
    erased.set(patient, Math.max(erased.get(patient) ?? 0, log.blockNumber));
  }
  return erased;
}

export interface ChainErasure {
  blockNumber: number;
  by: string;
  requestCommitment: string;
  transactionHash: string;
  erasedAt: Date;
}

/** The patient's latest erasure as the chain records it; null when never erased. */
export async function latestErasureOnChain(erasure: Erasure, patient: string): Promise<ChainErasure | null> {
  const blockNumber = Number(await erasure.erasedAtBlock(patient));
  if (blockNumber === 0) return null;
  const [log] = (await erasure.queryFilter(erasure.filters.PatientErased(patient), blockNumber, blockNumber)).slice(-1);
  const block = await erasure.runner!.provider!.getBlock(blockNumber);
  return {
    blockNumber,
    by: getAddress(log.args.by),
    requestCommitment: log.args.requestCommitment,
    transactionHash: log.transactionHash,
    erasedAt: new Date(Number(block!.timestamp) * 1000),
  };
}

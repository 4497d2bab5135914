/**
 * The tombstones, as the indexer's log filter: before a range is applied, one eth_getLogs on Erasure
 * lists every PatientErased up to the range's end; every source (but the erasure's own) then skips any
 * event that names an erased patient at or before their latest erasure block. A rebuild thus never
 * writes the erased data, not even for a moment; what the patient does after the erasure is applied.
 * Events that name only an appointment id of an erased patient (PaymentReleased to the doctor) find no
 * row and change nothing (the handlers tolerate a missing appointment).
 */
import { isAddress, type JsonRpcProvider, type Result } from 'ethers';
import { deploymentOf, type ChainDeployments } from '../../../libraries/chain';
import { applyEveryLog, type LogFilterForRange } from '../../indexer';
import { erasuresUpTo } from '../data-access/chain-erasure';
import { ERASURE_SOURCE_NAME } from './erasure-source-name';

/** The lowercase addresses among an event's arguments. */
function addressesIn(args: Result): string[] {
  return args
    .toArray()
    .filter((value): value is string => typeof value === 'string' && isAddress(value))
    .map((value) => value.toLowerCase());
}

export function erasureTombstones(deployments: ChainDeployments, provider: JsonRpcProvider): LogFilterForRange {
  const erasure = deploymentOf(deployments, 'Erasure');
  return async (_fromBlock, toBlock) => {
    const erased = await erasuresUpTo(provider, erasure, toBlock);
    if (erased.size === 0) return applyEveryLog;
    return (source, args, at) =>
      source.name === ERASURE_SOURCE_NAME ||
      !addressesIn(args).some((address) => at.blockNumber <= (erased.get(address) ?? -1));
  };
}

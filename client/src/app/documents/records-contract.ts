/**
 * Records writes (anchoring an encrypted document: its CID and the sha256 of its bytes as pinned), each signed
 * by the connected wallet through the TransactionRunner, and the chain reads an opener checks a document
 * against: the chain, not the API, says which bytes an entry anchored.
 */
import { Injectable, inject } from '@angular/core';
import { type Records, Records__factory } from '@contracts/types';
import type { TransactionReceipt } from 'ethers';
// chain-values, not the @api index: plain values, so no zod enters the client bundle.
import { RECORD_KINDS, type RecordKind } from '@api/chain-values';
import { shortAddress } from '../auth/account';
import { ChainContracts } from '../chain/contracts';
import { TransactionRunner } from '../chain/transaction-runner';

/** One entry as the Records contract holds it (ids and times as numbers: they stay far below 2^53). */
export interface ChainRecordEntry {
  id: number;
  patient: string;
  author: string;
  kind: RecordKind;
  cid: string;
  /** 0x-prefixed lowercase sha256 of the pinned bytes. */
  contentHash: string;
  /** Unix seconds. */
  createdAt: number;
  /** null = an original. */
  amends: number | null;
  /** null = the latest version. */
  amendedBy: number | null;
}

@Injectable({ providedIn: 'root' })
export class RecordsContract {
  private readonly contracts = inject(ChainContracts);
  private readonly runner = inject(TransactionRunner);
  private readonly records = () => this.contracts.connect('Records', Records__factory);

  /** Anchors a pinned document in `patient`'s record; the new entry's id once mined, null after the status region said why not. */
  async add(patient: string, kind: RecordKind, cid: string, contentHash: string): Promise<number | null> {
    const receipt = await this.runner.execute(
      { action: `Added a ${kind.replace('-', ' ')} to the record of ${shortAddress(patient)}` },
      () => this.records(),
      (records) => records.addRecord,
      patient,
      RECORD_KINDS.indexOf(kind),
      cid,
      contentHash,
    );
    return receipt ? this.addedId(receipt) : null;
  }

  /** The author anchors a corrected version of entry `amendedId`; the new entry's id, or null. */
  async amend(amendedId: number, cid: string, contentHash: string): Promise<number | null> {
    const receipt = await this.runner.execute(
      { action: `Amended record entry #${amendedId}` },
      () => this.records(),
      (records) => records.amendRecord,
      amendedId,
      cid,
      contentHash,
    );
    return receipt ? this.addedId(receipt) : null;
  }

  /** Entry `id` read from the chain (reverts for an unknown id). */
  async entry(id: number): Promise<ChainRecordEntry> {
    return toChainEntry(await (await this.records()).getRecord(id));
  }

  /**
   * One page of `patient`'s entries in the order they were anchored, read from the chain (no API, so anyone
   * may read it: entries hold only CIDs and hashes of ciphertext). The contract caps a page at 100 entries.
   */
  async patientPage(patient: string, offset: number, limit: number): Promise<ChainRecordEntry[]> {
    return (await (await this.records()).patientRecordsPage(patient, offset, limit)).map(toChainEntry);
  }

  private addedId(receipt: TransactionReceipt): number | null {
    const iface = Records__factory.createInterface();
    for (const log of receipt.logs) {
      const parsed = iface.parseLog(log);
      if (parsed?.name === 'RecordAdded') return Number(parsed.args['id'] as bigint);
    }
    return null;
  }
}

/** The contract's Entry struct as the app reads it. */
function toChainEntry(entry: Awaited<ReturnType<Records['getRecord']>>): ChainRecordEntry {
  return {
    id: Number(entry.id),
    patient: entry.patient,
    author: entry.author,
    kind: RECORD_KINDS[Number(entry.kind)],
    cid: entry.cid,
    contentHash: entry.contentHash.toLowerCase(),
    createdAt: Number(entry.createdAt),
    amends: entry.amends === 0n ? null : Number(entry.amends),
    amendedBy: entry.amendedBy === 0n ? null : Number(entry.amendedBy),
  };
}

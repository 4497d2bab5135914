/** ResearchSharing writes, sent from the signed-in person's own wallet: a patient's opt-in and opt-out, an admin's anchor. */
import { Injectable, inject } from '@angular/core';
import { ResearchSharing__factory } from '@contracts/types';
import type { ResearchExportSummary } from '@api';
import { ChainContracts } from '../chain/contracts';
import { TransactionRunner } from '../chain/transaction-runner';

@Injectable({ providedIn: 'root' })
export class ResearchContract {
  private readonly contracts = inject(ChainContracts);
  private readonly runner = inject(TransactionRunner);
  private readonly research = () => this.contracts.connect('ResearchSharing', ResearchSharing__factory);

  /** Shares `scope` (SCOPE_* bits) for research until `expiresAt` (unix seconds); true once mined. */
  optIn(scope: number, expiresAt: bigint): Promise<boolean> {
    return this.runner.sendAs(
      'Opted in to research sharing',
      () => this.research(),
      (c) => c.optIn,
      scope,
      expiresAt,
    );
  }

  optOut(): Promise<boolean> {
    return this.runner.sendAs(
      'Opted out of research sharing',
      () => this.research(),
      (c) => c.optOut,
    );
  }

  /** Records the export's hash on chain with what it was made with; true once mined. */
  anchor(summary: ResearchExportSummary): Promise<boolean> {
    return this.runner.sendAs(
      'Anchored a research export',
      () => this.research(),
      (c) => c.anchorExport,
      summary.hash,
      summary.patientCount,
      summary.k,
      summary.epsilonMilli,
    );
  }
}

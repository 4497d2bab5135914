/**
 * The anchoring job: every AUDIT_ANCHOR_INTERVAL_MS, anchors the access log's head on chain when it
 * moved (anchorHeadIfMoved), signing with AUDIT_ANCHOR_PRIVATE_KEY. Without a key it is off and says
 * so once. A failed step is logged and tried again at the next tick; it never stops the server.
 */
import { Wallet } from 'ethers';
import { Anchoring__factory } from '@contracts/types';
import type { Chain } from '../../../libraries/chain';
import type { AppConfig } from '../../../libraries/config/config';
import type { Logger } from '../../../libraries/logger/logger';
import { anchorHeadIfMoved, type AnchorOutcome } from './anchor-head';

export interface AuditAnchoring {
  readonly enabled: boolean;
  /** One step now (tests, and each tick); throws what the chain or MongoDB threw. */
  anchorNow(): Promise<AnchorOutcome | { status: 'off' }>;
  /** Ticks every interval until stop(). */
  start(): void;
  stop(): Promise<void>;
}

export function createAuditAnchoring(options: {
  config: Pick<AppConfig, 'auditAnchorPrivateKey' | 'auditAnchorIntervalMs'>;
  chain: Chain;
  logger: Logger;
}): AuditAnchoring {
  const { config, chain, logger } = options;
  if (!config.auditAnchorPrivateKey) {
    return {
      enabled: false,
      anchorNow: () => Promise.resolve({ status: 'off' }),
      start: () =>
        logger.warn(
          'audit anchoring is off: set AUDIT_ANCHOR_PRIVATE_KEY to the audit anchorer key, or deleting the newest access-log entries goes unseen',
        ),
      stop: () => Promise.resolve(),
    };
  }

  const wallet = new Wallet(config.auditAnchorPrivateKey, chain.provider);
  const anchoring = chain.contract('Anchoring', Anchoring__factory).connect(wallet);
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;

  async function step(): Promise<AnchorOutcome> {
    const outcome = await anchorHeadIfMoved(anchoring, wallet.address);
    if (outcome.status === 'anchored') {
      logger.info({ seq: outcome.seq, tx: outcome.txHash }, 'audit: access-log head anchored on chain');
    } else if (outcome.status === 'not-anchorer') {
      logger.warn(
        { key: wallet.address, anchorer: outcome.anchorer },
        'audit: AUDIT_ANCHOR_PRIVATE_KEY is not the chain’s audit anchorer (an admin calls Anchoring.setAuditAnchorer); nothing anchored',
      );
    }
    return outcome;
  }

  /** One step at a time, whether from the timer or a caller. */
  function anchorNow(): Promise<AnchorOutcome> {
    const run = running.then(step);
    running = run.catch(() => undefined);
    return run;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void anchorNow()
        .catch((error: unknown) => logger.warn({ err: error }, 'audit: anchoring the head failed, retrying next tick'))
        .then(() => schedule());
    }, config.auditAnchorIntervalMs);
  }

  return {
    enabled: true,
    anchorNow,
    start() {
      if (!stopped) return;
      stopped = false;
      logger.info(
        { anchorer: wallet.address, intervalMs: config.auditAnchorIntervalMs },
        'audit anchoring is on: the access-log head goes on chain when it moves',
      );
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

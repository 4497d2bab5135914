/** Where one document upload stands: the three stages the upload panel draws a bar for, in order. */
export type UploadStage = 'encrypt' | 'upload' | 'anchor' | 'done' | 'failed';

export const UPLOAD_STAGES = ['encrypt', 'upload', 'anchor'] as const;
export type WorkStage = (typeof UPLOAD_STAGES)[number];

export interface UploadProgress {
  stage: UploadStage;
  /** 0..1 within `stage`. */
  fraction: number;
  /** Why it failed (stage 'failed'); `failedAt` says in which stage. */
  error?: string;
  failedAt?: WorkStage;
}

export const IDLE_UPLOAD: UploadProgress = { stage: 'encrypt', fraction: 0 };

/** 0..1 of one stage's bar: finished stages are full, later ones empty, a failed one stays where it stopped. */
export function stageFraction(progress: UploadProgress, stage: WorkStage): number {
  if (progress.stage === 'done') return 1;
  const current = progress.stage === 'failed' ? progress.failedAt : progress.stage;
  const at = UPLOAD_STAGES.indexOf(current ?? 'encrypt');
  const index = UPLOAD_STAGES.indexOf(stage);
  if (index < at) return 1;
  if (index > at) return 0;
  return progress.fraction;
}

/** A failed upload: `stage` says how far it got; `pinned` is the CID when the pin stays listed for retry. */
export class UploadError extends Error {
  override readonly name = 'UploadError';

  constructor(
    readonly stage: WorkStage,
    message: string,
    readonly pinned?: string,
  ) {
    super(message);
  }
}

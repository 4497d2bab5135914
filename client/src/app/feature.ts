/**
 * What a feature folder contributes to the signed-in area: its lazy route and its entry in the
 * shell's navigation. Each feature exports one from `<feature>.feature.ts`; features.ts lists them.
 * Only the `loadChildren` import brings the feature's code, so the landing page stays small.
 */
import type { LoadChildren } from '@angular/router';
import type { Role } from '@api';

export interface Feature {
  /** The URL segment under the signed-in shell, e.g. `doctors`. */
  path: string;
  loadChildren: LoadChildren;
  nav: {
    label: string;
    /** Shown only to accounts with one of these roles; everyone signed in when absent (UX only: the API enforces). */
    roles?: readonly Role[];
  };
}

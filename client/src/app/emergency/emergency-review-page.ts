/** The admins' emergency page: the review queue first, then the clinic emergency key and the window. */
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ClinicKeyPanel } from './clinic-key-panel';
import { ReviewQueue } from './review-queue';
import { WindowSetting } from './window-setting';

@Component({
  selector: 'ehr-emergency-review-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReviewQueue, ClinicKeyPanel, WindowSetting],
  template: `
    <header class="page-header">
      <div>
        <h1>Emergency review</h1>
        <p class="subtitle">
          Every emergency access opened without consent, to review; the clinic's emergency key and how long an access
          lasts. Changes to the key and the window are transactions from your wallet.
        </p>
      </div>
    </header>
    <ehr-emergency-review-queue />
    <ehr-clinic-key-panel />
    <ehr-emergency-window-setting />
  `,
})
export class EmergencyReviewPage {}

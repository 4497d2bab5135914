/**
 * A doctor's break-glass, in the order the API documents: the justification goes to the API first (kept
 * there with its salt, never on chain), then the doctor's own wallet commits to it with breakGlass. The
 * browser recomputes the commitment from the text the doctor typed and the salt the API chose, so the chain
 * never carries a commitment to anything but the doctor's own words.
 */
import { Injectable, inject } from '@angular/core';
import { EmergencyApi } from './emergency-api';
import { EmergencyContract } from './emergency-contract';
import { justificationCommitmentOf } from './justification-commitment';

/**
 * The API's JUSTIFICATION_MIN_LENGTH (api/emergency.ts), spelled here because that file carries zod, which stays
 * out of the client bundle; break-glass.spec.ts fails if the two ever differ.
 */
export const JUSTIFICATION_MIN_LENGTH = 20;

/** Why the glass was not broken, said so the doctor can act. */
export class BreakGlassError extends Error {
  override readonly name = 'BreakGlassError';
}

@Injectable({ providedIn: 'root' })
export class BreakGlass {
  private readonly api = inject(EmergencyApi);
  private readonly contract = inject(EmergencyContract);

  /**
   * Records the justification, then opens `patient`'s record on chain from the doctor's wallet. True once
   * mined; false when the transaction failed (the status region says why). Throws a BreakGlassError when the
   * text is too short or the API's commitment does not match the text.
   */
  async open(patient: string, justification: string): Promise<boolean> {
    const text = justification.trim();
    if (text.length < JUSTIFICATION_MIN_LENGTH) {
      throw new BreakGlassError(`Write at least ${JUSTIFICATION_MIN_LENGTH} characters of justification.`);
    }
    const { salt, commitment } = await this.api.justify(patient, text);
    if (justificationCommitmentOf(text, salt).toLowerCase() !== commitment.toLowerCase()) {
      throw new BreakGlassError(
        'The server answered a commitment that does not match your justification: nothing was sent to the chain.',
      );
    }
    return this.contract.breakGlass(patient, commitment);
  }
}

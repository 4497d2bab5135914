import { UNTIL_REVOKED } from '@api/chain-values';
import { expiryFor } from './consent';

describe('expiryFor', () => {
  const now = new Date('2026-03-01T09:30:00.500Z');
  const nowSeconds = BigInt(Math.floor(now.getTime() / 1000));

  it('When the patient picks "1 day", then the grant ends 86 400 seconds from now', () => {
    expect(expiryFor('1d', now)).toBe(nowSeconds + 86_400n);
  });

  it('When the patient picks "Until revoked", then the grant uses the contract\'s uint64 max sentinel', () => {
    expect(expiryFor('until-revoked', now)).toBe(UNTIL_REVOKED);
    expect(UNTIL_REVOKED).toBe(18_446_744_073_709_551_615n);
  });
});

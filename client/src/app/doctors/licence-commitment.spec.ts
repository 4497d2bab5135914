import { keccak256, toUtf8Bytes } from 'ethers';
import { licenceCommitmentOf, newLicenceCommitment } from './licence-commitment';

describe('Licence commitment', () => {
  it('When the same licence number is committed twice, then each hash differs, and opens only with its own salt', () => {
    const first = newLicenceCommitment(' 482913 ');
    const second = newLicenceCommitment('482913');

    expect(first.licenceNumber).toBe('482913');
    expect(first.salt).not.toBe(second.salt);
    expect(first.hash).not.toBe(second.hash);
    expect(licenceCommitmentOf('482913', first.salt)).toBe(first.hash);
    expect(licenceCommitmentOf('482913', second.salt)).not.toBe(first.hash);
    expect(first.hash).not.toBe(keccak256(toUtf8Bytes('482913')));
  });
});

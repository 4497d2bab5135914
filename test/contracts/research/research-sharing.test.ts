import { ZeroHash, id } from 'ethers';
import { DAY, HOUR } from '@test-support/constants';
import { increaseTime, latestTimestamp, mined } from '../helpers/chain';
import { onlyEvent } from '../helpers/events';
import { expectRevert } from '../helpers/reverts';
import { useWorld } from '../helpers/world';

const DEMOGRAPHICS = 1n;
const APPOINTMENTS = 2n;
const RECORD_KINDS = 4n;
/** sha-256 hashes of two export files, as the API anchors them (their value does not matter here). */
const EXPORT_HASH = id('research-export-1');
const NEXT_EXPORT_HASH = id('research-export-2');

describe('ResearchSharing', () => {
  const world = useWorld();

  describe('opt-in', () => {
    it('When a patient opts in, then that scope is live until the expiry, and a later opt-in replaces it', async () => {
      const { researchSharing, cast, provider } = world();
      expect(await researchSharing.SCOPE_ALL()).toBe(DEMOGRAPHICS | APPOINTMENTS | RECORD_KINDS);
      const asPatient = researchSharing.connect(cast.patient);
      const until = (await latestTimestamp(provider)) + 30 * DAY;
      const receipt = await mined(asPatient.optIn(DEMOGRAPHICS | APPOINTMENTS, until));
      expect(onlyEvent(researchSharing, receipt, 'ResearchOptedIn')).toEqual([
        cast.patient.address,
        DEMOGRAPHICS | APPOINTMENTS,
        BigInt(until),
      ]);
      const first = await researchSharing.participation(cast.patient.address);
      expect([first.scope, first.expiresAt]).toEqual([DEMOGRAPHICS | APPOINTMENTS, BigInt(until)]);
      expect(await researchSharing.liveScope(cast.patient.address)).toBe(DEMOGRAPHICS | APPOINTMENTS);
      expect(await researchSharing.liveScope(cast.otherPatient.address)).toBe(0n);

      // A narrower, shorter opt-in replaces the first one entirely (no union of scopes, no longest expiry).
      const sooner = (await latestTimestamp(provider)) + HOUR;
      await mined(asPatient.optIn(RECORD_KINDS, sooner));
      const second = await researchSharing.participation(cast.patient.address);
      expect([second.scope, second.expiresAt]).toEqual([RECORD_KINDS, BigInt(sooner)]);
      expect(await researchSharing.liveScope(cast.patient.address)).toBe(RECORD_KINDS);
    });

    it('When the scope is empty or names unknown bits, or the expiry is not in the future, then the opt-in fails with the value', async () => {
      const { researchSharing, cast, provider } = world();
      const asPatient = researchSharing.connect(cast.patient);
      const later = (await latestTimestamp(provider)) + DAY;
      await expectRevert(researchSharing, asPatient.optIn(0, later), 'ResearchInvalidScope', [0n]);
      await expectRevert(researchSharing, asPatient.optIn(8, later), 'ResearchInvalidScope', [8n]);
      await expectRevert(researchSharing, asPatient.optIn(0xff, later), 'ResearchInvalidScope', [255n]);
      // The revert is decoded by replaying the call on the latest block, whose time is `now`.
      const now = await latestTimestamp(provider);
      await expectRevert(researchSharing, asPatient.optIn(DEMOGRAPHICS, now), 'ResearchInvalidExpiry', [
        BigInt(now),
        BigInt(now),
      ]);
      const past = await latestTimestamp(provider);
      await expectRevert(researchSharing, asPatient.optIn(DEMOGRAPHICS, past - HOUR), 'ResearchInvalidExpiry', [
        BigInt(past - HOUR),
        BigInt(past),
      ]);
      expect((await researchSharing.participation(cast.patient.address)).scope).toBe(0n);
    });

    it('When someone who is not a registered patient opts in, then it fails naming them', async () => {
      const { researchSharing, cast, provider } = world();
      const later = (await latestTimestamp(provider)) + DAY;
      for (const caller of [cast.stranger, cast.doctor, cast.admin]) {
        await expectRevert(
          researchSharing,
          researchSharing.connect(caller).optIn(DEMOGRAPHICS, later),
          'ResearchNotPatient',
          [caller.address],
        );
      }
    });

    it('When a patient opts out, then nothing is live any more and a second opt-out fails', async () => {
      const { researchSharing, cast, provider } = world();
      const asPatient = researchSharing.connect(cast.patient);
      await mined(asPatient.optIn(DEMOGRAPHICS | RECORD_KINDS, (await latestTimestamp(provider)) + DAY));
      const receipt = await mined(asPatient.optOut());
      expect(onlyEvent(researchSharing, receipt, 'ResearchOptedOut')).toEqual([cast.patient.address]);
      expect(await researchSharing.liveScope(cast.patient.address)).toBe(0n);
      const withdrawn = await researchSharing.participation(cast.patient.address);
      expect([withdrawn.scope, withdrawn.expiresAt]).toEqual([0n, 0n]);
      await expectRevert(researchSharing, asPatient.optOut(), 'ResearchNotOptedIn', [cast.patient.address]);
      await expectRevert(researchSharing, researchSharing.connect(cast.otherPatient).optOut(), 'ResearchNotOptedIn', [
        cast.otherPatient.address,
      ]);
    });

    it('When the expiry passes, then the scope is no longer live and there is nothing left to opt out of', async () => {
      const { researchSharing, cast, provider } = world();
      const asPatient = researchSharing.connect(cast.patient);
      const until = (await latestTimestamp(provider)) + HOUR;
      await mined(asPatient.optIn(APPOINTMENTS, until));
      await increaseTime(provider, HOUR - 10 * 60);
      expect(await researchSharing.liveScope(cast.patient.address)).toBe(APPOINTMENTS);
      await increaseTime(provider, 20 * 60);
      expect(await researchSharing.liveScope(cast.patient.address)).toBe(0n);
      // The stored opt-in still says what was agreed and until when: the record of a past agreement.
      const expired = await researchSharing.participation(cast.patient.address);
      expect([expired.scope, expired.expiresAt]).toEqual([APPOINTMENTS, BigInt(until)]);
      await expectRevert(researchSharing, asPatient.optOut(), 'ResearchNotOptedIn', [cast.patient.address]);
    });
  });

  describe('export anchors', () => {
    it('When an admin anchors exports, then ids start at 1 and each keeps its hash, admin, counts, k, epsilon and time', async () => {
      const { researchSharing, cast, provider } = world();
      expect(await researchSharing.exportCount()).toBe(0n);
      expect(await researchSharing.anchorExport.staticCall(EXPORT_HASH, 1000, 5, 1000)).toBe(1n);
      const receipt = await mined(researchSharing.anchorExport(EXPORT_HASH, 1000, 5, 1000));
      expect(onlyEvent(researchSharing, receipt, 'ResearchExportAnchored')).toEqual([
        1n,
        EXPORT_HASH,
        cast.admin.address,
        1000n,
        5n,
        1000n,
      ]);
      const anchoredAt = (await provider.getBlock(receipt.blockNumber))!.timestamp;
      const stored = await researchSharing.getExport(1);
      expect([stored.exportHash, stored.admin, stored.patientCount, stored.k, stored.epsilonMilli]).toEqual([
        EXPORT_HASH,
        cast.admin.address,
        1000n,
        5n,
        1000n,
      ]);
      expect(stored.anchoredAt).toBe(BigInt(anchoredAt));
      expect(await researchSharing.exportIdOf(EXPORT_HASH)).toBe(1n);
      expect(await researchSharing.exportIdOf(NEXT_EXPORT_HASH)).toBe(0n);

      const next = await mined(researchSharing.anchorExport(NEXT_EXPORT_HASH, 40, 10, 500));
      expect(onlyEvent(researchSharing, next, 'ResearchExportAnchored')[0]).toBe(2n);
      expect(await researchSharing.exportCount()).toBe(2n);
      expect(await researchSharing.exportIdOf(NEXT_EXPORT_HASH)).toBe(2n);
    });

    it('When k is below 5, the hash is zero or already anchored, then the anchor fails with the reason', async () => {
      const { researchSharing, cast } = world();
      expect(await researchSharing.MIN_K()).toBe(5n);
      await expectRevert(
        researchSharing,
        researchSharing.anchorExport(EXPORT_HASH, 1000, 4, 1000),
        'ResearchInvalidK',
        [4n, 5n],
      );
      await expectRevert(
        researchSharing,
        researchSharing.anchorExport(ZeroHash, 1000, 5, 1000),
        'ResearchZeroExportHash',
        [],
      );
      await mined(researchSharing.anchorExport(EXPORT_HASH, 1000, 5, 1000));
      await expectRevert(
        researchSharing,
        researchSharing.anchorExport(EXPORT_HASH, 999, 7, 2000),
        'ResearchExportAlreadyAnchored',
        [EXPORT_HASH, 1n],
      );
      await expectRevert(
        researchSharing,
        researchSharing.connect(cast.patient).anchorExport(NEXT_EXPORT_HASH, 1000, 5, 1000),
        'GovernedUnauthorizedAdmin',
        [cast.patient.address],
      );
      expect(await researchSharing.exportCount()).toBe(1n);
    });

    it('When an export id is 0 or was never given, then reading it reverts with that id', async () => {
      const { researchSharing } = world();
      await mined(researchSharing.anchorExport(EXPORT_HASH, 1000, 5, 1000));
      for (const unknown of [0n, 2n]) {
        await expect(researchSharing.getExport(unknown)).rejects.toMatchObject({
          revert: { name: 'ResearchUnknownExport', args: [unknown] },
        });
      }
    });
  });
});

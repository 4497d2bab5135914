import { ZeroAddress } from 'ethers';
import { DAY, HOUR } from '@test-support/constants';
import { increaseTime, latestTimestamp, mined } from '../helpers/chain';
import { onlyEvent } from '../helpers/events';
import { expectRevert } from '../helpers/reverts';
import { bookAccepted, CID, CONTENT_HASH } from '../helpers/scenarios';
import { useWorld } from '../helpers/world';

const Kind = { TestReport: 0n, ConsultationNote: 1n, Prescription: 2n, Imaging: 3n, Other: 4n };
const HASH_2 = `0x${'cd'.repeat(32)}`;
const ZERO_HASH = `0x${'00'.repeat(32)}`;

describe('Records', () => {
  const world = useWorld();

  it('When a patient adds a test report, then the entry is stored with every field and announced', async () => {
    const { records, cast, provider } = world();
    const receipt = await mined(
      records.connect(cast.patient).addRecord(cast.patient.address, Kind.TestReport, CID, CONTENT_HASH),
    );
    expect(onlyEvent(records, receipt, 'RecordAdded')).toEqual([
      1n,
      cast.patient.address,
      cast.patient.address,
      Kind.TestReport,
      CID,
      CONTENT_HASH,
      0n,
    ]);
    const entry = await records.getRecord(1);
    expect([
      entry.id,
      entry.patient,
      entry.author,
      entry.kind,
      entry.cid,
      entry.contentHash,
      entry.amends,
      entry.amendedBy,
    ]).toEqual([1n, cast.patient.address, cast.patient.address, Kind.TestReport, CID, CONTENT_HASH, 0n, 0n]);
    expect(entry.createdAt).toBe(BigInt(await latestTimestamp(provider)));
  });

  it('When a patient adds a prescription to their own records, then it is refused: those come from doctors', async () => {
    const { records, cast } = world();
    await expectRevert(
      records,
      records.connect(cast.patient).addRecord(cast.patient.address, Kind.Prescription, CID, CONTENT_HASH),
      'RecordsKindNotAllowed',
      [Kind.Prescription],
    );
    await expectRevert(
      records,
      records.connect(cast.patient).addRecord(cast.patient.address, Kind.ConsultationNote, CID, CONTENT_HASH),
      'RecordsKindNotAllowed',
      [Kind.ConsultationNote],
    );
  });

  it('When a doctor has no consent, then adding to the patient fails; with a grant it works until the grant expires', async () => {
    const { records, consent, cast, provider } = world();
    const write = () =>
      records.connect(cast.doctor).addRecord(cast.patient.address, Kind.Prescription, CID, CONTENT_HASH);
    await expectRevert(records, write(), 'RecordsNoAccess', [cast.patient.address, cast.doctor.address]);
    await mined(
      consent.connect(cast.patient).grantAccess(cast.doctor.address, (await latestTimestamp(provider)) + HOUR),
    );
    await mined(write());
    await increaseTime(provider, HOUR + 1);
    await expectRevert(records, write(), 'RecordsNoAccess', [cast.patient.address, cast.doctor.address]);
    expect(await records.patientRecordCount(cast.patient.address)).toBe(1n);
  });

  it('When a doctor has an accepted appointment, then they may write until the consent window after the slot', async () => {
    const { records, cast, provider } = world();
    await bookAccepted(world());
    await mined(records.connect(cast.doctor).addRecord(cast.patient.address, Kind.ConsultationNote, CID, CONTENT_HASH));
    await increaseTime(provider, 8 * DAY + 1);
    await expectRevert(
      records,
      records.connect(cast.doctor).addRecord(cast.patient.address, Kind.ConsultationNote, CID, CONTENT_HASH),
      'RecordsNoAccess',
    );
  });

  it('When the input is bad, then each case fails with its own error and nothing is stored', async () => {
    const { records, cast } = world();
    const asPatient = records.connect(cast.patient);
    await expectRevert(
      records,
      asPatient.addRecord(ZeroAddress, Kind.TestReport, CID, CONTENT_HASH),
      'RecordsZeroAddress',
      [],
    );
    await expectRevert(
      records,
      asPatient.addRecord(cast.patient.address, Kind.TestReport, '', CONTENT_HASH),
      'RecordsInvalidCid',
      [0n, 128n],
    );
    await expectRevert(
      records,
      asPatient.addRecord(cast.patient.address, Kind.TestReport, 'b'.repeat(129), CONTENT_HASH),
      'RecordsInvalidCid',
      [129n, 128n],
    );
    await expectRevert(
      records,
      asPatient.addRecord(cast.patient.address, Kind.TestReport, CID, ZERO_HASH),
      'RecordsInvalidContentHash',
      [],
    );
    await expectRevert(
      records,
      records.connect(cast.stranger).addRecord(cast.stranger.address, Kind.TestReport, CID, CONTENT_HASH),
      'RecordsNotPatient',
      [cast.stranger.address],
    );
    await expectRevert(
      records,
      records.connect(cast.doctor).addRecord(cast.stranger.address, Kind.TestReport, CID, CONTENT_HASH),
      'RecordsNotPatient',
      [cast.stranger.address],
    );
    await expectRevert(
      records,
      records.connect(cast.otherPatient).addRecord(cast.patient.address, Kind.TestReport, CID, CONTENT_HASH),
      'RecordsNotVerifiedDoctor',
      [cast.otherPatient.address],
    );
    await expectRevert(records, records.amendRecord(5, CID, CONTENT_HASH), 'RecordsUnknownEntry', [5n]);
    // A hash of the wrong length never reaches the contract: the ABI encoder refuses it.
    expect(() =>
      records.interface.encodeFunctionData('addRecord', [cast.patient.address, Kind.TestReport, CID, '0xabcd']),
    ).toThrow();
    expect(await records.recordCount()).toBe(0n);
  });

  describe('amendments', () => {
    it('When an author amends an entry twice, then a single chain of versions links both ways and nothing is overwritten', async () => {
      const { records, cast } = world();
      const asPatient = records.connect(cast.patient);
      await mined(asPatient.addRecord(cast.patient.address, Kind.Imaging, CID, CONTENT_HASH));
      const receipt = await mined(asPatient.amendRecord(1, `${CID}2`, HASH_2));
      expect(onlyEvent(records, receipt, 'RecordAdded')).toEqual([
        2n,
        cast.patient.address,
        cast.patient.address,
        Kind.Imaging,
        `${CID}2`,
        HASH_2,
        1n,
      ]);
      await mined(asPatient.amendRecord(2, `${CID}3`, CONTENT_HASH));
      const [v1, v2, v3] = await records.patientRecordsPage(cast.patient.address, 0, 10);
      expect([v1.amends, v1.amendedBy, v1.cid, v1.contentHash]).toEqual([0n, 2n, CID, CONTENT_HASH]);
      expect([v2.amends, v2.amendedBy]).toEqual([1n, 3n]);
      expect([v3.amends, v3.amendedBy, v3.kind]).toEqual([2n, 0n, Kind.Imaging]);
    });

    it('When an entry was already amended, then amending it again fails and points at the newer version', async () => {
      const { records, cast } = world();
      const asPatient = records.connect(cast.patient);
      await mined(asPatient.addRecord(cast.patient.address, Kind.TestReport, CID, CONTENT_HASH));
      await mined(asPatient.amendRecord(1, CID, HASH_2));
      await expectRevert(records, asPatient.amendRecord(1, CID, HASH_2), 'RecordsAlreadyAmended', [1n, 2n]);
    });

    it('When someone other than the author amends, or the author lost access, then it fails', async () => {
      const { records, consent, cast, provider } = world();
      await mined(
        consent.connect(cast.patient).grantAccess(cast.doctor.address, (await latestTimestamp(provider)) + HOUR),
      );
      await mined(records.connect(cast.doctor).addRecord(cast.patient.address, Kind.Prescription, CID, CONTENT_HASH));
      await expectRevert(records, records.connect(cast.patient).amendRecord(1, CID, HASH_2), 'RecordsNotAuthor', [
        1n,
        cast.doctor.address,
      ]);
      await mined(consent.connect(cast.patient).revokeAccess(cast.doctor.address));
      await expectRevert(records, records.connect(cast.doctor).amendRecord(1, CID, HASH_2), 'RecordsNoAccess', [
        cast.patient.address,
        cast.doctor.address,
      ]);
      await expectRevert(records, records.connect(cast.doctor).amendRecord(1, CID, ZERO_HASH), 'RecordsNoAccess');
    });
  });

  it('When records are paged, then a patient sees only their own entries within bounds', async () => {
    const { records, cast } = world();
    for (let i = 0; i < 3; i++)
      await mined(
        records.connect(cast.patient).addRecord(cast.patient.address, Kind.Other, `${CID}${i}`, CONTENT_HASH),
      );
    await mined(records.connect(cast.otherPatient).addRecord(cast.otherPatient.address, Kind.Other, CID, CONTENT_HASH));
    const ids = async (offset: number, limit: number) =>
      (await records.patientRecordsPage(cast.patient.address, offset, limit)).map((e) => e.id);
    expect(await ids(0, 2)).toEqual([1n, 2n]);
    expect(await ids(2, 2)).toEqual([3n]);
    expect(await ids(3, 2)).toEqual([]);
    expect(await ids(0, 0)).toEqual([]);
    expect(await records.patientRecordCount(cast.otherPatient.address)).toBe(1n);
  });
});

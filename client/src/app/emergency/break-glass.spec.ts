import { TestBed } from '@angular/core/testing';
import { concat, keccak256, toUtf8Bytes } from 'ethers';
import { JUSTIFICATION_MIN_LENGTH as API_MIN_LENGTH } from '@api';
import { DOCTOR, PATIENT, bedAs, startEmergencyChain, type PersonBed } from '../../testing/emergency-world.fixture';
import type { TestChain } from '../../testing/test-chain';
import { BreakGlass, BreakGlassError, JUSTIFICATION_MIN_LENGTH } from './break-glass';

describe('BreakGlass (on an in-process chain)', () => {
  let chain: TestChain;
  let bed: PersonBed;
  const justification = '  Unconscious in A&E after a road accident; need allergies before anaesthesia.  ';

  beforeAll(async () => {
    chain = await startEmergencyChain();
  });
  afterAll(() => chain.stop());
  afterEach(() => bed?.stop());

  const openings = () => chain.emergencyAccess.queryFilter(chain.emergencyAccess.filters.EmergencyAccessOpened());

  it('When a verified doctor breaks the glass, then the API gets the text first and the chain only its salted commitment, and the window opens', async () => {
    bed = await bedAs(chain, DOCTOR);

    expect(await TestBed.inject(BreakGlass).open(PATIENT.address, justification)).toBe(true);

    const sent = bed.emergency.bodies.find((request) => request.url === '/api/emergency/justifications');
    expect(sent?.body).toEqual({ patient: PATIENT.address, justification: justification.trim() });
    const [opened] = (await openings()).slice(-1);
    expect((await opened.getTransaction()).data).not.toContain(Buffer.from('road accident').toString('hex'));
    // keccak256(salt ‖ text) with the server's salt, computed here independently of the app's helper.
    const [{ salt }] = bed.emergency.justifications;
    expect(opened.args.justificationCommitment).toBe(keccak256(concat([salt, toUtf8Bytes(justification.trim())])));
    expect(opened.args.doctor).toBe(DOCTOR.address);
    expect(await chain.emergencyAccess.hasEmergencyAccess(PATIENT.address, DOCTOR.address)).toBe(true);
  });

  it('When the API answers a commitment to other words, then nothing is sent to the chain', async () => {
    bed = await bedAs(chain, DOCTOR);
    const before = (await openings()).length;
    const salt = `0x${'11'.repeat(32)}`;
    bed.emergency.answerJustification = ({ patient }) => ({
      patient,
      doctor: DOCTOR.address,
      salt,
      commitment: keccak256(concat([salt, toUtf8Bytes('routine check-up')])),
    });

    await expect(TestBed.inject(BreakGlass).open(PATIENT.address, justification)).rejects.toThrow(BreakGlassError);
    expect(bed.wallet.methods()).not.toContain('eth_sendTransaction');
    expect((await openings()).length).toBe(before);
  });

  it('When the justification is shorter than the API’s minimum, then nothing is sent at all', async () => {
    bed = await bedAs(chain, DOCTOR);

    await expect(TestBed.inject(BreakGlass).open(PATIENT.address, 'Emergency')).rejects.toThrow(/at least 20/);
    expect(bed.emergency.bodies).toEqual([]);
    expect(JUSTIFICATION_MIN_LENGTH).toBe(API_MIN_LENGTH);
  });
});

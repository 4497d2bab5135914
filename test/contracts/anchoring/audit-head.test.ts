/**
 * The access log's head on chain: only the audit anchorer the admins named records it, it only moves
 * forward, and the anchorer's key opens nothing else.
 */
import { ZeroAddress, ZeroHash } from 'ethers';
import { latestTimestamp, mined } from '../helpers/chain';
import { onlyEvent } from '../helpers/events';
import { expectRevert } from '../helpers/reverts';
import { useWorld } from '../helpers/world';

const HEAD_5 = `0x${'a5'.repeat(32)}`;
const HEAD_9 = `0x${'a9'.repeat(32)}`;

describe('Anchoring: the audit head', () => {
  const world = useWorld();

  it('When the deployment is done, then the anchorer it names is set and no head is anchored yet', async () => {
    const { anchoring, cast } = world();
    expect(await anchoring.auditAnchorer()).toBe(cast.auditAnchorer.address);
    expect(await anchoring.latestAuditHead()).toEqual([0n, ZeroHash, 0n]);
  });

  it('When the anchorer records heads, then the latest one is kept with its time and each is announced', async () => {
    const { anchoring, cast, provider } = world();
    const asAnchorer = anchoring.connect(cast.auditAnchorer);

    const first = await mined(asAnchorer.anchorAuditHead(5, HEAD_5));
    const firstAt = BigInt(await latestTimestamp(provider));
    expect(onlyEvent(anchoring, first, 'AuditHeadAnchored')).toEqual([5n, HEAD_5, cast.auditAnchorer.address]);
    expect(await anchoring.latestAuditHead()).toEqual([5n, HEAD_5, firstAt]);

    await mined(asAnchorer.anchorAuditHead(9, HEAD_9));
    expect(await anchoring.latestAuditHead()).toEqual([9n, HEAD_9, BigInt(await latestTimestamp(provider))]);
  });

  it('When the seq does not move forward or the head is zero, then the anchorer is refused and the head stays', async () => {
    const { anchoring, cast } = world();
    const asAnchorer = anchoring.connect(cast.auditAnchorer);
    await mined(asAnchorer.anchorAuditHead(5, HEAD_5));

    await expectRevert(anchoring, asAnchorer.anchorAuditHead(5, HEAD_9), 'AnchoringStaleAuditSeq', [5n, 5n]);
    await expectRevert(anchoring, asAnchorer.anchorAuditHead(4, HEAD_9), 'AnchoringStaleAuditSeq', [4n, 5n]);
    await expectRevert(anchoring, asAnchorer.anchorAuditHead(6, ZeroHash), 'AnchoringZeroHead', []);
    expect((await anchoring.latestAuditHead())[1]).toBe(HEAD_5);
  });

  it('When anyone but the anchorer anchors a head, admins included, then it is refused naming the caller', async () => {
    const { anchoring, cast } = world();
    for (const caller of [cast.admin, cast.doctor, cast.patient, cast.stranger]) {
      await expectRevert(
        anchoring,
        anchoring.connect(caller).anchorAuditHead(1, HEAD_5),
        'AnchoringUnauthorizedAnchorer',
        [caller.address],
      );
    }
  });

  it('When an admin replaces the anchorer, then only the new one may anchor; zero leaves nobody', async () => {
    const { anchoring, cast } = world();
    const [replacement] = cast.spare;

    const receipt = await mined(anchoring.setAuditAnchorer(replacement.address));
    expect(onlyEvent(anchoring, receipt, 'AuditAnchorerSet')).toEqual([
      cast.auditAnchorer.address,
      replacement.address,
    ]);
    await expectRevert(
      anchoring,
      anchoring.connect(cast.auditAnchorer).anchorAuditHead(1, HEAD_5),
      'AnchoringUnauthorizedAnchorer',
      [cast.auditAnchorer.address],
    );
    await mined(anchoring.connect(replacement).anchorAuditHead(1, HEAD_5));

    await mined(anchoring.setAuditAnchorer(ZeroAddress));
    expect(await anchoring.auditAnchorer()).toBe(ZeroAddress);
    await expectRevert(
      anchoring,
      anchoring.connect(replacement).anchorAuditHead(2, HEAD_9),
      'AnchoringUnauthorizedAnchorer',
      [replacement.address],
    );
  });

  it('When the anchorer tries anything else, then its key is worth nothing more: no batch, no new anchorer, no admin', async () => {
    const { anchoring, registry, cast } = world();
    const anchorer = cast.auditAnchorer;
    await expectRevert(anchoring, anchoring.connect(anchorer).anchor(HEAD_5, 1, ''), 'GovernedUnauthorizedAdmin', [
      anchorer.address,
    ]);
    await expectRevert(
      anchoring,
      anchoring.connect(anchorer).setAuditAnchorer(cast.stranger.address),
      'GovernedUnauthorizedAdmin',
      [anchorer.address],
    );
    await expectRevert(registry, registry.connect(anchorer).addAdmin(anchorer.address), 'RegistryUnauthorizedAdmin', [
      anchorer.address,
    ]);
  });
});

import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { mined } from '../helpers/chain';
import { onlyEvent } from '../helpers/events';
import { expectRevert } from '../helpers/reverts';
import { CID } from '../helpers/scenarios';
import { useWorld } from '../helpers/world';

const LEAF_TYPES = ['address', 'string', 'bytes32'];

function legacyLeaves(patients: string[]): [string, string, string][] {
  return Array.from({ length: 12 }, (_, i) => [
    patients[i % patients.length],
    `${CID}${i}`,
    `0x${(i + 1).toString(16).padStart(64, '0')}`,
  ]);
}

describe('Anchoring', () => {
  const world = useWorld();

  it('When an admin anchors a migrated batch, then every leaf verifies with its proof and the batch is announced', async () => {
    const { anchoring, cast } = world();
    const leaves = legacyLeaves([cast.patient.address, cast.otherPatient.address]);
    const tree = StandardMerkleTree.of(leaves, LEAF_TYPES);
    const receipt = await mined(anchoring.anchor(tree.root, leaves.length, 'bafy-manifest'));
    expect(onlyEvent(anchoring, receipt, 'BatchAnchored')).toEqual([
      1n,
      tree.root,
      cast.admin.address,
      12n,
      'bafy-manifest',
    ]);
    expect(await anchoring.batchOfRoot(tree.root)).toBe(1n);
    for (const [i, leaf] of tree.entries()) {
      expect(await anchoring.leafHash(...leaf)).toBe(tree.leafHash(leaf));
      expect(await anchoring.verify(1, ...leaf, tree.getProof(i))).toBe(true);
    }
  });

  it('When a leaf is altered or the proof belongs to another leaf, then verification fails', async () => {
    const { anchoring, cast } = world();
    const leaves = legacyLeaves([cast.patient.address]);
    const tree = StandardMerkleTree.of(leaves, LEAF_TYPES);
    await mined(anchoring.anchor(tree.root, leaves.length, ''));
    const [patient, cid, hash] = leaves[3];
    const proof = tree.getProof(3);
    expect(await anchoring.verify(1, cast.otherPatient.address, cid, hash, proof)).toBe(false);
    expect(await anchoring.verify(1, patient, `${cid}x`, hash, proof)).toBe(false);
    expect(await anchoring.verify(1, patient, cid, `0x${'ff'.repeat(32)}`, proof)).toBe(false);
    expect(await anchoring.verify(1, patient, cid, hash, tree.getProof(4))).toBe(false);
    expect(await anchoring.verify(1, patient, cid, hash, [])).toBe(false);
    // An inner node cannot pass as a leaf: leaves are double hashed.
    expect(await anchoring.verify(1, patient, cid, hash, proof.slice(1))).toBe(false);
    await expect(anchoring.verify(2, patient, cid, hash, proof)).rejects.toMatchObject({
      revert: { name: 'AnchoringUnknownBatch' },
    });
  });

  it('When the batch is bad or the caller is not an admin, then anchoring fails with its own error', async () => {
    const { anchoring, cast } = world();
    const tree = StandardMerkleTree.of(legacyLeaves([cast.patient.address]), LEAF_TYPES);
    await mined(anchoring.anchor(tree.root, 12, ''));
    await expectRevert(anchoring, anchoring.anchor(tree.root, 12, ''), 'AnchoringRootAlreadyAnchored', [tree.root, 1n]);
    await expectRevert(anchoring, anchoring.anchor(`0x${'00'.repeat(32)}`, 1, ''), 'AnchoringZeroRoot', []);
    await expectRevert(anchoring, anchoring.anchor(`0x${'11'.repeat(32)}`, 0, ''), 'AnchoringEmptyBatch', []);
    await expectRevert(anchoring, anchoring.anchor(`0x${'11'.repeat(32)}`, 1, 'c'.repeat(129)), 'AnchoringInvalidCid', [
      129n,
      128n,
    ]);
    await expectRevert(
      anchoring,
      anchoring.connect(cast.doctor).anchor(`0x${'11'.repeat(32)}`, 1, ''),
      'GovernedUnauthorizedAdmin',
      [cast.doctor.address],
    );
    expect(await anchoring.batchCount()).toBe(1n);
    const batch = await anchoring.getBatch(1);
    expect([batch.root, batch.admin, batch.leafCount]).toEqual([tree.root, cast.admin.address, 12n]);
  });
});

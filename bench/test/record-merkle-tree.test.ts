import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { standardLeafHash } from '@openzeppelin/merkle-tree/dist/hashes';
import { bytesToHex } from '@noble/hashes/utils';
import { LEAF_ENCODING, legacyRecords } from '../anchoring/bulk-anchoring';
import { recordLeaf, recordMerkleTree, type AnchoredRecord } from '../anchoring/record-merkle-tree';

/** CIDs of every length class the encoding pads differently, and multi-byte UTF-8. */
const ODD_RECORDS: AnchoredRecord[] = [
  ['0x000000000000000000000000000000000000dEaD', '', `0x${'00'.repeat(32)}`],
  ['0xFFfFfFffFFfffFFfFFfFFFFFffFFFffffFfFFFfF', 'a', `0x${'ff'.repeat(32)}`],
  ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', 'x'.repeat(32), `0x${'ab'.repeat(32)}`],
  ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', 'y'.repeat(33), `0x${'cd'.repeat(32)}`],
  ['0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', 'bafy–ünïcødé–🩺'.repeat(7), `0x${'12'.repeat(32)}`],
];

describe('the bulk-anchoring Merkle tree', () => {
  it('When a record is hashed, then its leaf is the one StandardMerkleTree computes', () => {
    for (const record of [...ODD_RECORDS, ...legacyRecords(3)]) {
      expect(`0x${bytesToHex(recordLeaf(record))}`).toBe(standardLeafHash(LEAF_ENCODING, record));
    }
  });

  it.each([1, 2, 3, 7, 64, 97])(
    'When %i records are anchored, then the root and every proof equal the library’s',
    (count) => {
      const records = [...ODD_RECORDS, ...legacyRecords(count)].slice(0, count);
      const library = StandardMerkleTree.of(records, LEAF_ENCODING);

      const tree = recordMerkleTree(records);

      expect(tree.root).toBe(library.root);
      expect(tree.proofs).toEqual(records.map((_, index) => library.getProof(index)));
    },
  );

  it('When a patient address or content hash is not exactly 20 or 32 bytes of hex, then the record is refused', () => {
    expect(() => recordLeaf(['0x1234', 'Qm', `0x${'00'.repeat(32)}`])).toThrow('not 20 bytes of hex');
    expect(() => recordLeaf(['0x000000000000000000000000000000000000dEaD', 'Qm', `0x${'zz'.repeat(32)}`])).toThrow(
      'not 32 bytes of hex',
    );
  });
});

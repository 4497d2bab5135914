// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title IAnchoring
 * @notice Bulk anchoring of legacy records: an admin commits to many (patient, CID, sha256) leaves at
 * once with a Merkle root, and anyone later proves a leaf belongs to an anchored batch.
 * Leaves are those of OpenZeppelin's `StandardMerkleTree.of(values, ["address", "string", "bytes32"])`.
 */
interface IAnchoring {
    /**
     * @notice One anchored batch.
     * @param manifestCid Optional IPFS CID of the (encrypted) list of leaves, so proofs can be rebuilt.
     */
    struct Batch {
        bytes32 root;
        address admin;
        uint32 leafCount;
        uint64 anchoredAt;
        string manifestCid;
    }

    /// @notice The Merkle root is zero.
    error AnchoringZeroRoot();
    /// @notice A batch must hold at least one leaf.
    error AnchoringEmptyBatch();
    /// @notice `root` was already anchored as batch `batchId`.
    error AnchoringRootAlreadyAnchored(bytes32 root, uint256 batchId);
    /// @notice The manifest CID is longer than `max` bytes.
    error AnchoringInvalidCid(uint256 length, uint256 max);
    /// @notice No batch has id `batchId`.
    error AnchoringUnknownBatch(uint256 batchId);

    /// @notice `admin` anchored batch `batchId` of `leafCount` leaves under `root`.
    event BatchAnchored(
        uint256 indexed batchId,
        bytes32 indexed root,
        address indexed admin,
        uint32 leafCount,
        string manifestCid
    );

    /**
     * @notice Anchors a Merkle root of `leafCount` legacy record leaves. Registry admins only.
     * @return batchId The new batch's id (ids start at 1).
     * Emits {BatchAnchored}.
     */
    function anchor(bytes32 root, uint32 leafCount, string calldata manifestCid) external returns (uint256 batchId);

    /**
     * @notice True when (`patient`, `cid`, `contentHash`) is a leaf of batch `batchId` according to `proof`.
     * Reverts for unknown batches.
     */
    function verify(
        uint256 batchId,
        address patient,
        string calldata cid,
        bytes32 contentHash,
        bytes32[] calldata proof
    ) external view returns (bool);

    /// @notice The leaf hash of (`patient`, `cid`, `contentHash`), as the Node library computes it.
    function leafHash(address patient, string calldata cid, bytes32 contentHash) external pure returns (bytes32);
    /// @notice Batch `batchId` (reverts for unknown ids).
    function getBatch(uint256 batchId) external view returns (Batch memory);
    /// @notice The batch a root was anchored in (0 = never anchored).
    function batchOfRoot(bytes32 root) external view returns (uint256);
    /// @notice Number of batches anchored.
    function batchCount() external view returns (uint256);
}

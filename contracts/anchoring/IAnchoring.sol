// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title IAnchoring
 * @notice Two commitments kept on chain so data held off chain cannot be rewritten unseen:
 * - Bulk anchoring of legacy records: an admin commits to many (patient, CID, sha256) leaves at once
 *   with a Merkle root, and anyone later proves a leaf belongs to an anchored batch. Leaves are those of
 *   OpenZeppelin's `StandardMerkleTree.of(values, ["address", "string", "bytes32"])`.
 * - The head of the API's hash-chained access log: one account chosen by the admins (the audit
 *   anchorer, a key the API server holds) periodically records (sequence number, entry hash), so a
 *   log rewritten in the database no longer matches the chain.
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
    /// @notice `account` is not the audit anchorer (see {auditAnchorer}).
    error AnchoringUnauthorizedAnchorer(address account);
    /// @notice An audit head must not be zero.
    error AnchoringZeroHead();
    /// @notice Audit heads only move forward: `seq` is not above the latest anchored `latestSeq`.
    error AnchoringStaleAuditSeq(uint64 seq, uint64 latestSeq);

    /// @notice `admin` anchored batch `batchId` of `leafCount` leaves under `root`.
    event BatchAnchored(
        uint256 indexed batchId,
        bytes32 indexed root,
        address indexed admin,
        uint32 leafCount,
        string manifestCid
    );
    /// @notice An admin made `current` the audit anchorer in place of `previous` (zero = nobody).
    event AuditAnchorerSet(address indexed previous, address indexed current);
    /// @notice `anchorer` recorded `head`, the hash of access-log entry `seq`.
    event AuditHeadAnchored(uint64 indexed seq, bytes32 head, address anchorer);

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

    /**
     * @notice Makes `account` the only one allowed to {anchorAuditHead}, replacing the previous one.
     * Registry admins only. Zero means nobody (e.g. at once after the anchorer's key leaked).
     * Emits {AuditAnchorerSet}.
     */
    function setAuditAnchorer(address account) external;

    /**
     * @notice Records `head`, the hash of access-log entry `seq`, as the latest audit head.
     * Requirements: the caller is the audit anchorer; `head` is not zero; `seq` is above the latest
     * anchored seq.
     * Emits {AuditHeadAnchored}.
     *
     * IMPORTANT: the contract cannot check that `head` is the log's real hash; it only makes what the
     * anchorer once saw permanent. Verifiers compare the stored log against it.
     */
    function anchorAuditHead(uint64 seq, bytes32 head) external;

    /// @notice The account allowed to anchor audit heads (zero = nobody).
    function auditAnchorer() external view returns (address);

    /// @notice The latest anchored audit head: entry `seq`'s hash `head`, at block time `anchoredAt` (all zero before the first).
    function latestAuditHead() external view returns (uint64 seq, bytes32 head, uint64 anchoredAt);
}

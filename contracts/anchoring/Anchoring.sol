// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {IRegistry} from "../registry/IRegistry.sol";
import {RegistryGoverned} from "../access/RegistryGoverned.sol";
import {IAnchoring} from "./IAnchoring.sol";

/**
 * @title Anchoring
 * @notice Merkle roots of legacy records migrated in bulk, and the access log's head (see {IAnchoring}).
 * One transaction anchors any number of records; the leaves themselves stay off chain.
 * @dev The audit anchorer is a narrow role of its own, not an admin: the API server holds its key, so
 * a leaked key can anchor audit heads and nothing else, and an admin replaces it with one call.
 */
contract Anchoring is IAnchoring, RegistryGoverned {
    /// @notice Longest manifest CID accepted.
    uint256 public constant MAX_CID_LENGTH = 128;

    Batch[] private _batches;
    mapping(bytes32 root => uint256 batchId) private _batchOfRoot;

    /// @dev The latest audit head; seq and time share one slot.
    struct AuditHead {
        uint64 seq;
        uint64 anchoredAt;
        bytes32 head;
    }

    address private _auditAnchorer;
    AuditHead private _auditHead;

    constructor(IRegistry registry_) RegistryGoverned(registry_) {}

    /// @inheritdoc IAnchoring
    function anchor(
        bytes32 root,
        uint32 leafCount,
        string calldata manifestCid
    ) external onlyRegistryAdmin returns (uint256 batchId) {
        if (root == bytes32(0)) revert AnchoringZeroRoot();
        if (leafCount == 0) revert AnchoringEmptyBatch();
        if (_batchOfRoot[root] != 0) revert AnchoringRootAlreadyAnchored(root, _batchOfRoot[root]);
        if (bytes(manifestCid).length > MAX_CID_LENGTH) {
            revert AnchoringInvalidCid(bytes(manifestCid).length, MAX_CID_LENGTH);
        }
        _batches.push(Batch(root, msg.sender, leafCount, uint64(block.timestamp), manifestCid));
        batchId = _batches.length;
        _batchOfRoot[root] = batchId;
        emit BatchAnchored(batchId, root, msg.sender, leafCount, manifestCid);
    }

    /// @inheritdoc IAnchoring
    function setAuditAnchorer(address account) external onlyRegistryAdmin {
        address previous = _auditAnchorer;
        _auditAnchorer = account;
        emit AuditAnchorerSet(previous, account);
    }

    /// @inheritdoc IAnchoring
    function anchorAuditHead(uint64 seq, bytes32 head) external {
        // Before an admin sets one the anchorer is zero, which is never a caller.
        if (msg.sender != _auditAnchorer) revert AnchoringUnauthorizedAnchorer(msg.sender);
        if (head == bytes32(0)) revert AnchoringZeroHead();
        if (seq <= _auditHead.seq) revert AnchoringStaleAuditSeq(seq, _auditHead.seq);
        _auditHead = AuditHead(seq, uint64(block.timestamp), head);
        emit AuditHeadAnchored(seq, head, msg.sender);
    }

    /// @inheritdoc IAnchoring
    function auditAnchorer() external view returns (address) {
        return _auditAnchorer;
    }

    /// @inheritdoc IAnchoring
    function latestAuditHead() external view returns (uint64 seq, bytes32 head, uint64 anchoredAt) {
        AuditHead memory latest = _auditHead;
        return (latest.seq, latest.head, latest.anchoredAt);
    }

    /// @inheritdoc IAnchoring
    function verify(
        uint256 batchId,
        address patient,
        string calldata cid,
        bytes32 contentHash,
        bytes32[] calldata proof
    ) external view returns (bool) {
        return MerkleProof.verifyCalldata(proof, _existing(batchId).root, _leaf(patient, cid, contentHash));
    }

    /// @inheritdoc IAnchoring
    function leafHash(address patient, string calldata cid, bytes32 contentHash) external pure returns (bytes32) {
        return _leaf(patient, cid, contentHash);
    }

    /// @inheritdoc IAnchoring
    function getBatch(uint256 batchId) external view returns (Batch memory) {
        return _existing(batchId);
    }

    /// @inheritdoc IAnchoring
    function batchOfRoot(bytes32 root) external view returns (uint256) {
        return _batchOfRoot[root];
    }

    /// @inheritdoc IAnchoring
    function batchCount() external view returns (uint256) {
        return _batches.length;
    }

    /// @dev Double hashing as in `StandardMerkleTree`, so a leaf can never pass as an inner node.
    function _leaf(address patient, string calldata cid, bytes32 contentHash) private pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(patient, cid, contentHash))));
    }

    function _existing(uint256 batchId) private view returns (Batch storage) {
        if (batchId == 0 || batchId > _batches.length) revert AnchoringUnknownBatch(batchId);
        return _batches[batchId - 1];
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IRegistry} from "../registry/IRegistry.sol";
import {RegistryGoverned} from "../access/RegistryGoverned.sol";
import {IConsent} from "../consent/IConsent.sol";
import {Paging} from "../utils/Paging.sol";
import {IRecords} from "./IRecords.sol";

/**
 * @title Records
 * @notice Append-only record entries (see {IRecords}). Only pointers and hashes live here: the
 * documents are encrypted in the browser before they are pinned to IPFS.
 * @dev Who may write is decided live: the Registry says who is a patient or verified doctor, and
 * Consent says which doctor may write which patient's records (explicit grants and appointments).
 */
contract Records is IRecords, RegistryGoverned {
    /// @notice Longest CID accepted (CIDv1 base32 of sha256 is 59 characters).
    uint256 public constant MAX_CID_LENGTH = 128;

    IConsent private immutable _consent;

    Entry[] private _entries;
    mapping(address patient => uint64[]) private _byPatient;

    constructor(IRegistry registry_, IConsent consent_) RegistryGoverned(registry_) {
        if (address(consent_) == address(0)) revert RecordsZeroAddress();
        _consent = consent_;
    }

    /// @inheritdoc IRecords
    function addRecord(
        address patient,
        Kind kind,
        string calldata cid,
        bytes32 contentHash
    ) external returns (uint256 id) {
        if (patient == address(0)) revert RecordsZeroAddress();
        _checkWriter(patient, kind);
        return _append(patient, kind, cid, contentHash, 0);
    }

    /// @inheritdoc IRecords
    function amendRecord(uint256 amendedId, string calldata cid, bytes32 contentHash) external returns (uint256 id) {
        Entry storage amended = _existing(amendedId);
        if (amended.author != msg.sender) revert RecordsNotAuthor(amendedId, amended.author);
        if (amended.amendedBy != 0) revert RecordsAlreadyAmended(amendedId, amended.amendedBy);
        _checkWriter(amended.patient, amended.kind);
        id = _append(amended.patient, amended.kind, cid, contentHash, uint64(amendedId));
        amended.amendedBy = uint64(id);
    }

    /// @inheritdoc IRecords
    function getRecord(uint256 id) external view returns (Entry memory) {
        return _existing(id);
    }

    /// @inheritdoc IRecords
    function recordCount() external view returns (uint256) {
        return _entries.length;
    }

    /// @inheritdoc IRecords
    function patientRecordCount(address patient) external view returns (uint256) {
        return _byPatient[patient].length;
    }

    /// @inheritdoc IRecords
    function patientRecordsPage(
        address patient,
        uint256 offset,
        uint256 limit
    ) external view returns (Entry[] memory page) {
        uint64[] storage ids = _byPatient[patient];
        (uint256 start, uint256 end) = Paging.window(ids.length, offset, limit);
        page = new Entry[](end - start);
        for (uint256 i = start; i < end; ++i) {
            page[i - start] = _entries[ids[i] - 1];
        }
    }

    /// @dev Reverts unless the caller may add an entry of `kind` to `patient`'s records.
    function _checkWriter(address patient, Kind kind) private view {
        IRegistry registry_ = registry();
        if (msg.sender == patient) {
            if (!registry_.isPatient(patient)) revert RecordsNotPatient(patient);
            if (kind == Kind.ConsultationNote || kind == Kind.Prescription) revert RecordsKindNotAllowed(kind);
            return;
        }
        if (!registry_.isVerifiedDoctor(msg.sender)) revert RecordsNotVerifiedDoctor(msg.sender);
        if (!registry_.isPatient(patient)) revert RecordsNotPatient(patient);
        if (!_consent.hasAccess(patient, msg.sender)) revert RecordsNoAccess(patient, msg.sender);
    }

    function _append(
        address patient,
        Kind kind,
        string calldata cid,
        bytes32 contentHash,
        uint64 amends
    ) private returns (uint256 id) {
        if (bytes(cid).length == 0 || bytes(cid).length > MAX_CID_LENGTH) {
            revert RecordsInvalidCid(bytes(cid).length, MAX_CID_LENGTH);
        }
        if (contentHash == bytes32(0)) revert RecordsInvalidContentHash();
        id = _entries.length + 1;
        _entries.push(
            Entry({
                patient: patient,
                id: uint64(id),
                kind: kind,
                author: msg.sender,
                createdAt: uint64(block.timestamp),
                amends: amends,
                amendedBy: 0,
                contentHash: contentHash,
                cid: cid
            })
        );
        _byPatient[patient].push(uint64(id));
        emit RecordAdded(id, patient, msg.sender, kind, cid, contentHash, amends);
    }

    function _existing(uint256 id) private view returns (Entry storage) {
        if (id == 0 || id > _entries.length) revert RecordsUnknownEntry(id);
        return _entries[id - 1];
    }
}

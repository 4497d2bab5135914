// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IRegistry} from "../registry/IRegistry.sol";
import {RegistryGoverned} from "../access/RegistryGoverned.sol";
import {IResearchSharing} from "./IResearchSharing.sol";

/**
 * @title ResearchSharing
 * @notice Research opt-ins of patients and the anchors of the admins' research exports.
 * @dev No roles of its own: patients and admins are the Registry's, read live.
 */
contract ResearchSharing is IResearchSharing, RegistryGoverned {
    /// @notice Profile demographics (age, sex, city/state), generalised before export.
    uint8 public constant SCOPE_DEMOGRAPHICS = 1;
    /// @notice Appointment history (specialities, statuses, months), never reason notes.
    uint8 public constant SCOPE_APPOINTMENTS = 2;
    /// @notice The kinds of records held (e.g. lab result), never their contents.
    uint8 public constant SCOPE_RECORD_KINDS = 4;
    uint8 public constant SCOPE_ALL = SCOPE_DEMOGRAPHICS | SCOPE_APPOINTMENTS | SCOPE_RECORD_KINDS;
    /// @notice No export may promise less than 5-anonymity.
    uint16 public constant MIN_K = 5;

    mapping(address patient => Participation) private _participation;
    ResearchExport[] private _exports;
    mapping(bytes32 exportHash => uint256 exportId) private _exportIds;

    constructor(IRegistry registry_) RegistryGoverned(registry_) {}

    /// @inheritdoc IResearchSharing
    function optIn(uint8 scope, uint64 expiresAt) external {
        if (!registry().isPatient(msg.sender)) revert ResearchNotPatient(msg.sender);
        if (scope == 0 || scope & ~SCOPE_ALL != 0) revert ResearchInvalidScope(scope);
        if (expiresAt <= block.timestamp) revert ResearchInvalidExpiry(expiresAt, uint64(block.timestamp));
        _participation[msg.sender] = Participation(scope, expiresAt);
        emit ResearchOptedIn(msg.sender, scope, expiresAt);
    }

    /// @inheritdoc IResearchSharing
    function optOut() external {
        if (_liveScope(msg.sender) == 0) revert ResearchNotOptedIn(msg.sender);
        delete _participation[msg.sender];
        emit ResearchOptedOut(msg.sender);
    }

    /// @inheritdoc IResearchSharing
    function anchorExport(
        bytes32 exportHash,
        uint32 patientCount,
        uint16 k,
        uint32 epsilonMilli
    ) external onlyRegistryAdmin returns (uint256 exportId) {
        if (exportHash == bytes32(0)) revert ResearchZeroExportHash();
        if (k < MIN_K) revert ResearchInvalidK(k, MIN_K);
        uint256 existing = _exportIds[exportHash];
        if (existing != 0) revert ResearchExportAlreadyAnchored(exportHash, existing);
        _exports.push(ResearchExport(exportHash, msg.sender, patientCount, k, epsilonMilli, uint64(block.timestamp)));
        exportId = _exports.length;
        _exportIds[exportHash] = exportId;
        emit ResearchExportAnchored(exportId, exportHash, msg.sender, patientCount, k, epsilonMilli);
    }

    /// @inheritdoc IResearchSharing
    function participation(address patient) external view returns (Participation memory) {
        return _participation[patient];
    }

    /// @inheritdoc IResearchSharing
    function liveScope(address patient) external view returns (uint8) {
        return _liveScope(patient);
    }

    /// @inheritdoc IResearchSharing
    function exportCount() external view returns (uint256) {
        return _exports.length;
    }

    /// @inheritdoc IResearchSharing
    function getExport(uint256 exportId) external view returns (ResearchExport memory) {
        if (exportId == 0 || exportId > _exports.length) revert ResearchUnknownExport(exportId);
        return _exports[exportId - 1];
    }

    /// @inheritdoc IResearchSharing
    function exportIdOf(bytes32 exportHash) external view returns (uint256) {
        return _exportIds[exportHash];
    }

    function _liveScope(address patient) private view returns (uint8) {
        Participation storage current = _participation[patient];
        return block.timestamp < current.expiresAt ? current.scope : 0;
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IRegistry} from "../registry/IRegistry.sol";
import {RegistryGoverned} from "../access/RegistryGoverned.sol";
import {IEmergencyAccess} from "./IEmergencyAccess.sol";

/**
 * @title EmergencyAccess
 * @notice Break-glass access windows, the emergency-sharing opt-ins of patients and the clinic's
 * emergency key. See {IEmergencyAccess}.
 * @dev No roles of its own: doctors, patients and admins are the Registry's, read live, so a doctor
 * revoked mid-window loses the access at once.
 */
contract EmergencyAccess is IEmergencyAccess, RegistryGoverned {
    uint64 public constant DEFAULT_WINDOW = 24 hours;
    /// @notice Bounds an admin cannot leave: long enough to treat, short enough to stay an exception.
    uint64 public constant MIN_WINDOW = 1 hours;
    uint64 public constant MAX_WINDOW = 72 hours;

    mapping(address patient => mapping(address doctor => uint64 expiresAt)) private _expiry;
    mapping(address doctor => uint32 uses) private _uses;
    mapping(address patient => bool enabled) private _sharing;
    uint64 private _window = DEFAULT_WINDOW;
    bytes32 private _emergencyKey;

    constructor(IRegistry registry_) RegistryGoverned(registry_) {}

    /// @inheritdoc IEmergencyAccess
    function breakGlass(address patient, bytes32 justificationCommitment) external {
        if (!registry().isVerifiedDoctor(msg.sender)) revert EmergencyNotVerifiedDoctor(msg.sender);
        if (!registry().isPatient(patient)) revert EmergencyNotPatient(patient);
        if (justificationCommitment == bytes32(0)) revert EmergencyJustificationRequired();
        uint64 expiresAt = uint64(block.timestamp) + _window;
        _expiry[patient][msg.sender] = expiresAt;
        uint32 uses = ++_uses[msg.sender];
        emit EmergencyAccessOpened(patient, msg.sender, justificationCommitment, expiresAt, uses);
    }

    /// @inheritdoc IEmergencyAccess
    function endEmergencyAccess(address patient, address doctor) external {
        if (msg.sender != patient && msg.sender != doctor && !registry().isAdmin(msg.sender)) {
            revert EmergencyUnauthorizedCloser(msg.sender);
        }
        if (_expiry[patient][doctor] <= block.timestamp) revert EmergencyAccessNotOpen(patient, doctor);
        delete _expiry[patient][doctor];
        emit EmergencyAccessEnded(patient, doctor, msg.sender);
    }

    /// @inheritdoc IEmergencyAccess
    function setWindow(uint64 window_) external onlyRegistryAdmin {
        if (window_ < MIN_WINDOW || window_ > MAX_WINDOW)
            revert EmergencyInvalidWindow(window_, MIN_WINDOW, MAX_WINDOW);
        emit EmergencyWindowChanged(msg.sender, _window, window_);
        _window = window_;
    }

    /// @inheritdoc IEmergencyAccess
    function setEmergencySharing(bool enabled) external {
        if (!registry().isPatient(msg.sender)) revert EmergencyNotPatient(msg.sender);
        _sharing[msg.sender] = enabled;
        emit EmergencySharingChanged(msg.sender, enabled);
    }

    /// @inheritdoc IEmergencyAccess
    function setEmergencyKey(bytes32 publicKey) external onlyRegistryAdmin {
        if (publicKey == bytes32(0)) revert EmergencyZeroKey();
        _emergencyKey = publicKey;
        emit EmergencyKeyChanged(msg.sender, publicKey);
    }

    /// @inheritdoc IEmergencyAccess
    function hasEmergencyAccess(address patient, address doctor) external view returns (bool) {
        return block.timestamp < _expiry[patient][doctor] && registry().isVerifiedDoctor(doctor);
    }

    /// @inheritdoc IEmergencyAccess
    function emergencyAccessExpiry(address patient, address doctor) external view returns (uint64) {
        return _expiry[patient][doctor];
    }

    /// @inheritdoc IEmergencyAccess
    function emergencyUses(address doctor) external view returns (uint32) {
        return _uses[doctor];
    }

    /// @inheritdoc IEmergencyAccess
    function window() external view returns (uint64) {
        return _window;
    }

    /// @inheritdoc IEmergencyAccess
    function emergencySharing(address patient) external view returns (bool) {
        return _sharing[patient];
    }

    /// @inheritdoc IEmergencyAccess
    function emergencyKey() external view returns (bytes32) {
        return _emergencyKey;
    }
}

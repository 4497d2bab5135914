// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IRegistry} from "../registry/IRegistry.sol";
import {RegistryGoverned} from "../access/RegistryGoverned.sol";
import {IConsent} from "./IConsent.sol";

/**
 * @title Consent
 * @notice Patients grant and revoke doctors' access to their records; accepted appointments grant it
 * automatically. Records asks {hasAccess} before a doctor writes, and the API and UI read it too.
 * @dev Wiring: the Appointments contract holds APPOINTMENTS_ROLE (granted by the last migration) and
 * calls the `onAppointment*` hooks. `DEFAULT_ADMIN_ROLE` is not stored here: it *is* the set of
 * Registry admins, so there is one list of admins for the whole system.
 */
contract Consent is IConsent, RegistryGoverned, AccessControl {
    /// @notice Role of the Appointments contract, the only caller of the `onAppointment*` hooks.
    bytes32 public constant APPOINTMENTS_ROLE = keccak256("APPOINTMENTS_ROLE");
    /// @notice Window used until an admin changes it.
    uint64 public constant DEFAULT_APPOINTMENT_WINDOW = 7 days;
    /// @notice Upper bound for the window, so a typo cannot grant access for decades.
    uint64 public constant MAX_APPOINTMENT_WINDOW = 365 days;
    uint64 private constant MIN_APPOINTMENT_WINDOW = 1 hours;

    mapping(address patient => mapping(address doctor => Access)) private _access;
    /// @dev Revocation epoch of the pair when each appointment was accepted.
    mapping(uint256 appointmentId => uint32) private _acceptedInEpoch;
    uint64 private _appointmentWindow = DEFAULT_APPOINTMENT_WINDOW;

    constructor(IRegistry registry_) RegistryGoverned(registry_) {}

    /// @inheritdoc IConsent
    function grantAccess(address doctor, uint64 expiresAt) external {
        if (doctor == address(0)) revert ConsentZeroAddress();
        if (!registry().isPatient(msg.sender)) revert ConsentNotPatient(msg.sender);
        if (!registry().isVerifiedDoctor(doctor)) revert ConsentNotVerifiedDoctor(doctor);
        if (expiresAt <= block.timestamp) revert ConsentInvalidExpiry(expiresAt, uint64(block.timestamp));
        _access[msg.sender][doctor].grantedUntil = expiresAt;
        emit AccessGranted(msg.sender, doctor, expiresAt);
    }

    /// @inheritdoc IConsent
    function revokeAccess(address doctor) external {
        if (_expiry(_access[msg.sender][doctor]) <= block.timestamp) revert ConsentNotGranted(msg.sender, doctor);
        Access storage access = _access[msg.sender][doctor];
        access.grantedUntil = 0;
        access.bookedUntil = 0;
        access.completedUntil = 0;
        ++access.epoch;
        emit AccessRevoked(msg.sender, doctor);
    }

    /// @inheritdoc IConsent
    function setAppointmentWindow(uint64 window) external onlyRegistryAdmin {
        if (window < MIN_APPOINTMENT_WINDOW || window > MAX_APPOINTMENT_WINDOW) {
            revert ConsentInvalidWindow(window, MAX_APPOINTMENT_WINDOW);
        }
        emit AppointmentWindowChanged(msg.sender, _appointmentWindow, window);
        _appointmentWindow = window;
    }

    /// @inheritdoc IConsent
    function onAppointmentAccepted(uint256 appointmentId, address patient, address doctor, uint64 slot)
        external
        onlyRole(APPOINTMENTS_ROLE)
    {
        Access storage access = _access[patient][doctor];
        uint64 until = slot + _appointmentWindow;
        if (until > access.bookedUntil) access.bookedUntil = until;
        ++access.openBookings;
        _acceptedInEpoch[appointmentId] = access.epoch;
        emit AppointmentAccessUpdated(patient, doctor, appointmentId, _expiry(access));
    }

    /// @inheritdoc IConsent
    function onAppointmentClosed(uint256 appointmentId, address patient, address doctor, uint64 slot, bool completed)
        external
        onlyRole(APPOINTMENTS_ROLE)
    {
        Access storage access = _access[patient][doctor];
        if (--access.openBookings == 0) access.bookedUntil = 0;
        if (completed && _acceptedInEpoch[appointmentId] == access.epoch) {
            uint64 until = slot + _appointmentWindow;
            if (until > access.completedUntil) access.completedUntil = until;
        }
        delete _acceptedInEpoch[appointmentId];
        emit AppointmentAccessUpdated(patient, doctor, appointmentId, _expiry(access));
    }

    /// @inheritdoc IConsent
    function hasAccess(address patient, address doctor) external view returns (bool) {
        return block.timestamp < _expiry(_access[patient][doctor]) && registry().isVerifiedDoctor(doctor);
    }

    /// @inheritdoc IConsent
    function accessExpiry(address patient, address doctor) external view returns (uint64) {
        return _expiry(_access[patient][doctor]);
    }

    /// @inheritdoc IConsent
    function getAccess(address patient, address doctor) external view returns (Access memory) {
        return _access[patient][doctor];
    }

    /// @inheritdoc IConsent
    function appointmentWindow() external view returns (uint64) {
        return _appointmentWindow;
    }

    /// @dev Admins are the Registry's admins (read live), never a copy kept here.
    function hasRole(bytes32 role, address account) public view override returns (bool) {
        if (role == DEFAULT_ADMIN_ROLE) return registry().isAdmin(account);
        return super.hasRole(role, account);
    }

    /// @dev Admins are added and removed in the Registry only.
    function _grantRole(bytes32 role, address account) internal override returns (bool) {
        if (role == DEFAULT_ADMIN_ROLE) revert ConsentAdminRoleInRegistry();
        return super._grantRole(role, account);
    }

    /// @dev Admins are added and removed in the Registry only.
    function _revokeRole(bytes32 role, address account) internal override returns (bool) {
        if (role == DEFAULT_ADMIN_ROLE) revert ConsentAdminRoleInRegistry();
        return super._revokeRole(role, account);
    }

    function _expiry(Access storage access) private view returns (uint64 expiry) {
        expiry = access.grantedUntil;
        if (access.bookedUntil > expiry) expiry = access.bookedUntil;
        if (access.completedUntil > expiry) expiry = access.completedUntil;
    }
}

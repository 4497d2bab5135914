// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IRegistry} from "../registry/IRegistry.sol";
import {RegistryGoverned} from "../access/RegistryGoverned.sol";
import {IConsent} from "./IConsent.sol";

/**
 * @title Consent
 * @notice Patients grant and revoke doctors' access to their records; accepted appointments grant it
 * automatically. Records asks {hasAccess} before a doctor writes, and the API and UI read it too.
 * @dev Wiring: the deployer binds the Appointments contract once ({bindAppointments}); from then on it
 * is the only caller of the `onAppointment*` hooks and nobody, admins included, can change that.
 * There are no roles here: admins are the Registry's admins, read live.
 */
contract Consent is IConsent, RegistryGoverned {
    /// @notice Window used until an admin changes it.
    uint64 public constant DEFAULT_APPOINTMENT_WINDOW = 7 days;
    /// @notice Upper bound for the window, so a typo cannot grant access for decades.
    uint64 public constant MAX_APPOINTMENT_WINDOW = 365 days;
    uint64 private constant MIN_APPOINTMENT_WINDOW = 1 hours;

    /// @dev One accepted, not yet closed appointment of a pair (one storage slot).
    struct OpenAppointment {
        uint64 id;
        uint64 until;
        uint32 epoch;
    }

    address private immutable _deployer;
    address private _appointments;

    mapping(address patient => mapping(address doctor => Access)) private _access;
    /// @dev Few per pair (each one is accepted by the doctor), so scanning them is cheap.
    mapping(address patient => mapping(address doctor => OpenAppointment[])) private _open;
    uint64 private _appointmentWindow = DEFAULT_APPOINTMENT_WINDOW;

    constructor(IRegistry registry_) RegistryGoverned(registry_) {
        _deployer = msg.sender;
    }

    modifier onlyAppointments() {
        // Before binding `_appointments` is zero, which is never a caller.
        if (msg.sender != _appointments) revert ConsentUnauthorizedHookCaller(msg.sender);
        _;
    }

    /// @inheritdoc IConsent
    function bindAppointments(address appointments_) external {
        if (msg.sender != _deployer) revert ConsentUnauthorizedBinder(msg.sender);
        if (_appointments != address(0)) revert ConsentAppointmentsAlreadyBound(_appointments);
        if (appointments_ == address(0)) revert ConsentZeroAddress();
        _appointments = appointments_;
        emit AppointmentsBound(appointments_);
    }

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
        Access storage access = _access[msg.sender][doctor];
        if (_expiry(access) <= block.timestamp) revert ConsentNotGranted(msg.sender, doctor);
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
    function onAppointmentAccepted(
        uint256 appointmentId,
        address patient,
        address doctor,
        uint64 slot
    ) external onlyAppointments {
        Access storage access = _access[patient][doctor];
        uint64 until = slot + _appointmentWindow;
        _open[patient][doctor].push(OpenAppointment(uint64(appointmentId), until, access.epoch));
        if (until > access.bookedUntil) access.bookedUntil = until;
        ++access.openBookings;
        emit AppointmentAccessUpdated(patient, doctor, appointmentId, _expiry(access));
    }

    /// @inheritdoc IConsent
    function onAppointmentClosed(
        uint256 appointmentId,
        address patient,
        address doctor,
        bool completed
    ) external onlyAppointments {
        OpenAppointment memory closed = _removeOpen(patient, doctor, appointmentId);
        Access storage access = _access[patient][doctor];
        access.openBookings = uint32(_open[patient][doctor].length);
        access.bookedUntil = _latestOpenUntil(patient, doctor, access.epoch);
        if (completed && closed.epoch == access.epoch && closed.until > access.completedUntil) {
            access.completedUntil = closed.until;
        }
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
    function revocationEpoch(address patient, address doctor) external view returns (uint32) {
        return _access[patient][doctor].epoch;
    }

    /// @inheritdoc IConsent
    function getAccess(address patient, address doctor) external view returns (Access memory) {
        return _access[patient][doctor];
    }

    /// @inheritdoc IConsent
    function appointmentWindow() external view returns (uint64) {
        return _appointmentWindow;
    }

    /// @inheritdoc IConsent
    function appointments() external view returns (address) {
        return _appointments;
    }

    /// @dev Swap-and-pop removal of `appointmentId` from the pair's open appointments; reverts if absent.
    function _removeOpen(
        address patient,
        address doctor,
        uint256 appointmentId
    ) private returns (OpenAppointment memory removed) {
        OpenAppointment[] storage open = _open[patient][doctor];
        uint256 count = open.length;
        for (uint256 i = 0; i < count; ++i) {
            if (open[i].id == appointmentId) {
                removed = open[i];
                open[i] = open[count - 1];
                open.pop();
                return removed;
            }
        }
        revert ConsentUnknownAppointment(appointmentId, patient, doctor);
    }

    /// @dev The latest `until` among the pair's open appointments accepted since the last revocation.
    function _latestOpenUntil(address patient, address doctor, uint32 epoch) private view returns (uint64 latest) {
        OpenAppointment[] storage open = _open[patient][doctor];
        for (uint256 i = 0; i < open.length; ++i) {
            if (open[i].epoch == epoch && open[i].until > latest) latest = open[i].until;
        }
    }

    function _expiry(Access storage access) private view returns (uint64 expiry) {
        expiry = access.grantedUntil;
        if (access.bookedUntil > expiry) expiry = access.bookedUntil;
        if (access.completedUntil > expiry) expiry = access.completedUntil;
    }
}

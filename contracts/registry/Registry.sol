// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl, IAccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {AccessControlEnumerable} from "@openzeppelin/contracts/access/extensions/AccessControlEnumerable.sol";
import {IRegistry} from "./IRegistry.sol";
import {Paging} from "../utils/Paging.sol";

/**
 * @title Registry
 * @notice Admins, doctors and patients. Doctors register themselves (or are added by an admin)
 * as pending; an admin verifies or revokes them. An account is at most one of doctor or patient.
 * @dev Admins are OpenZeppelin's `DEFAULT_ADMIN_ROLE`, enumerable so the last one can be protected.
 * It is the only role: the inherited `grantRole`, `revokeRole` and `renounceRole` accept no other, and
 * follow exactly the rules of {addAdmin} and {removeAdmin} (no zero address, no silent no-op, never
 * the last admin), so no path around those rules exists.
 */
contract Registry is IRegistry, AccessControlEnumerable {
    mapping(address account => Doctor) private _doctors;
    mapping(address account => bool) private _patients;
    address[] private _doctorList;

    /// @param initialAdmin The first admin (the deployer in the migrations).
    constructor(address initialAdmin) {
        if (initialAdmin == address(0)) revert RegistryZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, initialAdmin);
    }

    modifier onlyAdmin() {
        if (!hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) revert RegistryUnauthorizedAdmin(msg.sender);
        _;
    }

    /**
     * @notice Registers the caller as a pending doctor.
     * @param licenceHash keccak256 of the licence/registration number (never the number itself).
     * @param speciality Speciality code (see docs/specialities.md).
     * Emits {DoctorRegistered}.
     */
    function registerDoctor(bytes32 licenceHash, uint16 speciality) external {
        _registerDoctor(msg.sender, msg.sender, licenceHash, speciality);
    }

    /**
     * @notice An admin registers `doctor` on their behalf; the doctor stays pending until verified.
     * Emits {DoctorRegistered}.
     */
    function registerDoctorFor(address doctor, bytes32 licenceHash, uint16 speciality) external onlyAdmin {
        _registerDoctor(doctor, msg.sender, licenceHash, speciality);
    }

    /**
     * @notice Verifies a pending or revoked doctor. Admin only.
     * Emits {DoctorVerified}.
     */
    function verifyDoctor(address doctor) external onlyAdmin {
        Doctor storage record = _doctors[doctor];
        if (record.status != DoctorStatus.Pending && record.status != DoctorStatus.Revoked) {
            revert RegistryInvalidDoctorStatus(doctor, record.status);
        }
        record.status = DoctorStatus.Verified;
        record.revocationReason = 0;
        record.updatedAt = uint64(block.timestamp);
        emit DoctorVerified(doctor, msg.sender);
    }

    /**
     * @notice Revokes a pending or verified doctor with a reason code. Admin only.
     * Emits {DoctorRevoked}.
     */
    function revokeDoctor(address doctor, uint8 reason) external onlyAdmin {
        Doctor storage record = _doctors[doctor];
        if (record.status != DoctorStatus.Pending && record.status != DoctorStatus.Verified) {
            revert RegistryInvalidDoctorStatus(doctor, record.status);
        }
        record.status = DoctorStatus.Revoked;
        record.revocationReason = reason;
        record.updatedAt = uint64(block.timestamp);
        emit DoctorRevoked(doctor, msg.sender, reason);
    }

    /**
     * @notice Registers the caller as a patient.
     * Emits {PatientRegistered}.
     */
    function registerPatient() external {
        if (_isRegistered(msg.sender)) revert RegistryAlreadyRegistered(msg.sender);
        _patients[msg.sender] = true;
        emit PatientRegistered(msg.sender);
    }

    /**
     * @notice Makes `account` an admin. Admin only; not the zero address, not an existing admin.
     * Emits {IAccessControl-RoleGranted}.
     */
    function addAdmin(address account) external onlyAdmin {
        _addAdmin(account);
    }

    /**
     * @notice Removes `account` from the admins. Admin only; never the last admin.
     * Emits {IAccessControl-RoleRevoked}.
     */
    function removeAdmin(address account) external onlyAdmin {
        _removeAdmin(account);
    }

    /**
     * @notice {addAdmin} under OpenZeppelin's name; `role` must be `DEFAULT_ADMIN_ROLE`.
     * @dev Overridden so the inherited entry point cannot skip addAdmin's checks (zero address).
     */
    function grantRole(bytes32 role, address account) public override(AccessControl, IAccessControl) onlyAdmin {
        _requireAdminRole(role);
        _addAdmin(account);
    }

    /// @notice {removeAdmin} under OpenZeppelin's name; `role` must be `DEFAULT_ADMIN_ROLE`.
    function revokeRole(bytes32 role, address account) public override(AccessControl, IAccessControl) onlyAdmin {
        _requireAdminRole(role);
        _removeAdmin(account);
    }

    /**
     * @notice The caller stops being an admin; `callerConfirmation` must be the caller (OpenZeppelin's
     * guard against renouncing by mistake). Never the last admin.
     * Emits {IAccessControl-RoleRevoked}.
     */
    function renounceRole(bytes32 role, address callerConfirmation) public override(AccessControl, IAccessControl) {
        _requireAdminRole(role);
        if (callerConfirmation != msg.sender) revert AccessControlBadConfirmation();
        _removeAdmin(msg.sender);
    }

    /// @dev Every path that removes an admin (removeAdmin, revokeRole, renounceRole) keeps at least one.
    function _revokeRole(bytes32 role, address account) internal override returns (bool) {
        if (role == DEFAULT_ADMIN_ROLE && hasRole(role, account) && getRoleMemberCount(role) == 1) {
            revert RegistryLastAdmin(account);
        }
        return super._revokeRole(role, account);
    }

    /// @inheritdoc IRegistry
    function isAdmin(address account) external view returns (bool) {
        return hasRole(DEFAULT_ADMIN_ROLE, account);
    }

    /// @inheritdoc IRegistry
    function isVerifiedDoctor(address account) external view returns (bool) {
        return _doctors[account].status == DoctorStatus.Verified;
    }

    /// @inheritdoc IRegistry
    function isPatient(address account) external view returns (bool) {
        return _patients[account];
    }

    /// @inheritdoc IRegistry
    function doctorStatus(address account) external view returns (DoctorStatus) {
        return _doctors[account].status;
    }

    /// @inheritdoc IRegistry
    function getDoctor(address account) external view returns (Doctor memory) {
        return _doctors[account];
    }

    /// @inheritdoc IRegistry
    function adminCount() external view returns (uint256) {
        return getRoleMemberCount(DEFAULT_ADMIN_ROLE);
    }

    /// @inheritdoc IRegistry
    function doctorCount() external view returns (uint256) {
        return _doctorList.length;
    }

    /// @inheritdoc IRegistry
    function doctorsPage(uint256 offset, uint256 limit) external view returns (address[] memory page) {
        (uint256 start, uint256 end) = Paging.window(_doctorList.length, offset, limit);
        page = new address[](end - start);
        for (uint256 i = start; i < end; ++i) {
            page[i - start] = _doctorList[i];
        }
    }

    function _addAdmin(address account) private {
        if (account == address(0)) revert RegistryZeroAddress();
        if (!_grantRole(DEFAULT_ADMIN_ROLE, account)) revert RegistryAdminUnchanged(account);
    }

    function _removeAdmin(address account) private {
        if (!_revokeRole(DEFAULT_ADMIN_ROLE, account)) revert RegistryAdminUnchanged(account);
    }

    function _requireAdminRole(bytes32 role) private pure {
        if (role != DEFAULT_ADMIN_ROLE) revert RegistryUnsupportedRole(role);
    }

    function _registerDoctor(address doctor, address registeredBy, bytes32 licenceHash, uint16 speciality) private {
        if (doctor == address(0)) revert RegistryZeroAddress();
        if (licenceHash == bytes32(0)) revert RegistryInvalidLicenceHash();
        if (_isRegistered(doctor)) revert RegistryAlreadyRegistered(doctor);
        uint64 now_ = uint64(block.timestamp);
        _doctors[doctor] = Doctor(DoctorStatus.Pending, licenceHash, speciality, 0, now_, now_);
        _doctorList.push(doctor);
        emit DoctorRegistered(doctor, registeredBy, licenceHash, speciality);
    }

    function _isRegistered(address account) private view returns (bool) {
        return _patients[account] || _doctors[account].status != DoctorStatus.None;
    }
}

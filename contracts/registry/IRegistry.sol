// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title IRegistry
 * @notice Who is who in EHR Hospital: admins, doctors (pending until an admin verifies them) and
 * patients. Every other contract asks this one before letting an account act in a role.
 */
interface IRegistry {
    /// @notice Lifecycle of a doctor's registration. Only `Verified` doctors act as doctors.
    enum DoctorStatus {
        None,
        Pending,
        Verified,
        Revoked
    }

    /// @notice A doctor's on-chain profile. Names and contact details live off chain (MongoDB).
    struct Doctor {
        DoctorStatus status;
        bytes32 licenceHash;
        uint16 speciality;
        uint8 revocationReason;
        uint64 registeredAt;
        uint64 updatedAt;
    }

    /// @notice The zero address was given where an account is required.
    error RegistryZeroAddress();
    /// @notice `account` already holds a doctor or patient registration.
    error RegistryAlreadyRegistered(address account);
    /// @notice The licence hash was zero.
    error RegistryInvalidLicenceHash();
    /// @notice `doctor` is not in a status that allows this transition.
    error RegistryInvalidDoctorStatus(address doctor, DoctorStatus status);
    /// @notice Removing `admin` would leave the system without any admin.
    error RegistryLastAdmin(address admin);
    /// @notice `account` is not an admin (for removal) or is already one (for addition).
    error RegistryAdminUnchanged(address account);
    /// @notice `account` lacks the admin role.
    error RegistryUnauthorizedAdmin(address account);
    /// @notice The Registry has one role, `DEFAULT_ADMIN_ROLE` (the admins); `role` is not it.
    error RegistryUnsupportedRole(bytes32 role);

    /// @notice A doctor registration was recorded as pending. `registeredBy` is the doctor or an admin.
    event DoctorRegistered(
        address indexed doctor,
        address indexed registeredBy,
        bytes32 licenceHash,
        uint16 speciality
    );
    /// @notice An admin verified a pending (or previously revoked) doctor.
    event DoctorVerified(address indexed doctor, address indexed admin);
    /// @notice An admin revoked a doctor with a reason code.
    event DoctorRevoked(address indexed doctor, address indexed admin, uint8 reason);
    /// @notice A patient registered themselves.
    event PatientRegistered(address indexed patient);

    function registerDoctor(bytes32 licenceHash, uint16 speciality) external;
    function registerDoctorFor(address doctor, bytes32 licenceHash, uint16 speciality) external;
    function verifyDoctor(address doctor) external;
    function revokeDoctor(address doctor, uint8 reason) external;
    function registerPatient() external;
    function addAdmin(address account) external;
    function removeAdmin(address account) external;

    function isAdmin(address account) external view returns (bool);
    function isVerifiedDoctor(address account) external view returns (bool);
    function isPatient(address account) external view returns (bool);
    function doctorStatus(address account) external view returns (DoctorStatus);
    function getDoctor(address account) external view returns (Doctor memory);
    function adminCount() external view returns (uint256);
    function doctorCount() external view returns (uint256);
    /// @notice Doctors in registration order: at most `limit` (capped at 100) from `offset`.
    function doctorsPage(uint256 offset, uint256 limit) external view returns (address[] memory);
}

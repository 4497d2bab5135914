// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title IEmergencyAccess
 * @notice Break-glass: a verified doctor opens a patient's record without consent, in an emergency, for a
 * short window, with a justification committed on chain, in public and for good. It never touches
 * Consent: it opens the emergency profile and the records list (and, when the patient opted in to
 * emergency sharing, documents an on-duty admin re-wraps for the doctor), not the right to write records.
 * Admins see every use and how often each doctor used it; the patient sees it first in their Activity.
 *
 * The clinic's emergency public key (X25519) lives here too, so a patient's browser encrypts emergency
 * copies only to the key the chain names, never to one a server could substitute.
 *
 * IMPORTANT: public. The justification is committed as keccak256(salt, text), never in plaintext.
 */
interface IEmergencyAccess {
    /// @notice `account` is not a verified doctor.
    error EmergencyNotVerifiedDoctor(address account);
    /// @notice `account` is not a registered patient.
    error EmergencyNotPatient(address account);
    /// @notice A justification commitment is required (zero given).
    error EmergencyJustificationRequired();
    /// @notice `doctor` has no open emergency access to `patient`.
    error EmergencyAccessNotOpen(address patient, address doctor);
    /// @notice Only the patient, the doctor or an admin may end an emergency access; `account` is none.
    error EmergencyUnauthorizedCloser(address account);
    /// @notice The window must be between `minWindow` and `maxWindow`.
    error EmergencyInvalidWindow(uint64 window, uint64 minWindow, uint64 maxWindow);
    /// @notice The emergency key must not be zero.
    error EmergencyZeroKey();

    /**
     * @notice `doctor` opened `patient`'s record in an emergency until `expiresAt`.
     * @param justificationCommitment keccak256(abi.encodePacked(salt, justification)); the API keeps both.
     * @param doctorUseCount How many emergency accesses `doctor` has opened in all, this one included.
     */
    event EmergencyAccessOpened(
        address indexed patient,
        address indexed doctor,
        bytes32 justificationCommitment,
        uint64 expiresAt,
        uint32 doctorUseCount
    );
    /// @notice `by` (the patient, the doctor or an admin) ended `doctor`'s emergency access to `patient` early.
    event EmergencyAccessEnded(address indexed patient, address indexed doctor, address indexed by);
    /// @notice `admin` changed how long an emergency access lasts.
    event EmergencyWindowChanged(address indexed admin, uint64 previousWindow, uint64 newWindow);
    /// @notice `patient` turned emergency sharing of their documents on or off.
    event EmergencySharingChanged(address indexed patient, bool enabled);
    /// @notice `admin` set the clinic's emergency X25519 public key.
    event EmergencyKeyChanged(address indexed admin, bytes32 publicKey);

    /**
     * @notice The caller (a verified doctor) opens `patient`'s record for the emergency window.
     * Opening again while open restarts the window and counts as another use.
     * Emits {EmergencyAccessOpened}.
     */
    function breakGlass(address patient, bytes32 justificationCommitment) external;

    /**
     * @notice Ends an open emergency access early: the patient, the doctor or an admin. Reverts
     * {EmergencyAccessNotOpen} once it has ended or expired. Emits {EmergencyAccessEnded}.
     */
    function endEmergencyAccess(address patient, address doctor) external;

    /// @notice Sets the emergency window, within [MIN_WINDOW, MAX_WINDOW]. Registry admins only. Emits {EmergencyWindowChanged}.
    function setWindow(uint64 window) external;

    /**
     * @notice The caller (a registered patient) lets documents be wrapped for the clinic's emergency key, or stops it.
     * Emits {EmergencySharingChanged}.
     */
    function setEmergencySharing(bool enabled) external;

    /// @notice Sets the clinic's emergency X25519 public key. Registry admins only. Emits {EmergencyKeyChanged}.
    function setEmergencyKey(bytes32 publicKey) external;

    /// @notice True while `doctor` is verified and inside an emergency window on `patient`'s record.
    function hasEmergencyAccess(address patient, address doctor) external view returns (bool);

    /// @notice When `doctor`'s emergency access to `patient` ends (0 = never opened or ended).
    function emergencyAccessExpiry(address patient, address doctor) external view returns (uint64);

    /// @notice How many emergency accesses `doctor` has opened in all.
    function emergencyUses(address doctor) external view returns (uint32);

    /// @notice How long an emergency access lasts (default 24 hours).
    function window() external view returns (uint64);

    /// @notice Whether `patient` opted in to emergency sharing of their documents.
    function emergencySharing(address patient) external view returns (bool);

    /// @notice The clinic's emergency X25519 public key (zero until an admin sets it).
    function emergencyKey() external view returns (bytes32);
}

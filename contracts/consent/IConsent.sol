// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title IConsent
 * @notice Which doctor may read and write which patient's records, and until when.
 * Access comes from two sources: an explicit grant by the patient, and an accepted appointment
 * (from acceptance until `appointmentWindow` after the slot). The patient's revocation ends both.
 * Appointment-based access is exactly the union of the windows of the pair's open (accepted, not yet
 * closed) appointments accepted since the last revocation, plus those of completed ones.
 *
 * IMPORTANT: everything here is public on chain. Anyone can read which doctor a patient has granted,
 * revoked or booked, and until when. Never pass names, reasons or hashes of plaintext.
 */
interface IConsent {
    /**
     * @notice Everything known about one (patient, doctor) pair, packed into one storage slot.
     * @param grantedUntil Explicit grant by the patient (`type(uint64).max` = until revoked).
     * @param bookedUntil Latest slot + window among the pair's open (Accepted) appointments accepted
     * since the last revocation; recomputed whenever one of them closes.
     * @param completedUntil Latest slot + window among completed appointments accepted since the last revocation.
     * @param openBookings How many of the pair's appointments are Accepted right now.
     * @param epoch Bumped by every revocation: appointments accepted before it no longer grant anything.
     */
    struct Access {
        uint64 grantedUntil;
        uint64 bookedUntil;
        uint64 completedUntil;
        uint32 openBookings;
        uint32 epoch;
    }

    /// @notice The zero address was given where an account is required.
    error ConsentZeroAddress();
    /// @notice `account` is not a registered patient.
    error ConsentNotPatient(address account);
    /// @notice `account` is not a verified doctor.
    error ConsentNotVerifiedDoctor(address account);
    /// @notice `expiresAt` is not after the current block time `now_`.
    error ConsentInvalidExpiry(uint64 expiresAt, uint64 now_);
    /// @notice `doctor` has no active access to `patient`'s records, so there is nothing to revoke.
    error ConsentNotGranted(address patient, address doctor);
    /// @notice The appointment window must be between 1 hour and `maxWindow`.
    error ConsentInvalidWindow(uint64 window, uint64 maxWindow);
    /// @notice Only the account that deployed Consent may bind the Appointments contract; `account` did not.
    error ConsentUnauthorizedBinder(address account);
    /// @notice The Appointments contract is bound already (to `appointments`); binding happens once.
    error ConsentAppointmentsAlreadyBound(address appointments);
    /// @notice Only the bound Appointments contract calls the `onAppointment*` hooks; `account` is not it.
    error ConsentUnauthorizedHookCaller(address account);
    /// @notice Appointment `appointmentId` is not an open appointment of (`patient`, `doctor`).
    error ConsentUnknownAppointment(uint256 appointmentId, address patient, address doctor);

    /// @notice `patient` granted `doctor` access until `expiresAt` (`type(uint64).max` = until revoked).
    event AccessGranted(address indexed patient, address indexed doctor, uint64 expiresAt);
    /// @notice `patient` revoked every access `doctor` had, explicit and from appointments.
    event AccessRevoked(address indexed patient, address indexed doctor);
    /**
     * @notice Appointment `appointmentId` changed the access `doctor` has to `patient`'s records.
     * @param expiresAt The resulting effective expiry (see {accessExpiry}); 0 when no access remains.
     */
    event AppointmentAccessUpdated(
        address indexed patient,
        address indexed doctor,
        uint256 indexed appointmentId,
        uint64 expiresAt
    );
    /// @notice The Appointments contract at `appointments` was bound as the only caller of the hooks.
    event AppointmentsBound(address indexed appointments);
    /// @notice `admin` changed how long after an appointment's slot the doctor keeps access.
    event AppointmentWindowChanged(address indexed admin, uint64 previousWindow, uint64 newWindow);

    /**
     * @notice Binds the Appointments contract, the only caller of the `onAppointment*` hooks.
     * Only the deployer, only once (during deployment), never the zero address; nobody can rebind it.
     * Emits {AppointmentsBound}.
     */
    function bindAppointments(address appointments_) external;

    /**
     * @notice The caller (a patient) grants `doctor` read/write access until `expiresAt`.
     * Replaces the caller's previous explicit grant to `doctor` (so it can also shorten it).
     * @param expiresAt Unix time in the future; `type(uint64).max` means until revoked.
     * Emits {AccessGranted}.
     */
    function grantAccess(address doctor, uint64 expiresAt) external;

    /**
     * @notice The caller (a patient) ends all of `doctor`'s access, including the access that the
     * pair's accepted or completed appointments gave.
     * Emits {AccessRevoked}.
     */
    function revokeAccess(address doctor) external;

    /**
     * @notice Sets how long after an appointment's slot the doctor keeps access. Registry admins only.
     * Applies to appointments accepted or completed from now on.
     * Emits {AppointmentWindowChanged}.
     */
    function setAppointmentWindow(uint64 window) external;

    /**
     * @notice Called by the Appointments contract when `doctor` accepts appointment `appointmentId`:
     * grants access from now until `slot` + the appointment window. Bound Appointments contract only.
     * Emits {AppointmentAccessUpdated}.
     */
    function onAppointmentAccepted(uint256 appointmentId, address patient, address doctor, uint64 slot) external;

    /**
     * @notice Called by the Appointments contract when an accepted appointment leaves the Accepted state.
     * A completed appointment keeps access until its slot + window (unless revoked since acceptance);
     * a cancelled or no-show one keeps nothing, and the pair's booked access is recomputed from the
     * appointments still open. Bound Appointments contract only; reverts for an id that is not open.
     * Emits {AppointmentAccessUpdated}.
     */
    function onAppointmentClosed(uint256 appointmentId, address patient, address doctor, bool completed) external;

    /// @notice True when `doctor` is verified and currently has access to `patient`'s records.
    function hasAccess(address patient, address doctor) external view returns (bool);

    /// @notice When `doctor`'s access to `patient`'s records ends (0 = never granted or revoked).
    function accessExpiry(address patient, address doctor) external view returns (uint64);

    /**
     * @notice How many times `patient` has revoked `doctor`'s access. Appointments records it with each
     * request, so a request made before a revocation can no longer be accepted.
     */
    function revocationEpoch(address patient, address doctor) external view returns (uint32);

    /// @notice The raw consent state of the pair.
    function getAccess(address patient, address doctor) external view returns (Access memory);

    /// @notice How long after an appointment's slot the doctor keeps access (default 7 days).
    function appointmentWindow() external view returns (uint64);

    /// @notice The bound Appointments contract (zero until {bindAppointments}).
    function appointments() external view returns (address);
}

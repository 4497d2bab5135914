// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title IAppointments
 * @notice Patients book verified doctors; fees are held in escrow and paid out by pull payments.
 *
 *   Requested ──accept──> Accepted ──complete (after slot)──> Completed   fee → doctor
 *       │                    ├──markNoShow (after slot)──> NoShow         fee → doctor
 *       ├──reject──> Rejected    └──cancel (either, before slot)──> Cancelled   fee → patient
 *       └──cancel (patient)──> Cancelled                                  fee → patient
 */
interface IAppointments {
    /// @notice Appointment lifecycle; `None` marks an unknown id.
    enum Status {
        None,
        Requested,
        Accepted,
        Rejected,
        Cancelled,
        Completed,
        NoShow
    }

    /**
     * @notice One appointment. Packed into five slots plus the reason CID.
     * @param reasonCid IPFS CID of the patient's encrypted note about the reason, or empty.
     * @param fee Escrowed wei, the doctor's published fee at request time.
     * @param consentEpoch The pair's {IConsent-revocationEpoch} at request time: if the patient revokes
     * the doctor's access after requesting, the request can no longer be accepted.
     */
    struct Appointment {
        address patient;
        uint64 slot;
        Status status;
        address doctor;
        uint96 fee;
        uint64 id;
        uint64 requestedAt;
        uint64 acceptedAt;
        uint64 updatedAt;
        uint32 consentEpoch;
        string reasonCid;
    }

    /// @notice The zero address was given where an account is required.
    error AppointmentsZeroAddress();
    /// @notice `account` is not a registered patient.
    error AppointmentsNotPatient(address account);
    /// @notice `account` is not a verified doctor.
    error AppointmentsNotVerifiedDoctor(address account);
    /// @notice An account cannot book itself.
    error AppointmentsSelfAppointment(address account);
    /// @notice `slot` is not in the future (block time `now_`).
    error AppointmentsSlotInPast(uint64 slot, uint64 now_);
    /// @notice The value sent (`sent`) differs from the doctor's fee (`expected`).
    error AppointmentsFeeMismatch(uint256 expected, uint256 sent);
    /// @notice A fee above `max` wei cannot be escrowed.
    error AppointmentsFeeTooLarge(uint256 fee, uint256 max);
    /// @notice The reason CID is longer than `max` bytes.
    error AppointmentsInvalidCid(uint256 length, uint256 max);
    /// @notice No appointment has id `id`.
    error AppointmentsUnknownAppointment(uint256 id);
    /// @notice Appointment `id` is in `status`, which does not allow this transition.
    error AppointmentsInvalidStatus(uint256 id, Status status);
    /// @notice `account` is not the party of appointment `id` allowed to do this.
    error AppointmentsUnauthorized(uint256 id, address account);
    /// @notice The transition must happen before the slot; appointment `id`'s slot is `slot`.
    error AppointmentsSlotPassed(uint256 id, uint64 slot);
    /// @notice The transition must wait until the slot; appointment `id`'s slot is `slot`.
    error AppointmentsSlotNotReached(uint256 id, uint64 slot);
    /**
     * @notice The patient revoked the doctor's access after requesting appointment `id`, so accepting it
     * would give back access they took away. The patient or doctor can still cancel or reject it.
     */
    error AppointmentsConsentRevokedSinceRequest(uint256 id);
    /// @notice `account` has nothing to withdraw.
    error AppointmentsNothingToWithdraw(address account);
    /// @notice Sending `amount` wei to `account` failed; its balance is kept for a later attempt.
    error AppointmentsTransferFailed(address account, uint256 amount);

    /// @notice `doctor` published the fee (in wei) patients pay with each request.
    event DoctorFeeSet(address indexed doctor, uint256 fee);
    /// @notice `patient` requested appointment `id` with `doctor`, escrowing `fee` wei.
    event AppointmentRequested(
        uint256 indexed id,
        address indexed patient,
        address indexed doctor,
        uint64 slot,
        uint256 fee,
        string reasonCid
    );
    /// @notice Appointment `id` between `patient` and `doctor` moved to `status`; `by` made the change.
    event AppointmentStatusChanged(
        uint256 indexed id,
        address indexed patient,
        address indexed doctor,
        Status status,
        address by
    );
    /// @notice Appointment `id`'s escrowed fee (`amount` wei) became withdrawable by `payee`.
    event PaymentReleased(uint256 indexed id, address indexed payee, uint256 amount);
    /// @notice `account` withdrew `amount` wei.
    event Withdrawn(address indexed account, uint256 amount);

    /**
     * @notice The caller (a verified doctor) publishes the fee for new requests (0 = free).
     * Existing appointments keep the fee they escrowed.
     * Emits {DoctorFeeSet}.
     */
    function setFee(uint256 fee) external;

    /**
     * @notice The caller (a registered patient) requests an appointment with `doctor` at `slot`,
     * sending exactly the doctor's fee.
     * @param reasonCid CID of an encrypted note about the reason, or empty.
     * @return id The new appointment's id (ids start at 1).
     * Emits {AppointmentRequested}.
     */
    function requestAppointment(
        address doctor,
        uint64 slot,
        string calldata reasonCid
    ) external payable returns (uint256 id);

    /**
     * @notice The appointment's doctor accepts a request before its slot; the doctor gets access to the
     * patient's records until the slot + the consent window. Refused if the patient revoked the
     * doctor's access after making the request (a revocation wins over older requests).
     * Emits {AppointmentStatusChanged} and {IConsent-AppointmentAccessUpdated}.
     */
    function accept(uint256 id) external;

    /**
     * @notice The appointment's doctor rejects a request; the fee goes back to the patient.
     * Emits {AppointmentStatusChanged} and {PaymentReleased} when a fee was paid.
     */
    function reject(uint256 id) external;

    /**
     * @notice Cancels an appointment; the fee goes back to the patient. The patient may cancel a request
     * at any time; either party may cancel an accepted appointment before its slot; the patient may also
     * cancel it afterwards if the doctor is no longer verified (so no fee is stuck with a revoked doctor).
     * Emits {AppointmentStatusChanged} and {PaymentReleased} when a fee was paid.
     */
    function cancel(uint256 id) external;

    /**
     * @notice The appointment's doctor completes an accepted appointment once its slot has started;
     * the fee goes to the doctor.
     * Emits {AppointmentStatusChanged} and {PaymentReleased} when a fee was paid.
     */
    function complete(uint256 id) external;

    /**
     * @notice The appointment's doctor records that the patient did not come; the fee goes to the doctor.
     * Emits {AppointmentStatusChanged} and {PaymentReleased} when a fee was paid.
     */
    function markNoShow(uint256 id) external;

    /**
     * @notice Sends the caller everything released to them (fees earned or refunds).
     * Emits {Withdrawn}.
     */
    function withdraw() external;

    /// @notice The fee `doctor` currently asks, in wei.
    function doctorFee(address doctor) external view returns (uint256);
    /// @notice Wei `account` can withdraw now.
    function pendingWithdrawal(address account) external view returns (uint256);
    /// @notice Wei held for appointments that are not settled yet.
    function escrowed() external view returns (uint256);
    /// @notice Appointment `id` (reverts for unknown ids).
    function getAppointment(uint256 id) external view returns (Appointment memory);
    /// @notice Number of appointments ever requested.
    function appointmentCount() external view returns (uint256);
    /// @notice Number of appointments `patient` requested.
    function patientAppointmentCount(address patient) external view returns (uint256);
    /// @notice Number of appointments requested with `doctor`.
    function doctorAppointmentCount(address doctor) external view returns (uint256);
    /// @notice `patient`'s appointments, oldest first, at most `limit` (capped at 100) from `offset`.
    function patientAppointmentsPage(
        address patient,
        uint256 offset,
        uint256 limit
    ) external view returns (Appointment[] memory);
    /// @notice `doctor`'s appointments, oldest first, at most `limit` (capped at 100) from `offset`.
    function doctorAppointmentsPage(
        address doctor,
        uint256 offset,
        uint256 limit
    ) external view returns (Appointment[] memory);
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title IAppointments
 * @notice Patients book verified doctors; fees are held in escrow and paid out by pull payments.
 * A doctor publishes terms (fee and slot length); two active (Requested or Accepted) appointments of one
 * doctor never overlap in time. The patient may move an active appointment to another free time.
 *
 *   Requested ──accept──> Accepted ──complete (slot .. slot end + grace)──> Completed   fee → doctor
 *       │                    ├──markNoShow (slot .. slot end + grace)──> NoShow        fee held
 *       │                    ├──reclaimFee (patient, after slot end + grace)──> Expired fee → patient
 *       ├──reject──> Rejected    └──cancel (either, before slot)──> Cancelled         fee → patient
 *       └──cancel (patient)──> Cancelled                                               fee → patient
 *
 *   NoShow ──claimNoShowFee (doctor, after the dispute period)──> NoShow              fee → doctor
 *     └──disputeNoShow (patient, within it)──> Disputed ──settleDispute (admin)──> Refunded fee → patient
 *                                                                             └──> NoShow  fee → doctor
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
        NoShow,
        Disputed,
        Expired,
        Refunded
    }

    /**
     * @notice One appointment. Packed into four slots plus the reason CID.
     * @param feeSettled The fee has left escrow (to either party, or there was none to hold).
     * @param duration Length of the slot in seconds: the doctor's slot length at request time.
     * @param reasonCid IPFS CID of the patient's encrypted note about the reason, or empty.
     * @param fee Escrowed wei, the doctor's published fee at request time.
     * @param consentEpoch The pair's {IConsent-revocationEpoch} at request time: if the patient revokes
     * the doctor's access after requesting, the request can no longer be accepted.
     */
    struct Appointment {
        address patient;
        uint64 slot;
        Status status;
        bool feeSettled;
        address doctor;
        uint96 fee;
        uint64 id;
        uint64 requestedAt;
        uint64 acceptedAt;
        uint64 updatedAt;
        uint32 consentEpoch;
        uint32 duration;
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
    /// @notice A slot length must lie between `min` and `max` seconds.
    error AppointmentsInvalidSlotLength(uint256 slotLength, uint256 min, uint256 max);
    /// @notice `doctor` has not published terms (fee and slot length) yet, so cannot be booked.
    error AppointmentsTermsNotSet(address doctor);
    /**
     * @notice The requested time overlaps appointment `conflictingId` of the same doctor, which is
     * requested or accepted and runs from `takenFrom` to `takenUntil`.
     */
    error AppointmentsSlotTaken(uint256 conflictingId, uint64 takenFrom, uint64 takenUntil);
    /// @notice A settlement period must lie between `min` and `max` seconds.
    error AppointmentsInvalidPeriod(uint256 period, uint256 min, uint256 max);
    /// @notice Appointment `id` could be closed by its doctor only until `deadline`.
    error AppointmentsClosingPeriodOver(uint256 id, uint64 deadline);
    /// @notice Appointment `id`'s doctor may still close it until `deadline`; the fee cannot be reclaimed before.
    error AppointmentsClosingPeriodNotOver(uint256 id, uint64 deadline);
    /// @notice The no-show of appointment `id` could be disputed only until `deadline`.
    error AppointmentsDisputePeriodOver(uint256 id, uint64 deadline);
    /// @notice The no-show of appointment `id` may be disputed until `deadline`; its fee stays held until then.
    error AppointmentsDisputePeriodNotOver(uint256 id, uint64 deadline);
    /// @notice A time range must run forwards and span at most `maxLength` seconds.
    error AppointmentsInvalidRange(uint64 from, uint64 to, uint64 maxLength);
    /// @notice The fee of appointment `id` has been settled already.
    error AppointmentsFeeAlreadySettled(uint256 id);
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

    /// @notice `doctor` published the fee (in wei) patients pay with each request and the length of a slot.
    event DoctorTermsSet(address indexed doctor, uint256 fee, uint32 slotLength);
    /// @notice `admin` changed how long doctors have to close an appointment and patients to dispute a no-show.
    event SettlementPeriodsChanged(address indexed admin, uint64 closingGracePeriod, uint64 disputePeriod);
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
    /// @notice The patient moved appointment `id` from `previousSlot` to `slot`; its fee stays in escrow.
    event AppointmentRescheduled(
        uint256 indexed id,
        address indexed patient,
        address indexed doctor,
        uint64 previousSlot,
        uint64 slot
    );
    /// @notice Appointment `id`'s escrowed fee (`amount` wei) became withdrawable by `payee`.
    event PaymentReleased(uint256 indexed id, address indexed payee, uint256 amount);
    /// @notice `account` withdrew `amount` wei.
    event Withdrawn(address indexed account, uint256 amount);

    /**
     * @notice The caller (a verified doctor) publishes the fee for new requests (0 = free) and the length of
     * one slot in seconds (between 5 minutes and 4 hours). A doctor cannot be booked before doing so.
     * Existing appointments keep the fee they escrowed and the length they were booked with.
     * Emits {DoctorTermsSet}.
     */
    function setTerms(uint256 fee, uint32 slotLength) external;

    /**
     * @notice An admin sets how long after a slot's end its doctor may still complete it or mark a no-show
     * (then the patient may reclaim the fee), and how long after a no-show the patient may dispute it
     * (then the doctor may claim the fee). Each between 1 and 30 days; the new periods apply to every
     * appointment not settled yet.
     * Emits {SettlementPeriodsChanged}.
     */
    function setSettlementPeriods(uint64 closingGracePeriod, uint64 disputePeriod) external;

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
     * @notice The appointment's patient moves a requested or accepted appointment, before its slot, to another
     * free time of the same length; the fee stays in escrow and an accepted appointment stays accepted
     * (the doctor's access follows the new slot). Refused if the patient revoked the doctor since requesting.
     * Emits {AppointmentRescheduled}.
     */
    function reschedule(uint256 id, uint64 newSlot) external;

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
     * @notice The appointment's doctor completes an accepted appointment once its slot has started and
     * before the closing grace period after its end is over; the fee goes to the doctor.
     * Emits {AppointmentStatusChanged} and {PaymentReleased} when a fee was paid.
     */
    function complete(uint256 id) external;

    /**
     * @notice The appointment's doctor records that the patient did not come (same period as {complete}).
     * The fee stays held until the dispute period is over ({claimNoShowFee}) or an admin settles a dispute;
     * a free appointment's no-show is settled at once (`feeSettled`), so it cannot be disputed or claimed.
     * Emits {AppointmentStatusChanged}.
     */
    function markNoShow(uint256 id) external;

    /**
     * @notice The appointment's patient takes the fee back from an accepted appointment its doctor did not
     * close within the closing grace period after the slot's end.
     * Emits {AppointmentStatusChanged} (Expired) and {PaymentReleased} when a fee was paid.
     */
    function reclaimFee(uint256 id) external;

    /**
     * @notice The appointment's patient disputes a no-show within the dispute period; an admin settles it.
     * Emits {AppointmentStatusChanged} (Disputed).
     */
    function disputeNoShow(uint256 id) external;

    /**
     * @notice The appointment's doctor takes the held fee of an undisputed no-show once the dispute period is over.
     * Emits {PaymentReleased} when a fee was paid.
     */
    function claimNoShowFee(uint256 id) external;

    /**
     * @notice An admin settles a disputed no-show: the fee goes back to the patient (Refunded) or to the
     * doctor (NoShow).
     * Emits {AppointmentStatusChanged} and {PaymentReleased} when a fee was paid.
     */
    function settleDispute(uint256 id, bool refundPatient) external;

    /**
     * @notice Sends the caller everything released to them (fees earned or refunds).
     * Emits {Withdrawn}.
     */
    function withdraw() external;

    /// @notice The fee `doctor` currently asks, in wei.
    function doctorFee(address doctor) external view returns (uint256);
    /// @notice The fee `doctor` currently asks, in wei, and the length of one slot in seconds (0 = no terms yet).
    function doctorTerms(address doctor) external view returns (uint256 fee, uint32 slotLength);
    /// @notice Seconds after a slot's end during which its doctor may still complete it or mark a no-show.
    function closingGracePeriod() external view returns (uint64);
    /// @notice Seconds after a no-show during which the patient may dispute it.
    function disputePeriod() external view returns (uint64);
    /// @notice Wei `account` can withdraw now.
    function pendingWithdrawal(address account) external view returns (uint256);
    /// @notice Wei held for appointments that are not settled yet.
    function escrowed() external view returns (uint256);
    /**
     * @notice `doctor`'s requested and accepted appointments whose time overlaps [`from`, `to`): the times
     * nobody else can book. `to - from` is at most 31 days. Reads a bounded index, not the doctor's history.
     */
    function activeAppointmentsBetween(
        address doctor,
        uint64 from,
        uint64 to
    ) external view returns (Appointment[] memory);
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

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IRegistry} from "../registry/IRegistry.sol";
import {RegistryGoverned} from "../access/RegistryGoverned.sol";
import {IConsent} from "../consent/IConsent.sol";
import {Paging} from "../utils/Paging.sol";
import {IAppointments} from "./IAppointments.sol";

/**
 * @title Appointments
 * @notice Appointment requests, their status machine and the fee escrow (see {IAppointments}).
 * @dev Money never leaves in a state change other than {withdraw}: settling an appointment only moves
 * its fee from `escrowed` to the payee's withdrawable balance, so the contract's ETH balance always
 * equals `escrowed()` plus the sum of `pendingWithdrawal`s. Accepting and closing appointments tell
 * {IConsent} so access follows the appointment (Consent is bound to this contract at deployment).
 *
 * Overlaps are found without iterating a doctor's whole history: active appointments are filed by the hour
 * their slot starts in. Two active appointments of one doctor never overlap and each lasts at least
 * `MIN_SLOT_LENGTH`, so an hour holds at most 12 of them, and a new slot can only overlap appointments
 * starting in the `MAX_SLOT_LENGTH` before it or during it: the check reads a bounded number of entries
 * however many appointments a doctor has had (no gas griefing by spamming requests).
 */
contract Appointments is IAppointments, RegistryGoverned, ReentrancyGuard {
    /// @notice Longest reason CID accepted (CIDv1 base32 of sha256 is 59 characters).
    uint256 public constant MAX_CID_LENGTH = 128;
    /// @notice Shortest slot a doctor may publish.
    uint32 public constant MIN_SLOT_LENGTH = 5 minutes;
    /// @notice Longest slot a doctor may publish.
    uint32 public constant MAX_SLOT_LENGTH = 4 hours;
    /// @notice Bounds of the closing grace and dispute periods.
    uint64 public constant MIN_SETTLEMENT_PERIOD = 1 days;
    uint64 public constant MAX_SETTLEMENT_PERIOD = 30 days;
    /// @notice Periods used until an admin changes them.
    uint64 public constant DEFAULT_CLOSING_GRACE_PERIOD = 7 days;
    uint64 public constant DEFAULT_DISPUTE_PERIOD = 7 days;
    /// @notice Longest range {activeAppointmentsBetween} answers for.
    uint64 public constant MAX_QUERY_RANGE = 31 days;

    /// @dev Granularity of the index of active appointments by start time.
    uint64 private constant _HOUR = 1 hours;

    IConsent private immutable _consent;

    Appointment[] private _appointments;
    mapping(address patient => uint64[]) private _byPatient;
    mapping(address doctor => uint64[]) private _byDoctor;
    mapping(address doctor => uint256) private _fees;
    mapping(address doctor => uint32) private _slotLengths;
    /// @dev A doctor's Requested and Accepted appointments, by the hour (slot / 1 hour) they start in.
    mapping(address doctor => mapping(uint64 hour => uint64[] ids)) private _activeByHour;
    mapping(address account => uint256) private _withdrawable;
    uint256 private _escrowed;
    uint64 private _closingGracePeriod = DEFAULT_CLOSING_GRACE_PERIOD;
    uint64 private _disputePeriod = DEFAULT_DISPUTE_PERIOD;

    constructor(IRegistry registry_, IConsent consent_) RegistryGoverned(registry_) {
        if (address(consent_) == address(0)) revert AppointmentsZeroAddress();
        _consent = consent_;
    }

    modifier onlyVerifiedDoctor() {
        if (!registry().isVerifiedDoctor(msg.sender)) revert AppointmentsNotVerifiedDoctor(msg.sender);
        _;
    }

    /// @inheritdoc IAppointments
    function setTerms(uint256 fee, uint32 slotLength) external onlyVerifiedDoctor {
        if (fee > type(uint96).max) revert AppointmentsFeeTooLarge(fee, type(uint96).max);
        if (slotLength < MIN_SLOT_LENGTH || slotLength > MAX_SLOT_LENGTH) {
            revert AppointmentsInvalidSlotLength(slotLength, MIN_SLOT_LENGTH, MAX_SLOT_LENGTH);
        }
        _fees[msg.sender] = fee;
        _slotLengths[msg.sender] = slotLength;
        emit DoctorTermsSet(msg.sender, fee, slotLength);
    }

    /// @inheritdoc IAppointments
    function setSettlementPeriods(uint64 closingGracePeriod_, uint64 disputePeriod_) external onlyRegistryAdmin {
        _requirePeriod(closingGracePeriod_);
        _requirePeriod(disputePeriod_);
        _closingGracePeriod = closingGracePeriod_;
        _disputePeriod = disputePeriod_;
        emit SettlementPeriodsChanged(msg.sender, closingGracePeriod_, disputePeriod_);
    }

    /// @inheritdoc IAppointments
    function requestAppointment(
        address doctor,
        uint64 slot,
        string calldata reasonCid
    ) external payable returns (uint256 id) {
        if (doctor == address(0)) revert AppointmentsZeroAddress();
        if (doctor == msg.sender) revert AppointmentsSelfAppointment(msg.sender);
        if (!registry().isPatient(msg.sender)) revert AppointmentsNotPatient(msg.sender);
        if (!registry().isVerifiedDoctor(doctor)) revert AppointmentsNotVerifiedDoctor(doctor);
        if (slot <= block.timestamp) revert AppointmentsSlotInPast(slot, uint64(block.timestamp));
        if (bytes(reasonCid).length > MAX_CID_LENGTH)
            revert AppointmentsInvalidCid(bytes(reasonCid).length, MAX_CID_LENGTH);
        uint32 duration = _slotLengths[doctor];
        if (duration == 0) revert AppointmentsTermsNotSet(doctor);
        uint256 fee = _fees[doctor];
        if (msg.value != fee) revert AppointmentsFeeMismatch(fee, msg.value);
        _requireFree(doctor, slot, duration);

        id = _appointments.length + 1;
        uint64 now_ = uint64(block.timestamp);
        _appointments.push(
            Appointment({
                patient: msg.sender,
                slot: slot,
                status: Status.Requested,
                feeSettled: false,
                doctor: doctor,
                fee: uint96(fee),
                id: uint64(id),
                requestedAt: now_,
                acceptedAt: 0,
                updatedAt: now_,
                consentEpoch: _consent.revocationEpoch(msg.sender, doctor),
                duration: duration,
                reasonCid: reasonCid
            })
        );
        _activeByHour[doctor][slot / _HOUR].push(uint64(id));
        _byPatient[msg.sender].push(uint64(id));
        _byDoctor[doctor].push(uint64(id));
        _escrowed += fee;
        emit AppointmentRequested(id, msg.sender, doctor, slot, fee, reasonCid);
    }

    /// @inheritdoc IAppointments
    function reschedule(uint256 id, uint64 newSlot) external {
        Appointment storage appointment = _existing(id);
        if (msg.sender != appointment.patient) revert AppointmentsUnauthorized(id, msg.sender);
        Status status = appointment.status;
        if (status != Status.Requested && status != Status.Accepted) revert AppointmentsInvalidStatus(id, status);
        uint64 previousSlot = appointment.slot;
        if (block.timestamp >= previousSlot) revert AppointmentsSlotPassed(id, previousSlot);
        if (newSlot <= block.timestamp) revert AppointmentsSlotInPast(newSlot, uint64(block.timestamp));
        address doctor = appointment.doctor;
        if (!registry().isVerifiedDoctor(doctor)) revert AppointmentsNotVerifiedDoctor(doctor);
        if (_consent.revocationEpoch(appointment.patient, doctor) != appointment.consentEpoch) {
            revert AppointmentsConsentRevokedSinceRequest(id);
        }
        _removeActive(appointment);
        _requireFree(doctor, newSlot, appointment.duration);
        appointment.slot = newSlot;
        appointment.updatedAt = uint64(block.timestamp);
        _activeByHour[doctor][newSlot / _HOUR].push(uint64(id));
        emit AppointmentRescheduled(id, appointment.patient, doctor, previousSlot, newSlot);
        if (status == Status.Accepted) {
            // Access follows the appointment: closing and reopening it moves the window to the new slot.
            _consent.onAppointmentClosed(id, appointment.patient, doctor, false);
            _consent.onAppointmentAccepted(id, appointment.patient, doctor, newSlot);
        }
    }

    /// @inheritdoc IAppointments
    function accept(uint256 id) external onlyVerifiedDoctor {
        Appointment storage appointment = _doctorsAppointment(id, Status.Requested);
        if (block.timestamp >= appointment.slot) revert AppointmentsSlotPassed(id, appointment.slot);
        if (_consent.revocationEpoch(appointment.patient, appointment.doctor) != appointment.consentEpoch) {
            revert AppointmentsConsentRevokedSinceRequest(id);
        }
        appointment.acceptedAt = uint64(block.timestamp);
        _setStatus(appointment, Status.Accepted);
        _consent.onAppointmentAccepted(id, appointment.patient, appointment.doctor, appointment.slot);
    }

    /// @inheritdoc IAppointments
    function reject(uint256 id) external onlyVerifiedDoctor {
        Appointment storage appointment = _doctorsAppointment(id, Status.Requested);
        _removeActive(appointment);
        _setStatus(appointment, Status.Rejected);
        _release(appointment, appointment.patient);
    }

    /// @inheritdoc IAppointments
    function cancel(uint256 id) external {
        Appointment storage appointment = _existing(id);
        Status status = appointment.status;
        bool byPatient = msg.sender == appointment.patient;
        if (!byPatient && msg.sender != appointment.doctor) revert AppointmentsUnauthorized(id, msg.sender);
        if (status == Status.Requested) {
            // A doctor declines a request with reject(), which says why the patient got the fee back.
            if (!byPatient) revert AppointmentsUnauthorized(id, msg.sender);
        } else if (status == Status.Accepted) {
            if (!byPatient && !registry().isVerifiedDoctor(msg.sender))
                revert AppointmentsNotVerifiedDoctor(msg.sender);
            bool doctorGone = byPatient && !registry().isVerifiedDoctor(appointment.doctor);
            if (block.timestamp >= appointment.slot && !doctorGone) revert AppointmentsSlotPassed(id, appointment.slot);
        } else {
            revert AppointmentsInvalidStatus(id, status);
        }
        _removeActive(appointment);
        _setStatus(appointment, Status.Cancelled);
        _release(appointment, appointment.patient);
        if (status == Status.Accepted) {
            _consent.onAppointmentClosed(id, appointment.patient, appointment.doctor, false);
        }
    }

    /// @inheritdoc IAppointments
    function complete(uint256 id) external onlyVerifiedDoctor {
        _closeAfterSlot(id, Status.Completed);
    }

    /// @inheritdoc IAppointments
    function markNoShow(uint256 id) external onlyVerifiedDoctor {
        _closeAfterSlot(id, Status.NoShow);
    }

    /// @inheritdoc IAppointments
    function reclaimFee(uint256 id) external {
        Appointment storage appointment = _existing(id);
        if (msg.sender != appointment.patient) revert AppointmentsUnauthorized(id, msg.sender);
        if (appointment.status != Status.Accepted) revert AppointmentsInvalidStatus(id, appointment.status);
        uint64 deadline = _closingDeadline(appointment);
        if (block.timestamp < deadline) revert AppointmentsClosingPeriodNotOver(id, deadline);
        _removeActive(appointment);
        _setStatus(appointment, Status.Expired);
        _release(appointment, appointment.patient);
        _consent.onAppointmentClosed(id, appointment.patient, appointment.doctor, false);
    }

    /// @inheritdoc IAppointments
    function disputeNoShow(uint256 id) external {
        Appointment storage appointment = _existing(id);
        if (msg.sender != appointment.patient) revert AppointmentsUnauthorized(id, msg.sender);
        _requireHeldNoShow(appointment);
        uint64 deadline = appointment.updatedAt + _disputePeriod;
        if (block.timestamp >= deadline) revert AppointmentsDisputePeriodOver(id, deadline);
        _setStatus(appointment, Status.Disputed);
    }

    /// @inheritdoc IAppointments
    function claimNoShowFee(uint256 id) external {
        Appointment storage appointment = _existing(id);
        if (msg.sender != appointment.doctor) revert AppointmentsUnauthorized(id, msg.sender);
        _requireHeldNoShow(appointment);
        uint64 deadline = appointment.updatedAt + _disputePeriod;
        if (block.timestamp < deadline) revert AppointmentsDisputePeriodNotOver(id, deadline);
        _release(appointment, appointment.doctor);
    }

    /// @inheritdoc IAppointments
    function settleDispute(uint256 id, bool refundPatient) external onlyRegistryAdmin {
        Appointment storage appointment = _existing(id);
        if (appointment.status != Status.Disputed) revert AppointmentsInvalidStatus(id, appointment.status);
        _setStatus(appointment, refundPatient ? Status.Refunded : Status.NoShow);
        _release(appointment, refundPatient ? appointment.patient : appointment.doctor);
    }

    /// @inheritdoc IAppointments
    function withdraw() external nonReentrant {
        uint256 amount = _withdrawable[msg.sender];
        if (amount == 0) revert AppointmentsNothingToWithdraw(msg.sender);
        _withdrawable[msg.sender] = 0;
        emit Withdrawn(msg.sender, amount);
        (bool sent, ) = payable(msg.sender).call{value: amount}("");
        if (!sent) revert AppointmentsTransferFailed(msg.sender, amount);
    }

    /// @inheritdoc IAppointments
    function doctorFee(address doctor) external view returns (uint256) {
        return _fees[doctor];
    }

    /// @inheritdoc IAppointments
    function doctorTerms(address doctor) external view returns (uint256 fee, uint32 slotLength) {
        return (_fees[doctor], _slotLengths[doctor]);
    }

    /// @inheritdoc IAppointments
    function closingGracePeriod() external view returns (uint64) {
        return _closingGracePeriod;
    }

    /// @inheritdoc IAppointments
    function disputePeriod() external view returns (uint64) {
        return _disputePeriod;
    }

    /// @inheritdoc IAppointments
    function pendingWithdrawal(address account) external view returns (uint256) {
        return _withdrawable[account];
    }

    /// @inheritdoc IAppointments
    function escrowed() external view returns (uint256) {
        return _escrowed;
    }

    /// @inheritdoc IAppointments
    function activeAppointmentsBetween(
        address doctor,
        uint64 from,
        uint64 to
    ) external view returns (Appointment[] memory found) {
        if (to <= from || to - from > MAX_QUERY_RANGE) revert AppointmentsInvalidRange(from, to, MAX_QUERY_RANGE);
        uint64 firstHour = from > MAX_SLOT_LENGTH ? (from - MAX_SLOT_LENGTH) / _HOUR : 0;
        uint64 lastHour = (to - 1) / _HOUR;
        mapping(uint64 => uint64[]) storage byHour = _activeByHour[doctor];
        // Two passes over the same bounded index: count, then fill (memory arrays cannot grow).
        uint256 count;
        for (uint64 hour = firstHour; hour <= lastHour; ++hour) {
            uint64[] storage ids = byHour[hour];
            for (uint256 i = 0; i < ids.length; ++i) {
                if (_overlaps(_appointments[ids[i] - 1], from, to)) ++count;
            }
        }
        found = new Appointment[](count);
        uint256 next;
        for (uint64 hour = firstHour; hour <= lastHour && next < count; ++hour) {
            uint64[] storage ids = byHour[hour];
            for (uint256 i = 0; i < ids.length; ++i) {
                Appointment storage appointment = _appointments[ids[i] - 1];
                if (_overlaps(appointment, from, to)) {
                    found[next] = appointment;
                    ++next;
                }
            }
        }
    }

    /// @inheritdoc IAppointments
    function getAppointment(uint256 id) external view returns (Appointment memory) {
        return _existing(id);
    }

    /// @inheritdoc IAppointments
    function appointmentCount() external view returns (uint256) {
        return _appointments.length;
    }

    /// @inheritdoc IAppointments
    function patientAppointmentCount(address patient) external view returns (uint256) {
        return _byPatient[patient].length;
    }

    /// @inheritdoc IAppointments
    function doctorAppointmentCount(address doctor) external view returns (uint256) {
        return _byDoctor[doctor].length;
    }

    /// @inheritdoc IAppointments
    function patientAppointmentsPage(
        address patient,
        uint256 offset,
        uint256 limit
    ) external view returns (Appointment[] memory) {
        return _page(_byPatient[patient], offset, limit);
    }

    /// @inheritdoc IAppointments
    function doctorAppointmentsPage(
        address doctor,
        uint256 offset,
        uint256 limit
    ) external view returns (Appointment[] memory) {
        return _page(_byDoctor[doctor], offset, limit);
    }

    /// @dev Completes or marks a no-show between the slot's start and the closing deadline. A no-show's fee
    /// stays held for the dispute period; a free one has nothing to hold, so it is settled at once (a later
    /// claim would change state without an event, and a dispute would have nothing to settle).
    function _closeAfterSlot(uint256 id, Status outcome) private {
        Appointment storage appointment = _doctorsAppointment(id, Status.Accepted);
        if (block.timestamp < appointment.slot) revert AppointmentsSlotNotReached(id, appointment.slot);
        uint64 deadline = _closingDeadline(appointment);
        if (block.timestamp >= deadline) revert AppointmentsClosingPeriodOver(id, deadline);
        _removeActive(appointment);
        _setStatus(appointment, outcome);
        if (outcome == Status.Completed) _release(appointment, appointment.doctor);
        else if (appointment.fee == 0) appointment.feeSettled = true;
        _consent.onAppointmentClosed(id, appointment.patient, appointment.doctor, outcome == Status.Completed);
    }

    function _closingDeadline(Appointment storage appointment) private view returns (uint64) {
        return appointment.slot + appointment.duration + _closingGracePeriod;
    }

    function _requireHeldNoShow(Appointment storage appointment) private view {
        if (appointment.status != Status.NoShow) revert AppointmentsInvalidStatus(appointment.id, appointment.status);
        if (appointment.feeSettled) revert AppointmentsFeeAlreadySettled(appointment.id);
    }

    function _requirePeriod(uint64 period) private pure {
        if (period < MIN_SETTLEMENT_PERIOD || period > MAX_SETTLEMENT_PERIOD) {
            revert AppointmentsInvalidPeriod(period, MIN_SETTLEMENT_PERIOD, MAX_SETTLEMENT_PERIOD);
        }
    }

    /// @dev Reverts with {AppointmentsSlotTaken} if [slot, slot + duration) overlaps an active appointment of
    /// `doctor`. Only appointments starting in the hours from `slot - MAX_SLOT_LENGTH` to the new slot's end
    /// can overlap it.
    function _requireFree(address doctor, uint64 slot, uint32 duration) private view {
        uint64 end = slot + duration;
        uint64 firstHour = slot > MAX_SLOT_LENGTH ? (slot - MAX_SLOT_LENGTH) / _HOUR : 0;
        uint64 lastHour = (end - 1) / _HOUR;
        mapping(uint64 => uint64[]) storage byHour = _activeByHour[doctor];
        for (uint64 hour = firstHour; hour <= lastHour; ++hour) {
            uint64[] storage ids = byHour[hour];
            for (uint256 i = 0; i < ids.length; ++i) {
                Appointment storage other = _appointments[ids[i] - 1];
                if (_overlaps(other, slot, end))
                    revert AppointmentsSlotTaken(other.id, other.slot, other.slot + other.duration);
            }
        }
    }

    function _overlaps(Appointment storage appointment, uint64 from, uint64 to) private view returns (bool) {
        return appointment.slot < to && from < appointment.slot + appointment.duration;
    }

    /// @dev Takes an appointment that is leaving Requested/Accepted (or moving) out of the active index.
    function _removeActive(Appointment storage appointment) private {
        uint64[] storage ids = _activeByHour[appointment.doctor][appointment.slot / _HOUR];
        uint256 count = ids.length;
        for (uint256 i = 0; i < count; ++i) {
            if (ids[i] == appointment.id) {
                ids[i] = ids[count - 1];
                ids.pop();
                return;
            }
        }
    }

    /// @dev The caller's (a doctor's) appointment `id`, which must be in `expected`.
    function _doctorsAppointment(uint256 id, Status expected) private view returns (Appointment storage appointment) {
        appointment = _existing(id);
        if (appointment.doctor != msg.sender) revert AppointmentsUnauthorized(id, msg.sender);
        if (appointment.status != expected) revert AppointmentsInvalidStatus(id, appointment.status);
    }

    function _existing(uint256 id) private view returns (Appointment storage) {
        if (id == 0 || id > _appointments.length) revert AppointmentsUnknownAppointment(id);
        return _appointments[id - 1];
    }

    function _setStatus(Appointment storage appointment, Status status) private {
        appointment.status = status;
        appointment.updatedAt = uint64(block.timestamp);
        emit AppointmentStatusChanged(appointment.id, appointment.patient, appointment.doctor, status, msg.sender);
    }

    /// @dev Moves the appointment's escrowed fee to `payee`'s withdrawable balance.
    function _release(Appointment storage appointment, address payee) private {
        appointment.feeSettled = true;
        uint256 fee = appointment.fee;
        if (fee == 0) return;
        _escrowed -= fee;
        _withdrawable[payee] += fee;
        emit PaymentReleased(appointment.id, payee, fee);
    }

    function _page(
        uint64[] storage ids,
        uint256 offset,
        uint256 limit
    ) private view returns (Appointment[] memory page) {
        (uint256 start, uint256 end) = Paging.window(ids.length, offset, limit);
        page = new Appointment[](end - start);
        for (uint256 i = start; i < end; ++i) {
            page[i - start] = _appointments[ids[i] - 1];
        }
    }
}

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
 */
contract Appointments is IAppointments, RegistryGoverned, ReentrancyGuard {
    /// @notice Longest reason CID accepted (CIDv1 base32 of sha256 is 59 characters).
    uint256 public constant MAX_CID_LENGTH = 128;

    IConsent private immutable _consent;

    Appointment[] private _appointments;
    mapping(address patient => uint64[]) private _byPatient;
    mapping(address doctor => uint64[]) private _byDoctor;
    mapping(address doctor => uint256) private _fees;
    mapping(address account => uint256) private _withdrawable;
    uint256 private _escrowed;

    constructor(IRegistry registry_, IConsent consent_) RegistryGoverned(registry_) {
        if (address(consent_) == address(0)) revert AppointmentsZeroAddress();
        _consent = consent_;
    }

    modifier onlyVerifiedDoctor() {
        if (!registry().isVerifiedDoctor(msg.sender)) revert AppointmentsNotVerifiedDoctor(msg.sender);
        _;
    }

    /// @inheritdoc IAppointments
    function setFee(uint256 fee) external onlyVerifiedDoctor {
        if (fee > type(uint96).max) revert AppointmentsFeeTooLarge(fee, type(uint96).max);
        _fees[msg.sender] = fee;
        emit DoctorFeeSet(msg.sender, fee);
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
        uint256 fee = _fees[doctor];
        if (msg.value != fee) revert AppointmentsFeeMismatch(fee, msg.value);

        id = _appointments.length + 1;
        uint64 now_ = uint64(block.timestamp);
        _appointments.push(
            Appointment({
                patient: msg.sender,
                slot: slot,
                status: Status.Requested,
                doctor: doctor,
                fee: uint96(fee),
                id: uint64(id),
                requestedAt: now_,
                acceptedAt: 0,
                updatedAt: now_,
                consentEpoch: _consent.revocationEpoch(msg.sender, doctor),
                reasonCid: reasonCid
            })
        );
        _byPatient[msg.sender].push(uint64(id));
        _byDoctor[doctor].push(uint64(id));
        _escrowed += fee;
        emit AppointmentRequested(id, msg.sender, doctor, slot, fee, reasonCid);
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
    function pendingWithdrawal(address account) external view returns (uint256) {
        return _withdrawable[account];
    }

    /// @inheritdoc IAppointments
    function escrowed() external view returns (uint256) {
        return _escrowed;
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

    function _closeAfterSlot(uint256 id, Status outcome) private {
        Appointment storage appointment = _doctorsAppointment(id, Status.Accepted);
        if (block.timestamp < appointment.slot) revert AppointmentsSlotNotReached(id, appointment.slot);
        _setStatus(appointment, outcome);
        _release(appointment, appointment.doctor);
        _consent.onAppointmentClosed(id, appointment.patient, appointment.doctor, outcome == Status.Completed);
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

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAppointments} from "../appointments/IAppointments.sol";
import {IRegistry} from "../registry/IRegistry.sol";

/**
 * @title ReentrantWithdrawer
 * @notice TEST ONLY. A patient contract whose receive() calls back into {IAppointments-withdraw} to
 * try to drain the escrow. The tests prove the nested call fails and the balance is paid once.
 */
contract ReentrantWithdrawer {
    IAppointments private immutable _appointments;
    /// @notice How many times receive() tried to re-enter.
    uint256 public reentryAttempts;
    /// @notice Revert data of the last failed re-entry (the guard's custom error).
    bytes public lastReentryError;

    constructor(IAppointments appointments_) {
        _appointments = appointments_;
    }

    /// @notice Registers this contract as a patient.
    function registerAsPatient(IRegistry registry) external {
        registry.registerPatient();
    }

    /// @notice Books `doctor`, forwarding the value sent as the fee.
    function book(address doctor, uint64 slot) external payable returns (uint256) {
        return _appointments.requestAppointment{value: msg.value}(doctor, slot, "");
    }

    /// @notice Cancels appointment `id` (so the fee is refunded to this contract).
    function cancel(uint256 id) external {
        _appointments.cancel(id);
    }

    /// @notice Withdraws the refund; receive() re-enters while it is being paid.
    function attack() external {
        _appointments.withdraw();
    }

    // The attack itself: an attacker's receive() is as complex as it needs to be.
    // solhint-disable-next-line no-complex-fallback
    receive() external payable {
        ++reentryAttempts;
        // solhint-disable-next-line no-empty-blocks
        try _appointments.withdraw() {
            // Reaching this line would mean a second payout: the test fails on the balances.
        } catch (bytes memory reason) {
            lastReentryError = reason;
        }
    }
}

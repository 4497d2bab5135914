// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IRegistry} from "../registry/IRegistry.sol";

/**
 * @title IRegistryGoverned
 * @notice Errors shared by every contract whose admins are the Registry's admins.
 */
interface IRegistryGoverned {
    /// @notice The Registry address given at deployment was zero.
    error GovernedZeroRegistry();
    /// @notice `account` is not a Registry admin.
    error GovernedUnauthorizedAdmin(address account);

    /// @notice The Registry this contract asks who is admin, doctor or patient.
    function registry() external view returns (IRegistry);
}

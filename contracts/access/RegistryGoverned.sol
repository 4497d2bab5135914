// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IRegistry} from "../registry/IRegistry.sol";
import {IRegistryGoverned} from "./IRegistryGoverned.sol";

/**
 * @title RegistryGoverned
 * @notice Base for the domain contracts: roles are never copied, they are read from the one Registry,
 * so adding, removing, verifying or revoking an account there takes effect everywhere at once.
 */
abstract contract RegistryGoverned is IRegistryGoverned {
    IRegistry private immutable _registry;

    constructor(IRegistry registry_) {
        if (address(registry_) == address(0)) revert GovernedZeroRegistry();
        _registry = registry_;
    }

    modifier onlyRegistryAdmin() {
        if (!_registry.isAdmin(msg.sender)) revert GovernedUnauthorizedAdmin(msg.sender);
        _;
    }

    /// @inheritdoc IRegistryGoverned
    function registry() public view returns (IRegistry) {
        return _registry;
    }
}

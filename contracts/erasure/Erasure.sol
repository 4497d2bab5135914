// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IRegistry} from "../registry/IRegistry.sol";
import {RegistryGoverned} from "../access/RegistryGoverned.sol";
import {IErasure} from "./IErasure.sol";

/**
 * @title Erasure
 * @notice Erasure tombstones. See {IErasure}. A patient stays registered: erasure removes what they had,
 * it does not bar them from coming back (what they add later is theirs until their next erasure).
 */
contract Erasure is IErasure, RegistryGoverned {
    mapping(address patient => uint256 blockNumber) private _erasedAt;

    constructor(IRegistry registry_) RegistryGoverned(registry_) {}

    /// @inheritdoc IErasure
    function erase() external {
        if (!registry().isPatient(msg.sender)) revert ErasureNotPatient(msg.sender);
        _erase(msg.sender, bytes32(0));
    }

    /// @inheritdoc IErasure
    function eraseFor(address patient, bytes32 requestCommitment) external onlyRegistryAdmin {
        if (!registry().isPatient(patient)) revert ErasureNotPatient(patient);
        if (requestCommitment == bytes32(0)) revert ErasureRequestRequired();
        _erase(patient, requestCommitment);
    }

    /// @inheritdoc IErasure
    function erasedAtBlock(address patient) external view returns (uint256) {
        return _erasedAt[patient];
    }

    function _erase(address patient, bytes32 requestCommitment) private {
        _erasedAt[patient] = block.number;
        emit PatientErased(patient, msg.sender, requestCommitment);
    }
}

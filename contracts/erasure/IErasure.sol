// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title IErasure
 * @notice The right to erasure on a ledger that cannot forget: a patient (or an admin acting on a
 * verified request) records an erasure here; the API then crypto-shreds everything off chain (wrapped
 * keys destroyed, profile removed, IPFS pins dropped), so the chain's pointers lead to ciphertext
 * nobody can open. The event is the tombstone: every read-model rebuild reads it first and drops what
 * the patient had before it, so rebuilding from the chain never brings the data back.
 *
 * IMPORTANT: public. An admin's request is committed as a hash of the request's reference, never its text.
 */
interface IErasure {
    /// @notice `account` is not a registered patient.
    error ErasureNotPatient(address account);
    /// @notice An admin's erasure must commit to the verified request it acts on (zero given).
    error ErasureRequestRequired();

    /**
     * @notice Everything `patient` had off chain up to this block is to be erased.
     * @param by The patient, or the admin who acted on a verified request.
     * @param requestCommitment Zero when the patient erased; else the admin's commitment to the request.
     */
    event PatientErased(address indexed patient, address indexed by, bytes32 requestCommitment);

    /// @notice The caller (a registered patient) erases their data. Emits {PatientErased}.
    function erase() external;

    /// @notice A Registry admin erases `patient`'s data on a verified request. Emits {PatientErased}.
    function eraseFor(address patient, bytes32 requestCommitment) external;

    /// @notice The block of `patient`'s latest erasure (0 = never erased).
    function erasedAtBlock(address patient) external view returns (uint256);
}

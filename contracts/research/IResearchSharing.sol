// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title IResearchSharing
 * @notice Patients opt in (and out) to sharing de-identified data for research, with a scope and an
 * expiry; admins anchor the hash of every research export they make, so the export cannot later be
 * rewritten or denied. The API exports only patients whose opt-in is live on chain at export time.
 *
 * IMPORTANT: everything here is public. An opt-in says only that a patient agreed to share, what kinds
 * of data and until when; an export anchor is a hash and counts, never the data.
 */
interface IResearchSharing {
    /// @notice A patient's research opt-in: what they share (SCOPE_* bits) and until when (unix time).
    struct Participation {
        uint8 scope;
        uint64 expiresAt;
    }

    /// @notice One anchored research export.
    struct ResearchExport {
        bytes32 exportHash;
        address admin;
        uint32 patientCount;
        uint16 k;
        uint32 epsilonMilli;
        uint64 anchoredAt;
    }

    /// @notice `account` is not a registered patient.
    error ResearchNotPatient(address account);
    /// @notice `scope` is empty or has bits outside SCOPE_ALL.
    error ResearchInvalidScope(uint8 scope);
    /// @notice `expiresAt` is not after the current block time `now_`.
    error ResearchInvalidExpiry(uint64 expiresAt, uint64 now_);
    /// @notice `patient` has no live opt-in to withdraw.
    error ResearchNotOptedIn(address patient);
    /// @notice An export hash must not be zero.
    error ResearchZeroExportHash();
    /// @notice `k` is below the minimum anonymity `minK` every export must meet.
    error ResearchInvalidK(uint16 k, uint16 minK);
    /// @notice `exportHash` was anchored already, as export `exportId`.
    error ResearchExportAlreadyAnchored(bytes32 exportHash, uint256 exportId);
    /// @notice No export has id `exportId`.
    error ResearchUnknownExport(uint256 exportId);

    /// @notice `patient` shares `scope` (SCOPE_* bits) for research until `expiresAt`; replaces any earlier opt-in.
    event ResearchOptedIn(address indexed patient, uint8 scope, uint64 expiresAt);
    /// @notice `patient` withdrew from research sharing: no later export includes them.
    event ResearchOptedOut(address indexed patient);
    /// @notice `admin` anchored export `exportId`: the sha-256 `exportHash` of its canonical JSON.
    event ResearchExportAnchored(
        uint256 indexed exportId,
        bytes32 indexed exportHash,
        address indexed admin,
        uint32 patientCount,
        uint16 k,
        uint32 epsilonMilli
    );

    /**
     * @notice The caller (a registered patient) opts in to research sharing of `scope` until `expiresAt`.
     * @param scope SCOPE_* bits, at least one: demographics, appointment history, record kinds.
     * Emits {ResearchOptedIn}.
     */
    function optIn(uint8 scope, uint64 expiresAt) external;

    /// @notice The caller withdraws a live opt-in. Emits {ResearchOptedOut}.
    function optOut() external;

    /**
     * @notice Anchors a research export's hash with what it was made with. Registry admins only.
     * @param epsilonMilli The Laplace mechanism's ε for the export's aggregate counts, in thousandths.
     * @return exportId The new export's id (ids start at 1).
     * Emits {ResearchExportAnchored}.
     */
    function anchorExport(
        bytes32 exportHash,
        uint32 patientCount,
        uint16 k,
        uint32 epsilonMilli
    ) external returns (uint256 exportId);

    /// @notice The patient's latest opt-in (scope 0 = none or withdrawn); it may have expired.
    function participation(address patient) external view returns (Participation memory);

    /// @notice The scope `patient` shares right now: 0 when never opted in, withdrawn or expired.
    function liveScope(address patient) external view returns (uint8);

    /// @notice How many exports were anchored.
    function exportCount() external view returns (uint256);

    /// @notice Export `exportId`; reverts for an unknown id.
    function getExport(uint256 exportId) external view returns (ResearchExport memory);

    /// @notice The id `exportHash` was anchored as, 0 when never.
    function exportIdOf(bytes32 exportHash) external view returns (uint256);
}

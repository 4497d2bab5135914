// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title IRecords
 * @notice Append-only pointers to a patient's encrypted documents on IPFS. Entries are never
 * overwritten or deleted: a correction is a new entry that `amends` the one it replaces, and each
 * entry can be amended once, so the versions of a document form a single chain.
 */
interface IRecords {
    /// @notice What a document is. Patients add TestReport, Imaging and Other; doctors add any kind.
    enum Kind {
        TestReport,
        ConsultationNote,
        Prescription,
        Imaging,
        Other
    }

    /**
     * @notice One record entry.
     * @param contentHash sha256 of the encrypted document (the bytes behind `cid`). Never a hash of the
     * plaintext: entries are public, and a plaintext hash lets anyone confirm a guessed document.
     * @param cid IPFS CID of the encrypted document.
     * @param amends Id of the entry this one corrects (0 = original).
     * @param amendedBy Id of the entry that corrects this one (0 = latest version).
     */
    struct Entry {
        address patient;
        uint64 id;
        Kind kind;
        address author;
        uint64 createdAt;
        uint64 amends;
        uint64 amendedBy;
        bytes32 contentHash;
        string cid;
    }

    /// @notice The zero address was given where an account is required.
    error RecordsZeroAddress();
    /// @notice `account` is not a registered patient.
    error RecordsNotPatient(address account);
    /// @notice `account` is neither the patient nor a verified doctor.
    error RecordsNotVerifiedDoctor(address account);
    /// @notice `doctor` has no access to `patient`'s records (see {IConsent-hasAccess}).
    error RecordsNoAccess(address patient, address doctor);
    /// @notice Patients cannot add entries of `kind` (consultation notes and prescriptions come from doctors).
    error RecordsKindNotAllowed(Kind kind);
    /// @notice The CID is empty or longer than `max` bytes.
    error RecordsInvalidCid(uint256 length, uint256 max);
    /// @notice The content hash is zero.
    error RecordsInvalidContentHash();
    /// @notice No entry has id `id`.
    error RecordsUnknownEntry(uint256 id);
    /// @notice Only entry `id`'s author (`author`) may amend it.
    error RecordsNotAuthor(uint256 id, address author);
    /// @notice Entry `id` was already amended by entry `amendedBy`; amend the latest version.
    error RecordsAlreadyAmended(uint256 id, uint256 amendedBy);

    /// @notice `author` added entry `id` to `patient`'s records; `amends` is the corrected entry (0 = none).
    event RecordAdded(
        uint256 indexed id,
        address indexed patient,
        address indexed author,
        Kind kind,
        string cid,
        bytes32 contentHash,
        uint256 amends
    );

    /**
     * @notice Adds an entry to `patient`'s records. The patient may add their own documents; a verified
     * doctor may add entries while {IConsent-hasAccess}(patient, doctor) holds.
     * @param cid IPFS CID of the encrypted document (1 to 128 bytes).
     * @param contentHash sha256 of the encrypted document, never of the plaintext (non-zero).
     * @return id The new entry's id (ids start at 1).
     * Emits {RecordAdded}.
     */
    function addRecord(
        address patient,
        Kind kind,
        string calldata cid,
        bytes32 contentHash
    ) external returns (uint256 id);

    /**
     * @notice The author of entry `amendedId` adds a corrected version of it (same patient and kind).
     * The author must still be allowed to write the patient's records.
     * @return id The new entry's id.
     * Emits {RecordAdded}.
     */
    function amendRecord(uint256 amendedId, string calldata cid, bytes32 contentHash) external returns (uint256 id);

    /// @notice Entry `id` (reverts for unknown ids).
    function getRecord(uint256 id) external view returns (Entry memory);
    /// @notice Number of entries of all patients.
    function recordCount() external view returns (uint256);
    /// @notice Number of entries (all versions) in `patient`'s records.
    function patientRecordCount(address patient) external view returns (uint256);
    /// @notice `patient`'s entries, oldest first, at most `limit` (capped at 100) from `offset`.
    function patientRecordsPage(address patient, uint256 offset, uint256 limit) external view returns (Entry[] memory);
}

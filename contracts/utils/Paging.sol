// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title Paging
 * @notice Bounds for the paged views the UI reads without an indexer. A page never holds more than
 * `MAX_PAGE_SIZE` items, so a view's cost does not grow with a patient's or doctor's history.
 */
library Paging {
    uint256 internal constant MAX_PAGE_SIZE = 100;

    /// @dev Half-open window [start, end) of a list of `total` items; empty when `offset` is past the end.
    function window(uint256 total, uint256 offset, uint256 limit) internal pure returns (uint256 start, uint256 end) {
        if (offset >= total) return (total, total);
        if (limit > MAX_PAGE_SIZE) limit = MAX_PAGE_SIZE;
        uint256 remaining = total - offset;
        return (offset, offset + (limit < remaining ? limit : remaining));
    }
}

/**
 * Every section of `npm run bench`, run one after the other in this order (one section at a time, so none
 * measures another's load). A new benchmark adds its file under bench/<domain>/ and one entry here.
 */
import { bulkAnchoringSection } from './anchoring/bulk-anchoring-section';
import { indexerSection } from './indexer/indexer-section';
import type { BenchSection } from './results/bench-section';

export const BENCH_SECTIONS: BenchSection[] = [bulkAnchoringSection, indexerSection];

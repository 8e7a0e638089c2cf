/**
 * The scorecard fixtures under the same mutations as the shared ones (test/support/mutate.ts): moved, merges dropped,
 * headers respelled, numbers as text, cells blanked, bystanders around. Never an exception, nothing written outside the
 * table, fill twice = fill once, the same table and derived values when only moved and respelled.
 */
import { mutationProperties } from "../support/mutate";
import { scorecardNames, scorecardSnapshots } from "../support/scorecards";

describe.each(scorecardNames())("%s under mutation", (name) => mutationProperties(() => scorecardSnapshots(name)));

/**
 * Property tests over the SPEC §2.6 variants of every shared fixture (test/support/variantProperties.ts): merges undone
 * with values repeated, a far stray value, template rows inserted, the target split over three columns, a second table
 * beside (or below) the first. Each variant must give the same tables, the same derived values and the same findings
 * at the moved cells.
 */
import { fixtureNames, fixtureSnapshots } from "../support/fixtures";
import { variantProperties } from "../support/variantProperties";

describe.each(fixtureNames())("%s: the SPEC §2.6 variants read as the original", (name) => variantProperties(() => fixtureSnapshots(name)));

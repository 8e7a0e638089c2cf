/**
 * Property tests over mutated fixtures: rows inserted above, the table moved right, merges dropped, headers
 * respelled with spaces and line breaks, numbers turned into text, cells blanked, bystander cells around.
 * Never an exception, never a change outside the table (nor on a bystander), fill twice = fill once.
 */
import { fixtureNames, fixtureSnapshots } from "../support/fixtures";
import { mutationProperties } from "../support/mutate";

describe.each(fixtureNames())("%s under mutation", (name) => mutationProperties(() => fixtureSnapshots(name)));

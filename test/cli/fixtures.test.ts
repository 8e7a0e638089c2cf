/**
 * The whole chain on every shared fixture (test/support/fixtureChain.ts): `jixiao fill`, then LibreOffice computes
 * the output's formulas from scratch → the oracle's values; `jixiao check --json` → every oracle finding; filling the
 * filled file again plans no change.
 */
import { FIXTURE_NAMES, FIXTURES } from "../adapters/xlsx/badInputs";
import { fixtureChain } from "../support/fixtureChain";

jest.setTimeout(300_000);

describe.each(FIXTURE_NAMES)("%s", (name) => fixtureChain(FIXTURES, name));

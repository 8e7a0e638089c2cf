/**
 * A workbook read and written with no change is the same file, byte for byte; the engine's snapshot of it is the same.
 */
import { loadXlsx } from "../../../src/adapters/xlsx";
import { FIXTURE_NAMES, fixtureBytes } from "./badInputs";

describe.each(FIXTURE_NAMES)("round trip of %s", (name) => {
  it("writes the same bytes when nothing changed, and reads the same snapshot back", async () => {
    const original = fixtureBytes(name);
    const book = await loadXlsx(original);
    const written = await book.toBuffer();
    expect(Buffer.compare(Buffer.from(written), Buffer.from(original))).toBe(0);
    expect((await loadXlsx(written)).snapshots()).toEqual(book.snapshots());
  });
});

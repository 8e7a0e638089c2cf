/**
 * The catalogue's command-line part as the page and its workers have it: empty. Only src/cli says `cli.*` sentences,
 * so webpack.config.js puts this module in place of ./cli in the browser bundles (the CLI and the tests keep ./cli).
 */
import type { CLI as Sentences } from "./cli";

export const CLI = {} as typeof Sentences;
